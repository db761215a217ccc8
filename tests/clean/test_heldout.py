"""The second held-out set (tests/fixtures/pages_heldout2): 34 pages composed by a helper who
never saw the cleaner, in layouts it was not tuned on, copied unread. Only its aggregate
scores were looked at, twice: at commit 52a51b1 before any change of the second round of
issue 16, and once at its end (commit 38b05cd: paragraph F1 0.931, title 0.941, date 0.882,
byline 0.941, captions 0.912; README "Page cleaning"). The floors sit one page under those
figures (1/34 = 0.029; F1 about one paragraph under), so a regression fails the build.

The first held-out set (pages_heldout) was read and tuned on in that round; test_page.py
asserts it field by field. The assertions here compare aggregates only: a failure names no
page, so the set stays unread.
"""

from __future__ import annotations

from analysis.clean.evaluate import clean_folder, score_folder, summarize

from ..conftest import FIXTURES

HELDOUT = FIXTURES / "pages_heldout2"
FLOORS = {
    "paragraph_f1": 0.92,
    "title": 0.91,
    "date": 0.85,
    "byline": 0.91,
    "captions": 0.88,
    "no_chrome_leak": 0.73,
}


def test_heldout_scores_stay_above_their_floors():
    summary = summarize(score_folder(HELDOUT, clean_folder(HELDOUT)))
    assert summary["pages"] == 34
    below = {k: round(summary[k], 3) for k, floor in FLOORS.items() if summary[k] < floor}
    assert not below, f"held-out aggregates under their floors: {below} (floors {FLOORS})"
