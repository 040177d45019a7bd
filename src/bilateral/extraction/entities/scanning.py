"""Scanning a sentence for known names: its pieces, the readings of a piece with and without
Hebrew prefix letters, the longest known form at each piece, and an index of what a sentence
already holds.

A proper name never takes the article ``ה`` (``שהקים`` is not Kim), and prefix letters are
stripped only where what remains is a known form.
"""

from __future__ import annotations

import bisect
import re

from ...reading import structure
from ..memo import room
from .lexicon import PIECE, AnyLexicon, Form, Piece, Rules, join, sep, split_form

Hit = tuple[int, int, Form, str]  # start, end, form, surface (as written, without prefix letters)


def pieces(body: str, start: int, end: int, he: bool) -> list[Piece]:
    """The pieces of ``body[start:end]`` (an English trailing apostrophe is not part of a word)."""
    if he:
        make = Piece._make  # (a named tuple's own constructor is twice as slow)
        return [make((m.start(), m.end(), m.group())) for m in PIECE.finditer(body, start, end)]
    out = []
    for m in PIECE.finditer(body, start, end):
        text = m.group()
        e = m.end()
        if text.endswith(("'", "׳")):
            text, e = text[:-1], e - 1
        out.append(Piece(m.start(), e, text))
    return out


_OPTIONS: dict[tuple[str, bool, bool], list[tuple[str, str]]] = {}


def strip_options(piece: str, r: Rules, name_only: bool) -> list[tuple[str, str]]:
    """(prefix, remainder) readings of a piece: itself, then with each prefix removed."""
    key = (piece, r.he, name_only)
    cached = _OPTIONS.get(key)
    if cached is None:
        cached = room(_OPTIONS)[key] = _strip(piece, r, name_only)
    return cached


def _strip(piece: str, r: Rules, name_only: bool) -> list[tuple[str, str]]:
    options = [("", piece)]
    if not r.he and len(piece) > 2 and piece[-2:].lower() in ("'s", "’s"):
        # "Albania's" reads as Albania, but "People's Republic of China" keeps its "People's".
        options.append(("", piece[:-2]))
    if r.he:
        for p in r.name_prefixes if name_only else r.prefixes:
            if piece.startswith(p) and len(piece) - len(p) >= 2:
                rest = piece[len(p):]
                options.append((p, rest))
                if rest.startswith("וו"):
                    # a word-initial vav is doubled after a prefix: בווייטנאם = ב + וייטנאם
                    options.append((p, rest[1:]))
    return options


def readings(piece: str, lex: AnyLexicon, r: Rules) -> tuple[tuple[str, str, list], ...]:
    """(prefix, remainder, entries) of each reading of a piece that begins a known form.

    Most words begin none, so the shared lexicon remembers the answer per word (a function of
    its fixed forms); an article's own forms are looked at only for a piece that holds one."""
    base = getattr(lex, "base", lex)
    found = base.readings.get(piece)
    if found is None:
        found = room(base.readings)[piece] = tuple((p, rest, es) for p, rest in strip_options(piece, r, name_only=False)
                                             if (es := base.entries(rest)))
    own = lex.own_words() if lex is not base else None
    # (a reading is the piece or a part of it, so one that is an own form's first piece holds it)
    if own is not None and own.search(piece):
        options = strip_options(piece, r, name_only=False)
        if any(rest in lex.own.by_first for _, rest in options):
            return tuple((p, rest, es) for p, rest in options if (es := lex.entries(rest)))
    return found


def match_at(body: str, ps: list[Piece], i: int, lex: AnyLexicon, r: Rules, found=None):
    """The longest known form starting at piece ``i``: (end piece index, form, surface) or None
    (``found``: the piece's :func:`readings`, when the caller has them)."""
    best = None
    # the next piece as a form may write it: most forms of several pieces fail on it, so it is
    # checked first, before the rest of the form
    nxt = ps[i + 1].text if i + 1 < len(ps) else None
    nxt_bare = nxt if r.he or nxt is None else bare(nxt)
    for prefix, _rest, entries in readings(ps[i].text, lex, r) if found is None else found:
        for form_pieces, seps, form in entries:
            n = len(form_pieces)
            if n > 1 and form_pieces[1] != nxt and form_pieces[1] != nxt_bare:
                continue
            if best is not None and n <= best[0] - i:
                continue
            if "ה" in prefix and form.kind == "name":
                continue  # a proper name never takes the definite article
            if form.kind == "definite" and "ה" not in prefix:
                continue  # ambiguous without the article (סיני: Chinese or Sinai)
            if i + n > len(ps) or any(ps[i + k].text != form_pieces[k] and (r.he or bare(ps[i + k].text) != form_pieces[k])
                                      for k in range(1, n)):
                continue
            if any(sep(body[ps[i + k].end:ps[i + k + 1].start]) != seps[k] for k in range(n - 1)):
                continue
            best = (i + n, form, " ".join(form_pieces) if not seps else join(form_pieces, seps))
    return best


