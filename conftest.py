"""Project-wide pytest hooks for the notebooks (nbval).

nbval 0.11 runs cells with ``store_history=False``, which makes IPython ignore a trailing ``;``
(nbval issue #194, IPython issue #14162): the cell's Axes repr then appears as an output the
stored notebook does not have. Cells are run with history on, as Jupyter does.
"""

from __future__ import annotations

import nbval.kernel


def _execute_with_history(self, cell_input, allow_stdin=None):
    return self.kc.execute(cell_input, store_history=True, allow_stdin=allow_stdin, stop_on_error=False)


nbval.kernel.RunningKernel.execute_cell_input = _execute_with_history
