"""Stage 2: find the article body, the densest run of prose on the page.

Sentence-like lines count for their length; list items, chrome and short lines that are not
sentences count against. The body is the maximum-sum segment (as in Boilerpipe and jusText):
headline lists, tickers and footers lose because they are runs of short non-sentences,
wherever they sit and whatever the site calls them.

Example:
    >>> from analysis.clean.lines import classify_lines
    >>> lines = classify_lines("홈\\n정치\\n정부가 새 정책을 발표했다. 내년부터 시행된다.\\n• 많이 본 뉴스")
    >>> find_body(lines)
    Body(start=2, end=2, paragraphs=(2,))
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, NamedTuple

from .lines import Line, LineKind

#: Scores for the densest-segment search (characters of sentence-like text are +1 each).
CHROME_PENALTY: Final = 40
LIST_ITEM_PENALTY: Final = 40
SHORT_LINE_PENALTY: Final = 25
#: A non-sentence line inside the body is kept when it is at least this long (a paragraph that
#: lacks its final period); shorter ones (subheads, "ADVERTISEMENT") are chrome.
KEEP_UNTERMINATED_MIN: Final = 60


class Body(NamedTuple):
    """Where the body is: the first and last line of its run, and the lines that are paragraphs."""

    start: int
    end: int
    paragraphs: tuple[int, ...]


def line_score(line: Line) -> int:
    """How much a line adds to (or takes from) a run of body text."""
    match line.kind:
        case LineKind.SENTENCE:
            return len(line.text)
        case LineKind.DATE:
            return -SHORT_LINE_PENALTY
        case LineKind.CHROME:
            return -CHROME_PENALTY
        case LineKind.ITEM:
            return -max(LIST_ITEM_PENALTY, len(line.text))
        case LineKind.OTHER:
            return len(line.text) // 2 if len(line.text) >= KEEP_UNTERMINATED_MIN else -SHORT_LINE_PENALTY
        case _:
            return 0


def densest_run(scores: Sequence[int]) -> tuple[int, int]:
    """The maximum-sum segment of ``scores`` (Kadane) as ``(first, last)``; ``(0, -1)`` if none is positive."""
    best, best_lo, best_hi = 0, 0, -1
    run, run_lo = 0, 0
    for i, s in enumerate(scores):
        if run <= 0:
            run, run_lo = s, i
        else:
            run += s
        if run > best:
            best, best_lo, best_hi = run, run_lo, i
    return best_lo, best_hi


def is_paragraph(line: Line) -> bool:
    """Inside the body's run, a line is a paragraph if it is prose (or long unterminated prose)."""
    return line.kind is LineKind.SENTENCE or (line.kind is LineKind.OTHER and len(line.text) >= KEEP_UNTERMINATED_MIN)


def find_body(lines: Sequence[Line]) -> Body:
    """The body's run and its paragraph lines."""
    lo, hi = densest_run([line_score(line) for line in lines])
    return Body(lo, hi, tuple(i for i in range(lo, hi + 1) if is_paragraph(lines[i])))
