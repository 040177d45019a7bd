"""Organizations and places that no list names, found by general cues: an organization head
(``מפלגת``/``Party``) with what qualifies it, and a word followed by ``, <state>`` (a place)."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from ...reading import structure
from ..memo import WordMemo, word_memo
from .lexicon import AnyLexicon, Form, Lexicon, Piece, Rules
from .people import phrase_at
from .scanning import Hit, Known, known_at, piece_index_after, punct_between, strip_options


def scan_orgs(body: str, ps: list[Piece], acronyms: Lexicon, r: Rules, known: Known) -> list[Hit]:
    """Organizations named by a head word and what qualifies it (Hebrew), or by a capitalized
    run holding a head word (English); an acronym in brackets after one goes to ``acronyms``."""
    found = []
    covered = _covered(ps, known)
    roles = {} if r.he else _roles_before_names(body, ps, r)
    heads_at = _heads_at(r)
    i = 0
    while i < len(ps):
        if i in roles:
            i = roles[i]  # "Member of Parliament Farah Maalin": a role, then a person
            continue
        if i in covered and (r.he or not _state_or_place_at(known, ps[i])):
            i += 1
            continue
        if r.he and not heads_at[ps[i].text]:
            i += 1  # (most words begin no head)
            continue
        hit = _org_at(body, ps, i, r, known, heads_at) if r.he else _org_at_en(body, ps, i, r, known, roles)
        if hit is None:
            i += 1
            continue
        first, end, kind, surface = hit
        s, e = ps[first].start, ps[end - 1].end
        # an embassy named with its state is no organization, but no other rule reads its words
        etype = "grouping" if kind == "embassy" else "organization"
        form = Form(f"{etype}:{surface}", etype, "", "", "name", surface)
        found.append((s, e, form, surface))
        # "Workers' Party of Korea (WPK)": the acronym in brackets is another name of it.
        after = re.match(r"\s*\(([A-Z][A-Z.&]{1,9})\)", body[e:e + 14])
        if after:
            acronyms.add(after.group(1), Form(form.key, "organization", "", "", "acronym", after.group(1)))
        i = end
    return found


def _covered(ps: list[Piece], known: Known) -> set[int]:
    """Indices of the pieces that start inside a known mention (a few mentions, many pieces)."""
    if not known:
        return set()
    starts = [p.start for p in ps]
    return {i for s, e, *_ in known for i in range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e))}


def _roles_before_names(body: str, ps: list[Piece], r: Rules) -> dict[int, int]:
    """English: where a title right before a capitalized word starts, and where it ends; no
    organization's run goes into one ("Member of Parliament Farah Maalin", "Foreign Ministry
    Director Hugo Brandt")."""
    out = {}
    for i, p in enumerate(ps):
        if p.text.lower() not in r.index["titles"]:
            continue
        end = phrase_at(ps, i, "titles", r, allow_prefix=False)
        if end is not None and end < len(ps) and ps[end].text[:1].isupper() \
                and not punct_between(body, ps[end - 1], ps[end]) and ps[end].text.lower() not in r.title_words:
            out[i] = end
    return out


def _state_or_place_at(known: Known, piece: Piece) -> bool:
    # English: a state or place may open an organization's name (The Freedonia Gazette).
    k = known_at(known, piece.start)
    return k is not None and k[2].type in ("country", "place")


_HEADS: dict[int, dict[str, list[tuple[tuple[str, ...], str]]]] = {}


def _heads_by_first(r: Rules) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index = _HEADS.get(id(r))
    if index is None:
        index = defaultdict(list)
        for words, kind in r.org_heads.items():
            index[words[0]].append((words, kind))
        _HEADS[id(r)] = index
    return index


def _heads_at(r: Rules) -> WordMemo:
    """Per word: (prefix, head words, kind) of the heads it may begin (most words begin none)."""
    heads = _heads_by_first(r)
    return word_memo(("org_heads", r.lang), lambda word: tuple(
        (prefix, words, kind) for prefix, rest in strip_options(word, r, name_only=False)
        for words, kind in heads.get(rest, ())))


