"""Stage 4: choose the speaker from the structure of the reporting clause.

For each quote the clause that reports it runs from its sentence's start to the end of the
predicate that governs the quotative (``고``, ``라고``, ``며``, ``라며``, ``면서``, ``는`` …). Its
speaker is that predicate's own topic or subject (``은/는``, ``이/가``, ``께서``; ``에서/에서는/에서도``
for organisations), read from Kiwi's morphemes:

- arguments of embedded, adnominal and relative clauses are not the speaker (``X는 … Y가 주장한
  것에 대해 "…"``; ``군 지휘관이 … 한다고 언급하며 "…"`` is the topic's);
- a subject after the quote's own predicate and a clause ending belongs to the next clause;
- a medium or document (``브리핑에서는``, ``성명을 통해``, ``X의 발표를 인용해``) points to its author;
- the phrase the reporting verb modifies speaks (``"…"고 말한 김 의원은``, ``"…"라며 비난하는
  이들``), and so does a quote's possessor (``잭 런던의 "…"``);
- relayed speech goes to the original speaker (``X에 따르면 Y는 "…"`` → Y; ``"…"고 밝혔다고
  전했다`` → the inner verb's subject).

Example:
    >>> from analysis.quotes.lexicon import lexicon
    >>> from analysis.quotes.spans import Span
    >>> pick_speaker([], Span(0, 1, -1, -1), Cast(), lexicon()) is None
    True
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from ..schema import Attribution, QuoteBasis
from .cast import Cast
from .lexicon import Lexicon
from .mentions import (
    ANONYMOUS,
    NOMINAL_TAGS,
    Mention,
    head_of,
    mention_before,
    quoted,
    subject_marker,
    word_start,
)
from .spans import ALL_MARKS, HANGUL_RUN, Span
from .speech import clause_end, is_speech_noun
from .tokens import ArticleTokens, predicates

if TYPE_CHECKING:
    from .article import ArticleContext

NOWHERE: Final = Span(start=2**31, end=2**31, open_mark=-1, close_mark=-1)  # for "the subject of a sentence"


def embedded(toks: ArticleTokens, lo: int, hi: int, lex: Lexicon) -> bool:
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
        verbs = dict(predicates(toks, range(k + 1, idx.stop)))
        for j in range(k + 1, idx.stop):
            if form[j] in ALL_MARKS or tag[j] == "JKS" or (form[j], tag[j]) in lex.subject_particles:
                return False  # not inside a quote, and not another subject's verb
            if tag[j] == "EC" and any(verbs[v] not in lex.word_set("light_verbs") and tag[v] != "VA" for v in (j - 1, j - 2) if v in verbs):
                return True  # a verb with a connective ending (나와, 나서서), not 관련해서/대해
        return False

    def noun_after(k: int) -> int:  # the noun an adnominal ending modifies, past a quoted term (제안한 ‘…’ 구상)
        j = k + 1
        if j < len(tag) and tag[j] in ("SSO", "SS") and form[j] in "'‘\"“":
            close = next((n for n in range(j + 1, min(j + 30, len(tag))) if tag[n] in ("SSC", "SS")), -1)
            j = close + 1 if close > 0 else j
        if j < len(tag) and tag[j] in ("NNG", "NNB", "NNP"):
            return j
        return j - 1 if j > k + 1 and j < len(tag) and tag[j].startswith("J") else -1  # ‘…’에 대해: the term is the noun

    return any(tag[k] == "ETM" and k > idx.start and (n := noun_after(k)) > 0
               and (verb_before(k) or form[k] in lex.word_set("quotative_adnominals"))  # 수정이 필요하다는 주장
               and form[n] not in lex.word_set("adverbial_heads") and not verb_after(k) for k in idx)


def adnominal_subject(toks: ArticleTokens, end: int, hi: int, lex: Lexicon) -> bool:
    """Whether the subject ending at ``end`` belongs to a reported claim: an adnominal quotative
    ending (다는, 라는) comes before any connective or final one (바이든이 … 내세웠다는 주장도
    하였다), not the sentence's own predicate (정 총리가 … 미화하는 … 발언을 했다: the relative
    clauses inside the object are skipped, and so are verbs that work as postpositions, 위해)."""
    light = lex.word_set("light_verbs")
    verbs = dict(predicates(toks, toks.token_range(end, hi)))
    last_verb = ""
    for k in toks.token_range(end, hi):
        tag = toks.tag[k]
        if toks.form[k] in ALL_MARKS:
            return False
        if k in verbs:
            last_verb = verbs[k]
        elif tag == "ETM" and toks.form[k] in lex.word_set("quotative_adnominals"):
            return True
        elif tag in ("EC", "EF") and last_verb and last_verb not in light:
            return False
    return False


def clause_break(toks: ArticleTokens, lo: int, hi: int) -> bool:
    """A connective or final ending between ``lo`` and ``hi``: a subject before it belongs to an
    earlier clause (…공사에 들어갔지만, 상인들이 "…"며)."""
    return any(toks.tag[k] in ("EC", "EF") for k in toks.token_range(lo, hi))


def elsewhere(m: Mention, span: Span, toks: ArticleTokens | None, lex: Lexicon) -> bool:
    """Whether subject ``m`` belongs to another clause than the one reporting ``span``: a relative
    clause (윤 총장이 … 주장한 것에 대해 "…"; a topic such as 재판부는 never is) or a clause after
    the quote's reporting verb (…"라고 주장하지만, 유 의원은; …"고 신고했고, 해경은)."""
    if toks is None:
        return False
    open_at, close_at = span.opening, span.closing
    if m.end <= open_at:
        return m.marker == 1 and embedded(toks, m.end, open_at, lex)
    if m.start <= close_at:
        return False
    idx = toks.token_range(close_at, m.start)
    preds = predicates(toks, idx)
    if preds and any(toks.tag[k] in ("EC", "EF") for k in range(preds[0][0], idx.stop)):
        return True  # a predicate and a clause ending between them: …"고 신고했고, 해경은
    # a case subject inside a quotative clause after the quote: …"라며 수정이 필요하다는 주장을 했다
    hi = int(toks.sent_end[toks.sentence_of(m.start)])
    return m.marker == 1 and any(toks.tag[k] == "ETM" and toks.form[k] in lex.word_set("quotative_adnominals")
                                 for k in toks.token_range(m.end, hi))


