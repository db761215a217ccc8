"""``python -m analysis``: every command, exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import ROOT


def run(*args, check=False):
    return subprocess.run([sys.executable, "-m", "analysis", "-q", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, check=check, timeout=600)


def test_clean_bundled_page():
    proc = run("clean", check=True)
    (line,) = proc.stdout.splitlines()
    obj = json.loads(line)
    assert set(obj) == {"id", "path", "title", "date", "text", "captions", "byline"}
    assert obj["date"] == "2022-08-01T10:00"
    assert len(obj["captions"]) == 1
    assert "비트코인" not in obj["text"] and "좋아요" not in obj["text"]


def test_build_writes_tables_and_summary(tmp_path):
    proc = run("build", "--out", tmp_path / "out", check=True)
    for name in ["articles", "sentences", "tokens", "rejects", "quotes"]:
        assert (tmp_path / "out" / name / "part-00000.parquet").exists()
    assert "records read: 1" in proc.stderr and "articles kept: 1" in proc.stderr


def test_missing_path_exits_nonzero_naming_it(tmp_path):
    proc = run("build", tmp_path / "absent.jsonl", "--out", tmp_path / "o")
    assert proc.returncode != 0
    assert "absent.jsonl" in proc.stderr


def test_nothing_usable_exits_nonzero(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run("build", tmp_path, "--out", tmp_path / "o")
    assert proc.returncode == 1
    assert "rejected: 1" in proc.stderr


def test_some_rejects_still_exit_zero(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": "a", "text": "서울시는 정책을 발표했다."}\n{broken\n', encoding="utf-8")
    proc = run("build", tmp_path, "--out", tmp_path / "o")
    assert proc.returncode == 0
    assert "rejected: 1" in proc.stderr and "malformed JSON" in proc.stderr


@pytest.mark.parametrize(("command", "keys"), [
    ("quotes", {"article_id", "content", "start", "end", "speaker", "mention", "role", "cue", "basis"}),
    ("keywords", {"term", "tag", "count", "doc_count"}),
    ("themes", {"article_id", "theme", "score", "hits", "sentences"}),
])
def test_json_lines_commands(command, keys):
    proc = run(command, check=True)
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert rows and keys <= set(rows[0])
    if command == "quotes":
        assert {r["speaker"] for r in rows} == {"오세훈"} and len(rows) == 8
    if command == "keywords":
        counts = [(-r["count"], r["term"]) for r in rows]
        assert counts == sorted(counts)
