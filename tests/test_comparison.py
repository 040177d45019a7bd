"""Two editions compared: the test pair (tests/articles/pair, an invented pair of states told in
Hebrew and English), alignment rules on small hand-made tables, the paragraph, the chart and
finding the other edition through a links sidecar."""

from __future__ import annotations

import dataclasses
import json
import shutil

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from conftest import ARTICLES
from matplotlib.figure import Figure

import bilateral
from bilateral import tables
from bilateral.presentation import comparison, comparison_chart, comparison_report, comparison_text
from bilateral.reading import editions
from bilateral.reading.links import links_path

HE = ARTICLES / "pair" / "he_ruritania_freedonia.txt"
EN = ARTICLES / "pair" / "en_ruritania_freedonia.txt"

# What the two test articles tell, by date (Hebrew, English): written into them on purpose.
SHARED = {("1950-03-12", "1950-03-12"), ("1957-06-14", "1957-06"), ("1973", "1973"), ("1992", "1992")}
DATES_DIFFER = {("1964", "1963")}  # the treaty of friendship
ONLY_HE = {"1985", "2004"}         # a border clash (same year as an English-only loan), a consulate
ONLY_EN = {"1981", "1985", "2010"}


@pytest.fixture(scope="module")
def pair():
    return bilateral.extract(HE), bilateral.extract(EN)


@pytest.fixture(scope="module")
def comp(pair):
    return comparison.compare(*pair)


def _pairs(df, status):
    rows = df[df.status == status]
    return {(a, b) for a, b in zip(rows.start_a, rows.start_b, strict=True)}


def test_every_shared_event_is_aligned_and_no_false_pair(comp):
    assert _pairs(comp.events, "both") == SHARED


def test_the_date_disagreement_is_reported(comp):
    assert _pairs(comp.events, "dates_differ") == DATES_DIFFER
    row = comp.disagreements().iloc[0]
    assert (row.kind_a, row.kind_b) == ("agreement", "agreement")


def test_events_only_one_edition_tells(comp):
    assert set(comp.only("a").start_a) == ONLY_HE
    assert set(comp.only("b").start_b) == ONLY_EN
    assert comp.events.event_id_a.dropna().is_unique and comp.events.event_id_b.dropna().is_unique


def test_every_dated_event_of_both_editions_appears_once(pair, comp):
    he, en = pair
    assert sorted(comp.events.event_id_a.dropna()) == sorted(he.events.event_id)
    assert sorted(comp.events.event_id_b.dropna()) == sorted(en.events.event_id)


def test_the_comparison_is_symmetric(pair, comp):
    back = comparison.compare(pair[1], pair[0])
    assert _pairs(back.events, "both") == {(b, a) for a, b in SHARED}
    assert _pairs(back.events, "dates_differ") == {(b, a) for a, b in DATES_DIFFER}


def test_actors_one_edition_names(comp):
    act = comp.actors.set_index("canonical")
    assert act.loc["Austria", "status"] == "only_b" and act.loc["Austria", "certain"]
    assert act.loc["Switzerland", "status"] == "only_a" and act.loc["Switzerland", "certain"]
    assert act.loc["United Nations", "status"] == "both"
    # The Hebrew edition has people with no English name: an English-only person is not certain.
    assert not act.loc["Rufus Firefly", "certain"]


# --- alignment rules on hand-made tables ------------------------------------------------------

def _tables(events, entities=(), title="A–B relations", lang="en"):
    """Tables with only what the comparison reads: the title, entities and events."""
    art = tables.frame("article", [{
        "article_id": "x", "title": title, "revision": 1, "url": "https://en.wikipedia.org/wiki/X",
        "lang": lang, "n_sections": 1, "n_paragraphs": 1, "n_sentences": 1, "n_words": 1,
        "n_citations": 0, **{f"party_{side}{k}": "" for side in "ab" for k in ("", "_en", "_code")}}])
    ents = tables.frame("entities", [
        {"entity_id": i, "type": typ, "name": name, "canonical": canon, "code": code, "wikidata_id": "",
         "n_mentions": 1} for i, (typ, name, canon, code) in enumerate(entities)])
    ev = tables.frame("events", [
        {"event_id": i, "sentence_id": 0, "section_id": 0, "timex_id": i, "start": s, "end": e,
         "date_kind": "year", "kind": kind, "text": f"event {i}", "actors": actors, "tone": 0.0, "era": ""}
        for i, (s, e, kind, actors) in enumerate(events)])
    empty = {n: tables.frame(n, []) for n in ("sections", "paragraphs", "sentences", "timexes", "mentions", "quotes")}
    return tables.Tables(article=art, entities=ents, events=ev, **empty)


