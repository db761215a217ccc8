"""Direct quotes in Korean news, with their speaker resolved.

Three steps, each decided on Kiwi's morphemes and the word lists in ``analysis/data``:

1. **Find** double-quoted spans (``"…"``, ``“…”``, mixed pairs) paragraph by paragraph. Straight
   marks are read as opening or closing from the characters around them; a closing mark with
   no opening one starts the quote at its sentence's start; an unclosed one ends at its
   sentence's end, never past its paragraph.
2. **Tell speech from names and terms**: what follows the closing mark (``라고``, ``며``,
   ``고`` → speech; ``라는 제목`` → a name), reporting verbs (``말하다``, ``밝히다``,
   ``강조하다`` …) later in the sentence, and whether a stand-alone quote is a sentence.
3. **Attribute**: the subject (``…은/는``, ``…이/가``) of the quote's sentence outside any quote;
   for a stand-alone quote, the subject of the next sentence when it reports it (``이 같이
   말했다``); for ``그는`` or no subject, the speaker in force. Short references resolve to the
   full name introduced earlier (``오 시장`` → 오세훈, ``토레스 대령`` → 라파엘 토레스).

Example:
    >>> from analysis.build import build  # doctest: +SKIP
    >>> corpus = build()  # doctest: +SKIP
    >>> corpus.quotes[["speaker", "mention", "content"]].head(2)  # doctest: +SKIP
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

from .resources import data_path, load_tagged_patterns, load_words

if TYPE_CHECKING:  # imported where tables are made, so importing this module stays cheap
    import pandas as pd
from .schema import QUOTES, QuoteBasis, conform, empty_frame

OPEN_MARKS: Final = "“„‟〝"
CLOSE_MARKS: Final = "”〞"
STRAIGHT: Final = '"＂'
ALL_MARKS: Final = OPEN_MARKS + CLOSE_MARKS + STRAIGHT
#: Characters after which a straight mark opens a quote ((", ·", :" …).
OPENING_CONTEXT: Final = "([{<‘'·,:;=—–-"
HANGUL_RUN: Final = re.compile(r"[가-힣]+")
SENTENCE_END: Final = re.compile(r"[.!?。](?=\s|$)")
PARTICLE_END: Final = re.compile(r"(을|를|이|가|은|는|의|에|로|으로|과|와|도)$")
NOMINAL_TAGS: Final = frozenset({"NNG", "NNP", "NNB", "NR", "SL", "SH", "SN", "XSN", "XPN", "XR", "MM", "NP"})
ANONYMOUS: Final = re.compile(r"(?<![가-힣])[가-힣] ?모 ?(?:씨|[가-힣]+)$")  # 김 모 씨, 김모씨, 이 모 교수
DATE_WORD: Final = re.compile(r"\d+(?:년|월|일|시|분)(?:께|경)?")  # 2022년 6월 10일 저스틴 비버: not part of a name
FORMER: Final = frozenset({"전", "현"})  # 표창원 전 경찰대 교수: a name before them is the person's
#: Verbs of a remark appearing: "…"는 비판도 나왔다 names nobody (unlike "…"라는 평가도 내놨다).
APPEAR: Final = frozenset({"있다", "나오다", "이어지다", "잇따르다", "쏟아지다", "제기되다", "많다", "일다"})
LOCATED: Final = frozenset({"소재", "소재의"})  # 홍콩 소재 X: the place is no part of X's name
ALSO: Final = frozenset({"역시", "또한"})  # 서울환경연합 역시 …: adverbs that mark the subject before them
#: The commonest Korean surnames (about half of all Koreans): a three-syllable name starting so,
#: after a foreign-looking proper noun, is the person (로베리 김동훈), unlike 버락 오바마.
COMMON_SURNAMES: Final = frozenset("김이박최정강조윤장임")
#: Open syllables with the vowel ㅡ spell foreign sounds (이글스, 조스) and almost never appear in a
#: Korean given name, so a word holding one after its surname is no Korean name.
TRANSLITERATION: Final = re.compile(r"[스즈츠크트프드브]")
SUBJECT_PARTICLES: Final = frozenset({("은", "JX"), ("는", "JX"), ("이", "JKS"), ("가", "JKS"), ("께서", "JKS"),
                                      ("께서는", "JKS"), ("도", "JX")})
HANJA: Final = re.compile(r"[\u4e00-\u9fff]+")  # 허우한민(侯漢敏): a name glossed in Hanja
DEMONSTRATIVE: Final = re.compile(r"(?:이|그|해당) ([가-힣]+)")  # 이 관계자, 해당 관계자
#: Verbs that work as postpositions (X와 관련해서는, X에 대해): no clause of their own.
LIGHT_VERBS: Final = frozenset({"관련하다", "대하다", "위하다", "통하다", "따르다", "의하다", "비롯하다", "인하다",
                                "관하다"})
#: Nouns after which a verb's adnominal clause is a time or manner adverbial whose subject also
#: reports the quote (30대가 범행을 저지른 당시 "…"고 외치고), not a relative clause.
ADVERBIAL_HEADS: Final = frozenset({"당시", "때", "후", "뒤", "직후", "직전", "전", "중", "동안", "이후", "이전",
                                    "가운데", "도중", "무렵", "순간", "채", "대로", "듯", "뒤로"})
QUOTATIVE_ETM: Final = frozenset({"다는", "라는", "는다는", "ᆫ다는"})  # 수정이 필요하다는 주장
_FORWARD_CUE: Final = re.compile(r"(이\s*같이|이같이|이렇게|이와\s*같이|다음과\s*같이|그렇게)")

# What may follow a closing mark (besides the quotative endings of quotative_suffixes.txt):
GLUED: Final = re.compile(r"[가-힣]")  # a word right after a closing mark continues its clause
#: A quotative ending typed after a space: "…" 라고 하였다, "…물러나야" 한다며.
SPACED_QUOTATIVE: Final = re.compile(r" (?=(?:(?:이)?라(?:고|며|면서|는)|[하한했해][가-힣]*(?:며|고|면서))(?![가-힣]))")
#: The mark closes inside a predicate: "…제공"하기로 합의했다고 밝혔다, "…촉구"한다고.
MIDWORD_PREDICATE: Final = re.compile(r"[하해했한할함][가-힣]*(?:고|며|면서|로)")
#: The mark closes inside the reporting clause: "…수출"중이라며, "…추정"된다며.
MIDWORD_QUOTATIVE: Final = re.compile(r"[가-힣]*(?:다며|다고|라며|라고|면서|며)")
#: …or inside a connective clause, speech when a reporting verb follows: "…맞"지만 … 전했다.
MIDWORD_CONNECTIVE: Final = re.compile(r"[가-힣]*(?:지만|므로|는데|니까|어서|아서|고)")
GLOSS: Final = re.compile(r"\([^()\n]{1,40}\)")  # "…"(meddlesome)이란: a gloss between a quote and its ending
CALLED: Final = re.compile(r" (?:하는|한) ([가-힣]+)")  # "…"라고 하는 방식
#: A word between 라는 and its noun: an adjective (무책임한, 협박성, 적극적인) or 등(의).
NOUN_MODIFIER: Final = re.compile(r"[가-힣]*(?:[^은]한|던|성|적인|스러운|로운)|등(?:의)?")
UPPER_NAME: Final = re.compile(r"[A-Z][A-Za-z0-9&.-]+")  # NASA, MBC, ISAF
LATIN_IN_NAME: Final = re.compile(r"[가-힣][A-Za-z]+$")  # 안보정론tv, 뉴스K: a channel's or brand's name


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists the quote finder uses (``analysis/data/*.txt``)."""

    speech_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    adverbial: re.Pattern[str]
    adnominal: re.Pattern[str]
    name_nouns: re.Pattern[str]
    speech_nouns: re.Pattern[str]
    roles: Affixes
    pronouns: frozenset[str]
    non_speakers: frozenset[str]
    surnames: Affixes
    org_suffixes: Affixes
    unnamed_sources: Affixes
    source_nouns: frozenset[str]
    places: frozenset[str]


QUOTE_LISTS: Final = ("speech_verbs.txt", "naming_verbs.txt", "quotative_suffixes.txt", "quote_nouns.txt", "roles.txt",
                      "pronouns.txt", "non_speakers.txt", "surnames.txt", "org_suffixes.txt", "unnamed_sources.txt",
                      "source_nouns.txt", "places.txt")


