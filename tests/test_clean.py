"""The page cleaner: the bundled page, pages of other sites, dates."""

from __future__ import annotations

import json

import pytest

from analysis.clean import clean_page, normalize_text, parse_date
from analysis.corpus import load
from analysis.resources import DEFAULT_CORPUS

from .conftest import FIXTURES

SEED = DEFAULT_CORPUS / "000_f887c3d3ff964b74.txt"
PAGES = sorted(p for p in (FIXTURES / "pages").iterdir() if p.suffix in (".txt", ".html"))

# The bundled page's body paragraphs, first and last words, read off the page by hand.
SEED_BODY_STARTS = [
    "\"서울을 '약자 동행 특별시'로 만들겠다.\"",
    "오세훈 서울시장은 1일(현지시간) 싱가포르",
    "오 시장은 \"대한민국이 너무 빠른 속도로",
    "이번 WCS에서는 내년",
    "오 시장은 31일 WCS 시장 포럼에",
    "오 시장은 \"4차 산업혁명과",
    "디지털 전환 분야에선",
    "이날 오후 오 시장은",
    "오 시장은 “이번 세계도시정상회의",
    "WCS 시장포럼은 지속가능한",
]
CHROME = ["비트코인", "좋아요", "가장작게", "주요 뉴스", "민희진", "스타마케팅", "장종료", "24시간 변동률", "이더리움"]


@pytest.fixture(scope="module")
def seed():
    return clean_page(SEED.read_text(encoding="utf-8"))


def test_seed_title_date_and_caption(seed):
    assert seed.title == '내년 ‘WCS 시장포럼’ 서울 개최 확정…오세훈 "약자 동행 특별시로 초대"'
    assert seed.date == "2022-08-01T10:00"
    assert len(seed.captions) == 1  # printed twice on the page, kept once
    assert seed.captions[0].startswith("오세훈 서울시장이 31일 오후(현지시간)")
    assert seed.captions[0].endswith("(사진제공=서울시)")


def test_seed_body_is_exactly_the_paragraphs(seed):
    assert len(seed.paragraphs) == len(SEED_BODY_STARTS)
    for paragraph, start in zip(seed.paragraphs, SEED_BODY_STARTS, strict=True):
        assert paragraph.startswith(start)
    assert seed.paragraphs[-1].endswith("2010년부터 매년 개최되고 있다.")
    assert not any("기념촬영" in p for p in seed.paragraphs), "the caption leaked into the body"


@pytest.mark.parametrize("word", CHROME)
def test_seed_chrome_is_removed(seed, word):
    assert word not in seed.text
    assert word not in seed.title
    assert any(word in line for line in seed.removed)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_other_sites(page):
    """Pages of sites the cleaner was not written against (composed for the tests)."""
    expected = json.loads(page.with_name(page.stem + ".expected.json").read_text(encoding="utf-8"))
    result = load([page])
    assert not result.rejects
    (record,) = result.records
    assert record.title == expected["title"]
    assert record.date == expected["date"]
    assert record.byline == expected["byline"]
    assert record.captions == expected["captions"]
    assert record.text.split("\n") == expected["paragraphs"]
    for word in expected["chrome_words"]:
        assert word not in record.text


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("입력 2022-08-01 10:00", "2022-08-01T10:00"),
        ("기사입력 2021.11.03. 오전 9:12", "2021-11-03T09:12"),
        ("기사입력 2021.11.03. 오후 9:12", "2021-11-03T21:12"),
        ("2024년 1월 9일 오후 3시 5분", "2024-01-09T15:05"),
        ("등록 2020-03-15 06:00:00", "2020-03-15T06:00:00"),
        ("송고시간2023-05-02 14:31", "2023-05-02T14:31"),
        ("오전 12:30 2020.01.02", "2020-01-02"),
        ("2009-01-20", "2009-01-20"),
        ("2022.13.01", ""),
        ("날짜 없음", ""),
    ],
)
def test_parse_date(value, iso):
    assert parse_date(value) == iso


def test_modified_date_is_not_the_date():
    page = "제목이 여기에 있습니다\n수정 2020-03-16 08:00 | 등록 2020-03-15 06:00\n" + "본문 문장은 충분히 길게 씁니다. " * 3
    assert clean_page(page).date == "2020-03-15T06:00"


def test_dateline_is_cut_and_becomes_byline():
    page = ("제목이 여기에 있습니다\n입력 2023-05-02 14:31\n"
            "(서울=연합뉴스) 홍길동 기자 = 정부가 새 정책을 발표했다. 이 정책은 내년부터 시행된다.")
    cleaned = clean_page(page)
    assert cleaned.paragraphs == ["정부가 새 정책을 발표했다. 이 정책은 내년부터 시행된다."]
    assert cleaned.byline == "홍길동 기자"


def test_normalize_text_nfc_and_controls():
    decomposed = "\u1109\u1165\u110b\u116e\u11af"  # 서울 as conjoining jamo
    assert normalize_text(decomposed + "\x07 \r\n 시") == "서울\n시"


def test_page_without_body_has_no_paragraphs():
    assert clean_page("홈\n정치\n경제\n• 좋아요 0\n").paragraphs == []
