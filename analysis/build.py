"""Build the corpus tables: read → clean → tokenise → quotes → partitioned parquet, in chunks.

Articles stream through the stages in chunks of ``chunk_size``; each chunk becomes one part
file per table (``OUT/tokens/part-00003.parquet`` …), so memory holds two chunks (one in Kiwi, the
previous one being finished), not the corpus.
The output folder is also the cache: ``articles`` records each article's ``content_key`` (its
text plus analyser version, settings and user dictionary) and ``build.json`` the quote rules'
version. A rebuild re-tokenises only new or changed articles; a chunk whose articles are all
unchanged keeps its part files as they are (when their sizes match the manifest), and a rebuild of
an unchanged corpus reads only the manifest and the input: no Kiwi, pandas or pyarrow.

With ``scheduler`` (a dask.distributed address or Client) the chunks run as tasks on the
cluster's workers, each worker loading Kiwi once, writing to the same (shared) folder.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .corpus import articles_frame, iter_load, load, rejects_frame
from .schema import TABLES, Record, Reject, TableName, conform, empty_frame
from .tokenize import content_key, tokenize_texts

if TYPE_CHECKING:  # pandas is imported where tables are made: a rebuild of an unchanged corpus skips it
    import pandas as pd

log = logging.getLogger(__name__)

CHUNK_SIZE = 256  # articles per chunk (and per part file)
PART_TABLES: tuple[TableName, ...] = ("articles", "sentences", "tokens", "quotes")
MANIFEST = "build.json"


@dataclass(slots=True)
class Corpus:
    """The tables of one corpus (see :mod:`analysis.schema`)."""

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
        return _summary(self.n_read, len(self.articles), self.rejects["reason"].tolist())


@dataclass(slots=True)
class BuildSummary:
    """What a build did, without the tables (which are on disk)."""

    out: Path
    n_read: int = 0
    n_articles: int = 0
    reasons: list[str] = field(default_factory=list)
    n_tokenized: int = 0
    n_parts_reused: int = 0
    n_parts: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        return _summary(self.n_read, self.n_articles, self.reasons)


def _summary(n_read: int, n_articles: int, reasons: list[str]) -> str:
    lines = [f"records read: {n_read}", f"articles kept: {n_articles}", f"rejected: {len(reasons)}"]
    if reasons:
        short = [re.sub(r"'[^']*'", "'…'", re.sub(r"\(first seen in .*\)|; columns are .*", "", r)).split(":")[0]
                 for r in reasons]
        for reason, count in sorted(Counter(short).items()):
            lines.append(f"  {count:>5}  {reason}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- reading built tables


def table_parts(out: str | Path, table: TableName) -> list[Path]:
    """The part files of one table, in order."""
    folder = Path(out) / table
    return sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []


def read_table(out: str | Path, table: TableName, *, columns: Sequence[str] | None = None,
               article_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """One table of a build, all parts in order (optionally some columns, some articles)."""
    import pandas as pd

    parts = table_parts(out, table)
    filters = [("article_id", "in", list(article_ids))] if article_ids is not None and table != "rejects" else None
    frames = [pd.read_parquet(p, columns=list(columns) if columns else None, filters=filters) for p in parts]
    frames = [f for f in frames if len(f)]
    if not frames:
        empty = empty_frame(table)
        return empty[list(columns)] if columns else empty
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if columns:
        return frame.astype({c: TABLES[table][c] for c in columns})
    return conform(frame, table)


def read_tables(out: str | Path) -> Corpus:
    """Load every table a previous build wrote to ``out``.

    Raises:
        FileNotFoundError: ``out`` holds no build; run ``python -m analysis build --out OUT``.
    """
    out = Path(out)
    if not (out / MANIFEST).exists():
        raise FileNotFoundError(f"{out}: no built corpus here; run `python -m analysis build --out {out}` first")
    frames = {name: read_table(out, name) for name in TABLES}
    return Corpus(**frames, n_read=len(frames["articles"]) + len(frames["rejects"]))


def read_manifest(out: str | Path) -> dict[str, Any]:
    """``build.json`` of a build folder ({} when there is none or it is unreadable)."""
    path = Path(out) / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


# --------------------------------------------------------------------------- one chunk


def _rename(frame: pd.DataFrame, id_map: dict[str, list[str]]) -> pd.DataFrame:
    """Rows of the old articles in ``id_map``, once per new id (identical texts share one analysis)."""
    import pandas as pd

    pairs = pd.DataFrame([(old, new) for old, news in id_map.items() for new in news], columns=["article_id", "_new"])
    pairs["article_id"] = pairs["article_id"].astype(frame["article_id"].dtype)
    kept = frame.merge(pairs, on="article_id", how="inner", sort=False)
    kept["article_id"] = kept.pop("_new").astype(frame["article_id"].dtype)
    return kept


def _ordered(frame: pd.DataFrame, order: dict[str, int], second: str, table: TableName) -> pd.DataFrame:
    ordered = frame.sort_values(["article_id", second], kind="stable",
                                key=lambda col: col.map(order) if col.name == "article_id" else col)
    return conform(ordered, table)


def process_chunk(records: list[Record], keys: list[str], *, staging: str, part: int, old_root: str,
                  cached: dict[str, tuple[str, str]], reuse_quotes: bool) -> dict[str, Any]:
    """Tokenise and extract quotes for one chunk; write its part files under ``staging``.

    Args:
        records: the chunk's articles.
        keys: their content keys.
        staging: folder receiving ``TABLE/part-NNNNN.parquet``.
        part: the part number.
        old_root: the previous build's folder (the cache).
        cached: new article id → (old part file name, old article id) for articles whose content
            is unchanged; their rows are read back from ``old_root`` instead of re-analysed.
        reuse_quotes: the quote rules are unchanged, so cached articles keep their quotes too.

    Returns:
        ``{"tokenized": n, "seconds": {stage: s}}``. Runs in the caller's process or as a dask
        task; either way Kiwi is loaded once per process.
    """
    return finish_chunk(tokenise_chunk(records, keys, cached=cached), staging=staging, part=part,
                        old_root=old_root, reuse_quotes=reuse_quotes)


@dataclass(slots=True)
class _Tokenised:
    """A chunk after Kiwi: the articles, and sentences and tokens of those not in the cache."""

    articles: pd.DataFrame
    todo: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    cached: dict[str, tuple[str, str]]
    seconds: float


def tokenise_chunk(records: list[Record], keys: list[str], *, cached: dict[str, tuple[str, str]]) -> _Tokenised:
    """The Kiwi stage of :func:`process_chunk`: articles not in ``cached`` go to Kiwi in one call."""
    t0 = time.perf_counter()
    articles = articles_frame(records, keys=keys)
    todo = articles[~articles["article_id"].isin(cached.keys())]
    sentences, tokens = tokenize_texts(todo["text"].tolist(), todo["article_id"].tolist())
    return _Tokenised(articles, todo, sentences, tokens, cached, time.perf_counter() - t0)


def finish_chunk(chunk: _Tokenised, *, staging: str, part: int, old_root: str, reuse_quotes: bool) -> dict[str, Any]:
    """The rest of :func:`process_chunk`: quotes, cached rows, and the part files."""
    import pandas as pd

    from .quotes import extract_quotes

    t1 = time.perf_counter()
    articles, order = chunk.articles, {a: i for i, a in enumerate(chunk.articles["article_id"])}
    quotes = extract_quotes(chunk.todo, chunk.sentences, chunk.tokens) if reuse_quotes else None
    t2 = time.perf_counter()
    # rows of unchanged articles, read back from the previous build's part files
    wanted: tuple[TableName, ...] = ("sentences", "tokens", "quotes") if reuse_quotes else ("sentences", "tokens")
    frames: dict[str, list[pd.DataFrame]] = {table: [] for table in wanted}
    by_part: dict[str, dict[str, list[str]]] = {}
    for new_id, (old_part, old_id) in chunk.cached.items():
        by_part.setdefault(old_part, {}).setdefault(old_id, []).append(new_id)
    for old_part, id_map in sorted(by_part.items()):
        for table in wanted:
            old = pd.read_parquet(Path(old_root) / table / old_part, filters=[("article_id", "in", list(id_map))])
            frames[table].append(_rename(old, id_map))
    sentences, tokens = chunk.sentences, chunk.tokens
    if chunk.cached:
        sentences = _ordered(pd.concat([*frames["sentences"], sentences], ignore_index=True), order, "sent_id", "sentences")
        tokens = _ordered(pd.concat([*frames["tokens"], tokens], ignore_index=True), order, "token_id", "tokens")
    t3 = time.perf_counter()
    if quotes is None:
        quotes = extract_quotes(articles, sentences, tokens)
    elif chunk.cached:
        quotes = _ordered(pd.concat([*frames["quotes"], quotes], ignore_index=True), order, "quote_id", "quotes")
    t4 = time.perf_counter()
    name = f"part-{part:05d}.parquet"
    for table, frame in (("articles", articles), ("sentences", sentences), ("tokens", tokens), ("quotes", quotes)):
        folder = Path(staging) / table
        folder.mkdir(parents=True, exist_ok=True)
        frame.to_parquet(folder / name, index=False, row_group_size=65_536)
    t5 = time.perf_counter()
    return {"tokenized": len(chunk.todo),
            "seconds": {"tokenise": chunk.seconds, "quotes": (t2 - t1) + (t4 - t3), "assemble tables": t3 - t2,
                        "write parquet": t5 - t4}}


# --------------------------------------------------------------------------- the build


def _chunks(items: Iterator[Record | Reject], size: int, rejects: list[Reject]) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for item in items:
        if isinstance(item, Reject):
            rejects.append(item)
            continue
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _chunk_key(keys: list[str], ids: list[str], quote_rules: str) -> str:
    h = hashlib.sha256(quote_rules.encode())
    for k, a in zip(keys, ids, strict=True):
        h.update(f"{a}\x00{k}\x01".encode())
    return h.hexdigest()[:24]


def _old_index(out: Path, keep: Callable[[str], bool]) -> dict[str, tuple[str, str]]:
    """content_key → (part file name, article id) in the parts of a previous build that ``keep``
    accepts (read with pyarrow alone)."""
    import pyarrow.parquet as pq

    index: dict[str, tuple[str, str]] = {}
    for part in table_parts(out, "articles"):
        if not keep(part.name):
            continue
        columns = pq.ParquetFile(part).read(columns=["article_id", "content_key"]).to_pydict()
        for a, k in zip(columns["article_id"], columns["content_key"], strict=True):
            index.setdefault(k, (part.name, a))
    return index


def build_dataset(
    paths: str | Path | Sequence[str | Path] | None = None,
    *,
    out: str | Path,
    progress: bool = False,
    chunk_size: int = CHUNK_SIZE,
    scheduler: str | Any | None = None,
) -> BuildSummary:
    """Stream ``paths`` (default: the bundled corpus) into partitioned tables under ``out``.

    Args:
        paths: a file or folder of articles, or several.
        out: the output folder, also the cache of the next build.
        progress: show progress and log what is done.
        chunk_size: articles per chunk / part file.
        scheduler: a dask.distributed scheduler address (``tcp://host:8786``) or ``Client``: run
            the chunks on that cluster (``out`` must be on a filesystem the workers share).

    Raises:
        analysis.corpus.CorpusError: a PATH does not exist.
    """
    from .quotes import rules_version

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    old_manifest = read_manifest(out)
    quote_rules = rules_version()
    reuse_quotes = old_manifest.get("quote_rules") == quote_rules
    old_parts: dict[str, str] = old_manifest.get("parts", {})  # chunk key -> part name
    old_sizes: dict[str, dict[str, int]] = old_manifest.get("part_sizes", {})  # part name -> table -> bytes

    def intact(name: str) -> bool:
        """The previous build's part files ``name`` are there, as big as when they were written."""
        sizes = old_sizes.get(name, {})
        return all(_size(out / t / name) == sizes.get(t, -2) for t in PART_TABLES)

    @cache
    def old_index() -> dict[str, tuple[str, str]]:
        """The previous build's articles by content key (in intact parts), read once a chunk has changed."""
        try:
            return _old_index(out, intact) if old_manifest else {}
        except (OSError, ValueError, KeyError) as err:  # a damaged cache is rebuilt, not trusted
            log.warning("ignoring the cache in %s: %s", out, err)
            return {}

    staging = out / f".staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()

    summary = BuildSummary(out=out)
    rejects: list[Reject] = []
    new_parts: dict[str, str] = {}
    client = _client(scheduler) if scheduler is not None else None
    pending: list[Any] = []
    seconds: Counter[str] = Counter()
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(desc="building", unit="article", mininterval=1.0)

    def collect(result: dict[str, Any]) -> None:
        summary.n_tokenized += result["tokenized"]
        seconds.update(result["seconds"])

    finishing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="finish-chunk") if client is None else nullcontext()
    with finishing as finisher:
        for part, records in enumerate(_chunks(iter_load(paths, progress=False), chunk_size, rejects)):
            keys = [content_key(r.text) for r in records]
            ids = [r.article_id for r in records]
            ckey = _chunk_key(keys, ids, quote_rules)
            summary.n_articles += len(records)
            summary.n_parts += 1
            name = f"part-{part:05d}.parquet"
            new_parts[ckey] = name
            old_name = old_parts.get(ckey)
            if old_name and reuse_quotes and intact(old_name):
                for table in PART_TABLES:  # unchanged chunk: keep its files
                    (staging / table).mkdir(exist_ok=True)
                    os.link(out / table / old_name, staging / table / name)
                summary.n_parts_reused += 1
            else:
                index = old_index()
                cached = {r.article_id: index[k] for r, k in zip(records, keys, strict=True) if k in index}
                kwargs = {"staging": str(staging), "part": part, "old_root": str(out), "reuse_quotes": reuse_quotes}
                if client is None:
                    # Kiwi's threads tokenise this chunk while the previous one finishes (quotes, parquet)
                    chunk = tokenise_chunk(records, keys, cached=cached)
                    if pending:
                        collect(pending.pop().result())
                    pending.append(finisher.submit(finish_chunk, chunk, **kwargs))
                    del chunk  # the finisher holds it now
                else:
                    pending.append(client.submit(process_chunk, records, keys, cached=cached, **kwargs, pure=False))
                    if len(pending) >= 2 * max(len(client.scheduler_info().get("workers", {})), 1):
                        collect(pending.pop(0).result())
            if bar is not None:
                bar.update(len(records))
        for future in pending:
            collect(future.result())
    if bar is not None:
        bar.close()

    (staging / "rejects").mkdir(exist_ok=True)
    rejects_key = _write_rejects(staging / "rejects" / "part-00000.parquet", rejects,
                                 previous=out / "rejects" / "part-00000.parquet",
                                 previous_key=old_manifest.get("rejects_key", ""))
    for table in PART_TABLES:
        (staging / table).mkdir(exist_ok=True)
        if not table_parts(staging, table):  # an empty corpus still has readable tables
            empty_frame(table).to_parquet(staging / table / "part-00000.parquet", index=False)
    summary.n_read = summary.n_articles + len(rejects)
    summary.reasons = [r.reason for r in rejects]
    # swap the new tables in, then record what built them
    for table in TABLES:
        shutil.rmtree(out / table, ignore_errors=True)
        (staging / table).rename(out / table)
    shutil.rmtree(staging, ignore_errors=True)
    summary.timings = {"total": time.perf_counter() - started, **seconds}
    sizes = {name: {t: _size(out / t / name) for t in PART_TABLES} for name in new_parts.values()}
    manifest = _manifest(quote_rules=quote_rules, parts=new_parts, part_sizes=sizes, articles=summary.n_articles,
                         rejects=len(rejects), rejects_key=rejects_key, chunk_size=chunk_size)
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return summary


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1


