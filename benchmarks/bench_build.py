"""Build speed and memory against bare Kiwi, measured side by side in one run.

Usage::

    python benchmarks/bench_build.py                       # 1x, 4x, 16x the shared Wikinews corpus
    python benchmarks/bench_build.py --scales 1 --repeats 3
    python benchmarks/bench_build.py --ref /tmp/main-ref   # also another checkout's cold build, alternating

For each scale the shared corpus is repeated with new ids (1x = 499 articles). Each round runs,
alternating, as separate processes (whole process: imports, model load, work):

- ``bare kiwi``: read the JSONL, ``Kiwi(num_workers=2).tokenize(list_of_texts)``;
- ``cold build``: ``python -m analysis build CORPUS --out NEW_FOLDER``;
- ``cached rebuild``: the same command again on that folder;
- with ``--ref DIR``, ``ref cold build``: the same cold build by the code checked out in ``DIR``
  (``git archive COMMIT | tar -x -C DIR``), run from there, for a side-by-side ratio.

It also times, inside one process with Kiwi already loaded, ``Kiwi.tokenize`` against the suite's
tokenising stage (:func:`analysis.tokenize.tokenize_texts`) on the same texts, and reads the build's
own stage timings (quotes vs the rest). Peak RSS and CPU seconds (user + system) come from
``os.wait4`` for each child. The machine is shared and noisy: compare the ratios, which are
measured side by side, and the CPU seconds, which other users' load barely moves.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT.parent / "shared" / "corpora" / "kowikinews.jsonl"

BARE_KIWI = """
import json, sys
from kiwipiepy import Kiwi
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
kiwi = Kiwi(num_workers=2, model_type="cong")
n = sum(len(tokens) for tokens in kiwi.tokenize(texts))
print(n)
"""

STAGE_ONLY = """
import json, sys, time
from analysis.tokenize import get_kiwi, tokenize_texts
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
ids = [str(i) for i in range(len(texts))]
kiwi = get_kiwi()
kiwi.tokenize(texts[:20])  # warm up both sides: one-time imports (pandas, pyarrow) are not per-text work
tokenize_texts(texts[:20], ids[:20])
out = {"kiwi": [], "stage": []}
for _ in range(int(sys.argv[2])):
    t = time.perf_counter(); list(kiwi.tokenize(texts)); out["kiwi"].append(time.perf_counter() - t)
    t = time.perf_counter(); tokenize_texts(texts, ids); out["stage"].append(time.perf_counter() - t)
