"""Stage: the byline, put together from every place a page credits its reporters.

- the byline lines that close the body (``박민수 기자`` and ``parkms@…`` on the next line, or one
  line per reporter with their e-mail);
- the credits in the article's head (``기자명 박민수 기자``, ``김민지 기자 | 입력 …``);
- the dateline opening the first paragraph (``(서울=연합뉴스) 홍길동 기자 =``, ``[스포츠온 김도윤
  기자]``), cut off the paragraph;
- a broadcaster's sign-off closing the body (``HBS 뉴스 최유진입니다.``), cut off it, or a
  reporter introduced in a transcript (``최유진 기자가 보도합니다.``, kept in the body).

The people come from the first of these that names anyone, the e-mails from the byline lines;
:func:`analysis.clean.names.format_byline` writes them as one byline.

Example:
    >>> cut_dateline(["(서울=연합뉴스) 홍길동 기자 = 정부가 새 정책을 발표했다."])
    (['정부가 새 정책을 발표했다.'], Credit(people=(Person(name='홍길동', role='기자'),), emails=()), ['(서울=연합뉴스) 홍길동 기자 ='])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Final

from ..resources import data_path, load_words
from .body import Body
from .kinds import ChromeKind, LineKind
from .lines import Line
from .names import NAME, Credit, format_byline, named_email, parse_credit, people_pattern, roles
from .text import EMAIL, alternation

#: How many of the body's first paragraphs may open with the dateline.
DATELINE_REACH: Final = 3
#: How far after the body's last line a byline line is looked for.
BYLINE_REACH: Final = 8
#: A bracketed prefix of the first paragraph: ``(서울=연합뉴스)``, ``[스포츠온 김도윤 기자]``.
BRACKET_PREFIX: Final = re.compile(r"\s*[\[(【]\s*(?P<inside>[^\[\]()【】]{1,40}?)\s*[\])】]\s*")


@cache
def signoff_regex() -> re.Pattern[str]:
    """A broadcaster's closing line: ``MBC 뉴스 최유진입니다.``, ``제주에서 YTN 고재형입니다.``,
    ``누리TV뉴스 강서윤입니다.`` (``broadcasters.txt``, or any Latin or …TV/…뉴스 outlet)."""
    broadcasters = alternation(load_words(data_path("broadcasters.txt")))
    outlet = rf"(?:{broadcasters}|[A-Z][A-Za-z0-9]{{1,9}}|[가-힣A-Za-z0-9]{{1,10}}(?:TV|뉴스|방송))"
    return re.compile(rf"(?:[가-힣 ]{{1,20}}에서\s+)?{outlet}\s*(?:뉴스\s*)?(?P<name>{NAME})(?:\s*(?:{alternation(roles())}))?"
                      rf"(?:입니다|이었습니다|였습니다)\.?")


@cache
def intro_regex() -> re.Pattern[str]:
    """A transcript introducing its reporter: ``최유진 기자가 보도합니다`` (``report_intros.txt``)."""
    intros = alternation(load_words(data_path("report_intros.txt")))
    return re.compile(rf"(?P<name>{NAME})\s*(?P<role>{alternation(roles())})(?:가|이|와|과)?\s*(?:{intros})")


@cache
def dateline_people_regex() -> re.Pattern[str]:
    """The reporters of a dateline, closed by ``=``: ``홍길동 기자 =``, ``오세린 한도윤 기자 =``."""
    return re.compile(rf"\s*(?P<people>{people_pattern()})\s*[=＝]\s*")


def end_block(lines: Sequence[Line], body: Body) -> list[int]:
    """The byline lines closing the body: the first byline line from the body to just after it
    (up to a list of other stories), the byline lines right below it, and an e-mail line a few
    lines further down past the date, buttons and the reporter's bio."""
    first = None
    for i in range(body.start, min(len(lines), body.end + 1 + BYLINE_REACH)):
        if lines[i].chrome is ChromeKind.LIST and i > body.end:
            break
        if lines[i].kind is LineKind.BYLINE:
            first = i
            break
    if first is None:
        return []
    block = [first]
    names = tuple(p.name for p in lines[first].credit.people) if lines[first].credit else ()
    for i in range(first + 1, min(len(lines), first + 1 + BYLINE_REACH)):
        line = lines[i]
        right_below = all(lines[k].kind is LineKind.BLANK for k in range(block[-1] + 1, i))
        if line.kind is LineKind.BYLINE and (right_below or not (line.credit and line.credit.people)):
            block.append(i)  # the next reporter's line, or the e-mail a few lines down
        elif not (line.kind in (LineKind.BLANK, LineKind.DATE) or line.chrome is ChromeKind.FURNITURE
                  or (names and line.kind is LineKind.SENTENCE and line.text.startswith(names))):
            break  # past the date, buttons and the reporter's bio (배준호 기자는 …) the byline block ends
    return block


