"""Fetching: Wikipedia article + Wikidata -> seed file + links sidecar.

Knows nothing of extraction; imports only ``bilateral.errors``, ``bilateral.files``,
``bilateral.paths`` and the sidecar format (``bilateral.reading.links``). Entry points: :func:`fetch` (what ``bilateral fetch`` runs),
:func:`settings` (contact, endpoints and cache from options or environment) and
:func:`read_links` (the sidecar of a seed, for extraction). See docs/fetch.md.
"""

from __future__ import annotations

from ..reading.links import Link, links_path, read_links
from .client import Settings, settings
from .fetch import Request, fetch
from .seedfile import seed_header, seed_stem

__all__ = ["Link", "Request", "Settings", "fetch", "links_path", "read_links", "seed_header",
           "seed_stem", "settings"]
