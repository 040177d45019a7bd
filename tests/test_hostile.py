"""Hostile seeds (tests/hostile/) through `bilateral report`: article text full of markup,
script, Markdown, LaTeX, template syntax, a right-to-left override, a path-like title, a
100,000-character line and non-web URLs must come out of the published page as plain text.

Every seed is a valid article with dated sentences, so each report has events. The reports are
built once (two at a time) into a tmp folder whose whole tree is listed before and after, with the
command's working directory deep inside it, so a title used as a path would show up there.
"""

from __future__ import annotations

import dataclasses
import html
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT

import bilateral
from bilateral.presentation import charts, narrative, report

# Two hostile seeds have a url that is not Wikipedia: loading them warns, as it should.
pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::bilateral.errors.BilateralWarning")]

HOSTILE = ROOT / "tests" / "hostile"
JS_SEED = "markup_javascript_url"  # English; url javascript:; payloads in title, headings, body, quotes
DATA_SEED = "data_url_hebrew"  # Hebrew; url data:text/html; U+202E in the title
PATH_SEED = "path_traversal_title"  # title ../../etc/passwd; a 100,000-character line
LATEX_SEED = "latex_in_headings"  # $...$ and $$x$$ in section headings
GOOD = (JS_SEED, DATA_SEED, PATH_SEED)
ALL = (*GOOD, LATEX_SEED)

RLO = "\u202e"
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; "
       "form-action 'none'")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements that would load, run or redirect something if article text ever became markup.
ACTIVE = {"script", "iframe", "object", "embed", "frame", "frameset", "form", "base", "link", "svg",
          "math", "video", "audio", "source", "applet", "template", "noscript"}


# ---------------------------------------------------------------------------------------------
# Helpers


