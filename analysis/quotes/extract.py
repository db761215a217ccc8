"""The stages run per article, and the ``quotes`` table of a corpus.

Per article: find spans (:mod:`.spans`) → tell speech from names and terms (:mod:`.speech`) →
read mentions and build the cast (:mod:`.mentions`, :mod:`.cast`) → choose each speaker from the
reporting clause (:mod:`.clause`) → track the speaker in force (:mod:`.tracking`).

Example:
    >>> from analysis.build import build  # doctest: +SKIP
    >>> corpus = build()  # doctest: +SKIP
    >>> corpus.quotes[["speaker", "mention", "content"]].head(2)  # doctest: +SKIP
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Final

from ..schema import QUOTES, QuoteBasis, conform, empty_frame
from .cast import Cast, build_cast, cast_frame
from .clause import (
    adnominal_reporter,
    cited_source,
    elsewhere,
    media_authors,
    nested_report,
    pick_speaker,
    possessor,
    relayed_author,
)
from .lexicon import Lexicon, lexicon
from .mentions import ANONYMOUS, Mention, head_of, name_shaped, noun_phrases, subjects
from .spans import SpanList, find_spans
from .speech import classify, clause_end, is_speech_noun
from .tokens import ArticleTokens, predicates, quoted_articles
from .tracking import InForce

if TYPE_CHECKING:
    import pandas as pd


#: What joins chained quotes ("A"라며 "B", "A", "B"): a quotative ending, a comma, spaces.
CHAINED: Final = re.compile(r"[가-힣]{0,5}\s*[,·]?\s*")


class ArticleContext:
    """One article read once: its spans, noun phrases, cast and the subjects of each sentence."""

    def __init__(self, text: str, toks: ArticleTokens, lex: Lexicon) -> None:
        self.text, self.toks, self.lex = text, toks, lex
        spans = find_spans(text)
        decisions = classify(text, spans, toks, lex)
        # a single-quoted term (‘자유북한방송’은) is no quote: its words stay readable as a subject
        kept = [i for i, sp in enumerate(spans) if not sp.single or decisions[i][0]]
        self.spans: SpanList = spans.subset(kept)
        self.decisions: list[tuple[bool, str]] = [decisions[i] for i in kept]
        self.memo: dict[tuple[int, int], Mention | None] = {}
        self.phrases: list[Mention] = noun_phrases(text, toks, lex, self.memo) if self.spans else []
        self.cast: Cast = build_cast(self.phrases, self.spans, lex)
        self.subjects = cache(self._subjects)
        self.cast.authors = media_authors(text, toks, self.spans, self.cast, lex) if self.spans else {}

    def _subjects(self, i: int) -> list[Mention]:
        toks, lex = self.toks, self.lex
        found = subjects(self.text, toks, int(toks.sent_start[i]), int(toks.sent_end[i]), self.spans, lex, self.memo)
        # a name Kiwi did not see as proper (정한중 징계위원장) still resolves a later 정 직무대리; sentences
        # are visited in text order (the in-force loop), so what the cast holds is deterministic
        for m in found:
            if m.role and m.name not in self.cast.entities and name_shaped(m.name, lex):
                self.cast.add_person(m.name, role=m.role, mention=(m.start, m.end, m.text))
        return found

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        return int(self.toks.sent_start[i]), int(self.toks.sent_end[i])


def _demonstrative(mention: str, lex: Lexicon) -> str:
    """The noun after a demonstrative (이 관계자 → 관계자), else ``""``."""
    first, _, rest = mention.partition(" ")
    return rest if rest and " " not in rest and first in lex.word_set("demonstratives") else ""


def quotes_in_article(text: str, toks: ArticleTokens, *, lex: Lexicon | None = None) -> list[dict[str, object]]:
    """Quotes of one article as dicts with the :data:`analysis.schema.QUOTES` fields (no id)."""
    return _attribute(text, toks, lex or lexicon())[0]


def _attribute(text: str, toks: ArticleTokens, lex: Lexicon) -> tuple[list[dict[str, object]], ArticleContext]:
    """The quotes of one article and the article as read (its cast complete)."""
    art = ArticleContext(text, toks, lex)
    spans, cast = art.spans, art.cast
    if not spans:
        return [], art
    n_sent = len(toks.sent_start)
    state = InForce()
    rows: list[dict[str, object]] = []
    last_sent_seen = -1
    chain, previous = -1, None  # where the chain of quotes the current one belongs to opens
    for span, (speech, cue) in zip(spans, art.decisions, strict=True):
        si = toks.sentence_of(span.anchor)
        for j in range(last_sent_seen + 1, si):  # the sentences since the last quote change who is in force
            state.follow(text, toks, j, art.subjects(j), spans, cast, lex)
        last_sent_seen = max(last_sent_seen, si - 1)
        if not speech:
            continue
        last_sent_seen = max(last_sent_seen, si)  # a quote's own sentence has spoken: its subjects are not read again
        chained = previous is not None and previous.close_mark >= 0 and span.open_mark > previous.close_mark \
            and CHAINED.fullmatch(text, previous.close_mark + 1, span.open_mark) is not None
        chain = chain if chained else span.opening
        previous = span
        subj = art.subjects(si)
        basis: QuoteBasis = "subject"
        if cue == "(standalone)" and si + 1 < n_sent and not subj and lex.forward_cue.search(text, *art.sentence_bounds(si + 1)):
            subj, basis = art.subjects(si + 1), "next sentence"
        open_at, close_at = span.opening, span.closing
        hi = clause_end(text, toks, span)
        nested = nested_report(toks, close_at, hi, lex)
        best = pick_speaker(subj, span, cast, lex, toks, nested=nested, chain=chain)
        if best is not None and state.speaker and elsewhere(best, span, toks, lex):
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
            speaker = speaker or state.speaker
        role = best.role if best is not None and speaker else state.role
        if ANONYMOUS.search(mention):
            cast.add_person(speaker)  # 의사 김모씨 … 김씨 → 김모씨
        ref = _demonstrative(mention, lex)
        if ref:  # 이 관계자 → the 관계자 who spoke before (합동참모본부 관계자)
            speaker = next((str(r["speaker"]) for r in reversed(rows) if str(r["speaker"]).endswith(ref)), speaker)
        unsaid = best is not None and is_speech_noun(best.text.split()[-1], lex)
        if unsaid:  # "…"는 등 비판도 있었다: a remark nobody is named for; but in "…"이란 평가도
            # 내놨다 and "…"이라는 공동성명도 채택했다 the remark is what the speaker in force put out
            after = predicates(toks, toks.token_range(best.end, hi))
            put_out = bool(after) and (after[0][1] in lex.speech_verbs or (
                text.startswith("도", best.end) and after[0][1] not in lex.word_set("appear_verbs")))
            put_out = put_out or best.text.split()[0] in lex.word_set("demonstratives")  # 해당 발언은: the one talking
            speaker, role = (state.speaker, state.role) if put_out else ("", "")
            basis = "in force"
        elif not speaker:
            speaker, basis = state.speaker, "in force"
            if not speaker and best is not None and best.text in lex.pronouns:
                speaker, basis = best.text, "subject"  # 그녀는 with no one named before: as written
        if speaker:
            state.speak(speaker, role)
            if best is not None and basis != "in force":
                cast.link(best, lex, name=speaker)  # 오 시장 → the entry of 오세훈
        else:
            basis = ""
        rows.append({"sent_id": int(toks.sent_ids[si]), "start": span.start, "end": span.end,
                     "content": text[span.start: span.end], "speaker": speaker, "mention": mention, "role": role,
                     "cue": cue, "basis": basis})
    return rows, art


def article_cast(articles: pd.DataFrame, sentences: pd.DataFrame, tokens: pd.DataFrame, article_id: str) -> pd.DataFrame:
    """The cast of one article (:func:`analysis.quotes.cast.cast_frame`) after its quotes were read:
    people, organisations and groups with roles, affiliations, aliases and mentions (offsets).

    Example:
        >>> article_cast(corpus.articles, corpus.sentences, corpus.tokens, "000_f887c3d3ff964b74")  # doctest: +SKIP
    """
    tables = (t[t["article_id"] == article_id] for t in (articles, sentences, tokens))
    for _, text, toks in quoted_articles(*tables):
        _, art = _attribute(text, toks, lexicon())
        return cast_frame(art.cast)
    return cast_frame(Cast())


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

