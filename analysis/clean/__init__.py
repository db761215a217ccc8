"""Separate a news article from the page chrome around it.

A page captured as text (or rendered from HTML into lines) goes through named stages, one
module each, run in order by :mod:`~analysis.clean.page`:

1. :mod:`~analysis.clean.lines` — what each line is, from the line alone (a date line, a
   caption, a byline, chrome of a given role, a menu bar, a list item, prose, other);
2. :mod:`~analysis.clean.body` — the densest run of prose, with the article's own structure
   (numbered items, subheads, Q&A lines, quotes alone in their paragraph);
3. :mod:`~analysis.clean.title` — the headline opening the head above the body;
4. :mod:`~analysis.clean.dates` — the date nearest the headline and body, never a site clock;
5. :mod:`~analysis.clean.byline` and :mod:`~analysis.clean.captions` — the byline (from the
   body's end, the head, the dateline or a sign-off; :mod:`~analysis.clean.names` reads
   credits) and the photo captions.

The pattern and word lists they read are data files in ``analysis/data``;
:mod:`~analysis.clean.evaluate` scores the cleaner on pages with expected outputs.

Example:
    >>> page = "제목입니다 정말로\\n입력 2022-08-01 10:00\\n  • 좋아요0\\n본문 첫 문장은 충분히 길게 씁니다."
    >>> clean_page(page).date
    '2022-08-01T10:00'
"""

from .dates import parse_date
from .page import CleanedPage, clean_page
from .text import normalize_text, paragraphs_of

__all__ = ["CleanedPage", "clean_page", "normalize_text", "paragraphs_of", "parse_date"]
