"""Running one report: the notebook executed by papermill in a staging folder, normalized,
published as HTML, and swapped into place whole.

Each report is built by one writer at a time, in a staging folder renamed into place only when
it is complete, so an interrupted or concurrent run leaves every earlier report as it was and no
half-written file.
"""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
import time
from pathlib import Path

from .. import paths
from ..errors import SeedFormatError
from ..files import atomic_write_text
from ..reading import article
from .cache import inputs_digest, is_current, outputs_digest
from .execution import execute
from .manifest import Result, read_manifest, write_manifest
from .parameters import NOTEBOOK, notebook_path, variant

#: Lock files, one per report and one per article folder; they are not temporary and stay.
LOCKS = ".locks"


def report_folder(out_root: str | Path, article_id: str, variant: str = "") -> Path:
    """Where a report lives: ``<out_root>/<article_id>/`` for the default parameters, and
    ``<out_root>/<article_id>/<variant>/`` for any other set, so variants sit side by side."""
    folder = Path(out_root) / article_id
    return folder / variant if variant else folder


def build(seed: str | Path, out_root: str | Path, params: dict | None = None, force: bool = False) -> Result:
    """Build the report of one seed (report.ipynb, report.html, figures/, manifest.json) in
    :func:`report_folder`. ``params`` are checked parameters (:func:`.parameters.check_parameters`).

    One writer at a time per report (a file lock under ``<out_root>/.locks``); the report is
    built whole in a staging folder and swapped in for the old one at the end. Never raises for
    a bad seed or a failing notebook: the :class:`Result` (also written as the manifest) says
    what failed.
    """
    began = time.perf_counter()
    seed, out_root, params = Path(seed), Path(out_root), dict(params or {})
    article_id, name = seed.stem, variant(params)
    final = report_folder(out_root, article_id, name)
    result = Result(article_id=article_id, seed=paths.relative_to_root(seed), status="failed", params=params,
                    variant=name)
    with build_lock(out_root, _key(article_id, name)):
        try:
            art = article.load(seed)
        except SeedFormatError as exc:
            result.error = f"{exc.problem} ({exc.hint})" if exc.hint else exc.problem  # the path is in result.seed
            _write_failure(out_root, final, result, None)
            return result
        result.title, result.lang = art.title, art.lang
        result.inputs = inputs_digest(seed, params)
        manifest = read_manifest(final)
        if not force and is_current(final, manifest, result.inputs):
            return Result(**{**manifest, "status": "cached", "seconds": time.perf_counter() - began})
        _build_in_staging(seed, art, out_root, final, result)
    result.seconds = time.perf_counter() - began
    return result


def _build_in_staging(seed: Path, art, out_root: Path, final: Path, result: Result) -> None:
    """Run and publish the notebook in staging, then swap it in (the caller holds the report's lock)."""
    key = _key(result.article_id, result.variant)
    _clean_leftovers(out_root, key)
    staging = Path(tempfile.mkdtemp(prefix=f".{key}.", suffix=".tmp", dir=out_root))
    stage = staging / result.article_id
    stage.mkdir()
    try:
        # The page's tools load on a thread while the kernel runs: papermill's process is idle then.
        nb = _execute(seed, staging, result.params, beside=_warm_page)
        _finish(nb, art, stage, result)
        result.status = "ok"
        result.outputs = outputs_digest(stage)
        write_manifest(stage, result)
        with _folder_lock(out_root, result.article_id):
            swap(stage, final, out_root / f".{key}.old.tmp", keep_variants=not result.variant)
    except Exception as exc:  # noqa: BLE001 - a failing report must not stop the batch
        result.status = "failed"
        result.error = _one_line(exc)
        result.outputs = {}
        failed_nb = stage / NOTEBOOK
        _write_failure(out_root, final, result, failed_nb if failed_nb.exists() else None)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _key(article_id: str, name: str) -> str:
    return f"{article_id}@{name}" if name else article_id


