"""Command line: ``python -m analysis COMMAND [PATH…]``.

With no PATH every command works on the bundled corpus (``corpus/articles``).

Commands:
    build    read, clean, tokenise and extract quotes; write parquet tables to --out
    clean    print one JSON object per cleaned article
    quotes   print one JSON object per direct quote
    keywords print one JSON object per term, most frequent first
    themes   print one JSON object per article and theme
    report   build, run every notebook against the corpus and write HTML pages to --out
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from .corpus import CorpusError
from .store import StoreError

log = logging.getLogger("analysis")


def _emit(rows: object) -> None:
    """Write records (a DataFrame or a list of dicts) to stdout, one JSON object per line."""
    import pandas as pd

    records = rows.to_dict("records") if isinstance(rows, pd.DataFrame) else rows
    out = sys.stdout
    for row in records:
        clean = {k: (v.tolist() if hasattr(v, "tolist") else v) for k, v in row.items()}
        out.write(json.dumps(clean, ensure_ascii=False, default=str) + "\n")


def _corpus(args: argparse.Namespace):
    """The tables a command works on: ``--cache DIR`` alone reads DIR's build as it is; with PATHs they are
    built into DIR (reusing it); without ``--cache`` they are built in memory."""
    cache = getattr(args, "cache", None)
    if cache and not args.paths:
        from .store import read_tables

        return read_tables(cache)
    from .build import build

    return build(args.paths or None, out=cache, progress=not args.quiet)


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
    _emit(
        {"id": r.article_id, "path": r.source_path, "title": r.title, "date": r.date, "text": r.text,
         "captions": r.captions, "byline": r.byline}
        for r in loaded.records
    )
    for reject in loaded.rejects:
        log.warning("rejected %s %s: %s", reject.source_path, reject.record, reject.reason)
    return 0 if loaded.records else 1


def cmd_quotes(args: argparse.Namespace) -> int:
    corpus = _corpus(args)
    _emit(corpus.quotes.drop(columns=["quote_id"]))
    return 0 if len(corpus.articles) else 1


def cmd_keywords(args: argparse.Namespace) -> int:
    from .keywords import term_frequencies

    corpus = _corpus(args)
    table = term_frequencies(corpus.tokens, pos=args.pos)
    _emit(table.head(args.top))
    return 0 if len(corpus.articles) else 1


def cmd_themes(args: argparse.Namespace) -> int:
    from .themes import article_scores, load_themes

    corpus = _corpus(args)
    themes = load_themes(args.lexicon) if args.lexicon else load_themes()
    _emit(article_scores(corpus, themes=themes))
    return 0 if len(corpus.articles) else 1


def cmd_report(args: argparse.Namespace) -> int:
    from .report import render_report

    index = render_report(args.paths or None, out=Path(args.out), progress=not args.quiet)
    print(f"report written: {index}", file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m analysis", description="Korean news corpus analysis.")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bars or progress messages")
    sub = p.add_subparsers(dest="command", required=True)

    def add(name: str, func, help_: str, *, out: bool = False, cache: bool = True) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_, description=help_)
        sp.add_argument("paths", nargs="*", metavar="PATH", help="files or folders of articles (default: the bundled corpus)")
        if out:
            sp.add_argument("--out", required=True, help="output folder")
        elif cache:
            sp.add_argument("--cache", metavar="DIR", help="a build folder: read as it is when no PATH is given; "
                            "with PATHs, they are built into it (reusing what it holds)")
        sp.set_defaults(func=func)
        return sp

    bd = add("build", cmd_build, "read, clean, tokenise and extract quotes; write parquet tables", out=True)
    bd.add_argument("--chunk-size", type=int, default=256, help="articles per chunk and part file (default 256)")
    bd.add_argument("--scheduler", help="dask.distributed scheduler address (tcp://HOST:8786): run the chunks there")
    bd.add_argument("--wait", action="store_true", help="if another build is writing --out, wait for it instead of stopping")
    add("clean", cmd_clean, "print one JSON object per cleaned article", cache=False)
    add("quotes", cmd_quotes, "print one JSON object per direct quote")
    kw = add("keywords", cmd_keywords, "print one JSON object per term, most frequent first")
    kw.add_argument("--top", type=int, default=50, help="how many terms (default 50)")
    kw.add_argument("--pos", choices=["nouns", "predicates", "all"], default="nouns", help="which words to count")
    th = add("themes", cmd_themes, "print one JSON object per article and theme")
    th.add_argument("--lexicon", help="theme lexicon TOML file (default corpus/themes.toml)")
    add("report", cmd_report, "build, run every notebook and write an HTML report", out=True)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(message)s", stream=sys.stderr)
    try:
        return args.func(args)
    except BrokenPipeError:  # `| head`
        return 0
    except (CorpusError, StoreError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # a disk or folder this command had to use; the store names its own paths
        where = f"{err.filename}: " if err.filename else ""
        print(f"error: {where}{err.strerror or err}; check the path and its permissions and free space", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
