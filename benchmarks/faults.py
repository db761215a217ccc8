"""Fault injection for the build folder: kill -9, concurrent builds, damaged files, metadata-only changes.

Usage::

    python benchmarks/faults.py                 # 20 kill trials and every other kind, on 48 Wikinews articles
    python benchmarks/faults.py --kills 40 --articles 96

Every trial asserts what the store promises (:mod:`analysis.store`):

- ``kill``: a build of the new input over a build of the old one is killed with SIGKILL at a random
  moment; the folder must then read as a clean build of the old input or of the new one (never a
  mix), with records read = kept + rejected; a rebuild must give the new one and leave no
  leftovers (only the published snapshot and the one before it).
- ``concurrent``: two builds of different inputs start at once into one folder; one stops with a
  one-line message naming the folder and the holder (or, with ``--wait``, queues); the folder reads
  as a clean build of one of them.
- ``bitflip`` / ``truncate``: a part file is damaged (one bit flipped, same size; or cut short);
  readers refuse it with a one-line error, and a rebuild repairs it, says so, and equals a clean build.
- ``metadata``: a title, date or url changes (text unchanged), or the input file is renamed; the
  rebuild equals a clean build of the changed input and runs Kiwi on nothing.

The clean builds to compare with are made once, in this process, in folders of their own. The
trials themselves run ``python -m analysis build`` as child processes. Outcomes are printed as
one JSON object per trial and a table of counts; any failed assertion stops with exit 1.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT.parent / "shared" / "corpora" / "kowikinews.jsonl"
TABLE_NAMES = ("articles", "sentences", "tokens", "rejects", "quotes")


class TrialFailed(AssertionError):
    """The store broke a promise (the message says which)."""


def build_cmd(src: Path, out: Path, *, chunk_size: int, wait: bool = False) -> list[str]:
    cmd = [sys.executable, "-m", "analysis", "-q", "build", str(src), "--out", str(out), "--chunk-size", str(chunk_size)]
    return [*cmd, "--wait"] if wait else cmd


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def tables_of(out: Path) -> dict[str, object]:
    """The five tables a reader sees in ``out`` (raises ``analysis.store.StoreError`` when they cannot be read)."""
    from analysis.store import read_tables

    corpus = read_tables(out)
    return {name: getattr(corpus, name) for name in TABLE_NAMES}


def same(a: dict[str, object], b: dict[str, object]) -> bool:
    return all(a[name].equals(b[name]) for name in TABLE_NAMES)


def which(out: Path, refs: dict[str, dict[str, object]]) -> str:
    """The name of the clean build ``out`` equals, else raise."""
    got = tables_of(out)
    for name, ref in refs.items():
        if same(got, ref):
            return name
    raise TrialFailed(f"{out} reads as none of {sorted(refs)}: a mix or damaged data")


def check_counts(out: Path) -> None:
    """records read = kept + rejected, in the manifest and in the tables."""
    from analysis.store import published

    m = published(out)
    tables = tables_of(out)
    if not (m.records == m.articles + m.rejects == len(tables["articles"]) + len(tables["rejects"])):
        raise TrialFailed(f"{out}: records {m.records} != articles {m.articles} + rejects {m.rejects}")


def check_no_leftovers(out: Path) -> None:
    from analysis.store import SNAPSHOTS, published

    m = published(out)
    left = sorted(p.name for p in (out / SNAPSHOTS).iterdir()) if (out / SNAPSHOTS).is_dir() else []
    allowed = {m.snapshot, m.previous} - {""}
    if not set(left) <= allowed or list(out.glob("build.json.tmp-*")):
        raise TrialFailed(f"{out}: leftovers {left} beside published {m.snapshot} (previous {m.previous})")


class Bench:
    """Inputs, their clean builds, and a scratch folder for the trials."""

    def __init__(self, tmp: Path, rows: list[dict[str, str]], *, chunk_size: int) -> None:
        from analysis.build import build_dataset

        self.tmp, self.chunk_size = tmp, chunk_size
        self.inputs: dict[str, Path] = {}
        self.refs: dict[str, dict[str, object]] = {}
        self.ref_dirs: dict[str, Path] = {}
        variants = make_variants(rows)
        for name, variant in variants.items():
            src = tmp / "inputs" / name / "articles.jsonl"
            src.parent.mkdir(parents=True)
            write_jsonl(src, variant)
            self.inputs[name] = src
        renamed = tmp / "inputs" / "renamed" / "renamed.jsonl"
        renamed.parent.mkdir(parents=True)
        shutil.copyfile(self.inputs["old"], renamed)
        self.inputs["renamed"] = renamed
        for name, src in self.inputs.items():
            self.ref_dirs[name] = tmp / "refs" / name
            build_dataset([src], out=self.ref_dirs[name], chunk_size=chunk_size)
            self.refs[name] = tables_of(self.ref_dirs[name])
        self.trial_number = 0

    def fresh(self, base: str = "old") -> Path:
        """A new folder holding a clean build of input ``base``."""
        self.trial_number += 1
        out = self.tmp / "trials" / f"t{self.trial_number:03d}"
        shutil.copytree(self.ref_dirs[base], out)
        return out

    def run(self, name: str, out: Path, *, wait: bool = False) -> subprocess.CompletedProcess:
        return subprocess.run(build_cmd(self.inputs[name], out, chunk_size=self.chunk_size, wait=wait), cwd=ROOT,
                              env=child_env(), capture_output=True, text=True, timeout=900)

    def rebuild(self, name: str, out: Path) -> subprocess.CompletedProcess:
        proc = self.run(name, out)
        if proc.returncode != 0:
            raise TrialFailed(f"rebuild of {name} into {out} failed: {proc.stderr.strip()[-500:]}")
        return proc

    # ------------------------------------------------------------------ trials

    def kill(self, rng: random.Random, window: float) -> dict[str, object]:
        out = self.fresh("old")
        delay = rng.uniform(0.0, window)
        proc = subprocess.Popen(build_cmd(self.inputs["new"], out, chunk_size=self.chunk_size), cwd=ROOT, env=child_env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        finished = proc.poll() is not None
        if not finished:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        seen = which(out, {"old": self.refs["old"], "new": self.refs["new"]})
        check_counts(out)
        self.rebuild("new", out)
        if which(out, {"new": self.refs["new"]}) != "new":
            raise TrialFailed("rebuild after a kill is not the new build")
        check_no_leftovers(out)
        return {"trial": "kill", "delay_s": round(delay, 2), "killed": not finished, "reader saw": seen,
                "after rebuild": "new"}

    def concurrent(self, *, wait: bool) -> dict[str, object]:
        out = self.fresh("old")
        procs = {name: subprocess.Popen(build_cmd(self.inputs[name], out, chunk_size=self.chunk_size, wait=wait), cwd=ROOT,
                                        env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                 for name in ("new", "other")}
        results = {name: (p.wait(timeout=900), p.stderr.read()) for name, p in procs.items()}
        ok = [name for name, (code, _) in results.items() if code == 0]
        refused = {name: err.strip() for name, (code, err) in results.items() if code != 0}
        for name, err in refused.items():
            lines = err.splitlines()
            if wait or len(lines) != 1 or "another build is writing" not in err or str(out) not in err:
                raise TrialFailed(f"build {name} failed without the one-line lock message: {err[-500:]}")
        seen = which(out, {name: self.refs[name] for name in ("new", "other")})
        if seen not in ok:
            raise TrialFailed(f"the folder reads as {seen}, whose build did not succeed")
        check_counts(out)
        check_no_leftovers(out)
        return {"trial": "concurrent --wait" if wait else "concurrent", "succeeded": sorted(ok),
                "refused": sorted(refused), "reader saw": seen}

    def damage(self, rng: random.Random, how: str) -> dict[str, object]:
        from analysis.store import StoreError, published, table_files

        out = self.fresh("old")
        table = rng.choice(TABLE_NAMES)
        path = rng.choice(table_files(out, table))
        data = bytearray(path.read_bytes())
        if how == "bitflip":
            at = rng.randrange(len(data))
            data[at] ^= 1 << rng.randrange(8)
            detail = f"bit flipped at byte {at} of {len(data)}"
        else:
            at = rng.randrange(1, len(data))
            data = data[:at]
            detail = f"cut to {at} bytes"
        path.unlink()  # a new inode: the clean build this folder was copied from keeps its bytes
        path.write_bytes(bytes(data))
        try:
            tables_of(out)
        except StoreError as err:
            if "\n" in str(err) or str(path) not in str(err):
                raise TrialFailed(f"reader's error is not one line naming the file: {err}") from None
        else:
            raise TrialFailed(f"{path} damaged ({detail}) but read without an error")
        proc = self.rebuild("old", out)
        if "repaired" not in proc.stderr or f"{table}/{path.name}" not in proc.stderr:
            raise TrialFailed(f"rebuild did not say it repaired {table}/{path.name}: {proc.stderr[-500:]}")
        which(out, {"old": self.refs["old"]})
        check_counts(out)
        published(out)
        return {"trial": how, "file": f"{table}/{path.name}", "detail": detail, "reader": "refused",
                "after rebuild": "old (repaired)"}

    def metadata(self, change: str) -> dict[str, object]:
        out = self.fresh("old")
        proc = self.rebuild(change, out)
        which(out, {change: self.refs[change]})
        check_counts(out)
        tokenised = next((line for line in proc.stderr.splitlines() if line.startswith("tokenised:")), "")
        if not tokenised.startswith("tokenised: 0,"):
            raise TrialFailed(f"metadata-only change {change} ran Kiwi again: {tokenised}")
        return {"trial": "metadata", "change": change, "after rebuild": change, "tokenised": 0}


def make_variants(rows: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    """The old input, a new one (texts changed, articles added and removed), another one, and metadata-only changes."""
    old = [dict(r) for r in rows]
    half = len(rows) // 2
    new = [dict(r) for r in rows[: half + half // 2]]
    for r in new[::3]:
        r["text"] = r["text"] + "\n이 기사는 수정되었다."
    new += [{**r, "id": r["id"] + "-new"} for r in rows[:4]]
    other = [dict(r) for r in rows[half:]] + [{**r, "id": r["id"] + "-other"} for r in rows[:3]]
    variants = {"old": old, "new": new, "other": other}
    for field_name, value in (("title", "바뀐 제목"), ("date", "2001-02-03T04:05:06+09:00"), ("url", "https://example.org/moved")):
        changed = [dict(r) for r in rows]
        changed[len(rows) // 3][field_name] = value
        variants[field_name] = changed
    return variants


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def wikinews_rows(n: int) -> list[dict[str, str]]:
    rows = [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [{k: r.get(k, "") for k in ("id", "title", "date", "url", "text")} for r in rows[:n]]


def measure_window(bench: Bench) -> float:
    """How long a build of the new input over the old one takes: kills land uniformly in it."""
    out = bench.fresh("old")
    t = time.perf_counter()
    bench.rebuild("new", out)
    return time.perf_counter() - t


def run_trials(bench: Bench, *, kills: int, damages: int, seed: int, log: Callable[[dict], None]) -> Counter:
    rng = random.Random(seed)
    window = measure_window(bench)
    log({"trial": "window", "build of new over old s": round(window, 2)})
    outcomes: Counter = Counter()
    trials: list[Callable[[], dict[str, object]]] = [lambda: bench.kill(rng, window * 1.1) for _ in range(kills)]
    trials += [lambda: bench.concurrent(wait=False), lambda: bench.concurrent(wait=True)]
    trials += [lambda how=how: bench.damage(rng, how) for how in ("bitflip", "truncate") for _ in range(damages)]
    trials += [lambda c=c: bench.metadata(c) for c in ("title", "date", "url", "renamed")]
    for trial in trials:
        result = trial()
        log(result)
        key = result["trial"] + (f" → reader saw {result['reader saw']}" if "reader saw" in result else "")
        outcomes[key] += 1
    return outcomes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=20, help="kill -9 trials (default 20)")
    ap.add_argument("--damages", type=int, default=5, help="bit-flip and truncation trials each (default 5)")
    ap.add_argument("--articles", type=int, default=48, help="Wikinews articles in the old input (default 48)")
    ap.add_argument("--chunk-size", type=int, default=6, help="articles per part: more parts, more moments to kill")
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()
    if not WIKINEWS.exists():
        print(f"needs the shared corpus at {WIKINEWS}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        bench = Bench(Path(tmp), wikinews_rows(args.articles), chunk_size=args.chunk_size)
        try:
            outcomes = run_trials(bench, kills=args.kills, damages=args.damages, seed=args.seed,
                                  log=lambda r: print(json.dumps(r, ensure_ascii=False), flush=True))
        except TrialFailed as err:
            print(f"FAILED: {err}", file=sys.stderr)
            return 1
    print("\n| outcome | trials |\n|---|---|")
    for key, count in sorted(outcomes.items()):
        print(f"| {key} | {count} |")
    print(f"| all passed | {sum(outcomes.values())} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
