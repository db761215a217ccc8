"""One writer at a time: a second build stops with one line naming the folder and the holder, or waits."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from analysis.build import build_dataset
from analysis.store import StoreLocked, build_lock, read_tables

from ..conftest import ROOT


def cli(*args):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "analysis", "-q", *map(str, args)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_second_build_stops_naming_the_holder(built):
    out, inputs, _ = built
    with build_lock(out):
        with pytest.raises(StoreLocked) as err:
            build_dataset([inputs["new"]], out=out)
        proc = cli("build", inputs["new"], "--out", out)
        _, stderr = proc.communicate(timeout=300)
    message = str(err.value)
    assert str(out) in message and f"process {os.getpid()}" in message and "--wait" in message
    assert proc.returncode == 2
    (line,) = stderr.strip().splitlines()
    assert line.startswith("error: ") and str(out) in line and f"process {os.getpid()}" in line


def test_wait_queues_behind_the_holder(built):
    out, inputs, refs = built
    with build_lock(out):
        proc = cli("build", inputs["new"], "--out", out, "--chunk-size", 2, "--wait")
        time.sleep(3)
        assert proc.poll() is None  # still waiting
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    assert read_tables(out).articles.equals(refs["new"].articles)
