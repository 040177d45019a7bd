"""The report must not say false things: every sentence of the narrative, every turning point the
charts mark and every count on the page is true of the tables it came from, and where there is
nothing true to say, nothing is said (issue 13)."""

from __future__ import annotations

import dataclasses
import math
import re

import numpy as np
import pytest
from conftest import ARTICLES, SEED

import bilateral
from bilateral import tables as tables_module
from bilateral.presentation import charts, chronology, narrative, report
from bilateral.presentation.narrative.text import LRM, phrases, when_phrase

REAL = ARTICLES / "real"
CORPUS = [SEED, *sorted(ARTICLES.glob("*.txt")), *(sorted(REAL.glob("*.txt")) if REAL.is_dir() else [])]


@pytest.fixture(scope="module")
def seed():
    return bilateral.extract(SEED)


def _turn_patterns(lang: str) -> dict[str, re.Pattern]:
    """A pattern per direction, built from the narrative's own templates."""
    out = {}
    for direction, template in phrases(lang)["turn"].items():
        pattern = re.escape(template)
        for name, group in (("when", r"(?P<when>.+?)"), ("before", r"(?P<before>\S+)"), ("after", r"(?P<after>\S+)"),
                            ("text", r"(?P<text>.*)")):
            pattern = pattern.replace(re.escape("{" + name + "}"), group)
        out[direction] = re.compile(pattern + "$")
    return out


def _number(text: str) -> float:
    return float(text.replace(LRM, "").replace("\u2212", "-"))


def _check_narrative(t: bilateral.Tables, lang: str) -> None:
    n = narrative.render(t, lang)
    ev = chronology.dated_events(t)
    patterns = _turn_patterns(lang)
    around = phrases(lang)["when"]["around"].split("{")[0]
    for key, heading, lines in n.sections:
        assert lines, f"empty section {heading!r}"
        for line in lines:
            text = line.text()
            assert "{" not in text and "}" not in text
            for word in (phrases(lang)["after"].split("{")[0], phrases(lang)["before"].split("{")[0]):
                assert around + word not in text, text  # not "around after 1990"
            if key != "turning_points" or text == phrases(lang)["no_turns"]:
                continue
            m = next((m for p in patterns.values() if (m := p.match(text))), None)
            assert m is not None, f"a turning point in no known form: {text}"
            direction = next(d for d, p in patterns.items() if p.match(text))
            before, after = _number(m["before"]), _number(m["after"])
            # the direction word matches the sign of the change
            if before < 0 < after:
                assert direction == "warmed", text
            elif after < 0 < before:
                assert direction == "cooled", text
            else:
                assert direction == ("eased" if after > before else "worsened"), text
            # the turning point names an event with that date, whose tone has the sign it turns to
            carriers = [e for e in ev.itertuples() if when_phrase(e.start, e.end, lang, around=True) == m["when"]]
            assert carriers, f"no event dated {m['when']!r}: {text}"
            assert any(not math.isnan(e.tone) and np.sign(e.tone) == np.sign(after) for e in carriers), text


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["en", "he"])
def test_every_sentence_of_the_narrative_is_true_of_the_tables(path, lang):
    _check_narrative(bilateral.extract(path), lang)


# --- Tone: no tone words is not a neutral tone -----------------------------------------------


def test_a_clause_with_no_tone_word_has_an_unknown_tone(seed, tmp_path):
    ev = seed.events
    same_month = ev[ev.text.str.startswith("באותו חודש")].iloc[0]
    assert math.isnan(same_month.tone)  # "באותו חודש, הותר לשגרירות..." has no tone word
    folder = tables_module.write(seed, tmp_path)
    row = (folder / "events.csv").read_text(encoding="utf-8").splitlines()[int(same_month.event_id) + 1]
    assert row.endswith(",," + same_month.era) or f",,{same_month.era}" in row  # an empty cell, not 0
    back = tables_module.read(folder)
    assert math.isnan(back.events.tone.iloc[int(same_month.event_id)])
    assert "unknown" in tables_module.SCHEMAS["events"][10][2]


def test_an_unknown_tone_never_makes_a_turning_point(seed):
    ev = chronology.dated_events(seed)
    known = ev[ev.tone.notna()]
    assert len(known) < len(ev)
    assert chronology.turning_points(ev) == chronology.turning_points(known)


# --- Turning points: one definition, sustained shifts, honest words ---------------------------


def _events(t: bilateral.Tables, rows: list[tuple[str, float]]) -> bilateral.Tables:
    ev = t.events.iloc[[0] * len(rows)].reset_index(drop=True)
    ev = ev.assign(event_id=range(len(rows)), start=[d for d, _ in rows], end=[d for d, _ in rows],
                   tone=[v for _, v in rows], text=[f"Event {i}." for i in range(len(rows))], era="")
    return dataclasses.replace(t, events=ev)


