"""The main job: build a corpus, run every notebook on it with papermill, write the report as a small site.

``python -m analysis report [PATH…] --out DIR`` writes:

- ``DIR/tables/`` — the build (unless ``--cache`` names an existing one, used as it stands);
- ``DIR/index.html`` — the corpus at a glance (counts, dates, outlets, top terms and speakers, a
  chart) and the list of pages;
- ``DIR/NN_name.html`` — one page per notebook, executed with the report's parameters (terms,
  period, date range, outlet), code hidden, charts as images, tables searchable and sortable in
  the browser (itables, offline), a link home and to the previous and next page;
- ``DIR/exports/`` — every table of every page as CSV and XLSX;
- ``DIR/notebooks/`` — the executed notebooks, for whoever wants to open them in JupyterLab.

Notebooks are executed with papermill (parameters injected after each notebook's ``parameters``
cell) on kernels reached over local sockets (IPC), so no TCP port is opened.
"""

from __future__ import annotations

import base64
import html
import io
import logging
import re
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

from .resources import PROJECT_ROOT

log = logging.getLogger(__name__)

NOTEBOOK_DIR: Final = PROJECT_ROOT / "notebooks"
TEMPLATES: Final = Path(__file__).with_name("templates")  # the page template: nbconvert's lab, with alt texts
CELL_TIMEOUT: Final = 1800
TITLE: Final = "한국어 뉴스 분석 보고서"


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """The questions the report asks of the corpus; passed to every notebook as papermill parameters.

    Args:
        terms: terms of interest for KWIC, collocates and trends (empty: the corpus's top nouns).
        period: ``"year"`` or ``"month"`` for keyness and trends.
        since, until: ISO 8601 dates (inclusive) narrowing the corpus; ``""`` for no bound.
        outlet: keep only this outlet's articles; ``""`` for all.
        keyness_by: compare each ``"period"`` or each ``"outlet"`` with the rest.
    """

    terms: tuple[str, ...] = ()
    period: Literal["year", "month"] = "year"
    since: str = ""
    until: str = ""
    outlet: str = ""
    keyness_by: Literal["period", "outlet"] = "period"

    def parameters(self, tables: Path, export_dir: Path) -> dict[str, Any]:
        return {"TABLES": str(tables.resolve()), "TERMS": list(self.terms), "PERIOD": self.period, "SINCE": self.since,
                "UNTIL": self.until, "OUTLET": self.outlet, "KEYNESS_BY": self.keyness_by, "INTERACTIVE": True,
                "EXPORT_DIR": str(export_dir.resolve())}


@dataclass(slots=True)
class ReportResult:
    """Where the report is and how long each stage took (seconds)."""

    index: Path
    pages: list[Path] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def _kernel_manager_class():
    """A kernel manager whose kernels listen on local (IPC) sockets in a private folder, not on TCP ports."""
    from jupyter_client.manager import AsyncKernelManager

    class IPCKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.transport = "ipc"
            self.ip = str(Path(tempfile.mkdtemp(prefix="analysis-kernel-")) / "kernel")

    return IPCKernelManager


def notebook_title(path: Path) -> str:
    """The notebook's first Markdown heading."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("# ").strip()
    return path.stem


def run_notebook(path: Path, executed: Path, *, parameters: dict[str, Any]) -> None:
    """Execute one notebook with papermill, injecting ``parameters``; the executed copy goes to ``executed``."""
    import papermill

    for name in ("papermill", "traitlets", "nbclient"):
        logging.getLogger(name).setLevel(logging.WARNING)
    executed.parent.mkdir(parents=True, exist_ok=True)
    papermill.execute_notebook(str(path), str(executed), parameters=parameters, kernel_name="python3",
                               progress_bar=False, log_output=False, cwd=str(path.parent), execution_timeout=CELL_TIMEOUT,
                               kernel_manager_class=_kernel_manager_class())


#: The Korean web font every page uses, shipped with the report as a stylesheet holding the font itself
#: (``assets/fonts.css``): browsers refuse font files from ``file://`` pages, never a stylesheet's data URI.
FONT_FILES: Final = {"NanumGothic.ttf": 400, "NanumGothicBold.ttf": 700}
NAV_STYLE: Final = """<link rel="stylesheet" href="assets/fonts.css">
<style>
body,.jp-Notebook,.jp-RenderedHTMLCommon,table.dataTable,.dt-container{font-family:"NanumGothic",sans-serif}
pre,code,.jp-OutputArea-output pre{font-family:ui-monospace,"DejaVu Sans Mono","NanumGothic",monospace}
nav.report{font-family:"NanumGothic",sans-serif;background:#f3f5f8;border-bottom:1px solid #d0d7de;
  padding:.6em 1.2em;display:flex;gap:1.2em;flex-wrap:wrap;align-items:center;font-size:15px}
