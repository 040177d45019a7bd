"""The written report, generated from the tables in English or Hebrew.

:func:`render` writes the story section by section (:mod:`.sections`: one function per
section), from sentence templates in ``resources/<lang>/narrative.yml`` filled with values from
the tables (:mod:`.text`). Every sentence must be true of the tables: a section with nothing
true to say is left out. The dated events and the turning points are those of
:mod:`bilateral.presentation.chronology`, the same as the charts'.
"""

from __future__ import annotations

import numbers

from ...tables import Tables
from ...vocab import REPORT_LANGUAGES
from ..chronology import dated_events
from .parties import parties
from .sections import SECTIONS
from .text import Line, Narrative, format_date, format_when, name_line, phrases, warmth, when_phrase

__all__ = ["Line", "Narrative", "dated_events", "format_date", "format_when", "name_line", "parties", "render",
           "warmth", "when_phrase"]


def render(tables: Tables, lang: str = "en", top_n: int = 3) -> Narrative:
    """The narrative of ``tables`` in ``lang`` (``"en"`` or ``"he"``), naming at most ``top_n``
    turning points, actors and quotes (0: none, and no such sections)."""
    if lang not in REPORT_LANGUAGES:
        raise ValueError(f"narrative language must be 'en' or 'he', not {lang!r}")
    if isinstance(top_n, bool) or not isinstance(top_n, numbers.Integral) or top_n < 0:
        raise ValueError(f"top_n must be a whole number, 0 or more, not {top_n!r}")
    headings = phrases(lang)["headings"]
    ev = dated_events(tables)
    n = Narrative(lang)
    for key, section in SECTIONS.items():
        lines = section(tables, ev, lang, top_n)
        if lines:
            n.sections.append((key, headings[key], lines))
    return n
