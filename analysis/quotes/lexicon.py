"""The word lists every stage reads (``analysis/data``), loaded once and checked.

Open lists (reporting verbs, roles, surnames, organisation endings …) are ``.txt`` files, one word
per line; the closed classes of function words the clause reader uses are the named lists of
``quote_grammar.toml``. Nothing in the package spells a word list inline.

Example:
    >>> "말하다" in lexicon().speech_verbs
    True
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

from ..resources import ResourceError, data_path, load_tagged_patterns, load_word_sets, load_words

#: The data files the quote rules read; :func:`rules_version` hashes them with the code.
QUOTE_LISTS: Final = ("speech_verbs.txt", "naming_verbs.txt", "quotative_suffixes.txt", "quote_nouns.txt", "roles.txt",
                      "pronouns.txt", "non_speakers.txt", "surnames.txt", "org_suffixes.txt", "unnamed_sources.txt",
                      "source_nouns.txt", "places.txt", "collectives.txt", "quote_grammar.toml")


class Affixes:
    """Fast ``endswith``/``startswith`` over a word list: looks up the word's ends by length."""

    def __init__(self, words: Sequence[str]) -> None:
        self.words = frozenset(words)
        self.lengths = sorted({len(w) for w in words}, reverse=True)
        self._seen: dict[tuple[str, int], bool] = {}  # the same words come back often (대변인, 관계자)

    def suffix_of(self, word: str, *, min_length: int = 1) -> bool:
        """Whether ``word`` ends in one of the words (of at least ``min_length`` characters)."""
        key = (word, min_length)
        hit = self._seen.get(key)
        if hit is None:
            if len(self._seen) > 100_000:  # bounded: a long build meets ever new words
                self._seen.clear()
            hit = self._seen[key] = not self.words.isdisjoint(
                [word[-n:] for n in self.lengths if min_length <= n <= len(word)])
        return hit

    def prefix_of(self, word: str) -> str:
        """The longest of the words that ``word`` starts with, else ``""``."""
        return next((word[:n] for n in self.lengths if n <= len(word) and word[:n] in self.words), "")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists the quote extractor uses (``analysis/data``)."""

    speech_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    adverbial: re.Pattern[str]
    adnominal: re.Pattern[str]
    name_nouns: re.Pattern[str]
    speech_nouns: re.Pattern[str]
    roles: Affixes
    pronouns: frozenset[str]
    non_speakers: frozenset[str]
    surnames: Affixes
    org_suffixes: Affixes
    unnamed_sources: Affixes
    source_nouns: frozenset[str]
    places: frozenset[str]
    collectives: Affixes
    grammar: dict[str, frozenset[str]]
    forward_cue: re.Pattern[str]
    #: generic noun (재판부) → the ending of the name of the organisation it stands for
    generic_organisations: dict[str, re.Pattern[str]]
    #: (form, tag) of the particles that mark a subject (은/JX, 이/JKS …)
    subject_particles: frozenset[tuple[str, str]]
    #: short or brand name (코레일) → the full names it stands for (한국철도공사)
    organisation_aliases: dict[str, frozenset[str]]

    def word_set(self, name: str) -> frozenset[str]:
        """One of the closed classes of ``quote_grammar.toml`` (``"light_verbs"`` …)."""
        return self.grammar[name]


def _anchored(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(f"(?:{p.pattern})" for p in patterns) + ")")


@cache
def lexicon() -> Lexicon:
    """Load (once) and check the quote word lists.

    Raises:
        analysis.resources.ResourceError: a list has a bad entry (the message names file and line).
    """
    suffixes = load_tagged_patterns(data_path("quotative_suffixes.txt"), ("ADVERBIAL", "ADNOMINAL"))
    nouns = load_tagged_patterns(data_path("quote_nouns.txt"), ("NAME", "SPEECH"))
    sets = load_word_sets(data_path("quote_grammar.toml"))
    grammar = {k: frozenset(v) for k, v in sets.items() if "." not in k}
    cues = sorted(sets["forward_cues"], key=len, reverse=True)
    generic = {k.partition(".")[2]: v for k, v in sets.items() if k.startswith("generic_organisations.")}
    aliases = {k.partition(".")[2]: frozenset(v) for k, v in sets.items() if k.startswith("organisation_aliases.")}
    return Lexicon(
        speech_verbs=frozenset(load_words(data_path("speech_verbs.txt"))),
        naming_verbs=frozenset(load_words(data_path("naming_verbs.txt"))),
        adverbial=_anchored(suffixes["ADVERBIAL"]),
        adnominal=_anchored(suffixes["ADNOMINAL"]),
        name_nouns=_anchored(nouns["NAME"]),
        speech_nouns=_anchored(nouns["SPEECH"]),
        roles=Affixes(load_words(data_path("roles.txt"))),
        pronouns=frozenset(load_words(data_path("pronouns.txt"))),
        non_speakers=frozenset(load_words(data_path("non_speakers.txt"))),
        surnames=Affixes(load_words(data_path("surnames.txt"))),
        org_suffixes=Affixes(load_words(data_path("org_suffixes.txt"))),
        unnamed_sources=Affixes(load_words(data_path("unnamed_sources.txt"))),
        source_nouns=frozenset(load_words(data_path("source_nouns.txt"))),
        places=frozenset(load_words(data_path("places.txt"))),
        collectives=Affixes(load_words(data_path("collectives.txt"))),
        grammar=grammar,
        forward_cue=re.compile("|".join(re.escape(c).replace(r"\ ", r"\s*") for c in cues)),
        generic_organisations={noun: _pattern_list(endings, "generic_organisations." + noun)
                               for noun, endings in generic.items()},
        subject_particles=frozenset(_form_tag(p) for p in sets["subject_particles"]),
        organisation_aliases=aliases,
    )


def _form_tag(entry: str) -> tuple[str, str]:
    """``은/JX`` → ``("은", "JX")``."""
    form, sep, tag = entry.rpartition("/")
    if not sep or not form or not tag.isupper():
        raise ResourceError(f"{data_path('quote_grammar.toml')}: subject_particles: {entry!r} is not FORM/TAG")
    return form, tag


def _pattern_list(endings: Sequence[str], name: str) -> re.Pattern[str]:
    """One pattern matching a name that ends in any of ``endings`` (regular expressions)."""
    try:
        return re.compile("(?:" + "|".join(f"(?:{e})" for e in endings) + ")$")
    except re.error as err:
        raise ResourceError(f"{data_path('quote_grammar.toml')}: {name}: bad regular expression ({err})") from None


@cache
def rules_version() -> str:
    """Hash of the package's code and word lists: a build reuses cached quotes only when it is unchanged."""
    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    for name in QUOTE_LISTS:
        h.update(data_path(name).read_bytes())
    return h.hexdigest()[:16]
