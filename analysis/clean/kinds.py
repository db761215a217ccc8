"""The kinds of page lines the stages talk about (one place, so every stage can import them).

Example:
    >>> LineKind("date") is LineKind.DATE, ChromeKind("END").value
    (True, 'END')
"""

from __future__ import annotations

from enum import StrEnum


class LineKind(StrEnum):
    """What one line of a page is, judged from the line alone."""

    BLANK = "blank"
    DATE = "date"  # carries a date (published, bare, or a site clock)
    CAPTION = "caption"  # a photo caption or credit
    BYLINE = "byline"  # the reporter's name and/or e-mail
    CHROME = "chrome"  # site furniture: buttons, counters, tickers, navigation, footers, lines without words
    MENU = "menu"  # a bar of short items (``정치 | 경제 | 사회``, ``정치 · 선거``)
    ITEM = "item"  # a bulleted or numbered list entry
    SENTENCE = "sentence"  # prose that ends like a sentence
    OTHER = "other"  # anything else: headlines, labels, subheads, unterminated paragraphs


class ChromeKind(StrEnum):
    """The role of a chrome line in the page's layout (``analysis/data/chrome_lines.txt``)."""

    FURNITURE = "FURNITURE"  # the article's buttons, counters, ads
    NAVIGATION = "NAVIGATION"  # the site's menus, login, breadcrumbs, tickers
    LIST = "LIST"  # heads a list of other stories
    END = "END"  # the article does not go on past it (copyright, footer, comments)
