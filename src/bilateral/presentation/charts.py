"""Charts of an article's tables: a relations timeline, tone by year, actors by section,
mentions per entity and how the article is built.

Every chart is ``NAME(tables, ax=None) -> Figure``. Given ``ax`` it draws there and returns
``ax.figure``; otherwise it draws into a new :class:`~matplotlib.figure.Figure` that pyplot does
not track (a notebook shows it once, when a cell ends with it). No chart changes global state:
the style in ``resources/style.yml`` applies only inside ``plt.rc_context(STYLE)``. Labels are in
the article's language. Hebrew is passed in logical order: matplotlib >= 3.11 lays out
right-to-left text itself, so python-bidi on top would reverse it.

>>> import bilateral
>>> from bilateral import charts
>>> t = bilateral.extract()
>>> fig = charts.timeline(t)
>>> charts.save(fig, "reports/figures", "timeline")  # doctest: +SKIP
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources as _res
from itertools import pairwise
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
import yaml
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap, Normalize
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.textpath import text_to_path
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ..files import atomic_open
from ..tables import Tables
from ..vocab import lang_code
from .display import displayable

__all__ = [
    "CHARTS", "STYLE", "actors", "alt_text", "caption", "dated_events", "mentions", "save",
    "structure", "timeline", "warmth", "year_fraction",
]

TOP_ACTORS = 12
TOP_MENTIONS = 15
_KEY_EVENTS_ALL = 8  # label every event up to this many, else only the strongest few
_KEY_EVENTS_FEW = 6
_LABEL_WORDS = 5
_LRM = "\u200e"  # makes a signed number inside Hebrew text keep its sign on the left


@cache
def _style() -> dict[str, Any]:
    path = _res.files("bilateral") / "resources" / "style.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


#: matplotlib settings of every chart; applied only inside ``plt.rc_context(STYLE)``.
STYLE: dict[str, Any] = dict(_style()["rc"])


def _words(lang: str) -> dict[str, Any]:
    return _style()["text"][lang_code(lang)]


# ---------------------------------------------------------------------------------------------
# Dates and events


_ISO = re.compile(r"(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def year_fraction(iso: object, end: bool = False) -> float | None:
    """An ISO date at any precision as a fractional year: ``'1961'`` -> 1961.0, ``'1961-10'`` ->
    1961.75, ``'1948-11-28'`` -> 1948.91; with ``end``, where that period ends (``'1961'`` ->
    1962.0). None when empty or not a date."""
    if iso is None or (not isinstance(iso, str) and pd.isna(iso)):
        return None
    m = _ISO.fullmatch(str(iso).strip())
    if not m:
        return None
    year = int(m[1])
    if m[2] is None:
        return float(year + end)
    month = min(max(int(m[2]), 1), 12)
    if m[3] is None:
        return year + (month - 1 + end) / 12
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    lengths = list(_MONTH_DAYS)
    lengths[1] += leap
    day = min(max(int(m[3]), 1), lengths[month - 1])
    return year + (sum(lengths[: month - 1]) + day - 1 + end) / (365 + leap)


def _text(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def dated_events(tables: Tables) -> pd.DataFrame:
    """The events that carry a date, in time order, placed in fractional years: ``x`` (the start,
    else the end), ``x0``/``x1`` (the years covered: a range's bar), ``open`` ('after', 'before'
    or '') and ``tone`` clipped to -1..1 (0 when missing)."""
    rows = []
    for e in tables.events.itertuples(index=False):
        start, end = _text(e.start), _text(e.end)
        s, e0, e1 = year_fraction(start), year_fraction(end), year_fraction(end, end=True)
        if s is None and e0 is None:
            continue
        open_ = ""
        if e0 is None:
            x = x0 = x1 = s
            open_ = "after" if not end else ""
        elif s is None:
            x = x0 = x1 = e0
            open_ = "before" if not start else ""
        elif start == end or e1 <= s:
            x = x0 = x1 = s
        else:
            x, x0, x1 = s, s, e1
        tone = float(e.tone) if pd.notna(e.tone) else 0.0
        rows.append({"event_id": int(e.event_id), "section_id": int(e.section_id), "era": _text(e.era),
                     "text": _text(e.text), "tone": min(1.0, max(-1.0, tone)),
                     "x": x, "x0": x0, "x1": x1, "open": open_})
    columns = ["event_id", "section_id", "era", "text", "tone", "x", "x0", "x1", "open"]
    df = pd.DataFrame(rows, columns=columns)
    return df.sort_values(["x", "event_id"], kind="stable").reset_index(drop=True)


def _tone_class(tone: float) -> str:
    return "warm" if tone > 0 else "cold" if tone < 0 else "neutral"


def _tone_counts(ev: pd.DataFrame) -> dict[str, int]:
    classes = [_tone_class(t) for t in ev.tone]
    return {k: classes.count(k) for k in ("warm", "cold", "neutral")}


@cache
def _tone_cmap() -> LinearSegmentedColormap:
    s = _style()["tone"]
    return LinearSegmentedColormap.from_list("bilateral_tone", [s["cold"], s["neutral"], s["warm"]])


def _tone_colors(tones: Iterable[float]) -> np.ndarray:
    return _tone_cmap()(Normalize(-1, 1)(np.asarray(list(tones), dtype=float)))


def _first_year(ev: pd.DataFrame) -> int:
    return math.floor(ev.x0.min())


def _last_year(ev: pd.DataFrame) -> int:
    # x1 of a range is where its last period ends: 1980.0 for the 1970s
    return max(math.floor(x1 - 1e-9) if x1 > x else math.floor(x) for x, x1 in zip(ev.x, ev.x1, strict=True))


def _signed(value: float, lang: str) -> str:
    text = f"{value:+.2f}".replace("-", "\u2212")
    return _LRM + text if lang == "he" else text


def _short(text: str, n: int = _LABEL_WORDS, limit: int = 40) -> str:
    words = text.split()
    short = " ".join(words[:n]).rstrip(",;:.–—-")
    if len(short) > limit:
        short = short[: limit - 1].rsplit(" ", 1)[0]
    return short + "…" if short != " ".join(words).rstrip(".") else short


def _key_events(ev: pd.DataFrame) -> set[int]:
    """Events worth a text label: all of a few, else the strongest tones, ties spread in time."""
    if len(ev) <= _KEY_EVENTS_ALL:
        return set(ev.event_id)
    strength = ev.tone.abs()
    threshold = strength.sort_values(ascending=False).iloc[_KEY_EVENTS_FEW - 1]
    chosen = set(ev.event_id[strength > threshold])
    ties = ev[strength == threshold]
    need = _KEY_EVENTS_FEW - len(chosen)
    picks = np.unique(np.linspace(0, len(ties) - 1, need).round().astype(int)) if need > 0 else []
    return chosen | set(ties.event_id.iloc[list(picks)])


def _era_lanes(ev: pd.DataFrame, tables: Tables, w: dict) -> list[tuple[str, pd.DataFrame]]:
    """The events grouped by era (section), in document order, with a short label per era."""
    order = dict(zip(tables.sections.section_id, tables.sections.order, strict=True))
    groups = sorted(((min(order.get(s, s) for s in g.section_id), era, g) for era, g in ev.groupby("era", sort=False)),
                    key=lambda t: t[0])
    short = [era.split(" / ")[-1] for _, era, _ in groups]
    labels = []
    for (_, era, _), name in zip(groups, short, strict=True):
        labels.append(w["lead"] if not era else name if short.count(name) == 1 else era)
    return [(label, g.sort_values(["x", "event_id"], kind="stable")) for label, (_, _, g) in zip(labels, groups, strict=True)]


# ---------------------------------------------------------------------------------------------
# Shared drawing helpers


def _draw(draw: Callable[[Tables, Axes, dict, bool], None], tables: Tables, ax: Axes | None,
          lang: str | None = None) -> Figure:
    # Labels follow the report's language when given (an English report of a Hebrew article),
    # else the article's.
    lang = lang or tables.lang
    with plt.rc_context(STYLE):
        if ax is not None:
            draw(tables, ax, _words(lang), lang == "he")
            return ax.figure
        fig = Figure(figsize=STYLE["figure.figsize"], dpi=_style()["dpi"], layout="constrained")
        draw(tables, fig.add_subplot(), _words(lang), lang == "he")
        _settle(fig)
        # The layout has converged: keep it, so that saving (PNG, then SVG) does not redo it.
        fig.set_layout_engine("none")
    return displayable(fig)


def _settle(fig: Figure, passes: int = 1) -> None:
    """Run the layout until the axes stop moving, so that the first draw (a notebook's display,
    the first saved file) looks like every later one."""
    before = None
    for _ in range(passes):
        fig.draw_without_rendering()
        now = [tuple(a.get_position().bounds) for a in fig.axes]
        if now == before:
            return
        before = now


def _title(ax: Axes, text: str, he: bool) -> None:
    ax.set_title(text, loc="right" if he else "left")


def _message(ax: Axes, text: str) -> None:
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", fontsize=13,
            color=_style()["muted"])
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)


def _legend_above(ax: Axes, handles: list, he: bool) -> None:
    # Right to left, the first entry stands on the right.
    ax.legend(handles=handles[::-1] if he else handles, loc="lower left" if he else "lower right",
              bbox_to_anchor=(0, 1) if he else (1, 1),
              ncol=len(handles), markerfirst=not he, borderaxespad=0.3, handletextpad=0.4, columnspacing=1.1)


def _tone_handles(w: dict) -> list[Line2D]:
    s = _style()["tone"]
    return [Line2D([], [], ls="", marker=s["markers"][k], markersize=7, markerfacecolor=s[k],
                   markeredgecolor=s["edge"], markeredgewidth=0.6, label=w[k]) for k in ("warm", "cold", "neutral")]


def _tone_scatter(ax: Axes, xs: Iterable[float], ys: Iterable[float], tones: Iterable[float], size: float = 46) -> None:
    s = _style()["tone"]
    frame = pd.DataFrame({"x": list(xs), "y": list(ys), "tone": list(tones)})
    for cls, marker in s["markers"].items():
        part = frame[[_tone_class(t) == cls for t in frame.tone]]
        if len(part):
            ax.scatter(part.x, part.y, s=size, marker=marker, c=_tone_colors(part.tone), edgecolors=s["edge"],
                       linewidths=0.6, zorder=4)


def _year_axis(ax: Axes, lo: float, hi: float, label: str) -> None:
    ax.set_xlim(lo, hi)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=10, integer=True, steps=[1, 2, 5, 10]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}"))
    ax.set_xlabel(label)
    ax.grid(axis="x", color=STYLE["grid.color"], linewidth=STYLE["grid.linewidth"])


def _year_limits(lo: float, hi: float, pad: float = 0.04, least: float = 6.0) -> tuple[float, float]:
    if hi - lo < least:
        mid = (lo + hi) / 2
        lo, hi = mid - least / 2, mid + least / 2
    margin = (hi - lo) * pad
    return lo - margin, hi + margin


def _text_width(text: str, size: float, weight: str = "normal") -> float:
    """Width of ``text`` in points."""
    prop = FontProperties(family=STYLE["font.family"], size=size, weight=weight)
    return text_to_path.get_text_width_height_descent(text, prop, ismath=False)[0]


def _axes_points(ax: Axes) -> tuple[float, float]:
    """The axes' width and height in points, once the layout has placed it."""
    fig = ax.get_figure(root=True)
    if fig.get_layout_engine() is not None:
        fig.draw_without_rendering()
    box = ax.get_position()
    return max(box.width * fig.get_figwidth() * 72, 72.0), max(box.height * fig.get_figheight() * 72, 72.0)


