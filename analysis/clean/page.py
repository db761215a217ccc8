"""``clean_page``: the stages run in order on one captured page.

1. :func:`~analysis.clean.lines.classify_lines` — what each line is, from the line alone;
2. :func:`~analysis.clean.body.find_body` — the densest run of prose, with its structure;
3. :func:`~analysis.clean.title.find_title` — the headline opening the head above the body;
4. :func:`~analysis.clean.dates.choose_date` — the date nearest the headline and body;
5. the byline from the lines closing the body, the head's credits, the dateline and a
   broadcaster's sign-off (:mod:`~analysis.clean.byline`), and the captions
   (:func:`~analysis.clean.captions.find_captions`).

Every non-empty line no stage took is in ``removed``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .body import find_body
from .byline import (
    compose_byline,
    cut_dateline,
    cut_signoff,
    cut_trailing_email,
    end_block,
    head_credits,
    introduced_reporter,
    named_emails,
)
from .captions import caption_lines, captions_end, find_captions
from .dates import choose_date
from .lines import Line, classify_lines
from .text import normalize_text
from .title import find_title, title_text


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


def paragraph_text(line: Line) -> str:
    """A body line as written on the page: numbers and dashes of in-article lists kept, the
    ``•`` that marks an HTML list entry dropped."""
    return line.text if line.raw.startswith("•") else line.raw


def clean_page(page: str, *, title_hint: str = "") -> CleanedPage:
    """Split a captured news page into title, date, byline, captions and body paragraphs.

    Args:
        page: the page as text, one block per line (a copy-paste, a scrape, or HTML rendered
            to lines by :func:`analysis.corpus.html_to_lines`).
        title_hint: the headline as the page's metadata gives it (an HTML page's title found by
            trafilatura); a head line reading exactly so is taken for the headline.

    Returns:
        The cleaned page; ``removed`` lists every non-empty line (and cut prefix) that was taken
        out as chrome.

    Example:
        >>> page = "제목입니다 정말로\\n입력 2022-08-01 10:00\\n  • 좋아요0\\n본문 첫 문장은 충분히 길게 씁니다."
        >>> clean_page(page).date
        '2022-08-01T10:00'
    """
    lines = classify_lines(page)
    body = find_body(lines)
    title = find_title(lines, body, hint=normalize_text(title_hint).strip())
    date = choose_date(lines, body_start=body.start, body_end=body.end, title=title)
    end, head = end_block(lines, body), head_credits(lines, body, title=title)

    paragraphs, dateline_credit, dateline = cut_dateline([paragraph_text(lines[i]) for i in body.paragraphs])
    paragraphs, signoff_credit, signoff = cut_signoff(paragraphs)
    paragraphs, email_credit = cut_trailing_email(paragraphs)
    named = named_emails(lines, body, [*(lines[i].credit for i in head), dateline_credit, signoff_credit])
    byline = compose_byline([lines[i].credit for i in end], [lines[i].credit for i in head],
                            [dateline_credit, signoff_credit, introduced_reporter(paragraphs), email_credit,
                             *(credit for _, credit in named)])

    last_caption = captions_end(lines, body.end)
    used = set(body.paragraphs) | set(caption_lines(lines, end=last_caption)) | set(end) | set(head)
    used.update(i for i, _ in named)
    used.update(i for i in (date, title) if i is not None)
    removed = [*dateline, *([signoff] if signoff else [])]
    removed.extend(line.text for i, line in enumerate(lines) if line.text and i not in used)
    return CleanedPage(
        title=title_text(lines[title]) if title is not None else "",
        date=lines[date].date.iso if date is not None and lines[date].date else "",
        byline=byline,
        captions=[caption for _, caption in find_captions(lines, end=last_caption)],
        paragraphs=paragraphs,
        removed=removed,
    )
