"""The default report, rendered once for the report tests and the browser tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def default_report(tmp_path_factory, kiwi, default_out):
    """``python -m analysis report --cache <default build>``: every page of the report on the bundled corpus."""
    from analysis.report import render_report

    return render_report(out=tmp_path_factory.mktemp("report"), cache=default_out, progress=False)
