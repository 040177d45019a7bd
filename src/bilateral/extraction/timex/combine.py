"""Two rules that join atoms into expressions: a range (two atoms and the words between them:
``בין ה-29 ביוני ל-1 ביולי 1956``, ``from 1961 to 1985``, ``1950–1953``) and an open end (one
atom and the word before it: ``לאחר 1990``, ``until 1985``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import anchored
from .atoms import Atom
from .grammar import Grammar
from .model import Value, sort_key

_DASH = re.compile(r"\s*[-–—]\s*")
_APPOSITION = re.compile(r"\s*,\s*")


@dataclass(slots=True)
class Combined:
    """An expression before output: its span, kind and the values of its two ends."""

    s: int
    e: int
    kind: str
    lo: Value | None
    hi: Value | None
    atom: Atom
    # a decade range whose century comes from context: its first and last year in the century
    offsets: tuple[int, int] | None = None


def combine(text: str, atoms: list[Atom], g: Grammar) -> list[Combined]:
    """Expressions from non-overlapping atoms in text order."""
    out: list[Combined] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        joined = _range(text, a, b, g) if b is not None else None
        if joined is not None:
            out.append(joined)
            i += 2
            continue
        i += 1
        if a.kind == "event" and out and _APPOSITION.fullmatch(text[out[-1].e:a.s]) and out[-1].lo:
            # "in 1992, 42 years after the war": the offset restates the date before it
            out.append(Combined(a.s, a.e, out[-1].kind, out[-1].lo, out[-1].hi, a))
            continue
        if a.kind == "event" and a.lo is None and b is not None:
            a = _dated_by_next(text, a, b, g)
        if a.kind == "day":
            continue  # a bare day only counts inside a range
        if a.extra.get("tail"):
            if out and _decade_tail(text, a, out[-1]):
                out[-1] = _decade_tail(text, a, out[-1])
            continue
        c = _open_end(text, a, g) or single(a)
        if out and out[-1].atom.unit == "since" and c.s < out[-1].e:
            out.pop()  # "ומאז 1990": the word opens the date after it, it is no "since then"
        out.append(c)
    return out


def single(a: Atom) -> Combined:
    """An atom on its own."""
    if a.kind == "event":  # a date, month or year once its event is dated, else relative
        kind = {3: "date", 2: "month", 1: "year"}[len(a.lo)] if a.lo else "relative"
        return Combined(a.s, a.e, kind, a.lo, a.hi, a)
    if a.kind in ("decade", "century"):
        return Combined(a.s, a.e, a.kind, a.lo, a.hi, a)
    if a.kind in ("season", "years"):
        return Combined(a.s, a.e, "range", a.lo, a.hi, a)
    v = a.value()
    kind = a.kind
    if kind in ("date", "month", "year"):
        kind = {3: "date", 2: "month", 1: "year"}[len(v)] if v else kind
    return Combined(a.s, a.e, kind, v, v, a)


def _decade_tail(text: str, a: Atom, prev: Combined) -> Combined | None:
    """"בשנות ה-60 וה-70": one range over both decades, the one without its century taking the
    other one's (the one before for "בשנות ה-90 והאלפיים"), or both taking it from context;
    None when "וה-70" follows no decade."""
    if prev.kind != "decade" or text[prev.e:a.s].strip():
        return None
    first = prev.offsets or prev.atom.extra.get("offsets")
    second = a.extra.get("offsets")
    if prev.lo is None and a.lo is None:
        if first is None:
            return None
        return Combined(prev.s, a.e, "range", None, None, prev.atom,
                        (min(first[0], second[0]), max(first[1], second[1])))
    if prev.lo is not None:
        base = prev.lo[0] // 100 * 100
        tail = (a.lo[0], a.hi[0]) if second is None else (base + second[0], base + second[1])
        years = (prev.lo[0], prev.hi[0], *tail)
    else:
        base = a.lo[0] // 100 * 100
        base -= 100 if base + first[0] > a.lo[0] else 0
        years = (base + first[0], base + first[1], a.lo[0], a.hi[0])
    return Combined(prev.s, a.e, "range", (min(years),), (max(years),), prev.atom)


def _dated_by_next(text: str, a: Atom, b: Atom, g: Grammar) -> Atom:
    """"four days after Israel's declaration of independence on 14 May 1948": the date after
    the phrase dates its event."""
    v = b.value()
    if v is None or g.event is None or not g.event.date_join.match(text[a.e:b.s]):
        return a
    unit, count = a.extra["shift"]
    value = anchored.shift(v, unit, count)
    return replace(a, lo=value, hi=value)


def _bare(pre: str) -> str:
    return pre.rstrip("-־ ").strip()


def _context(text: str, a: Atom) -> tuple[str, int]:
    """The 40 characters before an atom plus its prefix letters, and where that text starts."""
    ctx = text[max(0, a.s - 40): a.s]
    prefix = _bare(a.pre) if a.pre and not a.pre.endswith(" ") else a.pre
    return ctx + prefix, a.s - len(ctx)


def _range(text: str, a: Atom, b: Atom, g: Grammar) -> Combined | None:
    if a.kind not in ("date", "month", "year", "day", "decade") or b.kind not in ("date", "month", "year", "decade"):
        return None
    if a.extra.get("tail") or b.extra.get("tail"):
        return None
    gap = text[a.e:b.s]
    b_pre = _bare(b.pre) if b.pre and not b.pre.endswith(" ") else ""
    if "\n" in gap or not g.range_join.match(gap + b_pre):
        return None
    ctx, base = _context(text, a)
    starter = g.range_start.search(ctx)
    if starter is None and (_DASH.fullmatch(gap) is None or (b.kind == "decade" and not text[b.s].isdigit())):
        return None  # a dash alone joins a decade only when it is written on ("the 1950–1960s")
    offsets = _decade_offsets(a, b)
    lo = _range_start(a, b)
    hi = _decade_end(b, lo) if b.kind == "decade" else b.value()
    if offsets is None and (lo is None or hi is None or sort_key(lo) > sort_key(hi, end=True) or lo == hi):
        return None
    s = base + starter.start() if starter is not None and starter.start() < a.s - base else a.s
    while s < a.s and text[s].isspace():
        s += 1
    return Combined(s, b.e, "range", None if offsets else lo, None if offsets else hi, a, offsets)


def _decade_offsets(a: Atom, b: Atom) -> tuple[int, int] | None:
    """"בין שנות ה-50 לשנות ה-60": two decades without their century make a range that takes
    its century from context (years within the century; the second may run into the next)."""
    if a.kind != "decade" or b.kind != "decade" or a.lo is not None or b.hi is not None:
        return None
    lo, hi = a.extra["offsets"][0], b.extra["offsets"][1]
    return (lo, hi if hi > lo else hi + 100)


def _range_start(a: Atom, b: Atom) -> Value | None:
    """The first value of a range from ``a`` to ``b``."""
    if a.kind == "decade" and a.lo is not None:
        return a.lo  # "from the 1960s to the 1980s"
    if a.kind == "decade":
        # "מסוף שנות ה-80 ועד 2009": the century of the end, or the one before when that would
        # put the start after the end
        end = b.hi or b.value()
        if end is None:
            return None
        lo = end[0] // 100 * 100 + a.extra["offsets"][0]
        return (lo - 100 if lo > end[0] else lo,)
    # "29 June to 1 July 1956": the first end takes what it leaves out from the second.
    lo_atom = replace(a, y=a.y if a.y is not None else b.y, m=a.m if a.m is not None else b.m)
    if lo_atom.kind == "day" and lo_atom.m is None:
        return None
    return lo_atom.value()


def _decade_end(b: Atom, lo: Value | None) -> Value | None:
    """The last year of a decade that ends a range ("from 1975 to the late 1990s"); a decade
    without its century ("ועד סוף שנות ה-90") takes the century of the range's start."""
    if b.hi is not None or lo is None:
        return b.hi
    return (lo[0] // 100 * 100 + b.extra["offsets"][1],)


def _open_end(text: str, a: Atom, g: Grammar) -> Combined | None:
    if a.kind in ("present", "relative", "day", "event"):
        return None
    one = single(a)
    ctx, base = _context(text, a)
    for rx, kind in ((g.after, "after"), (g.before, "before")):
        m = rx.search(ctx)
        if m is not None:
            s = base + m.start() if m.start() < a.s - base else a.s
            return Combined(s, a.e, kind, one.lo if kind == "after" else None,
                            one.hi if kind == "before" else None, a)
    # "מ-1990" opens 1990, but "מראשית שנות ה-50" names the early 1950s (the guide's reading)
    if _bare(a.pre) in g.after_prefixes and not a.part:
        return Combined(a.s, a.e, "after", one.lo, None, a)
    return None
