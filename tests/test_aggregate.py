"""Aggregations over the part files of a build equal the same figures on the whole tables."""

from __future__ import annotations

import pandas as pd

from analysis import aggregate, keywords, themes
from analysis.build import build
from analysis.store import table_files


def test_partitioned_aggregations_equal_in_memory(wikinews_path, kiwi, tmp_path):
    out = tmp_path / "chunked"
    corpus = build([wikinews_path], out=out, chunk_size=64)
    assert len(table_files(out, "tokens")) == 8
    expected = keywords.term_frequencies(corpus.tokens)
    got = aggregate.term_counts(out)
    pd.testing.assert_frame_equal(got.astype({"count": "int64", "doc_count": "int64"}),
                                  expected.astype({"term": object, "tag": object}), check_dtype=False)
    shares = aggregate.theme_shares(out)
    pd.testing.assert_frame_equal(shares, themes.corpus_shares(corpus), check_dtype=False)
    quotes = corpus.quotes[corpus.quotes["speaker"] != ""]
    ranked = aggregate.quote_counts(out).set_index("speaker")
    assert ranked["quotes"].sum() == len(quotes)
    assert ranked.loc["문재인", "quotes"] == (quotes["speaker"] == "문재인").sum()
