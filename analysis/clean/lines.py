"""Stage 1: split a page into lines and say what each line is.

Every line gets one :class:`LineKind` — a date line, a photo caption, a byline, known chrome, a
menu bar, a list item, a sentence of prose, or something else (a headline, a label, a subhead)
— decided from the line alone with the pattern lists in ``analysis/data``. A line made of
several parts (``2019.04.02 14:31 | 댓글 3 | 조회수 812``, ``크게 작게 인쇄``) is judged by its
parts. The later stages decide from the page's structure which lines are the article.

Example:
    >>> [line.kind.value for line in classify_lines("제목입니다 정말로\\n입력 2022-08-01 10:00\\n• 좋아요0")]
    ['other', 'date', 'chrome']
    >>> classify_lines("2019.04.02 14:31 | 댓글 3 | 조회수 812")[0].date.iso
    '2019-04-02T14:31'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final, NamedTuple

from ..resources import data_path, load_patterns, load_tagged_patterns, load_words
from .dates import DATE_VALUE, DateMark, date_labels, date_mark
from .kinds import ChromeKind, LineKind
from .text import BULLET, SENTENCE_END, alternation, is_sentence, normalize_text

#: Separators between the parts of one line (menu bars, date lines with counters).
PART_SEPARATOR: Final = re.compile(r"\s*[|│ㅣ]\s*|\s+[·•/]\s+")
#: A part of a menu bar is at most this long (``로그인``, ``마이페이지``, ``본문듣기``).
MENU_PART_MAX: Final = 10
#: Other parts a date line may carry besides its date and counters: short labels.
DATE_PART_LABEL_MAX: Final = 12
#: A word: two letters (Hangul or Latin) in a row.
WORD: Final = re.compile(r"[가-힣A-Za-z]{2}|[가-힣]")
#: What separates the buttons of a line of buttons (``크게 작게 인쇄``, ``본문듣기 · 설정``).
BUTTON_GAP: Final = re.compile(r"(?:\s*[|│ㅣ·•/]\s*|\s+)")
#: Longest run of words tested against the chrome list as one button (``URL 복사``).
BUTTON_WORDS_MAX: Final = 3


@dataclass(slots=True)
class Line:
    """One page line.

    ``raw`` is the normalised line as on the page, ``text`` the same without a list bullet;
    ``date`` is set for date lines, ``chrome`` for chrome lines, ``byline`` for lines that carry a
    reporter's name (a byline line, or a date line with a byline part).
    """

    raw: str
    text: str
    kind: LineKind
    is_item: bool = False
    date: DateMark | None = None
    chrome: ChromeKind | None = None
    byline: str = ""


class CleanerLists(NamedTuple):
    """The pattern and word lists the cleaner reads from ``analysis/data``."""

    chrome: dict[str, tuple[re.Pattern[str], ...]]
    captions: tuple[re.Pattern[str], ...]
    bylines: dict[str, tuple[re.Pattern[str], ...]]
    date_labels: dict[str, tuple[re.Pattern[str], ...]]
    reporter_roles: tuple[str, ...]
    byline_prefixes: tuple[str, ...]
    broadcasters: tuple[str, ...]


@cache
def cleaner_lists() -> CleanerLists:
    """Load (once) and check the cleaner's lists."""
    return CleanerLists(
        chrome=load_tagged_patterns(data_path("chrome_lines.txt"), tuple(ChromeKind)),
        captions=load_patterns(data_path("caption_patterns.txt")),
        bylines=load_tagged_patterns(data_path("byline_patterns.txt"), ("BYLINE", "DATELINE")),
        date_labels=date_labels(),
        reporter_roles=load_words(data_path("reporter_roles.txt")),
        byline_prefixes=load_words(data_path("byline_prefixes.txt")),
        broadcasters=load_words(data_path("broadcasters.txt")),
    )


@cache
def byline_regex() -> re.Pattern[str]:
    """A whole-line byline: optional outlet and role prefixes (``[세계뉴스``, ``글·사진``), one or
    more names each with a reporter role from ``reporter_roles.txt``, an optional e-mail."""
    lists = cleaner_lists()
    roles, prefixes = alternation(lists.reporter_roles), alternation(lists.byline_prefixes)
    name = r"[가-힣]{2,4}"
    person = rf"{name}(?:\s*[·,/]\s*{name})*\s*(?:{roles})"
    email = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    return re.compile(
        rf"[\[<(【]?\s*(?:[가-힣A-Za-z0-9]{{1,12}}\s*[=/]\s*|[가-힣A-Za-z0-9]{{2,12}}\s+(?={name}\s*(?:{roles})))?"
        rf"(?:(?:{prefixes})\s*[=:：]?\s*)?"
        rf"(?P<people>{person}(?:\s*[,·]?\s*(?:(?:{prefixes})\s*[=:：]?\s*)?{person})*)"
        rf"\s*[\]>)】]?\s*(?:[(<\[]?\s*(?P<email>{email})\s*[)>\]]?)?"
    )


