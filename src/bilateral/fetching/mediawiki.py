"""MediaWiki Action API queries: an article with its revision, redirects, disambiguation flag
and langlinks; the pages it links to with their Wikidata ids; the members of a category.

Every query uses ``formatversion=2`` (pages as a list, booleans for flags) and follows
``continue`` blocks by sending every key back unchanged, merging the pages of each batch.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..errors import FetchError, UsageError
from .client import Client

_WIKI_URL = re.compile(r"^([a-z][a-z-]{1,11})(?:\.m)?\.wikipedia\.org$")
_RESOURCES = Path(__file__).resolve().parents[1] / "resources"


@dataclass(frozen=True)
class Page:
    """The current revision of one article, as the API gave it."""

    title: str
    lang: str
    revision: int
    url: str
    extract: str
    wikidata_id: str = ""
    langlinks: dict[str, str] = field(default_factory=dict)
    redirected_from: str = ""


@dataclass(frozen=True)
class LinkedPage:
    """A page the article links to (redirects resolved) and its Wikidata item."""

    title: str
    wikidata_id: str


def supported_languages() -> list[str]:
    """The languages bilateral can analyse: those with a ``resources/<lang>/`` folder."""
    return sorted(p.name for p in _RESOURCES.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def check_language(lang: str, option: str = "--lang") -> str:
    """``lang`` if bilateral reads that language, else a :class:`UsageError`."""
    known = supported_languages()
    if lang not in known:
        raise UsageError(f"unknown language {lang!r} for {option}: bilateral reads {', '.join(known)}")
    return lang


def parse_target(target: str, lang: str | None) -> tuple[str, str]:
    """``(lang, title)`` from a title (needs ``lang``) or a ``https://LANG.wikipedia.org/wiki/T`` URL."""
    parts = urlsplit(target)
    if parts.scheme in {"http", "https"}:
        host = _WIKI_URL.match(parts.hostname or "")
        if host is None or not parts.path.startswith("/wiki/"):
            raise UsageError(f"{target[:80]!r} is not a Wikipedia article URL (https://LANG.wikipedia.org/wiki/Title)")
        url_lang = host.group(1)
        if lang and lang != url_lang:
            raise UsageError(f"--lang {lang} contradicts the URL, which is on {url_lang}.wikipedia.org")
        title = unquote(parts.path[len("/wiki/"):]).replace("_", " ").strip()
        return check_language(url_lang), title
    if not lang:
        raise UsageError(f"which Wikipedia is {target!r} on? add --lang (e.g. --lang he) or give the article's URL")
    if not target.strip():
        raise UsageError("the article title is empty")
    return check_language(lang), target.strip()


def api_for(template: str, lang: str) -> str:
    """The Action API address for ``lang``: ``{lang}`` in the template is filled in."""
    return template.replace("{lang}", lang)


def query_pages(client: Client, api: str, params: dict[str, Any], *, refresh: bool = False) -> tuple[list[dict], dict]:
    """All pages of an ``action=query`` across its continuations, merged by page, and the
    ``redirects``/``normalized`` lists of the first batch."""
    pages: dict[Any, dict] = {}
    first: dict = {}
    for query in _continued(client, api, {"action": "query", **params}, refresh=refresh):
        if not first:
            first = query
        for page in query.get("pages", []):
            key = page.get("pageid") or page.get("title")
            merged = pages.setdefault(key, {})
            for name, value in page.items():
                if isinstance(value, list) and isinstance(merged.get(name), list):
                    merged[name].extend(value)
                else:
                    merged[name] = value
    return list(pages.values()), first


def _continued(client: Client, api: str, params: dict[str, Any], *, refresh: bool = False) -> Iterator[dict]:
    """Each batch's ``query`` object, sending back the ``continue`` keys until there are none."""
    cont: dict[str, Any] = {}
    while True:
        data = client.mediawiki(api, {**params, **cont}, refresh=refresh)
        yield data.get("query", {})
        if "continue" not in data:
            return
        cont = data["continue"]


def fetch_page(client: Client, api: str, lang: str, title: str, *, refresh: bool = False) -> Page:
    """The article ``title`` (redirects followed): plain text with ``== H ==`` headings,
    revision, URL, Wikidata id and langlinks. Refuses missing and disambiguation pages."""
    params = {
        "titles": title, "redirects": "1",
        "prop": "extracts|revisions|info|pageprops|langlinks",
        "explaintext": "1", "exsectionformat": "wiki", "rvprop": "ids|timestamp",
        "inprop": "url", "ppprop": "disambiguation|wikibase_item", "lllimit": "max",
    }
    pages, query = query_pages(client, api, params, refresh=refresh)
    if not pages:
        raise FetchError(f"{lang}.wikipedia: no page in the answer for {title!r}")
    page = pages[0]
    shown = page.get("title", title)
    if page.get("invalid"):
        raise FetchError(f"{lang}.wikipedia: {title!r} is not a valid title ({page.get('invalidreason', '')})")
    if page.get("missing"):
        raise FetchError(f"{lang}.wikipedia has no page {shown!r} (check the spelling, or search the wiki)")
    props = page.get("pageprops", {})
    if "disambiguation" in props:
        raise FetchError(f"{lang}.wikipedia: {shown!r} is a disambiguation page (fetch one of the articles it lists)")
    extract = page.get("extract") or ""
    revisions = page.get("revisions") or [{}]
    revision = revisions[0].get("revid") or page.get("lastrevid")
    if not extract.strip() or not revision:
        raise FetchError(f"{lang}.wikipedia: {shown!r} has no plain-text extract (is TextExtracts installed on this wiki?)")
    redirects = query.get("redirects") or []
    return Page(
        title=shown, lang=lang, revision=int(revision),
        url=page.get("canonicalurl") or page.get("fullurl") or "",
        extract=extract, wikidata_id=props.get("wikibase_item", ""),
        langlinks={ll["lang"]: ll["title"] for ll in page.get("langlinks", []) if "lang" in ll and "title" in ll},
        redirected_from=redirects[0]["from"] if redirects else "",
    )


def page_links(client: Client, api: str, title: str, *, refresh: bool = False) -> list[LinkedPage]:
    """Articles (namespace 0) that ``title`` links to, redirects resolved, with Wikidata ids;
    red links, disambiguation pages and pages without an item are left out."""
    params = {
        "titles": title, "generator": "links", "gplnamespace": "0", "gpllimit": "max",
        "redirects": "1", "prop": "pageprops", "ppprop": "disambiguation|wikibase_item",
    }
    pages, _ = query_pages(client, api, params, refresh=refresh)
    found = {}
    for page in pages:
        props = page.get("pageprops") or {}
        if page.get("missing") or "disambiguation" in props or not props.get("wikibase_item"):
            continue
        found[page["title"]] = LinkedPage(page["title"], props["wikibase_item"])
    return [found[t] for t in sorted(found)]


def category_members(client: Client, api: str, category: str, limit: int) -> list[str]:
    """Titles of up to ``limit`` articles in ``category`` (namespace 0), in the API's order."""
    if ":" not in category:
        category = f"Category:{category}"
    params = {"list": "categorymembers", "cmtitle": category, "cmnamespace": "0",
              "cmtype": "page", "cmlimit": str(min(limit, 500))}
    titles: list[str] = []
    for query in _continued(client, api, {"action": "query", **params}):
        titles.extend(m["title"] for m in query.get("categorymembers", []))
        if len(titles) >= limit:
            break
    if not titles:
        raise FetchError(f"{category!r} has no articles (check the name, with its namespace prefix)")
    return titles[:limit]
