"""The byline stage: the dateline cut, a trailing e-mail."""

from __future__ import annotations

import pytest

from analysis.clean import clean_page
from analysis.clean.byline import cut_dateline, cut_trailing_email


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
