"""The build folder: the one place that reads and writes tables, the manifest and the lock.

Layout of ``OUT``::

    build.json                     the published manifest, and the pointer to its snapshot
    build.lock, build.lock.json    the writers' lock and who holds it
    snapshots/NAME/TABLE/part-NNNNN.parquet

What it promises, and how:

- **Atomic publish.** A build writes a new snapshot folder, fsyncs it, and publishes it by
  replacing ``build.json`` with :func:`os.replace`. A reader resolves ``build.json`` once
  (:func:`read_tables`, :func:`table_files`) and sees the previous build or the new one, never a
  mix; a build killed at any moment leaves the previous one published, and the next build deletes
  what it left.
- **Readers keep their files.** A build keeps the published snapshot and the one before it, and
  deletes the older ones: a snapshot's files stay until a second build after it publishes, so a
  reader that listed the published files finds them through the whole of the next build.
- **Verified reuse.** Every part file's size and SHA-256 are in the manifest (and its pages carry
  parquet checksums); a file is checked before it is reused or read, and a damaged one is
  recomputed by the build, which says so.
- **One writer.** A :mod:`filelock` lock on ``OUT/build.lock``; a second build stops with a
  one-line message naming the holder, or waits (``wait=True``, ``--wait``).
"""

from .errors import StoreError, StoreLocked
from .files import problem, read_verified, write_table
from .lock import HOLDER, LOCK, build_lock, holder
from .manifest import FORMAT, MANIFEST, FileEntry, Legacy, Manifest, Part, load_manifest, read_manifest
from .snapshot import (
    SNAPSHOTS,
    Snapshot,
    collect_garbage,
    drop_legacy,
    part_path,
    snapshot_root,
    write_part,
    write_parts,
)
from .tables import published, read_rows, read_table, read_tables, table_files

__all__ = [
    "FORMAT",
    "HOLDER",
    "LOCK",
    "MANIFEST",
    "SNAPSHOTS",
    "FileEntry",
    "Legacy",
    "Manifest",
    "Part",
    "Snapshot",
    "StoreError",
    "StoreLocked",
    "build_lock",
    "collect_garbage",
    "drop_legacy",
    "holder",
    "load_manifest",
    "part_path",
    "problem",
    "published",
    "read_manifest",
    "read_rows",
    "read_table",
    "read_tables",
    "read_verified",
    "snapshot_root",
    "table_files",
    "write_part",
    "write_parts",
    "write_table",
]