UN = ("organization", "UN", "United Nations", "")


@pytest.mark.parametrize(("a", "b", "status"), [
    (("1957-06-14", "1957-06-14", "visit", ""), ("1957-06", "1957-06", "visit", ""), "both"),
    (("1970", "1979", "aid", ""), ("1975", "1975", "aid", ""), "both"),
    (("1957", "1957", "visit", ""), ("1957", "1957", "aid", ""), None),
    (("1957", "1957", "visit", "0"), ("1957", "1957", "aid", "0"), "both"),
    (("1963", "1963", "agreement", "0"), ("1964", "1964", "agreement", "0"), "dates_differ"),
    (("1963", "1963", "agreement", ""), ("1964", "1964", "agreement", ""), None),
    (("1963", "1963", "agreement", "0"), ("1969", "1969", "agreement", "0"), None),
    (("1957-06-14", "1957-06-14", "visit", ""), ("1957-06-20", "1957-06-20", "visit", ""), "dates_differ"),
    (("1957", "1957", "other", "0"), ("1957", "1957", "other", ""), None),
], ids=["day-within-month", "year-within-decade", "same-year-other-kind-no-actor",
        "same-year-shared-actor", "next-year-same-kind-shared-actor", "next-year-no-actor",
        "six-years-apart", "same-month-other-day", "other-kind-without-shared-actor"])
def test_alignment_rules(a, b, status):
    out = comparison.align(_tables([a], [UN]), _tables([b], [UN]))
    assert list(out.status) == ([status] if status else ["only_a", "only_b"])


def test_the_titles_states_are_no_evidence():
    states = [("country", "Alfa", "Alfa", "AA"), ("country", "Beta", "Beta", "BB")]
    a = _tables([("1957", "1957", "visit", "0;1")], states, title="Alfa–Beta relations")
    b = _tables([("1957", "1957", "aid", "0;1")], states, title="Alfa–Beta relations")
    assert list(comparison.align(a, b).status) == ["only_a", "only_b"]


def test_wikidata_ids_outrank_names():
    a = _tables([("1957", "1957", "visit", "0")], [("person", "Rudolf", "Rudolf V", "")])
    b = _tables([("1957", "1957", "aid", "0")], [("person", "רודולף", "", "")], lang="he")
    assert list(comparison.align(a, b).status) == ["only_a", "only_b"]
    with_ids = [dataclasses.replace(t, entities=t.entities.assign(wikidata_id=["Q123"])) for t in (a, b)]
    assert list(comparison.align(*with_ids).status) == ["both"]


def test_a_place_is_not_an_actor():
    place = [("place", "Geneva", "Geneva", "CH")]
    a = _tables([("1957", "1957", "visit", "0")], place)
    b = _tables([("1957", "1957", "aid", "0")], place)
    assert list(comparison.align(a, b).status) == ["only_a", "only_b"]


# --- the paragraph ----------------------------------------------------------------------------

def test_the_paragraph_tells_the_disagreement_and_the_counts(comp):
    text = comparison_text.paragraph(comp, "en")
    assert "The Hebrew edition and the English edition both tell 5 dated events." in text
    assert "the Hebrew edition gives 1964, the English edition 1963" in text
    assert "Only the English edition names Austria." in text
    assert "Only the Hebrew edition names Switzerland." in text
    assert "Firefly" not in text  # not certain: the Hebrew edition may name him in Hebrew


def test_the_hebrew_paragraph(comp):
    text = comparison_text.paragraph(comp, "he")
    assert "לפי המהדורה העברית 1964, ולפי המהדורה האנגלית 1963" in text
    assert "רק המהדורה העברית מזכירה את שווייץ." in text
    assert "רק המהדורה האנגלית מזכירה את אוסטריה." in text  # CLDR's Hebrew name of a state


def test_nothing_to_compare_says_nothing():
    empty = _tables([])
    assert comparison_text.paragraph(comparison.compare(empty, empty), "en") == ""


def test_no_shared_event_is_said_so():
    a, b = _tables([("1957", "1957", "visit", "")]), _tables([("1990", "1990", "aid", "")])
    text = comparison_text.paragraph(comparison.compare(a, b), "en")
    assert text.startswith("“A–B relations” and “A–B relations” tell no dated event in common.")


# --- the chart --------------------------------------------------------------------------------

