"""What a command process leaves unimported.

nbformat validates notebooks with jsonschema, and jsonschema's format checker, when it is
imported, compiles an RFC 3987 IRI grammar with Lark if ``rfc3987_syntax`` is installed (it comes
with JupyterLab, through jupyter-events): 1.5 s of every report command's start, measured, for a
format check nbformat never makes (its schemas name no ``format`` keyword and it passes no format
checker). Only processes that run reports skip it: the command, its local batch workers and the
Dask workers a batch is given (on their first report, unless jsonschema is already loaded there);
never a user's notebook or JupyterLab. What is skipped is one optional check of jsonschema: other
work on such a worker that validates "iri" formats would see them pass unchecked.
"""

from __future__ import annotations

import sys

_UNUSED = ("rfc3987_syntax",)


def skip_unused_imports() -> None:
    """Make the imports above fail fast (jsonschema treats the grammar as optional and goes on
    without it); a no-op once jsonschema is loaded, when skipping would change nothing."""
    if "jsonschema" in sys.modules:
        return
    for name in _UNUSED:
        sys.modules.setdefault(name, None)
