"""Tables written for people: CSV that Excel opens in UTF-8, and Excel workbooks.

Example:
    >>> write(keywords.term_frequencies(ds), "top_terms.xlsx")  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Final

import pandas as pd

#: Rows an Excel sheet holds besides its header; a longer table is complete in its CSV.
EXCEL_ROWS: Final = 1_048_575


def flat(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with list cells (captions, matched terms) joined by ", ", as a spreadsheet shows them."""
    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object:
            out[column] = out[column].map(lambda v: ", ".join(map(str, v)) if isinstance(v, list | tuple) else v)
    return out


def _keeps_index(table: pd.DataFrame) -> bool:
    return isinstance(table.index, pd.MultiIndex) or table.index.name is not None


def write_csv(table: pd.DataFrame, target: str | Path | IO[str], *, bom: bool = True) -> None:
    """CSV, UTF-8 (with a BOM when writing a file, so that Excel reads Hangul right)."""
    encoding = "utf-8-sig" if bom else "utf-8"
    if isinstance(target, str | Path):
        flat(table).to_csv(target, index=_keeps_index(table), encoding=encoding)
    else:
        flat(table).to_csv(target, index=_keeps_index(table))


def write_xlsx(table: pd.DataFrame, target: str | Path | IO[bytes]) -> None:
    """An Excel workbook of one sheet (xlsxwriter in constant-memory mode; at most :data:`EXCEL_ROWS` rows)."""
    flat(table).head(EXCEL_ROWS).to_excel(target, index=_keeps_index(table), engine="xlsxwriter",
                                          engine_kwargs={"options": {"constant_memory": True, "strings_to_urls": False}})
