"""How far choosing among the rules' candidate speakers can go, per gold group.

Usage::

    python -m analysis build ../shared/corpora/kowikinews.jsonl --out build/shared
    python benchmarks/speaker_ceiling.py build/shared

For every quote the rules find that matches a gold quote, the candidate speakers are the rules'
choice, the previous quote's speaker, the subjects of the quote's sentence, of the three sentences
before it and of the one after, and the phrases the clause stage reads besides subjects (the noun
the reporting verb modifies, the quote's possessor, a cited or relayed author), each named through
the article's cast the way the rules name speakers. Each candidate gets
features (how it is marked, where it stands, how often the article names it). Printed per split
(dev, test, held-out), for the quotes found that match a label:

- ``rules``: quotes whose speaker the rules get right;
- ``best candidate``: quotes with the gold speaker among the candidates, the most any choice
  among them can get right;
- ``ranker``: an L2 logistic regression over the features (without the rules' choice), trained
  on the dev and test groups: 5-fold cross-validation by article for those, and trained on all of
  them for the held-out split;
- the attribution F1 if the best candidate were always chosen.
"""

from __future__ import annotations

import math
import sys
from collections import Counter

import numpy as np
import pandas as pd

from analysis import quotes as Q
from analysis.build import Corpus, read_tables
from analysis.evaluation import gold_groups, load_gold, match, normalise_speaker
from analysis.quotes.clause import (
    adnominal_reporter,
    cited_source,
    clause_break,
    elsewhere,
    possessor,
    relayed_author,
    reports,
)
from analysis.quotes.speech import clause_end

SENTENCES = (0, -1, -2, -3, 1)  # the quote's sentence, three before, one after
ID_COLUMNS = ["article_id", "qid", "cand", "label", "rule"]


def _add(cands: dict[str, dict], name: str, **features: float) -> None:
    """Add a candidate (one per normalised name), keeping the strongest value of each feature."""
    c = cands.setdefault(normalise_speaker(name), {"cand": name})
    for k, v in features.items():
        c[k] = max(c.get(k, 0.0), v)


def candidates(text: str, toks: Q.ArticleTokens, rows: list[dict], lex: Q.Lexicon) -> list[dict]:
    """One dict per (quote, candidate speaker) of one article, with features."""
    art = Q.ArticleContext(text, toks, lex)
    spans, cast = art.spans, art.cast
    by_start = {s.start: s for s in spans}
    mentions = Counter(normalise_speaker(cast.canonical(m, lex)) for m in art.phrases)
    subjects_of = art.subjects

    out, previous = [], ""
    for number, row in enumerate(rows):
        span = by_start[row["start"]]
        si, open_at = toks.sentence_of(span.anchor), span.opening
        cands: dict[str, dict] = {}
        _add(cands, str(row["speaker"]), rule=1)
        if previous:
            _add(cands, previous, prev=1)
        for d in SENTENCES:
            j = si + d
            if not 0 <= j < len(toks.sent_start):
                continue
            for m in subjects_of(j):
                name = cast.canonical(m, lex)
                if not name:
                    continue
                f = {f"rank{cast.rank(m, lex)}": 1, f"marker{m.marker}": 1, "mentions": math.log1p(mentions[normalise_speaker(name)])}
                if d == 0:
                    before = m.end <= open_at
                    f["same_before" if before else "same_after"] = 1
                    f["elsewhere"] = int(elsewhere(m, span, toks, lex))
                    f["broken"] = int(before and clause_break(toks, m.end, open_at))
                    f["near"] = 1 / (1 + max(open_at - m.end if before else m.start - open_at, 0) / 20)
                else:
                    f[f"sentence{d:+d}"] = 1
                    f["reports"] = int(reports(toks, *art.sentence_bounds(j), lex))
                _add(cands, name, **f)
        # the phrases the clause stage reads besides subjects: the reporting verb's head, the quote's
        # possessor, a cited or relayed author
        hi, lo = clause_end(text, toks, span), art.sentence_bounds(si)[0]
        for kind, m in (("reporter", adnominal_reporter(text, toks, span, hi, lex)),
                        ("possessor", possessor(text, toks, open_at, art.sentence_bounds(toks.sentence_of(open_at))[0], lex)),
                        ("cited", cited_source(text, toks, lo, open_at, spans, lex)),
                        ("relayed", relayed_author(text, toks, span, hi, lex))):
            name = cast.canonical(m, lex) if m is not None else ""
            if name:
                _add(cands, name, **{f"via_{kind}": 1, f"rank{cast.rank(m, lex)}": 1})
        shared = {"standalone": int(row["cue"] == "(standalone)"), "own_subject": int(bool(subjects_of(si)))}
        out += [{"quote_id": number, **c, **shared} for c in cands.values()]
        previous = str(row["speaker"])
    return out