def nested_report(toks: ArticleTokens, close_at: int, hi: int, lex: Lexicon) -> bool:
    """Whether the quote's reporting verb is itself reported (``"…"고 밝혔다고 전했다``): then the
    subject of the inner verb (관계자가) spoke, not the outer topic (연합뉴스는)."""
    preds = [(k, lemma) for k, lemma in predicates(toks, toks.token_range(close_at, hi)) if lemma in lex.speech_verbs]
    if len(preds) < 2:
        return False
    first, second = preds[0][0], preds[1][0]
    return any(toks.form[k] in lex.word_set("relay_quotatives") and toks.tag[k] in ("JKQ", "EC") for k in range(first + 1, second))


def reports(toks: ArticleTokens, lo: int, hi: int, lex: Lexicon) -> bool:
    """Whether the sentence ``[lo, hi)`` reports speech: it ends in a speech verb (…고 주장했다) or
    in a speech noun and the copula (…부여해야 한다는 입장입니다)."""
    idx = toks.token_range(lo, hi)
    preds = predicates(toks, idx)
    if preds and preds[-1][1] in lex.speech_verbs:
        return True
    copula = next((k for k in reversed(idx) if toks.tag[k] == "VCP"), -1)
    return copula > idx.start and (not preds or preds[-1][0] < copula) \
        and lex.speech_nouns.fullmatch(toks.form[copula - 1]) is not None


