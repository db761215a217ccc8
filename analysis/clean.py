"""Separate a news article from the page chrome around it.

A page captured as text (or rendered from HTML into lines) is read line by line. Each line
is classified — a date line, a photo caption, a byline, a known chrome pattern, a list item,
a sentence-like line — and scored: sentence-like lines count for their length, list items and
short non-sentence lines against. The body is the densest run of lines (the maximum-sum
segment, as in Boilerpipe/jusText): headline lists, tickers and footers lose because they
are lists of short non-sentences, wherever they sit and whatever the site calls them. Known
chrome (``좋아요``, ``무단전재``) is also removed by the pattern lists in ``analysis/data``.

Example:
    >>> page = "제목입니다 정말로\\n입력 2022-08-01 10:00\\n  • 좋아요0\\n본문 첫 문장은 충분히 길게 씁니다."
    >>> clean_page(page).date
    '2022-08-01T10:00'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Final

from .resources import data_path, load_patterns, load_tagged_patterns

BULLET: Final = re.compile(r"^\s*(?:[•·∙◦●○*\-–—ㆍ]|\d{1,2}[.)])\s+")
HANGUL: Final = re.compile(r"[가-힣]")
#: Ends like a sentence: a terminal mark, optionally followed by closing quotes/brackets.
SENTENCE_END: Final = re.compile(r"[.!?。…][\"'”’」』)\]]*\s*$|다[\"”’']?\s*$")
#: Control characters (Unicode category Cc) other than newline and tab.
CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SPACES: Final = re.compile(r"[ \t]+")
EMAIL: Final = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

DATE_VALUE: Final = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-./년]\s*(?P<m>\d{1,2})\s*[-./월]\s*(?P<d>\d{1,2})\s*[.일]?"
    r"(?:\s*\([월화수목금토일]\))?"
    r"(?:\s*(?P<ampm>오전|오후|AM|PM|am|pm)?\s*(?P<H>\d{1,2})\s*(?:[:시])\s*(?:(?P<M>\d{1,2})\s*분?)?"
    r"(?:\s*:\s*(?P<S>\d{2}))?)?"
)

#: Scores for the densest-segment search (characters of sentence-like text are +1 each).
CHROME_PENALTY: Final = 40
LIST_ITEM_PENALTY: Final = 40
SHORT_LINE_PENALTY: Final = 25
#: A non-sentence line inside the body is kept when it is at least this long (a paragraph that
#: lacks its final period); shorter ones (subheads, "ADVERTISEMENT") are chrome.
KEEP_UNTERMINATED_MIN: Final = 60
MIN_SENTENCE_CHARS: Final = 12


@dataclass(slots=True)
class CleanedPage:
    """What the cleaner took from one page."""

    title: str = ""
    date: str = ""
    byline: str = ""
    captions: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


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


def parse_date(value: str) -> str:
    """The first date in ``value`` as ISO 8601 at the precision given, or ``""``.

    Example:
        >>> parse_date("기사입력 2021.11.03. 오후 9:12")
        '2021-11-03T21:12'
        >>> parse_date("2024년 1월 9일 오후 3시 5분")
        '2024-01-09T15:05'
    """
    m = DATE_VALUE.search(value)
    if not m:
        return ""
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    out = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["H"] is None:
        return out
    hour, minute = int(m["H"]), int(m["M"] or 0)
    if m["ampm"] in ("오후", "PM", "pm") and hour < 12:
        hour += 12
    elif m["ampm"] in ("오전", "AM", "am") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return out
    out += f"T{hour:02d}:{minute:02d}"
    return out + f":{m['S']}" if m["S"] else out


def _patterns():
    return (
        load_patterns(data_path("chrome_lines.txt")),
        load_patterns(data_path("caption_patterns.txt")),
        load_tagged_patterns(data_path("byline_patterns.txt"), ("BYLINE", "DATELINE")),
        load_tagged_patterns(data_path("date_labels.txt"), ("PUBLISHED", "MODIFIED")),
    )


def _date_kind(line: str, labels: dict[str, tuple[re.Pattern[str], ...]]) -> tuple[str, str]:
    """("published" | "modified" | "bare", ISO date) for a line that carries a date, else ("", "")."""
    if len(line) > 80:
        return "", ""
    # a line can carry both: "등록 2020-03-15 06:00:00 | 수정 2020-03-15 08:12:31"
    for m in DATE_VALUE.finditer(line):
        prefix = line[: m.start()]
        iso = parse_date(m.group(0))
        if not iso:
            continue
        tail = prefix.rsplit("|", 1)[-1][-16:]
        if any(p.search(tail) for p in labels["MODIFIED"]) and not any(
            p.search(tail) for p in labels["PUBLISHED"]
        ):
            continue
        if any(p.search(tail) for p in labels["PUBLISHED"]):
            return "published", iso
        rest = DATE_VALUE.sub("", line)
        if not HANGUL.search(re.sub(r"오전|오후|[년월일시분]|[월화수목금토일]요일", "", rest)):
            return "bare", iso
    return "", ""


def _is_sentence(line: str) -> bool:
    return len(line) >= MIN_SENTENCE_CHARS and bool(HANGUL.search(line)) and bool(SENTENCE_END.search(line))


def clean_page(page: str) -> CleanedPage:
    """Split a captured news page into title, date, byline, captions and body paragraphs.

    Args:
        page: the page as text, one block per line (a copy-paste, a scrape, or HTML rendered
            to lines by :func:`analysis.corpus.html_to_lines`).

    Returns:
        The cleaned page; ``removed`` lists every non-empty line that was taken out as chrome.
    """
    chrome, caption_pats, byline_pats, date_labels = _patterns()
    raw_lines = normalize_text(page).split("\n")
    n = len(raw_lines)
    lines: list[str] = []
    is_item: list[bool] = []
    for raw in raw_lines:
        m = BULLET.match(raw)
        lines.append(raw[m.end():].strip() if m else raw)
        is_item.append(bool(m))

    kinds: list[str] = [""] * n
    dates: list[tuple[str, str]] = [("", "")] * n
    scores: list[int] = [0] * n
    for i, line in enumerate(lines):
        if not line:
            kinds[i] = "blank"
            continue
        date = _date_kind(line, date_labels)
        if date[0]:
            kinds[i], dates[i] = "date", date
            scores[i] = -SHORT_LINE_PENALTY
        elif not is_item[i] and any(p.search(line) for p in caption_pats):
            kinds[i] = "caption"
        elif any(p.fullmatch(line) for p in byline_pats["BYLINE"]):
            kinds[i] = "byline"
        elif any(p.fullmatch(line) for p in chrome):
            kinds[i] = "chrome"
            scores[i] = -CHROME_PENALTY
        elif is_item[i]:
            kinds[i] = "item"
            scores[i] = -max(LIST_ITEM_PENALTY, len(line))
        elif _is_sentence(line):
            kinds[i] = "sentence"
            scores[i] = len(line)
        else:
            kinds[i] = "other"
            scores[i] = len(line) // 2 if len(line) >= KEEP_UNTERMINATED_MIN else -SHORT_LINE_PENALTY

    # the densest segment (Kadane): where the article body is
    best, best_lo, best_hi = 0, 0, -1
    run, run_lo = 0, 0
    for i, s in enumerate(scores):
        if run <= 0:
            run, run_lo = s, i
        else:
            run += s
        if run > best:
            best, best_lo, best_hi = run, run_lo, i
    lo, hi = best_lo, best_hi

    out = CleanedPage()
    used = [False] * n
    for i in range(lo, hi + 1):
        if kinds[i] == "sentence" or (kinds[i] == "other" and len(lines[i]) >= KEEP_UNTERMINATED_MIN):
            out.paragraphs.append(lines[i])
            used[i] = True

    # captions: from the top of the page to the end of the body, each once
    for i in range(0, hi + 1):
        if kinds[i] == "caption":
            caption = re.sub(r"^[▲△■□◆◇▶▷☞]\s*", "", lines[i])
            if caption not in out.captions:
                out.captions.append(caption)
            used[i] = True

    # date: the first publication date on the page (labelled first, then a bare date)
    for wanted in ("published", "bare"):
        hit = next((i for i in range(n) if dates[i][0] == wanted), None)
        if hit is not None:
            out.date = dates[hit][1]
            used[hit] = True
            break

    # byline: inside the body or just after it
    for i in range(lo, min(n, hi + 8)):
        if kinds[i] == "byline":
            out.byline = lines[i]
            used[i] = True
            break

    # title: the nearest headline-like line above the date line (or above the body)
    anchor = next((i for i in range(n) if dates[i][0] and used[i]), lo)
    anchor = min(anchor, lo)
    for i in range(anchor - 1, -1, -1):
        if kinds[i] in ("other", "sentence") and not is_item[i] and len(lines[i]) >= 6:
            out.title = lines[i]
            used[i] = True
            break

    # a dateline such as "(서울=연합뉴스) 홍길동 기자 =" opens the first paragraph
    if out.paragraphs:
        for p in byline_pats["DATELINE"]:
            m = p.match(out.paragraphs[0])
            if m and m.end() < len(out.paragraphs[0]):
                reporter = re.search(r"[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*\s*(?:기자|특파원|통신원)", m.group(0))
                if reporter and not out.byline:
                    out.byline = reporter.group(0)
                elif reporter and EMAIL.fullmatch(out.byline):  # "홍길동 기자" + "hong@yna.co.kr"
                    out.byline = f"{reporter.group(0)} {out.byline}"
                out.removed.append(m.group(0).strip())
                out.paragraphs[0] = out.paragraphs[0][m.end():].lstrip()
                break
    # an e-mail left at the end of the last paragraph ("… 말했다. hong@yna.co.kr")
    if out.paragraphs:
        m = EMAIL.search(out.paragraphs[-1])
        if m and m.end() == len(out.paragraphs[-1]) and m.start() > 0:
            out.byline = out.byline or m.group(0)
            out.paragraphs[-1] = out.paragraphs[-1][: m.start()].rstrip()

    out.removed.extend(lines[i] for i in range(n) if lines[i] and not used[i])
    return out
