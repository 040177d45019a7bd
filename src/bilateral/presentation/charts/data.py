"""The data behind each chart, as plain frames and numbers: what the timeline labels and how it
groups events into eras, the smoothed tone of the warmth chart, the actor matrix, the ranked
mentions and the sections of the structure chart. Nothing here draws."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from ...tables import Tables
from ..chronology import cell_text, tone_class
from ..names import display_name, ranking
from .style import chart_words

TOP_ACTORS = 12
TOP_MENTIONS = 15
KEY_EVENTS_ALL = 8  # label every event up to this many, else only the strongest few
KEY_EVENTS_FEW = 6
LABEL_WORDS = 5
TONE_CLASSES = ("warm", "cold", "neutral", "unknown")


def tone_counts(ev: pd.DataFrame) -> dict[str, int]:
    """Events per tone class: warm, cold, neutral (the tone words cancel out), unknown (none)."""
    classes = [tone_class(t) for t in ev.tone]
    return {k: classes.count(k) for k in TONE_CLASSES}


def first_year(ev: pd.DataFrame) -> int:
    """The first year the events cover."""
    return math.floor(ev.x0.min())


def last_year(ev: pd.DataFrame) -> int:
    """The last year the events cover."""
    # x1 of a range is where its last period ends: 1980.0 for the 1970s
    return max(math.floor(x1 - 1e-9) if x1 > x else math.floor(x) for x, x1 in zip(ev.x, ev.x1, strict=True))


def short(text: str, n: int = LABEL_WORDS, limit: int = 40) -> str:
    """The first ``n`` words of ``text`` (at most ``limit`` characters), with "…" when cut."""
    words = text.split()
    cut = " ".join(words[:n]).rstrip(",;:.–—-")
    if len(cut) > limit:
        cut = cut[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…" if cut != " ".join(words).rstrip(".") else cut


def key_events(ev: pd.DataFrame) -> set[int]:
    """Events worth a text label: all of a few, else the strongest tones, ties spread in time."""
    if len(ev) <= KEY_EVENTS_ALL:
        return set(ev.event_id)
    strength = ev.tone.abs().fillna(0.0)  # an unknown tone is the weakest
    threshold = strength.sort_values(ascending=False).iloc[KEY_EVENTS_FEW - 1]
    chosen = set(ev.event_id[strength > threshold])
    ties = ev[strength == threshold]
    need = KEY_EVENTS_FEW - len(chosen)
    picks = np.unique(np.linspace(0, len(ties) - 1, need).round().astype(int)) if need > 0 else []
    return chosen | set(ties.event_id.iloc[list(picks)])


def era_lanes(ev: pd.DataFrame, tables: Tables, w: dict) -> list[tuple[str, pd.DataFrame]]:
    """The events grouped by era (section), in document order, with a short label per era."""
    order = dict(zip(tables.sections.section_id, tables.sections.order, strict=True))
    groups = sorted(((min(order.get(s, s) for s in g.section_id), era, g) for era, g in ev.groupby("era", sort=False)),
                    key=lambda t: t[0])
    tails = [era.split(" / ")[-1] for _, era, _ in groups]
    labels = []
    for (_, era, _), name in zip(groups, tails, strict=True):
        labels.append(w["lead"] if not era else name if tails.count(name) == 1 else era)
    return [(label, g.sort_values(["x", "event_id"], kind="stable")) for label, (_, _, g) in zip(labels, groups, strict=True)]


def smoothed(ev: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, int]:
    """Smoothed tone of the events ``ev`` (of known tone): a centred rolling mean over ``window``
    years on a quarter-year grid, or, with few events, the mean per era placed at its mean year
    (``window`` 0)."""
    span = ev.x.max() - ev.x.min() if len(ev) else 0.0
    if len(ev) >= 6 and span >= 6:
        window = int(min(10, max(3, round(span / 8))))
        grid = np.arange(math.floor(ev.x.min()), math.ceil(ev.x.max()) + 0.001, 0.25)
        xs, tones = ev.x.to_numpy(), ev.tone.to_numpy()
        means = []
        for g in grid:
            # Gaussian weights draw a smooth line where a flat window would draw steps; the
            # line breaks where no event lies within half a window.
            d = np.abs(xs - g)
            weights = np.exp(-0.5 * (d / (window / 4)) ** 2) * (d <= 0.75 * window)
            means.append(np.average(tones, weights=weights) if (d <= window / 2).any() else np.nan)
        return grid, np.array(means), window
    per_era = ev.groupby("era", sort=False).agg(x=("x", "mean"), tone=("tone", "mean")).sort_values("x")
    return per_era.x.to_numpy(), per_era.tone.to_numpy(), 0


def mention_rows(tables: Tables) -> pd.DataFrame:
    """One row per mention with its entity's type, name and canonical, and its section."""
    m = tables.mentions[["entity_id", "sentence_id"]]
    m = m.merge(tables.entities[["entity_id", "type", "name", "canonical"]], on="entity_id", how="inner")
    return m.merge(tables.sentences[["sentence_id", "section_id"]], on="sentence_id", how="left")


