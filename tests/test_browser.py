"""The published pages in a real browser: headless Debian Chromium through Playwright.

Three reports are built once: the embedded article with the English narrative, the same with
the Hebrew narrative (a right-to-left page), and a hostile seed (tests/hostile/) whose text
carries script and event-handler payloads. Each page is opened from file:// with every request
routed: only the page itself and data: URLs may load, anything else is aborted and recorded.
Full-page screenshots go to tests/artifacts/<name>.png (git-ignored) for a human to look at.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CHROMIUM, ROOT, SEED

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ARTIFACTS = ROOT / "tests" / "artifacts"
HOSTILE_SEED = ROOT / "tests" / "hostile" / "markup_javascript_url.txt"
TOC = ["narrative", "timeline", "warmth", "actors", "mentions", "structure", "events", "people", "quotes"]
HEBREW = "/[\\u0590-\\u05FF]/"

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright for Python is not installed")
if not CHROMIUM.is_file():
    pytest.skip(f"{CHROMIUM} is missing (install Debian's chromium package)", allow_module_level=True)


# ---------------------------------------------------------------------------------------------
# Reports and browser, once per module


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    """name -> report.html; the three reports are built at the same time."""
    tmp = tmp_path_factory.mktemp("browser")
    env = {k: v for k, v in os.environ.items() if k != "BILATERAL_REPORTS"}
    jobs = {
        "report_en": ([str(SEED)], tmp / "en", SEED.stem),
        "report_he": ([str(SEED), "-p", "narrative_lang", "he"], tmp / "he", SEED.stem),
        "hostile": ([str(HOSTILE_SEED)], tmp / "hostile", HOSTILE_SEED.stem),
    }
    running = {
        name: subprocess.Popen([sys.executable, "-m", "bilateral.cli", "report", *args, "--out", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
        for name, (args, out, _) in jobs.items()
    }
    pages = {}
    for name, proc in running.items():
        stdout, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 0, f"{name}: {stderr}"
        _, out, article_id = jobs[name]
        # A variant (the Hebrew narrative) lives in its own folder under the article's.
        pages[name] = Path(stdout.strip())
        assert pages[name].is_file() and pages[name].is_relative_to(out / article_id)
    return pages


@dataclasses.dataclass
class Visit:
    """One page opened in the browser, with what it tried to do."""

    page: object
    url: str
    outside: list[str]  # requests that were aborted: anything but the page and data: URLs
    console_errors: list[str]
    page_errors: list[str]
    dialogs: list[str]


def _open(browser, html_file: Path, name: str) -> Visit:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=True)
    page = context.new_page()
    own = html_file.resolve().as_uri()
    visit = Visit(page, own, [], [], [], [])

    def route(r):
        url = r.request.url
        if url.split("#", 1)[0] == own or url.startswith("data:"):
            r.continue_()
        else:
            visit.outside.append(url)
            r.abort()

    def dialog(d):
        visit.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    page.route("**/*", route)
    page.on("console", lambda m: visit.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: visit.page_errors.append(str(e)))
    page.on("dialog", dialog)
    page.goto(own, wait_until="load")
    page.wait_for_function("[...document.images].every(i => i.complete)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    return visit


@pytest.fixture(scope="module")
def visits(reports, browser) -> dict[str, Visit]:
    opened = {name: _open(browser, path, name) for name, path in reports.items()}
    yield opened
    for visit in opened.values():
        visit.page.context.close()


# ---------------------------------------------------------------------------------------------
# Every page


NAMES = ["report_en", "report_he", "hostile"]


@pytest.mark.parametrize("name", NAMES)
def test_page_requests_nothing_outside_itself(visits, name):
    assert visits[name].outside == []


@pytest.mark.parametrize("name", NAMES)
def test_every_chart_image_decodes(visits, name):
    sizes = visits[name].page.evaluate(
        "[...document.images].map(i => [i.complete, i.naturalWidth, i.naturalHeight, i.src.slice(0, 22)])")
    assert len(sizes) >= 5
    for complete, width, height, src in sizes:
        assert complete and width > 0 and height > 0, src
        assert src.startswith("data:image/")


@pytest.mark.parametrize("name", NAMES)
def test_no_console_error_and_no_page_error(visits, name):
    assert visits[name].console_errors == []
    assert visits[name].page_errors == []


@pytest.mark.parametrize("name", NAMES)
def test_screenshot_was_saved(visits, name):
    shot = ARTIFACTS / f"{name}.png"
    assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 50_000


@pytest.mark.parametrize("name", ["report_en", "report_he"])
def test_table_of_contents_links_scroll_to_their_sections(visits, name):
    page = visits[name].page
    links = page.locator("nav.toc a")
    assert links.count() == len(TOC)
    for i, target in enumerate(TOC):
        page.evaluate("window.scrollTo(0, 0)")
        link = links.nth(i)
        assert link.get_attribute("href") == f"#{target}"
        link.click()
        page.wait_for_function("h => location.hash === h", arg=f"#{target}")
        assert page.url == f"{visits[name].url}#{target}"
        state = page.evaluate("""id => {
            const el = document.getElementById(id);
            if (!el) return null;
            const r = el.getBoundingClientRect();
            return {tag: el.tagName, top: r.top, bottom: r.bottom, scrollY: window.scrollY,
                    height: window.innerHeight};
        }""", target)
        assert state is not None, f"no element with id {target!r}"
        assert state["tag"] == "H2"
        assert abs(state["top"]) <= 2 or state["scrollY"] > 0, (target, state)
        assert -2 <= state["top"] < state["height"], (target, state)  # the heading is in view
    assert visits[name].outside == []


# ---------------------------------------------------------------------------------------------
# Direction


def _directions(page, selector: str) -> list[tuple[str, str]]:
    return page.evaluate("""sel => [...document.querySelectorAll(sel)]
        .map(e => [e.textContent.trim().slice(0, 40), getComputedStyle(e).direction])""", selector)


def test_hebrew_page_is_right_to_left(visits):
    page = visits["report_he"].page
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["he", "rtl"]
    paragraphs = _directions(page, ".narrative p")
    assert len(paragraphs) >= 5
    assert {d for _, d in paragraphs} == {"rtl"}, paragraphs
    assert {d for _, d in _directions(page, "main h2, .narrative h3, figcaption")} == {"rtl"}
    hebrew_cells = page.evaluate(f"""[...document.querySelectorAll('td')]
        .filter(td => {HEBREW}.test(td.textContent)).map(td => getComputedStyle(td).direction)""")
    assert hebrew_cells and set(hebrew_cells) == {"rtl"}
    # The narrative really is Hebrew.
    assert page.evaluate(f"{HEBREW}.test(document.querySelector('.narrative p').textContent)")


def test_english_page_is_left_to_right_with_hebrew_cells_right_to_left(visits):
    page = visits["report_en"].page
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["en", "ltr"]
    paragraphs = _directions(page, ".narrative p")
    assert len(paragraphs) >= 5
    assert {d for _, d in paragraphs} == {"ltr"}, paragraphs
    cells = page.evaluate("""[...document.querySelectorAll('td[dir=auto]')].map(td => [
        td.textContent.trim(), getComputedStyle(td).direction])""")
    hebrew = [d for text, d in cells if text and re.match(r"^[\u0590-\u05FF]", text)]
    latin = [d for text, d in cells if text and re.match(r"^[A-Za-z]", text)]
    assert len(hebrew) >= 10 and set(hebrew) == {"rtl"}
    assert not latin or set(latin) == {"ltr"}
    # The Hebrew title, inside the English page, takes its own direction.
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).direction") == "rtl"


_SIGNS = """() => {
    // Every signed number on the page ("+0.60", "-0.53"): is its sign drawn left of its first digit?
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const sign = /[+\\-\u2212](?=\\d\\.\\d\\d)/g;
    let node;
    while ((node = walker.nextNode())) {
        const text = node.textContent;
        sign.lastIndex = 0;
        let m;
        while ((m = sign.exec(text))) {
            const box = (a, b) => { const r = document.createRange(); r.setStart(node, a); r.setEnd(node, b);
                                    return r.getBoundingClientRect(); };
            const s = box(m.index, m.index + 1), d = box(m.index + 1, m.index + 2);
            if (s.width && d.width) out.push([text.slice(m.index, m.index + 5), s.left < d.left]);
        }
    }
    return out;
}"""


@pytest.mark.parametrize("name", ["report_en", "report_he"])
def test_a_signed_number_reads_the_same_in_both_languages(visits, name):
    # In a right-to-left paragraph a bare "+0.80" shows as "0.80+" unless it is isolated left to right.
    signs = visits[name].page.evaluate(_SIGNS)
    assert len(signs) >= 5, signs  # the phases, the turning point and the events table have tones
    assert [s for s, left in signs if not left] == [], signs


# ---------------------------------------------------------------------------------------------
# The hostile page


def test_hostile_page_runs_no_payload(visits):
    visit = visits["hostile"]
    page = visit.page
    assert visit.dialogs == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("document.querySelectorAll('[onerror], [onload], [onclick]').length") == 0
    assert page.evaluate("[...document.images].every(i => i.src.startsWith('data:image/'))")
    assert page.evaluate("[...document.links].every(a => a.getAttribute('href').startsWith('#'))")
    assert visit.outside == []
    assert visit.console_errors == [] and visit.page_errors == []


def test_hostile_page_shows_the_payloads_as_text(visits):
    page = visits["hostile"].page
    text = page.evaluate("document.body.innerText")
    for payload in ('<img src=x onerror="window.__pwned=1">', "<script>window.__pwned=2</script>",
                    "<script>alert(1)</script>", "{{ 7*7 }}", "$\\alpha$", "javascript:alert(1)"):
        assert payload in text, payload
    assert page.evaluate("document.title").startswith("<script>alert(1)</script> Ghana–Israel")
    assert page.evaluate("document.querySelector('h1').textContent") == page.evaluate("document.title")
    csp = page.evaluate("""[...document.querySelectorAll('meta[http-equiv]')]
        .filter(m => m.httpEquiv.toLowerCase() === 'content-security-policy').map(m => m.content)""")
    assert len(csp) == 1 and csp[0].startswith("default-src 'none'")
