"""The report as a reader gets it: pages with charts, navigation and titles, no code, exports, the right credit.

The default report (the bundled corpus) is rendered once per session (``default_report`` in
``tests/report/conftest.py``); a report on a small corpus of the tests' own checks the credit and
the escaping of the user's text.
"""

from __future__ import annotations

import json
import re

import nbformat
import pandas as pd
import pytest

from analysis.report import NOTEBOOK_DIR, ReportOptions, render_report

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))


def chart_cells(path):
    return [c for c in nbformat.read(path, as_version=4).cells if "chart" in c.metadata.get("tags", [])]


def test_every_chart_cell_of_every_notebook_produced_an_image(default_report):
    total = 0
    for source in NOTEBOOKS:
        executed = default_report.index.parent / "notebooks" / source.name
        cells = chart_cells(executed)
        assert len(cells) == len(chart_cells(source)) >= 2, source.name
        for cell in cells:
            images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
            assert images, f"{source.name}: the chart cell {cell.source[:60]!r} drew nothing"
        total += len(cells)
    assert total >= 10


def test_pages_have_titles_navigation_images_and_no_code(default_report):
    pages = default_report.pages
    assert [p.name for p in pages] == [f"{nb.stem}.html" for nb in NOTEBOOKS]
    for i, page in enumerate(pages):
        body = page.read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", body, flags=re.S).group(1)
        assert "한국어 뉴스 분석 보고서" in title and "Notebook" not in title
        assert body.count("href='index.html'") == 2  # navigation at the top and the bottom
        if i > 0:
            assert f"href='{pages[i - 1].name}'" in body
        if i < len(pages) - 1:
            assert f"href='{pages[i + 1].name}'" in body
        assert "hl-ipython3" not in body and "import pandas" not in body  # code cells hidden
        assert body.count("<img") >= len(chart_cells(NOTEBOOKS[i]))
        assert "alt=\"차트:" in body


def test_index_shows_the_corpus_at_a_glance(default_report):
    index = default_report.index.read_text(encoding="utf-8")
    assert "<title>한국어 뉴스 분석 보고서</title>" in index
    assert "500건" in index and "2009-01-20" in index and "2023-02-14" in index
    for page in default_report.pages:
        assert f"href='{page.name}'" in index
    assert "data:image/png;base64," in index
    assert "Wikinews contributors" in index and "captured by the user" in index  # each source's own credit
    assert "문재인" in index  # top speakers
    assert "대한민국" in index  # top terms


def test_every_table_is_exported_as_csv_and_xlsx(default_report):
    exports = default_report.index.parent / "exports"
    csvs = sorted(exports.glob("*.csv"))
    assert len(csvs) >= 20
    for path in csvs:
        assert path.with_suffix(".xlsx").exists(), path.name
    quotes = pd.read_csv(exports / "03_quotes-quotes.csv", encoding="utf-8-sig")
    assert len(quotes) > 500 and {"speaker", "content", "start", "end", "article_id"} <= set(quotes.columns)
    assert (pd.read_excel(exports / "03_quotes-speakers.xlsx")["speaker"].head(1) == "문재인").all()
    page = (default_report.index.parent / "03_quotes.html").read_text(encoding="utf-8")
    assert re.search(r"href=[\"']exports/03_quotes-quotes\.csv", page) and re.search(r"href=[\"']exports/03_quotes-quotes\.xlsx", page)


def test_the_report_asks_its_questions_of_the_corpus(default_report):
    executed = nbformat.read(default_report.index.parent / "notebooks" / "02_keywords.ipynb", as_version=4)
    injected = next(c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert "INTERACTIVE = True" in injected.source and "TERMS = []" in injected.source
    printed = "".join(o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
    assert "관심어: 대한민국, 대통령, 정부" in printed  # the corpus's own top nouns, not fixed strings


@pytest.fixture(scope="module")
def own_report(tmp_path_factory, kiwi):
    src = tmp_path_factory.mktemp("own") / "two.jsonl"
    rows = [
        {"id": "x1", "title": "<b>굵은</b> 제목", "date": "2023-01-02", "outlet": "한빛일보", "source": "한빛일보 웹사이트",
         "license": "한빛일보 허락을 받아 씀",
         "text": "서울시는 탄소중립 계획을 발표했다. 김철수 국장은 \"<script>alert(1)</script> 목표를 지키겠다\"고 말했다."},
        {"id": "x2", "title": "둘째 기사", "date": "2023-02-03", "outlet": "서해타임즈",
         "text": "부산시는 디지털 전환 계획을 밝혔다. 박영희 시장은 \"디지털 전환을 서두르겠다\"고 강조했다."},
    ]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = src.parent / "report"
    return render_report([src], out=out, progress=False, options=ReportOptions(terms=("탄소중립", "디지털 전환")))


def test_a_report_on_my_corpus_credits_my_corpus_and_escapes_its_text(own_report):
    index = own_report.index.read_text(encoding="utf-8")
    assert "한빛일보 웹사이트" in index and "출처 표기 없음" in index
    assert "Wikinews" not in index and "captured by the user" not in index
    page = (own_report.index.parent / "03_quotes.html").read_text(encoding="utf-8")
    assert "김철수" in page and "박영희" in page
    assert "<script>alert(1)</script>" not in page  # the article's text is escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    keywords_page = (own_report.index.parent / "02_keywords.html").read_text(encoding="utf-8")
    assert "관심어: 탄소중립, 디지털 전환" in keywords_page
    from analysis.store import table_files

    assert [p.name for p in table_files(own_report.index.parent / "tables", "quotes", verify=True)] == ["part-00000.parquet"]


def test_report_narrowed_to_an_outlet(tmp_path, own_report):
    tables = own_report.index.parent / "tables"
    narrowed = render_report(out=tmp_path / "r", cache=tables, progress=False, options=ReportOptions(outlet="서해타임즈"),
                             notebooks=[NOTEBOOK_DIR / "01_corpus.ipynb"])
    index = narrowed.index.read_text(encoding="utf-8")
    assert "언론사 서해타임즈" in index and "1건" in index
    assert not (tmp_path / "r" / "tables").exists()  # --cache: the build is read as it stands
