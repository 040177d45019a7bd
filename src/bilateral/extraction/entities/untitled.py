"""People named without a title before them: a name right before a verb of appointment,
meeting, visit or statement (``X Y מונה לשגריר``, ``Anna Kowalski hosted``), a name in
apposition with a title (``X Y, שגריר ישראל ב...``, ``X Y, the ambassador``), and, in Hebrew, a
known given name with a family name after it (``אדריאן הסלר``), a name between ``את``/``של`` and a
role with a prefix (``מינויה של X Y לשגרירה``), and a cue verb, a marked name and the verb's
object (``הגיש ג'ון X את ...``). Words that open a foreign name though they are function words
(``או נו``, ``עבד אל-X``) count only at a clause's start or after a cue.

Without a title the evidence is thinner, so each rule asks for two words at least, none of them
known (a state, an organization), a title, a month or a function word, and a clear edge before
the name; in English the first word must be a known given name.
"""

from __future__ import annotations

from ...reading import structure
from ..memo import WordMemo, word_memo
from .given import given_name_candidates
from .lexicon import AnyLexicon, Piece, Rules
from .people import PLURAL as _PLURAL
from .people import Candidate, name_like, phrase_at, phrases_from
from .scanning import (
    Known,
    known_at,
    piece_index_after,
    punct_between,
    strip_options,
    without_possessive,
)
from .shapes import initial, month_surname, plausible


def untitled_candidates(body: str, ps: list[Piece], lex: AnyLexicon, r: Rules, known: Known) -> list[Candidate]:
    """Names found by a cue after them, by apposition, or by a known given name."""
    out: list[Candidate] = []
    taken: set[int] = set()
    firsts = r.index["after_verbs"]
    verbs = {i: end for i, p in enumerate(ps) if (p.text if r.he else p.text.lower()) in firsts
             and (end := phrase_at(ps, i, "after_verbs", r, allow_prefix=False))}
    prefixed = _may_be_prefixed_title(r)
    for i in range(1, len(ps)):
        apposition = punct_between(body, ps[i - 1], ps[i])
        role = False
        if apposition:
            after = body[ps[i - 1].end:ps[i].start].strip()
            role = r.he and after == "," and _prefixed_role(ps, i, r)  # "..., X Y, כממלא מקומו"
            if after != "," or not (role or _title_at(ps, i, r, known)):
                continue
        elif i not in verbs:
            role = r.he and prefixed[ps[i].text] and _prefixed_role(ps, i, r)
            if not role:
                continue
        # English: a strong verb of a person ("visited", "was appointed") or an apposition
        # vouches for a name whose given name no list knows ("Kamuzu Banda visited")
        strong = not apposition and not r.he and i in verbs \
            and tuple(p.text.lower() for p in ps[i:verbs[i]]) in r.person_verbs
        start = _name_before(body, ps, i, lex, r, known, apposition, strong)
        if role and start is not None and (start == 0 or (ps[start - 1].text not in r.role_markers and not (
                apposition and body[ps[start - 1].end:ps[start].start].strip() == ","))):
            start = None  # "מינויה של X Y לשגרירה", "שלחה את X Y כשגריר", ", X Y, כשגריר": a marker, a name, a role
        if start is not None and start not in taken:
            taken.add(start)
            out.append(candidate(body, ps, start, i, r))
    if r.he:
        for end in verbs.values():
            span = _name_after_verb(body, ps, end, lex, r, known)
            if span is not None and span[0] not in taken:
                taken.add(span[0])
                out.append(candidate(body, ps, *span, r))
    # Hebrew: a known given name and the word after it; English names too many things after a
    # given name (the Marshall Plan, Douglas Aircraft) to go without a cue.
    given = _given_names(r)
    for i, p in enumerate(ps[:-1] if r.he else ()):
        if given[p.text] and i not in taken and (i == 0 or not _word_of_name(ps[i - 1].text, r, lex)
                                                     or punct_between(body, ps[i - 1], p) or p.text not in r.given):
            # (a list's comma, or a prefix letter on the given name (ואפרים), is an edge)
            end = _name_after_given(body, ps, i, lex, r, known)
            if end is not None:
                out.append(candidate(body, ps, i, end, r))
    if not r.he:
        out.extend(given_name_candidates(body, ps, lex, r, known))
    return [c for c in out if plausible(c[2], r)]


def _given(word: str, r: Rules) -> bool:
    """``word`` is a known given name (in Hebrew perhaps with a prefix letter: ושמעון)."""
    return _given_names(r)[word]


def _given_names(r: Rules) -> WordMemo:
    return word_memo(("given", r.lang), lambda w: _is_given(w, r))


