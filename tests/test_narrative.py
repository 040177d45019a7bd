"""The written report: generated from the tables, in English and Hebrew, numbers from the tables."""

from __future__ import annotations

import re

import pytest
from conftest import ARTICLES

import bilateral
from bilateral.presentation import narrative


@pytest.mark.parametrize("lang", ["en", "he"])
def test_every_section_is_present(seed_tables, lang):
    n = narrative.render(seed_tables, lang)
    assert [k for k, _, _ in n.sections] == ["summary", "phases", "turning_points", "actors", "quotes", "now", "source"]
    assert n.dir == ("rtl" if lang == "he" else "ltr")


def test_numbers_in_the_text_come_from_the_tables(seed_tables):
    text = narrative.render(seed_tables, "en").text()
    dated = narrative.dated_events(seed_tables)
    assert f"dates {len(dated)} events between {dated.sort_key.iloc[0][:4]} and" in text
    a = seed_tables.article.iloc[0]
    assert f"Whole article: sentences: {a.n_sentences}; temporal expressions: {len(seed_tables.timexes)}" in text
    assert f"revision {a.revision}" in text
    people = seed_tables.entities[seed_tables.entities.type == "person"]
    top = people.sort_values(["n_mentions", "entity_id"], ascending=[False, True]).iloc[0]
    assert f"named {top.n_mentions} times" in text
    # every four-digit year in the narrative's own sentences is a year of the tables
    years = {v[:4] for v in list(seed_tables.events.start) + list(seed_tables.events.end) if v}
    own = re.sub(r"[\u0590-\u05ff][^\n]*?(?=[.;]|$)", "", text)  # drop quoted article clauses
    for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", own):
        assert y in years


def test_english_narrative_gives_english_names_beside_the_articles(seed_tables):
    text = narrative.render(seed_tables, "en").text()
    assert "אלבניה (Albania)" in text
    assert "קים איל-סונג (Kim Il-sung)" in text
    assert "28 November 1948" in text


def test_hebrew_narrative_keeps_names_as_written(seed_tables):
    text = narrative.render(seed_tables, "he").text()
    assert "(Albania)" not in text
    assert "28 בנובמבר 1948" in text
    assert "על היחסים בין אלבניה וקוריאה הצפונית" in text


def test_html_escapes_article_text_and_isolates_values(write_seed):
    path = write_seed("x.txt", 'revision: 1\ntitle: "<script>alert(1)</script>"\nurl: https://en.wikipedia.org/wiki/X\n---\n'
                      'In 1961 the <b>two</b> states signed a friendship treaty.\n')
    html = narrative.render(bilateral.extract(path), "en")._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>two</b>" not in html
    assert "<bdi>" in html


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.stem)
def test_narrative_reads_on_unseen_articles(path):
    t = bilateral.extract(path)
    for lang in ("en", "he"):
        n = narrative.render(t, lang)
        text = n.text()
        assert "{" not in text and "}" not in text  # every placeholder filled
        assert len(narrative.dated_events(t)) > 0 and "dates no events" not in text


def test_no_events_is_said_plainly(write_seed):
    path = write_seed("plain.txt", "revision: 1\ntitle: T\nurl: https://en.wikipedia.org/wiki/T\n---\nNothing is dated here.\n")
    text = narrative.render(bilateral.extract(path), "en").text()
    assert "The article dates no events" in text


def test_the_story_starts_at_a_closely_dated_event_and_names_states_once():
    t = bilateral.extract(ARTICLES / "en_03_egypt_united_states.txt")
    text = narrative.render(t, "en").text()
    assert "between Egypt and the United States." in text
    assert "The story begins in 1922:" in text  # not "the 20th century" (wording: a date phrase, not "is after 1903")
