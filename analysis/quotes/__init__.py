"""Direct quotes in Korean news, with their speaker resolved.

One module per stage, each decided on Kiwi's morphemes and the word lists in ``analysis/data``:

1. :mod:`.spans` — find quoted spans (double marks; single marks as candidates).
2. :mod:`.speech` — tell speech from names, titles and terms.
3. :mod:`.mentions` and :mod:`.cast` — the noun phrases that name people, organisations and
   groups, and the article's cast with every mention linked to one entity.
4. :mod:`.clause` — the speaker from the reporting clause: the governing predicate's topic or
   subject, not an embedded clause's, an object's or a medium's.
5. :mod:`.tracking` — the speaker in force for quotes with no subject of their own.

:mod:`.article` holds one article as the stages read it; :mod:`.extract` runs them per article and
builds the ``quotes`` table.

Example:
    >>> from analysis.build import build  # doctest: +SKIP
    >>> corpus = build()  # doctest: +SKIP
    >>> corpus.quotes[["speaker", "mention", "content"]].head(2)  # doctest: +SKIP
"""

from .article import ArticleContext
from .cast import CAST_COLUMNS, Cast, Entity, build_cast, cast_frame
from .extract import article_cast, extract_quotes, quotes_in_article
from .lexicon import Lexicon, lexicon, rules_version
from .mentions import Mention
from .spans import Span, find_spans
from .tokens import ArticleTokens, quoted_articles

__all__ = [
    "CAST_COLUMNS",
    "ArticleContext",
    "ArticleTokens",
    "Cast",
    "Entity",
    "Lexicon",
    "Mention",
    "Span",
    "article_cast",
    "build_cast",
    "cast_frame",
    "extract_quotes",
    "find_spans",
    "lexicon",
    "quoted_articles",
    "quotes_in_article",
    "rules_version",
]
