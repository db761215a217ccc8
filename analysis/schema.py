"""Column names, dtypes and record types shared by every table the suite writes.

Every table is built from these definitions (:func:`empty_frame`, :func:`conform`), so a
column is named and typed in exactly one place. All character offsets (``start``/``end``)
index into ``articles.text`` of the same ``article_id``.
"""

from __future__ import annotations

import re
from collections import Counter
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
    "date": STRING,  # ISO 8601 at the precision the source gives: 2022-08-01T10:00, 2009-01-20; "" if not understood
    "date_raw": STRING,  # the source's date as given when it could not be read as a date (then date is ""), else ""
    "outlet": STRING,
    "url": STRING,
    "byline": STRING,
    "source": STRING,  # where the text came from, as the record (or a page's NAME.meta.json) says
    "license": STRING,  # the terms it may be shown under, as the record says; "" when not given
    "captions": "object",  # list[str]
    "text": STRING,  # the cleaned body; paragraphs separated by "\n"
    "removed": "object",  # list[str]: lines the cleaner took out as page chrome
    "n_chars": INT32,
    "content_key": STRING,  # cache key of the whole row: every field read + analyser, rules, settings, dictionary
    "text_key": STRING,  # cache key of the analysis: text + analyser version + settings + dictionary
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
    date_raw: str = ""
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


@dataclass(slots=True)
class Corpus:
    """The tables of one corpus, as :func:`analysis.read_tables` returns them."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    rejects: pd.DataFrame
    quotes: pd.DataFrame
    n_read: int = 0
    n_tokenized: int = 0  # articles tokenised in this build (0 when all came from the cache)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage of this build

    def summary(self) -> str:
        """Records read, kept and rejected by reason."""
        raw_dates = int((self.articles["date_raw"] != "").sum())
        return summary_text(self.n_read, len(self.articles), self.rejects["reason"].tolist(), raw_dates=raw_dates)


def summary_text(n_read: int, n_articles: int, reasons: list[str], *, raw_dates: int = 0) -> str:
    """``records read / articles kept / rejected`` with the rejects counted by reason (names and quoted values
    left out, so that one line counts one kind of problem).

    Example:
        >>> print(summary_text(3, 2, ["malformed JSON: Expecting value at column 1"]))
        records read: 3
        articles kept: 2
        rejected: 1
              1  malformed JSON
    """
    lines = [f"records read: {n_read}", f"articles kept: {n_articles}", f"rejected: {len(reasons)}"]
    short = [re.sub(r"'[^']*'", "'…'", re.sub(r"\(first seen in .*\)|; columns are .*", "", r)).split(":")[0]
             for r in reasons]
    lines += [f"  {count:>5}  {reason}" for reason, count in sorted(Counter(short).items())]
    if raw_dates:
        lines.append(f"dates not understood (kept raw in date_raw): {raw_dates}")
    return "\n".join(lines)
