"""Each chart's caption and alt text, in English or Hebrew, with the numbers of its data."""

from __future__ import annotations

import math
from collections.abc import Callable

from ...tables import Tables
from ...vocab import lang_code
from ..chronology import TOP_TURNS, cell_text, dated_events, turning_points
from ..names import display_name
from .data import (
    TOP_MENTIONS,
    actor_matrix,
    first_year,
    last_year,
    section_frame,
    tone_counts,
    top_mentioned,
)
from .style import chart_words, nothing, signed

#: The charts of a report, in report order.
NAMES = ("timeline", "warmth", "actors", "mentions", "structure")


def _check_name(name: str) -> None:
    if name not in NAMES:
        raise ValueError(f"no chart named {name!r}; the charts are {', '.join(NAMES)}")


def caption(name: str, tables: Tables, lang: str) -> str:
    """A one-sentence caption for chart ``name`` of ``tables``, in ``lang`` ('en' or 'he')."""
    _check_name(name)
    # First-strong isolates keep a bidi control in the title (U+202E) from reversing the caption.
    return chart_words(lang)["captions"][name].format(title="\u2068" + cell_text(tables.article.title.iloc[0]) + "\u2069")


def alt_text(name: str, tables: Tables, lang: str) -> str:
    """Alt text for chart ``name`` of ``tables`` in ``lang``: what the chart shows, with its numbers."""
    _check_name(name)
    lang = lang_code(lang)
    return _ALT[name](tables, lang, chart_words(lang))


def _alt_timeline(tables: Tables, lang: str, w: dict) -> str:
    alt, ev = w["alt"], dated_events(tables)
    if ev.empty:
        return nothing(alt, "timeline_none", tables, lang)
    text = alt["timeline"].format(n=len(ev), first=first_year(ev), last=last_year(ev), n_eras=ev.era.nunique(),
                                  **tone_counts(ev))
    undated = len(tables.events) - len(ev)
    return text + (alt["timeline_undated"].format(n=undated) if undated else "")


def _alt_warmth(tables: Tables, lang: str, w: dict) -> str:
    alt, dated = w["alt"], dated_events(tables)
    ev = dated[dated.tone.notna()]
    if ev.empty:
        return nothing(alt, "warmth_none", tables, lang)
    text = alt["warmth"].format(n=len(ev), first=math.floor(ev.x.min()), last=math.floor(ev.x.max()),
                                mean=signed(ev.tone.mean(), lang), low=signed(ev.tone.min(), lang),
                                high=signed(ev.tone.max(), lang))
    if len(dated) > len(ev):
        text += alt["warmth_unknown"].format(n=len(dated) - len(ev))
    turns = turning_points(ev, TOP_TURNS)
    if turns:
        listed = ", ".join(alt["warmth_turn"].format(what=w["turns"][t.direction], year=t.year) for t in turns)
        return text + alt["warmth_turns"].format(turns=listed)
    return text + (alt["warmth_flat"] if not ev.tone.any() else alt["warmth_no_turns"] if len(ev) > 1 else "")


def _alt_actors(tables: Tables, lang: str, w: dict) -> str:
    matrix = actor_matrix(tables, lang)
    if matrix.empty or matrix.shape[1] == 0:
        return nothing(w["alt"], "actors_none", tables, lang)
    row = matrix.iloc[0]
    return w["alt"]["actors"].format(n=len(matrix), k=matrix.shape[1], top=matrix.index[0], count=int(row.sum()),
                                     where=row.idxmax(), where_count=int(row.max()))


def _alt_mentions(tables: Tables, lang: str, w: dict) -> str:
    top = top_mentioned(tables, TOP_MENTIONS)
    if top.empty:
        return nothing(w["alt"], "mentions_none", tables, lang)
    names = [f"{display_name(r['name'], r['canonical'], lang)} ({r['n']})" for _, r in top.head(3).iterrows()]
    kinds = ", ".join(f"{w['types'].get(k, k)}: {n}" for k, n in top.type.fillna("other").value_counts().items())
    return w["alt"]["mentions"].format(n=len(top), top=", ".join(names), types=kinds)


def _alt_structure(tables: Tables, lang: str, w: dict) -> str:
    secs = section_frame(tables, lang)
    if secs.empty:
        return w["alt"]["structure_none"]
    longest = secs.loc[secs.n_words.idxmax()]
    cites, n_sent = int(tables.sentences.n_citations.sum()), len(tables.sentences)
    return w["alt"]["structure"].format(n=len(secs), words=int(secs.n_words.sum()), longest=longest.label,
                                        longest_words=int(longest.n_words), empty=int(secs.is_empty.sum()),
                                        citations=cites, density=f"{cites / n_sent:.2f}" if n_sent else "0")


_ALT: dict[str, Callable[[Tables, str, dict], str]] = {
    "timeline": _alt_timeline, "warmth": _alt_warmth, "actors": _alt_actors, "mentions": _alt_mentions,
    "structure": _alt_structure,
}
