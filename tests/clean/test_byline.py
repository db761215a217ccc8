"""The byline stage: credits from the body's end, the head, the dateline, a sign-off."""

from __future__ import annotations

import pytest

from analysis.clean import clean_page
from analysis.clean.byline import compose_byline, cut_dateline, cut_signoff, cut_trailing_email, introduced_reporter
from analysis.clean.names import Credit, Person, format_byline, parse_credit

BODY = ["시는 올해 하반기부터 청년 월세 지원 대상을 넓히기로 하고 세부 기준을 14일 공개했다.",
        "지원 대상은 만 19세부터 34세까지 무주택 청년으로, 소득 기준은 중위소득 150% 이하로 완화된다."]


def page(*head: str, foot: tuple[str, ...] = (), body: tuple[str, ...] = tuple(BODY)) -> str:
    return "\n".join(["청년 월세 지원 대상 확대", *head, *body, *foot, "많이 본 뉴스"])


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("홍길동 기자", "홍길동 기자"),
        ("글·사진 박지수 기자", "박지수 기자"),
        ("[세계뉴스 전승원 기자]", "전승원 기자"),
        ("김철수·이영희 기자 kcs@news.example.kr", "김철수 기자, 이영희 기자 kcs@news.example.kr"),
        ("광주 = 김대영 기자 kdy@news.example.kr", "김대영 기자 kdy@news.example.kr"),
        ("이영희 기자 (yhlee@news.example.kr)", "이영희 기자 yhlee@news.example.kr"),
        ("[취재] 정다운 기자", "정다운 기자"),
        ("대담·정리=서다온 기자", "서다온 기자"),
        ("글 엄지우 시민기자", "엄지우 기자"),
        ("By 이준호, 최가영 기자", "이준호 기자, 최가영 기자"),
        ("기자명 박민수 기자", "박민수 기자"),
        ("[스포츠온=런던, 정세훈 통신원]", "정세훈 통신원"),
        ("기자 | 문서진", "문서진 기자"),  # the title first
        ("기자명 : 문서진", "문서진 기자"),
        ("Reporter 문서진, 한별", "문서진 기자, 한별 기자"),
        ("/목포=한가람 기자 garam@news.example.kr", "한가람 기자 garam@news.example.kr"),  # a regional dateline
        ("한가람 경제전문기자", "한가람 기자"),  # a title glued to 기자, no second name
        ("한가람 서두리기자", "한가람 기자, 서두리 기자"),  # a name glued to 기자
    ],
)
def test_credit_forms(line, byline):
    assert format_byline([parse_credit(line)]) == byline


@pytest.mark.parametrize("line", ["이재명 대표 기자회견", "정치부", "폐교에 문을 연 시골 빵집 부부", "사회부 기자들",
                                  "기자 페이지", "기자회견", "편집 김나래", "작성자 : 소식지기자단"])
def test_not_a_credit(line):
    assert parse_credit(line) is None


@pytest.mark.parametrize(
    ("first", "paragraph", "people", "cut"),
    [
        ("(서울=연합뉴스) 홍길동 기자 = 정부가 발표했다.", "정부가 발표했다.", ["홍길동"], "(서울=연합뉴스) 홍길동 기자 ="),
        ("(세종=한빛통신) 오세린 한도윤 기자 = 시가 발표했다.", "시가 발표했다.", ["오세린", "한도윤"],
         "(세종=한빛통신) 오세린 한도윤 기자 ="),
        ("[한강저널=박민수 기자] 법원이 판결했다.", "법원이 판결했다.", ["박민수"], "[한강저널=박민수 기자]"),
        ("[스포츠온 김도윤 기자] 서해가 이겼다.", "서해가 이겼다.", ["김도윤"], "[스포츠온 김도윤 기자]"),
        ("[스포츠온=런던, 정세훈 통신원] 윤태랑이 골을 넣었다.", "윤태랑이 골을 넣었다.", ["정세훈"],
         "[스포츠온=런던, 정세훈 통신원]"),
        ("[단독] 정부가 발표했다.", "[단독] 정부가 발표했다.", [], ""),
        ("정부가 발표했다.", "정부가 발표했다.", [], ""),
    ],
)
def test_cut_dateline(first, paragraph, people, cut):
    paragraphs, credit, prefix = cut_dateline([first, "둘째 문단이다."])
    assert paragraphs == [paragraph, "둘째 문단이다."]
    assert ([p.name for p in credit.people] if credit else []) == people
    assert prefix == ([cut] if cut else [])


def test_dateline_starts_the_article():
    """Prose the run had above the dateline (a summary box, a subtitle ending in 다) is not body."""
    paragraphs, _, cut = cut_dateline(["내년부터 청년 월세 지원 대상이 넓어지고 소득 기준도 크게 완화된다",
                                            "(서울=연합뉴스) 홍길동 기자 = " + BODY[0], BODY[1]])
    assert paragraphs == BODY
    assert cut == ["내년부터 청년 월세 지원 대상이 넓어지고 소득 기준도 크게 완화된다", "(서울=연합뉴스) 홍길동 기자 ="]


