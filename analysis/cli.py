"""Command line: ``python -m analysis COMMAND [PATH…] [--cache DIR] [--since/--until/--outlet] [--format …]``.

Every reading command works on a built corpus, chosen the same way:

- ``PATH…`` given: those files and folders are built (into ``--cache DIR`` when given, which is then
  updated; otherwise into a temporary folder) and analysed;
- no PATH, ``--cache DIR``: the build in DIR as it stands — never rebuilt, never replaced;
- neither: the bundled corpus (``corpus/articles``), built once into ``build/bundled``.

Commands:
    build       read, clean, tokenise and extract quotes; write parquet tables to --out
    clean       one JSON object per cleaned article
    quotes      the direct quotes (``--speaker NAME`` for one speaker's)
    speakers    speakers ranked by quotes
    keywords    terms, most frequent first
    kwic        keyword in context for TERM (by morpheme or lemma)
    collocates  words near TERM more often than chance
    keyness     keywords of each year, month or outlet against the rest
    trends      TERM… per year or month, per 10,000 words
    themes      theme scores per article
    sql         a DuckDB query over the tables (articles, sentences, tokens, quotes, rejects)
    report      build, run every notebook and write the HTML report to --out

Rows go to stdout as JSON lines (``--format jsonl``, the default), CSV, or an Excel workbook
(``--format xlsx --output FILE``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import re
import sys
import tempfile
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any, NoReturn

from .corpus import CorpusError
from .store import StoreError

log = logging.getLogger("analysis")


class UsageError(Exception):
    """A bad option or argument: reported in one line, before any work is done."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not usage + message
        raise UsageError(f"{self.prog}: {message} (see --help)")


# --------------------------------------------------------------------------- output


def _emit(rows: Any, args: argparse.Namespace) -> None:
    """Write a DataFrame (or records) to stdout or ``--output`` in ``--format``."""
    import pandas as pd

    from .export import write_csv, write_xlsx

    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    fmt, output = getattr(args, "format", "jsonl"), getattr(args, "output", None)
    if fmt == "xlsx":
        write_xlsx(frame, output)
        return
    if fmt == "csv":
        write_csv(frame, output or sys.stdout, bom=bool(output))
        return
    with ExitStack() as stack:
        out = stack.enter_context(open(output, "w", encoding="utf-8", newline="")) if output else sys.stdout
        for row in frame.to_dict("records"):
            clean = {k: (v.tolist() if hasattr(v, "tolist") else v) for k, v in row.items()}
            clean = {k: (None if v is pd.NA else v) for k, v in clean.items()}
            out.write(json.dumps(clean, ensure_ascii=False, default=str) + "\n")


# --------------------------------------------------------------------------- the corpus a command reads


def _dataset(args: argparse.Namespace, stack: ExitStack):
    """The corpus of a reading command (see the module docstring), narrowed by ``--since/--until/--outlet``."""
    from .build import build_dataset
    from .dataset import Dataset
    from .notebook import BUILD_DIR

    selection = {"since": args.since or "", "until": args.until or "", "outlet": args.outlet or ""}
    if args.paths:
        out = Path(args.cache) if args.cache else Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="analysis-")))
        done = build_dataset(args.paths, out=out, progress=not args.quiet)
        if not args.quiet:
            print(done.summary(), file=sys.stderr)
    elif args.cache:
        out = Path(args.cache)
    else:
        out = BUILD_DIR / "bundled"
        build_dataset(out=out, progress=not args.quiet, wait=True)
    ds = Dataset.open(out, **selection)
    stack.callback(ds.close)
    return ds


def _reading(func):
    """Run a reading command on its corpus; exit 1 when the corpus (as narrowed) holds no article."""
    def run(args: argparse.Namespace) -> int:
        with ExitStack() as stack:
            ds = _dataset(args, stack)
            if ds.count("articles") == 0:
                print(f"error: no article in the corpus{' matching ' + ds.selection.describe() if ds.selection else ''}",
                      file=sys.stderr)
                return 1
            func(ds, args)
            return 0
    return run


@_reading
def cmd_quotes(ds, args) -> None:
    from .aggregate import quotes_of

    _emit(quotes_of(ds, args.speaker or "").drop(columns=["quote_id"]), args)


@_reading
def cmd_speakers(ds, args) -> None:
    from .aggregate import quote_counts

    _emit(quote_counts(ds).head(args.top), args)


@_reading
def cmd_keywords(ds, args) -> None:
    from .keywords import term_frequencies

    _emit(term_frequencies(ds, pos=args.pos).head(args.top), args)


@_reading
def cmd_kwic(ds, args) -> None:
    from .keywords import kwic

    _emit(kwic(ds, args.term, window=args.window, match=args.match, sort=args.sort, limit=args.limit), args)


