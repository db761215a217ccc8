"""Separate a news article from the page chrome around it.

A page captured as text (or rendered from HTML into lines) goes through named stages, one
module each: :mod:`~analysis.clean.lines` says what each line is, :mod:`~analysis.clean.body`
finds the densest run of prose, :mod:`~analysis.clean.dates`, :mod:`~analysis.clean.title`,
:mod:`~analysis.clean.byline` and :mod:`~analysis.clean.captions` take the rest of the
article from around it; :mod:`~analysis.clean.page` runs them. The pattern lists they read are
data files in ``analysis/data``.

Example:
    >>> page = "제목입니다 정말로\\n입력 2022-08-01 10:00\\n  • 좋아요0\\n본문 첫 문장은 충분히 길게 씁니다."
    >>> clean_page(page).date
    '2022-08-01T10:00'
"""

from .dates import parse_date
from .page import CleanedPage, clean_page
from .text import normalize_text, paragraphs_of

__all__ = ["CleanedPage", "clean_page", "normalize_text", "paragraphs_of", "parse_date"]
