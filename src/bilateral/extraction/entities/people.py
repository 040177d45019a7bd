"""People are found by cues, not by a list: a title or role before a name (``ראש הממשלה``,
``President``), an attribution (``לדברי``, ``according to``), or (English) a capitalized name
right before a verb of saying."""

from __future__ import annotations

import re

from ...reading import structure
from ..memo import room, word_memo
from .lexicon import AnyLexicon, Piece, Rules, rules, sep
from .scanning import (
    Known,
    known_at,
    piece_index_after,
    punct_between,
    strip_options,
    without_possessive,
    words,
)
from .shapes import initial, month_surname, plausible

Candidate = tuple[int, int, str]
_LATIN = re.compile(r"[A-Za-z][A-Za-z'’.-]*")  # start, end, the name as written

_FIRSTS: dict[tuple[str, str, bool, str], tuple[tuple[str, ...], ...]] = {}


def phrases_from(text: str, phrases: str, r: Rules, allow_prefix: bool) -> tuple[tuple[str, ...], ...]:
    """The phrases of ``r.index[phrases]`` whose first word is ``text`` (or, with
    ``allow_prefix``, ``text`` without prefix letters), longest first; memoised per word."""
    key = (r.lang, phrases, allow_prefix, text)
    hit = _FIRSTS.get(key)
    if hit is None:
        index = r.index[phrases]
        options = strip_options(text, r, name_only=False) if allow_prefix else [("", text)]
        found: list[tuple[str, ...]] = []
        for _, rest in options:
            found.extend(index.get(rest if r.he else rest.lower(), ()))
        hit = room(_FIRSTS)[key] = tuple(found)
    return hit


def opens_cue(word: str, r: Rules) -> bool:
    """A title or an attribution may begin with ``word`` (most words begin neither)."""
    return bool(phrases_from(word, "titles", r, r.he) or phrases_from(word, "attribution", r, False))


def phrase_at(ps: list[Piece], i: int, phrases: str, r: Rules, allow_prefix: bool) -> int | None:
    """End index of the longest phrase of ``r.index[phrases]`` ("titles", "attribution",
    "after_verbs") starting at piece ``i``."""
    best = None
    for phrase in phrases_from(ps[i].text, phrases, r, allow_prefix):
        n = len(phrase)
        if i + n > len(ps) or (best is not None and i + n <= best):
            continue
        if all((ps[i + k].text if r.he else ps[i + k].text.lower()) == phrase[k] for k in range(1, n)):
            best = i + n
    return best


def name_like(word: str, r: Rules, first: bool, lex: AnyLexicon, after_given: bool = False) -> bool:
    """``word`` may be part of a person's name (``first``: it would be the name's first word;
    ``after_given``: it follows a known given name, where a Hebrew family name may begin with ה)."""
    if not word or word[0].isdigit():
        return False
    if r.he and not first and word in r.particles:
        return True  # חוסה דה לה קרוז (a particle never ends a name: see _read_words)
    if word.lower() in r.not_name or word in r.not_name:
        return False
    if r.he:
        if _LATIN.fullmatch(word):  # a Latin word in Hebrew text follows the English rules
            return not rules("en").is_never(word) and word[:1].isupper()
        if r.is_never(word) or r.shaped_never(word):
            return False  # מנובמבר, כשגריר, ממלכת; מתקיימים, וכוננו
        if word.startswith("ה") and "'" not in word and "׳" not in word and word not in r.given:
            # a definite noun, not a name (הוג'ה keeps its geresh), but אדריאן הסלר
            return after_given and not _whole_form(lex, word) and not _whole_form(lex, word[1:]) \
                and not r.is_never(word[1:])
        if not first:
            for _, rest in strip_options(word, r, name_only=False)[1:]:
                whole_form = any(len(e[0]) == 1 for e in lex.entries(rest))
                if len(rest) >= 3 and (rest in r.not_name or whole_form):
                    return False  # בטירנה, בביקור: a prefix on a known word, not a name
        return True
    if word.lower() in r.particles and not first:
        return True
    if first and r.is_never(word):
        return False  # a month, weekday, state word or title never opens a name
    return word[:1].isupper() and word not in ("I",)


PLURAL = ("ים", "ות")  # Hebrew plural endings: a common noun, not a name


def plural_noun(word: str, r: Rules) -> bool:
    """``word`` reads as a Hebrew plural noun (פרסומים, דיווחים), not a known given name."""
    return r.he and word.endswith(PLURAL) and word not in r.given


def _whole_form(lex: AnyLexicon, word: str) -> bool:
    # a one-word known form (a state, a place), not the first word of a longer one (דר שפיגל)
    return any(len(e[0]) == 1 for e in lex.entries(word))


