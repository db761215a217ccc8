"""The build writes the tables and reuses them as a cache keyed on content and settings."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from analysis.build import build, build_dataset, read_tables
from analysis.schema import TABLES
from analysis.store import table_files

from .conftest import ROOT

A = "서울시는 1일 기후 정책을 발표했다. 오세훈 서울시장은 \"탄소중립을 앞당기겠다\"고 말했다."
B = "부산시는 2일 심야버스 운행을 늘린다고 밝혔다. 박형준 부산시장은 \"시민의 발이 되겠다\"고 강조했다."
C = "대구시는 3일 폭염 대책을 내놓았다. 시 관계자는 \"쉼터를 늘리겠다\"고 설명했다."


def jsonl(path, rows):
    path.write_text("\n".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in rows), encoding="utf-8")
    return path


def test_tables_follow_the_schema(bundled):
    for name in TABLES:
        frame = getattr(bundled, name)
        assert list(frame.columns) == list(TABLES[name])
    text = bundled.articles["text"].iloc[0]
    for s, e, t in zip(bundled.sentences["start"], bundled.sentences["end"], bundled.sentences["text"], strict=True):
        assert text[s:e] == t


def test_no_chrome_word_reaches_tokens(bundled):
    forms = set(bundled.tokens["form"].astype(str))
    for word in ["비트코인", "좋아요", "가장작게", "이더리움", "민희진", "잠수함", "하이브"]:
        assert word not in forms


def test_rebuild_reuses_cache_and_adding_one_tokenises_one(tmp_path, kiwi):
    src = tmp_path / "src"
    src.mkdir()
    jsonl(src / "a.jsonl", [("a", A), ("b", B)])
    out = tmp_path / "out"
    first = build([src], out=out)
    assert first.n_tokenized == 2
    again = build([src], out=out)
    assert again.n_tokenized == 0
    pd.testing.assert_frame_equal(first.tokens, again.tokens)
    pd.testing.assert_frame_equal(first.quotes, again.quotes)
    jsonl(src / "b.jsonl", [("c", C)])
    third = build([src], out=out)
    assert third.n_tokenized == 1
    assert sorted(set(third.tokens["article_id"])) == ["a", "b", "c"]
    changed = jsonl(src / "a.jsonl", [("a", A + " 행사는 오후에 끝났다."), ("b", B)])
    assert changed.exists()
    assert build([src], out=out).n_tokenized == 1


def cold_then_warm(tmp_path, report: str) -> tuple[list[str], list[str]]:
    """Build a one-article corpus twice in fresh processes; each prints ``report`` evaluated after its build."""
    src = jsonl(tmp_path / "a.jsonl", [("a", A)])
    code = (
        "import sys; from analysis.build import build_dataset; from analysis.tokenize import kiwi_loaded;"
        f"d = build_dataset([{str(src)!r}], out={str(tmp_path / 'out')!r}); print({report})"
    )
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
            for _ in range(2)]
    return runs[0].stdout.split(), runs[1].stdout.split()


def test_cached_rebuild_loads_no_kiwi(tmp_path):
    """A separate process rebuilding an unchanged corpus never creates a Kiwi."""
    cold, warm = cold_then_warm(tmp_path, "d.n_tokenized, kiwi_loaded()")
    assert cold == ["1", "True"]
    assert warm == ["0", "False"]


def test_read_tables_round_trip(tmp_path, kiwi):
    out = tmp_path / "o"
    built = build(out=out)
    again = read_tables(out)
    pd.testing.assert_frame_equal(built.articles, again.articles)
    assert again.n_read == built.n_read


def test_chunked_build_equals_one_chunk_and_reuses_parts(tmp_path, kiwi):
    src = jsonl(tmp_path / "a.jsonl", [("a", A), ("b", B), ("c", C), ("a2", A)])  # a2 repeats a's text
    whole = build([src], out=tmp_path / "one", chunk_size=100)
    small = build([src], out=tmp_path / "many", chunk_size=2)
    assert len(table_files(tmp_path / "many", "tokens")) == 2
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(whole, name), getattr(small, name))
    again = build_dataset([src], out=tmp_path / "many", chunk_size=2)
    assert (again.n_parts_reused, again.n_tokenized) == (2, 0)
    jsonl(tmp_path / "a.jsonl", [("a", A), ("b", B), ("c", C), ("a2", A), ("d", C + " 추가 문장이다.")])
    third = build_dataset([src], out=tmp_path / "many", chunk_size=2)
    assert (third.n_parts_reused, third.n_tokenized) == (2, 1)
    rebuilt = read_tables(tmp_path / "many")
    a_tokens = rebuilt.tokens[rebuilt.tokens["article_id"] == "a"].drop(columns="article_id").reset_index(drop=True)
    a2_tokens = rebuilt.tokens[rebuilt.tokens["article_id"] == "a2"].drop(columns="article_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(a_tokens, a2_tokens)


def test_cached_rebuild_imports_no_pandas(tmp_path):
    """An unchanged corpus is rebuilt from the manifest alone: no pandas, no pyarrow, no Kiwi."""
    _, warm = cold_then_warm(tmp_path, "d.n_parts_reused, 'pandas' in sys.modules, 'pyarrow' in sys.modules, "
                                       "'kiwipiepy' in sys.modules")
    assert warm == ["1", "False", "False", "False"]


def test_a_damaged_part_is_rebuilt_not_reused(tmp_path):
    """A part file cut short is re-analysed, and the summary says which file was repaired."""
    src = tmp_path / "a.jsonl"
    jsonl(src, [("a", A), ("b", B)])
    build_dataset([src], out=tmp_path / "out")
    part = table_files(tmp_path / "out", "tokens")[0]
    part.write_bytes(part.read_bytes()[:100])  # truncated
    again = build_dataset([src], out=tmp_path / "out")
    assert (again.n_parts_reused, again.n_tokenized) == (0, 2)
    assert "repaired: 1 damaged part files" in again.summary() and "tokens/part-00000.parquet: size 100" in again.summary()
    assert len(read_tables(tmp_path / "out").tokens) > 0


def test_escaped_lone_surrogate_does_not_stop_a_build(tmp_path, kiwi):
    """JSON may escape a lone UTF-16 surrogate ("\\ud800"); it becomes U+FFFD and the article is built."""
    src = tmp_path / "s.jsonl"
    src.write_text('{"id": "s", "text": "오세훈 시장은 \\"잘 될 것\\ud800이다\\"라고 말했다. \\ud83d\\ude00"}\n', encoding="utf-8")
    built = build([src], out=tmp_path / "out")
    text = built.articles["text"].iloc[0]
    assert "\ufffd" in text and "😀" in text
    assert built.quotes["speaker"].tolist() == ["오세훈"]


def test_in_memory_build_equals_the_built_folder(tmp_path, kiwi):
    """``build()`` without ``out`` runs the same chunk pipeline as the streamed build."""
    src = jsonl(tmp_path / "a.jsonl", [("a", A), ("b", B), ("c", C)])
    on_disk = build([src], out=tmp_path / "out", chunk_size=2)
    in_memory = build([src])
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(in_memory, name), getattr(on_disk, name))


def write_rows(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


ROWS = [{"id": "a", "title": "기후 정책", "date": "2022-08-01", "url": "https://example.org/a", "text": A},
        {"id": "b", "title": "심야버스", "date": "2022-08-02", "url": "https://example.org/b", "text": B},
        {"id": "c", "title": "폭염", "date": "2022-08-03", "url": "https://example.org/c", "text": C}]


@pytest.mark.parametrize(("field", "value", "column", "expected"), [
    ("title", "새 제목", "title", "새 제목"),
    ("date", "2023-01-02T10:00:00+09:00", "date", "2023-01-02T10:00:00+09:00"),
    ("url", "https://example.org/moved", "url", "https://example.org/moved"),
    ("byline", "홍길동 기자", "byline", "홍길동 기자"),
    ("date", "지난주 화요일", "date_raw", "지난주 화요일"),
])
def test_a_metadata_change_reaches_the_tables_without_kiwi(tmp_path, kiwi, field, value, column, expected):
    """Text unchanged, one other field changed: the articles table follows it, Kiwi runs on nothing, and the
    tables equal a clean build of the changed input."""
    src = write_rows(tmp_path / "in" / "a.jsonl", ROWS)
    build_dataset([src], out=tmp_path / "out", chunk_size=2)
    write_rows(src, [{**r, field: value} if r["id"] == "b" else r for r in ROWS])
    again = build_dataset([src], out=tmp_path / "out", chunk_size=2)
    assert again.published and again.n_tokenized == 0 and again.n_parts_reused == 1  # part 0 held b, part 1 did not
    got, clean = read_tables(tmp_path / "out"), build([src], out=tmp_path / "clean", chunk_size=2)
    assert got.articles.set_index("article_id").loc["b", column] == expected
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(got, name), getattr(clean, name))


def test_a_renamed_input_file_is_a_new_source_path(tmp_path, kiwi):
    src = write_rows(tmp_path / "in" / "a.jsonl", ROWS)
    build_dataset([src], out=tmp_path / "out")
    renamed = src.rename(src.with_name("renamed.jsonl"))
    again = build_dataset([renamed], out=tmp_path / "out")
    assert again.published and again.n_tokenized == 0
    assert set(read_tables(tmp_path / "out").articles["source_path"]) == {str(renamed)}
