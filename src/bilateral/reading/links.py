"""The links sidecar of a seed, ``<stem>.links.json`` beside ``<stem>.txt``: the pages the
article links to, each with its Wikidata id, type and labels. ``bilateral fetch`` writes it
(:func:`links_bytes`); the loader reads it (:func:`read_links`) so that extraction can use it as
the article's own gazetteer, and :mod:`.editions` reads its language links. One format, here.

UTF-8 JSON, keys sorted, links sorted, two-space indent, final newline, so one fetch always
writes the same bytes::

    {
      "format": 1,
      "lang": "he",                # the article's language
      "langlinks": {"en": "..."},  # the article's title in other editions (may be absent)
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

A seed without a sidecar has no links (``None``). A sidecar of another revision than its seed
is refused, as is one in another format.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from ..errors import SeedFormatError

SUFFIX = ".links.json"
FORMAT = 1
LINK_TYPES = ("person", "state", "organization", "place", "other")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_HINT = "re-fetch with bilateral fetch --update, or delete the links file to read the seed without links"


@dataclass(frozen=True, order=True, slots=True)
class Link:
    """One page the article links to: its title (article's language), Wikidata id, type and labels."""

    title: str
    wikidata_id: str
    type: str
    label_en: str
    label: str


@dataclass(frozen=True)
class Sidecar:
    """A whole links sidecar: the links, and the article's titles in other editions."""

    links: list[Link]
    langlinks: dict[str, str] = field(default_factory=dict)
    wikidata_id: str = ""


def links_path(seed_path: str | Path) -> Path:
    """``<stem>.links.json`` beside the seed ``<stem>.txt``."""
    seed_path = Path(seed_path)
    return seed_path.with_name(seed_path.stem + SUFFIX)


def links_bytes(title: str, lang: str, revision: int, links: list[Link],
                langlinks: dict[str, str] | None = None) -> bytes:
    """The sidecar's bytes: the same for the same input (sorted keys, sorted links)."""
    doc = {"format": FORMAT, "title": title, "lang": lang, "revision": revision,
           "links": [asdict(link) for link in sorted(links)]}
    if langlinks:
        doc["langlinks"] = dict(sorted(langlinks.items()))
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def read_links(seed_path: str | Path) -> list[Link] | None:
    """The links of the seed at ``seed_path``, or ``None`` when it has no sidecar; raises
    :class:`SeedFormatError` (one line) for a sidecar that is not in the format above."""
    found = read_sidecar(seed_path)
    return None if found is None else found.links


def read_sidecar(seed_path: str | Path) -> Sidecar | None:
    """The whole sidecar of the seed at ``seed_path`` (``None`` when it has none)."""
    path = links_path(seed_path)
    if not path.is_file():
        return None
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise SeedFormatError(path, "is not UTF-8", _HINT) from None
    except json.JSONDecodeError as exc:
        raise SeedFormatError(path, f"is not valid JSON (line {exc.lineno}: {exc.msg})", _HINT) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("links"), list):
        raise SeedFormatError(path, "has no 'links' list at the top level", _HINT)
    if doc.get("format", FORMAT) != FORMAT:
        raise SeedFormatError(path, f"links sidecar is not format {FORMAT}", _HINT)
    seed_revision = _seed_revision(Path(seed_path))
    if "revision" in doc and seed_revision is not None and doc["revision"] != seed_revision:
        raise SeedFormatError(
            path, f"links sidecar is for revision {doc['revision']}, the seed is revision {seed_revision}", _HINT)
    links = [_link(path, i + 1, item) for i, item in enumerate(doc["links"])]
    return Sidecar(links, _langlinks(doc), str(doc.get("wikidata_id") or ""))


def _link(path: Path, number: int, item: object) -> Link:
    where = f"link {number}"
    if not isinstance(item, dict):
        raise SeedFormatError(path, f"{where} is not an object", _HINT)
    if not isinstance(item.get("title"), str) or not item["title"].strip():
        raise SeedFormatError(path, f"{where} has no 'title'", _HINT)
    if not all(isinstance(item.get(k), str) for k in ("wikidata_id", "type")):
        raise SeedFormatError(path, f"{where} lacks one of title, wikidata_id, type", _HINT)
    fields = {k: str(item.get(k) or "").strip() for k in ("title", "wikidata_id", "type", "label_en", "label")}
    if fields["type"] not in LINK_TYPES:
        raise SeedFormatError(path, f"{where}: type {fields['type']!r} is not one of {', '.join(LINK_TYPES)}", _HINT)
    if not _QID.match(fields["wikidata_id"]):
        raise SeedFormatError(path, f"{where}: wikidata_id {fields['wikidata_id']!r} is not a Q-number", _HINT)
    return Link(**fields)


def _langlinks(doc: dict) -> dict[str, str]:
    """Language -> title, from a mapping or from MediaWiki's list of ``{lang, title}``."""
    raw = doc.get("langlinks") or {}
    if isinstance(raw, dict):
        return {str(k): str(v) for k, v in raw.items() if isinstance(v, str)}
    return {str(x["lang"]): str(x.get("title", x.get("*", ""))) for x in raw
            if isinstance(x, dict) and "lang" in x}


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
    return revision if isinstance(revision, int) and not isinstance(revision, bool) else None
