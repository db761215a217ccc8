"""clean_page on whole pages: the composed pages of other sites (tests/fixtures/pages)."""

from __future__ import annotations

import json

import pytest

from analysis.clean import clean_page
from analysis.corpus import load

from ..conftest import FIXTURES

PAGES = sorted(p for p in (FIXTURES / "pages").iterdir() if p.suffix in (".txt", ".html"))


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


def test_page_without_body_has_no_paragraphs():
    assert clean_page("홈\n정치\n경제\n• 좋아요 0\n").paragraphs == []

