"""Quote extraction's share of a cold build, and how it scales on adversarial articles.

Usage::

    python benchmarks/bench_quotes.py [--runs 5] [CORPUS]   # CORPUS: ../shared/corpora/kowikinews.jsonl

1. Runs ``python -m analysis build CORPUS`` cold, each time into a fresh folder, in separate
   processes, and reads the stage times the build prints (``quotes`` is the thread time spent
   extracting quotes, ``total`` the wall time of the build). Prints each run and the median share.
2. Times ``extract_quotes`` on articles built to stress it, each at two sizes side by side in one
   process (the same Kiwi, warmed up): an article of N quotes, an article whose every sentence is
   a quote, and a cast of N people. A ratio near 2 for twice the size is linear time.

Figures on a shared machine are noisy: read the ratios, measured side by side.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "kowikinews.jsonl"
STAGES = re.compile(r"total ([\d.]+)s.*quotes ([\d.]+)s")
SURNAMES = "김이박최정강조윤장임"
GIVEN = ("민수", "영희", "철수", "지훈", "서연", "도윤", "하은", "준호", "수빈", "예린", "현우", "지민", "태희", "승현", "유진",
         "재원", "나연", "동현", "소율", "건우", "다은", "시우", "연아", "정민", "우진", "하린", "성훈", "채원", "민재", "서진")


def build_shares(corpus: Path, runs: int) -> list[tuple[float, float]]:
    """(total s, quotes s) of ``runs`` cold builds of ``corpus``."""
    out = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            done = subprocess.run([sys.executable, "-m", "analysis", "build", str(corpus), "--out", folder],
                                  capture_output=True, text=True, check=True, cwd=ROOT)
        m = STAGES.search(done.stdout + done.stderr)
        if m is None:
            raise SystemExit(f"no stage times in the build's output:\n{done.stdout}{done.stderr}")
        out.append((float(m.group(1)), float(m.group(2))))
    return out


def stress_texts(n: int) -> dict[str, str]:
    """Three adversarial articles of size ``n``."""
    names = [s + g for g in GIVEN for s in SURNAMES]
    cast = [names[k % len(names)] + ("" if k < len(names) else str(k // len(names))) for k in range(n)]
    return {
        "quotes": " ".join(f'김철수 의원은 "{k}번째 약속을 지키겠다"고 말했다.' for k in range(n)),
        "every sentence": "\n".join(f'"{k}번째 문장도 인용이다."' for k in range(n)),
        "cast": "\n".join(f'{name} 위원은 "{k}번 안건에 찬성한다"고 말했다.' for k, name in enumerate(cast)),
    }


def stress(sizes: tuple[int, int]) -> list[tuple[str, int, float]]:
    """(article, size, seconds of extract_quotes) for each adversarial article at both sizes."""
    from analysis.corpus import articles_frame
    from analysis.quotes import extract_quotes
    from analysis.schema import Record
    from analysis.tokenize import tokenize_texts

    rows = []
    for n in sizes:
        texts = stress_texts(n)
        for name, text in texts.items():
            articles = articles_frame([Record(source_path="bench", record="", article_id=name, text=text)])
            sentences, tokens = tokenize_texts([text], [name])
            extract_quotes(articles, sentences, tokens)  # warm
            t0 = time.perf_counter()
            extract_quotes(articles, sentences, tokens)
            rows.append((name, n, time.perf_counter() - t0))
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs=2, default=(300, 600))
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        raise SystemExit(f"{args.corpus}: not found; give a corpus to build")
    shares = build_shares(args.corpus, args.runs)
    for total, quotes in shares:
        print(f"cold build {total:.2f} s, quotes {quotes:.2f} s: {quotes / total:.1%}")
    print(f"median share of quote extraction: {statistics.median(q / t for t, q in shares):.1%} ({args.runs} runs)")
    rows = stress(tuple(args.sizes))
    small, large = args.sizes
    for name in ("quotes", "every sentence", "cast"):
        a, b = (s for n_, size, s in rows if n_ == name for _ in [size])
        print(f"{name}: {small} → {a:.3f} s, {large} → {b:.3f} s, ratio {b / a:.2f} for ×{large / small:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
