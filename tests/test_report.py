"""The main job renders executed notebooks to HTML with an index."""

from __future__ import annotations

from analysis.report import NOTEBOOK_DIR, render_report
from analysis.store import table_files


def test_report_on_a_custom_corpus(tmp_path, kiwi):
    src = tmp_path / "articles.jsonl"
    src.write_text(
        '{"id": "x1", "title": "<b>굵은</b> 제목", "date": "2023-01-02", '
        '"text": "서울시는 탄소중립 계획을 발표했다. 김철수 국장은 \\"<script>alert(1)</script> 목표를 지키겠다\\"고 말했다."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "report"
    index = render_report([src], out=out, progress=False, notebooks=[NOTEBOOK_DIR / "03_quotes.ipynb"])
    assert index == out / "index.html"
    page = (out / "03_quotes.html").read_text(encoding="utf-8")
    assert "03_quotes.html" in index.read_text(encoding="utf-8")
    assert "김철수" in page
    assert "<script>alert(1)</script>" not in page  # article text is escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert [p.name for p in table_files(out / "tables", "quotes", verify=True)] == ["part-00000.parquet"]
