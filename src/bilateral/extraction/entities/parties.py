"""The two parties of a relations article, read from its title (``X–Y relations``, ``Relations
between X and Y``, ``יחסי X–Y``, ``יחסי X ו-Y``).

A side the lexicon knows is that state (or organization); an unknown side is taken as a state
all the same, flagged by an empty code, with its name as written as its canonical name: the
title says what the two parties are, so neither can be a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ... import resources
from ...vocab import lang_code
from .lexicon import Form, lexicon, rules
from .scanning import match_at, pieces

_MAX_WORDS = 5  # a side longer than this is a phrase, not a state's name


@dataclass(frozen=True)
class Party:
    """One side of the relations: the name as the title writes it, its English name and code
    (empty for a state no list knows)."""

    name: str
    canonical: str
    code: str
    type: str = "country"

    @property
    def form(self) -> Form:
        """The form by which the article's text names this party (for an unknown state)."""
        return Form(f"country:{self.name}", "country", self.canonical, self.code, "name", self.name)


@cache
def _patterns(lang: str) -> tuple[tuple[re.Pattern, ...], tuple[re.Pattern, ...]]:
    cues = resources.load(lang_code(lang), "cues")
    pairs = tuple(re.compile(p, re.I) for p in cues.get("title_pairs") or [])
    seps = tuple(re.compile(p) for p in cues.get("pair_separators") or [])
    return pairs, seps


@cache
def title_parties(title: str, lang: str) -> tuple[Party, ...]:
    """The two parties named by ``title``, or ``()`` when it is not of a known form."""
    pairs, seps = _patterns(lang)
    text = " ".join(title.split())
    for pattern in pairs:
        m = pattern.match(text)
        if m is None:
            continue
        best = None  # (known sides, -separator rank, -position), (a, b)
        for rank, sep in enumerate(seps):
            for s in sep.finditer(m.group("pair")):
                a, b = m.group("pair")[:s.start()].strip(), m.group("pair")[s.end():].strip()
                sides = (_side(a, lang), _side(b, lang))
                if None in sides:
                    continue
                score = (sum(bool(p.code) or p.type != "country" for p in sides), -rank, -s.start())
                if best is None or score > best[0]:
                    best = (score, sides)
        if best is not None:
            return best[1]
    return ()


def _side(text: str, lang: str) -> Party | None:
    """The party a side of the title names, or None when it cannot be a name."""
    r = rules(lang)
    if not r.he:
        text = re.sub(r"^the\s+", "", text, flags=re.I)
    ps = pieces(text, 0, len(text), r.he)
    if not ps or len(ps) > _MAX_WORDS or ps[0].start != 0 or ps[-1].end != len(text):
        return None
    hit = match_at(text, ps, 0, lexicon(lang, False), r)
    if hit is not None and hit[0] == len(ps) and hit[1].type in ("country", "organization"):
        form = hit[1]
        return Party(text, form.canonical or text, form.code, form.type)
    return Party(text, text, "")
