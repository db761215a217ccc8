"""Theme lexicons, scores with evidence, and a theme added by editing the file only."""

from __future__ import annotations

import shutil

import pytest

from analysis import themes
from analysis.resources import THEMES_FILE, ResourceError


def test_bundled_article_scores_both_named_themes(bundled):
    scores = themes.article_scores(bundled).set_index("theme")
    assert scores.loc["디지털 전환", "score"] > 0 and scores.loc["탄소중립", "score"] > 0
    ev = themes.evidence(bundled)
    for theme in ["디지털 전환", "탄소중립"]:
        assert len(ev[ev["theme"] == theme]) >= 2
    carbon = ev[ev["theme"] == "탄소중립"]
    assert any("탄소중립" in terms for terms in carbon["terms"])


def test_hits_are_traceable(bundled):
    hits = themes.theme_hits(bundled)
    text = bundled.articles["text"].iloc[0]
    for term, s, e in zip(hits["term"], hits["start"], hits["end"], strict=True):
        assert text[s:e].replace(" ", "") == term.replace(" ", "")


def test_longest_match_wins(corpus_of):
    corpus = corpus_of({"a": "디지털 전환이 빠르다. 디지털 기기가 많다."})
    hits = themes.theme_hits(corpus)
    digital = hits[hits["theme"] == "디지털 전환"]["term"].tolist()
    assert digital == ["디지털 전환", "디지털"]


def test_multiword_term_matches_adjacent_morphemes(corpus_of, tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('[themes."기후"]\nterms = ["기후 대응"]\n', encoding="utf-8")
    corpus = corpus_of({"a": "기후 대응이 시급하다. 기후대응 예산."})
    hits = themes.theme_hits(corpus, themes=themes.load_themes(path))
    assert len(hits) == 2


def test_a_new_theme_needs_no_code_change(bundled, tmp_path):
    path = tmp_path / "themes.toml"
    shutil.copy(THEMES_FILE, path)
    with path.open("a", encoding="utf-8") as f:
        f.write('\n[themes."국제 협력"]\ndescription = "도시 간 협력"\nterms = ["국제기구", "협약", "연대"]\n')
    lexicon = themes.load_themes(path)
    scores = themes.article_scores(bundled, themes=lexicon).set_index("theme")
    assert "국제 협력" in scores.index and scores.loc["국제 협력", "hits"] >= 2


@pytest.mark.parametrize(("text", "message"), [
    ("[themes", "not valid TOML"),
    ('x = 1\n', "no [themes"),
    ('[themes."가"]\nterms = []\n', 'theme "가": `terms` must be a non-empty list'),
    ('[themes."가"]\nterms = ["기후", "기후"]\n', "term 2 ('기후') repeats term 1"),
    ('[themes."가"]\nterms = ["기후", ""]\n', "term 2 ('') is not a non-empty string"),
    ('[themes."가"]\nterm = ["기후"]\n', "unknown key(s) ['term']"),
])
def test_bad_lexicon_names_the_entry(tmp_path, text, message):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ResourceError) as err:
        themes.load_themes(path)
    assert message in str(err.value) and str(path) in str(err.value)


def test_paragraph_and_corpus_views(bundled):
    para = themes.scores(bundled, unit="paragraph")
    assert para.groupby("theme")["hits"].sum().loc["탄소중립"] == themes.article_scores(bundled).set_index("theme").loc["탄소중립", "hits"]
    shares = themes.corpus_shares(bundled).set_index("theme")
    assert shares.loc["디지털 전환", "articles"] == 1
    co = themes.cooccurrence(bundled)
    assert co.loc["디지털 전환", "탄소중립"] == 1


def test_speakers_by_theme(bundled):
    table = themes.speakers_by_theme(bundled)
    carbon = table[table["theme"] == "탄소중립"]
    assert carbon["speaker"].tolist() == ["오세훈"]


def test_suggestions_are_not_applied(bundled):
    before = themes.load_themes()["탄소중립"].terms
    sugg = themes.suggest_terms(bundled, "탄소중립", min_count=1)
    assert len(sugg) and not set(sugg["term"]) & set(before)
    assert themes.load_themes()["탄소중립"].terms == before
