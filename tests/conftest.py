"""Shared fixtures: one Kiwi per test session; the seed page, the default corpus and Wikinews built once.

- ``bundled``: the page the project started from (``corpus/articles/000_f887c3d3ff964b74.txt``) alone.
- ``default_out`` / ``default_corpus``: the whole default corpus (the seed page and the bundled Wikinews).
- ``wikinews_path``: the Wikinews file — ``../shared/corpora/kowikinews.jsonl`` where it exists, else the
  copy bundled in ``corpus/articles`` (the same 499 records), so these tests run on every machine.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
WIKINEWS_SHARED = SHARED / "kowikinews.jsonl"
WIKINEWS_BUNDLED = ROOT / "corpus" / "articles" / "kowikinews.jsonl.gz"
WIKINEWS = WIKINEWS_SHARED if WIKINEWS_SHARED.exists() else WIKINEWS_BUNDLED
SEED_PAGE = ROOT / "corpus" / "articles" / "000_f887c3d3ff964b74.txt"
WIKITREE = SHARED / "ko_news_sentences.jsonl"
WIKITREE_MISSING = f"the WIKITREE sentences are not at {WIKITREE} (only CI and developers have ../shared)"
FIXTURES = Path(__file__).with_name("fixtures")


@pytest.fixture(scope="session")
def kiwi():
    """The process's Kiwi (pinned settings, project user dictionary), loaded once."""
    from analysis.tokenize import get_kiwi

    return get_kiwi()


@pytest.fixture(scope="session")
def bundled(kiwi, tmp_path_factory):
    """The seed page alone, built once into a temporary folder."""
    from analysis.build import build

    return build([SEED_PAGE], out=tmp_path_factory.mktemp("bundled"))


@pytest.fixture(scope="session")
def default_out(kiwi, tmp_path_factory) -> Path:
    """The whole default corpus (no PATH), built once."""
    from analysis.build import build_dataset

    out = tmp_path_factory.mktemp("default")
    build_dataset(out=out)
    return out


@pytest.fixture(scope="session")
def default_corpus(default_out):
    from analysis.build import read_tables

    return read_tables(default_out)


@pytest.fixture(scope="session")
def wikinews_path() -> Path:
    return WIKINEWS


@pytest.fixture(scope="session")
def wikinews_out(wikinews_path, kiwi, tmp_path_factory) -> Path:
    """The shared corpus built once (cold) into a temporary folder."""
    from analysis.build import build

    out = tmp_path_factory.mktemp("wikinews")
    build([wikinews_path], out=out)
    return out


@pytest.fixture(scope="session")
def wikinews(wikinews_out):
    from analysis.build import read_tables

    return read_tables(wikinews_out)


@pytest.fixture()
def corpus_of(kiwi):
    """Build a corpus from {article_id: text} in memory, through the build's own chunk pipeline."""
    from analysis.build import analyse_chunk
    from analysis.schema import Corpus, Record, empty_frame

    def make(texts: dict[str, str]) -> Corpus:
        records = [Record(source_path="test", record="", article_id=k, text=v) for k, v in texts.items()]
        tables = analyse_chunk(records)
        return Corpus(articles=tables.articles, sentences=tables.sentences, tokens=tables.tokens,
                      rejects=empty_frame("rejects"), quotes=tables.quotes, n_read=len(records))

    return make