@_reading
def cmd_collocates(ds, args) -> None:
    from .keywords import collocates

    window = "sentence" if args.window == "sentence" else int(args.window)
    _emit(collocates(ds, args.term, window=window, pos=args.pos, min_count=args.min_count, measure=args.measure
                     ).head(args.top), args)


@_reading
def cmd_keyness(ds, args) -> None:
    from .keywords import keyness_by

    _emit(keyness_by(ds, by=args.by, top=args.top, min_count=args.min_count), args)


@_reading
def cmd_trends(ds, args) -> None:
    from .keywords import trends

    _emit(trends(ds, args.terms, freq="Y" if args.period == "year" else "M"), args)


@_reading
def cmd_themes(ds, args) -> None:
    from .themes import article_scores

    _emit(article_scores(ds, themes=args.themes), args)


@_reading
def cmd_sql(ds, args) -> None:
    import duckdb

    try:
        result = ds.sql(args.query)
    except duckdb.Error as err:
        raise UsageError(f"the query failed: {str(err).splitlines()[0]}") from None
    _emit(result, args)


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build_dataset

    done = build_dataset(args.paths or None, out=args.out, progress=not args.quiet, chunk_size=args.chunk_size,
                         scheduler=args.scheduler, wait=args.wait)
    print(done.summary(), file=sys.stderr)
    print(f"tokenised: {done.n_tokenized}, reused from the cache: {done.n_articles - done.n_tokenized} "
          f"({done.n_parts_reused} of {done.n_parts} parts unchanged)", file=sys.stderr)
    stages = ", ".join(f"{k} {v:.2f}s" for k, v in done.timings.items())
    print(f"time by stage (tokenising overlaps the rest): {stages}", file=sys.stderr)
    if done.published:
        print(f"tables written to {args.out} (snapshot {done.snapshot})", file=sys.stderr)
    else:
        print(f"nothing changed: {args.out} already holds these tables (snapshot {done.snapshot})", file=sys.stderr)
    return 0 if done.n_articles else 1


def cmd_clean(args: argparse.Namespace) -> int:
    from .corpus import load

    loaded = load(args.paths or None, progress=not args.quiet)
    _emit([{"id": r.article_id, "path": r.source_path, "title": r.title, "date": r.date, "text": r.text,
            "captions": r.captions, "byline": r.byline} for r in loaded.records], args)
    for reject in loaded.rejects:
        log.warning("rejected %s %s: %s", reject.source_path, reject.record, reject.reason)
    return 0 if loaded.records else 1


def cmd_report(args: argparse.Namespace) -> int:
    from .report import options_from, render_report

    result = render_report(args.paths or None, out=Path(args.out), cache=args.cache, options=options_from(args),
                           progress=not args.quiet)
    stages = ", ".join(f"{k} {v:.1f}s" for k, v in result.timings.items())
    print(f"report written: {result.index} ({len(result.pages)} pages; time by stage: {stages})", file=sys.stderr)
    return 0


# --------------------------------------------------------------------------- arguments


