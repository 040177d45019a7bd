"""Saving a chart: reproducible files, written atomically."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from ...files import atomic_open
from ..display import PNG_METADATA, drawn_pixels, write_pixels
from .style import STYLE, sheet

_METADATA: dict[str, dict[str, None]] = {
    "png": PNG_METADATA,
    "svg": {"Date": None},
    "pdf": {"CreationDate": None, "ModDate": None},
}


def save(fig: Figure, folder: str | Path, name: str, formats: Iterable[str] = ("svg", "png")) -> list[Path]:
    """Write ``fig`` as ``folder/name.<format>`` for each format and return the paths. The files
    are reproducible (no dates or software version, a fixed dpi and SVG hash salt) and written
    atomically: to a temporary file in ``folder``, then renamed over the target."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rc = {**STYLE, "svg.hashsalt": sheet()["svg_hashsalt"]}
    dpi = sheet()["dpi"]
    formats = [fmt.lower().lstrip(".") for fmt in formats]
    for fmt in formats:
        if fmt not in _METADATA:
            raise ValueError(f"cannot save a chart as {fmt!r}; use one of {', '.join(_METADATA)}")
    with plt.rc_context(rc):
        # Taken before any file is drawn: drawing another format leaves the figure fresh again.
        pixels = drawn_pixels(fig, dpi) if "png" in formats else None
    paths = []
    for fmt in formats:
        path = folder / f"{name}.{fmt}"
        with atomic_open(path) as fh, plt.rc_context(rc):
            if fmt == "png" and pixels is not None:
                write_pixels(fh, pixels, dpi)
            else:
                fig.savefig(fh, format=fmt, dpi=dpi, metadata=_METADATA[fmt])
        paths.append(path)
    return paths
