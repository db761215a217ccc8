"""Dataset: batches of whole articles cover the corpus once, with and without a selection, and batched
queries give the tables of unbatched ones."""

from __future__ import annotations

import pytest

from analysis import dataset, keywords
from analysis.dataset import Dataset


def batch_ids(ds: Dataset, size: int) -> list[list[str]]:
    return [sorted(ds.con.execute("SELECT DISTINCT article_id FROM tokens_batch").df()["article_id"])
            for _ in ds.batches(size=size)]


@pytest.mark.parametrize("since", ["", "2015-01-01"])
def test_batches_hold_every_article_once(default_out, since):
    ds = Dataset.open(default_out, since=since)
    expected = sorted(ds.con.execute("SELECT DISTINCT article_id FROM tokens").df()["article_id"])
    parts = batch_ids(ds, size=1)  # one part file per batch
    assert len(parts) == len(ds._files["tokens"]) >= 2
    assert sorted(a for part in parts for a in part) == expected
    assert [a for part in batch_ids(ds, size=2**40) for a in part] == expected  # all in one batch


def test_a_corpus_in_memory_is_one_batch(default_corpus):
    ds = Dataset.of(default_corpus)
    assert batch_ids(ds, size=1) == [sorted(default_corpus.tokens["article_id"].unique())]


@pytest.mark.parametrize("n", [2, 3])
def test_ngrams_in_batches_equal_ngrams_at_once(default_out, monkeypatch, n):
    whole = keywords.noun_ngrams(Dataset.open(default_out), n=n)
    monkeypatch.setattr(dataset, "BATCH_BYTES", 1)
    batched = keywords.noun_ngrams(Dataset.open(default_out), n=n)
    assert len(whole) > 100
    assert batched.equals(whole)
