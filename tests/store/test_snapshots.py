"""Atomic publish: readers see the old build or the new one; failures and kills leave the old one served."""

from __future__ import annotations

import errno
import json

import pandas as pd
import pytest

from analysis.build import build_dataset
from analysis.schema import TABLES
from analysis.store import SNAPSHOTS, StoreError, load_manifest, published, read_manifest, read_tables, table_files
from analysis.store import snapshot as snapshot_module


def assert_same(corpus, ref):
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(corpus, name), getattr(ref, name))


def snapshots(out):
    return sorted(p.name for p in (out / SNAPSHOTS).iterdir())


def test_a_build_publishes_a_new_snapshot_and_keeps_the_one_before(built):
    out, inputs, refs = built
    first = published(out).snapshot
    done = build_dataset([inputs["new"]], out=out, chunk_size=2)
    assert done.published and done.snapshot != first
    m = published(out)
    assert (m.snapshot, m.previous) == (done.snapshot, first)
    assert snapshots(out) == sorted([first, done.snapshot])
    assert_same(read_tables(out), refs["new"])
    third = build_dataset([inputs["old"]], out=out, chunk_size=2)
    assert snapshots(out) == sorted([done.snapshot, third.snapshot])  # the first one is gone now


def test_files_listed_before_a_publish_are_still_there_after_it(built):
    """What issue 15's DuckDB layer relies on: list the files, a build publishes, the files still read."""
    out, inputs, refs = built
    listed = {name: table_files(out, name) for name in TABLES}
    build_dataset([inputs["new"]], out=out, chunk_size=2)
    old_tokens = pd.concat([pd.read_parquet(p) for p in listed["tokens"]], ignore_index=True)
    pd.testing.assert_frame_equal(old_tokens.astype(refs["old"].tokens.dtypes.to_dict()), refs["old"].tokens)
    assert table_files(out, "tokens") != listed["tokens"]


def test_an_unchanged_rebuild_publishes_nothing(built):
    out, inputs, _ = built
    before = (out / "build.json").read_bytes()
    done = build_dataset([inputs["old"]], out=out, chunk_size=2)
    assert not done.published and done.n_parts_reused == done.n_parts == 2
    assert (out / "build.json").read_bytes() == before and len(snapshots(out)) == 1


@pytest.mark.parametrize("fail_at", [1, 3, 6])
def test_a_disk_error_mid_build_leaves_the_old_build_served(built, monkeypatch, fail_at):
    """The disk refuses the Nth part file (full or read-only): a one-line error, the old build still served,
    the unpublished snapshot removed."""
    out, inputs, refs = built
    real, calls = snapshot_module.write_table, []

    def failing(path, frame):
        calls.append(path)
        if len(calls) == fail_at:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, frame)

    monkeypatch.setattr(snapshot_module, "write_table", failing)
    with pytest.raises(StoreError, match="cannot write \\(No space left on device\\)") as err:
        build_dataset([inputs["new"]], out=out, chunk_size=2)
    assert "\n" not in str(err.value) and str(out) in str(err.value)
    assert_same(read_tables(out), refs["old"])
    assert len(snapshots(out)) == 1


def test_a_failed_publish_leaves_the_old_build_served(built, monkeypatch):
    out, inputs, refs = built

    def refuse(src, dst):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("analysis.store.manifest.os.replace", refuse)
    with pytest.raises(StoreError, match="Read-only file system"):
        build_dataset([inputs["new"]], out=out, chunk_size=2)
    assert_same(read_tables(out), refs["old"])
    assert not list(out.glob("build.json.tmp-*")) and len(snapshots(out)) == 1


def test_leftovers_of_a_killed_build_are_removed_by_the_next(built):
    out, inputs, _ = built
    (out / SNAPSHOTS / "000009-deadbeef" / "tokens").mkdir(parents=True)  # what a killed build leaves
    (out / "build.json.tmp-12345").write_text("{", encoding="utf-8")
    done = build_dataset([inputs["new"]], out=out, chunk_size=2)
    assert not (out / SNAPSHOTS / "000009-deadbeef").exists() and not (out / "build.json.tmp-12345").exists()
    assert snapshots(out) == sorted([published(out).previous, done.snapshot])


@pytest.mark.parametrize(("content", "problem"), [
    ('{"format": 2, "snapshot": 7}', "Expected `str`, got `int`"),
    ("[1, 2]", "Expected `object`, got `array`"),
    ('{"format": 2', "not JSON"),
])
def test_a_bad_manifest_is_one_line_naming_it(built, content, problem):
    out, inputs, _ = built
    (out / "build.json").write_text(content, encoding="utf-8")
    for action in (lambda: read_tables(out), lambda: build_dataset([inputs["new"]], out=out)):
        with pytest.raises(StoreError, match="not a valid build manifest") as err:
            action()
        assert problem in str(err.value) and str(out / "build.json") in str(err.value) and "\n" not in str(err.value)
    assert read_manifest(out) == {}


def test_a_build_in_the_old_layout_is_replaced(tmp_path, store_inputs):
    inputs, _, refs = store_inputs
    out = tmp_path / "legacy"
    (out / "tokens").mkdir(parents=True)
    (out / "tokens" / "part-00000.parquet").write_bytes(b"old")
    (out / ".staging-4242" / "quotes").mkdir(parents=True)  # what that version's killed builds left
    (out / "build.json").write_text(json.dumps({"parts": {"k": "part-00000.parquet"}, "quote_rules": "x"}), encoding="utf-8")
    with pytest.raises(StoreError, match="older version"):
        read_tables(out)
    build_dataset([inputs["old"]], out=out, chunk_size=2)
    assert not (out / "tokens").exists() and not (out / ".staging-4242").exists()
    assert_same(read_tables(out), refs["old"])
    assert load_manifest(out).format == 2


def test_no_build_here_says_what_to_run(tmp_path):
    with pytest.raises(StoreError, match=r"no built corpus here.*python -m analysis build"):
        read_tables(tmp_path)


def test_names_in_the_manifest_cannot_lead_outside_the_folder(built):
    out, _, _ = built
    manifest = json.loads((out / "build.json").read_text(encoding="utf-8"))
    manifest["snapshot"] = "../../elsewhere"
    (out / "build.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(StoreError, match="is not one a build writes"):
        read_tables(out)
