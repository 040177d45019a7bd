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
    "he": {"dates_f1": 0.90, "date_values": 0.90, "people_precision": 0.75, "people_recall": 0.68,
           "organizations_precision": 0.33, "organizations_recall": 0.80, "states_recall": 0.90,
           "quote_speakers": 0.95},
    "en": {"dates_f1": 0.92, "date_values": 0.97, "people_precision": 0.90, "people_recall": 0.92,
           "organizations_precision": 0.85, "organizations_recall": 0.60, "states_recall": 0.97,
           "quote_speakers": 0.70},
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
