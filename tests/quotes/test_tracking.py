"""Stage 5 (analysis.quotes.tracking): the speaker in force for quotes with no subject of their own."""

from __future__ import annotations

import pytest

from analysis.quotes.tracking import InForce

from .helpers import attributions

CASES = [
    ('김철수 환경부 장관은 회견을 열었다. 그는 "감축 목표를 지키겠다"고 말했다.', [("감축 목표를 지키겠다", "김철수")]),
    ('"내년에는 달라질 것이다."\n김영희 교수는 이같이 말했다.', [("내년에는 달라질 것이다.", "김영희")]),
    # a suffix glued to a quoted term ("큰 손"들이) is no speaker
    ('김철수 교수는 분석했다. 미국의 "큰 손"들이 움직였다. 그는 "시장이 흔들릴 것"이라고 말했다.', [("시장이 흔들릴 것", "김철수")]),
    # reported reporting: the inner verb's subject spoke, and 이 관계자 is the 관계자 who spoke before
    ('연합뉴스는 합동참모본부 관계자가 "훈련을 실시한다"고 밝혔다고 전했다. '
     '연합뉴스는 이 관계자가 "오후에 할 수도 있다"고 말했다고 전했다.',
     [("훈련을 실시한다", "합동참모본부 관계자"), ("오후에 할 수도 있다", "합동참모본부 관계자")]),
    # whose remark a sentence is about (X의 발언이 화제) is the speaker in force
    ('김원웅 광복회장의 발언이 화제가 됐다. 그는 "친일파와 결탁했다"고 말했다.', [("친일파와 결탁했다", "김원웅")]),
    # a stand-alone quote between two speakers goes to the one the next sentence names
    ('박민수 장관은 사과했다. "우리는 최선을 다했다." 김철수 의원은 이같이 말했다.', [("우리는 최선을 다했다.", "김철수")]),
    # a sentence about a country that reports nothing leaves the person talking
    ('바이든은 트럼프를 "푸틴의 개"라고 비난하였다. 러시아는 호황을 맞을 수 있기 때문이고, 미국은 고객을 하나 잃는 것이나 '
     '다름없기 때문이었다.\n또한 트럼프의 대 이란 정책에 대해 "위험한 실패"라고 하였다.',
     [("푸틴의 개", "바이든"), ("위험한 실패", "바이든")]),
    # a remark is not someone who goes on talking; "this remark" (해당 발언) is the remark of who is talking
    ('김 의원이 연설했다. 해당 발언은 "국민이 먼저"라는 내용이었다. 이어 "국민을 믿는다"고 말했다.',
     [("국민이 먼저", "김 의원"), ("국민을 믿는다", "김 의원")]),
    # a statement adopted (공동성명도 채택했다) is the speaker's
    ('김 대표는 "협력하겠다"고 말했다. 이어 "방류는 없다"는 공동성명도 채택했다.',
     [("협력하겠다", "김 대표"), ("방류는 없다", "김 대표")]),
    # across sentences and paragraphs, back and forth between speakers
    ('박서진 의원은 "협상이 필요하다"고 말했다. 이어 "오늘 결론을 내자"고 말했다.\n"결과를 지켜보겠다"고 덧붙였다.\n'
     '김영희 장관은 "어렵다"고 답했다. 그러면서 "시간이 필요하다"고 말했다.\n박 의원은 "기다리겠다"고 말했다.',
     [("협상이 필요하다", "박서진"), ("오늘 결론을 내자", "박서진"), ("결과를 지켜보겠다", "박서진"),
      ("어렵다", "김영희"), ("시간이 필요하다", "김영희"), ("기다리겠다", "박서진")]),
    # an organisation that speaks stays the speaker in force
    ('산업통상자원부는 "수출이 늘었다"고 밝혔다. 또 "하반기에도 이어질 것"이라고 전망했다.',
     [("수출이 늘었다", "산업통상자원부"), ("하반기에도 이어질 것", "산업통상자원부")]),
    # a pronoun with no one named before it is the speaker as written
    ('그녀는 "다시는 돌아가지 않겠다"고 말했다.', [("다시는 돌아가지 않겠다", "그녀")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_speaker_in_force(corpus_of, text, expected):
    assert attributions(corpus_of, text) == expected


def test_in_force_keeps_the_last_speaker():
    state = InForce()
    state.speak("오세훈", "서울시장")
    state.speak("")
    assert (state.speaker, state.role) == ("오세훈", "서울시장")
