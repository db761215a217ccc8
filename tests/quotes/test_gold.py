"""The scorer, and quote extraction measured against the hand-labelled gold (tests/gold)."""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from analysis.evaluation import (
    GOLD_DIR,
    SECOND_DIR,
    Score,
    annotator_agreement,
    attribution_by_basis,
    baseline_quotes,
    gold_groups,
    labelled_articles,
    load_gold,
    score_quotes,
)


def frame(rows):
    return pd.DataFrame(rows, columns=["article_id", "start", "end", "speaker"])


@pytest.mark.parametrize(
    ("pred", "gold", "detection", "attribution"),
    [
        ([("a", 0, 10, "김")], [("a", 0, 10, "김")], (1, 1, 1), (1, 1, 1)),
        ([("a", 0, 10, "이")], [("a", 0, 10, "김")], (1, 1, 1), (0, 1, 1)),
        ([("a", 0, 4, "김")], [("a", 0, 10, "김")], (0, 1, 1), (0, 1, 1)),  # IoU 0.4 < 0.5
        ([("a", 0, 6, "김")], [("a", 0, 10, "김")], (1, 1, 1), (1, 1, 1)),  # IoU 0.6
        ([("a", 0, 10, "김"), ("a", 1, 9, "김")], [("a", 0, 10, "김")], (1, 2, 1), (1, 2, 1)),  # one-to-one
        ([("b", 0, 10, "김")], [("a", 0, 10, "김")], (0, 1, 1), (0, 1, 1)),  # other article
        ([], [("a", 0, 10, "김")], (0, 0, 1), (0, 0, 1)),
        ([("a", 0, 10, "김 영희")], [("a", 0, 10, "김영희")], (1, 1, 1), (1, 1, 1)),  # spaces ignored
        ([("a", 0, 10, "선관위")], [("a", 0, 10, "선관위 측")], (1, 1, 1), (1, 1, 1)),  # 측 is no part of a name
        ([("a", 0, 10, "유가족측")], [("a", 0, 10, "유가족")], (1, 1, 1), (1, 1, 1)),
        ([("a", 0, 10, "측근")], [("a", 0, 10, "")], (1, 1, 1), (0, 1, 1)),
    ],
)
def test_scorer_counts(pred, gold, detection, attribution):
    got = score_quotes(frame(pred), frame(gold), ["a", "b"])
    assert (got["detection"].tp, got["detection"].n_pred, got["detection"].n_gold) == detection
    assert (got["attribution"].tp, got["attribution"].n_pred, got["attribution"].n_gold) == attribution


def test_score_arithmetic():
    s = Score(tp=8, n_pred=10, n_gold=16)
    assert (s.precision, s.recall) == (0.8, 0.5)
    assert s.f1 == pytest.approx(2 * 0.8 * 0.5 / 1.3)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('오세훈 시장은 "약자와 동행하겠다"고 말했다.', [("약자와 동행하겠다", "오세훈")]),
        ('그는 “첫째”라며 "둘째"라고 밝혔다.', [("첫째", "그"), ("둘째", "그")]),
        ("청와대께서는 '홑따옴표'만 썼다.", []),
        ('이어 "닫히지 않은 따옴표', []),
    ],
)
def test_baseline_takes_every_double_quoted_span_and_the_first_word(sentence, expected):
    before = "앞 문장이다. "
    text = before + sentence
    sentences = pd.DataFrame({"article_id": ["a"], "start": [len(before)], "text": [sentence]})
    got = baseline_quotes(sentences)
    assert [(text[s:e], sp) for s, e, sp in zip(got["start"], got["end"], got["speaker"], strict=True)] == expected


def write_set(folder, name, split, labels, n_quotes):
    folder.mkdir(parents=True, exist_ok=True)
    frame(labels).assign(sha1="", note="").to_json(folder / f"quotes_shared_{name}.jsonl", orient="records",
                                                   lines=True, force_ascii=False)
    pd.DataFrame({"article_id": list(n_quotes), "split": split, "n_quotes": list(n_quotes.values())}).to_csv(
        folder / f"articles_shared_{name}.tsv", sep="\t", index=False)


