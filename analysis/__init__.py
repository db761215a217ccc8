"""Korean news analysis: load, clean and tokenise articles; keywords, quotes and themes.

The public functions, by concern (one module each):

- :mod:`analysis.corpus` — :func:`load` articles from .txt/.html/.jsonl/.json/.csv/.xlsx.
- :mod:`analysis.clean` — :func:`clean_page` separates an article from page chrome.
- :mod:`analysis.tokenize` — :func:`tokenize_texts` with one pinned Kiwi per process.
- :mod:`analysis.build` — :func:`build` the tables (streamed in chunks, cached).
- :mod:`analysis.store` — the build folder: :func:`read_tables`, atomic snapshots, checksums, the lock.
- :mod:`analysis.dataset` — :class:`Dataset`: a build (or tables in memory), narrowed by date and outlet,
  queried with DuckDB; :func:`sql` over a corpus's tables.
- :mod:`analysis.aggregate` — corpus-wide counts: speakers, quotes of a speaker, quotes by basis.
- :mod:`analysis.describe` — what a corpus holds: size, dates, outlets, lengths, tags, cleaning.
- :mod:`analysis.keywords` — frequencies, compounds, TF-IDF, keyness, KWIC, collocates, trends.
- :mod:`analysis.quotes` — :func:`extract_quotes` with speakers resolved.
- :mod:`analysis.evaluation` — :func:`score_quotes`, :func:`score_by_group` against the hand-labelled gold;
  :func:`baseline_quotes` and :func:`annotator_agreement` for scale.
- :mod:`analysis.themes` — theme lexicons and scores with evidence.
- :mod:`analysis.plotting` — charts with a Korean font.
- :mod:`analysis.notebook` — what the notebooks share (the corpus to show, credit lines, tables and exports).
- :mod:`analysis.report` — :func:`render_report`, the main job.
"""

from importlib import import_module
from typing import Any

#: Public name → module. Imported on first use, so ``python -m analysis`` starts without pandas
#: when it has nothing to tabulate (a cached rebuild).
_EXPORTS = {
    "annotator_agreement": "evaluation",
    "article_scores": "themes",
    "attribution_by_basis": "evaluation",
    "baseline_quotes": "evaluation",
    "build": "build",
    "build_dataset": "build",
    "clean_page": "clean",
    "collocates": "keywords",
    "compound_terms": "keywords",
    "cooccurrence": "keywords",
    "Corpus": "schema",
    "CorpusError": "corpus",
    "count_matches": "keywords",
    "Dataset": "dataset",
    "extract_quotes": "quotes",
    "find_spans": "quotes",
    "get_kiwi": "tokenize",
    "keyness": "keywords",
    "keyness_by": "keywords",
    "kwic": "keywords",
    "load": "corpus",
    "load_gold": "evaluation",
    "load_themes": "themes",
    "noun_ngrams": "keywords",
    "parse_date": "clean",
    "quote_counts": "aggregate",
    "quotes_by_basis": "aggregate",
    "quotes_of": "aggregate",
    "read_tables": "store",
    "render_report": "report",
    "ResourceError": "resources",
    "score_by_group": "evaluation",
    "score_quotes": "evaluation",
    "Selection": "dataset",
    "SETTINGS": "tokenize",
    "sql": "dataset",
    "term_counts": "aggregate",
    "term_frequencies": "keywords",
    "tfidf": "keywords",
    "theme_hits": "themes",
    "theme_shares": "aggregate",
    "tokenize_texts": "tokenize",
    "top_articles": "themes",
    "trends": "keywords",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


__all__ = [
    "SETTINGS",
    "Corpus",
    "CorpusError",
    "Dataset",
    "ResourceError",
    "Selection",
    "annotator_agreement",
    "article_scores",
    "attribution_by_basis",
    "baseline_quotes",
    "build",
    "build_dataset",
    "clean_page",
    "collocates",
    "compound_terms",
    "cooccurrence",
    "count_matches",
    "extract_quotes",
    "find_spans",
    "get_kiwi",
    "keyness",
    "keyness_by",
    "kwic",
    "load",
    "load_gold",
    "load_themes",
    "noun_ngrams",
    "parse_date",
    "quote_counts",
    "quotes_by_basis",
    "quotes_of",
    "read_tables",
    "render_report",
    "score_by_group",
    "score_quotes",
    "sql",
    "term_counts",
    "term_frequencies",
    "tfidf",
    "theme_hits",
    "theme_shares",
    "tokenize_texts",
    "top_articles",
    "trends",
]
