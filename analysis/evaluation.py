"""Score quote detection and attribution against hand-labelled gold data.

Gold files (``tests/gold/``, rules in ``tests/gold/GUIDELINES.md``) hold offsets, a hash of the
quoted text and the speaker. Matching is one-to-one per article: a predicted quote matches a
gold quote when their spans overlap by at least half of their union (intersection over union
≥ 0.5), best overlaps first. Three scores:

- ``detection``: matched spans.
- ``attribution``: matched spans whose speaker is exactly the canonical one, spaces and a final
  ``측`` ignored (:func:`normalise_speaker`): ``오세훈`` = ``오 세훈``, ``선관위 측`` = ``선관위``.
- ``head match``: the lenient figure beside it (:func:`head_match`): matched spans whose two
  speakers are equal as above, or where the last word of one is a whole word of the other
  (``오세훈 서울시장`` ~ ``오세훈``, ``토레스 대령`` ~ ``라파엘 토레스``, ``관계자`` ~ ``서울시
  관계자``); a fragment (``세훈``), a short form (``국토부`` for ``국토교통부``) or any speaker
  against an empty one does not match.

Besides the Wikinews sets, two collections are scored the same way: the invented regression
articles (``tests/quotes/invented``, text in the repository) and the WIKITREE sentences
(``tests/gold/wikitree``, labels only; the text is read from ``../shared/corpora``).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pandas as pd

from .resources import PROJECT_ROOT
from .schema import QUOTE_BASES

GOLD_DIR: Final = PROJECT_ROOT / "tests" / "gold"
#: Second, independent labellings of some gold sets (same file layout), for annotator agreement.
SECOND_DIR: Final = GOLD_DIR / "second"
#: Invented articles labelled from their text (regression cases, tuned on; text in the repository).
INVENTED_DIR: Final = PROJECT_ROOT / "tests" / "quotes" / "invented"
#: A second collection of invented articles, held out: written and labelled by a helper who never saw
#: the extractor, scored once (``tests/quotes/invented_heldout/README.md``).
INVENTED_HELDOUT_DIR: Final = PROJECT_ROOT / "tests" / "quotes" / "invented_heldout"
#: Two independent labellings of the WIKITREE sentences (labels only).
WIKITREE_DIR: Final = GOLD_DIR / "wikitree"
SHARED_CORPORA: Final = PROJECT_ROOT.parent / "shared" / "corpora"
#: The WIKITREE sentences (CC BY-SA 4.0): read from ../shared, never copied into the repository.
WIKITREE_SENTENCES: Final = SHARED_CORPORA / "ko_news_sentences.jsonl"
MIN_IOU: Final = 0.5
#: The kinds of score :func:`score_quotes` returns.
SCORE_KINDS: Final = ("detection", "attribution", "head match")


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall and F1 with the counts behind them."""

    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "n_pred": self.n_pred, "n_gold": self.n_gold}


def labelled_articles(*, gold_dir: Path = GOLD_DIR) -> pd.DataFrame:
    """Every labelled Wikinews article: ``article_id``, ``split``, ``n_quotes`` and the labelled
    ``set`` it belongs to (``a`` for ``articles_shared_a.tsv`` …), in file order."""
    return pd.concat(
        [pd.read_csv(p, sep="\t", dtype={"article_id": str, "split": str}).assign(set=p.stem.removeprefix("articles_shared_"))
         for p in sorted(gold_dir.glob("articles_shared_*.tsv"))],
        ignore_index=True,
    )


