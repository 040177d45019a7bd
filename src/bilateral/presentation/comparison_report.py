"""The report's comparison section: a chart, a paragraph and a table of two editions.

The other edition is the seed named by the report's ``compare`` parameter, else a seed beside
the report's own that its links sidecar names as another edition. With neither, the section is
empty: nothing to compare, nothing shown.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from .. import paths
from ..reading import article as _article
from ..reading import editions
from ..tables import Tables, build
from ..vocab import FIGURE_FORMATS
from .comparison import Comparison, compare
from .comparison_chart import alt_text, facing_timelines
from .comparison_text import edition_names, paragraph, words
from .pages import direction, environment, labels
from .report import Html, figures_dir, image_source, table


def other_edition(seed: str | Path = "", compare_with: str | Path = "") -> Path | None:
    """The seed to compare ``seed`` with: ``compare_with`` when given, else a seed in the same
    folder that ``seed``'s langlinks (or the other's) name; None when there is none."""
    if compare_with:
        return paths.resolve(compare_with)
    if not seed:
        return None
    seed = paths.resolve(seed)
    return editions.partner(seed, sorted(seed.parent.glob("*.txt")))


def section(tables: Tables, seed: str | Path = "", compare_with: str | Path = "", lang: str = "en",
            out_dir: str | Path = "", fmt: str = "png", top_n: int = 3) -> Html:
    """The comparison section of ``tables`` (the article of ``seed``) with its other edition;
    an empty section when there is no other edition."""
    other = other_edition(seed, compare_with)
    if other is None:
        return Html("")
    # Two editions are compared whole: a report's period narrows its own sections only.
    comp = compare(getattr(tables, "whole", None) or tables, build(_article.load(other)))
    return Html(render(comp, lang, out_dir or figures_dir(tables), fmt, top_n))


def render(comp: Comparison, lang: str, out_dir: str | Path | None, fmt: str = "png", top_n: int = 3) -> str:
    """The section's HTML: heading, facing timelines (saved under ``out_dir``; nothing saved
    without one), paragraph, table."""
    if fmt not in FIGURE_FORMATS:
        raise ValueError(f"figure format must be one of {', '.join(FIGURE_FORMATS)}, not {fmt!r}")
    w, d = words(lang), direction(lang)
    macros = environment().get_template("fragments.html.j2").module
    parts = [str(macros.heading("comparison", w["heading"], lang, d))]
    text = paragraph(comp, lang, top_n)
    if not text:
        return ""
    folder = paths.resolve_output(out_dir) if out_dir else None
    src = image_source(facing_timelines(comp, lang), "comparison", folder, fmt)
    parts.append(str(macros.figure(src, alt_text(comp, lang), w["chart"]["caption"], lang, d)))
    parts.append(str(Markup('<p class="narrative" lang="{}" dir="{}">{}</p>').format(lang, d, text)))
    parts.append(str(_table(comp, lang)))
    return "\n".join(parts)


def _table(comp: Comparison, lang: str) -> Html:
    from .narrative import format_when

    w = words(lang)
    kinds = labels(lang).get("kinds", {})
    a, b = edition_names(comp, lang)
    ev = comp.events
    shown = ev.assign(
        status=[w["status"][s].format(A=a, B=b) for s in ev.status],
        when_a=[format_when(s, e, lang) if s or e else "" for s, e in zip(ev.start_a, ev.end_a, strict=True)],
        when_b=[format_when(s, e, lang) if s or e else "" for s, e in zip(ev.start_b, ev.end_b, strict=True)],
        kind=[kinds.get(k, k) for k in (x or y for x, y in zip(ev.kind_a, ev.kind_b, strict=True))])
    columns = {k: v.format(A=a, B=b) for k, v in w["columns"].items()}
    return table(shown, columns, lang)
