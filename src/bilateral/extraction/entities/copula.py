"""People named by a copula between a role and a name, in either order: ``שגריר רורטניה בזנדה
הוא יונתן ברקאי``, ``The Ruritanian Ambassador to Freedonia is Eliyahu Vered Hazan``, and
``מיכל דגן היא השגרירה של ...``, ``Hassan Shabaz is the ambassador of ...``.

The role side must be a role and nothing else: a title with what qualifies it (states, places,
``של``/``of``, modifiers such as ``הנוכחי``/``current``); in Hebrew it must also name a state or
a place, since ``השגריר הוא אדם נחמד`` names nobody. The name side runs to the end of its
clause (punctuation, a conjunction, the sentence's end); words in brackets (``(מאז 2019)``,
``(Uri Levanon)``) are read past.
"""

from __future__ import annotations

import re

from .lexicon import AnyLexicon, Piece, Rules
from .people import Candidate, name_like, phrase_at
from .scanning import Known, known_at, piece_index_after
from .shapes import initial, plausible
from .untitled import candidate

_MAX_WORDS = 4
_BRACKETS = re.compile(r"\([^()]*\)")


def copula_candidates(body: str, ps: list[Piece], lex: AnyLexicon, r: Rules, known: Known) -> list[Candidate]:
    """Names joined to a role by a copula in the sentence ``ps``."""
    if not r.copulas:
        return []
    outer = _outer(body, ps)
    out: list[Candidate] = []
    for c, i in enumerate(outer):
        if _word(ps[i], r) not in r.copulas or c == 0 or c + 1 == len(outer):
            continue
        if _role_before(body, ps, outer, c, r, known):
            span = _name_after(body, ps, outer, c + 1, r, lex, known)
        elif _role_after(ps, outer, c + 1, r):
            span = _name_before(body, ps, outer, c, r, lex, known)
        else:
            span = None
        if span is not None:
            out.append(candidate(body, ps, span[0], span[1] + 1, r))
    return [c for c in out if plausible(c[2], r)]


def _word(p: Piece, r: Rules) -> str:
    return p.text if r.he else p.text.lower()


def _outer(body: str, ps: list[Piece]) -> list[int]:
    """Indices of the pieces outside brackets."""
    if not ps or "(" not in body[ps[0].start:ps[-1].end]:
        return list(range(len(ps)))  # (most sentences have no brackets)
    out, depth, pos = [], 0, ps[0].start
    for i, p in enumerate(ps):
        between = body[pos:p.start]
        depth = max(0, depth + between.count("(") - between.count(")"))
        if depth == 0:
            out.append(i)
        pos = p.end
    return out


def _edge(body: str, a: Piece, b: Piece) -> bool:
    """Punctuation other than a bracketed aside, a dash or an initial's stop stands between."""
    between = _BRACKETS.sub(" ", body[a.end:b.start])
    return bool(between.strip(" \t-־–")) and not initial(body, a, b)


def _conjunction(p: Piece, ps: list[Piece], i: int, r: Rules) -> bool:
    """``and``, or a Hebrew word with ו before a role (ושגריר): the start of another clause."""
    if not r.he:
        return p.text.lower() in ("and", "while", "whereas")
    return p.text.startswith("ו") and len(p.text) > 3 and (
        phrase_at(ps, i, "titles", r, allow_prefix=True) is not None or r.is_never(p.text))


def _role_before(body: str, ps: list[Piece], outer: list[int], c: int, r: Rules, known: Known) -> bool:
    """The clause before the copula at ``outer[c]`` is a role: a title and its qualifiers."""
    start = c
    while start > 0 and not _edge(body, ps[outer[start - 1]], ps[outer[start]]) \
            and not (start < c and _conjunction(ps[outer[start]], ps, outer[start], r)):
        start -= 1
    if not r.he and start < c and _conjunction(ps[outer[start]], ps, outer[start], r):
        start += 1  # "and the current ambassador is X": the role begins after "and"
    titled = placed = False
    k = start
    while k < c:
        i = outer[k]
        hit = known_at(known, ps[i].start)
        end = phrase_at(ps, i, "titles", r, allow_prefix=r.he)
        if end is not None and end <= outer[c]:
            titled, k = True, _outer_at(outer, end, c)
            continue
        if hit is not None and hit[2].type in ("country", "organization", "place"):
            placed, k = True, _outer_at(outer, piece_index_after(ps, hit[1], i), c)
            continue
        if not _qualifier(ps[i], r):
            return False
        placed = placed or (r.he and any(ps[i].text.startswith(p) for p in r.place_prefixes))
        k += 1
    return titled and (placed or not r.he)