def test_the_chart_joins_matched_events_and_leaves_pyplot_alone(comp):
    before = plt.get_fignums()
    fig = comparison_chart.facing_timelines(comp, "he")
    assert isinstance(fig, Figure) and plt.get_fignums() == before
    joins = [ln for ln in fig.axes[0].lines if list(ln.get_ydata()) == [1.0, -1.0]]
    assert len(joins) == len(SHARED) + len(DATES_DIFFER)
    assert sum(ln.get_linestyle() == "--" for ln in joins) == len(DATES_DIFFER)


def test_the_chart_draws_into_a_given_axes(comp):
    fig = Figure()
    ax = fig.add_subplot()
    assert comparison_chart.facing_timelines(comp, "en", ax=ax) is fig


# --- finding the other edition ----------------------------------------------------------------

@pytest.fixture
def seeds_with_sidecar(tmp_path):
    for p in (HE, EN):
        shutil.copy(p, tmp_path / p.name)
    return tmp_path


FETCHED = {"format": 1, "lang": "he", "revision": 41000001, "title": "יחסי פרידוניה–רוריטניה", "links": [
    {"label": "צרפת", "label_en": "France", "title": "צרפת", "type": "state", "wikidata_id": "Q142"}]}


@pytest.mark.parametrize("links", [
    {**FETCHED, "langlinks": {"en": "Freedonia–Ruritania relations"}},
    {**FETCHED, "langlinks": [{"lang": "en", "title": "Freedonia–Ruritania_relations"}]},
], ids=["mapping", "mediawiki-list"])
def test_langlinks_in_a_sidecar_pair_the_editions(seeds_with_sidecar, links):
    he = seeds_with_sidecar / HE.name
    links_path(he).write_text(json.dumps(links, ensure_ascii=False), encoding="utf-8")
    assert editions.pairs(sorted(seeds_with_sidecar.glob("*.txt"))) == [(seeds_with_sidecar / EN.name, he)]
    assert editions.partner(he, seeds_with_sidecar.glob("*.txt")) == seeds_with_sidecar / EN.name
    assert comparison_report.other_edition(he) == seeds_with_sidecar / EN.name


def test_without_sidecar_or_parameter_there_is_no_section(seeds_with_sidecar, pair):
    he = seeds_with_sidecar / HE.name
    assert editions.pairs(sorted(seeds_with_sidecar.glob("*.txt"))) == []
    links_path(he).write_text(json.dumps(FETCHED, ensure_ascii=False), encoding="utf-8")
    assert editions.pairs(sorted(seeds_with_sidecar.glob("*.txt"))) == []  # format 1 has no langlinks
    assert comparison_report.section(pair[0], he).markup == ""


def test_the_section_with_a_named_edition(pair, tmp_path):
    html = comparison_report.section(pair[0], HE, EN, lang="he", out_dir=tmp_path).markup
    assert '<h2 id="comparison"' in html and "data:image/png;base64," in html
    assert (tmp_path / "comparison.svg").is_file() and (tmp_path / "comparison.png").is_file()
    assert "לפי המהדורה העברית 1964" in html


def test_article_text_is_escaped_in_the_section(pair, tmp_path):
    he, en = pair
    evil = dataclasses.replace(en, events=en.events.assign(text=en.events.text + "<script>alert(1)</script>"))
    html = comparison_report.render(comparison.compare(he, evil), "en", tmp_path)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_actors_frame_columns(comp):
    assert list(comp.actors.columns) == ["key", "type", "canonical", "code", "name_a", "mentions_a", "name_b",
                                         "mentions_b", "status", "certain"]
    assert pd.api.types.is_bool_dtype(comp.actors.certain)


def test_the_compare_parameter_names_an_existing_seed_and_its_own_variant():
    from bilateral.errors import UsageError
    from bilateral.running import parameters

    checked = parameters.check_parameters({"compare": str(EN)})
    assert checked == {"compare": "tests/articles/pair/en_ruritania_freedonia.txt"}
    assert parameters.variant(checked) == "compare-en_ruritania_freedonia"
    with pytest.raises(UsageError, match="compare names no seed file"):
        parameters.check_parameters({"compare": "tests/articles/pair/nosuch.txt"})


def test_a_broken_seed_beside_it_is_no_edition(seeds_with_sidecar):
    he = seeds_with_sidecar / HE.name
    links_path(he).write_text(json.dumps({**FETCHED, "langlinks": {"en": "Freedonia–Ruritania relations"}},
                                         ensure_ascii=False), encoding="utf-8")
    (seeds_with_sidecar / "a_broken.txt").write_bytes(b"\x00\x01 not a seed")
    assert editions.partner(he, sorted(seeds_with_sidecar.glob("*.txt"))) == seeds_with_sidecar / EN.name
