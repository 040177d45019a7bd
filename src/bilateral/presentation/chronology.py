"""The story in time, in one place for the charts and the narrative: the dated events, the span
of years they cover, and the turning points of their tone.

A turning point is a sustained shift of tone. The dated events whose tone is known (a clause
with no tone word has none) fall into stretches of one sign: warm (> 0), cold (< 0) or neutral
(exactly 0, where warm and cold words cancel out). A new stretch turns the story when more than
one event supports it, or when its first event is strongly toned (|tone| >= ``STRONG``) against
the stretch before it; a lone mild event is noise, and the story goes on as before. Two
opposite turns in the same month are noise too. Each turn is carried by the first event of its
stretch, and is worded from the mean tones on either side: "warmed"/"cooled" when the sign
changes, else "eased" (up) or "worsened" (down).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..tables import Tables

STRONG = 0.5  # |tone| of a single event strong enough to turn the story on its own
TOP_TURNS = 3  # turning points the warmth chart marks, as many as the narrative names by default

_ISO = re.compile(r"(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
#: date kinds too wide to place an event in the span of the story ("the 21st century")
WIDE = frozenset({"century"})


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


def cell_text(value: object) -> str:
    """A table cell as a string: empty for a missing value."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _place(start: str, end: str) -> tuple[float, float, float, str] | None:
    """(x, x0, x1, open) of an event's dates: where it stands, the years it covers, and 'after'
    or 'before' for an open date."""
    s, e0, e1 = year_fraction(start), year_fraction(end), year_fraction(end, end=True)
    if s is None and e0 is None:
        return None
    if e0 is None:
        return s, s, s, "after" if not end else ""
    if s is None:
        return e0, e0, e0, "before" if not start else ""
    if start == end or e1 <= s:
        return s, s, s, ""
    return s, s, e1, ""


def dated_events(tables: Tables) -> pd.DataFrame:
    """The events that carry a date, in time order, with every column of the events table and
    their place in fractional years: ``x`` (the start, else the end), ``x0``/``x1`` (the years
    covered: a range's bar), ``open`` ('after', 'before' or ''), ``sort_key`` (the start, else
    the end). ``tone`` is clipped to -1..1 and stays NaN where unknown."""
    ev = tables.events
    places = [_place(cell_text(s), cell_text(e)) for s, e in zip(ev.start, ev.end, strict=True)]
    keep = np.array([p is not None for p in places], dtype=bool)
    out = ev[keep].copy()
    placed = [p for p in places if p is not None]
    out["x"] = [p[0] for p in placed]
    out["x0"] = [p[1] for p in placed]
    out["x1"] = [p[2] for p in placed]
    out["open"] = [p[3] for p in placed]
    out["sort_key"] = [cell_text(s) or cell_text(e) for s, e in zip(out.start, out.end, strict=True)]
    out["tone"] = out.tone.astype(float).clip(-1.0, 1.0)
    out["text"] = [cell_text(v) for v in out.text]
    out["era"] = [cell_text(v) for v in out.era]
    out = out.astype({"x": float, "x0": float, "x1": float})
    return out.sort_values(["x", "event_id"], kind="stable").reset_index(drop=True)


def yearly_tone(ev: pd.DataFrame) -> list[tuple[int, float]]:
    """(year, mean tone) for every year of the dated events ``ev`` that has a known tone, in
    order: the warmth arc an index row draws as a sparkline."""
    known = ev[ev.tone.notna()]
    by_year = known.groupby(known.x.map(math.floor), sort=True).tone.mean()
    return [(int(y), round(float(t), 2)) for y, t in by_year.items()]


def span(ev: pd.DataFrame) -> tuple[int, int] | None:
    """The first and last year the dated events ``ev`` cover. An open date counts only its known
    year ("after 1990": 1990), and a century-wide one only when nothing narrower is dated."""
    narrow = ev[~ev.date_kind.isin(WIDE)] if "date_kind" in ev else ev
    use = narrow if len(narrow) else ev
    fractions = (year_fraction(v) for v in list(use.start) + list(use.end))
    years = [math.floor(f) for f in fractions if f is not None]
    return (min(years), max(years)) if years else None


def tone_class(tone: float) -> str:
    """'warm', 'cold', 'neutral' (0: the tone words cancel out) or 'unknown' (no tone word)."""
    if tone is None or math.isnan(tone):
        return "unknown"
    return "warm" if tone > 0 else "cold" if tone < 0 else "neutral"


@dataclass(frozen=True)
class Turn:
    """A turning point: the event that carries it, and the mean tones before and after."""

    event_id: int
    x: float
    start: str
    end: str
    text: str
    before: float
    after: float

    @property
    def direction(self) -> str:
        """'warmed' or 'cooled' across a change of sign, else 'eased' (up) or 'worsened' (down)."""
        if self.before < 0 < self.after:
            return "warmed"
        if self.after < 0 < self.before:
            return "cooled"
        return "eased" if self.after > self.before else "worsened"

    @property
    def year(self) -> int:
        """The year of the carrying event."""
        return math.floor(self.x)


def _stretches(known: pd.DataFrame) -> list[tuple[float, pd.DataFrame]]:
    """Runs of consecutive events of one sign, as (sign, events)."""
    signs = np.sign(known.tone.to_numpy())
    runs, start = [], 0
    for i in range(1, len(known) + 1):
        if i == len(known) or signs[i] != signs[start]:
            runs.append((float(signs[start]), known.iloc[start:i]))
            start = i
    return runs


def turning_points(ev: pd.DataFrame, limit: int | None = None) -> list[Turn]:
    """The turning points of the dated events ``ev`` (see the module's docstring), in time
    order; with ``limit``, only that many of the largest, still in time order."""
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be 0 or more, not {limit}")
    known = ev[ev.tone.notna()]
    runs = _stretches(known)
    if not runs:
        return []
    sign, tones = runs[0][0], list(runs[0][1].tone)
    turns: list[Turn] = []
    for run_sign, run in runs[1:]:
        if run_sign == sign:
            tones.extend(run.tone)
            continue
        first = run.iloc[0]
        if len(run) < 2 and not (abs(first.tone) >= STRONG and run_sign == -sign):
            continue  # a lone mild event: the stretch before goes on
        turns.append(Turn(int(first.event_id), float(first.x), cell_text(first.start), cell_text(first.end), cell_text(first.text),
                          round(float(np.mean(tones)), 2), round(float(run.tone.mean()), 2)))
        sign, tones = run_sign, list(run.tone)
    turns = _drop_same_month_reversals(turns)
    if limit is not None:
        largest = sorted(turns, key=lambda t: (-abs(t.after - t.before), t.x))[:limit]
        turns = [t for t in turns if t in largest]
    return turns


def _drop_same_month_reversals(turns: list[Turn]) -> list[Turn]:
    """Two opposite turns in the same month are noise: drop both."""
    out: list[Turn] = []
    for t in turns:
        prev = out[-1] if out else None
        if (prev is not None and math.floor(prev.x * 12 + 1e-6) == math.floor(t.x * 12 + 1e-6)
                and (prev.after > prev.before) != (t.after > t.before)):
            out.pop()
            continue
        out.append(t)
    return out
