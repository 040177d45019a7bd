"""The corpus page (reports/corpus.html) in a real browser, in English and in Hebrew: it loads
nothing from outside itself, its charts decode, its contents links reach their sections, and
the Hebrew page reads right to left."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ARTICLES, CHROMIUM, CHROMIUM_ARGS, ROOT, SEED

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ARTIFACTS = ROOT / "tests" / "artifacts"
SECTIONS = ["summary", "decades", "warmth", "actors", "dated", "articles"]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright for Python is not installed")
if not CHROMIUM.is_file():
    pytest.skip(f"{CHROMIUM} is missing (install Debian's chromium package)", allow_module_level=True)


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    from bilateral.running.corpus import render_corpus

    tmp = tmp_path_factory.mktemp("corpus_browser")
    seeds = [SEED, ARTICLES / "en_01_india_vietnam.txt", *sorted((ARTICLES / "pair").glob("*.txt"))]
    return {lang: render_corpus(seeds, tmp / lang, lang, tmp / "processed") for lang in ("en", "he")}


@pytest.fixture(scope="module")
def opened(pages):
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        out = {}
        for lang, path in pages.items():
            page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            own = path.resolve().as_uri()
            outside, errors = [], []
            page.route("**/*", _router(own, outside))
            page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
            page.goto(own, wait_until="load")
            page.wait_for_function("[...document.images].every(i => i.complete)")
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"corpus_{lang}.png"), full_page=True)
            out[lang] = (page, own, outside, errors)
        yield out
        browser.close()


def _router(own: str, outside: list[str]):
    """A route handler: the page itself and data: URLs load; anything else is aborted and kept."""
    def route(r):
        url = r.request.url
        if url.split("#", 1)[0] == own or url.startswith("data:"):
            r.continue_()
        else:
            outside.append(url)
            r.abort()
    return route


@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_page_stands_alone_and_its_charts_decode(opened, lang):
    page, _, outside, errors = opened[lang]
    assert outside == [] and errors == []
    sizes = page.evaluate("[...document.images].map(i => [i.naturalWidth, i.src.slice(0, 11)])")
    assert len(sizes) == 4 and all(w > 0 and src == "data:image/" for w, src in sizes)


@pytest.mark.parametrize("lang", ["en", "he"])
def test_contents_links_reach_their_sections(opened, lang):
    page, own, _, _ = opened[lang]
    links = page.locator("nav.toc a")
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [f"#corpus-{s}" for s in SECTIONS]
    links.nth(len(SECTIONS) - 1).click()
    page.wait_for_function("h => location.hash === h", arg="#corpus-articles")
    top = page.evaluate("document.getElementById('corpus-articles').getBoundingClientRect().top")
    assert -2 <= top < 900


def test_the_hebrew_page_reads_right_to_left(opened):
    page = opened["he"][0]
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["he", "rtl"]
    assert page.evaluate("getComputedStyle(document.querySelector('p.narrative')).direction") == "rtl"