def fit(x: np.ndarray, y: np.ndarray, *, l2: float = 1.0, steps: int = 30) -> np.ndarray:
    """L2 logistic regression by Newton's method (the last column is the unpenalised bias)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], 2 * l2)
    penalty[-1] = 0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return w


def picks(train: pd.DataFrame, test: pd.DataFrame, features: list[str]) -> int:
    """Quotes of ``test`` whose top-scored candidate is right, trained on ``train``."""
    design = lambda d: np.c_[d[features].to_numpy(float), np.ones(len(d))]  # noqa: E731
    w = fit(design(train), train["label"].to_numpy(float))
    scored = test.assign(score=design(test) @ w + 1e-6 * test["rule"])  # ties go to the rules
    return int(scored.sort_values(["qid", "score"], ascending=[True, False], kind="stable")
               .groupby("qid").head(1)["label"].sum())


def ceiling(corpus: Corpus) -> pd.DataFrame:
    """Per split of the labelled articles: quotes predicted, labelled and matched, and how many
    matched quotes get the right speaker from the rules, the best candidate and the ranker."""
    # per gold group (dev, test, held-out h, held-out i …): a held-out set is reported on its own
    split_of = {a: ("test" if name.startswith("test") else name) for name, ids in gold_groups().items() for a in ids}
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    gold, ids = load_gold(texts=texts)
    tables = (t[t["article_id"].isin(ids)] for t in (corpus.articles, corpus.sentences, corpus.tokens))
    lex = Q.lexicon()
    rows, quotes = [], []
    for article_id, text, toks in Q.quoted_articles(*tables):
        found = Q.quotes_in_article(text, toks, lex=lex)
        quotes += [{**r, "article_id": article_id, "quote_id": n} for n, r in enumerate(found)]
        rows += [{**c, "article_id": article_id} for c in candidates(text, toks, found, lex)]
    quotes = pd.DataFrame(quotes)
    cands = pd.DataFrame(rows).fillna(0.0)
    pairs = pd.DataFrame(match(quotes, gold), columns=["q", "g"])
    keys = quotes.loc[pairs["q"], ["article_id", "quote_id"]].assign(
        gold=gold.loc[pairs["g"], "speaker"].map(normalise_speaker).to_numpy(), qid=pairs["q"].to_numpy())
    cands = cands.merge(keys, on=["article_id", "quote_id"])  # matched quotes only
    cands["label"] = (cands["cand"].map(normalise_speaker) == cands["gold"]).astype(int)
    cands["split"] = cands["article_id"].map(split_of)
    features = sorted(c for c in cands.columns if c not in {*ID_COLUMNS, "quote_id", "gold", "split"})

    seen = cands[~cands["split"].str.startswith("held-out")].copy()
    articles = np.array(sorted(seen["article_id"].unique()))
    np.random.default_rng(0).shuffle(articles)
    seen["fold"] = seen["article_id"].map({a: i % 5 for i, a in enumerate(articles)})
    ranked = {split: sum(picks(seen[seen["fold"] != k], part[part["fold"] == k], features) for k in range(5))
              for split, part in seen.groupby("split")}
    for name, held in cands[cands["split"].str.startswith("held-out")].groupby("split"):
        ranked[name] = picks(seen, held, features)
    by_split = cands.groupby("split")
    return pd.DataFrame({
        "predicted": quotes["article_id"].map(split_of).value_counts(),
        "labelled": gold["article_id"].map(split_of).value_counts(),
        "matched": by_split["qid"].nunique(),
        "candidates per quote": (by_split.size() / by_split["qid"].nunique()).round(1),
        "rules": cands[cands["rule"] == 1].groupby("split")["label"].sum(),
        "best candidate": cands.groupby(["split", "qid"])["label"].max().groupby("split").sum(),
        "ranker": pd.Series(ranked),
    }).rename_axis("split")


def main(out: str) -> int:
    summary = ceiling(read_tables(out))
    summary["F1 with the best candidate"] = (2 * summary["best candidate"] / (summary["predicted"] + summary["labelled"])).round(3)
    print(summary.to_string())
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(sys.argv[1]))
