"""Dated events: one per dated clause, with its actors, its kind and a tone from a diplomatic
lexicon.

A sentence with several temporal expressions is cut into clauses at the last comma, semicolon
or dash before each next expression. The tone of a clause is the mean weight of the lexicon
entries it contains (``resources/<lang>/tone.yml``), an entry's weight flipped when a negator
stands just before it (``לא היו ברמה גבוהה``); a clause with no entry takes its sentence's tone,
and a sentence with none has no tone (None: unknown, not neutral).

The kind of a clause is read from the whole clause, not from its first keyword: words inside
quotation marks are what someone said, not what happened, and are not read; of the keywords
left, the one nearest the clause's date wins, within the stretch between commas that holds the
date when it has one ("the ambassador claimed in October 1961 that at a meeting ..." is a
statement; "after the invasion in December 1978 Kim condemned it" too); ties go to the kind
listed first.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from .. import resources
from ..extraction import quotes
from ..reading import structure
from ..vocab import lang_code
from .memo import word_memo

_WORD = structure.TOKEN
_CLAUSE_BREAK = re.compile(r"[,;:]|\s[-–—]\s")
_NEGATION_WINDOW = 3


@dataclass(frozen=True)
class Lexicon:
    """Tone entries as word tuples with weights, negators, and event kinds by keyword."""

    he: bool
    entries: tuple[tuple[tuple[str, ...], float], ...]
    negators: frozenset[str]
    kinds: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]
    prefixes: tuple[str, ...]


@cache
def lexicon(lang: str) -> Lexicon:
    """The tone lexicon of ``lang`` (``resources/<lang>/tone.yml``)."""
    dl = lang_code(lang)
    data = resources.load(dl, "tone")
    he = dl == "he"
    norm = (lambda w: w) if he else str.lower
    entries = []
    for section in ("warm", "cold"):
        for phrase, weight in (data.get(section) or {}).items():
            words = _phrase_words(str(phrase), norm)
            if words:
                entries.append((words, max(-1.0, min(1.0, float(weight)))))
    entries.sort(key=lambda e: -len(e[0]))
    negators = frozenset(norm(str(n)) for n in data.get("negators") or [])
    kinds = tuple(
        (kind, tuple(_phrase_words(str(k), norm) for k in (words or [])))
        for kind, words in (data.get("event_kinds") or {}).items()
    )
    prefixes = tuple(sorted(resources.load(dl, "prefixes").get("combinations", []), key=len, reverse=True))
    return Lexicon(he, tuple(entries), negators, kinds, prefixes)


def _phrase_words(phrase: str, norm) -> tuple[str, ...]:
    """A lexicon phrase as words; a final "$" marks its last word as whole, not a stem."""
    words = [norm(w) for w in _WORD.findall(phrase)]
    if words and phrase.endswith("$"):
        words[-1] += "$"
    return tuple(words)


@dataclass(frozen=True)
class Reading:
    """A clause's words, read once for both its tone and its kind: where each starts, and the
    word (lower-cased in English)."""

    text: str
    starts: tuple[int, ...]
    words: tuple[str, ...]
    tone_hits: tuple[tuple[int, int, int, object], ...]  # (order, word, length, weight)
    kind_hits: tuple[tuple[int, int, int, object], ...]  # (order, word, length, kind)


def read(text: str, lang: str) -> Reading:
    """``text`` cut into words, and the tone and kind entries found at them, for :func:`tone`
    and :func:`kind`."""
    tokens = list(_WORD.finditer(text))
    words = [m.group() for m in tokens]
    if not lexicon(lang).he:
        words = [w.lower() for w in words]
    return Reading(text, tuple([m.start() for m in tokens]), tuple(words), *_hits(words, lang))


def _bases(word: str, lex: Lexicon) -> list[str]:
    """The word and, in Hebrew, the word without each prefix it may carry."""
    if not lex.he:
        return [word]
    return [word, *(word[len(p):] for p in lex.prefixes if word.startswith(p) and len(word) > len(p))]


@cache
def _index(lang: str, what: str) -> dict[str, list[tuple[int, tuple[str, ...], object]]]:
    """Entries (tone phrases or kind keywords) by the first ``_KEY`` letters of their first stem,
    so a word is looked up instead of compared with every entry."""
    lex = lexicon(lang)
    items = ([(phrase, weight) for phrase, weight in lex.entries] if what == "tone"
             else [(phrase, name) for name, phrases in lex.kinds for phrase in phrases])
    index: dict[str, list[tuple[int, tuple[str, ...], object]]] = {}
    for order, (phrase, value) in enumerate(items):
        index.setdefault(phrase[0].rstrip("$")[:_KEY], []).append((order, phrase, value))
    return index


_KEY = 3  # entries are indexed by the first letters of their first stem


def _starting(word: str, lang: str, what: str) -> tuple[tuple[int, tuple[str, ...], object], ...]:
    """The entries whose first stem fits ``word`` (or ``word`` without a prefix), in their order
    (remembered per word by :func:`_hits`)."""
    lex = lexicon(lang)
    index = _index(lang, what)
    bases = _bases(word, lex)
    found = {}
    for key in {b[:k] for b in bases for k in range(1, _KEY + 1)}:
        for order, phrase, value in index.get(key, ()):
            if order not in found and any(_fits(b, phrase[0]) for b in bases):
                found[order] = (order, phrase, value)
    return tuple(found[o] for o in sorted(found))


_NONE = ((), ())  # a word that begins no tone entry and no kind keyword


def _entries_at(word: str, lang: str) -> tuple[tuple, tuple]:
    both = (_starting(word, lang, "tone"), _starting(word, lang, "kind"))
    return both if any(both) else _NONE


def _hits(words: list[str], lang: str) -> tuple[tuple, tuple]:
    """(order, start, length, value) of every tone entry and every kind keyword found at every word."""
    found: tuple[list, list] = ([], [])
    starting = word_memo(("tone+kind", lang), lambda w: _entries_at(w, lang))
    for i, word in enumerate(words):
        both = starting[word]
        if both is _NONE:
            continue  # (most words)
        for out, entries in zip(found, both, strict=True):
            for order, phrase, value in entries:
                n = len(phrase)
                if i + n <= len(words) and all(_fits(words[i + k], phrase[k]) for k in range(1, n)):
                    out.append((order, i, n, value))
    return tuple(found[0]), tuple(found[1])


def _fits(word: str, stem: str) -> bool:
    # "ביקור$" is a whole word (so it does not match ביקורת); other entries are stems.
    return word == stem[:-1] if stem.endswith("$") else word.startswith(stem)


def tone(text: str | Reading, lang: str) -> float | None:
    """Mean weight (-1..1) of the tone entries in ``text``; None when it has none."""
    lex = lexicon(lang)
    reading = text if isinstance(text, Reading) else read(text, lang)
    words = reading.words
    used: set[int] = set()
    weights = []
    # Longer entries first (the lexicon is sorted so), then in the order listed.
    for _, i, n, weight in sorted(reading.tone_hits):
        span = set(range(i, i + n))
        if span & used:
            continue  # a longer entry already covers these words
        used |= span
        window = words[max(0, i - _NEGATION_WINDOW):i]
        negated = any(w in lex.negators for w in window)
        weights.append(-weight if negated else weight)
    if not weights:
        return None
    return round(max(-1.0, min(1.0, sum(weights) / len(weights))), 3)


def kind(text: str | Reading, lang: str, when: str = "") -> str:
    """The event kind of the clause ``text`` dated by the expression ``when`` (see the module's
    docstring); "other" when no keyword of any kind stands outside its quotations."""
    reading = text if isinstance(text, Reading) else read(text, lang)
    text, starts = reading.text, reading.starts
    quoted = quotes.find(text, 0, len(text))
    hits = [h for h in reading.kind_hits if not any(a <= starts[h[1]] < b for a, b in quoted)]
    if not hits:
        return "other"
    at = text.find(when) if when else -1
    if at < 0:
        return min(hits)[3]  # no date to read from: the first kind listed
    date = list(range(bisect.bisect_left(starts, at), bisect.bisect_left(starts, at + len(when)))) or [0]
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]

    def part(i: int) -> int:  # which stretch between commas, semicolons and dashes
        return sum(b < starts[i] for b in breaks)

    near = [h for h in hits if part(h[1]) == part(date[0])] or hits

    def distance(h: tuple) -> int:
        first, last = h[1], h[1] + h[2] - 1
        return max(0, date[0] - last, first - date[-1])

    return min(near, key=lambda h: (distance(h), h[0]))[3]


def kind_precision(gold: list[tuple[str, str, str]]) -> tuple[float, int]:
    """Precision of :func:`kind` on ``gold`` rows of (clause, lang, true kind): the share of the
    clauses given a kind other than "other" whose kind is right, and how many there were
    (precision is NaN when there are none)."""
    predicted = [(kind(text, lang), truth) for text, lang, truth in gold]
    named = [(p, t) for p, t in predicted if p != "other"]
    return (sum(p == t for p, t in named) / len(named) if named else float("nan")), len(named)


def clauses(sentence_start: int, sentence_end: int, timex_spans: list[tuple[int, int]], body: str) -> list[tuple[int, int]]:
    """Cut a sentence into one clause per temporal expression (spans in body offsets): at the
    last comma, semicolon or dash between two expressions; two expressions with no such mark
    between them share their clause ("welcomed the coup of July 1952")."""
    if len(timex_spans) <= 1:
        return [(sentence_start, sentence_end)] * len(timex_spans)
    cuts: list[int | None] = [sentence_start]
    for (_, prev_end), (next_start, _) in zip(timex_spans, timex_spans[1:], strict=False):
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(body, prev_end, next_start)]
        cuts.append(breaks[-1] if breaks else None)
    cuts.append(sentence_end)
    spans = []
    for i in range(len(timex_spans)):
        start = next(c for c in reversed(cuts[:i + 1]) if c is not None)
        end = next(c for c in cuts[i + 1:] if c is not None)
        spans.append((start, end))
    return spans
