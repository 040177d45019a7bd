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

from .. import __version__, paths
from ..files import atomic_write_text
from . import corpus as corpus_report
from .build import build, build_lock, named_lock, report_folder
from .cache import inputs_digest
from .executors import Executor, LocalExecutor, ReportTask
from .manifest import MANIFEST, Result, read_manifest
from .parameters import (
    NOTEBOOK,
    check_parameters,
    ensure_kernel,
    notebook_parameters,
    notebook_path,
    variant,
)

__all__ = [
    "MANIFEST", "NOTEBOOK", "Result", "build", "check_parameters", "ensure_kernel", "inputs_digest",
    "notebook_parameters", "notebook_path", "on_disk", "report_folder", "run", "tasks_for", "variant", "write_index",
]


def write_index(out_root: str | Path, results: Iterable[Result] | None = None) -> Path:
    """``<out_root>/index.html``: every report with its language, events, period and status.
    Without ``results``, every report on disk (:func:`on_disk`), read under a lock so that
    concurrent batches leave an index of everything."""
    from ..presentation import pages

    out_root = Path(out_root)
    with named_lock(out_root, "index"):
        rows = sorted(on_disk(out_root) if results is None else results, key=lambda r: (r.article_id, r.variant))
        corpus = corpus_report.PAGE if (out_root / corpus_report.PAGE).is_file() else ""
        page = pages.environment().get_template("index.html.j2").render(
            rows=rows, n_failed=sum(r.status == "failed" for r in rows), version=__version__, css=pages.css(),
            corpus=corpus, sparkline=pages.sparkline)
        atomic_write_text(out_root / "index.html", page)
    return out_root / "index.html"


def on_disk(out_root: str | Path) -> list[Result]:
    """Every report in ``out_root`` (default reports and their variants), from their manifests."""
    out_root = Path(out_root)
    found = []
    for manifest in sorted([*out_root.glob(f"*/{MANIFEST}"), *out_root.glob(f"*/*/{MANIFEST}")]):
        if manifest.parent.name.startswith(".") or manifest.parent.parent.name.startswith("."):
            continue
        record = read_manifest(manifest.parent)
        if record:
            known = {k: v for k, v in record.items() if k in Result.__dataclass_fields__}
            found.append(Result(**known))
    return sorted(found, key=lambda r: (r.article_id, r.variant))


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def tasks_for(seeds: Iterable[Path], out_root: Path, params: dict, force: bool = False,
              also_native: bool = False) -> list[ReportTask]:
    """One task per seed; with ``also_native``, a second one with the narrative in the article's
    own language for every article not in English (unless ``params`` choose the language)."""
    tasks = []
    for seed in map(Path, seeds):
        tasks.append(ReportTask(seed, out_root, params, force))
        lang = _article_lang(seed) if also_native and "narrative_lang" not in params else "en"
        if lang and lang != "en":
            tasks.append(ReportTask(seed, out_root, {**params, "narrative_lang": lang}, force))
    return tasks


def _article_lang(seed: Path) -> str:
    from ..errors import SeedFormatError
    from ..reading import article

    try:
        return article.load(seed).lang
    except SeedFormatError:
        return ""  # the default task reports the problem


def run(seeds: list[Path], out_root: str | Path, jobs: int = 2, params: dict | None = None,
        force: bool = False, progress: bool = True, executor: Executor | None = None,
        also_native: bool = False, corpus: bool = False) -> list[Result]:
    """Build the reports of ``seeds`` with ``executor`` (default: ``jobs`` local worker
    processes), then, for two or more articles and with ``corpus``, the corpus report
    (``corpus.html``), then the index page of every report in ``out_root``. In a notebook the
    progress bar is a widget."""
    ensure_kernel()
    out_root = Path(out_root)
    out_root.mkdir(parents=True, exist_ok=True)
    executor = executor or LocalExecutor(jobs)
    tasks = tasks_for(seeds, out_root, dict(params or {}), force, also_native)
    results: list[Result] = []
    from tqdm.auto import tqdm

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
    if corpus:
        built = sorted({r.seed for r in results if r.status in ("ok", "cached") and not r.variant})
        step = corpus_report.batch_step([paths.resolve(s) for s in built], out_root)
        results.extend([step] if step else [])
    write_index(out_root)
    return sorted(results, key=lambda r: (r.article_id, r.variant))


def _clean_staging(out_root: Path) -> None:
    """Staging folders left by killed runs, unless their report is being built right now."""
    from filelock import Timeout

    for leftover in out_root.glob(".*.tmp"):
        key = leftover.name[1:].rsplit(".", 2)[0]
        try:
            with build_lock(out_root, key).acquire(timeout=0):
                shutil.rmtree(leftover, ignore_errors=True)
        except Timeout:
            continue