def _is_given(word: str, r: Rules) -> bool:
    if word in r.given:
        return True
    if not r.he or word in r.particles:
        return False  # (ואן is a particle, not ו + אן)
    return any(rest in r.given for _, rest in strip_options(word, r, name_only=True)[1:])


def candidate(body: str, ps: list[Piece], start: int, end: int, r: Rules) -> Candidate:
    """The name of pieces ``start`` to ``end`` (exclusive), without a prefix letter before a
    known given name."""
    e = without_possessive(body, ps[end - 1])
    s = ps[start].start
    first = ps[start].text
    if r.he and first not in r.given and first not in r.particles:
        # "ושמעון פרס, שר החוץ": a prefix letter before a known given name is not in the name
        s += next((len(p) for p, rest in strip_options(first, r, name_only=True)[1:]
                   if rest in r.given or rest in r.openers), 0)
    return s, e, structure.collapse(body[s:e])


def _title_at(ps: list[Piece], i: int, r: Rules, known: Known | None = None) -> bool:
    while i + 1 < len(ps):
        hit = known_at(known, ps[i].start) if known is not None and not r.he else None
        if ps[i].text.lower() in r.apposition_words:
            i += 1  # "X Y, the ambassador", "X Y, then foreign minister"
        elif hit is not None and hit[2].type in ("country", "organization"):
            i = piece_index_after(ps, hit[1], i)  # "X Y, Poland's former ambassador"
        else:
            break
    return i < len(ps) and phrase_at(ps, i, "titles", r, allow_prefix=False) is not None


def _prefixed_role(ps: list[Piece], i: int, r: Rules) -> bool:
    """Hebrew: piece ``i`` is a title carrying the prefix ל or כ (לשגרירת, כשגריר): a role
    predicated of the name before it."""
    return _may_be_prefixed_title(r)[ps[i].text] and phrase_at(ps, i, "titles", r, allow_prefix=False) is None \
        and phrase_at(ps, i, "titles", r, allow_prefix=True) is not None


def _may_be_prefixed_title(r: Rules) -> WordMemo:
    return word_memo(("prefixed_title", r.lang),
                     lambda w: w[:1] in ("ל", "כ") and bool(phrases_from(w, "titles", r, True)))


def _opens(body: str, ps: list[Piece], k: int, r: Rules) -> bool:
    """Hebrew: piece ``k`` is a word that opens a foreign name (או, עבד; ואו) at a clause's
    start (the sentence's start, punctuation or a date before it)."""
    word = ps[k].text
    if word not in r.openers and not any(word[len(p):] in r.openers for p in r.name_prefixes if word.startswith(p)):
        return False
    return k == 0 or punct_between(body, ps[k - 1], ps[k]) or ps[k - 1].text[:1].isdigit()


def _edge_word(word: str, r: Rules) -> bool:
    """Hebrew: a word with a place or dative prefix (לזנדה, בפרידוניה) ends what comes before a
    name rather than being a word of it."""
    return r.he and len(word) >= 4 and word not in r.given and word[:1] in r.edge_prefixes


def _word_of_name(word: str, r: Rules, lex: AnyLexicon, hyphenated: bool = False) -> bool:
    # (the last part of a hyphenated word may end as a plural does: עבד אל-חלים)
    if r.he:
        return name_like(word, r, False, lex) and (hyphenated or not word.endswith(_PLURAL))
    return word[:1].isupper() and name_like(word, r, True, lex)


def _name_before(body, ps: list[Piece], i: int, lex: AnyLexicon, r: Rules, known: Known,
                 apposition: bool = False, strong: bool = False) -> int | None:
    """Start of a two- or three-word name that ends right before piece ``i`` (a hyphenated
    name is one word: קים איל-סונג); in English its first word must be a known given name,
    unless a title in apposition follows it ("Abdalla Mwanga, the representative of ...") or
    a ``strong`` verb of a person does ("Kamuzu Banda visited")."""
    starts: list[int] = []  # where each word of the name starts, from the last word back
    start = i
    while start > 0 and len(starts) < 3:
        k = start - 1
        if known_at(known, ps[k].start) is not None or known.spans.covers(ps[k].start):
            break
        # a hyphenated word (קים איל-סונג) or an initial (חורחה א. קרבחל) joins the word after it
        joined = start < i and (body[ps[k].end:ps[start].start] in ("-", "־", "‑") or initial(body, ps[k], ps[start]))
        if start < i and not joined and punct_between(body, ps[k], ps[start]):
            break
        opener = r.he and _opens(body, ps, k, r)
        hyphenated = k > 0 and body[ps[k - 1].end:ps[k].start] in ("-", "־", "‑")
        if not opener and not _word_of_name(ps[k].text, r, lex, hyphenated) and not (joined and ps[k].text.isalpha()):
            break
        if joined or (r.he and starts and not opener and ps[k].text in r.particles):
            starts[-1] = k  # (a particle belongs to the word after it: וילם ואן דר ברג)
        else:
            starts.append(k)
        start = k
        if opener:
            break
    if len(starts) == 3 and not _given(ps[starts[-1]].text, r) and not _opens(body, ps, starts[-1], r):
        starts.pop()  # three words only when the first is a known given name
    if len(starts) < 2:
        return None
    start = starts[-1]
    if start > 0 and _word_of_name(ps[start - 1].text, r, lex) and not punct_between(body, ps[start - 1], ps[start]) \
            and not _edge_word(ps[start - 1].text, r) and not _opens(body, ps, start, r):
        return None  # no clear edge: the name may begin earlier
    if not r.he and ps[start].text not in r.given:
        # without a known given name, no initial, numeral or acronym ("Rudolf V", "IDF Chief")
        if not (apposition or strong and not any(len(p.text) < 2 or p.text.isupper() for p in ps[start:i])):
            return None
    return start


