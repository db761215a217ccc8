"""A small corpus built once, copied into a fresh folder for each store test."""

from __future__ import annotations

import json
import shutil

import pytest

TEXTS = {
    "a": "서울시는 1일 기후 정책을 발표했다. 오세훈 서울시장은 \"탄소중립을 앞당기겠다\"고 말했다.",
    "b": "부산시는 2일 심야버스 운행을 늘린다고 밝혔다. 박형준 부산시장은 \"시민의 발이 되겠다\"고 강조했다.",
    "c": "대구시는 3일 폭염 대책을 내놓았다. 시 관계자는 \"쉼터를 늘리겠다\"고 설명했다.",
    "d": "인천시는 4일 공항 철도 계획을 알렸다. 유정복 인천시장은 \"교통 편의를 높이겠다\"고 했다.",
}


def write_corpus(path, texts: dict[str, str]):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps({"id": k, "title": f"{k} 제목", "text": v}, ensure_ascii=False) + "\n"
                            for k, v in texts.items()), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def store_inputs(tmp_path_factory, kiwi):
    """Two inputs ("old", "new") and a clean build of each (chunk size 2)."""
    from analysis.build import build_dataset
    from analysis.store import read_tables

    root = tmp_path_factory.mktemp("store")
    new_texts = {**{k: v for k, v in TEXTS.items() if k != "d"}, "a": TEXTS["a"] + " 행사는 오후에 끝났다.",
                 "e": "광주시는 5일 인공지능 산업 단지를 소개했다."}
    inputs = {"old": write_corpus(root / "in" / "old.jsonl", TEXTS), "new": write_corpus(root / "in" / "new.jsonl", new_texts)}
    refs, dirs = {}, {}
    for name, src in inputs.items():
        dirs[name] = root / "ref" / name
        build_dataset([src], out=dirs[name], chunk_size=2)
        refs[name] = read_tables(dirs[name])
    return inputs, dirs, refs


@pytest.fixture()
def built(store_inputs, tmp_path):
    """A fresh folder holding a clean build of the old input; returns (folder, inputs, reference tables)."""
    inputs, dirs, refs = store_inputs
    out = tmp_path / "out"
    shutil.copytree(dirs["old"], out)
    return out, inputs, refs