# ---------------------------------------------------------------------------------------------
# 1. Timeline


def timeline(tables: Tables, ax: Axes | None = None, lang: str | None = None) -> Figure:
    """Relations timeline: dated events by era (section) in time order, marked by tone (▲ warm,
    ▼ cold, ● neutral; colour from blue to orange), ranges as bars, open 'after'/'before' dates
    as arrows, each era a shaded band over its years, the key events labelled."""
    return _draw(_timeline, tables, ax, lang)


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
        width = _text_width(label, era_size, "bold") * per_pt
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
                tw = _text_width(_short(e.text), label_size) * per_pt
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
    style = _style()
    _title(ax, w["timeline_title"], he)
    ev = dated_events(tables)
    if ev.empty:
        _message(ax, w["no_events"])
        return
    first, last = ev.x0.min(), max(ev.x1.max(), ev.x.max())
    arrow = 0.035 * max(last - first, 6.0)  # open-ended dates point this many years on
    if (ev.open == "before").any():
        first = min(first, ev.x[ev.open == "before"].min() - arrow)
    if (ev.open == "after").any():
        last = max(last, ev.x[ev.open == "after"].max() + arrow)
    lo, hi = _year_limits(first, last)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    _year_axis(ax, lo, hi, w["year"])
    width_pt, height_pt = _axes_points(ax)
    per_pt = (hi - lo) / width_pt * 1.05  # label widths are in points, the packing is in years
    lanes, key = _era_lanes(ev, tables, w), _key_events(ev)
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

    for i, (x0, x1, top, n, label, label_x) in enumerate(bands):
        pad = 2 * per_pt
        ax.add_patch(Rectangle((x0 - pad, top - 0.5), x1 - x0 + 2 * pad, n, facecolor=style["band_colors"][i % 2],
                               edgecolor="none", zorder=0))
        ax.text(label_x, top, label, fontsize=era_size, fontweight="bold", color=style["ink"], ha="left",
                va="center", zorder=5, gid="era-label")
    colors = _tone_colors(e.tone for e, *_ in placed)
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
            ax.annotate(_short(e.text), xy=(x, row), xytext=(offset, 0), textcoords="offset points",
                        fontsize=label_size, color=style["ink"], ha=ha, va="center", zorder=5)
    _tone_scatter(ax, [e.x for e, *_ in placed], [r for _, r, *_ in placed], [e.tone for e, *_ in placed],
                  size=marker ** 2)
    ax.set_ylim(height - 0.3, -0.7)

    handles = _tone_handles(w)
    if (ev.x1 > ev.x0).any():
        handles.append(Patch(facecolor=style["tone"]["neutral"], edgecolor=style["muted"], label=w["range"]))
    if (ev.open != "").any():
        handles.append(Line2D([], [], color=style["muted"], lw=1.1, marker=">", markersize=5, label=w["open"]))
    _legend_above(ax, handles, he)


