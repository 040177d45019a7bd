"""The ``period`` of a report: the tables of the years it keeps to, and the whole article beside
them.

A focused report narrows everything its focus sections show: the events of the period (an
event is kept when its dates overlap it), and the mentions, quotes and temporal expressions of
the sentences about those years. A sentence is about the years of its own dated events; a
sentence with none is about the years of the last dated sentence before it in its section
(the story goes on until a new date is given); a sentence before any date in its section is
about no year in particular and is left out. The counts of the whole article (the source note)
come from :attr:`Focused.whole`.
"""

from __future__ import annotations

import dataclasses

from ..period import parse_period
from ..tables import Tables
from .chronology import cell_text


@dataclasses.dataclass
class Focused(Tables):
    """Tables narrowed to the years ``period`` (``lo``, ``hi``; either may be None), with the
    ``whole`` article's tables beside them."""

    period: tuple[int | None, int | None] = (None, None)
    whole: Tables | None = dataclasses.field(default=None, repr=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Names of the tables held (not the period nor the whole article)."""
        return tuple(f.name for f in dataclasses.fields(Tables))


def period_of(tables: Tables) -> tuple[int | None, int | None]:
    """The years ``tables`` keep to: (None, None) for a whole article."""
    return tables.period if isinstance(tables, Focused) else (None, None)


def whole(tables: Tables) -> Tables:
    """The whole article's tables of ``tables`` (themselves unless focused)."""
    return tables.whole if isinstance(tables, Focused) and tables.whole is not None else tables


def period_text(period: tuple[int | None, int | None], dash: str = "–") -> str:
    """``1948–1990``, ``1960–`` or ``–1990``; one year alone when both are the same."""
    lo, hi = period
    if lo is not None and lo == hi:
        return str(lo)
    return f"{'' if lo is None else lo}{dash}{'' if hi is None else hi}"


def _overlaps(start: str, end: str, lo: int | None, hi: int | None) -> bool:
    s = int(start[:4]) if start[:4].isdigit() else None
    e = int(end[:4]) if end[:4].isdigit() else None
    if s is None and e is None:
        return False
    return (hi is None or (s if s is not None else e) <= hi) and (lo is None or (e if e is not None else s) >= lo)


def _sentences_in(tables: Tables, keep_events: list[bool]) -> set[int]:
    """The sentences about the period: those of kept events, and those that follow one in its
    section before another dated sentence."""
    dated = {}
    for sid, kept in zip(tables.events.sentence_id, keep_events, strict=True):
        dated[int(sid)] = dated.get(int(sid), False) or kept
    keep, section, current = set(), None, False
    for s in tables.sentences.sort_values("sentence_id").itertuples(index=False):
        if s.section_id != section:
            section, current = s.section_id, False
        if int(s.sentence_id) in dated:
            current = dated[int(s.sentence_id)]
        if current:
            keep.add(int(s.sentence_id))
    return keep


def focus(tables: Tables, period: str = "") -> Tables:
    """``tables`` kept to ``period`` (e.g. ``1948-1990``; see the module's docstring); the same
    tables when ``period`` is empty."""
    lo, hi = parse_period(period)
    if lo is None and hi is None:
        return tables
    keep_events = [_overlaps(cell_text(s), cell_text(e), lo, hi) for s, e in zip(tables.events.start, tables.events.end, strict=True)]
    keep_tx = [_overlaps(cell_text(s), cell_text(e), lo, hi) for s, e in zip(tables.timexes.start, tables.timexes.end, strict=True)]
    sentences = _sentences_in(tables, keep_events)
    mentions = tables.mentions[tables.mentions.sentence_id.isin(sentences)].reset_index(drop=True)
    counts = mentions.entity_id.value_counts()
    entities = tables.entities.assign(n_mentions=[int(counts.get(e, 0)) for e in tables.entities.entity_id])
    fields = {f.name: getattr(tables, f.name) for f in dataclasses.fields(Tables)}
    fields.update(events=tables.events[keep_events].reset_index(drop=True),
                  timexes=tables.timexes[keep_tx].reset_index(drop=True), mentions=mentions,
                  entities=entities.astype({"n_mentions": "int64"}),
                  quotes=tables.quotes[tables.quotes.sentence_id.isin(sentences)].reset_index(drop=True))
    return Focused(**fields, period=(lo, hi), whole=whole(tables))


def is_empty(tables: Tables) -> bool:
    """Whether focused ``tables`` keep no dated event."""
    ev = tables.events
    return not bool(((ev.start != "") | (ev.end != "")).any()) if len(ev) else True

