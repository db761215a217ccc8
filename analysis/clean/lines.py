"""Stage 1: split a page into lines and say what each line is.

Every line gets one :class:`LineKind` — a date line, a photo caption, a byline, known chrome, a
menu bar, a list item, a sentence of prose, or something else (a headline, a label, a subhead)
— decided from the line alone with the pattern lists in ``analysis/data``. A line made of
several parts (``2019.04.02 14:31 | 댓글 3 | 조회수 812``, ``크게 작게 인쇄``) is judged by its
parts. The later stages decide from the page's structure which lines are the article.

Example:
    >>> [line.kind.value for line in classify_lines("제목입니다 정말로\\n입력 2022-08-01 10:00\\n• 좋아요0")]
    ['other', 'date', 'chrome']
    >>> classify_lines("2019.04.02 14:31 | 댓글 3 | 조회수 812")[0].date.iso
    '2019-04-02T14:31'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final, NamedTuple

from ..resources import data_path, load_patterns, load_tagged_patterns, load_words
from .dates import DATE_VALUE, DateKind, DateMark, blank_dates_and_labels, date_labels, date_mark, find_dates
from .kinds import ChromeKind, LineKind
from .names import MAX_CREDIT_CHARS, Credit, credit_prefix, parse_credit, surnames
from .text import BULLET, SENTENCE_END, is_sentence, normalize_text

#: Separators between the parts of one line (menu bars, date lines with counters).
PART_SEPARATOR: Final = re.compile(r"\s*[|│ㅣ]\s*|\s+[·•/]\s+")
#: Characters that frame a table row (``| 2019. 02.26(화) 09:02 |``), dropped from both ends.
FRAME: Final = ("|", "│", "┃")
#: A part of a menu bar is at most this long (``로그인``, ``마이페이지``, ``본문듣기``).
MENU_PART_MAX: Final = 10
#: Other parts a date line may carry besides its date and counters: short labels.
DATE_PART_LABEL_MAX: Final = 12
#: A word: two letters (Hangul or Latin) in a row.
WORD: Final = re.compile(r"[가-힣A-Za-z]{2}|[가-힣]")
#: What separates the buttons of a line of buttons (``크게 작게 인쇄``, ``본문듣기 · 설정``).
BUTTON_GAP: Final = re.compile(r"(?:\s*[|│ㅣ·•/]\s*|\s+)")
#: A line repeating one from further up than this many lines is a label printed again.
REPEAT_GAP: Final = 2
#: A sentence this long is prose even if it mentions a chrome word (무단 전재, (c)).
MAX_CHROME_PROSE: Final = 100
#: Most buttons one line of buttons holds; a longer line is not tested word by word.
MAX_BUTTONS: Final = 16
#: Longest run of words tested against the chrome list as one button (``URL 복사``).
BUTTON_WORDS_MAX: Final = 3
#: A separator glued to a reporter's title before a date (``김하은 기자I 2024.03.08``: a Latin I
#: or l standing for a bar).
GLUED_SEPARATOR: Final = re.compile(r"(?<=[가-힣])[Il](?=\s|$)")
#: A photo credit alone on its line (``(사진=홍길동 기자)``, ``[Photo: 서하준 기자]``) credits the photo,
#: not the article, though it names a reporter; it is at most this long.
PHOTO_CREDIT: Final = re.compile(r"[\[(<]?\s*/?\s*(?:사진|그래픽|이미지|영상|Photo|PHOTO|photo)\s*(?:제공)?\s*[=:：]")
MAX_PHOTO_CREDIT: Final = 60
#: A breadcrumb's separator (``사회 > 교육``): a breadcrumb beside a date is the article's section.
BREADCRUMB: Final = re.compile(r"[>›»]")
#: A speaker line: an optional transcript marker, a name, a slash and the speaker's role.
SPEAKER_LINE: Final = re.compile(r"(?:\[[가-힣 ]{1,6}\]\s*)?(?P<name>[가-힣]{2,4})\s*/\s*(?P<role>[가-힣A-Za-z0-9 ·]{1,24}?)")
#: Longest line taken for the text of a caption whose credit stands on the next line.
MAX_SPLIT_CAPTION: Final = 60
#: The caption marks (``▲ 시민들이 …``), and what makes a marked line an interview's question or a
#: round table's turn instead; how many such lines a page needs (see ``_interview_turns``).
CAPTION_MARKS: Final = ("▲", "△")
QUESTION: Final = re.compile(r"(?:\?|[은는]\.?)$")
SPEAKER_TURN: Final = re.compile(r"^[▲△]\s*[가-힣]{2,4}\s*[=:：]")
MIN_TURNS: Final = 3
#: Longest unknown label taken for one of the buttons it sits between (``글씨크기 조절하기``).
MAX_TOOLBAR_LABEL: Final = 16
#: Marks that open a subhead or a list entry, never a caption's text (``▶ 첫 번째 과제``).
SUBHEAD_OPENING: Final = re.compile(r"[▶▷■□◆◇●○※☞\-–—]|[QA]\s*[.:：)]")
#: What frames a credit on a line with a date: spaces, bars, brackets, colons.
CREDIT_EDGE: Final = " |│ㅣ/·•:：()[]-"


@dataclass(slots=True)
class Line:
    """One page line.

    ``raw`` is the normalised line as on the page, ``text`` the same without a list bullet;
    ``date`` is set for date lines, ``chrome`` for chrome lines, ``credit`` for lines that name a
    reporter (a byline line, or a date line with a byline part); ``repeated`` when the same text
    stood earlier among the page's menu entries (a program or section name printed again);
    ``caption`` is set on the lines of a caption written over several lines (the whole caption on
    its first line, ``""`` on the others).
    """

    raw: str
    text: str
    kind: LineKind
    is_item: bool = False
    date: DateMark | None = None
    chrome: ChromeKind | None = None
    credit: Credit | None = None
    repeated: bool = False
    caption: str | None = None


class CleanerLists(NamedTuple):
    """The pattern lists the cleaner reads from ``analysis/data``."""

    chrome: dict[str, tuple[re.Pattern[str], ...]]
    captions: tuple[re.Pattern[str], ...]
    date_labels: dict[str, tuple[re.Pattern[str], ...]]
    sections: frozenset[str]

    def any_chrome(self, *kinds: ChromeKind) -> re.Pattern[str]:
        """One pattern that fully matches a line wherever one of ``kinds``' patterns would."""
        return _joined(tuple(p.pattern for kind in kinds for p in self.chrome[kind]))


