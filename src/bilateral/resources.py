"""Language data: month names, prefixes, titles, stop words, tone words and gazetteers, kept as
readable YAML files under ``resources/<lang>/`` and loaded once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources as _res
from typing import Any

import yaml

# libyaml's loader reads the gazetteers ~10x faster than the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Languages with their own data; any other language falls back to English data.
LANGUAGES = ("he", "en")


def data_lang(lang: str) -> str:
    """The language whose data files serve ``lang``."""
    return lang if lang in LANGUAGES else "en"


@cache
def load(lang: str, name: str) -> Any:
    """Parsed content of ``resources/<lang>/<name>.yml`` (empty dict when the file is absent)."""
    path = _res.files("bilateral") / "resources" / data_lang(lang) / f"{name}.yml"
    if not path.is_file():
        return {}
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
