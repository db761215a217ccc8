"""Stage: the headline.

Example:
    >>> from analysis.clean.body import find_body
    >>> from analysis.clean.lines import classify_lines
    >>> lines = classify_lines("홈\\n새 정책 내년 시행\\n정부가 새 정책을 발표했다. 내년부터 시행된다.")
    >>> find_title(lines, find_body(lines), date=None)
    1
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from .body import Body
from .lines import Line, LineKind

#: Shortest line taken for a headline.
MIN_TITLE_CHARS: Final = 6


def find_title(lines: Sequence[Line], body: Body, *, date: int | None) -> int | None:
    """The nearest headline-like line above the date line (or above the body, whichever is first)."""
    anchor = body.start if date is None else min(date, body.start)
    for i in range(anchor - 1, -1, -1):
        line = lines[i]
        if line.kind in (LineKind.OTHER, LineKind.SENTENCE) and not line.is_item and len(line.text) >= MIN_TITLE_CHARS:
            return i
    return None
