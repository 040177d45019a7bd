"""Event kinds in CAMEO root codes and Goldstein weights (resources/cameo.yml)."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from conftest import SEED

import bilateral
from bilateral import resources
from bilateral.extraction import cameo


def test_every_kind_of_both_lexicons_but_other_has_a_code():
    for lang in ("he", "en"):
        kinds = set(resources.load(lang, "tone")["event_kinds"]) - {"other"}
        assert kinds == set(cameo.codes()), lang


def test_codes_are_cameo_root_codes_with_goldstein_weights_in_range():
    for kind, code in cameo.codes().items():
        assert code.cameo in cameo.roots(), kind
        assert code.code.startswith(code.cameo) and len(code.code) == 3, kind
        assert -10 <= code.goldstein <= 10, kind


@pytest.mark.parametrize(("kind", "root", "weight"), [
    ("agreement", "05", 8.0),      # 057 Sign formal agreement
    ("visit", "04", 1.9),          # 042 Make a visit
    ("rupture", "16", -4.0),       # 161 Reduce or break diplomatic relations
    ("conflict", "19", -10.0),     # 190 Use conventional military force
], ids=["agreement", "visit", "rupture", "conflict"])
def test_known_weights_from_the_gdelt_lookup(kind, root, weight):
    assert (cameo.of(kind).cameo, cameo.of(kind).goldstein) == (root, weight)


def test_cooperation_kinds_weigh_above_conflict_kinds():
    w = {k: c.goldstein for k, c in cameo.codes().items()}
    assert min(w["agreement"], w["aid"], w["establishment"]) > 0 > max(w["rupture"], w["conflict"])


def test_annotate_leaves_other_empty():
    out = cameo.annotate(pd.DataFrame({"kind": ["visit", "other"]}))
    assert list(out.cameo) == ["04", ""]
    assert out.goldstein[0] == 1.9 and math.isnan(out.goldstein[1])


def test_the_events_table_carries_the_codes_of_its_kinds(tmp_path):
    t = bilateral.extract(SEED)
    ev = t.events
    assert ev.cameo.dtype == "string" and ev.goldstein.dtype == "float64"
    for kind, root, weight in zip(ev.kind, ev.cameo, ev.goldstein, strict=True):
        code = cameo.of(kind)
        assert (root, weight) == (code.cameo, code.goldstein) if code else (root == "" and pd.isna(weight))
    back = bilateral.tables.read(bilateral.tables.write(t, tmp_path))
    pd.testing.assert_frame_equal(back.events, ev)
