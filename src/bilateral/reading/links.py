"""Read a seed's links sidecar, ``<stem>.links.json`` beside the seed: the pages the article
links to, each with its Wikidata id, kind and labels.

Format::

    {"title": str, "lang": str, "revision": int,
     "links": [{"title": str, "wikidata_id": "Q...", "type": "person" | "state" | "organization"
                | "place" | "other", "label_en": str, "label": str}, ...]}

``title`` is the linked page's title in the article's language, ``label`` its label in that
language and ``label_en`` its English label. A seed without a sidecar has no links (``None``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import SeedFormatError

LINK_TYPES = ("person", "state", "organization", "place", "other")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_HINT = "fix the links file, or delete it to read the seed without links"


@dataclass(frozen=True, slots=True)
class Link:
    """One page the article links to."""

    title: str
    wikidata_id: str
    type: str
    label_en: str
    label: str


def links_path(seed_path: str | Path) -> Path:
    """Where the links sidecar of ``seed_path`` lives: ``<stem>.links.json`` beside it."""
    seed_path = Path(seed_path)
    return seed_path.with_name(f"{seed_path.stem}.links.json")


def read_links(seed_path: str | Path) -> list[Link] | None:
    """The links of the seed at ``seed_path``, or ``None`` when it has no sidecar; raises
    :class:`SeedFormatError` (one line) for a sidecar that is not in the format above."""
    path = links_path(seed_path)
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise SeedFormatError(path, "is not UTF-8", _HINT) from None
    except json.JSONDecodeError as exc:
        raise SeedFormatError(path, f"is not valid JSON (line {exc.lineno}: {exc.msg})", _HINT) from None
    if not isinstance(data, dict) or not isinstance(data.get("links"), list):
        raise SeedFormatError(path, "has no 'links' list at the top level", _HINT)
    return [_link(path, i, item) for i, item in enumerate(data["links"])]


def _link(path: Path, i: int, item: object) -> Link:
    where = f"link {i + 1}"
    if not isinstance(item, dict):
        raise SeedFormatError(path, f"{where} is not an object", _HINT)
    fields = {}
    for key in ("title", "wikidata_id", "type", "label_en", "label"):
        value = item.get(key, "")
        if not isinstance(value, str):
            raise SeedFormatError(path, f"{where}: '{key}' is not text", _HINT)
        fields[key] = value.strip()
    if not fields["title"]:
        raise SeedFormatError(path, f"{where} has no 'title'", _HINT)
    if fields["type"] not in LINK_TYPES:
        raise SeedFormatError(path, f"{where}: type {fields['type']!r} is not one of {', '.join(LINK_TYPES)}", _HINT)
    if fields["wikidata_id"] and not _QID.match(fields["wikidata_id"]):
        raise SeedFormatError(path, f"{where}: wikidata_id {fields['wikidata_id']!r} is not a Q-number", _HINT)
    return Link(**fields)
