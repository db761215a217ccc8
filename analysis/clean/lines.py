"""Stage 1: split a page into lines and say what each line is.

Every line gets one :class:`LineKind` — a date line, a photo caption, a byline, known chrome, a
list item, a sentence of prose, or something else (a headline, a label, a menu entry) — decided
from the line alone with the pattern lists in ``analysis/data``. The later stages decide from
the page's structure which of them are the article.

Example:
    >>> [line.kind.value for line in classify_lines("제목입니다 정말로\\n입력 2022-08-01 10:00\\n• 좋아요0")]
    ['other', 'date', 'chrome']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import NamedTuple

from ..resources import data_path, load_patterns, load_tagged_patterns
from .dates import DateMark, date_labels, date_mark
from .text import BULLET, is_sentence, normalize_text


class LineKind(StrEnum):
    """What one line of a page is, judged from the line alone."""

    BLANK = "blank"
    DATE = "date"  # carries the article's date (a labelled publication date or a bare date)
    CAPTION = "caption"  # a photo caption or credit
    BYLINE = "byline"  # the reporter's name and/or e-mail
    CHROME = "chrome"  # a known piece of site furniture (buttons, counters, footers, menus)
    ITEM = "item"  # a bulleted or numbered list entry
    SENTENCE = "sentence"  # prose that ends like a sentence
    OTHER = "other"  # anything else: headlines, labels, unterminated paragraphs


@dataclass(slots=True)
class Line:
    """One page line: its text (bullet removed), whether it had a bullet, its kind and date."""

    text: str
    kind: LineKind
    is_item: bool = False
    date: DateMark | None = None


class CleanerLists(NamedTuple):
    """The pattern lists the cleaner reads from ``analysis/data``."""

    chrome: tuple[re.Pattern[str], ...]
    captions: tuple[re.Pattern[str], ...]
    bylines: dict[str, tuple[re.Pattern[str], ...]]
    date_labels: dict[str, tuple[re.Pattern[str], ...]]


@cache
def cleaner_lists() -> CleanerLists:
    """Load (once) and check the cleaner's pattern lists."""
    return CleanerLists(
        chrome=load_patterns(data_path("chrome_lines.txt")),
        captions=load_patterns(data_path("caption_patterns.txt")),
        bylines=load_tagged_patterns(data_path("byline_patterns.txt"), ("BYLINE", "DATELINE")),
        date_labels=date_labels(),
    )


def classify_line(raw: str, lists: CleanerLists) -> Line:
    """The :class:`Line` for one normalised page line."""
    m = BULLET.match(raw)
    text, is_item = (raw[m.end():].strip(), True) if m else (raw, False)
    if not text:
        return Line(text, LineKind.BLANK, is_item)
    date = date_mark(text, lists.date_labels)
    if date is not None:
        return Line(text, LineKind.DATE, is_item, date)
    if not is_item and any(p.search(text) for p in lists.captions):
        return Line(text, LineKind.CAPTION)
    if any(p.fullmatch(text) for p in lists.bylines["BYLINE"]):
        return Line(text, LineKind.BYLINE, is_item)
    if any(p.fullmatch(text) for p in lists.chrome):
        return Line(text, LineKind.CHROME, is_item)
    if is_item:
        return Line(text, LineKind.ITEM, True)
    return Line(text, LineKind.SENTENCE if is_sentence(text) else LineKind.OTHER)


def classify_lines(page: str) -> list[Line]:
    """Every line of ``page`` (normalised with :func:`normalize_text`), classified."""
    lists = cleaner_lists()
    return [classify_line(raw, lists) for raw in normalize_text(page).split("\n")]
