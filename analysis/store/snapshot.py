"""Snapshots: each build writes a new folder ``OUT/snapshots/NAME`` and publishes it by replacing
``build.json`` (see :mod:`.manifest`); nothing a reader can see changes until that one step.

Garbage collection runs under the lock, at the start of a build (to clear what a killed build left:
an unpublished snapshot, a temporary manifest) and after it publishes. It keeps the published
snapshot and the one before it, so a snapshot is deleted only when a second build after it
publishes: a reader that listed the published files keeps them through the whole of the next build.
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Final

from .errors import StoreError
from .files import fsync_dir, link_or_copy, write_table
from .manifest import MANIFEST, FileEntry, Legacy, Manifest, write_manifest

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

SNAPSHOTS: Final = "snapshots"
#: Every table a build writes, in the order of :data:`analysis.schema.TABLES`.
TABLE_DIRS: Final = ("articles", "sentences", "tokens", "rejects", "quotes")


def write_error(path: Path, err: OSError) -> StoreError:
    """The one-line error for a build folder that cannot be written."""
    return StoreError(f"{path}: cannot write ({err.strerror or err}); choose an --out on a writable disk with "
                      "free space (the previous build, if any, is still the one served)")


def snapshot_root(out: Path, manifest: Manifest) -> Path:
    """The folder of the snapshot ``manifest`` publishes."""
    return out / SNAPSHOTS / manifest.snapshot


def collect_garbage(out: Path, current: Manifest | Legacy | None) -> list[str]:
    """Delete the snapshots no reader can need and what killed builds left; return what was deleted."""
    keep = {current.snapshot, current.previous} if isinstance(current, Manifest) else set()
    removed = []
    folder = out / SNAPSHOTS
    for child in sorted(folder.iterdir()) if folder.is_dir() else []:
        if child.name not in keep:
            shutil.rmtree(child, ignore_errors=True)
            removed.append(child.name)
    for tmp in out.glob(f"{MANIFEST}.tmp-*"):
        tmp.unlink(missing_ok=True)
        removed.append(tmp.name)
    return removed


def drop_legacy(out: Path) -> None:
    """Remove the part files of a format-1 build (``OUT/TABLE/part-*.parquet``), their emptied folders, and
    the ``.staging-PID`` folders its killed builds left."""
    for staging in out.glob(".staging-*"):
        shutil.rmtree(staging, ignore_errors=True)
    for table in TABLE_DIRS:
        for part in (out / table).glob("part-*.parquet"):
            part.unlink(missing_ok=True)
        with suppress(OSError):  # absent, or holds files that are not ours
            (out / table).rmdir()


class Snapshot:
    """A snapshot being written: invisible to readers until :meth:`publish`.

    Args:
        out: the build folder (its lock held by the caller).
        current: the published manifest, if any (it becomes ``previous``).
    """

    def __init__(self, out: Path, current: Manifest | Legacy | None) -> None:
        self.out = out
        self.current = current if isinstance(current, Manifest) else None
        number = int(self.current.snapshot.split("-")[0]) + 1 if self.current else 1  # names checked on loading
        self.name = f"{number:06d}-{secrets.token_hex(4)}"
        self.root = out / SNAPSHOTS / self.name
        try:
            for table in TABLE_DIRS:
                (self.root / table).mkdir(parents=True)
        except OSError as err:
            raise write_error(self.root, err) from None

    def path(self, table: str, name: str) -> Path:
        return part_path(self.root, table, name)

    def write(self, table: str, name: str, frame: pd.DataFrame | pa.Table) -> FileEntry:
        """Write one part file of this snapshot.

        Raises:
            StoreError: the disk refuses (read-only, full), naming the file.
        """
        return write_part(self.path(table, name), frame)

    def write_all(self, name: str, frames: Mapping[str, pd.DataFrame | pa.Table]) -> dict[str, FileEntry]:
        """Write part ``name`` of each table in ``frames``."""
        return write_parts(self.root, name, frames)

    def reuse(self, table: str, name: str, source: Path) -> None:
        """Put an already verified file of the previous snapshot into this one (hard link, else copy)."""
        target = self.path(table, name)
        try:
            link_or_copy(source, target)
        except OSError as err:
            raise write_error(target, err) from None

    def publish(self, manifest: Manifest) -> None:
        """Make this snapshot the one readers see, in one step (then the one before stays as ``previous``).

        Raises:
            StoreError: the manifest cannot be written; the old build stays published.
        """
        try:
            for table in TABLE_DIRS:
                fsync_dir(self.root / table)
            fsync_dir(self.root)
            fsync_dir(self.root.parent)
            write_manifest(self.out, manifest)
        except OSError as err:
            raise write_error(self.out / MANIFEST, err) from None
        collect_garbage(self.out, manifest)

    def discard(self) -> None:
        """Delete this unpublished snapshot (after a failure)."""
        shutil.rmtree(self.root, ignore_errors=True)


def part_path(root: str | Path, table: str, name: str) -> Path:
    """Where part ``name`` of ``table`` lies in the snapshot folder ``root``."""
    return Path(root) / table / name


def write_parts(root: str | Path, name: str, frames: Mapping[str, pd.DataFrame | pa.Table]) -> dict[str, FileEntry]:
    """Write part ``name`` of each table in ``frames`` into the snapshot folder ``root`` (used by workers too)."""
    return {table: write_part(part_path(root, table, name), frame) for table, frame in frames.items()}


def write_part(path: Path, frame: pd.DataFrame | pa.Table) -> FileEntry:
    """:func:`~.files.write_table` with a disk's refusal said in one line (used by workers too)."""
    try:
        return write_table(path, frame)
    except OSError as err:
        with suppress(OSError):
            path.unlink(missing_ok=True)
        raise write_error(path, err) from None
