"""What is known before an article is read: the forms of states, places, organizations and
gazetteer people (indexed by their first piece), and the cue words of each language.

Both are cached per language and never changed after they are built: what one article defines
lives in that article's own :class:`ArticleLexicon`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

from babel import Locale

from ... import resources
from ...reading import structure
from ...vocab import lang_code
from ..memo import room

PIECE = re.compile(r"[^\W_]+(?:['׳\"״’][^\W_]+)*['׳]?")
# CLDR codes that are not states (the EU, the UN, the world, pseudo-locales, uninhabited islands).
_NOT_TERRITORY = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AQ", "BV", "HM", "UM", "CP", "DG", "EA", "IC", "TA", "AC"}


@dataclass(frozen=True, slots=True)
class Form:
    """One known way of writing an entity."""

    key: str
    type: str
    canonical: str
    code: str
    kind: str  # name, demonym, definite, acronym
    surface: str


class Piece(NamedTuple):  # (one per word: a named tuple is made twice as fast as a frozen dataclass)
    """A word-like run of a sentence (letters with inner geresh/apostrophes) and its offsets."""

    start: int
    end: int
    text: str


Entry = tuple[tuple[str, ...], tuple[str, ...], Form]


class Lexicon:
    """Known forms indexed by their first piece, for a fast token-by-token scan."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.he = lang_code(lang) == "he"
        self.by_first: dict[str, list[Entry]] = defaultdict(list)
        self.primary: dict[str, str] = {}
        self.readings: dict[str, tuple] = {}  # scanning.readings' memo (derived from the forms)

    def add(self, surface: str, form: Form) -> None:
        """Index ``form`` under the first piece of ``surface``."""
        pieces, seps = split_form(surface)
        if not pieces:
            return
        self.primary.setdefault(form.key, surface)
        entry = (pieces, seps, form)
        self.readings.clear()
        bucket = self.by_first[pieces[0]]
        if all(e[0] != entry[0] or e[1] != entry[1] or e[2].key != form.key for e in bucket):
            bucket.append(entry)
            bucket.sort(key=lambda e: -len(e[0]))

    def entries(self, first: str) -> list[Entry] | tuple[()]:
        """The forms whose first piece is ``first``, longest first."""
        return self.by_first.get(first, ())

    def primary_name(self, key: str, default: str) -> str:
        """The first surface indexed for ``key``."""
        return self.primary.get(key, default)


class ArticleLexicon:
    """The shared lexicon seen through one article's own forms (acronyms it defines, its
    links, its title's parties); adding to it never touches the shared, cached lexicon."""

    def __init__(self, base: Lexicon) -> None:
        self.base = base
        self.own = Lexicon(base.lang)
        self.lang, self.he = base.lang, base.he
        self._merged: dict[str, list[Entry]] = {}
        self._own_words: re.Pattern | None = None
        self.entries = base.entries  # until the article adds a form of its own

    def add(self, surface: str, form: Form) -> None:
        """Index ``form`` for this article only."""
        self.own.add(surface, form)
        self._merged.clear()
        self._own_words = None
        self.entries = self._entries

    def own_words(self) -> re.Pattern | None:
        """A pattern found in every word that may begin one of the article's own forms, or None."""
        if self._own_words is None and self.own.by_first:
            self._own_words = re.compile("|".join(map(re.escape, sorted(self.own.by_first, key=len, reverse=True))))
        return self._own_words

    def _entries(self, first: str) -> list[Entry] | tuple[()]:
        """The article's forms and the shared ones whose first piece is ``first``, longest first."""
        own = self.own.by_first.get(first)
        if not own:
            return self.base.entries(first)
        merged = self._merged.get(first)
        if merged is None:
            # Stable sort: at equal length the article's own forms come first.
            merged = self._merged[first] = sorted([*own, *self.base.entries(first)], key=lambda e: -len(e[0]))
        return merged

    def primary_name(self, key: str, default: str) -> str:
        """The first surface indexed for ``key`` (the article's own before the shared ones)."""
        return self.own.primary.get(key) or self.base.primary_name(key, default)


AnyLexicon = Lexicon | ArticleLexicon


