"""Score the page cleaner on folders of pages with expected outputs.

Usage::

    python benchmarks/eval_clean.py tests/fixtures/pages_tune                 # per page and overall
    python benchmarks/eval_clean.py tests/fixtures/pages_heldout --aggregate-only
    python benchmarks/eval_clean.py FOLDER --ref /tmp/clean-ref                # another checkout's cleaner
    python benchmarks/eval_clean.py FOLDER --errors                            # what each failing page got wrong

Each page ``NAME.txt``/``NAME.html`` is read and cleaned exactly as ``analysis.corpus.load`` does
and compared with ``NAME.expected.json`` (:mod:`analysis.clean.evaluate`): paragraph precision,
recall and F1 over exact paragraph strings pooled over pages, the share of pages whose body is
exact, and the share with the right title, date, byline and captions and without chrome in any
field. ``--ref DIR`` cleans with the ``analysis`` package of the checkout ``DIR`` (in a
subprocess with ``PYTHONPATH=DIR``) and scores with this checkout's scorer, so a commit's figures
can be had from a ``git worktree add DIR COMMIT``. ``--aggregate-only`` prints no per-page line
(for a held-out set, whose failures must not be read). ``--json FILE`` also writes the figures.
The times printed are reading and cleaning the folder's pages as the loader does (decoding, HTML
rendering with trafilatura's metadata, cleaning) a second time, after a first pass has imported
the libraries and compiled the patterns, and ``clean_page`` alone (median of 5 passes); with
``--ref`` only the first, and it is the subprocess's whole run, start-up included.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()
SCORER = HERE.parents[1] / "analysis" / "clean" / "evaluate.py"


@functools.cache
def _scorer():
    """This checkout's scorer, loaded from its file (so the same code scores every checkout)."""
    spec = importlib.util.spec_from_file_location("clean_evaluate", SCORER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def predictions(folder: str, ref: str | None) -> dict:
    """Page file name → output fields, cleaned by this process's ``analysis`` or by ``ref``'s."""
    if ref is None:
        _scorer().clean_folder(folder)  # warm up: imports, compiled patterns, loaded lists
        return _scorer().clean_folder(folder)
    env = {**os.environ, "PYTHONPATH": str(Path(ref).resolve())}
    proc = subprocess.run([sys.executable, str(HERE), "--predict", folder], env=env, capture_output=True,
                          text=True, check=False)
    if proc.returncode:
        raise SystemExit(f"{ref}: cleaning {folder} failed:\n{proc.stderr.strip()}")
    return json.loads(proc.stdout)


def clean_page_ms(folder: str, *, repeats: int = 5) -> float:
    """Median milliseconds ``clean_page`` alone takes per page of ``folder`` (pages decoded and HTML
    rendered beforehand, one warm-up pass)."""
    from analysis.clean import clean_page
    from analysis.corpus import decode, html_to_lines

    texts = []
    for page in _scorer().expected_pages(folder):
        text = decode(page.read_bytes(), page)
        texts.append(html_to_lines(text)[0] if page.suffix in (".html", ".htm") else text)
    runs = []
    for _ in range(repeats + 1):
        started = time.perf_counter()
        for text in texts:
            clean_page(text)
        runs.append((time.perf_counter() - started) * 1000 / max(1, len(texts)))
    return statistics.median(runs[1:])


def _errors(folder: str, got: dict, scores) -> None:
    scorer = _scorer()
    for s in scores:
        if s.all_ok:
            continue
        page = Path(folder) / s.name
        want = scorer.read_expected(page)
        mine = got.get(s.name, {"title": "", "date": "", "byline": "", "captions": [], "paragraphs": []})
        print(f"\n== {s.name} ({s.layout})")
        for key in ("title", "date", "byline", "captions"):
            if mine[key] != want[key]:
                print(f"  {key}: got {mine[key]!r}\n  {' ' * len(key)}  want {want[key]!r}")
        for p in want["paragraphs"]:
            if p not in mine["paragraphs"]:
                print(f"  missing: {p[:90]!r}")
        for p in mine["paragraphs"]:
            if p not in want["paragraphs"]:
                print(f"  extra:   {p[:90]!r}")
        if s.chrome_leaks:
            print(f"  chrome leaked: {list(s.chrome_leaks)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", help="folders of NAME.txt|html + NAME.expected.json")
    parser.add_argument("--ref", help="clean with the analysis package of this checkout instead")
    parser.add_argument("--aggregate-only", action="store_true", help="no per-page lines (held-out sets)")
    parser.add_argument("--errors", action="store_true", help="print what each failing page got wrong")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--predict", action="store_true", help=argparse.SUPPRESS)  # internal: print outputs as JSON
    args = parser.parse_args(argv)
    if args.predict:
        json.dump(_scorer().clean_folder(args.folders[0]), sys.stdout, ensure_ascii=False)
        return 0
    scorer = _scorer()
    report = {}
    for folder in args.folders:
        started = time.perf_counter()
        got = predictions(folder, args.ref)
        seconds = time.perf_counter() - started
        scores = scorer.score_folder(folder, got)
        summary = scorer.summarize(scores)
        report[folder] = {"summary": summary, "seconds": seconds}
        per_page = 1000 * seconds / max(1, summary["pages"])
        timing = f"read and cleaned in {per_page:.1f} ms a page"
        if args.ref is None:
            report[folder]["clean_page_ms"] = clean_ms = clean_page_ms(folder)
            timing += f", of which clean_page {clean_ms:.1f} ms"
        print(f"# {folder} ({'ref ' + args.ref if args.ref else 'this checkout'}): {summary['pages']} pages, {timing}")
        if not args.aggregate_only:
            report[folder]["pages"] = [{"name": s.name, "layout": s.layout, "tp": s.true_pos, "fp": s.false_pos,
                                        "fn": s.false_neg, "title": s.title_ok, "date": s.date_ok,
                                        "byline": s.byline_ok, "captions": s.captions_ok,
                                        "chrome_leaks": list(s.chrome_leaks)} for s in scores]
            print(f"{'page':44} {'tp':>3} {'fp':>3} {'fn':>3}  title date byline captions chrome")
            for s in scores:
                flags = "  ".join("ok" if f else "--" for f in (s.title_ok, s.date_ok, s.byline_ok, s.captions_ok))
                print(f"{s.name[:44]:44} {s.true_pos:3d} {s.false_pos:3d} {s.false_neg:3d}  {flags}  "
                      f"{'leak' if s.chrome_leaks else 'ok'}")
        print("  ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in summary.items()))
        if args.errors and not args.aggregate_only:
            _errors(folder, got, scores)
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
