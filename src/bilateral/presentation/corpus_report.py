"""What the corpus notebook shows, cell by cell: title, written comparison, charts and the list
of articles, as HTML from autoescaping templates (article text never becomes markup).

>>> import bilateral
>>> from bilateral.presentation import corpus_report
>>> corpus = bilateral.load_corpus()                                  # doctest: +SKIP
>>> corpus_report.figure(corpus, "decades", lang="he")               # doctest: +SKIP
"""

from __future__ import annotations

import base64
from pathlib import Path

from markupsafe import Markup

from .. import paths
from ..tables import Tables
from ..vocab import CORPUS_REPORT_FOLDER, FIGURE_FORMATS
from . import charts, corpus_charts, corpus_text
from . import corpus_views as views
from .corpus_charts import words
from .pages import direction, environment
from .report import Html, table

FOLDER = CORPUS_REPORT_FOLDER


def _macros():
    return environment().get_template("fragments.html.j2").module


def heading(key: str, lang: str = "en") -> Html:
    """A section heading (``<h2 id=corpus-KEY>``); the page's table of contents lists them."""
    return Html(str(_macros().heading(f"corpus-{key}", words(lang)["sections"][key], lang, direction(lang))))


def title(corpus: Tables, lang: str = "en") -> Html:
    """The title block: how many articles, in which languages, how many events, which years."""
    w = words(lang)
    arts = views.articles(corpus)
    years = views.event_years(corpus).year
    period = f"{int(years.min())}-{int(years.max())}" if len(years) else ""
    subtitle = w["subtitle"].format(n_he=int((arts.lang == "he").sum()), n_en=int((arts.lang == "en").sum()),
                                    n_events=len(years), period=period).replace(", .", ".")
    head = {"title": w["title"].format(n=len(arts))}
    return Html(str(_macros().title(head, subtitle, lang, direction(lang))))


def summary(corpus: Tables, lang: str = "en", top_n: int = 3) -> Html:
    """The written comparison under its heading; nothing when there is nothing to say."""
    text = corpus_text.summary(corpus, lang, top_n)
    if not text:
        return Html("")
    d = direction(lang)
    para = Markup('<p class="narrative" lang="{}" dir="{}">{}</p>').format(lang, d, text)
    return Html(str(heading("summary", lang)) + str(para))


def figures_dir(out_dir: str | Path = "") -> Path:
    """Where the corpus figures go: ``out_dir``, else ``<reports>/corpus/figures``."""
    folder = paths.resolve_output(out_dir) if out_dir else paths.reports_dir() / FOLDER / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def figure(corpus: Tables, name: str, out_dir: str | Path = "", fmt: str = "png", lang: str = "en") -> Html:
    """Draw corpus chart ``name``, save it as SVG and PNG, and show it inline with its caption."""
    if fmt not in FIGURE_FORMATS:
        raise ValueError(f"figure format must be one of {', '.join(FIGURE_FORMATS)}, not {fmt!r}")
    fig = corpus_charts.CHARTS[name](corpus, lang=lang)
    files = charts.save(fig, figures_dir(out_dir), f"corpus_{name}", formats=("svg", "png"))
    chosen = next(f for f in files if f.suffix == f".{fmt}")
    mime = "image/svg+xml" if fmt == "svg" else "image/png"
    src = Markup(f"data:{mime};base64," + base64.b64encode(chosen.read_bytes()).decode("ascii"))
    shown = _macros().figure(src, corpus_charts.alt_text(name, corpus, lang), corpus_charts.caption(name, lang),
                             lang, direction(lang))
    return Html(str(heading(name, lang)) + str(shown))


def articles_table(corpus: Tables, lang: str = "en") -> Html:
    """One row per article: title, language, revision, events, share of dated sentences, mean tone."""
    arts = views.articles(corpus).merge(views.dated_share(corpus)[["article_id", "share", "n_events"]], on="article_id")
    tone = views.event_years(corpus).groupby("article_id").tone.mean()
    shown = arts.assign(label=arts.title, share=[f"{s:.0%}" for s in arts.share],
                        tone=[tone.get(a) for a in arts.article_id])
    return Html(str(heading("articles", lang)) + str(table(shown, dict(words(lang)["columns"]), lang)))
