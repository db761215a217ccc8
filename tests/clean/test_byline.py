"""The byline stage: the dateline cut, a trailing e-mail."""

from __future__ import annotations

import pytest

from analysis.clean import clean_page
from analysis.clean.byline import cut_dateline, cut_trailing_email, normalize_byline


def test_dateline_is_cut_and_becomes_byline():
    page = ("제목이 여기에 있습니다\n입력 2023-05-02 14:31\n"
            "(서울=연합뉴스) 홍길동 기자 = 정부가 새 정책을 발표했다. 이 정책은 내년부터 시행된다.")
    cleaned = clean_page(page)
    assert cleaned.paragraphs == ["정부가 새 정책을 발표했다. 이 정책은 내년부터 시행된다."]
    assert cleaned.byline == "홍길동 기자"


@pytest.mark.parametrize(
    ("first", "byline", "paragraph", "joined", "cut"),
    [
        ("(서울=연합뉴스) 홍길동 기자 = 정부가 발표했다.", "", "정부가 발표했다.", "홍길동 기자", "(서울=연합뉴스) 홍길동 기자 ="),
        ("(서울=연합뉴스) 홍길동 기자 = 정부가 발표했다.", "hong@yna.example.kr", "정부가 발표했다.",
         "홍길동 기자 hong@yna.example.kr", "(서울=연합뉴스) 홍길동 기자 ="),
        ("[한강저널=박민수 기자] 법원이 판결했다.", "", "법원이 판결했다.", "박민수 기자", "[한강저널=박민수 기자]"),
        ("정부가 발표했다.", "", "정부가 발표했다.", "", ""),
    ],
)
def test_cut_dateline(first, byline, paragraph, joined, cut):
    assert cut_dateline([first, "둘째 문단이다."], byline=byline) == ([paragraph, "둘째 문단이다."], joined, cut)


def test_trailing_email_is_the_byline():
    assert cut_trailing_email(["첫 문단이다.", "그는 말했다. kim@news.example.com"], byline="") == (
        ["첫 문단이다.", "그는 말했다."], "kim@news.example.com")


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("홍길동 기자", "홍길동 기자"),
        ("글·사진 박지수 기자", "박지수 기자"),
        ("[세계뉴스 전승원 기자]", "전승원 기자"),
        ("김철수·이영희 기자 kcs@news.example.kr", "김철수·이영희 기자 kcs@news.example.kr"),
        ("광주 = 김대영 기자 kdy@news.example.kr", "김대영 기자 kdy@news.example.kr"),
        ("이영희 기자 (yhlee@news.example.kr)", "이영희 기자 yhlee@news.example.kr"),
    ],
)
def test_normalize_byline(line, byline):
    assert normalize_byline(line) == byline


BODY = ["시는 올해 하반기부터 청년 월세 지원 대상을 넓히기로 하고 세부 기준을 14일 공개했다.",
        "지원 대상은 만 19세부터 34세까지 무주택 청년으로, 소득 기준은 중위소득 150% 이하로 완화된다."]


@pytest.mark.parametrize(
    ("signoff", "byline"),
    [("MBC 뉴스 최유진입니다.", "최유진 기자"), ("제주에서 YTN 고재형입니다.", "고재형 기자"), ("KBS 뉴스 박소연입니다.", "박소연 기자")],
)
def test_broadcaster_signoff_is_the_byline(signoff, byline):
    cleaned = clean_page("\n".join(["청년 월세 지원 대상 확대", "입력 2024-05-14 10:00", *BODY, signoff]))
    assert (cleaned.paragraphs, cleaned.byline) == (BODY, byline)
    assert signoff in cleaned.removed


def test_byline_in_the_head_when_none_at_the_end():
    cleaned = clean_page("\n".join(["청년 월세 지원 대상 확대", "김민지 기자 | 입력 2024-05-14 10:00", *BODY]))
    assert cleaned.byline == "김민지 기자"
