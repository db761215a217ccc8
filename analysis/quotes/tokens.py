"""The morphemes of one article as parallel lists, sliced from the build's tables.

Example:
    >>> from analysis.build import build  # doctest: +SKIP
    >>> corpus = build()  # doctest: +SKIP
    >>> next(quoted_articles(corpus.articles, corpus.sentences, corpus.tokens))[0]  # doctest: +SKIP
    '000_f887c3d3ff964b74'
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .spans import ALL_MARKS, SINGLE_MARKS

if TYPE_CHECKING:  # imported where tables are made, so importing this module stays cheap
    import pandas as pd

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


def predicates(toks: ArticleTokens, idx: range) -> list[tuple[int, str]]:
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
        if not any(c in text for c in ALL_MARKS + SINGLE_MARKS) or article_id not in s_bounds:
            continue
        a, b = t_bounds.get(article_id, (0, 0))
        c, d = s_bounds[article_id]
        yield article_id, text, ArticleTokens(start=t_start[a:b], end=t_end[a:b], form=t_form[a:b], tag=t_tag[a:b],
                                              lemma=t_lemma[a:b], sent_start=s_start[c:d], sent_end=s_end[c:d],
                                              sent_ids=s_ids[c:d])
