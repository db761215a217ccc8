"""Stage 2: the body — the densest run of prose, with the article's own structure kept."""

from __future__ import annotations

import pytest

from analysis.clean import clean_page
from analysis.clean.body import densest_run, find_body
from analysis.clean.lines import classify_lines

LEAD = "시는 올해 하반기부터 청년 월세 지원 대상을 넓히기로 하고 세부 기준을 14일 공개했다."
MIDDLE = "지원 대상은 만 19세부터 34세까지 무주택 청년으로, 소득 기준은 중위소득 150% 이하로 완화된다."
LAST = "시 관계자는 \"신청 절차를 간소화해 더 많은 청년이 혜택을 받도록 하겠다\"고 말했다."


def body_of(*lines: str) -> list[str]:
    return clean_page("\n".join(["청년 월세 지원 확대", "입력 2024-05-14 10:00", *lines, "많이 본 뉴스",
                                 "• 다른 기사 제목 하나", "• 다른 기사 제목 둘"])).paragraphs


def test_densest_run():
    assert densest_run([-5, 10, -3, 8, -40, 20]) == (5, 5, 20)
    assert densest_run([-1, -2]) == (0, -1, 0)


@pytest.mark.parametrize(
    "structure",
    [
        ["1. 신청은 온라인으로만 받는다.", "2.서류는 주민센터에서 발급받는다."],  # numbered items, with or without a space
        ["▶ 첫 번째 과제"],  # a subhead
        ["-소감은?"],  # an interview question
        ["\"이번 결정은 시작일 뿐\""],  # a quote alone in its paragraph, no final period
        ["출처 : 서울시"],  # a label
        ["주요 변경 사항", "- 소득 기준 완화", "- 신청 기간 연장"],  # a short list with its lead-in
    ],
)
def test_structure_between_paragraphs_is_kept(structure):
    assert body_of(LEAD, *structure, MIDDLE, LAST) == [LEAD, *structure, MIDDLE, LAST]


def test_numbered_list_does_not_cut_the_lead():
    items = [f"{n}. {text}" for n, text in enumerate(["온라인 신청", "서류 제출", "심사", "지급", "사후 관리"], start=1)]
    assert body_of(LEAD, *items, MIDDLE, LAST) == [LEAD, *items, MIDDLE, LAST]


def test_list_of_other_stories_inside_the_body_is_not_body():
    related = ["관련기사", "청년 전세 대출 한도 상향…다음 달 시행", "\"집값보다 월세가 문제\" 청년 주거 설문"]
    assert body_of(LEAD, *related, MIDDLE, LAST) == [LEAD, MIDDLE, LAST]


def test_chrome_inside_the_body_is_not_body():
    assert body_of(LEAD, "ADVERTISEMENT", MIDDLE, "▲ 시청 앞 광장의 모습.", LAST) == [LEAD, MIDDLE, LAST]


def test_body_stops_at_the_copyright_and_comments():
    comments = ["댓글 3", "청년 정책이 이렇게 바뀌니 반갑습니다. 신청해 보겠습니다.",
                "소득 기준이 더 완화되었으면 좋겠네요. 여전히 받기 어렵습니다.",
                "주민센터에 가야 하는 건 불편합니다. 온라인으로 다 되었으면 합니다."]
    paragraphs = body_of(LEAD, MIDDLE, LAST, "저작권자 © 새날일보 무단전재 및 재배포 금지", *comments)
    assert paragraphs == [LEAD, MIDDLE, LAST]


def test_find_body_reports_the_run():
    lines = classify_lines(f"홈\n{LEAD}\n▶ 첫 번째 과제\n{MIDDLE}\n많이 본 뉴스")
    assert find_body(lines) == (1, 3, (1, 2, 3))