# ---------------------------------------------------------------------------------------------
# 2. Warmth


def _smoothed(ev: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, int]:
    """Smoothed tone: a centred rolling mean over ``window`` years on a quarter-year grid, or,
    with few events, the mean per era placed at its mean year (``window`` 0)."""
    span = ev.x.max() - ev.x.min() if len(ev) else 0.0
    if len(ev) >= 6 and span >= 6:
        window = int(min(10, max(3, round(span / 8))))
        grid = np.arange(math.floor(ev.x.min()), math.ceil(ev.x.max()) + 0.001, 0.25)
        xs, tones = ev.x.to_numpy(), ev.tone.to_numpy()
        means = []
        for g in grid:
            # Gaussian weights draw a smooth line where a flat window would draw steps; the
            # line breaks where no event lies within half a window.
            d = np.abs(xs - g)
            weights = np.exp(-0.5 * (d / (window / 4)) ** 2) * (d <= 0.75 * window)
            means.append(np.average(tones, weights=weights) if (d <= window / 2).any() else np.nan)
        return grid, np.array(means), window
    per_era = ev.groupby("era", sort=False).agg(x=("x", "mean"), tone=("tone", "mean")).sort_values("x")
    return per_era.x.to_numpy(), per_era.tone.to_numpy(), 0


