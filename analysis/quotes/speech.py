"""Stage 2: tell speech from names and terms.

A span is speech when what follows its closing mark makes it so: a quotative ending (``라고``,
``며``, ``고`` → speech, unless a naming verb follows: ``"…"라고 불리는``), an adnominal one
before a speech noun (``"…"라는 입장``; ``"…"라는 제목`` is a name), a reporting verb later in the
clause, or a whole sentence standing alone. A single-quoted span is speech only as reported speech:
a quotative ending and a reporting verb after it (``‘…’고 말했다``); a single-quoted term, title
or slogan never is (``'약자 동행 특별시'로``).

Example:
    >>> from analysis.quotes.lexicon import lexicon
    >>> is_speech_noun("공동성명", lexicon())
    True
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Final

from .lexicon import Lexicon
from .spans import HANGUL_RUN, MIDWORD_QUOTATIVE, Span
from .tokens import ArticleTokens, predicates

PARTICLE_END: Final = re.compile(r"(을|를|이|가|은|는|의|에|로|으로|과|와|도)$")
GLUED: Final = re.compile(r"[가-힣]")  # a word right after a closing mark continues its clause
#: A quotative ending typed after a space: "…" 라고 하였다, "…물러나야" 한다며.
SPACED_QUOTATIVE: Final = re.compile(r" (?=(?:(?:이)?라(?:고|며|면서|는)|[하한했해][가-힣]*(?:며|고|면서))(?![가-힣]))")
#: The mark closes inside a predicate: "…제공"하기로 합의했다고 밝혔다, "…촉구"한다고.
MIDWORD_PREDICATE: Final = re.compile(r"[하해했한할함][가-힣]*(?:고|며|면서|로)")
#: …or inside a connective clause, speech when a reporting verb follows: "…맞"지만 … 전했다.
MIDWORD_CONNECTIVE: Final = re.compile(r"[가-힣]*(?:지만|므로|는데|니까|어서|아서|고)")
GLOSS: Final = re.compile(r"\([^()\n]{1,40}\)")  # "…"(meddlesome)이란: a gloss between a quote and its ending
CALLED: Final = re.compile(r" (?:하는|한) ([가-힣]+)")  # "…"라고 하는 방식
#: A word between 라는 and its noun: an adjective (무책임한, 협박성, 적극적인) or 등(의).
NOUN_MODIFIER: Final = re.compile(r"[가-힣]*(?:[^은]한|던|성|적인|스러운|로운)|등(?:의)?")
#: Remarks listed after a quote with no ending of its own: "…" 등의 반응.
LISTED: Final = re.compile(r"\s*등(?:의)?\s+([가-힣]+)")
#: A possessed speech noun after a quote: 박 교수의 설명, 제동수(58) 씨의 다급한 목소리.
POSSESSED: Final = re.compile(r"[가-힣A-Za-z0-9)]의\s+(?:[가-힣]+[ㄴ는한은던]\s+)?([가-힣]+)")
#: The quotative endings after which single-quoted text is reported speech (GUIDELINES.md).
SINGLE_QUOTATIVE: Final = re.compile(r"(?:이)?라?(?:고|며|면서)")


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


def is_speech_noun(word: str, lex: Lexicon) -> bool:
    """A speech noun (발언, 입장), or a compound that ends in one of two syllables or more (수상소감,
    공동성명; not 주말)."""
    return lex.speech_nouns.fullmatch(word) is not None \
        or any(lex.speech_nouns.fullmatch(word, i) for i in range(1, len(word) - 1))


def _classify(text: str, span: Span, toks: ArticleTokens, lex: Lexicon, sent_hi: int) -> tuple[bool, str]:
    """(speech?, cue) for one span."""
    content = text[span.start: span.end].strip()
    if not re.search(r"[가-힣A-Za-z0-9]", content):
        return False, ""
    after_lo = span.close_mark + 1 if span.close_mark >= 0 else span.end
    preds = predicates(toks, toks.token_range(after_lo, sent_hi))
    speech_pred = next((lemma for _, lemma in preds if lemma in lex.speech_verbs), "")
    first_pred = preds[0][1] if preds else ""
    suffix, suffix_end = _suffix(text, span.close_mark, sent_hi) if span.close_mark >= 0 else ("", after_lo)
    words = len(content.split())
    called = CALLED.match(text, suffix_end, sent_hi)
    if suffix in lex.word_set("naming_quotatives") and called \
            and PARTICLE_END.sub("", called.group(1)) not in lex.word_set("said_heads"):
        # "…"라고 하는 방식/이름: a noun phrase, judged as after 라는 (but "…"라고 한 적이 있다 is speech)
        suffix, suffix_end = "라는", called.start(1) - 1
    if suffix in lex.word_set("naming_quotatives") and first_pred == "하다" and words == 1:
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
        if noun and (lex.speech_nouns.match(noun) or is_speech_noun(head, lex)):
            return True, speech_pred or suffix
        # a whole claim: 그 이유는 "…없다"는 것이다
        if re.fullmatch(r"것(?:이다|입니다|이라고|이었다)?", noun) and words >= 2 and re.search(r"다[.!]?$", content):
            return True, speech_pred or suffix
        # …해야 한다"는 것이 강론의 주요 내용이었다: the claim is what a speech noun says
        if noun in lex.word_set("claim_nouns") and words >= 2 and re.search(r"다[.!]?$", content) and any(
                lex.speech_nouns.fullmatch(PARTICLE_END.sub("", w)) or lex.speech_nouns.fullmatch(w.removesuffix("이었다"))
                for w in re.findall(r"[가-힣]+", text[suffix_end: sent_hi])):
            return True, speech_pred or suffix
        # "…"는 게 박 교수의 설명이다, "…"라는 선장 제동수 씨의 다급한 목소리가: whose words the quote is
        if words >= 2 and possessed_speech(text, suffix_end, sent_hi, lex):
            return True, speech_pred or suffix
        return (bool(speech_pred) and words >= 2), speech_pred
    if not suffix:
        listed = LISTED.match(text, after_lo, sent_hi)  # "…", "…" 등의 반응이 나왔다
        if listed and words >= 2 and is_speech_noun(PARTICLE_END.sub("", listed.group(1)), lex):
            return True, speech_pred or "(standalone)"
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


def clause_end(text: str, toks: ArticleTokens, span: Span) -> int:
    """Where the sentence reporting ``span`` ends. Kiwi sometimes ends a sentence right at a closing
    mark ("…것"|이라며 …): the words glued after the mark still belong to it."""
    si = toks.sentence_of(span.anchor)
    hi = int(toks.sent_end[si])
    glued = span.close_mark >= 0 and (GLUED.match(text, span.close_mark + 1) is not None
                                      or SPACED_QUOTATIVE.match(text, span.close_mark + 1) is not None)
    if glued and hi <= span.close_mark + 1 and si + 1 < len(toks.sent_end):
        hi = int(toks.sent_end[si + 1])
    return hi


def possessed_speech(text: str, lo: int, hi: int, lex: Lexicon) -> bool:
    """Whether ``text[lo:hi]``, right after a quote's adnominal ending, soon names whose words it
    is with a possessive and a speech noun (는 게 박 교수의 설명이다)."""
    for m in POSSESSED.finditer(text, lo, min(hi, lo + 40)):
        if is_speech_noun(PARTICLE_END.sub("", m.group(1)).removesuffix("이다"), lex):
            return True
    return False


def _single_is_speech(text: str, span: Span, toks: ArticleTokens, lex: Lexicon, sent_hi: int) -> tuple[bool, str]:
    """(speech?, cue) for a single-quoted span: reported speech only, ``‘…’고 말했다``."""
    suffix, _ = _suffix(text, span.close_mark, sent_hi)
    if not SINGLE_QUOTATIVE.fullmatch(suffix):
        return False, ""
    preds = predicates(toks, toks.token_range(span.close_mark + 1, sent_hi))
    if not preds or preds[0][1] in lex.naming_verbs or preds[0][1] in lex.word_set("thinking_verbs"):
        return False, ""  # '…'라고 불렀다, '…'라고 생각했다: a name or a thought
    speech_pred = next((lemma for _, lemma in preds if lemma in lex.speech_verbs), "")
    words = len(text[span.start:span.end].split())
    said = preds[0][1] == "하다" and words >= 2  # '…'라고 했다 (not '평형수'라고 하는)
    saying = suffix in lex.word_set("saying_quotatives")  # '모르겠다'며 응답을 미루었다
    return bool(speech_pred) or said or saying, speech_pred or suffix


def _titled(text: str, span: Span, toks: ArticleTokens, lex: Lexicon) -> bool:
    """Whether a double-quoted span is the title of a work named right before it and followed by a
    plain particle (양상훈 주필의 칼럼 “…”에서, 영화 "…"은 흥행했다), or named right after it
    (“…” 칼럼에 대해)."""
    if span.close_mark < 0:
        return False
    works = lex.word_set("work_nouns")
    after = re.match(r" ([가-힣]+)", text[span.close_mark + 1: span.close_mark + 12])
    if after and PARTICLE_END.sub("", after.group(1)) in works:
        return True
    k = bisect.bisect_left(toks.start, span.open_mark) - 1 if span.open_mark >= 1 else -1
    if k < 0 or toks.form[k] not in works or text[toks.end[k]:span.open_mark].strip():
        return False
    suffix, _ = _suffix(text, span.close_mark, len(text))
    return bool(suffix) and (PARTICLE_END.fullmatch(suffix) is not None or suffix in lex.word_set("title_particles"))


def classify(text: str, spans: Sequence[Span], toks: ArticleTokens, lex: Lexicon) -> list[tuple[bool, str]]:
    """(speech?, cue) for every span of one article, in order.

    Quotes chained by a comma or 와/과 share the fate of the last one (``"인과응보다", "…되나?"라는
    반응``). The cue is the reporting verb's lemma, the quotative ending, or ``(standalone)``.
    """
    decisions = []
    for sp in spans:
        hi = clause_end(text, toks, sp)
        if sp.single:
            decisions.append(_single_is_speech(text, sp, toks, lex, hi))
        else:
            decisions.append((False, "") if _titled(text, sp, toks, lex) else _classify(text, sp, toks, lex, hi))
    for i in range(len(spans) - 2, -1, -1):
        a, b = spans[i], spans[i + 1]
        if a.close_mark >= 0 and b.open_mark >= 0 and not decisions[i][0] and decisions[i + 1][0] and a.single == b.single \
                and re.fullmatch(r"\s*(?:[,·]|와|과)\s*", text[a.close_mark + 1: b.open_mark]):
            decisions[i] = decisions[i + 1]
    return decisions
