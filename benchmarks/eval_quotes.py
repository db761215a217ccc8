"""Quote detection and attribution scores against the hand-labelled gold, per labelled set.

Usage::

    python -m analysis build ../shared/corpora/kowikinews.jsonl --out build/shared
    python benchmarks/eval_quotes.py build/shared

Prints precision / recall / F1 for the whole dev split, each labelled set's test articles and the
held-out set (:func:`analysis.evaluation.gold_groups`; ``tests/gold/GUIDELINES.md`` says which
sets were looked at while tuning); then, for scale, the issue's baseline (every double-quoted span,
the first word of its sentence as the speaker) and the agreement of two people labelling the same
articles. Quotes are re-extracted with the current rules from the built sentences and tokens, so
the figures follow ``analysis/quotes.py`` even on an older build.
"""

from __future__ import annotations

import sys

import pandas as pd

from analysis.build import read_tables
from analysis.evaluation import annotator_agreement, baseline_quotes, labelled_articles, score_by_group
from analysis.quotes import extract_quotes


def main(out: str) -> int:
    corpus = read_tables(out)
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    labelled = set(labelled_articles()["article_id"])
    quotes = extract_quotes(*(table[table["article_id"].isin(labelled)]
                              for table in (corpus.articles, corpus.sentences, corpus.tokens)))
    tables = {
        "rules (analysis.quotes)": score_by_group(quotes, texts),
        "baseline: every double-quoted span, first word of its sentence": score_by_group(
            baseline_quotes(corpus.sentences[corpus.sentences["article_id"].isin(labelled)]), texts),
        "two annotators on the same articles": annotator_agreement(texts),
    }
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        for title, table in tables.items():
            print(f"# {title}\n{table.to_string(index=False)}\n")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(sys.argv[1]))
