"""Bilateral: a Wikipedia article on the relations between two countries, as tidy pandas tables.

>>> import bilateral
>>> t = bilateral.extract()          # the embedded default article
>>> t.sections[["level", "title"]]
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import paths
from .errors import BilateralError, BilateralWarning, SeedFormatError
from .reading import article
from .reading.article import Article

if TYPE_CHECKING:
    import pandas as pd

    from .tables import Tables

__version__ = "0.1.0"
__all__ = [
    "Article", "BilateralError", "BilateralWarning", "SCHEMAS", "SeedFormatError", "Tables",
    "__version__", "article", "extract", "load", "load_corpus", "paths", "reports", "structure",
    "tables",
]


def load(seed: str | Path | None = None) -> Article:
    """Read a seed file (default: the embedded article) into an :class:`Article`."""
    return article.load(_resolve(seed))


def extract(seed: str | Path | Article | None = None) -> Tables:
    """Every table of a seed file or :class:`Article` (default: the embedded article)."""
    from . import tables

    art = seed if isinstance(seed, Article) else load(seed)
    return tables.build(art)


def load_corpus(folder: str | Path | None = None):
    """The corpus tables of many articles (default: ``data/processed/corpus``), one DataFrame
    per table with an ``article_id`` column; see :mod:`bilateral.corpus`."""
    from .corpus import load_corpus as _load_corpus

    return _load_corpus(folder)


def reports(folder: str | Path | None = None) -> pd.DataFrame:
    """The reports that exist in ``folder`` (default: ``reports/``), one row per report and
    variant: article, variant, title, language, status, events, period, parameters, error and
    the path of its page (empty when it failed before writing one)."""
    import pandas as pd

    from .running.batch import on_disk, report_folder

    root = Path(folder) if folder is not None else paths.reports_dir()
    columns = ["article_id", "variant", "title", "lang", "status", "n_events", "period", "params", "error", "page"]
    rows = []
    for r in on_disk(root) if root.is_dir() else []:
        page = report_folder(root, r.article_id, r.variant) / "report.html"
        rows.append([r.article_id, r.variant, r.title, r.lang, r.status, r.n_events, r.period, dict(r.params),
                     r.error, str(page) if page.is_file() else ""])
    return pd.DataFrame(rows, columns=columns)


# Short names for the pipeline's modules, so `from bilateral import charts` keeps working.
_MODULES = {
    "tables": "tables", "structure": "reading.structure",
    "timex": "extraction.timex", "entities": "extraction.entities", "quotes": "extraction.quotes",
    "events": "extraction.events", "charts": "presentation.charts",
    "narrative": "presentation.narrative", "report": "presentation.report",
}


def __getattr__(name: str):
    # pandas-backed modules load on first use, so the command line starts fast.
    import importlib

    if name in _MODULES:
        return importlib.import_module(f".{_MODULES[name]}", __name__)
    if name in ("SCHEMAS", "Tables"):
        return getattr(importlib.import_module(".tables", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _resolve(seed: str | Path | None) -> Path:
    if seed is None or str(seed) == "":
        return paths.default_seed()
    return paths.resolve(seed)
