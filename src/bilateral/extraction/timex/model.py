"""The expression a caller sees (:class:`Timex`) and the ISO text of its values."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("date", "month", "year", "range", "decade", "century", "after", "before", "relative", "present")

Value = tuple[int, ...]  # (year,), (year, month) or (year, month, day)


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression: where it is, what kind it is and the span of time it names."""

    char_start: int
    char_end: int
    text: str
    kind: str
    start: str
    end: str
    anchor: int | None = None  # for a relative expression: index of the expression it leans on
    # relative: day, month or year (shifted by ``offset``); point (the anchor's whole span),
    # onward (open after the anchor) or since (an open end from the anchor: kind ``after``)
    unit: str = ""
    offset: int = 0  # relative: how many units after (+) or before (-) the anchor
    open: str = ""  # relative: "before" (until then) or "after": an open end at the resolved value
    # "four months after <an event no table dates>": (unit, count), resolved from the anchor
    event_shift: tuple[str, int] | None = None
    decade_years: tuple[int, int] | None = None  # a decade whose century comes from context
    partial: tuple[int, int] | None = None  # a day and month whose year comes from context


def iso(v: Value | None) -> str:
    """ISO 8601 text for a (year[, month[, day]]) tuple; empty for None."""
    if not v:
        return ""
    return "-".join([f"{v[0]:04d}", *(f"{x:02d}" for x in v[1:])])


def parse_iso(s: str) -> Value:
    """The (year[, month[, day]]) tuple of ISO text; empty for empty text."""
    return tuple(int(x) for x in s.split("-")) if s else ()


def sort_key(v: Value, end: bool = False) -> tuple[int, int, int]:
    """A full (year, month, day) for comparing values of different precision: a value's first
    day, or its last (roughly: day 31) with ``end``."""
    y = v[0]
    m = v[1] if len(v) > 1 else (12 if end else 1)
    d = v[2] if len(v) > 2 else (31 if end else 1)
    return (y, m, d)
