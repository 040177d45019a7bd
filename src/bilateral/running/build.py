"""Running one report: the notebook executed by papermill in a staging folder, normalized,
published as HTML, and swapped into place whole.

Each report is built in a staging folder and renamed into place only when it is complete, so an
interrupted run leaves every earlier report as it was and no half-written file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from .. import paths
from ..errors import SeedFormatError
from ..files import atomic_write_text
from ..reading import article
from ..vocab import KERNEL_NAME
from .cache import inputs_digest, is_current
from .manifest import Result, read_manifest, write_manifest
from .parameters import NOTEBOOK, notebook_path


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
    manifest = read_manifest(final)
    if not force and is_current(final, manifest, result.inputs):
        return Result(**{**manifest, "status": "cached", "seconds": time.perf_counter() - began})

    out_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{article_id}.", suffix=".tmp", dir=out_root))
    stage = staging / article_id
    stage.mkdir()
    try:
        nb = _execute(seed, staging, params)
        _finish(nb, art, stage, result)
        result.status = "ok"
        write_manifest(stage, result)
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
                    str(notebook_path()), str(output), parameters=run_params, kernel_name=KERNEL_NAME,
                    progress_bar=False, log_output=False, cwd=str(staging), execution_timeout=600,
                    kernel_manager_class=_QuietKernelManager.get(),
                )
            except Exception as exc:  # noqa: BLE001 - filtered just below
                # Many kernels starting at once can miss their start-up deadline or clash on a
                # port (jupyter_client's known race): retry a failed start once.
                if attempt or not _kernel_did_not_start(exc):
                    raise
    finally:
        if previous is None:
            os.environ.pop(paths.REPORTS_ENV, None)
        else:
            os.environ[paths.REPORTS_ENV] = previous
    raise AssertionError("unreachable")  # pragma: no cover


_KERNEL_START_FAILURES = ("Kernel didn't respond", "Kernel died before replying", "Address already in use")


def _kernel_did_not_start(exc: BaseException) -> bool:
    return type(exc).__name__ != "PapermillExecutionError" and any(m in str(exc) for m in _KERNEL_START_FAILURES)


def _finish(nb, art, stage: Path, result: Result) -> None:
    import nbformat

    from . import publish

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
    manifest = read_manifest(folder)
    if manifest.get("status") == "ok" and (folder / "report.html").is_file():
        result.link = manifest.get("link", "")  # the last good report stays readable


def _one_line(exc: BaseException) -> str:
    name = type(exc).__name__
    if name == "PapermillExecutionError":
        first = next((line.strip() for line in str(exc.evalue).splitlines() if line.strip()), "")
        return f"notebook cell {exc.exec_count} raised {exc.ename}: {first}"[:300]
    text = str(exc).strip().splitlines()
    return f"{name}: {text[0] if text else ''}"[:300]
