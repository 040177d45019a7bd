"""Two editions' events as two facing timelines, the same event joined across them.

``facing_timelines(comp, lang, ax=None) -> Figure`` draws into ``ax`` or a new Figure that pyplot
does not track, inside ``plt.rc_context(charts.STYLE)``: no global state changes.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .charts import STYLE, year_fraction
from .comparison import BOTH, DATES_DIFFER, Comparison
from .comparison_text import edition_names, words
from .display import displayable

# Okabe-Ito colours (colour-blind safe); each status also differs by line style or fill.
_MATCHED, _DIFFER, _ALONE = "#333333", "#d55e00", "#8a8a8a"
_Y = {"a": 1.0, "b": -1.0}


def _x(start, end) -> float | None:
    return year_fraction(start) if start else year_fraction(end) if end else None


def facing_timelines(comp: Comparison, lang: str = "en", ax: Axes | None = None) -> Figure:
    """Edition ``a``'s dated events above, ``b``'s below, on one time axis; a solid line joins an
    event both tell, a dashed one an event they date differently; events only one edition tells
    are hollow marks."""
    w = words(lang)["chart"]
    names = [n[:1].upper() + n[1:] for n in edition_names(comp, lang)]
    with plt.rc_context(STYLE):
        if ax is None:
            fig = Figure(figsize=(9, 3.2))
            ax = fig.add_subplot()
        for r in comp.events.itertuples():
            xa, xb = _x(r.start_a, r.end_a), _x(r.start_b, r.end_b)
            if xa is not None and xb is not None:
                differ = r.status == DATES_DIFFER
                ax.plot([xa, xb], [_Y["a"], _Y["b"]], color=_DIFFER if differ else _MATCHED,
                        linestyle="--" if differ else "-", linewidth=1.2 if differ else 0.8, zorder=1)
            for side, x in (("a", xa), ("b", xb)):
                if x is None:
                    continue
                alone = r.status not in (BOTH, DATES_DIFFER)
                colour = _ALONE if alone else _DIFFER if r.status == DATES_DIFFER else _MATCHED
                ax.plot([x], [_Y[side]], marker="o", markersize=6, linestyle="none", zorder=2,
                        markerfacecolor="white" if alone else colour, markeredgecolor=colour)
        _frame(ax, names, w)
    return displayable(ax.figure)


def _frame(ax: Axes, names: list[str], w: dict) -> None:
    ax.set_ylim(-1.6, 1.6)
    ax.set_yticks([_Y["a"], _Y["b"]], names)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.axhline(_Y["a"], color="#dddddd", linewidth=0.6, zorder=0)
    ax.axhline(_Y["b"], color="#dddddd", linewidth=0.6, zorder=0)
    ax.set_title(w["title"])
    handles = [
        Line2D([], [], color=_MATCHED, marker="o", linewidth=0.8, label=w["matched"]),
        Line2D([], [], color=_DIFFER, marker="o", linestyle="--", label=w["differ"]),
        Line2D([], [], color=_ALONE, marker="o", markerfacecolor="white", linestyle="none", label=w["alone"]),
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=3)
    ax.figure.subplots_adjust(bottom=0.3, left=0.2)


def alt_text(comp: Comparison, lang: str = "en") -> str:
    """What the chart shows, for readers who cannot see it."""
    a, b = edition_names(comp, lang)
    ev = comp.events
    return words(lang)["chart"]["alt"].format(A=a, B=b, n_shared=int((ev.status == BOTH).sum()),
                                              n_differ=int((ev.status == DATES_DIFFER).sum()))
