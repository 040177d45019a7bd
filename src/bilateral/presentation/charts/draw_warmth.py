"""Tone by year: the dated events of known tone, a smoothed line and the turning points."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ...tables import Tables
from ..chronology import TOP_TURNS, dated_events, turning_points
from .data import smoothed
from .drawing import (
    draw_chart,
    legend_above,
    set_title,
    show_message,
    tone_handles,
    tone_scatter,
    year_axis,
    year_limits,
)
from .style import nothing, sheet


def warmth(tables: Tables, ax: Axes | None = None, lang: str | None = None) -> Figure:
    """Tone by year: one point per dated event of known tone (▲ warm, ▼ cold, ● neutral), a
    smoothed line (a rolling mean over years, or the mean per era when there are few events), the
    zero line, and the turning points of :func:`~bilateral.presentation.chronology.turning_points`
    (the ones the narrative names), each at the event that carries it."""
    return draw_chart(_warmth, tables, ax, lang)


def _warmth(tables: Tables, ax: Axes, w: dict, he: bool) -> None:
    style = sheet()
    set_title(ax, w["warmth_title"], he)
    ev = dated_events(tables)
    ev = ev[ev.tone.notna()]  # an unknown tone has no place on a tone axis
    if ev.empty:
        show_message(ax, nothing(w, "no_events", tables, "he" if he else "en") if dated_events(tables).empty else w["no_tone"])
        return
    _frame(ax, ev, w, he)
    tone_scatter(ax, ev.x, ev.tone, ev.tone)
    xs, ys, window = smoothed(ev)
    label = w["rolling"].format(n=window) if window else w["period_mean"]
    ax.plot(xs, ys, color=style["ink"], lw=2, alpha=0.85, zorder=3, marker="" if window else "s", markersize=5)
    turns = turning_points(ev, TOP_TURNS)
    note = {"fontsize": 8, "ha": "center", "color": style["ink"], "textcoords": "offset points", "zorder": 6,
            "bbox": {"boxstyle": "round,pad=0.25", "fc": "white", "ec": style["muted"], "lw": 0.5},
            "arrowprops": {"arrowstyle": "->", "color": style["ink"], "lw": 0.8}}
    for t in turns:
        up = t.after > t.before
        ax.axvline(t.x, color=style["muted"], ls=":", lw=1, zorder=1)
        ax.annotate(f"{w['turns'][t.direction]} {t.year}", xy=(t.x, 0), xytext=(0, 34 if up else -34), **note)
    if not turns and not ev.tone.any():
        ax.text(0.5, 0.8, w["all_neutral"], transform=ax.transAxes, ha="center", fontsize=8.5,
                color=style["muted"])
    handles = tone_handles(w, unknown=False) + [
        Line2D([], [], color=style["ink"], lw=2, marker="" if window else "s", markersize=5, label=label)]
    legend_above(ax, handles, he)


def _frame(ax: Axes, ev: pd.DataFrame, w: dict, he: bool) -> None:
    """The year axis, the warm and cold halves, the zero line and their labels."""
    style = sheet()
    tone = style["tone"]
    lo, hi = year_limits(ev.x.min(), ev.x.max())
    year_axis(ax, lo, hi, w["year"])
    ax.axhspan(0, 1.2, color=tone["warm"], alpha=0.07, lw=0, zorder=0)
    ax.axhspan(-1.2, 0, color=tone["cold"], alpha=0.07, lw=0, zorder=0)
    ax.axhline(0, color=style["ink"], lw=0.8, zorder=1)
    ax.set_ylim(-1.2, 1.2)
    ax.set_yticks([-1, -0.5, 0, 0.5, 1], ["\u22121", "\u22120.5", "0", "+0.5", "+1"])
    ax.set_ylabel(w["warmth_ylabel"])
    side = {"x": 0.99 if he else 0.01, "ha": "right" if he else "left", "transform": ax.transAxes,
            "fontsize": 8, "color": style["muted"]}
    ax.text(y=0.97, s=w["warmer"], va="top", **side)
    ax.text(y=0.03, s=w["colder"], va="bottom", **side)
