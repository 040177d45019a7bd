"""The written report, generated from the tables in English or Hebrew.

Sentences come from templates in ``resources/<lang>/narrative.yml``; every value put into them
(names, dates, counts, tones, clauses from the article) comes from the tables. Rendered HTML
escapes every value and isolates it with ``<bdi>``, so Hebrew names inside English text (and
dates inside Hebrew text) keep their own direction.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import unquote

import pandas as pd

from .. import resources
from ..vocab import REPORT_LANGUAGES, direction, lang_code

_FIELD = re.compile(r"\{(\w+)\}")
_WARMTH = ((0.5, "warm"), (0.15, "cordial"), (-0.15, "neutral"), (-0.5, "cool"))
_CLAUSE_CHARS = 180


@dataclass(frozen=True)
class Line:
    """One sentence of the narrative: literal text and values, in order."""

    parts: tuple[tuple[str, bool], ...]  # (text, is_value)

    def text(self) -> str:
        """The sentence as plain text."""
        return "".join(t for t, _ in self.parts)

    def html(self) -> str:
        """The sentence as HTML: values escaped and isolated in ``<bdi>``."""
        return "".join(f"<bdi>{html.escape(t)}</bdi>" if v else html.escape(t) for t, v in self.parts)


@dataclass
class Narrative:
    """The report's text: sections of lines, in one language."""

    lang: str
    sections: list[tuple[str, str, list[Line]]] = field(default_factory=list)  # (key, heading, lines)

    @property
    def dir(self) -> str:
        """Text direction of the narrative's language."""
        return direction(self.lang)

    def text(self) -> str:
        """The whole narrative as plain text (headings as Markdown ``##``)."""
        out = []
        for _, heading, lines in self.sections:
            out.append(f"## {heading}")
            out.extend(line.text() for line in lines)
            out.append("")
        return "\n".join(out)

    def _repr_html_(self) -> str:
        blocks = []
        for key, heading, lines in self.sections:
            items = "".join(f"<p>{line.html()}</p>" for line in lines)
            blocks.append(f'<section class="narrative-{key}"><h3>{html.escape(heading)}</h3>{items}</section>')
        return f'<div class="narrative" lang="{self.lang}" dir="{self.dir}">{"".join(blocks)}</div>'

    def __str__(self) -> str:
        return self.text()


@cache
def _phrases(lang: str) -> dict:
    return resources.load(lang_code(lang), "narrative")


@cache
def _month_names(lang: str) -> dict[int, str]:
    months: dict[int, str] = {}
    for name, number in resources.load(lang_code(lang), "timex")["months"].items():
        if len(str(name)) > 3 or lang == "he":
            months.setdefault(int(number), str(name).capitalize() if lang != "he" else str(name))
    return months


def _line(template: str, **values) -> Line:
    parts: list[tuple[str, bool]] = []
    pos = 0
    for m in _FIELD.finditer(template):
        if m.start() > pos:
            parts.append((template[pos:m.start()], False))
        value = values[m.group(1)]
        if isinstance(value, Line):
            parts.extend(value.parts)
        else:
            parts.append((str(value), True))
        pos = m.end()
    if pos < len(template):
        parts.append((template[pos:], False))
    return Line(tuple(parts))


def format_date(iso: str, lang: str) -> str:
    """``1948-11-28`` -> ``28 November 1948`` / ``28 בנובמבר 1948``; ``1961-10`` -> ``October 1961``."""
    if not iso:
        return ""
    parts = [int(p) for p in iso.split("-")]
    months = _month_names(lang)
    if len(parts) == 1:
        return str(parts[0])
    month = months.get(parts[1], str(parts[1]))
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{parts[2]} ב{month} {parts[0]}" if lang == "he" else f"{parts[2]} {month} {parts[0]}"


def format_when(start: str, end: str, lang: str) -> str:
    """A human date for an event's start/end at the precision the article gives."""
    p = _phrases(lang)
    if start and end and start != end:
        return p["date_range"].format(start=format_date(start, lang), end=format_date(end, lang))
    if start and not end:
        return p["after"].format(start=format_date(start, lang))
    if end and not start:
        return p["before"].format(end=format_date(end, lang))
    if not start:
        return p["present"]
    return format_date(start, lang)


