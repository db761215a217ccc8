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
from .text import HANGUL, SENTENCE_END

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from .lines import Line

DATE_VALUE: Final = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-./년]\s*(?P<m>\d{1,2})\s*[-./월]\s*(?P<d>\d{1,2})\s*[.일]?"
    r"(?:\s*\([월화수목금토일]\)|\s*[월화수목금토일]요일)?"
    r"(?:\s*\(?\s*(?P<ampm>오전|오후|AM|PM|am|pm)?\s*(?P<H>\d{1,2})\s*(?:[:시])\s*(?:(?P<M>\d{1,2})\s*분?)?"
    r"(?:\s*:\s*(?P<S>\d{2}))?\)?)?"
)
#: Dates written the English way on Korean sites: ``Aug. 21, 2024 - 07:05``, ``21 August 2024``.
MONTHS: Final = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_CLOCK = r"(?:\s*[-,–]?\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\s*(?P<ampm>AM|PM|am|pm))?)?"
#: A two-digit year is read only with two-digit month and day and a time: ``24.03.08 17:20``.
SHORT_DATE: Final = re.compile(r"(?<![\d.])(?P<y>\d{2})\.(?P<m>\d{2})\.(?P<d>\d{2})\.?\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?![\d:])")
ENGLISH_DATE: Final = re.compile(
    rf"(?:(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?|(?P<d2>\d{{1,2}})\s+(?P<mon2>{_MONTH}),?)\s+"
    rf"(?P<y>(?:19|20)\d{{2}}){_CLOCK}", re.IGNORECASE)
#: Longest line read as a date line; longer lines are prose that mentions a date, unless they
#: label their date and do not end like a sentence (``By … Posted : … Updated : … Share``).
MAX_DATE_LINE: Final = 80
MAX_LABELLED_LINE: Final = 160
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
    MODIFIED = "modified"  # only a later edit (수정, 업데이트): never the article's date
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
        >>> parse_date("Posted : Aug. 21, 2024 - 07:05")
        '2024-08-21T07:05'
    """
    return next((iso for _, _, iso in find_dates(value)), "")


def find_dates(value: str) -> list[tuple[int, int, str]]:
    """Every valid date in ``value`` as ``(start, end, ISO 8601)``, in order."""
    found = []
    for m in DATE_VALUE.finditer(value):
        iso = _iso(m["y"], m["m"], m["d"], m["H"], m["M"], m["S"], m["ampm"])
        if iso:
            found.append((m.start(), m.end(), iso))
    for m in SHORT_DATE.finditer(value):
        iso = _iso(f"20{m['y']}", m["m"], m["d"], m["H"], m["M"], None, None)
        if iso and not any(start <= m.start() < end for start, end, _ in found):
            found.append((m.start(), m.end(), iso))
    for m in ENGLISH_DATE.finditer(value):
        month = MONTHS[(m["mon"] or m["mon2"])[:3].lower()]
        iso = _iso(m["y"], month, m["d"] or m["d2"], m["H"], m["M"], m["S"], m["ampm"])
        if iso:
            found.append((m.start(), m.end(), iso))
    return sorted(found)


def _iso(y: str, mo: str | int, d: str, hh: str | None, mm: str | None, ss: str | None, ampm: str | None) -> str:
    year, month, day = int(y), int(mo), int(d)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    out = f"{year:04d}-{month:02d}-{day:02d}"
    if hh is None:
        return out
    hour, minute = int(hh), int(mm or 0)
    if ampm in ("오후", "PM", "pm") and hour < 12:
        hour += 12
    elif ampm in ("오전", "AM", "am") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return out
    out += f"T{hour:02d}:{minute:02d}"
    return out + f":{ss}" if ss else out


@cache
def date_labels() -> dict[str, tuple[re.Pattern[str], ...]]:
    """The date labels of ``analysis/data/date_labels.txt`` by kind."""
    return load_tagged_patterns(data_path("date_labels.txt"), ("PUBLISHED", "MODIFIED", "CLOCK"))


def date_mark(line: str, labels: dict[str, tuple[re.Pattern[str], ...]]) -> DateMark | None:
    """The date a page line carries, or ``None`` (prose that mentions a date, no date).

    A line can carry several (``등록 2020-03-15 06:00:00 | 수정 2020-03-15 08:12:31``): the
    first that is not labelled as a modification wins; a line with only modification dates is
    :attr:`DateKind.MODIFIED`. A date's label is what precedes it since the previous date
    (``입력 | 2022-05-13 20:24``), or a label right after it (``2023/05/02 14:31 송고``).
    """
    dates = find_dates(line)
    if not dates or (len(line) > MAX_DATE_LINE and not (len(line) <= MAX_LABELLED_LINE and not SENTENCE_END.search(line))):
        return None
    modified = None
    previous_end = 0
    for n, (start, end, iso) in enumerate(dates):
        tail = line[previous_end:start][-LABEL_WINDOW:]
        after = line[end:].strip(" .|") if n == len(dates) - 1 else ""
        previous_end = end
        if any(p.search(tail) for p in labels["CLOCK"]):
            return DateMark(DateKind.CLOCK, iso)
        published = any(p.search(tail) or p.fullmatch(after) for p in labels["PUBLISHED"])
        if published:
            return DateMark(DateKind.PUBLISHED, iso)
        if any(p.search(tail) for p in labels["MODIFIED"]):
            modified = modified or DateMark(DateKind.MODIFIED, iso)
            continue
        if len(line) <= MAX_DATE_LINE and not HANGUL.search(DATE_WORDS.sub("", _without_dates(line))):
            return DateMark(DateKind.BARE, iso, calendar="T" not in iso and bool(DAY_NAME.search(line)))
    return modified


def _without_dates(line: str) -> str:
    return SHORT_DATE.sub("", ENGLISH_DATE.sub("", DATE_VALUE.sub("", line)))


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