def _turning_points(ev: pd.DataFrame) -> tuple[list[tuple[float, str]], tuple[float, float, float] | None]:
    """Where the smoothed tone changes sign (at most three, the sharpest), as (year, 'warming' or
    'cooling'); when it never does, the largest swing between consecutive events (year, change,
    tone after)."""
    xs, ys, _ = _smoothed(ev)
    runs: list[list[float]] = []  # stretches of one sign: [sign, start year, peak |tone|]
    gap = False
    for x, y in zip(xs, ys, strict=True):
        if np.isnan(y):
            gap = True
            continue
        s = float(np.sign(round(y, 6)))
        if s == 0:
            continue
        if not runs or runs[-1][0] != s:
            # Across a stretch of years with no events, the turn is dated by the event after it.
            at = float(ev.x[ev.x >= x - 1e-9].min()) if gap and runs else float(x)
            runs.append([s, at, abs(y)])
        runs[-1][2] = max(runs[-1][2], abs(y))
        gap = False
    # A turn is as sharp as the peaks on either side of it; keep the three sharpest.
    turns = [(b[1], "warming" if b[0] > 0 else "cooling", a[2] + b[2]) for a, b in pairwise(runs)]
    turns = sorted(sorted(turns, key=lambda t: -t[2])[:3])
    swing = None
    if not turns and len(ev) >= 2:
        deltas = np.diff(ev.tone.to_numpy())
        i = int(np.argmax(np.abs(deltas)))
        if deltas[i] != 0:
            swing = (float(ev.x.iloc[i + 1]), float(deltas[i]), float(ev.tone.iloc[i + 1]))
    return [(x, kind) for x, kind, _ in turns], swing