def warmth(tone: float, lang: str) -> str:
    """The word for a mean tone: warm, cordial, neutral, cool or cold."""
    for threshold, word in _WARMTH:
        if tone >= threshold if word in ("warm", "cordial") else tone > threshold:
            return _phrases(lang)["warmth"][word]
    return _phrases(lang)["warmth"]["cold"]


def _clause(text: str) -> str:
    text = text.strip()
    if len(text) > _CLAUSE_CHARS:
        text = text[:_CLAUSE_CHARS].rsplit(" ", 1)[0] + "…"
    return text


def _year(iso: str) -> int | None:
    return int(iso[:4]) if iso else None


def dated_events(tables) -> pd.DataFrame:
    """Events with a date, in chronological order (by start, else end), with a ``sort_key``."""
    ev = tables.events
    ev = ev[(ev.start != "") | (ev.end != "")].copy()
    ev["sort_key"] = [(s or e) for s, e in zip(ev.start, ev.end, strict=True)]
    return ev.sort_values(["sort_key", "event_id"], kind="stable")


def _plain(name: str) -> str:
    """A name without a leading English article, for comparing "the United States" with "United States"."""
    return re.sub(r"^the\s+", "", name.strip(), flags=re.I)


def name_line(entity_row, lang: str) -> Line:
    """An entity's name as the article writes it, with its English name beside it in English;
    the two are isolated apart (one ``<bdi>`` around both would show a Hebrew name after its
    English bracket)."""
    name, canonical = str(entity_row["name"]), str(entity_row["canonical"])
    if lang != "he" and canonical and _plain(canonical) != _plain(name):
        return _line(_phrases(lang)["name_with_canonical"], name=name, canonical=canonical)
    return _line("{name}", name=name)


def _join(lines: list[Line], conjunction: str, lang: str) -> Line:
    """``A and B``; Hebrew attaches its conjunction to the second name (``א וב``)."""
    glue = f" {conjunction}" if lang == "he" else f" {conjunction} "
    parts: list[tuple[str, bool]] = []
    for i, line in enumerate(lines):
        if i:
            parts.append((glue, False))
        parts.extend(line.parts)
    return Line(tuple(parts))


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
            {"entity_id": -1, "type": "country", "name": name, "canonical": english, "code": code, "n_mentions": 0}))
    if rows:
        return pd.DataFrame(rows).reset_index(drop=True)
    countries = ents[ents.type == "country"]
    return countries.sort_values(["n_mentions", "entity_id"], ascending=[False, True]).head(2)


