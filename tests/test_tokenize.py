"""Kiwi tokens into tables: offsets, lemmas, the user dictionary, sentences and quotes."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.tokenize import SETTINGS, get_kiwi, split_long, text_key, tokenize_texts


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


@given(text=st.text(alphabet=st.sampled_from(list("가나다 .\n!\"")), max_size=400), limit=st.integers(1, 60))
def test_split_long_pieces_cover_the_text_within_the_limit(text, limit):
    pieces = split_long(text, max_chars=limit)
    assert "".join(p for _, p in pieces) == text
    assert all(text[o:o + len(p)] == p for o, p in pieces)
    assert all(1 <= len(p) <= limit for _, p in pieces) or text == ""


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("짧은 글이다.", 100, ["짧은 글이다."]),
    ("첫 문단이다.\n둘째 문단이다.\n셋째 문단이다.", 18, ["첫 문단이다.\n둘째 문단이다.\n", "셋째 문단이다."]),
    ("첫 문장이다. 둘째 문장이다. 셋째 문장이다.", 16, ["첫 문장이다. ", "둘째 문장이다. ", "셋째 문장이다."]),
    ('그는 "좋다." 라고 했다. 다음 문장이다.', 18, ['그는 "좋다." 라고 했다. ', "다음 문장이다."]),  # the last end that fits
    ("띄어쓰기만 있는 아주 긴 문장", 10, ["띄어쓰기만 있는 ", "아주 긴 문장"]),
    ("가나다라마바사아자차", 4, ["가나다라", "마바사아", "자차"]),
])
def test_split_long_cuts_at_paragraphs_then_sentences_then_spaces(text, limit, expected):
    assert [p for _, p in split_long(text, max_chars=limit)] == expected


def test_a_long_text_in_pieces_keeps_offsets_and_sentences(kiwi):
    """A text cut into pieces gives the same kind of tables: offsets index the whole text, sentence and token
    numbers run on, no sentence spans two pieces; a short text beside it is analysed as it would be alone."""
    paragraph = "서울시는 1일 기후 정책을 발표했다. 오세훈 서울시장은 \"탄소중립을 앞당기겠다\"고 말했다."
    long_text = "\n".join([paragraph] * 40)  # 2,000+ characters
    settings = dataclasses.replace(SETTINGS, max_chars=300)
    sents, toks = tokenize_texts([long_text, paragraph], ["long", "short"], settings=settings)
    whole_sents, whole_toks = tokenize_texts([long_text], ["long"])
    long_sents, long_toks = sents[sents.article_id == "long"], toks[toks.article_id == "long"]
    assert len(split_long(long_text, max_chars=300)) > 5
    assert long_sents.reset_index(drop=True).equals(whole_sents)  # paragraphs cut at line breaks: the same sentences
    assert long_toks.reset_index(drop=True).equals(whole_toks)
    for s, e, t in zip(long_sents["start"], long_sents["end"], long_sents["text"], strict=True):
        assert long_text[s:e] == t
    short_sents, short_toks = tokenize_texts([paragraph], ["short"])
    assert sents[sents.article_id == "short"].reset_index(drop=True).equals(short_sents)
    assert toks[toks.article_id == "short"].reset_index(drop=True).equals(short_toks)


def test_a_paragraph_cut_at_sentences_never_joins_two_pieces_in_one_sentence(kiwi):
    text = "가는 말이 고와야 오는 말이 곱다. " * 30
    settings = dataclasses.replace(SETTINGS, max_chars=100)
    sents, toks = tokenize_texts([text], ["a"], settings=settings)
    cuts = {o for o, _ in split_long(text, max_chars=100)} - {0}
    assert cuts and not any(s < c < e for c in cuts for s, e in zip(sents["start"], sents["end"], strict=True))
    assert toks["token_id"].tolist() == list(range(len(toks)))
    assert (toks["start"].diff().dropna() >= 0).all()
