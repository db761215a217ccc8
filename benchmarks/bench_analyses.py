"""Time and peak memory of every analysis verb and of the report, at 1×, 16× and 64× the Wikinews corpus.

Usage::

    python benchmarks/bench_analyses.py [--scales 1 16 64] [--repeats 2] [--no-report] [--work build/bench]

Each scale is the 499 Wikinews articles repeated N times under new ids (``kowikinews-633-r7``),
built once into ``WORK/xN`` (reused when present). Every verb then runs as its own process,
``python -m analysis VERB --cache WORK/xN …``, exactly as a user runs it; its wall time and the
peak resident memory of its whole process tree (the report's notebook kernels included, sampled
every 50 ms with psutil) are recorded, medians over ``--repeats`` runs. The table gives each
figure and its ratio to 1×; a projection for 10⁶ articles extrapolates the measured slopes
(least squares over the scales, time and memory against articles).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora" / "kowikinews.jsonl"
BUNDLED = ROOT / "corpus" / "articles" / "kowikinews.jsonl.gz"

VERBS: dict[str, list[str]] = {
    "keywords": ["keywords", "--top", "50"],
    "collocates": ["collocates", "대통령", "--window", "5"],
    "kwic": ["kwic", "탄소중립", "--window", "30"],
    "keyness": ["keyness", "--by", "year", "--top", "20"],
    "trends": ["trends", "--terms", "대통령", "선거", "탄소중립", "--period", "month"],
}


def records() -> list[dict]:
    import gzip

    source = SHARED if SHARED.exists() else BUNDLED
    opener = gzip.open if source.suffix == ".gz" else open
    with opener(source, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def corpus(scale: int, work: Path) -> Path:
    """The built corpus of ``scale`` × the Wikinews records (built once)."""
    out = work / f"x{scale}"
    if (out / "build.json").exists():
        return out
    work.mkdir(parents=True, exist_ok=True)
    src = work / f"x{scale}.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for k in range(scale):
            for r in records():
                f.write(json.dumps({**r, "id": f"{r['id']}-r{k}" if k else r["id"]}, ensure_ascii=False) + "\n")
    print(f"building {scale}× ({src.stat().st_size / 1e6:.1f} MB) …", file=sys.stderr, flush=True)
    subprocess.run([sys.executable, "-m", "analysis", "-q", "build", str(src), "--out", str(out)], check=True, cwd=ROOT)
    return out


def measure(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of the process tree of ``argv``."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{err.decode()[-2000:]}")
    return seconds, peak / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 16, 64])
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--no-report", action="store_true", help="leave the report out")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench")
    args = parser.parse_args(argv)

    builds = {s: corpus(s, args.work) for s in args.scales}
    articles = {s: 499 * s for s in args.scales}
    jobs = dict(VERBS)
    results: dict[tuple[str, int], tuple[float, float]] = {}
    for name, verb in jobs.items():
        for scale in args.scales:
            runs = [measure([sys.executable, "-m", "analysis", "-q", *verb, "--cache", str(builds[scale])])
                    for _ in range(args.repeats)]
            results[name, scale] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
            print(f"{name} {scale}×: {results[name, scale][0]:.2f} s, {results[name, scale][1]:.0f} MiB",
                  file=sys.stderr, flush=True)
    if not args.no_report:
        for scale in args.scales:
            with tempfile.TemporaryDirectory() as tmp:
                results["report", scale] = measure([sys.executable, "-m", "analysis", "-q", "report", "--cache",
                                                    str(builds[scale]), "--out", tmp])
            print(f"report {scale}×: {results['report', scale][0]:.1f} s, {results['report', scale][1]:.0f} MiB",
                  file=sys.stderr, flush=True)

    base = args.scales[0]
    print(f"| verb | {' | '.join(f'{s}× s' for s in args.scales)} | "
          f"{' | '.join(f'time {s}×/{base}×' for s in args.scales[1:])} | "
          f"{' | '.join(f'{s}× MiB' for s in args.scales)} | {' | '.join(f'RSS {s}×/{base}×' for s in args.scales[1:])} |")
    print("|---" * (1 + 4 * len(args.scales) - 2) + "|")
    names = [*jobs, *(["report"] if not args.no_report else [])]
    for name in names:
        t = [results[name, s][0] for s in args.scales]
        m = [results[name, s][1] for s in args.scales]
        print(f"| {name} | {' | '.join(f'{x:.2f}' for x in t)} | {' | '.join(f'{x / t[0]:.2f}' for x in t[1:])} | "
              f"{' | '.join(f'{x:.0f}' for x in m)} | {' | '.join(f'{x / m[0]:.2f}' for x in m[1:])} |")

    if len(args.scales) >= 2:
        print("\nprojection for 1,000,000 articles (least squares over the scales):")
        xs = [articles[s] for s in args.scales]
        for name in names:
            for index, unit in ((0, "s"), (1, "MiB")):
                ys = [results[name, s][index] for s in args.scales]
                mx, my = statistics.fmean(xs), statistics.fmean(ys)
                slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
                value = my + slope * (1_000_000 - mx)
                print(f"  {name:<11} {unit:>3}: {value:,.0f}  (slope {slope * 1000:.3f} {unit} per 1,000 articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
