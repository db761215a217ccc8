"""Quote detection and attribution on real Korean sentences, plus property tests on arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.quotes import find_spans
from analysis.schema import QUOTE_BASES

SPAN_CASES = [
    ('그는 "A"며 "B"고 말했다.', ["A", "B"]),
    ("오 시장은 “이번 참가를 통해 배웠다\"며 \"준비하겠다\"고 밝혔다.", ["이번 참가를 통해 배웠다", "준비하겠다"]),
    ("“곡선 따옴표”라고 말했다.", ["곡선 따옴표"]),
    ("그는 \"닫히지 않은 인용이다. 다음 문장은 본문이다.", ["닫히지 않은 인용이다."]),
    ("닫는 따옴표만 있다\"고 말했다. 뒤 문장.", ["닫는 따옴표만 있다"]),
    ("따옴표가 없는 문장이다.", []),
    ("문단 하나 \"열림\n둘째 문단\"", ["열림", "둘째 문단"]),
    ('그는 "“이중으로 감싼 인용”"이라고 했다.', ["이중으로 감싼 인용"]),
    # a straight mark glued to words on both sides opens when a closer follows, else it closes
    ('정부는 유감을 표했다. 조태영 대변인은"일본이 한 일이 나타난 것"이라며 비판했다.', ["일본이 한 일이 나타난 것"]),
    ('닫는 따옴표만 있다"고 말했다. 그는 "좋다"고 했다.', ["닫는 따옴표만 있다", "좋다"]),
    # no space between a sentence's full stop and the next quote's opening mark
    ('그는 이렇게 밝혔다."국회의원들은 아무것도 고치지 않았다"라고 말했다.', ["국회의원들은 아무것도 고치지 않았다"]),
    ('그는 "다 끝났다."라고 말했다.', ["다 끝났다."]),
    # curly marks typed the wrong way round among straight ones
    ('관계자는 "개인정보가 맞다“며 ”확인 중“이라고 전했다.', ["개인정보가 맞다", "확인 중"]),
    ('그는 “마음이 무겁습니다 ”라는 심정을 밝혔다.', ["마음이 무겁습니다 "]),
]


@pytest.mark.parametrize(("text", "contents"), SPAN_CASES)
def test_find_spans(text, contents):
    assert [text[s.start:s.end] for s in find_spans(text)] == contents


@given(st.text(alphabet=st.sampled_from(list('"“”\'‘’가나다 .\n라고며ab')) , max_size=300))
@settings(max_examples=300, deadline=None)
def test_spans_are_always_inside_the_text(text):
    for span in find_spans(text):
        assert 0 <= span.start <= span.end <= len(text)
        assert "\n" not in text[span.start:span.end]


@given(st.text(max_size=400))
@settings(max_examples=200, deadline=None)
def test_find_spans_never_crashes_on_any_unicode(text):
    for span in find_spans(text):
        assert 0 <= span.start <= span.end <= len(text)


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


CASES = [
    # (text, expected [(content, speaker)])
    ('오세훈 서울시장은 "서울을 바꾸겠다"고 말했다. 오 시장은 "약속을 지키겠다"며 "시민과 함께하겠다"고 강조했다.',
     [("서울을 바꾸겠다", "오세훈"), ("약속을 지키겠다", "오세훈"), ("시민과 함께하겠다", "오세훈")]),
    ('라파엘 토레스 대령은 부대를 방문했다. 토레스 대령은 "작전은 끝났다"고 밝혔다.', [("작전은 끝났다", "라파엘 토레스")]),
    ('문재인 대통령은 회의를 열었다. 문 대통령은 "방역을 강화하라"고 지시했다.', [("방역을 강화하라", "문재인")]),
    ('청와대는 이날 "사실이 아니다"라고 밝혔다.', [("사실이 아니다", "청와대")]),
    ('한 관계자는 "검토 중이다"라고 전했다.', [("검토 중이다", "한 관계자")]),
    ('김철수 환경부 장관은 회견을 열었다. 그는 "감축 목표를 지키겠다"고 말했다.', [("감축 목표를 지키겠다", "김철수")]),
    ('"내년에는 달라질 것이다."\n김영희 교수는 이같이 말했다.', [("내년에는 달라질 것이다.", "김영희")]),
    ('그 책은 "바람의 노래"라는 제목으로 나왔다.', []),
    ('시민들은 "탄소중립"이라는 표현을 자주 쓴다.', []),
    ("오 시장은 '메타버스 서울'을 소개했다.", []),
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
    # Kiwi reads 제이콥 주마 as one proper noun with a space in it
    ('제이콥 주마는 "만델라는 위대한 지도자였다"고 말했다.', [("만델라는 위대한 지도자였다", "제이콥 주마")]),
    # a one-syllable role is a word of its own, never the end of a name (이정현 ends in 현)
    ('이정현 홍보수석은 "임명을 진행할 예정이다"라고 밝혔다.', [("임명을 진행할 예정이다", "이정현")]),
    # an institution before the name, or between the name and the title, is affiliation
    ('대한상공회의소 박종갑 조사본부장은 "불확실성이 크다"고 말했다.', [("불확실성이 크다", "박종갑")]),
    ('오영식 전 한국철도공사 사장은 "책임을 지겠다"고 말했다.', [("책임을 지겠다", "오영식")]),
    ('표창원 전 경찰대 교수는 "말이 안 된다"고 비판했다.', [("말이 안 된다", "표창원")]),
    # a relative clause whose verb carries a tense (기술했다는 질문에) holds no speaker
    ('정홍원 총리는 답변에 나섰다. 교과서가 부적절하게 기술했다는 질문에 "맥락에서 볼 필요도 있다"고 말했다.',
     [("맥락에서 볼 필요도 있다", "정홍원")]),
    # groups keep their modifiers, as written
    ('한국의 일부 네티즌들은 "인과응보다"라고 말했다.', [("인과응보다", "한국의 일부 네티즌들")]),
    ('많은 사람들이 "왜 또 발사하냐"고 물었다.', [("왜 또 발사하냐", "많은 사람들")]),
    # a source (X에 따르면) speaks only when the sentence has no other subject
    ('한겨레에 따르면 에스알 관계자는 "원인을 조사하고 있다"고 밝혔다.', [("원인을 조사하고 있다", "에스알 관계자")]),
    ('한겨레 보도에 따르면 "열차가 멈췄다"고 한다.', [("열차가 멈췄다", "한겨레 보도")]),
    # a foreign full name keeps its given name; a Korean name before an organisation is the name
    ('블라디미르 푸틴 러시아 대통령이 조약에 서명했다. 푸틴 대통령은 "크림은 러시아의 일부"라고 말했다.',
     [("크림은 러시아의 일부", "블라디미르 푸틴")]),
    ('이정현 청와대 홍보수석은 "임명을 진행한다"고 밝혔다.', [("임명을 진행한다", "이정현")]),
    # a role alone, or after 이 (MM), is the one person the article gave that role
    ('박근혜 대통령이 메시지를 올렸다. 대통령은 "새해 복 많이 받으십시오"라고 말했다.',
     [("새해 복 많이 받으십시오", "박근혜")]),
    ('그러나 이정희 후보는 지지를 밝히지 않았다. 이어서 이 후보는 "정권교체를 이뤄야 한다"고 주장했다.',
     [("정권교체를 이뤄야 한다", "이정희")]),
    ('김은경 씨는 외국인 가족을 보았다. 김씨는 "이 동네가 좋아졌다"고 말했다.', [("이 동네가 좋아졌다", "김은경")]),
    # a name Kiwi splits (정한/NNG 중/NNB) is a name when the article shortens it to surname + role
    ('정한중 징계위원장 직무대리는 "증거에 입각해 결정했다"고 말했다. 정 직무대리는 "변론을 포기했다"고 덧붙였다.',
     [("증거에 입각해 결정했다", "정한중"), ("변론을 포기했다", "정한중")]),
    # a rare name Kiwi reads as a common noun, before a title; 씨 makes a person even of a name ending like an office
    ('홍수열 자원순환사회경제연구소장은 "준비가 부족했다"고 말했다.', [("준비가 부족했다", "홍수열")]),
    ('최순실 씨는 "모르는 일이다"라고 말했다.', [("모르는 일이다", "최순실")]),
    ('정의당 원내대표는 "반대한다"고 말했다.', [("반대한다", "정의당 원내대표")]),
    # an anonymised person (김 모 씨) is named as written, without the descriptor before it, never resolved
    ('김철수 씨는 외출했다. 경찰에 신고한 집주인 김 모 씨(53세)는 "월세가 밀렸다"고 말했다.', [("월세가 밀렸다", "김 모 씨")]),
    # 씨 glued to a full name; a date is never a subject; a share of a group speaks as written
    ('김영오씨는 "단식을 멈추겠다"고 말했다.', [("단식을 멈추겠다", "김영오")]),
    ('16일은 윤석열 대통령이 장병들을 만난 날인데, 윤 대통령은 "형제국의 안보가 우리의 안보"라고 말했다.',
     [("형제국의 안보가 우리의 안보", "윤석열")]),
    ('여론조사에서 국민의 56%가 "합법화하면 안 된다"고 답했다.', [("합법화하면 안 된다", "국민의 56%")]),
    # an unnamed person keeps the affiliation before 한 (대구지검의 한 검사); 김씨 resolves to the 김모씨 named before
    ('대구지검의 한 검사는 "팔짱을 끼는 방법으로 추행했다"고 주장했다.', [("팔짱을 끼는 방법으로 추행했다", "대구지검의 한 검사")]),
    ('의사 김모씨는 "도와주고 싶었다"고 말했다. 김씨는 "억울하다"고 덧붙였다.',
     [("도와주고 싶었다", "김모씨"), ("억울하다", "김모씨")]),
    # a name said only inside a quote does not rename the person the article names
    ('조선중앙통신은 "메릴 에드워드 뉴먼이 사죄했다"고 보도했다. 메릴 뉴먼은 사죄문을 읽었다. 뉴먼은 "용서를 빈다"고 말했다.',
     [("메릴 에드워드 뉴먼이 사죄했다", "조선중앙통신"), ("용서를 빈다", "메릴 뉴먼")]),
    # a suffix glued to a quoted term ("큰 손"들이) is no speaker
    ('김철수 교수는 분석했다. 미국의 "큰 손"들이 움직였다. 그는 "시장이 흔들릴 것"이라고 말했다.', [("시장이 흔들릴 것", "김철수")]),
    # a bracket glued to a name (age, abbreviation) is not part of it
    ('이대영(53) 서울시 부교육감은 28일 "잘못된 정책을 바로잡겠다"고 밝혔다.', [("잘못된 정책을 바로잡겠다", "이대영")]),
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
    # reported reporting: the inner verb's subject spoke, and 이 관계자 is the 관계자 who spoke before
    ('연합뉴스는 합동참모본부 관계자가 "훈련을 실시한다"고 밝혔다고 전했다. '
     '연합뉴스는 이 관계자가 "오후에 할 수도 있다"고 말했다고 전했다.',
     [("훈련을 실시한다", "합동참모본부 관계자"), ("오후에 할 수도 있다", "합동참모본부 관계자")]),
    # a name glossed in Hanja is a full name
    ('허우한민(侯漢敏) 신장자치구 신문판공실 주임은 "피해자 대부분이 위구르족"이라고 밝혔다.',
     [("피해자 대부분이 위구르족", "허우한민")]),
    # a subject after the quote's verb and a clause ending belongs to the next clause, whatever the verb
    ('그러자 18동양호가 "앞서 가던 배가 침몰했다"고 신고했고, 해경은 수색에 나섰다.', [("앞서 가던 배가 침몰했다", "18동양호")]),
    # marks that close inside a word, and "…"는 것이다 claims
    ('조동원 본부장은 "흰색을 바탕으로 했"으며 "빨간색은 열정을 상징한다"고 말했다.',
     [("흰색을 바탕으로 했", "조동원"), ("빨간색은 열정을 상징한다", "조동원")]),
    ('문 대통령은 "평화 동맹으로 이어지길 희망"한다며 기대를 밝혔다.', [("평화 동맹으로 이어지길 희망", "문 대통령")]),
    ('유가족들은 수사권을 요구했다. 그 이유는 "정부를 믿을 수 없다"는 것이다.', [("정부를 믿을 수 없다", "유가족들")]),
    # the words after a title are a name even when Kiwi does not know them
    ('이주-이민부 장관 알마즈벡 아브또브는 "공휴일로 지정하겠다"고 밝혔다.', [("공휴일로 지정하겠다", "알마즈벡 아브또브")]),
    # a Korean name after a foreign-looking proper noun; an abbreviation in brackets after the name
    ('법률사무소 로베리 김동훈 변호사는 "취지는 차별 금지"라고 말했다.', [("취지는 차별 금지", "김동훈")]),
    ('전자 프런티어 재단 (EFF)은 "링크할 권리에 대한 위협"이라고 밝혔다.', [("링크할 권리에 대한 위협", "전자 프런티어 재단")]),
    # whose remark a sentence is about (X의 발언이 화제) is the speaker in force
    ('김원웅 광복회장의 발언이 화제가 됐다. 그는 "친일파와 결탁했다"고 말했다.', [("친일파와 결탁했다", "김원웅")]),
    # a subject that goes on to a later verb is not inside the relative clause before it
    ('경찰은 사과하지 않았다. 강신명 전 경찰청장이 국회에서 열린 청문회에 나와 "사과할 수 없다"고 말했다.',
     [("사과할 수 없다", "강신명")]),
    # a remark nobody is named for ("…"는 등 비판도 있었다) has no speaker, not the one in force
    ('김 회장은 사과했다. 온라인에서는 평가가 엇갈렸다. "세금 내고 상속하면 된다"는 등 비판도 있었다.',
     [("세금 내고 상속하면 된다", "")]),
    # a speech noun right after 라는 keeps its particle (라는 발언은, 라는 주장은)
    ('김철수 의원은 "예산을 삭감하겠다"라는 발언은 사실이 아니라고 말했다.', [("예산을 삭감하겠다", "김철수")]),
    ('박영희 교수는 "세금이 늘었다"라는 지적을 내놓았다.', [("세금이 늘었다", "박영희")]),
    # …and a claim that a later speaker refutes has no speaker of its own
    ('"증세는 없다"라는 주장은 틀렸다고 박영희 교수는 지적했다.', [("증세는 없다", "")]),
    # a stand-alone quote between two speakers goes to the one the next sentence names
    ('박민수 장관은 사과했다. "우리는 최선을 다했다." 김철수 의원은 이같이 말했다.', [("우리는 최선을 다했다.", "김철수")]),
    # a relative clause (열린 회의) between the quote and its subject starts no new clause
    ('박민수 장관은 사과했다. "정부가 잘못했다"고 어제 국회에서 열린 회의에서 김철수 의원은 말했다.',
     [("정부가 잘못했다", "김철수")]),
    # marks that close inside the reporting clause
    ('우태희 실장은 "관세 없이 자동차를 수출"중이라며 의미가 크다고 말했다.', [("관세 없이 자동차를 수출", "우태희")]),
    ('박광온 대변인은 "최 사장은 당장 물러나야" 한다며 비판했다.', [("최 사장은 당장 물러나야", "박광온")]),
    ('정보당국은 확인 요청에 "큰 틀에서는 맞"지만 신변은 확보하지 않았다고 전했다.', [("큰 틀에서는 맞", "정보당국")]),
    # a name introduced with a copula (…남경필 경기도지사입니다) resolves its short form
    ('논란의 중심은 남경필 경기도지사입니다. 남 지사는 "죄를 뉘우친다"며 사과했다.', [("죄를 뉘우친다", "남경필")]),
    # a name Kiwi does not know, before a country and a title, without affiliation and title
    ('훙레이 중국 외교부 대변인도 정례브리핑에서 "안중근은 항일의사"라고 말했다.', [("안중근은 항일의사", "훙레이")]),
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
    # a name ending like an organisation (구), before an organisation and a title; a district is no name
    ('이용구 법무부 차관도 청사를 떠나며 "다양한 의견을 모았다"고 말했다.', [("다양한 의견을 모았다", "이용구")]),
    ('성동구 보건소 소장은 "검사를 늘리겠다"고 말했다.', [("검사를 늘리겠다", "성동구 보건소 소장")]),
    # someone introduced as 김모씨 in any case is who a later 김씨 is
    ('약물을 투약한 혐의로 기소된 의사 김모씨에게 검찰이 금고형을 구형했다.\n김씨는 최후진술로 "도와주고 싶어서 시작했다"고 주장했다.',
     [("도와주고 싶어서 시작했다", "김모씨")]),
    # a sentence about a country that reports nothing leaves the person talking
    ('바이든은 트럼프를 "푸틴의 개"라고 비난하였다. 러시아는 호황을 맞을 수 있기 때문이고, 미국은 고객을 하나 잃는 것이나 '
     '다름없기 때문이었다.\n또한 트럼프의 대 이란 정책에 대해 "위험한 실패"라고 하였다.',
     [("푸틴의 개", "바이든"), ("위험한 실패", "바이든")]),
    # a stance (…라는 입장입니다) reports speech; 측 glued to a group is no part of its name
    ('여당은 반발했다. 유가족측은 여전히 수사권을 부여해야 한다는 입장입니다. 그 이유는 "정부를 믿을 수 없다"는 것입니다.',
     [("정부를 믿을 수 없다", "유가족")]),
    ('북측은 "회담에 응하겠다"고 밝혔다.', [("회담에 응하겠다", "북측")]),
    # a remark is not someone who goes on talking
    ('김 의원이 연설했다. 해당 발언은 "국민이 먼저"라는 내용이었다. 이어 "국민을 믿는다"고 말했다.',
     [("국민이 먼저", ""), ("국민을 믿는다", "김 의원")]),
    # a name Kiwi splits after its surname (윤/NNP 두/MM 한/MM, after a citation) is still a name
    ('시장은 유망 산업이다.(Mordor Intelligence, 2016)\n윤두한 해수부 해양수산생명자원과장은 “관심이 집중되고 있다.”라며, '
     '“적극 추진하겠다.”라고 말했다.', [("관심이 집중되고 있다.", "윤두한"), ("적극 추진하겠다.", "윤두한")]),
    # where an organisation is located is no part of its name
    ('홍콩 소재 인권민주주의정보센터는 "시위대가 체포됐다"고 밝혔다.', [("시위대가 체포됐다", "인권민주주의정보센터")]),
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
    # a statement adopted (공동성명도 채택했다) is the speaker's
    ('김 대표는 "협력하겠다"고 말했다. 이어 "방류는 없다"는 공동성명도 채택했다.',
     [("협력하겠다", "김 대표"), ("방류는 없다", "김 대표")]),
    # a channel named with Latin letters (안보정론tv) is a body that speaks, and its topic reports
    ('전옥현 안보정론tv는 정부가 광산을 중국에 헐값으로 넘기는 중이라고 주장한다.\n“2조가 투입된 광산이 중국에 넘어가고 있습니다”',
     [("2조가 투입된 광산이 중국에 넘어가고 있습니다", "전옥현 안보정론tv")]),
    # a transliterated word (이글스) is no Korean name, so the team is an affiliation
    ('한화 이글스 정우람 선수가 세이브왕을 챙겼다. 정우람은 "팬들 덕분이다"는 소감을 남겼다.',
     [("팬들 덕분이다", "정우람")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_attribution(corpus_of, text, expected):
    corpus = corpus_of({"a": text})
    got = list(zip(corpus.quotes["content"], corpus.quotes["speaker"], strict=True))
    assert got == expected


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
