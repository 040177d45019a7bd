"""The report notebook's parameters: what it declares (read by papermill from its tagged cell),
and the values a user gives, checked and typed before anything runs."""

from __future__ import annotations

from pathlib import Path

from .. import paths
from ..errors import UsageError
from ..period import parse_period
from ..vocab import FIGURE_FORMATS, KERNEL_NAME, REPORT_LANGUAGES

NOTEBOOK = "report.ipynb"


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

    if KERNEL_NAME not in KernelSpecManager().find_kernel_specs():
        raise UsageError(
            f"the Jupyter kernel {KERNEL_NAME!r} is not installed; run `make venv` or `python -m bilateral.kernel`"
        )
