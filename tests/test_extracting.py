"""`bilateral extract --jobs N`: the same tables, messages and exit status as one job, with a
progress bar."""

from __future__ import annotations

import hashlib
import subprocess
import sys

from conftest import ARTICLES, ROOT, SEED

from bilateral.running import extracting


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bilateral.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def hashes(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_jobs_write_what_one_job_writes_and_say_the_same(tmp_path, write_seed):
    odd = write_seed("odd.txt", "revision: 1\ntitle: T\nurl: https://example.org/x\n---\nText here.\n")
    bad = write_seed("bad.txt", "revision: 1\ntitle: T\n")
    seeds = [str(SEED), str(bad), *map(str, sorted(ARTICLES.glob("*.txt"))), str(odd)]
    one = run("extract", *seeds, "--out", str(tmp_path / "one"))
    two = run("extract", *seeds, "--out", str(tmp_path / "two"), "--jobs", "2")
    assert one.returncode == two.returncode == 2
    assert two.stdout == one.stdout.replace(str(tmp_path / "one"), str(tmp_path / "two"))
    assert two.stderr == one.stderr
    assert [line.split(":")[1].strip() for line in two.stderr.splitlines()] == ["error", "warning"]
    assert len(two.stdout.splitlines()) == len(seeds) - 1
    assert hashes(tmp_path / "two") == hashes(tmp_path / "one")
    # nine tables per article, and the nine corpus tables of all of them (corpus/*.parquet)
    assert len(hashes(tmp_path / "one")) == 9 * (len(seeds) - 1) + 9


def test_jobs_must_be_positive(tmp_path):
    result = run("extract", str(SEED), "--out", str(tmp_path), "--jobs", "0")
    assert result.returncode == 2 and result.stderr == "bilateral: error: --jobs must be at least 1\n"


def test_progress_bar_counts_articles(tmp_path, capsys):
    results = list(extracting.extract_many([SEED, ARTICLES / "en_01_india_vietnam.txt"], tmp_path, jobs=2,
                                           progress=True))
    assert sorted(r.folder.name for r in results) == ["000_ba48285eb3d73b6f", "en_01_india_vietnam"]
    assert "2/2" in capsys.readouterr().err
