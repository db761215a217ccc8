"""Keyness: which terms a subcorpus (a year, a month, an outlet, any set of articles) uses more than the rest.

Log-likelihood G² (Dunning 1993; Rayson & Garside 2000) with the log-ratio effect size (Hardie
2014: log2 of the ratio of relative frequencies, 0.5 added to zero counts), as AntConc reports them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

from ..dataset import Dataset, Source
from .terms import Pos, terms_sql

KEYNESS_COLUMNS = ["term", "target_count", "reference_count", "g2", "log_ratio"]
By = Literal["year", "month", "outlet"]
#: SQL for each article's group: its year (``2022``), month (``2022-08``) or outlet; NULL leaves it out.
GROUP_SQL: dict[str, str] = {
    "year": "strftime(try_strptime(substr(date, 1, 10), '%Y-%m-%d'), '%Y')",
    "month": "strftime(try_strptime(substr(date, 1, 10), '%Y-%m-%d'), '%Y-%m')",
    "outlet": "nullif(outlet, '')",
}


def log_likelihood(a: np.ndarray, b: np.ndarray, c: float, d: float) -> np.ndarray:
    """Dunning's G² for counts ``a`` (in a corpus of ``c`` words) against ``b`` (of ``d`` words).

    Expected counts are ``c·(a+b)/(c+d)`` and ``d·(a+b)/(c+d)``; a zero count contributes 0.
    ``c`` and ``d`` may be arrays of the same length as ``a``.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        return 2 * (np.where(a > 0, a * np.log(a / e1), 0) + np.where(b > 0, b * np.log(b / e2), 0))


def _scored(table: pd.DataFrame, c, d) -> pd.DataFrame:
    av, bv = table["target_count"].to_numpy(float), table["reference_count"].to_numpy(float)
    g2 = log_likelihood(av, bv, c, d)
    log_ratio = np.log2((np.where(av > 0, av, 0.5) / c) / (np.where(bv > 0, bv, 0.5) / d))
    return table.assign(g2=np.round(g2, 4), log_ratio=np.round(log_ratio, 4))


def keyness(source: Source, target: Iterable[str], reference: Iterable[str] | None = None, *,
            pos: Pos = "nouns", min_count: int = 3) -> pd.DataFrame:
    """Keywords of the ``target`` articles against ``reference`` ones (default: the rest of the corpus).

    Positive ``log_ratio``: more frequent in the target.

    Returns:
        ``term, target_count, reference_count, g2, log_ratio``, by G² desc then term, keeping terms
        with ``target_count + reference_count >= min_count``.

    Example:
        >>> ids = ds.sql("SELECT article_id FROM articles WHERE date LIKE '2020%'")["article_id"]  # doctest: +SKIP
        >>> keyness(ds, ids).head(3)  # doctest: +SKIP
    """
    ds = Dataset.of(source)
    ds.register("_target", pd.DataFrame({"article_id": pd.Series(sorted(set(target)), dtype="string")}))
    if reference is None:
        in_ref = "NOT in_target"
    else:
        ds.register("_reference", pd.DataFrame({"article_id": pd.Series(sorted(set(reference)), dtype="string")}))
        in_ref = "article_id IN (SELECT article_id FROM _reference)"
    table = ds.sql(f"""
        WITH occ AS (SELECT term, article_id, article_id IN (SELECT article_id FROM _target) AS in_target
                     FROM ({terms_sql(ds, pos=pos)}))
        SELECT term, count(*) FILTER (WHERE in_target)::BIGINT AS target_count,
               count(*) FILTER (WHERE {in_ref})::BIGINT AS reference_count
        FROM occ GROUP BY term""")
    sizes = ds.sql(f"""
        WITH occ AS (SELECT article_id, article_id IN (SELECT article_id FROM _target) AS in_target
                     FROM ({terms_sql(ds, pos=pos)}))
        SELECT count(*) FILTER (WHERE in_target) AS c, count(*) FILTER (WHERE {in_ref}) AS d FROM occ""")
    c, d = max(int(sizes["c"].iloc[0]), 1), max(int(sizes["d"].iloc[0]), 1)
    table = table[(table["target_count"] > 0) | (table["reference_count"] > 0)]
    table = table[(table["target_count"] + table["reference_count"]) >= min_count]
    out = _scored(table.astype({"term": "string", "target_count": "int64", "reference_count": "int64"}), c, d)
    return out.sort_values(["g2", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)[KEYNESS_COLUMNS]


def keyness_by(source: Source, *, by: By = "year", top: int | None = 10, pos: Pos = "nouns", min_count: int = 3,
               positive: bool = True) -> pd.DataFrame:
    """Keywords of every year, month or outlet against the rest of the corpus, in one query.

    A group's rows are the rows of :func:`keyness` for that group's articles against all others
    (articles with no date or outlet belong to no group but count in the rest), for the terms that
    occur in the group.

    Args:
        by: ``"year"``, ``"month"`` or ``"outlet"``.
        top: rows per group (None: all).
        positive: keep only terms more frequent in the group (``log_ratio > 0``).

    Returns:
        ``group, articles, term, target_count, reference_count, g2, log_ratio``: groups in order,
        then G² desc, then term.

    Example:
        >>> keyness_by(ds, by="year", top=5)  # doctest: +SKIP
    """
    ds = Dataset.of(source)
    keep = "" if top is None else f"QUALIFY row_number() OVER (PARTITION BY s.grp ORDER BY s.g2 DESC, s.term) <= {int(top)}"
    out = ds.sql(f"""
        WITH g AS (SELECT article_id, {GROUP_SQL[by]} AS grp FROM articles),
        counts AS (SELECT g.grp, o.term, count(*)::DOUBLE AS n
                   FROM ({terms_sql(ds, pos=pos)}) o LEFT JOIN g USING (article_id) GROUP BY g.grp, o.term),
        term_total AS (SELECT term, sum(n) AS total FROM counts GROUP BY term),
        group_total AS (SELECT grp, sum(n) AS size FROM counts GROUP BY grp),
        corpus_total AS (SELECT sum(n) AS size FROM counts),
        cells AS (SELECT k.grp, k.term, k.n AS a, t.total - k.n AS b, greatest(gt.size, 1) AS c,
                         greatest(ct.size - gt.size, 1) AS d
                  FROM counts k JOIN term_total t USING (term) JOIN group_total gt USING (grp), corpus_total ct
                  WHERE k.grp IS NOT NULL AND t.total >= {int(min_count)}),
        scored AS (SELECT grp, term, a, b,
                          round(2 * ((CASE WHEN a > 0 THEN a * ln(a / (c * (a + b) / (c + d))) ELSE 0 END)
                                   + (CASE WHEN b > 0 THEN b * ln(b / (d * (a + b) / (c + d))) ELSE 0 END)), 4) AS g2,
                          round(log2(((CASE WHEN a > 0 THEN a ELSE 0.5 END) / c) / ((CASE WHEN b > 0 THEN b ELSE 0.5 END) / d)),
                                4) AS log_ratio
                   FROM cells)
        SELECT s.grp AS "group", n.articles, s.term, s.a::BIGINT AS target_count, s.b::BIGINT AS reference_count,
               s.g2, s.log_ratio
        FROM scored s JOIN (SELECT grp, count(*)::BIGINT AS articles FROM g GROUP BY grp) n USING (grp)
        {"WHERE s.log_ratio > 0" if positive else ""}
        {keep}
        ORDER BY "group", s.g2 DESC, s.term""")
    return out.astype({"group": "string", "articles": "int64", "term": "string", "target_count": "int64",
                       "reference_count": "int64", "g2": "float64", "log_ratio": "float64"})