nav.report a{color:#0b57d0;text-decoration:none} nav.report a:hover{text-decoration:underline}
nav.report .here{font-weight:bold;color:#222}
p.exports{font-size:13px;color:#555}
table.dataTable td{max-width:28em;overflow-wrap:anywhere}  /* a long url cell wraps, the title keeps its room */
</style>"""


def _nav(pages: Sequence[tuple[str, str]], current: int) -> str:
    """The navigation bar: home, previous, next, and where this page is."""
    links = ["<a href='index.html'>처음(목차)</a>"]
    if current > 0:
        href, title = pages[current - 1]
        links.append(f"<a rel='prev' href='{html.escape(href)}'>← 이전: {html.escape(title)}</a>")
    if 0 <= current < len(pages) - 1:
        href, title = pages[current + 1]
        links.append(f"<a rel='next' href='{html.escape(href)}'>다음: {html.escape(title)} →</a>")
    if current >= 0:
        links.append(f"<span class='here'>{current + 1}/{len(pages)} {html.escape(pages[current][1])}</span>")
    return "<nav class='report'>" + "".join(links) + "</nav>"


def _page_html(executed: Path, *, title: str, nav: str) -> str:
    """The executed notebook as a reader's page: no code, no prompts, a real title, navigation at top and bottom."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(executed, as_version=4)
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])
                and "parameters" not in c.metadata.get("tags", [])]
    heading = title
    for cell in nb.cells:  # a chart's alternative text: the section it illustrates
        if cell.cell_type == "markdown":
            heading = next((line.lstrip("# ").strip() for line in cell.source.splitlines() if line.startswith("#")), heading)
        elif "chart" in cell.metadata.get("tags", []):
            cell.metadata.setdefault("alt", f"차트: {heading}")
    exporter = HTMLExporter(template_name="report", extra_template_basedirs=[str(TEMPLATES)], exclude_input=True,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    body = re.sub(r"<title>.*?</title>", f"<title>{html.escape(title)} — {TITLE}</title>", body, count=1, flags=re.S)
    body = body.replace("</head>", NAV_STYLE + "</head>", 1)
    body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav, body, count=1)
    return body.replace("</body>", nav + "</body>", 1)


#: Changes when the rules written to ``fonts.css`` change, so that an older report folder gets the new ones.
FONTS_CSS_VERSION: Final = "fonts.css v2: NanumGothic, WOFF inline, font-display swap"


def _copy_fonts(folder: Path) -> None:
    """Write ``assets/fonts.css``: the Korean font as ``@font-face`` rules with the font data inline (WOFF).

    NanumGothic's TrueType files carry VTT source tables (``TSI0``–``TSI5``) that browsers' font
    sanitisers reject; they only matter to font editors and are dropped with fontTools.
    """
    from fontTools.ttLib import TTFont

    from .plotting import korean_font_path

    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "fonts.css"
    header = f"/* {FONTS_CSS_VERSION} */"
    if target.exists():
        with target.open(encoding="ascii", errors="replace") as f:
            if f.readline().strip() == header:  # written by this version of these rules: reused
                return
    rules = [header]
    for name, weight in FONT_FILES.items():
        font = TTFont(korean_font_path().with_name(name))
        for tag in [t for t in font.keys() if t.startswith("TSI")]:  # noqa: SIM118 (TTFont has no __iter__)
            del font[tag]
        font.flavor = "woff"
        buffer = io.BytesIO()
        font.save(buffer)
        data = base64.b64encode(buffer.getvalue()).decode("ascii")
        # swap: the text shows at once in a fallback font while the 6 MB of font data are decoded,
        # instead of staying invisible for up to 3 s (the browser's default "block" period)
        rules.append(f'@font-face{{font-family:"NanumGothic";font-weight:{weight};font-display:swap;'
                     f'src:url(data:font/woff;base64,{data}) format("woff")}}')
    target.write_text("\n".join(rules) + "\n", encoding="ascii")


