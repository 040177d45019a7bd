"""English people opened by a known given name, with no cue around them: lists of office
holders ("Miriam Lazar (from June 2003), Dov Katz and ..."), a name after a role and a comma
("The leader of the party, Siv Hansen is ..."), Arabic and Romance names with particles
("Khalid bin Ahmed Al Rashid", "Andrea Cordero Lanza di Montezemolo").

A given name alone is weak evidence in English: "the Marshall Plan" and "Douglas Aircraft
Company" open with one. So the name must stand clear on both sides: no article and no
capitalized word right before it, and right after it a punctuation mark, a lower-case word or
the end of the sentence, never one more capitalized word. Every word must be unknown (no state,
place or organization), none an organization's head word or a word that never names.
"""

from __future__ import annotations

import re

from .lexicon import AnyLexicon, Piece, Rules
from .people import Candidate, name_like
from .scanning import Known, bare, known_at, punct_between, without_possessive
from .shapes import plausible

_MAX_WORDS = 6  # "Andrea Cordero Lanza di Montezemolo" is five
_ROMAN = re.compile(r"[IVX]+")  # a monarch's number: "Rudolf V" is no family name


def given_name_candidates(body: str, ps: list[Piece], lex: AnyLexicon, r: Rules, known: Known) -> list[Candidate]:
    """English names that open with a known given name and stand clear on both sides."""
    out: list[Candidate] = []
    i = 0
    while i < len(ps):
        end = _name_from(body, ps, i, lex, r, known) if ps[i].text in r.given else None
        if end is None:
            i += 1
            continue
        stop = without_possessive(body, ps[end - 1])
        name = " ".join(body[ps[i].start:stop].split())
        if plausible(name, r):
            out.append((ps[i].start, stop, name))
        i = end
    return out


def _name_from(body: str, ps: list[Piece], i: int, lex: AnyLexicon, r: Rules, known: Known) -> int | None:
    """End (exclusive piece index) of the name that opens at ``i``, or None when it is unclear."""
    if i > 0 and not punct_between(body, ps[i - 1], ps[i]):
        before = ps[i - 1].text
        known_before = known.spans.covers(ps[i - 1].start)  # "the minister of Freedonia Khalid ..."
        if (before[:1].isupper() and not known_before) or before.lower() in r.articles \
                or before.lower() in r.thing_words:
            return None  # no clear left edge, or "the Marshall Plan"
    j, words = i + 1, 1
    while j < len(ps) and words < _MAX_WORDS and not punct_between(body, ps[j - 1], ps[j]):
        word = ps[j].text
        particle = word.lower() in r.particles or word.lower() in r.capital_particles
        if particle and j + 1 < len(ps) and ps[j + 1].text[:1].isupper():
            j += 1
            continue
        if not word[:1].isupper() or len(bare(word)) < 2 or _ROMAN.fullmatch(bare(word)) \
                or not _plain_word(word, r, lex, known, ps[j]):
            break
        j, words = j + 1, words + 1
        if word.endswith(("'s", "’s")):
            break
    if words < 2 or not _plain_word(ps[i].text, r, lex, known, ps[i], first=True):
        return None
    if body[ps[i].end:ps[i].end + 1] in ("-", "‑") or bare(ps[j - 1].text) in r.place_heads:
        return None  # "Al-Okaz" is one word (the Arabic article); "Golan Heights" is a place
    if j < len(ps) and not punct_between(body, ps[j - 1], ps[j]) and ps[j].text[:1].isupper():
        return None  # one more capitalized word: a company, a plan, an unknown body
    return j


def _plain_word(word: str, r: Rules, lex: AnyLexicon, known: Known, piece: Piece, first: bool = False) -> bool:
    if known_at(known, piece.start) is not None or known.spans.covers(piece.start):
        return False
    if (bare(word),) in r.org_heads or r.is_never(word) \
            or any(len(e[0]) == 1 and e[2].type != "person" for e in lex.entries(word)):
        return False
    return name_like(word, r, first, lex)

