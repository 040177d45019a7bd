"""What is known before an article is read: the forms of states, places, organizations and
gazetteer people (indexed by their first piece), and the cue words of each language.

Both are cached per language and never changed after they are built: what one article defines
lives in that article's own :class:`ArticleLexicon`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from babel import Locale

from ... import resources
from ...reading import structure
from ...vocab import lang_code

PIECE = re.compile(r"[^\W_]+(?:['׳\"״’][^\W_]+)*['׳]?")
# CLDR codes that are not states (the EU, the UN, the world, pseudo-locales, uninhabited islands).
_NOT_TERRITORY = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AQ", "BV", "HM", "UM", "CP", "DG", "EA", "IC", "TA", "AC"}


@dataclass(frozen=True)
class Form:
    """One known way of writing an entity."""

    key: str
    type: str
    canonical: str
    code: str
    kind: str  # name, demonym, definite, acronym
    surface: str


@dataclass(frozen=True, slots=True)
class Piece:
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

    def add(self, surface: str, form: Form) -> None:
        """Index ``form`` under the first piece of ``surface``."""
        pieces, seps = split_form(surface)
        if not pieces:
            return
        self.primary.setdefault(form.key, surface)
        entry = (tuple(pieces), tuple(seps), form)
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

    def add(self, surface: str, form: Form) -> None:
        """Index ``form`` for this article only."""
        self.own.add(surface, form)
        self._merged.clear()

    def entries(self, first: str) -> list[Entry] | tuple[()]:
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


def split_form(surface: str) -> tuple[list[str], list[str]]:
    """The pieces of a written form and the separators between them (see :func:`sep`)."""
    pieces = list(PIECE.finditer(surface))
    seps = [sep(surface[a.end():b.start()]) for a, b in zip(pieces, pieces[1:], strict=False)]
    return [p.group() for p in pieces], seps


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
    for entry in gaz.get("organizations") or []:
        key = f"organization:{entry['canonical']}"
        for name in entry.get("names") or []:
            lex.add(str(name), Form(key, "organization", entry["canonical"], "", "demonym", str(name)))
        for acr in entry.get("acronyms") or []:
            lex.add(str(acr), Form(key, "organization", entry["canonical"], "", "acronym", str(acr)))
    if people:
        for entry in gaz.get("people") or []:
            key = f"person:{entry['canonical']}"
            for name in entry.get("names") or []:
                lex.add(str(name), Form(key, "person", entry["canonical"], "", "name", str(name)))
    return lex


def _add_state(lex: Lexicon, entry: dict, en_names) -> None:
    code = str(entry.get("code", ""))
    canonical = entry.get("canonical") or en_names.get(code, code)
    key = f"country:{code}"
    for field, kind in (("names", "name"), ("demonyms", "demonym"), ("definite_demonyms", "definite")):
        for name in entry.get(field) or []:
            lex.add(str(name), Form(key, "country", canonical, code, kind, str(name)))


def lex_person(lex: Lexicon | ArticleLexicon, name: str) -> Form | None:
    """The gazetteer entry for a person's name, if there is one."""
    pieces, _ = split_form(name)
    for entry in lex.entries(pieces[0] if pieces else ""):
        if list(entry[0]) == pieces and entry[2].type == "person":
            return entry[2]
    return None


@dataclass(frozen=True)
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
    place_cues: frozenset[str] = frozenset()
    place_prefixes: tuple[str, ...] = ()
    qualifiers: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()


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
    not_name = set(structure.stopwords(dl)) | {str(w).lower() for w in names.get("not_name_words") or []}
    not_name |= speech
    heads = {}
    for kind, words in (names.get("org_heads") or {}).items():
        for w in words:
            heads[tuple(split_form(str(w))[0])] = kind
    return Rules(
        lang=dl,
        he=he,
        prefixes=tuple(sorted(prefixes.get("combinations", []), key=len, reverse=True)),
        name_prefixes=tuple(sorted(prefixes.get("name_combinations", []), key=len, reverse=True)),
        titles=pieces(titles_data.get("titles")),
        attribution=pieces(titles_data.get("attribution")),
        not_name=frozenset(not_name),
        org_heads=heads,
        speech=speech,
        particles=listed("name_particles"),
        org_connectors=listed("org_connectors"),
        place_cues=listed("place_cues"),
        place_prefixes=tuple(str(p) for p in names.get("place_prefixes") or []),
        qualifiers=listed("title_qualifiers"),
        articles=listed("articles"),
    )
