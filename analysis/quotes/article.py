"""One article as the stages read it: its spans and their decisions, noun phrases, cast and
the subjects of each sentence, each computed once.

Example:
    >>> from analysis.quotes import ArticleContext, lexicon, quoted_articles  # doctest: +SKIP
    >>> article_id, text, toks = next(quoted_articles(corpus.articles, corpus.sentences, corpus.tokens))  # doctest: +SKIP
    >>> ArticleContext(text, toks, lexicon()).cast.names  # doctest: +SKIP
    {'오세훈': {'서울시장'}}
"""

from __future__ import annotations

from functools import cache

from .cast import Cast, build_cast, media_authors
from .lexicon import Lexicon
from .mentions import Mention, name_shaped, noun_phrases, subjects
from .spans import SpanList, find_spans
from .speech import classify
from .tokens import ArticleTokens


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
        speech = any(said for said, _ in self.decisions)  # no quote to attribute: no cast to build
        self.phrases: list[Mention] = noun_phrases(text, toks, lex, self.memo) if speech else []
        self.cast: Cast = build_cast(self.phrases, self.spans, lex)
        self.subjects = cache(self._subjects)
        self.cast.authors = media_authors(text, toks, self.spans, self.cast, lex) if speech else {}

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
