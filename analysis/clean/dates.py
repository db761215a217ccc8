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
from .kinds import ChromeKind, LineKind
from .text import HANGUL, SENTENCE_END

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from .lines import Line

DATE_VALUE: Final = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-./년]\s*(?P<m>\d{1,2})\s*[-./월]\s*(?P<d>\d{1,2})\s*[.일]?"
    r"(?:\s*\([월화수목금토일]\)|\s*[월화수목금토일]요일)?"
    r"(?:(?:\s*[(\[]?|T)\s*(?P<ampm>오전|오후|AM|PM|am|pm)?\s*(?P<H>\d{1,2})\s*(?:[:시])\s*(?:(?P<M>\d{1,2})\s*분?)?"
    r"(?:\s*:\s*(?P<S>\d{2}))?[)\]]?)?"
)
#: Dates written the English way on Korean sites: ``Aug. 21, 2024 - 07:05``, ``21 August 2024``.
MONTHS: Final = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_CLOCK = r"(?:\s*(?:[-,–]|at)?\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\s*(?P<ampm>AM|PM|am|pm))?)?"
#: A two-digit year is read only with two-digit month and day and a time: ``24.03.08 17:20``.
SHORT_DATE: Final = re.compile(r"(?<![\d.])(?P<y>\d{2})\.(?P<m>\d{2})\.(?P<d>\d{2})\.?\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?![\d:])")
ENGLISH_DATE: Final = re.compile(
    rf"(?:(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?|(?P<d2>\d{{1,2}})\s+(?P<mon2>{_MONTH}),?)\s+"
    rf"(?P<y>(?:19|20)\d{{2}}){_CLOCK}", re.IGNORECASE)
#: Longest line read as a date line; longer lines are prose that mentions a date, unless they
#: label their date and do not end like a sentence (``By … Posted : … Updated : … Share``).
MAX_DATE_LINE: Final = 80
MAX_LABELLED_LINE: Final = 160
#: Without a headline, how many lines above the body count as the article's head.
HEAD_DATE_REACH: Final = 12
#: How many lines after the body count as the article's foot.
FOOT_DATE_REACH: Final = 12
#: What may stand next to a bare date without making it prose: times and day names.
DATE_WORDS: Final = re.compile(r"오전|오후|[년월일시분]|[월화수목금토일]요일")
DAY_NAME: Final = re.compile(r"[월화수목금토일]요일|\([월화수목금토일]\)|"
                      r"(?i:\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b)")
#: The kinds of label ``analysis/data/date_labels.txt`` tags, in the order overlaps are settled.
LABEL_KINDS: Final = ("CLOCK", "PUBLISHED", "MODIFIED")
#: What may stand between a date and a label after it (``2023/05/02 14:31 송고``, ``… (입력)``).
LABEL_GAP: Final = re.compile(r"[\s:：|｜()\[\]·•,.-]*")
#: What may stand between a label and the date after it: the label's ending and gap characters.
LABEL_TAIL: Final = re.compile(r"\s*(?:일시|일자|일|시간|시각|날짜|on)?[\s:：|｜()\[\]·•,=-]*")
#: A web address: a date inside one (``…/2024/03/08/…``) is no date of the page's.
URL: Final = re.compile(r"(?:https?://|www\.)\S+")
#: A line this short, a date after one word (``방영일 2024.05.03 20:14``): a date whose label the
#: lists do not know (:attr:`DateKind.OTHER`).
MAX_OTHER_LABEL_LINE: Final = 40
UNKNOWN_LABEL: Final = re.compile(r"\s*[\[(]?\s*[가-힣A-Za-z]{2,6}\s*[\])]?\s*[:：|]?\s*")


class DateKind(StrEnum):
    """What a date on a page is."""

    PUBLISHED = "published"  # labelled as the first publication (입력, 등록, 송고 …)
    BARE = "bare"  # a date alone on its line (or with counters), no label
    MODIFIED = "modified"  # only a later edit (수정, 업데이트): never the article's date
    CLOCK = "clock"  # labelled as the site's clock or last edit of the site (최종편집, 오늘), never the article's
    OTHER = "other"  # after a word the label lists do not know (방영일 …): only in the head, after the others


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
    """Every valid date in ``value`` as ``(start, end, ISO 8601)``, in order; none inside a web
    address."""
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
    if "www." in value or "://" in value:
        urls = [u.span() for u in URL.finditer(value)]
        found = [d for d in found if not any(a < d[1] and d[0] < b for a, b in urls)]
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


