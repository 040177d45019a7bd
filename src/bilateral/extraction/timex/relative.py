"""Resolution from context: a relative expression, a day and month without a year, and a decade
without a century take what they lack from the nearest expression before them that has a value
(the anchor)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from .anchored import shift
from .model import Timex, Value, iso, parse_iso


def resolve(timexes: list[Timex]) -> list[Timex]:
    """Fill relative expressions and context-dependent decades from the expressions before them;
    ``timexes`` must be in document order."""
    out: list[Timex] = []
    last: int | None = None  # index in out of the last expression with a value
    for t in timexes:
        if t.kind == "relative" and t.unit == "since" and last is None:
            continue  # "since then" after nothing: no date, and no expression either
        if t.event_shift is not None and last is not None:
            t = _event(t, out[last], last)
        elif t.kind == "relative" and last is not None and t.event_shift is None:
            t = _open(_relative(t, out[last], last))
        elif t.partial is not None and last is not None:
            # "ב-25 ביוני" with no year: the year of the text before it.
            year = int((out[last].end or out[last].start)[:4])
            value = iso((year, *t.partial))
            t = replace(t, start=value, end=value, anchor=last)
        elif t.decade_years is not None:
            t = _decade(t, out[last] if last is not None else None)
        if t.start or t.end:
            last = len(out)
        out.append(t)
    return out


def _decade(t: Timex, anchor: Timex | None) -> Timex:
    """"the 70s" with no century: the century of the text before it, else the 20th."""
    century = int((anchor.start or anchor.end)[:4]) // 100 * 100 if anchor is not None else 1900
    lo, hi = t.decade_years
    return replace(t, start="" if t.kind == "before" else str(century + lo),
                   end="" if t.kind == "after" else str(century + hi))


def _relative(t: Timex, anchor: Timex, anchor_index: int) -> Timex:
    unit, offset = t.unit, t.offset
    if unit == "point":  # "at that point": the anchor's span as it is
        return replace(t, start=anchor.start, end=anchor.end, anchor=anchor_index)
    if unit == "onward":  # "in the coming weeks": open after the anchor's last value
        return replace(t, start=anchor.end or anchor.start, end="", anchor=anchor_index)
    if unit == "since":  # "since then": an open end from the anchor's start
        return replace(t, kind="after", start=anchor.start or anchor.end, end="", anchor=anchor_index)
    base_text = (anchor.end or anchor.start) if offset > 0 else (anchor.start or anchor.end)
    base = parse_iso(base_text)
    need = {"year": 1, "month": 2, "day": 3}[unit]
    v = base[:need]
    if len(v) == 3 and unit == "day":
        v = _date_tuple(dt.date(*v) + dt.timedelta(days=offset))
    elif len(v) >= 2 and unit == "month":
        total = v[0] * 12 + (v[1] - 1) + offset
        v = (total // 12, total % 12 + 1)
    elif unit == "year" or offset == 0:
        v = (v[0] + (offset if unit == "year" else 0), *v[1:])
    value = iso(v)
    return replace(t, start=value, end=value, anchor=anchor_index)


def _event(t: Timex, anchor: Timex, anchor_index: int) -> Timex:
    """"four months after the declaration", an event no table dates: the date before it, which
    mostly is the event's own ("In 1948 Israel declared independence. Four months after ...")."""
    unit, count = t.event_shift
    base = (anchor.end or anchor.start) if count > 0 else (anchor.start or anchor.end)
    v = shift(parse_iso(base), unit, count)
    kind = {3: "date", 2: "month", 1: "year"}[len(v)]
    return replace(t, kind=kind, start=iso(v), end=iso(v), anchor=anchor_index)


def _open(t: Timex) -> Timex:
    """"before that" / "עד לשנה זו": the resolved value becomes one end of an open range."""
    if t.open == "before":
        return replace(t, kind="before", start="", end=t.start or t.end)
    if t.open == "after":
        return replace(t, kind="after", start=t.end or t.start, end="")
    return t


def _date_tuple(d: dt.date) -> Value:
    return (d.year, d.month, d.day)
