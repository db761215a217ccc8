"""Helpers the notebooks share: which corpus to show, credit lines, quote highlighting.

A notebook reads its corpus from the built tables named by the environment variable
``ANALYSIS_TABLES`` (``python -m analysis report`` sets it); without it, the bundled corpus is
built (and cached under ``build/bundled``). The shared Wikinews corpus is read from
``../shared/corpora/kowikinews.jsonl`` (or ``ANALYSIS_WIKINEWS``) when it is there.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Final

import pandas as pd

from .build import Corpus, build, read_tables
from .resources import PROJECT_ROOT

BUILD_DIR: Final = PROJECT_ROOT / "build"
WIKINEWS_DEFAULT: Final = PROJECT_ROOT.parent / "shared" / "corpora" / "kowikinews.jsonl"
#: Attribution required wherever Wikinews text is shown (see ../shared/corpora/README.md).
WIKINEWS_CREDIT: Final = (
    "본문 출처: 한국어 위키뉴스(ko.wikinews.org), Wikinews contributors, CC BY 2.5 "
    "(2023년 이후 개정분은 CC BY 4.0). 각 기사의 원문 URL은 articles 표의 url 열에 있습니다."
)
BUNDLED_CREDIT: Final = "본문 출처: corpus/articles의 번들 기사(2022-08-01 뉴스 페이지 캡처, corpus/README.md 참조)."


def corpus() -> Corpus:
    """The corpus this notebook reports on: ``$ANALYSIS_TABLES`` if set, else the bundled one."""
    tables = os.environ.get("ANALYSIS_TABLES")
    if tables:
        return read_tables(tables)
    return build(out=BUILD_DIR / "bundled")


def wikinews_path() -> Path | None:
    """The shared Wikinews corpus file, or ``None`` when this machine does not have it."""
    path = Path(os.environ.get("ANALYSIS_WIKINEWS", WIKINEWS_DEFAULT))
    return path if path.exists() else None


def wikinews() -> Corpus:
    """The shared Wikinews corpus, built once and cached under ``build/wikinews``.

    Raises:
        FileNotFoundError: the shared corpus is absent; the notebooks that need it are skipped then.
    """
    path = wikinews_path()
    if path is None:
        raise FileNotFoundError(f"{WIKINEWS_DEFAULT} not found: this notebook needs the shared Wikinews corpus")
    return build([path], out=BUILD_DIR / "wikinews")


def credit(c: Corpus) -> str:
    """The credit line for the text of corpus ``c``."""
    ids = c.articles["article_id"].astype(str)
    return WIKINEWS_CREDIT if ids.str.startswith("kowikinews-").any() else BUNDLED_CREDIT


def highlight_quotes(text: str, quotes: pd.DataFrame) -> str:
    """HTML of ``text`` with each quote marked and labelled with its speaker (all text escaped)."""
    parts: list[str] = []
    pos = 0
    for start, end, speaker in sorted(zip(quotes["start"], quotes["end"], quotes["speaker"], strict=True)):
        start, end = int(start), int(end)
        if start < pos:
            continue
        parts.append(html.escape(text[pos:start]))
        label = html.escape(str(speaker) or "화자 미상")
        parts.append(f'<mark title="{label}">{html.escape(text[start:end])}</mark>'
                     f'<sup style="color:#a33">[{label}]</sup>')
        pos = end
    parts.append(html.escape(text[pos:]))
    return "<div style='line-height:1.7'>" + "".join(parts).replace("\n", "<br>") + "</div>"
