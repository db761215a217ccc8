"""Compounds: runs of adjacent noun morphemes (디지털 + 전환) that occur often and hold together.

Adjacent means consecutive tokens of one sentence with at most a space between them; DuckDB finds
them with a join on the next token number, which is linear in the corpus, one batch of articles at a
time (:meth:`analysis.dataset.Dataset.batches`), so that memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..dataset import Dataset, Source
from .terms import NOUN_TAGS, load_stopwords, register_words, sql_list

NGRAM_COLUMNS = ["term", "parts", "count", "doc_count", "pmi"]


def noun_ngrams(source: Source, *, n: int = 2, min_count: int = 2, stopwords: Iterable[str] | None = None
                ) -> pd.DataFrame:
    """Runs of ``n`` adjacent noun morphemes, with count, document count and PMI.

    PMI is log2 p(w1…wn) / Π p(wi) over all noun occurrences (a word of a multi-word morpheme
    that never occurs alone counts once).

    Returns:
        ``term, parts, count, doc_count, pmi``: most frequent first, then by PMI, then term.

    Example:
        >>> noun_ngrams(corpus, n=2).head(1)  # doctest: +SKIP
             term     parts  count  doc_count    pmi
        0  디지털전환  디지털 전환      4          1  5.321
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    ds = Dataset.of(source)
    stop = register_words(ds, "_stopwords", load_stopwords() if stopwords is None else stopwords)
    nouns = f"""CAST(tag AS VARCHAR) IN {sql_list(NOUN_TAGS)} AND form NOT IN (SELECT w FROM {stop})"""
    joins = "".join(
        f""" JOIN t t{k} ON t{k}.article_id = t{k - 1}.article_id AND t{k}.token_id = t{k - 1}.token_id + 1
              AND t{k}.sent_id = t{k - 1}.sent_id AND t{k}.start - t{k - 1}."end" <= 1""" for k in range(1, n))
    parts = " || ' ' || ".join(f"t{k}.form" for k in range(n))
    # counts per article and n-gram grow with the corpus: they are made batch by batch and added up
    ds.con.execute("CREATE OR REPLACE TEMP TABLE _ngrams (parts VARCHAR, count BIGINT, doc_count BIGINT)")
    for _ in ds.batches(("tokens",)):
        ds.con.execute(f"""
            INSERT INTO _ngrams
            WITH t AS (SELECT article_id, sent_id, token_id, form, start, "end" FROM tokens_batch WHERE {nouns}),
            per_article AS (SELECT {parts} AS parts, t0.article_id, count(*) AS n FROM t t0 {joins} GROUP BY ALL)
            SELECT parts, sum(n), count(*) FROM per_article GROUP BY parts""")
    out = ds.sql(f"""
        WITH t AS NOT MATERIALIZED (SELECT form FROM tokens WHERE {nouns}),
        total AS (SELECT greatest(count(*), 1)::DOUBLE AS n FROM t),
        uni AS (SELECT form, count(*) AS c FROM t GROUP BY form),
        counts AS (SELECT parts, sum(count)::BIGINT AS count, sum(doc_count)::BIGINT AS doc_count
                   FROM _ngrams GROUP BY parts HAVING sum(count) >= {int(min_count)}),
        ind AS (SELECT parts, product(coalesce(u.c, 1) / (SELECT n FROM total)) AS p
                FROM (SELECT parts, unnest(string_split(parts, ' ')) AS w FROM counts) LEFT JOIN uni u ON u.form = w
                GROUP BY parts)
        SELECT replace(c.parts, ' ', '') AS term, c.parts, c.count, c.doc_count,
               round(log2((c.count / (SELECT n FROM total)) / ind.p), 4) AS pmi
        FROM counts c JOIN ind USING (parts)
        ORDER BY c.count DESC, pmi DESC, term, c.parts""")
    ds.con.execute("DROP TABLE _ngrams")
    return out.astype({"term": "string", "parts": "string", "count": "int64", "doc_count": "int64", "pmi": "float64"})


def compound_terms(source: Source, *, min_count: int = 2, min_pmi: float = 3.0) -> pd.DataFrame:
    """Two- and three-noun compounds worth joining: frequent (≥ ``min_count``) and cohesive (PMI ≥ ``min_pmi``).

    User-dictionary terms (탄소중립, 메타버스 서울) are already single morphemes and need no joining.
    """
    ds = Dataset.of(source)
    frames = [noun_ngrams(ds, n=n, min_count=min_count).assign(_n=n) for n in (2, 3)]
    out = pd.concat(frames, ignore_index=True)
    out = out[out["pmi"] >= min_pmi]
    out = out.sort_values(["count", "pmi", "term", "_n", "parts"], ascending=[False, False, True, True, True], kind="stable")
    return out.drop(columns="_n").reset_index(drop=True)
