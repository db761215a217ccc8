"""Stage 1: what each line is, from the line alone (composed lines in the shapes real sites use)."""

from __future__ import annotations

import pytest

from analysis.clean.kinds import ChromeKind, LineKind
from analysis.clean.lines import classify_line, classify_lines, cleaner_lists, is_menu_bar


def kind_of(text: str) -> LineKind:
    return classify_line(text, cleaner_lists()).kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("입력 2022-08-01 10:00", LineKind.DATE),
        ("2019.04.02 14:31 | 댓글 3 | 조회수 812", LineKind.DATE),
        ("김민지 기자 | 입력 2021.05.06 09:10 | 수정 2021.05.06 11:00", LineKind.DATE),
        ("승인 2005.06.27 00:00 • 댓글 0", LineKind.DATE),
        ("2023. 3. 24. 16:01", LineKind.DATE),
        ("▲ 시민들이 광장을 걷고 있다.", LineKind.CAPTION),
        ("3일 오전 배추밭에 서리가 내려 있다. [사진=뉴시스]", LineKind.CAPTION),
        ("개장을 앞둔 수산시장 내부.<목포시 제공>", LineKind.CAPTION),
        ("새로 문을 연 시립도서관 열람실. 푸른강일보 DB", LineKind.CAPTION),
        ("홍길동 기자", LineKind.BYLINE),
        ("글·사진 박지수 기자", LineKind.BYLINE),
        ("[세계뉴스 전승원 기자]", LineKind.BYLINE),
        ("김철수·이영희 기자 kcs@news.example.kr", LineKind.BYLINE),
        ("광주 = 김대영 기자 kdy@news.example.kr", LineKind.BYLINE),
        ("hong@news.example.kr", LineKind.BYLINE),
        ("좋아요 3", LineKind.CHROME),
        ("크게 작게 카카오톡 페이스북 URL 복사 인쇄", LineKind.CHROME),
        ("본문듣기 · 설정", LineKind.CHROME),
        ("로그인 | 회원가입 | 마이페이지", LineKind.CHROME),
        ("정치 | 경제 | 사회 | 국제", LineKind.MENU),
        ("정치 · 선거", LineKind.MENU),
        ("|", LineKind.CHROME),
        ("• 수도권 아파트 전셋값 9주 연속 하락", LineKind.ITEM),
        ("정부가 새 정책을 발표했다.", LineKind.SENTENCE),
        ("'층간소음 보복' 천장에 스피커 단 40대…법원 \"소음도 폭행\" 벌금형", LineKind.OTHER),
        ("▶ 첫 번째 과제", LineKind.OTHER),
        ("-소감은?", LineKind.OTHER),
        ("한·미 정상회담 다음 달 워싱턴서", LineKind.OTHER),
    ],
)
def test_kind(line, kind):
    assert kind_of(line) is kind


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("저작권자 © 새날일보 무단전재 및 재배포 금지", ChromeKind.END),
        ("댓글 12", ChromeKind.END),
        ("관련기사", ChromeKind.LIST),
        ("많이 본 뉴스", ChromeKind.LIST),
        ("이전기사 충주시, 임대료 깎아 준 '착한 건물주'", ChromeKind.LIST),
        ("홈 > 경제 > 경제일반", ChromeKind.NAVIGATION),
        ("전체메뉴", ChromeKind.NAVIGATION),
        ("공유하기", ChromeKind.FURNITURE),
        ("이번 달 다른 이야기", ChromeKind.LIST),
        ("지난 뉴스레터 보기", ChromeKind.LIST),
        ("푸른강포토의 사진은 저작권법의 보호를 받습니다.", ChromeKind.END),
        ("이 글과 사진은 허락 없이 옮겨 쓸 수 없습니다.", ChromeKind.END),
        ("이 메일은 푸른강레터 구독을 신청하신 분께 보내 드립니다.", ChromeKind.END),
        ("이 기사는 푸른강일보 지면에 실린 기사입니다.", ChromeKind.END),
        ("(주)푸른강미디어 | 부산광역시 가상구 가상로 00 | 구독 문의 051-000-0000", ChromeKind.END),
        ("※ 외부 기고는 본지의 편집 방향과 다를 수 있습니다.", ChromeKind.END),
        ("이 누리집의 글은 CC BY-SA 조건으로 쓸 수 있습니다.", ChromeKind.END),
        ("이번 주 무료로 읽을 수 있는 기사가 2건 남았습니다.", ChromeKind.FURNITURE),
        ("AD 여름 휴가철 렌터카 최대 30% 할인", ChromeKind.FURNITURE),
        ("푸른강일보 구독하기", ChromeKind.FURNITURE),
        ("기사 목록으로", ChromeKind.LIST),
        ("인기 글", ChromeKind.LIST),
        ("ADVERTISEMENT", ChromeKind.FURNITURE),
    ],
)
def test_chrome_role(line, chrome):
    assert classify_line(line, cleaner_lists()).chrome is chrome


