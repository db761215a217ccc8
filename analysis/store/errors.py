"""What can go wrong with a build folder, each said in one line that names the path and what to do."""

from __future__ import annotations


class StoreError(Exception):
    """A build folder cannot be read or written (the message names the path and what to do)."""


class StoreLocked(StoreError):
    """Another build holds the build folder's lock (the message names the folder and that build)."""
