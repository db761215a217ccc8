"""The held-out sets' aggregate scores stay above their floors, so a regression fails the build.

- ``pages_heldout4``: 33 pages in 16 layouts composed by a helper who never saw the cleaner, labelled
  to the project's conventions from the start, copied unread and scored once at the end of the third
  round (commit 4e2239f; README "Page cleaning"): paragraph F1 0.960, title 0.879, date 0.970,
  byline 0.788, captions 0.848. Its errors have not been read: the one unseen set left.
- ``pages_heldout3``: 36 pages in 16 layouts composed by a helper who never saw the cleaner, copied
  unread and scored once before any change made for them (commit 544cbdb; README "Page cleaning"):
  paragraph F1 0.951, title 0.972, date 1.000, byline 0.889, captions 0.833 (bylines and captions
  relabelled to the project's conventions first: the set's README says how and how many). It was
  read and tuned on after that score (F1 0.996, title 1.000, date 1.000 at the round's end).
- ``pages_heldout2``: 34 pages, held out in the second round of issue 16 and read and tuned on in the
  third (commit ec3ea8e: F1 0.992, title 0.971, date 1.000, byline 1.000, captions 1.000).

The floors sit one page under those figures (1/36 = 0.028; F1 about one paragraph under). The
assertions compare aggregates only: a failure names no page. The first held-out set
(pages_heldout) is asserted field by field in test_page.py.
"""

from __future__ import annotations

import pytest

from analysis.clean.evaluate import clean_folder, score_folder, summarize

from ..conftest import FIXTURES

FLOORS = {
    "pages_heldout4": (33, {"paragraph_f1": 0.95, "title": 0.84, "date": 0.93, "byline": 0.75, "captions": 0.81,
                            "no_chrome_leak": 0.75}),
    "pages_heldout3": (36, {"paragraph_f1": 0.94, "title": 0.94, "date": 0.97, "byline": 0.86, "captions": 0.80,
                            "no_chrome_leak": 0.77}),
    "pages_heldout2": (34, {"paragraph_f1": 0.98, "title": 0.94, "date": 0.97, "byline": 0.97, "captions": 0.97,
                            "no_chrome_leak": 0.94}),
}


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_heldout_scores_stay_above_their_floors(folder):
    pages, floors = FLOORS[folder]
    summary = summarize(score_folder(FIXTURES / folder, clean_folder(FIXTURES / folder)))
    assert summary["pages"] == pages
    below = {k: round(summary[k], 3) for k, floor in floors.items() if summary[k] < floor}
    assert not below, f"{folder}: aggregates under their floors: {below} (floors {floors})"