@cache
def rules_version() -> str:
    """Hash of this module and its word lists: a build reuses cached quotes only when it is unchanged."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    for name in QUOTE_LISTS:
        h.update(data_path(name).read_bytes())
    return h.hexdigest()[:16]


class Affixes:
    """Fast ``endswith``/``startswith`` over a word list: looks up the word's ends by length."""

    def __init__(self, words: Sequence[str]) -> None:
        self.words = frozenset(words)
        self.lengths = sorted({len(w) for w in words}, reverse=True)
        self._seen: dict[tuple[str, int], bool] = {}  # the same words come back often (대변인, 관계자)

    def suffix_of(self, word: str, *, min_length: int = 1) -> bool:
        key = (word, min_length)
        hit = self._seen.get(key)
        if hit is None:
            if len(self._seen) > 100_000:  # bounded: a long build meets ever new words
                self._seen.clear()
            hit = self._seen[key] = not self.words.isdisjoint(
                [word[-n:] for n in self.lengths if min_length <= n <= len(word)])
        return hit

    def prefix_of(self, word: str) -> str:
        return next((word[:n] for n in self.lengths if n <= len(word) and word[:n] in self.words), "")


@cache
def lexicon() -> Lexicon:
    """Load (once) and check the quote word lists."""
    suffixes = load_tagged_patterns(data_path("quotative_suffixes.txt"), ("ADVERBIAL", "ADNOMINAL"))
    nouns = load_tagged_patterns(data_path("quote_nouns.txt"), ("NAME", "SPEECH"))

    def anchored(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str]:
        return re.compile("(?:" + "|".join(f"(?:{p.pattern})" for p in patterns) + ")")

    return Lexicon(
        speech_verbs=frozenset(load_words(data_path("speech_verbs.txt"))),
        naming_verbs=frozenset(load_words(data_path("naming_verbs.txt"))),
        adverbial=anchored(suffixes["ADVERBIAL"]),
        adnominal=anchored(suffixes["ADNOMINAL"]),
        name_nouns=anchored(nouns["NAME"]),
        speech_nouns=anchored(nouns["SPEECH"]),
        roles=Affixes(load_words(data_path("roles.txt"))),
        pronouns=frozenset(load_words(data_path("pronouns.txt"))),
        non_speakers=frozenset(load_words(data_path("non_speakers.txt"))),
        surnames=Affixes(load_words(data_path("surnames.txt"))),
        org_suffixes=Affixes(load_words(data_path("org_suffixes.txt"))),
        unnamed_sources=Affixes(load_words(data_path("unnamed_sources.txt"))),
        source_nouns=frozenset(load_words(data_path("source_nouns.txt"))),
        places=frozenset(load_words(data_path("places.txt"))),
    )


# --------------------------------------------------------------------------- finding spans


@dataclass(frozen=True, slots=True)
class Span:
    """A double-quoted span: content offsets and the offsets of its marks (-1 when missing)."""

    start: int
    end: int
    open_mark: int
    close_mark: int

    @property
    def opening(self) -> int:
        """Where the quote begins: its opening mark, or its content when the mark is missing."""
        return self.open_mark if self.open_mark >= 0 else self.start

    @property
    def anchor(self) -> int:
        """The offset whose sentence reports the quote: its closing mark, else its start."""
        return self.close_mark if self.close_mark >= 0 else self.start

    @property
    def closing(self) -> int:
        """Where the quote ends: its closing mark, or its content's end when the mark is missing."""
        return self.close_mark if self.close_mark >= 0 else self.end


