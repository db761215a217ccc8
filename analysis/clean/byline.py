"""Stage: the byline — a reporter's line near the body, the dateline opening the first paragraph
(``(서울=연합뉴스) 홍길동 기자 =``) and an e-mail left at the end of the last one.

Example:
    >>> cut_dateline(["(서울=연합뉴스) 홍길동 기자 = 정부가 새 정책을 발표했다."], byline="")
    (['정부가 새 정책을 발표했다.'], '홍길동 기자', '(서울=연합뉴스) 홍길동 기자 =')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .body import Body
from .lines import Line, LineKind, cleaner_lists
from .text import EMAIL

#: How far after the body's last line a byline line is looked for.
BYLINE_REACH: Final = 8
REPORTER: Final = re.compile(r"[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*\s*(?:기자|특파원|통신원)")


def find_byline(lines: Sequence[Line], body: Body) -> int | None:
    """The first byline line inside the body's run or just after it."""
    return next((i for i in range(body.start, min(len(lines), body.end + BYLINE_REACH))
                 if lines[i].kind is LineKind.BYLINE), None)


def cut_dateline(paragraphs: list[str], *, byline: str) -> tuple[list[str], str, str]:
    """Cut a dateline prefix off the first paragraph.

    Returns:
        The paragraphs, the byline (the dateline's reporter when there was none, or joined with
        a bare e-mail byline) and the cut prefix (``""`` if there was none).
    """
    if not paragraphs:
        return paragraphs, byline, ""
    first = paragraphs[0]
    for pattern in cleaner_lists().bylines["DATELINE"]:
        m = pattern.match(first)
        if m and m.end() < len(first):
            reporter = REPORTER.search(m.group(0))
            if reporter and not byline:
                byline = reporter.group(0)
            elif reporter and EMAIL.fullmatch(byline):  # "홍길동 기자" + "hong@yna.co.kr"
                byline = f"{reporter.group(0)} {byline}"
            return [first[m.end():].lstrip(), *paragraphs[1:]], byline, m.group(0).strip()
    return paragraphs, byline, ""


def cut_trailing_email(paragraphs: list[str], *, byline: str) -> tuple[list[str], str]:
    """An e-mail left at the end of the last paragraph (``… 말했다. hong@yna.co.kr``) is the
    byline (unless there is one) and leaves the paragraph."""
    if paragraphs:
        last = paragraphs[-1]
        m = EMAIL.search(last)
        if m and m.end() == len(last) and m.start() > 0:
            return [*paragraphs[:-1], last[: m.start()].rstrip()], byline or m.group(0)
    return paragraphs, byline
