"""Stage: the byline — the reporter's line at the end of the body or in the article's head, the
dateline opening the first paragraph (``(서울=연합뉴스) 홍길동 기자 =``), a broadcaster's sign-off
closing it (``MBC 뉴스 최유진입니다.``) and an e-mail left at the end of the last paragraph.

A byline is given as ``이름 기자`` (several names as written, ``김철수·이영희 기자``) plus `` e-mail``
when the page gives one; outlet and role prefixes (``[세계뉴스``, ``글·사진``) are dropped.

Example:
    >>> normalize_byline("글·사진 박지수 기자")
    '박지수 기자'
    >>> cut_dateline(["(서울=연합뉴스) 홍길동 기자 = 정부가 새 정책을 발표했다."], byline="")
    (['정부가 새 정책을 발표했다.'], '홍길동 기자', '(서울=연합뉴스) 홍길동 기자 =')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Final

from .body import Body
from .kinds import ChromeKind, LineKind
from .lines import Line, byline_regex, cleaner_lists
from .text import EMAIL, alternation

#: How far after the body's last line a byline line is looked for.
BYLINE_REACH: Final = 8
REPORTER: Final = re.compile(r"[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*\s*(?:기자|특파원|통신원)")


def normalize_byline(text: str) -> str:
    """``이름 기자`` plus `` e-mail`` from a byline line or part, prefixes and brackets dropped."""
    m = byline_regex().fullmatch(text)
    if not m:
        return text
    people = re.sub(r"\s+", " ", m["people"]).strip()
    return f"{people} {m['email']}" if m["email"] else people


@cache
def signoff_regex() -> re.Pattern[str]:
    """A broadcaster's closing line: ``MBC 뉴스 최유진입니다.``, ``제주에서 YTN 고재형입니다.``."""
    broadcasters = alternation(cleaner_lists().broadcasters)
    return re.compile(rf"(?:[가-힣 ]{{1,20}}에서\s+)?(?:{broadcasters})\s*(?:뉴스\s*)?"
                      rf"(?P<name>[가-힣]{{2,4}})(?:\s*(?:기자|특파원))?(?:입니다|이었습니다|였습니다)\.?")


def find_byline(lines: Sequence[Line], body: Body, *, title: int | None) -> int | None:
    """The reporter's line: the first byline line from the body to just after it (up to a list
    of other stories), else the last one in the article's head (between the headline and the
    body; a date line with a byline part counts)."""
    for i in range(body.start, min(len(lines), body.end + 1 + BYLINE_REACH)):
        if lines[i].chrome is ChromeKind.LIST and i > body.end:
            break
        if lines[i].kind is LineKind.BYLINE:
            return i
    top = title + 1 if title is not None else max(0, body.start - BYLINE_REACH)
    return next((i for i in range(body.start - 1, top - 1, -1) if lines[i].byline), None)


def cut_signoff(paragraphs: list[str], *, byline: str) -> tuple[list[str], str, str]:
    """A broadcaster's sign-off closing the body leaves it and names the reporter (unless a
    byline was found). Returns the paragraphs, the byline and the cut line (``""`` if none)."""
    if paragraphs:
        m = signoff_regex().fullmatch(paragraphs[-1])
        if m:
            return paragraphs[:-1], byline or f"{m['name']} 기자", paragraphs[-1]
    return paragraphs, byline, ""


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
