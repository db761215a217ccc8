"""Quote detection and attribution scores against the hand-labelled gold, per labelled set.

Usage::

    python -m analysis build ../shared/corpora/kowikinews.jsonl --out build/shared
    python benchmarks/eval_quotes.py build/shared            # every set
    python benchmarks/eval_quotes.py build/shared --tuned    # only the sets tuned on (dev, tests a-g, invented)
    python benchmarks/eval_quotes.py build/shared --held-out # only the held-out sets (h, i, WIKITREE)

Prints precision / recall / F1 of detection, exact-speaker attribution and head-match attribution
(:mod:`analysis.evaluation`) for the whole dev split, each labelled set's test articles, the
held-out sets h and i, the invented regression articles, the held-out invented articles
(``tests/quotes/invented_heldout``) and the WIKITREE sentences (against
labelling A and B); then, for scale, the issue's baseline (every double-quoted span, the first word
of its sentence as the speaker) and the agreement of two people labelling the same articles.
Aggregates only: it never prints a quote, so the held-out sets' errors stay unread. Quotes are
re-extracted with the current rules from the built sentences and tokens, so the figures follow
``analysis/quotes`` even on an older build.
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from analysis.build import read_tables
from analysis.evaluation import (
    INVENTED_HELDOUT_DIR,
    WIKITREE_SENTENCES,
    annotator_agreement,
    baseline_quotes,
    corpus_of_texts,
    invented_scores,
    labelled_articles,
    read_texts,
    score_by_group,
    wikitree_scores,
)
from analysis.quotes import extract_quotes, rules_version


def _held_out(group: str) -> bool:
    return group.startswith(("held-out", "wikitree", "agreement wikitree", "agreement h", "agreement i"))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="a build folder of the shared Wikinews corpus")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--tuned", action="store_true", help="only the sets tuned on")
    which.add_argument("--held-out", action="store_true", help="only the held-out sets")
    args = parser.parse_args(argv)

    corpus = read_tables(args.out)
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    labelled = set(labelled_articles()["article_id"])
    quotes = extract_quotes(*(table[table["article_id"].isin(labelled)]
                              for table in (corpus.articles, corpus.sentences, corpus.tokens)))
    tables = {"rules (analysis.quotes)": [score_by_group(quotes, texts)],
              "baseline: every double-quoted span, first word of its sentence": [score_by_group(
                  baseline_quotes(corpus.sentences[corpus.sentences["article_id"].isin(labelled)]), texts)],
              "two annotators on the same articles": [annotator_agreement(texts)]}
    if not args.held_out:
        tables["rules (analysis.quotes)"].append(invented_scores())
    if not args.tuned and INVENTED_HELDOUT_DIR.exists():
        tables["rules (analysis.quotes)"].append(invented_scores(folder=INVENTED_HELDOUT_DIR, group="held-out invented 2"))
    if not args.tuned and WIKITREE_SENTENCES.exists():
        sentences = read_texts(WIKITREE_SENTENCES)
        built = corpus_of_texts(sentences)
        scores = wikitree_scores(built.quotes, texts=sentences)
        agreement = scores["group"].str.startswith("agreement")
        tables["rules (analysis.quotes)"].append(scores[~agreement])
        tables["baseline: every double-quoted span, first word of its sentence"].append(
            wikitree_scores(baseline_quotes(built.sentences), texts=sentences).loc[lambda d: ~d["group"].str.startswith("agreement")])
        tables["two annotators on the same articles"].append(scores[agreement])
    elif not args.tuned:
        print(f"# WIKITREE sentences skipped: {WIKITREE_SENTENCES} not found\n")
    print(f"# quote rules {rules_version()}\n")
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        for title, parts in tables.items():
            table = pd.concat(parts, ignore_index=True)
            keep = table["group"].map(_held_out)
            table = table[keep] if args.held_out else table[~keep] if args.tuned else table
            if len(table):
                print(f"# {title}\n{table.to_string(index=False)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
