"""The whole pipeline over the shared Korean Wikinews corpus (skipped where ../shared is absent)."""

from __future__ import annotations

import numpy as np

from analysis.build import build


def test_all_499_articles_kept(wikinews):
    assert len(wikinews.articles) == 499
    assert len(wikinews.rejects) == 0
    assert wikinews.articles["article_id"].is_unique


def test_token_offsets_index_the_text(wikinews):
    texts = dict(zip(wikinews.articles["article_id"], wikinews.articles["text"], strict=True))
    t = wikinews.tokens
    surface = np.array([texts[a][s:e] for a, s, e in zip(t["article_id"], t["start"], t["end"], strict=True)], dtype=object)
    same = surface == t["form"].to_numpy(dtype=object)
    # Nouns, particles and punctuation keep their surface, except where Kiwi undoes a contraction
    # (에선 → 에서 + ㄴ, 걸로 → 것 + ㄹ로) or joins a spaced name from its dictionary (카를 차이스):
    # 117 of 87,771 such tokens in this corpus.
    kept_tags = t["tag"].isin(["NNG", "NNP", "SN", "SL", "SF", "JKO", "JKB"]).to_numpy()
    assert same[kept_tags].mean() > 0.995
    assert same.mean() > 0.8
    sentence_end = wikinews.sentences.set_index(["article_id", "sent_id"])["end"]
    ends = sentence_end.reindex(list(zip(t["article_id"], t["sent_id"], strict=True))).to_numpy()
    assert (t["end"].to_numpy() <= ends).all()


def test_sentences_stay_in_paragraphs(wikinews):
    s = wikinews.sentences
    texts = dict(zip(wikinews.articles["article_id"], wikinews.articles["text"], strict=True))
    for a, start, end in zip(s["article_id"], s["start"], s["end"], strict=True):
        assert "\n" not in texts[a][start:end]


def test_quotes_match_their_offsets(wikinews):
    texts = dict(zip(wikinews.articles["article_id"], wikinews.articles["text"], strict=True))
    q = wikinews.quotes
    assert len(q) > 300
    for a, s, e, c in zip(q["article_id"], q["start"], q["end"], q["content"], strict=True):
        assert texts[a][s:e] == c


def test_rebuild_of_the_unchanged_corpus_tokenises_nothing(wikinews_path, wikinews_out, wikinews):
    again = build([wikinews_path], out=wikinews_out)
    assert again.n_tokenized == 0
    assert len(again.tokens) == len(wikinews.tokens)