@lru_cache(maxsize=8192)
def split_form(surface: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The pieces of a written form and the separators between them (see :func:`sep`)."""
    pieces = list(PIECE.finditer(surface))
    seps = tuple(sep(surface[a.end():b.start()]) for a, b in zip(pieces, pieces[1:], strict=False))
    return tuple(p.group() for p in pieces), seps


def sep(between: str) -> str:
    """A separator's class: ``-`` for any dash, `` `` for white space, else ``?`` and the text."""
    if any(c in between for c in "-־–‑"):
        return "-"
    if between.strip() == "":
        return " "
    return "?" + between.strip()


def join(pieces: tuple[str, ...] | list[str], seps: tuple[str, ...] | list[str]) -> str:
    """Pieces joined again, a hyphen where they were hyphenated and a space elsewhere."""
    out = pieces[0]
    for s, p in zip(seps, pieces[1:], strict=True):
        out += ("-" if s == "-" else " ") + p
    return out


@cache
def lexicon(lang: str, people: bool = True) -> Lexicon:
    """Every known state, place and organization (and, with ``people``, the gazetteer's people)."""
    lex = Lexicon(lang)
    data_lang = lang_code(lang)
    gaz = resources.load(data_lang, "gazetteer")
    en_names = Locale("en").territories
    local = Locale(data_lang).territories
    for code, name in sorted(local.items()):
        if len(code) == 2 and code.isalpha() and code not in _NOT_TERRITORY and code in en_names:
            lex.add(name, Form(f"country:{code}", "country", en_names[code], code, "name", name))
    for section in ("countries", "historical"):
        for entry in gaz.get(section) or []:
            _add_state(lex, entry, en_names)
    for entry in gaz.get("places") or []:
        key = f"place:{entry['canonical']}"
        for name in entry.get("names") or []:
            lex.add(str(name), Form(key, "place", entry["canonical"], str(entry.get("country", "")), "name", str(name)))
    media = resources.load(data_lang, "media").get("media") or []
    for entry in [*(gaz.get("organizations") or []), *media]:
        # a grouping (the Eastern Bloc) is known, so no rule reads it otherwise, but no organization
        etype = "grouping" if entry.get("kind") == "grouping" else "organization"
        key = f"{etype}:{entry['canonical']}"
        for name in entry.get("names") or []:
            lex.add(str(name), Form(key, etype, entry["canonical"], "", "demonym", str(name)))
        for acr in entry.get("acronyms") or []:
            lex.add(str(acr), Form(key, etype, entry["canonical"], "", "acronym", str(acr)))
    if people:
        # names.yml's mononyms: leaders named by one word whom the gazetteer's people leave out
        for entry in [*(gaz.get("people") or []), *(resources.load(data_lang, "names").get("mononyms") or [])]:
            key = f"person:{entry['canonical']}"
            for name in entry.get("names") or []:
                lex.add(str(name), Form(key, "person", entry["canonical"], "", "name", str(name)))
    return lex


def _add_state(lex: Lexicon, entry: dict, en_names) -> None:
    code = str(entry.get("code", ""))
    canonical = entry.get("canonical") or en_names.get(code, code)
    key = f"country:{code}"
    for section, kind in (("names", "name"), ("demonyms", "demonym"), ("definite_demonyms", "definite")):
        for name in entry.get(section) or []:
            lex.add(str(name), Form(key, "country", canonical, code, kind, str(name)))


def lex_person(lex: Lexicon | ArticleLexicon, name: str) -> Form | None:
    """The gazetteer entry for a person's name, if there is one."""
    pieces, _ = split_form(name)
    for entry in lex.entries(pieces[0] if pieces else ""):
        if entry[0] == pieces and entry[2].type == "person":
            return entry[2]
    return None


@dataclass(frozen=True, slots=True)
class Rules:
    """The cue words of one language."""

    lang: str
    he: bool
    prefixes: tuple[str, ...]
    name_prefixes: tuple[str, ...]
    titles: tuple[tuple[str, ...], ...]
    attribution: tuple[tuple[str, ...], ...]
    not_name: frozenset[str]
    org_heads: dict[tuple[str, ...], str]
    speech: frozenset[str]
    particles: frozenset[str] = frozenset()
    org_connectors: frozenset[str] = frozenset()
    org_topics: frozenset[str] = frozenset()  # connectors to a topic ("Committee on X"), not a date
    place_cues: frozenset[str] = frozenset()
    place_prefixes: tuple[str, ...] = ()
    qualifiers: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    never: frozenset[str] = frozenset()  # never a name: function words, months, weekdays, titles ...
    never_content: frozenset[str] = frozenset()  # ... of these, the content words
    given: frozenset[str] = frozenset()  # given names
    apposition_words: frozenset[str] = frozenset()  # between an apposition's comma and its title
    after_verbs: tuple[tuple[str, ...], ...] = ()  # verbs that, after a name, mark it as a person
    # English: of those, the ones that mark a name as a person's without a known given name
    person_verbs: frozenset[tuple[str, ...]] = frozenset()
    honorifics: frozenset[str] = frozenset()  # before a name, not part of it (Ratu, Sir, שייח')
    verb_patterns: tuple[re.Pattern, ...] = ()  # Hebrew verbs that begin with ה (הגיע, השתתף)
    title_words: frozenset[str] = frozenset()  # every word of a title (lower-cased in English)
    copulas: frozenset[str] = frozenset()  # "is" between a role and a name (הוא, היא; is, was)
    not_in_name: frozenset[str] = frozenset()  # English: demonyms, group and number words, never in a name
    never_patterns: tuple[re.Pattern, ...] = ()  # Hebrew word shapes never in a name (מתקיימים, וכוננו)
    clause_prefixes: tuple[str, ...] = ()  # a conjunction glued to a word (ש, ו): a clause, not a name
    adjective_endings: tuple[str, ...] = ()  # endings of a Hebrew adjective (ממשלתי, רשמית)
    openers: frozenset[str] = frozenset()  # function words that open a foreign name after a cue (או, עבד)
    after_name_markers: frozenset[str] = frozenset()  # after "verb X Y": the verb's object (את, עם)
    ordinals: frozenset[str] = frozenset()  # a monarch's number after the name (השני)
    months: frozenset[str] = frozenset()  # month names (a family name after a given name: פרידריך מרץ)
    role_time_words: frozenset[str] = frozenset()  # a role's dates between it and a copula (מאז, עד)
    role_markers: frozenset[str] = frozenset()  # before a name that a prefixed role follows (את, של)
    possessive_titles: frozenset[str] = frozenset()  # a title's last word with its owner as suffix (ממשלתה)
    place_heads: frozenset[str] = frozenset()  # English: words that end a place's name (Golan Heights)
    thing_words: frozenset[str] = frozenset()  # English: before a named thing, not a person (the freighter X)
    capital_particles: frozenset[str] = frozenset()  # English: particles written capitalized (Al, Bin)
    edge_prefixes: frozenset[str] = frozenset()  # a word with one of these before a name is no word of it
    # titles, attribution and after_verbs by their first word (longest phrase first), for phrase_at
    index: dict[str, dict[str, list[tuple[str, ...]]]] = field(default_factory=dict)

    def is_never(self, word: str) -> bool:
        """``word`` is never (part of) a name: a function word, month, weekday, title, state word;
        in Hebrew also with prefix letters (מנובמבר, כשגריר, שאינו)."""
        if not self.he:
            return word.lower() in self.never
        key = (self.lang, word)
        hit = _NEVER.get(key)
        if hit is None:
            # a known given name is itself, not a prefix on a function word (שלמה is not ש+למה)
            hit = room(_NEVER)[key] = word in self.never or word not in self.given and any(
                word.startswith(p) and len(word) - len(p) >= 3 and word[len(p):] in self.never for p in self.prefixes)
        return hit

    def verb_like(self, word: str) -> bool:
        """``word`` reads as a Hebrew verb beginning with ה (החליט, השתתף), not a family name."""
        return any(p.match(word) for p in self.verb_patterns)

    def shaped_never(self, word: str) -> bool:
        """``word`` has the shape of a plural participle or a past plural verb with ו
        (מתקיימים, וכוננו), never a word of a name unless it is a known given name."""
        return word not in self.given and any(p.match(word) for p in self.never_patterns)


_NEVER: dict[tuple[str, str], bool] = {}  # memo of Rules.is_never (a function of fixed data), bounded


@cache
def rules(lang: str) -> Rules:
    """The cue words of ``lang``: titles, attributions, organization heads, non-name words."""
    dl = lang_code(lang)
    he = dl == "he"
    titles_data = resources.load(dl, "titles")
    names = resources.load(dl, "names")
    prefixes = resources.load(dl, "prefixes")

    def pieces(phrases) -> tuple[tuple[str, ...], ...]:
        out = {tuple(p.lower() if not he else p for p in split_form(str(x))[0]) for x in phrases or []}
        return tuple(sorted((p for p in out if p), key=len, reverse=True))

    def listed(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in names.get(key) or [])

    speech = frozenset(str(v) if he else str(v).lower() for v in titles_data.get("speech_verbs") or [])
    after_verbs = pieces(resources.load(dl, "cues").get("after_name_verbs"))
    not_name = set(structure.stopwords(dl)) | {str(w).lower() for w in names.get("not_name_words") or []}
    not_name |= speech | {v[0] for v in after_verbs if len(v) == 1}
    titles = pieces(titles_data.get("titles"))
    heads = _org_heads(names)
    content = {w if he else w.lower() for w in names.get("never_names") or []}
    months = _month_names(dl)
    content |= months
    content |= {t[0] for t in titles if len(t) == 1}
    if not he:  # a one-word organization head alone is no name (Gazette, Ministry)
        content |= {h[0].lower() for h in heads if len(h) == 1}
    return Rules(
        lang=dl,
        he=he,
        prefixes=tuple(sorted(prefixes.get("combinations", []), key=len, reverse=True)),
        name_prefixes=tuple(sorted(prefixes.get("name_combinations", []), key=len, reverse=True)),
        titles=titles,
        attribution=pieces(titles_data.get("attribution")),
        not_name=frozenset(not_name),
        org_heads=heads,
        speech=speech,
        particles=listed("name_particles"),
        org_connectors=listed("org_connectors") | listed("org_topic_connectors"),
        org_topics=listed("org_topic_connectors"),
        place_cues=listed("place_cues"),
        place_prefixes=tuple(str(p) for p in names.get("place_prefixes") or []),
        qualifiers=listed("title_qualifiers"),
        articles=listed("articles"),
        never=frozenset(not_name | content),
        never_content=frozenset(content),
        given=frozenset(str(g) for part in ("given_names", "given_names_world")
                        for g in resources.load(dl, part).get("given_names") or []),
        after_verbs=after_verbs,
        person_verbs=frozenset(pieces(resources.load(dl, "cues").get("after_name_verbs_alone"))),
        honorifics=frozenset(str(w) for w in names.get("honorifics") or []),
        verb_patterns=tuple(re.compile(str(p)) for p in names.get("verb_patterns") or []),
        months=frozenset(months),
        **_name_shapes(dl, names),
        title_words=frozenset(w for phrase in titles for w in phrase),
        not_in_name=frozenset() if he else _not_in_name(dl, names),
        index={"titles": _by_first(titles), "attribution": _by_first(pieces(titles_data.get("attribution"))),
               "after_verbs": _by_first(after_verbs)},
    )


def _not_in_name(lang: str, names: dict) -> frozenset[str]:
    """Words that make a would-be name a group of people ("Two Australians", "Soviet Jewish"): the
    gazetteer's one-word demonyms, names.yml's group and number words; less known given names."""
    gaz = resources.load(lang, "gazetteer")
    words = {str(d) for section in ("countries", "historical") for entry in gaz.get(section) or []
             for d in entry.get("demonyms") or [] if " " not in str(d)}
    words |= {str(w) for key in ("group_words", "number_words") for w in names.get(key) or []}
    given = {str(g) for g in resources.load(lang, "given_names").get("given_names") or []}
    return frozenset(words - given)


def _name_shapes(lang: str, names: dict) -> dict:
    """The Rules fields on the shape of a name and its edges (names, cues, given_names.yml)."""
    cues = resources.load(lang, "cues")

    def words(data: dict, key: str) -> frozenset[str]:
        return frozenset(str(w) for w in data.get(key) or [])

    return {
        "never_patterns": tuple(re.compile(str(p)) for p in names.get("never_patterns") or []),
        "clause_prefixes": tuple(sorted((str(p) for p in names.get("clause_prefixes") or []), key=len, reverse=True)),
        "adjective_endings": tuple(str(e) for e in names.get("adjective_endings") or []),
        "openers": words(resources.load(lang, "given_names"), "name_openers"),
        "role_markers": words(cues, "role_markers"),
        "apposition_words": words(cues, "apposition_words"),
        "copulas": words(cues, "copulas"),
        "after_name_markers": words(cues, "after_name_markers"),
        "role_time_words": words(cues, "role_time_words"),
        "ordinals": words(names, "regnal_ordinals"),
        "edge_prefixes": words(names, "edge_prefixes"),
        "possessive_titles": words(names, "possessive_title_words"),
        "place_heads": words(names, "place_heads"),
        "thing_words": words(names, "thing_words"),
        "capital_particles": words(names, "capital_particles"),
    }


def _org_heads(names: dict) -> dict[tuple[str, ...], str]:
    """names.yml's organization head words, as pieces, with their kind (party, ministry ...)."""
    return {tuple(split_form(str(w))[0]): kind for kind, words in (names.get("org_heads") or {}).items()
            for w in words}


def _month_names(lang: str) -> set[str]:
    """Full month names (CLDR's, and in Hebrew the timex grammar's spellings too); abbreviations
    such as "Jan" are left out, since they are also given names."""
    months = Locale(lang).months
    names = {str(n) for width in ("format", "stand-alone") for n in months.get(width, {}).get("wide", {}).values()}
    if lang == "he":
        names |= {str(m) for m in resources.load(lang, "timex").get("months") or {}}
    return {n.lower() for n in names}


def _by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for phrase in phrases:  # already longest first
        index[phrase[0]].append(phrase)
    return dict(index)
