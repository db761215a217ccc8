"""Build the corpus tables: read → clean → tokenise (cached) → quotes → parquet.

The output folder holds the tables and is also the cache: ``articles.parquet`` records each
article's ``content_key`` (its text plus analyser version, settings and user dictionary). A
rebuild re-tokenises only articles whose key is not already there, and loads no Kiwi at all
when nothing changed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .corpus import LoadResult, articles_frame, load, rejects_frame
from .schema import TableName, conform, empty_frame
from .tokenize import content_key, tokenize_texts

log = logging.getLogger(__name__)

TABLE_FILES: dict[TableName, str] = {
    "articles": "articles.parquet",
    "sentences": "sentences.parquet",
    "tokens": "tokens.parquet",
    "rejects": "rejects.parquet",
    "quotes": "quotes.parquet",
}


@dataclass(slots=True)
class Corpus:
    """The built tables of one corpus."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    rejects: pd.DataFrame
    quotes: pd.DataFrame
    n_read: int = 0
    n_tokenized: int = 0  # articles tokenised in this build (0 when all came from the cache)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage of this build

    def summary(self) -> str:
        """Records read, kept and rejected by reason."""
        lines = [
            f"records read: {self.n_read}",
            f"articles kept: {len(self.articles)}",
            f"rejected: {len(self.rejects)}",
        ]
        if len(self.rejects):
            reasons = self.rejects["reason"].str.replace(r"\(first seen in .*\)|; columns are .*", "", regex=True)
            reasons = reasons.str.replace(r"'[^']*'", "'…'", regex=True).str.split(":").str[0]
            for reason, count in reasons.value_counts().sort_index().items():
                lines.append(f"  {count:>5}  {reason}")
        return "\n".join(lines)


def read_tables(out: str | Path) -> Corpus:
    """Load the tables a previous build wrote to ``out``.

    Raises:
        FileNotFoundError: ``out`` holds no build; run ``python -m analysis build --out OUT``.
    """
    out = Path(out)
    if not (out / TABLE_FILES["articles"]).exists():
        raise FileNotFoundError(f"{out}: no built corpus here; run `python -m analysis build --out {out}` first")
    frames = {
        name: pd.read_parquet(out / file) if (out / file).exists() else empty_frame(name)
        for name, file in TABLE_FILES.items()
    }
    return Corpus(**frames, n_read=len(frames["articles"]) + len(frames["rejects"]))


def _reuse(old: pd.DataFrame, id_map: dict[str, str]) -> pd.DataFrame:
    """Rows of ``old`` whose article is reused, renamed to the new article ids."""
    kept = old[old["article_id"].isin(id_map.keys())].copy()
    kept["article_id"] = kept["article_id"].map(id_map).astype(old["article_id"].dtype)
    return kept


def build(
    paths: Sequence[str | Path] | None = None,
    *,
    out: str | Path | None = None,
    progress: bool = False,
) -> Corpus:
    """Read, clean and tokenise ``paths`` (default: the bundled corpus) into tables.

    Args:
        paths: files or folders of articles.
        out: folder to write the parquet tables to and to reuse as cache; ``None`` keeps
            everything in memory.
        progress: show progress bars and log what is being done.

    Raises:
        analysis.corpus.CorpusError: a PATH does not exist.
    """
    from .quotes import extract_quotes

    clock = time.perf_counter()
    timings: dict[str, float] = {}

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = timings.get(stage, 0.0) + now - clock
        clock = now

    loaded: LoadResult = load(paths, progress=progress)
    lap("read and clean")
    keys = [content_key(r.text) for r in loaded.records]
    articles = articles_frame(loaded.records, keys=keys)

    cached_ids: dict[str, str] = {}  # old article_id -> new article_id, for unchanged content
    old_sentences = old_tokens = None
    if out is not None and (Path(out) / TABLE_FILES["articles"]).exists():
        try:
            old_articles = pd.read_parquet(Path(out) / TABLE_FILES["articles"], columns=["article_id", "content_key"])
            old_by_key = dict(zip(old_articles["content_key"], old_articles["article_id"], strict=True))
            cached_ids = {old_by_key[k]: new for k, new in zip(keys, articles["article_id"], strict=True) if k in old_by_key}
            if cached_ids:
                old_sentences = pd.read_parquet(Path(out) / TABLE_FILES["sentences"])
                old_tokens = pd.read_parquet(Path(out) / TABLE_FILES["tokens"])
        except (OSError, KeyError, ValueError) as err:  # a damaged cache is rebuilt, not trusted
            log.warning("ignoring the cache in %s: %s", out, err)
            cached_ids, old_sentences, old_tokens = {}, None, None

    lap("cache lookup")
    fresh = ~articles["article_id"].isin(set(cached_ids.values()))
    todo = articles[fresh]
    if progress and len(todo):
        log.info("tokenising %d of %d articles (%d from cache)", len(todo), len(articles), len(articles) - len(todo))
    sentences, tokens = tokenize_texts(todo["text"].tolist(), todo["article_id"].tolist(), progress=progress)
    lap("tokenise")
    if cached_ids:
        sentences = pd.concat([_reuse(old_sentences, cached_ids), sentences], ignore_index=True)
        tokens = pd.concat([_reuse(old_tokens, cached_ids), tokens], ignore_index=True)
    order = {a: i for i, a in enumerate(articles["article_id"])}
    sentences = conform(
        sentences.sort_values(["article_id", "sent_id"], key=lambda s: s.map(order) if s.name == "article_id" else s,
                              kind="stable"), "sentences")
    tokens = conform(
        tokens.sort_values(["article_id", "token_id"], key=lambda s: s.map(order) if s.name == "article_id" else s,
                           kind="stable"), "tokens")

    lap("assemble tables")
    quotes = extract_quotes(articles, sentences, tokens)
    lap("quotes")
    corpus = Corpus(
        articles=articles,
        sentences=sentences,
        tokens=tokens,
        rejects=rejects_frame(loaded.rejects),
        quotes=quotes,
        n_read=loaded.n_read,
        n_tokenized=int(fresh.sum()),
        timings=timings,
    )
    if out is not None:
        write_tables(corpus, out)
        lap("write parquet")
    return corpus


def write_tables(corpus: Corpus, out: str | Path) -> None:
    """Write every table of ``corpus`` as parquet into ``out`` (created if needed)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name, file in TABLE_FILES.items():
        tmp = out / f".{file}.tmp"
        getattr(corpus, name).to_parquet(tmp, index=False)
        tmp.replace(out / file)