def _skip_qualifiers(body: str, ps: list[Piece], j: int, known: Known, r: Rules) -> int:
    # Skip what qualifies a title: "של", known states/organizations, their adjectives, and in
    # Hebrew a place after a state ("שגריר רורטניה בזנדה, X", "שגריר רורטניה בזנדה הוא X").
    steps = 0
    after_state = False
    start = j
    while j < len(ps) and steps < 8:
        k = known_at(known, ps[j].start)
        if j > start and punct_between(body, ps[j - 1], ps[j]):
            break  # "נשיא פרידוניה, ופרידוניה ...": a state after a comma begins another clause
        if k is not None and k[2].type in ("country", "organization", "place"):
            j = piece_index_after(ps, k[1], j)
            after_state = True
            continue
        if ps[j].text in r.qualifiers:
            j += 1
        elif r.he and after_state and _place_word(body, ps, j, r):
            j += 1
        else:
            break
        steps += 1
    return j


def _place_word(body: str, ps: list[Piece], j: int, r: Rules) -> bool:
    """Hebrew: a word with a locative prefix (בזנדה) that ends the role, since a comma, a
    copula, the sentence's end or a known given name comes next."""
    word = ps[j].text
    prefix = next((p for p in r.place_prefixes if word.startswith(p)), None)
    if prefix is None or len(word) - len(prefix) < 3 or word in r.given:
        return False
    if j + 1 == len(ps) or punct_between(body, ps[j], ps[j + 1]):
        return True
    return ps[j + 1].text in r.copulas or ps[j + 1].text in r.given


def read_name(body, ps, j, r: Rules, lex, known, max_words: int) -> tuple[int, int] | None:
    """Name pieces from ``j``: returns (start piece, end piece) or None."""
    if not r.he and _state_opens_name(body, ps, j, r, lex, known):
        return _read_words(body, ps, j, r, lex, known, max_words, state_first=True)
    cue_end, j = j, _skip_qualifiers(body, ps, j, known, r)
    if not r.he and cue_end < j < len(ps) and ps[j - 1].text.lower() in r.qualifiers:
        return None  # "the representative of Zenda-South": after "of", a place, not a person
    # A Hebrew name in apposition between commas may be longer ("שגריר X, פיו בוסקו טיקולאבה,")
    closed = r.he and 0 < j < len(ps) and body[ps[j - 1].end:ps[j].start].strip() == ","
    j = _after_honorifics(body, ps, j, r)
    if r.he and j + 1 < len(ps) and ps[j].text in r.openers:
        if j > cue_end:
            return _opened(body, ps, j, r, lex, known, max_words)
        if j > 0 and ps[j - 1].text in r.possessive_titles:
            # right after a title with its owner ("ראש ממשלתה או נו בישראל"; after "השר" it is "or"),
            # only a name with a clear edge after it: a stop, or a known state (with its prefix)
            span = _opened(body, ps, j, r, lex, known, max_words)
            clear = span is not None and (span[1] == len(ps) or punct_between(body, ps[span[1] - 1], ps[span[1]])
                                          or known_at(known, ps[span[1]].start) is not None)
            return span if clear else None
    if closed and ps[j].text.startswith("ו") and ps[j].text[1:] not in r.given:
        return None  # "ראש הממשלה, ובהמשך נועד": after the comma, ו opens another clause
    if closed:
        span = _read_words(body, ps, j, r, lex, known, 4)
        if span is not None and (span[1] == len(ps) or punct_between(body, ps[span[1] - 1], ps[span[1]])):
            return span
    return _read_words(body, ps, j, r, lex, known, max_words)


def _opened(body, ps, j, r: Rules, lex, known, max_words: int) -> tuple[int, int] | None:
    """Hebrew: after a title and what qualifies it ("ראש ממשלת בורמה או נו"), a word that opens
    a foreign name though it is also a function word (או, עבד) and the name's words after it."""
    if punct_between(body, ps[j], ps[j + 1]):
        return None
    span = _read_words(body, ps, j + 1, r, lex, known, max_words)
    return (j, span[1]) if span is not None else None


def _after_honorifics(body: str, ps: list[Piece], j: int, r: Rules) -> int:
    # "ראטו סיר פנאיה גנילאו", "Sheikh Zayed": words of honour are not part of the name
    while j + 1 < len(ps) and ps[j].text in r.honorifics and not punct_between(body, ps[j], ps[j + 1]):
        j += 1
    return j