def pick_speaker(subjects: Sequence[Mention], span: Span, cast: Cast, lex: Lexicon,
                  toks: ArticleTokens | None = None, *, nested: bool = False, chain: int = -1) -> Mention | None:
    """The subject most likely to be the speaker of ``span``.

    Preferred, in order: a subject of the quote's own clause (not :func:`elsewhere`) and not a
    source (X에 따르면); a person over an organisation over another noun phrase; a subject in the
    quote's own clause; a topic (은/는) over a case subject (이/가); before the quote over after it;
    the nearest. When the reporting is itself reported (``nested``), a topic before a case subject
    is the outer reporter (연합뉴스는 … 관계자가 "…"고 밝혔다고 전했다). (A statement the sentence
    cites, :func:`cited_source`, overrides any subject that is not a person.) ``chain``: where the
    first of the quotes chained with this one opens (``"A"라며 "B"고 밝혔다``): the quotative
    ending between them breaks no clause.
    """
    if not subjects:
        return None
    open_at = span.opening
    clause_open = chain if 0 <= chain < open_at else open_at

    def key(m: Mention) -> tuple[int, int, int, int, int, int]:
        before = m.end <= open_at
        broken = int(before and toks is not None and clause_break(toks, m.end, min(clause_open, open_at))
                     if m.end <= clause_open else 0)
        demoted = int(elsewhere(m, span, toks, lex)) + int(m.marker == 2) + int(
            nested and before and m.marker == 0
            and any(o.marker == 1 and o.start >= m.end and o.end <= open_at for o in subjects)) + int(
            # a case subject or a second topic between the clause's topic and the quote is the reported
            # clause's (검찰은 박희영 구청장이 "…(했다)"며 … 강조했다; 코레일은 대학생은 "…"이라고 했지만):
            # the topic reports, unless the report is relayed
            not nested and before and m.marker in (0, 1) and toks is not None
            and any(o.marker == 0 and o.end <= m.start and cast.rank(o, lex) <= 1
                    and not clause_break(toks, o.end, m.start) and not elsewhere(o, span, toks, lex) for o in subjects))
        return (demoted, cast.rank(m, lex), broken, m.marker, 0 if before else 1,
                (open_at - m.end) if before else m.start)

    return min(subjects, key=key)


def cited_source(text: str, toks: ArticleTokens, lo: int, hi: int, spans: Sequence[Span],
                  lex: Lexicon) -> Mention | None:
    """The author of a statement the sentence cites in ``text[lo:hi]`` outside quoted ``spans``:
    ``X의 발표를 인용해``, ``X 명의의 성명을 통해``, ``X의 글에 따르면``, ``X의 반응은`` → X (the
    quote is X's, whoever reports it)."""
    form, tag = toks.form, toks.tag
    idx = toks.token_range(lo, hi)
    for k in idx:
        if tag[k] != "JKG" or k + 1 >= len(form) or form[k + 1] not in lex.source_nouns or k == idx.start:
            continue
        if quoted(spans, toks.start[k]):
            continue
        if form[k - 1] == "명의" and tag[k - 1] == "NNG":  # 통일부 명의의 성명
            return mention_before(text, toks, k - 1, lo, lex, detached=True)
        if any(form[j] == "인용" and tag[j] == "NNG" and tag[j - 1] == "JKO" for j in range(k + 2, min(k + 4, idx.stop))):
            return mention_before(text, toks, k, lo, lex)  # 주마 대통령의 발표를 인용해
        marker = subject_marker(toks, k + 2, lex) if k + 2 < idx.stop else None
        if marker is not None and marker[0] == k + 2 and form[k + 2] != "도":  # 연구원의 글에 따르면, 총장의 반응은
            return mention_before(text, toks, k, lo, lex)
    for k in idx:  # X를 인용해: the quote is X's (양강도 소식통을 인용하여 "…"고 보도했다)
        if tag[k] in ("JKO", "JKG") and k + 1 < idx.stop and form[k + 1] == "인용" and k > idx.start \
                and not quoted(spans, toks.start[k]):
            m = mention_before(text, toks, k, lo, lex)
            if m is not None and head_of(m) not in lex.source_nouns and head_of(m) not in lex.word_set("media"):
                return m
    return None


