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


REPORTS_ENV = "BILATERAL_REPORTS"


def reports_dir() -> Path:
    """Where reports are written: ``$BILATERAL_REPORTS`` (set by the batch runner for its
    kernels, so no output path has to be written into a notebook) or ``reports/``."""
    env = os.environ.get(REPORTS_ENV)
    return Path(env) if env else project_root() / "reports"


def runner_reports_dir() -> Path | None:
    """The folder the batch runner gave its kernel (``$BILATERAL_REPORTS``), or ``None`` in a
    notebook run by hand, which then writes no file unless told where."""
    env = os.environ.get(REPORTS_ENV)
    return Path(env) if env else None


def notebooks_dir() -> Path:
    """``notebooks/``: the report and exploration notebooks."""
    return project_root() / "notebooks"


def resolve(path: str | Path) -> Path:
    """``path`` as given when it exists (or is absolute), else relative to the project folder.

    Runners pass project-relative paths (``seeds/x.txt``) so that no machine path ends up in an
    executed notebook; a kernel started in any folder still finds them.
    """
    p = Path(path)
    if p.is_absolute() or p.exists():
        return p
    try:
        candidate = project_root() / p
    except UsageError:
        return p
    return candidate if candidate.exists() else p


def relative_to_root(path: str | Path) -> str:
    """``path`` relative to the project folder when it is inside it, else absolute."""
    p = Path(path).resolve()
    try:
        return p.relative_to(project_root()).as_posix()
    except (ValueError, UsageError):
        return str(p)


def resolve_output(path: str | Path) -> Path:
    """An output folder: absolute as given, else relative to the project folder (never to the
    working directory, which papermill sets to wherever it runs)."""
    p = Path(path)
    return p if p.is_absolute() else project_root() / p