def _chart_png(ax) -> str:
    """An Axes' figure as an inline PNG ``<img>`` (the index page is one self-contained file)."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    ax.figure.savefig(buffer, format="png", dpi=110)
    plt.close(ax.figure)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f"<img alt='차트' src='data:image/png;base64,{data}'>"


def _index_html(ds, pages: Sequence[tuple[str, str]], options: ReportOptions) -> str:
    """The corpus at a glance, and the pages."""
    from . import aggregate, notebook, plotting
    from .keywords import term_frequencies

    plotting.use_korean_font()
    glance = ds.sql("""SELECT count(*) AS articles, min(nullif(date, '')) AS first, max(nullif(date, '')) AS last,
                              count(DISTINCT nullif(outlet, '')) AS outlets FROM articles""").iloc[0]
    counts = {name: ds.count(name) for name in ("sentences", "tokens", "quotes", "rejects")}
    outlets = ds.sql("""SELECT coalesce(nullif(outlet, ''), '(언론사 표기 없음)') AS outlet, count(*) AS articles
                        FROM articles GROUP BY 1 ORDER BY articles DESC, outlet LIMIT 10""")
    years = ds.sql("""SELECT substr(date, 1, 4) AS year, count(*) AS n FROM articles WHERE date <> ''
                      GROUP BY 1 ORDER BY 1""")
    terms = term_frequencies(ds).head(15)
    speakers = aggregate.quote_counts(ds).head(15)
    chart = ""
    if len(years):
        chart = _chart_png(plotting.bars(years.set_index("year")["n"], horizontal=False, title="연도별 기사 수", xlabel="기사 수"))
    selection = ds.selection.describe()

    def table(frame, columns: dict[str, str]) -> str:
        head = "".join(f"<th>{html.escape(v)}</th>" for v in columns.values())
        rows = "".join("<tr>" + "".join(f"<td>{html.escape(str(r[k]))}</td>" for k in columns) + "</tr>"
                       for r in frame.to_dict("records"))
        return f"<table class='glance'><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"

    items = "".join(f"<li><a href='{html.escape(href)}'>{html.escape(title)}</a></li>" for href, title in pages)
    credit = "<br>".join(html.escape(line) for line in notebook.credit(ds).splitlines())
    facts = [
        ("기사", f"{int(glance['articles']):,}건"),
        ("기간", f"{glance['first'] or '—'} ~ {glance['last'] or '—'}"),
        ("언론사", f"{int(glance['outlets']):,}곳" if int(glance["outlets"]) else "표기 없음"),
        ("문장 · 형태소", f"{counts['sentences']:,} · {counts['tokens']:,}"),
        ("인용문", f"{counts['quotes']:,}개"),
        ("제외된 레코드", f"{counts['rejects']:,}건"),
    ]
    if selection:
        facts.insert(0, ("선택", selection))
    questions = ", ".join(options.terms) if options.terms else "코퍼스 상위 명사(자동)"
    facts.append(("관심어", questions))
    fact_rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in facts)
    return f"""<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>{TITLE}</title>{NAV_STYLE}
