"""Keyword statistics on morphemes: the seed page and small corpora written for the tests."""

from __future__ import annotations

import math

import pytest

from analysis import keywords

SUBJECT = {"서울", "도시", "시장", "탄소중립", "디지털 전환", "세계도시정상회의", "정책", "서울시"}
CHROME = {"비트코인", "이더리움", "좋아요", "가장작게", "종목", "변동률", "리플", "솔라나"}


def test_top_terms_carry_the_subject(bundled):
    top = keywords.term_frequencies(bundled.tokens).head(20)
    assert set(top["term"]) >= SUBJECT
    assert not CHROME & set(keywords.term_frequencies(bundled.tokens)["term"])


def test_frequencies_sorted_with_tie_break(bundled):
    freq = keywords.term_frequencies(bundled.tokens)
    keys = list(zip(-freq["count"], freq["term"], strict=True))
    assert keys == sorted(keys)
    assert (freq["doc_count"] == 1).all()


def test_morphemes_not_eojeol(corpus_of):
    corpus = corpus_of({"a": "서울시는 계획을 만들었다. 서울시의 계획은 크다. 서울시가 또 만들었다."})
    freq = keywords.term_frequencies(corpus.tokens).set_index("term")["count"]
    assert freq["서울시"] == 3
    preds = keywords.term_frequencies(corpus.tokens, pos="predicates").set_index("term")["count"]
    assert preds["만들다"] == 2


def test_stopwords_are_editable(corpus_of):
    corpus = corpus_of({"a": "서울시는 계획을 밝혔다."})
    terms = set(keywords.term_frequencies(corpus.tokens, stopwords={"계획"})["term"])
    assert "계획" not in terms and "서울시" in terms


def test_noun_ngrams_and_pmi(corpus_of):
    corpus = corpus_of({"a": "심야 버스 노선과 심야 버스 예산. 버스 요금이 오른다.", "b": "심야 버스 도입."})
    grams = keywords.noun_ngrams(corpus.tokens, n=2, min_count=2).set_index("parts")
    assert grams.loc["심야 버스", "count"] == 3 and grams.loc["심야 버스", "doc_count"] == 2
    assert grams.loc["심야 버스", "pmi"] > 0


def test_keyness_direction_and_g2(corpus_of):
    corpus = corpus_of({
        "a": "탄소중립 탄소중립 탄소중립 정책을 말했다. 도시 계획.",
        "b": "도시 계획과 도시 교통. 도시 예산을 밝혔다.",
    })
    k = keywords.keyness(corpus, ["a"], min_count=1).set_index("term")
    assert k.loc["탄소중립", "log_ratio"] > 0 and k.loc["도시", "log_ratio"] < 0
    a, b = k.loc["탄소중립", "target_count"], k.loc["탄소중립", "reference_count"]
    assert (a, b) == (3, 0)
    c = keywords.terms(corpus.tokens).query("article_id == 'a'").shape[0]
    d = keywords.terms(corpus.tokens).query("article_id == 'b'").shape[0]
    e1 = c * (a + b) / (c + d)
    assert k.loc["탄소중립", "g2"] == pytest.approx(2 * a * math.log(a / e1), abs=1e-3)


def test_kwic_matches_morphemes_with_offsets(bundled):
    hits = keywords.kwic(bundled, "서울시")
    text = bundled.articles["text"].iloc[0]
    assert len(hits) == 4
    for s, e, k in zip(hits["start"], hits["end"], hits["keyword"], strict=True):
        assert text[s:e] == k == "서울시"
    right = keywords.kwic(bundled, "서울시", sort="right")["right"].tolist()
    assert right == sorted(right)


def test_kwic_lemma(bundled):
    hits = keywords.kwic(bundled, "밝히다", match="lemma")
    assert len(hits) >= 1 and hits["keyword"].str.startswith("밝").all()


def test_collocates_and_network(bundled):
    col = keywords.collocates(bundled.tokens, "서울", window=5, min_count=1)
    assert "서울" not in set(col["term"]) and len(col)
    edges = keywords.cooccurrence(bundled.tokens, top=20, min_count=2)
    assert (edges["source"] < edges["target"]).all() and (edges["weight"] >= 2).all()


def test_tfidf_ranks_within_article(corpus_of):
    corpus = corpus_of({"a": "메타버스 메타버스 서울 정책.", "b": "서울 정책 예산."})
    t = keywords.tfidf(corpus.tokens, top=None).query("article_id == 'a'")
    assert t.iloc[0]["term"] == "메타버스"


def test_trends_per_period(corpus_of):
    corpus = corpus_of({"a": "탄소중립 정책을 말했다.", "b": "탄소중립 탄소중립 예산."})
    corpus.articles["date"] = ["2021-03-01", "2022-05-01"]
    tr = keywords.trends(corpus, ["탄소중립"], freq="Y")
    assert tr["period"].tolist() == ["2021", "2022"]
    assert tr["count"].tolist() == [1, 2]
    assert tr["per_10k"].iloc[1] == pytest.approx(2 / tr["tokens"].iloc[1] * 10_000, abs=1e-3)


def test_a_dataset_narrowed_by_date_sees_only_those_articles(corpus_of):
    from analysis.dataset import Dataset

    corpus = corpus_of({"a": "탄소중립 정책을 말했다.", "b": "탄소중립 탄소중립 예산.", "c": "도시 계획."})
    corpus.articles["date"] = ["2021-03-01", "2022-05-01", ""]
    narrowed = Dataset.of(corpus, since="2022-01-01")
    assert keywords.term_frequencies(narrowed).set_index("term")["count"].to_dict() == {"탄소중립": 2, "예산": 1}
    assert keywords.term_frequencies(Dataset.of(corpus, until="2021")).set_index("term")["count"]["탄소중립"] == 1
    assert set(keywords.kwic(narrowed, "탄소중립")["article_id"]) == {"b"}


def test_collocates_count_overlapping_windows_twice(corpus_of):
    # 도시 at content positions 0 and 2; 계획 at 1 is within both windows of 1 and counts twice
    corpus = corpus_of({"a": "도시 계획 도시 예산."})
    col = keywords.collocates(corpus, "도시", window=1, min_count=1).set_index("term")
    assert col.loc["계획", "count"] == 2 and col.loc["예산", "count"] == 1
    per_sentence = keywords.collocates(corpus, "도시", window="sentence", min_count=1).set_index("term")
    assert per_sentence.loc["계획", "count"] == 1


def test_keyness_by_year_equals_keyness_of_each_year(corpus_of):
    corpus = corpus_of({"a": "탄소중립 탄소중립 정책을 말했다.", "b": "도시 계획과 도시 교통.", "c": "도시 예산과 탄소중립."})
    corpus.articles["date"] = ["2021-03-01", "2022-05-01", "2022-06-01"]
    by_year = keywords.keyness_by(corpus, by="year", top=None, min_count=1, positive=False)
    for year, ids in (("2021", ["a"]), ("2022", ["b", "c"])):
        one = keywords.keyness(corpus, ids, min_count=1)
        one = one[one["target_count"] > 0].set_index("term")
        rows = by_year[by_year["group"] == year].set_index("term")
        assert set(rows.index) == set(one.index)
        for column in ("target_count", "reference_count", "g2", "log_ratio"):
            assert rows[column].sort_index().tolist() == pytest.approx(one[column].sort_index().tolist())