def test_annotator_agreement_scores_the_second_labelling_against_the_first(tmp_path):
    first = [("a", 0, 10, "오세훈"), ("a", 20, 30, "서울시"), ("b", 0, 8, "김웅")]
    second = [("a", 0, 10, "오세훈"), ("a", 20, 30, "서울시 관계자"), ("b", 40, 48, "김웅"), ("b", 0, 8, "김웅")]
    write_set(tmp_path, "x", "test", first, {"a": 2, "b": 1, "c": 0})
    write_set(tmp_path, "y", "dev", [("d", 0, 5, "이")], {"d": 1})  # no second labelling: not reported
    write_set(tmp_path / "second", "x", "test", second, {"a": 2, "b": 2, "c": 0})
    got = annotator_agreement(None, gold_dir=tmp_path, second_dir=tmp_path / "second").set_index("kind")
    assert got["group"].unique().tolist() == ["agreement x"]
    assert got.loc["detection", ["tp", "n_pred", "n_gold"]].tolist() == [3, 4, 3]
    assert got.loc["attribution", ["tp", "n_pred", "n_gold"]].tolist() == [2, 4, 3]
    assert got.loc["detection", "articles"] == 3


def test_attribution_by_basis_counts_matched_quotes_per_basis(tmp_path):
    write_set(tmp_path, "x", "test", [("a", 0, 10, "오세훈"), ("a", 20, 30, "서울시"), ("a", 40, 50, "김웅")],
              {"a": 3})
    pred = frame([("a", 0, 10, "오세훈"), ("a", 20, 30, "오세훈"), ("a", 40, 50, "김웅"), ("a", 60, 70, "김웅")])
    pred["basis"] = ["subject", "in force", "in force", "subject"]  # the last matches no gold quote
    got = attribution_by_basis(pred, gold_dir=tmp_path).set_index("basis")
    assert got.loc["subject", ["quotes", "correct"]].tolist() == [1, 1]
    assert got.loc["in force", ["quotes", "correct", "precision"]].tolist() == [2, 1, 0.5]


def test_second_labellings_cover_whole_gold_sets(wikinews):
    texts = dict(zip(wikinews.articles["article_id"], wikinews.articles["text"], strict=True))
    second, ids = load_gold(gold_dir=SECOND_DIR, texts=texts)  # raises if a hash does not match its span
    first = labelled_articles()
    for name, group in labelled_articles(gold_dir=SECOND_DIR).groupby("set"):
        assert sorted(group["article_id"]) == sorted(first.loc[first["set"] == name, "article_id"])
    assert len(second) and set(second["article_id"]) <= set(ids)


def article_lists():
    """The labelled-article files read directly, to check the evaluation module against."""
    return pd.concat([pd.read_csv(p, sep="\t") for p in GOLD_DIR.glob("articles_shared_*.tsv")])


def test_gold_groups_cover_every_labelled_article_once():
    splits = article_lists()
    groups = gold_groups()
    grouped = [a for ids in groups.values() for a in ids]
    assert sorted(grouped) == sorted(splits["article_id"])
    assert set(groups["dev"]) == set(splits.loc[splits["split"] == "dev", "article_id"])
    assert all(name == "dev" or name.startswith(("test ", "held-out ")) for name in groups)
    held_out = [a for name, ids in groups.items() if name.startswith("held-out ") for a in ids]
    assert sorted(held_out) == sorted(splits.loc[splits["split"] == "held-out", "article_id"])
    assert {"held-out h", "held-out i"} <= set(groups)


def test_gold_quote_counts_match_the_article_lists():
    splits = article_lists()
    quotes = pd.concat([pd.read_json(p, lines=True) for p in GOLD_DIR.glob("quotes_shared_*.jsonl")])
    counted = quotes["article_id"].value_counts()
    assert (splits.set_index("article_id")["n_quotes"] == counted.reindex(splits["article_id"]).fillna(0).values).all()


