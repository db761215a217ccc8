"""Which frequent terms share sentences: the edges of a co-occurrence network."""

from __future__ import annotations

import pandas as pd

from ..dataset import Dataset, Source
from .frequencies import term_frequencies
from .terms import Pos, terms_sql


def cooccurrence(source: Source, *, top: int = 30, pos: Pos = "nouns", min_count: int = 2) -> pd.DataFrame:
    """Sentence co-occurrence of the ``top`` most frequent terms: ``source, target, weight`` (sentences shared).

    ``source`` sorts before ``target``; sorted by weight desc, then source, then target.

    Example:
        >>> cooccurrence(corpus, top=25).head(3)  # doctest: +SKIP
    """
    ds = Dataset.of(source)
    frequent = term_frequencies(ds, pos=pos).head(top)[["term"]]
    ds.register("_frequent", frequent)
    out = ds.sql(f"""
        WITH occ AS (SELECT DISTINCT article_id, sent_id, term FROM ({terms_sql(ds, pos=pos)})
                     WHERE term IN (SELECT term FROM _frequent))
        SELECT a.term AS source, b.term AS target, count(*)::BIGINT AS weight
        FROM occ a JOIN occ b ON a.article_id = b.article_id AND a.sent_id = b.sent_id AND a.term < b.term
        GROUP BY a.term, b.term HAVING count(*) >= {int(min_count)}
        ORDER BY weight DESC, source, target""")
    return out.astype({"source": "string", "target": "string", "weight": "int64"})
