"""Report tasks on a Dask distributed cluster: ``bilateral batch --executor dask --scheduler
tcp://HOST:PORT``.

One ``client.submit`` per report, results gathered with ``as_completed``; each task returns the
small :class:`~.manifest.Result`, never a notebook. The cluster does the scheduling, the
re-running of work lost with a worker, and the retries; this module only adds what a report
needs on top.

Assumption: workers share the client's file system. Seeds are read, and reports written, at the
same absolute paths on every worker, and every worker runs the same checkout of the package
with its Jupyter kernel installed (``python -m bilateral.kernel``). :meth:`DaskExecutor.check`
verifies all of that on every worker before anything is submitted and refuses in one line.

Failures:
- a kernel that does not start is retried once inside :func:`~.build.build`; a second failure
  fails that report only (its Result says why);
- a worker lost mid-task: the scheduler re-runs its task on another worker (Dask's
  ``distributed.scheduler.allowed-failures``); a report is staged and swapped into place, so a
  re-run never sees half of the lost one;
- a task that raises (outside the report's own failure handling) is retried ``retries`` times by
  the cluster, then becomes a failed Result for that report only.
"""

from __future__ import annotations

import contextlib
import os
import threading
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from .. import paths
from ..errors import UsageError
from .executors import ReportTask
from .manifest import Result
from .startup import skip_unused_imports

#: How long the client waits for the scheduler before giving up.
CONNECT_TIMEOUT = "10s"

# papermill changes the process's working folder and build() sets an environment variable for
# its kernel: both are per process, so a worker with several threads builds one report at a time.
_ONE_BUILD_PER_PROCESS = threading.Lock()


def run_task(task: ReportTask) -> Result:
    """What a worker runs for one report."""
    skip_unused_imports()  # a worker given to the batch runs reports: it starts as the command does
    with _ONE_BUILD_PER_PROCESS:
        return task()


def worker_facts(files: list[str], out_root: str) -> dict:
    """What a worker sees: the given files it cannot find, whether it can write ``out_root``,
    its project folder, library digest, and whether the report kernel is installed."""
    from jupyter_client.kernelspec import KernelSpecManager

    from ..vocab import KERNEL_NAME
    from .cache import _source_digest

    return {
        "missing": [f for f in files if not os.path.isfile(f)],
        "out_writable": os.path.isdir(out_root) and os.access(out_root, os.W_OK),
        "root": str(paths.project_root()),
        "library": _source_digest(),
        "kernel": KERNEL_NAME in KernelSpecManager().find_kernel_specs(),
    }


class DaskExecutor:
    """Report tasks on the Dask cluster whose scheduler is at ``scheduler`` (``tcp://HOST:PORT``).

    Use as a context manager, or call :meth:`close`; :meth:`run` connects on first use.
    """

    def __init__(self, scheduler: str, retries: int = 1) -> None:
        self.scheduler = scheduler
        self.retries = retries
        self._client = None
        self._checked: set[tuple[str, ...]] = set()

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Disconnect from the scheduler (the cluster keeps running)."""
        if self._client is not None:
            self._client.close()
            self._client = None

    @property
    def client(self):
        """The ``distributed.Client``, connected on first use; one clear line if it cannot be."""
        if self._client is None:
            from distributed import Client

            try:
                self._client = Client(self.scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
            except (OSError, TimeoutError, ValueError) as exc:
                raise UsageError(
                    f"cannot reach the Dask scheduler at {self.scheduler} ({_first_line(exc)}); "
                    "start one with `dask scheduler` and workers with `dask worker`, or fix --scheduler"
                ) from None
        return self._client

    def check(self, seeds: Sequence[str | Path], out_root: str | Path) -> None:
        """Refuse (:class:`UsageError`) unless every worker sees every seed and the output
        folder at the same paths, runs the same library and has the report kernel."""
        files = [os.path.abspath(s) for s in seeds]
        out = os.path.abspath(out_root)
        key = (out, *files)
        if key in self._checked:
            return
        os.makedirs(out, exist_ok=True)
        facts = self.client.run(worker_facts, files, out)
        if not facts:
            raise UsageError(f"the Dask cluster at {self.scheduler} has no workers; start some with `dask worker {self.scheduler}`")
        mine = {"root": str(paths.project_root()), "library": worker_facts([], out)["library"]}
        for worker, seen in sorted(facts.items()):
            problem = _problem(seen, mine, out)
            if problem:
                raise UsageError(f"Dask worker {worker} {problem}; workers must share this machine's "
                                 "file system and checkout (see README, Scale)")
        self._checked.add(key)

    def run(self, tasks: Sequence[ReportTask]) -> Iterator[Result]:
        """Yield each task's result as it completes; closing early cancels what is left."""
        from distributed import as_completed

        tasks = [replace(t, seed=Path(os.path.abspath(t.seed)), out_root=Path(os.path.abspath(t.out_root)))
                 for t in tasks]
        if not tasks:
            return
        for out_root in {t.out_root for t in tasks}:
            self.check([t.seed for t in tasks if t.out_root == out_root], out_root)
        batch = uuid.uuid4().hex[:8]
        futures = {self.client.submit(run_task, t, key=f"bilateral-report-{t.seed.stem}-{batch}",
                                      pure=False, retries=self.retries): t for t in tasks}
        try:
            for future in as_completed(futures, loop=self.client.loop):
                yield _result(future, futures[future])
        finally:
            with contextlib.suppress(Exception):  # the scheduler may be gone already
                self.client.cancel(list(futures))


def _problem(seen: dict, mine: dict, out: str) -> str:
    if seen["missing"]:
        more = f" (and {len(seen['missing']) - 1} more)" if len(seen["missing"]) > 1 else ""
        return f"cannot see the seed {seen['missing'][0]}{more}"
    if not seen["out_writable"]:
        return f"cannot write the output folder {out}"
    if seen["root"] != mine["root"]:
        return f"runs the project from {seen['root']}, not {mine['root']}"
    if seen["library"] != mine["library"]:
        return "runs another version of the bilateral library"
    if not seen["kernel"]:
        return "lacks the Jupyter kernel 'bilateral' (run `python -m bilateral.kernel` there)"
    return ""


def _result(future, task: ReportTask) -> Result:
    """The task's Result, or a failed one when the cluster could not run it."""
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - one lost report must not stop the batch
        return Result(article_id=task.seed.stem, seed=paths.relative_to_root(task.seed), status="failed",
                      params=dict(task.params), error=f"on the Dask cluster: {type(exc).__name__}: {_first_line(exc)}"[:300])


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
