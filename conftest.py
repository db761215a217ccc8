"""Project-wide pytest hooks for the notebooks (nbval).

- nbval 0.11 runs cells with ``store_history=False``, which makes IPython ignore a trailing
  ``;`` (nbval issue #194, IPython issue #14162): the cell's Axes repr then appears as an output
  the stored notebook does not have. Cells are run with history on, as Jupyter does.
- Notebooks built on the shared Wikinews corpus (``NN_shared_*.ipynb``) are skipped, with the reason, where it is absent.
"""

from __future__ import annotations

from pathlib import Path

import nbval.kernel
import pytest

WIKINEWS = Path(__file__).resolve().parent.parent / "shared" / "corpora" / "kowikinews.jsonl"


def _execute_with_history(self, cell_input, allow_stdin=None):
    return self.kc.execute(cell_input, store_history=True, allow_stdin=allow_stdin, stop_on_error=False)


nbval.kernel.RunningKernel.execute_cell_input = _execute_with_history


def pytest_collection_modifyitems(config, items):
    if WIKINEWS.exists():
        return
    skip = pytest.mark.skip(reason=f"shared Wikinews corpus not found at {WIKINEWS} (only CI and developers have ../shared)")
    for item in items:
        path = Path(str(item.fspath))
        if path.suffix == ".ipynb" and "_shared_" in path.name:
            item.add_marker(skip)
