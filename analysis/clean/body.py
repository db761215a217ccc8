"""Stage 2: find the article body, the densest run of prose on the page, with its structure.

Sentence-like lines count for their length; list items, chrome and short lines that are not
sentences count against. The body is the maximum-sum segment (as in Boilerpipe and jusText):
headline lists, tickers and footers lose because they are runs of short non-sentences,
wherever they sit and whatever the site calls them. The run never crosses a line that ends an
article (a copyright notice, a publisher's footer, the start of the comments).

Inside the run, what sits between sentence-like paragraphs is the article's own structure and
is kept as written: numbered items (``1. …``), subheads (``▶ 첫 번째 과제``), interview questions
(``-소감은?``), a quote alone in its paragraph, labels (``출처 : 통계청``). Chrome, captions,
bylines and date lines are not, and neither is a list of other stories under its header
(``관련기사`` and the headlines below it, up to the next sentence).

Example:
    >>> from analysis.clean.lines import classify_lines
    >>> lines = classify_lines("홈\\n정치\\n정부가 새 정책을 발표했다. 내년부터 시행된다.\\n• 많이 본 뉴스")
    >>> find_body(lines)
    Body(start=2, end=2, paragraphs=(2,))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Final, NamedTuple

from ..resources import data_path, load_patterns
from .kinds import ChromeKind, LineKind
from .lines import Line
from .text import SENTENCE_END

#: Scores for the densest-segment search (characters of sentence-like text are +1 each).
CHROME_PENALTY: Final = 40
LIST_ITEM_PENALTY: Final = 40
SHORT_LINE_PENALTY: Final = 25
#: Most lines of in-article material (subheads, list entries, captions, ads) the body reaches across.
MAX_GAP: Final = 8
#: Longest line that is a subhead (``▶ 첫 번째 과제``) rather than a subtitle of the head.
MAX_SUBHEAD_CHARS: Final = 16
#: A line that is not a sentence still counts for the body when it is at least this long (a
#: paragraph that lacks its final period).
KEEP_UNTERMINATED_MIN: Final = 60


@cache
def body_notes() -> tuple[re.Pattern[str], ...]:
    """The patterns of ``analysis/data/body_notes.txt``."""
    return load_patterns(data_path("body_notes.txt"))


class Body(NamedTuple):
    """Where the body is: the first and last line of its run, and the lines that are paragraphs."""

    start: int
    end: int
    paragraphs: tuple[int, ...]


def is_prose(line: Line) -> bool:
    """A sentence, a list item that is one (``1. 정부는 …했다.``), or a long unterminated paragraph."""
    if line.kind is LineKind.SENTENCE:
        return True
    if line.kind is LineKind.ITEM:
        return bool(SENTENCE_END.search(line.text)) and len(line.text) >= KEEP_UNTERMINATED_MIN // 3
    return line.kind is LineKind.OTHER and len(line.text) >= KEEP_UNTERMINATED_MIN


def line_score(line: Line) -> int:
    """How much a line adds to (or takes from) a run of body text."""
    if is_prose(line):
        return len(line.text) if line.kind is not LineKind.OTHER else len(line.text) // 2
    match line.kind:
        case LineKind.DATE | LineKind.OTHER:
            return -SHORT_LINE_PENALTY
        case LineKind.CHROME | LineKind.MENU:
            return -CHROME_PENALTY
        case LineKind.ITEM:
            return -max(LIST_ITEM_PENALTY, len(line.text))
        case _:
            return 0


def densest_run(scores: Sequence[int]) -> tuple[int, int, int]:
    """The maximum-sum segment of ``scores`` (Kadane) as ``(first, last, sum)``; ``(0, -1, 0)`` if none is positive."""
    best, best_lo, best_hi = 0, 0, -1
    run, run_lo = 0, 0
    for i, s in enumerate(scores):
        if run <= 0:
            run, run_lo = s, i
        else:
            run += s
        if run > best:
            best, best_lo, best_hi = run, run_lo, i
    return best_lo, best_hi, best


def body_run(lines: Sequence[Line]) -> tuple[int, int]:
    """The densest run of lines that does not cross a date or byline line, navigation or the end
    of the article (:func:`stops_body`)."""
    scores = [line_score(line) for line in lines]
    ends = [i for i, line in enumerate(lines) if stops_body(line)]
    best = (0, -1, 0)
    for lo, hi in zip([0, *(e + 1 for e in ends)], [*ends, len(lines)], strict=True):
        first, last, total = densest_run(scores[lo:hi])
        if total > best[2]:
            best = (lo + first, lo + last, total)
    return best[0], best[1]


def stops_body(line: Line) -> bool:
    """A line the body never reaches across: a date or byline line (the article's head or foot;
    a date after an unknown label too: ``닉네임 2024.03.04 13:05`` opens a comment), navigation, a
    menu bar, or the end of the article."""
    return (line.kind in (LineKind.DATE, LineKind.BYLINE, LineKind.MENU) or line.date is not None
            or line.chrome in (ChromeKind.NAVIGATION, ChromeKind.END))


def list_lines(lines: Sequence[Line]) -> list[bool]:
    """Which lines belong to a list of other stories: those under a list header (``관련기사``),
    up to the next line of prose."""
    out, inside = [], False
    for line in lines:
        if line.chrome is ChromeKind.LIST:
            inside = True
        elif is_prose(line) and line.kind is not LineKind.ITEM:
            inside = False
        out.append(inside)
    return out


def _next_prose(lines: Sequence[Line], start: int, step: int, in_list: Sequence[bool]) -> int | None:
    """The next prose line from ``start`` in direction ``step`` if only in-article material
    (structure lines, captions, in-body chrome, at most :data:`MAX_GAP` of them) lies between.

    Going up, a headline-like line (:data:`MAX_SUBHEAD_CHARS` or longer, not a list entry) ends
    the search: above the body's first paragraph such lines are the head's subtitles, and prose
    above them is not the article's (a reader widget's sample sentence, a teaser).
    """
    gap = 0
    i = start
    while 0 <= i < len(lines):
        line = lines[i]
        if is_prose(line):
            return i
        if stops_body(line) or (step < 0 and line.kind is LineKind.OTHER and len(line.text) >= MAX_SUBHEAD_CHARS
                                and not in_list[i]):
            return None
        if line.kind is not LineKind.BLANK:
            gap += 1
            if gap > MAX_GAP:
                return None
        i += step
    return None


def extend_run(lines: Sequence[Line], lo: int, hi: int, *, in_list: Sequence[bool]) -> tuple[int, int]:
    """Grow the densest run over short gaps of in-article material to the prose beyond them
    (a lead above a numbered list, a paragraph below a block of related links), then over the
    notes that close the body (``출처 : …``, ``analysis/data/body_notes.txt``)."""
    if hi < lo:
        return lo, hi
    while (j := _next_prose(lines, hi + 1, 1, in_list)) is not None:
        hi = j
    while (j := _next_prose(lines, lo - 1, -1, in_list)) is not None:
        lo = j
    for j in range(hi + 1, len(lines)):
        line = lines[j]
        if line.kind is LineKind.BLANK:
            continue
        if stops_body(line) or line.kind is not LineKind.OTHER or not any(p.fullmatch(line.text) for p in body_notes()):
            break
        hi = j
    return lo, hi


def is_structure(line: Line) -> bool:
    """A line that belongs to the body when it sits between its paragraphs."""
    return line.kind in (LineKind.OTHER, LineKind.ITEM, LineKind.SENTENCE)


def find_body(lines: Sequence[Line]) -> Body:
    """The body's run and its paragraph lines."""
    in_list = list_lines(lines)
    lo, hi = extend_run(lines, *body_run(lines), in_list=in_list)
    return Body(lo, hi, tuple(i for i in range(lo, hi + 1) if is_structure(lines[i]) and not in_list[i]))
