"""Quoted speech and who said it.

A quote is text between quotation marks (``"`` ``״`` ``“ ”`` ``„ “`` ``« »`` and paired single
quotes); Hebrew gershayim inside abbreviations (``ארה"ב``) are not quotation marks, and a geresh
inside a name (``הוג'ה``) is not a single quote. The speaker is the person the sentence names
with a cue: an attribution (``לדברי X``, ``according to X``), a verb of saying with its subject
before or after it (``X טען``, ``הודה ראש הממשלה X כי``, ``X said``), or a pronoun (``הוא``,
``שלטענתו``, ``he``) standing for the last person named before the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import resources
from ..extraction.entities import Mention
from ..reading import structure
from ..vocab import lang_code

_PAIRS = {"“": "”", "„": "“”", "«": "»", "‘": "’"}
_WORD = structure.TOKEN
_HEB_PREFIX = "ובלמשכה"


@dataclass(frozen=True)
class Quote:
    """A quotation: offsets of the quoted text (without the marks) and the speaker's key."""

    char_start: int
    char_end: int
    text: str
    speaker_key: str


def find(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the text inside each pair of quotation marks in ``body[start:end]``."""
    spans: list[tuple[int, int]] = []
    toggle: int | None = None
    stack: list[tuple[int, str]] = []
    for i in range(start, end):
        c = body[i]
        if c in ('"', "״"):
            if structure.is_gershayim(body, i):
                continue
            if toggle is None:
                toggle = i
            else:
                spans.append((toggle + 1, i))
                toggle = None
        elif c in _PAIRS:
            stack.append((i, _PAIRS[c]))
        elif stack and c in stack[-1][1]:
            spans.append((stack.pop()[0] + 1, i))
        elif c == "'" and _opens_single(body, i, start):
            close = _closing_single(body, i + 1, end)
            if close is not None:
                spans.append((i + 1, close))
    spans = [(a, b) for a, b in spans if body[a:b].strip()]
    # Nested spans (a single quote inside a double one) keep only the outer one.
    return sorted(s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans))


def _opens_single(body: str, i: int, start: int) -> bool:
    if i + 1 >= len(body) or not body[i + 1].isalpha():
        return False
    j = i - 1
    # Hebrew may glue prefix letters to the opening mark (ו'...'); a geresh follows other letters.
    while j >= start and body[j] in _HEB_PREFIX and i - j <= 2:
        j -= 1
    return j < start or body[j].isspace() or body[j] in "(["


def _closing_single(body: str, i: int, end: int) -> int | None:
    # The closing mark ends a word; a mark followed by a letter is a geresh or an apostrophe.
    for k in range(i, min(end, i + 300)):
        c = body[k]
        if c in '\n"':
            return None
        if c in "'’" and not body[k - 1].isspace() and (k + 1 >= len(body) or not body[k + 1].isalpha()):
            return k
    return None


@cache
def _cues(lang: str) -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    data = resources.load(lang_code(lang), "titles")
    he = lang_code(lang) == "he"
    norm = (lambda w: w) if he else str.lower
    verbs = frozenset(norm(str(v)) for v in data.get("speech_verbs") or [])
    attribution = tuple(norm(str(a)) for a in data.get("attribution") or [])
    pronouns = frozenset(norm(str(p)) for p in data.get("pronoun_speakers") or [])
    return verbs, attribution, pronouns


@cache
def _attribution_pattern(lang: str) -> re.Pattern:
    _, attribution, _ = _cues(lang)
    alternatives = "|".join(re.escape(a) for a in sorted(attribution, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def attribute(body: str, sentence: tuple[int, int], quote: tuple[int, int], mentions: list[Mention],
              earlier_people: list[Mention], lang: str) -> str:
    """The key of the person who says ``quote`` in ``sentence``, or "" when the text names no one.

    ``mentions`` are the person mentions inside the sentence; ``earlier_people`` those before
    it (for pronouns).
    """
    verbs, attribution, pronouns = _cues(lang)
    he = lang_code(lang) == "he"
    norm = (lambda w: w) if he else str.lower
    s0, s1 = sentence
    q0, q1 = quote
    words = [(m.start(), m.end(), norm(m.group())) for m in _WORD.finditer(body, s0, s1)]
    people = [m for m in mentions if m.key.startswith("person:")]

    def person_after(pos: int, limit: int, blockers: bool) -> str:
        for m in sorted(people, key=lambda m: m.char_start):
            if pos <= m.char_start < limit:
                between = [w for a, b, w in words if pos <= a < m.char_start]
                if blockers and any(w in ("כי", "ש", "את", "that") or (he and w.startswith("ש") and len(w) > 3 and w != "של") for w in between):
                    return ""
                if len(between) <= 5:
                    return m.key
        return ""

    # 1. An attribution: "לדברי X", "according to X".
    text = norm(body[s0:s1])
    for m in _attribution_pattern(lang).finditer(text):
        key = person_after(s0 + m.end(), s1, blockers=False)
        if key:
            return key
    # 2. A verb of saying before the quote, its subject after it (VS) or before it (SV).
    said = [(a, b, w) for a, b, w in words if w in verbs or (he and len(w) > 3 and w[0] in "וש" and w[1:] in verbs)]
    for a, b, _w in sorted((v for v in said if v[1] <= q0), key=lambda v: -v[0]):
        before = [x[2] for x in words if x[1] <= a][-2:]
        if any(x in pronouns for x in before) and earlier_people:
            return earlier_people[-1].key
        for m in people:
            gap = [x for x in words if m.char_end <= x[0] < a]
            # subject right before the verb, in the same clause (no comma, no object marker)
            if m.char_end <= a and len(gap) <= 2 and not body[m.char_end:a].strip(" ").startswith(",") \
                    and "," not in body[m.char_end:a] and not any(x[2] in ("את", "et") for x in gap):
                return m.key
        key = person_after(b, q0, blockers=True)
        if key:
            return key
        # The sentence's subject, named at its start, with the verb further on
        # ("Nasser nationalised the canal and said ... that Egypt would "...").
        opening = [x for x in words if x[0] < a][:3]
        for m in sorted(people, key=lambda m: m.char_start):
            if opening and m.char_start <= opening[-1][0] and m.char_end <= a:
                return m.key
    # 3. A pronoun cue before the quote ("שלטענתו").
    if any(w in pronouns and a < q0 for a, _, w in words if w not in ("הוא", "היא", "he", "she")) and earlier_people:
        return earlier_people[-1].key
    # 4. English after the quote: '"...," Kim said' / 'said Kim' / '"...," he said'.
    after = [(a, b, w) for a, b, w in words if a >= q1]
    if after and not he:
        for k, (a, b, w) in enumerate(after[:4]):
            if w in verbs:
                for m in people:
                    if q1 <= m.char_start and (m.char_end <= a or m.char_start - b <= 3):
                        return m.key
                if any(x[2] in pronouns for x in after[:k]) and earlier_people:
                    return earlier_people[-1].key
    return ""
