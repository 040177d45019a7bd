"""Atoms: the smallest dated pieces the grammar matches (a date, a month, a year, a decade, a
century, a season, the present, a relative phrase), each read into numbers."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from ...vocab import lang_code
from . import anchored
from .grammar import Grammar
from .model import Value

PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}  # years of a decade each part covers


@dataclass
class Atom:
    """One match of an atom pattern, with the numbers it names."""

    s: int
    e: int
    kind: str  # date, month, year, day, decade, century, season, present, relative
    pre: str = ""
    y: int | None = None
    m: int | None = None
    d: int | None = None
    lo: Value | None = None
    hi: Value | None = None
    unit: str = ""
    offset: int = 0
    decade: int | None = None  # decades: 0..90 when the century is left to context
    part: str = ""
    extra: dict = field(default_factory=dict)

    def value(self) -> Value | None:
        """(year[, month[, day]]) as far as the atom names them; None without a year."""
        if self.y is None:
            return None
        return tuple(v for v in (self.y, self.m, self.d) if v is not None)


def find_atoms(text: str, start: int, end: int, g: Grammar) -> list[Atom]:
    """Every atom in ``text[start:end]``, overlapping ones included."""
    found = []
    window = text[start:end]
    if g.lower:
        window = window.lower()
    for kind, rx, words, lead in g.atoms:
        begin = start
        if lead is not None:
            first = min((at for w in words if (at := window.find(w)) >= 0), default=-1)
            if first < 0:
                continue
            begin = start + first
            while begin > start and lead(text[begin - 1]):
                begin -= 1  # (no match can start before a character its lead-in refuses)
        elif words:
            for w in words:  # (a plain loop: this runs for every pattern of every paragraph)
                if w in window:
                    break
            else:
                continue
        for m in rx.finditer(text, begin, end):
            atom = _make(kind, m, g, text)
            if atom is not None:
                found.append(atom)
    return found


def select(atoms: list[Atom]) -> list[Atom]:
    """Non-overlapping atoms, longer ones first, in text order."""
    chosen: list[Atom] = []
    for a in sorted(atoms, key=lambda a: (-(a.e - a.s), a.s)):
        if all(a.e <= c.s or a.s >= c.e for c in chosen):
            chosen.append(a)
    return sorted(chosen, key=lambda a: a.s)


def _make(kind: str, m: re.Match, g: Grammar, text: str) -> Atom | None:
    gd = m.groupdict()
    pre = gd.get("pre") or ""
    a = Atom(m.start(), m.end(), kind.rstrip("+-"), pre=pre)
    if gd.get("y"):
        a.y = int(gd["y"])
    if gd.get("m"):
        a.m = g.months[gd["m"].lower()]
    if gd.get("d"):
        a.d = int(gd["d"])
    if kind == "year" and not pre and _is_a_number(m, g, text):
        return None
    if kind == "present" and _is_no_time(m, g, text):
        return None
    if kind == "date" and a.y is not None and a.m is not None and a.d > calendar.monthrange(a.y, a.m)[1]:
        return None
    if kind == "season":
        first, last = g.seasons[gd["season"].lower()]
        a.lo = (a.y, first)
        a.hi = (a.y + 1, last) if last < first else (a.y, last)
    elif kind == "decade_tail":
        a.kind = "decade"
        a.extra["tail"] = True
        _decade(a, gd, g)
    elif kind == "decade":
        _decade(a, gd, g)
    elif kind == "century":
        _century(a, gd, g)
    elif kind == "decade_ordinal":
        a.kind = "decade"
        if not _ordinal_decades(a, gd, g):
            return None  # "the second and first decades": the century atom inside still counts
    elif kind == "year" and gd.get("y2"):
        _years(a, m)
    elif kind == "relative":
        a.unit, a.offset, a.extra["open"] = g.relative[m.group("rel").lower()]
    elif kind == "since":
        a.kind, a.unit = "relative", "since"
    elif kind == "event":
        return _event(a, m, g, text)
    elif kind in ("relative+", "relative-"):
        n = g.numbers.get(m.group("n").lower())
        if n is None:
            return None
        a.unit, a.offset = "year", n if kind == "relative+" else -n
    return a


def _is_a_number(m: re.Match, g: Grammar, text: str) -> bool:
    """A bare year-like number that is a count, an amount or an article number."""
    return _ruled_out(m, text, g.not_after, g.units)


def _ruled_out(m: re.Match, text: str, after: re.Pattern | None, before: re.Pattern | None) -> bool:
    """The words just before the match fit ``after`` (searched) or those after it ``before`` (matched)."""
    if after and after.search(text[max(0, m.start() - 25): m.start()]):
        return True
    return bool(before and before.match(text, m.end()))


def _event(a: Atom, m: re.Match, g: Grammar, text: str) -> Atom | None:
    """"four days after Israel's declaration": unit "event", the shift in ``extra``, a value when
    the event is dated; a known event's name ends the span."""
    off = anchored.read(m, g.event, g.numbers, lang_code(g.lang), text)
    if off is None:
        return None
    a.e = off.end
    a.unit = "event"
    a.extra["shift"] = (off.unit, off.count)
    if off.event is not None:
        a.lo = a.hi = anchored.shift(off.event, off.unit, off.count)
    return a


