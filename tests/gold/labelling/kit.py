"""Hand fresh articles to labellers, and add their labels to the gold as a new set.

Usage::

    # 1. every article of CORPUS with a quote mark (QUOTE_MARK) that no gold set holds, cleaned as the
    #    corpus loader cleans it (labels index ``articles.text``), split into PARTS files:
    python tests/gold/labelling/kit.py prepare CORPUS [CORPUS ...] --out DIR [--parts 2] [--limit N]
    # 2. give each labeller DIR/PROMPT_partK.md (a helper session, or a person); they see only DIR.
    # 3. check every part and write tests/gold/quotes_shared_SET.jsonl and articles_shared_SET.tsv:
    python tests/gold/labelling/kit.py merge DIR --set i --split held-out
    # a set relabelled under revised rules (DIR holds set_S.jsonl, labels_v2_S.jsonl, articles_v2_S.tsv
    # and changes_S.tsv): check it and replace set S's labels, keeping its articles and split
    python tests/gold/labelling/kit.py revise DIR --set a [--into tests/gold/second]

``prepare`` copies the labelling rules (the part of ``tests/gold/GUIDELINES.md`` from "One JSON
object per line" on), ``check_labels.py`` and a filled-in prompt into DIR, so the labellers need
nothing else. ``merge`` refuses a part that ``check_labels.py`` rejects, a set name already in use
and an article another set holds. Then add the set to ``GUIDELINES.md`` (who labelled it, when,
from what) and score it once, with the rules frozen, before reading any of its errors.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent
sys.path.insert(0, str(HERE))

from check_labels import check  # noqa: E402

#: A double quote mark, or a single-quoted span followed by a quotative or topic particle (reported
#: speech in single quotes, or a term the labeller has to rule out).
QUOTE_MARK = re.compile("[\"“”]|['‘’][^'‘’\n]{1,300}['‘’]\\s?(?:이?라?고|이?라?며|이?라?면서|이?라?는)")
RULES_FROM = "One JSON object per line:"


def prepare(corpora: list[Path], out: Path, *, parts: int = 2, limit: int | None = None) -> list[Path]:
    """Write the unlabelled articles with quote marks of ``corpora`` to ``out``, ``parts`` files."""
    from analysis.corpus import load
    from analysis.evaluation import labelled_articles

    done = set(labelled_articles(gold_dir=GOLD)["article_id"])
    result = load(corpora)
    fresh = [r for r in result.records if r.article_id not in done and QUOTE_MARK.search(r.text)]
    print(f"{result.n_read} records read ({len(result.rejects)} rejected), {len(done)} already labelled, "
          f"{len(fresh)} unlabelled with a quote mark", file=sys.stderr)
    fresh = fresh[:limit]
    if not fresh:
        raise SystemExit("nothing to label: every article with a quote mark is in a gold set already")
    out.mkdir(parents=True, exist_ok=True)
    guidelines = (GOLD / "GUIDELINES.md").read_text(encoding="utf-8")
    (out / "GUIDELINES.md").write_text("# Labelling rules\n\n" + guidelines[guidelines.index(RULES_FROM):], encoding="utf-8")
    shutil.copy(HERE / "check_labels.py", out / "check_labels.py")
    prompt = (HERE / "PROMPT.md").read_text(encoding="utf-8")
    size = -(-len(fresh) // parts)
    written = []
    for k in range(parts):
        chunk = fresh[k * size:(k + 1) * size]
        if not chunk:
            break
        part = out / f"part{k + 1}.jsonl"
        part.write_text("".join(json.dumps({"article_id": r.article_id, "title": r.title, "date": r.date, "url": r.url,
                                            "text": r.text}, ensure_ascii=False) + "\n" for r in chunk), encoding="utf-8")
        (out / f"PROMPT_{part.stem}.md").write_text(prompt.replace("FOLDER", str(out.resolve())).replace("PART", part.stem),
                                                    encoding="utf-8")
        written.append(part)
        print(f"{part}: {len(chunk)} articles", file=sys.stderr)
    return written


def merge(folder: Path, *, name: str, split: str, gold_dir: Path = GOLD) -> tuple[Path, Path]:
    """Check every labelled part in ``folder`` and write them to ``gold_dir`` as set ``name``."""
    from analysis.evaluation import labelled_articles

    quotes, table = gold_dir / f"quotes_shared_{name}.jsonl", gold_dir / f"articles_shared_{name}.tsv"
    if quotes.exists() or table.exists():
        raise SystemExit(f"set {name!r} exists already in {gold_dir}: choose another name")
    parts = sorted(folder.glob("part*.jsonl"), key=lambda p: int(p.stem.removeprefix("part")))
    if not parts:
        raise SystemExit(f"no part*.jsonl in {folder}: run `kit.py prepare` first")
    labels, rows = [], []
    for part in parts:
        files = (part, folder / f"labels_{part.stem}.jsonl", folder / f"articles_{part.stem}.tsv")
        missing = [str(f) for f in files[1:] if not f.exists()]
        if missing:
            raise SystemExit(f"{part}: not labelled yet ({', '.join(missing)} missing)")
        problems = check(*files)
        if problems:
            raise SystemExit(f"{part}: the labels do not pass check_labels.py:\n" + "\n".join(problems))
        labels += [line for line in files[1].read_text(encoding="utf-8").splitlines() if line.strip()]
        rows += [line.split("\t") for line in files[2].read_text(encoding="utf-8").splitlines()[1:]]
    taken = set(labelled_articles(gold_dir=gold_dir)["article_id"]) & {a for a, _ in rows}
    if taken:
        raise SystemExit(f"already in a gold set: {', '.join(sorted(taken))}")
    quotes.write_text("".join(line + "\n" for line in labels), encoding="utf-8")
    table.write_text("article_id\tsplit\tn_quotes\n" + "".join(f"{a}\t{split}\t{n}\n" for a, n in rows), encoding="utf-8")
    print(f"{quotes}: {len(labels)} quotes; {table}: {len(rows)} articles ({split})", file=sys.stderr)
    return quotes, table


def revise(folder: Path, *, name: str, gold_dir: Path = GOLD) -> dict[str, int]:
    """Replace set ``name``'s labels in ``gold_dir`` with a checked revision from ``folder``.

    The revision must cover exactly the set's articles; their split is kept. Returns the number of
    changes of each kind the labeller recorded in ``changes_NAME.tsv`` (added, removed, renamed …).
    """
    quotes, table = gold_dir / f"quotes_shared_{name}.jsonl", gold_dir / f"articles_shared_{name}.tsv"
    if not table.exists():
        raise SystemExit(f"set {name!r} is not in {gold_dir}: use `kit.py merge` for a new set")
    files = (folder / f"set_{name}.jsonl", folder / f"labels_v2_{name}.jsonl", folder / f"articles_v2_{name}.tsv")
    changes = folder / f"changes_{name}.tsv"
    missing = [str(f) for f in (*files, changes) if not f.exists()]
    if missing:
        raise SystemExit(f"{folder}: set {name} not revised yet ({', '.join(missing)} missing)")
    problems = check(*files)
    if problems:
        raise SystemExit(f"{files[1]}: the labels do not pass check_labels.py:\n" + "\n".join(problems))
    old = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    new = [line.split("\t") for line in files[2].read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    if sorted(a for a, *_ in old) != sorted(a for a, _ in new):
        raise SystemExit(f"{files[2]}: the revision does not cover exactly the articles of set {name}")
    split = {a: sp for a, sp, _ in old}
    labels = [line for line in files[1].read_text(encoding="utf-8").splitlines() if line.strip()]
    quotes.write_text("".join(line + "\n" for line in labels), encoding="utf-8")
    table.write_text("article_id\tsplit\tn_quotes\n" + "".join(f"{a}\t{split[a]}\t{n}\n" for a, n in new), encoding="utf-8")
    kinds: dict[str, int] = {}
    for line in changes.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            kind = line.split("\t")[1]
            kinds[kind] = kinds.get(kind, 0) + 1
    print(f"{quotes}: {len(labels)} quotes; changes: {kinds or 'none'}", file=sys.stderr)
    return kinds


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare", help="write unlabelled articles with quote marks for labellers")
    p.add_argument("corpora", nargs="+", type=Path)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--parts", type=int, default=2)
    p.add_argument("--limit", type=int)
    m = sub.add_parser("merge", help="add checked labels to tests/gold as a new set")
    m.add_argument("folder", type=Path)
    m.add_argument("--set", dest="name", required=True)
    m.add_argument("--split", choices=["dev", "test", "held-out"], required=True)
    r = sub.add_parser("revise", help="replace a gold set's labels with a checked revision")
    r.add_argument("folder", type=Path)
    r.add_argument("--set", dest="name", required=True)
    r.add_argument("--into", type=Path, default=GOLD, help="the gold folder (tests/gold/second for second labellings)")
    args = parser.parse_args(argv)
    if args.command == "prepare":
        prepare(args.corpora, args.out, parts=args.parts, limit=args.limit)
    elif args.command == "revise":
        revise(args.folder, name=args.name, gold_dir=args.into)
    else:
        merge(args.folder, name=args.name, split=args.split)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
