"""Stage 3a: mentions — the noun phrases that can name a speaker, parsed into name and role.

A mention is the noun phrase before a subject particle (``국민의힘 배준영 대변인은`` → name
``배준영``, role ``대변인``), read backwards word by word over Kiwi's morphemes: it keeps
affiliations and titles, skips a bracket between the name and its particle (``이대영(53)``,
``김도현 (Kim Dohyun)은``), and stops at a word of time or discourse. :mod:`.cast` links every
mention of an article to one entity.

Example:
    >>> from analysis.quotes.mentions import is_korean_name
    >>> from analysis.quotes.lexicon import lexicon
    >>> is_korean_name("오세훈", lexicon())
    True
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from .lexicon import Lexicon
from .spans import ALL_MARKS, Span, SpanList
from .tokens import ArticleTokens

NOMINAL_TAGS: Final = frozenset({"NNG", "NNP", "NNB", "NR", "SL", "SH", "SN", "XSN", "XPN", "XR", "MM", "NP"})
ANONYMOUS: Final = re.compile(r"(?<![가-힣])[가-힣] ?모 ?(?:씨|[가-힣]+)$")  # 김 모 씨, 김모씨, 이 모 교수
DATE_WORD: Final = re.compile(r"\d+(?:년|월|일|시|분)(?:께|경)?")  # 2022년 6월 10일 저스틴 비버: not part of a name
HANJA: Final = re.compile(r"[\u4e00-\u9fff]+")  # 허우한민(侯漢敏): a name glossed in Hanja
UPPER_NAME: Final = re.compile(r"[A-Z][A-Za-z0-9&.-]+")  # NASA, MBC, ISAF
LATIN_IN_NAME: Final = re.compile(r"[가-힣][A-Za-z]+$")  # 안보정론tv, 뉴스K: a channel's or brand's name
#: Kiwi's tags of punctuation (numbers, Latin letters and Hanja are no break in a noun phrase).
PUNCTUATION: Final = frozenset({"SF", "SP", "SS", "SSO", "SSC", "SE", "SO"})
#: A final consonant Kiwi splits off a syllable as a particle or ending (정지훈 → 정지/NNG 후/NNG ᆫ/JX).
JAMO_ENDINGS: Final = frozenset("ᆫᆯᆷᆸ")
HYPHENATED: Final = re.compile(r"[가-힣]+(?:-[가-힣]+)+")  # 드-라크루아, 페레스-가르시아: one part of a foreign name
NAME_WORDS: Final = re.compile(r"[가-힣]+(?:[- ][가-힣]+)*")  # the words of a name Kiwi reads as one proper noun


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
    gloss: str = ""  # a bracket between the phrase and its particle: 항공우주국(NASA)는 → NASA


def is_role(word: str, lex: Lexicon) -> bool:
    """수석대변인, 서울시장: ends in a role; a one-syllable role (전, 현, 씨) only as a word of its own
    (이정현 is a name)."""
    return word in lex.roles.words or lex.roles.suffix_of(word, min_length=2)


def is_korean_name(word: str, lex: Lexicon, *, proper: bool = True) -> bool:
    """김웅, 오세훈, 남궁민수: a surname and one to three syllables, not an organisation's name.

    ``proper`` says Kiwi analysed the word as (or starting with) a proper noun; common nouns
    that happen to start like a surname (노조, 정부) are not names.
    """
    if not proper or not re.fullmatch(r"[가-힣]{2,4}", word) or word in lex.roles.words or word in lex.non_speakers \
            or word in lex.places or word in lex.organisation_aliases:  # 코레일 is no 코 레일
        return False
    surname = lex.surnames.prefix_of(word)
    foreign = not lex.word_set("transliteration_syllables").isdisjoint(word[len(surname):])
    if not surname or len(word) - len(surname) not in (1, 2) or foreign:
        return False
    return not lex.org_suffixes.suffix_of(word)


def name_shaped(word: str, lex: Lexicon) -> bool:
    """A three-syllable word that starts with a one-syllable surname (홍수열, 정한중), whatever
    Kiwi tagged it: a name when the phrase's other words say so (a title after it)."""
    return re.fullmatch(r"[가-힣]{3}", word) is not None and word[0] in lex.surnames.words \
        and not is_role(word, lex) and word not in lex.non_speakers and word not in lex.places


