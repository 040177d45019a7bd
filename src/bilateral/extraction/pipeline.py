"""Rows of the extraction tables (timexes, entities, mentions, quotes, events) for one article:
the glue between the structure and the extractors, in the order the data flows.

Each row is a dict keyed by its table's column names (``tables.SCHEMAS``), so no row depends
on the order of the columns.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from ..extraction import entities, events, quotes, timex
from ..reading import structure
from ..reading.article import Article

Row = dict[str, object]


@dataclass
class _Context:
    """What every stage needs: the article's text, its structure, and where each offset falls."""

    body: str
    lang: str
    st: structure.Structure
    starts: list[int]

    def sentence_of(self, pos: int) -> int | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.st.sentences[i].char_start <= pos < self.st.sentences[i].char_end:
            return i
        return None


def extract(article: Article, st: structure.Structure, gazetteer_people: bool = True,
            parties: tuple[entities.Party, ...] | None = None) -> dict[str, list[Row]]:
    """Rows for each extraction table, keyed by table name; ``parties`` are the two sides the
    title names (read from it when not given)."""
    cx = _Context(article.body, article.lang, st, [s.char_start for s in st.sentences])
    timex_rows, kept = _timexes(cx)
    spans = [(s.char_start, s.char_end) for s in st.sentences]
    if parties is None:
        parties = entities.linked_parties(entities.title_parties(article.title, article.lang), article.links)
    own = [p.form for p in parties if p.type == "country" and not p.code]  # states no list knows
    found = entities.extract(cx.body, spans, cx.lang, gazetteer_people, own=own, links=article.links)
    ids = {e.key: i for i, e in enumerate(found.entities)}
    mention_rows, by_sentence = _mentions(cx, found, ids)
    counts = Counter(r["entity_id"] for r in mention_rows)
    entity_rows = [{"entity_id": ids[e.key], "type": e.type, "name": e.name, "canonical": e.canonical,
                    "code": e.code, "wikidata_id": e.wikidata_id, "n_mentions": counts[ids[e.key]]}
                   for e in found.entities]
    return {"timexes": timex_rows, "entities": entity_rows, "mentions": mention_rows,
            "quotes": _quotes(cx, found, ids, by_sentence), "events": _events(cx, kept, found, ids, by_sentence)}


def party_columns(parties: tuple[entities.Party, ...]) -> Row:
    """The ``article`` table's party columns: each side's name, English name and code."""
    row: Row = {}
    for side, party in zip("ab", (*parties, None, None)[:2], strict=True):
        row[f"party_{side}"] = party.name if party else ""
        row[f"party_{side}_en"] = party.canonical if party else ""
        row[f"party_{side}_code"] = party.code if party else ""
    return row


def _timexes(cx: _Context) -> tuple[list[Row], list[tuple[int, timex.Timex]]]:
    """Temporal expressions, paragraph by paragraph so none runs across a line break."""
    found: list[timex.Timex] = []
    for p in cx.st.paragraphs:
        found.extend(timex.find(cx.body, cx.lang, p.char_start, p.char_end))
    found = timex.resolve(found)
    rows: list[Row] = []
    kept: list[tuple[int, timex.Timex]] = []
    index_map: dict[int, int] = {}
    for i, t in enumerate(found):
        sid = cx.sentence_of(t.char_start)
        if sid is None:
            continue
        index_map[i] = len(rows)
        kept.append((sid, t))
        anchor = index_map.get(t.anchor) if t.anchor is not None else None
        rows.append({"timex_id": len(rows), "sentence_id": sid, "text": t.text, "char_start": t.char_start,
                     "char_end": t.char_end, "kind": t.kind, "start": t.start, "end": t.end, "anchor_id": anchor})
    return rows, kept


def _mentions(cx: _Context, found: entities.Found, ids: dict[str, int]):
    rows: list[Row] = []
    by_sentence: dict[int, list[entities.Mention]] = {}
    for m in found.mentions:
        sid = cx.sentence_of(m.char_start)
        if sid is None:
            continue
        by_sentence.setdefault(sid, []).append(m)
        rows.append({"mention_id": len(rows), "entity_id": ids[m.key], "sentence_id": sid, "text": m.text,
                     "char_start": m.char_start, "char_end": m.char_end})
    return rows, by_sentence


