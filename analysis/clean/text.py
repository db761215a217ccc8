"""Text normalisation and the small character-level tests every cleaning stage shares.

Example:
    >>> normalize_text("서울\\u00a0시청\\r\\n  입력 ")
    '서울 시청\\n입력'
    >>> is_sentence("정부가 새 정책을 발표했다.")
    True
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

HANGUL: Final = re.compile(r"[가-힣]")
#: Ends like a sentence: a terminal mark, optionally followed by closing quotes/brackets, or 다.
SENTENCE_END: Final = re.compile(r"[.!?。…][\"'”’」』)\]]*\s*$|다[\"”’']?\s*$")
TERMINAL_MARK: Final = re.compile(r"[.!?。…][\"'”’」』)\]]*\s*$")
EMAIL: Final = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: A list bullet or a list number at the start of a line (``• 좋아요``, ``1) 제목``, ``2.서류는``).
BULLET: Final = re.compile(r"^\s*(?:(?:[•·∙◦●○*\-–—ㆍ]|\d{1,2}[.)])\s+|\d{1,2}[.)](?=[가-힣]))")
#: Shortest line that can count as a sentence of the body.
MIN_SENTENCE_CHARS: Final = 8
#: A line ending in 다 without a final mark is a sentence from this length on; shorter, it is a
#: headline (``서울시, 청년 월세 지원 늘린다``).
MIN_UNMARKED_SENTENCE_CHARS: Final = 40

#: Control characters (Unicode category Cc) other than newline and tab.
CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SPACES: Final = re.compile(r"[ \t]+")
SURROGATE: Final = re.compile("[\ud800-\udfff]")


def normalize_text(text: str) -> str:
    """NFC, Unix newlines, no stray control characters or lone surrogates (JSON "\\ud800" → U+FFFD),
    spaces folded within lines."""
    if SURROGATE.search(text):  # escaped surrogate pairs join, lone ones are replaced
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    text = CONTROL.sub("", text)
    return "\n".join(line.strip() for line in SPACES.sub(" ", text).split("\n"))


def paragraphs_of(text: str) -> list[str]:
    """Non-empty lines of an already clean body (JSONL, CSV and BigKinds records)."""
    return [line for line in normalize_text(text).split("\n") if line]


def is_sentence(line: str) -> bool:
    """A line of Korean prose that ends like a sentence (``…밝혔다.``, a long ``…했다"``)."""
    if len(line) < MIN_SENTENCE_CHARS or not HANGUL.search(line) or not SENTENCE_END.search(line):
        return False
    return bool(TERMINAL_MARK.search(line)) or len(line) >= MIN_UNMARKED_SENTENCE_CHARS


def alternation(words: tuple[str, ...]) -> str:
    """A regular-expression alternation of ``words``, longest first, a space matching any spacing."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in sorted(words, key=len, reverse=True))