def _is_no_time(m: re.Match, g: Grammar, text: str) -> bool:
    """A present word in a phrase that names no time ("electric current", "current account")."""
    return _ruled_out(m, text, g.present_not_after, g.present_not_before)


def _century_of(gd: dict, g: Grammar) -> int | None:
    c = gd.get("c")
    return int(c) if c else g.century_words.get(gd.get("cw") or "")


def _years(a: Atom, m: re.Match) -> None:
    """"2014–15": the second year shares the first one's century and comes after it; else the
    first year alone."""
    y2 = int(m.group("y2"))
    if y2 <= a.y % 100:
        a.e = m.end("y")
        return
    a.kind = "years"
    a.lo, a.hi = (a.y,), (a.y // 100 * 100 + y2,)


def _century(a: Atom, gd: dict, g: Grammar) -> None:
    a.part = g.parts.get(gd.get("part") or "", "")
    century = _century_of(gd, g)
    lo, hi = (century - 1) * 100, century * 100 - 1  # the usual reading, as for its decades
    if a.part:
        third = (hi - lo + 1) // 3
        i = ("early", "mid", "late").index(a.part)
        lo, hi = lo + i * third, (hi if i == 2 else lo + (i + 1) * third - 1)
    a.lo, a.hi = (lo,), (hi,)


def _decade(a: Atom, gd: dict, g: Grammar) -> None:
    a.part = g.parts.get(gd.get("part") or "", "")
    century = _century_of(gd, g)
    if gd.get("dy"):
        base = int(gd["dy"])
    elif g.decade_words.get(gd.get("dw") or "", 0) >= 1000:  # "שנות האלפיים": a decade word that names its century
        base = g.decade_words[gd["dw"]]
    else:
        decade = int(gd["dd"]) if gd.get("dd") else g.decade_words[gd["dw"]]
        if century is None:
            a.decade = decade
            base = None
        else:
            base = (century - 1) * 100 + decade
    lo_off, hi_off = PARTS.get(a.part, (0, 9))
    if base is not None:
        a.lo, a.hi = (base + lo_off,), (base + hi_off,)
    else:
        a.extra["offsets"] = (a.decade + lo_off, a.decade + hi_off)


def _ordinal_decades(a: Atom, gd: dict, g: Grammar) -> bool:
    """"the first (and second) decade(s) of the 21st century": 2000-2009 (2000-2019), the
    usual reading (decade n of century c starts at year (c - 1) * 100 + (n - 1) * 10)."""
    a.part = g.parts.get(gd.get("part") or "", "")
    first = g.ordinals[gd["o1"].lower()]
    last = g.ordinals[gd["o2"].lower()] if gd.get("o2") else first
    if gd.get("n"):  # "the first two decades"
        last = first + g.decade_counts[gd["n"].lower()] - 1
    if last < first:
        return False
    base = (_century_of(gd, g) - 1) * 100
    lo_off, hi_off = PARTS.get(a.part, (0, 9)) if last == first else (0, 9)
    a.lo, a.hi = (base + (first - 1) * 10 + lo_off,), (base + (last - 1) * 10 + hi_off,)
    return True
