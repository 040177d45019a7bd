"""Event kinds in the field's standard codes: a CAMEO root code and a Goldstein weight per kind.

The mapping is data (``resources/cameo.yml``, with its public sources); this module reads it and
adds the two columns to an events frame. GDELT, ICEWS and POLECAT code interstate events the
same way, so the events table can be set beside theirs (see ``docs/gdelt.md``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from .. import resources

if TYPE_CHECKING:
    import pandas as pd

#: The columns :func:`annotate` adds to the events table.
COLUMNS = ("cameo", "goldstein")


@dataclass(frozen=True)
class Code:
    """One event kind's CAMEO root code, its more precise CAMEO code, and the Goldstein weight."""

    cameo: str
    code: str
    label: str
    goldstein: float


@cache
def _data() -> dict:
    return resources.shared("cameo")


@cache
def codes() -> dict[str, Code]:
    """Event kind -> :class:`Code`, as listed in ``resources/cameo.yml``."""
    roots = _data()["roots"]
    out = {}
    for kind, entry in _data()["codes"].items():
        code = Code(str(entry["cameo"]), str(entry["code"]), str(entry["label"]), float(entry["goldstein"]))
        if code.cameo not in roots or not code.code.startswith(code.cameo) or not -10 <= code.goldstein <= 10:
            raise ValueError(f"resources/cameo.yml: {kind}: not a CAMEO root code or Goldstein weight")
        out[str(kind)] = code
    return out


def roots() -> dict[str, str]:
    """CAMEO root code -> its name ("04" -> "Consult")."""
    return {str(k): str(v) for k, v in _data()["roots"].items()}


def of(kind: str) -> Code | None:
    """The code of an event kind; None for a kind with no fitting code ("other")."""
    return codes().get(kind)


def annotate(events: pd.DataFrame) -> pd.DataFrame:
    """``events`` with ``cameo`` (root code, empty when none fits) and ``goldstein`` (-10..10,
    missing when none fits) taken from its ``kind`` column."""
    found = [of(str(k)) for k in events["kind"]]
    return events.assign(cameo=[c.cameo if c else "" for c in found],
                         goldstein=[c.goldstein if c else float("nan") for c in found])
