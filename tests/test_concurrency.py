"""Many writers, one folder: two batches started at once over the same seeds and the same
output folder give the same folder as one batch alone, and neither reports a false failure."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARTICLES, SEED

pytestmark = pytest.mark.slow

SEEDS = [SEED, ARTICLES / "en_01_india_vietnam.txt"]


def _batch(out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "bilateral.cli", "batch", *map(str, SEEDS), "--out", str(out),
                             "--jobs", "1", "--no-progress"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _files(folder: Path) -> dict[str, str]:
    """Every file but the lock files (which stay, empty, by design)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.parent.name != ".locks"}


def test_two_batches_at_once_give_the_folder_of_one(tmp_path):
    both = tmp_path / "both"
    runs = [_batch(both), _batch(both)]
    alone = _batch(tmp_path / "alone")
    outcomes = [(p.wait(timeout=600), *p.communicate()) for p in [*runs, alone]]
    for code, stdout, stderr in outcomes:
        assert code == 0, stderr
        assert "0 failed" in stdout and "error" not in stderr, (stdout, stderr)
    built = [int(stdout.split(": ")[1].split(" built")[0]) for _, stdout, _ in outcomes[:2]]
    assert sum(built) == len(SEEDS)  # each report built once; the other run found it up to date
    assert _files(both) == _files(tmp_path / "alone")
    assert not [p for p in both.rglob("*") if ".tmp" in p.name]