def chrome_kind(text: str, lists: CleanerLists) -> ChromeKind | None:
    """The chrome role of a whole line, or of a line made only of buttons (``크게 작게 인쇄``,
    ``로그인 회원가입``)."""
    for kind in (ChromeKind.END, ChromeKind.LIST, ChromeKind.NAVIGATION, ChromeKind.FURNITURE):
        if any(p.fullmatch(text) for p in lists.chrome[kind]):
            return kind
    words = BUTTON_GAP.split(text)
    if len(words) < 2:
        return None
    for kind, patterns in ((ChromeKind.FURNITURE, lists.chrome[ChromeKind.FURNITURE]),
                           (ChromeKind.NAVIGATION, lists.chrome[ChromeKind.FURNITURE] + lists.chrome[ChromeKind.NAVIGATION])):
        # cover the words with buttons of one to three words each (dynamic programming over positions)
        covered = [True] + [False] * len(words)
        for end in range(1, len(words) + 1):
            covered[end] = any(covered[start] and any(p.fullmatch(" ".join(words[start:end])) for p in patterns)
                               for start in range(max(0, end - BUTTON_WORDS_MAX), end))
        if covered[-1]:
            return kind
    return None


def is_menu_bar(text: str) -> bool:
    """Short items joined by separators: ``로그인 | 회원가입 | 마이페이지``, ``정치 · 선거``."""
    parts = [p for p in PART_SEPARATOR.split(text) if p]
    return len(parts) >= 2 and all(len(p) <= MENU_PART_MAX and not SENTENCE_END.search(p) for p in parts)


def is_label(part: str) -> bool:
    """A short part that is not a sentence (``기자명``, ``사회부``, ``Reporter``)."""
    return len(part) <= DATE_PART_LABEL_MAX and not SENTENCE_END.search(part)


def _date_from_parts(text: str, lists: CleanerLists) -> tuple[DateMark | None, str]:
    """A date line made of parts: one part is a date, the others are counters, chrome, a byline
    or short labels (``2019.04.02 14:31 | 댓글 3 | 조회수 812``, ``김민지 기자 | 입력 …``).
    Returns the date and the byline part (``None, ""`` if the line is not one)."""
    parts = [p for p in PART_SEPARATOR.split(text) if p]
    if len(parts) < 2:
        return None, ""
    found: DateMark | None = None
    byline = ""
    for part in parts:
        mark = date_mark(part, lists.date_labels)
        if mark is not None:
            found = found or mark
        elif byline_regex().fullmatch(part):
            byline = byline or part
        elif not (DATE_VALUE.search(part) or chrome_kind(part, lists) or is_label(part)):
            return None, ""
    return found, byline if found else ""


def classify_line(raw: str, lists: CleanerLists) -> Line:
    """The :class:`Line` for one normalised page line."""
    m = BULLET.match(raw)
    text, is_item = (raw[m.end():].strip(), True) if m else (raw, False)
    if not text:
        return Line(raw, text, LineKind.BLANK, is_item)
    date = date_mark(text, lists.date_labels)
    parts_date, byline = _date_from_parts(text, lists)
    date = date or parts_date
    if date is not None:
        return Line(raw, text, LineKind.DATE, is_item, date, byline=byline)
    if not is_item and any(p.search(text) for p in lists.captions):
        return Line(raw, text, LineKind.CAPTION)
    if byline_regex().fullmatch(text) or any(p.fullmatch(text) for p in lists.bylines["BYLINE"]):
        return Line(raw, text, LineKind.BYLINE, is_item, byline=text)
    chrome = chrome_kind(text, lists)
    if chrome is not None:
        return Line(raw, text, LineKind.CHROME, is_item, chrome=chrome)
    if is_menu_bar(text) or not WORD.search(text):
        return Line(raw, text, LineKind.MENU, is_item)
    if is_item:
        return Line(raw, text, LineKind.ITEM, True)
    return Line(raw, text, LineKind.SENTENCE if is_sentence(text) else LineKind.OTHER)


def classify_lines(page: str) -> list[Line]:
    """Every line of ``page`` (normalised with :func:`normalize_text`), classified."""
    lists = cleaner_lists()
    return [classify_line(raw, lists) for raw in normalize_text(page).split("\n")]

