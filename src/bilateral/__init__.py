"""Bilateral: a Wikipedia article on the relations between two countries, as tidy pandas tables.

>>> import bilateral
>>> t = bilateral.extract()          # the embedded default article
>>> t.sections[["level", "title"]]
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import article, paths
from .article import Article
from .errors import BilateralError, BilateralWarning, SeedFormatError

if TYPE_CHECKING:
    from .tables import Tables

__version__ = "0.1.0"
__all__ = [
    "Article", "BilateralError", "BilateralWarning", "SCHEMAS", "SeedFormatError", "Tables",
    "__version__", "article", "extract", "load", "paths", "structure", "tables",
]


def load(seed: str | Path | None = None) -> Article:
    """Read a seed file (default: the embedded article) into an :class:`Article`."""
    return article.load(_resolve(seed))


def extract(seed: str | Path | Article | None = None) -> Tables:
    """Every table of a seed file or :class:`Article` (default: the embedded article)."""
    from . import tables

    art = seed if isinstance(seed, Article) else load(seed)
    return tables.build(art)


def __getattr__(name: str):
    # pandas-backed modules load on first use, so the command line starts fast.
    import importlib

    if name in ("tables", "structure", "charts", "narrative", "report", "timex", "entities", "quotes", "events"):
        return importlib.import_module(f".{name}", __name__)
    if name in ("SCHEMAS", "Tables"):
        return getattr(importlib.import_module(".tables", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _resolve(seed: str | Path | None) -> Path:
    if seed is None or str(seed) == "":
        return paths.default_seed()
    return paths.resolve(seed)
