"""Stage 1: find quoted spans in an article's text.

Double-quoted spans (``"…"``, ``“…”``, mixed pairs) are found paragraph by paragraph. Straight
marks are read as opening or closing from the characters around them; a closing mark with no
opening one starts the quote at its sentence's start; an unclosed one ends at its sentence's end,
never past its paragraph. Single-quoted spans (``'…'``, ``‘…’``) outside double-quoted ones are
found too, marked ``single``: the next stage (:mod:`.speech`) keeps one only when it is reported
speech (``‘…’고 말했다``), never a term (``'약자 동행 특별시'로``).

Example:
    >>> text = "그는 \"A\"며 'B'고 말했다"
    >>> [(text[s.start:s.end], s.single) for s in find_spans(text)]
    [('A', False), ('B', True)]
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from typing import Final

from .lexicon import lexicon

OPEN_MARKS: Final = "“„‟〝"
CLOSE_MARKS: Final = "”〞"
STRAIGHT: Final = '"＂'
ALL_MARKS: Final = OPEN_MARKS + CLOSE_MARKS + STRAIGHT
SINGLE_MARKS: Final = "'‘’"
#: Characters after which a straight mark opens a quote ((", ·", :" …).
OPENING_CONTEXT: Final = "([{<‘'·,:;=—–-"
HANGUL_RUN: Final = re.compile(r"[가-힣]+")
SENTENCE_END: Final = re.compile(r"[.!?。](?=\s|$)")
#: …inside the reporting clause: "…수출"중이라며, "…추정"된다며 (also read by :mod:`.speech`).
MIDWORD_QUOTATIVE: Final = re.compile(r"[가-힣]*(?:다며|다고|라며|라고|면서|며)")
#: A single-quoted span: an opening mark not glued to a Latin letter or digit (it's, '90년대 stay
#: out) and a closing one within the paragraph.
SINGLE_SPAN: Final = re.compile(r"(?<![A-Za-z0-9])['‘]([^'‘’\n]{1,300}?)['’](?![A-Za-z0-9])")


@dataclass(frozen=True, slots=True)
class Span:
    """A quoted span: content offsets and the offsets of its marks (-1 when missing)."""

    start: int
    end: int
    open_mark: int
    close_mark: int
    single: bool = False  # in single marks: a quote only when reported speech

    @property
    def opening(self) -> int:
        """Where the quote begins: its opening mark, or its content when the mark is missing."""
        return self.open_mark if self.open_mark >= 0 else self.start

    @property
    def anchor(self) -> int:
        """The offset whose sentence reports the quote: its closing mark, else its start."""
        return self.close_mark if self.close_mark >= 0 else self.start

    @property
    def closing(self) -> int:
        """Where the quote ends: its closing mark, or its content's end when the mark is missing."""
        return self.close_mark if self.close_mark >= 0 else self.end


