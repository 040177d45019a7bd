"""Editions of one article in other languages, found through the langlinks of a seed's links
sidecar (``<stem>.links.json``, written by ``bilateral fetch``), or named by the caller.

The sidecar is read tolerantly. Its language links may be a mapping (``"langlinks": {"en":
"Title"}``, beside format 1's ``title``, ``lang``, ``revision`` and ``links``) or MediaWiki's
list (``[{"lang": "en", "title": "Title"}]``), at the top or under ``page``; the page's own
Wikidata id, when present (``wikidata_id`` or ``wikibase_item``), also identifies two editions of
one article. A seed without a sidecar, or whose sidecar carries neither, has no known editions.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SeedFormatError
from . import article as _article

SIDECAR_SUFFIX = ".links.json"


@dataclass(frozen=True)
class Edition:
    """What identifies one seed as an edition: its language, title, langlinks and Wikidata id."""

    seed: Path
    lang: str
    title: str
    langlinks: dict[str, str] = field(default_factory=dict)
    wikidata_id: str = ""

    def links_to(self, other: Edition) -> bool:
        """True when either edition's langlinks name the other (or both are one Wikidata item)."""
        if self.wikidata_id and self.wikidata_id == other.wikidata_id and self.lang != other.lang:
            return True
        return (_same(self.langlinks.get(other.lang, ""), other.title)
                or _same(other.langlinks.get(self.lang, ""), self.title))


def sidecar(seed: str | Path) -> Path:
    """The links sidecar that belongs to ``seed``: ``<stem>.links.json`` beside it."""
    seed = Path(seed)
    return seed.with_name(seed.stem + SIDECAR_SUFFIX)


def edition(seed: str | Path) -> Edition:
    """The :class:`Edition` of a seed file (langlinks empty when it has no sidecar)."""
    art = _article.load(seed)
    links, qid = read_sidecar(sidecar(seed))
    return Edition(Path(seed), art.lang, art.title, links, qid)


def read_sidecar(path: str | Path) -> tuple[dict[str, str], str]:
    """(language -> title, the page's Wikidata id) from a links sidecar; empty when absent."""
    path = Path(path)
    if not path.is_file():
        return {}, ""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SeedFormatError(path, f"the links sidecar is not JSON ({exc})", "fetch the article again") from None
    if not isinstance(data, dict):
        return {}, ""
    page = data.get("page") if isinstance(data.get("page"), dict) else data
    raw = page.get("langlinks", data.get("langlinks")) or {}
    if isinstance(raw, dict):
        links = {str(k): str(v) for k, v in raw.items() if isinstance(v, str)}
    else:
        links = {str(x["lang"]): str(x.get("title", x.get("*", ""))) for x in raw
                 if isinstance(x, dict) and "lang" in x}
    qid = page.get("wikidata_id") or page.get("wikibase_item") or data.get("wikidata_id") or ""
    return links, str(qid)


def partner(seed: str | Path, candidates: Iterable[str | Path]) -> Path | None:
    """The first of ``candidates`` (other seed files) that is another edition of ``seed``."""
    me = edition(seed)
    for other in candidates:
        if Path(other).resolve() == Path(seed).resolve():
            continue
        if me.links_to(edition(other)):
            return Path(other)
    return None


def pairs(seeds: Iterable[str | Path]) -> list[tuple[Path, Path]]:
    """Every pair of seeds that are editions of one article, each pair once, in seed order."""
    found = [edition(s) for s in seeds]
    out = []
    for i, a in enumerate(found):
        for b in found[i + 1:]:
            if a.lang != b.lang and a.links_to(b):
                out.append((a.seed, b.seed))
    return out


def _same(a: str, b: str) -> bool:
    norm = lambda t: " ".join(t.replace("_", " ").split()).casefold()  # noqa: E731
    return bool(a) and norm(a) == norm(b)