def warmth(tables: Tables, ax: Axes | None = None, lang: str | None = None) -> Figure:
    """Tone by year: one point per dated event (▲ warm, ▼ cold, ● neutral), a smoothed line (a
    rolling mean over years, or the mean per era when there are few events), the zero line, and
    the turning points (where the smoothed tone changes sign, else the largest swing)."""
    return _draw(_warmth, tables, ax, lang)


def _warmth(tables: Tables, ax: Axes, w: dict, he: bool) -> None:
    style = _style()
    tone = style["tone"]
    _title(ax, w["warmth_title"], he)
    ev = dated_events(tables)
    if ev.empty:
        _message(ax, w["no_events"])
        return
    lang = "he" if he else "en"
    lo, hi = _year_limits(ev.x.min(), ev.x.max())
    _year_axis(ax, lo, hi, w["year"])
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

    _tone_scatter(ax, ev.x, ev.tone, ev.tone)
    xs, ys, window = _smoothed(ev)
    label = w["rolling"].format(n=window) if window else w["period_mean"]
    ax.plot(xs, ys, color=style["ink"], lw=2, alpha=0.85, zorder=3, marker="" if window else "s", markersize=5)
    turns, swing = _turning_points(ev)
    note = {"fontsize": 8, "ha": "center", "color": style["ink"], "textcoords": "offset points", "zorder": 6,
            "bbox": {"boxstyle": "round,pad=0.25", "fc": "white", "ec": style["muted"], "lw": 0.5},
            "arrowprops": {"arrowstyle": "->", "color": style["ink"], "lw": 0.8}}
    for x, kind in turns:
        ax.axvline(x, color=style["muted"], ls=":", lw=1, zorder=1)
        ax.annotate(f"{w[kind]} {math.floor(x)}", xy=(x, 0), xytext=(0, 34 if kind == "warming" else -34), **note)
    if swing:
        x, delta, y = swing
        ax.annotate(f"{w['swing']} {_signed(delta, lang)} ({math.floor(x)})", xy=(x, y),
                    xytext=(0, -30 if y > 0 else 30), **note)
    elif not turns and not ev.tone.any():
        ax.text(0.5, 0.8, w["all_neutral"], transform=ax.transAxes, ha="center", fontsize=8.5,
                color=style["muted"])
    handles = _tone_handles(w) + [Line2D([], [], color=style["ink"], lw=2, marker="" if window else "s",
                                         markersize=5, label=label)]
    _legend_above(ax, handles, he)


