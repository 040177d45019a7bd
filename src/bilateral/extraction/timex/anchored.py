"""Offsets from a named event: "four days after Israel's declaration", "שלוש שנים לאחר תום
מלחמת העולם השנייה". The event's date comes from the table of well-known events
(``resources/known_events.yml``), else from a year inside the phrase ("after the 1967 war"), else
from a date right after it (set in :mod:`.combine`); an event none of these dates leaves the
expression without a value.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ... import resources
from .model import Value, parse_iso

_YEAR_AND_NOUN = re.compile(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)(?:\s+\S+)?")


@dataclass(frozen=True)
class EventWords:
    """One language's words for event offsets (``event:`` in ``resources/<lang>/timex.yml``)."""

    units: dict[str, tuple[str, int]]  # word -> (unit, count it says; 0: a number comes first)
    before: frozenset[str]
    start_words: re.Pattern  # the phrase names the event's first day
    not_after: re.Pattern  # words before the count that make it a duration
    date_join: re.Pattern  # what may stand between the phrase and a date that dates the event
    undated_words: int  # how many words of an event we cannot date the span keeps


def event_words(data: dict[str, Any], flags: int) -> EventWords | None:
    """The compiled ``event:`` section of a language file; None when it has none."""
    d = data.get("event")
    if not d:
        return None

    def words(ws: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))

    return EventWords(
        units={k.lower(): (v[0], int(v[1])) for k, v in d["units"].items()},
        before=frozenset(w.lower() for w in d["before"]),
        start_words=re.compile(rf"(?<!\w)(?:{words(d['start_words'])})(?!\w)", flags),
        not_after=re.compile(rf"(?<!\w)(?:{words(d['not_after_words'])})\s*$", flags),
        date_join=re.compile(d["date_join"], flags),
        undated_words=int(d["undated_words"]),
    )


def pattern(data: dict[str, Any], numbers: str, number_prefix: str) -> str | None:
    """The regular expression of an event offset: a count, a unit, after/before and the phrase
    (up to a pause, a stop word or ``max_words`` words; never a prefixed number, which starts a
    date: "ב-14 במאי")."""
    d = data.get("event")
    if not d:
        return None

    def alt(ws) -> str:
        return "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))

    word = rf"(?!(?:{alt(d['stops'])})(?!\w))(?!{number_prefix}[-־]\d)[^\s,.;:()\"״“”]+"
    # a count may be compound ("twenty-five")
    return (rf"(?<![\w-])(?P<pre>{d.get('prefix', '')})(?:(?P<n>(?:{numbers})(?:-(?:{numbers}))?)\s+)?(?P<u>{alt(d['units'])})\s+"
            rf"(?P<rel>{alt(d['after'] + d['before'])})\s+(?!(?:{alt(d['not_first'])})(?!\w))"
            rf"(?P<ev>{word}(?:\s+{word}){{0,{int(d['max_words']) - 1}}})")


@dataclass(frozen=True)
class Offset:
    """What an event offset says: how many units, which way, and the date of its event."""

    unit: str
    count: int  # negative before the event
    event: Value | None
    end: int  # where the span ends: after a known event's name, a year's noun or a few words


def read(m: re.Match, w: EventWords, numbers: dict[str, int], lang: str, text: str) -> Offset | None:
    """The offset a match names; None when it names no count ("years after the war") or is a
    duration ("for three years after the war")."""
    unit, count = w.units[m.group("u").lower()]
    if m.group("n"):
        parts = [numbers.get(p, 0) for p in m.group("n").lower().split("-")]
        compound = len(parts) == 1 or (parts[0] >= 20 and parts[0] % 10 == 0 and 0 < parts[1] < 10)
        count = sum(parts) if count in (0, 1) and compound else 0  # "5-10 years" is a span
    if not count or w.not_after.search(text[max(0, m.start() - 20): m.start()]):
        return None
    if m.group("rel").lower() in w.before:
        count = -count
    phrase = m.group("ev")
    start = bool(w.start_words.search(phrase)) or count < 0
    known = _known(phrase, lang, start)
    if known is not None:
        return Offset(unit, count, known[0], m.start("ev") + known[1])
    year = _YEAR_AND_NOUN.search(phrase)
    if year is not None:  # "after the 1967 war": the span ends with the year's noun
        return Offset(unit, count, (int(year.group(1)),), m.start("ev") + year.end())
    # an event we cannot date: its first words (the span's end is a reader's guess anyway)
    words = list(re.finditer(r"\S+", phrase))[:w.undated_words]
    return Offset(unit, count, None, m.start("ev") + words[-1].end())


def shift(v: Value, unit: str, count: int) -> Value:
    """``v`` moved by ``count`` units, at the precision the unit allows and ``v`` gives."""
    if unit in ("day", "week") and len(v) == 3:
        d = dt.date(*v) + dt.timedelta(days=count * (7 if unit == "week" else 1))
        return (d.year, d.month, d.day)
    if unit in ("day", "week", "month") and len(v) >= 2:
        if unit != "month":
            return v[:2]  # days from a month: the month (at worst a month off)
        total = v[0] * 12 + v[1] - 1 + count
        return (total // 12, total % 12 + 1)
    if unit == "year":
        return (v[0] + count,)
    return v[:1]


def _known(phrase: str, lang: str, start: bool) -> tuple[Value, int] | None:
    """The date of the known event the phrase names (its first or last day) and where its name
    ends in the phrase."""
    low = phrase.lower().replace("’", "'")
    for rx, first, last in _events(lang):
        m = rx.search(low)
        if m is not None:
            return parse_iso(first if start else last), m.end()
    return None


@cache
def _events(lang: str) -> tuple[tuple[re.Pattern, str, str], ...]:
    data = resources.shared("known_events")
    out = []
    for e in data["events"]:
        names = "|".join(re.escape(n) for n in sorted(e.get(lang, []), key=len, reverse=True))
        if names:
            out.append((re.compile(rf"(?<!\w)(?:{names})(?!\w)"), e["start"], e["end"]))
    return tuple(out)
