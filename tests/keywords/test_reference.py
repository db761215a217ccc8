"""The DuckDB implementations give exactly the tables of the pandas ones they replaced (tests/reference), on the
default corpus (the seed page and 499 Wikinews articles)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import keywords, themes
from analysis.build import read_tables
from analysis.dataset import Dataset
from tests.reference import keywords as old_keywords
from tests.reference import themes as old_themes


@pytest.fixture(scope="module")
def both(default_out):
    return Dataset.open(default_out), read_tables(default_out)


def assert_same(new: pd.DataFrame, old: pd.DataFrame) -> None:
    new, old = new.reset_index(drop=True), old.reset_index(drop=True)
    assert list(new.columns) == list(old.columns)
    assert len(new) == len(old) > 0
    for column in new.columns:
        a, b = new[column], old[column]
        if pd.api.types.is_float_dtype(a) or pd.api.types.is_float_dtype(b):
            np.testing.assert_allclose(a.to_numpy(float), b.to_numpy(float), rtol=1e-9, atol=1e-9, err_msg=column)
        else:
            assert [_plain(x) for x in a] == [_plain(x) for x in b], column


def _plain(value):
    return [str(v) for v in value] if isinstance(value, list | np.ndarray) else str(value)


IDS_2012 = lambda c: c.articles.loc[c.articles["date"].str.startswith("2012"), "article_id"]  # noqa: E731

KEYWORD_CASES = {
    "term_frequencies": (lambda ds: keywords.term_frequencies(ds), lambda c: old_keywords.term_frequencies(c.tokens)),
    "predicates": (lambda ds: keywords.term_frequencies(ds, pos="predicates"),
                   lambda c: old_keywords.term_frequencies(c.tokens, pos="predicates")),
    "article_frequencies": (lambda ds: keywords.article_frequencies(ds), lambda c: old_keywords.article_frequencies(c.tokens)),
    "tfidf": (lambda ds: keywords.tfidf(ds), lambda c: old_keywords.tfidf(c.tokens)),
    "bigrams": (lambda ds: keywords.noun_ngrams(ds, n=2), lambda c: old_keywords.noun_ngrams(c.tokens, n=2)),
    "trigrams": (lambda ds: keywords.noun_ngrams(ds, n=3), lambda c: old_keywords.noun_ngrams(c.tokens, n=3)),
    "compounds": (lambda ds: keywords.compound_terms(ds), lambda c: old_keywords.compound_terms(c.tokens)),
    "keyness": (lambda ds: keywords.keyness(ds, IDS_2012(read_tables(ds.out))),
                lambda c: old_keywords.keyness(c.tokens, IDS_2012(c))),
    "kwic": (lambda ds: keywords.kwic(ds, "대통령", sort="left"),
             lambda c: old_keywords.kwic(c.articles, c.tokens, "대통령", sort="left")),
    "kwic lemma": (lambda ds: keywords.kwic(ds, "밝히다", match="lemma", sort="right"),
                   lambda c: old_keywords.kwic(c.articles, c.tokens, "밝히다", match="lemma", sort="right")),
    "kwic prefix": (lambda ds: keywords.kwic(ds, "디지털", match="prefix"),
                    lambda c: old_keywords.kwic(c.articles, c.tokens, "디지털", match="prefix")),
    "collocates": (lambda ds: keywords.collocates(ds, "대통령"), lambda c: old_keywords.collocates(c.tokens, "대통령")),
    "collocates sentence": (lambda ds: keywords.collocates(ds, "서울", window="sentence", measure="pmi"),
                            lambda c: old_keywords.collocates(c.tokens, "서울", window="sentence", measure="pmi")),
    "cooccurrence": (lambda ds: keywords.cooccurrence(ds), lambda c: old_keywords.cooccurrence(c.tokens)),
    "trends": (lambda ds: keywords.trends(ds, ["대통령", "선거", "코로나", "없는말"]),
               lambda c: old_keywords.trends(c.articles, c.tokens, ["대통령", "선거", "코로나", "없는말"])),
    "trends monthly": (lambda ds: keywords.trends(ds, ["대통령"], freq="M"),
                       lambda c: old_keywords.trends(c.articles, c.tokens, ["대통령"], freq="M")),
}

THEME_CASES = {
    "theme_hits": (lambda ds: themes.theme_hits(ds), lambda c: old_themes.theme_hits(c)),
    "scores by article": (lambda ds: themes.scores(ds), lambda c: old_themes.scores(c)),
    "scores by paragraph": (lambda ds: themes.scores(ds, unit="paragraph"), lambda c: old_themes.scores(c, unit="paragraph")),
    "evidence": (lambda ds: themes.evidence(ds), lambda c: old_themes.evidence(c)),
    "corpus_shares": (lambda ds: themes.corpus_shares(ds), lambda c: old_themes.corpus_shares(c)),
    "over_time": (lambda ds: themes.over_time(ds, freq="M"), lambda c: old_themes.over_time(c, freq="M")),
    "speakers_by_theme": (lambda ds: themes.speakers_by_theme(ds), lambda c: old_themes.speakers_by_theme(c)),
    "suggest_terms": (lambda ds: themes.suggest_terms(ds, "탄소중립"), lambda c: old_themes.suggest_terms(c, "탄소중립")),
}


@pytest.mark.parametrize("name", sorted(KEYWORD_CASES | THEME_CASES))
def test_same_table_as_before(both, name):
    ds, corpus = both
    new, old = (KEYWORD_CASES | THEME_CASES)[name]
    assert_same(new(ds), old(corpus))


def test_theme_cooccurrence_same_matrix(both):
    ds, corpus = both
    pd.testing.assert_frame_equal(themes.cooccurrence(ds), old_themes.cooccurrence(corpus), check_names=False)