def _iso_date(value: str) -> str:
    """``--since``/``--until``: an ISO 8601 date, ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    ok = re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value)
    try:
        if ok:
            dt.date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        ok = None
    if not ok:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _window(value: str) -> str:
    if value != "sentence" and not (value.isdigit() and int(value) > 0):
        raise argparse.ArgumentTypeError(f"{value!r}: give a number of words (5) or 'sentence'")
    return value


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m analysis", description="Korean news corpus analysis.")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bars or progress messages")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def add(name: str, func, help_: str, *, reading: bool = True) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_, description=help_)
        sp.add_argument("paths", nargs="*", metavar="PATH", help="files or folders of articles (default: the bundled corpus)")
        if reading:
            sp.add_argument("--cache", metavar="DIR", help="a build folder: with no PATH, read it as it stands; with PATHs, "
                            "build them into it")
            sp.add_argument("--since", type=_iso_date, help="only articles dated on or after (YYYY[-MM[-DD]])")
            sp.add_argument("--until", type=_iso_date, help="only articles dated on or before (YYYY[-MM[-DD]])")
            sp.add_argument("--outlet", help="only this outlet's articles")
            sp.add_argument("--format", choices=["jsonl", "csv", "xlsx"], default="jsonl", help="output format (default jsonl)")
            sp.add_argument("--output", metavar="FILE", help="write to FILE instead of stdout (required for xlsx)")
        sp.set_defaults(func=func)
        return sp

    bd = add("build", cmd_build, "read, clean, tokenise and extract quotes; write parquet tables", reading=False)
    bd.add_argument("--out", required=True, help="output folder")
    bd.add_argument("--chunk-size", type=int, default=256, help="articles per chunk and part file (default 256)")
    bd.add_argument("--scheduler", help="dask.distributed scheduler address (tcp://HOST:8786): run the chunks there")
    bd.add_argument("--wait", action="store_true", help="if another build is writing --out, wait for it instead of stopping")
    cl = add("clean", cmd_clean, "print one JSON object per cleaned article", reading=False)
    cl.set_defaults(format="jsonl", output=None)
    qt = add("quotes", cmd_quotes, "the direct quotes with speaker, mention, role, cue and offsets")
    qt.add_argument("--speaker", help="only this speaker's quotes (the canonical name, e.g. 오세훈)")
    sp = add("speakers", cmd_speakers, "speakers ranked by quotes")
    sp.add_argument("--top", type=int, default=50, help="how many speakers (default 50)")
    kw = add("keywords", cmd_keywords, "terms, most frequent first")
    kw.add_argument("--top", type=int, default=50, help="how many terms (default 50)")
    kw.add_argument("--pos", choices=["nouns", "predicates", "all"], default="nouns", help="which words to count")
    kc = add("kwic", cmd_kwic, "keyword in context: every occurrence of TERM with its context")
    kc.add_argument("term", metavar="TERM", help="a morpheme (탄소중립), a lemma (밝히다, with --match lemma) or a prefix")
    kc.add_argument("--window", type=int, default=30, help="characters of context each side (default 30)")
    kc.add_argument("--match", choices=["form", "lemma", "prefix"], default="form", help="how TERM is matched")
    kc.add_argument("--sort", choices=["position", "left", "right"], default="position", help="order of the lines")
    kc.add_argument("--limit", type=int, help="at most this many lines")
    co = add("collocates", cmd_collocates, "words that occur near TERM more often than chance")
    co.add_argument("term", metavar="TERM")
    co.add_argument("--window", type=_window, default="5", help="content words each side, or 'sentence' (default 5)")
    co.add_argument("--pos", choices=["nouns", "predicates", "all"], default="nouns")
    co.add_argument("--min-count", type=int, default=2)
    co.add_argument("--measure", choices=["ll", "pmi"], default="ll", help="rank by log-likelihood or PMI")
    co.add_argument("--top", type=int, default=50)
    kn = add("keyness", cmd_keyness, "keywords of each year, month or outlet against the rest of the corpus")
    kn.add_argument("--by", choices=["year", "month", "outlet"], default="year")
    kn.add_argument("--top", type=int, default=20, help="terms per group (default 20)")
    kn.add_argument("--min-count", type=int, default=3)
    tr = add("trends", cmd_trends, "counts of TERM… per period, per 10,000 content words")
    tr.add_argument("--terms", dest="terms", nargs="+", metavar="TERM", required=True, help="the terms to follow")
    tr.add_argument("--period", choices=["year", "month"], default="year")
    th = add("themes", cmd_themes, "theme scores per article")
    th.add_argument("--lexicon", help="theme lexicon TOML file (default corpus/themes.toml)")
    sq = add("sql", cmd_sql, "run a DuckDB query over the tables and print the result")
    sq.add_argument("--query", required=True, help="SQL over articles, sentences, tokens, quotes, rejects")
    rp = add("report", cmd_report, "build, run every notebook and write the HTML report")
    rp.add_argument("--out", required=True, help="output folder of the report")
    rp.add_argument("--terms", help="terms of interest, comma-separated (default: the corpus's top nouns)")
    rp.add_argument("--period", choices=["year", "month"], default="year", help="period of keyness and trends")
    rp.add_argument("--keyness-by", choices=["period", "outlet"], default="period", help="compare each period or outlet with the rest")
    return p


def _check(args: argparse.Namespace) -> None:
    """Checks that need more than argparse, done before any tokenising."""
    if getattr(args, "format", None) == "xlsx" and not args.output:
        raise UsageError("--format xlsx writes a workbook: give --output FILE.xlsx")
    if args.command == "themes":
        from .themes import load_themes

        args.themes = load_themes(args.lexicon) if args.lexicon else load_themes()
    if getattr(args, "cache", None) and not args.paths and args.command != "report":
        from .store import published

        published(args.cache)  # a StoreError naming the folder and what to do when it holds no build
    for path in getattr(args, "paths", []):
        if not Path(path).exists():
            raise UsageError(f"{path}: no such file or folder; give a file or a folder of articles")


def main(argv: Sequence[str] | None = None) -> int:
    from .resources import ResourceError

    try:
        args = parser().parse_args(argv)
        logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(message)s", stream=sys.stderr)
        _check(args)
        from tqdm.contrib.logging import logging_redirect_tqdm

        with logging_redirect_tqdm():  # progress messages print above the progress bars, never through them
            return args.func(args)
    except BrokenPipeError:  # `| head`
        return 0
    except (UsageError, CorpusError, ResourceError, StoreError, FileNotFoundError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # a disk or folder this command had to use; the store names its own paths
        where = f"{err.filename}: " if err.filename else ""
        print(f"error: {where}{err.strerror or err}; check the path and its permissions and free space", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
