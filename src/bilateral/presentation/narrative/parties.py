"""The two states an article is about."""

from __future__ import annotations

import pandas as pd

from ...extraction import entities


def parties(tables) -> pd.DataFrame:
    """The states the relations are between: those named in the title, else the two most
    mentioned states."""
    ents = tables.entities
    countries = ents[ents.type == "country"]
    title = str(tables.article.title.iloc[0])
    found = entities.extract(title, [(0, len(title))], tables.lang, gazetteer_people=False)
    codes = [e.code for e in found.entities if e.type == "country"]
    in_title = countries[countries.code.isin(codes)]
    if len(in_title):
        order = {c: i for i, c in enumerate(codes)}
        return in_title.sort_values("code", key=lambda s: s.map(order))
    return countries.sort_values(["n_mentions", "entity_id"], ascending=[False, True]).head(2)