def _state_opens_name(body, ps, j, r: Rules, lex, known) -> bool:
    """English: a state's name right after a title and before a capitalized word opens a
    person's name (Foreign Minister Israel Katzman)."""
    hit = known_at(known, ps[j].start) if j + 1 < len(ps) else None
    if hit is None or hit[2].type != "country" or hit[2].kind != "name" or hit[1] != ps[j].end:
        return False
    if not hit[2].code:
        return False  # a state no list knows is the article's own party, never part of a name
    nxt = ps[j + 1]
    return not punct_between(body, ps[j], nxt) and known_at(known, nxt.start) is None \
        and name_like(nxt.text, r, True, lex) and nxt.text.lower() not in r.title_words


def _read_words(body, ps, j, r: Rules, lex, known, max_words: int, state_first: bool = False) -> tuple[int, int] | None:
    """Up to ``max_words`` name words from piece ``j``: (start piece, end piece) or None
    (``state_first``: the first word may be a state's name)."""
    if j >= len(ps):
        return None
    start = j
    count = 0
    while j < len(ps) and count < max_words:
        if j > start and punct_between(body, ps[j - 1], ps[j]) and not initial(body, ps[j - 1], ps[j]):
            break
        if known_at(known, ps[j].start) is not None and not (state_first and j == start):
            break
        # after a title, a family name may begin with ה (חיים הרמלין) unless it reads as a verb
        surname = j > start and (ps[start].text in r.given or not r.verb_like(ps[j].text))
        if not name_like(ps[j].text, r, j == start and not state_first, lex, after_given=surname) \
                and not (j + 1 < len(ps) and ps[j].text.isupper() and initial(body, ps[j], ps[j + 1])) \
                and not (j > start and ps[start].text in r.given and month_surname(ps, j, r)):
            break  # (an initial is a name's word though it be "A.")
        # A hyphenated name counts as one word (איל-סונג, Il-sung).
        while j + 1 < len(ps) and sep(body[ps[j].end:ps[j + 1].start]) == "-" and not body[ps[j].end:ps[j + 1].start].strip("-־‑"):
            j += 1
        j += 1
        count += 1
    while j > start + 1 and ps[j - 1].text in r.particles:
        j -= 1  # a particle begins the next word of a name, never ends one
    if j == start:
        return None
    if r.he and count == max_words and j < len(ps) and not punct_between(body, ps[j - 1], ps[j]):
        j = _third_word(body, ps, _past_particles(body, ps, j, r, lex), r, known)
    if r.he and j < len(ps) and ps[j].text in r.ordinals and not punct_between(body, ps[j - 1], ps[j]):
        j += 1  # a monarch's number is part of the name (עבדאללה השני)
    if not r.he and all(p.text.lower() in r.particles for p in ps[start:j]):
        return None
    return start, j


def _past_particles(body, ps, j: int, r: Rules, lex) -> int:
    """Hebrew: a name read to its last word goes on over particles and the word after them
    (חוויר פרס דה קוויאר, חמד בן ח'ליפה); a definite word after them is no name's (בין השנים)."""
    k = j
    while k < len(ps) and ps[k].text in r.particles and not punct_between(body, ps[k - 1], ps[k]):
        k += 1
    if k == j or k == len(ps) or punct_between(body, ps[k - 1], ps[k]) or ps[k].text.startswith("ה") \
            or not name_like(ps[k].text, r, False, lex):
        return j
    return k + 1


def _third_word(body, ps, j, r: Rules, known) -> int:
    # A third word carrying transliteration marks (גמאל עבד אל-נאצר) still belongs to the name.
    k = j
    while k + 1 < len(ps) and body[ps[k].end:ps[k + 1].start] in ("-", "־", "‑"):
        k += 1
    third = body[ps[j].start:ps[k].end]
    # (its first part may be a particle that is also a word: אל-נאצר)
    if ("'" in third or "-" in third or "־" in third) and known_at(known, ps[j].start) is None \
            and new_given_name(third, r, known):
        return k + 1
    return j


def _title_end(body, ps, i, r: Rules) -> tuple[int, bool] | None:
    """End of a title or attribution (with the titles chained after it) at piece ``i``, and
    whether it was an attribution alone."""
    end = phrase_at(ps, i, "titles", r, allow_prefix=r.he)
    # A title after an attribution ("לדברי ההיסטוריון X") or a chain of titles.
    attributed = end is None
    if end is None:
        end = phrase_at(ps, i, "attribution", r, allow_prefix=False)
    if end is None:
        return None
    while end < len(ps):
        if not r.he and ps[end].text.lower() in r.articles and end + 1 < len(ps):
            if phrase_at(ps, end + 1, "titles", r, allow_prefix=False):
                end += 1  # "according to the historian X"
        more = phrase_at(ps, end, "titles", r, allow_prefix=r.he)
        if more is None:
            break
        end = more
    return end, attributed


