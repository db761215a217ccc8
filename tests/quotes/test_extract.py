"""The stages run per article (analysis.quotes.extract): the quotes table, the bundled article, bad input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.quotes import rules_version
from analysis.schema import QUOTE_BASES, QUOTES

BUNDLED_QUOTES = [
    "서울을 '약자 동행 특별시'로 만들겠다.",
    "서울시의 모든 역량을 집중하고 있다",
    "대한민국이 너무 빠른 속도로",
    "2023년에 전 세계 시장님들과",
    "4차 산업혁명과 기후위기",
    "도시, 국가를 넘어 지구라는",
    "이번 세계도시정상회의 참가를 통해서",
    "이를 반영해 내년 세계도시정상회의",
]


def test_bundled_article_quotes(bundled):
    q = bundled.quotes
    assert len(q) == 8
    for content, start in zip(q["content"], BUNDLED_QUOTES, strict=True):
        assert content.startswith(start)
    assert set(q["speaker"]) == {"오세훈"}
    assert "오 시장" in set(q["mention"])
    text = bundled.articles["text"].iloc[0]
    for s, e, c in zip(q["start"], q["end"], q["content"], strict=True):
        assert text[s:e] == c
    for term in ["약자 동행 특별시", "메타버스 서울", "서울런"]:
        assert term not in set(q["content"])


BASIS_CASES = [
    ('오세훈 서울시장은 "약자와 동행하겠다"고 말했다.', "subject"),
    ('첫 문장이다.\n"반드시 돌아가겠다." 김 의원은 이같이 말했다.', "next sentence"),
    ('"반드시 돌아가겠다"고 말한 김 의원은 자리를 떴다.', "reporter"),
    ('서울시 관계자에 따르면 "검토 중"이라고 한다.', "source"),
    ('오세훈 서울시장은 "좋다"고 말했다. 이어 "준비하겠다"고 덧붙였다.', "in force"),
    ('"이건 아니다"는 등 비판도 있었다.', ""),
]


@pytest.mark.parametrize(("text", "basis"), BASIS_CASES)
def test_basis_says_where_the_speaker_was_found(corpus_of, text, basis):
    quotes = corpus_of({"a": text}).quotes
    assert quotes["basis"].iloc[-1] == basis
    assert set(quotes["basis"]) <= set(QUOTE_BASES)


@given(st.text(alphabet=st.sampled_from(list('"“”가나다라 .말했다고며는\n오세훈시장은ab1')), max_size=200))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_extracted_quotes_match_their_offsets(corpus_of, text):
    corpus = corpus_of({"a": text}) if text.strip() else None
    if corpus is None:
        return
    for s, e, c in zip(corpus.quotes["start"], corpus.quotes["end"], corpus.quotes["content"], strict=True):
        assert text[s:e] == c


@pytest.mark.parametrize("text", [
    '"' * 7 + "가나다",
    "“" + "가" * 3000 + "”라고 말했다.",
    "no hangul at all \"quoted\" said",
    '오 시장은 "첫 문단에서 열린 인용\n둘째 문단에서 닫힌다"고 말했다.',
    "\u0000\u200b\ufeff\"\"",
])
def test_bad_input_never_crashes(corpus_of, text):
    corpus = corpus_of({"a": text})
    for s, e, c in zip(corpus.quotes["start"], corpus.quotes["end"], corpus.quotes["content"], strict=True):
        assert text[s:e] == c


def _consistent(text, quotes):
    for s, e, c in zip(quotes["start"], quotes["end"], quotes["content"], strict=True):
        assert text[s:e] == c


def test_an_article_of_500_quotes(corpus_of):
    text = " ".join(f'김철수 의원은 "{n}번째 약속을 지키겠다"고 말했다.' for n in range(500))
    quotes = corpus_of({"a": text}).quotes
    assert len(quotes) == 500 and set(quotes["speaker"]) == {"김철수"}
    _consistent(text, quotes)


def test_an_article_whose_every_sentence_is_a_quote(corpus_of):
    text = "\n".join(f'"{n}번째 문장도 인용이다."' for n in range(200))
    quotes = corpus_of({"a": text}).quotes
    assert len(quotes) == 200
    _consistent(text, quotes)


def test_a_name_of_40_syllables(corpus_of):
    name = "가나다라마바사아자차카타파하" * 3
    text = f'{name[:40]} 대표는 "이름이 길다"고 말했다.'
    quotes = corpus_of({"a": text}).quotes
    assert quotes["content"].tolist() == ["이름이 길다"]
    _consistent(text, quotes)


def test_a_cast_of_300_people(corpus_of):
    surnames, given = "김이박최정강조윤장임", ["민수", "영희", "철수", "지훈", "서연", "도윤", "하은", "준호", "수빈", "예린",
                                            "현우", "지민", "태희", "승현", "유진", "재원", "나연", "동현", "소율", "건우",
                                            "다은", "시우", "연아", "정민", "우진", "하린", "성훈", "채원", "민재", "서진"]
    names = [s + g for s in surnames for g in given]
    text = "\n".join(f'{n} 위원은 "{k}번 안건에 찬성한다"고 말했다.' for k, n in enumerate(names))
    quotes = corpus_of({"a": text}).quotes
    assert len(names) == 300 and quotes["speaker"].tolist() == names
    _consistent(text, quotes)


def test_quotes_table_keeps_its_columns(corpus_of):
    quotes = corpus_of({"a": '오세훈 서울시장은 "좋다"고 말했다.'}).quotes
    assert list(quotes.columns) == list(QUOTES)


def test_rules_version_is_a_stable_hash():
    assert rules_version() == rules_version() and len(rules_version()) == 16
