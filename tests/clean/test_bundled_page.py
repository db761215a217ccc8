"""The bundled page cleans exactly as it did before the cleaner was split into stages (issue 16).

``tests/fixtures/bundled_page.expected.json`` is the whole :class:`CleanedPage` the cleaner of
commit a0b2bdb produced for ``corpus/articles/000_f887c3d3ff964b74.txt`` (title, date, byline,
captions, paragraphs and every removed line, in order), checked by hand against the page: the
title is the headline, the date the 입력 time, the one caption is printed twice and kept once, the
ten body paragraphs are the article's, and the removed lines are the font-size buttons, reaction
counters, the 주요 뉴스 list and the crypto ticker.
"""

from __future__ import annotations

import dataclasses
import json

import pytest

from analysis.clean import clean_page
from analysis.resources import DEFAULT_CORPUS

from ..conftest import FIXTURES

SEED = DEFAULT_CORPUS / "000_f887c3d3ff964b74.txt"
PINNED = json.loads((FIXTURES / "bundled_page.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed() -> dict:
    return dataclasses.asdict(clean_page(SEED.read_text(encoding="utf-8")))


@pytest.mark.parametrize("field", ["title", "date", "byline", "captions", "paragraphs", "removed"])
def test_bundled_page_is_pinned(seed, field):
    assert seed[field] == PINNED[field]


def test_pin_is_the_article():
    """The pin is not an empty snapshot: the page's headline, date, caption and ten paragraphs."""
    assert PINNED["title"].startswith("내년 ‘WCS 시장포럼’ 서울 개최 확정")
    assert PINNED["date"] == "2022-08-01T10:00"
    assert len(PINNED["captions"]) == 1 and PINNED["captions"][0].endswith("(사진제공=서울시)")
    assert len(PINNED["paragraphs"]) == 10
    assert PINNED["paragraphs"][-1].endswith("2010년부터 매년 개최되고 있다.")
    assert "주요 뉴스" in PINNED["removed"] and "24시간 변동률 기준" in PINNED["removed"]


# The bundled page's body paragraphs, first words, read off the page by hand.
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


def test_seed_title_date_and_caption(seed):
    assert seed["title"] == '내년 ‘WCS 시장포럼’ 서울 개최 확정…오세훈 "약자 동행 특별시로 초대"'
    assert seed["date"] == "2022-08-01T10:00"
    assert len(seed["captions"]) == 1  # printed twice on the page, kept once
    assert seed["captions"][0].startswith("오세훈 서울시장이 31일 오후(현지시간)")


def test_seed_body_is_exactly_the_paragraphs(seed):
    assert len(seed["paragraphs"]) == len(SEED_BODY_STARTS)
    for paragraph, start in zip(seed["paragraphs"], SEED_BODY_STARTS, strict=True):
        assert paragraph.startswith(start)
    assert not any("기념촬영" in p for p in seed["paragraphs"]), "the caption leaked into the body"


@pytest.mark.parametrize("word", CHROME)
def test_seed_chrome_is_removed(seed, word):
    text = "\n".join(seed["paragraphs"])
    assert word not in text
    assert word not in seed["title"]
    assert any(word in line for line in seed["removed"])
