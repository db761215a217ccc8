"""Corpus-wide counts of a build: terms, speakers, theme shares — DuckDB queries, never a table loaded whole.

These are the figures an index page or a first look needs; each takes any corpus an analysis
accepts (a build folder, a narrowed :class:`~analysis.dataset.Dataset`, a :class:`Corpus`).

Example:
    >>> quote_counts("build/wikinews").head(3)  # doctest: +SKIP
      speaker  quotes  articles
    0  문재인      18         9
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .dataset import Dataset, Source
from .keywords import Pos, term_frequencies
from .themes import Theme, corpus_shares


def term_counts(source: Source, *, pos: Pos = "nouns") -> pd.DataFrame:
    """:func:`analysis.keywords.term_frequencies` of a corpus (kept for callers of the part-by-part version)."""
    return term_frequencies(source, pos=pos)


def quote_counts(source: Source) -> pd.DataFrame:
    """Speakers ranked by quotes: ``speaker, quotes, articles``, most quoted first, ties by name."""
    out = Dataset.of(source).sql("""
        SELECT speaker, count(*)::BIGINT AS quotes, count(DISTINCT article_id)::BIGINT AS articles FROM quotes
        WHERE speaker <> '' GROUP BY speaker ORDER BY quotes DESC, speaker""")
    return out.astype({"speaker": "string"})


def quotes_of(source: Source, speaker: str = "", *, limit: int | None = None) -> pd.DataFrame:
    """The quotes of ``speaker`` (all quotes when empty), with their article's date and title, in corpus order.

    Returns ``article_id, date, title, quote_id, start, end, speaker, mention, role, cue, basis, content``:
    ``articles.text[start:end]`` of the article is the quote.
    """
    ds = Dataset.of(source)
    where = "WHERE q.speaker = $speaker" if speaker else ""
    query = f"""
        SELECT q.article_id, a.date, a.title, q.* EXCLUDE (article_id)
        FROM quotes q JOIN articles a USING (article_id) JOIN article_order o USING (article_id)
        {where} ORDER BY o.ord, q.quote_id {"" if limit is None else f"LIMIT {int(limit)}"}"""
    out = ds.sql(query, {"speaker": speaker} if speaker else None)
    return out.astype({c: "string" for c in out.columns if out[c].dtype == object})


def quotes_by_basis(source: Source) -> pd.Series:
    """Quotes by where their speaker was found (``basis``), in :data:`analysis.schema.QUOTE_BASES` order."""
    from .schema import QUOTE_BASES

    counts = Dataset.of(source).sql("SELECT basis, count(*) AS n FROM quotes GROUP BY basis")
    counts = counts.set_index("basis")["n"].reindex(list(QUOTE_BASES)).dropna().astype("int64")
    counts.index = [b or "(화자 없음)" for b in counts.index]
    return counts.rename("인용문 수")


def theme_shares(source: Source, *, themes: Mapping[str, Theme] | None = None) -> pd.DataFrame:
    """:func:`analysis.themes.corpus_shares` of a corpus."""
    return corpus_shares(source, themes=themes)
