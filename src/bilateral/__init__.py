"""Bilateral: a Wikipedia article on the relations between two countries, as tidy pandas tables.

>>> import bilateral
>>> t = bilateral.extract()          # the embedded default article
>>> t.sections[["level", "title"]]
"""

from __future__ import annotations

from pathlib import Path

from . import article, paths, structure, tables
from .article import Article
from .errors import BilateralError, BilateralWarning, SeedFormatError
from .tables import SCHEMAS, Tables

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
    art = seed if isinstance(seed, Article) else load(seed)
    return tables.build(art)


def _resolve(seed: str | Path | None) -> Path:
    if seed is None or str(seed) == "":
        return paths.default_seed()
    return paths.resolve(seed)
