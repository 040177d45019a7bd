"""Accuracy of extraction on the real-article corpus (tests/articles/real/), per language.

Each article there has an annotation made from tests/articles/real/ANNOTATION.md by someone who
never read the extraction code. This script scores the extracted tables against it and prints,
per language: dates (precision, recall, value accuracy), people and organizations (precision,
recall), states (recall) and quote speakers (accuracy). tests/test_accuracy.py asserts floors a
little below the printed figures, so a regression fails.

Usage: .venv/bin/python benchmarks/bench_accuracy.py [--details]
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import bilateral

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("BILATERAL_ACCURACY_CORPUS", ROOT / "tests" / "articles" / "real"))
_PREFIXES = "והבלמשכ"
_QUOTE_MARKS = "\"'״׳“”„«»‘’ ,.;:"


@dataclass
class Tally:
    """Counts for one measure: matched predictions, predictions, matched gold, gold."""

    hit_pred: int = 0
    pred: int = 0
    hit_gold: int = 0
    gold: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.hit_pred += other.hit_pred
        self.pred += other.pred
        self.hit_gold += other.hit_gold
        self.gold += other.gold
        self.misses += other.misses
        self.false += other.false

    @property
    def precision(self) -> float:
        return self.hit_pred / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.hit_gold / self.gold if self.gold else 1.0


def _norm(text: object) -> str:
    return " ".join(str(text or "").replace("\u05be", "-").split()).casefold()


def _unprefixed(text: str) -> set[str]:
    """The text and its forms with up to three Hebrew prefix letters removed."""
    out, t = {text}, text
    for _ in range(3):
        if len(t) > 2 and t[0] in _PREFIXES:
            t = t[1:].lstrip("-")
            out.add(t)
        else:
            break
    return out


def _names(gold: dict) -> set[str]:
    forms = {gold.get("name", ""), gold.get("english", ""), *gold.get("forms", [])}
    return {_norm(f) for f in forms if f}


def _entity_names(row) -> set[str]:
    names = {_norm(row.name), _norm(row.canonical)}
    names |= {n[4:] for n in names if n.startswith("the ")}
    return {x for n in names if n for x in _unprefixed(n)}


def score_entities(tables, gold_list: list[dict], kind: str) -> Tally:
    """Precision and recall of the entities of ``kind`` against the annotated ones."""
    t = Tally(gold=len(gold_list))
    pred = tables.entities[tables.entities.type == kind]
    t.pred = len(pred)
    found_gold: set[int] = set()
    for row in pred.itertuples():
        names = _entity_names(row)
        hits = [i for i, g in enumerate(gold_list) if names & _names(g)]
        if hits:
            t.hit_pred += 1
            found_gold.update(hits)
        else:
            t.false.append(f"{kind}: {row.name}")
    t.hit_gold = len(found_gold)
    t.misses += [f"{kind}: {g.get('name')}" for i, g in enumerate(gold_list) if i not in found_gold]
    return t


def score_states(tables, gold: dict[str, int]) -> Tally:
    """Recall of the annotated states among the extracted countries (by English name)."""
    names = {_norm(c) for c in tables.entities[tables.entities.type == "country"].canonical}
    t = Tally(gold=len(gold))
    for state in gold:
        if _norm(state) in names:
            t.hit_gold += 1
        else:
            t.misses.append(f"state: {state}")
    return t


def _same_span(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return bool(a and b) and (a in b or b in a)


def score_dates(tables, gold: list[dict]) -> tuple[Tally, int, int]:
    """Date detection (precision/recall by overlapping text) and value accuracy of the matches."""
    t = Tally(gold=len(gold))
    pred = list(tables.timexes.itertuples())
    t.pred = len(pred)
    used: set[int] = set()
    right = matched = 0
    for g in gold:
        j = next((j for j, p in enumerate(pred) if j not in used and _same_span(p.text, g["text"])), None)
        if j is None:
            t.misses.append(f"date: {g['text']}")
            continue
        used.add(j)
        matched += 1
        p = pred[j]
        if (str(p.start or ""), str(p.end or "")) == (str(g.get("start") or ""), str(g.get("end") or "")):
            right += 1
        else:
            t.misses.append(f"value: {g['text']} = {g.get('start')}..{g.get('end')}, got {p.start}..{p.end}")
    t.hit_gold = t.hit_pred = len(used)
    t.false += [f"date: {p.text}" for j, p in enumerate(pred) if j not in used]
    return t, right, matched


def score_quotes(tables, gold: list[dict]) -> tuple[int, int, list[str]]:
    """Quotes whose speaker is right (no speaker where the annotation has none), over all
    annotated quotes; a quote the extraction missed counts as wrong."""
    right, notes = 0, []
    speakers = tables.entities.set_index("entity_id")
    for g in gold:
        text = _norm(str(g["text"]).strip(_QUOTE_MARKS))
        row = next((q for q in tables.quotes.itertuples() if _same_span(str(q.text).strip(_QUOTE_MARKS), text)), None)
        want = _norm(g.get("speaker", ""))
        if row is None:
            notes.append(f"quote missed: {g['text'][:40]}")
            continue
        got: set[str] = set()
        if row.speaker_entity_id is not None and str(row.speaker_entity_id) not in ("", "<NA>"):
            e = speakers.loc[int(row.speaker_entity_id)]
            got = {_norm(e["name"]), _norm(e["canonical"])}
        if (not want and not got) or (want and want in got):
            right += 1
        else:
            notes.append(f"speaker: {g['text'][:30]}... want {want or '-'}, got {sorted(got) or '-'}")
    return right, len(gold), notes


@dataclass
class Scores:
    """The corpus scores of one language."""

    articles: int = 0
    dates: Tally = field(default_factory=Tally)
    values_right: int = 0
    values_matched: int = 0
    people: Tally = field(default_factory=Tally)
    organizations: Tally = field(default_factory=Tally)
    states: Tally = field(default_factory=Tally)
    quotes_right: int = 0
    quotes: int = 0
    notes: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        """The printed figures, by name."""
        d = self.dates
        f1 = 2 * d.precision * d.recall / (d.precision + d.recall) if d.precision + d.recall else 0.0
        return {
            "dates_precision": d.precision, "dates_recall": d.recall, "dates_f1": f1,
            "date_values": self.values_right / self.values_matched if self.values_matched else 1.0,
            "people_precision": self.people.precision, "people_recall": self.people.recall,
            "organizations_precision": self.organizations.precision,
            "organizations_recall": self.organizations.recall,
            "states_recall": self.states.recall,
            "quote_speakers": self.quotes_right / self.quotes if self.quotes else 1.0,
        }


def corpus() -> list[Path]:
    """The annotated real articles."""
    return sorted(p for p in CORPUS.glob("*.txt") if p.with_suffix(".expected.yml").exists())


def score(paths: list[Path] | None = None) -> dict[str, Scores]:
    """Scores per language over the corpus."""
    out: dict[str, Scores] = {}
    for path in paths if paths is not None else corpus():
        gold = yaml.safe_load(path.with_suffix(".expected.yml").read_text(encoding="utf-8"))
        tables = bilateral.extract(path)
        s = out.setdefault(gold["lang"], Scores())
        s.articles += 1
        dates, right, matched = score_dates(tables, gold.get("timexes") or [])
        s.dates.add(dates)
        s.values_right += right
        s.values_matched += matched
        people = score_entities(tables, gold.get("people") or [], "person")
        orgs = score_entities(tables, gold.get("organizations") or [], "organization")
        states = score_states(tables, gold.get("states") or {})
        for tally in (people, orgs, states, dates):
            s.notes += [f"{path.stem}: {m}" for m in tally.misses + [f"FALSE {x}" for x in tally.false]]
        s.people.add(people)
        s.organizations.add(orgs)
        s.states.add(states)
        q_right, q_all, q_notes = score_quotes(tables, gold.get("quotes") or [])
        s.quotes_right += q_right
        s.quotes += q_all
        s.notes += [f"{path.stem}: {n}" for n in q_notes]
    return out


def main(argv: list[str]) -> int:
    scores = score()
    if not scores:
        print(f"no annotated articles in {CORPUS}")
        return 1
    for lang, s in sorted(scores.items()):
        print(f"{lang}: {s.articles} articles, {s.dates.gold} dates, {s.people.gold} people, "
              f"{s.organizations.gold} organizations, {s.states.gold} states, {s.quotes} quotes")
        for name, value in s.figures().items():
            print(f"  {name:<24} {value:.3f}")
        if "--details" in argv:
            for note in s.notes:
                print("   ", note)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
