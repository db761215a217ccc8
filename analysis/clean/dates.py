"""Dates: reading one (:func:`parse_date`), telling what a page's date line is (:func:`date_mark`),
and choosing the article's date among a page's date lines (:func:`choose_date`).

Example:
    >>> parse_date("기사입력 2021.11.03. 오후 9:12")
    '2021-11-03T21:12'
    >>> date_mark("수정 2020-03-16 08:00 | 등록 2020-03-15 06:00", date_labels())
    DateMark(kind=<DateKind.PUBLISHED: 'published'>, iso='2020-03-15T06:00', calendar=False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Final

from ..resources import data_path, load_tagged_patterns
from .kinds import ChromeKind
from .text import HANGUL

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from .lines import Line

DATE_VALUE: Final = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-./년]\s*(?P<m>\d{1,2})\s*[-./월]\s*(?P<d>\d{1,2})\s*[.일]?"
    r"(?:\s*\([월화수목금토일]\)|\s*[월화수목금토일]요일)?"
    r"(?:\s*(?P<ampm>오전|오후|AM|PM|am|pm)?\s*(?P<H>\d{1,2})\s*(?:[:시])\s*(?:(?P<M>\d{1,2})\s*분?)?"
    r"(?:\s*:\s*(?P<S>\d{2}))?)?"
)
#: Longest line read as a date line; longer lines are prose that mentions a date.
MAX_DATE_LINE: Final = 80
#: Characters before a date searched for its label (``최종수정``, ``기사입력 :``).
LABEL_WINDOW: Final = 16
#: Without a headline, how many lines above the body count as the article's head.
HEAD_DATE_REACH: Final = 12
#: How many lines after the body count as the article's foot.
FOOT_DATE_REACH: Final = 12
#: What may stand next to a bare date without making it prose: times and day names.
DATE_WORDS: Final = re.compile(r"오전|오후|[년월일시분]|[월화수목금토일]요일")
DAY_NAME: Final = re.compile(r"[월화수목금토일]요일|\([월화수목금토일]\)|(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*")


class DateKind(StrEnum):
    """What a date on a page is."""

    PUBLISHED = "published"  # labelled as the first publication (입력, 등록, 송고 …)
    BARE = "bare"  # a date alone on its line (or with counters), no label
    CLOCK = "clock"  # labelled as the site's clock or last edit of the site (최종편집, 오늘), never the article's


@dataclass(frozen=True, slots=True)
class DateMark:
    """A line's date: its kind, its ISO 8601 value, and whether it reads like a calendar page
    (a day name and no time, ``2024년 3월 9일 토요일``: what a site header shows as today)."""

    kind: DateKind
    iso: str
    calendar: bool = False


def parse_date(value: str) -> str:
    """The first date in ``value`` as ISO 8601 at the precision given, or ``""``.

    Example:
        >>> parse_date("기사입력 2021.11.03. 오후 9:12")
        '2021-11-03T21:12'
        >>> parse_date("2024년 1월 9일 오후 3시 5분")
        '2024-01-09T15:05'
    """
    m = DATE_VALUE.search(value)
    if not m:
        return ""
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    out = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["H"] is None:
        return out
    hour, minute = int(m["H"]), int(m["M"] or 0)
    if m["ampm"] in ("오후", "PM", "pm") and hour < 12:
        hour += 12
    elif m["ampm"] in ("오전", "AM", "am") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return out
    out += f"T{hour:02d}:{minute:02d}"
    return out + f":{m['S']}" if m["S"] else out


@cache
def date_labels() -> dict[str, tuple[re.Pattern[str], ...]]:
    """The date labels of ``analysis/data/date_labels.txt`` by kind."""
    return load_tagged_patterns(data_path("date_labels.txt"), ("PUBLISHED", "MODIFIED", "CLOCK"))


def date_mark(line: str, labels: dict[str, tuple[re.Pattern[str], ...]]) -> DateMark | None:
    """The article date a page line carries, or ``None`` (prose, a 수정 time only, no date).

    A line can carry several (``등록 2020-03-15 06:00:00 | 수정 2020-03-15 08:12:31``): the
    first that is not labelled as a modification wins.
    """
    if len(line) > MAX_DATE_LINE:
        return None
    for m in DATE_VALUE.finditer(line):
        iso = parse_date(m.group(0))
        if not iso:
            continue
        tail = line[: m.start()].rsplit("|", 1)[-1][-LABEL_WINDOW:]
        if any(p.search(tail) for p in labels["CLOCK"]):
            return DateMark(DateKind.CLOCK, iso)
        after = line[m.end():].strip(" .|")
        published = any(p.search(tail) or p.fullmatch(after) for p in labels["PUBLISHED"])
        if not published and any(p.search(tail) for p in labels["MODIFIED"]):
            continue
        if published:
            return DateMark(DateKind.PUBLISHED, iso)
        if not HANGUL.search(DATE_WORDS.sub("", DATE_VALUE.sub("", line))):
            return DateMark(DateKind.BARE, iso, calendar="T" not in iso and bool(DAY_NAME.search(line)))
    return None


def choose_date(lines: Sequence[Line], *, body_start: int, body_end: int, title: int | None) -> int | None:
    """The index of the line holding the article's date, decided from where the date lines sit.

    The article's date is the one nearest its headline and body, never a site clock:

    1. between the headline and the body (the article's head): the first labelled publication
       date there, else the first bare date;
    2. after the body, in the article's foot (``2023/05/02 14:31 송고``, ``입력 …`` under the byline),
       up to the next list of other stories: the nearest labelled date, else the nearest bare one;
    3. above the headline: the nearest labelled date, else the nearest bare date that is not a
       calendar page (``2024년 3월 9일 토요일`` is a header's "today").

    Lines labelled as a site clock (``최종편집``, ``오늘``) are never chosen.
    """
    def first(indices: Iterable[int], *, calendar: bool = True) -> int | None:
        order = list(indices)
        for wanted in (DateKind.PUBLISHED, DateKind.BARE):
            hit = next((i for i in order if (mark := lines[i].date) is not None and mark.kind is wanted
                        and (calendar or not mark.calendar)), None)
            if hit is not None:
                return hit
        return None

    head_top = title + 1 if title is not None else max(0, body_start - HEAD_DATE_REACH)
    foot = []
    for i in range(body_end + 1, min(len(lines), body_end + 1 + FOOT_DATE_REACH)):
        if lines[i].chrome is ChromeKind.LIST:
            break
        foot.append(i)
    above = range((title if title is not None else head_top) - 1, -1, -1)
    for region, calendar in ((range(head_top, body_start), True), (foot, True), (above, False)):
        hit = first(region, calendar=calendar)
        if hit is not None:
            return hit
    return None