@pytest.mark.parametrize("line", ["저작권법 위반 혐의로 기소된 업체 대표가 1심에서 벌금형을 받았다.",
                                  "시는 문의 전화(051-000-0000)를 운영한다고 밝혔다."])
def test_prose_about_copyright_or_with_a_number_is_not_chrome(line):
    assert classify_line(line, cleaner_lists()).kind is LineKind.SENTENCE


@pytest.mark.parametrize("middle", ["글자 모양 바꾸기", "바로 듣기 설정"])
def test_an_unknown_label_between_toolbar_buttons_is_a_button(middle):
    lines = classify_lines("\n".join(["음성으로 듣기", middle, "인쇄하기"]))
    assert [line.chrome for line in lines] == [ChromeKind.FURNITURE] * 3


def test_a_headline_between_buttons_and_prose_stays_a_headline():
    lines = classify_lines("\n".join(["인쇄하기", "시립도서관 24시간 열람실 연다", "시는 3일 시립도서관 열람실을 24시간 연다고 밝혔다."]))
    assert lines[1].kind is LineKind.OTHER


QUESTIONS = ["▲ 개관 첫 주, 가장 반가웠던 일은.", "시민들 반응이 뜨거웠다.",
             "▲ 앞으로의 계획은?", "내년에는 어린이 열람실을 넓힐 계획이다.",
             "▲ 예산 문제는.", "시와 협의하고 있다."]
TURNS = ["▲한가람=도서관은 동네의 거실이다.", "▲서지우=맞다. 아이들이 머물 곳이 필요하다.",
         "▲한가람=그래서 열람실을 밤까지 열어야 한다."]
CAPTIONS = ["▲ 새로 문을 연 시립도서관 열람실.", "시는 3일 도서관을 열었다.", "▲ 어린이 열람실에서 책을 읽는 아이들.",
            "열람실은 밤 10시까지 연다.", "▲ 도서관 옥상 정원.", "옥상 정원은 주말에만 연다."]


@pytest.mark.parametrize(("page", "captions"), [(QUESTIONS, 0), (TURNS, 0), (CAPTIONS, 3)])
def test_marked_questions_and_turns_are_the_body_marked_photos_are_captions(page, captions):
    lines = classify_lines("\n".join(page))
    assert sum(line.kind is LineKind.CAPTION for line in lines) == captions


def test_byline_with_a_photo_credit_and_a_date_on_one_line():
    line = classify_line("글=한가람 기자 사진=푸른강 사진부 2022년 4월 3일 오전 9시 15분", cleaner_lists())
    assert (line.kind, line.date.iso, [p.name for p in line.credit.people]) == (LineKind.DATE, "2022-04-03T09:15", ["한가람"])


def test_date_line_with_byline_part_keeps_the_byline():
    line = classify_line("김민지 기자 | 입력 2021.05.06 09:10 | 수정 2021.05.06 11:00", cleaner_lists())
    assert (line.date.iso, [p.name for p in line.credit.people]) == ("2021-05-06T09:10", ["김민지"])


