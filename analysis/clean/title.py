"""Stage 3: the headline — the headline-like line that opens the article's head.

The head is what sits right above the body: the headline, any subtitles, and the article's
meta lines (date, byline, share and font buttons, captions). The headline is found from the
page's structure, walking up from the body and never past the site's navigation (menu bars,
breadcrumbs, login links):

1. if the head has a date or byline line, the headline is above the nearest one: subtitles
   between it and the body are passed over (unless nothing headline-like is above it: then the
   date stands above the headline);
2. otherwise the headline is the nearest headline-like line above the body;
3. either way, headline-like lines directly above it (blank lines aside) are the headline and
   its subtitles, so the topmost of them is the headline.

A headline-like line is one of words, at least :data:`MIN_TITLE_CHARS` long, that is not a date,
byline, caption, chrome, menu or counter line, not a list entry and not opened by a subtitle
marker (``-``, ``▶``, ``■`` …).

Example:
    >>> from analysis.clean.body import find_body
    >>> from analysis.clean.lines import classify_lines
    >>> page = ("홈 > 정치\\n새 정책 내년부터 시행\\n입력 2024-01-09 15:05\\n부처 협의 마쳐 예산도 확보\\n"
    ...         "정부가 새 정책을 발표했다. 내년부터 시행된다.")
    >>> lines = classify_lines(page)
    >>> lines[find_title(lines, find_body(lines))].text
    '새 정책 내년부터 시행'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .body import Body
from .dates import DateKind
from .kinds import ChromeKind, LineKind
from .lines import Line

#: Shortest line taken for a headline; shorter lines are labels (``날씨``, ``법원·검찰``).
MIN_TITLE_CHARS: Final = 8
#: How many non-blank lines above the body the head is looked for in.
HEAD_REACH: Final = 40
#: How many headline-like lines in a row can be a headline and its subtitles.
MAX_HEADLINE_RUN: Final = 4
#: A label some pages print before the headline.
TITLE_LABEL: Final = re.compile(r"^(?:기사\s*)?(?:제목|Title|TITLE)\s*[:：]\s*")
#: A line that is all one bracketed label (``[청년 주거 리포트 ③]``, ``<기획연재>``, ``【단독】``).
BRACKETED_LABEL: Final = re.compile(r"\[[^\[\]]+\]|<[^<>]+>|【[^【】]+】|〈[^〈〉]+〉|《[^《》]+》")
#: Subtitle and list markers: a line opening with one is not the headline.
SUBTITLE_MARKS: Final = ("-", "–", "—", "▶", "▷", "■", "□", "◆", "◇", "●", "ㆍ", "…", "☞", "※")


def title_text(line: Line) -> str:
    """The headline as the page gives it, without a label before it (``제목 : …`` on a board-style page)."""
    return TITLE_LABEL.sub("", line.text)


def is_headline(line: Line) -> bool:
    """Could be a headline: a line of words, not a list entry, a label or a known line type (nor a
    date after an unknown label), not a label in brackets (``[청년 주거 리포트 ③]``, a series name),
    and not the repeat of a line printed further up (a program or section name from the menu)."""
    return (line.kind in (LineKind.OTHER, LineKind.SENTENCE) and not line.is_item and not line.repeated
            and line.date is None and len(line.text) >= MIN_TITLE_CHARS and not line.text.startswith(SUBTITLE_MARKS)
            and not BRACKETED_LABEL.fullmatch(line.text))


def is_navigation(line: Line) -> bool:
    """Site navigation: a menu bar, a breadcrumb (``홈 > 경제``), login and search links, a
    ticker, a list of other stories or a footer."""
    return line.kind is LineKind.MENU or line.chrome in (ChromeKind.NAVIGATION, ChromeKind.LIST)


def is_anchor(line: Line) -> bool:
    """A meta line of the article's head: its date (not a site clock or a calendar page) or byline."""
    if line.kind is LineKind.DATE:
        return line.date is not None and line.date.kind is not DateKind.CLOCK and not line.date.calendar
    return line.kind is LineKind.BYLINE


def _above(lines: Sequence[Line], start: int) -> list[int]:
    """Non-blank lines from ``start`` up, within reach, stopping at the site's navigation."""
    out = []
    for i in range(start, -1, -1):
        if lines[i].kind is LineKind.BLANK:
            continue
        if is_navigation(lines[i]) or len(out) >= HEAD_REACH:
            break
        out.append(i)
    return out


def find_title(lines: Sequence[Line], body: Body, *, hint: str = "") -> int | None:
    """The index of the headline, or ``None`` when the head has no headline-like line.

    ``hint`` is a headline known from elsewhere (an HTML page's own title metadata): a line of
    the head that reads exactly so is the headline.
    """
    above = _above(lines, body.start - 1)
    hinted = next((i for i in above if hint and lines[i].text == hint), None)
    if hinted is not None:
        return hinted
    anchor = next((k for k, i in enumerate(above) if is_anchor(lines[i])), None)
    candidates = above if anchor is None else above[anchor + 1:]
    first = next((k for k, i in enumerate(candidates) if is_headline(lines[i])), None)
    if first is None and anchor is not None:  # the date sits above the headline: 2022.06.14 | 인터뷰
        candidates = above[:anchor]
        first = next((k for k, i in enumerate(candidates) if is_headline(lines[i])), None)
    if first is None:
        return None
    top = first
    while (top + 1 < len(candidates) and top - first + 1 < MAX_HEADLINE_RUN
           and is_headline(lines[candidates[top + 1]])):
        top += 1
    return candidates[top]
