"""Build, write and read the tables of an article; the schemas live here, in one place.

Every table is a :class:`pandas.DataFrame` whose columns and dtypes are given by
:data:`SCHEMAS`; :func:`write` and :func:`read` round-trip them through UTF-8 CSV files.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from .extraction import cameo, entities, pipeline
from .files import atomic_write_text
from .reading import structure
from .reading.article import Article

# (column, dtype, meaning). dtype is a pandas dtype name: "string", "Int64" (nullable int),
# "int64", "float64" or "boolean". Dates are ISO 8601 strings at the precision of the text.
SCHEMAS: dict[str, list[tuple[str, str, str]]] = {
    "article": [
        ("article_id", "string", "seed file stem"),
        ("title", "string", "article title as in the header"),
        ("revision", "int64", "Wikipedia revision id"),
        ("url", "string", "article URL as in the header"),
        ("lang", "string", "language code from the URL host (he, en)"),
        ("n_sections", "int64", "sections, the lead included"),
        ("n_paragraphs", "int64", "paragraphs"),
        ("n_sentences", "int64", "sentences"),
        ("n_words", "int64", "words in the body text (headings excluded)"),
        ("n_citations", "int64", "removed-citation gaps in the body"),
        ("party_a", "string", "first party the title names, as written (empty when the title names none)"),
        ("party_a_en", "string", "its English name (a state no list knows keeps its name as written)"),
        ("party_a_code", "string", "its ISO 3166 (or former state's) code; empty for a state no list knows"),
        ("party_b", "string", "second party the title names, as written"),
        ("party_b_en", "string", "its English name (a state no list knows keeps its name as written)"),
        ("party_b_code", "string", "its ISO 3166 (or former state's) code; empty for a state no list knows"),
    ],
    "sections": [
        ("section_id", "int64", "0 for the lead, then in document order"),
        ("order", "int64", "position in the article"),
        ("level", "int64", "1 for the lead (and '= X =' headings), 2 for '== X ==', 3 for '=== X ===' ..."),
        ("title", "string", "heading text; empty for the lead"),
        ("parent_id", "Int64", "section_id of the enclosing heading; empty at the top"),
        ("n_paragraphs", "int64", "paragraphs directly under this heading"),
        ("n_sentences", "int64", "sentences directly under this heading"),
        ("n_words", "int64", "words directly under this heading"),
        ("n_citations", "int64", "removed-citation gaps directly under this heading"),
        ("is_empty", "boolean", "no text under the heading nor in its subsections"),
        ("char_start", "int64", "offset of the heading line (0 for the lead)"),
        ("char_end", "int64", "offset where the next section starts"),
    ],
    "paragraphs": [
        ("paragraph_id", "int64", "in document order"),
        ("section_id", "int64", "section holding the paragraph"),
        ("order", "int64", "position within its section"),
        ("text", "string", "paragraph text, white-space runs collapsed"),
        ("char_start", "int64", "offset of the first character"),
        ("char_end", "int64", "offset after the last character"),
        ("n_sentences", "int64", "sentences"),
        ("n_words", "int64", "words"),
    ],
    "sentences": [
        ("sentence_id", "int64", "in document order"),
        ("paragraph_id", "int64", "paragraph holding the sentence"),
        ("section_id", "int64", "section holding the sentence"),
        ("order", "int64", "position within its paragraph"),
        ("text", "string", "sentence text, white-space runs collapsed"),
        ("char_start", "int64", "offset of the first character"),
        ("char_end", "int64", "offset after the final punctuation"),
        ("n_citations", "int64", "removed-citation gaps in or right after the sentence"),
        ("n_words", "int64", "words"),
    ],
    "timexes": [
        ("timex_id", "int64", "in document order"),
        ("sentence_id", "int64", "sentence holding the expression"),
        ("text", "string", "the expression as written, prefix letters and keywords included"),
        ("char_start", "int64", "offset of the first character"),
        ("char_end", "int64", "offset after the last character"),
        ("kind", "string", "date, month, year, range, decade, century, after, before, relative, present"),
        ("start", "string", "first day/month/year it covers (ISO 8601); empty for 'before', undated 'present' and a 'relative' with nothing to resolve it from"),
        ("end", "string", "last day/month/year it covers (ISO 8601); empty for 'after', undated 'present' and a 'relative' with nothing to resolve it from"),
        ("anchor_id", "Int64", "relative expressions: the timex_id they were resolved from"),
    ],
    "entities": [
        ("entity_id", "int64", "in order of first mention"),
        ("type", "string", "person, country, organization, place"),
        ("name", "string", "name as the article writes it (without prefix letters)"),
        ("canonical", "string", "English name where known (CLDR for states, the gazetteer otherwise)"),
        ("code", "string", "states: ISO 3166 code (or the gazetteer's code for a former state)"),
        ("wikidata_id", "string", "Wikidata id (Q...) from the seed's links sidecar; empty where unknown"),
        ("n_mentions", "int64", "rows of this entity in mentions"),
    ],
    "mentions": [
        ("mention_id", "int64", "in document order"),
        ("entity_id", "int64", "the entity mentioned"),
        ("sentence_id", "int64", "sentence holding the mention"),
        ("text", "string", "the mention as written (with any prefix letters)"),
        ("char_start", "int64", "offset of the first character"),
        ("char_end", "int64", "offset after the last character"),
    ],
    "quotes": [
        ("quote_id", "int64", "in document order"),
        ("sentence_id", "int64", "sentence holding the quote"),
        ("text", "string", "the quoted words, without the quotation marks"),
        ("speaker_entity_id", "Int64", "the person the sentence names as saying it; empty if none"),
        ("speaker", "string", "that person's name"),
        ("char_start", "int64", "offset of the first quoted character"),
        ("char_end", "int64", "offset after the last quoted character"),
    ],
    "events": [
        ("event_id", "int64", "in document order"),
        ("sentence_id", "int64", "sentence holding the event"),
        ("section_id", "int64", "section holding the event"),
        ("timex_id", "int64", "the temporal expression that dates it"),
        ("start", "string", "ISO 8601 start (empty for 'before' and undated 'present')"),
        ("end", "string", "ISO 8601 end (empty for 'after' and undated 'present')"),
        ("date_kind", "string", "the timex kind: date, month, year, range, decade, ..."),
        ("kind", "string", "event kind from the tone lexicon: establishment, visit, agreement, ... or other"),
        ("text", "string", "the dated clause"),
        ("actors", "string", "entity_ids of the people, states and organizations in the clause, ';'-separated"),
        ("tone", "float64", "-1 (cold) .. 1 (warm): mean weight of the diplomatic lexicon's words in the clause, else in its sentence; 0 when they cancel out; empty (NaN, unknown) when neither has any"),
        ("era", "string", "title of the section it belongs to (with its parent: 'A / B')"),
        ("cameo", "string", "CAMEO root code of the kind (resources/cameo.yml); empty for 'other'"),
        ("goldstein", "float64", "Goldstein conflict-cooperation weight of the kind, -10..10; empty for 'other'"),
    ],
}

# Columns computed from a table's other columns when it is built, not given by the extractors:
# table -> (columns, function adding them to the frame).
DERIVED = {"events": (cameo.COLUMNS, cameo.annotate)}

TABLES: tuple[str, ...] = tuple(SCHEMAS)


@dataclass
class Tables:
    """All tables of one article, one DataFrame per attribute (``t.sections``, ``t.sentences`` ...)."""

    article: pd.DataFrame
    sections: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    timexes: pd.DataFrame
    entities: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    events: pd.DataFrame

    @property
    def names(self) -> tuple[str, ...]:
        """Names of the tables held, in schema order."""
        return tuple(f.name for f in fields(self))

    def __getitem__(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    @property
    def article_id(self) -> str:
        """The article's id (its seed file stem)."""
        return str(self.article["article_id"].iloc[0])

    @property
    def lang(self) -> str:
        """The article's language code."""
        return str(self.article["lang"].iloc[0])


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """A DataFrame for table ``name`` from ``rows`` (dicts keyed by column), with the schema's
    columns and dtypes; a row whose keys are not exactly the schema's columns is an error.
    Derived columns (``DERIVED``) are computed from the others and never given in a row."""
    derived, derive = DERIVED.get(name, ((), None))
    columns = [c for c, _, _ in SCHEMAS[name] if c not in derived]
    expected = set(columns)
    for row in rows:
        if row.keys() != expected:
            missing, extra = sorted(expected - row.keys()), sorted(row.keys() - expected)
            raise ValueError(f"{name} row: missing columns {missing}, unknown columns {extra}")
    df = pd.DataFrame.from_records(rows or [], columns=columns)
    return _typed(name, derive(df) if derive else df)