def adnominal_reporter(text: str, toks: ArticleTokens, span: Span, hi: int, lex: Lexicon) -> Mention | None:
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
    m = mention_before(text, toks, j, int(toks.end[etm]), lex)
    if m is not None and (m.text in lex.pronouns or lex.collectives.suffix_of(m.text)):
        # "…"라며 비난하는 이들도 있었다: the people the clause describes, as written with its verb
        verb = word_start(text, span.close_mark + 1, int(toks.end[etm]))
        m = replace(m, text=f"{text[verb:int(toks.end[etm])]} {m.text}", start=verb, name="", role="")
    return m


def relayed_author(text: str, toks: ArticleTokens, span: Span, hi: int, lex: Lexicon) -> Mention | None:
    """Whose words a quote is when the sentence names them after it with a possessive and a
    speech noun: ``"…"라는 헬가 순드크비스트 사무총장의 말을 전했다``, ``"…"는 게 박 교수의
    설명이다`` → that person, else ``None``."""
    glued = HANGUL_RUN.match(text, span.close_mark + 1, hi) if span.close_mark >= 0 else None
    if glued is None or not lex.adnominal.fullmatch(glued.group(0)):
        return None  # only "…"라는 / "…"는: the quote is what the noun after it says
    idx = toks.token_range(span.close_mark + 1, hi)
    form, tag = toks.form, toks.tag
    for k in idx[:12]:
        if form[k] in ALL_MARKS or tag[k].startswith(("VV", "VA")) or tag[k] == "EF":
            return None  # another quote, or a predicate of its own first
        if tag[k] == "JKG" and k + 1 < len(form) and lex.speech_nouns.fullmatch(form[k + 1]) and k > idx.start:
            return mention_before(text, toks, k, span.close_mark + 1, lex)
    return None


def possessor(text: str, toks: ArticleTokens, open_at: int, lo: int, lex: Lexicon) -> Mention | None:
    """Whose words a quote is when the quote itself is possessed: ``잭 런던의 "…"``, ``스가 관방장관의
    담화문의 "…"`` → that noun phrase, else ``None``."""
    k = bisect.bisect_left(toks.start, open_at) - 1
    if k < 1 or toks.tag[k] != "JKG" or text[toks.end[k]:open_at].strip():
        return None
    m = mention_before(text, toks, k, lo, lex)
    if m is not None and m.text.split()[-1] in lex.source_nouns:  # …관방장관의 담화문의 "…"
        j = bisect.bisect_left(toks.start, m.start) - 1
        if j >= 1 and toks.tag[j] == "JKG":
            m = mention_before(text, toks, j, lo, lex)
    return m


