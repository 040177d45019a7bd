"""The compiled grammar of one language: the regular expressions that find atoms, built from the
words in ``resources/<lang>/timex.yml``, and the tables that turn matched words into numbers.

Only the shape of each expression is written here (which group follows which, digits, dashes,
spaces); every word and prefix letter comes from the language file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ... import resources
from ...vocab import lang_code
from .anchored import EventWords, event_words
from .anchored import pattern as event_pattern
from .needs import lead_in, needed_words

YEAR = r"(?:1\d{3}|20\d{2})"
DAY = r"(?:3[01]|[12]\d|0?[1-9])"
# A year, or a year and the last two digits of a later one ("2014–15"; never part of an ISO date).
YEARS = rf"(?P<y>{YEAR})(?:[-–—](?P<y2>\d\d)(?![-–—]\d))?"


@dataclass(frozen=True)
class Grammar:
    """Patterns and word tables for one language."""

    lang: str
    # (kind, pattern, words, lead-in): a pattern runs only over text that holds one of the words
    # it cannot match without (none: always), from the first character before the first of them
    # that the lead-in test refuses (no test: from the paragraph's start); see needs.py
    atoms: tuple[tuple[str, re.Pattern, tuple[str, ...], Callable[[str], bool] | None], ...]
    lower: bool  # words are matched against lowercased text
    months: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    decade_words: dict[str, int]
    century_words: dict[str, int]
    numbers: dict[str, int]
    parts: dict[str, str]
    ordinals: dict[str, int]
    decade_counts: dict[str, int]  # "the first two decades": how many
    relative: dict[str, tuple[str, int, str]]  # phrase -> unit, offset, open end ("", before, after)
    range_start: re.Pattern
    range_join: re.Pattern
    after: re.Pattern
    before: re.Pattern
    after_prefixes: frozenset[str]
    not_after: re.Pattern | None
    units: re.Pattern | None
    present_not_after: re.Pattern | None  # "electric current": a present word that is no time
    present_not_before: re.Pattern | None  # "current account"
    event: EventWords | None  # offsets from a named event


def alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so that the longest one wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Words:
    """The alternations both languages' patterns share."""

    data: dict[str, Any]
    months: str
    parts: str
    seasons: str
    decades: str
    centuries: str
    present: str
    ordinals: str
    decade_nouns: str
    counts: str


def _words(data: dict[str, Any], months: dict[str, int], parts: dict[str, str],
           seasons: dict[str, tuple[int, int]]) -> _Words:
    return _Words(data, alt(months), alt(parts), alt(seasons), alt(data.get("decade_words", {})),
                  alt(data.get("century_words", {})), alt(data.get("present", [])),
                  alt(data.get("ordinals", {})), alt(data.get("decade_nouns", [])),
                  alt(data.get("decade_counts", {})))


