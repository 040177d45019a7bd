"""Seed files as ``bilateral fetch`` writes them: the header, the stable file name, and the
write of seed + links sidecar that never silently replaces another revision."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import FetchError
from ..files import atomic_write_bytes
from ..reading.links import Link, links_bytes, links_path

_SLUG_MAX = 48


def seed_header(revision: int, title: str, url: str) -> str:
    """The header up to and including ``---``, byte for byte as the embedded seed has it:
    PyYAML's default dump (non-ASCII titles double-quoted with ``\\uXXXX`` escapes, folded
    at 80 columns), two blank lines, ``---``."""
    fields = yaml.safe_dump({"revision": int(revision), "title": title, "url": url},
                            sort_keys=False, allow_unicode=False, width=80)
    return fields + "\n\n---\n"


def seed_bytes(revision: int, title: str, url: str, body: str) -> bytes:
    """A whole seed: header, a blank line, the body exactly as the API gave it."""
    return (seed_header(revision, title, url) + "\n" + body).encode("utf-8")


def seed_stem(lang: str, title: str) -> str:
    """A file name stem that is stable for (lang, title) and safe on every file system:
    ``<lang>_<ascii-slug>_<hash>`` (``<lang>_<hash>`` when the title has no Latin letters).
    Only ``[a-z0-9_-]``; the hash of the exact title keeps titles that differ only in case or
    script apart on case-insensitive file systems."""
    digest = hashlib.sha256(f"{lang}:{title}".encode()).hexdigest()[:12]
    # accents come off (é -> e); any other non-ASCII character (a dash, Hebrew) separates words
    plain = "".join(c for c in unicodedata.normalize("NFKD", title.lower()) if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:_SLUG_MAX].strip("-")
    return f"{lang}_{slug}_{digest}" if slug else f"{lang}_{digest}"


def _header(path: Path) -> dict | None:
    """The YAML header of the seed at ``path`` as a dict, or None when it has none."""
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    match = re.search(r"^---[ \t]*\r?$", text, re.M)
    try:
        header = yaml.safe_load(text[: match.start()]) if match else None
    except yaml.YAMLError:
        return None
    return header if isinstance(header, dict) else None


def existing_revision(path: Path) -> int | None:
    """The revision named in the header of the seed at ``path``; None if there is no such file."""
    if not path.exists():
        return None
    revision = (_header(path) or {}).get("revision")
    if not isinstance(revision, int) or isinstance(revision, bool):
        raise FetchError(f"{path}: exists but is not a seed with a revision (move it away, or choose --out)")
    return revision


def seed_path(out: Path, lang: str, title: str) -> Path:
    """Where the article goes: a seed already in ``out`` with the same title and language
    (e.g. a hand-written or renamed one), so that no article is there twice, else
    ``out/<seed_stem>.txt``."""
    wanted = out / f"{seed_stem(lang, title)}.txt"
    if wanted.exists() or not out.is_dir():
        return wanted
    for path in sorted(out.glob("*.txt")):
        header = _header(path) or {}
        url = str(header.get("url", ""))
        if str(header.get("title", "")).strip() == title and url.startswith(f"https://{lang}."):
            return path
    return wanted


def check_revision(path: Path, revision: int, update: bool) -> int | None:
    """The revision already at ``path`` (None if none); a :class:`FetchError` when it differs
    from ``revision`` and ``update`` is not set."""
    old = existing_revision(path)
    if old is not None and old != revision and not update:
        raise FetchError(f"{path}: holds revision {old}, Wikipedia now has {revision} "
                         "(pass --update to replace it)")
    return old


@dataclass(frozen=True)
class Written:
    """What happened to one seed: ``new``, ``updated`` or ``unchanged``."""

    path: Path
    status: str
    revision: int
    old_revision: int | None = None


def write_seed(path: Path, *, revision: int, title: str, url: str, body: str,
               lang: str, links: list[Link], update: bool, langlinks: dict[str, str] | None = None) -> Written:
    """Write the seed at ``path`` and its links sidecar beside it, each atomically, sidecar first.

    An existing seed of the same revision is left as it is (its sidecar is rewritten, which
    gives the same bytes). Another revision is replaced only with ``update``; without it a
    :class:`FetchError` says which revisions differ and nothing is written.
    """
    old = check_revision(path, revision, update)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(links_path(path), links_bytes(title, lang, revision, links, langlinks))
    if old == revision:
        return Written(path, "unchanged", revision, old)
    atomic_write_bytes(path, seed_bytes(revision, title, url, body))
    return Written(path, "new" if old is None else "updated", revision, old)
