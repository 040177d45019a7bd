"""A short written comparison of the articles of a corpus, in English or Hebrew.

Each sentence is a fact of the corpus tables (counts, means, shares); a sentence with nothing to
say (one article, no dated events, no shared actor) is left out. Words come from
``resources/<lang>/corpus.yml``.
"""

from __future__ import annotations

from ..tables import Tables
from ..vocab import lang_code
from . import corpus_views as views
from .comparison_text import join
from .corpus_charts import words


def _sign(v: float, lang: str) -> str:
    # A left-to-right mark keeps the sign of a number on its left inside Hebrew text.
    return ("\u200e" if lang_code(lang) == "he" else "") + f"{v:+.2f}"


def summary(corpus: Tables, lang: str = "en", top_n: int = 3) -> str:
    """The corpus in a few sentences: size and span, the article with the most events, the busiest
    decade, the warmest and coldest article, the most and least dated, the actors most shared."""
    w = words(lang)["summary"]
    arts = views.articles(corpus)
    if arts.empty:
        return ""
    title = arts.set_index("article_id").title
    years = views.event_years(corpus)
    if years.empty:
        return w["none"]
    out = [w["size"].format(n=len(arts), n_events=len(years), first=int(years.year.min()), last=int(years.year.max()))]
    per = years.groupby("article_id").agg(n=("event_id", "size"), tone=("tone", "mean"))
    if len(arts) > 1:
        top = per.sort_values(["n"], ascending=False, kind="stable")
        if len(top) == 1 or top.n.iloc[0] > top.n.iloc[1]:
            out.append(w["most"].format(title=title[top.index[0]], n=int(top.n.iloc[0])))
    out += _decade(years, w)
    out += _warmth(per, title, w, lang)
    out += _dated(corpus, title, w)
    shared = views.shared_actors(corpus).head(top_n)
    if len(shared):
        he = lang_code(lang) == "he"
        names = [w["actor"].format(name=(r.name_he if he and r.name_he else r.name), n=r.n_articles)
                 for r in shared.itertuples()]
        out.append(w["shared"].format(names=join(names, lang)))
    return " ".join(out)


def _decade(years, w: dict) -> list[str]:
    counts = (years.year // 10 * 10).value_counts().sort_index()
    best = counts[counts == counts.max()]
    if len(best) != 1:
        return []  # a tie has no single busiest decade
    decade = int(best.index[0])
    short = f"{decade % 100:02d}" if decade % 100 else str(decade)
    return [w["decade"].format(decade=decade, decade_short=short, n=int(best.iloc[0]))]


def _warmth(per, title, w: dict, lang: str) -> list[str]:
    if len(per) < 2:
        return []
    if _tied(per.tone):
        return []  # no single warmest or coldest
    warm, cold = per.tone.idxmax(), per.tone.idxmin()
    return [w["warm"].format(warm=title[warm], warm_tone=_sign(per.tone[warm], lang),
                             cold=title[cold], cold_tone=_sign(per.tone[cold], lang))]


def _dated(corpus: Tables, title, w: dict) -> list[str]:
    share = views.dated_share(corpus).set_index("article_id").share
    if len(share) < 2 or _tied(share):
        return []
    most, least = share.idxmax(), share.idxmin()
    return [w["dated"].format(most=title[most], most_share=f"{share[most]:.0%}",
                              least=title[least], least_share=f"{share[least]:.0%}")]


def _tied(values) -> bool:
    """True when the largest or the smallest of ``values`` is reached more than once."""
    return bool((values == values.max()).sum() > 1 or (values == values.min()).sum() > 1)
