"""Quoted speech and who said it.

A quote is text between quotation marks (``"`` ``״`` ``“ ”`` ``„ “`` ``« »`` and paired single
quotes); Hebrew gershayim inside abbreviations (``ארה"ב``) are not quotation marks, and a geresh
inside a name (``הוג'ה``) is not a single quote. The speaker is the person the sentence names
with a cue: an attribution (``לדברי X``, ``according to X``), a verb of saying with its subject
before or after it (``X טען``, ``הודה ראש הממשלה X כי``, ``X said``), or a pronoun (``הוא``,
``שלטענתו``, ``he``) standing for the last person named before the sentence.

English prose also names its speaker after the quote, past a title or an apposition ('"...,"
said Foreign Minister X', '"...," X, the foreign minister, told parliament'), in a closing
clause (', X said Sunday'), before a colon, or in the sentences around it: a short sentence of
attribution after it, the speaker of a quote before a quote that stands alone, and, for "he",
the person who last opened a sentence nearby. A possessor ("X's office said") is no speaker.
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
# Every character find() acts on; the rest of the text is skipped in one regex step.
_MARKS = re.compile("[\"״'" + "".join(_PAIRS) + "".join(sorted(set("".join(_PAIRS.values())))) + "]")
_WORD = structure.TOKEN


def find(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the text inside each pair of quotation marks in ``body[start:end]``."""
    spans: list[tuple[int, int]] = []
    toggle: int | None = None
    stack: list[tuple[int, str]] = []
    for mark in _MARKS.finditer(body, start, end):
        i, c = mark.start(), mark.group()
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
        elif c == "”" and toggle is not None and not stack:
            spans.append((toggle + 1, i))  # a straight mark closed by a curly one (mixed typing)
            toggle = None
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
    while j >= start and body[j] in _prefix_letters() and i - j <= 2:
        j -= 1
    return j < start or body[j].isspace() or body[j] in "(["


@cache
def _prefix_letters() -> str:
    # The quote marks are found before the language is known to matter: Hebrew's letters serve all.
    return "".join(resources.load("he", "prefixes").get("letters") or [])


def _closing_single(body: str, i: int, end: int) -> int | None:
    # The closing mark ends a word; a mark followed by a letter is a geresh or an apostrophe.
    for k in range(i, min(end, i + 300)):
        c = body[k]
        if c in '\n"':
            return None
        if c in "'’" and not body[k - 1].isspace() and (k + 1 >= len(body) or not body[k + 1].isalpha()):
            return k
    return None


@dataclass(frozen=True)
class _Cues:
    he: bool
    verbs: frozenset[str]
    attribution: tuple[str, ...]
    pronouns: frozenset[str]
    bare_pronouns: frozenset[str]
    clause_marks: frozenset[str]
    object_markers: frozenset[str]
    relative_prefix: str
    not_relative: frozenset[str]
    verb_prefixes: str
    title_words: frozenset[str] = frozenset()  # every word of a title, and articles ("said the Foreign Minister X")

    def norm(self, word: str) -> str:
        return word if self.he else word.lower()


@cache
def _cues(lang: str) -> _Cues:
    dl = lang_code(lang)
    he = dl == "he"
    titles, cues = resources.load(dl, "titles"), resources.load(dl, "cues")

    def words(data: dict, key: str) -> list[str]:
        return [str(w) if he else str(w).lower() for w in data.get(key) or []]

    return _Cues(
        he=he, verbs=frozenset(words(titles, "speech_verbs")), attribution=tuple(words(titles, "attribution")),
        pronouns=frozenset(words(titles, "pronoun_speakers")), bare_pronouns=frozenset(words(cues, "bare_pronouns")),
        clause_marks=frozenset(words(cues, "clause_marks")), object_markers=frozenset(words(cues, "object_markers")),
        relative_prefix=str(cues.get("relative_prefix") or ""), not_relative=frozenset(words(cues, "not_relative")),
        verb_prefixes="".join(words(cues, "verb_prefixes")),
        title_words=frozenset(w.lower() for t in titles.get("titles") or [] for w in _WORD.findall(str(t)))
        | frozenset(words(cues, "between_verb_and_speaker")),
    )


