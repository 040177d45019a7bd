"""Charts of an article's tables: a relations timeline, tone by year, actors by section,
mentions per entity and how the article is built.

Every chart is ``NAME(tables, ax=None, lang=None) -> Figure``. Given ``ax`` it draws there and
returns ``ax.figure``; otherwise it draws into a new :class:`~matplotlib.figure.Figure` that
pyplot does not track (a notebook shows it once, when a cell ends with it). No chart changes
global state: the style in ``resources/style.yml`` applies only inside ``plt.rc_context(STYLE)``.
Labels are in the article's language. Hebrew is passed in logical order: matplotlib >= 3.11 lays
out right-to-left text itself, so python-bidi on top would reverse it.

The package is split by concern: :mod:`.data` (what each chart shows), :mod:`.drawing` and the
``draw_*`` modules (how), :mod:`.captions` (captions and alt text), :mod:`.saving` and
:mod:`.style`. The dated events and the turning points come from
:mod:`bilateral.presentation.chronology`, the same as the narrative's.

>>> import bilateral
>>> from bilateral import charts
>>> t = bilateral.extract()
>>> fig = charts.timeline(t)
>>> charts.save(fig, "reports/figures", "timeline")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.figure import Figure

from ..chronology import dated_events, year_fraction
from .captions import NAMES, alt_text, caption
from .data import TOP_ACTORS, TOP_MENTIONS
from .draw_entities import actors, mentions
from .draw_structure import structure
from .draw_timeline import timeline
from .draw_warmth import warmth
from .saving import save
from .style import STYLE

__all__ = [
    "CHARTS", "STYLE", "TOP_ACTORS", "TOP_MENTIONS", "actors", "alt_text", "caption", "dated_events",
    "mentions", "save", "structure", "timeline", "warmth", "year_fraction",
]

#: The charts of a report, in report order.
CHARTS: dict[str, Callable[..., Figure]] = {
    "timeline": timeline, "warmth": warmth, "actors": actors, "mentions": mentions, "structure": structure,
}
assert tuple(CHARTS) == NAMES
