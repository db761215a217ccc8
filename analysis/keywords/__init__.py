"""Keyword statistics on morphemes: frequencies, compounds, TF-IDF, keyness, KWIC, collocates, trends.

Everything counts Kiwi's morphemes, so 서울시는 and 서울시의 are both 서울시, and 밝혔다 is
밝히다. Every function takes the corpus first — a build folder, a
:class:`~analysis.dataset.Dataset` (possibly narrowed by date and outlet), a :class:`Corpus` in
memory, or a bare ``tokens`` table — and runs as DuckDB queries over its tables, so a corpus of
any size is analysed in bounded memory. All tables are sorted deterministically (ties broken by
term) and carry article ids.

One module per statistic: :mod:`.terms` (which morphemes count), :mod:`.frequencies`,
:mod:`.ngrams`, :mod:`.keyness`, :mod:`.concordance` (KWIC, collocates), :mod:`.cooccurrence`,
:mod:`.trends`.

Example:
    >>> term_frequencies("build/bundled").head(3)  # doctest: +SKIP
         term  tag  count  doc_count
    0  대한민국  NNP   388        187
"""

from .concordance import collocates, count_matches, kwic
from .cooccurrence import cooccurrence
from .frequencies import article_frequencies, term_frequencies, tfidf
from .keyness import keyness, keyness_by, log_likelihood
from .ngrams import compound_terms, noun_ngrams
from .terms import NOUN_TAGS, PREDICATE_TAGS, STOPWORDS_FILE, Pos, load_stopwords, terms
from .trends import article_periods, trends

__all__ = [
    "NOUN_TAGS",
    "PREDICATE_TAGS",
    "STOPWORDS_FILE",
    "Pos",
    "article_frequencies",
    "article_periods",
    "collocates",
    "compound_terms",
    "cooccurrence",
    "count_matches",
    "keyness",
    "keyness_by",
    "kwic",
    "load_stopwords",
    "log_likelihood",
    "noun_ngrams",
    "term_frequencies",
    "terms",
    "tfidf",
    "trends",
]
