"""The sections of the story, one function each: ``(tables, events, lang, top_n) -> lines``.

Each returns the lines of its section, or an empty list when it has nothing true to say; the
narrative then leaves the section out rather than print an empty heading or a false sentence.
``events`` are the dated events of :func:`~bilateral.presentation.chronology.dated_events`.
"""

from __future__ import annotations

from urllib.parse import unquote

import pandas as pd

from ...tables import Tables
from ..chronology import span, turning_points
from ..focus import period_of, period_text, whole
from ..names import ranking
from .parties import parties
from .text import Line, Number, clause, join, line, name_line, phrases, quote, warmth, when_phrase


def _sentence_texts(tables: Tables) -> dict[int, str]:
    return dict(zip(tables.sentences.sentence_id.astype(int), tables.sentences.text, strict=True))


def _event_clause(row, tables: Tables, lang: str) -> str:
    return clause(row.text, _sentence_texts(tables).get(int(row.sentence_id), ""), lang)


def _span_text(years: tuple[int, int], lang: str) -> str:
    lo, hi = years
    return str(lo) if lo == hi else f"{lo}-{hi}" if lang == "he" else f"{lo}–{hi}"


def summary(tables: Tables, ev: pd.DataFrame, lang: str, top_n: int) -> list[Line]:
    """Who the relations are between, where the story starts, and the span of its dated events."""
    p = phrases(lang)
    title = str(tables.article.title.iloc[0])
    sides = [name_line(r, lang) for _, r in parties(whole(tables)).iterrows()]
    if len(sides) >= 2:
        lines = [line(p["opening"], lang, title=title, parties=join(sides[:2], p["and"], lang))]
    elif sides:
        lines = [line(p["opening_one"], lang, title=title, parties=sides[0])]
    else:
        lines = [line(p["opening_none"], lang, title=title)]
    period = period_of(tables)
    if period != (None, None):
        dash = "-" if lang == "he" else "–"
        key = "focus" if len(ev) else "nothing_in_period"
        lines.append(line(p[key], lang, period=period_text(period, dash)))
        if not len(ev):
            return lines
    if not len(ev):
        return [*lines, line(p["no_events"], lang)]
    # The story starts at the earliest event dated more closely than "the 20th century" or "the 1970s".
    precise = ev[~ev.date_kind.isin(["century", "decade"])]
    first = (precise if len(precise) else ev).iloc[0]
    lines.append(line(p["began"], lang, when=when_phrase(first.start, first.end, lang),
                      text=_event_clause(first, tables, lang)))
    years = span(ev)
    if len(ev) == 1 or years[0] == years[1]:
        lines.append(line(p["span_one" if len(ev) == 1 else "span_year"], lang, n_events=len(ev), first=years[0]))
    else:
        lines.append(line(p["span"], lang, n_events=len(ev), first=years[0], last=years[1]))
    return lines


def phases(tables: Tables, ev: pd.DataFrame, lang: str, top_n: int) -> list[Line]:
    """Each era (section) with the years its events cover and its mean tone."""
    p, h = phrases(lang), phrases(lang)["headings"]
    lines = []
    for era, group in ev.groupby("era", sort=False):
        known = group.tone.dropna()
        values = {"era": era or h["lead"], "span": _span_text(span(group), lang), "n": len(group),
                  "events_word": p["event_one"] if len(group) == 1 else p["event_many"]}
        if known.empty:
            lines.append(line(p["phase_unknown"], lang, **values))
            continue
        tone = float(known.mean())
        lines.append(line(p["phase"], lang, **values, warmth=warmth(tone, lang), tone=Number(tone)))
    return lines


