"""Shared fixtures: one Kiwi per test session, the bundled corpus built once, the shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT.parent / "shared" / "corpora" / "kowikinews.jsonl"
WIKINEWS_MISSING = f"shared Wikinews corpus not found at {WIKINEWS} (only CI and developers have ../shared)"
FIXTURES = Path(__file__).with_name("fixtures")


@pytest.fixture(scope="session")
def kiwi():
    """The process's Kiwi (pinned settings, project user dictionary), loaded once."""
    from analysis.tokenize import get_kiwi

    return get_kiwi()


@pytest.fixture(scope="session")
def bundled(kiwi, tmp_path_factory):
    """The bundled corpus, built once into a temporary folder."""
    from analysis.build import build

    return build(out=tmp_path_factory.mktemp("bundled"))


@pytest.fixture(scope="session")
def wikinews_path() -> Path:
    if not WIKINEWS.exists():
        pytest.skip(WIKINEWS_MISSING)
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
