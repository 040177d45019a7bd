"""Temporal expressions in Hebrew and English, normalized to ISO 8601 dates.

The grammar is ours (dateparser misreads most Hebrew forms), in three stages:

- :mod:`.atoms`: regular expressions built by :mod:`.grammar` from the language data in
  ``resources/<lang>/timex.yml`` find *atoms* (a date, a month, a year, a decade, a century,
  "today", "that month");
- :mod:`.combine`: two rules join them: a range (``בין ה-29 ביוני ל-1 ביולי 1956``, ``from 1961
  to 1985``, ``1950–1953``) and an open end (``לאחר 1990``, ``until 1985``);
- :mod:`.relative`: relative expressions are resolved against the nearest expression before them.

Values keep the precision the text gives: ``1948-11-28``, ``1961-10``, ``1961``. Readings chosen
where the text allows more than one:

- a century and its ordinal decades take the usual reading, not the strict one: ``the 21st
  century`` / ``המאה ה-21`` is 2000–2099, ``the first decade of the 21st century`` /
  ``העשור הראשון של המאה ה-21`` 2000–2009, ``the first and second decades`` 2000–2019 (kind
  ``decade``);
- ``2014–15`` is 2014–2015; ``the 1950–1960s`` is 1950–1969; a range may end in a decade
  (``from 1975 to the late 1990s``: 1975–1999) and start in one that names its century
  (``from the 1960s to the 1980s``: 1960–1989); a dash alone joins a decade only when written
  on (``1950–1960s``, ``the 1950s–1960s``);
- ``these days`` / ``בימינו אלה`` are the present, with no value;
- ``at that point`` / ``באותה עת`` take the anchor's span (kind ``relative``); ``in the coming
  weeks`` / ``בשבועות הקרובים`` stay ``relative`` with start = the anchor's last value and no
  end; ``since then`` / ``ומאז`` become ``after`` from the anchor's start, and vanish with no
  anchor. ``מאז`` alone counts only before a pause or a new clause: before a date it opens
  that date (``מאז 1990``), before a noun it names an event we cannot date;
- ``in recent years`` / ``בשנים האחרונות`` are relative to the writer's unknown date: no
  expression;
- the present as an adjective or adverb (``the current ambassador``, ``now``, ``הנוכחי``,
  ``עתה``, ``היום``) is the present, as the annotation guide reads ``today``;
- ``before that`` / ``לפני כן`` / ``עד לשנה זו`` end at the anchor (kind ``before``);
- coordinated Hebrew decades are one range (``בשנות ה-70 וה-80``: 1970–1989), and a range may
  start in a decade without its century (``מסוף שנות ה-80 ועד 2004``);
- ``מ-2023`` and ``משנת 2023`` alone open the year, as ``after 1990`` does; a part of a decade
  with the same prefix (``מראשיתן של שנות ה-50``) names the part;
- an offset from a named event (``four days after Israel's declaration``, ``שלוש שנים לאחר תום
  מלחמת העולם השנייה``) is dated by :mod:`.anchored`.
"""

from __future__ import annotations

from .atoms import find_atoms, select
from .combine import Combined, combine
from .grammar import Grammar, grammar
from .model import KINDS, Timex, Value, iso
from .relative import resolve

__all__ = ["KINDS", "Grammar", "Timex", "Value", "extract", "find", "grammar", "iso", "resolve"]


def find(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Timex]:
    """Every temporal expression in ``text[start:end]``, in order, relative ones unresolved
    (their ``start``/``end`` are empty until :func:`resolve`)."""
    g = grammar(lang)
    end = len(text) if end is None else end
    atoms = select(find_atoms(text, start, end, g))
    return [_to_timex(text, c) for c in combine(text, atoms, g)]


def extract(text: str, lang: str) -> list[Timex]:
    """:func:`find` then :func:`resolve` over a whole text."""
    return resolve(find(text, lang))


def _to_timex(text: str, c: Combined) -> Timex:
    e = c.e
    while e > c.s and text[e - 1] in ".,;: ":
        e -= 1
    partial = (c.atom.m, c.atom.d) if c.kind == "date" and c.atom.y is None and c.atom.d else None
    # the century comes from context only when the expression has no value of its own
    context_years = c.atom.extra.get("offsets") if c.lo is None and c.hi is None else None
    return Timex(c.s, e, text[c.s:e], c.kind, iso(c.lo), iso(c.hi), unit=c.atom.unit,
                 offset=c.atom.offset, decade_years=c.offsets or context_years, partial=partial,
                 open=c.atom.extra.get("open", ""),
                 event_shift=c.atom.extra.get("shift") if c.kind == "relative" else None)
