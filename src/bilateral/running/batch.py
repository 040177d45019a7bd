"""Run the report notebook for many seeds: papermill in worker processes, nbconvert to HTML,
with a progress bar, failures kept to their own report, an index page, and no re-run of a
report whose inputs have not changed.

Each report is built in a staging folder and renamed into place only when it is complete, so an
interrupted run leaves every earlier report as it was and no half-written file.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from importlib import resources as _res
from multiprocessing import get_context
from pathlib import Path

from .. import __version__, paths
from ..errors import SeedFormatError, UsageError
from ..files import atomic_write_text
from ..period import parse_period
from ..reading import article
from ..vocab import FIGURE_FORMATS, KERNEL_NAME, REPORT_LANGUAGES

KERNEL = KERNEL_NAME
NOTEBOOK = "report.ipynb"
MANIFEST = "manifest.json"


@dataclass
class Result:
    """What happened to one seed's report."""

    article_id: str
    seed: str
    status: str  # ok, cached, failed
    title: str = ""
    lang: str = ""
    n_events: int = 0
    period: str = ""
    error: str = ""
    seconds: float = 0.0
    inputs: str = ""
    link: str = ""
    params: dict = field(default_factory=dict)


def notebook_path() -> Path:
    """The parameterized report notebook."""
    return paths.notebooks_dir() / NOTEBOOK


def notebook_parameters() -> dict[str, dict]:
    """The report notebook's parameters, as papermill reads them (name -> spec)."""
    import papermill

    return papermill.inspect_notebook(str(notebook_path()))


def check_parameters(params: dict[str, str]) -> dict[str, object]:
    """Refuse names the notebook does not declare (papermill only warns) and convert each value
    to the declared type; returns the typed parameters."""
    if not params:
        return {}
    declared = notebook_parameters()
    typed: dict[str, object] = {}
    for name, value in params.items():
        if name not in declared:
            known = ", ".join(sorted(declared))
            raise UsageError(f"unknown parameter {name!r}; the report notebook takes: {known}")
        kind = declared[name]["inferred_type_name"]
        if kind == "int":
            try:
                typed[name] = int(value)
            except ValueError:
                raise UsageError(f"parameter {name!r} takes a whole number, not {value!r}") from None
        else:
            typed[name] = str(value)
    lang = typed.get("narrative_lang")
    if lang is not None and lang not in REPORT_LANGUAGES:
        raise UsageError(f"narrative_lang must be one of {', '.join(REPORT_LANGUAGES)}, not {lang!r}")
    fmt = typed.get("figure_format")
    if fmt is not None and fmt not in FIGURE_FORMATS:
        raise UsageError(f"figure_format must be one of {', '.join(FIGURE_FORMATS)}, not {fmt!r}")
    if "period" in typed:
        parse_period(str(typed["period"]))
    return typed


def ensure_kernel() -> None:
    """Fail with a clear line when the project's Jupyter kernel is not installed."""
    from jupyter_client.kernelspec import KernelSpecManager

    if KERNEL not in KernelSpecManager().find_kernel_specs():
        raise UsageError(
            f"the Jupyter kernel {KERNEL!r} is not installed; run `make venv` or `python -m bilateral.kernel`"
        )


