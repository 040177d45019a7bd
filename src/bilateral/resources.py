"""Language data: month names, prefixes, titles, stop words, tone words and gazetteers, kept as
readable YAML files under ``resources/<lang>/`` and loaded once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources as _res
from typing import Any

import yaml

from .vocab import lang_code

# libyaml's loader reads the gazetteers ~10x faster than the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

@cache
def load(lang: str, name: str) -> Any:
    """Parsed content of ``resources/<lang>/<name>.yml`` (empty dict when the file is absent)."""
    path = _res.files("bilateral") / "resources" / lang_code(lang) / f"{name}.yml"
    if not path.is_file():
        return {}
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}


@cache
def shared(name: str) -> Any:
    """Parsed content of ``resources/<name>.yml``, data that no one language owns (the charts'
    style, CAMEO codes, known events)."""
    path = _res.files("bilateral") / "resources" / f"{name}.yml"
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
