"""The report notebook's parameters: what it declares (read by papermill from its tagged cell),
and the values a user gives, checked and typed before anything runs."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from .. import paths
from ..errors import UsageError
from ..period import parse_period
from ..vocab import FIGURE_FORMATS, KERNEL_NAME, REPORT_LANGUAGES

NOTEBOOK = "report.ipynb"

#: Parameters the runner sets itself, so that a report's folder, title and manifest always
#: describe the article that was read.
RUNNER_OWNED = {
    "seed": "give the seed as the SEED argument",
    "out_dir": "the report's folder is chosen with --out",
}
#: The smallest value that makes sense for whole-number parameters.
MINIMUM = {"top_n": 0}
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def notebook_path() -> Path:
    """The parameterized report notebook."""
    return paths.notebooks_dir() / NOTEBOOK


def notebook_parameters() -> dict[str, dict]:
    """The report notebook's parameters, as papermill reads them (name -> spec)."""
    import papermill

    return papermill.inspect_notebook(str(notebook_path()))


def describe() -> list[dict[str, object]]:
    """The parameters a user may set, in the notebook's order: name, type, default and help."""
    return [{"name": name, "type": spec["inferred_type_name"], "default": _default(spec), "help": spec["help"]}
            for name, spec in notebook_parameters().items() if name not in RUNNER_OWNED]


def _default(spec: dict) -> object:
    try:
        return ast.literal_eval(spec["default"])
    except (ValueError, SyntaxError):
        return spec["default"]


def check_parameters(params: dict[str, str]) -> dict[str, object]:
    """Refuse names the notebook does not declare (papermill only warns), parameters the runner
    sets itself, and values that make no sense; convert each value to the declared type.
    Returns the typed parameters that differ from the notebook's defaults."""
    if not params:
        return {}
    declared = notebook_parameters()
    typed: dict[str, object] = {}
    for name, value in params.items():
        if name in RUNNER_OWNED:
            raise UsageError(f"parameter {name!r} cannot be set with -p: {RUNNER_OWNED[name]}")
        if name not in declared:
            known = ", ".join(sorted(set(declared) - set(RUNNER_OWNED)))
            raise UsageError(f"unknown parameter {name!r}; the report notebook takes: {known}")
        typed[name] = _typed(name, value, declared[name]["inferred_type_name"])
    lang = typed.get("narrative_lang")
    if lang is not None and lang not in REPORT_LANGUAGES:
        raise UsageError(f"narrative_lang must be one of {', '.join(REPORT_LANGUAGES)}, not {lang!r}")
    fmt = typed.get("figure_format")
    if fmt is not None and fmt not in FIGURE_FORMATS:
        raise UsageError(f"figure_format must be one of {', '.join(FIGURE_FORMATS)}, not {fmt!r}")
    if "period" in typed:
        parse_period(str(typed["period"]))
    if typed.get("compare"):
        found = paths.resolve(str(typed["compare"]))
        if not found.is_file():
            raise UsageError(f"{found}: compare names no seed file; give the other edition's .txt")
        # Project-relative where it can be, so no machine path is recorded in the notebook.
        typed["compare"] = paths.relative_to_root(found)
    return {name: value for name, value in typed.items() if value != _default(declared[name])}


def _typed(name: str, value: str, kind: str) -> object:
    if kind != "int":
        return str(value)
    try:
        number = int(value)
    except ValueError:
        raise UsageError(f"parameter {name!r} takes a whole number, not {value!r}") from None
    if name in MINIMUM and number < MINIMUM[name]:
        raise UsageError(f"parameter {name!r} must be at least {MINIMUM[name]}, not {number}")
    return number


def variant(params: dict[str, object]) -> str:
    """The folder name of a report built with ``params`` (checked, defaults dropped): ``""`` for
    the default report, else e.g. ``he`` or ``he_period-1950-1990``."""
    order = list(notebook_parameters()) if params else []
    parts = []
    for name in sorted(params, key=lambda n: order.index(n) if n in order else len(order)):
        shown = Path(str(params[name])).stem if name == "compare" else str(params[name])
        value = _UNSAFE.sub("-", shown).strip(".-") or "empty"
        parts.append(value if name == "narrative_lang" else f"{name}-{value}")
    return "_".join(parts)


def ensure_kernel() -> None:
    """Fail with a clear line when the project's Jupyter kernel is not installed."""
    from jupyter_client.kernelspec import KernelSpecManager

    if KERNEL_NAME not in KernelSpecManager().find_kernel_specs():
        raise UsageError(
            f"the Jupyter kernel {KERNEL_NAME!r} is not installed; run `make venv` or `python -m bilateral.kernel`"
        )
