"""Cache keys: a report is rebuilt when something it depends on has changed, or when the files
it vouches for are no longer the ones it wrote."""

from __future__ import annotations

import hashlib
import json
from importlib import resources as _res
from pathlib import Path

from .. import __version__
from .manifest import MANIFEST
from .parameters import notebook_path


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


def outputs_digest(folder: Path) -> dict[str, str]:
    """Every file of the report in ``folder`` (relative path -> sha256), its manifest excepted.
    Only files are hashed, never a variant's folder nested inside."""
    files = [p for p in [*folder.glob("*"), *folder.glob("figures/*")] if p.is_file() and p.name != MANIFEST]
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(files)}


def is_current(folder: Path, manifest: dict, inputs: str) -> bool:
    """Whether the report in ``folder`` was built from ``inputs`` and its files are still the
    ones it wrote (none altered, removed or added)."""
    return bool(manifest) and manifest.get("inputs") == inputs and manifest.get("status") == "ok" \
        and bool(manifest.get("outputs")) and outputs_digest(folder) == manifest["outputs"]
