"""Stage 2 (analysis.quotes.speech): what is speech, and what is a name, a title or a term."""

from __future__ import annotations

import pytest

from analysis.quotes.lexicon import lexicon
from analysis.quotes.speech import is_speech_noun

from .helpers import attributions

CASES = [
    ('그 책은 "바람의 노래"라는 제목으로 나왔다.', []),
    ('시민들은 "탄소중립"이라는 표현을 자주 쓴다.', []),
    ("오 시장은 '메타버스 서울'을 소개했다.", []),
    # marks that close inside a word, and "…"는 것이다 claims
    ('조동원 본부장은 "흰색을 바탕으로 했"으며 "빨간색은 열정을 상징한다"고 말했다.',
     [("흰색을 바탕으로 했", "조동원"), ("빨간색은 열정을 상징한다", "조동원")]),
    ('문 대통령은 "평화 동맹으로 이어지길 희망"한다며 기대를 밝혔다.', [("평화 동맹으로 이어지길 희망", "문 대통령")]),
    ('유가족들은 수사권을 요구했다. 그 이유는 "정부를 믿을 수 없다"는 것이다.', [("정부를 믿을 수 없다", "유가족들")]),
    # a remark nobody is named for ("…"는 등 비판도 있었다) has no speaker, not the one in force
    ('김 회장은 사과했다. 온라인에서는 평가가 엇갈렸다. "세금 내고 상속하면 된다"는 등 비판도 있었다.',
     [("세금 내고 상속하면 된다", "")]),
    # a speech noun right after 라는 keeps its particle (라는 발언은, 라는 주장은)
    ('김철수 의원은 "예산을 삭감하겠다"라는 발언은 사실이 아니라고 말했다.', [("예산을 삭감하겠다", "김철수")]),
    ('박영희 교수는 "세금이 늘었다"라는 지적을 내놓았다.', [("세금이 늘었다", "박영희")]),
    # …and a claim that a later speaker refutes has no speaker of its own
    ('"증세는 없다"라는 주장은 틀렸다고 박영희 교수는 지적했다.', [("증세는 없다", "")]),
    # marks that close inside the reporting clause
    ('우태희 실장은 "관세 없이 자동차를 수출"중이라며 의미가 크다고 말했다.', [("관세 없이 자동차를 수출", "우태희")]),
    ('박광온 대변인은 "최 사장은 당장 물러나야" 한다며 비판했다.', [("최 사장은 당장 물러나야", "박광온")]),
    ('정보당국은 확인 요청에 "큰 틀에서는 맞"지만 신변은 확보하지 않았다고 전했다.', [("큰 틀에서는 맞", "정보당국")]),
    # what a document says in the passive (명시되어 있다) is nobody's speech; a verb of writing is
    ('제5조에 따르면 “모든 국민은 최선을 다하여야 한다.”고 명시되어 있다.', []),
    ('위키백과에 따르면 정의는 “성범죄를 저지르는 사람을 통칭한다”고 기재되어 있다.', []),
    ('법원은 판결문에 “피고인의 죄가 무겁다”고 명시했다.', [("피고인의 죄가 무겁다", "법원")]),
    # a ruling and a compound that ends in a speech noun (수상소감) report speech; 주말 is no 말
    ('강백호는 "상을 받았다."며, "매 번 기도했다"는 수상소감을 남겼다.', [("상을 받았다.", "강백호"), ("매 번 기도했다", "강백호")]),
    ('서울고등법원 정형식 부장판사가 2007년에 "해고사유로 하는 것은 부적합하다"는 판결을 했던 전력이 있다.',
     [("해고사유로 하는 것은 부적합하다", "정형식")]),
    ('그는 "주말에 보자"는 주말 계획을 세웠다.', []),
    # a gloss in brackets between the mark and its ending; a remark the speaker in force put out
    ('칸아니는 "무지하다"고 말했다. 또 "간섭하기 좋아하는 것"(meddlesome)이란 평가도 내놨다.',
     [("무지하다", "칸아니"), ("간섭하기 좋아하는 것", "칸아니")]),
    # remarks listed with 등; quotes joined by 와 share the fate of the last; a claim that is a homily's gist
    ('한 검사는 "덥석 팔짱을 끼었다"며 "여자가 추행이라면 추행"이라는 등 도 넘는 2차 가해가 지속됐다.',
     [("덥석 팔짱을 끼었다", "한 검사"), ("여자가 추행이라면 추행", "한 검사")]),
    ('점을 들어 "누군가가 대본을 작성하는 것이다"와 "귀에는 이어폰이 꽂혀 있다" 등의 의혹이 제기되었다.',
     [("누군가가 대본을 작성하는 것이다", ""), ("귀에는 이어폰이 꽂혀 있다", "")]),
    ('박창신 신부가 미사를 집전했다. "대통령은 사퇴해야 한다"는 것이 강론의 주요 내용이었다.',
     [("대통령은 사퇴해야 한다", "박창신")]),
    # v2 conventions: single-quoted reported speech is a quote; single-quoted terms, names, slogans are not
    ("한 의원은 ‘예산은 충분하다’고 말했다.", [("예산은 충분하다", "한 의원")]),
    ("시민단체는 '대책이 늦었다'며 반발했다.", [("대책이 늦었다", "시민단체")]),
    ("김철수 교수는 '정부가 먼저 움직여야 한다'라고 했다.", [("정부가 먼저 움직여야 한다", "김철수")]),
    ("서울시는 '약자 동행 특별시'로 거듭나겠다고 밝혔다.", []),
    ("시청 앞에는 '모두가 함께 걷는 서울'이라는 구호가 내걸렸다.", []),
    ("주민들은 그 제도를 '희망 사다리'라고 불렀다.", []),
    ("그는 '이번에는 다르다'라고 생각했다.", []),
    # collective reactions quoted with no reporting verb are the collective's, or nobody's
    ('결정이 알려지자 "세금을 왜 이렇게 쓰나"라는 여론이 일었다.', [("세금을 왜 이렇게 쓰나", "")]),
    ('관객들 사이에서는 "마지막 장면이 압권이었다", "다시 보고 싶다" 등의 반응이 나왔다.',
     [("마지막 장면이 압권이었다", "관객들"), ("다시 보고 싶다", "관객들")]),
    # titles of works, programmes and laws are never quotes
    ('국회에는 "내일을 여는 법"이라는 이름의 법안이 계류돼 있다.', []),
    ('영화 "겨울의 끝"은 관객 100만 명을 넘겼다.', []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_speech_and_speaker(corpus_of, text, expected):
    assert attributions(corpus_of, text) == expected


@pytest.mark.parametrize(("word", "speech"), [("발언", True), ("공동성명", True), ("수상소감", True), ("주말", False),
                                               ("제목", False)])
def test_speech_nouns(word, speech):
    assert is_speech_noun(word, lexicon()) is speech
