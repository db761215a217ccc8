"""Loaders for the word lists and pattern lists the analysis reads from data files.

Every list is a UTF-8 text file, one entry per line; a line starting with ``#`` is a comment and
blank lines are ignored. Each loader checks every line and raises :class:`ResourceError` naming the file
and line of the first bad one, so a researcher who edits a list learns exactly what to fix.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Final

PACKAGE_DATA: Final = Path(__file__).with_name("data")
PROJECT_ROOT: Final = Path(__file__).resolve().parents[1]
CORPUS_DIR: Final = PROJECT_ROOT / "corpus"
DEFAULT_CORPUS: Final = CORPUS_DIR / "articles"
USER_DICTIONARY: Final = CORPUS_DIR / "userdict.tsv"
THEMES_FILE: Final = CORPUS_DIR / "themes.toml"

#: Kiwi's part-of-speech tags a user dictionary entry may carry.
USER_DICT_TAGS: Final = frozenset({"NNG", "NNP", "NNB", "NR", "NP", "VV", "VA", "MAG", "SL", "SH", "XR"})


class ResourceError(ValueError):
    """A data file has a bad entry; the message names the file and line."""


def _lines(path: Path) -> list[tuple[int, str]]:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ResourceError(f"{path}: word list not found") from None
    except UnicodeDecodeError as err:
        raise ResourceError(f"{path}: not UTF-8 ({err}); save it as UTF-8") from None
    out = []
    for number, line in enumerate(raw.splitlines(), start=1):
        entry = line.strip()
        if entry and not entry.startswith("#"):
            out.append((number, unicodedata.normalize("NFC", entry)))
    return out


def data_path(name: str) -> Path:
    """Path of a list shipped with the package (``analysis/data/NAME``)."""
    return PACKAGE_DATA / name


@cache
def load_words(path: Path) -> tuple[str, ...]:
    """A list of plain words or phrases, in file order, duplicates rejected.

    Raises:
        ResourceError: a line holds a tab or repeats an earlier entry.
    """
    seen: dict[str, int] = {}
    for number, entry in _lines(path):
        if "\t" in entry:
            raise ResourceError(f"{path}:{number}: a tab in {entry!r}; one word or phrase per line")
        if entry in seen:
            raise ResourceError(f"{path}:{number}: {entry!r} repeats line {seen[entry]}")
        seen[entry] = number
    return tuple(seen)


@cache
def load_patterns(path: Path) -> tuple[re.Pattern[str], ...]:
    """A list of regular expressions, one per line, each compiled and checked.

    Raises:
        ResourceError: a line is not a valid regular expression, or matches the empty string.
    """
    out = []
    for number, entry in _lines(path):
        try:
            pattern = re.compile(entry)
        except re.error as err:
            raise ResourceError(f"{path}:{number}: bad regular expression {entry!r}: {err}") from None
        if pattern.fullmatch(""):
            raise ResourceError(f"{path}:{number}: {entry!r} matches an empty line; make it stricter")
        out.append(pattern)
    return tuple(out)


@cache
def load_user_dictionary(path: Path = USER_DICTIONARY) -> tuple[tuple[str, str, float], ...]:
    """Kiwi user dictionary: ``word<TAB>TAG[<TAB>score]`` per line.

    Multi-word terms (``약자 동행 특별시``) are allowed; Kiwi matches them across spaces.

    Raises:
        ResourceError: wrong number of fields, an unknown tag or a score that is not a number.
    """
    entries = []
    seen: dict[str, int] = {}
    for number, entry in _lines(path):
        fields = entry.split("\t")
        if len(fields) not in (2, 3):
            raise ResourceError(f"{path}:{number}: expected 'word<TAB>TAG[<TAB>score]', got {entry!r}")
        word, tag = fields[0].strip(), fields[1].strip()
        if tag not in USER_DICT_TAGS:
            raise ResourceError(f"{path}:{number}: unknown tag {tag!r}; use one of {sorted(USER_DICT_TAGS)}")
        try:
            score = float(fields[2]) if len(fields) == 3 else 0.0
        except ValueError:
            raise ResourceError(f"{path}:{number}: score {fields[2]!r} is not a number") from None
        if word in seen:
            raise ResourceError(f"{path}:{number}: {word!r} repeats line {seen[word]}")
        seen[word] = number
        entries.append((word, tag, score))
    return tuple(entries)


@cache
def load_tagged_patterns(path: Path, kinds: tuple[str, ...]) -> dict[str, tuple[re.Pattern[str], ...]]:
    """Regular expressions tagged with a kind: ``KIND<TAB>regex`` per line.

    Raises:
        ResourceError: a line has no tab, an unknown kind, or a bad regular expression.
    """
    out: dict[str, list[re.Pattern[str]]] = {kind: [] for kind in kinds}
    for number, entry in _lines(path):
        kind, sep, regex = entry.partition("\t")
        if not sep or kind not in out:
            raise ResourceError(f"{path}:{number}: expected 'KIND<TAB>regex' with KIND in {list(kinds)}, got {entry!r}")
        try:
            pattern = re.compile(regex.strip())
        except re.error as err:
            raise ResourceError(f"{path}:{number}: bad regular expression {regex!r}: {err}") from None
        if pattern.fullmatch(""):
            raise ResourceError(f"{path}:{number}: {regex!r} matches an empty line; make it stricter")
        out[kind].append(pattern)
    return {kind: tuple(patterns) for kind, patterns in out.items()}


@cache
def load_word_sets(path: Path) -> dict[str, tuple[str, ...]]:
    """Named lists of words from a TOML file: ``name = ["word", …]`` per key, in file order; a
    table's lists are named ``table.key`` (``[generic_organisations]`` … ``재판부 = [...]`` →
    ``generic_organisations.재판부``).

    Raises:
        ResourceError: the file is not valid TOML, a value is not a list of non-empty strings,
            or a list repeats an entry.
    """
    import tomllib

    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ResourceError(f"{path}: word list not found") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ResourceError(f"{path}: not a UTF-8 TOML file ({err}); fix the line it names") from None
    flat: list[tuple[str, object]] = []
    for name, value in raw.items():
        if isinstance(value, dict):
            flat += [(f"{name}.{key}", words) for key, words in value.items()]
        else:
            flat.append((name, value))
    out: dict[str, tuple[str, ...]] = {}
    for name, words in flat:
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise ResourceError(f"{path}: {name!r} must be a list of non-empty strings")
        normal = [unicodedata.normalize("NFC", w.strip()) for w in words]
        repeated = sorted({w for w in normal if normal.count(w) > 1})
        if repeated:
            raise ResourceError(f"{path}: {name!r} repeats {repeated[0]!r}; list each word once")
        out[name] = tuple(normal)
    return out
