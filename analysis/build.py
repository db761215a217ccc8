"""Build the corpus tables: read → clean → tokenise (cached) → quotes → parquet.

The output folder holds the tables and is also the cache: ``articles.parquet`` records each
article's ``content_key`` (its text plus analyser version, settings and user dictionary). A
rebuild re-tokenises only articles whose key is not already there, and loads no Kiwi at all
when nothing changed.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
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
    from .quotes import extract_quotes, rules_version

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
    rejects = rejects_frame(loaded.rejects)
    ids = articles["article_id"].tolist()
    quote_rules = rules_version()

    cached_ids: dict[str, str] = {}  # old article_id -> new article_id, for unchanged content
    old: dict[str, pd.DataFrame] = {}
    old_manifest: dict[str, object] = {}
    if out is not None and (Path(out) / TABLE_FILES["articles"]).exists():
        try:
            old_manifest = _read_manifest(Path(out))
            old_articles = pd.read_parquet(Path(out) / TABLE_FILES["articles"], columns=["article_id", "content_key"])
            old_by_key = dict(zip(old_articles["content_key"], old_articles["article_id"], strict=True))
            cached_ids = {old_by_key[k]: new for k, new in zip(keys, ids, strict=True) if k in old_by_key}
            if cached_ids:
                old = {name: pd.read_parquet(Path(out) / TABLE_FILES[name]) for name in ("sentences", "tokens", "quotes")}
                old["articles"] = old_articles
        except (OSError, KeyError, ValueError) as err:  # a damaged cache is rebuilt, not trusted
            log.warning("ignoring the cache in %s: %s", out, err)
            cached_ids, old = {}, {}
    lap("cache lookup")

    quotes_reusable = old_manifest.get("quote_rules") == quote_rules
    if cached_ids and len(cached_ids) == len(ids) and old["articles"]["article_id"].tolist() == ids and quotes_reusable:
        # nothing changed: the tables on disk are this build's tables
        sentences, tokens, quotes = old["sentences"], old["tokens"], old["quotes"]
        n_fresh = 0
    else:
        fresh = ~articles["article_id"].isin(set(cached_ids.values()))
        todo = articles[fresh]
        n_fresh = int(fresh.sum())
        if progress and n_fresh:
            log.info("tokenising %d of %d articles (%d from cache)", n_fresh, len(articles), len(articles) - n_fresh)
        sentences, tokens = tokenize_texts(todo["text"].tolist(), todo["article_id"].tolist(), progress=progress)
        lap("tokenise")
        if quotes_reusable:
            quotes = extract_quotes(todo, sentences, tokens)
        if cached_ids:
            sentences = pd.concat([_reuse(old["sentences"], cached_ids), sentences], ignore_index=True)
            tokens = pd.concat([_reuse(old["tokens"], cached_ids), tokens], ignore_index=True)
        order = {a: i for i, a in enumerate(ids)}

        def by_article(frame: pd.DataFrame, second: str, table: TableName) -> pd.DataFrame:
            ordered = frame.sort_values(["article_id", second], kind="stable",
                                        key=lambda col: col.map(order) if col.name == "article_id" else col)
            return conform(ordered, table)

        sentences = by_article(sentences, "sent_id", "sentences")
        tokens = by_article(tokens, "token_id", "tokens")
        lap("assemble tables")
        if quotes_reusable and cached_ids:
            quotes = by_article(pd.concat([_reuse(old["quotes"], cached_ids), quotes], ignore_index=True),
                                "quote_id", "quotes")
        elif not quotes_reusable:
            quotes = extract_quotes(articles, sentences, tokens)
        lap("quotes")
    corpus = Corpus(articles=articles, sentences=sentences, tokens=tokens, rejects=rejects, quotes=quotes,
                    n_read=loaded.n_read, n_tokenized=n_fresh, timings=timings)
    if out is not None:
        write_tables(corpus, out, only=("articles", "rejects") if n_fresh == 0 and sentences is old.get("sentences")
                     else None)
        _write_manifest(Path(out), quote_rules=quote_rules, articles=len(articles), rejects=len(rejects))
        lap("write parquet")
    return corpus


MANIFEST = "build.json"


def _read_manifest(out: Path) -> dict[str, object]:
    path = out / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _write_manifest(out: Path, **values: object) -> None:
    """``build.json``: what built these tables (versions, settings key, quote rules) and the counts."""
    from .tokenize import SETTINGS, analyzer_version, settings_key

    manifest = {"analyzer": analyzer_version(), "settings": asdict(SETTINGS), "settings_key": settings_key(), **values}
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")


def write_tables(corpus: Corpus, out: str | Path, *, only: Sequence[TableName] | None = None) -> None:
    """Write the tables of ``corpus`` (all, or ``only`` these) as parquet into ``out`` (created if needed)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name, file in TABLE_FILES.items():
        if only is not None and name not in only:
            continue
        tmp = out / f".{file}.tmp"
        getattr(corpus, name).to_parquet(tmp, index=False)
        tmp.replace(out / file)
