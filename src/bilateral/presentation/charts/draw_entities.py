"""Who appears where (actors by section) and who is mentioned most."""

from __future__ import annotations

import textwrap

import numpy as np
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ...tables import Tables
from ..names import display_name
from .data import actor_matrix, top_mentioned
from .drawing import draw_chart, set_title, show_message
from .style import STYLE, nothing, sheet


def actors(tables: Tables, ax: Axes | None = None, lang: str | None = None) -> Figure:
    """Heatmap of mentions of the most-mentioned people and states (rows, ``TOP_ACTORS``) by
    section (columns, in document order), on a greyscale-safe sequential colormap."""
    return draw_chart(_actors, tables, ax, lang)


def _actors(tables: Tables, ax: Axes, w: dict, he: bool) -> None:
    style = sheet()
    set_title(ax, w["actors_title"], he)
    matrix = actor_matrix(tables, "he" if he else "en")
    if matrix.empty or matrix.shape[1] == 0:
        show_message(ax, nothing(w, "no_entities", tables, "he" if he else "en"))
        return
    matrix.columns = [textwrap.fill(c, 16) for c in matrix.columns]
    annot = matrix.astype(str).where(matrix > 0, "")
    sns.heatmap(matrix, ax=ax, cmap=style["heatmap_cmap"], vmin=0, vmax=max(1, int(matrix.to_numpy().max())),
                annot=annot, fmt="", annot_kws={"fontsize": 8}, linewidths=1.5, linecolor="white",
                cbar_kws={"label": w["actors_cbar"], "shrink": 0.85, "pad": 0.02})
    ax.collections[0].colorbar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(length=0)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_yticks(np.arange(len(matrix)) + 0.5, list(matrix.index), rotation=0, va="center")
    tilt = matrix.shape[1] > 7
    ax.set_xticks(np.arange(matrix.shape[1]) + 0.5, list(matrix.columns), rotation=30 if tilt else 0,
                  ha="right" if tilt else "center", rotation_mode="anchor" if tilt else "default")


def mentions(tables: Tables, ax: Axes | None = None, lang: str | None = None) -> Figure:
    """Horizontal bars of mentions per entity (the ``TOP_MENTIONS`` most mentioned), coloured and
    hatched by type (person, country, organization, place), with a legend."""
    return draw_chart(_mentions, tables, ax, lang)


def _mentions(tables: Tables, ax: Axes, w: dict, he: bool) -> None:
    style = sheet()
    set_title(ax, w["mentions_title"], he)
    top = top_mentioned(tables)
    if top.empty:
        show_message(ax, nothing(w, "no_mentions", tables, "he" if he else "en"))
        return
    lang = "he" if he else "en"
    top["label"] = [display_name(r["name"], r["canonical"], lang) for _, r in top.iterrows()]
    top["type"] = [t if t in style["types"] else "other" for t in top.type.fillna("other")]
    y = np.arange(len(top))
    handles = []
    for kind, spec in style["types"].items():
        sel = (top.type == kind).to_numpy()
        if not sel.any():
            continue
        bars = ax.barh(y[sel], top.n[sel], height=0.68, color=spec["color"], hatch=spec["hatch"],
                       edgecolor="white", linewidth=0.6, label=w["types"][kind], zorder=2)
        ax.bar_label(bars, padding=3, fontsize=8, color=style["ink"])
        handles.append(Patch(facecolor=spec["color"], hatch=spec["hatch"], edgecolor="white", label=w["types"][kind]))
    ax.set_yticks(y, list(top.label))
    ax.set_ylim(len(top) - 0.4, -0.6)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(0, top.n.max() * 1.08 + 0.5)
    ax.set_xlabel(w["mentions_xlabel"])
    ax.grid(axis="x", color=STYLE["grid.color"], linewidth=STYLE["grid.linewidth"])
    ax.tick_params(axis="y", length=0)
    ax.legend(handles=handles, loc="lower right", markerfirst=not he, handleheight=1.4, handlelength=2.2)
