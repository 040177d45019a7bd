"""Dated events: one per dated clause, with its actors and a tone from a diplomatic lexicon.

A sentence with several temporal expressions is cut into clauses at the last comma, semicolon
or dash before each next expression. The tone of a clause is the mean weight of the lexicon
entries it contains (``resources/<lang>/tone.yml``), an entry's weight flipped when a negator
stands just before it (``לא היו ברמה גבוהה``); a clause with no entry takes its sentence's tone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import resources

_WORD = re.compile(r"[^\W_]+(?:['׳\"״’][^\W_]+)*")
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
    dl = resources.data_lang(lang)
    data = resources.load(dl, "tone")
    he = dl == "he"
    norm = (lambda w: w) if he else str.lower
    entries = []
    for section in ("warm", "cold"):
        for phrase, weight in (data.get(section) or {}).items():
            words = tuple(norm(w) + ("$" if str(phrase).endswith("$") and k == len(str(phrase).split()) - 1 else "")
                          for k, w in enumerate(_WORD.findall(str(phrase))))
            if words:
                entries.append((words, max(-1.0, min(1.0, float(weight)))))
    entries.sort(key=lambda e: -len(e[0]))
    negators = frozenset(norm(str(n)) for n in data.get("negators") or [])
    kinds = tuple(
        (kind, tuple(tuple(norm(w) for w in _WORD.findall(str(k))) for k in (words or [])))
        for kind, words in (data.get("event_kinds") or {}).items()
    )
    prefixes = tuple(sorted(resources.load(dl, "prefixes").get("combinations", []), key=len, reverse=True))
    return Lexicon(he, tuple(entries), negators, kinds, prefixes)


def _words(text: str, lex: Lexicon) -> list[str]:
    words = _WORD.findall(text)
    return words if lex.he else [w.lower() for w in words]


def _matches(word: str, stem: str, lex: Lexicon, first: bool) -> bool:
    # "ביקור$" is a whole word (so it does not match ביקורת); other entries are stems.
    whole = stem.endswith("$")
    stem = stem.rstrip("$")

    def fits(w: str) -> bool:
        return w == stem if whole else w.startswith(stem)

    if fits(word):
        return True
    if lex.he and first:
        return any(word.startswith(p) and fits(word[len(p):]) for p in lex.prefixes)
    return False


def _find(words: list[str], phrase: tuple[str, ...], lex: Lexicon) -> list[int]:
    hits = []
    n = len(phrase)
    for i in range(len(words) - n + 1):
        if all(_matches(words[i + k], phrase[k], lex, k == 0) for k in range(n)):
            hits.append(i)
    return hits


def tone(text: str, lang: str) -> float | None:
    """Mean weight (-1..1) of the tone entries in ``text``; None when it has none."""
    lex = lexicon(lang)
    words = _words(text, lex)
    used: set[int] = set()
    weights = []
    for phrase, weight in lex.entries:
        for i in _find(words, phrase, lex):
            span = set(range(i, i + len(phrase)))
            if span & used:
                continue  # a longer entry already covers these words
            used |= span
            window = words[max(0, i - _NEGATION_WINDOW):i]
            negated = any(w in lex.negators for w in window)
            weights.append(-weight if negated else weight)
    if not weights:
        return None
    return round(max(-1.0, min(1.0, sum(weights) / len(weights))), 3)


def kind(text: str, lang: str) -> str:
    """The event kind of ``text``: the first kind in tone.yml whose keyword it contains."""
    lex = lexicon(lang)
    words = _words(text, lex)
    for name, phrases in lex.kinds:
        if any(_find(words, p, lex) for p in phrases):
            return name
    return "other"


def clauses(sentence_start: int, sentence_end: int, timex_spans: list[tuple[int, int]], body: str) -> list[tuple[int, int]]:
    """Cut a sentence into one clause per temporal expression (spans in body offsets)."""
    if len(timex_spans) <= 1:
        return [(sentence_start, sentence_end)] * len(timex_spans)
    cuts = [sentence_start]
    for (_, prev_end), (next_start, _) in zip(timex_spans, timex_spans[1:], strict=False):
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(body, prev_end, next_start)]
        cuts.append(breaks[-1] if breaks else next_start)
    cuts.append(sentence_end)
    return list(zip(cuts, cuts[1:], strict=False))