# ---------------------------------------------------------------------------------------------
# 3. Actors and 4. mentions


def _plain(name: str) -> str:
    name = name.strip().casefold()
    return name[4:] if name.startswith("the ") else name


def _entity_name(name: object, canonical: object, lang: str, article_lang: str) -> str:
    """An entity as a chart or text in ``lang`` names it: as the article writes it, with its
    English name in brackets in English when that differs; English text on a Hebrew article
    uses the English name."""
    name, canonical = _text(name), _text(canonical)
    if lang == "he" or not canonical:
        return name
    if article_lang == "he":
        return canonical
    return f"{name} ({canonical})" if _plain(name) != _plain(canonical) else name


def _mention_rows(tables: Tables) -> pd.DataFrame:
    """One row per mention with its entity's type, name and canonical, and its section."""
    m = tables.mentions[["entity_id", "sentence_id"]]
    m = m.merge(tables.entities[["entity_id", "type", "name", "canonical"]], on="entity_id", how="inner")
    return m.merge(tables.sentences[["sentence_id", "section_id"]], on="sentence_id", how="left")


def _top(rows: pd.DataFrame, n: int) -> pd.DataFrame:
    """The ``n`` most-mentioned entities of ``rows`` with their counts, ties in order of first mention."""
    counts = rows.groupby(["entity_id", "type", "name", "canonical"], dropna=False).size().rename("n").reset_index()
    return counts.sort_values(["n", "entity_id"], ascending=[False, True], kind="stable").head(n).reset_index(drop=True)


def _section_label(row: Any, w: dict) -> str:
    title = _text(row["title"])
    return title if title else w["lead"]


def _actor_matrix(tables: Tables, lang: str, n: int = TOP_ACTORS) -> pd.DataFrame:
    """Mentions of the ``n`` most-mentioned people and states (rows, labelled in ``lang``) per
    section holding text (columns, in document order)."""
    w = _words(lang)
    rows = _mention_rows(tables)
    rows = rows[rows.type.isin(["person", "country"]) & rows.section_id.notna()]
    top = _top(rows, n)
    secs = tables.sections.sort_values("order", kind="stable")
    used = set(rows.section_id.astype(int))
    secs = secs[(secs.n_sentences > 0) | secs.section_id.isin(used)]
    columns = list(secs.section_id)
    labels = [_section_label(r, w) for _, r in secs.iterrows()]
    columns += sorted(used - set(columns))  # sections missing from the sections table
    labels += [f"#{s}" for s in columns[len(labels):]]
    counts = (rows[rows.entity_id.isin(top.entity_id)].groupby(["entity_id", "section_id"]).size()
              .unstack(fill_value=0).reindex(index=top.entity_id, columns=columns, fill_value=0))
    counts.index = [_entity_name(r["name"], r["canonical"], lang, tables.lang) for _, r in top.iterrows()]
    counts.columns = labels
    return counts.astype(int)


def actors(tables: Tables, ax: Axes | None = None, lang: str | None = None) -> Figure:
    """Heatmap of mentions of the most-mentioned people and states (rows, ``TOP_ACTORS``) by
    section (columns, in document order), on a greyscale-safe sequential colormap."""
    return _draw(_actors, tables, ax, lang)


def _actors(tables: Tables, ax: Axes, w: dict, he: bool) -> None:
    style = _style()
    _title(ax, w["actors_title"], he)
    matrix = _actor_matrix(tables, "he" if he else "en")
    if matrix.empty or matrix.shape[1] == 0:
        _message(ax, w["no_entities"])
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
    return _draw(_mentions, tables, ax, lang)


