"""Shared fixtures: the project's paths, the seed's tables (extracted once) and small seed builders."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_ba48285eb3d73b6f.txt"
ARTICLES = ROOT / "tests" / "articles"
FIXTURES = ROOT / "tests" / "fixtures"

HEADER = 'revision: 1\ntitle: "Test article"\nurl: https://en.wikipedia.org/wiki/Test\n\n---\n'


def seed_text(body: str, header: str = HEADER) -> str:
    """A seed file's text from a body (and optionally a header)."""
    return header + body


@pytest.fixture
def write_seed(tmp_path):
    """Write a seed file under tmp_path and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture(scope="session")
def seed_tables():
    """The tables of the embedded seed, extracted once for the whole session: read, never modify."""
    import bilateral

    return bilateral.extract(SEED)


# Browser tests drive Debian's Chromium through Playwright (never Playwright's own download).
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module (modules skip themselves when it is missing)."""
    from playwright import sync_api

    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