def _name_after_verb(body, ps: list[Piece], j: int, lex: AnyLexicon, r: Rules, known: Known) -> tuple[int, int] | None:
    """Hebrew verb-first order: a two- or three-word name right after the verb and right before
    a role with a prefix or in apposition ("כיהן X Y כשגריר", "מונה X Y לשגריר", "נפגש X Y, שגריר")."""
    if j < len(ps) and _edge_word(ps[j].text, r):
        j += 1  # "הגיע לזנדה X Y, שגריר ...": a place after the verb, then the name
    start, count = j, 0
    while j < len(ps) and count < 3:
        opener = j == start and ps[j].text in r.openers  # "נפגש או נו עם ...": the verb is the cue
        if known_at(known, ps[j].start) is not None or not (opener or _word_of_name(ps[j].text, r, lex)):
            break
        if j > start and punct_between(body, ps[j - 1], ps[j]) and not initial(body, ps[j - 1], ps[j]):
            break
        if j + 1 < len(ps) and initial(body, ps[j], ps[j + 1]):
            j += 1  # an initial is no word of its own (מונה חורחה א. קרבחל)
            continue
        j, count = _word_end(body, ps, j), count + 1
    if count < 2 or j >= len(ps):
        return None
    between = body[ps[j - 1].end:ps[j].start].strip()
    if between == "," and _title_at(ps, j, r):
        return start, j
    if not between and phrase_at(ps, j, "titles", r, allow_prefix=True) is not None \
            and phrase_at(ps, j, "titles", r, allow_prefix=False) is None:
        return start, j  # the role carries a prefix: כשגריר, לשגריר
    if not between and ps[j].text in r.after_name_markers and ps[j - 1].text not in r.particles \
            and _marked(ps[start:j], r):
        return start, j  # the verb's object or partner follows: "הגיש X Y את", "נפגש X Y עם"
    return None


def _marked(words: list[Piece], r: Rules) -> bool:
    """A second sign that words are a name: a known given name or opener first, or a
    transliteration mark (geresh, hyphen) in one of them (``דבר חשוב`` has none)."""
    return words[0].text in r.given or words[0].text in r.openers or any("'" in w.text or "׳" in w.text for w in words) \
        or len(words) > 2


def _word_end(body: str, ps: list[Piece], j: int) -> int:
    """The piece after the word at ``j`` (a hyphenated name is one word)."""
    while j + 1 < len(ps) and body[ps[j].end:ps[j + 1].start] in ("-", "־", "‑"):
        j += 1
    return j + 1


def _name_after_given(body, ps: list[Piece], i: int, lex: AnyLexicon, r: Rules, known: Known) -> int | None:
    """End of a given name's family name (one word, or a hyphenated one) after piece ``i``."""
    j = i + 1
    if r.he and j + 1 < len(ps) and not punct_between(body, ps[i], ps[j]) and initial(body, ps[j], ps[j + 1]):
        j += 1  # an initial between the given name and the family name (ג'ון פ. קנדי)
    if j >= len(ps) or punct_between(body, ps[j - 1], ps[j]) and j == i + 1 or known_at(known, ps[j].start) is not None:
        return None
    if (not name_like(ps[j].text, r, False, lex, after_given=True) or r.is_never(ps[j].text)) \
            and not (ps[i].text in r.given and month_surname(ps, j, r)):
        return None
    if (r.he and ps[j].text.endswith(_PLURAL)) or (not r.he and not ps[j].text[:1].isupper()):
        return None
    return _word_end(body, ps, j)