def _mentions(tables: Tables, ax: Axes, w: dict, he: bool) -> None:
    style = _style()
    _title(ax, w["mentions_title"], he)
    top = _top(_mention_rows(tables), TOP_MENTIONS)
    if top.empty:
        _message(ax, w["no_mentions"])
        return
    lang = "he" if he else "en"
    top["label"] = [_entity_name(r["name"], r["canonical"], lang, tables.lang) for _, r in top.iterrows()]
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


# ---------------------------------------------------------------------------------------------
# 5. Structure


def _section_frame(tables: Tables, lang: str) -> pd.DataFrame:
    """Sections in document order with their label, words directly under them and including
    their subsections, and citations per sentence (from the sentences table)."""
    w = _words(lang)
    secs = tables.sections.sort_values("order", kind="stable").reset_index(drop=True)
    per = tables.sentences.groupby("section_id").agg(cites=("n_citations", "sum"), n=("sentence_id", "size"))
    words = dict(zip(secs.section_id, secs.n_words, strict=True))
    parents = {int(s): int(p) for s, p in zip(secs.section_id, secs.parent_id, strict=True) if pd.notna(p)}
    total = dict(words)
    for sid in reversed(list(secs.section_id)):  # children come after their parent
        if sid in parents and parents[sid] in total:
            total[parents[sid]] += total[sid]
    out = secs[["section_id", "level", "title", "n_words", "is_empty"]].copy()
    out["label"] = [_section_label(r, w) for _, r in secs.iterrows()]
    out["total"] = [total[s] for s in secs.section_id]
    out["has_children"] = out.section_id.isin(set(parents.values()))
    out["density"] = [per.cites[s] / per.n[s] if s in per.index and per.n[s] else np.nan for s in secs.section_id]
    return out


def structure(tables: Tables, ax: Axes | None = None, lang: str | None = None) -> Figure:
    """How the article is built: words per section as bars in document order (subsections
    indented under their parent; a hollow bar counts a heading's subsections too; empty sections
    say so) and citations per sentence as diamonds on a second axis."""
    return _draw(_structure, tables, ax, lang)


def _structure(tables: Tables, ax: Axes, w: dict, he: bool) -> None:
    style = _style()
    _title(ax, w["structure_title"], he)
    secs = _section_frame(tables, "he" if he else "en")
    if secs.empty:
        _message(ax, w["no_sections"])
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
        width = max(_text_width(t, STYLE["ytick.labelsize"], "bold") for t in labels)
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


# ---------------------------------------------------------------------------------------------
# The report's charts, their captions and alt text, and saving


#: The charts of a report, in report order.
CHARTS: dict[str, Callable[..., Figure]] = {
    "timeline": timeline,
    "warmth": warmth,
    "actors": actors,
    "mentions": mentions,
    "structure": structure,
}


def _check_name(name: str) -> None:
    if name not in CHARTS:
        raise ValueError(f"no chart named {name!r}; the charts are {', '.join(CHARTS)}")


def caption(name: str, tables: Tables, lang: str) -> str:
    """A one-sentence caption for chart ``name`` of ``tables``, in ``lang`` ('en' or 'he')."""
    _check_name(name)
    # First-strong isolates keep a bidi control in the title (U+202E) from reversing the caption.
    return _words(lang)["captions"][name].format(title="\u2068" + _text(tables.article.title.iloc[0]) + "\u2069")


def alt_text(name: str, tables: Tables, lang: str) -> str:
    """Alt text for chart ``name`` of ``tables`` in ``lang``: what the chart shows, with its numbers."""
    _check_name(name)
    lang = lang_code(lang)
    return _ALT[name](tables, lang, _words(lang))


def _alt_timeline(tables: Tables, lang: str, w: dict) -> str:
    alt, ev = w["alt"], dated_events(tables)
    if ev.empty:
        return alt["timeline_none"]
    text = alt["timeline"].format(n=len(ev), first=_first_year(ev), last=_last_year(ev), n_eras=ev.era.nunique(),
                                  **_tone_counts(ev))
    undated = len(tables.events) - len(ev)
    return text + (alt["timeline_undated"].format(n=undated) if undated else "")