def build_lock(out_root: Path, key: str):
    """The lock held while one report (``key``: article id, ``@variant`` if any) is checked and
    built: a filelock, released by the system if its process dies."""
    return named_lock(out_root, f"{key}.build")


def _folder_lock(out_root: Path, article_id: str):
    # Held briefly while an article's folder changes (a swap, a failure note): the default
    # report's swap moves its variants' folders.
    return named_lock(out_root, f"{article_id}.folder")


def named_lock(out_root: Path, name: str):
    """An exclusive lock called ``name`` under ``<out_root>/.locks`` (a filelock)."""
    from filelock import FileLock

    folder = out_root / LOCKS
    folder.mkdir(parents=True, exist_ok=True)
    return FileLock(folder / f"{name}.lock")


def _clean_leftovers(out_root: Path, key: str) -> None:
    """Staging folders of this report left by a killed process (the caller holds its lock)."""
    for leftover in out_root.glob(f".{glob.escape(key)}.*.tmp"):
        if leftover.name.count(".") == key.count(".") + 3:  # not another key with this as prefix
            shutil.rmtree(leftover, ignore_errors=True)


def swap(stage: Path, final: Path, old: Path, keep_variants: bool = False) -> None:
    """Put the finished report in place of the old one with renames only; a default report
    takes the variants' folders of the old one with it."""
    shutil.rmtree(old, ignore_errors=True)
    final.parent.mkdir(parents=True, exist_ok=True)
    if final.exists():
        if keep_variants:
            for sub in final.iterdir():
                if sub.is_dir() and sub.name != "figures":
                    os.replace(sub, stage / sub.name)
        os.replace(final, old)
    os.replace(stage, final)
    shutil.rmtree(old, ignore_errors=True)


def _execute(seed: Path, staging: Path, params: dict, beside=None):
    # The kernel writes the figures into the staging folder, out of the old report until the swap.
    run_params = {"seed": paths.relative_to_root(seed), **params}
    return execute(notebook_path(), staging / seed.stem / NOTEBOOK, run_params, staging, beside)


def _warm_page() -> None:
    from . import publish

    publish.warm()


def _finish(nb, art, stage: Path, result: Result) -> None:
    import nbformat

    from . import publish

    nb = publish.normalize(nb)
    lang = str(nb.metadata.get("papermill", {}).get("parameters", {}).get("narrative_lang", "en"))
    (stage / NOTEBOOK).write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    (stage / "report.html").write_text(publish.page(nb, art, lang), encoding="utf-8")
    figures = publish.summary(nb)
    result.n_events, result.period = int(figures.get("n_events", 0)), str(figures.get("period", ""))
    result.revision, result.mean_tone = int(figures.get("revision", 0)), figures.get("mean_tone")
    result.warmth = [list(p) for p in figures.get("warmth", [])]
    result.link = f"{art.article_id}/{result.variant}/report.html" if result.variant else f"{art.article_id}/report.html"


def _write_failure(out_root: Path, folder: Path, result: Result, notebook: Path | None) -> None:
    """``error.txt`` (and ``failed.ipynb``) beside the last good report, which stays readable;
    the manifest records the failure, so the next run rebuilds and the index shows it."""
    with _folder_lock(out_root, result.article_id):
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(folder / "error.txt", result.error + "\n")
        if notebook is not None:
            shutil.copyfile(notebook, folder / "failed.ipynb")
        manifest = read_manifest(folder)
        if manifest.get("link") and (folder / "report.html").is_file():
            result.link = manifest["link"]
        write_manifest(folder, result)


def _one_line(exc: BaseException) -> str:
    name = type(exc).__name__
    if name == "PapermillExecutionError":
        first = next((line.strip() for line in str(exc.evalue).splitlines() if line.strip()), "")
        return f"notebook cell {exc.exec_count} raised {exc.ename}: {first}"[:300]
    text = str(exc).strip().splitlines()
    return f"{name}: {text[0] if text else ''}"[:300]
