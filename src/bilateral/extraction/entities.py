"""People, states, organizations and places, and every sentence that mentions them.

States come from CLDR through babel (every current country, in the article's language) plus the
gazetteer's historical states and demonyms; places and organizations from the gazetteer and from
general cues (an organization head such as ``מפלגת``/``Party`` with what qualifies it; a word
followed by ``, <state>`` is a place). People are found by cues, not by a list: a title or role
before a name (``ראש הממשלה``, ``President``), an attribution (``לדברי``, ``according to``), and
then every later use of the full name or of one of its words (``הוג'ה`` after ``אנוור הוג'ה``),
given to the most recent person of that name. Hebrew prefix letters are stripped only where what
remains is a known form, and a proper name never takes the article ``ה`` (``שהקים`` is not Kim).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

from babel import Locale

from .. import resources
from ..reading import structure
from ..vocab import lang_code

TYPES = ("person", "country", "organization", "place")
_PIECE = re.compile(r"[^\W_]+(?:['׳\"״’][^\W_]+)*['׳]?")
_NOT_TERRITORY = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AQ", "BV", "HM", "UM", "CP", "DG", "EA", "IC", "TA", "AC"}
_NAME_PARTICLES = {"de", "da", "van", "von", "bin", "ibn", "al", "el", "la", "le", "dos", "du", "der"}


@dataclass(frozen=True)
class Entity:
    """One person, state, organization or place."""

    key: str
    type: str
    name: str
    canonical: str
    code: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an entity is named: ``text`` is the surface form with any prefix letters."""

    key: str
    char_start: int
    char_end: int
    text: str


@dataclass(frozen=True)
class _Form:
    key: str
    type: str
    canonical: str
    code: str
    kind: str  # name, demonym, acronym
    surface: str


@dataclass(frozen=True, slots=True)
class _Piece:
    start: int
    end: int
    text: str


