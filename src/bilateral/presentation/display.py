"""Figures that display themselves once, as an image, in any Jupyter kernel.

A plain matplotlib ``Figure`` shows only ``<Figure size ...>`` until something loads the inline
backend, and a figure pyplot tracks is shown twice when a cell also returns it. A
:class:`ChartFigure` is created outside pyplot (so nothing flushes it at the end of a cell) and
renders its own PNG (``_repr_png_``), so IPython shows it exactly once, with or without
``%matplotlib inline``.
"""

from __future__ import annotations

import io

from matplotlib.figure import Figure

#: PNG metadata left out so the same chart gives the same bytes on every run.
_PNG_METADATA = {"Software": None}


class ChartFigure(Figure):
    """A matplotlib figure with its own image representation for Jupyter."""

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=self.dpi, facecolor=self.get_facecolor(),
                     metadata=_PNG_METADATA)
        return buffer.getvalue()


def displayable(fig: Figure) -> Figure:
    """``fig`` as a :class:`ChartFigure` (the same object, drawing kept), unless pyplot tracks
    it: then the inline backend already shows it, and a second image must not be added."""
    if type(fig) is Figure and not _tracked_by_pyplot(fig):
        fig.__class__ = ChartFigure
    return fig


def _tracked_by_pyplot(fig: Figure) -> bool:
    manager = getattr(fig.canvas, "manager", None)
    return manager is not None