def _mark_runs(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Runs of adjacent quotation marks in ``text[lo:hi]`` as (start, end, role).

    Roles: ``O``/``C`` curly opening/closing; ``o`` opener-like, ``c`` closer-like, ``x`` glued to
    words on both sides (``대변인은"일본이``, ``…했다"고``, ``…맞다“며``: either), ``y`` a closing
    curly mark placed like an opener (`` ”어떻게``), ``A`` unknown."""
    runs: list[tuple[int, int, str]] = []
    i = lo
    while i < hi:
        if text[i] in ALL_MARKS:
            j = i
            while j < hi and text[j] in ALL_MARKS:
                j += 1
            chunk = text[i:j]
            has_open = any(c in OPEN_MARKS for c in chunk)
            has_close = any(c in CLOSE_MARKS for c in chunk)
            role = "O" if has_open and not has_close else "C" if has_close and not has_open else "A"
            before = text[i - 1] if i > lo else " "
            after = text[j] if j < hi else " "
            if role == "O" and j - i == 1 and re.match(r"[가-힣0-9A-Za-z.]", before) and re.match(r"[가-힣]", after):
                role = "x"  # a curly opener glued like a closer: "…맞다“며
            elif role == "C" and j - i == 1 and before.isspace() and re.match(r"[가-힣0-9A-Za-z]", after):
                role = "y"  # a curly closer placed like an opener: “…며 ”어떻게 (opens only when nothing is open)
            if role == "A":  # a straight mark: read its side from the character before it
                # opener-like after a space or an opening context (unless it stands alone);
                # closer-like after a word or a sentence mark ("…다."고, "…"라며)
                opening = before.isspace() or before in OPENING_CONTEXT
                glued = not after.isspace() and after not in ".,;:!?)]}…"
                role = ("A" if after.isspace() else "o") if opening else "x" if glued else "c"
                if before in ".!?" and re.match(r"[가-힣]", after) and not _quotative_after(text, j):
                    role = "o"  # a new sentence with no space before its quote: 밝혔다."국회의원들은
            runs.append((i, j, role))
            i = j
        else:
            i += 1
    return runs


def _quotative_after(text: str, at: int) -> bool:
    """Whether the word at ``at`` is a quotative ending (했다."고, 했다."라며), not a new sentence."""
    run = HANGUL_RUN.match(text, at)
    if run is None:
        return False
    lex = lexicon()
    word = run.group(0)
    return bool(lex.adverbial.fullmatch(word) or lex.adnominal.fullmatch(word) or MIDWORD_QUOTATIVE.fullmatch(word))


def _sentence_end_after(text: str, pos: int, hi: int) -> int:
    m = SENTENCE_END.search(text, pos, hi)
    return m.end() if m else hi


def find_spans(text: str) -> list[Span]:
    """Every double-quoted span of ``text``, paragraph by paragraph.

    Never raises; every span satisfies ``0 <= start <= end <= len(text)``.

    Example:
        >>> [text[s.start:s.end] for text in ['"A"며 "B"고 말했다'] for s in find_spans(text)]
        ['A', 'B']
    """
    spans: list[Span] = []
    pos = 0
    for para in text.split("\n"):
        lo, hi = pos, pos + len(para)
        pos = hi + 1
        opened: int | None = None  # index just after the opening run
        open_at = -1
        runs = _mark_runs(text, lo, hi)
        for n, (start, end, role) in enumerate(runs):
            if role == "x":  # glued on both sides: it opens when nothing is open and a closer follows
                role = "o" if opened is None and n + 1 < len(runs) and runs[n + 1][2] in ("c", "x", "C") else "c"
            elif role == "y":
                role = "o" if opened is None else "c"
            if opened is None:
                if role in ("O", "A", "o"):
                    opened, open_at = end, start
                elif role in ("C", "c"):  # closing mark with no opening one: from its sentence start
                    sent_start = max(text.rfind(". ", lo, start) + 2, lo) if text.rfind(". ", lo, start) >= 0 else lo
                    if start > sent_start:
                        spans.append(Span(sent_start, start, -1, start))
            else:
                if role == "O" or (role == "o" and start > opened):
                    # a new opening while one is open: the first was never closed
                    stop = min(_sentence_end_after(text, opened, hi), start)
                    if stop > opened:
                        spans.append(Span(opened, stop, open_at, -1))
                    opened, open_at = end, start
                else:
                    if start > opened:
                        spans.append(Span(opened, start, open_at, start))
                    opened = None
        if opened is not None:
            stop = _sentence_end_after(text, opened, hi)
            if stop > opened:
                spans.append(Span(opened, stop, open_at, -1))
    return spans


# --------------------------------------------------------------------------- tokens of one article


@dataclass(slots=True)
class ArticleTokens:
    """The morphemes of one article as parallel lists (fast to scan)."""

    start: list[int]
    end: list[int]
    form: list[str]
    tag: list[str]
    lemma: list[str]
    sent_start: list[int]
    sent_end: list[int]
    sent_ids: list[int]

    def sentence_of(self, offset: int) -> int:
        """Index (into sent_*) of the sentence holding ``offset``."""
        i = bisect.bisect_right(self.sent_start, offset) - 1
        return max(i, 0)

    def token_range(self, lo: int, hi: int) -> range:
        """Indices of the tokens starting in ``[lo, hi)``."""
        return range(bisect.bisect_left(self.start, lo), bisect.bisect_left(self.start, hi))


def _predicates(toks: ArticleTokens, idx: range) -> list[tuple[int, str]]:
    """(token index, lemma) of the predicates in ``idx``, joining noun+하다 (강조/NNG 하/XSV → 강조하다)
    and the passive noun+되다 (명시/NNG 되/XSV → 명시되다)."""
    out = []
    for k in idx:
        tag = toks.tag[k]
        if tag.startswith("VV") or tag.startswith("VA"):
            out.append((k, toks.lemma[k] or toks.form[k] + "다"))
        elif tag == "XSV" and k > idx.start and toks.tag[k - 1] in ("NNG", "NNP", "XR"):
            out.append((k, toks.form[k - 1] + ("되다" if toks.form[k] == "되" else "하다")))
    return out


# --------------------------------------------------------------------------- speakers


@dataclass(slots=True)
class Mention:
    """A subject noun phrase: its text, the name part and the role part."""

    text: str
    name: str
    role: str
    start: int
    end: int
    proper: bool = False  # the name word starts with a proper noun
    glossed: bool = False  # the name is glossed in Hanja, 허우한민(侯漢敏): a full name
    marker: int = 0  # 0: topic (은/는); 1: subject case (이/가), 에서는, 도; 2: source (에 따르면)


@dataclass(slots=True)
class People:
    """Full names an article introduces, with the roles seen beside them, for resolving short
    references (오 시장 → 오세훈; 트럼프 대통령 → 도널드 트럼프 rather than 에릭 트럼프)."""

    names: dict[str, set[str]] = field(default_factory=dict)

    def add(self, name: str, role: str = "") -> None:
        if name:
            roles = self.names.setdefault(name, set())
            if role:
                roles.add(role.split()[-1])

    def resolve(self, name: str, role: str = "") -> str:
        """The full name ``name`` refers to: ``오`` → ``오세훈``, ``토레스`` → ``라파엘 토레스``."""
        if not name:
            return ""
        if " " not in name:  # 이방카 → 이방카 트럼프, when the article gives the longer name
            longer = [f for f in self.names if " " in f and name in (f.split()[0], f.split()[-1])]
            if longer and len(name) > 1:
                return self._prefer_role(longer, role)
        if name in self.names:
            return name
        if len(name) == 1:  # a Korean surname: 오 (시장)
            hits = [f for f in self.names if f.startswith(name) and len(f) >= 2 and " " not in f]
        else:
            hits = [f for f in self.names if " " in f and f.split()[-1] == name]  # Western: surname last
            hits = hits or [f for f in self.names if " " in f and f.split()[0] == name]  # 이방카 → 이방카 트럼프
        return self._prefer_role(hits, role) if hits else ""

    def with_role(self, role: str) -> list[str]:
        """Full names seen with ``role`` (대통령 → [박근혜])."""
        last_role = role.split()[-1] if role else ""
        return [f for f, roles in self.names.items() if last_role in roles]

    def _prefer_role(self, hits: list[str], role: str) -> str:
        """Among candidate full names, the first seen with the same role (트럼프 대통령 → 도널드 트럼프)."""
        last_role = role.split()[-1] if role else ""
        with_role = [f for f in hits if last_role and any(r.endswith(last_role) or last_role.endswith(r) for r in self.names[f])]
        return (with_role or hits)[0]


def _is_role(word: str, lex: Lexicon) -> bool:
    """수석대변인, 서울시장: ends in a role; a one-syllable role (전, 현, 씨) only as a word of its own
    (이정현 is a name)."""
    return word in lex.roles.words or lex.roles.suffix_of(word, min_length=2)


def _is_korean_name(word: str, lex: Lexicon, *, proper: bool = True) -> bool:
    """김웅, 오세훈, 남궁민수: a surname and one to three syllables, not an organisation's name.

    ``proper`` says Kiwi analysed the word as (or starting with) a proper noun; common nouns
    that happen to start like a surname (노조, 정부) are not names.
    """
    if not proper or not re.fullmatch(r"[가-힣]{2,4}", word) or word in lex.roles.words or word in lex.non_speakers:
        return False
    surname = lex.surnames.prefix_of(word)
    if not surname or len(word) - len(surname) not in (1, 2) or TRANSLITERATION.search(word, len(surname)):
        return False
    return not lex.org_suffixes.suffix_of(word)


def _name_shaped(word: str, lex: Lexicon) -> bool:
    """A three-syllable word that starts with a one-syllable surname (홍수열, 정한중), whatever
    Kiwi tagged it: a name when the phrase's other words say so (a title after it)."""
    return re.fullmatch(r"[가-힣]{3}", word) is not None and word[0] in lex.surnames.words \
        and not _is_role(word, lex) and word not in lex.non_speakers and word not in lex.places


def _plain_word(word: str, lex: Lexicon) -> bool:
    """A Hangul word that could be part of a name Kiwi does not know: no title, organisation or
    word of time and discourse (알마즈벡, 화춘잉)."""
    return re.fullmatch(r"[가-힣]{2,}", word) is not None and not _is_role(word, lex) \
        and not lex.org_suffixes.suffix_of(word) and word not in lex.non_speakers


def _parse_phrase(words: list[str], nnp: list[bool], proper: list[bool], lex: Lexicon) -> tuple[str, str]:
    """(name, role) of a noun phrase.

    ``nnp[i]`` says word ``i`` is one proper-noun morpheme, ``proper[i]`` that it starts with one.

    ``[더불어민주당, 최인호, 수석대변인]`` → (최인호, 수석대변인); ``[라파엘, 토레스, 대령]`` →
    (라파엘 토레스, 대령); ``[대통령, 마무드, 아마디네자드]`` → (마무드 아마디네자드, 대통령);
    ``[청와대]`` → (청와대, ""); ``[한, 관계자]`` → ("", 관계자).
    """
    glued = re.fullmatch(r"([가-힣]{1,4})씨", words[-1])
    if glued and not ANONYMOUS.search(words[-1]) and (  # 김씨, 김영오씨 (not 김모씨)
            glued.group(1) in lex.surnames.words or _is_korean_name(glued.group(1), lex)):
        words, nnp, proper = [*words[:-1], glued.group(1), "씨"], [*nnp[:-1], True, False], [*proper[:-1], True, False]
    roles = [i for i, w in enumerate(words) if _is_role(w, lex)]
    role = " ".join(words[i] for i in roles)
    # the name sits right after the last role (대통령 마무드 아마디네자드) or before the first
    if roles and roles[-1] < len(words) - 1:
        lo, hi = roles[-1] + 1, len(words)
    elif roles:  # the run of non-role words just before the trailing roles (선임 보좌관)
        hi = roles[-1]
        while hi > 0 and hi - 1 in roles:
            hi -= 1
        lo = hi
        while lo > 0 and lo - 1 not in roles:
            lo -= 1
    else:
        lo, hi = 0, len(words)
    name, strength = _name_in(list(range(lo, hi)), words, nnp, proper, lex, roles=roles)
    # 오영식 전 | 한국철도공사 사장; 표창원 전 | 경찰대 교수 (경찰대 looks like a name too)
    if roles and roles[0] > 0 and lo > roles[0] and (strength < 2 or words[roles[0]] in FORMER):
        before, sure = _name_in(list(range(roles[0])), words, nnp, proper, lex, roles=roles)
        if sure == 2:
            name = before
    # the words after the last title are a name, known to Kiwi or not: 장관 | 알마즈벡 아브또브
    after = words[roles[-1] + 1:] if roles and words[roles[-1]] in lex.roles.words else []
    if not name and 1 <= len(after) <= 3 and all(_plain_word(w, lex) for w in after):
        name = " ".join(after)
    # a name Kiwi does not know, before a country and a title: 화춘잉 | 중국 외교부 대변인
    place = next((i for i, w in enumerate(words) if w in lex.places), -1)
    if not name and roles and 1 <= place <= 2 and place < roles[-1] and all(_plain_word(w, lex) for w in words[:place]):
        name = " ".join(words[:place])
    # a rare name Kiwi reads as a common noun, first in a phrase that ends in a title:
    # 홍수열/NNG 자원순환사회경제연구소장; 최순실 씨 and 이용구 법무부 차관 even though 실 and 구 end
    # organisations' names (an organisation and a title after it: the first word is the person)
    if not name and roles and roles[-1] == len(words) - 1 and roles[0] > 0 and _name_shaped(words[0], lex) \
            and (words[-1] == "씨" or not lex.org_suffixes.suffix_of(words[0])
                 or (nnp[0] and roles[0] >= 2 and lex.org_suffixes.suffix_of(words[1]))) \
            and not lex.unnamed_sources.suffix_of(words[-1]):
        name = words[0]
    return name, role


def _name_in(run: list[int], words: list[str], nnp: list[bool], proper: list[bool], lex: Lexicon, *,
             roles: list[int]) -> tuple[str, int]:
    """The person's name among ``words[run]`` and how sure: 2 a full name, 1 a single proper noun, 0 none."""
    while roles and len(run) > 1 and words[run[-1]] in lex.places:  # 제이콥 주마 남아프리카공화국 | 대통령
        run = run[:-1]
    # a foreign name: two or more proper nouns in a row (조지 브라운, 버락 오바마)
    tail: list[int] = []
    for i in reversed(run):
        if nnp[i] and re.fullmatch(r"[가-힣]+(?: [가-힣]+)*", words[i]) and not lex.org_suffixes.suffix_of(words[i]):
            tail.insert(0, i)
        elif tail:
            break
    while len(tail) >= 2 and words[tail[-1]] in lex.places:  # 아니스 셰이프 리비아 | 인민해방군 대변인
        tail.pop()
    while len(tail) >= 2 and words[tail[0]] in lex.places:  # 북한 | 김여정
        tail.pop(0)
    # a Korean name after a proper noun that is not one: 법률사무소 로베리 | 김동훈, 한화 이글스 | 정우람
    if len(tail) >= 2 and words[tail[-1]][0] in COMMON_SURNAMES and _is_korean_name(words[tail[-1]], lex) \
            and len(words[tail[-1]]) == 3 and not _is_korean_name(words[tail[-2]], lex):
        tail = tail[-1:]
    # an institution before a Korean name is an affiliation: 대한상공회의소 | 박종갑 (not 블라디미르 | 푸틴)
    while len(tail) >= 2 and max(len(part) for part in words[tail[0]].split()) > 4 \
            and _is_korean_name(words[tail[1]], lex):
        tail.pop(0)
    korean = [i for i in run if _is_korean_name(words[i], lex, proper=proper[i])]
    if not roles:  # with no title the name must be the head: 일부 일본 언론 is not 일본
        last = len(words) - 1
        tail = tail if tail and tail[-1] == last else []
        korean = [i for i in korean if i == last]
    if len(tail) >= 2:
        return " ".join(words[i] for i in tail[-3:]), 2
    if korean:
        return words[korean[-1] if roles and korean[-1] < roles[0] else korean[0]], 2
    if tail:
        return words[tail[-1]], 1
    if len(run) == 1 and roles and words[run[0]] in lex.surnames.words:  # 이 후보 (이/MM)
        return words[run[0]], 1
    return "", 0


def _before_spaces(text: str, lo: int, pos: int) -> int:
    """``pos`` moved back over the spaces before it, not past ``lo``."""
    while pos > lo and text[pos - 1].isspace():
        pos -= 1
    return pos


def _word_start(text: str, lo: int, pos: int) -> int:
    """Where the word ending at ``pos`` starts, after any double quotation mark glued to it
    ("메릴 에드워드 뉴먼이 …: the word is 메릴)."""
    i = pos
    while i > lo and not text[i - 1].isspace() and text[i - 1] not in ALL_MARKS:
        i -= 1
    return i


def _before_parenthesis(text: str, start: int, end: int) -> int:
    """The end of the word ``text[start:end]`` without a bracket glued to it: 이대영(53) → 이대영,
    에스알(SR) → 에스알."""
    if end - start > 2 and text[end - 1] == ")":
        opening = text.rfind("(", start, end)
        if opening > start:
            return opening
    return end


def _morpheme_start(toks: ArticleTokens, start: int, end: int, lo: int) -> int:
    """Where the word ``text[start:end]`` begins once a morpheme with a space that ends it is
    whole (주마 in 제이콥 주마/NNP → the start of 제이콥)."""
    j = bisect.bisect_left(toks.start, start) - 1
    return toks.start[j] if j >= 0 and toks.start[j] >= lo and toks.end[j] >= end else start


def _mention_before(text: str, toks: ArticleTokens, k: int, lo: int, lex: Lexicon, *,
                    detached: bool = False) -> Mention | None:
    """The noun phrase whose last word carries the subject particle at token ``k``.

    Words are taken backwards while each ends in a noun (국민의힘 배준영 대변인은); a word ending
    in a particle, an ending or punctuation stops it, and so does a word of time or discourse
    (당시, 이후, 한편) that is left out. ``detached``: token ``k`` starts the next word instead
    (통일부 ``명의``의 성명).
    """
    head_end = _before_spaces(text, lo, int(toks.start[k])) if detached else int(toks.start[k])
    head_start = _word_start(text, lo, head_end)
    if head_end - head_start > 2 and text[head_start] == "(" and text[head_end - 1] == ")":  # 재단 (EFF)은
        head_end = _before_spaces(text, lo, head_start)
        head_start = _word_start(text, lo, head_end)
    head_start = _morpheme_start(toks, head_start, head_end, lo)
    if head_end - head_start > 2 and text[head_start] in "'‘" and text[head_end - 1] in "'’":  # '폭스스포츠'에서는
        head_start, head_end = head_start + 1, head_end - 1
    head_end = _before_parenthesis(text, head_start, head_end)
    last = bisect.bisect_left(toks.start, head_end) - 1  # the head's last morpheme
    head = text[head_start:head_end]
    if not head or last < 0 or DATE_WORD.fullmatch(head) or (toks.tag[last] not in NOMINAL_TAGS and head[-1] != "%"):
        return None
    head_idx = toks.token_range(head_start, head_end)
    if not len(head_idx) or toks.tag[head_idx[0]] == "XSN":
        return None  # a suffix glued to a quote ("큰 손"들이) is no noun phrase
    words = [head]
    nnp = [len(head_idx) == 1 and toks.tag[head_idx[0]] == "NNP"]
    proper = [len(head_idx) >= 1 and toks.tag[head_idx[0]] == "NNP"]
    pos = head_start
    # a group or an unnamed source keeps its modifiers: 많은 사람들, 한국의 일부 네티즌들
    group = head.endswith(("들", "%")) or lex.unnamed_sources.suffix_of(head)  # 국민의 56%
    modified = False
    glossed: set[str] = set()
    while len(words) < 6:
        end = _before_spaces(text, lo, pos)
        if end <= lo:
            break
        start = _word_start(text, lo, end)
        if start >= end:
            break
        if end - start > 2 and text[start] in "'‘" and text[end - 1] in "'’":  # a quoted name: '사의재'
            start, end = start + 1, end - 1
        start = _morpheme_start(toks, start, end, lo)
        bracket = _before_parenthesis(text, start, end)
        hanja = bracket < end and HANJA.fullmatch(text, bracket + 1, end - 1) is not None
        end = bracket
        idx = toks.token_range(start, end)
        if not len(idx):
            break
        last = idx[-1]
        word = text[start:end]
        modifier = group and len(idx) >= 2 and re.fullmatch(r"[가-힣]+", word) is not None and (
            (toks.tag[last] == "JKG" and toks.tag[idx[-2]] in NOMINAL_TAGS)
            or (toks.tag[last] == "ETM" and toks.tag[idx[-2]].startswith("VA")))
        # a name Kiwi splits after its surname (윤/NNP 두/MM 한/MM) is still a name
        split_name = toks.tag[idx[0]] == "NNP" and _name_shaped(word, lex)
        if not modifier and not split_name and (toks.tag[last] not in NOMINAL_TAGS
                                                or not re.search(r"[가-힣A-Za-z0-9]$", word)):
            break
        surname = word in lex.surnames.words and _is_role(words[0], lex)  # 이 후보는 (이/MM)
        if toks.tag[last] == "MM" and word not in ("한", "두", "세", "모", "전", "현") and not surname and not split_name:
            break
        if (word in lex.non_speakers and not surname) or DATE_WORD.fullmatch(word):
            break
        words.insert(0, word)
        if hanja:
            glossed.add(word)
        nnp.insert(0, hanja or (len(idx) == 1 and toks.tag[last] == "NNP"))  # 허우한민(侯漢敏): a name given in Hanja
        proper.insert(0, hanja or toks.tag[idx[0]] == "NNP")
        pos = _word_start(text, lo, start)
        group = group or (word == "한" and toks.tag[last] == "MM")  # 한 검사: unnamed, keeps 대구지검의
        if modifier:
            modified = True
            if toks.tag[last] == "ETM":  # what comes before an adjective is another clause
                break
    while len(words) > 1 and words[0] in lex.non_speakers and not (
            words[0] in lex.surnames.words and _is_role(words[1], lex)):
        words.pop(0)
        nnp.pop(0)
        proper.pop(0)
    if not words or head in lex.non_speakers or all(w in lex.non_speakers for w in words):
        return None
    while len(words) > 1 and words[-1] in ("측", "자신", "자신들", "스스로"):  # '사의재' 측, 샤오치잉 자신들
        words.pop()
        nnp.pop()
        proper.pop()
    if len(words[-1]) >= 3 and words[-1].endswith("측"):  # 유가족측, 검찰측 (not 북측)
        words[-1] = words[-1][:-1]
    located = max((i for i, w in enumerate(words[:-1]) if w in LOCATED), default=-1)
    if located >= 0:  # 홍콩 소재 인권민주주의정보센터: where it is, not its name
        words, nnp, proper = words[located + 1:], nnp[located + 1:], proper[located + 1:]
    phrase = " ".join(words)
    name, role = _parse_phrase(words, nnp, proper, lex)
    if lex.unnamed_sources.suffix_of(head) or modified:
        name = ""  # an unnamed source or a group is the speaker as written: 서울시 관계자
    start = text.find(words[0], pos, head_end)
    start = start if start >= 0 else pos
    return Mention(text=phrase, name=name, role=role, start=start, end=head_end, proper=proper[-1],
                   glossed=name in glossed)


def _quoted(spans: Sequence[Span], offset: int) -> bool:
    """Whether ``offset`` lies inside one of the quoted ``spans``."""
    return any(sp.start <= offset < sp.end for sp in spans)


def _cited_source(text: str, toks: ArticleTokens, lo: int, hi: int, spans: Sequence[Span],
                  lex: Lexicon) -> Mention | None:
    """The author of a statement the sentence cites in ``text[lo:hi]`` outside quoted ``spans``:
    ``X의 발표를 인용해``, ``X 명의의 성명을 통해``, ``X의 글에 따르면``, ``X의 반응은`` → X (the
    quote is X's, whoever reports it)."""
    form, tag = toks.form, toks.tag
    idx = toks.token_range(lo, hi)
    for k in idx:
        if tag[k] != "JKG" or k + 1 >= len(form) or form[k + 1] not in lex.source_nouns or k == idx.start:
            continue
        if _quoted(spans, toks.start[k]):
            continue
        if form[k - 1] == "명의" and tag[k - 1] == "NNG":  # 통일부 명의의 성명
            return _mention_before(text, toks, k - 1, lo, lex, detached=True)
        if any(form[j] == "인용" and tag[j] == "NNG" and tag[j - 1] == "JKO" for j in range(k + 2, min(k + 4, idx.stop))):
            return _mention_before(text, toks, k, lo, lex)  # 주마 대통령의 발표를 인용해
        marker = _subject_marker(toks, k + 2) if k + 2 < idx.stop else None
        if marker is not None and marker[0] == k + 2 and form[k + 2] != "도":  # 연구원의 글에 따르면, 총장의 반응은
            return _mention_before(text, toks, k, lo, lex)
    return None


def _adnominal_reporter(text: str, toks: ArticleTokens, span: Span, hi: int, lex: Lexicon) -> Mention | None:
    """The noun phrase a quote's reporting verb modifies: ``"…"고 말한 김 의원은``, ``"…"고 본
    나상윤 정책위원의 말처럼`` → that phrase (the person who said it), else ``None``."""
    if span.close_mark < 0:
        return None
    idx = toks.token_range(span.close_mark + 1, hi)
    tag = toks.tag
    etm = next((k for k in idx[:5] if tag[k] == "ETM"), -1)
    if etm < 0 or not all(tag[k][0] in "EVXJ" or tag[k] == "NNG" for k in range(idx.start, etm)) \
            or not any(tag[k].startswith("VV") or tag[k] == "XSV" for k in range(idx.start, etm)):
        return None
    j = etm + 1
    while j < idx.stop and (tag[j] in NOMINAL_TAGS or tag[j] in ("SSO", "SSC")):
        j += 1
    if j == etm + 1 or j >= idx.stop or not tag[j].startswith("J"):
        return None
    return _mention_before(text, toks, j, int(toks.end[etm]), lex)


def _possessor(text: str, toks: ArticleTokens, open_at: int, lo: int, lex: Lexicon) -> Mention | None:
    """Whose words a quote is when the quote itself is possessed: ``잭 런던의 "…"``, ``스가 관방장관의
    담화문의 "…"`` → that noun phrase, else ``None``."""
    k = bisect.bisect_left(toks.start, open_at) - 1
    if k < 1 or toks.tag[k] != "JKG" or text[toks.end[k]:open_at].strip():
        return None
    m = _mention_before(text, toks, k, lo, lex)
    if m is not None and m.text.split()[-1] in lex.source_nouns:  # …관방장관의 담화문의 "…"
        j = bisect.bisect_left(toks.start, m.start) - 1
        if j >= 1 and toks.tag[j] == "JKG":
            m = _mention_before(text, toks, j, lo, lex)
    return m


def _subject_marker(toks: ArticleTokens, k: int) -> tuple[int, int] | None:
    """(index of the noun phrase's following token, marker strength) when token ``k`` marks a subject.

    Strength 0: topic or honorific subject (은/는, 께서); 1: subject case (이/가), an institution
    acting (X에서는), 도 and 역시 ("X도 …라고 말했다"); 2: a source (X에 따르면, X에 의하면), the
    speaker only when the sentence has no other subject (한겨레에 따르면 에스알 관계자는 "…").
    """
    form, tag = toks.form[k], toks.tag[k]
    if (form, tag) in SUBJECT_PARTICLES:
        if k >= 1 and toks.form[k - 1] == "에서" and toks.tag[k - 1] == "JKB":  # 대법에서는 (not 조사에서도)
            return (k - 1, 1) if form == "는" else None
        return k, 0 if form in ("은", "는", "께서", "께서는") else 1
    if form == "에" and tag == "JKB" and k + 1 < len(toks.form) and toks.form[k + 1] in ("따르", "의하"):
        return k, 2  # 관계자에 따르면 / 의하면
    if form in ALSO and tag == "MAG" and k >= 1 and toks.tag[k - 1] in NOMINAL_TAGS:
        return k, 1  # 서울환경연합 역시, 야3당 의원들 또한
    return None


def _subjects(text: str, toks: ArticleTokens, lo: int, hi: int, spans: Sequence[Span], lex: Lexicon,
              memo: dict[tuple[int, int], Mention | None] | None = None) -> list[Mention]:
    """Subject noun phrases in ``text[lo:hi]`` outside quoted spans, in order.

    ``memo`` holds the noun phrases already parsed in this article (see :func:`_noun_phrases`).
    """
    memo = {} if memo is None else memo
    out = []
    tags = toks.tag
    for k in toks.token_range(lo, hi):
        if tags[k][0] != "J" and tags[k] != "MAG":  # every subject marker is a particle, or 역시
            continue
        marker = _subject_marker(toks, k)
        if marker is None:
            continue
        j, strength = marker
        s = int(toks.start[k])
        if _quoted(spans, s):
            continue
        if (j, lo) not in memo:
            memo[j, lo] = _mention_before(text, toks, j, lo, lex, detached=toks.tag[j] == "MAG")
        m = memo[j, lo]
        if m is not None and toks.tag[j] == "MAG" and not (m.proper or _is_body(m, lex)):
            continue  # X 역시/또한 marks a speaker only when X is a person or a body (not 신년 연하장 역시)
        if m is not None and not _quoted(spans, m.start):
            out.append(replace(m, marker=strength))
    return out


def _is_full_name(m: Mention, lex: Lexicon) -> bool:
    return " " in m.name or m.glossed or (_is_korean_name(m.name, lex) and bool(m.role or m.text == m.name))


def _bare_role(m: Mention, people: People) -> str:
    """The one person the article gives the role ``m`` names alone (대통령은 → 박근혜), else ``""``."""
    if m.name or not m.role or m.text != m.role:
        return ""
    hits = people.with_role(m.role)
    return hits[0] if len(hits) == 1 else ""


def _is_person(m: Mention, people: People, lex: Lexicon) -> bool:
    if not m.name:
        return bool(_bare_role(m, people))
    return bool(m.role or " " in m.name or _is_korean_name(m.name, lex) or people.resolve(m.name))


def _canonical(m: Mention, people: People, lex: Lexicon) -> str:
    """The speaker named by mention ``m``.

    A person: the fullest name the article gives them (오 시장 → 오세훈, 트럼프 대통령 →
    도널드 트럼프 when the article names him so). A surname or a single foreign name never given
    in full: as written (문 대통령). An organisation or an unnamed source: as written (청와대,
    한 관계자). A pronoun (그는): ``""``, for the caller to fill with the speaker in force.
    """
    if m.text in lex.pronouns or m.name in lex.pronouns:
        return ""
    anonymous = ANONYMOUS.search(m.text)
    if anonymous:  # 집주인 김 모 씨 → 김 모 씨, never resolved to another 김
        return anonymous.group(0)
    if m.name:
        resolved = people.resolve(m.name, m.role)
        if resolved:
            return resolved
        if _is_full_name(m, lex):
            return m.name
        if len(m.name) > 1 and len(m.text.split()) > len(m.name.split()) + len(m.role.split()):
            return m.name  # the name, without affiliation and title: 훙레이 (중국 외교부 대변인)
        return m.text
    return _bare_role(m, people) or people.resolve(m.text) or m.text


def _rank(m: Mention, people: People, lex: Lexicon) -> int:
    """0: a person (a name with a role, a full name); 1: a proper noun, an organisation, an
    unnamed source or a title alone (국토부, 한 관계자, 경찰 대변인); 2: any other noun phrase."""
    if _is_person(m, people, lex):
        return 0
    return 1 if _is_body(m, lex) else 2


def _is_body(m: Mention, lex: Lexicon) -> bool:
    """Whether ``m`` names someone who can speak though not (known as) a person: a name, a title,
    a group, an organisation or an unnamed source (국토부, 경찰 대변인, 유가족들, 한 관계자, NASA)."""
    head = m.text.split()[-1] if m.text else ""
    return bool(m.name or m.role or head.endswith(("들", "%")) or lex.org_suffixes.suffix_of(head)
                or lex.unnamed_sources.suffix_of(head) or UPPER_NAME.fullmatch(head) or LATIN_IN_NAME.search(head))


def _noun_phrases(text: str, toks: ArticleTokens, lex: Lexicon,
                  memo: dict[tuple[int, int], Mention | None] | None = None) -> list[Mention]:
    """Every noun phrase with a proper noun before a particle: where an article introduces names.

    Each phrase parsed is kept in ``memo`` under (particle's token index, sentence start).
    """
    memo = {} if memo is None else memo
    out = []
    tags = toks.tag
    last_nnp = -10
    for k in range(1, len(tags)):
        if tags[k - 1] == "NNP":
            last_nnp = k - 1
        if k - last_nnp <= 6 and (tags[k].startswith("J") or tags[k] == "VCP") and tags[k - 1] in NOMINAL_TAGS:
            key = (k, int(toks.sent_start[toks.sentence_of(int(toks.start[k]))]))
            if key not in memo:
                memo[key] = _mention_before(text, toks, k, key[1], lex)
            if memo[key] is not None:
                out.append(memo[key])
    return out


# --------------------------------------------------------------------------- classification


def _suffix(text: str, close_mark: int, hi: int) -> tuple[str, int]:
    """The text glued after a closing mark, up to the next space or punctuation, and where it ends.
    A quotative ending typed after a space counts as glued ("…" 라고 하였다)."""
    at = close_mark + 1
    gloss = GLOSS.match(text, at, hi)
    if gloss:  # "…간섭하기 좋아하는 것"(meddlesome)이란 평가: the original words in brackets
        at = gloss.end()
    if SPACED_QUOTATIVE.match(text, at, hi):
        at += 1
    m = HANGUL_RUN.match(text, at, hi)
    return (m.group(0), m.end()) if m else ("", at)


def _speech_noun(word: str, lex: Lexicon) -> bool:
    """A speech noun (발언, 입장), or a compound that ends in one of two syllables or more (수상소감,
    공동성명; not 주말)."""
    return lex.speech_nouns.fullmatch(word) is not None \
        or any(lex.speech_nouns.fullmatch(word, i) for i in range(1, len(word) - 1))


def _is_speech(text: str, span: Span, toks: ArticleTokens, lex: Lexicon, sent_hi: int) -> tuple[bool, str]:
    """(speech?, cue) for one span."""
    content = text[span.start: span.end].strip()
    if not re.search(r"[가-힣A-Za-z0-9]", content):
        return False, ""
    after_lo = span.close_mark + 1 if span.close_mark >= 0 else span.end
    preds = _predicates(toks, toks.token_range(after_lo, sent_hi))
    speech_pred = next((lemma for _, lemma in preds if lemma in lex.speech_verbs), "")
    first_pred = preds[0][1] if preds else ""
    suffix, suffix_end = _suffix(text, span.close_mark, sent_hi) if span.close_mark >= 0 else ("", after_lo)
    words = len(content.split())
    called = CALLED.match(text, suffix_end, sent_hi)
    if suffix in ("라고", "이라고") and called \
            and PARTICLE_END.sub("", called.group(1)) not in ("데", "적", "바", "것", "뒤", "후"):
        # "…"라고 하는 방식/이름: a noun phrase, judged as after 라는 (but "…"라고 한 적이 있다 is speech)
        suffix, suffix_end = "라는", called.start(1) - 1
    if suffix in ("라고", "이라고") and first_pred == "하다" and words == 1:
        return False, ""  # "똥남아"라고 하거나: what something is called

    if suffix and lex.adverbial.fullmatch(suffix):
        if first_pred in lex.naming_verbs:
            return False, ""
        return True, speech_pred or suffix
    if suffix and lex.adnominal.fullmatch(suffix):
        nxt = re.match(r"\s*([가-힣]+)(?:\s+([가-힣]+))?", text[suffix_end: sent_hi])
        noun = nxt.group(1) if nxt else ""
        if noun == "등" and words >= 2:  # "…"이라는 등 도 넘는 2차 가해: remarks listed
            return True, speech_pred or suffix
        if nxt and nxt.group(2) and not lex.speech_nouns.match(noun) and NOUN_MODIFIER.fullmatch(noun):
            noun = nxt.group(2)  # "…"라는 무책임한 발언, 협박성 내용, "…"는 등의 발언
        head = PARTICLE_END.sub("", noun)
        if noun and lex.name_nouns.match(noun) and not lex.speech_nouns.fullmatch(head):
            return False, ""
        if noun and (lex.speech_nouns.match(noun) or _speech_noun(head, lex)):
            return True, speech_pred or suffix
        # a whole claim: 그 이유는 "…없다"는 것이다
        if re.fullmatch(r"것(?:이다|입니다|이라고|이었다)?", noun) and words >= 2 and re.search(r"다[.!]?$", content):
            return True, speech_pred or suffix
        # …해야 한다"는 것이 강론의 주요 내용이었다: the claim is what a speech noun says
        if noun in ("것이", "것은") and words >= 2 and re.search(r"다[.!]?$", content) and any(
                lex.speech_nouns.fullmatch(PARTICLE_END.sub("", w)) or lex.speech_nouns.fullmatch(w.removesuffix("이었다"))
                for w in re.findall(r"[가-힣]+", text[suffix_end: sent_hi])):
            return True, speech_pred or suffix
        return (bool(speech_pred) and words >= 2), speech_pred
    if not suffix:
        terminal = bool(re.search(r"[.?!…]$|[다요죠까]$", content))
        if terminal and words >= 2:
            return True, speech_pred or "(standalone)"
        if speech_pred and words >= 3:
            return True, speech_pred
        return False, ""
    # the mark closes inside a predicate ("…제공"하기로 합의했다고 밝혔다, "…촉구"한다고)
    if MIDWORD_PREDICATE.fullmatch(suffix) and speech_pred and words >= 2:
        return True, speech_pred
    if words >= 3 and (MIDWORD_QUOTATIVE.fullmatch(suffix) or (speech_pred and MIDWORD_CONNECTIVE.fullmatch(suffix))):
        return True, speech_pred or suffix
    # another particle glued to the mark ("…"를 외쳤다): speech only with a reporting verb
    if speech_pred and words >= 2 and first_pred == speech_pred:
        return True, speech_pred
    # a whole reported sentence followed by a word that is no particle ("…감지했다”그리고, “…)
    if words >= 2 and re.search(r"[.?!]$|다$", content) and not PARTICLE_END.fullmatch(suffix):
        return True, speech_pred or "(standalone)"
    return False, ""


# --------------------------------------------------------------------------- per article


def _clause_end(text: str, toks: ArticleTokens, span: Span) -> int:
    """Where the sentence reporting ``span`` ends. Kiwi sometimes ends a sentence right at a closing
    mark ("…것"|이라며 …): the words glued after the mark still belong to it."""
    si = toks.sentence_of(span.anchor)
    hi = int(toks.sent_end[si])
    glued = span.close_mark >= 0 and (GLUED.match(text, span.close_mark + 1) is not None
                                      or SPACED_QUOTATIVE.match(text, span.close_mark + 1) is not None)
    if glued and hi <= span.close_mark + 1 and si + 1 < len(toks.sent_end):
        hi = int(toks.sent_end[si + 1])
    return hi


def _embedded(toks: ArticleTokens, lo: int, hi: int) -> bool:
    """A verb's adnominal ending between ``lo`` and ``hi`` followed by a noun: a subject before it
    sits in a relative clause (윤 총장이 … 주장한 것에 대해 "…"), not in the reporting one. An
    adjective's (이러한 사정에 대해, 가난한 사람들에게) leaves the subject where it is, and so
    does a time clause (… 저지른 당시)."""
    idx = toks.token_range(lo, hi)
    tag, form = toks.tag, toks.form

    def verb_before(k: int) -> bool:  # 주장한, 기술했다는 (하/XSV 었/EP 다는/ETM)
        j = k - 1
        while j > idx.start and tag[j] == "EP":
            j -= 1
        return tag[j].startswith(("VV", "VX")) or tag[j] == "XSV"

    def verb_after(k: int) -> bool:  # …열린 청문회에 나와 "…": the subject goes on to a later verb
        verbs = dict(_predicates(toks, range(k + 1, idx.stop)))
        for j in range(k + 1, idx.stop):
            if form[j] in ALL_MARKS or tag[j] == "JKS" or (form[j], tag[j]) in SUBJECT_PARTICLES:
                return False  # not inside a quote, and not another subject's verb
            if tag[j] == "EC" and any(verbs[v] not in LIGHT_VERBS and tag[v] != "VA" for v in (j - 1, j - 2) if v in verbs):
                return True  # a verb with a connective ending (나와, 나서서), not 관련해서/대해
        return False

    return any(tag[k] == "ETM" and k + 1 < len(tag) and tag[k + 1] in ("NNG", "NNB", "NNP") and k > idx.start
               and (verb_before(k) or form[k] in QUOTATIVE_ETM)  # 수정이 필요하다는 주장
               and form[k + 1] not in ADVERBIAL_HEADS and not verb_after(k) for k in idx)


def _clause_break(toks: ArticleTokens, lo: int, hi: int) -> bool:
    """A connective or final ending between ``lo`` and ``hi``: a subject before it belongs to an
    earlier clause (…공사에 들어갔지만, 상인들이 "…"며)."""
    return any(toks.tag[k] in ("EC", "EF") for k in toks.token_range(lo, hi))


def _elsewhere(m: Mention, span: Span, toks: ArticleTokens | None) -> bool:
    """Whether subject ``m`` belongs to another clause than the one reporting ``span``: a relative
    clause (윤 총장이 … 주장한 것에 대해 "…"; a topic such as 재판부는 never is) or a clause after
    the quote's reporting verb (…"라고 주장하지만, 유 의원은; …"고 신고했고, 해경은)."""
    if toks is None:
        return False
    open_at, close_at = span.opening, span.closing
    if m.end <= open_at:
        return m.marker == 1 and _embedded(toks, m.end, open_at)
    if m.start <= close_at:
        return False
    idx = toks.token_range(close_at, m.start)
    preds = _predicates(toks, idx)
    if preds and any(toks.tag[k] in ("EC", "EF") for k in range(preds[0][0], idx.stop)):
        return True  # a predicate and a clause ending between them: …"고 신고했고, 해경은
    # a case subject inside a quotative clause after the quote: …"라며 수정이 필요하다는 주장을 했다
    hi = int(toks.sent_end[toks.sentence_of(m.start)])
    return m.marker == 1 and any(toks.tag[k] == "ETM" and toks.form[k] in QUOTATIVE_ETM
                                 for k in toks.token_range(m.end, hi))


def _nested(toks: ArticleTokens, close_at: int, hi: int, lex: Lexicon) -> bool:
    """Whether the quote's reporting verb is itself reported (``"…"고 밝혔다고 전했다``): then the
    subject of the inner verb (관계자가) spoke, not the outer topic (연합뉴스는)."""
    preds = [(k, lemma) for k, lemma in _predicates(toks, toks.token_range(close_at, hi)) if lemma in lex.speech_verbs]
    if len(preds) < 2:
        return False
    first, second = preds[0][0], preds[1][0]
    return any(toks.form[k] in ("고", "다고", "라고") and toks.tag[k] in ("JKQ", "EC") for k in range(first + 1, second))


def _reports(toks: ArticleTokens, lo: int, hi: int, lex: Lexicon) -> bool:
    """Whether the sentence ``[lo, hi)`` reports speech: it ends in a speech verb (…고 주장했다) or
    in a speech noun and the copula (…부여해야 한다는 입장입니다)."""
    idx = toks.token_range(lo, hi)
    preds = _predicates(toks, idx)
    if preds and preds[-1][1] in lex.speech_verbs:
        return True
    copula = next((k for k in reversed(idx) if toks.tag[k] == "VCP"), -1)
    return copula > idx.start and (not preds or preds[-1][0] < copula) \
        and lex.speech_nouns.fullmatch(toks.form[copula - 1]) is not None


def _pick_speaker(subjects: Sequence[Mention], span: Span, people: People, lex: Lexicon,
                  toks: ArticleTokens | None = None, *, nested: bool = False) -> Mention | None:
    """The subject most likely to be the speaker of ``span``.

    Preferred, in order: a subject of the quote's own clause (not :func:`_elsewhere`) and not a
    source (X에 따르면); a person over an organisation over another noun phrase; a subject in the
    quote's own clause; a topic (은/는) over a case subject (이/가); before the quote over after it;
    the nearest. When the reporting is itself reported (``nested``), a topic before a case subject
    is the outer reporter (연합뉴스는 … 관계자가 "…"고 밝혔다고 전했다). (A statement the sentence
    cites, :func:`_cited_source`, overrides any subject that is not a person.)
    """
    if not subjects:
        return None
    open_at = span.opening

    def key(m: Mention) -> tuple[int, int, int, int, int, int]:
        before = m.end <= open_at
        broken = int(before and toks is not None and _clause_break(toks, m.end, open_at))
        demoted = int(_elsewhere(m, span, toks)) + int(m.marker == 2) + int(
            nested and before and m.marker == 0
            and any(o.marker == 1 and o.start >= m.end and o.end <= open_at for o in subjects))
        return (demoted, _rank(m, people, lex), broken, m.marker, 0 if before else 1,
                (open_at - m.end) if before else m.start)

    return min(subjects, key=key)


NOWHERE: Final = Span(start=2**31, end=2**31, open_mark=-1, close_mark=-1)  # for "the subject of a sentence"


def _people_named(phrases: Sequence[Mention], spans: Sequence[Span], lex: Lexicon) -> People:
    """The full names the article itself gives outside quotes, to resolve short references."""
    people = People()
    for m in phrases:
        if _quoted(spans, m.start):
            continue
        if m.name and _is_full_name(m, lex):
            people.add(m.name, m.role)
        elif anonymous := ANONYMOUS.search(m.text):  # 의사 김모씨에게 … 김씨는 → 김모씨
            people.add(anonymous.group(0))
    return people


def quotes_in_article(text: str, toks: ArticleTokens, *, lex: Lexicon | None = None) -> list[dict[str, object]]:
    """Quotes of one article as dicts with the :data:`analysis.schema.QUOTES` fields (no id)."""
    lex = lex or lexicon()
    spans = find_spans(text)
    if not spans:
        return []
    memo: dict[tuple[int, int], Mention | None] = {}
    people = _people_named(_noun_phrases(text, toks, lex, memo), spans, lex)
    n_sent = len(toks.sent_start)

    @cache
    def sent_subjects(i: int) -> list[Mention]:
        found = _subjects(text, toks, int(toks.sent_start[i]), int(toks.sent_end[i]), spans, lex, memo)
        # a name Kiwi did not see as proper (정한중 징계위원장) still resolves a later 정 직무대리; sentences
        # are visited in text order (the in-force loop), so what ``people`` holds is deterministic
        for m in found:
            if m.role and m.name not in people.names and _name_shaped(m.name, lex):
                people.add(m.name, m.role)
        return found

    in_force: tuple[str, str] = ("", "")  # (speaker, role) of the last person or organisation talking
    rows: list[dict[str, object]] = []
    last_sent_seen = -1
    decisions = [_is_speech(text, sp, toks, lex, _clause_end(text, toks, sp)) for sp in spans]
    # quotes chained by a comma or 와/과 share the fate of the last one: "인과응보다", "…되나?"라는 반응
    for i in range(len(spans) - 2, -1, -1):
        a, b = spans[i], spans[i + 1]
        if a.close_mark >= 0 and b.open_mark >= 0 and not decisions[i][0] and decisions[i + 1][0] \
                and re.fullmatch(r"\s*(?:[,·]|와|과)\s*", text[a.close_mark + 1: b.open_mark]):
            decisions[i] = decisions[i + 1]
    for span, (speech, cue) in zip(spans, decisions, strict=True):
        si = toks.sentence_of(span.anchor)
        # the subjects of the sentences since the last quote change who is in force
        for j in range(last_sent_seen + 1, si):
            best = _pick_speaker(sent_subjects(j), NOWHERE, people, lex)
            if best is not None and _rank(best, people, lex) > 1:  # 김원웅 광복회장의 발언이 화제가 됐다
                best = _cited_source(text, toks, int(toks.sent_start[j]), int(toks.sent_end[j]), spans, lex) or best
            if best is None:
                continue
            # a person takes the floor in any sentence; an organisation or anything else only in one
            # that reports speech (미국은 … 잃는 것이나 다름없었다 leaves 바이든 talking), and never
            # a remark itself (해당 발언은 …라는 내용이었다)
            reports = _reports(toks, int(toks.sent_start[j]), int(toks.sent_end[j]), lex) \
                and not _speech_noun(best.text.split()[-1], lex)
            if _rank(best, people, lex) == 0 or reports:
                in_force = (_canonical(best, people, lex) or in_force[0], best.role)
        last_sent_seen = max(last_sent_seen, si - 1)
        if not speech:
            continue
        subjects = sent_subjects(si)
        basis: QuoteBasis = "subject"
        if cue == "(standalone)" and si + 1 < n_sent and not subjects:
            nxt_lo, nxt_hi = int(toks.sent_start[si + 1]), int(toks.sent_end[si + 1])
            if _FORWARD_CUE.search(text, nxt_lo, nxt_hi):
                subjects, basis = sent_subjects(si + 1), "next sentence"
        open_at, close_at = span.opening, span.closing
        hi = _clause_end(text, toks, span)
        nested = _nested(toks, close_at, hi, lex)
        best = _pick_speaker(subjects, span, people, lex, toks, nested=nested)
        if best is not None and in_force[0] and _elsewhere(best, span, toks):
            best = None  # its only subject is another clause's: 곽 전 교육감이 추진해온 조직개편과 관련해서는 "…"
        reporter = _adnominal_reporter(text, toks, span, hi, lex) \
            or _possessor(text, toks, open_at, int(toks.sent_start[toks.sentence_of(open_at)]), lex)
        if reporter is not None and _rank(reporter, people, lex) <= 1:
            best, basis = reporter, "reporter"  # "…"고 말한 김 의원은; 잭 런던의 "…"
        if best is None or _rank(best, people, lex) > 0:  # a newspaper or 정부 citing someone's statement
            cited = _cited_source(text, toks, int(toks.sent_start[si]), open_at, spans, lex)
            if cited is not None:
                best, basis = cited, "source"
        if best is not None and best.marker == 2:
            basis = "source"  # 관계자에 따르면
        speaker = _canonical(best, people, lex) if best is not None else ""
        mention = best.text if best is not None else ""
        role = best.role if best is not None and speaker else in_force[1]
        if ANONYMOUS.search(mention):
            people.add(speaker)  # 의사 김모씨 … 김씨 → 김모씨
        ref = DEMONSTRATIVE.fullmatch(mention)
        if ref:  # 이 관계자 → the 관계자 who spoke before (합동참모본부 관계자)
            speaker = next((str(r["speaker"]) for r in reversed(rows) if str(r["speaker"]).endswith(ref.group(1))),
                           speaker)
        unsaid = best is not None and _speech_noun(best.text.split()[-1], lex)
        if unsaid:  # "…"는 등 비판도 있었다: a remark nobody is named for; but in "…"이란 평가도
            # 내놨다 and "…"이라는 공동성명도 채택했다 the remark is what the speaker in force put out
            after = _predicates(toks, toks.token_range(best.end, hi))
            put_out = bool(after) and (after[0][1] in lex.speech_verbs or (
                text.startswith("도", best.end) and after[0][1] not in APPEAR))
            speaker, role = in_force if put_out else ("", "")
            basis = "in force"
        elif not speaker:
            speaker, basis = in_force[0], "in force"
        if speaker:
            in_force = (speaker, role)
        else:
            basis = ""
        rows.append(
            {
                "sent_id": int(toks.sent_ids[si]),
                "start": span.start,
                "end": span.end,
                "content": text[span.start: span.end],
                "speaker": speaker,
                "mention": mention,
                "role": role,
                "cue": cue,
                "basis": basis,
            }
        )
    return rows


def _bounds(ids: pd.Series) -> dict[str, tuple[int, int]]:
    """(first, last + 1) row of each article in a table grouped by article.

    Raises:
        ValueError: an article's rows are not contiguous.
    """
    import numpy as np
    import pandas as pd

    if not len(ids):
        return {}
    codes, uniques = pd.factorize(ids)
    change = np.flatnonzero(codes[1:] != codes[:-1]) + 1
    starts = np.r_[0, change]
    ends = np.r_[change, len(ids)]
    names = uniques[codes[starts]].tolist()
    out = {name: (int(s), int(e)) for name, s, e in zip(names, starts, ends, strict=True)}
    if len(out) != len(starts):
        raise ValueError("tokens/sentences must be grouped by article (as build writes them)")
    return out


def quoted_articles(
    articles: pd.DataFrame, sentences: pd.DataFrame, tokens: pd.DataFrame
) -> Iterator[tuple[str, str, ArticleTokens]]:
    """``(article_id, text, tokens)`` of every article with a quotation mark, in table order.

    Args:
        articles: the ``articles`` table (``article_id``, ``text``).
        sentences: the ``sentences`` table.
        tokens: the ``tokens`` table.
    """
    # whole columns once, then per-article slices (the tables are grouped by article, in order)
    t_bounds = _bounds(tokens["article_id"])
    s_bounds = _bounds(sentences["article_id"])
    t_start, t_end = tokens["start"].tolist(), tokens["end"].tolist()
    t_form = tokens["form"].astype(str).tolist()
    t_tag = tokens["tag"].astype(str).tolist()
    t_lemma = tokens["lemma"].fillna("").astype(str).tolist()
    s_start, s_end = sentences["start"].tolist(), sentences["end"].tolist()
    s_ids = sentences["sent_id"].tolist()
    for article_id, text in zip(articles["article_id"], articles["text"], strict=True):
        if not any(c in text for c in ALL_MARKS) or article_id not in s_bounds:
            continue
        a, b = t_bounds.get(article_id, (0, 0))
        c, d = s_bounds[article_id]
        yield article_id, text, ArticleTokens(start=t_start[a:b], end=t_end[a:b], form=t_form[a:b], tag=t_tag[a:b],
                                              lemma=t_lemma[a:b], sent_start=s_start[c:d], sent_end=s_end[c:d],
                                              sent_ids=s_ids[c:d])


def extract_quotes(articles: pd.DataFrame, sentences: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """The ``quotes`` table of a built corpus.

    Args:
        articles: the ``articles`` table (``article_id``, ``text``).
        sentences: the ``sentences`` table.
        tokens: the ``tokens`` table.

    Returns:
        One row per direct quote, ordered by article then offset; ``text[start:end] == content``.
    """
    import pandas as pd

    lex = lexicon()
    rows: list[dict[str, object]] = []
    for article_id, text, toks in quoted_articles(articles, sentences, tokens):
        for number, row in enumerate(quotes_in_article(text, toks, lex=lex)):
            row["article_id"] = article_id
            row["quote_id"] = number
            rows.append(row)
    if not rows:
        return empty_frame("quotes")
    return conform(pd.DataFrame(rows, columns=list(QUOTES)), "quotes")
