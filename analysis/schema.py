"""Column names, dtypes and record types shared by every table the suite writes.

Every table is built from these definitions (:func:`empty_frame`, :func:`conform`), so a
column is named and typed in exactly one place. All character offsets (``start``/``end``)
index into ``articles.text`` of the same ``article_id``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, Literal, get_args

if TYPE_CHECKING:  # pandas is imported where tables are made, so a cached rebuild starts fast
    import pandas as pd

STRING: Final = "string"  # pandas' StringDtype
INT32: Final = "int32"
CATEGORY: Final = "category"

#: ``articles``: one row per kept article.
ARTICLES: Final[dict[str, object]] = {
    "article_id": STRING,
    "source_path": STRING,
    "record": STRING,  # where in the file: "" for one-article files, "line 3", "row 7" …
    "title": STRING,
    "date": STRING,  # ISO 8601 at the precision the source gives: 2022-08-01T10:00 or 2009-01-20
    "outlet": STRING,
    "url": STRING,
    "byline": STRING,
    "source": STRING,  # where the text came from, as the record (or a page's NAME.meta.json) says
    "license": STRING,  # the terms it may be shown under, as the record says; "" when not given
    "captions": "object",  # list[str]
    "text": STRING,  # the cleaned body; paragraphs separated by "\n"
    "removed": "object",  # list[str]: lines the cleaner took out as page chrome
    "n_chars": INT32,
    "content_key": STRING,  # cache key: text + analyser version + settings + dictionary
}

#: ``sentences``: Kiwi's sentences, never crossing a paragraph.
SENTENCES: Final[dict[str, object]] = {
    "article_id": STRING,
    "paragraph_id": INT32,
    "sent_id": INT32,  # running number within the article
    "start": INT32,
    "end": INT32,
    "text": STRING,
}

#: ``tokens``: Kiwi's morphemes. ``lemma`` is the dictionary form of predicates (밝히 → 밝히다).
TOKENS: Final[dict[str, object]] = {
    "article_id": STRING,
    "sent_id": INT32,
    "token_id": INT32,  # running number within the article
    "form": STRING,
    "tag": CATEGORY,
    "start": INT32,
    "end": INT32,
    "lemma": STRING,
}

#: ``rejects``: every record read that did not become an article, with the reason.
REJECTS: Final[dict[str, object]] = {
    "source_path": STRING,
    "record": STRING,
    "reason": STRING,
}

#: ``quotes``: direct quotes with their attributed speaker.
QUOTES: Final[dict[str, object]] = {
    "article_id": STRING,
    "quote_id": INT32,
    "sent_id": INT32,
    "start": INT32,  # content offsets, marks excluded: text[start:end] == content
    "end": INT32,
    "content": STRING,
    "speaker": STRING,  # canonical name (오세훈), organisation or source as written; "" if unknown
    "mention": STRING,  # how the quote's own sentence refers to the speaker (오 시장); "" if implicit
    "role": STRING,  # title or office (서울시장); "" if none
    "cue": STRING,  # the reporting verb's lemma (말하다, 밝히다) or the quotative ending
    "basis": STRING,  # where the speaker was found: one of QUOTE_BASES
}

#: Where a quote's speaker was found, from the most to the least direct: the subject of its own
#: sentence; the sentence after a standalone quote (…이같이 말했다); the phrase the reporting verb
#: modifies or the quote's possessor ("…"고 말한 김 의원, 잭 런던의 "…"); a source or a statement
#: cited (X에 따르면, X의 성명); the speaker in force (그는, 이어, no subject); "" for no speaker.
QuoteBasis = Literal["subject", "next sentence", "reporter", "source", "in force", ""]
QUOTE_BASES: Final[tuple[str, ...]] = get_args(QuoteBasis)

@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said one quote, as the clause stage decides it (a record like textacy's ``DQTriple``):
    the canonical ``speaker``, the ``mention`` that names them in the quote's sentence (as written,
    ``""`` if implicit), their ``role`` and the ``basis`` (one of :data:`QUOTE_BASES`)."""

    speaker: str
    mention: str
    role: str
    basis: QuoteBasis


TABLES: Final[dict[str, dict[str, object]]] = {
    "articles": ARTICLES,
    "sentences": SENTENCES,
    "tokens": TOKENS,
    "rejects": REJECTS,
    "quotes": QUOTES,
}

TableName = Literal["articles", "sentences", "tokens", "rejects", "quotes"]


def empty_frame(table: TableName) -> pd.DataFrame:
    """An empty table with the right columns and dtypes."""
    import pandas as pd

    return conform(pd.DataFrame({c: [] for c in TABLES[table]}), table)


def conform(df: pd.DataFrame, table: TableName) -> pd.DataFrame:
    """Order the columns of ``df`` as the schema says and cast them to its dtypes.

    Raises:
        KeyError: when a column of the schema is missing, naming it.
    """
    spec = TABLES[table]
    missing = [c for c in spec if c not in df.columns]
    if missing:
        raise KeyError(f"table {table!r} is missing columns {missing}")
    out = df.loc[:, list(spec)]
    return out.astype(spec).reset_index(drop=True)


@dataclass(slots=True)
class Record:
    """One article as read from a file, before tokenisation."""

    source_path: str
    record: str
    text: str
    article_id: str = ""
    title: str = ""
    date: str = ""
    outlet: str = ""
    url: str = ""
    byline: str = ""
    source: str = ""
    license: str = ""
    captions: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass(slots=True, frozen=True)
class Reject:
    """A record (or a whole file) that could not be used, and why."""

    source_path: str
    record: str
    reason: str
