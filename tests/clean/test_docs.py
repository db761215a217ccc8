"""The examples in the cleaner's docstrings run and give what they say."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["analysis.clean", "analysis.clean.text", "analysis.clean.dates", "analysis.clean.lines", "analysis.clean.kinds",
           "analysis.clean.names",
           "analysis.clean.body", "analysis.clean.title", "analysis.clean.captions", "analysis.clean.byline",
           "analysis.clean.page", "analysis.clean.evaluate"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0, f"{name} has no example"
    assert result.failed == 0