def _alt_warmth(tables: Tables, lang: str, w: dict) -> str:
    alt, ev = w["alt"], dated_events(tables)
    if ev.empty:
        return alt["warmth_none"]
    text = alt["warmth"].format(n=len(ev), first=math.floor(ev.x.min()), last=math.floor(ev.x.max()),
                                mean=_signed(ev.tone.mean(), lang), low=_signed(ev.tone.min(), lang),
                                high=_signed(ev.tone.max(), lang))
    turns, swing = _turning_points(ev)
    if turns:
        listed = ", ".join(alt["warmth_turn"].format(what=w[k], year=math.floor(x)) for x, k in turns)
        return text + alt["warmth_turns"].format(turns=listed)
    if swing:
        return text + alt["warmth_swing"].format(delta=_signed(swing[1], lang), year=math.floor(swing[0]))
    return text + ("" if ev.tone.any() else alt["warmth_flat"])


def _alt_actors(tables: Tables, lang: str, w: dict) -> str:
    matrix = _actor_matrix(tables, lang)
    if matrix.empty or matrix.shape[1] == 0:
        return w["alt"]["actors_none"]
    row = matrix.iloc[0]
    return w["alt"]["actors"].format(n=len(matrix), k=matrix.shape[1], top=matrix.index[0], count=int(row.sum()),
                                     where=row.idxmax(), where_count=int(row.max()))


def _alt_mentions(tables: Tables, lang: str, w: dict) -> str:
    top = _top(_mention_rows(tables), TOP_MENTIONS)
    if top.empty:
        return w["alt"]["mentions_none"]
    names = [f"{_entity_name(r['name'], r['canonical'], lang, tables.lang)} ({r['n']})" for _, r in top.head(3).iterrows()]
    kinds = ", ".join(f"{w['types'].get(k, k)}: {n}" for k, n in top.type.fillna("other").value_counts().items())
    return w["alt"]["mentions"].format(n=len(top), top=", ".join(names), types=kinds)


def _alt_structure(tables: Tables, lang: str, w: dict) -> str:
    secs = _section_frame(tables, lang)
    if secs.empty:
        return w["alt"]["structure_none"]
    longest = secs.loc[secs.n_words.idxmax()]
    cites, n_sent = int(tables.sentences.n_citations.sum()), len(tables.sentences)
    return w["alt"]["structure"].format(n=len(secs), words=int(secs.n_words.sum()), longest=longest.label,
                                        longest_words=int(longest.n_words), empty=int(secs.is_empty.sum()),
                                        citations=cites, density=f"{cites / n_sent:.2f}" if n_sent else "0")


_ALT: dict[str, Callable[[Tables, str, dict], str]] = {
    "timeline": _alt_timeline, "warmth": _alt_warmth, "actors": _alt_actors, "mentions": _alt_mentions,
    "structure": _alt_structure,
}


_METADATA: dict[str, dict[str, None]] = {
    "png": {"Software": None},
    "svg": {"Date": None},
    "pdf": {"CreationDate": None, "ModDate": None},
}


def save(fig: Figure, folder: str | Path, name: str, formats: Iterable[str] = ("svg", "png")) -> list[Path]:
    """Write ``fig`` as ``folder/name.<format>`` for each format and return the paths. The files
    are reproducible (no dates or software version, a fixed dpi and SVG hash salt) and written
    atomically: to a temporary file in ``folder``, then renamed over the target."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rc = {**STYLE, "svg.hashsalt": _style()["svg_hashsalt"]}
    paths = []
    for fmt in formats:
        fmt = fmt.lower().lstrip(".")
        if fmt not in _METADATA:
            raise ValueError(f"cannot save a chart as {fmt!r}; use one of {', '.join(_METADATA)}")
        path = folder / f"{name}.{fmt}"
        with atomic_open(path) as fh, plt.rc_context(rc):
            fig.savefig(fh, format=fmt, dpi=_style()["dpi"], metadata=_METADATA[fmt])
        paths.append(path)
    return paths
