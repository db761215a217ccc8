"""How often each term occurs: in the corpus, per article, and weighted by TF-IDF.

Each function is one DuckDB query over the stored tables, so memory does not grow with the
corpus. Ties are broken by term (code-point order), so the same corpus always gives the same table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from ..dataset import Dataset, Source
from .terms import Pos, terms_sql


def term_frequencies(source: Source, *, pos: Pos = "nouns", stopwords: Iterable[str] | None = None,
                     min_length: int = 2) -> pd.DataFrame:
    """Corpus frequencies: ``term, tag, count, doc_count``, most frequent first, ties by term.

    ``tag`` is the term's most frequent tag (NNP beats NNG on a tie, alphabetically).

    Example:
        >>> term_frequencies("build/bundled").head(3)  # doctest: +SKIP
         term  tag  count  doc_count
        0  서울  NNP     14          1
    """
    ds = Dataset.of(source)
    occ = terms_sql(ds, pos=pos, stopwords=stopwords, min_length=min_length)
    out = ds.sql(f"""
        WITH occ AS NOT MATERIALIZED ({occ}),
        by_tag AS (SELECT term, tag, count(*) AS n FROM occ GROUP BY term, tag),
        per_doc AS (SELECT term, count(*) AS n FROM occ GROUP BY term, article_id)
        SELECT t.term, t.tag, t.count, d.doc_count FROM (
            SELECT term, first(tag ORDER BY n DESC, tag DESC) AS tag,
                   sum(n)::BIGINT AS count
            FROM by_tag GROUP BY term) t
        JOIN (SELECT term, count(*)::BIGINT AS doc_count FROM per_doc GROUP BY term) d USING (term)
        ORDER BY t.count DESC, t.term""")
    return out.astype({"term": "string", "tag": "string", "count": "int64", "doc_count": "int64"})[
        ["term", "tag", "count", "doc_count"]]


def article_frequencies(source: Source, *, pos: Pos = "nouns", stopwords: Iterable[str] | None = None) -> pd.DataFrame:
    """Per-article counts: ``article_id, term, count``, sorted by article, count desc, term."""
    ds = Dataset.of(source)
    out = ds.sql(f"""
        SELECT article_id, term, count(*)::BIGINT AS count FROM ({terms_sql(ds, pos=pos, stopwords=stopwords)})
        GROUP BY article_id, term ORDER BY article_id, count DESC, term""")
    return out.astype({"article_id": "string", "term": "string", "count": "int64"})


def tfidf(source: Source, *, pos: Pos = "nouns", top: int | None = 20, article_ids: Sequence[str] | None = None
          ) -> pd.DataFrame:
    """TF-IDF per article: ``article_id, term, count, tf, idf, tfidf``.

    tf = count / article length in content words; idf = ln((1 + N) / (1 + df)) + 1 (smoothed, as
    scikit-learn). Sorted by article, tfidf desc, term; ``top`` rows per article (None: all);
    ``article_ids`` keeps only those articles' rows (the idf still counts the whole corpus).
    """
    ds = Dataset.of(source)
    keep = "" if top is None else f"QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY tfidf DESC, term) <= {int(top)}"
    only = ""
    if article_ids is not None:
        ds.register("_tfidf_articles", pd.DataFrame({"article_id": pd.Series(list(article_ids), dtype="string")}))
        only = "WHERE article_id IN (SELECT article_id FROM _tfidf_articles)"
    out = ds.sql(f"""
        WITH freq AS (SELECT article_id, term, count(*)::BIGINT AS count FROM ({terms_sql(ds, pos=pos)})
                      GROUP BY article_id, term),
        n AS (SELECT greatest(count(DISTINCT article_id), 1) AS n_docs FROM freq),
        w AS (SELECT article_id, term, count,
                     count / sum(count) OVER (PARTITION BY article_id) AS tf,
                     ln((1 + (SELECT n_docs FROM n)) / (1 + count(*) OVER (PARTITION BY term))) + 1 AS idf
              FROM freq)
        SELECT article_id, term, count, tf, idf, tf * idf AS tfidf FROM w
        {only}
        {keep}
        ORDER BY article_id, tfidf DESC, term""")
    return out.astype({"article_id": "string", "term": "string", "count": "int64"})