def label_spans(line: str, labels: dict[str, tuple[re.Pattern[str], ...]]) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of every date label in ``line``, in order, overlaps resolved in
    favour of the earlier and then the longer label (``최종수정`` is one label, not ``수정``)."""
    found = sorted(((m.start(), m.end(), kind) for kind in LABEL_KINDS for p in labels[kind]
                    for m in p.finditer(line) if m.end() > m.start()), key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int, str]] = []
    for span in found:
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


def _label_before(segment: str, offset: int, spans: Sequence[tuple[int, int, str]]) -> str | None:
    """The kind of the label right before a date, only a label's ending (``일``, ``시간``) and gap
    characters between (``기사입력 : ``, ``발행일: ``, ``송고시간``); ``segment`` is the text before
    the date, from ``offset`` in the line. A label word further off is not the date's (``횡단보도를
    건너고 있다. 2024.7.2`` is not labelled by 보도)."""
    end = offset + len(segment)
    return next((kind for start, stop, kind in reversed(spans)
                 if offset <= start and stop <= end and LABEL_TAIL.fullmatch(segment[stop - offset:])), None)


def _label_after(segment: str, offset: int, spans: Sequence[tuple[int, int, str]]) -> str | None:
    """The kind of the label right after a date (``2023/05/02 14:31 송고``), only gap characters between."""
    gap = LABEL_GAP.match(segment).end()
    return next((kind for start, _, kind in spans if start == offset + gap), None)


def date_mark(line: str, labels: dict[str, tuple[re.Pattern[str], ...]]) -> DateMark | None:
    """The date a page line carries, or ``None`` (prose that mentions a date, no date).

    Each date on the line has the label next to it: the labels precede their dates
    (``입력 2024.03.08 16:05 | 수정 …``) unless the line opens with a date and ends with a label
    (``2024.03.08 16:05 입력 · 2024.03.08 17:20 수정``, ``2023/05/02 14:31 송고``): then each label
    follows its date. The first date labelled as a publication (or as a site clock) decides;
    else the first unlabelled date on a line with no other words than labels and date words
    (:attr:`DateKind.BARE`); else an unlabelled date before a modification on the same line (the
    first publication, after an outlet's name: :attr:`DateKind.PUBLISHED`); else a modification
    (:attr:`DateKind.MODIFIED`). A short line whose
    only other word is a label the lists do not know (``방영일 2024.05.03 20:14``) is
    :attr:`DateKind.OTHER`.
    """
    dates = find_dates(line)
    if not dates or (len(line) > MAX_DATE_LINE and not (len(line) <= MAX_LABELLED_LINE and not SENTENCE_END.search(line))):
        return None
    spans = label_spans(line, labels)
    ends = [0, *(end for _, end, _ in dates)]
    starts = [start for start, _, _ in dates] + [len(line)]
    post = (_label_before(line[:starts[0]], 0, spans) is None
            and _label_after(line[ends[-1]:], ends[-1], spans) is not None)
    bare_line = len(line) <= MAX_DATE_LINE and not HANGUL.search(_words_besides(line, dates, spans))
    bare = modified = unlabelled = None
    for n, (_, _, iso) in enumerate(dates):
        if post:
            kind = _label_after(line[ends[n + 1]:starts[n + 1]], ends[n + 1], spans)
        else:
            kind = _label_before(line[ends[n]:starts[n]], ends[n], spans)
        if kind in ("CLOCK", "PUBLISHED"):
            return DateMark(DateKind(kind.lower()), iso)
        if kind == "MODIFIED":
            modified = modified or DateMark(DateKind.MODIFIED, iso)
        elif bare_line and bare is None:
            bare = DateMark(DateKind.BARE, iso, calendar="T" not in iso and bool(DAY_NAME.search(line)))
        elif modified is None and unlabelled is None:
            unlabelled = iso
    if bare:
        return bare
    if modified and unlabelled:  # 세종한빛일보 2023. 9. 5. 14:20 수정 2023. 9. 5. 16:02: the edit follows the first publication
        return DateMark(DateKind.PUBLISHED, unlabelled)
    if modified:
        return modified
    if (len(line) <= MAX_OTHER_LABEL_LINE and UNKNOWN_LABEL.fullmatch(line[:starts[0]])
            and not HANGUL.search(_words_besides(line, dates, [])[starts[0]:])):
        return DateMark(DateKind.OTHER, dates[0][2])
    return None


def _without(line: str, dates: Sequence[tuple[int, int, str]], spans: Sequence[tuple[int, int, str]]) -> str:
    """``line`` with its dates and labels blanked out (same length, so positions still hold)."""
    chars = list(line)
    for start, end, _ in (*dates, *spans):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _words_besides(line: str, dates: Sequence[tuple[int, int, str]], spans: Sequence[tuple[int, int, str]]) -> str:
    """What ``line`` says besides its dates, their labels and time and day words (오전, 요일, 일)."""
    return DATE_WORDS.sub(" ", _without(line, dates, spans))


def blank_dates_and_labels(line: str, labels: dict[str, tuple[re.Pattern[str], ...]]) -> str:
    """What a line says besides its dates and their labels (``김하은 기자I 2024.03.08 16:05`` →
    ``김하은 기자I``), blanks in their place."""
    return _without(line, find_dates(line), label_spans(line, labels))


def choose_date(lines: Sequence[Line], *, body_start: int, body_end: int, title: int | None) -> int | None:
    """The index of the line holding the article's date, decided from where the date lines sit.

    The article's date is the labelled or adjacent date nearest its headline and body, never a
    site clock. In this order:

    1. between the headline and the body (the article's head): the first labelled publication
       date there, else the first bare date, else the first date after a label the lists do
       not know (:attr:`DateKind.OTHER`);
    2. after the body, in the article's foot: the nearest labelled publication date
       (``2023/05/02 14:31 송고``, ``기사입력 : …`` under the byline, past the copyright line, or
       a magazine's ``… 7월호 | 등록 2023.06.28`` under the list of the issue's other stories);
    3. above the headline: the nearest labelled publication date;
    4. in the foot again, the nearest bare date within :data:`FOOT_DATE_REACH` lines of the body,
       not in a list of other stories (they carry their own dates); past the end of the article
       (copyright, footer, a comment section) only a date alone on its line, before any prose
       (the readers' comments carry their own dates, often beside a nickname);
    5. above the headline, the nearest bare date outside a list of other stories that is not a
       calendar page (``2024년 3월 9일 토요일`` is a header's "today").

    Modification times and site clocks (``최종편집``, ``오늘``, a date in the login bar) are never
    chosen.
    """
    from .body import list_lines  # imported here: body imports lines, which imports this module
    def first(indices: Iterable[int], *kinds: DateKind, calendar: bool = True) -> int | None:
        order = list(indices)
        for wanted in kinds:
            hit = next((i for i in order if (mark := lines[i].date) is not None and mark.kind is wanted
                        and (calendar or not mark.calendar)), None)
            if hit is not None:
                return hit
        return None

    head_top = title + 1 if title is not None else max(0, body_start - HEAD_DATE_REACH)
    foot = range(body_end + 1, len(lines))
    foot_bare = []
    ended = listed = False
    for i in foot[:FOOT_DATE_REACH]:
        line = lines[i]
        if line.chrome is ChromeKind.END:
            ended, listed = True, False
        elif line.chrome is ChromeKind.LIST or (ended and line.kind is LineKind.SENTENCE):
            listed = line.chrome is ChromeKind.LIST
            if not listed:
                break
        if not listed and (not ended or is_date_only(line.text)):
            foot_bare.append(i)
    above = range((title if title is not None else head_top) - 1, -1, -1)
    in_list = list_lines(lines)
    for region, kinds, calendar in (
        (range(head_top, body_start), (DateKind.PUBLISHED, DateKind.BARE, DateKind.OTHER), True),
        (foot, (DateKind.PUBLISHED,), True),
        (above, (DateKind.PUBLISHED,), True),
        (foot_bare, (DateKind.BARE,), True),
        ([i for i in above if not in_list[i]], (DateKind.BARE,), False),
    ):
        hit = first(region, *kinds, calendar=calendar)
        if hit is not None:
            return hit
    return None


def is_date_only(line: str) -> bool:
    """A line holding a date and nothing else but time and day words (``2024-06-24 09:15:02``)."""
    dates = find_dates(line)
    return bool(dates) and not re.search(r"[가-힣A-Za-z]", DAY_NAME.sub("", _words_besides(line, dates, [])))