def _plain_word(word: str, lex: Lexicon) -> bool:
    """A Hangul word that could be part of a name Kiwi does not know: no title, organisation or
    word of time and discourse (알마즈벡, 화춘잉)."""
    return NAME_WORDS.fullmatch(word) is not None and not is_role(word, lex) \
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
            glued.group(1) in lex.surnames.words or is_korean_name(glued.group(1), lex)):
        words, nnp, proper = [*words[:-1], glued.group(1), "씨"], [*nnp[:-1], True, False], [*proper[:-1], True, False]
    roles = [i for i, w in enumerate(words) if is_role(w, lex)]
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
    if roles and roles[0] > 0 and lo > roles[0] and (strength < 2 or words[roles[0]] in lex.word_set("former")):
        before, sure = _name_in(list(range(roles[0])), words, nnp, proper, lex, roles=roles)
        if sure == 2:
            name = before
    # the words after the last title are a name, known to Kiwi or not: 장관 | 알마즈벡 아브또브
    after = words[roles[-1] + 1:] if roles and words[roles[-1]] in lex.roles.words else []
    if not name and 1 <= len(after) <= 4 and all(_plain_word(w, lex) for w in after) and len(after[-1]) > 1 \
            and (len(after) > 1 or len(after[0]) > 1):
        name = " ".join(after)
    # a name Kiwi does not know, before a country and a title: 화춘잉 | 중국 외교부 대변인
    place = next((i for i, w in enumerate(words) if w in lex.places), -1)
    if not name and roles and 1 <= place <= 2 and place < roles[-1] and all(_plain_word(w, lex) for w in words[:place]):
        name = " ".join(words[:place])
    # a rare name Kiwi reads as a common noun, first in a phrase that ends in a title:
    # 홍수열/NNG 자원순환사회경제연구소장; 최순실 씨 and 이용구 법무부 차관 even though 실 and 구 end
    # organisations' names (an organisation and a title after it: the first word is the person)
    if not name and roles and roles[-1] == len(words) - 1 and roles[0] > 0 and name_shaped(words[0], lex) \
            and (words[-1] == "씨" or not lex.org_suffixes.suffix_of(words[0])
                 or (nnp[0] and roles[0] >= 2 and lex.org_suffixes.suffix_of(words[1]))) \
            and not lex.unnamed_sources.suffix_of(words[-1]):
        name = words[0]
    # …and one after an organisation, before the title: 행정안전부 | 조해솔/NNG | 재난안전관리본부장
    first_role = roles[0] if roles else -1
    if not name and first_role >= 2 and roles[-1] == len(words) - 1 and name_shaped(words[first_role - 1], lex) \
            and not lex.org_suffixes.suffix_of(words[first_role - 1]) \
            and (lex.org_suffixes.suffix_of(words[first_role - 2]) or words[first_role - 2] in lex.places) \
            and not lex.unnamed_sources.suffix_of(words[-1]):
        name = words[first_role - 1]
    return name, role


