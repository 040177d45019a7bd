"""Notebooks: committed without outputs, in sync with their jupytext pairs, and executable."""

from __future__ import annotations

import json

import jupytext
import nbformat
import papermill
import pytest
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert {p.stem for p in NOTEBOOKS} >= {"explore"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebook_has_no_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        assert not cell.get("outputs"), f"{path.name}: run `make notebooks` to strip outputs"
        assert cell.get("execution_count") is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_in_sync_with_its_percent_script(path):
    script = jupytext.read(path.with_suffix(".py"))
    notebook = jupytext.read(path)
    assert [c.source for c in script.cells] == [c.source for c in notebook.cells]
    assert [c.cell_type for c in script.cells] == [c.cell_type for c in notebook.cells]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_code_cell_is_the_tagged_parameters_cell(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0].metadata.get("tags") == ["parameters"], f"{path.name}: the first code cell must be tagged"
    assert not [c for c in code[1:] if "parameters" in c.metadata.get("tags", [])]
    params = papermill.inspect_notebook(str(path))
    assert "corpus_dir" in params if path.stem == "corpus" else "seed" in params  # corpus: many seeds
    for spec in params.values():
        assert f"{spec['name']}:" in code[0].source  # what papermill reads is that cell
        assert spec["help"], f"{path.name}: parameter {spec['name']} needs a comment"


def test_report_notes_are_tagged_so_nbconvert_can_drop_them():
    nb = nbformat.read(ROOT / "notebooks" / "report.ipynb", as_version=4)
    notes = [c for c in nb.cells if c.cell_type == "markdown"]
    assert notes and all(c.metadata.get("tags") == ["notes"] for c in notes)


@pytest.mark.slow
def test_explore_runs_top_to_bottom_on_the_project_kernel(tmp_path):
    out = tmp_path / "explore.ipynb"
    nb = papermill.execute_notebook(
        str(ROOT / "notebooks" / "explore.ipynb"), str(out), kernel_name="bilateral",
        progress_bar=False, cwd=str(tmp_path),
    )
    assert nb.metadata.papermill.exception is None
    shown = [o for c in nb.cells for o in c.get("outputs", [])]
    assert any("text/html" in o.get("data", {}) for o in shown)  # DataFrames rendered
    assert not [o for o in shown if o.get("output_type") == "error"]
    chart_cells = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("charts.")]
    assert len(chart_cells) == 4
    for cell in chart_cells:  # each chart exactly once, as an image
        assert sum("image/png" in o.get("data", {}) for o in cell.outputs) == 1, cell.source
    actors = next(c for c in nb.cells if "event_actors" in c.source)
    assert "Enver Hoxha" in actors.outputs[0]["data"]["text/html"]  # names, not only ids
