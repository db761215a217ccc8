"""Stage 3 (analysis.quotes.mentions, analysis.quotes.cast): names, the article's cast and short forms."""

from __future__ import annotations

import pytest

from analysis.quotes import CAST_COLUMNS, ArticleContext, cast_frame, lexicon, quoted_articles

from .helpers import attributions

CASES = [
    # (text, expected [(content, speaker)])
    ('오세훈 서울시장은 "서울을 바꾸겠다"고 말했다. 오 시장은 "약속을 지키겠다"며 "시민과 함께하겠다"고 강조했다.',
     [("서울을 바꾸겠다", "오세훈"), ("약속을 지키겠다", "오세훈"), ("시민과 함께하겠다", "오세훈")]),
    ('라파엘 토레스 대령은 부대를 방문했다. 토레스 대령은 "작전은 끝났다"고 밝혔다.', [("작전은 끝났다", "라파엘 토레스")]),
    ('문재인 대통령은 회의를 열었다. 문 대통령은 "방역을 강화하라"고 지시했다.', [("방역을 강화하라", "문재인")]),
    ('청와대는 이날 "사실이 아니다"라고 밝혔다.', [("사실이 아니다", "청와대")]),
    ('한 관계자는 "검토 중이다"라고 전했다.', [("검토 중이다", "한 관계자")]),
    # Kiwi reads 제이콥 주마 as one proper noun with a space in it
    ('제이콥 주마는 "만델라는 위대한 지도자였다"고 말했다.', [("만델라는 위대한 지도자였다", "제이콥 주마")]),
    # a one-syllable role is a word of its own, never the end of a name (이정현 ends in 현)
    ('이정현 홍보수석은 "임명을 진행할 예정이다"라고 밝혔다.', [("임명을 진행할 예정이다", "이정현")]),
    # an institution before the name, or between the name and the title, is affiliation
    ('대한상공회의소 박종갑 조사본부장은 "불확실성이 크다"고 말했다.', [("불확실성이 크다", "박종갑")]),
    ('오영식 전 한국철도공사 사장은 "책임을 지겠다"고 말했다.', [("책임을 지겠다", "오영식")]),
    ('표창원 전 경찰대 교수는 "말이 안 된다"고 비판했다.', [("말이 안 된다", "표창원")]),
    # groups keep their modifiers, as written
    ('한국의 일부 네티즌들은 "인과응보다"라고 말했다.', [("인과응보다", "한국의 일부 네티즌들")]),
    ('많은 사람들이 "왜 또 발사하냐"고 물었다.', [("왜 또 발사하냐", "많은 사람들")]),
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
    # an organisation's short name that its full name does not spell (quote_grammar.toml organisation_aliases)
    ('한국철도공사가 새 열차를 들여왔다. 코레일은 "안전 점검을 마쳤다"고 밝혔다.', [("안전 점검을 마쳤다", "한국철도공사")]),
    ('코레일은 "운행을 늘리겠다"고 밝혔다.', [("운행을 늘리겠다", "코레일")]),
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
    # a bracket glued to a name (age, abbreviation) is not part of it
    ('이대영(53) 서울시 부교육감은 28일 "잘못된 정책을 바로잡겠다"고 밝혔다.', [("잘못된 정책을 바로잡겠다", "이대영")]),
    # a name glossed in Hanja is a full name
    ('허우한민(侯漢敏) 신장자치구 신문판공실 주임은 "피해자 대부분이 위구르족"이라고 밝혔다.',
     [("피해자 대부분이 위구르족", "허우한민")]),
    # the words after a title are a name even when Kiwi does not know them
    ('이주-이민부 장관 알마즈벡 아브또브는 "공휴일로 지정하겠다"고 밝혔다.', [("공휴일로 지정하겠다", "알마즈벡 아브또브")]),
    # a Korean name after a foreign-looking proper noun; an abbreviation in brackets after the name
    ('법률사무소 로베리 김동훈 변호사는 "취지는 차별 금지"라고 말했다.', [("취지는 차별 금지", "김동훈")]),
    ('전자 프런티어 재단 (EFF)은 "링크할 권리에 대한 위협"이라고 밝혔다.', [("링크할 권리에 대한 위협", "전자 프런티어 재단")]),
    # a name introduced with a copula (…남경필 경기도지사입니다) resolves its short form
    ('논란의 중심은 남경필 경기도지사입니다. 남 지사는 "죄를 뉘우친다"며 사과했다.', [("죄를 뉘우친다", "남경필")]),
    # a name Kiwi does not know, before a country and a title, without affiliation and title
    ('훙레이 중국 외교부 대변인도 정례브리핑에서 "안중근은 항일의사"라고 말했다.', [("안중근은 항일의사", "훙레이")]),
    # a name ending like an organisation (구), before an organisation and a title; a district is no name
    ('이용구 법무부 차관도 청사를 떠나며 "다양한 의견을 모았다"고 말했다.', [("다양한 의견을 모았다", "이용구")]),
    ('성동구 보건소 소장은 "검사를 늘리겠다"고 말했다.', [("검사를 늘리겠다", "성동구 보건소 소장")]),
    # someone introduced as 김모씨 in any case is who a later 김씨 is
    ('약물을 투약한 혐의로 기소된 의사 김모씨에게 검찰이 금고형을 구형했다.\n김씨는 최후진술로 "도와주고 싶어서 시작했다"고 주장했다.',
     [("도와주고 싶어서 시작했다", "김모씨")]),
    # a stance (…라는 입장입니다) reports speech; 측 glued to a group is no part of its name
    ('여당은 반발했다. 유가족측은 여전히 수사권을 부여해야 한다는 입장입니다. 그 이유는 "정부를 믿을 수 없다"는 것입니다.',
     [("정부를 믿을 수 없다", "유가족")]),
    ('북측은 "회담에 응하겠다"고 밝혔다.', [("회담에 응하겠다", "북측")]),
    # a name Kiwi splits after its surname (윤/NNP 두/MM 한/MM, after a citation) is still a name
    ('시장은 유망 산업이다.(Mordor Intelligence, 2016)\n윤두한 해수부 해양수산생명자원과장은 “관심이 집중되고 있다.”라며, '
     '“적극 추진하겠다.”라고 말했다.', [("관심이 집중되고 있다.", "윤두한"), ("적극 추진하겠다.", "윤두한")]),
    # where an organisation is located is no part of its name
    ('홍콩 소재 인권민주주의정보센터는 "시위대가 체포됐다"고 밝혔다.', [("시위대가 체포됐다", "인권민주주의정보센터")]),
    # a channel named with Latin letters (안보정론tv) is a body that speaks, and its topic reports
    ('전옥현 안보정론tv는 정부가 광산을 중국에 헐값으로 넘기는 중이라고 주장한다.\n“2조가 투입된 광산이 중국에 넘어가고 있습니다”',
     [("2조가 투입된 광산이 중국에 넘어가고 있습니다", "전옥현 안보정론tv")]),
    # a transliterated word (이글스) is no Korean name, so the team is an affiliation
    ('한화 이글스 정우람 선수가 세이브왕을 챙겼다. 정우람은 "팬들 덕분이다"는 소감을 남겼다.',
     [("팬들 덕분이다", "정우람")]),
    # names survive what articles put around them (issue 13)
    ('김도현 (Kim Dohyun)은 "첫 우승이라 기쁘다"고 말했다.', [("첫 우승이라 기쁘다", "김도현")]),
    ('한빛당 박서진 원내대표(겸 대표 권한대행)는 "협상을 미룰 수 없다"고 말했다. 박 원내대표는 "오늘 결론을 내겠다"고 덧붙였다.',
     [("협상을 미룰 수 없다", "박서진"), ("오늘 결론을 내겠다", "박서진")]),
    ('정은비(국회 보건복지위원)는 "법으로 정리해야 한다"고 비판했다. 정 위원은 "시범사업만 4년째"라고 말했다.',
     [("법으로 정리해야 한다", "정은비"), ("시범사업만 4년째", "정은비")]),
    ('국제해양보전기구 마리 드-라크루아 대변인은 "농도가 두 배로 늘었다"고 밝혔다. 드-라크루아 대변인은 "함께 대응하자"고 말했다.',
     [("농도가 두 배로 늘었다", "마리 드-라크루아"), ("함께 대응하자", "마리 드-라크루아")]),
    ('국토교통부 한상진 장관은 "공급을 늘리겠다"고 말했다. 한 장관은 "시장이 안정될 것"이라고 덧붙였다.',
     [("공급을 늘리겠다", "한상진"), ("시장이 안정될 것", "한상진")]),
    ('행정안전부 조해솔 재난안전관리본부장은 "점검을 마쳤다"고 말했다.', [("점검을 마쳤다", "조해솔")]),
    # an organisation's short form and a generic noun resolve to the full name the article gives
    ('합동참모본부는 "경고사격을 했다"고 밝혔다. 합참은 "특이 동향은 없다"고 설명했다.',
     [("경고사격을 했다", "합동참모본부"), ("특이 동향은 없다", "합동참모본부")]),
    ('더불어민주당은 "추경이 시급하다"고 밝혔다. 민주당은 "정부가 응답하라"고 촉구했다.',
     [("추경이 시급하다", "더불어민주당"), ("정부가 응답하라", "더불어민주당")]),
    ('서울중앙지방법원 형사3단독 서승렬 판사는 징역 1년을 선고했다. 재판부는 "죄질이 나쁘다"고 밝혔다.',
     [("죄질이 나쁘다", "서울중앙지방법원 형사3단독")]),
    ('경기도는 "요금을 올린다"고 밝혔다. 도는 "환급은 늘리겠다"고 덧붙였다.',
     [("요금을 올린다", "경기도"), ("환급은 늘리겠다", "경기도")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_names_and_short_forms(corpus_of, text, expected):
    assert attributions(corpus_of, text) == expected


def test_cast_of_an_article(corpus_of):
    text = ('국토교통부 한상진 장관은 "공급을 늘리겠다"고 말했다. 더불어민주당은 "부족하다"고 밝혔다. '
            '한 장관은 "더 하겠다"고 말했다. 민주당은 "지켜보겠다"고 했다.')
    corpus = corpus_of({"a": text})
    (_, body, toks), = quoted_articles(corpus.articles, corpus.sentences, corpus.tokens)
    cast = cast_frame(ArticleContext(body, toks, lexicon()).cast)
    assert list(cast.columns) == list(CAST_COLUMNS)
    people = cast[cast["kind"] == "person"].set_index("full_name")
    assert people.loc["한상진", ["surname", "given_name"]].tolist() == ["한", "상진"]
    assert "장관" in people.loc["한상진", "roles"] and "국토교통부" in people.loc["한상진", "affiliations"]
    orgs = cast[cast["kind"] == "organisation"]["full_name"].tolist()
    assert "더불어민주당" in orgs
    for mentions in cast["mentions"]:
        for start, end, written in mentions:
            assert text[start:end] == written


def test_cast_of_the_bundled_article(bundled):
    from analysis.quotes import article_cast

    article_id = bundled.articles["article_id"].iloc[0]
    cast = article_cast(bundled.articles, bundled.sentences, bundled.tokens, article_id).set_index("full_name")
    oh = cast.loc["오세훈"]
    assert oh["kind"] == "person" and "서울시장" in oh["roles"]
    assert {"오세훈 서울시장", "오 시장"} <= {written for _, _, written in oh["mentions"]}  # every mention linked
    assert "서울시" in cast.index and cast.loc["서울시", "kind"] == "organisation"
