"""The two states an article is about."""

from __future__ import annotations

import pandas as pd


def parties(tables) -> pd.DataFrame:
    """The two parties the title names (the ``article`` table's party columns), each as its row
    of the entities table (a row of its own when the text never names it); else, for a title of
    no known form, the two most mentioned states."""
    ents = tables.entities
    article = tables.article.iloc[0]
    rows = []
    for side in ("a", "b"):
        name, english, code = (str(article[f"party_{side}{k}"]) for k in ("", "_en", "_code"))
        if not name:
            continue
        same = ents[(ents.type == "country") & (ents.code == code)] if code else ents[ents.canonical == english]
        rows.append(same.iloc[0] if len(same) else pd.Series(
            {"entity_id": -1, "type": "country", "name": name, "canonical": english, "code": code,
             "wikidata_id": "", "n_mentions": 0}))
    if rows:
        return pd.DataFrame(rows).reset_index(drop=True)
    countries = ents[ents.type == "country"]
    return countries.sort_values(["n_mentions", "entity_id"], ascending=[False, True]).head(2)