def top_mentioned(tables: Tables, n: int = TOP_MENTIONS) -> pd.DataFrame:
    """The ``n`` most-mentioned entities (:func:`~bilateral.presentation.names.ranking`) with
    their count ``n`` and their label in ``lang``."""
    top = ranking(tables, None, n)
    return top.assign(n=top.n_mentions)


def section_label(row: Any, w: dict) -> str:
    """A section's title, or the word for the lead."""
    title = cell_text(row["title"])
    return title if title else w["lead"]


def actor_matrix(tables: Tables, lang: str, n: int = TOP_ACTORS) -> pd.DataFrame:
    """Mentions of the ``n`` most-mentioned people and states (rows, labelled in ``lang``) per
    section holding text (columns, in document order)."""
    w = chart_words(lang)
    rows = mention_rows(tables)
    rows = rows[rows.type.isin(["person", "country"]) & rows.section_id.notna()]
    top = ranking(tables, ("person", "country"), n)
    secs = tables.sections.sort_values("order", kind="stable")
    used = set(rows.section_id.astype(int))
    secs = secs[(secs.n_sentences > 0) | secs.section_id.isin(used)]
    columns = list(secs.section_id)
    labels = [section_label(r, w) for _, r in secs.iterrows()]
    columns += sorted(used - set(columns))  # sections missing from the sections table
    labels += [f"#{s}" for s in columns[len(labels):]]
    counts = (rows[rows.entity_id.isin(top.entity_id)].groupby(["entity_id", "section_id"]).size()
              .unstack(fill_value=0).reindex(index=top.entity_id, columns=columns, fill_value=0))
    counts.index = [display_name(r["name"], r["canonical"], lang) for _, r in top.iterrows()]
    counts.columns = labels
    return counts.astype(int)


def section_frame(tables: Tables, lang: str) -> pd.DataFrame:
    """Sections in document order with their label, words directly under them and including
    their subsections, and citations per sentence (from the sentences table)."""
    w = chart_words(lang)
    secs = tables.sections.sort_values("order", kind="stable").reset_index(drop=True)
    per = tables.sentences.groupby("section_id").agg(cites=("n_citations", "sum"), n=("sentence_id", "size"))
    words = dict(zip(secs.section_id, secs.n_words, strict=True))
    parents = {int(s): int(p) for s, p in zip(secs.section_id, secs.parent_id, strict=True) if pd.notna(p)}
    total = dict(words)
    for sid in reversed(list(secs.section_id)):  # children come after their parent
        if sid in parents and parents[sid] in total:
            total[parents[sid]] += total[sid]
    out = secs[["section_id", "level", "title", "n_words", "is_empty"]].copy()
    out["label"] = [section_label(r, w) for _, r in secs.iterrows()]
    out["total"] = [total[s] for s in secs.section_id]
    out["has_children"] = out.section_id.isin(set(parents.values()))
    out["density"] = [per.cites[s] / per.n[s] if s in per.index and per.n[s] else np.nan for s in secs.section_id]
    return out
