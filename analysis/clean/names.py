"""Reporters' credits: read a byline (``글·사진 박지수 기자``, ``[스포츠온=런던, 정세훈 통신원]``,
``By 이준호, 최가영 기자``) into people and e-mails, and write it back the one way the cleaner
gives bylines: ``이름 기자`` for each reporter (a title ending in 기자, such as 시민기자, is given as
기자; 특파원 and 통신원 stay), joined with ``, ``, each reporter's e-mail after them when every
reporter has one, else the e-mails at the end.

The titles and the prefixes a credit may carry are word lists in ``analysis/data``
(``reporter_roles.txt``, ``byline_prefixes.txt``).

Example:
    >>> credit = parse_credit("By 이준호, 최가영 기자")
    >>> format_byline([credit])
    '이준호 기자, 최가영 기자'
    >>> format_byline([parse_credit("권태오 기자 taeoh@news.example.kr"), parse_credit("민소라 기자 sora@news.example.kr")])
    '권태오 기자 taeoh@news.example.kr, 민소라 기자 sora@news.example.kr'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Final

from ..resources import data_path, load_words
from .text import EMAIL, alternation

#: A Korean personal name; a word ending in 부 or 팀 is a desk (사회부, 취재팀), not a name.
NAME: Final = r"[가-힣]{2,4}"
DESK_END: Final = ("부", "팀")
#: Prefixes that name the article's writer before the name (``글 김철수``, ``기자명 : 문서진``); the
#: other credit prefixes (사진, 편집, 촬영) name the crew.
WRITER_PREFIXES: Final = ("기자명", "글", "취재", "작성자", "필자", "By", "by", "Reporter", "Reporters", "Written by")
#: Longest line read as a credit (several reporters, each with an e-mail).
MAX_CREDIT_CHARS: Final = 160


@dataclass(frozen=True, slots=True)
class Person:
    """One reporter: a name and the title written after it (기자, 특파원 …)."""

    name: str
    role: str

    def __str__(self) -> str:
        return f"{self.name} {self.role}"


@dataclass(frozen=True, slots=True)
class Credit:
    """The people and e-mail addresses one byline line or part gives."""

    people: tuple[Person, ...] = ()
    emails: tuple[str, ...] = ()


@cache
def roles() -> tuple[str, ...]:
    return load_words(data_path("reporter_roles.txt"))


@cache
def surnames() -> tuple[str, ...]:
    """Common Korean surnames (``surnames.txt``, shared with the quote attribution): a name
    without a title after it (``기자 | 문서진``) must start with one (``기자 페이지`` is a button)."""
    return load_words(data_path("surnames.txt"))


@cache
def prefixes() -> tuple[str, ...]:
    return load_words(data_path("byline_prefixes.txt"))


@cache
def role_pattern() -> str:
    """An alternation of the titles of ``reporter_roles.txt``, not followed by more syllables."""
    return rf"(?:{alternation(roles())})(?![가-힣])"


@cache
def name_pattern() -> str:
    """A name: not a title itself (``엄지우 시민기자`` is not ``시민 기자``), and ending where its word
    ends or its title begins, so a run of syllables splits into names one way only (no
    backtracking blow-up on long lines)."""
    return rf"(?!{role_pattern()}){NAME}(?=[\s,·/]|{role_pattern()})"


@cache
def people_pattern() -> str:
    """Names followed by one title: ``오세린 한도윤 기자``, ``이준호, 최가영 기자``."""
    name = name_pattern()
    return rf"(?:{name})(?:(?:\s*[,·/]\s*|\s+)(?:{name}))*\s*{role_pattern()}"


@cache
def credit_regex() -> re.Pattern[str]:
    """A whole credit: optional role prefixes (``글·사진``, ``[취재]``, ``By``), an outlet or a place
    (``[스포츠온=런던,``, ``[서해타임즈``, ``/순천=``: a regional paper's dateline after the last
    paragraph), names with their titles, an optional e-mail."""
    prefix = f"(?:{alternation(prefixes())})"
    group = people_pattern()
    lead = (rf"(?:/\s*)?(?:[\[(<【]\s*)?(?:{prefix}(?:\s*[·/]\s*{prefix})*\s*[\])>】]?\s*[=:：]?\s*)?"
            rf"(?:[가-힣A-Za-z0-9]{{1,12}}\s*[=/]\s*(?:[가-힣A-Za-z]{{1,10}}\s*,\s*)?)?"
            rf"(?:(?:[가-힣]{{5,12}}|[가-힣0-9]*[A-Za-z0-9][가-힣A-Za-z0-9]*)\s+(?={group}))?")
    people = rf"(?P<people>{group}(?:\s*[,·]?\s*(?:{prefix}\s*[=:：]?\s*)?{group})*)"
    email = rf"(?:\s*[/|·,=]?\s*[(<\[]?\s*{EMAIL.pattern}\s*[)>\]]?)?"
    return re.compile(rf"{lead}{people}\s*[\])>】]?{email}")


@cache
def _person_regex() -> re.Pattern[str]:
    name = name_pattern()
    return re.compile(rf"(?P<names>(?:{name})(?:(?:\s*[,·/]\s*|\s+)(?:{name}))*)\s*(?P<role>{alternation(roles())})(?![가-힣])")


@cache
def outlet_words() -> tuple[str, ...]:
    return load_words(data_path("outlet_words.txt"))


def is_desk_or_outlet(word: str) -> bool:
    """A word before a reporter's name that is not a name: a desk (사회부, 취재팀) or an outlet
    (세계뉴스, 스포츠온: ``analysis/data/outlet_words.txt``)."""
    return word.endswith(DESK_END) or any(w in word for w in outlet_words())


def _people(text: str) -> tuple[Person, ...]:
    out: list[Person] = []
    for m in _person_regex().finditer(text):
        role = "기자" if m["role"].endswith("기자") else m["role"]
        names = [n for n in re.split(r"\s*[,·/]\s*|\s+", m["names"]) if n]
        if len(names) > 1 and m.end("names") == m.start("role") and not names[-1].startswith(surnames()):
            names.pop()  # glued to the title and no name: part of it (허지민 의학전문기자)
        for name in names:
            if not is_desk_or_outlet(name) and all(p.name != name for p in out):
                out.append(Person(name, role))
    return tuple(out)


def _may_credit(text: str) -> bool:
    """Cheap test before the regular expressions: a credit names a title or opens with a prefix."""
    return len(text) <= MAX_CREDIT_CHARS and (any(r in text for r in roles()) or text.startswith(WRITER_PREFIXES))


@cache
def role_first_regex() -> re.Pattern[str]:
    """A credit that names the title or a writer's prefix first and the reporters after it,
    without a title of their own: ``기자 | 문서진``, ``기자명 : 문서진``, ``Reporter 문서진, 한별``
    (each name must start with a common surname)."""
    heads = alternation((*roles(), *WRITER_PREFIXES))
    name = rf"(?!{role_pattern()}){NAME}(?![가-힣])"
    return re.compile(rf"(?:{heads})(?:\s*[:：|=]\s*|\s+)(?P<names>{name}(?:\s*[,·]\s*{name})*)"
                      rf"(?:\s*[(<\[]?\s*(?P<email>{EMAIL.pattern})\s*[)>\]]?)?")


def parse_credit(text: str) -> Credit | None:
    """The credit a whole line (or line part) gives, or ``None`` if it is not a byline."""
    text = text.strip()
    if EMAIL.fullmatch(text):
        return Credit(emails=(text,))
    if not _may_credit(text):
        return None
    m = credit_regex().fullmatch(text)
    if not m:
        first = role_first_regex().fullmatch(text)
        names = [n for n in re.split(r"\s*[,·]\s*", first["names"]) if n.startswith(surnames())] if first else []
        return Credit(tuple(Person(n, "기자") for n in names), tuple(EMAIL.findall(text))) if names else None
    people = _people(m["people"])
    return Credit(people, tuple(EMAIL.findall(text))) if people else None


#: A name and an e-mail address alone on a line (``김하은 (haeun@…)``).
NAMED_EMAIL: Final = re.compile(rf"(?P<name>{NAME})\s*[(<\[]?\s*(?P<email>{EMAIL.pattern})\s*[)>\]]?")


def named_email(text: str) -> tuple[str, str] | None:
    """A name and an e-mail address, and nothing else (``김하은 (haeun@…)``): ``(name, email)``,
    or ``None``. Whether the name is a reporter's is for the page to say."""
    m = NAMED_EMAIL.fullmatch(text.strip())
    return (m["name"], m["email"]) if m else None


def credit_prefix(text: str) -> tuple[Credit, int] | None:
    """A credit opening ``text`` (``By 정다은 기자 Posted : …``) and where it ends, or ``None``."""
    if not any(r in text[:MAX_CREDIT_CHARS] for r in roles()):
        return None
    m = credit_regex().match(text)
    end = len(m.group(0).rstrip()) if m else 0
    if not m or (end < len(text) and not text[end].isspace()):
        return None
    people = _people(m["people"])
    return (Credit(people, tuple(EMAIL.findall(m.group(0)))), end) if people else None


def format_byline(credits: Iterable[Credit]) -> str:
    """Write credits as one byline (see the module's docstring)."""
    credits = list(credits)
    people = list(dict.fromkeys(p for c in credits for p in c.people))  # a reporter card printed twice is one
    emails = list(dict.fromkeys(e for c in credits for e in c.emails))
    paired = len(people) > 1 and all(len(c.emails) == len(c.people) for c in credits if c.people) and len(emails) == len(people)
    if paired:
        return ", ".join(f"{p} {e}" for p, e in zip(people, emails, strict=True))
    return " ".join(part for part in (", ".join(str(p) for p in people), " ".join(emails)) if part)