def _write_rejects(path: Path, rejects: list[Reject], *, previous: Path, previous_key: str) -> str:
    """Write the rejects table and return its key; the previous file is kept when its key is the same."""
    columns = {name: [getattr(r, name) for r in rejects] for name in TABLES["rejects"]}
    key = hashlib.sha256(json.dumps(columns, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:24]
    if key == previous_key:
        try:
            os.link(previous, path)
            return key
        except OSError:
            pass  # no previous file: write it
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({k: pa.array(v, type=pa.string()) for k, v in columns.items()}), path)
    return key


def _manifest(**values: Any) -> dict[str, Any]:
    from .tokenize import SETTINGS, analyzer_version, settings_key

    return {"analyzer": analyzer_version(), "settings": asdict(SETTINGS), "settings_key": settings_key(), **values}


def _client(scheduler: str | Any):
    from dask.distributed import Client

    return scheduler if isinstance(scheduler, Client) else Client(scheduler)


def build(
    paths: str | Path | Sequence[str | Path] | None = None,
    *,
    out: str | Path | None = None,
    progress: bool = False,
    chunk_size: int = CHUNK_SIZE,
    scheduler: str | Any | None = None,
) -> Corpus:
    """Read, clean, tokenise and extract quotes from ``paths`` (default: the bundled corpus).

    With ``out`` the tables are built (or refreshed from the cache) in that folder by
    :func:`build_dataset` and read back; without it everything stays in memory.

    Raises:
        analysis.corpus.CorpusError: a PATH does not exist.
    """
    if out is not None:
        done = build_dataset(paths, out=out, progress=progress, chunk_size=chunk_size, scheduler=scheduler)
        corpus = read_tables(out)
        corpus.n_read, corpus.n_tokenized, corpus.timings = done.n_read, done.n_tokenized, done.timings
        return corpus
    from .quotes import extract_quotes

    loaded = load(paths, progress=progress)
    articles = articles_frame(loaded.records, keys=[content_key(r.text) for r in loaded.records])
    sentences, tokens = tokenize_texts(articles["text"].tolist(), articles["article_id"].tolist(), progress=progress)
    return Corpus(articles=articles, sentences=sentences, tokens=tokens, rejects=rejects_frame(loaded.rejects),
                  quotes=extract_quotes(articles, sentences, tokens), n_read=loaded.n_read,
                  n_tokenized=len(loaded.records))
