"""Check one labeller's files before they join the gold: standard library only, so a labeller can
run it without the project installed (and without seeing the extractor).

Usage::

    python check_labels.py PART.jsonl labels_PART.jsonl [articles_PART.tsv]

``PART.jsonl`` holds the articles handed out (``article_id``, ``text`` …). Every label line must be
``{"article_id", "start", "end", "sha1", "speaker", "note"}`` with ``0 <= start < end <= len(text)``,
``sha1`` the first 12 hex digits of ``sha1(text[start:end])``, no double quotation mark at either
end of the span, a quotation mark (double or single) just outside each end unless ``note`` says why
not (an unbalanced mark, a space inside the marks), no overlap with the article's previous label, and labels in text order. The optional
TSV (``article_id``, ``n_quotes``) must list every article handed out, in order, with its number
of labels. Each problem is printed as ``FILE:LINE: problem``; the exit code is 1 if there is any.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

FIELDS = ("article_id", "start", "end", "sha1", "speaker", "note")
MARKS = '"“”'
#: Every mark that may open or close a quote (single marks: reported speech in single quotes).
ALL_MARKS = MARKS + "'‘’"


def _label_problem(row: object, texts: dict[str, str], previous_end: dict[str, int]) -> str | None:
    if not isinstance(row, dict) or set(row) != set(FIELDS):
        return f"expected exactly the fields {', '.join(FIELDS)}"
    if row["article_id"] not in texts:
        return f"article {row['article_id']!r} was not handed out"
    if not all(isinstance(row[k], int) and not isinstance(row[k], bool) for k in ("start", "end")):
        return "start and end must be integers"
    if not all(isinstance(row[k], str) for k in ("sha1", "speaker", "note")):
        return "sha1, speaker and note must be strings"
    text, start, end = texts[row["article_id"]], row["start"], row["end"]
    if not 0 <= start < end <= len(text):
        return f"offsets {start}-{end} out of range for a text of {len(text)} characters"
    span = text[start:end]
    if hashlib.sha1(span.encode("utf-8")).hexdigest()[:12] != row["sha1"]:
        return f"sha1 does not match text[{start}:{end}] = {span[:30]!r}…"
    if span[0] in MARKS or span[-1] in MARKS:
        return "the span includes a quotation mark (offsets exclude the marks)"
    outside = (text[start - 1] if start else "", text[end] if end < len(text) else "")
    if not row["note"] and not all(ch in ALL_MARKS for ch in outside):
        return "no quotation mark just outside the span: exclude only the marks, or say in note why (an unbalanced mark)"
    if start < previous_end.get(row["article_id"], 0):
        return "overlaps or comes before the article's previous label (keep text order)"
    previous_end[row["article_id"]] = end
    return None


def check(articles: Path, labels: Path, counts: Path | None = None) -> list[str]:
    """Every problem in ``labels`` (and ``counts``), as ``FILE:LINE: problem`` strings."""
    texts: dict[str, str] = {}
    for line in articles.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            texts[record["article_id"]] = record["text"]
    problems: list[str] = []
    per_article: dict[str, int] = {}
    previous_end: dict[str, int] = {}
    for n, line in enumerate(labels.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{labels}:{n}: not JSON ({exc.msg})")
            continue
        problem = _label_problem(row, texts, previous_end)
        if problem:
            problems.append(f"{labels}:{n}: {problem}")
        else:
            per_article[row["article_id"]] = per_article.get(row["article_id"], 0) + 1
    if counts is not None:
        lines = counts.read_text(encoding="utf-8").splitlines()
        if not lines or lines[0].split("\t") != ["article_id", "n_quotes"]:
            problems.append(f"{counts}:1: the header must be article_id<TAB>n_quotes")
        listed = []
        for n, line in enumerate(lines[1:], 2):
            cells = line.split("\t")
            if len(cells) != 2 or not cells[1].isdigit():
                problems.append(f"{counts}:{n}: expected article_id<TAB>n_quotes")
                continue
            listed.append(cells[0])
            if int(cells[1]) != per_article.get(cells[0], 0):
                problems.append(f"{counts}:{n}: n_quotes {cells[1]} but {per_article.get(cells[0], 0)} valid labels")
        if listed != list(texts):
            problems.append(f"{counts}: must list every article handed out, in input order")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    problems = check(*(Path(a) for a in argv))
    print("\n".join(problems) if problems else "OK")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
