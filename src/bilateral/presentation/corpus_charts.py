"""Charts of a corpus: events per decade (a heatmap), warmth arcs as small multiples on one time
axis, the actors articles share, and how much of each article is dated.

Every chart is ``NAME(corpus, lang="en", ax=None) -> Figure`` (the small multiples need a
figure of their own and take no ``ax``), drawn inside ``plt.rc_context(charts.STYLE)`` into a
Figure pyplot does not track. Words come from ``resources/<lang>/corpus.yml``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .. import resources
from ..tables import Tables
from ..vocab import lang_code
from . import corpus_views as views
from .charts import STYLE
from .display import displayable

TOP_ACTORS = 15
_WARM, _COLD, _GOLD = "#b2182b", "#2166ac", "#555555"


def words(lang: str) -> dict:
    """The corpus report's words in ``lang``."""
    return resources.load(lang_code(lang), "corpus")


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    return Figure(figsize=size).add_subplot()


def decades(corpus: Tables, lang: str = "en", ax: Axes | None = None) -> Figure:
    """A heatmap of dated events per decade (columns) for each article (rows)."""
    w = words(lang)["charts"]["decades"]
    table = views.events_per_decade(corpus)
    labels = views.articles(corpus).set_index("article_id").label
    with plt.rc_context(STYLE):
        ax = _axes(ax, (9, 1.2 + 0.38 * max(len(table), 1)))
        data = table.to_numpy() if table.size else np.zeros((len(table), 1))
        ax.imshow(data, aspect="auto", cmap="Blues", vmin=0, interpolation="nearest")
        ax.set_yticks(range(len(table)), [labels[i] for i in table.index])
        ax.set_xticks(range(len(table.columns)), [f"{d}" for d in table.columns], rotation=45, ha="right")
        vmax = data.max() if data.size else 0
        for (i, j), n in np.ndenumerate(data):
            if n:
                ax.text(j, i, str(int(n)), ha="center", va="center", fontsize=7,
                        color="white" if n > vmax / 2 else "#222222")
        ax.set_xlabel(w["xlabel"])
        ax.set_title(w["title"])
        ax.spines[:].set_visible(False)
        ax.tick_params(length=0)
        ax.figure.subplots_adjust(left=0.32, bottom=0.25)
    return displayable(ax.figure)


def warmth(corpus: Tables, lang: str = "en") -> Figure:
    """The yearly mean tone of each article (and the mean Goldstein weight / 10) as small
    multiples sharing one time axis."""
    w = words(lang)["charts"]["warmth"]
    yearly = views.yearly_warmth(corpus)
    arts = views.articles(corpus)
    n = max(len(arts), 1)
    cols = 2 if n > 3 else 1
    rows = math.ceil(n / cols)
    with plt.rc_context(STYLE):
        height = 1.1 + 1.45 * rows
        fig = Figure(figsize=(9, height))
        grid = fig.subplots(rows, cols, sharex=True, sharey=True, squeeze=False)
        for k, ax in enumerate(grid.flat):
            if k >= len(arts):
                ax.set_visible(False)
                continue
            a = arts.iloc[k]
            own = yearly[yearly.article_id == a.article_id]
            ax.axhline(0, color="#bbbbbb", linewidth=0.6)
            # One bar per year with events: a line across years without events would invent them.
            ax.bar(own.year, own.tone, width=1.6, color=[_WARM if v >= 0 else _COLD for v in own.tone], alpha=0.6)
            gold = own[own.goldstein.notna()]
            ax.plot(gold.year, gold.goldstein, color=_GOLD, linewidth=0.9, marker=".", markersize=3)
            ax.set_title(a.label, fontsize=8.5, loc="left")
            ax.set_ylim(-1.05, 1.05)
        handles = [plt.Rectangle((0, 0), 1, 1, color=_WARM, alpha=0.5),
                   plt.Line2D([], [], color=_GOLD, marker=".", linewidth=0.9)]
        fig.legend(handles, [w["tone"], w["goldstein"]], loc="lower center", ncol=2)
        fig.suptitle(w["title"], fontweight="bold")
        # Room in inches, whatever the number of rows: the title above, the legend below.
        fig.subplots_adjust(hspace=0.6, top=1 - 0.7 / height, bottom=0.75 / height)
    return displayable(fig)


def actors(corpus: Tables, lang: str = "en", ax: Axes | None = None) -> Figure:
    """The actors named in most articles (rows) against the articles (columns): mentions."""
    w = words(lang)["charts"]["actors"]
    shared = views.shared_actors(corpus).head(TOP_ACTORS)
    arts = views.articles(corpus)
    data = np.array([[m.get(a, 0) for a in arts.article_id] for m in shared.mentions]) if len(shared) \
        else np.zeros((0, len(arts)))
    names = [_name(r, lang) for r in shared.itertuples()]
    with plt.rc_context(STYLE):
        ax = _axes(ax, (9, 2.2 + 0.3 * max(len(shared), 1)))
        if data.size:
            ax.imshow(np.where(data > 0, np.log1p(data), np.nan), aspect="auto", cmap="Oranges", interpolation="nearest")
            top = np.log1p(data.max())
            for (i, j), n in np.ndenumerate(data):
                if n:
                    ax.text(j, i, str(int(n)), ha="center", va="center", fontsize=7,
                            color="white" if np.log1p(n) > top * 0.6 else "#222222")
        ax.set_yticks(range(len(names)), names)
        ax.set_xticks(range(len(arts)), list(arts.label), rotation=40, ha="right")
        ax.set_title(w["title"])
        ax.spines[:].set_visible(False)
        ax.tick_params(length=0)
        ax.figure.subplots_adjust(left=0.25, bottom=0.45)
    return displayable(ax.figure)


def _name(row, lang: str) -> str:
    return row.name_he if lang_code(lang) == "he" and row.name_he else row.name


def dated(corpus: Tables, lang: str = "en", ax: Axes | None = None) -> Figure:
    """Bars: the share of each article's sentences that hold a date, its events written on it."""
    w = words(lang)["charts"]["dated"]
    share = views.dated_share(corpus)
    labels = views.articles(corpus).set_index("article_id").label
    with plt.rc_context(STYLE):
        ax = _axes(ax, (9, 1.0 + 0.35 * max(len(share), 1)))
        y = np.arange(len(share))
        ax.barh(y, share.share, color="#4d7fb0")
        for i, (s, n) in enumerate(zip(share.share, share.n_events, strict=True)):
            ax.text(s + 0.01, i, str(int(n)), va="center", fontsize=7.5)
        ax.set_yticks(y, [labels[i] for i in share.article_id])
        ax.invert_yaxis()
        ax.set_xlim(0, 1.08)
        ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
        ax.set_xlabel(w["xlabel"])
        ax.set_title(w["title"])
        ax.figure.subplots_adjust(left=0.32)
    return displayable(ax.figure)


#: Chart name -> function, as the corpus report cells name them.
CHARTS: dict[str, Callable[..., Figure]] = {"decades": decades, "warmth": warmth, "actors": actors, "dated": dated}


def alt_text(name: str, corpus: Tables, lang: str = "en") -> str:
    """What chart ``name`` shows, for readers who cannot see it."""
    w = words(lang)["charts"][name]
    years = views.event_years(corpus).year
    n = min(len(views.shared_actors(corpus)), TOP_ACTORS) if name == "actors" else len(corpus.article)
    return w["alt"].format(n=n, first=int(years.min()) if len(years) else "", last=int(years.max()) if len(years) else "")


def caption(name: str, lang: str = "en") -> str:
    """The caption under chart ``name``."""
    return words(lang)["charts"][name]["caption"]
