"""Reading the published tables: resolve ``build.json`` once, then read (and verify) its part files."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..schema import TABLES, Corpus, TableName, conform, empty_frame
from .errors import StoreError
from .files import problem, read_verified
from .manifest import MANIFEST, FileEntry, Legacy, Manifest, load_manifest
from .snapshot import part_path, snapshot_root

if TYPE_CHECKING:
    import pandas as pd


def published(out: str | Path) -> Manifest:
    """The manifest of the build readers see in ``out``.

    Raises:
        StoreError: there is no build, an old-format one, or a damaged ``build.json``.
    """
    out = Path(out)
    manifest = load_manifest(out)
    if manifest is None:
        raise StoreError(f"{out}: no built corpus here (no {MANIFEST}); run `python -m analysis build … --out {out}` first")
    if isinstance(manifest, Legacy):
        raise StoreError(f"{out}: a build in the layout of an older version; rebuild it with "
                         f"`python -m analysis build … --out {out}`")
    return manifest


def entries(out: Path, manifest: Manifest, table: TableName) -> list[tuple[Path, FileEntry]]:
    """The part files of ``table`` in the snapshot of ``manifest``, in order, with their manifest entries."""
    root = snapshot_root(out, manifest)
    parts = [manifest.rejects_part] if table == "rejects" else manifest.parts
    return [(part_path(root, table, p.name), p.files[table]) for p in parts]


def table_files(out: str | Path, table: TableName, *, verify: bool = False) -> list[Path]:
    """The part files of one table of the build published in ``out``, in order.

    They stay on disk while they are published and through the whole of the next build after they
    are replaced (see :mod:`.snapshot`), so a reader that lists them and then reads them while a new
    build is published finds them all.

    Args:
        out: the build folder.
        table: which table.
        verify: check each file against the checksum recorded when it was written.

    Raises:
        StoreError: no valid build in ``out``, or (with ``verify``) a damaged part file.
    """
    out = Path(out)
    listed = entries(out, published(out), table)
    if verify:
        for path, entry in listed:
            if why := problem(path, entry):
                raise damaged(path, why, out)
    return [path for path, _ in listed]


def damaged(path: Path, why: str, out: Path) -> StoreError:
    return StoreError(f"{path}: damaged part file ({why}); run `python -m analysis build … --out {out}` again to "
                      "repair it")


def _read_parts(out: Path, listed: list[tuple[Path, FileEntry]], table: TableName, *,
                columns: Sequence[str] | None, article_ids: Iterable[str] | None) -> pd.DataFrame:
    import pandas as pd

    filters = [("article_id", "in", list(article_ids))] if article_ids is not None and table != "rejects" else None
    frames = []
    for path, entry in listed:
        try:
            data = read_verified(path, entry)
        except FileNotFoundError:
            raise StoreError(f"{path}: missing: the build in {out} was replaced and cleaned up while this was "
                             "reading it; read again") from None
        except (OSError, ValueError) as err:
            raise damaged(path, str(err) if isinstance(err, ValueError) else err.strerror, out) from None
        frame = pd.read_parquet(io.BytesIO(data), columns=list(columns) if columns else None, filters=filters)
        if len(frame):
            frames.append(frame)
    if not frames:
        empty = empty_frame(table)
        return empty[list(columns)] if columns else empty
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if columns:
        return frame.astype({c: TABLES[table][c] for c in columns})
    return conform(frame, table)


def read_table(out: str | Path, table: TableName, *, columns: Sequence[str] | None = None,
               article_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """One table of the published build, all parts in order, each verified against its checksum
    (optionally some columns, some articles).

    Raises:
        StoreError: no valid build in ``out``, or a damaged part file.
    """
    out = Path(out)
    return _read_parts(out, entries(out, published(out), table), table, columns=columns, article_ids=article_ids)


def read_tables(out: str | Path) -> Corpus:
    """Every table of the build published in ``out`` (one snapshot: ``build.json`` is read once).

    Example:
        >>> corpus = read_tables("build/wikinews")  # doctest: +SKIP
        >>> corpus.quotes.loc[corpus.quotes.speaker == "문재인", "content"].head()  # doctest: +SKIP

    Raises:
        StoreError: no build in ``out`` (run ``python -m analysis build --out OUT``), a damaged
            ``build.json`` or a damaged part file.
    """
    out = Path(out)
    manifest = published(out)
    frames = {name: _read_parts(out, entries(out, manifest, name), name, columns=None, article_ids=None)
              for name in TABLES}
    return Corpus(**frames, n_read=manifest.records)


def read_rows(root: str | Path, table: TableName, name: str, article_ids: Sequence[str]) -> pd.DataFrame:
    """The rows of ``article_ids`` in part ``name`` of ``table`` in the snapshot folder ``root`` (the previous
    build's, verified by the caller)."""
    import pandas as pd

    return pd.read_parquet(part_path(root, table, name), filters=[("article_id", "in", list(article_ids))])
