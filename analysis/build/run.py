"""Build the corpus tables: read → clean → tokenise → quotes → a new snapshot of the build folder.

Articles stream through the stages in chunks of ``chunk_size``; each chunk becomes one part file
per table (``tokens/part-00003.parquet`` …), so memory holds two chunks (one in Kiwi, the previous
one being finished), not the corpus. The build folder is also the cache (:mod:`.cache`): a chunk
whose articles are all unchanged keeps its part files (verified, then hard-linked into the new
snapshot); an article whose text is unchanged keeps its sentences and tokens; only the rest goes
to Kiwi. A rebuild of an unchanged corpus reads the input, the manifest and the part files'
checksums, and publishes nothing: no Kiwi, pandas or pyarrow.

The new tables become visible in one step when the build is complete (:mod:`analysis.store`);
a build killed at any moment leaves the previous one served. One build at a time holds the folder.

With ``scheduler`` (a dask.distributed address or Client) the chunks run as tasks on the
cluster's workers, each worker loading Kiwi once and writing its part files into the new snapshot
(``out`` must be on a filesystem the workers share).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import msgspec

from ..corpus import count_records, iter_load, load, rejects_frame
from ..schema import TABLES, Corpus, Record, Reject, empty_frame, summary_text
from ..store import (
    FORMAT,
    Legacy,
    Manifest,
    Part,
    Snapshot,
    build_lock,
    collect_garbage,
    drop_legacy,
    load_manifest,
)
from ..store.snapshot import write_error
from .cache import PreviousBuild, article_keys, chunk_key, quote_rules
from .chunk import PART_TABLES, Tokenised, analyse_chunk, finish_chunk, process_chunk, tokenise_chunk, write_chunk

log = logging.getLogger(__name__)

CHUNK_SIZE = 256  # articles per chunk (and per part file)


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
    raw_dates: int = 0  # articles whose date could not be read (kept in date_raw)
    repaired: list[str] = field(default_factory=list)  # damaged files of the previous build, recomputed
    published: bool = False  # False: nothing changed, the previous snapshot is still the one served
    snapshot: str = ""  # the snapshot served after this build
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        text = summary_text(self.n_read, self.n_articles, self.reasons, raw_dates=self.raw_dates)
        if self.repaired:
            text += f"\nrepaired: {len(self.repaired)} damaged part files of the previous build recomputed"
            text += "".join(f"\n  {line}" for line in self.repaired)
        return text


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


def build_dataset(
    paths: str | Path | Sequence[str | Path] | None = None,
    *,
    out: str | Path,
    progress: bool = False,
    chunk_size: int = CHUNK_SIZE,
    scheduler: str | Any | None = None,
    wait: bool | float = False,
) -> BuildSummary:
    """Stream ``paths`` (default: the bundled corpus) into a new snapshot of the tables in ``out``.

    Example:
        >>> done = build_dataset(["기사.jsonl"], out="build/mine")  # doctest: +SKIP
        >>> done.n_tokenized, done.n_parts_reused  # doctest: +SKIP
        (499, 0)

    Args:
        paths: a file or folder of articles, or several.
        out: the build folder, also the cache of the next build.
        progress: show progress and log what is done.
        chunk_size: articles per chunk / part file.
        scheduler: a dask.distributed scheduler address (``tcp://host:8786``) or ``Client``: run
            the chunks on that cluster (``out`` must be on a filesystem the workers share).
        wait: when another build holds ``out``: ``False`` stop, ``True`` wait, a number: wait that
            many seconds.

    Raises:
        analysis.corpus.CorpusError: a PATH does not exist.
        analysis.store.StoreError: ``out`` cannot be written, its ``build.json`` is damaged, or
            (:class:`~analysis.store.StoreLocked`) another build holds it.
    """
    out = Path(out)
    started = time.perf_counter()
    items = iter_load(paths, progress=False)  # a missing PATH stops here, before the folder is touched
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise write_error(out, err) from None
    with build_lock(out, wait=wait):
        current = load_manifest(out)
        collect_garbage(out, current)
        snapshot = Snapshot(out, current)
        try:
            total = count_records(paths) if progress else None
            summary = _write_snapshot(items, snapshot, PreviousBuild(out, current if isinstance(current, Manifest) else None),
                                      chunk_size=chunk_size, scheduler=scheduler, progress=progress, total=total)
        except BaseException:
            snapshot.discard()
            raise
        if isinstance(current, Legacy):
            drop_legacy(out)
    summary.timings = {"total": time.perf_counter() - started, **summary.timings}
    return summary


def _write_snapshot(items: Iterator[Record | Reject], snapshot: Snapshot, previous: PreviousBuild, *, chunk_size: int,
                    scheduler: str | Any | None, progress: bool, total: int | None = None) -> BuildSummary:
    """Write every part into ``snapshot`` (reusing what ``previous`` holds intact) and publish it if anything
    changed."""
    summary = BuildSummary(out=snapshot.out)
    rejects: list[Reject] = []
    planned: list[tuple[str, str, int]] = []  # chunk key, part name, articles
    files: dict[str, dict[str, Any]] = {}  # part name -> table -> FileEntry
    seconds: Counter[str] = Counter()
    client = _client(scheduler) if scheduler is not None else None
    pending: list[Any] = []
    root = str(snapshot.root)
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(desc="building", total=total, unit="record", mininterval=1.0)

    def collect(result: dict[str, Any]) -> None:
        files[result["name"]] = result["files"]
        summary.n_tokenized += result["tokenized"]
        seconds.update(result["seconds"])

    finishing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="finish-chunk") if client is None else nullcontext()
    with finishing as finisher:
        for number, records in enumerate(_chunks(items, chunk_size, rejects)):
            keys = article_keys(records)
            key, name = chunk_key(keys[0]), f"part-{number:05d}.parquet"
            planned.append((key, name, len(records)))
            summary.n_articles += len(records)
            summary.raw_dates += sum(1 for r in records if r.date_raw)
            old = previous.reusable(key)
            if old is not None:  # an unchanged chunk, verified: its files go into the new snapshot as they are
                for table in PART_TABLES:
                    snapshot.reuse(table, name, previous.path(table, old))
                files[name] = old.files
                summary.n_parts_reused += 1
            else:
                cached = previous.cached([r.article_id for r in records], *keys)
                if client is None:
                    # Kiwi's threads tokenise this chunk while the previous one finishes (quotes, parquet)
                    chunk = tokenise_chunk(records, keys=keys, cached=cached)
                    if pending:
                        collect(pending.pop().result())
                    pending.append(finisher.submit(_finish_and_write, chunk, root=root, name=name))
                    del chunk  # the finisher holds it now
                else:
                    pending.append(client.submit(process_chunk, records, keys=keys, cached=cached, root=root, name=name,
                                                 pure=False))
                    if len(pending) >= 2 * max(len(client.scheduler_info().get("workers", {})), 1):
                        collect(pending.pop(0).result())
            if bar is not None:
                bar.update(summary.n_articles + len(rejects) - bar.n)  # records read so far, kept or rejected
        for future in pending:
            collect(future.result())
    if bar is not None:
        bar.update(summary.n_articles + len(rejects) - bar.n)
        bar.close()
    if not planned:  # an empty corpus still has readable tables, one empty part each
        planned.append((chunk_key([]), "part-00000.parquet", 0))
        files["part-00000.parquet"] = snapshot.write_all("part-00000.parquet", {t: empty_frame(t) for t in PART_TABLES})
    parts = [Part(key=key, name=name, articles=n, files=files[name]) for key, name, n in planned]
    rejects_part = _rejects_part(rejects, snapshot, previous)
    summary.n_read = summary.n_articles + len(rejects)
    summary.reasons = [r.reason for r in rejects]
    summary.n_parts = len(parts)
    summary.repaired = previous.damaged
    summary.timings = dict(seconds)
    manifest = _manifest(snapshot, parts=parts, rejects_part=rejects_part, summary=summary, chunk_size=chunk_size)
    current = snapshot.current
    unchanged = msgspec.structs.replace(manifest, snapshot=current.snapshot, previous=current.previous,
                                        published=current.published) == current if current is not None else False
    if unchanged and not previous.damaged:
        snapshot.discard()  # nothing changed: the published snapshot stays, and so does the one before it
        summary.snapshot = current.snapshot
    else:
        snapshot.publish(manifest)
        summary.published, summary.snapshot = True, snapshot.name
    return summary


def _finish_and_write(chunk: Tokenised, *, root: str, name: str) -> dict[str, Any]:
    return write_chunk(finish_chunk(chunk), root=root, name=name)


def _rejects_part(rejects: list[Reject], snapshot: Snapshot, previous: PreviousBuild) -> Part:
    """The rejects table's one part: the previous file when its rows are the same (and it is intact)."""
    name = "part-00000.parquet"
    columns = {c: [getattr(r, c) for r in rejects] for c in TABLES["rejects"]}
    key = hashlib.sha256(json.dumps(columns, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:24]
    old = previous.manifest.rejects_part if previous.manifest else None
    if old is not None and old.key == key and previous.intact(old):
        snapshot.reuse("rejects", name, previous.path("rejects", old))
        return old
    return Part(key=key, name=name, articles=0, files={"rejects": snapshot.write("rejects", name, rejects_frame(rejects))})


def _manifest(snapshot: Snapshot, *, parts: list[Part], rejects_part: Part, summary: BuildSummary,
              chunk_size: int) -> Manifest:
    from ..tokenize import SETTINGS, analyzer_version, settings_key

    return Manifest(
        format=FORMAT, snapshot=snapshot.name, previous=snapshot.current.snapshot if snapshot.current else "",
        published=datetime.now(UTC).isoformat(timespec="seconds"), analyzer=analyzer_version(),
        settings=asdict(SETTINGS), settings_key=settings_key(), quote_rules=quote_rules(), chunk_size=chunk_size,
        records=summary.n_read, articles=summary.n_articles, rejects=len(summary.reasons), raw_dates=summary.raw_dates,
        parts=parts, rejects_part=rejects_part,
    )


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
    wait: bool | float = False,
) -> Corpus:
    """Read, clean, tokenise and extract quotes from ``paths`` (default: the bundled corpus).

    With ``out`` the tables are built (or refreshed from the cache) in that folder by
    :func:`build_dataset` and read back; without it everything stays in memory.

    Example:
        >>> corpus = build()  # doctest: +SKIP
        >>> corpus.quotes["speaker"].unique().tolist()  # doctest: +SKIP
        ['오세훈']

    Raises:
        analysis.corpus.CorpusError: a PATH does not exist.
        analysis.store.StoreError: ``out`` cannot be written or is held by another build.
    """
    if out is not None:
        from ..store import read_tables

        done = build_dataset(paths, out=out, progress=progress, chunk_size=chunk_size, scheduler=scheduler, wait=wait)
        corpus = read_tables(out)
        corpus.n_read, corpus.n_tokenized, corpus.timings = done.n_read, done.n_tokenized, done.timings
        return corpus
    loaded = load(paths, progress=progress)
    tables = analyse_chunk(loaded.records, progress=progress)
    return Corpus(articles=tables.articles, sentences=tables.sentences, tokens=tables.tokens,
                  rejects=rejects_frame(loaded.rejects), quotes=tables.quotes, n_read=loaded.n_read,
                  n_tokenized=tables.tokenized)