def _name_in(run: list[int], words: list[str], nnp: list[bool], proper: list[bool], lex: Lexicon, *,
             roles: list[int]) -> tuple[str, int]:
    """The person's name among ``words[run]`` and how sure: 2 a full name, 1 a single proper noun, 0 none."""
    while roles and len(run) > 1 and words[run[-1]] in lex.places:  # 제이콥 주마 남아프리카공화국 | 대통령
        run = run[:-1]
    # a foreign name: two or more proper nouns in a row (조지 브라운, 버락 오바마)
    tail: list[int] = []
    for i in reversed(run):
        if nnp[i] and NAME_WORDS.fullmatch(words[i]) and not lex.org_suffixes.suffix_of(words[i]) \
                and words[i] not in lex.organisation_aliases:  # 코레일: an organisation's short name
            tail.insert(0, i)
        elif tail:
            break
    if tail and HYPHENATED.fullmatch(words[tail[0]]) and tail[0] - 1 in run and _plain_word(words[tail[0] - 1], lex) \
            and words[tail[0] - 1] not in lex.places:
        tail.insert(0, tail[0] - 1)  # 마리 | 드-라크루아: a given name Kiwi does not read as a proper noun
    while len(tail) >= 2 and words[tail[-1]] in lex.places:  # 아니스 셰이프 리비아 | 인민해방군 대변인
        tail.pop()
    while len(tail) >= 2 and words[tail[0]] in lex.places:  # 북한 | 김여정
        tail.pop(0)
    # a Korean name after a proper noun that is not one: 법률사무소 로베리 | 김동훈, 한화 이글스 | 정우람
    if len(tail) >= 2 and words[tail[-1]][0] in lex.word_set("common_surnames") and is_korean_name(words[tail[-1]], lex) \
            and len(words[tail[-1]]) == 3 and not is_korean_name(words[tail[-2]], lex):
        tail = tail[-1:]
    # an institution before a Korean name is an affiliation: 대한상공회의소 | 박종갑 (not 블라디미르 | 푸틴)
    while len(tail) >= 2 and max(len(part) for part in words[tail[0]].split()) > 4 \
            and is_korean_name(words[tail[1]], lex):
        tail.pop(0)
    korean = [i for i in run if is_korean_name(words[i], lex, proper=proper[i])]
    if not roles:  # with no title the name must be the head: 일부 일본 언론 is not 일본
        last = len(words) - 1
        tail = tail if tail and tail[-1] == last else []
        korean = [i for i in korean if i == last]
    if len(tail) >= 2:
        return " ".join(words[i] for i in tail[-4:]), 2
    if korean:
        return words[korean[-1] if roles and korean[-1] < roles[0] else korean[0]], 2
    if tail:
        return words[tail[-1]], 1
    if len(run) == 1 and roles and words[run[0]] in lex.surnames.words:  # 이 후보 (이/MM)
        return words[run[0]], 1
    return "", 0


def before_spaces(text: str, lo: int, pos: int) -> int:
    """``pos`` moved back over the spaces before it, not past ``lo``."""
    while pos > lo and text[pos - 1].isspace():
        pos -= 1
    return pos


def word_start(text: str, lo: int, pos: int) -> int:
    """Where the word ending at ``pos`` starts, after any double quotation mark glued to it
    ("메릴 에드워드 뉴먼이 …: the word is 메릴)."""
    i = pos
    while i > lo and not text[i - 1].isspace() and text[i - 1] not in ALL_MARKS:
        i -= 1
    return i


def _skip_bracket(text: str, lo: int, end: int) -> tuple[int, str]:
    """``end`` moved back over a bracket right before it, and what the bracket holds: the age, a
    romanisation, an abbreviation or a role between a name and its particle (이대영(53)은,
    김도현 (Kim Dohyun)은, 재단 (EFF)은, 박서진 원내대표(겸 대표 권한대행)는, 정은비(국회
    보건복지위원)는)."""
    if end - lo < 3 or text[end - 1] != ")":
        return end, ""
    opening = text.rfind("(", lo, end - 1)
    if opening <= lo or end - opening > 60 or ")" in text[opening + 1:end - 1]:
        return end, ""
    return before_spaces(text, lo, opening), text[opening + 1:end - 1].strip()


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


