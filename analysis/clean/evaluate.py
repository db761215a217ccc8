"""Score cleaned pages against hand-written expected outputs (``NAME.expected.json``).

A folder of pages holds ``NAME.txt`` or ``NAME.html`` next to ``NAME.expected.json`` with the
keys ``title, date, byline, captions, paragraphs`` (and ``chrome_words``, strings of the page's
chrome that must not reach any output field). Paragraphs are compared as exact strings (a
multiset per page, pooled over pages for precision, recall and F1); title, date and byline are
right when they are equal, captions when the whole list is.

Example:
    >>> s = score_page({"title": "제목", "date": "2024-01-09", "byline": "", "captions": [],
    ...                 "paragraphs": ["가.", "나."]},
    ...                {"title": "제목", "date": "2024-01-09", "byline": "", "captions": [],
    ...                 "paragraphs": ["가.", "다."], "chrome_words": []}, name="p1")
    >>> (s.true_pos, s.false_pos, s.false_neg, s.title_ok)
    (1, 1, 1, True)
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

PAGE_SUFFIXES: Final = (".txt", ".html", ".htm")
FIELDS: Final = ("title", "date", "byline", "captions", "paragraphs")


@dataclass(frozen=True, slots=True)
class PageScore:
    """How one cleaned page compares with its expected output."""

    name: str
    layout: str
    true_pos: int  # expected paragraphs found exactly
    false_pos: int  # paragraphs output that are not expected
    false_neg: int  # expected paragraphs not output
    title_ok: bool
    date_ok: bool
    byline_ok: bool
    captions_ok: bool
    chrome_leaks: tuple[str, ...]  # chrome words found in an output field

    @property
    def body_exact(self) -> bool:
        return self.false_pos == 0 and self.false_neg == 0

    @property
    def all_ok(self) -> bool:
        return self.body_exact and self.title_ok and self.date_ok and self.byline_ok and self.captions_ok and not self.chrome_leaks


def expected_pages(folder: str | Path) -> list[Path]:
    """The page files of ``folder`` that have an expected output, in name order.

    Raises:
        FileNotFoundError: the folder holds no page with an ``.expected.json``.
    """
    folder = Path(folder)
    pages = sorted(p for p in folder.iterdir()
                   if p.suffix in PAGE_SUFFIXES and p.with_name(p.stem + ".expected.json").exists())
    if not pages:
        raise FileNotFoundError(f"{folder}: no NAME.txt/NAME.html with a NAME.expected.json; nothing to score")
    return pages


def read_expected(page: Path) -> dict[str, Any]:
    """The expected output of one page file."""
    return json.loads(page.with_name(page.stem + ".expected.json").read_text(encoding="utf-8"))


def score_page(got: Mapping[str, Any], expected: Mapping[str, Any], *, name: str) -> PageScore:
    """Compare one page's output (the :data:`FIELDS`) with its expected output."""
    got_paras, want_paras = Counter(got["paragraphs"]), Counter(expected["paragraphs"])
    hit = sum((got_paras & want_paras).values())
    fields = [got["title"], got["date"], got["byline"], *got["captions"], *got["paragraphs"]]
    leaks = tuple(w for w in expected.get("chrome_words", []) if any(w in f for f in fields))
    return PageScore(
        name=name,
        layout=str(expected.get("layout", "")),
        true_pos=hit,
        false_pos=sum(got_paras.values()) - hit,
        false_neg=sum(want_paras.values()) - hit,
        title_ok=got["title"] == expected["title"],
        date_ok=got["date"] == expected["date"],
        byline_ok=got["byline"] == expected["byline"],
        captions_ok=list(got["captions"]) == list(expected["captions"]),
        chrome_leaks=leaks,
    )


def score_folder(folder: str | Path, predictions: Mapping[str, Mapping[str, Any]]) -> list[PageScore]:
    """Score ``predictions`` (page file name → output fields) against every page of ``folder``;
    a page without a prediction scores as an empty output."""
    empty = {"title": "", "date": "", "byline": "", "captions": [], "paragraphs": []}
    return [score_page(predictions.get(page.name, empty), read_expected(page), name=page.name)
            for page in expected_pages(folder)]


def summarize(scores: Sequence[PageScore]) -> dict[str, float]:
    """Pooled paragraph precision, recall and F1, and the share of pages with each field right."""
    tp = sum(s.true_pos for s in scores)
    fp = sum(s.false_pos for s in scores)
    fn = sum(s.false_neg for s in scores)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    n = len(scores) or 1

    def rate(flags: Iterable[bool]) -> float:
        return sum(flags) / n

    return {
        "pages": len(scores),
        "paragraph_precision": precision,
        "paragraph_recall": recall,
        "paragraph_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "body_exact": rate(s.body_exact for s in scores),
        "title": rate(s.title_ok for s in scores),
        "date": rate(s.date_ok for s in scores),
        "byline": rate(s.byline_ok for s in scores),
        "captions": rate(s.captions_ok for s in scores),
        "no_chrome_leak": rate(not s.chrome_leaks for s in scores),
        "all_fields": rate(s.all_ok for s in scores),
    }


def clean_folder(folder: str | Path) -> dict[str, dict[str, Any]]:
    """Clean every scored page of ``folder`` the way the corpus loader does (page file name →
    output fields); a page the loader rejects gets empty fields."""
    from analysis.corpus import load  # absolute: benchmarks/eval_clean.py scores other checkouts with this file

    out: dict[str, dict[str, Any]] = {}
    for page in expected_pages(folder):
        records = load([page]).records
        if records:
            r = records[0]
            out[page.name] = {"title": r.title, "date": r.date, "byline": r.byline, "captions": list(r.captions),
                              "paragraphs": r.text.split("\n") if r.text else []}
    return out
