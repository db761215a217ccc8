"""Quote detection and attribution scores against the hand-labelled gold, per labelled set.

Usage::

    python -m analysis build ../shared/corpora/kowikinews.jsonl --out build/shared
    python benchmarks/eval_quotes.py build/shared

Prints precision / recall / F1 for the whole dev split and for each labelled set's test articles
(``tests/gold/GUIDELINES.md`` says which sets were looked at while tuning; set d is the one held
out until the rules were frozen). Quotes are re-extracted with the current rules from the built
sentences and tokens, so the figures follow ``analysis/quotes.py`` even on an older build.
"""

from __future__ import annotations

import sys

import pandas as pd

from analysis.build import read_tables
from analysis.evaluation import GOLD_DIR, load_gold, score_quotes
from analysis.quotes import extract_quotes


def groups() -> dict[str, list[str]]:
    """Article ids to score together: the dev split, then each set's test articles."""
    out: dict[str, list[str]] = {}
    for path in sorted(GOLD_DIR.glob("articles_shared_*.tsv")):
        table = pd.read_csv(path, sep="\t", dtype={"article_id": str, "split": str})
        label = path.stem.removeprefix("articles_shared_")
        out.setdefault("dev (all sets)", []).extend(table.loc[table["split"] == "dev", "article_id"])
        test = table.loc[table["split"] == "test", "article_id"].tolist()
        if test:
            out[f"test, set {label}"] = test
    return out


def main(out: str) -> int:
    corpus = read_tables(out)
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    gold, ids = load_gold(texts=texts)
    keep = set(ids)
    quotes = extract_quotes(corpus.articles[corpus.articles["article_id"].isin(keep)],
                            corpus.sentences[corpus.sentences["article_id"].isin(keep)],
                            corpus.tokens[corpus.tokens["article_id"].isin(keep)])
    print(f"{'set':18} {'articles':>8}  {'detection P / R / F1':>24}  {'attribution P / R / F1':>24}")
    for name, chosen in groups().items():
        scores = score_quotes(quotes[quotes["article_id"].isin(set(chosen))],
                              gold[gold["article_id"].isin(set(chosen))], chosen)
        figures = "  ".join(f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f} ({s.tp}/{s.n_pred}/{s.n_gold})"
                            for s in scores.values())
        print(f"{name:18} {len(chosen):8}  {figures}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(sys.argv[1]))