def turns(tables: Tables, ev: pd.DataFrame, lang: str, top_n: int) -> list[Line]:
    """The turning points of the chronology, each with the event that carries it."""
    p = phrases(lang)
    if top_n == 0:
        return []
    found = turning_points(ev, top_n)
    if not found:
        # Only where there was a tone to turn: two events or more of known tone.
        return [line(p["no_turns"], lang)] if ev.tone.notna().sum() >= 2 else []
    rows = {int(r.event_id): r for r in ev.itertuples(index=False)}
    return [line(p["turn"][t.direction], lang, when=when_phrase(t.start, t.end, lang, around=True),
                 before=Number(t.before), after=Number(t.after), text=_event_clause(rows[t.event_id], tables, lang))
            for t in found]


def actors(tables: Tables, ev: pd.DataFrame, lang: str, top_n: int) -> list[Line]:
    """The most mentioned people, and the first dated event each takes part in."""
    p = phrases(lang)
    lines = []
    for _, person in ranking(tables, ("person",), top_n).iterrows():
        eid = str(person.entity_id)
        theirs = ev[ev.actors.map(lambda a, eid=eid: eid in str(a).split(";"))]
        if len(theirs):
            first = theirs.iloc[0]
            what = line(p["actor_first"], lang, when=when_phrase(first.start, first.end, lang),
                        text=_event_clause(first, tables, lang))
        else:
            what = line(p["actor_undated"], lang)
        template = p["actor_once"] if int(person.n_mentions) == 1 else p["actor"]
        lines.append(line(template, lang, name=name_line(person, lang), n=int(person.n_mentions), first=what))
    return lines


def quotes(tables: Tables, ev: pd.DataFrame, lang: str, top_n: int) -> list[Line]:
    """Quotes with a named speaker first, then the longest."""
    p = phrases(lang)
    if top_n == 0:
        return []
    q = tables.quotes.copy()
    q["n_words"] = q.text.str.split().str.len()
    q = q[q.n_words >= 2]
    if q.empty:
        # "quotes no one" is true of the whole article only.
        return [line(p["no_quotes"], lang)] if period_of(tables) == (None, None) and tables.quotes.empty else []
    q = q.assign(has_speaker=q.speaker != "").sort_values(["has_speaker", "n_words"], ascending=[False, False]).head(top_n)
    ents = tables.entities.set_index("entity_id", drop=False)
    lines = []
    for _, row in q.sort_values("quote_id").iterrows():
        if pd.notna(row.speaker_entity_id):
            lines.append(line(p["quote"], lang, text=quote(row.text),
                              speaker=name_line(ents.loc[int(row.speaker_entity_id)], lang)))
        else:
            lines.append(line(p["quote_unattributed"], lang, text=quote(row.text)))
    return lines


def now(tables: Tables, ev: pd.DataFrame, lang: str, top_n: int) -> list[Line]:
    """A statement about the present, else the last dated event."""
    p = phrases(lang)
    lines = []
    present = tables.events[tables.events.date_kind == "present"]
    if len(present):
        row = present.iloc[-1]
        lines.append(line(p["now_present"], lang, text=_event_clause(row, tables, lang)))
    if len(ev):
        last = ev.iloc[-1]
        lines.append(line(p["now_last"], lang, when=when_phrase(last.start, last.end, lang),
                          text=_event_clause(last, tables, lang)))
    return lines


def source(tables: Tables, ev: pd.DataFrame, lang: str, top_n: int) -> list[Line]:
    """The article, its revision, and counts of the whole article."""
    t = whole(tables)
    a = t.article.iloc[0]
    tx = t.timexes
    dated = (tx.start != "") | (tx.end != "")
    return [line(phrases(lang)["source"], lang, title=str(a.title), revision=int(a.revision), url=unquote(str(a.url)),
                 n_sentences=int(a.n_sentences), n_timexes=len(tx), n_dated=int(dated.sum()),
                 n_events=len(t.events), n_undated=int(a.n_sentences) - len(set(tx[dated].sentence_id)))]


#: The sections of the story, in order.
SECTIONS = {"summary": summary, "phases": phases, "turning_points": turns, "actors": actors, "quotes": quotes,
            "now": now, "source": source}