@cache
def _attribution_pattern(lang: str) -> re.Pattern:
    alternatives = "|".join(re.escape(a) for a in sorted(_cues(lang).attribution, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


Word = tuple[int, int, str]  # start, end, the word (lower-cased in English)


Neighbour = tuple[tuple[int, int], list[Mention]]  # a sentence's span and its mentions


def attribute(body: str, sentence: tuple[int, int], quote: tuple[int, int], mentions: list[Mention],
              earlier_people: list[Mention], lang: str, preceding: Neighbour | None = None,
              following: Neighbour | None = None, prior: str = "", subject: str | None = None) -> str:
    """The key of the person who says ``quote`` in ``sentence``, or "" when the text names no one.

    ``mentions`` are the person mentions inside the sentence; ``earlier_people`` those before
    it (for pronouns). In English, a quote that opens its sentence after one ending with a colon
    belongs to that sentence's subject (``preceding``), and one that ends its sentence may be
    claimed by a short sentence of attribution after it (``following``: "X said in 1990."); a
    sentence that is only a quote goes on with the speaker of the quote before it (``prior``).
    ``subject`` is the person who last opened a sentence nearby (see :func:`opening_person`),
    whom "he" most likely stands for; by default, the one who opens the sentence before.
    """
    c = _cues(lang)
    s0, s1 = sentence
    q0, q1 = quote
    words = [(m.start(), m.end(), c.norm(m.group())) for m in _WORD.finditer(body, s0, s1)]
    people = sorted((m for m in mentions if m.key.startswith("person:")), key=lambda m: m.char_start)
    if subject is None:
        subject = opening_person(body, preceding, lang) if preceding is not None else ""
    last = subject or (earlier_people[-1].key if earlier_people else "")
    # 1. An attribution: "לדברי X", "according to X".
    text = c.norm(body[s0:s1])
    for m in _attribution_pattern(lang).finditer(text):
        key = _person_after(s0 + m.end(), s1, False, words, people, c)
        if key:
            return key
    # 2. A verb of saying before the quote, its subject after it (VS) or before it (SV).
    key = _speech_verb_before(body, q0, words, people, last, c)
    if key:
        return key
    # 2b. English: a quote after a colon belongs to the clause's subject ("X's reply was: ...").
    if not c.he and body[s0:q0].rstrip(" \"“„«‘'").endswith(":"):
        key = next((m.key for m in people if m.char_end <= q0), "")
        if key:
            return key
    # 3. A pronoun cue before the quote ("שלטענתו").
    if last and any(w in c.pronouns and a < q0 for a, _, w in words if w not in c.bare_pronouns):
        return last
    if c.he:
        return ""
    # 4. English after the quote: '"...," Kim said' / 'said Kim' / '"...," he said'.
    key = _speech_verb_after(body, q1, words, people, mentions, last, c) or _said_later(body, q1, words, people, mentions, c)
    if key:
        return key
    return _from_neighbours(body, sentence, quote, preceding, following, last, c, prior)


def _said_later(body: str, q1: int, words: list[Word], people: list[Mention], mentions: list[Mention], c: _Cues) -> str:
    """English: a closing clause of attribution later in the sentence, a comma, perhaps a
    title, a person and a verb of saying ('... his "less than desirable" record, former
    minister X Y said Sunday.'); a scare quote in a sentence where someone says something
    else has no clause of its own."""
    quoted = find(body, q1, words[-1][1]) if words else []
    for m in people:
        if m.char_start < q1 or _owner(body, m, c) or any(a <= m.char_start < b for a, b in quoted):
            continue
        nxt = [w for a, _, w in words if a >= m.char_end][:1]
        comma = body.rfind(",", q1, m.char_start)
        if nxt and nxt[0] in c.verbs and comma >= 0 and _only_titles(body, comma + 1, m.char_start, words, mentions, c):
            return m.key
    return ""


def opening_person(body: str, sentence: Neighbour, lang: str, current: str = "") -> str:
    """English: the person who opens ``sentence``, its subject, whom a later "he" most likely
    stands for ("Ben-Shosan said X would visit President Y. He said, "...""): the first person
    outside its quotes, within its first four words or after titles and states alone ("The
    President of Kenya X Y arrived"); ``current`` when a pronoun opens it ("He visited ...");
    "" in Hebrew or when neither does."""
    c = _cues(lang)
    if c.he:
        return ""
    (p0, p1), mentions = sentence
    words = [(m.start(), m.end(), c.norm(m.group())) for m in _WORD.finditer(body, p0, p1)]
    if words and words[0][2] in c.pronouns:
        return current
    quoted = find(body, p0, p1)
    people = [m for m in mentions if m.key.startswith("person:") and not any(a <= m.char_start < b for a, b in quoted)]
    first = min(people, key=lambda m: m.char_start) if people else None
    if first is None or not words or _owner(body, first, c):
        return ""
    if first.char_start <= words[:4][-1][0] or _only_titles(body, p0, first.char_start, words, mentions, c):
        return first.key
    return ""


def _from_neighbours(body: str, sentence: tuple[int, int], quote: tuple[int, int], preceding: Neighbour | None,
                     following: Neighbour | None, last: str, c: _Cues, prior: str = "") -> str:
    """English: the speaker named by the sentence before (ending with a colon) or by a short
    sentence of attribution right after a quote that ends its own sentence."""
    (s0, s1), (q0, q1) = sentence, quote
    if preceding is not None and not body[s0:q0].strip(" \"“„«‘'") and body[:preceding[0][1]].rstrip().endswith(":"):
        people = [m for m in preceding[1] if m.key.startswith("person:")]
        if people:
            return min(people, key=lambda m: m.char_start).key
    if following is None or body[q1:s1].strip(" .,;!?\"”’»'"):
        return _continued(body, sentence, quote, preceding, c, prior)
    (n0, n1), mentions = following
    words = [(m.start(), m.end(), c.norm(m.group())) for m in _WORD.finditer(body, n0, n1)]
    # only a short clause of attribution ("Diallo said in 1990."), never a new statement
    if len(words) > 10 or any(w in c.clause_marks for _, _, w in words) or find(body, n0, n1):
        return _continued(body, sentence, quote, preceding, c, prior)
    people = sorted((m for m in mentions if m.key.startswith("person:")), key=lambda m: m.char_start)
    return _speech_verb_after(body, n0, words, people, mentions, last, c) or _continued(body, sentence, quote, preceding, c, prior)


def _continued(body: str, sentence: tuple[int, int], quote: tuple[int, int], preceding: Neighbour | None, c: _Cues,
               prior: str = "") -> str:
    """A sentence that is only a quote goes on with the words of the speaker of the quote
    before it (``prior``) or of the person whom the sentence before names as saying something
    ("Dr X says ... . "...."")."""
    (s0, s1), (q0, q1) = sentence, quote
    if preceding is None or body[s0:q0].strip(" \"“„«‘'") or body[q1:s1].strip(" .,;!?\"”’»'"):
        return ""
    if prior:
        return prior
    (p0, p1), mentions = preceding
    if not any(c.norm(w) in c.verbs for w in _WORD.findall(body, p0, p1)):
        return ""
    quoted = find(body, p0, p1)
    people = [m for m in mentions if m.key.startswith("person:") and not _owner(body, m, c)
              and not any(a <= m.char_start < b for a, b in quoted)]
    return min(people, key=lambda m: m.char_start).key if people else ""


def _person_after(pos: int, limit: int, blockers: bool, words: list[Word], people: list[Mention], c: _Cues) -> str:
    """The first person within five words after ``pos`` (with ``blockers``: in the same clause)."""
    for m in people:
        if pos <= m.char_start < limit:
            between = [w for a, b, w in words if pos <= a < m.char_start]
            if blockers and any(_opens_clause(w, c) for w in between):
                return ""
            if len(between) <= 5:
                return m.key
    return ""


def _opens_clause(word: str, c: _Cues) -> bool:
    if word in c.clause_marks:
        return True
    return bool(c.relative_prefix) and word.startswith(c.relative_prefix) and len(word) > 3 \
        and word not in c.not_relative


def _speech_verb_before(body: str, q0: int, words: list[Word], people: list[Mention], last: str, c: _Cues) -> str:
    said = [(a, b, w) for a, b, w in words
            if w in c.verbs or (c.he and len(w) > 3 and w[0] in c.verb_prefixes and w[1:] in c.verbs)]
    for a, b, _w in sorted((v for v in said if v[1] <= q0), key=lambda v: -v[0]):
        before = [x[2] for x in words if x[1] <= a][-2:]
        if any(x in c.pronouns for x in before) and last:
            return last
        for m in people:
            gap = [x for x in words if m.char_end <= x[0] < a]
            # subject right before the verb, in the same clause (no comma, no object marker)
            if m.char_end <= a and len(gap) <= 2 and not body[m.char_end:a].strip(" ").startswith(",") \
                    and "," not in body[m.char_end:a] and not any(x[2] in c.object_markers for x in gap) \
                    and not _owner(body, m, c):
                return m.key
        key = _person_after(b, q0, True, words, people, c)
        if key:
            return key
        # The sentence's subject, named at its start, with the verb further on
        # ("Nasser nationalised the canal and said ... that Egypt would "...").
        opening = [x for x in words if x[0] < a][:3]
        if not c.he and last and opening and opening[0][2] in c.pronouns:
            return last  # "He left, rather ungraciously remarking, "...""
        for m in people:
            if opening and m.char_start <= opening[-1][0] and m.char_end <= a and not _owner(body, m, c):
                return m.key
        # English: the only person named before the verb is its subject, after an opening role
        # ("The leader of the party, X Y is ... and claims to "..."")
        before_verb = {m.key for m in people if m.char_end <= a and not _owner(body, m, c)}
        if not c.he and len(before_verb) == 1:
            return next(iter(before_verb))
    return ""


def _owner(body: str, m: Mention, c: _Cues) -> bool:
    """English: the person owns the subject ("X's press team said"), who is someone else."""
    return not c.he and body[m.char_end:m.char_end + 2] in ("'s", "’s")


def _speech_verb_after(body: str, q1: int, words: list[Word], people: list[Mention], mentions: list[Mention],
                       last: str, c: _Cues) -> str:
    after = [(a, b, w) for a, b, w in words if a >= q1]
    # A person first after the quote, then a verb of saying in the clause, perhaps after an
    # apposition ('"...," X Y, the foreign minister, told parliament') or a title and a state
    # before the name ('"...," Ruritania's envoy X Y said').
    first = next((m for m in people if m.char_start >= q1), None)
    if first is not None and not _owner(body, first, c) and _only_titles(body, q1, first.char_start, after, mentions, c):
        rest = [w for a, _, w in after if a >= first.char_end][:12]
        if any(w in c.verbs for w in rest):
            return first.key
    for k, (a, b, w) in enumerate(after[:4]):
        if w in c.verbs:
            for m in people:
                if q1 <= m.char_start and (m.char_end <= a and not _owner(body, m, c) or 0 <= m.char_start - b <= 3
                                           or _only_titles(body, b, m.char_start, after, mentions, c)):
                    return m.key
            if any(x[2] in c.pronouns for x in after[:k]) and last:
                return last
    return ""


def _only_titles(body: str, start: int, end: int, words: list[Word], mentions: list[Mention], c: _Cues) -> bool:
    """Between ``start`` and ``end`` stand only punctuation, at most six title words and
    articles, and named states or organizations ("said Foreign Minister", ", Ruritania's envoy")."""
    if start > end:
        return False
    between = [(a, b, w) for a, b, w in words if start <= a < end]
    named = [(m.char_start, m.char_end) for m in mentions if not m.key.startswith("person:")]
    for a, _, w in between:
        if w not in c.title_words and not any(x <= a < y for x, y in named):
            return False
    if len(between) > 6:
        return False
    gaps = body[start:end]
    return not any(ch in gaps for ch in ";:()")
