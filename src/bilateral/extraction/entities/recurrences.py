"""Every later use of a person found by a cue: the full name, or one of its words (``הוג'ה``
after ``אנוור הוג'ה``), given to the most recent person of that name; a known family name
with a new given name is another person (``קים ג'ונג-און`` after ``קים איל-סונג``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..memo import word_memo
from .lexicon import Piece, Rules
from .people import Candidate, new_given_name
from .scanning import (
    Hit,
    Known,
    Spans,
    bare,
    known_at,
    strip_options,
    without_possessive,
    words,
)


class _People:
    """The full names found so far, and for each word of them the names it may stand for."""

    def __init__(self, candidates: list[Candidate], r: Rules) -> None:
        self.r = r
        self.names: dict[str, int] = {}  # full name -> where it was first found
        self.by_word: dict[str, set[str]] = defaultdict(set)
        self._first_words: dict[str, list[tuple[str, list[str]]]] = {}
        # every word a known name may begin with or be recalled by (a superset, as names are
        # only added here): a word none of whose readings is in it starts no mention
        self.keys: set[str] = set()
        self._indexed = -1
        singles: set[str] = set()
        for s, _e, name in sorted(candidates):
            if len(name.split()) >= 2 or not r.he:
                self.names.setdefault(name, s)
            else:
                singles.add(name)
        self._drop_verbs_after_surnames()
        self._drop_prefixed_duplicates()
        for name in list(self.names):
            self.register(name)
        # English: "Kim" found after a title is Kim Il-sung when that full name is known.
        for name in list(self.names):
            if len(name.split()) == 1 and name in self.by_word and self.by_word[name] - {name}:
                del self.names[name]
        for name in singles:
            # a single word after a title may be a known family name with a prefix (ופטרנקו)
            if all(rest not in self.by_word for _, rest in strip_options(name, r, name_only=True)):
                self.names[name] = 0
                self.register(name)

    def _drop_verbs_after_surnames(self) -> None:
        # "השגריר אבריאל טיפח" after "אהוד אבריאל": the title's word is that man's family name and
        # the next word a verb, unless it is a given name in itself (קים יונג-נאם after קים איל-סונג).
        last_words = {name.split()[-1]: name for name in self.names if len(name.split()) >= 2}
        for name in list(self.names):
            parts = name.split()
            other = last_words.get(parts[0])
            if len(parts) == 2 and other not in (None, name) and not new_given_name(parts[1], self.r, ()):
                del self.names[name]

    def _drop_prefixed_duplicates(self) -> None:
        # "ושמעון פרס" beside "שמעון פרס": the same man with a prefix letter
        for name in list(self.names):
            first, _, rest = name.partition(" ")
            if any(f"{bare} {rest}".strip() in self.names for _, bare in strip_options(first, self.r, name_only=True)[1:]):
                del self.names[name]

    def register(self, name: str) -> None:
        """Index the words of ``name`` long enough to stand for it."""
        r = self.r
        self.keys.update(x for w in name.split() for x in (w.rstrip("."), *w.split(".")) if x)
        for w in (w.rstrip(".") for w in name.split()):
            if len(w) >= 3 or (r.he and len(w) >= 2 and ("'" in w or "׳" in w)):
                # (a family name that is a month's name (פרידריך מרץ) counts in full only: alone it is a date)
                if w.lower() not in r.not_name and not (not r.he and w.lower() in r.particles) and w not in r.months:
                    self.by_word[w].add(name)

    def add(self, name: str, start: int) -> None:
        """A new person met while scanning."""
        self.names[name] = start
        self.register(name)

    def first_words(self) -> dict[str, list[tuple[str, list[str]]]]:
        """Full names by their first word (initials' stops removed: "Dwight D. Eisenhower", "H.V. Evans")."""
        if self._indexed != len(self.names):
            self._first_words.clear()
            for name in self.names:
                parts = [x for w in name.split() for x in w.split(".") if x]  # H.V. Evans: H, V, Evans
                self._first_words.setdefault(parts[0], []).append((name, parts))
            self._indexed = len(self.names)
        return self._first_words


def _match_word(body: str, ws: list[Piece], i: int, people: _People, r: Rules, kn: Known, title_words):
    """What the word ``i`` starts: (number of words, name, "full"/"short") or None."""
    best = None
    by_word = people.by_word
    index = people.first_words()
    options = strip_options(ws[i].text, r, name_only=True)
    if ws[i].text in r.not_name:
        options = options[:1]  # a word in itself (מכהן) carries no prefix before a name (כהן)
    for _, rest in options:
        for name, parts in index.get(rest, ()):
            if i + len(parts) > len(ws):
                continue
            if all(bare(ws[i + k].text) == parts[k] for k in range(1, len(parts))):
                if best is None or len(parts) > best[0]:
                    best = (len(parts), name, "full")
        if best is None and not r.he and i + 1 < len(ws) and rest.lower() not in title_words \
                and any(o.split()[-1] == ws[i + 1].text for o in by_word.get(ws[i + 1].text, ())) \
                and not body[ws[i].end:ws[i + 1].start].strip() and new_given_name(rest, r, kn) \
                and rest not in by_word and known_at(kn, ws[i].start) is None:
            # A new given name before a known surname: another person (Allen Dulles).
            new = f"{rest} {ws[i + 1].text}"
            people.add(new, ws[i].start)
            best = (2, new, "full")
        if best is None and rest in by_word:
            nxt = ws[i + 1] if i + 1 < len(ws) else None
            # (in English a possessive ends a name: "Buhari's Special Adviser")
            if nxt is not None and not body[ws[i].end:nxt.start].strip() and new_given_name(nxt.text, r, kn) \
                    and (r.he or bare(ws[i].text) == ws[i].text and not r.is_never(nxt.text)):
                # A known family name with a new given name: another person (קים ג'ונג-און).
                new = f"{rest} {nxt.text}"
                people.add(new, ws[i].start)
                best = (2, new, "full")
            else:
                best = (1, rest, "short")
    return best


def person_mentions(body: str, sentences: Iterable[list[Piece]], candidates: list[Candidate], r: Rules,
                    known: Sequence[Sequence[Hit]]) -> list[tuple[int, int, str]]:
    """Every mention of every person, ``(start, end, full name)``: the cue-found names, their
    full-name and short-form recurrences, each short form given to the most recent person it
    belongs to."""
    people = _People(candidates, r)
    occupied = Spans((k[0], k[1]) for kn in known for k in kn)
    title_words = r.title_words
    hits: list[tuple[int, int, str, str]] = []  # start, end, name, full/short
    rests = word_memo(("name_rests", r.lang), lambda w: tuple(rest for _, rest in strip_options(w, r, name_only=True)))
    for ps, named in zip(sentences, known, strict=True):
        kn = Known(named)
        ws = _split_pairs(words(body, ps), ps, people)
        i = 0
        while i < len(ws):
            # Hebrew: a word none of whose readings is a word of a known name starts nothing
            # (most words; English also reads a new given name before a known family name)
            if r.he:
                for rest in rests[ws[i].text]:
                    if rest in people.keys:
                        break
                else:
                    i += 1
                    continue
            best = _match_word(body, ws, i, people, r, kn, title_words)
            if best is None:
                i += 1
                continue
            n, name, how = best
            s, e = ws[i].start, without_possessive(body, ws[i + n - 1])
            if not occupied.covers(s) or (how == "full" and n > 1):  # Israel Katzman, אורי לבנון
                hits.append((s, e, name, how))
            i += n
    out = []
    last_seen: dict[str, int] = {}
    for s, e, name, how in sorted(hits):
        if how == "full":
            key = name
            owners = people.by_word.get(name, set()) - {name} if not r.he and " " not in name else set()
            if len(owners) == 1:
                key = next(iter(owners))  # English "Fealy said" beside Greg Fealy: one man
        else:
            owners = people.by_word[name]
            before = [o for o in owners if o in last_seen]
            key = max(before, key=lambda o: last_seen[o]) if before else min(owners, key=lambda o: (people.names.get(o, 0), o))
        last_seen[key] = s
        out.append((s, e, key))
    return out


def _split_pairs(ws: list[Piece], ps: list[Piece], people: _People) -> list[Piece]:
    """A hyphenated word whose every part is a word of a known person's name is two people
    ("the Tito-Stalin split"), not one hyphenated name (Il-sung keeps its hyphen: "Il" names no one)."""
    if not any("-" in w.text for w in ws):
        return ws
    out: list[Piece] = []
    for w in ws:
        parts = [p for p in ps if w.start <= p.start and p.end <= w.end] if "-" in w.text else ()
        if len(parts) > 1 and all(p.text in people.by_word for p in parts):
            out.extend(parts)
        else:
            out.append(w)
    return out