def _turns(t):
    return [(x.year, x.direction) for x in chronology.turning_points(chronology.dated_events(t))]


def test_seed_turns_once_when_relations_deteriorated_in_the_1970s(seed):
    turns = chronology.turning_points(chronology.dated_events(seed))
    assert [(t.start, t.end, t.direction) for t in turns] == [("1970", "1979", "cooled")]
    text = narrative.render(seed, "en").text()
    assert "warmed around June 1977" not in text
    assert "Relations cooled between 1970 and 1979 (mean tone +0.60 → -0.53): בשנות ה-70" in text


def test_the_chart_marks_the_turning_points_the_narrative_names(seed):
    events = {math.floor(x) for x in chronology.dated_events(seed).x}
    marks = [a.get_text() for a in charts.warmth(seed, lang="en").axes[0].texts if a.get_text()[-4:].isdigit()]
    named = [t.year for t in chronology.turning_points(chronology.dated_events(seed), chronology.TOP_TURNS)]
    assert [int(m[-4:]) for m in marks] == named == [1970]
    assert {int(m[-4:]) for m in marks} <= events  # never a year without an event (not "cooling 1966")
    assert "cooling in 1970" in charts.alt_text("warmth", seed, "en")


def test_a_lone_mild_event_is_not_a_turn_but_a_strong_opposite_one_is(seed):
    assert _turns(_events(seed, [("1950", 0.6), ("1952", 0.7), ("1954", -0.3), ("1956", 0.6)])) == []
    assert _turns(_events(seed, [("1950", 0.6), ("1952", 0.7), ("1954", -0.8), ("1956", 0.6)])) == [
        (1954, "cooled"), (1956, "warmed")]
    assert _turns(_events(seed, [("1950", 0.6), ("1952", 0.7), ("1954", -0.3), ("1956", -0.2)])) == [(1954, "cooled")]


def test_two_opposite_turns_in_one_month_are_noise(seed):
    t = _events(seed, [("1950", 0.6), ("1952", 0.7), ("1961-10", -0.8), ("1961-10", 0.9), ("1963", 0.5)])
    assert _turns(t) == []


def test_a_change_within_one_sign_is_eased_or_worsened_with_the_values(seed):
    t = _events(seed, [("1950", -0.8), ("1952", -0.7), ("1954", 0.0), ("1956", 0.0)])
    assert _turns(t) == [(1954, "eased")]
    text = narrative.render(t, "en").text()
    assert "Relations eased around 1954 (mean tone -0.75 → +0.00): Event 2." in text


# --- Span, phrasing, empty sections, empty period, focus ---------------------------------------


ARTICLE = """revision: 1
title: "Arland–Borvia relations"
url: https://en.wikipedia.org/wiki/Arland–Borvia_relations
---
Arland and Borvia established diplomatic relations in 1990.
In the 21st century the two states grew closer.
In 2005 they signed a trade agreement.
Relations with Borvia improved after 2006.
Relations were broken off in 2007, and were re-initiated in 2009.
"""


@pytest.fixture
def arland(write_seed):
    return bilateral.extract(write_seed("arland.txt", ARTICLE))


def test_a_century_or_an_open_date_does_not_stretch_the_span(arland):
    text = narrative.render(arland, "en").text()
    assert "between 1990 and 2009" in text and "2100" not in text
    assert "1990-2009" in str(report.title(arland, "en"))


def test_each_quoted_clause_reads_as_a_sentence(arland):
    text = narrative.render(arland, "en").text()
    assert "The last dated event comes in 2009: Relations were broken off in 2007, and were re-initiated in 2009." in text
    assert ": and " not in text
    assert "around after" not in text


def test_a_quote_keeps_no_trailing_comma():
    assert narrative.text.quote("more unites us than divides us, ") == "more unites us than divides us"


def test_top_n_zero_leaves_out_what_it_would_leave_empty(seed):
    n = narrative.render(seed, "en", top_n=0)
    keys = [k for k, _, _ in n.sections]
    assert "quotes" not in keys and "turning_points" not in keys and "actors" not in keys
    assert "never swings" not in n.text()
    with pytest.raises(ValueError, match="top_n"):
        narrative.render(seed, "en", top_n=-1)


def test_an_empty_period_is_said_plainly_and_whole_article_counts_stay(seed):
    t = report.focus(seed, "2050-2060")
    text = narrative.render(t, "en").text()
    assert "The article dates nothing in 2050–2060" in text
    assert "0 dated events" not in text and "all dates" not in text
    assert f"temporal expressions: {len(seed.timexes)}" in text
    assert [k for k, _, _ in narrative.render(t, "en").sections] == ["summary", "source"]
    assert "dates nothing in 2050-2060" in str(report.title(t, "en"))
    assert "הערך אינו מתארך דבר בשנים 2050-2060" in narrative.render(t, "he").text()


