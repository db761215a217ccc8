"""Stage: photo captions, kept apart from the body.

Example:
    >>> from analysis.clean.lines import classify_lines
    >>> lines = classify_lines("▲ 시청 앞 광장 (사진=독자 제공)\\n정부가 새 정책을 발표했다. 내년부터 시행된다.")
    >>> find_captions(lines, end=1)
    [(0, '시청 앞 광장 (사진=독자 제공)')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .kinds import ChromeKind
from .lines import Line, LineKind

#: How many lines below the body a caption of the article is looked for.
CAPTION_FOOT_REACH: Final = 4
#: The marker some sites put before a caption (dropped from the caption).
CAPTION_MARKER: Final = re.compile(r"^(?:[▲△■□◆◇▶▷☞]\s*)+")  # twice when an HTML figcaption opens with its own ▲


def find_captions(lines: Sequence[Line], *, end: int) -> list[tuple[int, str]]:
    """``(line index, caption)`` for every caption from the top of the page to ``end`` (the
    body's last line); a caption printed twice is listed once, with its first line, and a caption
    written over several lines (its credit on the next one) once, whole."""
    out: list[tuple[int, str]] = []
    seen: set[str] = set()
    for i in range(0, end + 1):
        if lines[i].kind is LineKind.CAPTION:
            caption = lines[i].caption if lines[i].caption is not None else CAPTION_MARKER.sub("", lines[i].text)
            if caption and caption not in seen:
                seen.add(caption)
                out.append((i, caption))
    return out


def captions_end(lines: Sequence[Line], body_end: int) -> int:
    """The last line the article's captions may stand on: the body's last line, or a caption
    below it (a photo closing the article) before the byline block ends, within
    :data:`CAPTION_FOOT_REACH` lines and before any footer, list or further prose."""
    end = body_end
    for i in range(body_end + 1, min(len(lines), body_end + 1 + CAPTION_FOOT_REACH)):
        line = lines[i]
        if line.chrome in (ChromeKind.END, ChromeKind.LIST, ChromeKind.NAVIGATION) or line.kind is LineKind.SENTENCE:
            break
        if line.kind is LineKind.CAPTION:
            end = i
    return end


def caption_lines(lines: Sequence[Line], *, end: int) -> list[int]:
    """Every caption line up to ``end``, repeats included (they are all taken out of the page)."""
    return [i for i in range(0, end + 1) if lines[i].kind is LineKind.CAPTION]
