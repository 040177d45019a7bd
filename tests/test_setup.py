"""Set-up that reaches beyond the package: the git filter that keeps notebook outputs out of
commits (nbstripout, configured by `make venv`), and the kernel installed for the user."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT

BIN = Path(sys.executable).parent


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.mark.skipif(shutil.which("git") is None or shutil.which("make") is None, reason="needs git and make")
def test_make_strip_outputs_keeps_notebook_outputs_out_of_commits(tmp_path):
    repo = tmp_path / "repo"
    (repo / "notebooks").mkdir(parents=True)
    _git(repo, "init", "-q")
    for name in (".gitattributes", "Makefile"):
        shutil.copy(ROOT / name, repo / name)
    subprocess.run(["make", "--no-print-directory", "strip-outputs", f"BIN={BIN}", "STAMP="], cwd=repo, check=True,
                   capture_output=True)
    assert (repo / ".gitattributes").read_bytes() == (ROOT / ".gitattributes").read_bytes()  # left as committed
    nb = nbformat.read(ROOT / "notebooks" / "explore.ipynb", as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="an output\n")]
    cell.execution_count = 7
    nbformat.write(nb, repo / "notebooks" / "explore.ipynb")
    _git(repo, "add", "notebooks/explore.ipynb")
    staged = json.loads(_git(repo, "show", ":notebooks/explore.ipynb"))
    assert all(not c.get("outputs") and c.get("execution_count") is None
               for c in staged["cells"] if c["cell_type"] == "code")
    assert "an output" in (repo / "notebooks" / "explore.ipynb").read_text(encoding="utf-8")  # the working copy keeps it


def test_kernel_can_be_installed_for_the_user(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path), "JUPYTER_DATA_DIR": str(tmp_path / "jupyter")}
    done = subprocess.run([sys.executable, "-m", "bilateral.kernel", "--user"], env=env, capture_output=True,
                          text=True, check=True)
    folder = Path(done.stdout.strip())
    assert folder == tmp_path / "jupyter" / "kernels" / "bilateral"
    spec = json.loads((folder / "kernel.json").read_text(encoding="utf-8"))
    assert spec["display_name"] == "Python (bilateral)"
    assert Path(spec["argv"][0]) == Path(sys.executable)  # the venv's Python, wherever Jupyter runs


def test_make_kernel_and_strip_outputs_are_make_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "kernel: $(STAMP)" in makefile and "bilateral.kernel --user" in makefile
    assert "@$(MAKE) --no-print-directory strip-outputs" in makefile  # part of `make venv`