def test_dateline_is_cut_and_becomes_byline():
    cleaned = clean_page(page("입력 2023-05-02 14:31", body=("(서울=연합뉴스) 홍길동 기자 = " + BODY[0], BODY[1])))
    assert cleaned.paragraphs == BODY
    assert cleaned.byline == "홍길동 기자"


def test_trailing_email_is_cut():
    assert cut_trailing_email(["첫 문단이다.", "그는 말했다. kim@news.example.com"]) == (
        ["첫 문단이다.", "그는 말했다."], Credit(emails=("kim@news.example.com",)))


@pytest.mark.parametrize(
    ("signoff", "name"),
    [("MBC 뉴스 최유진입니다.", "최유진"), ("제주에서 YTN 고재형입니다.", "고재형"), ("HBS 뉴스 박소연입니다.", "박소연"),
     ("누리TV뉴스 강서윤입니다.", "강서윤"), ("KBS 박민재 기자입니다.", "박민재")],
)
def test_broadcaster_signoff_is_the_byline(signoff, name):
    assert cut_signoff([*BODY, signoff]) == (BODY, Credit((Person(name, "기자"),)), signoff)
    cleaned = clean_page(page("입력 2024-05-14 10:00", foot=(signoff,)))
    assert (cleaned.paragraphs, cleaned.byline) == (BODY, f"{name} 기자")
    assert signoff in cleaned.removed


@pytest.mark.parametrize("line", ["최유진 기자가 보도합니다.", "취재한 사회부 하예린 기자 나와 있습니다."])
def test_introduced_reporter(line):
    assert len(introduced_reporter([BODY[0], line]).people) == 1


@pytest.mark.parametrize(
    ("head", "foot", "byline"),
    [
        (["김민지 기자 | 입력 2024-05-14 10:00"], [], "김민지 기자"),
        (["기자명 박민수 기자", "입력 2024-05-14 10:00"], ["박민수 기자", "parkms@news.example.kr"],
         "박민수 기자 parkms@news.example.kr"),
        (["오세린 기자", "한도윤 기자", "입력 2024-05-14 10:00"], ["serin@news.example.kr"],
         "오세린 기자, 한도윤 기자 serin@news.example.kr"),
        (["입력 2024-05-14 10:00"], ["권태오 기자 taeoh@news.example.kr", "민소라 기자 sora@news.example.kr"],
         "권태오 기자 taeoh@news.example.kr, 민소라 기자 sora@news.example.kr"),
        (["By 정다은 기자 Posted : 2024-05-14 10:00 Updated : 2024-05-14 12:00 Share"], ["jungde@news.example.com"],
         "정다은 기자 jungde@news.example.com"),
        # a byline glued to its date in the head; the closing line gives the same name an e-mail
        (["김하은 기자I 2024.03.08 16:05:33"], ["김하은 (haeun@news.example.kr)"], "김하은 기자 haeun@news.example.kr"),
        # a name the page does not credit elsewhere is not taken for a reporter
        (["김하은 기자I 2024.03.08 16:05:33"], ["문의 (info@news.example.kr)"], "김하은 기자"),
        # the title before the name; the e-mail a few lines down, past the date and the reporter's bio
        (["입력 2024-05-14 10:00"], ["기자 | 문서진"], "문서진 기자"),
        (["입력 2024-05-14 10:00"], ["배준호 기자", "기사입력 : 2024년 05월 14일 10시 00분",
                                    "배준호 기자는 조선과 해운 분야를 취재합니다.", "jhbae@news.example.kr"],
         "배준호 기자 jhbae@news.example.kr"),
    ],
)
def test_byline_put_together(head, foot, byline):
    assert clean_page(page(*head, foot=tuple(foot))).byline == byline


def test_compose_prefers_the_end_block():
    end = [parse_credit("이영희 기자 yh@news.example.kr")]
    assert compose_byline(end, [parse_credit("김철수 기자")], []) == "이영희 기자 yh@news.example.kr"


@pytest.mark.parametrize("where", [0, 1, 2])
def test_a_reporter_introducing_themselves_leaves_the_body(where):
    paragraphs = ["도심 상수도관이 터져 3만 가구에 물이 끊겼습니다.", "도로가 움푹 꺼졌습니다.", "복구는 내일 끝납니다."]
    paragraphs.insert(where, "한가람 기자입니다.")
    kept, credit, cut = cut_signoff(paragraphs)
    assert (len(kept), format_byline([credit]), cut) == (3, "한가람 기자", "한가람 기자입니다.")
