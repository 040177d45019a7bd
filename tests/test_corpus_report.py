"""The corpus report: its tables (corpus_views), charts, written comparison, notebook cells and
the published page (render_corpus, slow)."""

from __future__ import annotations

import dataclasses

import matplotlib.pyplot as plt
import pytest
from conftest import ARTICLES, SEED
from matplotlib.figure import Figure

import bilateral
from bilateral import corpus
from bilateral.errors import UsageError
from bilateral.presentation import corpus_charts, corpus_report, corpus_text
from bilateral.presentation import corpus_views as views

PATHS = [SEED, ARTICLES / "en_01_india_vietnam.txt", *sorted((ARTICLES / "pair").glob("*.txt"))]


@pytest.fixture(scope="module")
def articles():
    return [bilateral.extract(p) for p in PATHS]


@pytest.fixture(scope="module")
def c(articles):
    return corpus.build(articles)


def _renamed(t, article_id):
    return dataclasses.replace(t, article=t.article.assign(article_id=article_id))


def test_events_per_decade_add_up_to_each_articles_dated_events(c, articles):
    table = views.events_per_decade(c)
    assert list(table.index) == c.ids
    assert list(table.columns) == list(range(table.columns.min(), table.columns.max() + 10, 10))
    for t in articles:
        dated = ((t.events.start != "") | (t.events.end != "")).sum()
        assert table.loc[t.article_id].sum() == dated, t.article_id


def test_yearly_warmth_counts_every_dated_event_once(c):
    w = views.yearly_warmth(c)
    assert w.n.sum() == len(views.event_years(c))
    assert w.tone.dropna().between(-1, 1).all() and w.goldstein.dropna().between(-1, 1).all()
    assert not w.duplicated(["article_id", "year"]).any()


def test_shared_actors_are_in_two_articles_at_least(c):
    shared = views.shared_actors(c)
    assert len(shared) and (shared.n_articles >= 2).all()
    for r in shared.itertuples():
        assert len(r.mentions) == r.n_articles and sum(r.mentions.values()) == r.n_mentions
    un = shared.set_index("name").loc["United Nations"]
    assert set(un.mentions) == {"en_ruritania_freedonia", "he_ruritania_freedonia"}
    assert un.name_he == "ארגון האומות המאוחדות"


def test_dated_share_of_one_article(c, articles):
    t = articles[0]
    row = views.dated_share(c).set_index("article_id").loc[t.article_id]
    dated = t.timexes.sentence_id.nunique()
    assert (row.n_sentences, row.n_dated) == (len(t.sentences), dated)
    assert row.share == pytest.approx(dated / len(t.sentences))


@pytest.mark.parametrize("name", sorted(corpus_charts.CHARTS))
@pytest.mark.parametrize("lang", ["en", "he"])
def test_every_chart_is_a_figure_and_pyplot_is_untouched(c, name, lang):
    before = plt.get_fignums()
    fig = corpus_charts.CHARTS[name](c, lang=lang)
    assert isinstance(fig, Figure) and plt.get_fignums() == before
    assert corpus_charts.alt_text(name, c, lang) and corpus_charts.caption(name, lang)


def test_the_heatmap_writes_each_nonzero_count(c):
    fig = corpus_charts.decades(c)
    table = views.events_per_decade(c)
    shown = sorted(int(t.get_text()) for t in fig.axes[0].texts)
    assert shown == sorted(int(v) for v in table.to_numpy().ravel() if v)


def test_charts_draw_into_a_given_axes(c):
    for name in ("decades", "actors", "dated"):
        fig = Figure()
        assert corpus_charts.CHARTS[name](c, ax=fig.add_subplot()) is fig


def test_the_summary_states_the_corpus_size(c):
    text = corpus_text.summary(c, "en")
    n = len(views.event_years(c))
    years = views.event_years(c).year
    assert text.startswith(f"The 4 articles tell {n} dated events between {years.min()} and {years.max()}.")
    assert "Named in the most articles:" in text
    assert corpus_text.summary(c, "he").startswith(f"4 הערכים מספרים על {n} אירועים מתוארכים")


def test_ties_give_no_superlative(articles):
    twins = corpus.build([articles[2], _renamed(articles[2], "twin")])
    text = corpus_text.summary(twins, "en")
    assert "tells the most" not in text and "warmest" not in text and "largest share" not in text


def test_no_dated_event_is_said_plainly(articles):
    t = articles[2]
    undated = dataclasses.replace(t, events=t.events.iloc[0:0])
    c2 = corpus.build([undated, _renamed(undated, "twin")])
    assert corpus_text.summary(c2, "en") == "The articles tell no dated event."
    for name in corpus_charts.CHARTS:
        assert isinstance(corpus_charts.CHARTS[name](c2), Figure)


def test_cells_save_figures_and_escape_titles(articles, tmp_path):
    evil = dataclasses.replace(articles[1], article=articles[1].article.assign(title="<script>x</script>"))
    c2 = corpus.build([articles[0], evil])
    html = corpus_report.figure(c2, "dated", tmp_path, "svg", "he").markup
    assert "data:image/svg+xml;base64," in html and (tmp_path / "corpus_dated.png").is_file()
    table = corpus_report.articles_table(c2, "en").markup
    assert "<script>" not in table and "&lt;script&gt;" in table
    assert '<h1 dir="auto">Bilateral relations in 2 articles</h1>' in corpus_report.title(c2, "en").markup


@pytest.mark.slow
def test_render_corpus_publishes_a_self_contained_page_twice_the_same(tmp_path):
    from bilateral.running.corpus import render_corpus

    seeds = [SEED, *sorted((ARTICLES / "pair").glob("*.txt"))]
    page = render_corpus(seeds, tmp_path / "reports", "he", tmp_path / "processed")
    first = page.read_bytes()
    html = first.decode("utf-8")
    assert '<html lang="he" dir="rtl">' in html and "<script" not in html
    assert 'id="corpus-decades"' in html and "data:image/png;base64," in html
    assert bilateral.load_corpus(tmp_path / "processed" / "corpus").ids == sorted(p.stem for p in seeds)
    assert render_corpus(seeds, tmp_path / "reports", "he", tmp_path / "processed").read_bytes() == first


def test_render_corpus_needs_two_seeds(tmp_path):
    from bilateral.running.corpus import render_corpus

    with pytest.raises(UsageError, match="two or more"):
        render_corpus([SEED], tmp_path)


@pytest.mark.slow
def test_batch_with_corpus_builds_links_and_then_keeps_the_corpus_report(tmp_path):
    import subprocess
    import sys

    def batch():
        return subprocess.run([sys.executable, "-m", "bilateral.cli", "batch", str(SEED),
                               str(ARTICLES / "en_02_cuba_north_korea.txt"), "--out", str(tmp_path),
                               "--no-progress", "--corpus"], capture_output=True, text=True, timeout=600)

    first = batch()
    assert first.returncode == 0, first.stderr
    assert "2 reports: 2 built" in first.stdout and "corpus report: built" in first.stdout
    assert (tmp_path / "corpus.html").is_file()
    assert 'href="corpus.html"' in (tmp_path / "index.html").read_text(encoding="utf-8")
    again = batch()
    assert "corpus report: up to date" in again.stdout, again.stdout
