"""``build.json``: the manifest of the published snapshot, and the pointer to it.

The manifest names the snapshot folder readers must read (``snapshots/NAME``), every part file in
it with its size and SHA-256, and what built it (analyser, settings, quote rules). It is replaced in
one step (:func:`os.replace` of a complete, fsync'ed file), so a reader that loads it once sees one
whole build. Its shape is checked with :mod:`msgspec`: a file of the right JSON shape but the wrong
types is refused with the path and the field (``Expected int, got str - at $.parts[0].articles``).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Final

import msgspec

from .errors import StoreError

MANIFEST: Final = "build.json"
FORMAT: Final = 2  # 1: tables in OUT/TABLE/, swapped folder by folder (before snapshots)
#: What the names in a manifest must look like: nothing a reader follows can lead outside the build folder.
SNAPSHOT_NAME: Final = re.compile(r"\d{6,}-[0-9a-f]{8}")
PART_NAME: Final = re.compile(r"part-\d{5,}\.parquet")


class FileEntry(msgspec.Struct, frozen=True):
    """One part file as written: its size and content checksum."""

    size: int
    sha256: str


class Part(msgspec.Struct, frozen=True):
    """One chunk of articles: its part file in each table (all named ``name``)."""

    key: str  # the chunk's cache key: its articles' content keys in order
    name: str  # part-00003.parquet
    articles: int
    files: dict[str, FileEntry]


class Manifest(msgspec.Struct, frozen=True, kw_only=True):
    """``build.json`` of format 2."""

    format: int
    snapshot: str  # the folder under snapshots/ holding the tables
    previous: str  # the snapshot this one replaced ("" for the first): kept for readers still on it
    published: str  # ISO 8601, UTC
    analyzer: str
    settings: dict[str, Any]
    settings_key: str
    quote_rules: str
    chunk_size: int
    records: int
    articles: int
    rejects: int
    raw_dates: int
    parts: list[Part]
    rejects_part: Part


class Legacy(msgspec.Struct, frozen=True):
    """A ``build.json`` of format 1 (tables in ``OUT/TABLE/``): no cache, its files are removed on publish."""


def load_manifest(out: Path) -> Manifest | Legacy | None:
    """The manifest of the build in ``out``; ``None`` when there is none.

    Raises:
        StoreError: ``build.json`` is unreadable, not JSON, or of the wrong shape or types.
    """
    path = out / MANIFEST
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise StoreError(f"{path}: cannot read ({err.strerror}); check the folder's permissions") from None
    try:
        raw = json.loads(data)
    except ValueError as err:
        raise _damaged(path, f"not JSON: {err}") from None
    if isinstance(raw, dict) and "format" not in raw and isinstance(raw.get("parts"), dict):
        return Legacy()
    try:
        manifest = msgspec.convert(raw, type=Manifest)
    except msgspec.ValidationError as err:
        raise _damaged(path, str(err)) from None
    if manifest.format != FORMAT:
        raise _damaged(path, f"format {manifest.format}, this version reads format {FORMAT}")
    if not SNAPSHOT_NAME.fullmatch(manifest.snapshot) or (manifest.previous and not SNAPSHOT_NAME.fullmatch(manifest.previous)):
        raise _damaged(path, f"snapshot name {manifest.snapshot!r} or {manifest.previous!r} is not one a build writes")
    bad = [p.name for p in [*manifest.parts, manifest.rejects_part] if not PART_NAME.fullmatch(p.name)]
    if bad:
        raise _damaged(path, f"part name {bad[0]!r} is not one a build writes")
    return manifest


def _damaged(path: Path, problem: str) -> StoreError:
    return StoreError(f"{path}: not a valid build manifest ({problem}); delete it to rebuild "
                      f"{path.parent} from scratch with `python -m analysis build … --out {path.parent}`")


def read_manifest(out: str | Path) -> dict[str, Any]:
    """``build.json`` of a build folder as a dict ({} when there is none or it is not a valid manifest)."""
    try:
        manifest = load_manifest(Path(out))
    except StoreError:
        return {}
    return msgspec.to_builtins(manifest) if isinstance(manifest, Manifest) else {}


def write_manifest(out: Path, manifest: Manifest) -> None:
    """Publish ``manifest``: write it beside ``build.json``, fsync, then replace ``build.json`` in one step.

    Raises:
        OSError: the folder cannot be written (the caller names it).
    """
    from .files import fsync_dir, write_bytes

    tmp = out / f"{MANIFEST}.tmp-{os.getpid()}"
    try:
        write_bytes(tmp, msgspec.json.format(msgspec.json.encode(manifest), indent=1))
        os.replace(tmp, out / MANIFEST)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(out)
