"""Stage 3b: the article's cast — people, organisations and groups, every mention linked to one.

Before anything is attributed, each article's noun phrases outside quotes (:mod:`.mentions`) are
read into an inventory: a person with full name, surname, given name, the roles and affiliations
seen beside them and the other ways the article writes them (``오 시장``, ``토레스 대령``,
``드-라크루아 대변인``); an organisation with its full and short forms (``더불어민주당`` …
``민주당``); groups and unnamed sources as written (``유가족``, ``한 관계자``). A mention then
resolves to its entry (:meth:`Cast.canonical`), or stays as written when the article never names
it in full.

Example:
    >>> cast = Cast()
    >>> cast.add_person("오세훈", role="서울시장", affiliation="", mention=(0, 9, "오세훈 서울시장"))
    >>> cast.resolve("오", "시장")
    '오세훈'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, Literal

from .lexicon import Lexicon
from .mentions import ANONYMOUS, Mention, head_of, is_body, is_korean_name, mention_before, quoted
from .spans import Span
from .tokens import ArticleTokens

if TYPE_CHECKING:
    import pandas as pd

EntityKind = Literal["person", "organisation", "group"]
#: The columns of :func:`cast_frame`.
CAST_COLUMNS: Final = ("entity", "kind", "full_name", "surname", "given_name", "roles", "affiliations", "aliases",
                       "mentions")
#: A bracket that gives another name: an abbreviation or a short form (NASA, 민주당, KT&G), no digits or roles.
ALIAS: Final = re.compile(r"[A-Z][A-Za-z&.-]{1,11}|[가-힣]{2,6}")
#: What an organisation's name may look like: Hangul, Latin letters and digits (서울고법 형사 9부, KBS뉴스).
ORG_NAME: Final = re.compile(r"[가-힣A-Za-z][가-힣A-Za-z0-9·-]*(?: [가-힣A-Za-z0-9][가-힣A-Za-z0-9·-]*)*")


@dataclass(slots=True)
class Entity:
    """One person, organisation or group of an article, with every mention linked to it."""

    name: str  # the canonical name: a person's full name, an organisation's full form, a group as written
    kind: EntityKind
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, text as written)
    _seen: set[tuple[int, int, str]] = field(default_factory=set, repr=False)

    @property
    def surname(self) -> str:
        """A Korean name's first syllable; a Western name's last word; ``""`` for a group."""
        if self.kind != "person":
            return ""
        return self.name.split()[-1] if " " in self.name else self.name[:1]

    @property
    def given_name(self) -> str:
        if self.kind != "person":
            return ""
        return " ".join(self.name.split()[:-1]) if " " in self.name else self.name[1:]

    def _note(self, role: str, affiliation: str, alias: str, mention: tuple[int, int, str] | None) -> None:
        for value, into in ((role, self.roles), (affiliation, self.affiliations), (alias, self.aliases)):
            if value and value != self.name and value not in into:
                into.append(value)
        if mention is not None and mention not in self._seen:
            self._seen.add(mention)
            self.mentions.append(mention)


def _abbreviates(short: str, full: str) -> bool:
    """Whether organisation name ``short`` is a short form of ``full``: the tail of its one-word
    name's last word (민주당 of 더불어민주당), or syllables of its last word in order, from one of its first
    three syllables, ending inside it (합참 of 합동참모본부, 국토부 of 국토교통부, 인수위 of 제18대
    대통령직 인수위원회, 선관위 of 중앙선거관리위원회). A place before an organisation's name is
    no part of it, so 통일부 is no short form of 대한민국 통일부."""
    if " " in short or len(short) < 2:
        return False
    compact, last = full.replace(" ", ""), full.rsplit(" ", 1)[-1]
    if last == short:  # 대한민국 통일부, 전날 미국: words before a name are no part of it
        return False
    if last.endswith(short):  # 더불어민주당 … 민주당; 한빛대학교 총학생회 … 학생회
        return len(compact) >= len(short) + 2
    if len(last) < len(short) + 2:
        return False
    first = last.find(short[0], 0, 3)
    if first < 0:
        return False
    rest = iter(last[first + 1:])
    return all(ch in rest for ch in short[1:])


@dataclass(slots=True)
class Cast:
    """The people, organisations and groups one article names (in order of first mention)."""

    entities: dict[str, Entity] = field(default_factory=dict)
    #: Korean surnames of two syllables (남궁, 제갈): a short form 남궁 장관 is one, like 오 시장
    long_surnames: frozenset[str] = frozenset()
    #: who wrote or said each medium or document the article attributes, in text order
    #: (칼럼 → [(offset, 양상훈)] from 양상훈 주필의 칼럼)
    authors: dict[str, list[tuple[int, str]]] = field(default_factory=dict)

    # ----------------------------------------------------------------- building
    def add_person(self, name: str, *, role: str = "", affiliation: str = "", alias: str = "",
                   mention: tuple[int, int, str] | None = None) -> Entity | None:
        """Add (or complete) the person ``name`` (a full name)."""
        if not name:
            return None
        entity = self.entities.get(name)
        if entity is None:
            entity = self.entities[name] = Entity(name, "person")
        entity._note(role.split()[-1] if role else "", affiliation, alias, mention)
        return entity

    def add_organisation(self, name: str, *, mention: tuple[int, int, str] | None = None) -> Entity:
        """Add the organisation ``name``; a short form of one already known becomes its alias
        (and a full form seen after its short form takes the entry over)."""
        for entity in self.entities.values():
            if entity.kind == "organisation" and (entity.name == name or _abbreviates(name, entity.name)):
                entity._note("", "", name, mention)
                return entity
        for key, entity in list(self.entities.items()):
            if entity.kind == "organisation" and _abbreviates(entity.name, name):
                del self.entities[key]
                entity.aliases.append(entity.name)
                entity.name = name
                self.entities[name] = entity
                entity._note("", "", "", mention)
                return entity
        entity = self.entities[name] = Entity(name, "organisation")
        entity._note("", "", "", mention)
        return entity

    def add_group(self, name: str, *, mention: tuple[int, int, str] | None = None) -> Entity:
        """Add a group or an unnamed source, as written (유가족, 한 관계자)."""
        entity = self.entities.get(name)
        if entity is None:
            entity = self.entities[name] = Entity(name, "group")
        entity._note("", "", "", mention)
        return entity

    # ----------------------------------------------------------------- looking up
    @property
    def names(self) -> dict[str, set[str]]:
        """Every person's full name with the last words of the roles seen beside it."""
        return {e.name: set(e.roles) for e in self.entities.values() if e.kind == "person"}

    def people(self) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind == "person"]

    def resolve(self, name: str, role: str = "") -> str:
        """The full name a person's short form refers to: ``오`` (시장) → ``오세훈``, ``토레스`` →
        ``라파엘 토레스``, ``드-라크루아`` → ``마리 드-라크루아``; ``""`` when none."""
        if not name:
            return ""
        people = self.people()
        full = [e.name for e in people if " " in e.name]
        if " " not in name and len(name) > 1:  # 이방카 → 이방카 트럼프, when the article gives the longer name
            longer = [f for f in full if name in (f.split()[0], f.split()[-1])]
            if longer:
                return self._prefer_role(longer, role)
        if name in self.entities and self.entities[name].kind == "person":
            return name
        if " " in name:  # 반 데르 베르프 → 레일라 반 데르 베르프
            words = name.split()
            longer = [f for f in full if f.split()[-len(words):] == words or f.split()[:len(words)] == words]
            return self._prefer_role(longer, role) if longer else ""
        if len(name) == 1 or name in self.long_surnames:  # a Korean surname: 오 (시장), 남궁 (장관)
            hits = [e.name for e in people if e.name.startswith(name) and len(e.name) >= 2 and " " not in e.name]
        else:
            hits = [f for f in full if f.split()[-1] == name] or [f for f in full if f.split()[0] == name]
        return self._prefer_role(hits, role) if hits else ""

    def with_role(self, role: str) -> list[str]:
        """Full names seen with ``role`` (대통령 → [박근혜])."""
        last_role = role.split()[-1] if role else ""
        return [e.name for e in self.people() if last_role in e.roles]

    def organisation(self, name: str, lex: Lexicon, *, before: int = 2**31) -> str:
        """The full form of organisation ``name`` the article gives (민주당 → 더불어민주당; 코레일 →
        한국철도공사 by ``organisation_aliases`` in ``quote_grammar.toml``), or the
        organisation a generic noun stands for (재판부 → the court last named before offset
        ``before``), else ``""``."""
        orgs = [e for e in self.entities.values() if e.kind == "organisation"]
        full = lex.organisation_aliases.get(name, frozenset())
        named_in_full = [(self._last_before(e, before), e.name) for e in orgs if e.name in full]
        if named_in_full:  # 코레일 in an article that names 한국철도공사
            return max(named_in_full)[1]
        if any(e.name == name for e in orgs):
            return name
        if lex.unnamed_sources.suffix_of(name) or lex.collectives.suffix_of(name):
            return ""  # 학생, 주민: a group, no short form of an organisation
        one = len(name) == 1 and (name in lex.org_suffixes.words or name in lex.word_set("administrative_units"))  # 시는, 도는
        hits = [(self._last_before(e, before), e.name) for e in orgs if name in e.aliases or _abbreviates(name, e.name)
                or (one and len(e.name) >= 3 and e.name.endswith(name))]
        hits = [h for h in hits if h[0] >= 0] or hits
        if hits:  # 국토부 → 국토교통부, without the country the article put before it; the last named first
            words = max(hits)[1].split()
            while len(words) > 1 and words[0] in lex.places:
                words.pop(0)
            return " ".join(words)
        generic = lex.generic_organisations.get(name)
        if generic is None:
            return ""
        named = [(self._last_before(e, before), e.name) for e in orgs if e.name != name and generic.search(e.name)]
        named = [n for n in named if n[0] >= 0]
        return max(named)[1] if named else ""

    @staticmethod
    def _last_before(entity: Entity, before: int) -> int:
        """Where ``entity`` was last mentioned before offset ``before`` (-1: not before it)."""
        return max((s for s, _, _ in entity.mentions if s < before), default=-1)

    def author(self, medium: str, *, before: int) -> str:
        """The author of ``medium`` last named before offset ``before`` (이 칼럼은 → 양상훈), else ``""``."""
        named = [name for at, name in self.authors.get(medium, []) if at < before]
        return named[-1] if named else ""

    def _prefer_role(self, hits: list[str], role: str) -> str:
        """Among candidate full names, the first seen with the same role (트럼프 대통령 → 도널드 트럼프)."""
        last_role = role.split()[-1] if role else ""
        with_role = [f for f in hits if last_role and any(r.endswith(last_role) or last_role.endswith(r)
                                                          for r in self.entities[f].roles)]
        return (with_role or hits)[0]

    # ----------------------------------------------------------------- mentions
    def bare_role(self, m: Mention) -> str:
        """The one person the article gives the role ``m`` names alone (대통령은 → 박근혜), else ``""``."""
        if m.name or not m.role or m.text != m.role:
            return ""
        hits = self.with_role(m.role)
        return hits[0] if len(hits) == 1 else ""

    def is_person(self, m: Mention, lex: Lexicon) -> bool:
        if not m.name:
            return bool(self.bare_role(m))
        return bool(m.role or " " in m.name or is_korean_name(m.name, lex) or self.resolve(m.name))

    def rank(self, m: Mention, lex: Lexicon) -> int:
        """0: a person (a name with a role, a full name); 1: a proper noun, an organisation, an
        unnamed source or a title alone (국토부, 한 관계자, 경찰 대변인); 2: any other noun phrase."""
        if self.is_person(m, lex):
            return 0
        return 1 if is_body(m, lex) else 2

    def canonical(self, m: Mention, lex: Lexicon) -> str:
        """The speaker mention ``m`` names.

        A person: the fullest name the article gives them, without title or organisation (오 시장 →
        오세훈, 트럼프 대통령 → 도널드 트럼프 when the article names him so). A surname or a single
        foreign name never given in full: as written (문 대통령). An organisation: the full form
        the article gives (민주당 → 더불어민주당), else as written. An unnamed source or a group: as
        written (한 관계자). A pronoun (그는): ``""``, for the caller to fill with the speaker in force.
        """
        if m.text in lex.pronouns or m.name in lex.pronouns:
            return ""
        anonymous = ANONYMOUS.search(m.text)
        if anonymous:  # 집주인 김 모 씨 → 김 모 씨, never resolved to another 김
            return anonymous.group(0)
        if m.name:
            resolved = self.resolve(m.name, m.role)
            if resolved:
                return resolved
            if is_full_name(m, lex):
                return m.name
            if len(m.name) > 1 and len(m.text.split()) > len(m.name.split()) + len(m.role.split()):
                return m.name  # the name, without affiliation and title: 훙레이 (중국 외교부 대변인)
            return m.text
        return self.bare_role(m) or self.resolve(m.text) or self.organisation(m.text, lex, before=m.start) or m.text

    def link(self, m: Mention, lex: Lexicon, *, name: str = "") -> Entity | None:
        """Link mention ``m`` to the entry it refers to (``name``, else its canonical name), adding a
        person, organisation or group seen for the first time; ``None`` for a pronoun."""
        name = name or self.canonical(m, lex)
        if not name:
            return None
        entity = self.entities.get(name)
        span = (m.start, m.end, m.text)
        if entity is not None:
            entity._note(m.role if entity.kind == "person" else "", "", m.text if m.text != name else "", span)
            return entity
        if is_org(m, lex):
            return self.add_organisation(name, mention=span)
        if m.name or self.is_person(m, lex):
            return self.add_person(name, role=m.role, alias=m.text if m.text != name else "", mention=span)
        return self.add_group(name, mention=span)


