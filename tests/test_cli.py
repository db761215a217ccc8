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
    from analysis.store import table_files

    proc = run("build", "--out", tmp_path / "out", check=True)
    for name in ["articles", "sentences", "tokens", "rejects", "quotes"]:
        (part,) = table_files(tmp_path / "out", name, verify=True)
        assert part.name == "part-00000.parquet"
    assert "records read: 1" in proc.stderr and "articles kept: 1" in proc.stderr
    again = run("build", "--out", tmp_path / "out", check=True)
    assert "nothing changed" in again.stderr


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


def test_cache_without_paths_reads_that_build_as_it_is(tmp_path):
    src = tmp_path / "mine.jsonl"
    src.write_text('{"id": "m1", "text": "김철수 국장은 \\"목표를 지키겠다\\"고 말했다."}\n', encoding="utf-8")
    run("build", src, "--out", tmp_path / "b", check=True)
    manifest = (tmp_path / "b" / "build.json").read_bytes()
    proc = run("quotes", "--cache", tmp_path / "b", check=True)
    (row,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert (row["article_id"], row["speaker"]) == ("m1", "김철수")
    assert (tmp_path / "b" / "build.json").read_bytes() == manifest  # not replaced by the bundled corpus


@pytest.mark.parametrize("setup", ["out is a file", "bad build.json", "not a build"])
def test_store_errors_are_one_line_and_exit_2(tmp_path, setup):
    out = tmp_path / "o"
    if setup == "out is a file":
        out.write_text("not a folder", encoding="utf-8")
        proc = run("build", "--out", out)
    elif setup == "bad build.json":
        out.mkdir()
        (out / "build.json").write_text('{"format": 2, "snapshot": [], "parts": 3}', encoding="utf-8")
        proc = run("build", "--out", out)
    else:
        out.mkdir()
        proc = run("keywords", "--cache", out)
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("error: ") and str(out) in line and "Traceback" not in proc.stderr


def test_a_read_only_disk_is_one_line(tmp_path, monkeypatch, capsys):
    """What a read-only or full disk does to the first write (simulated: the tests run as root)."""
    import errno

    from analysis import cli

    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("analysis.store.snapshot.Path.mkdir", refuse)
    assert cli.main(["-q", "build", "--out", str(tmp_path / "o")]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("error: ") and "Read-only file system" in line and str(tmp_path / "o") in line
