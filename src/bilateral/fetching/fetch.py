"""``bilateral fetch``: articles (one, its other editions, or a category's) -> seeds + links.

Everything for one article is fetched before anything is written, so an error leaves no
half-written files; each article's seed and sidecar are then written atomically.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import paths
from ..errors import FetchError, UsageError
from ..reading.links import Link
from . import mediawiki, wikidata
from .client import Client, Settings
from .seedfile import Written, check_revision, seed_path, write_seed


@dataclass
class Request:
    """What to fetch and where to put it."""

    target: str | None = None
    lang: str | None = None
    also: list[str] = field(default_factory=list)
    category: str | None = None
    limit: int = 50
    out: Path | None = None  # None: the project's seeds/
    update: bool = False


def fetch(request: Request, config: Settings, report: Callable[[str], None] = print,
          warn: Callable[[str], None] | None = None) -> list[Written]:
    """Fetch what ``request`` names; returns one :class:`Written` per seed.

    ``report`` gets one line per seed written; ``warn`` (default: stderr) one line per category
    member that cannot be fetched (e.g. a disambiguation page). Such members are skipped and a
    :class:`FetchError` at the end says how many; any other error stops at once.
    """
    warn = warn or _stderr
    if request.out is None:
        request = replace(request, out=paths.seeds_dir())
    for lang in request.also:
        mediawiki.check_language(lang, "--also")
    if request.category:
        if request.target:
            raise UsageError("give either an article or --category, not both")
        if not request.lang:
            raise UsageError("--category needs --lang (the wiki the category is on)")
        lang = mediawiki.check_language(request.lang)
        if request.limit < 1:
            raise UsageError("--limit must be at least 1")
    elif not request.target:
        raise UsageError("name an article (title with --lang, or its URL), or --category")
    with Client(config) as client:
        if request.category:
            api = mediawiki.api_for(config.api, lang)
            titles = mediawiki.category_members(client, api, request.category, request.limit)
            return _fetch_many(client, config, request, lang, titles, report, warn)
        lang, title = mediawiki.parse_target(request.target, request.lang)
        return _fetch_with_editions(client, config, request, lang, title, report)


def _stderr(line: str) -> None:
    print(f"bilateral: error: {line}", file=sys.stderr)


def _fetch_many(client: Client, config: Settings, request: Request, lang: str, titles: list[str],
                report: Callable[[str], None], warn: Callable[[str], None]) -> list[Written]:
    written: list[Written] = []
    failed = 0
    for title in titles:
        try:
            written.extend(_fetch_with_editions(client, config, request, lang, title, report))
        except FetchError as exc:
            failed += 1
            warn(str(exc))
    if failed:
        raise FetchError(f"{failed} of {len(titles)} articles in {request.category!r} were not fetched (see above)")
    return written


def _fetch_with_editions(client: Client, config: Settings, request: Request, lang: str, title: str,
                         report: Callable[[str], None]) -> list[Written]:
    """The article, then its editions in ``request.also``; all fetched before any is written."""
    first = _fetch_one(client, config, lang, title, request.update)
    editions = [first]
    for other in request.also:
        if other == lang:
            continue
        linked = first[0].langlinks.get(other)
        if not linked:
            raise FetchError(f"{lang}.wikipedia {first[0].title!r} has no langlink to {other}.wikipedia "
                             f"(fetch the {other} article by its own title)")
        editions.append(_fetch_one(client, config, other, linked, request.update))
    targets = [seed_path(request.out, page.lang, page.title) for page, _ in editions]
    for target, (page, _) in zip(targets, editions, strict=True):  # refuse before writing any edition
        check_revision(target, page.revision, request.update)
    results = []
    for target, (page, links) in zip(targets, editions, strict=True):
        done = write_seed(target, revision=page.revision, title=page.title, url=page.url,
                          body=page.extract, lang=page.lang, links=links, update=request.update,
                          langlinks=page.langlinks)
        report(_describe(done, links, page.redirected_from))
        results.append(done)
    return results


def _fetch_one(client: Client, config: Settings, lang: str, title: str,
               refresh: bool) -> tuple[mediawiki.Page, list[Link]]:
    api = mediawiki.api_for(config.api, lang)
    page = mediawiki.fetch_page(client, api, lang, title, refresh=refresh)
    linked = mediawiki.page_links(client, api, page.title, refresh=refresh)
    info = wikidata.lookup(client, config.sparql, [p.wikidata_id for p in linked], lang)
    links = [
        Link(title=p.title, wikidata_id=p.wikidata_id, type=info[p.wikidata_id].type,
             label_en=info[p.wikidata_id].label_en, label=info[p.wikidata_id].label)
        for p in linked if p.wikidata_id in info
    ]
    return page, links


def _describe(done: Written, links: list[Link], redirected_from: str = "") -> str:
    counts = Counter(link.type for link in links)
    kinds = ", ".join(f"{counts[t]} {t}" for t in wikidata.TYPES if counts[t])
    what = {"new": "new", "updated": f"updated from revision {done.old_revision}",
            "unchanged": "unchanged"}[done.status]
    via = f"; redirected from {redirected_from!r}" if redirected_from else ""
    return f"{done.path} (revision {done.revision}, {what}{via}; {len(links)} links: {kinds or 'none'})"