def scan_known(body: str, ps: list[Piece], lex: AnyLexicon, r: Rules) -> list[Hit]:
    """Every known form in a sentence, longest first at each piece, without overlaps."""
    found = []
    i = 0
    while i < len(ps):
        rd = readings(ps[i].text, lex, r)
        m = match_at(body, ps, i, lex, r, rd) if rd else None
        if m is None:
            i += 1
            continue
        end, form, _ = m
        # The surface as written (with its own spacing and stops), without prefix letters.
        form_pieces = split_form(form.surface)[0]
        # (an English possessive is no prefix: "Poland's" is Poland, not "land")
        prefix_len = len(ps[i].text) - len(form_pieces[0]) if r.he else 0
        last = ps[end - 1]
        stop = without_possessive(body, last) if not r.he and last.text != form_pieces[-1] else last.end
        surface = structure.collapse(body[ps[i].start + max(prefix_len, 0):stop])
        found.append((ps[i].start, stop, form, surface))
        i = end
    return found


class Spans:
    """A fixed set of (start, end) spans, asked whether a position or span meets one of them."""

    def __init__(self, spans) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        furthest = -1
        for _, b in self.spans:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def covers(self, pos: int) -> bool:
        """Some span has ``start <= pos < end``."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.reach[i] > pos

    def overlaps(self, s: int, e: int) -> bool:
        """Some span holds ``s``, or starts inside ``(s, e)`` (the old ``a <= s < b or a < e <= b``)."""
        if self.covers(s):
            return True
        i = bisect.bisect_right(self.starts, s)
        return i < len(self.starts) and self.starts[i] < e


class Known(list):
    """A sentence's known mentions, indexed by where they start."""

    def __init__(self, items=()) -> None:
        super().__init__(items)
        # the first mention at each start (reversed, so that the first one is written last)
        self.by_start: dict[int, Hit] = {k[0]: k for k in reversed(self)}
        self._spans: Spans | None = None

    @property
    def spans(self) -> Spans:
        """The mentions' spans (built when first asked: many sentences never ask)."""
        if self._spans is None:
            self._spans = Spans((k[0], k[1]) for k in self)
        return self._spans


def known_at(known: Known, start: int) -> Hit | None:
    """The known mention that starts at ``start``, if any."""
    return known.by_start.get(start)


def piece_index_after(ps: list[Piece], end: int, j: int) -> int:
    """The first piece from ``j`` on that starts at or after ``end``."""
    while j < len(ps) and ps[j].start < end:
        j += 1
    return j


def punct_between(body: str, a: Piece, b: Piece) -> bool:
    """Something other than space or a dash stands between two pieces."""
    if b.start - a.end == 1:  # (most often: one character)
        return body[a.end] not in " \t-־–"
    between = body[a.end:b.start]
    return bool(between.strip(" \t-־–"))


_HYPHEN = re.compile("[-־‑]")


def words(body: str, ps: list[Piece]) -> list[Piece]:
    """Pieces joined by a bare hyphen (איל-סונג, Il-sung) as one word."""
    if ps and not _HYPHEN.search(body, ps[0].start, ps[-1].end):
        return list(ps)  # (most sentences join none)
    out: list[Piece] = []
    for p in ps:
        if out and out[-1].end < p.start and body[out[-1].end:p.start] in ("-", "־", "‑"):
            w = out[-1]
            out[-1] = Piece(w.start, p.end, body[w.start:p.end])
        else:
            out.append(p)
    return out


def without_possessive(body: str, piece: Piece) -> int:
    """End offset of a name's last piece without an English possessive ('s)."""
    return piece.end - 2 if piece.text[-2:] in ("'s", "’s") and len(piece.text) > 2 else piece.end


def bare(word: str) -> str:
    """``word`` without an English possessive."""
    return word[:-2] if word[-2:] in ("'s", "’s") and len(word) > 2 else word
