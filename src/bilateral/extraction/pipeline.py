"""Rows of the extraction tables (timexes, entities, mentions, quotes, events) for one article:
the glue between the structure and the extractors, in the order the data flows."""

from __future__ import annotations

import bisect
from collections import Counter

from ..extraction import entities, events, quotes, timex
from ..reading import structure
from ..reading.article import Article


def extract(article: Article, st: structure.Structure, gazetteer_people: bool = True) -> dict[str, list[tuple]]:
    """Rows for each extraction table, keyed by table name."""
    body, lang = article.body, article.lang
    sentence_starts = [s.char_start for s in st.sentences]

    def sentence_of(pos: int) -> int | None:
        i = bisect.bisect_right(sentence_starts, pos) - 1
        if i >= 0 and st.sentences[i].char_start <= pos < st.sentences[i].char_end:
            return i
        return None

    # Temporal expressions, paragraph by paragraph so none runs across a line break.
    found: list[timex.Timex] = []
    for p in st.paragraphs:
        found.extend(timex.find(body, lang, p.char_start, p.char_end))
    found = timex.resolve(found)
    timex_rows = []
    kept: list[tuple[int, timex.Timex]] = []
    index_map: dict[int, int] = {}
    for i, t in enumerate(found):
        sid = sentence_of(t.char_start)
        if sid is None:
            continue
        index_map[i] = len(timex_rows)
        kept.append((sid, t))
        anchor = index_map.get(t.anchor) if t.anchor is not None else None
        timex_rows.append((len(timex_rows), sid, t.text, t.char_start, t.char_end, t.kind, t.start, t.end, anchor))

    # Entities and their mentions.
    spans = [(s.char_start, s.char_end) for s in st.sentences]
    ents = entities.extract(body, spans, lang, gazetteer_people)
    ids = {e.key: i for i, e in enumerate(ents.entities)}
    mention_rows = []
    by_sentence: dict[int, list[entities.Mention]] = {}
    for m in ents.mentions:
        sid = sentence_of(m.char_start)
        if sid is None:
            continue
        by_sentence.setdefault(sid, []).append(m)
        mention_rows.append((len(mention_rows), ids[m.key], sid, m.text, m.char_start, m.char_end))
    counts = Counter(r[1] for r in mention_rows)
    entity_rows = [(ids[e.key], e.type, e.name, e.canonical, e.code, counts[ids[e.key]]) for e in ents.entities]

    # Quotes with their speakers.
    quote_rows = []
    people_before: list[entities.Mention] = []
    for s in st.sentences:
        inside = by_sentence.get(s.sentence_id, [])
        for q0, q1 in quotes.find(body, s.char_start, s.char_end):
            key = quotes.attribute(body, (s.char_start, s.char_end), (q0, q1), inside, people_before, lang)
            speaker_id = ids.get(key) if key else None
            speaker = ents.entities[speaker_id].name if speaker_id is not None else ""
            quote_rows.append((len(quote_rows), s.sentence_id, structure.collapse(body[q0:q1]), speaker_id, speaker, q0, q1))
        people_before.extend(m for m in inside if m.key.startswith("person:"))

    # Events: one per dated clause.
    sections = {sec.section_id: sec for sec in st.sections}

    def era(section_id: int) -> str:
        sec = sections[section_id]
        parent = sections.get(sec.parent_id) if sec.parent_id is not None else None
        return f"{parent.title} / {sec.title}" if parent is not None else sec.title

    event_rows = []
    by_sid: dict[int, list[tuple[int, timex.Timex]]] = {}
    for tid, (sid, t) in enumerate(kept):
        by_sid.setdefault(sid, []).append((tid, t))
    for sid, items in sorted(by_sid.items()):
        s = st.sentences[sid]
        cuts = events.clauses(s.char_start, s.char_end, [(t.char_start, t.char_end) for _, t in items], body)
        for (tid, t), (c0, c1) in zip(items, cuts, strict=True):
            if not (t.start or t.end) and t.kind != "present":
                continue  # nothing to date it by (a relative or day-month form with no anchor)
            text = structure.collapse(body[c0:c1]).strip(" ,;:–-")
            clause_tone = events.tone(text, lang)
            if clause_tone is None:  # a clause with no tone word takes its sentence's tone
                clause_tone = events.tone(s.text, lang) if (c0, c1) != (s.char_start, s.char_end) else None
            tone = clause_tone  # None (unknown, an empty cell) when no tone word is found
            inside = [m for m in by_sentence.get(sid, []) if c0 <= m.char_start < c1] or by_sentence.get(sid, [])
            actor_ids = []
            for m in inside:
                eid = ids[m.key]
                if ents.entities[eid].type != "place" and eid not in actor_ids:
                    actor_ids.append(eid)
            event_rows.append((len(event_rows), sid, s.section_id, tid, t.start, t.end, t.kind,
                               events.kind(text, lang, structure.collapse(t.text)), text, ";".join(map(str, actor_ids)), tone, era(s.section_id)))
    return {"timexes": timex_rows, "entities": entity_rows, "mentions": mention_rows,
            "quotes": quote_rows, "events": event_rows}
