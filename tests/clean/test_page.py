"""clean_page on whole pages, field by field: the composed pages of other sites
(tests/fixtures/pages), the tuning set (pages_tune), the first held-out set (pages_heldout: read
and tuned on in the second round of issue 16, so now a tuning set too) and the layouts composed
from real sites' shapes (pages_layouts). Each page is read exactly as the corpus loader reads it."""

from __future__ import annotations

import pytest

from analysis.clean import clean_page
from analysis.clean.evaluate import expected_pages, read_expected
from analysis.corpus import load

from ..conftest import FIXTURES

FOLDERS = ("pages", "pages_tune", "pages_heldout", "pages_layouts")
PAGES = [page for folder in FOLDERS for page in expected_pages(FIXTURES / folder)]
FIELDS = ("title", "date", "byline", "captions", "paragraphs")


@pytest.fixture(scope="module")
def cleaned() -> dict:
    out = {}
    for page in PAGES:
        result = load([page])
        assert not result.rejects, f"{page.name}: {result.rejects}"
        (record,) = result.records
        out[page] = {"title": record.title, "date": record.date, "byline": record.byline,
                     "captions": list(record.captions), "paragraphs": record.text.split("\n")}
    return out


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_page_field(cleaned, page, field):
    assert cleaned[page][field] == read_expected(page)[field]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_chrome_in_any_field(cleaned, page):
    got = cleaned[page]
    fields = [got["title"], got["date"], got["byline"], *got["captions"], *got["paragraphs"]]
    assert [w for w in read_expected(page)["chrome_words"] if any(w in f for f in fields)] == []


def test_folders_hold_what_their_readmes_say():
    assert [len(expected_pages(FIXTURES / f)) for f in FOLDERS] == [8, 35, 34, 30]


def test_page_without_body_has_no_paragraphs():
    assert clean_page("홈\n정치\n경제\n• 좋아요 0\n").paragraphs == []