def mention_before(text: str, toks: ArticleTokens, k: int, lo: int, lex: Lexicon, *,
                    detached: bool = False) -> Mention | None:
    """The noun phrase whose last word carries the subject particle at token ``k``.

    Words are taken backwards while each ends in a noun (국민의힘 배준영 대변인은); a word ending
    in a particle, an ending or punctuation stops it, and so does a word of time or discourse
    (당시, 이후, 한편) that is left out. ``detached``: token ``k`` starts the next word instead
    (통일부 ``명의``의 성명).
    """
    head_end = before_spaces(text, lo, int(toks.start[k])) if detached else int(toks.start[k])
    head_end, gloss = _skip_bracket(text, lo, head_end)
    head_start = word_start(text, lo, head_end)
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
    hyphenated = HYPHENATED.fullmatch(head) is not None
    nnp = [hyphenated or (len(head_idx) == 1 and toks.tag[head_idx[0]] == "NNP")]
    proper = [hyphenated or (len(head_idx) >= 1 and toks.tag[head_idx[0]] == "NNP")]
    pos = head_start
    # a group or an unnamed source keeps its modifiers: 많은 사람들, 한국의 일부 네티즌들
    group = head.endswith(("들", "%")) or lex.unnamed_sources.suffix_of(head)  # 국민의 56%
    modified = False
    glossed: set[str] = set()
    while len(words) < 9:
        end = before_spaces(text, lo, pos)
        if end <= lo:
            break
        start = word_start(text, lo, end)
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
        split_name = name_shaped(word, lex) and (toks.tag[idx[0]] == "NNP" or (  # 정지/NNG 후/NNG ᆫ/JX | 위원
            toks.form[last] in JAMO_ENDINGS and is_role(words[0], lex)))
        if not modifier and not split_name and (toks.tag[last] not in NOMINAL_TAGS
                                                or not re.search(r"[가-힣A-Za-z0-9]$", word)):
            break
        surname = word in lex.surnames.words and is_role(words[0], lex)  # 이 후보는 (이/MM)
        if toks.tag[last] == "MM" and word not in lex.word_set("determiners") and not surname and not split_name:
            break
        if (word in lex.non_speakers and not surname) or DATE_WORD.fullmatch(word):
            break
        words.insert(0, word)
        if hanja:
            glossed.add(word)
        hyphenated = HYPHENATED.fullmatch(word) is not None  # 마리 드-라크루아
        nnp.insert(0, hanja or hyphenated or (len(idx) == 1 and toks.tag[last] == "NNP"))  # 허우한민(侯漢敏): in Hanja
        proper.insert(0, hanja or hyphenated or toks.tag[idx[0]] == "NNP")
        pos = word_start(text, lo, start)
        group = group or (word == "한" and toks.tag[last] == "MM")  # 한 검사: unnamed, keeps 대구지검의
        if modifier:
            modified = True
            if toks.tag[last] == "ETM":  # what comes before an adjective is another clause
                break
    while len(words) > 1 and words[0] in lex.non_speakers and not (
            words[0] in lex.surnames.words and is_role(words[1], lex)):
        words.pop(0)
        nnp.pop(0)
        proper.pop(0)
    if not words or head in lex.non_speakers or all(w in lex.non_speakers for w in words):
        return None
    while len(words) > 1 and words[-1] in lex.word_set("side_words"):  # '사의재' 측, 샤오치잉 자신들
        words.pop()
        nnp.pop()
        proper.pop()
    if len(words[-1]) >= 3 and words[-1].endswith("측"):  # 유가족측, 검찰측 (not 북측)
        words[-1] = words[-1][:-1]
    if len(words) > 1 and words[-1] in lex.word_set("relational_heads"):  # 관객들 사이(에서는)
        words, nnp, proper = words[:-1], nnp[:-1], proper[:-1]
    partitive = max((i for i, w in enumerate(words[:-1]) if w in lex.word_set("partitives")), default=-1)
    if partitive >= 0:  # 유가족 20여 명 가운데 대부분
        words, nnp, proper = words[partitive + 1:], nnp[partitive + 1:], proper[partitive + 1:]
    located = max((i for i, w in enumerate(words[:-1]) if w in lex.word_set("located")), default=-1)
    if located >= 0:  # 홍콩 소재 인권민주주의정보센터: where it is, not its name
        words, nnp, proper = words[located + 1:], nnp[located + 1:], proper[located + 1:]
    phrase = " ".join(words)
    name, role = _parse_phrase(words, nnp, proper, lex)
    if gloss and HANJA.fullmatch(gloss) and is_korean_name(words[-1], lex, proper=True):
        glossed.add(words[-1])  # 허우한민(侯漢敏)은
    inside = gloss.replace("·", " ").split()
    if inside and not role and is_role(inside[-1], lex) and (name or len(words) == 1):
        role = inside[-1]  # 정은비(국회 보건복지위원)는: a role given only in brackets
    if lex.unnamed_sources.suffix_of(head) or (modified and not (name and role)):
        name = ""  # an unnamed source or a group is the speaker as written: 서울시 관계자 (but 대구의 한 병원 최은호 교수)
    start = text.find(words[0], pos, head_end)
    start = start if start >= 0 else pos
    return Mention(text=phrase, name=name, role=role, start=start, end=head_end, proper=proper[-1],
                   glossed=name in glossed, gloss=gloss)


