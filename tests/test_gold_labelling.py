"""The labelling kit (tests/gold/labelling): what labellers get, and the checks their labels pass."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from analysis.evaluation import labelled_articles

KIT = Path(__file__).with_name("gold") / "labelling"
TEXT = '오세훈 서울시장은 "서울을 약자와 동행하는 도시로 만들겠다"고 말했다. 오 시장은 "함께 가겠다"고 덧붙였다.'


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, KIT / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


kit = _module("kit")
check_labels = _module("check_labels")


def _label(text: str, quote: str, speaker: str = "오세훈", **overrides) -> dict:
    start = text.index(quote)
    row = {"article_id": "new-1", "start": start, "end": start + len(quote),
           "sha1": hashlib.sha1(quote.encode("utf-8")).hexdigest()[:12], "speaker": speaker, "note": ""}
    return {**row, **overrides}


def _write(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture()
def handed_out(tmp_path) -> Path:
    return _write(tmp_path / "part1.jsonl", [{"article_id": "new-1", "title": "", "date": "", "url": "", "text": TEXT}])


def test_good_labels_pass(handed_out, tmp_path):
    labels = _write(tmp_path / "labels_part1.jsonl", [_label(TEXT, "서울을 약자와 동행하는 도시로 만들겠다"), _label(TEXT, "함께 가겠다")])
    counts = tmp_path / "articles_part1.tsv"
    counts.write_text("article_id\tn_quotes\nnew-1\t2\n", encoding="utf-8")
    assert check_labels.check(handed_out, labels, counts) == []
    assert check_labels.main([str(handed_out), str(labels), str(counts)]) == 0


@pytest.mark.parametrize(("row", "problem"), [
    (_label(TEXT, "함께 가겠다", sha1="000000000000"), "sha1 does not match"),
    (_label(TEXT, '"함께 가겠다"'), "includes a quotation mark"),
    (_label(TEXT, "함께 가겠다", article_id="new-2"), "was not handed out"),
    (_label(TEXT, "함께 가겠다", end=10_000), "out of range"),
    (_label(TEXT, "함께 가겠다", start="3"), "must be integers"),
    ({"article_id": "new-1", "start": 0, "end": 3}, "expected exactly the fields"),
    ("{not json", "not JSON"),
])
def test_bad_label_is_named_with_its_line(handed_out, tmp_path, row, problem):
    labels = _write(tmp_path / "labels_part1.jsonl", [_label(TEXT, "서울을 약자와 동행하는 도시로 만들겠다"), row])
    problems = check_labels.check(handed_out, labels)
    assert len(problems) == 1
    assert problems[0].startswith(f"{labels}:2: ") and problem in problems[0]


def test_labels_out_of_order_and_wrong_counts(handed_out, tmp_path):
    labels = _write(tmp_path / "labels_part1.jsonl", [_label(TEXT, "함께 가겠다"), _label(TEXT, "서울을 약자와 동행하는 도시로 만들겠다")])
    counts = tmp_path / "articles_part1.tsv"
    counts.write_text("article_id\tn_quotes\nnew-1\t2\n", encoding="utf-8")
    problems = check_labels.check(handed_out, labels, counts)
    assert [p.split(": ", 1)[0] for p in problems] == [f"{labels}:2", f"{counts}:2"]
    assert "text order" in problems[0] and "n_quotes 2 but 1 valid labels" in problems[1]


def test_prepare_hands_out_only_unlabelled_articles_with_quote_marks(tmp_path):
    labelled = labelled_articles()["article_id"].iloc[0]
    corpus = _write(tmp_path / "corpus.jsonl", [
        {"id": "new-1", "title": "인용 있음", "text": TEXT},
        {"id": "new-2", "title": "인용 없음", "text": "서울시는 1일 새 정책을 발표했다."},
        {"id": labelled, "title": "이미 라벨링됨", "text": TEXT},
    ])
    out = tmp_path / "kit"
    parts = kit.prepare([corpus], out, parts=2)
    assert parts == [out / "part1.jsonl"]
    assert [json.loads(line)["article_id"] for line in parts[0].read_text(encoding="utf-8").splitlines()] == ["new-1"]
    assert (out / "GUIDELINES.md").read_text(encoding="utf-8").count("## How the speaker is named") == 1
    prompt = (out / "PROMPT_part1.md").read_text(encoding="utf-8")
    assert f"{out.resolve()}/labels_part1.jsonl" in prompt and "FOLDER" not in prompt
    assert check_labels.main([str(parts[0]), str(_write(tmp_path / "empty.jsonl", []))]) == 0


def test_merge_writes_a_new_set_and_refuses_clashes(handed_out, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(KIT.parent / "articles_shared_a.tsv", gold)
    folder = handed_out.parent
    _write(folder / "labels_part1.jsonl", [_label(TEXT, "함께 가겠다")])
    (folder / "articles_part1.tsv").write_text("article_id\tn_quotes\nnew-1\t1\n", encoding="utf-8")
    quotes, table = kit.merge(folder, name="z", split="held-out", gold_dir=gold)
    assert table.read_text(encoding="utf-8") == "article_id\tsplit\tn_quotes\nnew-1\theld-out\t1\n"
    assert [json.loads(line)["speaker"] for line in quotes.read_text(encoding="utf-8").splitlines()] == ["오세훈"]
    with pytest.raises(SystemExit, match="exists already"):
        kit.merge(folder, name="z", split="held-out", gold_dir=gold)
    with pytest.raises(SystemExit, match="already in a gold set: new-1"):
        kit.merge(folder, name="y", split="held-out", gold_dir=gold)
    _write(folder / "labels_part1.jsonl", [_label(TEXT, "함께 가겠다", sha1="000000000000")])
    with pytest.raises(SystemExit, match=r"do not pass check_labels\.py"):
        kit.merge(folder, name="x", split="held-out", gold_dir=gold)
    assert not (gold / "quotes_shared_x.jsonl").exists()


def test_revise_replaces_a_set_keeping_its_split(handed_out, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "articles_shared_z.tsv").write_text("article_id\tsplit\tn_quotes\nnew-1\tdev\t1\n", encoding="utf-8")
    _write(gold / "quotes_shared_z.jsonl", [_label(TEXT, "함께 가겠다")])
    folder = tmp_path / "relabel"
    folder.mkdir()
    shutil.copy(handed_out, folder / "set_z.jsonl")
    _write(folder / "labels_v2_z.jsonl", [_label(TEXT, "서울을 약자와 동행하는 도시로 만들겠다"), _label(TEXT, "함께 가겠다")])
    (folder / "articles_v2_z.tsv").write_text("article_id\tn_quotes\nnew-1\t2\n", encoding="utf-8")
    (folder / "changes_z.tsv").write_text("article_id\tkind\tstart\tend\told_speaker\tnew_speaker\treason\n"
                                          "new-1\tadded\t11\t30\t\t오세훈\tmissed\n", encoding="utf-8")
    assert kit.revise(folder, name="z", gold_dir=gold) == {"added": 1}
    assert (gold / "articles_shared_z.tsv").read_text(encoding="utf-8") == "article_id\tsplit\tn_quotes\nnew-1\tdev\t2\n"
    assert len((gold / "quotes_shared_z.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    with pytest.raises(SystemExit, match=r"use `kit\.py merge`"):
        kit.revise(folder, name="y", gold_dir=gold)
    (folder / "articles_v2_z.tsv").write_text("article_id\tn_quotes\nnew-2\t0\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        kit.revise(folder, name="z", gold_dir=gold)
