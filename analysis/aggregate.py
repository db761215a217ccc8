"""Corpus-wide aggregations computed part by part from a build folder, never loading a table whole.

Every chunk of a build holds whole articles, so per-article counts (document frequency, articles
touching a theme) add up exactly across part files. Memory is that of one part.

Example:
    >>> term_counts("build/wikinews").head(3)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

import pandas as pd

from .build import Corpus, table_parts
from .keywords import Pos, terms
from .schema import TABLES, conform, empty_frame
from .themes import NON_WORD_TAGS, Theme, load_themes, share_table, theme_counts, theme_hits


def _parts(out: str | Path, table: str, columns: list[str] | None = None) -> Iterator[pd.DataFrame]:
    for part in table_parts(out, table):
        frame = pd.read_parquet(part, columns=columns)
        yield frame.astype({c: TABLES[table][c] for c in frame.columns})


def term_counts(out: str | Path, *, pos: Pos = "nouns") -> pd.DataFrame:
    """Like :func:`analysis.keywords.term_frequencies`, summed over the token parts of a build."""
    by_tag: list[pd.Series] = []
    docs: list[pd.Series] = []
    for tokens in _parts(out, "tokens", ["article_id", "sent_id", "token_id", "form", "tag", "start", "end", "lemma"]):
        occ = terms(tokens, pos=pos)
        by_tag.append(occ.groupby(["term", "tag"], observed=True).size())
        docs.append(occ.groupby("term", observed=True)["article_id"].nunique())
    if not by_tag:
        return pd.DataFrame(columns=["term", "tag", "count", "doc_count"])
    tag_counts = pd.concat(by_tag).groupby(level=[0, 1]).sum().rename("n").reset_index()
    count = tag_counts.groupby("term")["n"].sum().rename("count")
    doc_count = pd.concat(docs).groupby(level=0).sum().rename("doc_count")
    tag = (tag_counts.sort_values(["term", "n", "tag"], ascending=[True, False, False], kind="stable")
           .drop_duplicates("term").set_index("term")["tag"])
    out_df = pd.concat([tag, count, doc_count], axis=1).reset_index(names="term")
    return out_df.sort_values(["count", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)


def quote_counts(out: str | Path) -> pd.DataFrame:
    """Speakers ranked by quotes over the quote parts: ``speaker, quotes, articles``."""
    rows = [q[q["speaker"] != ""].groupby("speaker").agg(quotes=("content", "size"), articles=("article_id", "nunique"))
            for q in _parts(out, "quotes", ["article_id", "speaker", "content"])]
    if not rows:
        return pd.DataFrame(columns=["speaker", "quotes", "articles"])
    total = pd.concat(rows).groupby(level=0).sum().reset_index(names="speaker")
    return total.sort_values(["quotes", "speaker"], ascending=[False, True], kind="stable").reset_index(drop=True)


def theme_shares(out: str | Path, *, themes: Mapping[str, Theme] | None = None) -> pd.DataFrame:
    """Like :func:`analysis.themes.corpus_shares`, computed part by part."""
    themes = load_themes() if themes is None else themes
    totals = theme_counts(pd.DataFrame(columns=["theme", "article_id", "sent_id"]), themes)
    n_articles = n_sentences = n_words = 0
    parts = zip(table_parts(out, "articles"), table_parts(out, "sentences"), table_parts(out, "tokens"), strict=True)
    for a_path, s_path, t_path in parts:
        chunk = Corpus(articles=conform(pd.read_parquet(a_path), "articles"),
                       sentences=conform(pd.read_parquet(s_path), "sentences"),
                       tokens=conform(pd.read_parquet(t_path), "tokens"),
                       rejects=empty_frame("rejects"), quotes=empty_frame("quotes"))
        totals = totals + theme_counts(theme_hits(chunk, themes=themes), themes)  # articles never span parts
        n_articles += len(chunk.articles)
        n_sentences += len(chunk.sentences)
        n_words += int((~chunk.tokens["tag"].isin(NON_WORD_TAGS)).sum())
    return share_table(totals, n_articles=n_articles, n_sentences=n_sentences, n_words=n_words)