def test_period_narrows_actors_mentions_and_quotes(seed):
    t = report.focus(seed, "1950-1962")
    later = "קים יונג-נאם"  # named only in November 2012
    assert later in set(seed.entities.name[seed.entities.n_mentions > 0])
    assert later not in set(t.entities.name[t.entities.n_mentions > 0])
    assert later not in " ".join(charts.data.actor_matrix(t, "he").index)
    assert set(t.quotes.sentence_id) <= set(t.mentions.sentence_id) | set(t.events.sentence_id)
    assert "1950–1962" in narrative.render(t, "en").text()
    assert "whole article" in charts.caption("structure", t, "en")


# --- Hebrew: a signed number reads the same in both languages ----------------------------------


def test_a_signed_tone_keeps_its_sign_on_the_left_in_hebrew(seed):
    n = narrative.render(seed, "he")
    markup = n._repr_html_()
    assert re.search(r'<bdi dir="ltr">\u200e[+-]\d\.\d\d</bdi>', markup)
    assert not re.search(r"<bdi>[+-]\d", markup)
    assert LRM + "+0.60" in n.text()
    assert "\u200e+0.60" in str(report.events_table(seed, "he"))



# --- Event kinds: read from the whole clause ----------------------------------------------------


def test_the_ambassadors_complaint_is_a_statement_not_a_visit(seed):
    ev = seed.events[seed.events.start == "1961-10"].iloc[0]
    assert ev.text.startswith("זה השפיע על המגעים")
    assert ev.kind == "statement"  # "the ambassador claimed in October 1961 that ... at a meeting ..."
    assert math.isnan(ev.tone)  # "שיבחינו" (that they would notice) is not "שיבח" (praised)


def test_kind_reads_the_word_nearest_the_date_and_skips_quoted_words():
    from bilateral.extraction import events

    clause = "India opposed the bombing campaign, and in 1966 Gandhi called for a halt to the raids."
    assert events.kind(clause, "en", "1966") == "statement"
    assert events.kind('In 1970 he wrote that "a visit is welcome".', "en", "1970") == "statement"
    assert events.kind('In 1970 the leaders held talks in Hanoi after "a long war".', "en", "1970") == "visit"
    assert events.kind("In 1970 nothing of the kind happened.", "en", "1970") == "other"


def test_kind_precision_is_computed_over_the_named_kinds():
    from bilateral.extraction import events

    gold = [("In 1970 the two states signed a treaty.", "en", "agreement"),
            ("In 1971 he visited Hanoi.", "en", "visit"),
            ("In 1972 the envoy complained that a meeting was cancelled.", "en", "statement"),
            ("In 1973 it rained.", "en", "other")]
    precision, n = events.kind_precision(gold)
    assert n == 3 and precision == pytest.approx(2 / 3)


def test_an_empty_period_never_claims_the_article_has_nothing(seed):
    t = report.focus(seed, "2050-2060")
    for name in ("timeline", "warmth", "actors", "mentions"):
        alt = charts.alt_text(name, t, "en")
        assert "2050–2060" in alt and "the article has no" not in alt and "mentions no" not in alt, alt
        texts = [x.get_text() for x in charts.CHARTS[name](t, lang="en").axes[0].texts]
        assert any("2050–2060" in x for x in texts), texts
    for shown in (report.events_table(t), report.people_table(t), report.quotes_table(t)):
        assert '<td colspan="' in str(shown) and ">none</td>" in str(shown)  # not bare headings


def test_focused_tables_write_like_any_tables(seed, tmp_path):
    t = report.focus(seed, "1950-1962")
    folder = tables_module.write(t, tmp_path)
    assert sorted(p.stem for p in folder.glob("*.csv")) == sorted(tables_module.TABLES)
    assert len(tables_module.read(folder).events) == len(t.events) < len(seed.events)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_the_warmth_chart_marks_what_the_narrative_names(path):
    t = bilateral.extract(path)
    ev = chronology.dated_events(t)
    words = {v: k for k, v in charts.style.chart_words("en")["turns"].items()}
    marks = []
    for a in charts.warmth(t, lang="en").axes[0].texts:
        word, _, year = a.get_text().rpartition(" ")
        if word in words:
            marks.append((words[word], int(year)))
    named = []
    for line in narrative.render(t, "en").text().splitlines():
        for direction, pattern in _turn_patterns("en").items():
            if m := pattern.match(line):
                e = next(e for e in ev.itertuples() if when_phrase(e.start, e.end, "en", around=True) == m["when"])
                named.append((direction, math.floor(e.x)))
    assert marks == named