@cache
def _joined(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@cache
def cleaner_lists() -> CleanerLists:
    """Load (once) and check the cleaner's lists."""
    return CleanerLists(
        chrome=load_tagged_patterns(data_path("chrome_lines.txt"), tuple(ChromeKind)),
        captions=load_patterns(data_path("caption_patterns.txt")),
        date_labels=date_labels(),
        sections=frozenset(load_words(data_path("section_names.txt"))),
    )


def chrome_kind(text: str, lists: CleanerLists) -> ChromeKind | None:
    """The chrome role of a whole line, or of a line made only of buttons (``크게 작게 인쇄``,
    ``로그인 회원가입``)."""
    for kind in (ChromeKind.END, ChromeKind.LIST, ChromeKind.NAVIGATION, ChromeKind.FURNITURE):
        if lists.any_chrome(kind).fullmatch(text):
            return kind
    words = [w for w in BUTTON_GAP.split(text) if w]
    if not 2 <= len(words) <= MAX_BUTTONS:
        return None
    if not PART_SEPARATOR.search(text) and all(w in lists.sections for w in words):  # 전체 정치 경제 사회
        return ChromeKind.NAVIGATION  # the site's menu without separators (with them it is a menu bar)
    for kind, buttons in ((ChromeKind.FURNITURE, lists.any_chrome(ChromeKind.FURNITURE)),
                          (ChromeKind.NAVIGATION, lists.any_chrome(ChromeKind.FURNITURE, ChromeKind.NAVIGATION))):
        # cover the words with buttons of one to three words each (dynamic programming over positions)
        covered = [True] + [False] * len(words)
        for end in range(1, len(words) + 1):
            covered[end] = any(covered[start] and buttons.fullmatch(" ".join(words[start:end]))
                               for start in range(max(0, end - BUTTON_WORDS_MAX), end))
        if covered[-1]:
            return kind
    return None


def is_speaker_line(text: str) -> bool:
    """A transcript's speaker line: ``[방순덕 / 마을 주민]``, ``[인터뷰] 박순자 / 주민``,
    ``오정민 / 구청 치수과장`` (a name starting with a surname, a role of ``roles.txt`` at the end)."""
    if text.startswith(("[", "(")) and text.endswith(("]", ")")):
        return True
    m = SPEAKER_LINE.fullmatch(text)
    return bool(m and m["name"].startswith(surnames()) and m["role"].endswith(speaker_roles()))


@cache
def speaker_roles() -> tuple[str, ...]:
    """The roles that end a speaker line (``roles.txt``, shared with the quote attribution)."""
    return load_words(data_path("roles.txt"))


def is_photo_credit(text: str) -> bool:
    """A photo credit alone on its line (``(사진=홍길동 기자)``, ``/사진제공=달빛엔터테인먼트``)."""
    return bool(PHOTO_CREDIT.match(text)) and len(text) <= MAX_PHOTO_CREDIT


def is_menu_bar(text: str) -> bool:
    """Short items joined by separators: ``로그인 | 회원가입 | 마이페이지``, ``정치 · 선거``; not a
    transcript's speaker line (:func:`is_speaker_line`)."""
    if is_speaker_line(text):
        return False
    parts = [p for p in PART_SEPARATOR.split(text) if p]
    return len(parts) >= 2 and all(len(p) <= MENU_PART_MAX and not SENTENCE_END.search(p) for p in parts)


def is_label(part: str) -> bool:
    """A short part that is not a sentence (``기자명``, ``사회부``, ``사진 제공 솔밭빵집``)."""
    return len(part) <= DATE_PART_LABEL_MAX and not SENTENCE_END.search(part)


def _meta_parts(text: str, lists: CleanerLists) -> tuple[DateMark | None, Credit | None]:
    """A meta line made of parts: one part is a date or a byline, the others are dates, counters,
    chrome, bylines or short labels (``2019.04.02 14:31 | 댓글 3 | 조회수 812``,
    ``김민지 기자 | 입력 …``, ``글 이서윤 기자 | 사진 제공 솔밭빵집``). Returns its date and credit
    (``None, None`` if the line is not one)."""
    parts = [p for p in PART_SEPARATOR.split(text) if p]
    if len(parts) < 2:
        return None, None
    date: DateMark | None = None
    credit: Credit | None = None
    navigation = False
    for part in parts:
        mark = date_mark(part, lists.date_labels)
        found = parse_credit(part) if mark is None else None
        if mark is not None:
            date = date or mark
        elif found is not None:
            credit = credit or found
        elif (chrome := chrome_kind(part, lists)) is not None:
            navigation = navigation or (chrome is ChromeKind.NAVIGATION and not BREADCRUMB.search(part)
                                        and not all(w in lists.sections for w in part.split()))
        elif not (DATE_VALUE.search(part) or is_label(part)):
            return None, None
    if date is not None and navigation:  # 로그인 | 회원가입 | 2024.4.19 (금): the site's clock (not 사회 > 교육 | …)
        date = DateMark(DateKind.CLOCK, date.iso, date.calendar)
    return date, credit


def _dated_credit(text: str, lists: CleanerLists) -> tuple[DateMark | None, Credit | None]:
    """A byline and a date on one line without separators (``김하은 기자I 2024.03.08 16:05:33``,
    ``이기국 기자입력 : 2023. 12. 20(수) 22:10``, ``2013-09-24 강아름 기자 kar@…``,
    ``정리=오세린 기자 사진=월간 온길 사진팀 2023년 7월 14일 오후 2시 30분``): what the line says
    besides its dates and their labels is a credit (with a photo credit after it). Returns the date (by its label, else
    bare) and the credit, or ``None, None``."""
    if (len(text) > MAX_CREDIT_CHARS or not find_dates(text)
            or (credit_prefix(text) is None and any(p.search(text) for p in lists.captions))):
        return None, None
    rest = blank_dates_and_labels(text, lists.date_labels)
    said = GLUED_SEPARATOR.sub("", rest).strip(CREDIT_EDGE)
    credit = parse_credit(said) or _credit_with_extras(said, lists)
    if credit is None:
        return None, None
    kept = "".join(c if r == " " else " " for c, r in zip(text, rest, strict=True))  # the dates and labels alone
    mark = date_mark(kept, lists.date_labels)
    return (mark, credit) if mark is not None else (None, None)


def _credit_with_extras(text: str, lists: CleanerLists) -> Credit | None:
    """A byline followed on its line by buttons or a photo credit (``석은비 기자 eunbi@… 다른기사
    보기``, ``[데일리온 최하나 기자 hana@… / 사진=데일리온 DB]``)."""
    opening = credit_prefix(text)
    if opening is None:
        return None
    credit, end = opening
    rest = text[end:].strip(" /|])】")
    extra = not rest or chrome_kind(rest, lists) is not None or any(p.search(rest) for p in lists.captions)
    return credit if extra else None


def classify_line(raw: str, lists: CleanerLists) -> Line:
    """The :class:`Line` for one normalised page line."""
    if len(raw) > 1 and raw[0] in FRAME and raw[-1] in FRAME:  # a table row of a print view: | 제목 |
        raw = raw.strip("".join(FRAME) + " ")
    m = BULLET.match(raw)
    text, is_item = (raw[m.end():].strip(), True) if m else (raw, False)
    if not text:
        return Line(raw, text, LineKind.BLANK, is_item)
    parts_date, credit = _meta_parts(text, lists)
    dated, dated_credit = _dated_credit(text, lists)
    whole = date_mark(text, lists.date_labels)
    date = dated or (whole if whole is not None and whole.kind is not DateKind.OTHER else None) or parts_date or whole
    if date is not None:
        credit = credit or dated_credit
        if credit is None and (opening := credit_prefix(text)) is not None:  # By 정다은 기자 Posted : …
            credit = opening[0]
        kind = LineKind.OTHER if date.kind is DateKind.OTHER else LineKind.DATE  # an unknown label may be a word
        return Line(raw, text, kind, is_item, date, credit=credit)
    if is_photo_credit(text):  # (사진=홍길동 기자) credits a photo, not the article
        return Line(raw, text, LineKind.CAPTION)
    credit = credit or parse_credit(text) or _credit_with_extras(text, lists)
    if credit is not None:
        return Line(raw, text, LineKind.BYLINE, is_item, credit=credit)
    if not is_item and any(p.search(text) for p in lists.captions):
        return Line(raw, text, LineKind.CAPTION)
    prose = is_sentence(text)
    chrome = None if prose and len(text) > MAX_CHROME_PROSE else chrome_kind(text, lists)  # prose that mentions ⓒ
    if chrome is not None or not WORD.search(text):
        return Line(raw, text, LineKind.CHROME, is_item, chrome=chrome or ChromeKind.FURNITURE)
    if is_menu_bar(text):
        return Line(raw, text, LineKind.MENU, is_item)
    if is_item:
        return Line(raw, text, LineKind.ITEM, True)
    return Line(raw, text, LineKind.SENTENCE if prose else LineKind.OTHER)


def classify_lines(page: str) -> list[Line]:
    """Every line of ``page`` (normalised with :func:`normalize_text`), classified. A line is
    ``repeated`` when its text stood earlier on the page among menu entries, more than
    :data:`REPEAT_GAP` lines before (a program name in the menu printed again above the headline)."""
    lists = cleaner_lists()
    lines = [classify_line(raw, lists) for raw in normalize_text(page).split("\n")]
    words = [i for i, line in enumerate(lines) if line.text]
    first_seen: dict[str, int] = {}
    for k, i in enumerate(words):
        j = first_seen.setdefault(lines[i].text, k)
        if k - j > REPEAT_GAP and j > 0:  # the page's first line is its own title, not a menu entry
            lines[i].repeated = any(_is_menu_entry(lines[words[n]]) for n in (j - 1, j + 1) if 0 <= n < len(words))
    _join_split_captions(lines, lists)
    _join_toolbars(lines)
    _interview_turns(lines, lists)
    return lines


def _interview_turns(lines: list[Line], lists: CleanerLists) -> None:
    """Some interviews and round tables mark each question or speaker's turn with ``▲`` (``▲ 취임
    한 달, 가장 먼저 챙긴 일은.``, ``▲김태린=일자리는 …``), the marker other pages put before a
    photo caption. When a page has at least :data:`MIN_TURNS` such lines without a photo credit,
    each a speaker's turn or followed by prose, and most of them read as questions (``?``, or
    ending on the topic particle 은/는) or as speakers' turns (``이름=``), they are the article's own
    structure, not captions."""
    def answered(i: int) -> bool:  # the next line of words is prose: the answer, the speaker's words
        return next((line.kind is LineKind.SENTENCE for line in lines[i + 1:] if line.kind is not LineKind.BLANK), False)

    marked = [i for i, line in enumerate(lines) if line.kind is LineKind.CAPTION and line.caption is None
              and line.text.startswith(CAPTION_MARKS) and not _has_photo_credit(line.text, lists)
              and (SPEAKER_TURN.match(line.text) or answered(i))]
    turns = sum(bool(QUESTION.search(lines[i].text) or SPEAKER_TURN.match(lines[i].text)) for i in marked)
    if len(marked) < MIN_TURNS or 2 * turns <= len(marked):
        return
    for i in marked:
        lines[i].kind = LineKind.SENTENCE if is_sentence(lines[i].text) else LineKind.OTHER


def _has_photo_credit(text: str, lists: CleanerLists) -> bool:
    """A caption line that names its photo's source (``[사진=…]``, ``/사진=… 제공``), besides its ``▲``."""
    rest = text.lstrip("".join(CAPTION_MARKS)).lstrip()
    return is_photo_credit(rest) or any(p.search(rest) for p in lists.captions)


def _join_toolbars(lines: list[Line]) -> None:
    """A short unknown label between two buttons of the article's toolbar is a button too: in
    ``음성으로 듣기`` / ``글씨크기 조절하기`` / ``인쇄하기`` the middle line is no headline or
    paragraph, whatever it says. Only lines of words (no sentence end) qualify, and the buttons on
    either side (blank lines aside) must both be known furniture."""
    words = [i for i, line in enumerate(lines) if line.kind is not LineKind.BLANK]
    furniture = [lines[i].chrome is ChromeKind.FURNITURE for i in words]
    for k in range(1, len(words) - 1):
        line = lines[words[k]]
        if (furniture[k - 1] and furniture[k + 1] and line.kind is LineKind.OTHER and not line.is_item
                and line.date is None and len(line.text) <= MAX_TOOLBAR_LABEL and not SENTENCE_END.search(line.text)):
            line.kind, line.chrome = LineKind.CHROME, ChromeKind.FURNITURE


def _is_credit_only(text: str, lists: CleanerLists) -> bool:
    """A caption line that is nothing but a photo credit (``[동방통신 자료사진]``, ``(사진=독자 제공)``,
    ``/사진=홍길동 기자``)."""
    return is_photo_credit(text) or any((m := p.search(text)) and m.start() == 0 and m.end() == len(text) for p in lists.captions)


def _join_split_captions(lines: list[Line], lists: CleanerLists) -> None:
    """A photo credit alone on its line closes the caption written right above it (no blank line
    between): ``뉴욕 지하철 역사 개찰구`` (printed once or twice) then ``[동방통신 자료사진]`` is one
    caption, ``뉴욕 지하철 역사 개찰구 [동방통신 자료사진]``. The text lines are short lines that are
    not subheads, nor sentences, except a short sentence set apart with its credit by blank lines
    (a caption block: ``시민들이 광장을 걷고 있다.`` over ``/사진=홍길동 기자``); they become caption
    lines."""
    def blank(k: int) -> bool:
        return not 0 <= k < len(lines) or lines[k].kind is LineKind.BLANK

    for i, line in enumerate(lines):
        if line.kind is not LineKind.CAPTION or line.caption is not None or not _is_credit_only(line.text, lists):
            continue
        above: list[int] = []
        j = i - 1
        while (j >= 0 and lines[j].date is None and not lines[j].is_item and len(lines[j].text) <= MAX_SPLIT_CAPTION
               and not SUBHEAD_OPENING.match(lines[j].text) and len({lines[k].text for k in (*above, j)}) == 1
               and (lines[j].kind is LineKind.OTHER
                    or (lines[j].kind is LineKind.SENTENCE and not above and blank(j - 1) and blank(i + 1)))):
            above.append(j)
            j -= 1
        if above:
            first = above[-1]
            lines[first].caption = f"{lines[first].text} {line.text}"
            for k in (*above[:-1], i):
                lines[k].caption = ""
            for k in above:
                lines[k].kind = LineKind.CAPTION


def _is_menu_entry(line: Line) -> bool:
    """A line of a menu: a menu bar, navigation, or a short label (``뉴스``, ``다시보기``)."""
    return (line.kind is LineKind.MENU or line.chrome is ChromeKind.NAVIGATION
            or (line.kind is LineKind.OTHER and len(line.text) < MENU_PART_MAX))
