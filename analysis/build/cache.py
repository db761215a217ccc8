"""Cache keys, and the previous build as a cache.

Three keys decide what a rebuild may reuse:

- ``text_key`` (:func:`analysis.tokenize.text_key`): the text, the analyser's and model's versions,
  the pinned settings and the user dictionary. Same key, same sentences and tokens.
- ``content_key`` (:func:`content_key`): every field of the :class:`~analysis.schema.Record`
  (iterated over the dataclass, so a field added later is covered), the ``text_key``'s inputs, the
  quote rules' version and the store's format. Same key, same row in every table.
- the chunk key (:func:`chunk_key`): the content keys of a chunk's articles in order. Same key, the
  chunk's part files are reused as they are (hard-linked into the new snapshot).

A title, date or url that changes (text unchanged), or a renamed input file, changes the content
key, so the articles table is rewritten, while the text key is the same, so Kiwi is not run again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path

from ..schema import Record
from ..store import FORMAT, Manifest, Part, part_path, problem, snapshot_root
from ..tokenize import settings_key, text_key


@cache
def quote_rules() -> str:
    """The quote rules' version (a hash of their code and word lists)."""
    from ..quotes import rules_version

    return rules_version()


def content_key(record: Record, *, rules: str | None = None) -> str:
    """Cache key of everything a record puts in any table, with analyser, settings, dictionary and rules.

    Example:
        >>> a = Record(source_path="a.jsonl", record="line 1", article_id="a", text="서울시는 발표했다.")
        >>> content_key(a) == content_key(dataclasses.replace(a, title="새 제목"))  # doctest: +SKIP
        False
    """
    h = hashlib.sha256(f"{FORMAT}\x00{settings_key()}\x00{rules or quote_rules()}".encode())
    for f in fields(Record):
        h.update(f"\x01{f.name}\x00".encode())
        h.update(json.dumps(getattr(record, f.name), ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()[:24]


def article_keys(records: Sequence[Record]) -> tuple[list[str], list[str]]:
    """``(content keys, text keys)`` of ``records``."""
    rules = quote_rules()
    return [content_key(r, rules=rules) for r in records], [text_key(r.text) for r in records]


def chunk_key(content_keys: Sequence[str]) -> str:
    """Cache key of a chunk: its articles' content keys in order."""
    h = hashlib.sha256()
    for k in content_keys:
        h.update(f"{k}\x01".encode())
    return h.hexdigest()[:24]


@dataclass(slots=True)
class Cached:
    """Rows of some of a chunk's articles that the previous snapshot already holds.

    ``analyses`` and ``quotes`` map a new article id to ``(part file name, old article id)``: the
    first for an article with the same text key (its sentences and tokens are reused, renamed), the
    second for one with the same content key (its quotes too).
    """

    root: str = ""  # the previous snapshot's folder
    analyses: dict[str, tuple[str, str]] = field(default_factory=dict)
    quotes: dict[str, tuple[str, str]] = field(default_factory=dict)


class PreviousBuild:
    """The published build a new one replaces, used as its cache.

    Each of its parts is verified (sizes and SHA-256 of its four files) before anything of it is
    reused; a damaged part is never read, and :attr:`damaged` lists its files with what is wrong.
    """

    def __init__(self, out: Path, manifest: Manifest | None) -> None:
        self.manifest = manifest
        self.root = snapshot_root(out, manifest) if manifest else out
        self.parts = {p.key: p for p in manifest.parts} if manifest else {}
        self.damaged: list[str] = []
        self._intact: dict[str, bool] = {}  # by part key
        self._index: tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]] | None = None

    def intact(self, part: Part) -> bool:
        """Whether every file of ``part`` is as it was written (checked once)."""
        if part.key not in self._intact:
            problems = {t: problem(part_path(self.root, t, part.name), e) for t, e in part.files.items()}
            self.damaged += [f"{t}/{part.name}: {why}" for t, why in problems.items() if why]
            self._intact[part.key] = not any(problems.values())
        return self._intact[part.key]

    def reusable(self, key: str) -> Part | None:
        """The intact old part with chunk key ``key``, if any."""
        part = self.parts.get(key)
        return part if part is not None and self.intact(part) else None

    def path(self, table: str, part: Part) -> Path:
        return part_path(self.root, table, part.name)

    def cached(self, ids: Sequence[str], content_keys: Sequence[str], text_keys: Sequence[str]) -> Cached:
        """What the intact old parts hold of one chunk's articles."""
        by_content, by_text = self._lookup()
        found = Cached(root=str(self.root))
        for a, ck, tk in zip(ids, content_keys, text_keys, strict=True):
            if tk in by_text:
                found.analyses[a] = by_text[tk]
            if ck in by_content:
                found.quotes[a] = by_content[ck]
        return found

    def _lookup(self) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
        """content key → and text key → (part name, article id), over the intact old parts (read once)."""
        if self._index is None:
            import pyarrow.parquet as pq

            by_content: dict[str, tuple[str, str]] = {}
            by_text: dict[str, tuple[str, str]] = {}
            for part in self.parts.values():
                if not self.intact(part):
                    continue
                columns = pq.read_table(self.path("articles", part), columns=["article_id", "content_key", "text_key"])
                for a, ck, tk in zip(*(columns[c].to_pylist() for c in columns.column_names), strict=True):
                    by_content.setdefault(ck, (part.name, a))
                    by_text.setdefault(tk, (part.name, a))
            self._index = by_content, by_text
        return self._index
