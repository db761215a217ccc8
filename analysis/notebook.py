"""What the notebooks share: which corpus to show, its credit line, tables a reader can search, quote highlighting.

Every notebook starts with a papermill ``parameters`` cell (``TABLES``, ``TERMS``, ``PERIOD``,
``SINCE``, ``UNTIL``, ``OUTLET``, ``KEYNESS_BY``, ``INTERACTIVE``, ``EXPORT_DIR`` …) and calls
:func:`open_corpus` with them. With no ``TABLES`` the bundled corpus is built (and cached under
``build/bundled``) — ``python -m analysis report`` passes its own build instead.

Example:
    >>> ds = open_corpus("", since="2020-01-01")  # doctest: +SKIP
    >>> page = Page(interactive=False, export_dir="")  # doctest: +SKIP
    >>> page.show(keywords.term_frequencies(ds).head(20), "top_terms")  # doctest: +SKIP
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Final

import pandas as pd

from .dataset import Dataset, Source
from .resources import PROJECT_ROOT

if TYPE_CHECKING:
    from collections.abc import Sequence

BUILD_DIR: Final = PROJECT_ROOT / "build"
#: Rows a table holds on a page (searchable in the report); the CSV/XLSX exports hold them all.
PAGE_ROWS: Final = 5000


def open_corpus(tables: str | Path = "", *, since: str = "", until: str = "", outlet: str = "") -> Dataset:
    """The corpus a notebook reports on: the build in ``tables`` (or ``$ANALYSIS_TABLES``), else the bundled corpus.

    The bundled corpus is built into ``build/bundled`` on first use; later runs reuse that build
    (no Kiwi when nothing changed).
    """
    from .build import build_dataset

    tables = tables or os.environ.get("ANALYSIS_TABLES", "")
    if not tables:
        tables = BUILD_DIR / "bundled"
        build_dataset(out=tables, wait=True)
    return Dataset.open(tables, since=since, until=until, outlet=outlet)


def credit(source: Source) -> str:
    """The credit line for the text shown from ``source``, from each article's own ``source`` and ``license``.

    One line per (source, licence) pair, with its number of articles, most articles first; the
    articles' urls are in the ``articles`` table. Never inferred from ids or file names.
    """
    ds = Dataset.of(source)
    groups = ds.sql("""SELECT source, license, count(*) AS n FROM articles GROUP BY source, license
                       ORDER BY n DESC, source, license""")
    if groups.empty:
        return "본문 출처: (기사 없음)"
    lines = [f"본문 출처 — {row.source or '출처 표기 없음'} ({row.n:,}건): {row.license or '이용 조건 표기 없음'}"
             for row in groups.itertuples()]
    return "\n".join([*lines, "각 기사의 원문 주소는 articles 표의 url 열에 있습니다."])


def top_terms(source: Source, n: int = 3) -> list[str]:
    """The corpus's own ``n`` most frequent nouns: the default terms of interest when a notebook is given none."""
    from .keywords import term_frequencies

    return term_frequencies(source).head(n)["term"].astype(str).tolist()


def featured_article(source: Source, article_id: str = "") -> str:
    """``article_id`` if given, else the article with the most quotes (ties: corpus order), else the first article."""
    ds = Dataset.of(source)
    if article_id:
        return article_id
    best = ds.sql("""SELECT q.article_id FROM quotes q JOIN article_order o USING (article_id)
                     GROUP BY q.article_id, o.ord ORDER BY count(*) DESC, o.ord LIMIT 1""")
    if len(best):
        return str(best["article_id"].iloc[0])
    first = ds.table("articles", columns=["article_id"], limit=1)
    return str(first["article_id"].iloc[0]) if len(first) else ""


class Page:
    """How a notebook shows its tables: plain (stored notebooks, nbval) or searchable and sortable (the report).

    Args:
        interactive: show tables with itables (DataTables, offline: its JavaScript is embedded in
            the page), searchable and sortable in the browser.
        export_dir: also write every table shown as CSV and XLSX into this folder ("" for none).
        prefix: file-name prefix of the exports (the notebook's name).
    """

    def __init__(self, *, interactive: bool = False, export_dir: str | Path = "", prefix: str = "") -> None:
        self.interactive = interactive
        self.export_dir = Path(export_dir) if export_dir else None
        self.prefix = prefix
        if interactive:
            import itables

            itables.init_notebook_mode(all_interactive=False, connected=False)

    def show(self, table: pd.DataFrame, name: str, *, caption: str = "", rows: int = PAGE_ROWS, total: int | None = None
             ) -> None:
        """Display ``table`` (its first ``rows`` rows) and export what is displayed under ``name``.

        ``total``: how many rows the whole table has, when ``table`` is already only its head (a
        query with a limit); the page then says so.
        """
        from IPython.display import HTML, display

        if table.empty:
            display(HTML("<p><em>표시할 행이 없습니다.</em></p>"))
            return
        shown = table.head(rows)
        if not isinstance(shown.index, pd.MultiIndex) and shown.index.name is None:
            shown = shown.reset_index(drop=True)
        links = self.export(shown, name)
        if self.interactive:
            import itables

            text = [i for i, dtype in enumerate(shown.dtypes) if not pd.api.types.is_numeric_dtype(dtype)]
            itables.show(shown, caption=caption or None, classes="display compact", maxBytes=0, allow_html=False,
                         lengthMenu=[10, 25, 50, 100, 500], columnDefs=[{"className": "dt-left", "targets": text}])
        else:
            display(shown)
        whole = max(total or 0, len(table))
        more = f"전체 {whole:,}행 가운데 처음 {len(shown):,}행입니다. " if whole > len(shown) else ""
        if links or more:
            display(HTML(f"<p class='exports'>{more}{links}</p>"))

    def export(self, table: pd.DataFrame, name: str) -> str:
        """Write ``table`` as CSV (UTF-8 with BOM, for Excel) and XLSX; return HTML links to them ("" without ``export_dir``)."""
        if self.export_dir is None:
            return ""
        from .export import write_csv, write_xlsx

        self.export_dir.mkdir(parents=True, exist_ok=True)
        stem = "-".join(p for p in (self.prefix, re.sub(r"[^\w.-]+", "_", name)) if p)
        write_csv(table, self.export_dir / f"{stem}.csv")
        write_xlsx(table, self.export_dir / f"{stem}.xlsx")
        folder = html.escape(self.export_dir.name)
        return (f"내려받기: <a href='{folder}/{html.escape(stem)}.csv'>CSV</a> · "
                f"<a href='{folder}/{html.escape(stem)}.xlsx'>Excel</a>")


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


def terms_or_top(source: Source, terms: Sequence[str], n: int = 3) -> list[str]:
    """``terms`` if any were given, else the corpus's ``n`` most frequent nouns."""
    return [t for t in terms if t] or top_terms(source, n)


def gold_texts(source: Source) -> dict[str, str]:
    """The texts of the hand-labelled articles, by id — ``{}`` unless the corpus holds every one of them
    (the gold scores are computed over whole labelled sets)."""
    from .evaluation import labelled_articles

    ds = Dataset.of(source)
    ids = labelled_articles()["article_id"].astype(str).tolist()
    ds.register("_labelled", pd.DataFrame({"article_id": pd.Series(ids, dtype="string")}))
    found = ds.sql("SELECT article_id, text FROM articles WHERE article_id IN (SELECT article_id FROM _labelled)")
    return dict(zip(found["article_id"], found["text"], strict=True)) if len(found) == len(set(ids)) else {}
