"""The HTML templates and their labels, shared by the notebook's cells (report.py) and the
published page (publish.py). Every template autoescapes, so article text never becomes markup."""

from __future__ import annotations

import base64
from functools import cache
from importlib import resources as _res

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .. import resources
from ..vocab import direction as vocab_direction
from ..vocab import lang_code


@cache
def environment() -> Environment:
    """The Jinja2 environment of the package's templates (autoescape on for everything)."""
    return Environment(loader=PackageLoader("bilateral.presentation", "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True),
                       keep_trailing_newline=True)


def labels(lang: str) -> dict:
    """The report's labels in ``lang``."""
    return resources.load(lang_code(lang), "report")


def direction(lang: str) -> str:
    """``rtl`` for Hebrew, else ``ltr``."""
    return vocab_direction(lang)


@cache
def css() -> Markup:
    """The stylesheet every page inlines (ours, so it is marked safe)."""
    return Markup((_res.files("bilateral.presentation") / "templates" / "style.css").read_text(encoding="utf-8"))


def sparkline(points: list, width: int = 120, height: int = 24) -> Markup:
    """A report's warmth arc for the index: ``points`` are [year, mean tone] pairs, drawn as a
    line over a zero line (tone -1 at the bottom, +1 at the top) in an ``<img>`` of SVG data
    (pages hold no inline SVG); empty without two points."""
    if len(points) < 2:
        return Markup("")
    years = [float(y) for y, _ in points]
    lo, hi = min(years), max(years)
    step = (width - 4) / ((hi - lo) or 1)
    xy = " ".join(f"{2 + (float(y) - lo) * step:.1f},{height / 2 - float(t) * (height / 2 - 2):.1f}" for y, t in points)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
           f'<line x1="0" y1="{height / 2}" x2="{width}" y2="{height / 2}" stroke="#bbb" stroke-width="1"/>'
           f'<polyline points="{xy}" fill="none" stroke="#333" stroke-width="1.5"/></svg>')
    src = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    # Numbers only, formatted here: nothing from the article reaches this markup.
    return Markup(f'<img class="spark" src="{src}" width="{width}" height="{height}" '
                  f'alt="warmth {int(lo)}-{int(hi)}">')
