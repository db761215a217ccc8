"""A few trials of benchmarks/faults.py (kill -9 at random moments, concurrent builds) on a small corpus.

The benchmark runs 20 and more of each on Wikinews articles; these keep the suite fast.
"""

from __future__ import annotations

import importlib.util
import random

import pytest

from ..conftest import ROOT

SENTENCES = [
    "서울시는 기후 정책을 발표했다.", "오세훈 서울시장은 \"탄소중립을 앞당기겠다\"고 말했다.", "부산시는 심야버스 운행을 늘린다고 밝혔다.",
    "박형준 부산시장은 \"시민의 발이 되겠다\"고 강조했다.", "대구시는 폭염 대책을 내놓았다.", "시 관계자는 \"쉼터를 늘리겠다\"고 설명했다.",
    "인천시는 공항 철도 계획을 알렸다.", "광주시는 인공지능 산업 단지를 소개했다.",
]


@pytest.fixture(scope="module")
def bench(tmp_path_factory, kiwi):
    spec = importlib.util.spec_from_file_location("faults", ROOT / "benchmarks" / "faults.py")
    faults = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(faults)
    rows = [{"id": f"n{i}", "title": f"기사 {i}", "date": f"2022-08-{i + 1:02d}", "url": f"https://example.org/{i}",
             "text": " ".join(SENTENCES[i:] + SENTENCES[:i])} for i in range(8)]
    return faults, faults.Bench(tmp_path_factory.mktemp("faults"), rows, chunk_size=2)


def test_kill_9_at_random_moments(bench):
    faults, b = bench
    window = faults.measure_window(b)
    rng = random.Random(17)
    seen = [b.kill(rng, window)["reader saw"] for _ in range(3)]
    assert set(seen) <= {"old", "new"}  # each asserted inside: a clean old or new build, counts add up, no leftovers


def test_two_builds_at_once(bench):
    _, b = bench
    result = b.concurrent(wait=False)
    assert result["reader saw"] in result["succeeded"]