def render(tables, lang: str = "en", top_n: int = 3) -> Narrative:
    """The narrative of ``tables`` in ``lang`` (``"en"`` or ``"he"``)."""
    if lang not in REPORT_LANGUAGES:
        raise ValueError(f"narrative language must be 'en' or 'he', not {lang!r}")
    p = _phrases(lang)
    h = p["headings"]
    n = Narrative(lang)
    ev = dated_events(tables)
    ents = tables.entities.set_index("entity_id", drop=False)
    title = str(tables.article.title.iloc[0])

    # Summary: who, since when, how many events.
    summary: list[Line] = []
    sides = [name_line(r, lang) for _, r in parties(tables).iterrows()]
    if len(sides) >= 2:
        summary.append(_line(p["opening"], title=title, parties=_join(sides[:2], p["and"], lang)))
    elif sides:
        summary.append(_line(p["opening_one"], title=title, parties=sides[0]))
    else:
        summary.append(_line(p["opening_none"], title=title))
    if len(ev):
        # The earliest event dated more closely than "the 20th century" or "the 1970s".
        precise = ev[~ev.date_kind.isin(["century", "decade"])]
        first = (precise if len(precise) else ev).iloc[0]
        summary.append(_line(p["began"], date=format_when(first.start, first.end, lang), text=_clause(first.text)))
        first = ev.iloc[0]
        last = ev.iloc[-1]
        if len(ev) == 1:
            summary.append(_line(p["span_one"], first=_year(first.sort_key)))
        else:
            summary.append(_line(p["span"], n_events=len(ev), first=_year(first.sort_key), last=_year(last.end or last.start)))
    else:
        summary.append(_line(p["no_events"]))
    n.sections.append(("summary", h["summary"], summary))

    # Phases: eras with their span and warmth.
    if len(ev):
        phases = []
        for era, group in ev.groupby("era", sort=False):
            years = [y for y in (list(map(_year, group.start)) + list(map(_year, group.end))) if y]
            span = f"{min(years)}-{max(years)}" if lang == "he" else f"{min(years)}–{max(years)}"
            if min(years) == max(years):
                span = str(min(years))
            tone = float(group.tone.mean())
            phases.append(_line(p["phase"], era=era or h["lead"], span=span, n=len(group),
                                events_word=p["event_one"] if len(group) == 1 else p["event_many"],
                                warmth=warmth(tone, lang), tone=f"{tone:+.2f}"))
        n.sections.append(("phases", h["phases"], phases))

        # Turning points: the largest swings between consecutive dated events.
        tones = list(ev.tone)
        swings = [(abs(tones[i] - tones[i - 1]), i) for i in range(1, len(tones)) if abs(tones[i] - tones[i - 1]) >= 0.5]
        turns = []
        for _, i in sorted(swings, key=lambda s: (-s[0], s[1]))[:top_n]:
            row = ev.iloc[i]
            template = p["turn_up"] if tones[i] > tones[i - 1] else p["turn_down"]
            turns.append((i, _line(template, date=format_when(row.start, row.end, lang), before=f"{tones[i - 1]:+.2f}",
                                   after=f"{tones[i]:+.2f}", text=_clause(row.text))))
        n.sections.append(("turning_points", h["turning_points"],
                           [t for _, t in sorted(turns, key=lambda t: t[0])] or [_line(p["no_turns"])]))

    # Key actors: the most mentioned people, and the first dated event they take part in.
    people = tables.entities[tables.entities.type == "person"].sort_values(["n_mentions", "entity_id"], ascending=[False, True]).head(top_n)
    if len(people):
        actors = []
        for _, person in people.iterrows():
            eid = str(person.entity_id)
            theirs = ev[ev.actors.map(lambda a, eid=eid: eid in a.split(";"))]
            if len(theirs):
                first = theirs.iloc[0]
                what = _line(p["actor_first"], date=format_when(first.start, first.end, lang), text=_clause(first.text))
            else:
                what = _line(p["actor_undated"])
            template = p["actor_once"] if int(person.n_mentions) == 1 else p["actor"]
            actors.append(_line(template, name=name_line(person, lang), n=int(person.n_mentions), first=what))
        n.sections.append(("actors", h["actors"], actors))

    # Quotes: those with a named speaker first, then the longest.
    q = tables.quotes.copy()
    q["n_words"] = q.text.str.split().str.len()
    q = q[q.n_words >= 2]
    if len(q):
        q = q.assign(has_speaker=q.speaker != "").sort_values(["has_speaker", "n_words"], ascending=[False, False]).head(top_n)
        lines = []
        for _, row in q.sort_values("quote_id").iterrows():
            if pd.notna(row.speaker_entity_id):
                speaker = name_line(ents.loc[int(row.speaker_entity_id)], lang)
                lines.append(_line(p["quote"], text=_clause(row.text), speaker=speaker))
            else:
                lines.append(_line(p["quote_unattributed"], text=_clause(row.text)))
        n.sections.append(("quotes", h["quotes"], lines))
    else:
        n.sections.append(("quotes", h["quotes"], [_line(p["no_quotes"])]))

    # Where things stand: a statement about the present, else the last dated event.
    present = tables.events[tables.events.date_kind == "present"]
    now = []
    if len(present):
        now.append(_line(p["now_present"], text=_clause(present.iloc[-1].text)))
    if len(ev):
        last = ev.iloc[-1]
        now.append(_line(p["now_last"], date=format_when(last.start, last.end, lang), text=_clause(last.text)))
    if now:
        n.sections.append(("now", h["now"], now))

    # Source note.
    a = tables.article.iloc[0]
    tx = tables.timexes
    dated_sentences = set(tx[(tx.start != "") | (tx.end != "")].sentence_id)
    n.sections.append(("source", h["source"], [_line(
        p["source"], title=title, revision=int(a.revision), url=unquote(str(a.url)), n_sentences=int(a.n_sentences),
        n_timexes=len(tx), n_dated=int(((tx.start != "") | (tx.end != "")).sum()), n_events=len(tables.events),
        n_undated=int(a.n_sentences) - len(dated_sentences))]))
    return n
