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
    """Build a corpus from {article_id: text} in memory."""
    from analysis.build import Corpus
    from analysis.corpus import articles_frame
    from analysis.quotes import extract_quotes
    from analysis.schema import Record, empty_frame
    from analysis.tokenize import tokenize_texts

    def make(texts: dict[str, str]) -> Corpus:
        records = [Record(source_path="test", record="", article_id=k, text=v) for k, v in texts.items()]
        articles = articles_frame(records)
        sents, toks = tokenize_texts(list(texts.values()), list(texts))
        return Corpus(articles=articles, sentences=sents, tokens=toks, rejects=empty_frame("rejects"),
                      quotes=extract_quotes(articles, sents, toks), n_read=len(records))

    return make
