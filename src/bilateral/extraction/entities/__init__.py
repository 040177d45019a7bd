"""People, states, organizations and places, and every sentence that mentions them.

States come from CLDR through babel (every current country, in the article's language) plus the
gazetteer's historical states and demonyms; places and organizations from the gazetteer and from
general cues; people from cues, not from a list. The work is split by concern:

- :mod:`.lexicon`: what is known before the article is read (forms, cue words), cached read-only;
- :mod:`.scanning`: a sentence's pieces and the known names found in them;
- :mod:`.organizations`: organizations and places named by cues;
- :mod:`.people`: people named after a title, an attribution or before a verb of saying;
- :mod:`.untitled`: people named without a title (a cue verb, an apposition, a given name);
- :mod:`.copula`: people joined to a role by a copula (``שגריר X הוא Y``, ``Y is the ambassador``);
- :mod:`.recurrences`: every later use of each person's name;
- :mod:`.parties`: the two parties the title names;
- :mod:`.linked`: the article's links (a sidecar) as its own gazetteer.

Nothing one article adds (an acronym it defines, its title's parties, its links) reaches the
shared lexicon: each article reads it through an :class:`~.lexicon.ArticleLexicon` of its own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...reading.links import Link
from .copula import copula_candidates
from .lexicon import ArticleLexicon, Form, Lexicon, Piece, Rules, lex_person, lexicon, rules
from .linked import linked, linked_parties
from .organizations import scan_orgs, scan_places
from .parties import Party, title_parties
from .people import person_candidates
from .recurrences import person_mentions
from .scanning import Hit, Known, Spans, pieces, scan_known
from .untitled import untitled_candidates

__all__ = ["TYPES", "Entity", "Found", "Mention", "Party", "extract", "lexicon", "linked_parties", "rules", "title_parties"]

TYPES = ("person", "country", "organization", "place")

#: Articles up to this many characters keep their sentences' pieces between the scan's passes.
KEEP_PIECES = 500_000


@dataclass(frozen=True)
class Entity:
    """One person, state, organization or place."""

    key: str
    type: str
    name: str
    canonical: str
    code: str = ""
    wikidata_id: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an entity is named: ``text`` is the surface form with any prefix letters."""

    key: str
    char_start: int
    char_end: int
    text: str


@dataclass
class Found:
    """The entities of a text (in order of first mention) and their mentions (in text order)."""

    entities: list[Entity]
    mentions: list[Mention]


def extract(body: str, spans: list[tuple[int, int]], lang: str, gazetteer_people: bool = True,
            own: Iterable[Form] = (), links: Sequence[Link] | None = None) -> Found:
    """Find the entities mentioned in ``body[start:end]`` for each ``(start, end)`` in ``spans``;
    ``own`` are forms this article alone knows (its title's unknown parties), ``links`` the pages
    it links to (its own gazetteer, with Wikidata ids)."""
    base = lexicon(lang, gazetteer_people)
    lex = ArticleLexicon(base)
    link = linked(links, base)
    for form in [*link.forms, *own]:  # a link knows more than the title (a Wikidata id)
        lex.add(form.surface, form)
    r = rules(lang)

    # Sentence by sentence, in three passes that keep only what they found, never an index per
    # sentence. A long article's sentences are cut into pieces anew in each pass, so that its
    # memory follows the longest sentence and the mentions, not its length; a short one keeps
    # its pieces (a few MB at most), which saves a fifth of the scan.
    if len(body) <= KEEP_PIECES:
        kept = [pieces(body, s, e, r.he) for s, e in spans]

        def sentences():
            return iter(kept)
    else:
        def sentences():
            return (pieces(body, s, e, r.he) for s, e in spans)

    known, listed, orgs_lists, acronyms = _known_and_organizations(body, sentences(), lex, r)
    candidates = [(-1, -1, name) for name in link.people]  # known before the text is read
    for i, ps in enumerate(sentences()):
        kn, orgs = Known(known[i]), list(orgs_lists[i])
        orgs_lists[i] = ()
        if acronyms.by_first:
            _add_acronyms(body, ps, acronyms, r, kn, orgs)
        places = scan_places(body, ps, lex, r, kn)
        with_orgs = Known([*kn, *orgs]) if orgs else kn
        joined = copula_candidates(body, ps, lex, r, with_orgs)
        taken = Spans((s, e) for s, e, _ in joined)
        # a name a copula joins to a role is read whole (מרינה קולובה, not רינה after a prefix)
        candidates.extend(c for c in person_candidates(body, ps, lex, r, with_orgs) if not taken.overlaps(c[0], c[1]))
        candidates.extend(c for c in untitled_candidates(body, ps, lex, r, with_orgs) if not taken.overlaps(c[0], c[1]))
        candidates.extend(joined)
        known[i] = (*kn, *orgs, *places)  # everything the sentence names but its people
    people = [Mention(f"person:{key}", s, e, body[s:e])
              for s, e, key in person_mentions(body, sentences(), candidates + listed, r, known)]
    mentions, forms, seen_names = _other_mentions(body, known, people, r.he)
    mentions.extend(people)
    mentions.sort(key=lambda m: (m.char_start, m.char_end))
    return Found(_entities(mentions, people, forms, seen_names, lex, r.he, link.ids), mentions)


