"""Stage 4 (analysis.quotes.clause): the speaker from the structure of the reporting clause."""

from __future__ import annotations

import pytest

from .helpers import attributions

CASES = [
    # a subject after the reporting verb belongs to the next clause; an adjective (이러한) opens no relative clause
    ('KT는 이러한 지적에 대해 "수명이 지난 위성이므로 불법이 아니다"라고 주장하지만, 유승희 의원은 이를 반박했다.',
     [("수명이 지난 위성이므로 불법이 아니다", "KT")]),
    # a topic (재판부는) is never inside the relative clause that holds 윤석열 총장이
    ('재판부는 또 윤석열 총장이 회복할 수 없는 손해를 입게 된다고 주장한 것에 대해 "긴급한 필요가 인정된다"고 밝혔다.',
     [("긴급한 필요가 인정된다", "재판부")]),
    # a cited statement is its author's, whoever reports it; a country before the title is no part of the name
    ('해외 언론들은 제이콥 주마 남아프리카공화국 대통령의 발표를 인용해 "만델라 전 대통령이 타계했다"고 보도했다.',
     [("만델라 전 대통령이 타계했다", "제이콥 주마")]),
    ('대한민국 정부는 같은 날 통일부 명의의 성명을 통해 "모든 가능성에 대비하겠다"고 밝혔다.',
     [("모든 가능성에 대비하겠다", "통일부")]),
    # …but a person who cites figures is still the speaker
    ('김철수 의원은 통계청의 발표를 인용해 "청년 실업률이 다시 올랐다"고 지적했다.', [("청년 실업률이 다시 올랐다", "김철수")]),
    # a relative clause whose verb carries a tense (기술했다는 질문에) holds no speaker
    ('정홍원 총리는 답변에 나섰다. 교과서가 부적절하게 기술했다는 질문에 "맥락에서 볼 필요도 있다"고 말했다.',
     [("맥락에서 볼 필요도 있다", "정홍원")]),
    # a source (X에 따르면) speaks only when the sentence has no other subject
    ('한겨레에 따르면 에스알 관계자는 "원인을 조사하고 있다"고 밝혔다.', [("원인을 조사하고 있다", "에스알 관계자")]),
    ('한겨레 보도에 따르면 "열차가 멈췄다"고 한다.', [("열차가 멈췄다", "한겨레 보도")]),
    # the only subject sits in a relative clause: the speaker in force goes on; a time clause is no relative clause
    ('이대영 부교육감은 "정상화하겠다"고 밝혔다. 곽 전 교육감이 추진해온 조직개편과 관련해서는 "개선점을 찾겠다"고 말했다.',
     [("정상화하겠다", "이대영"), ("개선점을 찾겠다", "이대영")]),
    ('김철수 씨는 체포됐다. 이영희 씨가 범행을 저지른 당시 "나를 막지 마라"고 외쳤다.', [("나를 막지 마라", "이영희")]),
    # whose writing or reaction the sentence cites (X의 글에 따르면, X의 반응은)
    ('일본연구소 김설화 연구원의 글에 따르면 "일본은 사죄해야 한다"고 주장했다.', [("일본은 사죄해야 한다", "김설화")]),
    ('윤석열 검찰총장은 회의장을 나왔다. 이날 윤 총장의 반응은 상황을 듣고 "알겠다"라는 반응만 보인 것으로 전해졌다.',
     [("알겠다", "윤석열")]),
    # X 역시 is a subject when X is a body or a person
    ('환경부는 "시행을 유예한다"고 밝혔다. 서울환경연합 역시 성명을 내어 "철저히 준비해야 한다"고 촉구했다.',
     [("시행을 유예한다", "환경부"), ("철저히 준비해야 한다", "서울환경연합")]),
    # a subject after the quote's verb and a clause ending belongs to the next clause, whatever the verb
    ('그러자 18동양호가 "앞서 가던 배가 침몰했다"고 신고했고, 해경은 수색에 나섰다.', [("앞서 가던 배가 침몰했다", "18동양호")]),
    # a subject that goes on to a later verb is not inside the relative clause before it
    ('경찰은 사과하지 않았다. 강신명 전 경찰청장이 국회에서 열린 청문회에 나와 "사과할 수 없다"고 말했다.',
     [("사과할 수 없다", "강신명")]),
    # a relative clause (열린 회의) between the quote and its subject starts no new clause
    ('박민수 장관은 사과했다. "정부가 잘못했다"고 어제 국회에서 열린 회의에서 김철수 의원은 말했다.',
     [("정부가 잘못했다", "김철수")]),
    # a group of people ranks with organisations; a claim (…하다는 주장) holds no speaker
    ('새누리당은 "대화의 성과다"라고 주장했지만, 바로 유가족들이 "그렇게 주장하지 말라"고 반박했다.',
     [("대화의 성과다", "새누리당"), ("그렇게 주장하지 말라", "유가족들")]),
    # a speech noun one adjective after 라는 (라는 무책임한 발언); a case subject in a claim after the quote
    ('정홍원 총리는 "그건 어쩔 수 없는 문제"라는 무책임한 발언으로 비판을 받았다.', [("그건 어쩔 수 없는 문제", "정홍원")]),
    ('정홍원 총리는 답했다. 또 "모든 교과서에 오류가 있다"라며 좌편향 교과서도 수정이 필요하다는 주장을 했다.',
     [("모든 교과서에 오류가 있다", "정홍원")]),
    # a quote possessed by its author (잭 런던의 "…"), also through the document (관방장관의 담화문의 "…")
    ('그는 비판했다. 잭 런던의 "한국인은 스스로 사회를 지킬 수 없다"라는 말도 떠오른다.',
     [("한국인은 스스로 사회를 지킬 수 없다", "잭 런던")]),
    # the phrase the reporting verb modifies is the speaker ("…"고 말한 X)
    ('"안전을 담보하기가 어려워지고 있다"고 본 나상윤 공공교통네트워크 정책위원의 말처럼, 투자가 필요하다.',
     [("안전을 담보하기가 어려워지고 있다", "나상윤")]),
    # arguments of embedded and adnominal clauses are not the speaker; the sentence's topic is
    ('박 장관은 군 지휘관이 즉각 대응해야 한다고 언급하며 "도발에는 단호히 대처하겠다"고 말했다.',
     [("도발에는 단호히 대처하겠다", "박 장관")]),
    ("오승민 총장은 학생회가 요구한 '등록금 인하'에 대해서는 \"재정을 따져 보겠다\"고 말했다.",
     [("재정을 따져 보겠다", "오승민")]),
    ('대한민국 검찰은 박희영 구청장이 "안전 대책을 소홀히 했다"며 구속 필요성을 강조했다.',
     [("안전 대책을 소홀히 했다", "대한민국 검찰")]),
    # objects and addressees are not speakers
    ('김영희 의원은 기자들에게 "법안을 다시 내겠다"고 말했다.', [("법안을 다시 내겠다", "김영희")]),
    ('김영희 의원은 장관을 향해 "책임을 지라"고 비판했다.', [("책임을 지라", "김영희")]),
    # an institution speaks with 에서; a medium points to its author
    ('대통령실에서 "오해가 있었던 것 같다"라고 했다.', [("오해가 있었던 것 같다", "대통령실")]),
    ('양상훈 주필의 칼럼이 화제다. 이 칼럼은 "청산은 끝나지 않았다"고 주장한다.', [("청산은 끝나지 않았다", "양상훈")]),
    # a speaker after the quote
    ('"요금부터 올린다"며 비난하는 이들도 있었다.', [("요금부터 올린다", "비난하는 이들")]),
    ('"관세가 최대 변수"라는 게 미래경제연구원 정우주 연구위원의 설명이다.', [("관세가 최대 변수", "정우주")]),
    # relayed speech goes to the original speaker
    ('강유나 대변인은 "여야가 따로 없다"라는 조민혁 대통령의 말을 전했다.', [("여야가 따로 없다", "조민혁")]),
    ('한 주민은 배하윤 연구원이 "더 많은 것이 있다"라고 말했다고 전했다.', [("더 많은 것이 있다", "배하윤")]),
    ('열린북한방송은 양강도 소식통을 인용해 "지진을 감지했다"고 보도했다.', [("지진을 감지했다", "양강도 소식통")]),
    # chained quotes share one clause
    ('최근 한국은 외교 노선을 바꿨으며, 이란에서는 "비외교적 태도"라며 "검토하고 있다"고 밝혔다.',
     [("비외교적 태도", "이란"), ("검토하고 있다", "이란")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_speaker_from_the_reporting_clause(corpus_of, text, expected):
    assert attributions(corpus_of, text) == expected
