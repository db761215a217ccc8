"""Keyword in context and collocates, matching morphemes (``서울시`` finds 서울시는 and 서울시의).

Both run in time linear in the corpus: KWIC joins the matching tokens to their article's text,
collocates join each occurrence of the node to the content words within its window by position
(a range join), instead of rescanning the corpus per occurrence.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from ..dataset import Dataset, Source
from .keyness import log_likelihood
from .terms import Pos, terms_sql

Match = Literal["form", "lemma", "prefix"]
KWIC_COLUMNS = ["article_id", "start", "end", "left", "keyword", "right"]
COLLOCATE_COLUMNS = ["term", "count", "node_count", "term_count", "pmi", "g2"]
_MATCH_SQL = {"form": "form = ?", "lemma": "lemma = ?", "prefix": "starts_with(form, ?)"}
_ORDER_SQL = {"position": "article_id, start", "left": "reverse(\"left\"), article_id, start",
              "right": "\"right\", article_id, start"}


def kwic(source: Source, query: str, *, window: int = 30, match: Match = "form",
         sort: Literal["position", "left", "right"] = "position", limit: int | None = None) -> pd.DataFrame:
    """Keyword in context: every morpheme matching ``query`` with ``window`` characters each side.

    Args:
        source: a build folder, a :class:`~analysis.dataset.Dataset` or a :class:`Corpus`.
        query: a morpheme (``탄소중립``), a lemma (``밝히다``, with ``match="lemma"``) or a prefix.
        window: characters of context on each side (line breaks shown as spaces).
        match: compare with the morpheme's form, its lemma, or as a prefix of the form.
        sort: by position (article, offset), or alphabetically by left context (read from the
            keyword outwards, as concordancers sort) or by right context.
        limit: at most this many lines (after sorting).

    Returns:
        ``article_id, start, end, left, keyword, right`` — ``text[start:end]`` is the keyword.

    Example:
        >>> kwic(corpus, "탄소중립", window=10).iloc[0]["left"]  # doctest: +SKIP
        '서울시는 2050년 '
    """
    ds = Dataset.of(source)
    w = int(window)
    out = ds.sql(f"""
        SELECT article_id, start, "end", "left", keyword, "right" FROM (
            SELECT t.article_id, t.start, t."end",
                   replace(substring(a.text, greatest(t.start - {w}, 0) + 1, t.start - greatest(t.start - {w}, 0)),
                           chr(10), ' ') AS "left",
                   substring(a.text, t.start + 1, t."end" - t.start) AS keyword,
                   replace(substring(a.text, t."end" + 1, {w}), chr(10), ' ') AS "right"
            FROM (SELECT article_id, start, "end" FROM tokens WHERE {_MATCH_SQL[match]}) t
            JOIN articles a USING (article_id))
        ORDER BY {_ORDER_SQL[sort]}
        {"" if limit is None else f"LIMIT {int(limit)}"}""", [query])
    return out.astype({"article_id": "string", "start": "int32", "end": "int32", "left": "string",
                       "keyword": "string", "right": "string"})[KWIC_COLUMNS]


def count_matches(source: Source, query: str, *, match: Match = "form") -> int:
    """How many morphemes match ``query`` (the number of lines :func:`kwic` gives without a ``limit``)."""
    ds = Dataset.of(source)
    return int(ds.sql(f"SELECT count(*) AS n FROM tokens WHERE {_MATCH_SQL[match]}", [query])["n"].iloc[0])


def collocates(source: Source, node: str, *, window: int | Literal["sentence"] = 5, pos: Pos = "nouns",
               min_count: int = 2, measure: Literal["ll", "pmi"] = "ll") -> pd.DataFrame:
    """Words that occur near ``node`` more than chance: within ``window`` content words, or in the same sentence.

    Every occurrence of the node contributes the content words within ``window`` positions of it
    (windows of nearby occurrences overlap and count twice, as in AntConc); with ``"sentence"``
    each word of a sentence holding the node counts once. Other occurrences of the node are not
    its collocates. PMI compares the count with its expectation ``node_count · term_count / N ·
    span``; G² is signed (negative where the term is rarer near the node than elsewhere).

    Returns:
        ``term, count, node_count, term_count, pmi, g2``, sorted by the chosen measure then term.

    Example:
        >>> collocates(corpus, "서울", window=5).head(3)  # doctest: +SKIP
    """
    ds = Dataset.of(source)
    occ = terms_sql(ds, pos=pos)
    if window == "sentence":
        near = "o.sent_id = n.sent_id"
        pairs = "SELECT DISTINCT o.article_id, o.pos, o.term FROM nodes n JOIN o ON o.article_id = n.article_id AND " + near
    else:
        w = int(window)
        near = f"o.pos BETWEEN n.pos - {w} AND n.pos + {w} AND o.pos <> n.pos"
        pairs = "SELECT o.term FROM nodes n JOIN o ON o.article_id = n.article_id AND " + near
    table = ds.sql(f"""
        WITH occ AS NOT MATERIALIZED ({occ}),
        with_node AS (SELECT DISTINCT article_id FROM occ WHERE term = $node),
        o AS (SELECT article_id, sent_id, term, row_number() OVER (PARTITION BY article_id ORDER BY token_id) - 1 AS pos
              FROM occ WHERE article_id IN (SELECT article_id FROM with_node)),
        nodes AS (SELECT article_id, sent_id, pos FROM o WHERE term = $node),
        hits AS (SELECT term FROM ({pairs}) WHERE term <> $node)
        SELECT term, count(*)::BIGINT AS count, (SELECT count(*) FROM hits)::BIGINT AS inside FROM hits GROUP BY term""",
        {"node": node})
    totals = ds.sql(f"""
        SELECT count(*)::BIGINT AS total, count(*) FILTER (WHERE term = $node)::BIGINT AS node_count FROM ({occ})""",
        {"node": node})
    n_node, total = int(totals["node_count"].iloc[0]), int(totals["total"].iloc[0])
    if n_node == 0:
        return pd.DataFrame({c: pd.Series(dtype="string" if c == "term" else "float64") for c in COLLOCATE_COLUMNS})
    inside = int(table["inside"].iloc[0]) if len(table) else 0
    out = table[table["count"] >= min_count][["term", "count"]].copy()
    ds.register("_collocates", out[["term"]].astype({"term": "string"}))
    freq = ds.sql(f"""SELECT term, count(*)::BIGINT AS term_count FROM ({occ})
                      WHERE term IN (SELECT term FROM _collocates) GROUP BY term""").set_index("term")["term_count"]
    out["node_count"] = n_node
    out["term_count"] = out["term"].map(freq).to_numpy()
    span = 1 if window == "sentence" else 2 * int(window)
    expected = out["node_count"] * out["term_count"] / total * span
    out["pmi"] = np.round(np.log2(out["count"] / expected.clip(lower=1e-9)), 4)
    a = out["count"].to_numpy(float)
    b = out["term_count"].to_numpy(float) - a
    c, d = float(inside), float(max(total - inside, 1))
    g2 = log_likelihood(a, b, c, d)
    out["g2"] = np.round(np.where(a / c >= (b / d), g2, -g2), 4)
    by = "g2" if measure == "ll" else "pmi"
    out = out.astype({"term": "string", "count": "int64", "node_count": "int64", "term_count": "int64"})
    return out.sort_values([by, "term"], ascending=[False, True], kind="stable").reset_index(drop=True)[COLLOCATE_COLUMNS]
