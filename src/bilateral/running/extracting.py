"""Many seeds' tables at once: ``bilateral extract --jobs N``.

Each seed is read, extracted and written (``<out>/<article_id>/<table>.csv``) inside one worker
process; only a small :class:`Extracted` record comes back, so the parent's memory does not
grow with the corpus and the workers' is bounded by one article each. At most ``2 * jobs``
seeds are in flight, so a corpus of any size is never queued whole.
"""

from __future__ import annotations

import sys
import traceback
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BilateralError, BilateralWarning
from .executors import in_processes

if TYPE_CHECKING:
    from ..tables import Tables


@dataclass
class Extracted:
    """What happened to one seed: the folder written, or the one-line error."""

    seed: Path
    folder: Path | None = None
    error: str = ""
    warnings: list[str] = field(default_factory=list)
    traceback: str = ""
    tables: Tables | None = None  # only when asked for: the corpus tables need every article


def extract_one(seed: Path, out: Path, keep: bool = False) -> Extracted:
    """Extract ``seed`` and write its tables under ``out`` (and return them with ``keep``);
    never raises for a bad seed."""
    from .. import extract, tables

    result = Extracted(Path(seed))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            extracted = extract(seed)
            result.folder = tables.write(extracted, out)
            result.tables = extracted if keep else None
        except BilateralError as exc:
            result.error = str(exc)
            result.traceback = traceback.format_exc()
    # Only the project's warnings reach the user, as the command line shows them today.
    result.warnings = [str(w.message) for w in caught if issubclass(w.category, BilateralWarning)]
    return result


def extract_many(seeds: Sequence[Path], out: Path, jobs: int = 1, progress: bool | None = None,
                 keep: bool = False) -> Iterator[Extracted]:
    """Yield one :class:`Extracted` per seed, in completion order, with a progress bar on stderr
    (``progress=None``: only when stderr is a terminal); with ``keep`` each carries its tables."""
    from tqdm import tqdm

    disable = None if progress is None else not progress
    with tqdm(total=len(seeds), unit="article", disable=disable, file=sys.stderr, dynamic_ncols=True) as bar:
        # At most 2 x jobs seeds in flight: memory follows --jobs, not the corpus.
        for result in in_processes(partial(extract_one, out=Path(out), keep=keep), seeds, jobs, 2 * jobs):
            bar.update()
            yield result