def _typed(name: str, df: pd.DataFrame) -> pd.DataFrame:
    out = {}
    for column, dtype, _ in SCHEMAS[name]:
        values = df[column]
        if dtype == "string":
            values = values.astype("string").fillna("")
        elif dtype in ("Int64", "int64"):
            values = pd.to_numeric(values.replace("", None), errors="raise").astype(dtype)
        elif dtype == "boolean":
            values = values.map(lambda v: str(v).lower() in ("true", "1") if isinstance(v, str) else v)
            values = values.astype("boolean")
        else:
            values = pd.to_numeric(values.replace("", None)).astype(dtype)
        out[column] = values
    return pd.DataFrame(out, index=pd.RangeIndex(len(df)))


def build(article: Article, gazetteer_people: bool = True) -> Tables:
    """Every table of ``article`` (``gazetteer_people=False`` finds people by cues alone)."""
    st = structure.parse(article.body, article.lang)
    sentences = frame("sentences", [
        {"sentence_id": s.sentence_id, "paragraph_id": s.paragraph_id, "section_id": s.section_id,
         "order": s.order, "text": s.text, "char_start": s.char_start, "char_end": s.char_end,
         "n_citations": s.n_citations, "n_words": structure.count_words(s.text)}
        for s in st.sentences
    ])
    by_para = sentences.groupby("paragraph_id").agg(n_sentences=("sentence_id", "size"), n_words=("n_words", "sum"))
    paragraphs = frame("paragraphs", [
        {"paragraph_id": p.paragraph_id, "section_id": p.section_id, "order": p.order, "text": p.text,
         "char_start": p.char_start, "char_end": p.char_end,
         "n_sentences": int(by_para["n_sentences"].get(p.paragraph_id, 0)),
         "n_words": int(by_para["n_words"].get(p.paragraph_id, 0))}
        for p in st.paragraphs
    ])
    sections = _sections(st, sentences, paragraphs)
    parties = entities.linked_parties(entities.title_parties(article.title, article.lang), article.links)
    article_df = frame("article", [{
        "article_id": article.article_id, "title": article.title, "revision": article.revision,
        "url": article.url, "lang": article.lang, "n_sections": len(sections), "n_paragraphs": len(paragraphs),
        "n_sentences": len(sentences), "n_words": int(sentences["n_words"].sum()),
        "n_citations": int(sentences["n_citations"].sum()), **pipeline.party_columns(parties),
    }])
    extracted = pipeline.extract(article, st, gazetteer_people, parties)
    del st  # the paragraphs' and sentences' text is in their tables now
    # Each table's rows are let go as soon as its frame is built: a big article never holds
    # every table twice, as rows and as a frame.
    frames = {name: frame(name, extracted.pop(name)) for name in list(extracted)}
    return Tables(article=article_df, sections=sections, paragraphs=paragraphs, sentences=sentences, **frames)


