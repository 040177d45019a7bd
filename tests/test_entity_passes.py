"""The entity scan gives the same entities and mentions whether a sentence's pieces are kept
between its passes (a short article) or cut anew in each pass (a long one, to bound memory)."""

from __future__ import annotations

import pytest
from conftest import ARTICLES, SEED

from bilateral.extraction import entities
from bilateral.reading import article, structure

SEEDS = [SEED, *sorted(ARTICLES.glob("*.txt")), *sorted((ARTICLES / "pair").glob("*.txt"))]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_pieces_cut_anew_in_each_pass_find_what_kept_pieces_find(seed, monkeypatch):
    art = article.load(seed)
    spans = [(s.char_start, s.char_end) for s in structure.parse(art.body, art.lang).sentences]
    kept = entities.extract(art.body, spans, art.lang, links=art.links)
    monkeypatch.setattr(entities, "KEEP_PIECES", 0)
    anew = entities.extract(art.body, spans, art.lang, links=art.links)
    assert anew == kept
    assert kept.mentions  # the comparison is of something
