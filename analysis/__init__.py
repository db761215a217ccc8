"""Korean news analysis: load, clean and tokenise articles; keywords, quotes and themes.

The public functions, by concern (one module each):

- :mod:`analysis.corpus` — :func:`load` articles from .txt/.html/.jsonl/.json/.csv/.xlsx.
- :mod:`analysis.clean` — :func:`clean_page` separates an article from page chrome.
- :mod:`analysis.tokenize` — :func:`tokenize_texts` with one pinned Kiwi per process.
- :mod:`analysis.build` — :func:`build` the tables (streamed in chunks, cached), :func:`read_tables`.
- :mod:`analysis.aggregate` — corpus-wide counts computed part by part from a build folder.
- :mod:`analysis.keywords` — frequencies, compounds, TF-IDF, keyness, KWIC, collocates, trends.
- :mod:`analysis.quotes` — :func:`extract_quotes` with speakers resolved.
- :mod:`analysis.evaluation` — :func:`score_quotes` against the hand-labelled gold.
- :mod:`analysis.themes` — theme lexicons and scores with evidence.
- :mod:`analysis.plotting` — charts with a Korean font.
- :mod:`analysis.report` — :func:`render_report`, the main job.
"""

from .aggregate import quote_counts, term_counts, theme_shares
from .build import Corpus, build, build_dataset, read_tables
from .clean import clean_page, parse_date
from .corpus import CorpusError, load
from .evaluation import load_gold, score_quotes
from .keywords import (
    collocates,
    compound_terms,
    cooccurrence,
    keyness,
    kwic,
    noun_ngrams,
    term_frequencies,
    tfidf,
    trends,
)
from .quotes import extract_quotes, find_spans
from .report import render_report
from .resources import ResourceError
from .themes import article_scores, load_themes, theme_hits
from .tokenize import SETTINGS, get_kiwi, tokenize_texts

__all__ = [
    "SETTINGS",
    "Corpus",
    "CorpusError",
    "ResourceError",
    "article_scores",
    "build",
    "build_dataset",
    "clean_page",
    "collocates",
    "compound_terms",
    "cooccurrence",
    "extract_quotes",
    "find_spans",
    "get_kiwi",
    "keyness",
    "kwic",
    "load",
    "load_gold",
    "load_themes",
    "noun_ngrams",
    "parse_date",
    "quote_counts",
    "read_tables",
    "render_report",
    "score_quotes",
    "term_counts",
    "term_frequencies",
    "tfidf",
    "theme_hits",
    "theme_shares",
    "tokenize_texts",
    "trends",
]
