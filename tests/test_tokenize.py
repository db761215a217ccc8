"""Kiwi tokens into tables: offsets, lemmas, the user dictionary, sentences and quotes."""

from __future__ import annotations

import pytest

from analysis.tokenize import SETTINGS, text_key, get_kiwi, tokenize_texts


def test_one_kiwi_per_process(kiwi):
    assert get_kiwi() is kiwi
    assert SETTINGS.model_type == "cong" and SETTINGS.num_workers == 2


@pytest.mark.parametrize(
    ("text", "form", "tag"),
    [
        ("서울시는 탄소중립을 선언했다.", "탄소중립", "NNG"),
        ("서울을 약자 동행 특별시로 만들겠다.", "약자 동행 특별시", "NNP"),
        ("메타버스 서울을 소개했다.", "메타버스 서울", "NNP"),
        ("서울런과 안심소득을 알렸다.", "서울런", "NNP"),
        ("세계도시정상회의(WCS) 개회식이 열렸다.", "세계도시정상회의", "NNP"),
    ],
)
def test_user_dictionary_terms_are_one_morpheme(text, form, tag):
    _, toks = tokenize_texts([text], ["t"])
    row = toks[toks["form"] == form]
    assert len(row) == 1 and row["tag"].iloc[0] == tag
    assert text[row["start"].iloc[0]:row["end"].iloc[0]] == form


def test_offsets_index_the_article_text_across_paragraphs():
    text = "첫 문단입니다. 두 번째 문장입니다.\n\n둘째 문단에서 오 시장은 밝혔다."
    sents, toks = tokenize_texts([text], ["a"])
    assert sents["paragraph_id"].tolist() == [0, 0, 1]
    for s, e, t in zip(sents["start"], sents["end"], sents["text"], strict=True):
        assert text[s:e] == t
    nouns = toks[toks["tag"].isin(["NNG", "NNP", "NNB", "SF", "JX", "JKB"])]
    assert len(nouns) > 5
    for s, e, f in zip(nouns["start"], nouns["end"], nouns["form"], strict=True):
        assert text[s:e] == f
    assert toks["token_id"].tolist() == list(range(len(toks)))


def test_predicates_carry_lemmas():
    _, toks = tokenize_texts(["오 시장은 계획을 밝혔다."], ["a"])
    assert toks.loc[toks["tag"] == "VV", "lemma"].tolist() == ["밝히다"]
    assert (toks.loc[toks["tag"] != "VV", "lemma"] == "").all()


def test_quoted_sentences_stay_inside_the_quoting_sentence():
    text = '오 시장은 "서울을 바꾸겠다. 약속한다"며 이같이 말했다. 이어 행사가 끝났다.'
    sents, _ = tokenize_texts([text], ["a"])
    assert sents["text"].tolist() == ['오 시장은 "서울을 바꾸겠다. 약속한다"며 이같이 말했다.', "이어 행사가 끝났다."]


def test_many_texts_in_one_call_keep_their_ids():
    sents, toks = tokenize_texts(["가나다 문장이다.", "", "라마바 문장이다."], ["x", "empty", "z"])
    assert sorted(set(sents["article_id"])) == ["x", "z"]
    assert set(toks["article_id"]) == {"x", "z"}


def test_compact_dtypes():
    sents, toks = tokenize_texts(["서울시는 밝혔다."], ["a"])
    assert str(toks["tag"].dtype) == "category"
    assert str(toks["start"].dtype) == "int32" and str(sents["end"].dtype) == "int32"


def test_text_key_depends_on_text_only_for_fixed_settings():
    assert text_key("가") == text_key("가")
    assert text_key("가") != text_key("나")