<style>
body{{margin:0;color:#222}}
main{{max-width:62em;margin:1.5em auto;padding:0 1em}}
.cols{{display:flex;gap:2em;flex-wrap:wrap}} .cols>section{{flex:1;min-width:18em}}
table.glance{{border-collapse:collapse;font-size:14px}}
table.glance td,table.glance th{{border-bottom:1px solid #e1e4e8;padding:.25em .6em;text-align:left}}
.credit{{font-size:13px;color:#555}}
</style></head>
<body>{_nav(pages, -1)}<main>
<h1>{TITLE}</h1>
<section><h2>코퍼스 한눈에 보기</h2><table class="glance">{fact_rows}</table></section>
<section><h2>보고서 차례</h2><ol>{items}</ol>
<p>각 쪽의 표는 브라우저에서 검색·정렬할 수 있고, CSV와 Excel로 내려받을 수 있습니다(<code>exports/</code>).
실행한 노트북은 <code>notebooks/</code>에 있습니다.</p></section>
<section>{chart}</section>
<div class="cols">
<section><h2>많이 나온 명사</h2>{table(terms, {"term": "단어", "count": "빈도", "doc_count": "기사 수"})}</section>
<section><h2>많이 인용된 화자</h2>{table(speakers, {"speaker": "화자", "quotes": "인용문", "articles": "기사 수"})}</section>
<section><h2>언론사</h2>{table(outlets, {"outlet": "언론사", "articles": "기사 수"})}</section>
</div>
<p class="credit">{credit}</p>
</main></body></html>"""


def render_report(paths: str | Path | Sequence[str | Path] | None = None, *, out: str | Path,
                  cache: str | Path | None = None, options: ReportOptions | None = None, progress: bool = True,
                  notebooks: Sequence[Path] | None = None) -> ReportResult:
    """Build ``paths`` (default: the bundled corpus) into ``out/tables`` — or use the build in ``cache`` as it
    stands — run every notebook on it and write the site under ``out``.

    Raises:
        analysis.corpus.CorpusError: a PATH does not exist.
        FileNotFoundError: ``cache`` holds no build.
    """
    from .build import build_dataset
    from .dataset import Dataset

    options = options or ReportOptions()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    if cache is not None and not paths:
        tables = Path(cache)
    else:
        tables = Path(cache) if cache is not None else out / "tables"
        summary = build_dataset(paths, out=tables, progress=progress)
        log.info("%s", summary.summary())
    timings["build"] = time.perf_counter() - started
    ds = Dataset.open(tables, since=options.since, until=options.until, outlet=options.outlet)
    if ds.count("articles") == 0:
        log.warning("no article matches the selection (%s): the pages will be empty", ds.selection.describe())

    _copy_fonts(out / "assets")
    sources = list(notebooks) if notebooks is not None else sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
    pages = [(f"{p.stem}.html", notebook_title(p)) for p in sources]
    exports, executed_dir = out / "exports", out / "notebooks"
    parameters = options.parameters(tables, exports)
    iterator: Any = enumerate(sources)
    if progress:
        from tqdm.auto import tqdm

        iterator = tqdm(iterator, total=len(sources), desc="running notebooks", unit="notebook")
    result = ReportResult(index=out / "index.html")
    for i, path in iterator:
        t0 = time.perf_counter()
        if progress:
            iterator.set_postfix_str(path.name)
        executed = executed_dir / path.name
        run_notebook(path, executed, parameters={**parameters, "EXPORT_PREFIX": path.stem})
        page = out / pages[i][0]
        page.write_text(_page_html(executed, title=pages[i][1], nav=_nav(pages, i)), encoding="utf-8")
        result.pages.append(page)
        timings[path.stem] = time.perf_counter() - t0
    t0 = time.perf_counter()
    result.index.write_text(_index_html(ds, pages, options), encoding="utf-8")
    timings["index"] = time.perf_counter() - t0
    timings["total"] = time.perf_counter() - started
    result.timings = timings
    ds.close()
    return result


def options_from(args: Any) -> ReportOptions:
    """:class:`ReportOptions` from the command line's ``--terms/--period/--since/--until/--outlet/--keyness-by``."""
    terms = tuple(t.strip() for t in (args.terms or "").split(",") if t.strip())
    return ReportOptions(terms=terms, period=args.period, since=args.since or "", until=args.until or "",
                         outlet=args.outlet or "", keyness_by=args.keyness_by)

