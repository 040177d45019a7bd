"""Many reports at once: report tasks handed to an executor (a local process pool by default),
with a progress bar, failures kept to their own report, and an index page of every report in
the output folder.

The modules behind it, one concern each: :mod:`.parameters` (what the notebook takes),
:mod:`.cache` (when a report is current), :mod:`.build` (one report), :mod:`.executors` (where
tasks run), :mod:`.manifest` (the record of one report).
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import sys
from collections.abc import Iterable
from pathlib import Path

from .. import __version__
from ..files import atomic_write_text
from .build import build
from .cache import inputs_digest
from .executors import Executor, LocalExecutor, ReportTask
from .manifest import MANIFEST, Result, read_manifest
from .parameters import (
    NOTEBOOK,
    check_parameters,
    ensure_kernel,
    notebook_parameters,
    notebook_path,
)

__all__ = [
    "MANIFEST", "NOTEBOOK", "Result", "build", "check_parameters", "ensure_kernel", "inputs_digest",
    "notebook_parameters", "notebook_path", "run", "write_index",
]


def write_index(out_root: str | Path, results: Iterable[Result]) -> Path:
    """``<out_root>/index.html``: every report with its language, events, period and status."""
    from ..presentation import pages

    out_root = Path(out_root)
    rows = sorted(results, key=lambda r: r.article_id)
    page = pages.environment().get_template("index.html.j2").render(
        rows=rows, n_failed=sum(r.status == "failed" for r in rows), version=__version__, css=pages.css())
    out_root.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out_root / "index.html", page)
    return out_root / "index.html"


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def run(seeds: list[Path], out_root: str | Path, jobs: int = 2, params: dict | None = None,
        force: bool = False, progress: bool = True, executor: Executor | None = None) -> list[Result]:
    """Build the reports of ``seeds`` with ``executor`` (default: ``jobs`` local worker
    processes); writes the index page."""
    ensure_kernel()
    out_root = Path(out_root)
    params = dict(params or {})
    executor = executor or LocalExecutor(jobs)
    tasks = [ReportTask(Path(seed), out_root, params, force) for seed in seeds]
    results: list[Result] = []
    from tqdm import tqdm

    old_term = signal.signal(signal.SIGTERM, _raise_interrupt)
    bar = tqdm(total=len(tasks), unit="report", disable=not progress, file=sys.stderr, dynamic_ncols=True)
    try:
        with contextlib.closing(executor.run(tasks)) as finished:
            for r in finished:
                results.append(r)
                bar.set_postfix_str(f"{r.article_id} {r.status}", refresh=False)
                bar.update()
    finally:
        bar.close()
        signal.signal(signal.SIGTERM, old_term)
        _clean_staging(out_root)
    write_index(out_root, _all_results(out_root, results))
    return sorted(results, key=lambda r: r.article_id)


def _clean_staging(out_root: Path) -> None:
    for leftover in out_root.glob(".*.tmp"):
        shutil.rmtree(leftover, ignore_errors=True)


def _all_results(out_root: Path, current: list[Result]) -> list[Result]:
    """This run's results plus the reports already in ``out_root`` from earlier runs."""
    by_id = {r.article_id: r for r in current}
    for folder in sorted(p for p in out_root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if folder.name in by_id:
            continue
        manifest = read_manifest(folder)
        if manifest:
            by_id[folder.name] = Result(**manifest)
    return list(by_id.values())