def _org_at(body, ps, i, r: Rules, known, heads_at: WordMemo):
    head = None
    for prefix, words, kind in heads_at[ps[i].text]:
        if all(i + k < len(ps) and ps[i + k].text == words[k] for k in range(1, len(words))):
            if head is None or len(words) > head[0]:
                head = (len(words), kind, prefix)
    if head is None:
        return None
    n, kind, prefix = head
    if kind == "media":
        return _media_name(body, ps, i + n, r, known)
    j = i + n
    qualifiers = 0
    while j < len(ps) and qualifiers < 6 and not punct_between(body, ps[j - 1], ps[j]):
        k = known_at(known, ps[j].start)
        word = ps[j].text
        if k is not None and k[2].type in ("country", "place") and (k[2].kind == "demonym" or body[k[0]:k[1]] == k[3]):
            # only an unprefixed state qualifies the head: "שגרירות אלבניה", not "קונגרס במוסקבה"
            j = piece_index_after(ps, k[1], j)
        elif word == "של" and j + 1 < len(ps) and known_at(known, ps[j + 1].start):
            j += 1
            continue
        elif word.startswith("ה") and len(word) > 2 and word not in r.not_name:
            j += 1
        else:
            break
        qualifiers += 1
    if qualifiers == 0:
        return None
    surface = body[ps[i].start + len(prefix):ps[j - 1].end]
    return i, j, kind, structure.collapse(surface)


def _media_name(body, ps, j, r: Rules, known):
    """The name after a newspaper's or agency's head word (עיתון הארץ, סוכנות הידיעות זנדה):
    up to three words, to the first punctuation, function word or verb."""
    start = j
    while j < len(ps) and j - start < 3 and (j == start or not punct_between(body, ps[j - 1], ps[j])):
        word = ps[j].text
        if known_at(known, ps[j].start) is not None or word in r.not_name or r.is_never(word):
            break
        j += 1
        if word.startswith("ה"):
            break  # a definite name is one word (הארץ); a definite word after a name is not in it
    if j == start:
        return None
    return start, j, "media", structure.collapse(body[ps[start].start:ps[j - 1].end])


def _org_at_en(body, ps, i, r: Rules, known, roles: dict[int, int]):
    # A run of capitalized words (with "of", "the", "and" inside) that holds a head word; it
    # neither opens with an article ("A Ruritanian Foreign Ministry") nor runs into the name of
    # a person after it ("... Foreign Ministry Hugo Brandt": a given name and a capitalized word).
    if not ps[i].text[:1].isupper() or ps[i].text.lower() in r.not_name:
        return None
    if ps[i].text.endswith(("'s", "’s")) and _state_or_place_at(known, ps[i]):
        return None  # "Israel's Foreign Ministry": the state owns the body, it does not name it
    j = i
    kinds = ["advocacy"] if _advocacy_at(ps, i, r, known) else []  # "Kenyans for Peace"
    while j < len(ps):
        w = ps[j].text
        if j > i and (j in roles or punct_between(body, ps[j - 1], ps[j]) and "'" not in body[ps[j - 1].end:ps[j].start]):
            break
        if j > i and w.endswith(("'s", "’s")) and _state_or_place_at(known, ps[j]):
            break  # "... and Kenya's Parliament": another body, owned by a state
        if kinds and w in r.given and j + 1 < len(ps) and ps[j + 1].text[:1].isupper() \
                and not punct_between(body, ps[j], ps[j + 1]):
            break
        if w[:1].isupper():
            kind = _head_kind(w, r)
            if kind:
                kinds.append(kind)
            j += 1
        elif _connects(ps, j, r):
            j += 1  # "League of Nations", "Committee on Ruritania" (not "... on Monday")
        else:
            break
    while j > i and not ps[j - 1].text[:1].isupper():
        j -= 1
    if j > i + 1 and (ps[j - 1].text.lower(),) in r.index["titles"].get(ps[j - 1].text.lower(), ()) \
            and not _head_kind(ps[j - 1].text, r):
        j -= 1  # "the Union Commission Chair": a role after the body's name
    if not kinds or j - i < 2 or _role_opens(ps, i, r, known):
        return None
    surface = structure.collapse(body[ps[i].start:ps[j - 1].end])
    if surface.startswith(("The ", "the ")):
        surface = surface[4:]
    if "embassy" in kinds and any(_state_or_place_at(known, p) for p in ps[i:j]):
        return i, j, "embassy", surface  # "the Israeli Embassy": no organization, says the guide
    return i, j, "organization", surface