def _quotes(cx: _Context, found: entities.Found, ids: dict[str, int], by_sentence) -> list[Row]:
    """Quotes with their speakers."""
    rows: list[Row] = []
    people_before: list[entities.Mention] = []
    sentences = cx.st.sentences

    def neighbour(i: int) -> quotes.Neighbour | None:
        if not 0 <= i < len(sentences):
            return None
        n = sentences[i]
        return (n.char_start, n.char_end), by_sentence.get(n.sentence_id, [])

    said: dict[int, str] = {}  # the speaker of each sentence's last quote
    subject, subject_at, subject_par = "", -10, -1  # the person who last opened a sentence, and where
    for i, s in enumerate(sentences):
        inside = by_sentence.get(s.sentence_id, [])
        # "he" stands for a subject of the same paragraph or of the last few sentences
        fresh = subject if s.paragraph_id == subject_par or i - subject_at <= 3 else ""
        for q0, q1 in quotes.find(cx.body, s.char_start, s.char_end):
            key = quotes.attribute(cx.body, (s.char_start, s.char_end), (q0, q1), inside, people_before, cx.lang,
                                   preceding=neighbour(i - 1), following=neighbour(i + 1), prior=said.get(i - 1, ""),
                                   subject=fresh)
            said[i] = key
            speaker_id = ids.get(key) if key else None
            speaker = found.entities[speaker_id].name if speaker_id is not None else ""
            rows.append({"quote_id": len(rows), "sentence_id": s.sentence_id,
                         "text": structure.collapse(cx.body[q0:q1]), "speaker_entity_id": speaker_id,
                         "speaker": speaker, "char_start": q0, "char_end": q1})
        people_before.extend(m for m in inside if m.key.startswith("person:"))
        opener = quotes.opening_person(cx.body, ((s.char_start, s.char_end), inside), cx.lang, fresh)
        if opener:
            subject, subject_at, subject_par = opener, i, s.paragraph_id
    return rows


def _eras(cx: _Context) -> dict[int, str]:
    """Each section's era: its title, with its parent's ('A / B')."""
    sections = {sec.section_id: sec for sec in cx.st.sections}
    eras = {}
    for sec in cx.st.sections:
        parent = sections.get(sec.parent_id) if sec.parent_id is not None else None
        eras[sec.section_id] = f"{parent.title} / {sec.title}" if parent is not None else sec.title
    return eras


def _events(cx: _Context, kept, found: entities.Found, ids: dict[str, int], by_sentence) -> list[Row]:
    """Events: one per dated clause."""
    rows: list[Row] = []
    eras = _eras(cx)
    by_sid: dict[int, list[tuple[int, timex.Timex]]] = {}
    for tid, (sid, t) in enumerate(kept):
        by_sid.setdefault(sid, []).append((tid, t))
    for sid, items in sorted(by_sid.items()):
        s = cx.st.sentences[sid]
        cuts = events.clauses(s.char_start, s.char_end, [(t.char_start, t.char_end) for _, t in items], cx.body)
        sentence_tone: list[float | None] = []  # read once, for the first clause with no tone word
        for (tid, t), (c0, c1) in zip(items, cuts, strict=True):
            if not (t.start or t.end) and t.kind != "present":
                continue  # nothing to date it by (a relative or day-month form with no anchor)
            text = structure.collapse(cx.body[c0:c1]).strip(" ,;:–-")
            clause = events.read(text, cx.lang)
            clause_tone = events.tone(clause, cx.lang)
            if clause_tone is None and (c0, c1) != (s.char_start, s.char_end):
                # a clause with no tone word takes its sentence's tone
                if not sentence_tone:
                    sentence_tone.append(events.tone(s.text, cx.lang))
                clause_tone = sentence_tone[0]
            inside = [m for m in by_sentence.get(sid, []) if c0 <= m.char_start < c1] or by_sentence.get(sid, [])
            actor_ids: list[int] = []
            for m in inside:
                eid = ids[m.key]
                if found.entities[eid].type != "place" and eid not in actor_ids:
                    actor_ids.append(eid)
            rows.append({"event_id": len(rows), "sentence_id": sid, "section_id": s.section_id, "timex_id": tid,
                         "start": t.start, "end": t.end, "date_kind": t.kind, "kind": events.kind(clause, cx.lang, structure.collapse(t.text)),
                         "text": text, "actors": ";".join(map(str, actor_ids)), "tone": clause_tone,
                         "era": eras[s.section_id]})
    return rows
