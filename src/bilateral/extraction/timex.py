"""Temporal expressions in Hebrew and English, normalized to ISO 8601 dates.

The grammar is ours (dateparser misreads most Hebrew forms): a set of regular expressions built
from the language data in ``resources/<lang>/timex.yml`` finds *atoms* (a date, a month, a year,
a decade, a century, "today", "that month"), then two rules combine them: a range (``בין ה-29
ביוני ל-1 ביולי 1956``, ``from 1961 to 1985``, ``1950–1953``) and an open end (``לאחר 1990``,
``until 1985``). Relative expressions are then resolved against the nearest expression before
them. Values keep the precision the text gives: ``1948-11-28``, ``1961-10``, ``1961``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache

from .. import resources
from ..vocab import lang_code

KINDS = ("date", "month", "year", "range", "decade", "century", "after", "before", "relative", "present")
_YEAR = r"(?:1\d{3}|20\d{2})"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}

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
    unit: str = ""  # relative: day, month or year
    offset: int = 0  # relative: how many units after (+) or before (-) the anchor
    decade_years: tuple[int, int] | None = None  # a decade whose century comes from context
    partial: tuple[int, int] | None = None  # a day and month whose year comes from context


@dataclass
class _Atom:
    s: int
    e: int
    kind: str  # date, month, year, day, decade, century, present, relative
    pre: str = ""
    y: int | None = None
    m: int | None = None
    d: int | None = None
    lo: Value | None = None
    hi: Value | None = None
    unit: str = ""
    offset: int = 0
    century: int | None = None  # decades: the explicit century, if any
    decade: int | None = None  # decades: 0..90 when the century is left to context
    part: str = ""
    extra: dict = field(default_factory=dict)

    def value(self) -> Value | None:
        if self.y is None:
            return None
        return tuple(v for v in (self.y, self.m, self.d) if v is not None)


@dataclass(frozen=True)
class _Grammar:
    lang: str
    atoms: tuple[tuple[str, re.Pattern], ...]
    months: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    decade_words: dict[str, int]
    century_words: dict[str, int]
    numbers: dict[str, int]
    parts: dict[str, str]
    relative: dict[str, tuple[str, int]]
    range_start: re.Pattern
    range_join: re.Pattern
    after: re.Pattern
    before: re.Pattern
    after_prefixes: frozenset[str]
    not_after: re.Pattern | None
    units: re.Pattern | None


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def grammar(lang: str) -> _Grammar:
    """The compiled grammar for ``lang`` (Hebrew data for ``he``, English data otherwise)."""
    data = resources.load(lang, "timex")
    he = lang_code(lang) == "he"
    months = {k.lower(): v for k, v in data["months"].items()}
    mon = _alt(months)
    dec_words = data.get("decade_words", {})
    cen_words = data.get("century_words", {})
    parts = {w: p for p, ws in data.get("parts", {}).items() for w in ws}
    seasons = {str(k).lower(): tuple(v) for k, v in (data.get("seasons") or {}).items()}
    numbers = {**{str(i): i for i in range(1, 100)}, **data.get("numbers", {})}
    relative = {ph.lower(): (r["unit"], int(r["offset"])) for r in data.get("relative", []) for ph in r["phrases"]}
    num = _alt(numbers)
    flags = re.IGNORECASE if not he else 0

    atoms: list[tuple[str, str]] = []
    if he:
        np_ = f"(?:{data['number_prefix']}[-־]?)"
        wp = data["word_prefix"]
        dec_kw, cen_kw, cen_of = data["decade_keyword"], data["century_keyword"], data["century_of"]
        part = f"(?:(?P<part>{_alt(parts)})\\s+)?"
        century = f"(?:ה[-־]?(?P<c>\\d{{1,2}})|ה(?P<cw>{_alt(cen_words)}))"
        atoms += [
            ("date", rf"(?<!\w)(?P<pre>{np_})?(?P<d>{_DAY})\s+{wp}(?P<m>{mon})(?:\s*,?\s+(?P<y>{_YEAR}))?(?!\w)"),
            ("day", rf"(?<!\w)(?P<pre>{np_})?(?P<d>{_DAY})(?=(?:\s*[-–—]\s*|\s+(?:ו?עד\s+(?:ה[-־])?|ו?ל[-־]?))(?:ה[-־])?{_DAY}\s+{wp}(?:{mon})(?!\w))"),
            ("month", rf"(?<!\w)(?P<pre>{wp})(?P<m>{mon})\s*,?\s+(?P<y>{_YEAR})(?!\w)"),
            ("year", rf"(?<!\w)(?<!\d[,.])(?P<pre>{np_}|{wp}{data['year_keyword']}\s+|{wp}{data['years_keyword']}\s+)?(?P<y>{_YEAR})(?![\w%]|[.,]\d)"),
            ("decade", rf"(?<!\w)(?P<pre>{wp}){part}{dec_kw}\s+(?:ה?[-־]?(?P<dy>1\d\d0|20\d0)|ה[-־]?(?P<dd>[1-9]?0)|ה(?P<dw>{_alt(dec_words)}))(?:\s+{cen_of}\s+{century})?(?!\w)"),
            ("century", rf"(?<!\w)(?P<pre>{wp}){part}{cen_kw}\s+{century}(?!\w)"),
            # "בשנות ה-60 וה-70": a second decade that leans on the first one's keyword
            ("decade_tail", rf"(?<!\w)ו(?:ה[-־]?(?P<dd>[1-9]0)|ה(?P<dw>{_alt(dec_words)}))(?!\w)"),
            ("season", rf"(?<!\w)(?P<pre>{wp})(?P<season>{_alt(seasons)})\s+(?:של\s+)?(?P<y>{_YEAR})(?!\w)"),
            ("present", rf"(?<!\w)(?:{data['present_as_of']}[-־]?(?:שנת\s+)?(?P<y>{_YEAR})|(?:{_alt(data['present'])}))(?!\w)"),
        ]
    else:
        ordinal = r"(?:st|nd|rd|th)?"
        mon_ = rf"(?P<m>{mon})\.?"
        part = f"(?:(?P<part>{_alt(parts)})[-\\s])?"
        century = f"(?:(?P<c>\\d{{1,2}})(?:st|nd|rd|th)|(?P<cw>{_alt(cen_words)}))"
        atoms += [
            ("date", rf"\b(?P<d>{_DAY}){ordinal}\s+(?:of\s+)?{mon_}(?:,?\s+(?P<y>{_YEAR}))?\b"),
            ("date", rf"\b{mon_}\s+(?P<d>{_DAY}){ordinal}(?:,?\s+(?P<y>{_YEAR}))?\b(?![-–]\d)"),
            ("day", rf"\b(?P<d>{_DAY}){ordinal}(?=\s*(?:[-–—]|\bto\b|\band\b|\buntil\b)\s*{_DAY}{ordinal}\s+(?:of\s+)?(?:{mon})\b)"),
            ("month", rf"\b{mon_},?\s+(?P<y>{_YEAR})\b"),
            ("year", rf"(?<![\w$£€])(?<!\d[,.])(?P<y>{_YEAR})(?![\w%]|[.,]\d)"),
            ("decade", rf"\b(?:the\s+)?{part}(?:(?P<dy>1\d\d0|20\d0)s|'(?P<dd>\d0)s|(?P<dw>{_alt(dec_words)}))(?:\s+of\s+the\s+{century}\s+century)?\b"),
            ("century", rf"\b(?:the\s+)?{part}{century}[-\s]century\b"),
            ("season", rf"\b(?:the\s+)?(?P<season>{_alt(seasons)})\s+(?:of\s+)?(?P<y>{_YEAR})\b"),
            ("present", rf"(?:{data['present_as_of']}(?:(?P<m>{mon})\.?\s+)?(?P<y>{_YEAR})\b|\b(?:{_alt(data['present'])})\b)"),
        ]
    atoms.append(("relative", rf"(?<!\w)(?:{_alt(relative)})(?!\w)"))
    for pattern in data.get("relative_years_after", []):
        atoms.append(("relative+", rf"(?<!\w){pattern.replace('NUM', num)}(?!\w)"))
    for pattern in data.get("relative_years_before", []):
        atoms.append(("relative-", rf"(?<!\w){pattern.replace('NUM', num)}(?!\w)"))

    def words_before(key: str) -> re.Pattern | None:
        ws = data.get(key, [])
        return re.compile(rf"(?<!\w)(?:{_alt(ws)})\s*$", flags) if ws else None

    def words_after(key: str) -> re.Pattern | None:
        ws = data.get(key, [])
        return re.compile(rf"\s*(?:{_alt(ws)})(?!\w)", flags) if ws else None

    return _Grammar(
        lang=lang,
        atoms=tuple((k, re.compile(p, flags)) for k, p in atoms),
        months=months,
        seasons=seasons,
        decade_words=dec_words,
        century_words=cen_words,
        numbers=numbers,
        parts=parts,
        relative=relative,
        range_start=re.compile(data["range_start"] if not he else
                               r"(?:בין\s+(?:ה?שנים\s+)?ה?|(?:^|\s)ו?מ|החל\s+מ|ב?שנים\s*)$", flags),
        range_join=re.compile(data["range_join"] if not he else
                              r"^\s*(?:ו?עד(?:\s+ל)?|ו?ל|[-–—])\s*ה?$", flags),
        after=re.compile(data["after"], flags),
        before=re.compile(data["before"], flags),
        after_prefixes=frozenset(data.get("after_prefixes", [])),
        not_after=words_before("not_after_words"),
        units=words_after("unit_words"),
    )


def find(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Timex]:
    """Every temporal expression in ``text[start:end]``, in order, relative ones unresolved
    (their ``start``/``end`` are empty until :func:`resolve`)."""
    g = grammar(lang)
    end = len(text) if end is None else end
    atoms = _select(_atoms(text, start, end, g))
    return [_to_timex(text, x) for x in _combine(text, atoms, g)]


def resolve(timexes: list[Timex]) -> list[Timex]:
    """Fill relative expressions and context-dependent decades from the expressions before them;
    ``timexes`` must be in document order."""
    out: list[Timex] = []
    last: int | None = None  # index in out of the last expression with a value
    for t in timexes:
        if t.kind == "relative" and last is not None:
            t = _resolve_relative(t, out[last], last)
        elif t.partial is not None and last is not None:
            # "ב-25 ביוני" with no year: the year of the text before it.
            year = int((out[last].end or out[last].start)[:4])
            value = iso((year, *t.partial))
            t = replace(t, start=value, end=value, anchor=last)
        elif t.decade_years is not None:
            # "the 70s" with no century: the century of the text before it, else the 20th.
            century = int((out[last].start or out[last].end)[:4]) // 100 * 100 if last is not None else 1900
            lo, hi = t.decade_years
            t = replace(t, start="" if t.kind == "before" else str(century + lo),
                        end="" if t.kind == "after" else str(century + hi))
        if t.start or t.end:
            last = len(out)
        out.append(t)
    return out


def extract(text: str, lang: str) -> list[Timex]:
    """:func:`find` then :func:`resolve` over a whole text."""
    return resolve(find(text, lang))


# --- atoms ---------------------------------------------------------------------------------

def _atoms(text: str, start: int, end: int, g: _Grammar) -> list[_Atom]:
    found = []
    for kind, rx in g.atoms:
        for m in rx.finditer(text, start, end):
            atom = _make(kind, m, g, text)
            if atom is not None:
                found.append(atom)
    return found


def _make(kind: str, m: re.Match, g: _Grammar, text: str) -> _Atom | None:
    gd = m.groupdict()
    pre = gd.get("pre") or ""
    a = _Atom(m.start(), m.end(), kind.rstrip("+-"), pre=pre)
    if gd.get("y"):
        a.y = int(gd["y"])
    if gd.get("m"):
        a.m = g.months[gd["m"].lower()]
    if gd.get("d"):
        a.d = int(gd["d"])
    if kind == "year" and not pre:
        before = text[max(0, m.start() - 25): m.start()]
        if g.not_after and g.not_after.search(before):
            return None
        if g.units and g.units.match(text, m.end()):
            return None
    if kind == "date" and a.y is not None and a.m is not None and a.d > calendar.monthrange(a.y, a.m)[1]:
        return None
    if kind == "season":
        first, last = g.seasons[gd["season"].lower()]
        a.lo = (a.y, first)
        a.hi = (a.y + 1, last) if last < first else (a.y, last)
        return a
    if kind == "decade_tail":
        a.kind = kind = "decade"
        a.extra["tail"] = True
    if kind in ("decade", "century"):
        a.part = g.parts.get(gd.get("part") or "", "")
        c = gd.get("c")
        century = int(c) if c else g.century_words.get(gd.get("cw") or "")
        if kind == "century":
            lo, hi = (century - 1) * 100 + 1, century * 100
            if a.part:
                third = (hi - lo + 1) // 3
                i = ("early", "mid", "late").index(a.part)
                lo, hi = lo + i * third, (hi if i == 2 else lo + (i + 1) * third - 1)
            a.lo, a.hi = (lo,), (hi,)
            return a
        if gd.get("dy"):
            base = int(gd["dy"])
        else:
            decade = int(gd["dd"]) if gd.get("dd") else g.decade_words[gd["dw"]]
            if century is None:
                a.decade = decade
                base = None
            else:
                base = (century - 1) * 100 + decade
        lo_off, hi_off = _PARTS.get(a.part, (0, 9))
        if base is not None:
            a.lo, a.hi = (base + lo_off,), (base + hi_off,)
        else:
            a.extra["offsets"] = (a.decade + lo_off, a.decade + hi_off)
    if kind == "relative":
        a.unit, a.offset = g.relative[m.group().lower()]
    elif kind in ("relative+", "relative-"):
        n = g.numbers.get(m.group("n").lower())
        if n is None:
            return None
        a.unit, a.offset = "year", n if kind == "relative+" else -n
    return a


def _select(atoms: list[_Atom]) -> list[_Atom]:
    """Non-overlapping atoms, longer ones first."""
    chosen: list[_Atom] = []
    for a in sorted(atoms, key=lambda a: (-(a.e - a.s), a.s)):
        if all(a.e <= c.s or a.s >= c.e for c in chosen):
            chosen.append(a)
    return sorted(chosen, key=lambda a: a.s)


# --- combination ---------------------------------------------------------------------------

@dataclass(slots=True)
class _Combined:
    s: int
    e: int
    kind: str
    lo: Value | None
    hi: Value | None
    atom: _Atom


def _bare(pre: str) -> str:
    return pre.rstrip("-־ ").strip()


def _context(text: str, a: _Atom) -> tuple[str, int]:
    ctx = text[max(0, a.s - 40): a.s]
    prefix = _bare(a.pre) if a.pre and not a.pre.endswith(" ") else a.pre
    return ctx + prefix, a.s - len(ctx)


def _combine(text: str, atoms: list[_Atom], g: _Grammar) -> list[_Combined]:
    out: list[_Combined] = []
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
        if a.kind == "day":
            continue  # a bare day only counts inside a range
        if a.extra.get("tail"):
            prev = out[-1] if out else None
            if prev is None or prev.kind != "decade" or text[prev.e:a.s].strip():
                continue  # "וה-70" counts only right after a decade
            if prev.lo is not None and a.lo is None:
                # the first decade named its century: the second shares it
                base = prev.lo[0] // 100 * 100 + a.extra["offsets"][0]
                out.append(_Combined(a.s, a.e, "decade", (base,), (base + 9,), a))
                continue
        out.append(_open_end(text, a, g) or _single(a))
    return out


def _range(text: str, a: _Atom, b: _Atom, g: _Grammar) -> _Combined | None:
    if a.kind not in ("date", "month", "year", "day") or b.kind not in ("date", "month", "year"):
        return None
    gap = text[a.e:b.s]
    b_pre = _bare(b.pre) if b.pre and not b.pre.endswith(" ") else ""
    if "\n" in gap or not g.range_join.match(gap + b_pre):
        return None
    ctx, base = _context(text, a)
    starter = g.range_start.search(ctx)
    dash = re.fullmatch(r"\s*[-–—]\s*", gap) is not None
    if starter is None and not dash:
        return None
    lo_atom = replace(a, y=a.y if a.y is not None else b.y, m=a.m if a.m is not None else b.m)
    if lo_atom.kind == "day" and lo_atom.m is None:
        return None
    lo, hi = lo_atom.value(), b.value()
    if lo is None or hi is None or _key(lo) > _key(hi, end=True) or lo == hi:
        return None
    s = base + starter.start() if starter is not None and starter.start() < a.s - base else a.s
    while s < a.s and text[s].isspace():
        s += 1
    return _Combined(s, b.e, "range", lo, hi, a)


def _open_end(text: str, a: _Atom, g: _Grammar) -> _Combined | None:
    if a.kind in ("present", "relative", "day"):
        return None
    single = _single(a)
    ctx, base = _context(text, a)
    for rx, kind in ((g.after, "after"), (g.before, "before")):
        m = rx.search(ctx)
        if m is not None:
            s = base + m.start() if m.start() < a.s - base else a.s
            return _Combined(s, a.e, kind, single.lo if kind == "after" else None,
                             single.hi if kind == "before" else None, a)
    if _bare(a.pre) in g.after_prefixes and not a.pre.endswith(" "):
        return _Combined(a.s, a.e, "after", single.lo, None, a)
    return None


def _single(a: _Atom) -> _Combined:
    if a.kind in ("decade", "century"):
        return _Combined(a.s, a.e, a.kind, a.lo, a.hi, a)
    if a.kind == "season":
        return _Combined(a.s, a.e, "range", a.lo, a.hi, a)
    v = a.value()
    kind = a.kind
    if kind in ("date", "month", "year"):
        kind = {3: "date", 2: "month", 1: "year"}[len(v)] if v else kind
    return _Combined(a.s, a.e, kind, v, v, a)


def _key(v: Value, end: bool = False) -> tuple[int, int, int]:
    y = v[0]
    m = v[1] if len(v) > 1 else (12 if end else 1)
    d = v[2] if len(v) > 2 else (31 if end else 1)
    return (y, m, d)


# --- output --------------------------------------------------------------------------------

def iso(v: Value | None) -> str:
    """ISO 8601 text for a (year[, month[, day]]) tuple; empty for None."""
    if not v:
        return ""
    return "-".join([f"{v[0]:04d}", *(f"{x:02d}" for x in v[1:])])


def _to_timex(text: str, c: _Combined) -> Timex:
    e = c.e
    while e > c.s and text[e - 1] in ".,;: ":
        e -= 1
    partial = (c.atom.m, c.atom.d) if c.kind == "date" and c.atom.y is None and c.atom.d else None
    return Timex(c.s, e, text[c.s:e], c.kind, iso(c.lo), iso(c.hi), unit=c.atom.unit,
                 offset=c.atom.offset, decade_years=c.atom.extra.get("offsets"), partial=partial)


def _parse_iso(s: str) -> Value:
    return tuple(int(x) for x in s.split("-")) if s else ()


def _resolve_relative(t: Timex, anchor: Timex, anchor_index: int) -> Timex:
    unit, offset = t.unit, t.offset
    base_text = (anchor.end or anchor.start) if offset > 0 else (anchor.start or anchor.end)
    base = _parse_iso(base_text)
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


def _date_tuple(d: dt.date) -> Value:
    return (d.year, d.month, d.day)