class _Lexicon:
    """Known forms indexed by their first piece, for a fast token-by-token scan."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.he = lang_code(lang) == "he"
        self.by_first: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], _Form]]] = defaultdict(list)
        self.primary: dict[str, str] = {}

    def add(self, surface: str, form: _Form) -> None:
        pieces, seps = _split_form(surface)
        if not pieces:
            return
        self.primary.setdefault(form.key, surface)
        entry = (tuple(pieces), tuple(seps), form)
        bucket = self.by_first[pieces[0]]
        if all(e[0] != entry[0] or e[1] != entry[1] or e[2].key != form.key for e in bucket):
            bucket.append(entry)
            bucket.sort(key=lambda e: -len(e[0]))


def _split_form(surface: str) -> tuple[list[str], list[str]]:
    pieces = list(_PIECE.finditer(surface))
    seps = [_sep(surface[a.end():b.start()]) for a, b in zip(pieces, pieces[1:], strict=False)]
    return [p.group() for p in pieces], seps


def _sep(between: str) -> str:
    if any(c in between for c in "-־–‑"):
        return "-"
    if between.strip() == "":
        return " "
    return "?" + between.strip()


@cache
def lexicon(lang: str, people: bool = True) -> _Lexicon:
    """Every known state, place and organization (and, with ``people``, the gazetteer's people)."""
    lex = _Lexicon(lang)
    data_lang = lang_code(lang)
    gaz = resources.load(data_lang, "gazetteer")
    en_names = Locale("en").territories
    local = Locale(data_lang).territories
    for code, name in sorted(local.items()):
        if len(code) == 2 and code.isalpha() and code not in _NOT_TERRITORY and code in en_names:
            lex.add(name, _Form(f"country:{code}", "country", en_names[code], code, "name", name))
    for section, etype in (("countries", "country"), ("historical", "country")):
        for entry in gaz.get(section) or []:
            code = str(entry.get("code", ""))
            canonical = entry.get("canonical") or en_names.get(code, code)
            key = f"country:{code}"
            for name in entry.get("names") or []:
                lex.add(str(name), _Form(key, etype, canonical, code, "name", str(name)))
            for dem in entry.get("demonyms") or []:
                lex.add(str(dem), _Form(key, etype, canonical, code, "demonym", str(dem)))
            for dem in entry.get("definite_demonyms") or []:
                lex.add(str(dem), _Form(key, etype, canonical, code, "definite", str(dem)))
    for entry in gaz.get("places") or []:
        key = f"place:{entry['canonical']}"
        for name in entry.get("names") or []:
            lex.add(str(name), _Form(key, "place", entry["canonical"], str(entry.get("country", "")), "name", str(name)))
    for entry in gaz.get("organizations") or []:
        key = f"organization:{entry['canonical']}"
        for name in entry.get("names") or []:
            lex.add(str(name), _Form(key, "organization", entry["canonical"], "", "demonym", str(name)))
        for acr in entry.get("acronyms") or []:
            lex.add(str(acr), _Form(key, "organization", entry["canonical"], "", "acronym", str(acr)))
    if people:
        for entry in gaz.get("people") or []:
            key = f"person:{entry['canonical']}"
            for name in entry.get("names") or []:
                lex.add(str(name), _Form(key, "person", entry["canonical"], "", "name", str(name)))
    return lex


@dataclass(frozen=True)
class _Rules:
    he: bool
    prefixes: tuple[str, ...]
    name_prefixes: tuple[str, ...]
    titles: tuple[tuple[str, ...], ...]
    attribution: tuple[tuple[str, ...], ...]
    not_name: frozenset[str]
    org_heads: dict[tuple[str, ...], str]
    speech: frozenset[str]


@cache
def rules(lang: str) -> _Rules:
    """The cue words of ``lang``: titles, attributions, organization heads, non-name words."""
    dl = lang_code(lang)
    he = dl == "he"
    titles_data = resources.load(dl, "titles")
    names = resources.load(dl, "names")
    prefixes = resources.load(dl, "prefixes")

    def pieces(phrases) -> tuple[tuple[str, ...], ...]:
        out = {tuple(p.lower() if not he else p for p in _split_form(str(x))[0]) for x in phrases or []}
        return tuple(sorted((p for p in out if p), key=len, reverse=True))

    speech = frozenset(str(v) if he else str(v).lower() for v in titles_data.get("speech_verbs") or [])
    not_name = set(structure.stopwords(dl)) | {str(w).lower() for w in names.get("not_name_words") or []}
    not_name |= speech
    heads = {}
    for kind, words in (names.get("org_heads") or {}).items():
        for w in words:
            heads[tuple(_split_form(str(w))[0])] = kind
    return _Rules(
        he=he,
        prefixes=tuple(sorted(prefixes.get("combinations", []), key=len, reverse=True)),
        name_prefixes=tuple(sorted(prefixes.get("name_combinations", []), key=len, reverse=True)),
        titles=pieces(titles_data.get("titles")),
        attribution=pieces(titles_data.get("attribution")),
        not_name=frozenset(not_name),
        org_heads=heads,
        speech=speech,
    )


@dataclass
class Found:
    """The entities of a text (in order of first mention) and their mentions (in text order)."""

    entities: list[Entity]
    mentions: list[Mention]


def extract(body: str, spans: list[tuple[int, int]], lang: str, gazetteer_people: bool = True) -> Found:
    """Find the entities mentioned in ``body[start:end]`` for each ``(start, end)`` in ``spans``."""
    lex = lexicon(lang, gazetteer_people)
    r = rules(lang)
    sentences = [_pieces(body, s, e, r.he) for s, e in spans]

    # Scanning is sentence by sentence, each with an index of what it already knows, so that
    # the cost grows with the text, not with its square.
    per_sentence = [_scan_known(body, ps, lex, r) for ps in sentences]
    # Gazetteer people join the cue-found ones, so their surnames are followed up too.
    listed = [(k[0], k[1], k[3]) for found in per_sentence for k in found if k[2].type == "person"]
    known_lists = [_Known(k for k in found if k[2].type != "person") for found in per_sentence]
    orgs_lists = [_scan_orgs(body, ps, lex, r, kn) for ps, kn in zip(sentences, known_lists, strict=True)]
    places_lists = [_scan_places(body, ps, lex, r, kn) for ps, kn in zip(sentences, known_lists, strict=True)]
    candidates = []
    for ps, kn, orgs in zip(sentences, known_lists, orgs_lists, strict=True):
        candidates.extend(_person_candidates(body, ps, lex, r, _Known([*kn, *orgs])))
    everything = [_Known([*kn, *orgs, *places]) for kn, orgs, places in zip(known_lists, orgs_lists, places_lists, strict=True)]
    person_mentions = _person_mentions(body, sentences, candidates + listed, r, everything)

    raw = sorted((k for kn in everything for k in kn), key=lambda k: (k[0], -k[1]))
    mentions: list[Mention] = []
    forms: dict[str, _Form] = {}
    seen_names: dict[str, Counter] = defaultdict(Counter)
    people_spans = _Spans((m.char_start, m.char_end) for m in person_mentions)
    reach = -1  # end of the last non-state mention kept (raw is in text order)
    for s, e, form, surface in raw:
        if form.type != "country" and (s < reach or people_spans.overlaps(s, e)):
            continue  # inside a person's name (or a longer match)
        mentions.append(Mention(form.key, s, e, body[s:e]))
        forms.setdefault(form.key, form)
        if form.kind == "name":
            seen_names[form.key][surface] += 1
        if form.type != "country":
            reach = max(reach, e)
    mentions.extend(person_mentions)
    mentions.sort(key=lambda m: (m.char_start, m.char_end))

    entities: dict[str, Entity] = {}
    person_names = {m.key: m.key.split(":", 1)[1] for m in person_mentions}
    for m in mentions:
        if m.key in entities:
            continue
        if m.key in person_names:
            name = person_names[m.key]
            form = lex_person(lex, name)
            canonical = form.canonical if form else ("" if r.he else name)
            entities[m.key] = Entity(m.key, "person", name, canonical)
            continue
        form = forms[m.key]
        names = seen_names.get(m.key)
        name = names.most_common(1)[0][0] if names else lex.primary.get(m.key, form.surface)
        canonical = form.canonical or ("" if r.he else name)
        entities[m.key] = Entity(m.key, form.type, name, canonical, form.code)
    return Found(list(entities.values()), mentions)


def lex_person(lex: _Lexicon, name: str) -> _Form | None:
    """The gazetteer entry for a person's name, if there is one."""
    pieces, seps = _split_form(name)
    for entry in lex.by_first.get(pieces[0] if pieces else "", []):
        if list(entry[0]) == pieces and entry[2].type == "person":
            return entry[2]
    return None


# --- scanning ------------------------------------------------------------------------------

def _pieces(body: str, start: int, end: int, he: bool) -> list[_Piece]:
    out = []
    for m in _PIECE.finditer(body, start, end):
        text = m.group()
        e = m.end()
        if text.endswith(("'", "׳")) and he is False:
            text, e = text[:-1], e - 1
        out.append(_Piece(m.start(), e, text))
    return out


_OPTIONS: dict[tuple[str, bool, bool], list[tuple[str, str]]] = {}


def _strip_options(piece: str, r: _Rules, name_only: bool) -> list[tuple[str, str]]:
    """(prefix, remainder) readings of a piece: itself, then with each prefix removed."""
    key = (piece, r.he, name_only)
    cached = _OPTIONS.get(key)
    if cached is None:
        cached = _OPTIONS[key] = _strip(piece, r, name_only)
    return cached


def _strip(piece: str, r: _Rules, name_only: bool) -> list[tuple[str, str]]:
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


def _match_at(body: str, ps: list[_Piece], i: int, lex: _Lexicon, r: _Rules):
    """The longest known form starting at piece ``i``: (end piece index, form, surface) or None."""
    best = None
    for prefix, rest in _strip_options(ps[i].text, r, name_only=False):
        for pieces, seps, form in lex.by_first.get(rest, ()):
            n = len(pieces)
            if best is not None and n <= best[0] - i:
                continue
            if "ה" in prefix and form.kind == "name":
                continue  # a proper name never takes the definite article
            if form.kind == "definite" and "ה" not in prefix:
                continue  # ambiguous without the article (סיני: Chinese or Sinai)
            if i + n > len(ps) or any(ps[i + k].text != pieces[k] and (r.he or _bare(ps[i + k].text) != pieces[k])
                                      for k in range(1, n)):
                continue
            if any(_sep(body[ps[i + k].end:ps[i + k + 1].start]) != seps[k] for k in range(n - 1)):
                continue
            best = (i + n, form, " ".join(pieces) if not seps else _join(pieces, seps))
    return best


def _join(pieces: tuple[str, ...] | list[str], seps: tuple[str, ...] | list[str]) -> str:
    out = pieces[0]
    for sep, p in zip(seps, pieces[1:], strict=True):
        out += ("-" if sep == "-" else " ") + p
    return out


def _scan_known(body: str, ps: list[_Piece], lex: _Lexicon, r: _Rules):
    found = []
    i = 0
    while i < len(ps):
        m = _match_at(body, ps, i, lex, r)
        if m is None:
            i += 1
            continue
        end, form, _ = m
        # The surface as written (with its own spacing and stops), without prefix letters.
        form_pieces = _split_form(form.surface)[0]
        prefix_len = len(ps[i].text) - len(form_pieces[0])
        last = ps[end - 1]
        stop = _without_possessive(body, last) if not r.he and last.text != form_pieces[-1] else last.end
        surface = structure.collapse(body[ps[i].start + max(prefix_len, 0):stop])
        found.append((ps[i].start, stop, form, surface))
        i = end
    return found


class _Known(list):
    """A sentence's known mentions, indexed by where they start."""

    def __init__(self, items=()) -> None:
        super().__init__(items)
        self.by_start: dict[int, tuple] = {}
        for k in self:
            self.by_start.setdefault(k[0], k)
        self.spans = _Spans((k[0], k[1]) for k in self)


class _Spans:
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


def _known_at(known: _Known, start: int):
    return known.by_start.get(start)


def _scan_orgs(body: str, ps: list[_Piece], lex: _Lexicon, r: _Rules, known):
    """Organizations named by a head word and what qualifies it (Hebrew), or by a capitalized
    run holding a head word (English)."""
    found = []
    covered = {i for i, p in enumerate(ps) if known.spans.covers(p.start)}
    i = 0
    while i < len(ps):
        if i in covered:
            i += 1
            continue
        hit = _org_at(body, ps, i, r, known) if r.he else _org_at_en(body, ps, i, r, known)
        if hit is None:
            i += 1
            continue
        end, kind, surface = hit
        s, e = ps[i].start, ps[end - 1].end
        form = _Form(f"organization:{surface}", "organization", "", "", "name", surface)
        found.append((s, e, form, surface))
        # "Workers' Party of Korea (WPK)": the acronym in brackets is another name of it.
        after = re.match(r"\s*\(([A-Z][A-Z.&]{1,9})\)", body[e:e + 14])
        if after:
            lex.add(after.group(1), _Form(form.key, "organization", "", "", "acronym", after.group(1)))
        i = end
    return found


_HEADS: dict[int, dict[str, list[tuple[tuple[str, ...], str]]]] = {}


def _heads_by_first(r: _Rules) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index = _HEADS.get(id(r))
    if index is None:
        index = defaultdict(list)
        for words, kind in r.org_heads.items():
            index[words[0]].append((words, kind))
        _HEADS[id(r)] = index
    return index


def _org_at(body, ps, i, r: _Rules, known):
    head = None
    heads = _heads_by_first(r)
    for prefix, rest in _strip_options(ps[i].text, r, name_only=False):
        for words, kind in heads.get(rest, ()):
            if all(i + k < len(ps) and ps[i + k].text == words[k] for k in range(1, len(words))):
                if head is None or len(words) > head[0]:
                    head = (len(words), kind, prefix)
    if head is None:
        return None
    n, kind, prefix = head
    j = i + n
    qualifiers = 0
    while j < len(ps) and qualifiers < 6 and not _punct_between(body, ps[j - 1], ps[j]):
        k = _known_at(known, ps[j].start)
        word = ps[j].text
        if k is not None and k[2].type in ("country", "place") and (k[2].kind == "demonym" or body[k[0]:k[1]] == k[3]):
            # only an unprefixed state qualifies the head: "שגרירות אלבניה", not "קונגרס במוסקבה"
            j = _piece_index_after(ps, k[1], j)
        elif word == "של" and j + 1 < len(ps) and _known_at(known, ps[j + 1].start):
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
    return j, kind, structure.collapse(surface)


def _org_at_en(body, ps, i, r: _Rules, known):
    # A run of capitalized words (with "of", "the", "and" inside) that holds a head word.
    if not ps[i].text[:1].isupper() or ps[i].text in r.not_name and ps[i].text not in ("People",):
        return None
    j = i
    has_head = False
    while j < len(ps):
        w = ps[j].text
        if j > i and _punct_between(body, ps[j - 1], ps[j]) and "'" not in body[ps[j - 1].end:ps[j].start]:
            break
        if w[:1].isupper():
            has_head = has_head or any(w == h[0] for h in r.org_heads)
            j += 1
        elif w in ("of", "the", "and", "for") and j + 1 < len(ps) and ps[j + 1].text[:1].isupper():
            j += 1
        else:
            break
    if not has_head or j - i < 2:
        return None
    while j > i and not ps[j - 1].text[:1].isupper():
        j -= 1
    surface = structure.collapse(body[ps[i].start:ps[j - 1].end])
    if surface.startswith(("The ", "the ")):
        surface = surface[4:]
    return j, "organization", surface


def _piece_index_after(ps: list[_Piece], end: int, j: int) -> int:
    while j < len(ps) and ps[j].start < end:
        j += 1
    return j


def _punct_between(body: str, a: _Piece, b: _Piece) -> bool:
    between = body[a.end:b.start]
    return bool(between.strip(" \t-־–"))


def _scan_places(body, ps, lex, r: _Rules, known):
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
            if not ps[i].text.startswith("ב") or len(ps[i].text) < 4:
                continue
            word = ps[i].text[1:]
        else:
            word = ps[i].text
            if i == 0 or ps[i - 1].text not in ("in", "at", "near") or not word[:1].isupper():
                continue
        if word.lower() in r.not_name or word[0].isdigit():
            continue
        s = ps[i].start
        found.append((s, ps[i].end, _Form(f"place:{word}", "place", "" if r.he else word, nxt[2].code, "name", word), word))
    return found


# --- people --------------------------------------------------------------------------------

_PHRASE_INDEX: dict[int, tuple[tuple, dict[str, list[tuple[str, ...]]]]] = {}


def _by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    # Keyed by identity: the phrase tuples live as long as the cached rules that hold them.
    hit = _PHRASE_INDEX.get(id(phrases))
    if hit is None or hit[0] is not phrases:
        index: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for phrase in phrases:  # already longest first
            index[phrase[0]].append(phrase)
        hit = _PHRASE_INDEX[id(phrases)] = (phrases, index)
    return hit[1]


def _phrase_at(ps: list[_Piece], i: int, phrases, r: _Rules, allow_prefix: bool) -> int | None:
    """End index of the longest phrase of ``phrases`` starting at piece ``i``."""
    options = _strip_options(ps[i].text, r, name_only=False) if allow_prefix else [("", ps[i].text)]
    index = _by_first(phrases)
    best = None
    for _, rest in options:
        for phrase in index.get(rest if r.he else rest.lower(), ()):
            if i + len(phrase) > len(ps):
                continue
            if all((ps[i + k].text if r.he else ps[i + k].text.lower()) == phrase[k] for k in range(1, len(phrase))):
                if best is None or i + len(phrase) > best:
                    best = i + len(phrase)
                break
    return best


def _name_like(word: str, r: _Rules, first: bool, lex: _Lexicon) -> bool:
    if not word or word[0].isdigit():
        return False
    if word.lower() in r.not_name or word in r.not_name:
        return False
    if r.he:
        if word.startswith("ה") and "'" not in word and "׳" not in word:
            return False  # a definite noun, not a name (הוג'ה keeps its geresh)
        if not first:
            for _, rest in _strip_options(word, r, name_only=False)[1:]:
                whole_form = any(len(e[0]) == 1 for e in lex.by_first.get(rest, ()))
                if len(rest) >= 3 and (rest in r.not_name or whole_form):
                    return False  # בטירנה, בביקור: a prefix on a known word, not a name
        return True
    if word.lower() in _NAME_PARTICLES and not first:
        return True
    return word[:1].isupper() and word not in ("I",)


def _read_name(body, ps, j, r: _Rules, lex, known, max_words: int) -> tuple[int, int] | None:
    """Name pieces from ``j``: returns (start piece, end piece) or None."""
    # Skip qualifiers: "של", known states/organizations, their adjectives.
    steps = 0
    while j < len(ps) and steps < 8:
        k = _known_at(known, ps[j].start)
        if k is not None and k[2].type in ("country", "organization", "place"):
            j = _piece_index_after(ps, k[1], j)
        elif ps[j].text in ("של", "of", "the"):
            j += 1
        else:
            break
        steps += 1
    if j >= len(ps):
        return None
    start = j
    words = 0
    while j < len(ps) and words < max_words:
        if j > start and _punct_between(body, ps[j - 1], ps[j]):
            if not (not r.he and re.fullmatch(r"\.\s*", body[ps[j - 1].end:ps[j].start]) and len(ps[j - 1].text) == 1):
                break
        if _known_at(known, ps[j].start) is not None:
            break
        if not _name_like(ps[j].text, r, j == start, lex):
            break
        # A hyphenated name counts as one word (איל-סונג, Il-sung).
        while j + 1 < len(ps) and _sep(body[ps[j].end:ps[j + 1].start]) == "-" and not body[ps[j].end:ps[j + 1].start].strip("-־‑"):
            j += 1
        j += 1
        words += 1
    if j == start:
        return None
    if r.he and words == max_words and j < len(ps) and not _punct_between(body, ps[j - 1], ps[j]):
        # A third word carrying transliteration marks (גמאל עבד אל-נאצר) still belongs to the name.
        k = j
        while k + 1 < len(ps) and body[ps[k].end:ps[k + 1].start] in ("-", "־", "‑"):
            k += 1
        third = body[ps[j].start:ps[k].end]
        # (its first part may be a particle that is also a word: אל-נאצר)
        if ("'" in third or "-" in third or "־" in third) and _known_at(known, ps[j].start) is None \
                and _new_given_name(third, r, known):
            j = k + 1
    if not r.he and all(p.text.lower() in _NAME_PARTICLES for p in ps[start:j]):
        return None
    return start, j


def _person_candidates(body, ps, lex, r: _Rules, known):
    """(start, end, name, with_prefix_start) for names after a title or attribution."""
    out = []
    max_words = 2 if r.he else 4
    i = 0
    while i < len(ps):
        end = _phrase_at(ps, i, r.titles, r, allow_prefix=r.he) or _phrase_at(ps, i, r.attribution, r, allow_prefix=False)
        if end is None:
            i += 1
            continue
        # A title after an attribution ("לדברי ההיסטוריון X") or a chain of titles.
        attributed = _phrase_at(ps, i, r.titles, r, allow_prefix=r.he) is None
        while end < len(ps):
            if not r.he and ps[end].text.lower() in ("the", "a", "an") and end + 1 < len(ps):
                if _phrase_at(ps, end + 1, r.titles, r, allow_prefix=False):
                    end += 1  # "according to the historian X"
            more = _phrase_at(ps, end, r.titles, r, allow_prefix=r.he)
            if more is None:
                break
            end = more
        if end < len(ps) and _punct_between(body, ps[end - 1], ps[end]) and body[ps[end - 1].end:ps[end].start].strip() not in (",", "."):
            i = end
            continue
        span = _read_name(body, ps, end, r, lex, known, max_words)
        if span is not None and attributed and r.he and len(_words(body, ps[span[0]:span[1]])) < 2:
            span = None  # "לפי סעיף": after an attribution alone, a one-word "name" is a noun
        if span is not None:
            a, b = span
            e = _without_possessive(body, ps[b - 1])
            out.append((ps[a].start, e, structure.collapse(body[ps[a].start:e])))
            i = b
        else:
            i = end
    if not r.he:
        out.extend(_speaker_before_verb(body, ps, r, lex, known))
    return out


def _speaker_before_verb(body, ps, r: _Rules, lex, known):
    """English "Hoxha wrote", "Kim Il-sung said": capitalized names right before a speech verb."""
    out = []
    for i, p in enumerate(ps):
        if p.text.lower() not in r.speech or i == 0:
            continue
        j = i
        title_words = {w for phrase in r.titles for w in phrase}
        while j > 0 and not _punct_between(body, ps[j - 1], ps[j]) and ps[j - 1].text[:1].isupper() \
                and _name_like(ps[j - 1].text, r, True, lex) and _known_at(known, ps[j - 1].start) is None \
                and ps[j - 1].text.lower() not in title_words:
            j -= 1
        if j < i and i - j <= 4:
            e = _without_possessive(body, ps[i - 1])
            out.append((ps[j].start, e, structure.collapse(body[ps[j].start:e])))
    return out


def _words(body: str, ps: list[_Piece]) -> list[_Piece]:
    """Pieces joined by a bare hyphen (איל-סונג, Il-sung) as one word."""
    words: list[_Piece] = []
    for p in ps:
        if words and words[-1].end < p.start and body[words[-1].end:p.start] in ("-", "־", "‑"):
            w = words[-1]
            words[-1] = _Piece(w.start, p.end, body[w.start:p.end])
        else:
            words.append(p)
    return words


def _without_possessive(body: str, piece: _Piece) -> int:
    """End offset of a name's last piece without an English possessive ('s)."""
    return piece.end - 2 if piece.text[-2:] in ("'s", "’s") and len(piece.text) > 2 else piece.end


def _bare(word: str) -> str:
    return word[:-2] if word[-2:] in ("'s", "’s") and len(word) > 2 else word


def _person_mentions(body, sentences, candidates, r: _Rules, known) -> list[Mention]:
    """Every mention of every person: the cue-found names, their full-name and short-form
    recurrences, each short form given to the most recent person it belongs to."""
    names: dict[str, int] = {}  # full name -> where it was first found
    singles: set[str] = set()
    for s, _e, name in sorted(candidates):
        if len(name.split()) >= 2 or not r.he:
            names.setdefault(name, s)
        else:
            singles.add(name)
    by_word: dict[str, set[str]] = defaultdict(set)

    def register(name: str) -> None:
        for w in (w.rstrip(".") for w in name.split()):
            if len(w) >= 3 or (r.he and len(w) >= 2 and ("'" in w or "׳" in w)):
                if w.lower() not in r.not_name and not (not r.he and w.lower() in _NAME_PARTICLES):
                    by_word[w].add(name)

    for name in list(names):
        register(name)
    # English: "Kim" found after a title is Kim Il-sung when that full name is known.
    for name in list(names):
        if len(name.split()) == 1 and name in by_word and by_word[name] - {name}:
            del names[name]
    for name in singles:
        if name not in by_word:
            names[name] = 0
            register(name)
    occupied = _Spans((k[0], k[1]) for kn in known for k in kn)
    title_words = {w for phrase in r.titles for w in phrase}
    first_words: dict[str, list[tuple[str, list[str]]]] = {}
    first_words_of: dict[str, str] = {}
    hits: list[tuple[int, int, str, str]] = []  # start, end, name, full/short
    for ps, kn in zip(sentences, known, strict=True):
        words = _words(body, ps)
        i = 0
        while i < len(words):
            best = None
            if len(first_words_of) != len(names):
                first_words_of.clear()
                first_words.clear()
                for name in names:
                    parts = [w.rstrip(".") for w in name.split()]  # "Dwight D. Eisenhower": initials
                    first_words.setdefault(parts[0], []).append((name, parts))
                    first_words_of[name] = parts[0]
            for _, rest in _strip_options(words[i].text, r, name_only=True):
                for name, parts in first_words.get(rest, ()):
                    if i + len(parts) > len(words):
                        continue
                    if all(_bare(words[i + k].text) == parts[k] for k in range(1, len(parts))):
                        if best is None or len(parts) > best[0]:
                            best = (len(parts), name, "full")
                if best is None and not r.he and i + 1 < len(words) and rest.lower() not in title_words \
                        and any(o.split()[-1] == words[i + 1].text for o in by_word.get(words[i + 1].text, ())) \
                        and not _punct_between(body, words[i], words[i + 1]) and _new_given_name(rest, r, kn) \
                        and rest not in by_word and _known_at(kn, words[i].start) is None:
                    # A new given name before a known surname: another person (Allen Dulles).
                    new = f"{rest} {words[i + 1].text}"
                    names[new] = words[i].start
                    register(new)
                    best = (2, new, "full")
                if best is None and rest in by_word:
                    nxt = words[i + 1] if i + 1 < len(words) else None
                    if nxt is not None and not _punct_between(body, words[i], nxt) and _new_given_name(nxt.text, r, kn):
                        # A known family name with a new given name: another person (קים ג'ונג-און).
                        new = f"{rest} {nxt.text}"
                        names[new] = words[i].start
                        register(new)
                        best = (2, new, "full")
                    else:
                        best = (1, rest, "short")
            if best is None:
                i += 1
                continue
            n, name, how = best
            s, e = words[i].start, _without_possessive(body, words[i + n - 1])
            if not occupied.covers(s):
                hits.append((s, e, name, how))
            i += n
    mentions = []
    last_seen: dict[str, int] = {}
    for s, e, name, how in sorted(hits):
        if how == "full":
            key = name
        else:
            owners = by_word[name]
            before = [o for o in owners if o in last_seen]
            key = max(before, key=lambda o: last_seen[o]) if before else min(owners, key=lambda o: (names.get(o, 0), o))
        last_seen[key] = s
        mentions.append(Mention(f"person:{key}", s, e, body[s:e]))
    return mentions


def _new_given_name(word: str, r: _Rules, known) -> bool:
    if word.lower() in r.not_name or word in r.not_name:
        return False
    if r.he:
        # Transliterated given names carry a geresh or join two syllables with a hyphen
        # (ג'ונג-און); a number (ב-1964) or gershayim (ש"אי-הזדהות) mark something else.
        if not re.fullmatch(r"[\u05d0-\u05ea]+(?:['׳][\u05d0-\u05ea]*)*(?:-[\u05d0-\u05ea]{2,}(?:['׳][\u05d0-\u05ea]*)*)?", word):
            return False
        return ("'" in word or "׳" in word or "-" in word) and not word.startswith("ה")
    return word[:1].isupper()