def _source_digest() -> str:
    h = hashlib.sha256()
    root = _res.files("bilateral")
    for path in sorted(Path(str(root)).rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yml", ".j2", ".css"):
            h.update(path.relative_to(Path(str(root))).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def inputs_digest(seed: Path, params: dict) -> str:
    """A hash of everything a report depends on: seed, library, notebook and parameters."""
    h = hashlib.sha256()
    h.update(seed.read_bytes())
    h.update(__version__.encode())
    h.update(_source_digest().encode())
    h.update(notebook_path().read_bytes())
    h.update(json.dumps(params, sort_keys=True, ensure_ascii=False).encode())
    return h.hexdigest()


def build(seed: str | Path, out_root: str | Path, params: dict | None = None, force: bool = False) -> Result:
    """Build ``<out_root>/<article_id>/`` (report.ipynb, report.html, figures/) for one seed.

    The report is built whole in a staging folder and swapped in for the old one at the end.
    Never raises for a bad seed or a failing notebook: the :class:`Result` says what failed.
    """
    began = time.perf_counter()
    seed = Path(seed)
    out_root = Path(out_root)
    params = dict(params or {})
    article_id = seed.stem
    result = Result(article_id=article_id, seed=paths.relative_to_root(seed), status="failed", params=params)
    try:
        art = article.load(seed)
    except SeedFormatError as exc:
        result.error = f"{exc.problem} ({exc.hint})" if exc.hint else exc.problem  # the path is in result.seed
        _write_failure(out_root / article_id, result, None)
        return result
    result.title, result.lang = art.title, art.lang
    final = out_root / article_id
    result.inputs = inputs_digest(seed, params)
    manifest = _read_manifest(final)
    if not force and manifest and manifest.get("inputs") == result.inputs and manifest.get("status") == "ok" \
            and (final / "report.html").is_file():
        return Result(**{**manifest, "status": "cached", "seconds": time.perf_counter() - began})

    out_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{article_id}.", suffix=".tmp", dir=out_root))
    stage = staging / article_id
    stage.mkdir()
    try:
        nb = _execute(seed, staging, params)
        _finish(nb, art, stage, result)
        result.status = "ok"
        atomic_write_text(stage / MANIFEST, json.dumps(asdict(result) | {"seconds": 0.0}, ensure_ascii=False,
                                                       indent=1, sort_keys=True) + "\n")
        _swap(stage, final)
    except Exception as exc:  # noqa: BLE001 - a failing report must not stop the batch
        result.status = "failed"
        result.error = _one_line(exc)
        failed_nb = stage / NOTEBOOK
        _write_failure(final, result, failed_nb if failed_nb.exists() else None)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.seconds = time.perf_counter() - began
    return result


def _swap(stage: Path, final: Path) -> None:
    """Put the finished report in place of the old one with renames only."""
    old = final.parent / f".{final.name}.old.tmp"
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        os.replace(final, old)
    os.replace(stage, final)
    shutil.rmtree(old, ignore_errors=True)


class _QuietKernelManager:
    """Built on first use (jupyter_client loads lazily): a kernel manager whose kernels write
    their stderr nowhere, so an interrupted batch does not spill kernel tracebacks."""

    _cls = None

    @classmethod
    def get(cls):
        if cls._cls is None:
            import subprocess

            from jupyter_client.manager import AsyncKernelManager

            class Quiet(AsyncKernelManager):
                async def _async_launch_kernel(self, kernel_cmd, **kw):
                    kw["stderr"] = subprocess.DEVNULL
                    return await super()._async_launch_kernel(kernel_cmd, **kw)

            cls._cls = Quiet
        return cls._cls


def _execute(seed: Path, staging: Path, params: dict):
    import papermill

    # The kernel finds the output folder through the environment, so the executed notebook
    # records no output path and reruns into another folder give the same bytes. Pointing it
    # at the staging folder keeps the figures out of the old report until the swap.
    run_params = {"seed": paths.relative_to_root(seed), **params}
    output = staging / seed.stem / NOTEBOOK
    previous = os.environ.get(paths.REPORTS_ENV)
    os.environ[paths.REPORTS_ENV] = str(staging.resolve())
    try:
        for attempt in range(2):
            try:
                return papermill.execute_notebook(
                    str(notebook_path()), str(output), parameters=run_params, kernel_name=KERNEL,
                    progress_bar=False, log_output=False, cwd=str(staging), execution_timeout=600,
                    kernel_manager_class=_QuietKernelManager.get(),
                )
            except RuntimeError as exc:
                # Many kernels starting at once can miss their start-up deadline: retry that once.
                if "Kernel didn't respond" not in str(exc) or attempt:
                    raise
    finally:
        if previous is None:
            os.environ.pop(paths.REPORTS_ENV, None)
        else:
            os.environ[paths.REPORTS_ENV] = previous
    raise AssertionError("unreachable")  # pragma: no cover


def _finish(nb, art, stage: Path, result: Result) -> None:
    import nbformat

    from ..running import publish

    nb = publish.normalize(nb)
    lang = str(nb.metadata.get("papermill", {}).get("parameters", {}).get("narrative_lang", "en"))
    (stage / NOTEBOOK).write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    (stage / "report.html").write_text(publish.page(nb, art, lang), encoding="utf-8")
    figures = publish.summary(nb)
    result.n_events, result.period = int(figures.get("n_events", 0)), str(figures.get("period", ""))
    result.link = f"{art.article_id}/report.html"


def _write_failure(folder: Path, result: Result, notebook: Path | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_text(folder / "error.txt", result.error + "\n")
    if notebook is not None:
        shutil.copyfile(notebook, folder / "failed.ipynb")
    manifest = _read_manifest(folder)
    if manifest.get("status") == "ok" and (folder / "report.html").is_file():
        result.link = manifest.get("link", "")  # the last good report stays readable


def _read_manifest(folder: Path) -> dict:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _one_line(exc: BaseException) -> str:
    name = type(exc).__name__
    if name == "PapermillExecutionError":
        first = next((line.strip() for line in str(exc.evalue).splitlines() if line.strip()), "")
        return f"notebook cell {exc.exec_count} raised {exc.ename}: {first}"[:300]
    text = str(exc).strip().splitlines()
    return f"{name}: {text[0] if text else ''}"[:300]


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
        force: bool = False, progress: bool = True) -> list[Result]:
    """Build the reports of ``seeds`` with ``jobs`` worker processes; writes the index page."""
    ensure_kernel()
    out_root = Path(out_root)
    params = dict(params or {})
    results: list[Result] = []
    from tqdm import tqdm

    old_term = signal.signal(signal.SIGTERM, _raise_interrupt)
    bar = tqdm(total=len(seeds), unit="report", disable=not progress, file=sys.stderr, dynamic_ncols=True)
    try:
        if jobs <= 1:
            for seed in seeds:
                bar.set_postfix_str(seed.stem, refresh=False)
                results.append(build(seed, out_root, params, force))
                bar.update()
        else:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"), initializer=_worker_init) as pool:
                pending: set[Future] = {pool.submit(build, seed, out_root, params, force) for seed in seeds}
                try:
                    while pending:
                        done, pending = wait(pending, return_when=FIRST_COMPLETED)
                        for f in done:
                            r = f.result()
                            results.append(r)
                            bar.set_postfix_str(f"{r.article_id} {r.status}", refresh=False)
                            bar.update()
                except BaseException:
                    for f in pending:
                        f.cancel()
                    pool.shutdown(wait=True, cancel_futures=True)
                    raise
    finally:
        bar.close()
        signal.signal(signal.SIGTERM, old_term)
        _clean_staging(out_root)
    write_index(out_root, _all_results(out_root, results))
    return sorted(results, key=lambda r: r.article_id)


def _worker_init() -> None:
    # The parent handles Ctrl-C and SIGTERM; workers finish or are cancelled by it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _clean_staging(out_root: Path) -> None:
    for leftover in out_root.glob(".*.tmp"):
        shutil.rmtree(leftover, ignore_errors=True)


def _all_results(out_root: Path, current: list[Result]) -> list[Result]:
    """This run's results plus the reports already in ``out_root`` from earlier runs."""
    by_id = {r.article_id: r for r in current}
    for folder in sorted(p for p in out_root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if folder.name in by_id:
            continue
        manifest = _read_manifest(folder)
        if manifest:
            by_id[folder.name] = Result(**manifest)
    return list(by_id.values())
