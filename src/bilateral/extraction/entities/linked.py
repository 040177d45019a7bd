"""An article's links as its own gazetteer: every linked person, state, organization and place
is known to that article alone, under its English name and Wikidata id.

A linked state, place or organization the shared lexicon already knows keeps the shared key
(and so its ISO code); anything else gets a key of its own. Linked people are given to the
people finder as names already known, so that a mention of the family name alone counts for
them even where the full name never appears.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...reading.links import Link
from .lexicon import Form, Lexicon, split_form
from .parties import Party

_TYPES = {"person": "person", "state": "country", "organization": "organization", "place": "place"}
_DISAMBIGUATION = re.compile(r"\s*\([^()]*\)\s*$")  # "X (politician)"


@dataclass
class Linked:
    """What an article's links add: forms for the scan, the linked people's names, and the
    Wikidata id of each entity key and of each person's name."""

    forms: list[Form] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)


def linked(links: Sequence[Link] | None, base: Lexicon) -> Linked:
    """The forms and names that ``links`` give an article whose shared lexicon is ``base``."""
    out = Linked()
    for link in links or ():
        etype = _TYPES.get(link.type)
        if etype is None:
            continue
        for surface in _surfaces(link):
            form = _form(link, etype, surface, base)
            out.forms.append(form)
            out.ids.setdefault(form.key, link.wikidata_id)
        if etype == "person":
            name = _surfaces(link)[0]
            out.people.append(name)
            out.ids.setdefault(f"person:{name}", link.wikidata_id)
    return out


def _surfaces(link: Link) -> list[str]:
    """How the article may write the linked page: its label, then its title without a
    disambiguation in brackets."""
    out: list[str] = []
    for text in (link.label, _DISAMBIGUATION.sub("", link.title)):
        text = " ".join(text.split())
        if text and text not in out:
            out.append(text)
    return out


def _form(link: Link, etype: str, surface: str, base: Lexicon) -> Form:
    pieces, _ = split_form(surface)
    if etype != "person":
        for entry_pieces, _seps, known in base.entries(pieces[0] if pieces else ""):
            if entry_pieces == pieces and known.type == etype:
                return Form(known.key, etype, known.canonical, known.code, known.kind, surface)
    kind = "demonym" if etype == "organization" else "name"  # as the gazetteer's organizations
    key = f"person:{surface}" if etype == "person" else f"{etype}:{link.wikidata_id or surface}"
    return Form(key, etype, link.label_en or surface, "", kind, surface)


def linked_parties(parties: tuple[Party, ...], links: Sequence[Link] | None) -> tuple[Party, ...]:
    """The title's parties, a state no list knows taking its English name from a link to it."""
    by_name = {surface: link for link in links or () if link.type == "state" for surface in _surfaces(link)}
    out = []
    for party in parties:
        link = by_name.get(party.name) if party.type == "country" and not party.code else None
        out.append(Party(party.name, link.label_en or party.name, "", party.type) if link else party)
    return tuple(out)
