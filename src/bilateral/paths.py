"""Where the project's folders are, found once from the package's location, never from the
working directory (papermill runs kernels wherever it is started)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from .errors import UsageError

#: The embedded default article, in ``seeds/``.
DEFAULT_SEED_NAME = "000_ba48285eb3d73b6f.txt"


@cache
def project_root() -> Path:
    """The project folder: ``$BILATERAL_HOME`` if set, else the checkout holding this package."""
    env = os.environ.get("BILATERAL_HOME")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "seeds").is_dir() and (parent / "pyproject.toml").is_file():
            return parent
    raise UsageError(
        "cannot find the project folder (with seeds/ and pyproject.toml); set BILATERAL_HOME"
    )


def seeds_dir() -> Path:
    """``seeds/``: the input articles."""
    return project_root() / "seeds"


def default_seed() -> Path:
    """The embedded default article."""
    return seeds_dir() / DEFAULT_SEED_NAME


def all_seeds() -> list[Path]:
    """Every ``*.txt`` seed in ``seeds/``, sorted by name."""
    return sorted(seeds_dir().glob("*.txt"))


def processed_dir() -> Path:
    """``data/processed/``: where ``bilateral extract`` writes tables by default."""
    return project_root() / "data" / "processed"


def reports_dir() -> Path:
    """``reports/``: where reports are written by default."""
    return project_root() / "reports"


def notebooks_dir() -> Path:
    """``notebooks/``: the report and exploration notebooks."""
    return project_root() / "notebooks"