def choose_speaker(art: ArticleContext, span: Span, cue: str, *, in_force: tuple[str, str], spoken: Sequence[str],
               chain: int = -1) -> tuple[Attribution, Mention | None]:
    """The speaker of ``span`` from its reporting clause, and the mention that names them.

    Tried in order: the governing predicate's subject (:func:`pick_speaker`; for a stand-alone
    quote, the next sentence's when it reports it, ``… 이같이 말했다``); the phrase the reporting
    verb modifies or the quote's possessor (:func:`adnominal_reporter`, :func:`possessor`); the
    author a speech noun after the quote names (:func:`relayed_author`); a statement the sentence
    cites (:func:`cited_source`); a medium's author. A pronoun, no subject, a remark the speaker in
    force put out (``"…"이란 평가도 내놨다``, ``해당 발언은``) take the speaker ``in_force``
    (speaker, role); ``이 관계자`` the last of ``spoken`` (the speakers so far) with that head.

    Args:
        art: the article as read.
        span: the quote.
        cue: its cue (:func:`analysis.quotes.speech.classify`).
        in_force: (speaker, role) in force before the quote.
        spoken: the speakers of the article's quotes so far, in order.
        chain: where the first of the quotes chained with this one opens (see :func:`pick_speaker`).

    Example:
        >>> choose_speaker(art, art.spans[0], "말하다", in_force=("", ""), spoken=[])  # doctest: +SKIP
        (Attribution(speaker='오세훈', mention='오세훈 서울시장', role='서울시장', basis='subject'), Mention(...))
    """
    text, toks, lex, spans, cast = art.text, art.toks, art.lex, art.spans, art.cast
    si = toks.sentence_of(span.anchor)
    n_sent = len(toks.sent_start)
    subj = art.subjects(si)
    basis: QuoteBasis = "subject"
    if cue == "(standalone)" and si + 1 < n_sent and not subj and lex.forward_cue.search(text, *art.sentence_bounds(si + 1)):
        subj, basis = art.subjects(si + 1), "next sentence"
    open_at, close_at = span.opening, span.closing
    hi = clause_end(text, toks, span)
    nested = nested_report(toks, close_at, hi, lex)
    best = pick_speaker(subj, span, cast, lex, toks, nested=nested, chain=chain)
    if best is not None and in_force[0] and elsewhere(best, span, toks, lex):
        best = None  # its only subject is another clause's: 곽 전 교육감이 추진해온 조직개편과 관련해서는 "…"
    reporter = adnominal_reporter(text, toks, span, hi, lex) \
        or possessor(text, toks, open_at, int(toks.sent_start[toks.sentence_of(open_at)]), lex)
    if reporter is not None and cast.rank(reporter, lex) <= 1:
        best, basis = reporter, "reporter"  # "…"고 말한 김 의원은; 잭 런던의 "…"
    relayed = relayed_author(text, toks, span, hi, lex)
    if relayed is not None and cast.rank(relayed, lex) <= 1:
        best, basis = relayed, "source"  # "…"라는 사무총장의 말을 전했다; "…"는 게 박 교수의 설명이다
    if best is None or cast.rank(best, lex) > 0:  # a newspaper or 정부 citing someone's statement
        cited = cited_source(text, toks, int(toks.sent_start[si]), open_at, spans, lex)
        if cited is not None:
            best, basis = cited, "source"
    if best is not None and best.marker == 2:
        basis = "source"  # 관계자에 따르면
    speaker = cast.canonical(best, lex) if best is not None else ""
    mention = best.text if best is not None else ""
    if best is not None and head_of(best) in lex.word_set("media"):
        # a medium or document speaks for its author (이 칼럼은 → 양상훈), else for who is talking
        speaker = cast.author(head_of(best), before=best.start)
        basis = "source" if speaker else "in force"
        speaker = speaker or in_force[0]
    role = best.role if best is not None and speaker else in_force[1]
    if ANONYMOUS.search(mention):
        cast.add_person(speaker)  # 의사 김모씨 … 김씨 → 김모씨
    ref = _demonstrative(mention, lex)
    if ref:  # 이 관계자 → the 관계자 who spoke before (합동참모본부 관계자)
        speaker = next((s for s in reversed(spoken) if s.endswith(ref)), speaker)
    unsaid = best is not None and is_speech_noun(best.text.split()[-1], lex)
    if unsaid:  # "…"는 등 비판도 있었다: a remark nobody is named for; but in "…"이란 평가도
        # 내놨다 and "…"이라는 공동성명도 채택했다 the remark is what the speaker in force put out
        after = predicates(toks, toks.token_range(best.end, hi))
        put_out = bool(after) and (after[0][1] in lex.speech_verbs or (
            text.startswith("도", best.end) and after[0][1] not in lex.word_set("appear_verbs")))
        put_out = put_out or best.text.split()[0] in lex.word_set("demonstratives")  # 해당 발언은: the one talking
        speaker, role = in_force if put_out else ("", "")
        basis = "in force"
    elif not speaker:
        speaker, basis = in_force[0], "in force"
        if not speaker and best is not None and best.text in lex.pronouns:
            speaker, basis = best.text, "subject"  # 그녀는 with no one named before: as written
    return Attribution(speaker=speaker, mention=mention, role=role, basis=basis if speaker else ""), best


def _demonstrative(mention: str, lex: Lexicon) -> str:
    """The noun after a demonstrative (이 관계자 → 관계자), else ``""``."""
    first, _, rest = mention.partition(" ")
    return rest if rest and " " not in rest and first in lex.word_set("demonstratives") else ""
