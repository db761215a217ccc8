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
