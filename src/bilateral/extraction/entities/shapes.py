"""The shape of a found name: whether its words can make a person's name at all (no body, no
group of people, no clause-opening noun phrase), an initial, a month that is a family name."""

from __future__ import annotations

import re

from .lexicon import Piece, Rules

# Kinds of organization head that never end a person's name (unlike "Post" or "Court", which may)
_BODY_HEADS = {"government", "legislature", "military", "party", "embassy", "company"}


def month_surname(ps: list[Piece], j: int, r: Rules) -> bool:
    """Hebrew: the piece ``j`` after a known given name is a month's name without a prefix and
    without a number after it: a family name (פרידריך מרץ), not a date (מרץ 1990, במרץ)."""
    return r.he and ps[j].text in r.months and (j + 1 == len(ps) or not ps[j + 1].text[:1].isdigit())


def plausible(name: str, r: Rules) -> bool:
    """A found name is not made of never-names alone (``Post``, ``Ambassador``, ``March``), nor
    (Hebrew) a noun phrase opening a clause (``שפקיד ממשלתי``, ``ומחבר הספר``)."""
    words = name.split()
    if not words or all(r.is_never(w.rstrip(".")) for w in words):
        return False
    if r.not_in_name and any(w.rstrip(".") in r.not_in_name for w in words):
        return False  # a group of people, not a person ("Two Australians", "Israeli Arab")
    if not r.he and len(words) > 1 and (r.org_heads.get((words[-1],)) in _BODY_HEADS
                                        or any(w.endswith(("'s", "’s")) for w in words[:-1])):
        return False  # a body, not a person ("Israel's Foreign Ministry", "President's Office")
    return not (r.he and clause_opening(words, r))


def clause_opening(words: list[str], r: Rules) -> bool:
    """Hebrew: the first word carries a conjunction (ש, ו) on a word no list knows as a given
    name, and the next word reads as an adjective (ממשלתי) or a definite noun (הספר): a noun
    phrase opening a clause. A transliterated next word (אל-קוותלי, ג'ונבלאט) is a name's."""
    if len(words) < 2 or words[0] in r.given or "'" in words[0] or "׳" in words[0]:
        return False
    second = words[1]
    for p in r.clause_prefixes:
        rest = words[0][len(p):]
        if words[0].startswith(p) and len(rest) >= 3 and rest not in r.given and rest not in r.openers:
            if second.startswith("ה"):
                return True
            return not any(c in second for c in "'׳-") and second.endswith(r.adjective_endings)
    return False


def initial(body: str, a: Piece, b: Piece) -> bool:
    """``a`` is an initial, one letter and a stop, before the next word of a name (H.V. Evans,
    פבלו א. גרסיה)."""
    return len(a.text) == 1 and re.fullmatch(r"\.\s*", body[a.end:b.start]) is not None