def _known_and_organizations(body: str, sentences: Iterable[list[Piece]], lex: ArticleLexicon, r: Rules):
    """Each sentence's known names but people's (as a tuple), the gazetteer's people
    ``(start, end, name)``, and each sentence's organizations found by cues, with the acronyms
    the article defines for them ("Workers' Party of Korea (WPK)"), which count in the whole
    article (so :func:`_add_acronyms` looks for them once every sentence has been read)."""
    acronyms = Lexicon(r.lang)
    known: list[tuple[Hit, ...]] = []
    listed: list[tuple[int, int, str]] = []
    orgs_lists: list[tuple[Hit, ...]] = []
    for ps in sentences:
        found = scan_known(body, ps, lex, r)
        # Gazetteer people join the cue-found ones, so their surnames are followed up too.
        listed.extend((k[0], k[1], k[3]) for k in found if k[2].type == "person")
        kn = Known(k for k in found if k[2].type != "person")
        orgs_lists.append(tuple(scan_orgs(body, ps, acronyms, r, kn)))
        known.append(tuple(kn))
    return known, listed, orgs_lists, acronyms


def _add_acronyms(body: str, ps: list[Piece], acronyms: Lexicon, r: Rules, kn: Known, orgs: list[Hit]) -> None:
    """Add to a sentence's ``orgs`` the acronyms the article defines, where nothing else is."""
    taken = Spans([*((k[0], k[1]) for k in kn), *((o[0], o[1]) for o in orgs)])
    orgs.extend(h for h in scan_known(body, ps, acronyms, r) if not taken.overlaps(h[0], h[1]))
    orgs.sort(key=lambda h: h[0])


def _other_mentions(body: str, everything: list[tuple[Hit, ...]], people: list[Mention], he: bool = False):
    """Mentions of states, organizations and places outside people's names and longer matches;
    an English organization is named as the text most often writes it (Commonwealth, not
    Commonwealth of Nations)."""
    raw = sorted((k for kn in everything for k in kn), key=lambda k: (k[0], -k[1]))
    mentions: list[Mention] = []
    forms: dict[str, Form] = {}
    seen_names: dict[str, Counter] = defaultdict(Counter)
    people_spans = Spans((m.char_start, m.char_end) for m in people)
    reach = -1  # end of the last non-state mention kept (raw is in text order)
    opened = (-1, False)  # where the last mention kept starts, and whether it is an organization
    inside = Spans((m.char_start, m.char_end) for m in people if " " in m.text.strip())
    for s, e, form, surface in raw:
        if form.type != "country" and (s < reach or people_spans.overlaps(s, e)):
            continue  # inside a person's name (or a longer match)
        if form.type == "country" and inside.covers(s) and inside.covers(e - 1):
            continue  # a word of a person's name (Foreign Minister Israel Katzman, אורי לבנון)
        if form.type == "country" and opened == (s, True) and e < reach:
            continue  # the first word of an organization's name (Kenya African National Union)
        opened = (s, form.type == "organization")
        if form.type not in TYPES:  # a grouping of states: it only keeps other rules off its words
            reach = max(reach, e)
            continue
        mentions.append(Mention(form.key, s, e, body[s:e]))
        forms.setdefault(form.key, form)
        if form.kind == "name" or (not he and form.type == "organization" and form.kind != "acronym"):
            seen_names[form.key][surface] += 1
        if form.type != "country":
            reach = max(reach, e)
    return mentions, forms, seen_names


def _entities(mentions, people, forms, seen_names, lex, he: bool, ids: dict[str, str]) -> list[Entity]:
    """One entity per key, in order of first mention, named as the article most often writes it."""
    entities: dict[str, Entity] = {}
    person_names = {m.key: m.key.split(":", 1)[1] for m in people}
    for m in mentions:
        if m.key in entities:
            continue
        if m.key in person_names:
            name = person_names[m.key]
            form = lex_person(lex, name)
            canonical = form.canonical if form else ("" if he else name)
            entities[m.key] = Entity(m.key, "person", name, canonical, "", ids.get(m.key, ""))
            continue
        form = forms[m.key]
        names = seen_names.get(m.key)
        name = names.most_common(1)[0][0] if names else lex.primary_name(m.key, form.surface)
        canonical = form.canonical or ("" if he else name)
        entities[m.key] = Entity(m.key, form.type, name, canonical, form.code, ids.get(m.key, ""))
    return list(entities.values())