def is_full_name(m: Mention, lex: Lexicon) -> bool:
    """Whether the name of ``m`` is a full name (two words, glossed in Hanja, or a Korean name
    given with a title or alone)."""
    return " " in m.name or m.glossed or (is_korean_name(m.name, lex) and bool(m.role or m.text == m.name))


def is_org(m: Mention, lex: Lexicon) -> bool:
    """An organisation's name: no person's name in it, its head ends like one (당, 부, 위원회)."""
    head = m.text.split()[-1] if m.text else ""
    return not m.name and not m.role and len(head) >= 2 and lex.org_suffixes.suffix_of(head) \
        and not lex.unnamed_sources.suffix_of(head) and not head.endswith("들")


def is_group(m: Mention, lex: Lexicon) -> bool:
    """A group or an unnamed source: its head ends like one (관계자, 유가족, 시민들, 네티즌)."""
    head = m.text.rsplit(" ", 1)[-1] if m.text else ""
    return lex.unnamed_sources.suffix_of(head) or head.endswith("들") or lex.collectives.suffix_of(head)


def build_cast(phrases: Iterable[Mention], spans: Sequence[Span], lex: Lexicon) -> Cast:
    """The cast the article itself gives outside quotes: full names (with roles), anonymised
    people (김모씨) and organisations, in order of first mention."""
    cast = Cast(long_surnames=frozenset(w for w in lex.surnames.words if len(w) == 2))
    for m in phrases:
        if quoted(spans, m.start):
            continue
        span = (m.start, m.end, m.text)
        if m.name and is_full_name(m, lex):
            affiliation = " ".join(w for w in m.text.split() if w not in m.name.split() and w not in m.role.split())
            cast.add_person(m.name, role=m.role, affiliation=affiliation, mention=span)
            if affiliation and ORG_NAME.fullmatch(affiliation) and affiliation not in lex.places and (
                    lex.org_suffixes.suffix_of(affiliation.rsplit(" ", 1)[-1])
                    or any(p.search(affiliation) for p in lex.generic_organisations.values())):
                cast.add_organisation(affiliation, mention=span)  # 서울중앙지방법원 형사3단독 서승렬 판사
        elif anonymous := ANONYMOUS.search(m.text):  # 의사 김모씨에게 … 김씨는 → 김모씨
            cast.add_person(anonymous.group(0), mention=span)
        elif (is_org(m, lex) or any(p.search(m.text) for p in lex.generic_organisations.values())
              or (m.text in lex.places and m.text[-1] in lex.word_set("administrative_units"))) \
                and ORG_NAME.fullmatch(m.text) and m.text not in lex.generic_organisations:
            entity = cast.add_organisation(m.text, mention=span)
            if ALIAS.fullmatch(m.gloss):  # 미국 항공우주국(NASA), 더불어민주당(민주당): another name for it
                entity._note("", "", m.gloss, None)
        elif not m.name and " " in m.text and is_group(m, lex):
            cast.add_group(m.text, mention=span)  # 감사원 고위 인사, 피해를 입은 유가족: a description to refer back to
    return cast