def quoted(spans: Sequence[Span], offset: int) -> bool:
    """Whether ``offset`` lies inside one of the quoted ``spans`` (in logarithmic time for a
    :class:`analysis.quotes.spans.SpanList`)."""
    if isinstance(spans, SpanList):
        return spans.covers(offset)
    return any(sp.start <= offset < sp.end for sp in spans)


def subject_marker(toks: ArticleTokens, k: int, lex: Lexicon) -> tuple[int, int] | None:
    """(index of the noun phrase's following token, marker strength) when token ``k`` marks a subject.

    Strength 0: topic or honorific subject (은/는, 께서); 1: subject case (이/가), an institution
    acting (X에서는), 도 and 역시 ("X도 …라고 말했다"); 2: a source (X에 따르면, X에 의하면), the
    speaker only when the sentence has no other subject (한겨레에 따르면 에스알 관계자는 "…").
    """
    form, tag = toks.form[k], toks.tag[k]
    if (form, tag) in lex.subject_particles:
        if k >= 1 and toks.form[k - 1] == "에서" and toks.tag[k - 1] == "JKB":  # 대법에서는, 환경부에서도
            return (k - 1, 1) if form in lex.word_set("institution_particles") else None
        return k, 0 if form in lex.word_set("topic_particles") else 1
    if form == "에서" and tag == "JKB" and k + 1 < len(toks.form) and toks.form[k + 1] in ALL_MARKS:
        return k, 1  # 대통령실에서 "…"라고: an institution acting (kept by subjects() only for a body)
    if form == "에" and tag == "JKB" and k + 1 < len(toks.form) and toks.form[k + 1] in lex.word_set("source_stems"):
        return k, 2  # 관계자에 따르면 / 의하면
    if form in lex.word_set("subject_adverbs") and tag == "MAG" and k >= 1 and toks.tag[k - 1] in NOMINAL_TAGS:
        return k, 1  # 서울환경연합 역시, 야3당 의원들 또한
    return None


def _misread_topic(text: str, toks: ArticleTokens, k: int) -> bool:
    """Whether tokens ``k - 1, k`` are a topic particle 는 that Kiwi read as a verb and an adnominal
    ending after a number or a sign (59%는 → 59/SN %/SW 늘/VV ᆫ/ETM)."""
    return k >= 2 and toks.form[k] == "ᆫ" and toks.tag[k - 1].startswith("VV") and toks.tag[k - 2] in ("SW", "SN", "SL") \
        and text.startswith("는", int(toks.start[k - 1])) and int(toks.end[k - 2]) == int(toks.start[k - 1])


