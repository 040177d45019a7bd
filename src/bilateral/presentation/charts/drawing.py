"""What every chart draws with: a figure of its own in the charts' style, a title, a message
in place of an empty chart, legends, tone markers, a year axis, and text measurement."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.textpath import text_to_path
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ...tables import Tables
from ..chronology import tone_class
from ..display import displayable
from .style import STYLE, chart_words, sheet, tone_colors

#: rc settings under which ``set_layout_engine(None)`` removes the engine rather than picking one.
_NO_LAYOUT = {"figure.autolayout": False, "figure.constrained_layout.use": False}


def draw_chart(draw: Callable[[Tables, Axes, dict, bool], None], tables: Tables, ax: Axes | None,
               lang: str | None = None) -> Figure:
    """Run ``draw`` on ``ax``, or on a new settled figure of its own, in the charts' style."""
    # Labels follow the report's language when given (an English report of a Hebrew article),
    # else the article's.
    lang = lang or tables.lang
    with plt.rc_context(STYLE):
        if ax is not None:
            draw(tables, ax, chart_words(lang), lang == "he")
            return ax.figure
        fig = Figure(figsize=STYLE["figure.figsize"], dpi=sheet()["dpi"], layout="constrained")
        draw(tables, fig.add_subplot(), chart_words(lang), lang == "he")
        settle(fig)
    return displayable(fig)


def settle(fig: Figure) -> None:
    """Lay ``fig`` out and draw its pixels, in one Agg draw, then keep that layout: the first
    display looks like every later one, and a PNG at the figure's dpi reuses these pixels
    (:func:`..display.drawn_pixels`) instead of drawing again."""
    FigureCanvasAgg(fig).draw()
    # No engine at all (not "none", a placeholder): with any engine set, every savefig draws
    # the whole figure once more, text layout included, before drawing it for real.
    with plt.rc_context(_NO_LAYOUT):
        fig.set_layout_engine(None)


def set_title(ax: Axes, text: str, he: bool) -> None:
    """The chart's title, where a line of its language starts."""
    ax.set_title(text, loc="right" if he else "left")


def show_message(ax: Axes, text: str) -> None:
    """A message in place of a chart that has nothing to show."""
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", fontsize=13,
            color=sheet()["muted"])
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)


def legend_above(ax: Axes, handles: list, he: bool) -> None:
    """A one-row legend above the axes, right to left in Hebrew."""
    # Right to left, the first entry stands on the right.
    ax.legend(handles=handles[::-1] if he else handles, loc="lower left" if he else "lower right",
              bbox_to_anchor=(0, 1) if he else (1, 1),
              ncol=len(handles), markerfirst=not he, borderaxespad=0.3, handletextpad=0.4, columnspacing=1.1)


def tone_handles(w: dict, unknown: bool = False) -> list[Line2D]:
    """Legend entries of the tone markers; ``unknown`` adds the hollow marker of an unknown tone."""
    s = sheet()["tone"]
    classes = ("warm", "cold", "neutral", "unknown") if unknown else ("warm", "cold", "neutral")
    return [Line2D([], [], ls="", marker=s["markers"][k], markersize=7, markerfacecolor=s[k],
                   markeredgecolor=s["edge"], markeredgewidth=0.6, label=w[k]) for k in classes]


def tone_scatter(ax: Axes, xs: Iterable[float], ys: Iterable[float], tones: Iterable[float], size: float = 46) -> None:
    """Events as tone markers: shape by tone class, colour by tone; an unknown tone is hollow."""
    s = sheet()["tone"]
    frame = pd.DataFrame({"x": list(xs), "y": list(ys), "tone": list(tones)})
    for cls, marker in s["markers"].items():
        part = frame[[tone_class(t) == cls for t in frame.tone]]
        if len(part):
            colors = [s["unknown"]] * len(part) if cls == "unknown" else tone_colors(part.tone)
            ax.scatter(part.x, part.y, s=size, marker=marker, c=colors, edgecolors=s["edge"],
                       linewidths=0.6, zorder=4)


def year_axis(ax: Axes, lo: float, hi: float, label: str) -> None:
    """An x axis of whole years from ``lo`` to ``hi``, with a light grid."""
    ax.set_xlim(lo, hi)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=10, integer=True, steps=[1, 2, 5, 10]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}"))
    ax.set_xlabel(label)
    ax.grid(axis="x", color=STYLE["grid.color"], linewidth=STYLE["grid.linewidth"])


def year_limits(lo: float, hi: float, pad: float = 0.04, least: float = 6.0) -> tuple[float, float]:
    """Limits of a year axis: at least ``least`` years wide, with a margin."""
    if hi - lo < least:
        mid = (lo + hi) / 2
        lo, hi = mid - least / 2, mid + least / 2
    margin = (hi - lo) * pad
    return lo - margin, hi + margin


def text_width(text: str, size: float, weight: str = "normal") -> float:
    """Width of ``text`` in points."""
    prop = FontProperties(family=STYLE["font.family"], size=size, weight=weight)
    return text_to_path.get_text_width_height_descent(text, prop, ismath=False)[0]


def axes_points(ax: Axes) -> tuple[float, float]:
    """The axes' width and height in points, once the layout has placed it."""
    fig = ax.get_figure(root=True)
    if fig.get_layout_engine() is not None:
        fig.draw_without_rendering()
    box = ax.get_position()
    return max(box.width * fig.get_figwidth() * 72, 72.0), max(box.height * fig.get_figheight() * 72, 72.0)
