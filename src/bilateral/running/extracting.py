"""Many seeds' tables at once: ``bilateral extract --jobs N``.

Each seed is read, extracted and written (``<out>/<article_id>/<table>.csv``) inside one worker
process; only a small :class:`Extracted` record comes back, so the parent's memory does not
grow with the corpus and the workers' is bounded by one article each. At most ``2 * jobs``
seeds are in flight, so a corpus of any size is never queued whole. With two or more seeds,
:func:`extract_corpus` also writes the corpus tables as the articles come back, in article id
order and in row groups, so the parent holds at most the seeds in flight and one chunk.
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


def extract_corpus(seeds: Sequence[Path], out: Path, jobs: int = 1, progress: bool | None = None) -> Iterator[Extracted]:
    """Like :func:`extract_many`, in article id order, and with two or more seeds the corpus
    tables (``<out>/corpus``) written as the articles come back; each record is yielded without
    its tables. The corpus files appear only once every seed is done."""
    from tqdm import tqdm

    from .. import corpus

    keep = len(seeds) > 1
    order = sorted(seeds, key=lambda s: Path(s).stem)  # an article's id is its seed's stem
    writer = corpus.Writer(corpus.corpus_dir(out)) if keep else None
    waiting: dict[int, Extracted] = {}  # back before an earlier seed: at most the seeds in flight
    next_index = 0
    disable = None if progress is None else not progress
    try:
        with tqdm(total=len(order), unit="article", disable=disable, file=sys.stderr, dynamic_ncols=True) as bar:
            # At most 2 x jobs seeds in flight: memory follows --jobs, not the corpus.
            for index, result in in_processes(partial(_indexed, out=Path(out), keep=keep), enumerate(order), jobs, 2 * jobs):
                bar.update()
                waiting[index] = result
                while next_index in waiting:
                    ready = waiting.pop(next_index)
                    next_index += 1
                    if writer is not None and ready.tables is not None:
                        writer.add(ready.tables)
                    ready.tables = None
                    yield ready
    except BaseException:
        if writer is not None:
            writer.discard()
        raise
    if writer is not None:
        writer.close()


def _indexed(item: tuple[int, Path], out: Path, keep: bool) -> tuple[int, Extracted]:
    index, seed = item
    return index, extract_one(seed, out, keep)
