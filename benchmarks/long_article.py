"""One very long article: Kiwi's time on a whole text against the pieces :func:`split_long` cuts.

Usage::

    python benchmarks/long_article.py                      # 1, 2, 4 MB in pieces; whole text up to 0.4 MB; a 5 MB build
    python benchmarks/long_article.py --sizes 1 2 4 8

The article is the shared Wikinews corpus's texts laid end to end (paragraphs kept, repeated as
needed) and cut to a size in MB of UTF-8. For each size it times the tokenising stage
(:func:`analysis.tokenize.tokenize_texts`, Kiwi loaded and warmed up first) with the pinned
settings, which cut it into pieces of at most ``max_chars`` characters, and, for the sizes Kiwi can
finish whole, with no cut at all; then the same for the article as one paragraph (no line breaks:
it is cut at sentence ends). Last, ``python -m analysis build`` of a 5 MB article, end to end
(tokens, quotes, parquet), as a child process. Seconds per MB show whether the cost is linear.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT.parent / "shared" / "corpora" / "kowikinews.jsonl"


def article(mb: float, texts: list[str], *, paragraphs: bool = True) -> str:
    """Texts laid end to end up to ``mb`` MB of UTF-8."""
    sep = "\n" if paragraphs else " "
    body = sep.join(t.replace("\n", sep) for t in texts)
    target = int(mb * 1_000_000)
    while len(body.encode("utf-8")) < target:
        body = body + sep + body
    return body.encode("utf-8")[:target].decode("utf-8", "ignore")


def timed(text: str, settings) -> tuple[float, int]:
    from analysis.tokenize import tokenize_texts

    t = time.perf_counter()
    _, tokens = tokenize_texts([text], ["long"], settings=settings)
    return time.perf_counter() - t, len(tokens)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4], help="MB, cut into pieces")
    ap.add_argument("--whole", type=float, nargs="+", default=[0.1, 0.2, 0.4], help="MB, also given to Kiwi whole")
    ap.add_argument("--build-mb", type=float, default=5.0, help="MB of the article built end to end (0: skip)")
    args = ap.parse_args()
    if not WIKINEWS.exists():
        print(f"needs the shared corpus at {WIKINEWS}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from analysis.tokenize import SETTINGS, get_kiwi, tokenize_texts

    texts = [json.loads(line)["text"] for line in WIKINEWS.read_text(encoding="utf-8").splitlines() if line.strip()]
    get_kiwi()
    tokenize_texts(texts[:20], [str(i) for i in range(20)])  # warm up
    whole = dataclasses.replace(SETTINGS, max_chars=10**12)
    print("| layout | MB | characters | cut | seconds | s/MB | tokens |\n|---|---|---|---|---|---|---|")
    for paragraphs in (True, False):
        layout = "paragraphs" if paragraphs else "one paragraph"
        for mb, settings, cut in ([(mb, whole, "whole") for mb in args.whole]
                                  + [(mb, SETTINGS, f"pieces ≤ {SETTINGS.max_chars:,}") for mb in args.whole + args.sizes]):
            text = article(mb, texts, paragraphs=paragraphs)
            seconds, n = timed(text, settings)
            print(f"| {layout} | {mb:g} | {len(text):,} | {cut} | {seconds:.2f} | {seconds / mb:.2f} | {n:,} |", flush=True)
    if args.build_mb:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "long.jsonl"
            src.write_text(json.dumps({"id": "long", "text": article(args.build_mb, texts)}, ensure_ascii=False) + "\n",
                           encoding="utf-8")
            t = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "analysis", "-q", "build", str(src), "--out", str(Path(tmp) / "out")],
                                  cwd=ROOT, capture_output=True, text=True, check=False)
            seconds = time.perf_counter() - t
            stages = next((line for line in proc.stderr.splitlines() if line.startswith("time by stage")), proc.stderr[-300:])
            print(f"\nbuild of one {args.build_mb:g} MB article: exit {proc.returncode}, {seconds:.1f} s wall; {stages}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
