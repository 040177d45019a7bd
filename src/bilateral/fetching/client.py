"""One polite HTTP session for the MediaWiki and Wikidata APIs.

Wikimedia's API etiquette, done by well-kept libraries rather than by hand:

* a descriptive User-Agent with the user's contact (generic agents get blocked);
* ``maxlag=5`` on every MediaWiki request, and one request at a time (no threads);
* retries with backoff (tenacity) that honour ``Retry-After`` on HTTP 429 and 503 and on
  ``maxlag`` refusals, which arrive as HTTP 200 with an ``error`` object;
* an HTTP cache (requests-cache, SQLite under ``data/cache/``) that keeps only good answers,
  so fetching the same thing twice costs nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
import requests_cache
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt

from .. import paths
from ..errors import FetchError, UsageError

DEFAULT_API = "https://{lang}.wikipedia.org/w/api.php"
DEFAULT_SPARQL = "https://query.wikidata.org/sparql"
#: Article text changes; an hour keeps re-runs free without hiding a new revision for long.
PAGE_TTL = timedelta(hours=1)
#: Types and labels of linked items change rarely.
WIKIDATA_TTL = timedelta(days=7)
_MAXLAG = 5
_TRANSIENT_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Settings:
    """Where to fetch from and how politely; built by :func:`settings` from options and env."""

    contact: str
    api: str = DEFAULT_API
    sparql: str = DEFAULT_SPARQL
    cache_dir: Path | None = None
    attempts: int = 5
    max_wait: float = 60.0
    timeout: float = 60.0


def settings(contact: str | None = None, api: str | None = None, sparql: str | None = None,
             cache_dir: str | Path | None = None) -> Settings:
    """Settings from explicit values, else ``BILATERAL_CONTACT``, ``BILATERAL_API``,
    ``BILATERAL_WIKIDATA_API``, ``BILATERAL_CACHE`` and ``BILATERAL_FETCH_MAX_WAIT``."""
    contact = (contact or os.environ.get("BILATERAL_CONTACT", "")).strip()
    if not contact:
        raise UsageError(
            "fetch needs a contact for its User-Agent, as Wikimedia asks of every API client "
            "(set BILATERAL_CONTACT=you@example.org or pass --contact)"
        )
    cache = cache_dir or os.environ.get("BILATERAL_CACHE") or paths.project_root() / "data" / "cache"
    max_wait = os.environ.get("BILATERAL_FETCH_MAX_WAIT", "60")
    try:
        wait = float(max_wait)
    except ValueError:
        raise UsageError(f"BILATERAL_FETCH_MAX_WAIT={max_wait!r} is not a number of seconds") from None
    return Settings(
        contact=contact,
        api=api or os.environ.get("BILATERAL_API") or DEFAULT_API,
        sparql=sparql or os.environ.get("BILATERAL_WIKIDATA_API") or DEFAULT_SPARQL,
        cache_dir=Path(cache),
        max_wait=wait,
    )


class _Transient(Exception):
    """A refusal worth retrying; ``retry_after`` is the server's wish in seconds, if it said."""

    def __init__(self, what: str, retry_after: float | None = None) -> None:
        super().__init__(what)
        self.retry_after = retry_after


def user_agent(contact: str) -> str:
    """``bilateral/<version> (<contact>) python-requests/<version>``, as Wikimedia's policy asks."""
    try:
        version = metadata.version("bilateral")
    except metadata.PackageNotFoundError:
        version = "0"
    return f"bilateral/{version} ({contact}) python-requests/{requests.__version__}"


def _cacheable(response: requests.Response) -> bool:
    # A maxlag or other API error comes back as HTTP 200: keeping it would replay the refusal.
    return response.status_code == 200 and "MediaWiki-API-Error" not in response.headers