def _hebrew_atoms(w: _Words) -> list[tuple[str, str]]:
    # Hebrew joins prefix letters to the next word (ב-1985, בשנות), so each pattern names the
    # prefix it allows and no word boundary can be used: (?<!\w) and (?!\w) stand in for \b.
    d = w.data
    np_ = f"(?:{d['number_prefix']}[-־]?)"
    wp, the, and_ = d["word_prefix"], d["definite"], d["conjunction"]
    dec_kw, cen_kw, cen_of, year_kw = d["decade_keyword"], d["century_keyword"], d["century_of"], d["year_keyword"]
    part = f"(?:(?P<part>{w.parts})\\s+(?:{d['of']}\\s+)?)?"
    century = f"(?:{the}[-־]?(?P<c>\\d{{1,2}})|{the}(?P<cw>{w.centuries}))"
    year_pre = rf"(?<!\w)(?<!\d[,.])(?P<pre>{np_}|{wp}{year_kw}\s+|{wp}{d['years_keyword']}\s+)?"
    year_end = r"(?![\w%]|[.,]\d)"
    return [
        ("date", rf"(?<!\w)(?P<pre>{np_})?(?P<d>{DAY})\s+{wp}(?P<m>{w.months})(?:\s*,?\s+(?P<y>{YEAR}))?(?!\w)"),
        ("day", rf"(?<!\w)(?P<pre>{np_})?(?P<d>{DAY})(?=(?:\s*[-–—]\s*|\s+(?:{d['day_join']}))(?:{the}[-־])?{DAY}\s+{wp}(?:{w.months})(?!\w))"),
        ("month", rf"(?<!\w)(?P<pre>{wp})(?P<m>{w.months})\s*,?\s+(?P<y>{YEAR})(?!\w)"),
        ("year", rf"{year_pre}{YEARS}{year_end}"),
        ("decade", rf"(?<!\w)(?P<pre>{wp}){part}{dec_kw}\s+(?:{the}?[-־]?(?P<dy>1\d\d0|20\d0)|{the}[-־]?(?P<dd>[1-9]?0)|{the}(?P<dw>{w.decades}))(?:\s+{cen_of}\s+{century})?(?!\w)"),
        ("century", rf"(?<!\w)(?P<pre>{wp}){part}{cen_kw}\s+{century}(?!\w)"),
        # "העשור הראשון (והשני) של המאה ה-21"
        ("decade_ordinal", rf"(?<!\w)(?P<pre>{wp}){part}(?:{w.decade_nouns})\s+{the}(?P<o1>{w.ordinals})(?:\s+{and_}{the}(?P<o2>{w.ordinals}))?\s+{cen_of}\s+{century}(?!\w)"),
        # "שני העשורים הראשונים של המאה ה-21"
        ("decade_ordinal", rf"(?<!\w)(?P<pre>{wp})(?P<n>{w.counts})\s+{the}(?:{w.decade_nouns})\s+{the}(?P<o1>{w.ordinals})\s+{cen_of}\s+{century}(?!\w)"),
        # "בשנות ה-60 וה-70": a second decade that leans on the first one's keyword
        ("decade_tail", rf"(?<!\w){and_}(?:{the}[-־]?(?P<dd>[1-9]0)|{the}(?P<dw>{w.decades}))(?!\w)"),
        ("season", rf"(?<!\w)(?P<pre>{wp})(?P<season>{w.seasons})\s+(?:{d['of']}\s+)?(?P<y>{YEAR})(?!\w)"),
        ("present", rf"(?<!\w)(?:{d['present_as_of']}[-־]?(?:{year_kw}\s+)?(?P<y>{YEAR})|(?:{and_})?(?:{w.present}))(?!\w)"),
    ]


def _english_atoms(w: _Words) -> list[tuple[str, str]]:
    d = w.data
    the, of, cen_kw = d["definite"], d["of"], d["century_keyword"]
    ordinal = f"(?:{d['ordinal_suffix']})?"
    mon_ = rf"(?P<m>{w.months})\.?"
    part = f"(?:(?P<part>{w.parts})[-\\s])?"
    century = f"(?:(?P<c>\\d{{1,2}})(?:{d['ordinal_suffix']})|(?P<cw>{w.centuries}))"
    joins = rf"\b(?:{alt(d['day_join'])})\b"
    return [
        ("date", rf"\b(?P<d>{DAY}){ordinal}\s+(?:{of}\s+)?{mon_}(?:,?\s+(?P<y>{YEAR}))?\b"),
        ("date", rf"\b{mon_}\s+(?P<d>{DAY}){ordinal}(?:,?\s+(?P<y>{YEAR}))?\b(?![-–]\d)"),
        ("day", rf"\b(?P<d>{DAY}){ordinal}(?=\s*(?:[-–—]|{joins})\s*{DAY}{ordinal}\s+(?:{of}\s+)?(?:{w.months})\b)"),
        ("month", rf"\b{mon_},?\s+(?P<y>{YEAR})\b"),
        ("year", rf"(?<![\w$£€])(?<!\d[,.]){YEARS}(?![\w%]|[.,]\d)"),
        ("decade", rf"\b(?:{the}\s+)?{part}(?:(?P<dy>1\d\d0|20\d0){d['decade_suffix']}|'(?P<dd>\d0){d['decade_suffix']}|(?P<dw>{w.decades}))(?:\s+{of}\s+{the}\s+{century}\s+{cen_kw})?\b"),
        ("century", rf"\b(?:{the}\s+)?{part}{century}[-\s]{cen_kw}\b"),
        # "the first (and second) decade(s) of the 21st century"
        ("decade_ordinal", rf"\b(?:{the}\s+)?{part}(?P<o1>{w.ordinals})(?:\s+{d['conjunction']}\s+(?P<o2>{w.ordinals}))?\s+(?:{w.decade_nouns})\s+{of}\s+{the}\s+{century}[-\s]{cen_kw}\b"),
        # "the first two decades of the 21st century"
        ("decade_ordinal", rf"\b(?:{the}\s+)?(?P<o1>{w.ordinals})\s+(?P<n>{w.counts})\s+(?:{w.decade_nouns})\s+{of}\s+{the}\s+{century}[-\s]{cen_kw}\b"),
        ("season", rf"\b(?:{the}\s+)?(?P<season>{w.seasons})\s+(?:{of}\s+)?(?P<y>{YEAR})\b"),
        ("present", rf"(?:{d['present_as_of']}(?:(?P<m>{w.months})\.?\s+)?(?P<y>{YEAR})\b|\b(?:{w.present})\b)"),
    ]


