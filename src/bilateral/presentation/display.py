"""Figures that display themselves once, as an image, in any Jupyter kernel.

A plain matplotlib ``Figure`` shows only ``<Figure size ...>`` until something loads the inline
backend, and a figure pyplot tracks is shown twice when a cell also returns it. A
:class:`ChartFigure` is created outside pyplot (so nothing flushes it at the end of a cell) and
renders its own PNG (``_repr_png_``), so IPython shows it exactly once, with or without
``%matplotlib inline``.
"""

from __future__ import annotations

import io
from typing import IO

import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import same_color
from matplotlib.figure import Figure

#: PNG metadata left out so the same chart gives the same bytes on every run.
PNG_METADATA = {"Software": None}


class ChartFigure(Figure):
    """A matplotlib figure with its own image representation for Jupyter."""

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        pixels = drawn_pixels(self, self.dpi, facecolor=self.get_facecolor())
        if pixels is None:
            self.savefig(buffer, format="png", dpi=self.dpi, facecolor=self.get_facecolor(), metadata=PNG_METADATA)
        else:
            write_pixels(buffer, pixels, self.dpi)
        return buffer.getvalue()


def drawn_pixels(fig: Figure, dpi: float, facecolor=None) -> np.ndarray | None:
    """A copy of the pixels of ``fig``'s last Agg draw when they are what ``savefig`` would draw
    now as a PNG at ``dpi`` (with ``facecolor``, else the rc setting's): the figure unchanged
    since (not stale), drawn at that dpi, on that background, uncropped; else ``None``."""
    canvas = fig.canvas
    renderer = getattr(canvas, "renderer", None)
    if not isinstance(canvas, FigureCanvasAgg) or renderer is None or fig.stale or fig.dpi != dpi:
        return None
    if (renderer.width, renderer.height) != canvas.get_width_height(physical=True):
        return None
    rc = mpl.rcParams
    if rc["savefig.transparent"] or rc["savefig.bbox"] not in (None, "standard"):
        return None
    backgrounds = ((rc["savefig.facecolor"] if facecolor is None else facecolor, fig.get_facecolor()),
                   (rc["savefig.edgecolor"], fig.get_edgecolor()))
    if any(wanted != "auto" and not same_color(wanted, drawn) for wanted, drawn in backgrounds):
        return None
    return np.array(canvas.buffer_rgba())


def write_pixels(fh: IO[bytes], pixels: np.ndarray, dpi: float) -> None:
    """Pixels from :func:`drawn_pixels` as the PNG ``savefig`` would write, without its
    software stamp."""
    mpl.image.imsave(fh, pixels, format="png", origin="upper", dpi=dpi, metadata=PNG_METADATA)


def displayable(fig: Figure) -> Figure:
    """``fig`` as a :class:`ChartFigure` (the same object, drawing kept), unless pyplot tracks
    it: then the inline backend already shows it, and a second image must not be added."""
    if type(fig) is Figure and not _tracked_by_pyplot(fig):
        fig.__class__ = ChartFigure
    return fig


def _tracked_by_pyplot(fig: Figure) -> bool:
    manager = getattr(fig.canvas, "manager", None)
    return manager is not None
