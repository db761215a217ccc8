"""The main job: build a corpus, run every notebook against it, write an HTML report.

``python -m analysis report [PATH…] --out DIR`` writes ``DIR/tables/*.parquet`` (the build),
``DIR/NN_name.html`` (one page per notebook, executed with ``ANALYSIS_TABLES=DIR/tables``) and
``DIR/index.html`` linking them. Notebooks that need the shared Wikinews corpus (their name
contains ``_shared_``) are run when it is present and listed as skipped, with the reason, when
it is not.
"""

from __future__ import annotations

import html
import logging
import os
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from .build import build
from .notebook import wikinews_path
from .resources import PROJECT_ROOT

log = logging.getLogger(__name__)

NOTEBOOK_DIR: Final = PROJECT_ROOT / "notebooks"
CELL_TIMEOUT: Final = 1200


@contextmanager
def _env(**values: str):
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _title(path: Path) -> str:
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("# ").strip()
    return path.stem


def run_notebook(path: Path, out_html: Path, *, tables: Path) -> None:
    """Execute one notebook against ``tables`` and write it as HTML (outputs escaped by nbconvert)."""
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    nb = nbformat.read(path, as_version=4)
    with _env(ANALYSIS_TABLES=str(tables.resolve()), MPLBACKEND="Agg"):
        NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    out_html.write_text(body, encoding="utf-8")


def render_report(paths: Sequence[str | Path] | None = None, *, out: Path, progress: bool = True,
                  notebooks: Sequence[Path] | None = None) -> Path:
    """Build ``paths`` (default: the bundled corpus) into ``out/tables``, run the notebooks, write ``out/index.html``.

    Returns:
        The path of ``index.html``.
    """
    out.mkdir(parents=True, exist_ok=True)
    tables = out / "tables"
    corpus = build(paths, out=tables, progress=progress)
    log.info("%s", corpus.summary())
    entries: list[str] = []
    for nb_path in notebooks or sorted(NOTEBOOK_DIR.glob("*.ipynb")):
        title = html.escape(_title(nb_path))
        if "_shared_" in nb_path.stem and wikinews_path() is None:
            reason = "건너뜀: 공유 코퍼스 ../shared/corpora/kowikinews.jsonl이 이 컴퓨터에 없습니다"
            entries.append(f"<li>{title} — <em>{html.escape(reason)}</em></li>")
            log.info("skipping %s: the shared Wikinews corpus is absent", nb_path.name)
            continue
        target = out / f"{nb_path.stem}.html"
        log.info("running notebook %s", nb_path.name)
        run_notebook(nb_path, target, tables=tables)
        entries.append(f'<li><a href="{html.escape(target.name)}">{title}</a></li>')
    n_articles, n_rejects = len(corpus.articles), len(corpus.rejects)
    index = out / "index.html"
    index.write_text(
        "<!doctype html><html lang='ko'><meta charset='utf-8'><title>한국어 뉴스 분석 보고서</title>"
        "<body style='font-family:sans-serif;max-width:50em;margin:2em auto'>"
        "<h1>한국어 뉴스 분석 보고서</h1>"
        f"<p>기사 {n_articles}건, 제외된 레코드 {n_rejects}건 (표: <code>tables/</code>).</p>"
        f"<ul>{''.join(entries)}</ul></body></html>",
        encoding="utf-8",
    )
    return index