def _outer_at(outer: list[int], piece: int, c: int) -> int:
    """The index in ``outer`` of the first piece at or after ``piece`` (at most ``c``)."""
    return min(next((x for x, o in enumerate(outer) if o >= piece), c), c)


def _qualifier(p: Piece, r: Rules) -> bool:
    """A word that may stand in a role beside its title (של, the, current, נייד, ב-place)."""
    w = _word(p, r)
    if w in r.qualifiers or w in r.articles or w in r.apposition_words or w in r.never_content or w in r.place_cues:
        return True
    if w.isdigit() or w in r.role_time_words:
        return True  # the role's dates ("שגריר X בישראל מדצמבר 2021 עד אוגוסט 2023 היה Y")
    if r.he:  # a modifier (נייד, הראשונה: a definite adjective, not a verb such as הגיע) or ב-place
        if w.startswith("ה") and len(w) > 2 and not r.verb_like(w) and w not in r.speech:
            return True
        return r.is_never(w) and w not in r.not_name or any(w.startswith(x) for x in r.place_prefixes)
    return p.text[:1].isupper()  # a demonym or a name no list knows (the Zendan ambassador)


def _role_after(ps: list[Piece], outer: list[int], c: int, r: Rules) -> bool:
    """A title (after articles and modifiers: "the current ambassador") follows the copula."""
    while c + 1 < len(outer) and _word(ps[outer[c]], r) in (r.articles | r.apposition_words):
        c += 1
    return c < len(outer) and phrase_at(ps, outer[c], "titles", r, allow_prefix=False) is not None


def _name_after(body, ps, outer, c, r: Rules, lex, known) -> tuple[int, int] | None:
    """First and last piece of a name of two to four words that fills its clause from ``outer[c]``."""
    while c + 1 < len(outer) and (ps[outer[c]].text in r.honorifics or _title_word(ps, outer[c], r)):
        c += 1  # "היא ד"ר אנה קרנינה", "is Sir John Hale": a title or honour is not the name
    k, count = c, 0
    while k < len(outer) and count < _MAX_WORDS:
        i = outer[k]
        if k > c and (_edge(body, ps[outer[k - 1]], ps[i]) or _conjunction(ps[i], ps, i, r)):
            break
        joined = ps[i].text in r.particles and _hyphenated(body, ps, outer, k) > k  # אל-עבד
        if known_at(known, ps[i].start) is not None or not (joined or name_like(ps[i].text, r, k == c, lex, after_given=k > c)):
            return None
        # an initial is no word of its own (חורחה א. קרבחל סן מרטין is four words)
        is_initial = k + 1 < len(outer) and initial(body, ps[i], ps[outer[k + 1]])
        k, count = _hyphenated(body, ps, outer, k) + 1, count + (0 if is_initial else 1)
    if k > c + 1 and ps[outer[k - 1]].text in r.particles:
        return None  # the name runs on past its particle
    if count < 2:
        return None
    if k < len(outer) and not (_edge(body, ps[outer[k - 1]], ps[outer[k]]) or _conjunction(ps[outer[k]], ps, outer[k], r)):
        return None  # the clause goes on: not a name alone
    return outer[c], outer[k - 1]


def _title_word(ps: list[Piece], i: int, r: Rules) -> bool:
    end = phrase_at(ps, i, "titles", r, allow_prefix=False)
    return end == i + 1


def _hyphenated(body: str, ps: list[Piece], outer: list[int], k: int) -> int:
    """The last index (in ``outer``) of a hyphenated word that starts at ``outer[k]``."""
    while k + 1 < len(outer) and body[ps[outer[k]].end:ps[outer[k + 1]].start] in ("-", "־", "‑"):
        k += 1
    return k


def _name_before(body, ps, outer, c, r: Rules, lex, known) -> tuple[int, int] | None:
    """A name of two to four words that opens its clause and ends right before the copula
    (a bracketed aside between them is read past); a known state may be one of its later
    words (אורי לבנון)."""
    k = c
    while k > 0 and c - k < _MAX_WORDS:
        i = outer[k - 1]
        if k < c and _edge(body, ps[i], ps[outer[k]]):
            break
        hit = known_at(known, ps[i].start)
        if hit is not None and (hit[2].type != "country" or hit[1] != ps[i].end):
            break
        if not name_like(ps[i].text, r, True, lex) and not (k < c and ps[i].text in r.particles):
            break
        k -= 1
    while k < c and (known_at(known, ps[outer[k]].start) is not None or ps[outer[k]].text in r.particles):
        k += 1  # a name opens with a word of its own, not a state or a particle
    if c - k < 2:
        return None
    if k > 0 and not _edge(body, ps[outer[k - 1]], ps[outer[k]]) and name_like(ps[outer[k - 1]].text, r, True, lex):
        return None  # no clear edge: the name may begin earlier
    return outer[k], outer[c - 1]
