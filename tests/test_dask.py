"""The same build on a 2-worker dask.distributed LocalCluster gives the same tables."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.build import build
from analysis.schema import TABLES
from analysis.store import table_files

TEXTS = [
    "서울시는 1일 기후 정책을 발표했다. 오세훈 서울시장은 \"탄소중립을 앞당기겠다\"고 말했다.",
    "부산시는 2일 심야버스 운행을 늘린다고 밝혔다. 박형준 부산시장은 \"시민의 발이 되겠다\"고 강조했다.",
    "대구시는 3일 폭염 대책을 내놓았다. 시 관계자는 \"쉼터를 늘리겠다\"고 설명했다.",
    "인천시는 4일 공항 철도 계획을 알렸다. 유정복 인천시장은 \"교통 편의를 높이겠다\"며 \"예산을 확보하겠다\"고 했다.",
    "광주시는 5일 인공지능 산업 단지를 소개했다. 강기정 광주시장은 \"데이터 산업의 중심이 되겠다\"고 말했다.",
    "대전시는 6일 과학 축제를 열었다. 이장우 대전시장은 \"과학 도시의 위상을 높이겠다\"고 밝혔다.",
    "울산시는 7일 수소 도시 전략을 내놓았다. 김두겸 울산시장은 \"친환경 에너지로 바꾸겠다\"고 말했다.",
]


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    path = tmp_path_factory.mktemp("dask") / "articles.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(TEXTS)),
                    encoding="utf-8")
    return path


def test_local_cluster_build_equals_single_process(source, tmp_path, kiwi):
    distributed = pytest.importorskip("dask.distributed")
    single = build([source], out=tmp_path / "single", chunk_size=3)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster, distributed.Client(cluster) as client:
        on_dask = build([source], out=tmp_path / "dask", chunk_size=3, scheduler=client)
        loaded = client.run(lambda: __import__("analysis.tokenize", fromlist=["kiwi_loaded"]).kiwi_loaded())
    assert on_dask.n_tokenized == len(TEXTS)
    assert any(loaded.values())  # the workers, not this process, tokenised
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(single, name), getattr(on_dask, name))
    assert len(table_files(tmp_path / "dask", "tokens", verify=True)) == 3
