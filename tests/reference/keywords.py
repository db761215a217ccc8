"""The pandas implementation of the keyword statistics before they moved to DuckDB (issue 15), kept
unchanged as the oracle the tests compare :mod:`analysis.keywords` with. Not used by the product.

Keyword statistics on morphemes: frequencies, compounds, TF-IDF, keyness, KWIC, collocates, trends.

Everything counts Kiwi's morphemes, so 서울시는 and 서울시의 are both 서울시, and 밝혔다 is
밝히다. All tables are sorted deterministically (ties broken by term) and carry article ids.

Example:
    >>> corpus = build()  # doctest: +SKIP
    >>> term_frequencies(corpus.tokens).head(3)  # doctest: +SKIP
         term  tag  count  doc_count
    0      서울  NNP     14          1
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Final, Literal

import numpy as np
import pandas as pd

from analysis.resources import CORPUS_DIR, load_words

NOUN_TAGS: Final = ("NNG", "NNP", "SL", "SH")
PREDICATE_TAGS: Final = ("VV", "VA", "VV-I", "VV-R", "VA-I", "VA-R")
STOPWORDS_FILE: Final = CORPUS_DIR / "stopwords.txt"

Pos = Literal["nouns", "predicates", "all"]


@cache
def load_stopwords(path: Path = STOPWORDS_FILE) -> frozenset[str]:
    """The stopword list (one word per line, ``#`` comments), checked by :func:`load_words`."""
    return frozenset(load_words(path))


def terms(tokens: pd.DataFrame, *, pos: Pos = "nouns", stopwords: Iterable[str] | None = None,
          min_length: int = 2) -> pd.DataFrame:
    """The content words of ``tokens``: one row per occurrence with its ``term``.

    Nouns keep their form (서울시는 → 서울시); verbs and adjectives become lemmas (밝혔다 → 밝히다).

    Args:
        tokens: the ``tokens`` table.
        pos: ``"nouns"`` (NNG, NNP, SL, SH), ``"predicates"`` (VV, VA) or ``"all"`` of both.
        stopwords: words to leave out (default: ``corpus/stopwords.txt``).
        min_length: shortest term kept, in characters. The default 2 drops one-syllable nouns,
            mostly surnames cut from their title (오 시장 → 오) and bound nouns; pass 1 to keep them.

    Returns:
        Columns ``article_id, sent_id, token_id, start, end, term, tag``.
    """
    tags = {"nouns": NOUN_TAGS, "predicates": PREDICATE_TAGS, "all": NOUN_TAGS + PREDICATE_TAGS}[pos]
    stop = load_stopwords() if stopwords is None else frozenset(stopwords)
    t = tokens[tokens["tag"].isin(tags)]
    is_pred = t["tag"].astype(str).str.startswith("V")
    term = t["form"].where(~is_pred, t["lemma"])
    out = pd.DataFrame({
        "article_id": t["article_id"], "sent_id": t["sent_id"], "token_id": t["token_id"],
        "start": t["start"], "end": t["end"], "term": term.astype("string"),
        "tag": t["tag"].astype(str).str[:3].str.rstrip("-"),
    })
    keep = ~out["term"].isin(stop) & (out["term"].str.len() >= min_length)
    return out[keep].reset_index(drop=True)


def log_likelihood(a: np.ndarray, b: np.ndarray, c: float, d: float) -> np.ndarray:
    """Dunning's G² for counts ``a`` (in a corpus of ``c`` words) against ``b`` (of ``d`` words).

    Expected counts are ``c·(a+b)/(c+d)`` and ``d·(a+b)/(c+d)``; a zero count contributes 0.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        return 2 * (np.where(a > 0, a * np.log(a / e1), 0) + np.where(b > 0, b * np.log(b / e2), 0))


def _sorted(df: pd.DataFrame, by: str, *, ascending: bool = False) -> pd.DataFrame:
    return df.sort_values([by, "term"], ascending=[ascending, True], kind="stable").reset_index(drop=True)


def term_frequencies(tokens: pd.DataFrame, *, pos: Pos = "nouns", stopwords: Iterable[str] | None = None,
                     min_length: int = 2) -> pd.DataFrame:
    """Corpus frequencies: ``term, tag, count, doc_count``, most frequent first, ties by term.

    ``tag`` is the term's most frequent tag (NNP beats NNG on a tie, alphabetically).
    """
    occ = terms(tokens, pos=pos, stopwords=stopwords, min_length=min_length)
    if occ.empty:
        return pd.DataFrame({"term": pd.Series(dtype="string"), "tag": pd.Series(dtype="string"),
                             "count": pd.Series(dtype="int64"), "doc_count": pd.Series(dtype="int64")})
    counts = occ.groupby("term", observed=True).agg(count=("term", "size"), doc_count=("article_id", "nunique"))
    tag = (occ.groupby(["term", "tag"], observed=True).size().rename("n").reset_index()
           .sort_values(["term", "n", "tag"], ascending=[True, False, False], kind="stable")
           .drop_duplicates("term").set_index("term")["tag"])
    out = counts.join(tag).reset_index()[["term", "tag", "count", "doc_count"]]
    return _sorted(out, "count")


def article_frequencies(tokens: pd.DataFrame, *, pos: Pos = "nouns", stopwords: Iterable[str] | None = None
                        ) -> pd.DataFrame:
    """Per-article counts: ``article_id, term, count``, sorted by article, count desc, term."""
    occ = terms(tokens, pos=pos, stopwords=stopwords)
    out = occ.groupby(["article_id", "term"], observed=True).size().rename("count").reset_index()
    return out.sort_values(["article_id", "count", "term"], ascending=[True, False, True], kind="stable"
                           ).reset_index(drop=True)


# --------------------------------------------------------------------------- compounds


def noun_ngrams(tokens: pd.DataFrame, *, n: int = 2, min_count: int = 2, stopwords: Iterable[str] | None = None
                ) -> pd.DataFrame:
    """Runs of ``n`` adjacent noun morphemes (디지털 + 전환), with count and PMI.

    Adjacent means consecutive tokens in the same sentence with at most a space between them.
    PMI is log2 p(w1…wn) / Π p(wi) over all noun occurrences.

    Returns:
        ``term, parts, count, doc_count, pmi``: most frequent first, then by PMI, then term.
    """
    stop = load_stopwords() if stopwords is None else frozenset(stopwords)
    t = tokens.reset_index(drop=True)
    is_noun = t["tag"].isin(("NNG", "NNP", "SL", "SH")).to_numpy() & ~t["form"].isin(stop).to_numpy()
    art = t["article_id"].to_numpy()
    sent = t["sent_id"].to_numpy()
    start = t["start"].to_numpy()
    end = t["end"].to_numpy()
    forms = t["form"].to_numpy()
    ok = is_noun.copy()
    for k in range(1, n):
        nxt = np.zeros(len(t), dtype=bool)
        if len(t) > k:
            same = (art[k:] == art[:-k]) & (sent[k:] == sent[:-k]) & is_noun[k:] & (start[k:] - end[k - 1:len(t) - 1] <= 1)
            nxt[:-k] = same
        ok &= nxt
    idx = np.flatnonzero(ok)
    if not len(idx):
        return pd.DataFrame(columns=["term", "parts", "count", "doc_count", "pmi"])
    parts = [" ".join(forms[i:i + n]) for i in idx]
    grams = pd.DataFrame({"parts": parts, "article_id": art[idx]})
    counts = grams.groupby("parts").agg(count=("parts", "size"), doc_count=("article_id", "nunique")).reset_index()
    counts = counts[counts["count"] >= min_count]
    unigram = pd.Series(forms[is_noun]).value_counts()
    total = max(int(is_noun.sum()), 1)

    def pmi(row_parts: str, c: int) -> float:
        p_joint = c / total
        p_ind = math.prod(unigram.get(w, 1) / total for w in row_parts.split(" "))
        return math.log2(p_joint / p_ind)

    counts["pmi"] = [round(pmi(p, c), 4) for p, c in zip(counts["parts"], counts["count"], strict=True)]
    counts["term"] = counts["parts"].str.replace(" ", "", regex=False)
    out = counts[["term", "parts", "count", "doc_count", "pmi"]]
    return out.sort_values(["count", "pmi", "term"], ascending=[False, False, True], kind="stable").reset_index(drop=True)


def compound_terms(tokens: pd.DataFrame, *, min_count: int = 2, min_pmi: float = 3.0) -> pd.DataFrame:
    """Two- and three-noun compounds worth joining: frequent (≥ ``min_count``) and cohesive (PMI ≥ ``min_pmi``).

    User-dictionary terms (탄소중립, 메타버스 서울) are already single morphemes and need no joining.
    """
    frames = [noun_ngrams(tokens, n=n, min_count=min_count) for n in (2, 3)]
    out = pd.concat([f for f in frames if not f.empty] or [frames[0]], ignore_index=True)
    out = out[out["pmi"] >= min_pmi]
    return out.sort_values(["count", "pmi", "term"], ascending=[False, False, True], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- weighting and comparison


def tfidf(tokens: pd.DataFrame, *, pos: Pos = "nouns", top: int | None = 20) -> pd.DataFrame:
    """TF-IDF per article: ``article_id, term, count, tf, idf, tfidf``.

    tf = count / article length in content words; idf = ln((1 + N) / (1 + df)) + 1 (smoothed, as
    scikit-learn). Sorted by article, tfidf desc, term; ``top`` rows per article (None: all).
    """
    freq = article_frequencies(tokens, pos=pos)
    n_docs = max(freq["article_id"].nunique(), 1)
    length = freq.groupby("article_id", observed=True)["count"].transform("sum")
    df = freq.groupby("term", observed=True)["article_id"].transform("nunique")
    out = freq.assign(tf=freq["count"] / length, idf=np.log((1 + n_docs) / (1 + df)) + 1)
    out["tfidf"] = out["tf"] * out["idf"]
    out = out.sort_values(["article_id", "tfidf", "term"], ascending=[True, False, True], kind="stable")
    if top is not None:
        out = out.groupby("article_id", observed=True, sort=False).head(top)
    return out.reset_index(drop=True)


def keyness(tokens: pd.DataFrame, target: Iterable[str], reference: Iterable[str] | None = None, *,
            pos: Pos = "nouns", min_count: int = 3) -> pd.DataFrame:
    """Keywords of a target subcorpus against a reference (default: the rest of the corpus).

    Log-likelihood G² (Dunning 1993; Rayson & Garside 2000) with the log-ratio effect size
    (Hardie 2014: log2 of the ratio of relative frequencies, 0.5 added to zero counts), as
    AntConc reports them. Positive ``log_ratio``: more frequent in the target.

    Returns:
        ``term, target_count, reference_count, g2, log_ratio``, by G² desc then term, keeping terms
        with ``target_count + reference_count >= min_count``.
    """
    occ = terms(tokens, pos=pos)
    target_ids = set(target)
    in_target = occ["article_id"].isin(target_ids)
    in_ref = occ["article_id"].isin(set(reference)) if reference is not None else ~in_target
    a = occ[in_target].groupby("term", observed=True).size()
    b = occ[in_ref].groupby("term", observed=True).size()
    table = pd.concat([a.rename("target_count"), b.rename("reference_count")], axis=1).fillna(0).astype("int64")
    table = table[(table["target_count"] + table["reference_count"]) >= min_count]
    c, d = max(int(in_target.sum()), 1), max(int(in_ref.sum()), 1)
    av, bv = table["target_count"].to_numpy(float), table["reference_count"].to_numpy(float)
    g2 = log_likelihood(av, bv, c, d)
    log_ratio = np.log2(((np.where(av > 0, av, 0.5)) / c) / ((np.where(bv > 0, bv, 0.5)) / d))
    out = table.reset_index(names="term").assign(g2=np.round(g2, 4), log_ratio=np.round(log_ratio, 4))
    return out.sort_values(["g2", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- concordance and collocates


def kwic(articles: pd.DataFrame, tokens: pd.DataFrame, query: str, *, window: int = 30,
         match: Literal["form", "lemma", "prefix"] = "form", sort: Literal["position", "left", "right"] = "position"
         ) -> pd.DataFrame:
    """Keyword in context, matching morphemes: ``서울시`` finds 서울시는 and 서울시의.

    Args:
        articles: the ``articles`` table (for the text).
        tokens: the ``tokens`` table.
        query: a morpheme (``탄소중립``), a lemma (``밝히다``, with ``match="lemma"``) or a prefix.
        window: characters of context on each side.
        match: compare with the morpheme's form, its lemma, or as a prefix of the form.
        sort: by position (article, offset), or alphabetically by left or right context.

    Returns:
        ``article_id, start, end, left, keyword, right`` — ``text[start:end]`` is the keyword.
    """
    col = tokens["lemma"] if match == "lemma" else tokens["form"]
    hit = col.str.startswith(query) if match == "prefix" else col == query
    h = tokens.loc[hit.fillna(False).to_numpy(), ["article_id", "start", "end"]]
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    rows = []
    for a, s, e in zip(h["article_id"], h["start"].astype(int), h["end"].astype(int), strict=True):
        t = texts[a]
        rows.append((a, s, e, t[max(0, s - window):s].replace("\n", " "), t[s:e], t[e:e + window].replace("\n", " ")))
    out = pd.DataFrame(rows, columns=["article_id", "start", "end", "left", "keyword", "right"])
    if sort == "left":
        out = out.assign(_k=out["left"].str[::-1]).sort_values(["_k", "article_id", "start"], kind="stable").drop(columns="_k")
    elif sort == "right":
        out = out.sort_values(["right", "article_id", "start"], kind="stable")
    else:
        out = out.sort_values(["article_id", "start"], kind="stable")
    return out.reset_index(drop=True)


def collocates(tokens: pd.DataFrame, node: str, *, window: int | Literal["sentence"] = 5, pos: Pos = "nouns",
               min_count: int = 2, measure: Literal["ll", "pmi"] = "ll") -> pd.DataFrame:
    """Words that occur near ``node`` more than chance: within ``window`` content words or the same sentence.

    Returns:
        ``term, count, node_count, term_count, pmi, g2``, sorted by the chosen measure then term.
    """
    occ = terms(tokens, pos=pos).reset_index(drop=True)
    occ["pos_in_article"] = occ.groupby("article_id", observed=True).cumcount()
    is_node = (occ["term"] == node).to_numpy()
    if not is_node.any():
        return pd.DataFrame(columns=["term", "count", "node_count", "term_count", "pmi", "g2"])
    art = occ["article_id"].to_numpy()
    key = occ["sent_id"].to_numpy() if window == "sentence" else occ["pos_in_article"].to_numpy()
    spans = []
    for i in np.flatnonzero(is_node):
        same = art == art[i]
        near = (key == key[i]) if window == "sentence" else (np.abs(key - key[i]) <= window)
        idx = np.flatnonzero(same & near)
        spans.append(idx[idx != i])
    hits = occ.loc[np.unique(np.concatenate(spans)) if window == "sentence" else np.concatenate(spans), "term"]
    hits = hits[hits != node]
    co = hits.value_counts()
    total = len(occ)
    freq = occ["term"].value_counts()
    n_node = int(is_node.sum())
    out = pd.DataFrame({"term": co.index.astype(str), "count": co.to_numpy()})
    out = out[out["count"] >= min_count]
    out["node_count"] = n_node
    out["term_count"] = out["term"].map(freq).to_numpy()
    expected = out["node_count"] * out["term_count"] / total * (1 if window == "sentence" else 2 * window)
    out["pmi"] = np.round(np.log2(out["count"] / expected.clip(lower=1e-9)), 4)
    # G² of the 2×2 table: term inside vs outside the node's windows
    inside = len(hits)
    a = out["count"].to_numpy(float)
    b = out["term_count"].to_numpy(float) - a
    c, d = float(inside), float(max(total - inside, 1))
    g2 = log_likelihood(a, b, c, d)
    out["g2"] = np.round(np.where(a / c >= (b / d), g2, -g2), 4)
    by = "g2" if measure == "ll" else "pmi"
    return out.sort_values([by, "term"], ascending=[False, True], kind="stable").reset_index(drop=True)


def cooccurrence(tokens: pd.DataFrame, *, top: int = 30, pos: Pos = "nouns", min_count: int = 2) -> pd.DataFrame:
    """Sentence co-occurrence of the ``top`` most frequent terms: ``source, target, weight`` (sentences shared)."""
    freq = term_frequencies(tokens, pos=pos).head(top)
    occ = terms(tokens, pos=pos)
    occ = occ[occ["term"].isin(set(freq["term"]))][["article_id", "sent_id", "term"]].drop_duplicates()
    pairs = occ.merge(occ, on=["article_id", "sent_id"], suffixes=("_a", "_b"))
    pairs = pairs[pairs["term_a"] < pairs["term_b"]]
    out = pairs.groupby(["term_a", "term_b"], observed=True).size().rename("weight").reset_index()
    out = out[out["weight"] >= min_count].rename(columns={"term_a": "source", "term_b": "target"})
    return out.sort_values(["weight", "source", "target"], ascending=[False, True, True], kind="stable"
                           ).reset_index(drop=True)


# --------------------------------------------------------------------------- trends


def article_periods(articles: pd.DataFrame, *, freq: Literal["Y", "M"] = "Y") -> pd.Series:
    """Each dated article's period (``2022`` or ``2022-08``), indexed by article id; undated ones left out."""
    dates = pd.to_datetime(articles.set_index("article_id")["date"].astype(str).str[:10], errors="coerce",
                           format="%Y-%m-%d")
    return dates.dt.strftime("%Y" if freq == "Y" else "%Y-%m").dropna()


def trends(articles: pd.DataFrame, tokens: pd.DataFrame, query_terms: Sequence[str], *,
           freq: Literal["Y", "M"] = "Y", pos: Pos = "nouns") -> pd.DataFrame:
    """Counts of ``query_terms`` per period, normalised per 10,000 content words of that period.

    Articles without a date are left out. Returns ``period, term, count, tokens, per_10k, articles``
    with every (period, term) pair present (zeros included), sorted by period then term.
    """
    period = article_periods(articles, freq=freq)
    occ = terms(tokens, pos=pos)
    occ = occ[occ["article_id"].isin(period.index)]
    occ = occ.assign(period=occ["article_id"].map(period).astype(str))
    totals = occ.groupby("period").size().rename("tokens")
    n_articles = period.groupby(period).size().rename("articles")
    hits = occ[occ["term"].isin(set(query_terms))].groupby(["period", "term"], observed=True).size().rename("count")
    grid = pd.MultiIndex.from_product([sorted(totals.index), sorted(set(query_terms))], names=["period", "term"])
    out = hits.reindex(grid, fill_value=0).reset_index()
    out = out.merge(totals.reset_index(), on="period").merge(n_articles.rename_axis("period").reset_index(), on="period")
    out["per_10k"] = np.round(out["count"] / out["tokens"] * 10_000, 3)
    return out.sort_values(["period", "term"], kind="stable").reset_index(drop=True)