class Parsed(HTMLParser):
    """Every start tag (with its ancestors) and every text run (with the open elements around
    it) of a page, entities decoded, as a browser's tokenizer would see them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]], tuple]] = []
        self.texts: list[tuple[str, tuple]] = []
        self._open: list[tuple[str, dict]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs, tuple(self._open)))
        if tag not in VOID:
            self._open.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs, tuple(self._open)))

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                del self._open[i:]
                return

    def handle_data(self, data):
        self.texts.append((data, tuple(self._open)))

    def visible_text(self) -> str:
        """The text of <body> (no <title>, <style>)."""
        return "".join(t for t, around in self.texts if any(tag == "body" for tag, _ in around))

    def text_of(self, tag: str) -> list[str]:
        """The text inside each ``tag`` element, in order (nested runs joined)."""
        found: dict[int, list[str]] = {}
        for text, around in self.texts:
            for tag_, attrs in around:
                if tag_ == tag:
                    found.setdefault(id(attrs), []).append(text)
        return ["".join(parts) for parts in found.values()]


def header_title(name: str) -> str:
    return bilateral.load(HOSTILE / f"{name}.txt").title


def snapshot(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() + ("/" if p.is_dir() else "") for p in folder.rglob("*")}


def named(folder: Path, name: str) -> set[str]:
    """Paths under ``folder`` (skipping .venv and .git) whose last part is ``name``."""
    hits = set()
    for here, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d not in (".venv", ".git", "node_modules")]
        hits.update(os.path.join(here, f) for f in [*dirs, *files] if f == name)
    return hits


def url_is_inert(value: str) -> bool:
    """False for a URL a browser would run (javascript:, vbscript:) or load as a document
    (data: other than an image), whatever the case, spaces and control characters."""
    squashed = re.sub(r"[\x00-\x20]+", "", html.unescape(value)).lower()
    if squashed.startswith(("javascript:", "vbscript:")):
        return False
    return not squashed.startswith("data:") or squashed.startswith("data:image/")


# ---------------------------------------------------------------------------------------------
# The reports, built once


@dataclasses.dataclass
class Built:
    root: Path
    out: Path
    cwd: Path
    runs: dict[str, subprocess.CompletedProcess]
    index_run: subprocess.CompletedProcess
    before: set[str]
    after: set[str]
    seeds_before: set[str]
    seeds_after: set[str]
    passwd_before: set[str]
    passwd_after: set[str]
    etc_passwd_before: tuple[int, int]
    etc_passwd_after: tuple[int, int]

    def page(self, name: str) -> str:
        return (self.out / name / "report.html").read_text(encoding="utf-8")


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "BILATERAL_REPORTS"}
    return subprocess.run([sys.executable, "-m", "bilateral.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=600)


def _etc_passwd() -> tuple[int, int]:
    try:
        st = Path("/etc/passwd").stat()
    except OSError:
        return (0, 0)
    return (st.st_mtime_ns, st.st_size)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    # The output and the working directory sit three levels down in a folder listed before and
    # after: "../../etc/passwd" taken as a path from either would land inside the listing.
    root = tmp_path_factory.mktemp("hostile")
    out, cwd = root / "a" / "b" / "c" / "out", root / "a" / "b" / "c" / "cwd"
    out.mkdir(parents=True)
    cwd.mkdir(parents=True)
    (root / "sentinel.txt").write_text("untouched\n", encoding="utf-8")
    before, seeds_before = snapshot(root), snapshot(HOSTILE)
    passwd_before, etc_before = named(ROOT, "passwd"), _etc_passwd()

    def one(name: str) -> subprocess.CompletedProcess:
        return _cli("report", str(HOSTILE / f"{name}.txt"), "--out", str(out), cwd=cwd)

    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = dict(zip(ALL, pool.map(one, ALL), strict=True))
    # The index page of the good reports: they are up to date, so batch only writes index.html.
    index_run = _cli("batch", *(str(HOSTILE / f"{n}.txt") for n in GOOD), "--out", str(out), "--no-progress",
                     cwd=cwd)
    return Built(root, out, cwd, runs, index_run, before, snapshot(root), seeds_before, snapshot(HOSTILE),
                 passwd_before, named(ROOT, "passwd"), etc_before, _etc_passwd())


# ---------------------------------------------------------------------------------------------
# Building


@pytest.mark.parametrize("name", GOOD)
def test_each_hostile_seed_builds_its_report(built, name):
    run = built.runs[name]
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(built.out / name / "report.html")
    for line in run.stderr.splitlines():  # only the 'not a Wikipedia URL' warning is expected
        assert line.startswith("bilateral: warning: "), line
    assert (built.out / name / "report.html").is_file()
    assert len(list((built.out / name / "figures").glob("*.png"))) == 5


def test_latex_in_section_headings_builds_its_report(built):
    run = built.runs[LATEX_SEED]
    assert run.returncode == 0, run.stderr
    page = built.page(LATEX_SEED)
    text = Parsed(page).visible_text()
    assert "Loans of $5 million and $10 million" in text and "Notation $\\alpha$ and $$x$$" in text


def test_index_page_lists_the_reports_with_titles_as_text(built):
    assert built.index_run.returncode == 0, built.index_run.stderr
    assert "0 built, 3 up to date, 0 failed" in built.index_run.stdout
    page = (built.out / "index.html").read_text(encoding="utf-8")
    parsed = Parsed(page)
    assert_no_live_markup(parsed, page)
    links = [dict(attrs).get("href") for tag, attrs, _ in parsed.tags if tag == "a"]
    # Every good report is linked (the index also lists the other reports already in --out).
    assert {f"{n}/report.html" for n in GOOD} <= set(links) <= {f"{n}/report.html" for n in ALL}
    cells = parsed.text_of("td")
    for name in GOOD:
        assert header_title(name) in cells
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Ghana–Israel" in page


# ---------------------------------------------------------------------------------------------
# No live markup


def assert_no_live_markup(parsed: Parsed, page: str) -> None:
    assert not re.search(r"<\s*script", page, re.I)
    for tag, attrs, _ in parsed.tags:
        assert tag not in ACTIVE, tag
        for attr, value in attrs:
            assert not attr.startswith("on"), f"<{tag} {attr}=...>"
            assert attr not in ("srcdoc", "formaction", "xlink:href"), f"<{tag} {attr}=...>"
            if attr in ("href", "src", "action", "poster", "background", "cite", "data"):
                assert value is not None and url_is_inert(value), f"<{tag} {attr}={value!r}>"
        if tag == "img":
            src = dict(attrs).get("src") or ""
            assert src.startswith(("data:image/png;base64,", "data:image/svg+xml;base64,")), src[:80]
        if tag == "a":
            href = dict(attrs).get("href") or ""
            assert href.startswith("#") or re.match(r"^https://[a-z-]+\.wikipedia\.org/", href) \
                or re.fullmatch(r"[\w.-]+/report\.html", href), href
        if tag == "meta":
            assert (dict(attrs).get("http-equiv") or "").lower() != "refresh"


@pytest.mark.parametrize("name", GOOD)
def test_page_has_no_live_markup_from_the_article(built, name):
    page = built.page(name)
    parsed = Parsed(page)
    assert_no_live_markup(parsed, page)
    assert sum(tag == "img" for tag, _, _ in parsed.tags) == 5  # the charts, nothing else
    assert not re.search(r"<img\b(?![^>]*\bsrc=\"data:image/)", page)
    assert "javascript:" not in " ".join(v or "" for _, attrs, _ in parsed.tags for _, v in attrs).lower()


# The payloads each page must show as text (entities decoded), and their escaped form in the file.
SHOWN = {
    JS_SEED: ["<script>alert(1)</script> Ghana–Israel <img src=x onerror=alert(1)> relations {{ 7*7 }}",
              "History <img src=x onerror=alert(1)>", "Parliaments <script>window.__pwned=2</script>",
              'In 1966 <img src=x onerror="window.__pwned=1"> the parliaments',
              "<script>alert(1)</script> Israel is our friend and our partner",
              "[x](javascript:alert(1))", "$\\alpha$ and $$x$$", "![x](http://example.com/a.png)",
              "Markup {{ 7*7 }} and {% for x in y %}", "projects {% for x in y %} together",
              'the embassy <a href="javascript:alert(1)">closed</a>', "javascript:alert(1)"],
    DATA_SEED: ["יחסי גאנה–ישראל", "היסטוריה <img src=x onerror=alert(1)>",
                "הסכם ידידות <script>alert(1)</script> בירושלים", "<img src=x onerror=alert(1)> גאנה היא ידידה",
                "[x](javascript:alert(1)) worth $\\alpha$ and $$x$$ pounds", "תבניות {{ 7*7 }}",
                "{{ 7*7 }} ו-{% for x in y %}", "data:text/html,<script>alert(1)</script>"],
    PATH_SEED: ["../../etc/passwd", "/var/tmp/../../root", '"><script>alert(1)</script>'],
}
ESCAPED = {
    JS_SEED: ["&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
              "&lt;script&gt;window.__pwned=2&lt;/script&gt;"],
    DATA_SEED: ["&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;"],
    PATH_SEED: ["&lt;script&gt;alert(1)&lt;/script&gt;"],
}


@pytest.mark.parametrize("name", GOOD)
def test_payloads_are_shown_as_plain_text(built, name):
    page = built.page(name)
    text = Parsed(page).visible_text()
    for payload in SHOWN[name]:
        assert payload in text, payload
    for escaped in ESCAPED[name]:
        assert escaped in page, escaped
    # Nothing was evaluated as a template, Markdown or LaTeX.
    assert "relations 49" not in text and "תבניות 49" not in text
    assert "<math" not in page and "\\(" not in text and "α" not in text
    assert 'href="http://example.com' not in page and "example.com/a.png\"" not in page


@pytest.mark.parametrize("name", (JS_SEED, PATH_SEED))
def test_title_is_text_in_head_heading_and_footer(built, name):
    parsed = Parsed(built.page(name))
    title = header_title(name)
    assert parsed.text_of("title") == [title]
    assert parsed.text_of("h1") == [title]
    assert title in parsed.text_of("bdi")  # the footer and the narrative isolate it
    assert sum(text == title for text in parsed.text_of("figcaption")) == 0  # quoted inside a sentence
    assert sum(title in text for text in parsed.text_of("figcaption")) == 5


@pytest.mark.parametrize("name", (JS_SEED, DATA_SEED))
def test_url_that_is_not_wikipedia_is_shown_never_linked(built, name):
    page = built.page(name)
    parsed = Parsed(page)
    url = bilateral.load(HOSTILE / f"{name}.txt").url
    assert url.startswith(("javascript:", "data:"))
    assert not [attrs for tag, attrs, _ in parsed.tags if tag == "a" and not dict(attrs)["href"].startswith("#")]
    footer = "".join(t for t, around in parsed.texts if any(tag == "footer" for tag, _ in around))
    assert url in footer
    assert f'<bdi dir="ltr">{html.escape(url, quote=False)}</bdi>' in page


def test_wikipedia_url_with_markup_stays_inside_its_attribute(built):
    parsed = Parsed(built.page(PATH_SEED))
    url = bilateral.load(HOSTILE / f"{PATH_SEED}.txt").url
    links = [(dict(attrs), around) for tag, attrs, around in parsed.tags if tag == "a" and "href" in dict(attrs)
             and not dict(attrs)["href"].startswith("#")]
    assert [a["href"] for a, _ in links] == [url]
    assert links[0][0]["rel"] == "noopener noreferrer"
    assert 'https://en.wikipedia.org/wiki/"><script>alert(1)</script>' in parsed.text_of("a")


@pytest.mark.parametrize("name", GOOD)
def test_page_keeps_its_content_security_policy(built, name):
    page = built.page(name)
    parsed = Parsed(page)
    metas = [(dict(attrs), around) for tag, attrs, around in parsed.tags if tag == "meta"
             and (dict(attrs).get("http-equiv") or "").lower() == "content-security-policy"]
    assert len(metas) == 1
    attrs, around = metas[0]
    assert attrs["content"] == CSP
    assert [tag for tag, _ in around] == ["html", "head"]
    # It comes before anything the article can reach (the <title> is the first such place).
    assert page.index("Content-Security-Policy") < page.index("<title>") < page.index("<body>")


# ---------------------------------------------------------------------------------------------
# Right-to-left override


_TEXT_ISOLATE = re.compile("[\u2066-\u2068][^\u2066-\u2069]*\u2069")


def _isolated(around: tuple, text: str = "") -> bool:
    """True when every U+202E of the text run is isolated with the one value it belongs to: an
    enclosing <bdi> or element with dir="auto" (whose content is that value), or isolate marks
    (U+2066..U+2068 ... U+2069) around it in the text itself."""
    if any(tag == "bdi" or attrs.get("dir") == "auto" for tag, attrs in around):
        return True
    return RLO not in _TEXT_ISOLATE.sub("", text)


def test_rlo_title_keeps_its_hebrew_and_english(built):
    parsed = Parsed(built.page(DATA_SEED))
    title = header_title(DATA_SEED)
    assert RLO in title and "יחסי גאנה–ישראל" in title and "Ghana–Israel relations" in title
    assert parsed.text_of("h1") == [title]  # h1 dir="auto": the title is its only content
    assert sum(text == title for text in parsed.text_of("bdi")) >= 2  # narrative and footer


def test_rlo_in_the_title_never_leaks_out_of_a_bidi_isolate(built):
    parsed = Parsed(built.page(DATA_SEED))
    leaks = [text for text, around in parsed.texts
             if RLO in text and any(t == "body" for t, _ in around) and not _isolated(around, text)]
    assert leaks == []


def test_rlo_never_reaches_the_document_title(built):
    parsed = Parsed(built.page(DATA_SEED))
    (head_title,) = parsed.text_of("title")
    assert not BIDI_CONTROLS.search(head_title)
    assert "יחסי גאנה–ישראל" in head_title and "Ghana–Israel relations" in head_title


# ---------------------------------------------------------------------------------------------
# Files


def test_nothing_is_written_outside_the_out_folder(built):
    new = built.after - built.before
    out = built.out.relative_to(built.root).as_posix() + "/"
    assert new, "the reports wrote nothing"
    assert sorted(p for p in new if not p.startswith(out)) == []
    assert not (built.before - built.after)  # nothing removed either (the sentinel stays)
    assert (built.root / "sentinel.txt").read_text(encoding="utf-8") == "untouched\n"
    assert not any(part in ("etc", "passwd", "root", "var") for p in new for part in p.rstrip("/").split("/"))
    # No staging left; the lock files (.locks/, one per report) stay by design.
    assert sorted(p.name for p in built.out.iterdir() if p.name != ".locks") == sorted([*ALL, "index.html"])
    assert not any(built.cwd.iterdir())
    assert built.seeds_after == built.seeds_before
    assert built.passwd_after == built.passwd_before
    assert built.etc_passwd_after == built.etc_passwd_before


def test_long_line_seed_keeps_its_article_id_and_events(built):
    seed = (HOSTILE / f"{PATH_SEED}.txt").read_text(encoding="utf-8")
    assert max(len(line) for line in seed.splitlines()) == 100_000
    manifest = json.loads((built.out / PATH_SEED / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["article_id"] == PATH_SEED and manifest["title"] == "../../etc/passwd"
    assert manifest["status"] == "ok" and manifest["n_events"] == 3 and manifest["link"] == f"{PATH_SEED}/report.html"


# ---------------------------------------------------------------------------------------------
# Unit level: the functions behind the cells escape on their own


HOSTILE_TITLE = "\"'><script>alert(1)</script><img src=x onerror=alert(1)> {{ 7*7 }} $\\alpha$ \u202eexe"


@pytest.fixture(scope="module")
def hostile_tables():
    t = bilateral.extract(HOSTILE / f"{JS_SEED}.txt")
    return dataclasses.replace(t, article=t.article.assign(title=HOSTILE_TITLE))


@pytest.mark.parametrize("lang", ["en", "he"])
def test_narrative_html_escapes_every_value(hostile_tables, lang):
    markup = narrative.render(hostile_tables, lang=lang)._repr_html_()
    parsed = Parsed(markup)
    assert_no_live_markup(parsed, markup)
    assert {tag for tag, _, _ in parsed.tags} <= {"div", "section", "h3", "p", "bdi"}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert HOSTILE_TITLE in parsed.text_of("bdi")
    assert "{{ 7*7 }}" in markup and "$\\alpha$" in markup  # neither a template nor LaTeX
    assert "&lt;a href=&quot;javascript:alert(1)&quot;&gt;closed&lt;/a&gt;" in markup
    assert all(_isolated(around, text) for text, around in parsed.texts if RLO in text)


@pytest.mark.parametrize("lang", ["en", "he"])
def test_report_title_escapes_the_title(hostile_tables, lang):
    shown = report.title(hostile_tables, lang)._repr_html_()
    markup = shown[0] if isinstance(shown, tuple) else shown
    parsed = Parsed(markup)
    assert_no_live_markup(parsed, markup)
    assert parsed.text_of("h1") == [HOSTILE_TITLE]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in markup
    assert "&#34;&#39;&gt;&lt;script&gt;" in markup  # quotes escaped too: safe inside an attribute


def test_report_tables_escape_article_text(hostile_tables):
    for shown in (report.events_table(hostile_tables), report.quotes_table(hostile_tables),
                  report.people_table(hostile_tables), report.story(hostile_tables)):
        markup = str(shown)
        assert_no_live_markup(Parsed(markup), markup)
    events = str(report.events_table(hostile_tables))
    assert "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in events


def test_chart_captions_are_escaped_by_the_figure_template(hostile_tables):
    # The caption is plain text; the figure macro escapes it (report.figure() draws, so check the parts).
    from bilateral.presentation.pages import environment

    macro = environment().get_template("fragments.html.j2").module.figure
    caption = charts.caption("timeline", hostile_tables, "en")
    assert HOSTILE_TITLE in caption
    markup = str(macro("data:image/png;base64,AAAA", HOSTILE_TITLE, caption, "en", "ltr"))
    parsed = Parsed(markup)
    assert_no_live_markup(parsed, markup)
    assert [dict(a)["alt"] for t, a, _ in parsed.tags if t == "img"] == [HOSTILE_TITLE]
    assert parsed.text_of("figcaption") == [caption]
