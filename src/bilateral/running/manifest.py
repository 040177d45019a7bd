"""What happened to one report (:class:`Result`), and its record on disk (``manifest.json``):
a small record that crosses process boundaries and is all the index needs."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..files import atomic_write_text

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
    variant: str = ""  # "" for the default report, else its folder under the article's
    outputs: dict = field(default_factory=dict)  # file (relative) -> sha256, checked by the cache
    revision: int = 0
    mean_tone: float | None = None  # of the events whose tone is known
    warmth: list = field(default_factory=list)  # [year, mean tone] pairs: the index's sparkline


def read_manifest(folder: Path) -> dict:
    """The manifest of the report in ``folder`` as a dict, or ``{}`` when there is none."""
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_manifest(folder: Path, result: Result) -> None:
    """``folder/manifest.json`` for ``result``, without its run time (so reruns give the same bytes)."""
    atomic_write_text(folder / MANIFEST, json.dumps(asdict(result) | {"seconds": 0.0}, ensure_ascii=False,
                                                    indent=1, sort_keys=True) + "\n")
