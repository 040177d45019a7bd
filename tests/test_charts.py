"""Charts: every chart on real and degenerate tables, no global state, Hebrew glyph order,
captions and alt text, and reproducible files."""

from __future__ import annotations

import dataclasses
import sys

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from conftest import ARTICLES
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import bilateral
from bilateral.presentation import charts, display

ENGLISH = ARTICLES / "en_02_cuba_north_korea.txt"


@pytest.fixture(scope="module")
def seed(seed_tables):
    return seed_tables  # conftest extracts the seed once per session


@pytest.fixture(scope="module")
def english():
    return bilateral.extract(ENGLISH)


def render(fig: Figure) -> np.ndarray:
    """Draw ``fig`` with Agg (so draw-time errors surface) and return its RGBA pixels."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())


def drawn(ax) -> bool:
    return bool(ax.lines or ax.collections or ax.patches or ax.texts or ax.images)


def assert_chart(fig, draw: bool = True) -> None:
    assert isinstance(fig, Figure)
    assert fig.axes and any(drawn(ax) for ax in fig.axes)
    if draw:  # charts have already drawn (without pixels) to settle their layout
        render(fig)


# --- Degenerate tables, built by filtering the real ones -------------------------------------


def _only_sections(t: bilateral.Tables, section_ids: set[int]) -> bilateral.Tables:
    sentences = t.sentences[t.sentences.section_id.isin(section_ids)]
    mentions = t.mentions[t.mentions.sentence_id.isin(sentences.sentence_id)]
    return dataclasses.replace(
        t, sections=t.sections[t.sections.section_id.isin(section_ids)],
        paragraphs=t.paragraphs[t.paragraphs.section_id.isin(section_ids)], sentences=sentences,
        mentions=mentions, entities=t.entities[t.entities.entity_id.isin(mentions.entity_id)],
        events=t.events[t.events.section_id.isin(section_ids)],
        timexes=t.timexes[t.timexes.sentence_id.isin(sentences.sentence_id)],
        quotes=t.quotes[t.quotes.sentence_id.isin(sentences.sentence_id)])


def _without_types(t: bilateral.Tables, types: list[str]) -> bilateral.Tables:
    entities = t.entities[~t.entities.type.isin(types)]
    return dataclasses.replace(t, entities=entities, mentions=t.mentions[t.mentions.entity_id.isin(entities.entity_id)])


def _tones(t: bilateral.Tables, tones: list[float]) -> bilateral.Tables:
    ev = t.events.iloc[: len(tones)]
    return dataclasses.replace(t, events=ev.assign(tone=tones))


DEGENERATE = {
    "no events at all": lambda t: dataclasses.replace(t, events=t.events.iloc[0:0]),
    "one event": lambda t: dataclasses.replace(t, events=t.events.iloc[[3]]),
    "two events, one warm one cold": lambda t: _tones(t, [0.8, -0.6]),
    "every tone 0": lambda t: dataclasses.replace(t, events=t.events.assign(tone=0.0)),
    "tones that swing warm and cold": lambda t: dataclasses.replace(
        t, events=t.events.assign(tone=np.round(np.sin(np.arange(len(t.events)) / 2), 2))),
    "only undated events": lambda t: dataclasses.replace(t, events=t.events[(t.events.start == "") & (t.events.end == "")]),
    "only an open-ended 'after' event": lambda t: dataclasses.replace(t, events=t.events[t.events.end == ""].iloc[:1].assign(start="1990")),
    "only a 'before' event": lambda t: dataclasses.replace(t, events=t.events.iloc[:1].assign(start="", end="1985")),
    "dates that are not ISO": lambda t: dataclasses.replace(t, events=t.events.assign(start="soon", end="")),
    "no people or states": lambda t: _without_types(t, ["person", "country"]),
    "no mentions at all": lambda t: _without_types(t, ["person", "country", "organization", "place"]),
    "a single section (the lead)": lambda t: _only_sections(t, {0}),
    "no sections, no text": lambda t: _only_sections(t, set()),
}


@pytest.mark.parametrize("name", list(charts.CHARTS))
@pytest.mark.parametrize("article", ["seed", "english"])
def test_every_chart_draws_a_figure_for_real_articles(name, article, request):
    tables = request.getfixturevalue(article)
    assert_chart(charts.CHARTS[name](tables))


@pytest.mark.parametrize("case", list(DEGENERATE))
def test_every_chart_survives_degenerate_tables(case, seed, english):
    for tables in (seed, english):
        degenerate = DEGENERATE[case](tables)
        for name, chart in charts.CHARTS.items():
            assert_chart(chart(degenerate), draw=False)
            for lang in ("en", "he"):
                assert charts.caption(name, degenerate, lang)
                assert charts.alt_text(name, degenerate, lang)


def test_no_dated_events_draws_a_message_instead(seed, english):
    for tables, words in ((seed, "אין בערך אירועים מתוארכים"), (english, "No dated events")):
        empty = dataclasses.replace(tables, events=tables.events.iloc[0:0])
        for chart in (charts.timeline, charts.warmth):
            texts = [t.get_text() for t in chart(empty).axes[0].texts]
            assert any(words in text for text in texts)


@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_a_given_axes_is_drawn_into(name, english):
    fig = Figure(figsize=(9, 4.5))
    ax = fig.add_subplot()
    assert charts.CHARTS[name](english, ax=ax) is fig
    assert drawn(ax)
    render(fig)


@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_the_first_draw_looks_like_every_later_one(name, seed):
    fig = charts.CHARTS[name](seed)
    assert np.array_equal(render(fig), render(fig))  # a notebook's display equals the saved file


def test_charts_change_no_global_state(seed, english):
    matplotlib.get_backend()  # resolving the backend is not the charts' doing
    before, figures = dict(matplotlib.rcParams), plt.get_fignums()
    for tables in (seed, english):
        for chart in charts.CHARTS.values():
            render(chart(tables))
    assert dict(matplotlib.rcParams) == before
    assert plt.get_fignums() == figures  # nothing left open in pyplot


# --- Hebrew ----------------------------------------------------------------------------------


def ink(text: str, size: float = 40) -> np.ndarray:
    """Dark pixels of ``text`` drawn the charts' way: logical order, inside the charts' style."""
    with plt.rc_context(charts.STYLE):
        fig = Figure(figsize=(4, 1.5), dpi=100)
        fig.text(0.1, 0.3, text, fontsize=size, ha="left", va="baseline")
    pixels = render(fig)[..., :3].min(axis=2) < 128
    columns = np.flatnonzero(pixels.any(axis=0))
    return pixels[:, columns.min(): columns.max() + 1]


def test_python_bidi_is_not_used():
    assert "bidi" not in sys.modules


def test_hebrew_rendered_in_logical_order_differs_from_its_reversal():
    assert not np.array_equal(ink("אלבניה"), ink("אלבניה"[::-1]))


def test_hebrew_reads_right_to_left_the_last_letter_is_leftmost():
    pair, alef, bet = ink("אב"), ink("א"), ink("ב")
    k = min(alef.shape[1], bet.shape[1]) // 2

    def mismatch(glyph):
        return int((pair[:, :k] != glyph[:, :k]).sum())

    assert mismatch(bet) < mismatch(alef)


def test_hebrew_lamed_ascender_is_where_right_to_left_puts_it():
    def ascender_side(text):
        pixels = ink(text)
        top = np.flatnonzero(pixels.any(axis=1)).min()
        return "left" if np.flatnonzero(pixels[top]).mean() < pixels.shape[1] / 2 else "right"

    assert ascender_side("אל") == "left"  # lamed, the last letter, is leftmost
    assert ascender_side("לא") == "right"


def test_seed_timeline_era_labels_are_the_section_titles_in_logical_order(seed):
    fig = charts.timeline(seed)
    labels = [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "era-label"]
    assert "פתיח" in labels
    titles = set(seed.sections.title)
    assert {label for label in labels if label != "פתיח"} <= titles
    assert "המלחמה הקרה" in labels


def test_labels_follow_the_article_language(seed, english):
    assert charts.timeline(seed).axes[0].get_xlabel() == "שנה"
    assert charts.timeline(english).axes[0].get_xlabel() == "Year"
    he_cols = [t.get_text() for t in charts.actors(seed).axes[0].get_xticklabels()]
    en_cols = [t.get_text() for t in charts.actors(english).axes[0].get_xticklabels()]
    assert he_cols[0] == "פתיח" and en_cols[0] == "Lead"


# --- Details of single charts ----------------------------------------------------------------


def test_year_fraction():
    assert charts.year_fraction("1961") == 1961.0
    assert charts.year_fraction("1961", end=True) == 1962.0
    assert charts.year_fraction("1961-10") == 1961.75
    assert charts.year_fraction("1948-01-01") == 1948.0
    assert charts.year_fraction("1948-11-28") == pytest.approx(1948 + 332 / 366)
    assert charts.year_fraction("") is None
    assert charts.year_fraction(pd.NA) is None
    assert charts.year_fraction("later") is None


def test_dated_events_place_ranges_and_open_dates(seed):
    ev = charts.dated_events(seed)
    undated = ((seed.events.start == "") & (seed.events.end == "")).sum()
    assert len(ev) == len(seed.events) - undated
    assert ev.x.is_monotonic_increasing
    decade = ev[(ev.x0 == 1970.0)].iloc[0]
    assert decade.x1 == 1980.0  # the 1970s run to the end of 1979
    assert set(ev.open) <= {"", "after", "before"}
    assert (ev[ev.open == "after"].x == 1990.0).all()


def test_actors_heatmap_counts_people_and_states_by_section(english):
    matrix = charts.data.actor_matrix(english, "en")
    assert len(matrix) <= charts.TOP_ACTORS
    assert matrix.columns[0] == "Lead"
    kept = english.entities[english.entities.type.isin(["person", "country"])]
    assert matrix.to_numpy().sum() <= english.mentions.entity_id.isin(kept.entity_id).sum()
    assert matrix.sum(axis=1).is_monotonic_decreasing


def test_mentions_legend_names_the_types(english):
    legend = charts.mentions(english).axes[0].get_legend()
    assert {t.get_text() for t in legend.get_texts()} <= {"state", "person", "organization", "place", "other"}
    assert "state" in {t.get_text() for t in legend.get_texts()}


def test_structure_indents_subsections(seed, english):
    en = [t.get_text() for t in charts.structure(english).axes[0].get_yticklabels()]
    he = [t.get_text() for t in charts.structure(seed).axes[0].get_yticklabels()]
    levels_en, levels_he = list(english.sections.level), list(seed.sections.level)
    assert [label.lstrip().startswith("↳") for label in en] == [lvl > 2 for lvl in levels_en]
    assert [label.lstrip().startswith("↲") for label in he] == [lvl > 2 for lvl in levels_he]
    assert en[0] == "Lead" and he[0] == "פתיח"


def test_warmth_finds_where_relations_turn(english):
    years = ["1950", "1953", "1956", "1959", "1962", "1965", "1968", "1971"]
    tones = [0.8, 0.7, 0.9, 0.6, -0.7, -0.8, -0.6, -0.9]
    ev = english.events.iloc[: len(years)].assign(start=years, end=years, tone=tones, era="")
    t = dataclasses.replace(english, events=ev)
    text = charts.alt_text("warmth", t, "en")
    # The turn is dated by the event that carries it (1962), not by where a smoothed line crosses zero.
    assert "cooling in 1962" in text, text
    assert "התקררות ב-" in charts.alt_text("warmth", t, "he")
    annotations = [a.get_text() for a in charts.warmth(t).axes[0].texts]
    assert any(a.startswith("cooling") for a in annotations)


# --- Captions and alt text -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "he"])
@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_captions_and_alt_text_in_both_languages(name, lang, seed, english):
    for tables in (seed, english):
        title = str(tables.article.title.iloc[0])
        assert title in charts.caption(name, tables, lang)
        alt = charts.alt_text(name, tables, lang)
        assert any(ch.isdigit() for ch in alt)
        if lang == "he":
            assert "–" not in alt.replace(title, "")  # year ranges use a hyphen-minus in Hebrew


def test_timeline_alt_text_counts_from_the_tables(seed):
    ev = seed.events
    dated = ev[(ev.start != "") | (ev.end != "")]
    first = min(int(s[:4]) for s in dated.start if s)
    text = charts.alt_text("timeline", seed, "en")
    assert text.startswith(f"Timeline of {len(dated)} dated events from {first} to ")
    warm = (dated.tone > 0).sum()
    assert f"{warm} warm" in text
    assert f"{len(dated)} אירועים מתוארכים בשנים {first}-" in charts.alt_text("timeline", seed, "he")


def test_unknown_chart_names_are_refused(seed):
    with pytest.raises(ValueError, match="no chart named"):
        charts.caption("pie", seed, "en")


# --- Saving ----------------------------------------------------------------------------------


def test_save_writes_byte_identical_files(seed, tmp_path):
    first = charts.save(charts.timeline(seed), tmp_path / "a", "timeline")
    second = charts.save(charts.timeline(seed), tmp_path / "b", "timeline")
    again = charts.save(charts.timeline(seed), tmp_path / "a", "timeline")
    assert [p.name for p in first] == ["timeline.svg", "timeline.png"]
    fig = charts.warmth(seed)
    twice = [charts.save(fig, tmp_path / folder, "warmth")[1].read_bytes() for folder in ("c", "d")]
    assert twice[0] == twice[1]  # the same figure saved twice
    for a, b, c in zip(first, second, again, strict=True):
        assert a.read_bytes() == b.read_bytes() == c.read_bytes()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["timeline.png", "timeline.svg"]  # no temp files
    png, svg = first[1].read_bytes(), first[0].read_text(encoding="utf-8")
    assert png.startswith(b"\x89PNG") and b"Software" not in png
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (900, 450)  # 9x4.5 in at 100 dpi
    assert "<dc:date>" not in svg


def _redrawn(fig, folder, name: str) -> bytes:
    fig.stale = True  # as after any change: save must draw it again
    return charts.save(fig, folder, name, formats=("png",))[0].read_bytes()


@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_a_saved_png_reuses_the_settled_pixels_and_equals_a_fresh_draw(name, seed, tmp_path):
    fig = charts.CHARTS[name](seed, lang="he")
    with plt.rc_context(charts.STYLE):
        assert display.drawn_pixels(fig, fig.dpi) is not None  # settling drew the pixels once
    reused = charts.save(fig, tmp_path / "a", name)[1].read_bytes()
    assert reused == _redrawn(fig, tmp_path / "b", name)


def test_a_changed_chart_is_drawn_again_even_after_another_format(seed, tmp_path):
    fig = charts.timeline(seed)
    before = charts.save(fig, tmp_path / "a", "timeline", formats=("png",))[0].read_bytes()
    fig.axes[0].set_title("changed")
    # The SVG draws first and leaves the figure fresh; the PNG must still show the change.
    changed = charts.save(fig, tmp_path / "b", "timeline", formats=("svg", "png"))[1].read_bytes()
    assert changed != before
    assert changed == _redrawn(fig, tmp_path / "c", "timeline")


def test_pixels_are_not_reused_on_another_background_dpi_or_crop(seed):
    fig = charts.warmth(seed)
    with plt.rc_context(charts.STYLE):
        assert display.drawn_pixels(fig, fig.dpi) is not None
        assert display.drawn_pixels(fig, 2 * fig.dpi) is None
    for rc in ({"savefig.facecolor": "black"}, {"savefig.transparent": True}, {"savefig.bbox": "tight"}):
        with plt.rc_context({**charts.STYLE, **rc}):
            assert display.drawn_pixels(fig, fig.dpi) is None, rc


def test_save_refuses_an_unknown_format(seed, tmp_path):
    with pytest.raises(ValueError, match="cannot save"):
        charts.save(charts.structure(seed), tmp_path, "structure", formats=("bmp",))
    assert not list(tmp_path.iterdir())
