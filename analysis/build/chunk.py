"""The chunk pipeline, assembled once: records → articles, sentences, tokens (Kiwi) → quotes.

The same functions serve the in-memory :func:`analysis.build` (one chunk: the whole corpus), the
streamed local build (Kiwi tokenises chunk *n* in :func:`tokenise_chunk` while a finishing thread
runs :func:`finish_chunk` and writes chunk *n − 1*), the dask task (:func:`process_chunk`) and the
tests' fixtures (:func:`analyse_chunk`).

Example:
    >>> from analysis.schema import Record
    >>> tables = analyse_chunk([Record(source_path="-", record="", article_id="a",
    ...                                text='오 시장은 "연대하겠다"고 말했다.')])  # doctest: +SKIP
    >>> tables.quotes["content"].tolist()  # doctest: +SKIP
    ['연대하겠다']
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..corpus import articles_frame
from ..schema import Record, TableName, conform
from ..store import read_rows, write_parts
from ..tokenize import tokenize_texts
from .cache import Cached, article_keys

if TYPE_CHECKING:
    import pandas as pd

#: The tables a chunk fills, one part file each (rejects are written once per build).
PART_TABLES: tuple[TableName, ...] = ("articles", "sentences", "tokens", "quotes")


@dataclass(slots=True)
class ChunkTables:
    """One chunk's rows of every part table, and what making them took."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    quotes: pd.DataFrame
    tokenized: int = 0  # articles Kiwi tokenised (the rest came from the cache)
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class Tokenised:
    """A chunk after Kiwi: its articles, and the sentences and tokens of those not in the cache."""

    articles: pd.DataFrame
    todo: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    cached: Cached
    seconds: float


def tokenise_chunk(records: Sequence[Record], *, keys: tuple[list[str], list[str]] | None = None,
                   cached: Cached | None = None, progress: bool = False) -> Tokenised:
    """The Kiwi stage: the articles table, and the articles without a cached analysis to Kiwi in one call.

    Args:
        records: the chunk's articles.
        keys: their ``(content keys, text keys)`` (:func:`.cache.article_keys`), computed if not given.
        cached: rows the previous build holds for some of them.
        progress: show a progress bar over Kiwi's work.
    """
    t0 = time.perf_counter()
    content_keys, text_keys = keys if keys is not None else article_keys(records)
    cached = cached if cached is not None else Cached()
    articles = articles_frame(records, content_keys=content_keys, text_keys=text_keys)
    todo = articles[~articles["article_id"].isin(cached.analyses.keys())] if cached.analyses else articles
    sentences, tokens = tokenize_texts(todo["text"].tolist(), todo["article_id"].tolist(), progress=progress)
    return Tokenised(articles, todo, sentences, tokens, cached, time.perf_counter() - t0)


def finish_chunk(chunk: Tokenised) -> ChunkTables:
    """The rest: cached rows read back (renamed to the new ids), quotes of the articles that need them."""

    from ..quotes import extract_quotes

    t1 = time.perf_counter()
    articles, cached = chunk.articles, chunk.cached
    sentences, tokens = chunk.sentences, chunk.tokens
    order = {a: i for i, a in enumerate(articles["article_id"])}
    if cached.analyses:
        sentences = _ordered([_from_cache(cached, "sentences", cached.analyses), sentences], order, "sent_id", "sentences")
        tokens = _ordered([_from_cache(cached, "tokens", cached.analyses), tokens], order, "token_id", "tokens")
    t2 = time.perf_counter()
    to_quote = articles[~articles["article_id"].isin(cached.quotes.keys())] if cached.quotes else articles
    quotes = extract_quotes(to_quote, sentences, tokens)
    t3 = time.perf_counter()
    if cached.quotes:
        quotes = _ordered([_from_cache(cached, "quotes", cached.quotes), quotes], order, "quote_id", "quotes")
    t4 = time.perf_counter()
    return ChunkTables(articles, sentences, tokens, quotes, tokenized=len(chunk.todo),
                       seconds={"tokenise": chunk.seconds, "quotes": t3 - t2, "assemble tables": (t2 - t1) + (t4 - t3)})


def analyse_chunk(records: Sequence[Record], *, keys: tuple[list[str], list[str]] | None = None,
                  cached: Cached | None = None, progress: bool = False) -> ChunkTables:
    """:func:`tokenise_chunk` then :func:`finish_chunk`: every table of ``records``, in memory."""
    return finish_chunk(tokenise_chunk(records, keys=keys, cached=cached, progress=progress))


def write_chunk(tables: ChunkTables, *, root: str, name: str) -> dict[str, Any]:
    """Write one chunk's part files into the snapshot folder ``root``; what a finished chunk reports."""
    t0 = time.perf_counter()
    files = write_parts(root, name, {table: getattr(tables, table) for table in PART_TABLES})
    return {"name": name, "files": files, "tokenized": tables.tokenized,
            "seconds": {**tables.seconds, "write parquet": time.perf_counter() - t0}}


def process_chunk(records: Sequence[Record], *, keys: tuple[list[str], list[str]], cached: Cached, root: str,
                  name: str) -> dict[str, Any]:
    """One chunk from records to part files: a dask task (Kiwi is loaded once per worker process)."""
    return write_chunk(analyse_chunk(records, keys=keys, cached=cached), root=root, name=name)


def _from_cache(cached: Cached, table: TableName, wanted: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """Rows of ``table`` for the new ids in ``wanted``, read from the old parts and renamed."""
    import pandas as pd

    by_part: dict[str, dict[str, list[str]]] = {}
    for new_id, (old_part, old_id) in wanted.items():
        by_part.setdefault(old_part, {}).setdefault(old_id, []).append(new_id)
    frames = [_rename(read_rows(cached.root, table, part, list(id_map)), id_map)
              for part, id_map in sorted(by_part.items())]
    return pd.concat(frames, ignore_index=True)


def _rename(frame: pd.DataFrame, id_map: dict[str, list[str]]) -> pd.DataFrame:
    """Rows of the old articles in ``id_map``, once per new id (identical texts share one analysis)."""
    import pandas as pd

    pairs = pd.DataFrame([(old, new) for old, news in id_map.items() for new in news], columns=["article_id", "_new"])
    pairs["article_id"] = pairs["article_id"].astype(frame["article_id"].dtype)
    kept = frame.merge(pairs, on="article_id", how="inner", sort=False)
    kept["article_id"] = kept.pop("_new").astype(frame["article_id"].dtype)
    return kept


def _ordered(frames: list[pd.DataFrame], order: dict[str, int], second: str, table: TableName) -> pd.DataFrame:
    """``frames`` as one table in the chunk's article order, then by ``second``."""
    import pandas as pd

    frame = pd.concat([conform(f, table) for f in frames], ignore_index=True)
    ordered = frame.sort_values(["article_id", second], kind="stable",
                                key=lambda col: col.map(order) if col.name == "article_id" else col)
    return conform(ordered, table)