def _sections(st: structure.Structure, sentences: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    by_sec = sentences.groupby("section_id").agg(
        n_sentences=("sentence_id", "size"), n_words=("n_words", "sum"), n_citations=("n_citations", "sum"))
    paras_per_sec = paragraphs.groupby("section_id").size()
    has_text = {s.section_id: paras_per_sec.get(s.section_id, 0) > 0 for s in st.sections}
    for s in reversed(st.sections):  # children come after parents: propagate text upwards
        if has_text[s.section_id] and s.parent_id is not None:
            has_text[s.parent_id] = True
    return frame("sections", [
        {"section_id": s.section_id, "order": s.order, "level": s.level, "title": s.title,
         "parent_id": s.parent_id, "n_paragraphs": int(paras_per_sec.get(s.section_id, 0)),
         "n_sentences": int(by_sec["n_sentences"].get(s.section_id, 0)),
         "n_words": int(by_sec["n_words"].get(s.section_id, 0)),
         "n_citations": int(by_sec["n_citations"].get(s.section_id, 0)),
         "is_empty": not has_text[s.section_id], "char_start": s.char_start, "char_end": s.char_end}
        for s in st.sections
    ])


def mentions_by_section(tables: Tables) -> pd.DataFrame:
    """Mentions per entity and section: ``name, type, section, n``, most mentioned first."""
    m = tables.mentions.merge(tables.sentences[["sentence_id", "section_id"]], on="sentence_id")
    m = m.merge(tables.entities[["entity_id", "name", "type"]], on="entity_id")
    m = m.merge(tables.sections[["section_id", "title"]].rename(columns={"title": "section"}), on="section_id")
    out = m.groupby(["name", "type", "section_id", "section"], sort=False).size().rename("n").reset_index()
    return out.sort_values(["n", "section_id", "name"], ascending=[False, True, True]).drop(columns="section_id").reset_index(drop=True)


def event_actors(tables: Tables) -> pd.DataFrame:
    """The ``actors`` of each event (entity ids) joined to their names: one row per event and
    actor, ``event_id, start, kind, tone, entity_id, name, canonical, type``."""
    pairs = tables.events[["event_id", "start", "kind", "tone", "actors"]].assign(
        entity_id=tables.events.actors.str.split(";")).explode("entity_id")
    pairs = pairs[pairs.entity_id.notna() & (pairs.entity_id != "")].astype({"entity_id": "int64"})
    named = pairs.drop(columns="actors").merge(
        tables.entities[["entity_id", "name", "canonical", "type"]], on="entity_id", how="left")
    return named.sort_values(["event_id", "entity_id"]).reset_index(drop=True)


def write(tables: Tables, out_dir: str | Path) -> Path:
    """Write every table to ``out_dir/<article_id>/<table>.csv`` (each file atomically)."""
    folder = Path(out_dir) / tables.article_id
    folder.mkdir(parents=True, exist_ok=True)
    for name in tables.names:
        atomic_write_text(folder / f"{name}.csv", tables[name].to_csv(index=False, lineterminator="\n"))
    return folder


def read(folder: str | Path) -> Tables:
    """Read the tables that :func:`write` wrote to ``folder`` (one article's folder)."""
    folder = Path(folder)
    frames = {}
    for f in fields(Tables):
        df = pd.read_csv(folder / f"{f.name}.csv", dtype=str, keep_default_na=False, encoding="utf-8")
        frames[f.name] = _typed(f.name, df)
    return Tables(**frames)


def schema_markdown() -> str:
    """The data dictionary (docs/tables.md) as Markdown, generated from :data:`SCHEMAS`."""
    lines = [
        "# Tables",
        "",
        "Generated from `bilateral.tables.SCHEMAS` by `python -m bilateral.tables > docs/tables.md`;",
        "a test fails when the two differ. Each table is `<out>/<article_id>/<table>.csv` (UTF-8,",
        "header row). Offsets are character offsets into the article body (LF line endings, after",
        "the `---` line). Dates are ISO 8601 at the precision the text gives (`1948-11-28`,",
        "`1961-10`, `1961`), empty where unknown. Empty cells are empty strings or missing integers.",
    ]
    for name, schema in SCHEMAS.items():
        lines += ["", f"## {name}", "", "| column | dtype | meaning |", "|---|---|---|"]
        lines += [f"| `{c}` | {d} | {m} |" for c, d, m in schema]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(schema_markdown(), end="")
