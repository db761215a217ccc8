"""Content words: which morphemes count as terms, and the SQL that selects them.

Nouns keep their form (서울시는 → 서울시); verbs and adjectives become lemmas (밝혔다 → 밝히다).
Every keyword statistic starts from :func:`terms_sql`, run by DuckDB over the ``tokens`` view of a
:class:`~analysis.dataset.Dataset`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from ..dataset import Dataset, Source
from ..resources import CORPUS_DIR, load_words

if TYPE_CHECKING:
    import pandas as pd

NOUN_TAGS: Final = ("NNG", "NNP", "SL", "SH")
PREDICATE_TAGS: Final = ("VV", "VA", "VV-I", "VV-R", "VA-I", "VA-R")
STOPWORDS_FILE: Final = CORPUS_DIR / "stopwords.txt"

Pos = Literal["nouns", "predicates", "all"]
POS_TAGS: Final[dict[str, tuple[str, ...]]] = {"nouns": NOUN_TAGS, "predicates": PREDICATE_TAGS,
                                                 "all": NOUN_TAGS + PREDICATE_TAGS}


@cache
def load_stopwords(path: Path = STOPWORDS_FILE) -> frozenset[str]:
    """The stopword list (one word per line, ``#`` comments), checked by :func:`~analysis.resources.load_words`."""
    return frozenset(load_words(path))


def sql_list(values: Iterable[str]) -> str:
    """``('a', 'b')`` for a SQL ``IN``: the values are the project's own tag names, never user input."""
    return "(" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + ")"


def register_words(ds: Dataset, name: str, words: Iterable[str]) -> str:
    """Make ``words`` a one-column table ``name(w)`` of the dataset's connection; returns ``name``."""
    import pandas as pd

    ds.register(name, pd.DataFrame({"w": pd.Series(sorted(set(words)), dtype="string")}))
    return name


def terms_sql(ds: Dataset, *, pos: Pos = "nouns", stopwords: Iterable[str] | None = None, min_length: int = 2,
              table: str = "tokens") -> str:
    """A SQL query of the content words of ``table``: ``article_id, sent_id, token_id, start, end, term, tag``.

    ``tag`` is the tag without its irregular-conjugation suffix (VV-I → VV).
    """
    stop = register_words(ds, "_stopwords", load_stopwords() if stopwords is None else stopwords)
    return f"""
        SELECT article_id, sent_id, token_id, start, "end", term, tag FROM (
            SELECT article_id, sent_id, token_id, start, "end",
                   CASE WHEN starts_with(CAST(tag AS VARCHAR), 'V') THEN lemma ELSE form END AS term,
                   rtrim(left(CAST(tag AS VARCHAR), 3), '-') AS tag
            FROM {table} WHERE CAST(tag AS VARCHAR) IN {sql_list(POS_TAGS[pos])}
        ) WHERE length(term) >= {int(min_length)} AND term NOT IN (SELECT w FROM {stop})"""


def terms(source: Source, *, pos: Pos = "nouns", stopwords: Iterable[str] | None = None, min_length: int = 2
          ) -> pd.DataFrame:
    """The content words of a corpus: one row per occurrence with its ``term``, by article id and position.

    Args:
        source: a build folder, a :class:`~analysis.dataset.Dataset`, a :class:`Corpus` or a ``tokens`` table.
        pos: ``"nouns"`` (NNG, NNP, SL, SH), ``"predicates"`` (VV, VA) or ``"all"`` of both.
        stopwords: words to leave out (default: ``corpus/stopwords.txt``).
        min_length: shortest term kept, in characters. The default 2 drops one-syllable nouns,
            mostly surnames cut from their title (오 시장 → 오) and bound nouns; pass 1 to keep them.

    Returns:
        Columns ``article_id, sent_id, token_id, start, end, term, tag``.

    Example:
        >>> terms(corpus).head(2)  # doctest: +SKIP
             article_id  sent_id  token_id  start  end  term  tag
        0  000_f887c3d3        0         3     10   12    서울  NNP
    """
    ds = Dataset.of(source)
    query = terms_sql(ds, pos=pos, stopwords=stopwords, min_length=min_length)
    return typed_terms(ds.sql(f"SELECT * FROM ({query}) ORDER BY article_id, token_id"))


def typed_terms(frame: pd.DataFrame) -> pd.DataFrame:
    """The dtypes :func:`terms` promises (DuckDB hands back plain numpy types)."""
    return frame.astype({"article_id": "string", "sent_id": "int32", "token_id": "int32", "start": "int32",
                         "end": "int32", "term": "string", "tag": "string"})