class Client:
    """A cached, retrying session; :meth:`mediawiki` and :meth:`sparql` return parsed JSON."""

    def __init__(self, config: Settings) -> None:
        self.config = config
        if config.cache_dir is not None:
            config.cache_dir.mkdir(parents=True, exist_ok=True)
            backend: Any = requests_cache.SQLiteCache(config.cache_dir / "http.sqlite")
        else:
            backend = "memory"
        self.session = requests_cache.CachedSession(
            backend=backend, expire_after=PAGE_TTL, allowable_codes=(200,),
            allowable_methods=("GET",), filter_fn=_cacheable,
        )
        self.session.headers["User-Agent"] = user_agent(config.contact)

    def close(self) -> None:
        """Close the session and its cache file."""
        self.session.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def mediawiki(self, api: str, params: dict[str, Any], *, refresh: bool = False) -> dict:
        """One Action API call (``format=json``, ``formatversion=2``, ``maxlag=5``)."""
        full = {"format": "json", "formatversion": "2", "maxlag": str(_MAXLAG), **params}
        return self._get(api, full, expire_after=PAGE_TTL, refresh=refresh)

    def sparql(self, endpoint: str, query: str) -> dict:
        """One SPARQL SELECT on the Wikidata Query Service; the results JSON."""
        return self._get(endpoint, {"query": query, "format": "json"}, expire_after=WIKIDATA_TTL,
                         headers={"Accept": "application/sparql-results+json"})

    def _get(self, url: str, params: dict, **kwargs: Any) -> dict:
        retrying = Retrying(
            stop=stop_after_attempt(self.config.attempts), wait=self._wait,
            retry=retry_if_exception_type(_Transient), reraise=True,
        )
        try:
            for attempt in retrying:
                with attempt:
                    return self._get_once(url, params, **kwargs)
        except _Transient as exc:
            host = urlsplit(url).netloc or url
            if isinstance(exc.__cause__, requests.ConnectionError | requests.Timeout):
                raise FetchError(f"cannot reach {host}: {exc} (check the network connection, or --api)") from None
            raise FetchError(f"{host} refused after {self.config.attempts} attempts: {exc} "
                             "(try again later)") from None
        raise AssertionError("unreachable")  # pragma: no cover - Retrying either returns or raises

    def _wait(self, state: Any) -> float:
        """Seconds to sleep before the next try: the server's Retry-After, else 1, 2, 4, ...
        capped by ``max_wait`` (tests set it low instead of mocking the clock)."""
        exc = state.outcome.exception() if state.outcome else None
        asked = getattr(exc, "retry_after", None)
        wait = asked if asked is not None else 2.0 ** (state.attempt_number - 1)
        return max(0.0, min(wait, self.config.max_wait))

    def _get_once(self, url: str, params: dict, *, expire_after: timedelta, refresh: bool = False,
                  headers: dict | None = None) -> dict:
        try:
            response = self.session.get(url, params=params, headers=headers, timeout=self.config.timeout,
                                        expire_after=expire_after, force_refresh=refresh)
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise _Transient(type(exc).__name__) from exc
        retry_after = _retry_after(response)
        if response.status_code in _TRANSIENT_STATUS:
            raise _Transient(f"HTTP {response.status_code}", retry_after)
        if response.status_code != 200:
            raise FetchError(f"{urlsplit(url).netloc}: HTTP {response.status_code} for {response.url[:120]}")
        try:
            data = response.json()
        except ValueError:
            self._forget(response)
            raise FetchError(f"{urlsplit(url).netloc}: the answer is not JSON (is --api an API endpoint?)") from None
        error = data.get("error") if isinstance(data, dict) else None
        if isinstance(error, dict):
            self._forget(response)
            code = str(error.get("code", "error"))
            if code in {"maxlag", "ratelimited"}:
                raise _Transient(f"{code}: {error.get('info', '')}".strip(": "), retry_after)
            raise FetchError(f"{urlsplit(url).netloc}: API error {code}: {error.get('info', '')}")
        if not isinstance(data, dict):
            raise FetchError(f"{urlsplit(url).netloc}: unexpected answer (not a JSON object)")
        return data

    def _forget(self, response: requests.Response) -> None:
        """Drop a bad answer from the cache: a mirror may send an API error without the
        ``MediaWiki-API-Error`` header that keeps such answers out of it."""
        self.session.cache.delete(requests=[response.request])


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    try:
        return float(value)
    except ValueError:
        return None
