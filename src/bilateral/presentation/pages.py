"""The HTML templates and their labels, shared by the notebook's cells (report.py) and the
published page (publish.py). Every template autoescapes, so article text never becomes markup."""

from __future__ import annotations

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
