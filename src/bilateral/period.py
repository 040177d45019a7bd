"""The ``period`` report parameter: a year range such as ``1948-1990``, ``1960-`` or ``-1990``.

Parsed here, in one place, by the runner (to refuse a bad ``-p period`` before any kernel
starts) and by the notebook (to focus the charts and narrative).
"""

from __future__ import annotations

import re

from .errors import UsageError

_PERIOD = re.compile(r"^\s*(\d{3,4})?\s*[-–]\s*(\d{3,4})?\s*$|^\s*(\d{3,4})\s*$")


def parse_period(period: str) -> tuple[int | None, int | None]:
    """``"1948-1990"`` -> (1948, 1990); ``"1960-"`` -> (1960, None); ``""`` -> (None, None)."""
    if not period or not period.strip():
        return None, None
    m = _PERIOD.match(period)
    if m is None or not any(m.groups()):
        raise UsageError(f"period {period!r} is not a year range like 1948-1990")
    if m.group(3):
        return int(m.group(3)), int(m.group(3))
    lo, hi = (int(g) if g else None for g in m.group(1, 2))
    if lo is not None and hi is not None and lo > hi:
        raise UsageError(f"period {period!r} ends before it starts")
    return lo, hi