def media_authors(text: str, toks: ArticleTokens, spans: Sequence[Span], cast: Cast,
                  lex: Lexicon) -> dict[str, list[tuple[int, str]]]:
    """Who wrote or said each medium or document the article attributes with a possessive (양상훈
    주필의 칼럼 → 칼럼: [(offset, 양상훈)]), in text order, for a later subject that is the medium
    itself (이 칼럼은 "…"; see :meth:`analysis.quotes.cast.Cast.author`)."""
    media = lex.word_set("media") | lex.source_nouns
    out: dict[str, list[tuple[int, str]]] = {}
    for k in range(1, len(toks.tag) - 1):
        if toks.tag[k] == "JKG" and toks.form[k + 1] in media and not quoted(spans, toks.start[k]):
            m = mention_before(text, toks, k, int(toks.sent_start[toks.sentence_of(int(toks.start[k]))]), lex)
            if m is not None and cast.rank(m, lex) <= 1 and head_of(m) not in media:
                author = cast.canonical(m, lex)
                if author:
                    out.setdefault(toks.form[k + 1], []).append((int(toks.start[k]), author))
    return out


def cast_frame(cast: Cast) -> pd.DataFrame:
    """The cast as a table: one row per entity (:data:`CAST_COLUMNS`), in order of first mention;
    ``mentions`` lists ``(start, end, text)`` offsets into the article."""
    import pandas as pd

    return pd.DataFrame([{"entity": n, "kind": e.kind, "full_name": e.name, "surname": e.surname,
                          "given_name": e.given_name, "roles": list(e.roles), "affiliations": list(e.affiliations),
                          "aliases": list(e.aliases), "mentions": sorted(e.mentions)}
                         for n, (_, e) in enumerate(cast.entities.items())], columns=list(CAST_COLUMNS))
