"""How the article is built: words per section and citations per sentence."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ...tables import Tables
from .data import section_frame
from .drawing import draw_chart, set_title, show_message, text_width
from .style import STYLE, sheet


def structure(tables: Tables, ax: Axes | None = None, lang: str | None = None) -> Figure:
    """How the article is built: words per section as bars in document order (subsections
    indented under their parent; a hollow bar counts a heading's subsections too; empty sections
    say so) and citations per sentence as diamonds on a second axis."""
    return draw_chart(_structure, tables, ax, lang)


def _structure(tables: Tables, ax: Axes, w: dict, he: bool) -> None:
    style = sheet()
    set_title(ax, w["structure_title"], he)
    secs = section_frame(tables, "he" if he else "en")
    if secs.empty:
        show_message(ax, w["no_sections"])
        return
    bar, density_color = style["structure"]["bar"], style["structure"]["density"]
    y = np.arange(len(secs))
    ax.barh(y, secs.n_words, height=0.62, color=bar, zorder=2)
    parents = secs[secs.has_children & (secs.total > secs.n_words)]
    ax.barh(parents.index, parents.total, height=0.62, fill=False, edgecolor=bar, linewidth=1, linestyle="--",
            zorder=2)
    most = max(int(secs.total.max()), 1)
    for i, r in secs.iterrows():
        if r.is_empty:
            ax.text(most * 0.01, i, w["empty"], va="center", ha="left", fontsize=8, fontstyle="italic",
                    color=style["muted"])
            continue
        for value in {int(r.n_words), int(r.total)} - {0}:
            ax.text(value + most * 0.01, i, str(value), va="center", ha="left", fontsize=7.5, color=style["ink"])
    # Subsections are indented: on the left of a left-aligned label in English, and on the right
    # (where a right-to-left line starts) of a right-aligned one in Hebrew.
    labels = [" " * 4 * max(0, lvl - 2) + ("↲ " if he else "↳ ") * (lvl > 2) + text
              for lvl, text in zip(secs.level, secs.label, strict=True)]
    ax.set_yticks(y, labels)
    if not he:
        width = max(text_width(t, STYLE["ytick.labelsize"], "bold") for t in labels)
        ax.tick_params(axis="y", pad=width + 4)
    for tick, lvl in zip(ax.get_yticklabels(), secs.level, strict=True):
        tick.set_fontweight("bold" if lvl <= 2 else "normal")
        tick.set_horizontalalignment("right" if he else "left")
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(len(secs) - 0.4, -0.6)
    ax.set_xlim(0, most * 1.12)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(w["words"])
    ax.grid(axis="x", color=STYLE["grid.color"], linewidth=STYLE["grid.linewidth"])

    density = secs.density.to_numpy(dtype=float)
    twin = ax.twiny()
    twin.plot(density, y, ls="", marker="D", markersize=6, color=density_color, markeredgecolor="white",
              markeredgewidth=0.6, zorder=4)
    top = np.nanmax(density) if np.isfinite(density).any() else 0.0
    twin.set_xlim(0, max(1.0, top * 1.15))
    twin.set_xlabel(w["density"], color=density_color)
    twin.tick_params(axis="x", colors=density_color)
    for name, spine in twin.spines.items():
        spine.set_visible(name == "top")
    twin.spines["top"].set_color(density_color)
    handles = [Patch(facecolor=bar, label=w["direct_words"])]
    if len(parents):
        handles.append(Patch(fill=False, edgecolor=bar, linestyle="--", label=w["total_words"]))
    handles.append(Line2D([], [], ls="", marker="D", color=density_color, markeredgecolor="white", label=w["density"]))
    twin.legend(handles=handles, loc="lower right", markerfirst=not he)
