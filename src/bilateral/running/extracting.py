"""Many seeds' tables at once: ``bilateral extract --jobs N``.

Each seed is read, extracted and written (``<out>/<article_id>/<table>.csv``) inside one worker
process; only a small :class:`Extracted` record comes back, so the parent's memory does not
grow with the corpus and the workers' is bounded by one article each. At most ``2 * jobs``
seeds are in flight, so a corpus of any size is never queued whole.
"""

from __future__ import annotations

import signal
import sys
import traceback
import warnings
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BilateralError, BilateralWarning

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
        for result in _run(seeds, Path(out), jobs, keep):
            bar.update()
            yield result


def _run(seeds: Sequence[Path], out: Path, jobs: int, keep: bool) -> Iterator[Extracted]:
    if jobs <= 1:
        for seed in seeds:
            yield extract_one(seed, out, keep)
        return
    todo = iter(seeds)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"), initializer=_worker_init) as pool:
        pending: set[Future] = set()
        try:
            while True:
                while len(pending) < 2 * jobs and (seed := next(todo, None)) is not None:
                    pending.add(pool.submit(extract_one, seed, out, keep))
                if not pending:
                    return
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    yield f.result()
        except BaseException:
            for f in pending:
                f.cancel()
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _worker_init() -> None:
    # The parent handles Ctrl-C; workers finish their article or are cancelled by it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
