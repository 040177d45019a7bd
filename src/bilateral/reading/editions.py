"""Editions of one article in other languages, found through the langlinks of a seed's links
sidecar (``<stem>.links.json``, written by ``bilateral fetch``), or named by the caller.

The sidecar (:mod:`.links`) carries the article's titles in other editions (``langlinks``) and,
when present, the page's own Wikidata id, which also identifies two editions of one article. A
seed without a sidecar, or whose sidecar carries neither, has no known editions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BilateralError
from . import article as _article
from .links import links_path, read_sidecar


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


def edition(seed: str | Path) -> Edition:
    """The :class:`Edition` of a seed file (langlinks empty when it has no sidecar)."""
    art = _article.load(seed)
    found = read_sidecar(seed)
    if found is None:
        return Edition(Path(seed), art.lang, art.title)
    return Edition(Path(seed), art.lang, art.title, found.langlinks, found.wikidata_id)


def partner(seed: str | Path, candidates: Iterable[str | Path]) -> Path | None:
    """The first of ``candidates`` (other seed files) that is another edition of ``seed``; a
    candidate that does not load is no edition of anything, and is passed over."""
    me = edition(seed)
    for other in candidates:
        if Path(other).resolve() == Path(seed).resolve():
            continue
        if not me.langlinks and not links_path(other).is_file():
            continue  # neither side could name the other: no need to read it
        try:
            found = edition(other)
        except BilateralError:
            continue
        if me.links_to(found):
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