print(json.dumps(out))
"""


def run(cmd: list[str]) -> str:
    """Stdout of one child process (raises with its stderr when it fails)."""
    proc = subprocess.run(cmd, capture_output=True, cwd=ROOT, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} failed:\n{proc.stderr[-2000:]}")
    return proc.stdout


def run_measured(cmd: list[str], *, code: Path = ROOT) -> tuple[float, float, str, float]:
    """Wall seconds, the child's own peak RSS (MiB, from ``os.wait4``), its output and its CPU seconds (user +
    system: what the work costs, whatever else the shared machine runs); ``code``: whose ``analysis`` package
    runs (the child starts there, with it first on ``PYTHONPATH``)."""
    start = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(code)}
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=code, env=env, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read()
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} failed:\n{text[-2000:]}")
    return wall, usage.ru_maxrss / 1024, text, usage.ru_utime + usage.ru_stime


def make_corpus(scale: int, folder: Path) -> Path:
    lines = [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines() if line.strip()]
    path = folder / f"wikinews-x{scale}.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for copy in range(scale):
            for rec in lines:
                f.write(json.dumps({**rec, "id": f"{rec['id']}-c{copy}"}, ensure_ascii=False) + "\n")
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", type=int, nargs="+", default=[1, 4, 16])
    ap.add_argument("--repeats", type=int, default=2, help="rounds per scale (alternating)")
    ap.add_argument("--ref", type=Path, help="a checkout of other code whose cold build runs alternately with ours")
    args = ap.parse_args()
    if not WIKINEWS.exists():
        print(f"needs the shared corpus at {WIKINEWS}", file=sys.stderr)
        return 2
    py = sys.executable
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for scale in args.scales:
            corpus = make_corpus(scale, tmp)
            mb = corpus.stat().st_size / 2**20
            chars = sum(len(json.loads(line)["text"]) for line in corpus.read_text(encoding="utf-8").splitlines())
            bare, cold, warm, bare_rss, cold_rss, warm_rss, stages, ref = [], [], [], [], [], [], [], []
            cold_cpu, ref_cpu = [], []
            for r in range(args.repeats):
                out = tmp / f"out-{scale}-{r}"
                w, m, _, _ = run_measured([py, "-c", BARE_KIWI, str(corpus)])
                bare.append(w)
                bare_rss.append(m)
                if args.ref:
                    w, _, _, c = run_measured([py, "-m", "analysis", "-q", "build", str(corpus), "--out", str(out) + "-ref"],
                                              code=args.ref)
                    ref.append(w)
                    ref_cpu.append(c)
                w, m, text, c = run_measured([py, "-m", "analysis", "-q", "build", str(corpus), "--out", str(out)])
                cold.append(w)
                cold_cpu.append(c)
                cold_rss.append(m)
                stages.append(text)
                w, m, _, _ = run_measured([py, "-m", "analysis", "-q", "build", str(corpus), "--out", str(out)])
                warm.append(w)
                warm_rss.append(m)
                print(f"x{scale} round {r + 1}: bare {bare[-1]:.1f}s cold {cold[-1]:.1f}s cached {warm[-1]:.2f}s"
                      + (f" ref cold {ref[-1]:.1f}s" if ref else ""), file=sys.stderr)
            stage_json = run([py, "-c", STAGE_ONLY, str(corpus), str(max(args.repeats, 2))])
            st = json.loads(stage_json.splitlines()[0])
            med = statistics.median
            row = {
                "scale": f"{scale}x", "articles": 499 * scale, "MB": round(mb, 1), "Mchars": round(chars / 1e6, 2),
                "bare_s": round(med(bare), 2), "cold_s": round(med(cold), 2), "cached_s": round(med(warm), 2),
                "cold/bare throughput": round(med(bare) / med(cold), 3),
                "tokenise stage/kiwi throughput": round(med(st["kiwi"]) / med(st["stage"]), 3),
                "cached/cold time": round(med(warm) / med(cold), 3),
                "cold s/MB": round(med(cold) / mb, 2),
                "bare chars/s": round(chars / med(bare)),
                "bare RSS MiB": round(max(bare_rss)), "cold RSS MiB": round(max(cold_rss)),
                "cached RSS MiB": round(max(warm_rss)),
                "RSS cold/bare": round(max(cold_rss) / max(bare_rss), 3),
                "build stages": [line for line in stages[-1].splitlines() if line.startswith("time by stage")],
                "ref cold_s": round(med(ref), 2) if ref else "",
                "cold/ref cold time": round(med(cold) / med(ref), 3) if ref else "",
                "cold CPU s": round(med(cold_cpu), 1), "ref cold CPU s": round(med(ref_cpu), 1) if ref else "",
                "cold/ref cold CPU": round(med(cold_cpu) / med(ref_cpu), 3) if ref else "",
            }
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), file=sys.stderr)
    base = next((r for r in rows if r["scale"] == "1x"), None)
    print(f"\nmachine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    cols = ["scale", "articles", "MB", "bare_s", "cold_s", "cached_s", "cold/bare throughput",
            "tokenise stage/kiwi throughput", "cached/cold time", "cold s/MB", "bare RSS MiB", "cold RSS MiB",
            "RSS cold/bare", "cold CPU s"] + (["ref cold_s", "cold/ref cold time", "ref cold CPU s", "cold/ref cold CPU"]
                                              if args.ref else [])
    print("| " + " | ".join(cols) + " | RSS vs 1x |")
    print("|" + "---|" * (len(cols) + 1))
    for r in rows:
        vs = round(r["cold RSS MiB"] / base["cold RSS MiB"], 3) if base else ""
        print("| " + " | ".join(str(r[c]) for c in cols) + f" | {vs} |")
    for r in rows:
        print(r["scale"], *r["build stages"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
