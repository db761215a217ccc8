"""The scorer of benchmarks/eval_clean.py: counts and rates it reports."""

from __future__ import annotations

import json

import pytest

from analysis.clean.evaluate import clean_folder, score_folder, score_page, summarize

from ..conftest import FIXTURES

WANT = {"title": "제목", "date": "2024-01-09", "byline": "김철수 기자", "captions": ["사진 설명"],
        "paragraphs": ["가.", "나.", "나."], "chrome_words": ["좋아요"], "layout": "test"}


@pytest.mark.parametrize(
    ("got", "counts", "flags"),
    [
        ({**WANT}, (3, 0, 0), (True, True, True, True, ())),
        ({**WANT, "paragraphs": ["가.", "나."]}, (2, 0, 1), (True, True, True, True, ())),
        ({**WANT, "paragraphs": ["가.", "나.", "나.", "좋아요 3"], "title": "다른 제목"}, (3, 1, 0),
         (False, True, True, True, ("좋아요",))),
        ({**WANT, "date": "", "byline": "", "captions": []}, (3, 0, 0), (True, False, False, False, ())),
    ],
)
def test_score_page(got, counts, flags):
    s = score_page(got, WANT, name="p")
    assert (s.true_pos, s.false_pos, s.false_neg) == counts
    assert (s.title_ok, s.date_ok, s.byline_ok, s.captions_ok, s.chrome_leaks) == flags


def test_summarize_pools_paragraphs():
    perfect = score_page(WANT, WANT, name="a")
    half = score_page({**WANT, "paragraphs": ["가.", "라.", "마."], "title": ""}, WANT, name="b")
    summary = summarize([perfect, half])
    assert summary["paragraph_precision"] == pytest.approx(4 / 6)
    assert summary["paragraph_recall"] == pytest.approx(4 / 6)
    assert summary["title"] == 0.5
    assert summary["body_exact"] == 0.5


def test_the_eight_composed_pages_score_perfectly():
    folder = FIXTURES / "pages"
    summary = summarize(score_folder(folder, clean_folder(folder)))
    assert summary["pages"] == 8
    assert summary["all_fields"] == 1.0


def test_missing_prediction_scores_as_empty(tmp_path):
    (tmp_path / "a.txt").write_text("본문이다.", encoding="utf-8")
    (tmp_path / "a.expected.json").write_text(json.dumps(WANT, ensure_ascii=False), encoding="utf-8")
    (s,) = score_folder(tmp_path, {})
    assert (s.true_pos, s.false_neg, s.title_ok) == (0, 3, False)


def test_folder_without_pages_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="nothing to score"):
        score_folder(tmp_path, {})