def named_emails(lines: Sequence[Line], body: Body, credits: Sequence[Credit | None]) -> list[tuple[int, Credit]]:
    """Lines just below the body that give a reporter the page credits elsewhere (``credits``:
    the head's byline, the dateline) an e-mail address: ``김하은 (haeun@…)`` under an article
    by ``김하은 기자``. Returns ``(line index, the e-mail as a credit)``."""
    names = {person.name for credit in credits if credit for person in credit.people}
    out = []
    for i in range(body.end + 1, min(len(lines), body.end + 1 + BYLINE_REACH)):
        if lines[i].chrome is not None and lines[i].chrome is not ChromeKind.FURNITURE:
            break
        found = named_email(lines[i].text) if lines[i].kind is LineKind.OTHER else None
        if found and found[0] in names:
            out.append((i, Credit(emails=(found[1],))))
    return out


def head_credits(lines: Sequence[Line], body: Body, *, title: int | None) -> list[int]:
    """The lines between the headline and the body that credit a reporter."""
    top = title + 1 if title is not None else max(0, body.start - BYLINE_REACH)
    return [i for i in range(top, body.start) if lines[i].credit is not None]


def dateline_of(paragraph: str) -> tuple[int, Credit | None] | None:
    """Where a dateline opening ``paragraph`` ends and the credit it gives, or ``None``."""
    end, credit = 0, None
    m = BRACKET_PREFIX.match(paragraph)
    if m:
        credit = parse_credit(m["inside"])
        if credit is not None or "=" in m["inside"]:
            end = m.end()
    people = dateline_people_regex().match(paragraph, end)
    if people:
        credit = parse_credit(people["people"])
        end = people.end()
    return (end, credit) if 0 < end < len(paragraph) else None


def cut_dateline(paragraphs: list[str]) -> tuple[list[str], Credit | None, list[str]]:
    """Cut a dateline prefix off the paragraph it opens — the first, or one of the first
    :data:`DATELINE_REACH`: the article starts there, and what the run had above it (a summary
    box, a subtitle ending in 다) is the head's.

    Returns:
        The paragraphs, the credit the dateline gives (``None`` if none) and what was cut (the
        paragraphs above it and the prefix; empty if there was no dateline).
    """
    for k, paragraph in enumerate(paragraphs[:DATELINE_REACH]):
        found = dateline_of(paragraph)
        if found is not None:
            end, credit = found
            cut = [*paragraphs[:k], paragraph[:end].strip()]
            return [paragraph[end:].lstrip(), *paragraphs[k + 1:]], credit, cut
    return paragraphs, None, []


def cut_signoff(paragraphs: list[str]) -> tuple[list[str], Credit | None, str]:
    """A broadcaster's sign-off closing the body, or a paragraph of the reporter introducing
    themselves anywhere in it, leaves it and names the reporter. Returns the
    paragraphs, the credit (``None`` if there is no sign-off) and the cut line (``""``)."""
    if paragraphs:
        m = signoff_regex().fullmatch(paragraphs[-1])
        if m:
            return paragraphs[:-1], parse_credit(f"{m['name']} 기자"), paragraphs[-1]
    for k, paragraph in enumerate(paragraphs):  # 박지훈 기자입니다.: a report opening after the anchor's lead
        m = self_intro_regex().fullmatch(paragraph)
        if m:
            return [*paragraphs[:k], *paragraphs[k + 1:]], parse_credit(f"{m['name']} {m['role']}"), paragraph
    return paragraphs, None, ""


@cache
def self_intro_regex() -> re.Pattern[str]:
    """A paragraph that is nothing but a reporter naming themselves: ``박지훈 기자입니다.``."""
    return re.compile(rf"(?P<name>{NAME})\s*(?P<role>{alternation(roles())})(?:입니다|이었습니다|였습니다)\.?")


def introduced_reporter(paragraphs: Sequence[str]) -> Credit | None:
    """A reporter a transcript introduces (``최유진 기자가 보도합니다.``, ``사회부 하예린 기자 나와 있습니다.``)."""
    for paragraph in paragraphs:
        m = intro_regex().search(paragraph)
        if m:
            return parse_credit(f"{m['name']} {m['role']}")
    return None


def cut_trailing_email(paragraphs: list[str]) -> tuple[list[str], Credit | None]:
    """An e-mail left at the end of the last paragraph (``… 말했다. hong@yna.co.kr``) leaves it."""
    if paragraphs:
        last = paragraphs[-1]
        m = EMAIL.search(last)
        if m and m.end() == len(last) and m.start() > 0:
            return [*paragraphs[:-1], last[: m.start()].rstrip()], Credit(emails=(m.group(0),))
    return paragraphs, None


def compose_byline(end: Sequence[Credit], head: Sequence[Credit], others: Sequence[Credit | None]) -> str:
    """One byline from the credits found: the people of the first source naming anyone (the end
    block, the head, then ``others`` in order), the e-mails of the end block and the head."""
    if any(c.people for c in end):
        credits = list(end) if any(c.emails for c in end) else [*end, *(Credit(emails=c.emails) for c in head)]
        return format_byline(credits)
    emails = [Credit(emails=c.emails) for c in (*end, *head, *(o for o in others if o)) if c.emails]
    for source in (head, *([o] for o in others if o)):
        people = [Credit(people=c.people) for c in source if c.people]
        if people:
            return format_byline([*people, *emails])
    return format_byline(emails)