def _cut_at_known(ps: list[Piece], i: int, end: int, known) -> int:
    """A title ends where a known state's name begins inside it and runs past it ("נשיא
    הרפובליקה הדמוקרטית של קונגו": the title is נשיא, the state what follows)."""
    for m in range(i + 1, end):
        k = known_at(known, ps[m].start)
        if k is not None and k[2].type == "country" and k[1] > ps[end - 1].end:
            return m
    return end


def person_candidates(body, ps, lex, r: Rules, known) -> list[Candidate]:
    """(start, end, name) for names after a title or attribution."""
    out = []
    max_words = 2 if r.he else 4
    i = 0
    opens = word_memo(("opens_cue", r.lang), lambda w: opens_cue(w, r))
    while i < len(ps):
        cue = _title_end(body, ps, i, r) if opens[ps[i].text] else None
        if cue is None:
            i += 1
            continue
        end, attributed = _cut_at_known(ps, i, cue[0], known), cue[1]
        if end < len(ps) and punct_between(body, ps[end - 1], ps[end]) and body[ps[end - 1].end:ps[end].start].strip() not in (",", "."):
            i = end
            continue
        span = read_name(body, ps, end, r, lex, known, max_words)
        if span is not None and attributed and (len(words(body, ps[span[0]:span[1]])) < 2
                                                or plural_noun(ps[span[0]].text, r)):
            # "לפי סעיף", "according to Reuters", "לפי דיווחים זרים": after an attribution alone, a
            # one-word "name" or a plural noun is a source, not a person (a person's family name
            # alone is found as a recurrence)
            span = None
        if span is not None:
            a, b = span
            e = without_possessive(body, ps[b - 1])
            out.append((ps[a].start, e, structure.collapse(body[ps[a].start:e])))
            i = b
        else:
            i = end
    if not r.he:
        out.extend(_speaker_before_verb(body, ps, r, lex, known))
        out.extend(_speaker_after_quote(body, ps, r, lex, known))
    return [c for c in out if plausible(c[2], r)]


_CLOSING = ('"', "”", "’", "'", "»")


def _speaker_after_quote(body, ps, r: Rules, lex, known) -> list[Candidate]:
    """English '"...," said Tomasz Wielicki': a name of two or three words right after a verb
    of saying that follows a closing quotation mark (a name after a title is found as such)."""
    out = []
    for i, p in enumerate(ps[:-2]):
        if i == 0 or p.text.lower() not in r.speech or not body[ps[i - 1].end:p.start].strip(" ,").endswith(_CLOSING):
            continue
        if punct_between(body, p, ps[i + 1]) or phrase_at(ps, i + 1, "titles", r, allow_prefix=False):
            continue
        span = _read_words(body, ps, i + 1, r, lex, known, 3)
        if span is not None and len(words(body, ps[span[0]:span[1]])) >= 2:
            e = without_possessive(body, ps[span[1] - 1])
            out.append((ps[span[0]].start, e, structure.collapse(body[ps[span[0]].start:e])))
    return out


def _speaker_before_verb(body, ps, r: Rules, lex, known) -> list[Candidate]:
    """English "Hoxha wrote", "Kim Il-sung said": capitalized names right before a speech verb."""
    out = []
    for i, p in enumerate(ps):
        if p.text.lower() not in r.speech or i == 0:
            continue
        j = i
        while j > 0 and not punct_between(body, ps[j - 1], ps[j]) and ps[j - 1].text[:1].isupper() \
                and name_like(ps[j - 1].text, r, True, lex) and not known.spans.covers(ps[j - 1].start) \
                and ps[j - 1].text.lower() not in r.title_words:
            j -= 1
        # "Minister of Trade and Industry Alan John Kyerematen urged": a known given name inside
        # a longer run opens the name
        j = next((k for k in range(j + 1, i - 1) if ps[k].text in r.given), j) if ps[j].text not in r.given else j
        if j < i and i - j <= 4:
            e = without_possessive(body, ps[i - 1])
            out.append((ps[j].start, e, structure.collapse(body[ps[j].start:e])))
    return out


def new_given_name(word: str, r: Rules, known) -> bool:
    """``word`` can be the given name of a new person next to a known family name."""
    if word.lower() in r.not_name or word in r.not_name:
        return False
    if r.he:
        # Transliterated given names carry a geresh or join two syllables with a hyphen
        # (ג'ונג-און); a number (ב-1964) or gershayim (ש"אי-הזדהות) mark something else.
        if not re.fullmatch(r"[\u05d0-\u05ea]+(?:['׳][\u05d0-\u05ea]*)*(?:-[\u05d0-\u05ea]{2,}(?:['׳][\u05d0-\u05ea]*)*)?", word):
            return False
        return ("'" in word or "׳" in word or "-" in word) and not word.startswith("ה")
    return word[:1].isupper()
