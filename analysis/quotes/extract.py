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
from typing import TYPE_CHECKING, Final

from ..schema import QUOTES, conform, empty_frame
from .article import ArticleContext
from .cast import Cast, cast_frame
from .clause import choose_speaker
from .lexicon import Lexicon, lexicon
from .tokens import ArticleTokens, quoted_articles
from .tracking import InForce

if TYPE_CHECKING:
    import pandas as pd


#: What joins chained quotes ("A"라며 "B", "A", "B"): a quotative ending, a comma, spaces.
CHAINED: Final = re.compile(r"[가-힣]{0,5}\s*[,·]?\s*")


def quotes_in_article(text: str, toks: ArticleTokens, *, lex: Lexicon | None = None) -> list[dict[str, object]]:
    """Quotes of one article as dicts with the :data:`analysis.schema.QUOTES` fields (no id)."""
    return _attribute(text, toks, lex or lexicon())[0]


def _attribute(text: str, toks: ArticleTokens, lex: Lexicon) -> tuple[list[dict[str, object]], ArticleContext]:
    """The quotes of one article and the article as read (its cast complete)."""
    art = ArticleContext(text, toks, lex)
    spans, cast = art.spans, art.cast
    if not spans:
        return [], art
    state = InForce()
    rows: list[dict[str, object]] = []
    spoken: list[str] = []  # the speakers so far, for 이 관계자
    last_sent_seen = -1
    chain, previous = -1, None  # where the chain of quotes the current one belongs to opens
    for span, (speech, cue) in zip(spans, art.decisions, strict=True):
        si = toks.sentence_of(span.anchor)
        for j in range(last_sent_seen + 1, si):  # the sentences since the last quote change who is in force
            state.follow(art, j)
        last_sent_seen = max(last_sent_seen, si - 1)
        if not speech:
            continue
        last_sent_seen = max(last_sent_seen, si)  # a quote's own sentence has spoken: its subjects are not read again
        chained = previous is not None and previous.close_mark >= 0 and span.open_mark > previous.close_mark \
            and CHAINED.fullmatch(text, previous.close_mark + 1, span.open_mark) is not None
        chain = chain if chained else span.opening
        previous = span
        attribution, best = choose_speaker(art, span, cue, in_force=(state.speaker, state.role),
                                           spoken=spoken, chain=chain)
        spoken.append(attribution.speaker)
        if attribution.speaker:
            state.speak(attribution.speaker, attribution.role)
            if best is not None and attribution.basis != "in force":
                cast.link(best, lex, name=attribution.speaker)  # 오 시장 → the entry of 오세훈
        rows.append({"sent_id": int(toks.sent_ids[si]), "start": span.start, "end": span.end,
                     "content": text[span.start: span.end], "speaker": attribution.speaker,
                     "mention": attribution.mention, "role": attribution.role, "cue": cue, "basis": attribution.basis})
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