def test_bundled_article_against_its_gold(bundled):
    gold = pd.read_json(GOLD_DIR / "quotes_seed.jsonl", lines=True)
    scores = score_quotes(bundled.quotes, gold, gold["article_id"].unique())
    assert scores["detection"].f1 == 1.0
    assert scores["attribution"].f1 == 1.0


def test_gold_files_are_consistent_with_the_corpus(wikinews):
    texts = dict(zip(wikinews.articles["article_id"], wikinews.articles["text"], strict=True))
    gold, ids = load_gold(texts=texts)  # raises if any label's hash no longer matches its span
    assert len(ids) >= 60
    with_quotes = gold["article_id"].nunique()
    assert with_quotes >= 60
    splits = labelled_articles()
    assert set(splits["split"]) == {"dev", "test", "held-out"}
    assert not splits["article_id"].duplicated().any()
    # the split is fixed by the id's hash, never chosen by hand; set h was taken from the dev two
    # thirds (the test third had no unlabelled article with double marks left); set i holds every
    # remaining article with single-quoted speech, whatever its hash
    hashed = splits[splits["set"] != "i"]
    by_hash = ["test" if int(hashlib.sha1(a.encode()).hexdigest(), 16) % 3 == 0 else "dev" for a in hashed["article_id"]]
    assert hashed["split"].replace("held-out", "dev").tolist() == by_hash
    assert set(splits.loc[splits["set"] == "i", "split"]) == {"held-out"}


# Regression floors on the test third (sets a-d under the v2 labels; GUIDELINES.md says which were
# looked at), a little under the measured 0.974 / 0.795 / 0.819. The targets are higher; the
# README reports the figures per set, including those scored with frozen rules (sets h, i, WIKITREE).
FLOORS = {"detection": 0.965, "attribution": 0.78, "head match": 0.80}


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_test_split_floors(wikinews, kind):
    texts = dict(zip(wikinews.articles["article_id"], wikinews.articles["text"], strict=True))
    gold, ids = load_gold(split="test", texts=texts)
    scores = score_quotes(wikinews.quotes, gold, ids)
    assert scores[kind].f1 >= FLOORS[kind], scores[kind].as_dict()


def test_speaker_ceiling_agrees_with_the_scorer(wikinews):
    """benchmarks/speaker_ceiling.py counts the rules' right speakers as the scorer does, and no
    choice among candidates (the ranker's included) beats choosing the best one."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "speaker_ceiling.py"
    spec = importlib.util.spec_from_file_location("speaker_ceiling", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    summary = bench.ceiling(wikinews)
    texts = dict(zip(wikinews.articles["article_id"], wikinews.articles["text"], strict=True))
    gold, _ = load_gold(texts=texts)
    groups = gold_groups()
    for split in summary.index:
        ids = groups[split] if split in groups else [a for name, g in groups.items() if name.startswith(split) for a in g]
        scores = score_quotes(wikinews.quotes, gold, ids)
        row = summary.loc[split]
        assert (row["predicted"], row["labelled"]) == (scores["attribution"].n_pred, scores["attribution"].n_gold)
        assert (row["matched"], row["rules"]) == (scores["detection"].tp, scores["attribution"].tp)
        assert row["rules"] <= row["best candidate"] <= row["matched"]
        assert row["ranker"] <= row["best candidate"]


def test_held_out_summary_sets_the_figures_side_by_side(wikinews):
    from analysis.evaluation import held_out_summary

    texts = dict(zip(wikinews.articles["article_id"], wikinews.articles["text"], strict=True))
    table = held_out_summary(wikinews.quotes, texts, sentences=wikinews.sentences, wikitree=False)
    assert list(table.columns) == ["set", "kind", "rules", "frozen", "baseline", "annotators"]
    h = table[table["set"] == "held-out h"].set_index("kind")
    assert h.loc["detection", "frozen"] == pytest.approx(0.8869)  # the figure recorded at the freeze
    assert 0 < h.loc["attribution", "baseline"] < h.loc["attribution", "rules"] < h.loc["attribution", "annotators"]
    assert set(table["set"]) == {"held-out h", "held-out i"}
