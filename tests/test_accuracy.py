"""Extraction measured on real articles nobody tuned for (tests/articles/real/), annotated from
tests/articles/real/ANNOTATION.md without reading the extraction code.

The floors sit a little below the figures that `benchmarks/bench_accuracy.py` prints, so a
regression fails while an improvement only needs the floors raised."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_accuracy", ROOT / "benchmarks" / "bench_accuracy.py")
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench_accuracy"] = bench  # dataclasses look their module up there
_spec.loader.exec_module(bench)

# Measured (bench_accuracy.py) on 2026-12-02: see the README's Benchmarks section.
FLOORS = {
    "he": {"dates_f1": 0.97, "date_values": 0.97, "people_precision": 0.97, "people_recall": 0.88,
           "organizations_precision": 0.60, "organizations_recall": 0.85, "states_recall": 0.91,
           "quote_speakers": 0.95},
    "en": {"dates_f1": 0.96, "date_values": 0.94, "people_precision": 0.97, "people_recall": 0.93,
           "organizations_precision": 0.93, "organizations_recall": 0.86, "states_recall": 0.97,
           "quote_speakers": 0.90},
}


@pytest.fixture(scope="module")
def scores():
    return bench.score()


def test_the_corpus_has_enough_articles_in_each_language(scores):
    assert scores["he"].articles >= 10 and scores["en"].articles >= 8


@pytest.mark.parametrize("lang", sorted(FLOORS))
def test_extraction_keeps_its_measured_accuracy(lang, scores):
    figures = scores[lang].figures()
    print(lang, {k: round(v, 3) for k, v in figures.items()})
    low = {k: round(figures[k], 3) for k, floor in FLOORS[lang].items() if figures[k] < floor}
    assert not low, f"{lang}: below the floor: {low}"


def _articles() -> list[Path]:
    real = sorted((ROOT / "tests" / "articles" / "real").glob("*.txt"))
    own = sorted((ROOT / "tests" / "articles").glob("*.txt"))
    return [ROOT / "seeds" / "000_ba48285eb3d73b6f.txt", *own, *real]


def _media_names(lang: str) -> set[str]:
    from bilateral import resources

    names = set()
    for entry in resources.load(lang, "media").get("media") or []:
        names |= {str(n).casefold() for n in [entry.get("canonical"), *entry.get("names", [])] if n}
    return names


@pytest.mark.parametrize("path", _articles(), ids=lambda p: p.stem)
def test_no_person_is_a_function_word_month_newspaper_or_party(path):
    """The issue's rule on every article we hold: a person is never a word that never names
    (function word, month, weekday, title alone), a news medium, or one of the title's parties."""
    import bilateral
    from bilateral.extraction.entities.lexicon import rules

    tables = bilateral.extract(path)
    lang = tables["article"]["lang"].iloc[0]
    rule = rules(lang)
    art = tables["article"].iloc[0]
    parties = {str(art[c]).casefold() for c in ("party_a", "party_b", "party_a_en", "party_b_en") if art[c]}
    media = _media_names(lang) | _media_names("en")
    for name in tables["entities"].query("type == 'person'")["name"]:
        words = name.split()
        assert not all(rule.is_never(w) for w in words), f"{path.name}: person {name!r} is a non-name word"
        assert name.casefold() not in media, f"{path.name}: news medium {name!r} taken as a person"
        assert name.casefold() not in parties, f"{path.name}: the title's party {name!r} taken as a person"