def subjects(text: str, toks: ArticleTokens, lo: int, hi: int, spans: Sequence[Span], lex: Lexicon,
              memo: dict[tuple[int, int], Mention | None] | None = None) -> list[Mention]:
    """Subject noun phrases in ``text[lo:hi]`` outside quoted spans, in order.

    ``memo`` holds the noun phrases already parsed in this article (see :func:`noun_phrases`).
    """
    memo = {} if memo is None else memo
    out = []
    tags = toks.tag
    for k in toks.token_range(lo, hi):
        if tags[k] == "ETM" and _misread_topic(text, toks, k):  # 59%는 read as 늘/VV ᆫ/ETM
            marker: tuple[int, int] | None = (k - 1, 0)
        elif tags[k][0] != "J" and tags[k] != "MAG":  # every subject marker is a particle, or 역시
            continue
        else:
            marker = subject_marker(toks, k, lex)
        if marker is None:
            continue
        j, strength = marker
        s = int(toks.start[k])
        if quoted(spans, s):
            continue
        if (j, lo) not in memo:
            memo[j, lo] = mention_before(text, toks, j, lo, lex, detached=toks.tag[j] == "MAG")
        m = memo[j, lo]
        if m is not None and toks.tag[j] == "MAG" and not (m.proper or is_body(m, lex)):
            continue  # X 역시/또한 marks a speaker only when X is a person or a body (not 신년 연하장 역시)
        if m is not None and toks.form[j] == "에서" and (
                head_of(m) in lex.word_set("media") if toks.form[k] == "는" else not acts(m, lex)):
            continue  # X에서는 names a speaker unless X is a medium (개회사에서는); X에서(도) only an institution
        if m is not None and not quoted(spans, m.start):
            out.append(replace(m, marker=strength))
    return out


def head_of(m: Mention) -> str:
    """The last word of a mention (관계자 of 서울시 관계자)."""
    return m.text.rsplit(" ", 1)[-1] if m.text else ""


def acts(m: Mention, lex: Lexicon) -> bool:
    """Whether ``m`` before 에서 is an institution that can act (대통령실에서, 여러 기독교 단체에서),
    not a place, an event or a medium (국회에서 열린, 회의에서, 브리핑에서)."""
    head = head_of(m)
    return (lex.org_suffixes.suffix_of(head) or UPPER_NAME.fullmatch(head) is not None or head.endswith("단체")) \
        and head not in lex.places and head not in lex.word_set("media") and head not in lex.non_speakers


def is_body(m: Mention, lex: Lexicon) -> bool:
    """Whether ``m`` names someone who can speak though not (known as) a person: a name, a title,
    a group, an organisation or an unnamed source (국토부, 경찰 대변인, 유가족들, 한 관계자, NASA)."""
    head = m.text.split()[-1] if m.text else ""
    return bool(m.name or m.role or head.endswith(("들", "%")) or lex.org_suffixes.suffix_of(head) or head in lex.places
                or lex.unnamed_sources.suffix_of(head) or UPPER_NAME.fullmatch(head) or LATIN_IN_NAME.search(head))


def noun_phrases(text: str, toks: ArticleTokens, lex: Lexicon,
                  memo: dict[tuple[int, int], Mention | None] | None = None) -> list[Mention]:
    """Every noun phrase before a particle that has a proper noun or ends like an organisation's
    name (합동참모본부는): where an article introduces its cast.

    Each phrase parsed is kept in ``memo`` under (particle's token index, sentence start).
    """
    memo = {} if memo is None else memo
    out = []
    tags = toks.tag
    proper_since_break = False  # a proper noun since the last particle, ending or punctuation
    for k in range(1, len(tags)):
        tag = tags[k]
        if tags[k - 1] == "NNP":
            proper_since_break = True
        if not ((tag.startswith("J") or tag == "VCP")
                and (tags[k - 1] in NOMINAL_TAGS or toks.form[k - 1] == ")")):  # 항공우주국(NASA)의
            if tag[0] in "JE" or (tag in PUNCTUATION and toks.form[k] not in "()"):  # 법원 형사 9부(재판장 …)는
                proper_since_break = False
            continue
        near = proper_since_break
        proper_since_break = False
        if not near:  # no proper noun in the phrase: only a word that ends like an organisation (합동참모본부는)
            at = int(toks.start[k])
            word = text[word_start(text, max(0, at - 30), at):at]
            if tags[k - 1] != "NNG" or len(word) < 3 or not lex.org_suffixes.suffix_of(word):
                continue
        key = (k, int(toks.sent_start[toks.sentence_of(int(toks.start[k]))]))
        if key not in memo:
            memo[key] = mention_before(text, toks, k, key[1], lex)
        if memo[key] is not None:
            out.append(memo[key])
    return out
