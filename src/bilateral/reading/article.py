"""Read a seed file (YAML header, ``---``, plain-text body) into an :class:`Article`."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..errors import BilateralWarning, SeedFormatError
from .links import Link, read_links

_WIKI_HOST = re.compile(r"^([a-z][a-z-]{1,11})(?:\.m)?\.wikipedia\.org$")
_HEBREW = re.compile(r"[\u0590-\u05FF]")
_LATIN = re.compile(r"[A-Za-z]")
_HEADING_LINE = re.compile(r"^\s*=+[^=\n]*=+\s*$", re.M)


@dataclass(frozen=True)
class Article:
    """One article: its header fields, its body (LF line endings, no BOM) and, when the seed has
    a links sidecar, the pages it links to."""

    article_id: str
    title: str
    revision: int
    url: str
    lang: str
    body: str
    links: tuple[Link, ...] | None = None

    @property
    def is_wikipedia(self) -> bool:
        """True when ``url`` is an https Wikipedia address (safe to show as a link)."""
        parts = urlsplit(self.url)
        return parts.scheme == "https" and bool(_WIKI_HOST.match(parts.hostname or ""))


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys (PyYAML silently keeps the last one)."""

    def construct_mapping(self, node, deep=False):  # noqa: D102 - PyYAML hook
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load(path: str | Path) -> Article:
    """Read the seed file at ``path``; raises :class:`SeedFormatError` with a one-line reason."""
    path = Path(path)
    if not path.exists():
        raise SeedFormatError(path, "no such file", "check the path, or list seeds/")
    if path.is_dir():
        raise SeedFormatError(path, "is a directory, not a seed file", "pass a .txt seed file")
    data = path.read_bytes()
    article = parse(data, article_id=path.stem, source=str(path))
    links = read_links(path)
    return article if links is None else replace(article, links=tuple(links))


def parse(data: bytes | str, article_id: str, source: str = "<text>") -> Article:
    """Parse the bytes (or text) of a seed; ``source`` names it in error messages."""
    text = _decode(data, source)
    text = text.replace("\r\n", "\n").replace("\r", "\n")

    match = re.search(r"^---[ \t]*$", text, re.M)
    if match is None:
        raise SeedFormatError(source, "no '---' line between header and body", "see the seed format in README.md")
    header_text = text[: match.start()]
    body = text[match.end() + 1 :] if match.end() < len(text) else ""

    header = _parse_header(header_text, source)
    title = _field(header, "title", source)
    if not isinstance(title, str | int | float):
        raise SeedFormatError(source, "header 'title' is not a text value", "give the article's title")
    if not str(title).strip():
        raise SeedFormatError(source, "header 'title' is empty", "give the article's title")
    url = _field(header, "url", source)
    if not isinstance(url, str) or not url.strip():
        raise SeedFormatError(source, "header 'url' is not a text value", "give the article's URL")
    revision = _field(header, "revision", source)
    if isinstance(revision, bool) or not isinstance(revision, int) or revision < 0:
        raise SeedFormatError(
            source, f"header 'revision' must be a non-negative integer, got {revision!r}",
            "give the revision number from the article's history",
        )
    if not body.strip():
        raise SeedFormatError(source, "the body after '---' has no text", "add the article text")
    if not _HEADING_LINE.sub("", body).strip():
        raise SeedFormatError(source, "the body has headings but no text", "add the article text")

    url = url.strip()
    lang = _lang_from_url(url)
    if lang is None:
        warnings.warn(
            f"{source}: url {url[:80]!r} is not a Wikipedia article URL; language guessed from the text",
            BilateralWarning,
            stacklevel=2,
        )
        lang = guess_lang(body)
    return Article(
        article_id=article_id, title=str(title).strip(), revision=revision, url=url, lang=lang, body=body
    )


def _decode(data: bytes | str, source: str) -> str:
    """The seed's text: UTF-8 (a byte-order mark dropped), no NUL, not empty; else one line."""
    if isinstance(data, bytes):
        if not data.strip():
            raise SeedFormatError(source, "file is empty", "a seed needs a header, '---' and a body")
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise SeedFormatError(source, "is UTF-16, not UTF-8", "re-save the file as UTF-8")
        if b"\x00" in data:
            raise SeedFormatError(source, "contains NUL bytes: looks like a binary file, not a text seed",
                                  "save the article as UTF-8 text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SeedFormatError(
                source,
                f"is not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                "re-save the file as UTF-8",
            ) from None
    else:
        text = data.removeprefix("\ufeff")
        if "\x00" in text:
            raise SeedFormatError(source, "contains NUL characters: not a text seed", "remove the NUL characters")
    if not text.strip():
        raise SeedFormatError(source, "file is empty", "a seed needs a header, '---' and a body")
    return text


def _parse_header(header_text: str, source: str) -> dict:
    if not header_text.strip():
        raise SeedFormatError(source, "the header before '---' is empty", "add revision, title and url")
    try:
        header = yaml.load(header_text, Loader=_UniqueKeyLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SeedFormatError(source, f"header is not valid YAML{where}: {what}",
                              "one 'key: value' per line, each key once; see the seed format in README.md") from None
    if not isinstance(header, dict):
        raise SeedFormatError(source, "header is not a set of 'key: value' lines",
                              "write revision, title and url as 'key: value' lines")
    return header


def _field(header: dict, key: str, source: str):
    if key not in header or header[key] is None:
        raise SeedFormatError(source, f"header lacks '{key}'", "the header needs revision, title and url")
    return header[key]


def _lang_from_url(url: str) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = _WIKI_HOST.match(parts.hostname or "")
    return host.group(1) if host else None


def guess_lang(text: str) -> str:
    """``"he"`` when Hebrew letters outnumber Latin ones in ``text``, else ``"en"``."""
    sample = text[:20000]
    return "he" if len(_HEBREW.findall(sample)) > len(_LATIN.findall(sample)) else "en"
