"""Where report tasks run. An executor takes a list of :class:`ReportTask` and yields one small
:class:`~.manifest.Result` per task, in the order they complete; closing the iterator early
(Ctrl-C, an error in the caller) cancels what has not started and waits for what has.

:class:`LocalExecutor` (a process pool on this machine) is the default; another engine only has
to offer the same ``run(tasks)``.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Protocol, TypeVar

from .build import build
from .manifest import Result
from .startup import skip_unused_imports

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class ReportTask:
    """One report to build: picklable, so it can travel to another process or machine."""

    seed: Path
    out_root: Path
    params: dict = field(default_factory=dict)
    force: bool = False

    def __call__(self) -> Result:
        return build(self.seed, self.out_root, self.params, self.force)


class Executor(Protocol):
    """Anything that runs report tasks and yields their results in completion order."""

    def run(self, tasks: Sequence[ReportTask]) -> Iterator[Result]: ...


class LocalExecutor:
    """Report tasks in ``jobs`` worker processes on this machine (in this process when ``jobs`` is 1)."""

    def __init__(self, jobs: int = 2) -> None:
        self.jobs = jobs

    def run(self, tasks: Sequence[ReportTask]) -> Iterator[Result]:
        """Yield each task's result as it completes."""
        return in_processes(_call, tasks, self.jobs)


def in_processes(fn: Callable[[T], R], items: Iterable[T], jobs: int, in_flight: int | None = None) -> Iterator[R]:
    """``fn(item)`` for each item, yielded as each completes, in ``jobs`` spawned worker
    processes that leave Ctrl-C to the parent (in this process, in order, when ``jobs`` is 1).
    At most ``in_flight`` items are submitted at once (default: all), so a long stream of items
    is never queued whole; an interruption cancels what has not started."""
    if jobs <= 1:
        yield from map(fn, items)
        return
    todo, limit = iter(items), in_flight or float("inf")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"), initializer=_worker_init) as pool:
        pending: set[Future] = set()
        try:
            while True:
                while len(pending) < limit and (item := next(todo, _END)) is not _END:
                    pending.add(pool.submit(fn, item))
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


_END = object()


def _call(task: ReportTask) -> Result:
    return task()


def _worker_init() -> None:
    # The parent handles Ctrl-C and SIGTERM; workers finish or are cancelled by it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    skip_unused_imports()
