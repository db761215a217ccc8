"""``python -m analysis``: every command, the corpus it reads, output formats, exit codes and messages."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from .conftest import ROOT, SEED_PAGE


def run(*args, check=False, quiet=True):
    flags = ["-q"] if quiet else []
    return subprocess.run([sys.executable, "-m", "analysis", *flags, *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, check=check, timeout=600)


def rows(proc) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.splitlines()]


@pytest.fixture(scope="module")
def seed_cache(tmp_path_factory):
    """A build of the seed page, for the commands that read a build as it stands."""
    out = tmp_path_factory.mktemp("seed-build")
    run("build", SEED_PAGE, "--out", out, check=True)
    return out


def test_clean_the_seed_page():
    (obj,) = rows(run("clean", SEED_PAGE, check=True))
    assert set(obj) == {"id", "path", "title", "date", "text", "captions", "byline"}
    assert obj["date"] == "2022-08-01T10:00"
    assert len(obj["captions"]) == 1
    assert "비트코인" not in obj["text"] and "좋아요" not in obj["text"]


def test_build_writes_tables_and_summary(tmp_path):
    from analysis.store import table_files

    proc = run("build", SEED_PAGE, "--out", tmp_path / "out", check=True)
    for name in ["articles", "sentences", "tokens", "rejects", "quotes"]:
        (part,) = table_files(tmp_path / "out", name, verify=True)
        assert part.name == "part-00000.parquet"
    assert "records read: 1" in proc.stderr and "articles kept: 1" in proc.stderr
    again = run("build", SEED_PAGE, "--out", tmp_path / "out", check=True)
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
    (["quotes"], {"article_id", "date", "title", "content", "start", "end", "speaker", "mention", "role", "cue", "basis"}),
    (["speakers"], {"speaker", "quotes", "articles"}),
    (["keywords"], {"term", "tag", "count", "doc_count"}),
    (["kwic", "서울시"], {"article_id", "start", "end", "left", "keyword", "right"}),
    (["collocates", "서울", "--min-count", "1"], {"term", "count", "node_count", "term_count", "pmi", "g2"}),
    (["trends", "--terms", "탄소중립", "디지털", "--period", "month"], {"period", "term", "count", "tokens", "per_10k"}),
    (["themes"], {"article_id", "theme", "score", "hits", "sentences"}),
    (["sql", "--query", "SELECT count(*) AS n FROM tokens"], {"n"}),
])
def test_reading_commands_on_a_build_as_it_stands(seed_cache, command, keys):
    proc = run(*command, "--cache", seed_cache, check=True)
    out = rows(proc)
    assert out and keys <= set(out[0])
    if command[0] == "quotes":
        assert {r["speaker"] for r in out} == {"오세훈"} and len(out) == 8
    if command[0] == "keywords":
        counts = [(-r["count"], r["term"]) for r in out]
        assert counts == sorted(counts)
    if command[0] == "kwic":
        assert all(r["keyword"] == "서울시" for r in out)


def test_quotes_of_one_speaker_and_filters(seed_cache):
    assert len(rows(run("quotes", "--cache", seed_cache, "--speaker", "오세훈", check=True))) == 8
    assert rows(run("quotes", "--cache", seed_cache, "--speaker", "아무개", check=True)) == []
    proc = run("keywords", "--cache", seed_cache, "--since", "2023-01-01")
    assert proc.returncode == 1 and "no article" in proc.stderr


def test_formats_csv_and_xlsx(seed_cache, tmp_path):
    proc = run("kwic", "서울시", "--cache", seed_cache, "--format", "csv", check=True)
    table = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert table and table[0]["keyword"] == "서울시"
    book = tmp_path / "speakers.xlsx"
    run("speakers", "--cache", seed_cache, "--format", "xlsx", "--output", book, check=True)
    import pandas as pd

    assert pd.read_excel(book)["speaker"].tolist() == ["오세훈"]


def test_cache_with_no_path_is_read_never_replaced(seed_cache):
    before = (seed_cache / "build.json").read_bytes()
    assert len(rows(run("quotes", "--cache", seed_cache, check=True))) == 8
    assert (seed_cache / "build.json").read_bytes() == before


def test_paths_build_into_the_cache(tmp_path):
    src = tmp_path / "two.jsonl"
    src.write_text('{"id": "x1", "date": "2021-03-02", "text": "서울시는 탄소중립 계획을 발표했다. 탄소중립 예산도 늘렸다."}\n'
                   '{"id": "x2", "date": "2022-05-01", "text": "부산시는 심야 버스를 늘렸다. 심야 버스 예산은 줄였다."}\n',
                   encoding="utf-8")
    out = tmp_path / "cache"
    terms = {r["term"] for r in rows(run("keywords", src, "--cache", out, check=True))}
    assert {"서울시", "부산시", "탄소중립"} <= terms and (out / "build.json").exists()
    key = rows(run("keyness", "--cache", out, "--by", "year", "--min-count", "2", check=True))
    assert {(r["group"], r["term"]) for r in key} == {("2021", "탄소중립"), ("2022", "심야"), ("2022", "버스")}
    assert all(r["log_ratio"] > 0 for r in key)


@pytest.mark.parametrize(("args", "message"), [
    (["keywords", "--since", "2020-13-01"], "not a date"),
    (["keywords", "--format", "pdf"], "invalid choice"),
    (["kwic"], "required"),
    (["speakers", "--format", "xlsx"], "--output"),
    (["themes", "--lexicon", "absent.toml"], "theme lexicon not found"),
    (["quotes", "--cache", "no-such-build"], "no built corpus here"),
    (["collocates", "서울", "--window", "wide"], "'sentence'"),
])
def test_bad_options_are_one_line_errors_before_any_work(args, message):
    proc = run(*args)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr and "Kiwi" not in proc.stderr


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
