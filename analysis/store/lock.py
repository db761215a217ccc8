"""One writer at a time: a :mod:`filelock` lock on the build folder, with its holder recorded beside it.

The lock is an OS lock (``flock`` on Unix) on ``OUT/build.lock``: it is released when its process
ends however it ends (``kill -9`` included), so a killed build never leaves the folder locked. Who
holds it (process id, host, start time, command) is written to ``OUT/build.lock.json`` so that a
second build can say whom it is waiting for.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from .errors import StoreError, StoreLocked

LOCK: Final = "build.lock"
HOLDER: Final = "build.lock.json"


@contextmanager
def build_lock(out: Path, *, wait: bool | float = False) -> Iterator[None]:
    """Hold the build lock of ``out`` for the ``with`` block.

    Args:
        out: the build folder (it must exist).
        wait: ``False``: stop at once if another build holds it; ``True``: wait as long as it takes;
            a number: wait that many seconds.

    Raises:
        StoreLocked: another build holds the lock (and ``wait`` ran out), naming it.
        StoreError: the lock file cannot be created (a read-only folder).
    """
    from filelock import FileLock, Timeout

    lock = FileLock(out / LOCK, timeout=-1 if wait is True else float(wait))
    started = time.monotonic()
    try:
        lock.acquire()
    except Timeout:
        waited = f" after waiting {time.monotonic() - started:.0f} s" if wait else ""
        raise StoreLocked(f"{out}: another build is writing this folder ({holder(out)}){waited}; "
                          "wait for it to finish, or pass --wait to queue behind it") from None
    except OSError as err:
        raise StoreError(f"{out}: cannot lock the build folder ({err.strerror}); "
                         "choose an --out you can write to") from None
    try:
        _write_holder(out)
        yield
    finally:
        (out / HOLDER).unlink(missing_ok=True)
        lock.release()


def holder(out: Path) -> str:
    """Who holds the lock of ``out``, as recorded when they took it."""
    try:
        info = json.loads((out / HOLDER).read_text(encoding="utf-8"))
        return f"process {info['pid']} on {info['host']}, started {info['started']}: {info['command']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "holder not recorded yet"


def _write_holder(out: Path) -> None:
    info = {"pid": os.getpid(), "host": socket.gethostname(),
            "started": datetime.now(UTC).isoformat(timespec="seconds"), "command": " ".join(sys.argv)[:200]}
    tmp = out / f"{HOLDER}.tmp-{os.getpid()}"
    try:
        tmp.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, out / HOLDER)
    except OSError:
        tmp.unlink(missing_ok=True)  # the record is a courtesy; the lock itself is held
