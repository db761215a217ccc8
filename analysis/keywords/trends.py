"""How often terms occur per year or month, normalised by how much was written then."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import pandas as pd

from ..dataset import Dataset, Source
from .terms import Pos, terms_sql

Freq = Literal["Y", "M"]
#: SQL for an article's period: ``2022`` or ``2022-08`` from the ISO date; NULL for no valid date.
PERIOD_SQL: dict[str, str] = {
    "Y": "strftime(try_strptime(substr(date, 1, 10), '%Y-%m-%d'), '%Y')",
    "M": "strftime(try_strptime(substr(date, 1, 10), '%Y-%m-%d'), '%Y-%m')",
}


def article_periods(source: Source, *, freq: Freq = "Y") -> pd.Series:
    """Each dated article's period (``2022`` or ``2022-08``), indexed by article id; undated ones left out.

    ``source`` may also be an ``articles`` table.
    """
    if isinstance(source, pd.DataFrame) and "date" in source.columns:
        dates = pd.to_datetime(source.set_index("article_id")["date"].astype(str).str[:10], errors="coerce",
                               format="%Y-%m-%d")
        return dates.dt.strftime("%Y" if freq == "Y" else "%Y-%m").dropna()
    ds = Dataset.of(source)
    frame = ds.sql(f"SELECT article_id, {PERIOD_SQL[freq]} AS period FROM articles")
    return frame.dropna().set_index("article_id")["period"].astype(str)


def trends(source: Source, query_terms: Sequence[str], *, freq: Freq = "Y", pos: Pos = "nouns") -> pd.DataFrame:
    """Counts of ``query_terms`` per period, normalised per 10,000 content words of that period.

    Articles without a date are left out. Returns ``period, term, count, tokens, articles, per_10k``
    with every (period, term) pair present (zeros included), sorted by period then term.

    Example:
        >>> trends(ds, ["탄소중립", "디지털"], freq="Y").head(2)  # doctest: +SKIP
    """
    ds = Dataset.of(source)
    ds.register("_query_terms", pd.DataFrame({"term": pd.Series(sorted(set(query_terms)), dtype="string")}))
    out = ds.sql(f"""
        WITH p AS (SELECT article_id, {PERIOD_SQL[freq]} AS period FROM articles),
        dated AS (SELECT * FROM p WHERE period IS NOT NULL),
        occ AS NOT MATERIALIZED (SELECT o.term, d.period FROM ({terms_sql(ds, pos=pos)}) o JOIN dated d USING (article_id)),
        totals AS (SELECT period, count(*)::BIGINT AS tokens FROM occ GROUP BY period),
        hits AS (SELECT period, term, count(*)::BIGINT AS count FROM occ
                 WHERE term IN (SELECT term FROM _query_terms) GROUP BY period, term),
        n_articles AS (SELECT period, count(*)::BIGINT AS articles FROM dated GROUP BY period)
        SELECT t.period, q.term, coalesce(h.count, 0)::BIGINT AS count, t.tokens, n.articles,
               round(coalesce(h.count, 0) / t.tokens * 10000, 3) AS per_10k
        FROM totals t CROSS JOIN _query_terms q
        LEFT JOIN hits h ON h.period = t.period AND h.term = q.term
        JOIN n_articles n ON n.period = t.period
        ORDER BY t.period, q.term""")
    return out.astype({"period": "string", "term": "string", "count": "int64", "tokens": "int64",
                       "per_10k": "float64", "articles": "int64"})