def load_gold(
    *, split: str | None = None, gold_dir: Path = GOLD_DIR, texts: dict[str, str] | None = None
) -> tuple[pd.DataFrame, list[str]]:
    """The labelled Wikinews quotes and the ids of every labelled article.

    Args:
        split: ``"dev"``, ``"test"``, ``"held-out"`` or ``None`` for all.
        gold_dir: folder of the gold files.
        texts: article texts by id; when given, each label's hash is checked against its span.

    Raises:
        ValueError: a label's hash does not match the text (the corpus or the labels drifted).
    """
    articles = labelled_articles(gold_dir=gold_dir)
    if split is not None:
        articles = articles[articles["split"] == split]
    ids = articles["article_id"].tolist()
    rows = [json.loads(line) for p in sorted(gold_dir.glob("quotes_shared_*.jsonl"))
            for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = pd.DataFrame(rows, columns=["article_id", "start", "end", "sha1", "speaker", "note"])
    gold = gold[gold["article_id"].isin(set(ids))].reset_index(drop=True)
    if texts is not None:
        _check_hashes(gold, texts)
    return gold, ids


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


#: ``측`` ("the side of") after a name is not part of it (선관위 측 → 선관위; GUIDELINES.md). Labels
#: made before that rule was written down keep it or not, so it is dropped on both sides here.
_SIDE: Final = re.compile(r"\s*측$")


def normalise_speaker(name: str) -> str:
    """A speaker's name as compared: without spaces or a final ``측``."""
    return "".join(_SIDE.sub("", str(name).strip()).split())


def head_match(predicted: str, gold: str) -> bool:
    """The lenient speaker match: equal under :func:`normalise_speaker`, or the last word of one
    is a whole word of the other (``오세훈 서울시장`` ~ ``오세훈``; ``세훈`` ≁ ``오세훈``)."""
    a, b = normalise_speaker(predicted), normalise_speaker(gold)
    if a == b:
        return True
    wa, wb = _SIDE.sub("", str(predicted).strip()).split(), _SIDE.sub("", str(gold).strip()).split()
    return bool(wa and wb) and (wa[-1] in wb or wb[-1] in wa)


def match(pred: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int]]:
    """One-to-one (pred row, gold row) pairs with IoU ≥ :data:`MIN_IOU`, best first, per article."""
    pairs: list[tuple[float, int, int]] = []
    gold_by_article = {k: g for k, g in gold.groupby("article_id")}
    for article_id, p in pred.groupby("article_id"):
        g = gold_by_article.get(article_id)
        if g is None:
            continue
        for i, ps, pe in zip(p.index, p["start"], p["end"], strict=True):
            for j, gs, ge in zip(g.index, g["start"], g["end"], strict=True):
                iou = _iou((int(ps), int(pe)), (int(gs), int(ge)))
                if iou >= MIN_IOU:
                    pairs.append((iou, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def _matched(pred: pd.DataFrame, gold: pd.DataFrame, article_ids: Iterable[str]
             ) -> tuple[pd.DataFrame, pd.DataFrame, list[int], list[int], pd.Series]:
    """``pred`` and ``gold`` on ``article_ids`` (index reset), the rows of their matched pairs
    (:func:`match`), and whether each pair names the same speaker."""
    ids = set(article_ids)
    pred = pred[pred["article_id"].isin(ids)].reset_index(drop=True)
    gold = gold[gold["article_id"].isin(ids)].reset_index(drop=True)
    pairs = match(pred, gold)
    pi, gi = [i for i, _ in pairs], [j for _, j in pairs]
    predicted = pred["speaker"].map(normalise_speaker).to_numpy()[pi]
    same = pd.Series(predicted == gold["speaker"].map(normalise_speaker).to_numpy()[gi], dtype=bool)
    return pred, gold, pi, gi, same


def score_quotes(pred: pd.DataFrame, gold: pd.DataFrame, article_ids: Iterable[str]) -> dict[str, Score]:
    """Detection, exact attribution and head-match attribution scores (:data:`SCORE_KINDS`) of
    ``pred`` on the labelled ``article_ids``."""
    pred, gold, pi, gi, same = _matched(pred, gold, article_ids)
    heads = sum(head_match(a, b) for a, b in zip(pred["speaker"].iloc[pi], gold["speaker"].iloc[gi], strict=True))
    return {
        "detection": Score(len(pi), len(pred), len(gold)),
        "attribution": Score(int(same.sum()), len(pred), len(gold)),
        "head match": Score(heads, len(pred), len(gold)),
    }


def errors(pred: pd.DataFrame, gold: pd.DataFrame, article_ids: Sequence[str]) -> pd.DataFrame:
    """Every disagreement (missed, spurious, wrong speaker) for reading, sorted by article and offset."""
    pred, gold, pi, gi, same = _matched(pred, gold, article_ids)
    wrong = ~same.to_numpy()
    columns = ["kind", "article_id", "start", "predicted", "gold"]
    found = pred.iloc[pi].reset_index(drop=True)
    parts = [
        pd.DataFrame({"kind": "wrong speaker", "article_id": found["article_id"], "start": found["start"],
                      "predicted": found["speaker"], "gold": gold["speaker"].iloc[gi].to_numpy()})[wrong],
        pred.drop(index=pi).assign(kind="spurious", predicted=lambda d: d["speaker"], gold=""),
        gold.drop(index=gi).assign(kind="missed", predicted="", gold=lambda d: d["speaker"]),
    ]
    out = pd.concat([part[columns] for part in parts], ignore_index=True).astype({"start": int})
    return out.sort_values(["article_id", "start", "kind"], kind="stable").reset_index(drop=True)


def gold_groups(*, gold_dir: Path = GOLD_DIR) -> dict[str, list[str]]:
    """Labelled article ids to report together.

    Args:
        gold_dir: folder of the gold files.

    Returns:
        ``{"dev": every dev article, "held-out h": set h, "test a": set a's test articles, …}``;
        ``tests/gold/GUIDELINES.md`` says which sets were looked at while tuning. A ``held-out``
        set hashes to the dev two thirds but was kept out of tuning and scored with frozen rules.
    """
    articles = labelled_articles(gold_dir=gold_dir)
    kept = articles[articles["split"] != "dev"]
    return {"dev": articles.loc[articles["split"] == "dev", "article_id"].tolist(),
            **{f"{split} {name}": ids.tolist()
               for (split, name), ids in kept.groupby(["split", "set"], sort=True)["article_id"]}}


def score_by_group(pred: pd.DataFrame, texts: dict[str, str], *, gold_dir: Path = GOLD_DIR) -> pd.DataFrame:
    """Detection and attribution scores of ``pred`` per :func:`gold_groups` group.

    Args:
        pred: predicted quotes (``article_id``, ``start``, ``end``, ``speaker``).
        texts: article texts by id, to check every label's hash against its span.
        gold_dir: folder of the gold files.

    Returns:
        One row per (group, kind) with precision, recall, F1 and the counts behind them.

    Example:
        >>> score_by_group(corpus.quotes, texts)  # doctest: +SKIP
    """
    gold, _ = load_gold(gold_dir=gold_dir, texts=texts)
    return _score_rows(pred, gold, gold_groups(gold_dir=gold_dir))


def _score_rows(pred: pd.DataFrame, gold: pd.DataFrame, groups: dict[str, list[str]]) -> pd.DataFrame:
    """One row per (group, kind) of :func:`score_quotes` on each group's articles."""
    return pd.DataFrame([{"group": name, "kind": kind, "articles": len(ids), **score.as_dict()}
                         for name, ids in groups.items() for kind, score in score_quotes(pred, gold, ids).items()])


def attribution_by_basis(pred: pd.DataFrame, texts: dict[str, str] | None = None, *,
                         gold_dir: Path = GOLD_DIR) -> pd.DataFrame:
    """How often the speaker is right, by where it was found (``basis``), per :func:`gold_groups` group.

    Only predicted quotes that match a gold quote count, so the figure is the attribution precision
    of each basis given a correctly found quote: a reader can keep the attributions whose basis is
    reliable (a subject in the quote's own sentence) and check the rest.

    Args:
        pred: predicted quotes with ``basis`` (``article_id``, ``start``, ``end``, ``speaker``).
        texts: article texts by id; when given, every label's hash is checked against its span.
        gold_dir: folder of the gold files.

    Returns:
        One row per (group, basis) with ``quotes`` (matched), ``correct`` and ``precision``,
        bases in :data:`analysis.schema.QUOTE_BASES` order.
    """
    gold, _ = load_gold(gold_dir=gold_dir, texts=texts)
    parts = []
    for name, ids in gold_groups(gold_dir=gold_dir).items():
        p, _, pi, _, same = _matched(pred, gold, ids)
        by_basis = same.groupby(p["basis"].iloc[pi].astype(str).to_numpy()).agg(["size", "sum"])
        by_basis = by_basis.reindex([b for b in QUOTE_BASES if b in by_basis.index])
        parts.append(pd.DataFrame({"group": name, "basis": [b or "(none)" for b in by_basis.index],
                                   "quotes": by_basis["size"].to_numpy(), "correct": by_basis["sum"].astype(int).to_numpy(),
                                   "precision": (by_basis["sum"] / by_basis["size"]).round(4).to_numpy()}))
    return pd.concat(parts, ignore_index=True)


def annotator_agreement(texts: dict[str, str] | None = None, *, gold_dir: Path = GOLD_DIR,
                        second_dir: Path = SECOND_DIR) -> pd.DataFrame:
    """How far two people labelling the same articles independently agree: the second labelling
    of each set in ``second_dir`` scored against the gold as if it were predictions.

    Args:
        texts: article texts by id; when given, every label's hash is checked against its span.
        gold_dir: folder of the gold files.
        second_dir: folder of the second labellings.

    Returns:
        One row per (set, kind), shaped like :func:`score_by_group` (group ``"agreement d"`` …).
    """
    gold, _ = load_gold(gold_dir=gold_dir, texts=texts)
    second, _ = load_gold(gold_dir=second_dir, texts=texts)
    sets = labelled_articles(gold_dir=second_dir).groupby("set", sort=True)["article_id"]
    return _score_rows(second, gold, {f"agreement {name}": ids.tolist() for name, ids in sets})


#: A double-quoted span for :func:`baseline_quotes`: any opening mark to the next closing one.
_ANY_QUOTE: Final = re.compile(r'["“]([^"“”\n]+)["”]')
_PARTICLE: Final = re.compile(r"(?<=.)(?:께서는|께서|은|는|이|가|도)$")


def baseline_quotes(sentences: pd.DataFrame) -> pd.DataFrame:
    """The issue's reference point: every double-quoted span inside a sentence is a quote, and the
    first word of its sentence, without a final subject particle, is the speaker (``오세훈 시장은
    "…"`` → ``오세훈``). Scores on this show what the rules add.

    Args:
        sentences: the ``sentences`` table (``article_id``, ``start``, ``text``).

    Returns:
        ``article_id``, ``start``, ``end``, ``speaker``, one row per span, offsets into the article.
    """
    found = sentences["text"].str.split(n=1).str[0].fillna("").str.replace(_PARTICLE, "", regex=True)
    rows = [(a, lo + m.start(1), lo + m.end(1), first)
            for a, lo, text, first in zip(sentences["article_id"], sentences["start"], sentences["text"], found,
                                          strict=True)
            for m in _ANY_QUOTE.finditer(text)]
    return pd.DataFrame(rows, columns=["article_id", "start", "end", "speaker"])


def load_labels(quotes: Path, articles: Path, *, texts: dict[str, str] | None = None) -> tuple[pd.DataFrame, list[str]]:
    """One labelled collection outside ``tests/gold``'s sets: its quotes and every labelled id.

    Args:
        quotes: a label file (``article_id, start, end, sha1, speaker, note`` per line).
        articles: the TSV listing every labelled article (``article_id``, ``n_quotes`` …).
        texts: article texts by id; when given, each label's hash is checked against its span.

    Raises:
        ValueError: a label's hash does not match the text (the corpus or the labels drifted).
    """
    ids = pd.read_csv(articles, sep="\t", dtype={"article_id": str})["article_id"].tolist()
    rows = [json.loads(line) for line in quotes.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = pd.DataFrame(rows, columns=["article_id", "start", "end", "sha1", "speaker", "note"])
    if texts is not None:
        _check_hashes(gold, texts)
    return gold, ids


def _check_hashes(gold: pd.DataFrame, texts: dict[str, str]) -> None:
    hashes = [hashlib.sha1(texts[a][s:e].encode("utf-8")).hexdigest()[:12]
              for a, s, e in zip(gold["article_id"], gold["start"], gold["end"], strict=True)]
    drifted = gold[gold["sha1"] != pd.Series(hashes, index=gold.index, dtype=object)]
    if len(drifted):
        a, s, e = drifted.iloc[0][["article_id", "start", "end"]]
        raise ValueError(f"gold label {a}:{s}-{e} no longer matches the text")


def read_texts(path: Path, *, id_field: str = "id") -> dict[str, str]:
    """``{id: text}`` of a JSONL file of records (``article_id`` or ``id_field``, and ``text``).

    Raises:
        FileNotFoundError: the file is absent, with what to do next.
    """
    if not path.exists():
        raise FileNotFoundError(f"{path}: not found (the WIKITREE sentences live in ../shared/corpora; "
                                "run where ../shared is present)")
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            out[str(record.get("article_id", record.get(id_field)))] = record["text"]
    return out


def corpus_of_texts(texts: dict[str, str]):
    """Articles, sentences, tokens and quotes of ``{id: text}`` built in memory (one Kiwi call),
    as an :class:`analysis.build.Corpus`."""
    from .build import Corpus
    from .corpus import articles_frame
    from .quotes import extract_quotes
    from .schema import Record, empty_frame
    from .tokenize import tokenize_texts

    records = [Record(source_path="memory", record="", article_id=k, text=v) for k, v in texts.items()]
    articles = articles_frame(records)
    sentences, tokens = tokenize_texts(articles["text"].tolist(), articles["article_id"].tolist())
    return Corpus(articles=articles, sentences=sentences, tokens=tokens, rejects=empty_frame("rejects"),
                  quotes=extract_quotes(articles, sentences, tokens), n_read=len(records))


def invented_scores(pred: pd.DataFrame | None = None, *, folder: Path = INVENTED_DIR, group: str = "invented"
                    ) -> pd.DataFrame:
    """Scores on a collection of invented articles: by default the regression articles
    (``tests/quotes/invented``; tuned on); ``folder=INVENTED_HELDOUT_DIR, group="held-out invented 2"``
    for the held-out ones.

    Args:
        pred: predicted quotes; by default the articles are built and extracted in memory.
        folder: the collection (``articles.jsonl``, ``labels.jsonl``, ``articles.tsv``).
        group: its name in the scores.

    Returns:
        One row per kind, shaped like :func:`score_by_group`.
    """
    texts = read_texts(folder / "articles.jsonl")
    gold, ids = load_labels(folder / "labels.jsonl", folder / "articles.tsv", texts=texts)
    pred = corpus_of_texts(texts).quotes if pred is None else pred
    return _score_rows(pred, gold, {group: ids})


def wikitree_scores(pred: pd.DataFrame | None = None, *, texts: dict[str, str] | None = None) -> pd.DataFrame:
    """Scores on the WIKITREE sentences against labelling A and B, and B against A (the agreement
    of two people), in that order.

    Args:
        pred: predicted quotes; by default the sentences are built and extracted in memory.
        texts: the sentences by id; by default read from :data:`WIKITREE_SENTENCES`.

    Raises:
        FileNotFoundError: ../shared is absent.
    """
    texts = read_texts(WIKITREE_SENTENCES) if texts is None else texts
    a, ids = load_labels(WIKITREE_DIR / "quotes_a.jsonl", WIKITREE_DIR / "articles_a.tsv", texts=texts)
    b, _ = load_labels(WIKITREE_DIR / "quotes_b.jsonl", WIKITREE_DIR / "articles_b.tsv", texts=texts)
    pred = corpus_of_texts(texts).quotes if pred is None else pred
    return pd.concat([_score_rows(pred, a, {"wikitree vs A": ids}), _score_rows(pred, b, {"wikitree vs B": ids}),
                      _score_rows(b, a, {"agreement wikitree B vs A": ids})], ignore_index=True)


#: The held-out sets' scores with the v2 rules frozen, before any tuning on them (tests/gold/frozen_scores.tsv).
FROZEN_SCORES: Final = GOLD_DIR / "frozen_scores.tsv"


def held_out_summary(pred: pd.DataFrame, texts: dict[str, str], *, sentences: pd.DataFrame,
                     wikitree: bool = True) -> pd.DataFrame:
    """The held-out figures side by side: the rules now, the rules as frozen before any tuning on
    these sets, the baseline, and two annotators' agreement.

    Args:
        pred: predicted quotes of the Wikinews corpus (``corpus.quotes``).
        texts: the Wikinews article texts by id (every label's hash is checked).
        sentences: the Wikinews ``sentences`` table, for the baseline.
        wikitree: also score the WIKITREE sentences (built in memory; skipped when ../shared is absent).

    Returns:
        One row per (set, kind) with the F1 of each: ``rules``, ``frozen``, ``baseline``,
        ``annotators`` (NaN where a set has no second labelling).

    Example:
        >>> held_out_summary(corpus.quotes, texts, sentences=corpus.sentences)  # doctest: +SKIP
    """
    groups = {k: v for k, v in gold_groups().items() if k.startswith("held-out")}
    gold, _ = load_gold(texts=texts)
    columns = {"rules": _score_rows(pred, gold, groups), "baseline": _score_rows(baseline_quotes(sentences), gold, groups),
               "annotators": annotator_agreement(texts).assign(group=lambda d: d["group"].str.replace("agreement", "held-out"))}
    if wikitree and WIKITREE_SENTENCES.exists():
        sentences_wt = read_texts(WIKITREE_SENTENCES)
        built = corpus_of_texts(sentences_wt)
        scores = wikitree_scores(built.quotes, texts=sentences_wt)
        agreement = scores["group"].str.startswith("agreement")
        columns["rules"] = pd.concat([columns["rules"], scores[scores["group"] == "wikitree vs A"]])
        base = wikitree_scores(baseline_quotes(built.sentences), texts=sentences_wt)
        columns["baseline"] = pd.concat([columns["baseline"], base[base["group"] == "wikitree vs A"]])
        columns["annotators"] = pd.concat([columns["annotators"], scores[agreement].assign(group="wikitree vs A")])
    columns["frozen"] = pd.read_csv(FROZEN_SCORES, sep="\t", comment="#")
    out = columns["rules"][["group", "kind"]].reset_index(drop=True)
    for name in ("rules", "frozen", "baseline", "annotators"):
        f1 = columns[name].set_index(["group", "kind"])["f1"]
        out[name] = [f1.get((g, k), float("nan")) for g, k in zip(out["group"], out["kind"], strict=True)]
    return out.rename(columns={"group": "set"})
