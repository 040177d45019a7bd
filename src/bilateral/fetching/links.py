"""The links sidecar: ``<stem>.links.json`` next to ``<stem>.txt``, written by ``bilateral fetch``.

It lists the pages the article links to, so extraction can use them as the article's own
gazetteer. UTF-8 JSON, keys sorted, links sorted by title, two-space indent, final newline:
the same fetch writes the same bytes. Shape::

    {
      "format": 1,
      "lang": "he",                # the article's language
      "links": [
        {
          "label": "...",          # Wikidata label in the article's language ("" if none)
          "label_en": "...",       # Wikidata label in English ("" if none)
          "title": "...",          # the linked page's title in the article's language
          "type": "person",        # person | state | organization | place | other
          "wikidata_id": "Q1"      # exact Wikidata item id
        }
      ],
      "revision": 123,             # the article revision the links were read from
      "title": "..."               # the article's title
    }

:func:`read_links` returns the links as :class:`Link` records (``None`` when a seed has no
sidecar) and refuses a sidecar that belongs to another revision than its seed.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from ..errors import SeedFormatError

SUFFIX = ".links.json"
FORMAT = 1
TYPES = ("person", "state", "organization", "place", "other")
_QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True, order=True)
class Link:
    """One linked page: its title (article's language), Wikidata id, type and labels."""

    title: str
    wikidata_id: str
    type: str
    label_en: str
    label: str


def links_path(seed_path: str | Path) -> Path:
    """``<stem>.links.json`` beside the seed ``<stem>.txt``."""
    seed_path = Path(seed_path)
    return seed_path.with_name(seed_path.stem + SUFFIX)


def links_bytes(title: str, lang: str, revision: int, links: list[Link]) -> bytes:
    """The sidecar's bytes: stable for the same input (sorted keys, sorted links)."""
    doc = {
        "format": FORMAT, "title": title, "lang": lang, "revision": revision,
        "links": [asdict(link) for link in sorted(links)],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def read_links(seed_path: str | Path) -> list[Link] | None:
    """The links of the seed at ``seed_path``, or ``None`` when it has no sidecar.

    Raises :class:`SeedFormatError` (one line) for a sidecar that is not valid, or that was
    fetched for another revision than the seed's header names.
    """
    path = links_path(seed_path)
    if not path.is_file():
        return None
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SeedFormatError(path, f"links sidecar is not UTF-8 JSON ({exc})", "re-fetch or delete it") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("links"), list):
        raise SeedFormatError(path, f"links sidecar is not format {FORMAT}", "re-fetch with bilateral fetch --update")
    seed_revision = _seed_revision(Path(seed_path))
    if seed_revision is not None and doc.get("revision") != seed_revision:
        raise SeedFormatError(
            path, f"links sidecar is for revision {doc.get('revision')}, the seed is revision {seed_revision}",
            "re-fetch with bilateral fetch --update, or delete the sidecar",
        )
    return [_link(path, i, record) for i, record in enumerate(doc["links"])]


def _link(path: Path, index: int, record: object) -> Link:
    fields = ("title", "wikidata_id", "type", "label_en", "label")
    if not isinstance(record, dict) or not all(isinstance(record.get(f), str) for f in fields):
        raise SeedFormatError(path, f"link {index} lacks one of {', '.join(fields)}", "re-fetch or delete it")
    if record["type"] not in TYPES or not _QID.match(record["wikidata_id"]):
        raise SeedFormatError(path, f"link {index} has type {record['type']!r} / id {record['wikidata_id']!r}",
                              f"types are {', '.join(TYPES)}; ids look like Q123")
    return Link(**{f: record[f] for f in fields})


def _seed_revision(seed_path: Path) -> int | None:
    """The ``revision:`` of a seed's header, or None when the seed is absent or unreadable
    (the loader reports those problems itself)."""
    try:
        text = seed_path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    match = re.search(r"^---[ \t]*\r?$", text, re.M)
    if match is None:
        return None
    try:
        header = yaml.safe_load(text[: match.start()])
    except yaml.YAMLError:
        return None
    revision = header.get("revision") if isinstance(header, dict) else None
    return revision if isinstance(revision, int) else None