def _relative_atoms(data: dict[str, Any], relative: dict[str, tuple[str, int, str]], numbers: str) -> list[tuple[str, str]]:
    pre = data.get("relative_prefix", "")  # "ושנתיים מאוחר יותר": the letters glued to the phrase
    atoms = [("relative", rf"(?<!\w)(?P<pre>{pre})(?P<rel>{alt(relative)})(?!\w)")]
    for pattern in data.get("relative_years_after", []):
        atoms.append(("relative+", rf"(?<!\w)(?P<pre>{pre}){pattern.replace('NUM', numbers)}(?!\w)"))
    for pattern in data.get("relative_years_before", []):
        atoms.append(("relative-", rf"(?<!\w)(?P<pre>{pre}){pattern.replace('NUM', numbers)}(?!\w)"))
    if data.get("since_then_alone"):
        # "since then" said in one word: only before a pause, the end, or a word that opens a clause
        followers = data.get("since_then_followers", [])
        clause = rf"|\s+(?:{alt(followers)})(?!\w)" if followers else ""
        atoms.append(("since", rf"(?<!\w){alt([data['since_then_alone']])}(?=\s*[,.;:]|\s*${clause})"))
    return atoms


@cache
def grammar(lang: str) -> Grammar:
    """The compiled grammar for ``lang`` (Hebrew data for ``he``, English data otherwise)."""
    data = resources.load(lang, "timex")
    he = lang_code(lang) == "he"
    flags = re.IGNORECASE if not he else 0
    months = {k.lower(): v for k, v in data["months"].items()}
    parts = {w: p for p, ws in data.get("parts", {}).items() for w in ws}
    seasons = {str(k).lower(): tuple(v) for k, v in (data.get("seasons") or {}).items()}
    numbers = {**{str(i): i for i in range(1, 100)}, **data.get("numbers", {})}
    relative = {ph.lower(): (r["unit"], int(r["offset"]), r.get("open", ""))
                for r in data.get("relative", []) for ph in r["phrases"]}
    w = _words(data, months, parts, seasons)
    atoms = (_hebrew_atoms(w) if he else _english_atoms(w)) + _relative_atoms(data, relative, alt(numbers))
    event = event_pattern(data, alt(numbers), data.get("number_prefix", "(?!)"))
    if event is not None:
        atoms.append(("event", event))

    def words_before(key: str) -> re.Pattern | None:
        ws = data.get(key, [])
        return re.compile(rf"(?<!\w)(?:{alt(ws)})\s*$", flags) if ws else None

    def words_after(key: str) -> re.Pattern | None:
        ws = data.get(key, [])
        return re.compile(rf"\s*(?:{alt(ws)})(?!\w)", flags) if ws else None

    return Grammar(
        lang=lang,
        atoms=tuple((k, re.compile(p, flags), needed_words(p, flags), lead_in(p, flags)) for k, p in atoms),
        lower=not he,
        months=months,
        seasons=seasons,
        decade_words=data.get("decade_words", {}),
        century_words=data.get("century_words", {}),
        numbers=numbers,
        parts=parts,
        ordinals={k.lower(): v for k, v in data.get("ordinals", {}).items()},
        decade_counts={k.lower(): v for k, v in data.get("decade_counts", {}).items()},
        relative=relative,
        range_start=re.compile(data["range_start"], flags),
        range_join=re.compile(data["range_join"], flags),
        after=re.compile(data["after"], flags),
        before=re.compile(data["before"], flags),
        after_prefixes=frozenset(data.get("after_prefixes", [])),
        not_after=words_before("not_after_words"),
        units=words_after("unit_words"),
        present_not_after=words_before("present_not_after_words"),
        present_not_before=words_after("present_not_before_words"),
        event=event_words(data, flags),
    )
