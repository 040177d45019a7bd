"""Charts in a real kernel: a figure the library returns shows exactly once, as an image, in a
fresh kernel with no magic, and still once after pyplot has loaded the inline backend."""

from __future__ import annotations

import nbformat
import pytest
from matplotlib.figure import Figure
from nbclient import NotebookClient

from bilateral.presentation.display import ChartFigure, displayable

CELLS = [
    "import bilateral\nfrom bilateral import charts\nt = bilateral.extract()",
    "charts.timeline(t)",
    "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()",
    "charts.timeline(t)",
    "charts.warmth(t)",
]


def _images(outputs) -> int:
    return sum("image/png" in o.get("data", {}) for o in outputs)


@pytest.mark.slow
def test_a_library_chart_shows_once_as_an_image_in_a_fresh_kernel():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in CELLS]
    NotebookClient(nb, kernel_name="bilateral", timeout=120).execute()
    counts = [_images(cell.outputs) for cell in nb.cells]
    assert counts == [0, 1, 1, 1, 1], counts
    shown = next(o for o in nb.cells[1].outputs if "image/png" in o.get("data", {}))
    assert shown["output_type"] == "execute_result"


def test_displayable_gives_png_bytes_and_leaves_pyplot_figures_alone():
    fig = displayable(Figure(figsize=(2, 1)))
    fig.add_subplot().plot([0, 1], [1, 0])
    assert isinstance(fig, ChartFigure)
    png = fig._repr_png_()
    assert png.startswith(b"\x89PNG") and png == fig._repr_png_()  # reproducible bytes
    import matplotlib.pyplot as plt

    tracked = plt.figure()
    try:
        assert type(displayable(tracked)) is Figure  # the inline backend shows it already
    finally:
        plt.close(tracked)


@pytest.mark.slow
def test_batch_progress_in_a_notebook_is_a_widget(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(f"from bilateral.running import batch\nbatch.run([], {str(tmp_path)!r}, progress=True)")]
    NotebookClient(nb, kernel_name="bilateral", timeout=120).execute()
    kinds = {k for o in nb.cells[0].outputs for k in o.get("data", {})}
    assert "application/vnd.jupyter.widget-view+json" in kinds, nb.cells[0].outputs
    assert not [o for o in nb.cells[0].outputs if o.get("output_type") == "stream" and "report" in o.get("text", "")]
