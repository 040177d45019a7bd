"""The index page: one row per report with its revision, mean tone and warmth sparkline."""

from __future__ import annotations

from bilateral.presentation import pages
from bilateral.presentation.chronology import dated_events, yearly_tone
from bilateral.running.batch import write_index
from bilateral.running.manifest import Result


def test_a_sparkline_draws_the_years_warmth_and_nothing_for_fewer_than_two():
    import base64
    import re

    img = str(pages.sparkline([[1948, 0.6], [1961, -0.8], [2012, 0.2]], width=100, height=20))
    assert img.startswith('<img class="spark" src="data:image/svg+xml;base64,') and 'alt="warmth 1948-2012"' in img
    svg = base64.b64decode(re.search(r'base64,([^"]+)"', img).group(1)).decode()
    assert 'points="2.0,' in svg and "98.0," in svg  # first and last year at the two ends
    assert str(pages.sparkline([[1948, 0.6]])) == ""


def test_yearly_tone_leaves_out_unknown_tones(seed_tables):
    pairs = yearly_tone(dated_events(seed_tables))
    assert pairs and all(-1 <= t <= 1 for _, t in pairs)
    assert [y for y, _ in pairs] == sorted({y for y, _ in pairs})


def test_the_index_row_has_revision_mean_tone_and_sparkline(tmp_path):
    row = Result("a", "a.txt", "ok", title="A–B relations", lang="en", n_events=3, period="1950-1990",
                 link="a/report.html", revision=123, mean_tone=-0.25, warmth=[[1950, 0.5], [1990, -0.5]])
    page = write_index(tmp_path, [row]).read_text(encoding="utf-8")
    assert "<td>123</td>" in page and "<td>-0.25</td>" in page and '<img class="spark"' in page
