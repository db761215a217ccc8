"""Part files: written once with their checksum, verified before reuse, linked into later snapshots."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from .manifest import FileEntry

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

ROW_GROUP_SIZE = 65_536


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file and fsync it (a file that already exists is an error)."""
    with open(path, "xb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def write_table(path: Path, table: pd.DataFrame | pa.Table) -> FileEntry:
    """Write one parquet part file (with page checksums) and return its size and SHA-256.

    The file is encoded in memory, hashed, then written and fsync'ed, so the checksum is of exactly
    the bytes on disk and the file is read by nobody before it is complete.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not isinstance(table, pa.Table):
        table = pa.Table.from_pandas(table, preserve_index=False)
    buffer = io.BytesIO()
    pq.write_table(table, buffer, row_group_size=ROW_GROUP_SIZE, write_page_checksum=True)
    data = buffer.getvalue()
    write_bytes(path, data)
    return FileEntry(size=len(data), sha256=hashlib.sha256(data).hexdigest())


def problem(path: Path, entry: FileEntry) -> str:
    """What is wrong with ``path`` against its manifest entry ("" when it is intact)."""
    try:
        size = path.stat().st_size
        if size != entry.size:
            return f"size {size} bytes, {entry.size} when written"
        with open(path, "rb") as f:
            digest = hashlib.file_digest(f, "sha256").hexdigest()
    except OSError as err:
        return f"cannot read ({err.strerror})"
    return "" if digest == entry.sha256 else "checksum mismatch (same size, different bytes)"


def read_verified(path: Path, entry: FileEntry) -> bytes:
    """The bytes of ``path``, checked against ``entry``.

    Raises:
        ValueError: they do not match (the message says how).
        OSError: the file cannot be read.
    """
    data = path.read_bytes()
    if len(data) != entry.size:
        raise ValueError(f"size {len(data)} bytes, {entry.size} when written")
    if hashlib.sha256(data).hexdigest() != entry.sha256:
        raise ValueError("checksum mismatch (same size, different bytes)")
    return data


def link_or_copy(source: Path, target: Path) -> None:
    """Put ``source`` at ``target`` as a hard link (no copy), or a copy where links are not possible."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
        with open(target, "rb+") as f:
            os.fsync(f.fileno())


def fsync_dir(path: Path) -> None:
    """Make the entries of folder ``path`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
