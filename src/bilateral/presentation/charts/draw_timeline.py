"""The relations timeline: dated events by era in time order."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from ...tables import Tables
from ..chronology import dated_events
from .data import era_lanes, key_events, short
from .drawing import (
    axes_points,
    draw_chart,
    legend_above,
    set_title,
    show_message,
    text_width,
    tone_handles,
    tone_scatter,
    year_axis,
    year_limits,
)
from .style import nothing, sheet, tone_colors


def timeline(tables: Tables, ax: Axes | None = None, lang: str | None = None) -> Figure:
    """Relations timeline: dated events by era (section) in time order, marked by tone (▲ warm,
    ▼ cold, ● neutral; colour from blue to orange), ranges as bars, open 'after'/'before' dates
    as arrows, each era a shaded band over its years, the key events labelled."""
    return draw_chart(_timeline, tables, ax, lang)


def _pack(lanes: list[tuple[str, pd.DataFrame]], key: set[int], lo: float, hi: float, per_pt: float,
          arrow: float, label_size: float, era_size: float, he: bool) -> tuple[list, list, float]:
    """Rows for the timeline: each era a lane, its label in the first row, each event (with its
    label) in the first row of the lane where it overlaps nothing. Returns the events as (event,
    y, label or None), a label being (x, offset in points, alignment); the bands as (x0, x1, y,
    rows, label, label x); and the height."""
    mark_pt, gap_pt = 5.0, 6.0
    mark, gap = mark_pt * per_pt, gap_pt * per_pt
    placed, bands = [], []
    y = 0.0
    for label, group in lanes:
        rows: list[list[tuple[float, float]]] = []

        def place(a: float, b: float, first: int, rows: list = rows) -> int:
            r = first
            while r < len(rows) and any(a < b2 + gap and b + gap > a2 for a2, b2 in rows[r]):
                r += 1
            rows.extend([] for _ in range(r + 1 - len(rows)))
            rows[r].append((a, b))
            return r

        band0, band1 = group.x0.min(), max(group.x1.max(), group.x.max())
        width = text_width(label, era_size, "bold") * per_pt
        label_x = max(lo, min(band0, hi - width))
        place(label_x, label_x + width, 0)
        for e in group.itertuples(index=False):
            a, b = e.x0 - mark, max(e.x1, e.x) + mark
            if e.open == "after":
                b = e.x + arrow + mark
            elif e.open == "before":
                a = e.x - arrow - mark
            text = None
            if e.event_id in key:
                # A label starts next to its marker: on its right in English, on its left (where
                # a right-to-left line starts) in Hebrew; where neither side has room, over it.
                tw = text_width(short(e.text), label_size) * per_pt
                right, left = b + gap / 2, a - gap / 2 - tw
                fits_right, fits_left = right + tw <= hi, left >= lo
                # Offsets in points keep a label beside its marker should the axes be resized.
                if fits_left and (he or not fits_right):
                    text, text_x = (a + mark, -(mark_pt + gap_pt / 2), "right"), left
                elif fits_right:
                    text, text_x = (b - mark, mark_pt + gap_pt / 2, "left"), right
                else:
                    text_x = max(lo, min(e.x + mark, hi - tw))
                    text = (text_x, 0.0, "left")
                a, b = min(a, text_x), max(b, text_x + tw)
            placed.append((e, y + place(a, b, 1), text))
        bands.append((band0, band1, y, len(rows), label, label_x))
        y += len(rows) + 0.6
    return placed, bands, y - 0.6


def _timeline(tables: Tables, ax: Axes, w: dict, he: bool) -> None:
    set_title(ax, w["timeline_title"], he)
    ev = dated_events(tables)
    if ev.empty:
        show_message(ax, nothing(w, "no_events", tables, "he" if he else "en"))
        return
    first, last = ev.x0.min(), max(ev.x1.max(), ev.x.max())
    arrow = 0.035 * max(last - first, 6.0)  # open-ended dates point this many years on
    if (ev.open == "before").any():
        first = min(first, ev.x[ev.open == "before"].min() - arrow)
    if (ev.open == "after").any():
        last = max(last, ev.x[ev.open == "after"].max() + arrow)
    lo, hi = year_limits(first, last)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    year_axis(ax, lo, hi, w["year"])
    width_pt, height_pt = axes_points(ax)
    per_pt = (hi - lo) / width_pt * 1.05  # label widths are in points, the packing is in years
    lanes, key = era_lanes(ev, tables, w), key_events(ev)
    label_size, era_size = 7.5, 8.0
    placed, bands, height = _pack(lanes, key, lo, hi, per_pt, arrow, label_size, era_size, he)
    row_pt = height_pt / (height + 0.4)
    if row_pt < 11:  # many rows: smaller text, and no event labels once they cannot be read
        label_size = max(5.5, row_pt * 0.7)
        era_size = label_size + 0.5
        key = key if row_pt >= 7 else set()
        placed, bands, height = _pack(lanes, key, lo, hi, per_pt, arrow, label_size, era_size, he)
        row_pt = height_pt / (height + 0.4)
    marker = min(7.0, max(3.0, row_pt * 0.75))
    _bands(ax, bands, per_pt, era_size)
    _events(ax, placed, arrow, marker, label_size)
    ax.set_ylim(height - 0.3, -0.7)
    _legend(ax, ev, w, he)


def _bands(ax: Axes, bands: list, per_pt: float, era_size: float) -> None:
    """Each era a shaded band over its years, with its label."""
    style = sheet()
    for i, (x0, x1, top, n, label, label_x) in enumerate(bands):
        pad = 2 * per_pt
        ax.add_patch(Rectangle((x0 - pad, top - 0.5), x1 - x0 + 2 * pad, n, facecolor=style["band_colors"][i % 2],
                               edgecolor="none", zorder=0))
        ax.text(label_x, top, label, fontsize=era_size, fontweight="bold", color=style["ink"], ha="left",
                va="center", zorder=5, gid="era-label")


def _events(ax: Axes, placed: list, arrow: float, marker: float, label_size: float) -> None:
    """Each event: its range bar, its open-date arrow, its label and its tone marker."""
    style = sheet()
    colors = tone_colors(e.tone for e, *_ in placed)
    for (e, row, text), color in zip(placed, colors, strict=True):
        if e.x1 > e.x0:
            ax.add_patch(Rectangle((e.x0, row - 0.2), e.x1 - e.x0, 0.4, facecolor=color, alpha=0.45,
                                   edgecolor=color, linewidth=0.8, zorder=2))
        if e.open:
            tip = e.x + arrow if e.open == "after" else e.x - arrow
            ax.annotate("", xy=(tip, row), xytext=(e.x, row), zorder=3,
                        arrowprops={"arrowstyle": "-|>", "color": style["muted"], "lw": 1.1, "shrinkA": 0,
                                    "shrinkB": 0, "mutation_scale": marker * 1.3})
        if text is not None:
            x, offset, ha = text
            ax.annotate(short(e.text), xy=(x, row), xytext=(offset, 0), textcoords="offset points",
                        fontsize=label_size, color=style["ink"], ha=ha, va="center", zorder=5)
    tone_scatter(ax, [e.x for e, *_ in placed], [r for _, r, *_ in placed], [e.tone for e, *_ in placed],
                 size=marker ** 2)


def _legend(ax: Axes, ev: pd.DataFrame, w: dict, he: bool) -> None:
    style = sheet()
    handles = tone_handles(w, unknown=bool(ev.tone.isna().any()))
    if (ev.x1 > ev.x0).any():
        handles.append(Patch(facecolor=style["tone"]["neutral"], edgecolor=style["muted"], label=w["range"]))
    if (ev.open != "").any():
        handles.append(Line2D([], [], color=style["muted"], lw=1.1, marker=">", markersize=5, label=w["open"]))
    legend_above(ax, handles, he)