@pytest.mark.parametrize(
    ("line", "clock", "calendar"),
    [
        ("최종편집 2024년 12월 04일 02시 40분", True, False),
        ("기사최종편집일 2024-11-30 03:21", True, False),
        ("2024년 3월 9일 토요일", False, True),
        ("2024년 3월 9일 토요일 오후 2시 10분", False, False),
    ],
)
def test_site_clocks(line, clock, calendar):
    mark = classify_line(line, cleaner_lists()).date
    assert (mark.kind == "clock", mark.calendar) == (clock, calendar)


@pytest.mark.parametrize(
    ("line", "kind", "iso", "people"),
    [
        ("김하은 기자I 2024.03.08 16:05:33", "bare", "2024-03-08T16:05:33", ["김하은"]),  # a Latin I for a bar
        ("이기국 기자입력 : 2023. 12. 20(수) 22:10", "published", "2023-12-20T22:10", ["이기국"]),  # the label glued on
        ("2013-09-24 강아름 기자 kar@news.example.kr", "bare", "2013-09-24", ["강아름"]),  # the date first
        ("온라인팀 (발행일: 2016/03/26 19:47:12)", "published", "2016-03-26T19:47:12", []),  # a desk is no one
    ],
)
def test_byline_and_date_on_one_line(line, kind, iso, people):
    found = classify_line(line, cleaner_lists())
    assert (found.kind, found.date.kind, found.date.iso) == (LineKind.DATE, kind, iso)
    assert ([p.name for p in found.credit.people] if found.credit else []) == people


@pytest.mark.parametrize("line", ["HBS 굿모닝 뉴스", "MBC 뉴스데스크", "SBS 8뉴스", "JTBC 뉴스룸"])
def test_program_names_are_chrome(line):
    assert kind_of(line) is LineKind.CHROME


def test_caption_with_its_credit_on_the_next_line_is_one_caption():
    lines = classify_lines("뉴욕 지하철 역사 개찰구\n뉴욕 지하철 역사 개찰구\n[동방통신 자료사진]\n"
                           "MTA는 운영 적자가 쌓였다고 설명했다.")
    assert [line.kind for line in lines[:3]] == [LineKind.CAPTION] * 3
    assert [line.caption for line in lines[:3]] == ["뉴욕 지하철 역사 개찰구 [동방통신 자료사진]", "", ""]


@pytest.mark.parametrize("above", ["▶ 첫 번째 과제", "Q. 소감은?", "정부가 새 정책을 발표했다."])
def test_a_subhead_or_sentence_above_a_credit_is_not_its_text(above):
    lines = classify_lines(f"시는 14일 이런 내용을 밝혔다.\n{above}\n[사진=뉴시스]\n시는 내년부터 시행한다.")
    assert lines[1].kind is not LineKind.CAPTION and lines[2].caption is None


def test_a_short_sentence_set_apart_with_its_credit_is_a_caption():
    lines = classify_lines("시는 14일 이런 내용을 밝혔다.\n\n시민들이 광장을 걷고 있다.\n/사진=홍길동 기자\n\n시는 내년부터 시행한다.")
    assert lines[2].caption == "시민들이 광장을 걷고 있다. /사진=홍길동 기자"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("처음으로 | 로그인 | 회원가입 | 2024.4.19 (금)", "clock"),  # a date in the login bar: the site's clock
        ("사회 > 교육 | 2024.03.08 14:00", "bare"),  # a breadcrumb beside it: the article's section
        ("정치 | 경제 | 2024.03.08", "bare"),
    ],
)
def test_date_in_a_bar(line, kind):
    assert classify_line(line, cleaner_lists()).date.kind == kind


@pytest.mark.parametrize("line", ["[청년 주거 리포트 ③]", "<기획연재>"])
def test_a_bracketed_label_is_no_headline(line):
    from analysis.clean.title import is_headline

    assert not is_headline(classify_line(line, cleaner_lists()))


def test_menu_bar_needs_short_parts():
    assert is_menu_bar("뉴스 | 스포츠 | 연예")
    assert not is_menu_bar("제목 | 미래과학신문의 아주 긴 기사 제목")


def test_raw_keeps_the_bullet_text_drops_it():
    (line,) = classify_lines("1. 소득 기준을 완화한다.")
    assert (line.raw, line.text, line.is_item) == ("1. 소득 기준을 완화한다.", "소득 기준을 완화한다.", True)
