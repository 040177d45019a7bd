"""Entities as a reader meets them, in one place for the charts, the narrative and the tables:
the display name of an entity, and the ranking of actors by mentions."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from ..tables import Tables
from .chronology import cell_text as text

_ARTICLE = re.compile(r"^the\s+", re.I)


def plain(name: str) -> str:
    """A name without a leading English article, case-folded, for comparing "the United States"
    with "United States"."""
    return _ARTICLE.sub("", name.strip()).casefold()


def name_parts(name: object, canonical: object, lang: str) -> tuple[str, str]:
    """An entity's name in text of ``lang``: (the name as the article writes it, its English
    name beside it or ''). English text gives the English name beside a name written otherwise
    (Hebrew with English beside it); Hebrew text gives the name alone."""
    name, canonical = text(name), text(canonical)
    if lang == "he" or not canonical or plain(canonical) == plain(name):
        return name, ""
    return name, canonical


def display_name(name: object, canonical: object, lang: str) -> str:
    """:func:`name_parts` as one label: ``אלבניה (Albania)`` in English, ``אלבניה`` in Hebrew.
    A left-to-right mark leads an English label so that a Hebrew name does not turn its line
    right to left."""
    written, english = name_parts(name, canonical, lang)
    if not english:
        return written
    return f"\u200e{written} ({english})" if re.search("[\u0590-\u05ff]", written) else f"{written} ({english})"


def ranking(tables: Tables, types: Iterable[str] | None = ("person",), n: int | None = None) -> pd.DataFrame:
    """The entities of ``types`` (None: every type) that are mentioned, most mentioned first
    (ties: first mentioned first); the first ``n`` when given."""
    if n is not None and n < 0:
        raise ValueError(f"n must be 0 or more, not {n}")
    ents = tables.entities
    if types is not None:
        ents = ents[ents.type.isin(list(types))]
    ents = ents[ents.n_mentions > 0]
    ranked = ents.sort_values(["n_mentions", "entity_id"], ascending=[False, True], kind="stable")
    return (ranked if n is None else ranked.head(n)).reset_index(drop=True)
