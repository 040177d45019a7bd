"""What the report notebook shows, cell by cell: title, narrative, figures and tables as HTML
built with an autoescaping template, so article text can never become markup.

Each function returns an :class:`Html` object that Jupyter displays and nbconvert keeps.
"""

from __future__ import annotations

import base64
import contextlib
import html
import re
import tempfile
from pathlib import Path

import pandas as pd
from markupsafe import Markup

from .. import paths
from ..errors import UsageError
from ..presentation import charts, narrative
from ..presentation.chronology import dated_events, span, yearly_tone
from ..presentation.focus import focus as focused
from ..presentation.focus import period_of, period_text
from ..presentation.names import ranking
from ..presentation.pages import direction, environment, labels
from ..tables import Tables
from ..vocab import FIGURE_FORMATS


class Html:
    """Markup ready to display (``_repr_html_``); build it only from escaped templates."""

    def __init__(self, markup: str, metadata: dict | None = None) -> None:
        self.markup = str(markup)
        self.metadata = metadata

    def _repr_html_(self) -> str | tuple[str, dict]:
        return (self.markup, self.metadata) if self.metadata else self.markup

    def __str__(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        # The text/plain fallback Jupyter stores beside the HTML: readable and stable (no address).
        text = html.unescape(re.sub(r"<[^>]+>", " ", self.markup))
        return re.sub(r"\s+", " ", text).strip()[:2000]


def focus(tables: Tables, period: str = "") -> Tables:
    """``tables`` kept to ``period`` (e.g. ``1948-1990``): the events whose span overlaps it,
    and the mentions, quotes and temporal expressions of the sentences about those years, so
    that every focus section (narrative, charts, tables) keeps to the period; the whole article
    stays beside them for the counts that describe it (:mod:`bilateral.presentation.focus`)."""
    return focused(tables, period)


def period_label(tables: Tables, lang: str) -> str:
    """The years the dated events cover, e.g. ``1948-2012`` (an open-ended or century-wide date
    does not stretch it); empty when nothing is dated."""
    years = span(dated_events(tables))
    if years is None:
        return ""
    return f"{years[0]}-{years[1]}" if years[0] != years[1] else str(years[0])


def title(tables: Tables, lang: str = "en") -> Html:
    """The report's title block; its subtitle says plainly when the period dates nothing."""
    a = tables.article.iloc[0]
    n_events = len(dated_events(tables))
    words = labels(lang)
    if n_events:
        key = "subtitle" if n_events > 1 else "subtitle_one"
    else:
        key = "subtitle_empty_period" if period_of(tables) != (None, None) else "subtitle_none"
    subtitle = words[key].format(revision=int(a.revision), n_events=n_events, period=period_label(tables, lang),
                                 focus=period_text(period_of(tables), "-"))
    macro = environment().get_template("fragments.html.j2").module.title
    # The batch runner reads these figures from the output's metadata for its index page.
    ev = dated_events(tables)
    known = ev.tone.dropna()
    summary = {"n_events": n_events, "period": period_label(tables, "en"), "revision": int(a.revision),
               "mean_tone": round(float(known.mean()), 2) if len(known) else None,
               "warmth": [list(p) for p in yearly_tone(ev)]}
    return Html(macro({"title": str(a.title)}, subtitle, lang, direction(lang)), metadata={"bilateral": summary})


def heading(key: str, lang: str = "en") -> Html:
    """A section heading (``<h2 id=key>``) in ``lang``; the page's table of contents lists them."""
    macro = environment().get_template("fragments.html.j2").module.heading
    return Html(macro(key, labels(lang)["sections"][key], lang, direction(lang)))


def story(tables: Tables, lang: str = "en", top_n: int = 3) -> Html:
    """The narrative under its heading (``top_n``: how many turning points, actors and quotes
    it names; a ValueError below 0)."""
    text = narrative.render(tables, lang=lang, top_n=top_n)
    return Html(str(heading("narrative", lang)) + text._repr_html_())


def figure(tables: Tables, name: str, out_dir: str | Path = "", fmt: str = "png", lang: str = "en") -> Html:
    """Draw chart ``name``, save it as SVG and PNG under ``out_dir``, and show it inline with its
    caption and alt text (the image is embedded, so the page needs no files beside it)."""
    if fmt not in FIGURE_FORMATS:
        raise UsageError(f"figure format must be 'png' or 'svg', not {fmt!r}")
    fig = charts.CHARTS[name](tables, lang=lang)
    src = image_source(fig, name, figures_dir(tables, out_dir), fmt)
    macro = environment().get_template("fragments.html.j2").module.figure
    # Caption and alt text are escaped by the template.
    shown = macro(src, charts.alt_text(name, tables, lang), charts.caption(name, tables, lang), lang, direction(lang))
    return Html(str(heading(name, lang)) + str(shown))


def image_source(fig, name: str, folder: Path | None, fmt: str) -> Markup:
    """``fig`` as a ``data:`` URL in ``fmt``, saved as ``name``.svg and .png under ``folder``
    first; with no folder (a notebook run by hand) nothing is written. Cleared afterwards."""
    with tempfile.TemporaryDirectory() if folder is None else contextlib.nullcontext(folder) as where:
        files = charts.save(fig, where, name, formats=("svg", "png") if folder else (fmt,))
        data = next(f for f in files if f.suffix == f".{fmt}").read_bytes()
    fig.clear()
    mime = "image/svg+xml" if fmt == "svg" else "image/png"
    # The data URL is built here from our own file, so it is marked safe.
    return Markup(f"data:{mime};base64," + base64.b64encode(data).decode("ascii"))


def figures_dir(tables: Tables, out_dir: str | Path = "") -> Path | None:
    """Where figures go: ``out_dir`` (project-relative or absolute), else the batch runner's
    ``<folder>/<id>/figures``, else ``None``: a notebook run by hand writes no file."""
    runner = paths.runner_reports_dir()
    if not out_dir and runner is None:
        return None
    folder = paths.resolve_output(out_dir) if out_dir else runner / tables.article_id / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def table(df: pd.DataFrame, columns: dict[str, str], lang: str = "en", caption: str = "") -> Html:
    """``df``'s ``columns`` (a name -> label mapping) as an escaped HTML table."""
    rows = [[_cell(v) for v in r] for r in df[list(columns)].itertuples(index=False)]
    macro = environment().get_template("fragments.html.j2").module.table
    # An empty table says so in one row rather than stand as bare headings.
    return Html(macro(list(columns.values()), rows, caption, lang, direction(lang), labels(lang)["labels"]["none"]))


def _cell(v) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA:
        return ""
    if isinstance(v, float):
        # The mark keeps the sign on the left in a right-to-left table too.
        return f"\u200e{v:+.2f}"
    return str(v)


def events_table(tables: Tables, lang: str = "en") -> Html:
    """The dated events, in chronological order, with their actors by name."""
    ev = dated_events(tables)
    names = dict(zip(tables.entities.entity_id.astype(str), tables.entities.name, strict=True))
    kinds = labels(lang).get("kinds", {})
    ev = ev.assign(when=[narrative.format_when(s, e, lang) for s, e in zip(ev.start, ev.end, strict=True)],
                   kind=[kinds.get(k, k) for k in ev.kind],
                   actor_names=[", ".join(names[a] for a in acts.split(";") if a in names) for acts in ev.actors])
    c = labels(lang)["columns"]
    return Html(str(heading("events", lang)) + str(table(
        ev, {"when": c["when"], "kind": c["kind"], "tone": c["tone"], "actor_names": c["actors"], "text": c["text"]}, lang)))


def people_table(tables: Tables, lang: str = "en", top_n: int = 12) -> Html:
    """The people the article names, most mentioned first."""
    people = ranking(tables, ("person",), top_n)
    c = labels(lang)["columns"]
    return Html(str(heading("people", lang)) + str(table(
        people, {"name": c["name"], "canonical": c["canonical"], "n_mentions": c["mentions"]}, lang)))


def quotes_table(tables: Tables, lang: str = "en") -> Html:
    """Every quote with its speaker."""
    c = labels(lang)["columns"]
    return Html(str(heading("quotes", lang)) + str(table(
        tables.quotes, {"text": c["quote"], "speaker": c["speaker"]}, lang)))