def _head_kind(word: str, r: Rules) -> str:
    """The kind of the organization head that ``word`` opens ("Party", "Air" of "Air Force"), or ""."""
    heads = _heads_by_first(r).get(word)
    return max(heads, key=lambda h: len(h[0]))[1] if heads else ""


def _connects(ps: list[Piece], j: int, r: Rules) -> bool:
    """A lower-case connector inside a name, before a capitalized word ("Party of Labour"), or
    "for the" / "of the" before one ("Popular Front for the Liberation of ...")."""
    w = ps[j].text
    if w not in r.org_connectors or j + 1 >= len(ps):
        return False
    nxt = ps[j + 1].text
    if nxt[:1].isupper():
        return w not in r.org_topics or not r.is_never(nxt)
    return w in ("for", "of") and nxt == "the" and j + 2 < len(ps) and ps[j + 2].text[:1].isupper()


def _advocacy_at(ps: list[Piece], i: int, r: Rules, known) -> bool:
    """English "Kenyans for Peace": a people's plural demonym, "for" and a capitalized word."""
    k = known_at(known, ps[i].start)
    return k is not None and k[2].kind == "demonym" and k[2].type == "country" and ps[i].text.endswith("s") \
        and i + 2 < len(ps) and ps[i + 1].text == "for" and ps[i + 2].text[:1].isupper()


def _role_opens(ps: list[Piece], i: int, r: Rules, known) -> bool:
    """A title of two words or more, or one before "of", opens the run, perhaps after a state:
    a role, no body ("Kenya's Cabinet Secretary for Foreign Affairs")."""
    k = known_at(known, ps[i].start)
    if k is not None and k[2].type == "country":
        i = piece_index_after(ps, k[1], i)
    end = phrase_at(ps, i, "titles", r, allow_prefix=False) if i < len(ps) else None
    # (one title word before "of" too: "Secretary of the Workers' Party", whose body comes after)
    return end is not None and (end - i >= 2 or end < len(ps) and ps[end].text in ("of", "for"))


def scan_places(body: str, ps: list[Piece], lex: AnyLexicon, r: Rules, known: Known) -> list[Hit]:
    """A word with a locative cue right before ", <state>" names a place in that state
    (בסופיה, בולגריה; in Sofia, Bulgaria)."""
    found = []
    starts = known.by_start
    for i in range(len(ps) - 1):
        nxt = starts.get(ps[i + 1].start)
        if nxt is None or nxt[2].type != "country" or nxt[2].kind != "name":
            continue
        if body[ps[i].end:ps[i + 1].start].strip() != ",":
            continue
        if known.spans.covers(ps[i].start):
            continue
        if r.he:
            prefix = next((p for p in r.place_prefixes if ps[i].text.startswith(p)), None)
            if prefix is None or len(ps[i].text) < len(prefix) + 3:
                continue
            word = ps[i].text[len(prefix):]
        else:
            word = ps[i].text
            if i == 0 or ps[i - 1].text not in r.place_cues or not word[:1].isupper():
                continue
        if word.lower() in r.not_name or word[0].isdigit():
            continue
        s = ps[i].start
        found.append((s, ps[i].end, Form(f"place:{word}", "place", "" if r.he else word, nxt[2].code, "name", word), word))
    return found
