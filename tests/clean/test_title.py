"""Stage 3: the headline, from the head above the body (composed heads in real sites' shapes)."""

from __future__ import annotations

import pytest

from analysis.clean import clean_page

TITLE = "청년 월세 지원 대상 확대…소득 기준 완화"
BODY = ["시는 올해 하반기부터 청년 월세 지원 대상을 넓히기로 하고 세부 기준을 14일 공개했다.",
        "지원 대상은 만 19세부터 34세까지 무주택 청년으로, 소득 기준은 중위소득 150% 이하로 완화된다."]


@pytest.mark.parametrize(
    "head",
    [
        ["새날일보", "정치 | 경제 | 사회", "홈 > 사회", TITLE, "입력 2024-05-14 10:00"],
        ["로그인 | 회원가입 | 마이페이지", TITLE, "김민지 기자", "입력 2024-05-14 10:00", "공유하기"],
        [TITLE, "2019.04.02 14:31 | 댓글 3 | 조회수 812"],  # a date line with counters is not the title
        [TITLE, "글·사진 박지수 기자", "입력 2024-05-14 10:00"],  # a byline form the pattern list lacks
        [TITLE, "신청은 다음 달부터 온라인으로", "중위소득 150% 이하로", "입력 2024-05-14 10:00"],  # subtitles above the date
        [TITLE, "입력 2024-05-14 10:00", "신청은 다음 달부터 온라인으로", "중위소득 150% 이하로"],  # subtitles below it
        ["2024년 5월 14일 화요일", "새날일보", "사회 · 복지", TITLE],  # a header clock, no date in the head
        [TITLE, "기사원문", "본문듣기 · 설정", "크게 작게 인쇄"],
        ["뉴스홈", "정치", "날씨", "HBS 굿모닝 뉴스", TITLE, "방송일 2024.05.14 오전 7:32"],  # a program name above it
        ["SBS 8뉴스", TITLE, "공개일 2024.05.14 20:14"],  # a date line with an unknown label is not the title either
    ],
)
def test_title_from_the_head(head):
    assert clean_page("\n".join([*head, *BODY, "많이 본 뉴스"])).title == TITLE


def test_no_headline_no_title():
    assert clean_page("\n".join(["홈", "입력 2024-05-14 10:00", *BODY])).title == ""
