"""Quote detection and attribution scores against the hand-labelled gold, per labelled set.

Usage::

    python -m analysis build ../shared/corpora/kowikinews.jsonl --out build/shared
    python benchmarks/eval_quotes.py build/shared

Prints precision / recall / F1 for the dev split, the a/b test third and the fresh held-out set c
(``tests/gold/GUIDELINES.md``). Quotes are re-extracted with the current rules from the built
sentences and tokens, so the figures follow ``analysis/quotes.py`` even on an older build.
"""

from __future__ import annotations

import sys

import pandas as pd

from analysis.build import read_tables
from analysis.evaluation import GOLD_DIR, load_gold, score_quotes
from analysis.quotes import extract_quotes


def main(out: str) -> int:
    corpus = read_tables(out)
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    fresh = set(pd.read_csv(GOLD_DIR / "articles_shared_c.tsv", sep="\t")["article_id"])
    for split in ("dev", "test"):
        gold, ids = load_gold(split=split, texts=texts)
        sets = {"dev": ids} if split == "dev" else {
            "test a/b": [i for i in ids if i not in fresh], "test c (fresh)": [i for i in ids if i in fresh]}
        for name, chosen in sets.items():
            keep = set(chosen)
            quotes = extract_quotes(corpus.articles[corpus.articles["article_id"].isin(keep)],
                                    corpus.sentences[corpus.sentences["article_id"].isin(keep)],
                                    corpus.tokens[corpus.tokens["article_id"].isin(keep)])
            scores = score_quotes(quotes, gold[gold["article_id"].isin(keep)], chosen)
            figures = "  ".join(f"{kind} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} ({s.tp}/{s.n_pred}/{s.n_gold})"
                                for kind, s in scores.items())
            print(f"{name:15} {len(chosen):3} articles  {figures}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(sys.argv[1]))
