"""What the corpus report shows, as DataFrames: events per decade, warmth per year, the actors
articles share, and how much of each article is dated. Each takes a corpus (the tables of many
articles with an ``article_id`` column, as :func:`bilateral.load_corpus` returns them)."""

from __future__ import annotations

import pandas as pd

from ..tables import Tables
from .comparison import actor_keys

_LABEL_CHARS = 38


def articles(corpus: Tables) -> pd.DataFrame:
    """One row per article, in corpus order: ``article_id``, ``title``, ``lang``, ``revision``
    and ``label`` (a short title with its language, for chart axes)."""
    a = corpus.article[["article_id", "title", "lang", "revision"]].reset_index(drop=True)
    short = [t if len(t) <= _LABEL_CHARS else t[: _LABEL_CHARS - 1].rstrip() + "…" for t in a.title]
    return a.assign(label=[f"{s} ({lang})" for s, lang in zip(short, a.lang, strict=True)])


def event_years(corpus: Tables) -> pd.DataFrame:
    """The dated events with a ``year`` (of the start, else the end); undated ones left out."""
    ev = corpus.events
    first = ev.start.where(ev.start != "", ev.end).str.extract(r"^(-?\d{1,4})", expand=False)
    out = ev.assign(year=pd.to_numeric(first, errors="coerce"))
    return out[out.year.notna()].astype({"year": "int64"})


def events_per_decade(corpus: Tables) -> pd.DataFrame:
    """Events per decade (columns, e.g. 1950) for each article (rows, by ``article_id``, every
    article listed, zeros where it tells nothing)."""
    ev = event_years(corpus)
    table = pd.crosstab(ev.article_id, ev.year // 10 * 10) if len(ev) else pd.DataFrame()
    if len(table.columns):
        table = table.reindex(columns=range(int(table.columns.min()), int(table.columns.max()) + 10, 10), fill_value=0)
    table = table.reindex(list(corpus.article.article_id), fill_value=0)
    table.columns.name, table.index.name = "decade", "article_id"
    return table.astype("int64")


def yearly_warmth(corpus: Tables) -> pd.DataFrame:
    """Per article and year: ``n`` events, mean lexicon ``tone`` (-1..1; missing where no event
    of the year has a known tone) and mean ``goldstein`` weight scaled to -1..1 (missing where no
    event of the year has a CAMEO code)."""
    ev = event_years(corpus)
    out = ev.groupby(["article_id", "year"], sort=True).agg(
        n=("event_id", "size"), tone=("tone", "mean"), goldstein=("goldstein", "mean")).reset_index()
    return out.assign(goldstein=out.goldstein / 10)


def shared_actors(corpus: Tables, min_articles: int = 2) -> pd.DataFrame:
    """People, states and organizations named in at least ``min_articles`` articles, matched by
    Wikidata id or English name: ``key``, ``name`` (English where known), ``name_he`` (as a
    Hebrew article writes it, empty if none does), ``type``,
    ``n_articles``, ``n_mentions`` and ``mentions`` (article_id -> mentions, a dict); most
    widely shared first."""
    ents = corpus.entities.assign(key=actor_keys(corpus.entities))
    ents = ents[ents.key != ""]
    langs = corpus.article.set_index("article_id").lang
    hebrew = ents[ents.article_id.map(langs) == "he"].drop_duplicates("key").set_index("key")["name"]
    per = ents.groupby(["key", "article_id"], sort=True).agg(n=("n_mentions", "sum")).reset_index()
    first = ents.drop_duplicates("key").set_index("key")
    rows = []
    for key, group in per.groupby("key", sort=True):
        if len(group) < min_articles:
            continue
        e = first.loc[key]
        rows.append((key, str(e.canonical or e["name"]), str(hebrew.get(key, "")), str(e.type), len(group),
                     int(group.n.sum()), dict(zip(group.article_id, group.n.astype(int), strict=True))))
    out = pd.DataFrame(rows, columns=["key", "name", "name_he", "type", "n_articles", "n_mentions", "mentions"])
    return out.sort_values(["n_articles", "n_mentions", "key"], ascending=[False, False, True]).reset_index(drop=True)


def dated_share(corpus: Tables) -> pd.DataFrame:
    """How much of each article is dated: ``n_sentences``, ``n_dated`` (sentences holding a
    temporal expression), ``share`` (of sentences), ``words_dated_share`` (of words), ``n_events``."""
    s = corpus.sentences[["article_id", "sentence_id", "n_words"]]
    dated_ids = corpus.timexes[["article_id", "sentence_id"]].drop_duplicates().assign(dated=True)
    s = s.merge(dated_ids, on=["article_id", "sentence_id"], how="left")
    s["dated"] = s.dated.fillna(False).astype(bool)
    s["words_dated"] = s.n_words.where(s.dated, 0)
    per = s.groupby("article_id").agg(n_sentences=("sentence_id", "size"), n_dated=("dated", "sum"),
                                      n_words=("n_words", "sum"), words_dated=("words_dated", "sum"))
    per = per.reindex(list(corpus.article.article_id), fill_value=0)
    n_events = event_years(corpus).groupby("article_id").size()
    out = per.assign(
        share=(per.n_dated / per.n_sentences.where(per.n_sentences > 0)).fillna(0.0),
        words_dated_share=(per.words_dated / per.n_words.where(per.n_words > 0)).fillna(0.0),
        n_events=n_events.reindex(per.index, fill_value=0).astype("int64"))
    return out[["n_sentences", "n_dated", "share", "words_dated_share", "n_events"]].reset_index()