def _mark_runs(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Runs of adjacent quotation marks in ``text[lo:hi]`` as (start, end, role).

    Roles: ``O``/``C`` curly opening/closing; ``o`` opener-like, ``c`` closer-like, ``x`` glued to
    words on both sides (``대변인은"일본이``, ``…했다"고``, ``…맞다“며``: either), ``y`` a closing
    curly mark placed like an opener (`` ”어떻게``), ``A`` unknown."""
    runs: list[tuple[int, int, str]] = []
    i = lo
    while i < hi:
        if text[i] in ALL_MARKS:
            j = i
            while j < hi and text[j] in ALL_MARKS:
                j += 1
            chunk = text[i:j]
            has_open = any(c in OPEN_MARKS for c in chunk)
            has_close = any(c in CLOSE_MARKS for c in chunk)
            role = "O" if has_open and not has_close else "C" if has_close and not has_open else "A"
            before = text[i - 1] if i > lo else " "
            after = text[j] if j < hi else " "
            if role == "O" and j - i == 1 and re.match(r"[가-힣0-9A-Za-z.]", before) and re.match(r"[가-힣]", after):
                role = "x"  # a curly opener glued like a closer: "…맞다“며
            elif role == "C" and j - i == 1 and before.isspace() and re.match(r"[가-힣0-9A-Za-z]", after):
                role = "y"  # a curly closer placed like an opener: “…며 ”어떻게 (opens only when nothing is open)
            if role == "A":  # a straight mark: read its side from the character before it
                # opener-like after a space or an opening context (unless it stands alone);
                # closer-like after a word or a sentence mark ("…다."고, "…"라며)
                opening = before.isspace() or before in OPENING_CONTEXT
                glued = not after.isspace() and after not in ".,;:!?)]}…"
                role = ("A" if after.isspace() else "o") if opening else "x" if glued else "c"
                if before in ".!?" and re.match(r"[가-힣]", after) and not _quotative_after(text, j):
                    role = "o"  # a new sentence with no space before its quote: 밝혔다."국회의원들은
            runs.append((i, j, role))
            i = j
        else:
            i += 1
    return runs


def _quotative_after(text: str, at: int) -> bool:
    """Whether the word at ``at`` is a quotative ending (했다."고, 했다."라며), not a new sentence."""
    run = HANGUL_RUN.match(text, at)
    if run is None:
        return False
    lex = lexicon()
    word = run.group(0)
    return bool(lex.adverbial.fullmatch(word) or lex.adnominal.fullmatch(word) or MIDWORD_QUOTATIVE.fullmatch(word))


def _sentence_end_after(text: str, pos: int, hi: int) -> int:
    m = SENTENCE_END.search(text, pos, hi)
    return m.end() if m else hi


def _double_spans(text: str) -> list[Span]:
    """Every double-quoted span of ``text``, paragraph by paragraph."""
    spans: list[Span] = []
    pos = 0
    for para in text.split("\n"):
        lo, hi = pos, pos + len(para)
        pos = hi + 1
        opened: int | None = None  # index just after the opening run
        open_at = -1
        runs = _mark_runs(text, lo, hi)
        for n, (start, end, role) in enumerate(runs):
            if role == "x":  # glued on both sides: it opens when nothing is open and a closer follows
                role = "o" if opened is None and n + 1 < len(runs) and runs[n + 1][2] in ("c", "x", "C") else "c"
            elif role == "y":
                role = "o" if opened is None else "c"
            if opened is None:
                if role in ("O", "A", "o"):
                    opened, open_at = end, start
                elif role in ("C", "c"):  # closing mark with no opening one: from its sentence start
                    sent_start = max(text.rfind(". ", lo, start) + 2, lo) if text.rfind(". ", lo, start) >= 0 else lo
                    if start > sent_start:
                        spans.append(Span(sent_start, start, -1, start))
            else:
                if role == "O" or (role == "o" and start > opened):
                    # a new opening while one is open: the first was never closed
                    stop = min(_sentence_end_after(text, opened, hi), start)
                    if stop > opened:
                        spans.append(Span(opened, stop, open_at, -1))
                    opened, open_at = end, start
                else:
                    if start > opened:
                        spans.append(Span(opened, start, open_at, start))
                    opened = None
        if opened is not None:
            stop = _sentence_end_after(text, opened, hi)
            if stop > opened:
                spans.append(Span(opened, stop, open_at, -1))
    return spans


class SpanList(list):
    """Spans in text order, with a look-up of whether any covers an offset in logarithmic time (an
    article of 500 quotes is read in linear time)."""

    def __init__(self, spans: list[Span]) -> None:
        super().__init__(sorted(spans, key=lambda s: (s.start, s.end)))
        self._starts = [sp.start for sp in self]
        self._reach = list(itertools.accumulate((sp.end for sp in self), max))  # the furthest end so far

    def covers(self, offset: int) -> bool:
        """Whether ``offset`` lies inside one of the spans' content."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and self._reach[i] > offset

    def subset(self, keep: list[int]) -> SpanList:
        return SpanList([self[i] for i in keep])


def _single_spans(text: str, double: list[Span]) -> list[Span]:
    """Single-quoted spans outside the double-quoted ones (nested marks are part of their quote)."""
    out = []
    ordered = sorted(double, key=lambda sp: sp.opening)  # a span opened at its sentence start may come later
    openings = [sp.opening for sp in ordered]
    reach = list(itertools.accumulate((sp.closing for sp in ordered), max))  # the furthest closing so far
    for m in SINGLE_SPAN.finditer(text):
        lo, hi = m.start(), m.end()
        i = bisect.bisect_right(openings, hi) - 1  # the double spans opening before this one ends
        overlaps = i >= 0 and reach[i] >= lo
        if m.group(1).strip() and not overlaps:
            out.append(Span(m.start(1), m.end(1), lo, hi - 1, single=True))
    return out


def find_spans(text: str) -> SpanList:
    """Every quoted span of ``text`` in text order: double-quoted, then single-quoted outside them.

    Never raises; every span satisfies ``0 <= start <= end <= len(text)`` and holds no line break.

    Example:
        >>> [text[s.start:s.end] for text in ['"A"며 "B"고 말했다'] for s in find_spans(text)]
        ['A', 'B']
    """
    double = _double_spans(text)
    if not any(c in text for c in SINGLE_MARKS):
        return SpanList(double)
    return SpanList([*double, *_single_spans(text, sorted(double, key=lambda s: s.opening))])
