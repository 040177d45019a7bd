"""The comparison of two editions as a paragraph in English or Hebrew.

Every sentence states a count or a fact of the comparison's tables; a sentence with nothing to
say is left out, and two editions with no dated events give an empty paragraph. Words come
from ``resources/<lang>/comparison.yml``.
"""

from __future__ import annotations

import re

from .. import resources
from ..vocab import lang_code
from . import narrative
from .comparison import BOTH, DATES_DIFFER, ONLY_A, ONLY_B, Comparison

_HEBREW_LETTER = re.compile("[\u05d0-\u05ea]")


def words(lang: str) -> dict:
    """The comparison's words in ``lang``."""
    return resources.load(lang_code(lang), "comparison")


def edition_names(comp: Comparison, lang: str) -> tuple[str, str]:
    """How the text names the two editions: by language, or by title when they share one."""
    w = words(lang)
    la, lb = comp.a.lang, comp.b.lang
    if la != lb and la in w["editions"] and lb in w["editions"]:
        return w["editions"][la], w["editions"][lb]
    title = lambda t: w["edition_title"].format(title=str(t.article.title.iloc[0]))  # noqa: E731
    return title(comp.a), title(comp.b)


def count(n: int, what: str, lang: str) -> str:
    """``one dated event`` / ``3 dated events`` (``what`` is ``events`` or ``names``)."""
    forms = words(lang)[what]
    return forms["one"] if n == 1 else forms["many"].format(n=n)


def join(items: list[str], lang: str) -> str:
    """``A, B and C``; Hebrew attaches its conjunction to the last item (with a hyphen before a
    word that does not start with a Hebrew letter)."""
    if len(items) <= 1:
        return "".join(items)
    conj = words(lang)["and"]
    if lang_code(lang) == "he":
        last = items[-1]
        return ", ".join(items[:-1]) + f" {conj}" + ("" if _HEBREW_LETTER.match(last) else "-") + last
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]


def _cap(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _when(start, end, lang: str) -> str:
    return narrative.format_when(str(start), str(end), lang)


def _items(rows, side: str, lang: str, top_n: int) -> str:
    kinds = resources.load(lang_code(lang), "report").get("kinds", {})
    w = words(lang)
    listed = [w["item"].format(kind=kinds.get(getattr(r, f"kind_{side}"), getattr(r, f"kind_{side}")),
                               when=_when(getattr(r, f"start_{side}"), getattr(r, f"end_{side}"), lang))
              for r in rows[:top_n]]
    if len(rows) > top_n:
        listed.append(w["more"].format(n=len(rows) - top_n))
    return join(listed, lang)


def paragraph(comp: Comparison, lang: str = "en", top_n: int = 3) -> str:
    """The comparison in a few sentences; empty when neither edition has a dated event."""
    ev, w = comp.events, words(lang)
    if ev.empty:
        return ""
    A, B = edition_names(comp, lang)
    n_shared = int((ev.status == BOTH).sum()) + int((ev.status == DATES_DIFFER).sum())
    out = [_cap(w["shared"].format(A=A, B=B, events=count(n_shared, "events", lang)) if n_shared
                else w["none_shared"].format(A=A, B=B))]
    for status, side, name in ((ONLY_A, "a", A), (ONLY_B, "b", B)):
        rows = list(ev[ev.status == status].itertuples())
        if rows:
            out.append(w["only"].format(side=name, events=count(len(rows), "events", lang),
                                        items=_items(rows, side, lang, top_n)))
    for r in list(ev[ev.status == DATES_DIFFER].itertuples())[:top_n]:
        what = w["definite"].get(r.kind_a, w["definite"]["other"])
        out.append(w["disagree"].format(what=what, A=A, B=B, when_a=_when(r.start_a, r.end_a, lang),
                                        when_b=_when(r.start_b, r.end_b, lang)))
    out += _actor_sentences(comp, lang, A, B, top_n)
    return " ".join(out)


def _state_name(code: str, lang: str) -> str:
    """A current state's name in ``lang`` from CLDR; empty for former states and non-states."""
    from babel import Locale

    return str(Locale(lang_code(lang)).territories.get(code, "")) if len(code) == 2 and code.isupper() else ""


def _actor_sentences(comp: Comparison, lang: str, A: str, B: str, top_n: int) -> list[str]:
    w, act = words(lang), comp.actors
    # Names in the paragraph's language: as that edition writes them, else in English.
    own = "a" if comp.a.lang == lang_code(lang) else "b" if comp.b.lang == lang_code(lang) else ""
    out = []
    for status, name in ((ONLY_A, A), (ONLY_B, B)):
        rows = act[(act.status == status) & act.certain]
        if len(rows):
            side = status[-1]
            names = [str((getattr(r, f"name_{own}") if own else "") or _state_name(r.code, lang)
                         or r.canonical or getattr(r, f"name_{side}")) for r in rows.itertuples()]
            if len(names) > top_n:
                names = names[:top_n] + [w["more"].format(n=len(names) - top_n)]
            out.append(w["actors_only"].format(side=name, names=join(names, lang)))
    unsure = int(((act.status != BOTH) & ~act.certain).sum())
    if unsure:
        forms = w["actors_unsure"]
        out.append(forms["one"] if unsure == 1 else forms["many"].format(n=unsure))
    return out
