"""Verified reuse: a damaged part file is refused by readers and recomputed by the next build."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.build import build_dataset
from analysis.schema import TABLES
from analysis.store import StoreError, read_tables, table_files


def flip_bit(path, at):
    data = bytearray(path.read_bytes())
    data[at % len(data)] ^= 0x10
    path.unlink()  # a new file: the reference folder it was copied from keeps its bytes
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("table", list(TABLES))
@pytest.mark.parametrize("where", [0.1, 0.5, 0.95])  # header, data pages, footer
def test_a_flipped_bit_is_caught_and_repaired(built, table, where):
    out, inputs, refs = built
    path = table_files(out, table)[-1]
    size = path.stat().st_size
    flip_bit(path, int(size * where))
    assert path.stat().st_size == size
    with pytest.raises(StoreError, match="checksum mismatch") as err:
        read_tables(out)
    assert str(path) in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(StoreError, match="checksum mismatch"):
        table_files(out, table, verify=True)
    done = build_dataset([inputs["old"]], out=out, chunk_size=2)
    assert done.published and f"{table}/{path.name}: checksum mismatch" in done.summary()
    repaired = read_tables(out)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(repaired, name), getattr(refs["old"], name))


def test_a_missing_part_is_repaired(built):
    out, inputs, refs = built
    path = table_files(out, "quotes")[0]
    path.unlink()
    with pytest.raises(StoreError, match=r"quotes/part-00000\.parquet"):
        read_tables(out)
    done = build_dataset([inputs["old"]], out=out, chunk_size=2)
    assert "quotes/part-00000.parquet: cannot read" in done.summary()
    pd.testing.assert_frame_equal(read_tables(out).quotes, refs["old"].quotes)
