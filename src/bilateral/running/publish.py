"""An executed report notebook -> a normalized notebook and one self-contained HTML page.

Normalizing makes reruns byte-identical: papermill's random cell ids, run timestamps and
durations and the machine's paths are removed. The page is nbconvert's ``basic`` body (outputs
only: no code, no markdown notes, no stderr) inside our own template, which adds the table of
contents, the footer, ``lang``/``dir`` and a Content-Security-Policy that allows no script and no
outside request.
"""

from __future__ import annotations

import copy
import functools
import html
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote

import nbformat
from markupsafe import Markup

from .. import __version__
from ..presentation import pages
from ..reading.article import Article

if TYPE_CHECKING:
    from nbconvert import HTMLExporter

_H2 = re.compile(r'<h2\b[^>]*?\bid="([A-Za-z0-9_-]+)"[^>]*>(.*?)</h2>', re.S)
_TAGS = re.compile(r"<[^>]+>")
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def normalize(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` without run-dependent data (ids, timings, paths), for reproducible files."""
    nb = copy.deepcopy(nb)
    meta = nb.metadata.get("papermill", {})
    for key in ("start_time", "end_time", "duration", "input_path", "output_path", "environment_variables"):
        meta.pop(key, None)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:03d}"
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        for out in cell.get("outputs", []):
            out.get("metadata", {}).pop("execution", None)
    return nb


def summary(nb: nbformat.NotebookNode) -> dict:
    """The figures the report's title cell left in its output metadata (events, period)."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            meta = out.get("metadata", {})
            # IPython files a _repr_html_'s metadata under its mime type.
            found = meta.get("bilateral") or meta.get("text/html", {}).get("bilateral")
            if found:
                return dict(found)
    return {}


@functools.cache
def _exporter() -> HTMLExporter:
    # One per process: a new exporter compiles its templates again (~0.2 s a page on a busy
    # machine); a batch worker converts page after page with the same settings.
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="basic", exclude_input=True, exclude_markdown=True,
                        exclude_input_prompt=True, exclude_output_prompt=True, exclude_raw=True)


def warm() -> None:
    """Import nbconvert and compile the page's templates before the first page is needed: a
    report's process runs this beside papermill, while the kernel works and the process waits."""
    try:
        _exporter().from_notebook_node(nbformat.v4.new_notebook())
    except Exception:  # noqa: BLE001 - only a head start: page() meets the same error and reports it
        pass


def body(nb: nbformat.NotebookNode) -> tuple[str, list[tuple[str, str]]]:
    """The outputs of an executed notebook as HTML (no code, no markdown notes, no stderr) and
    its table of contents: (id, text) of every ``<h2 id>``."""
    body_nb = copy.deepcopy(nb)
    for cell in body_nb.cells:
        # Warnings on stderr help whoever debugs the notebook, not the reader.
        cell["outputs"] = [o for o in cell.get("outputs", []) if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    text, _ = _exporter().from_notebook_node(body_nb)
    return text, [(m.group(1), html.unescape(_TAGS.sub("", m.group(2))).strip()) for m in _H2.finditer(text)]


def page(nb: nbformat.NotebookNode, article: Article, lang: str) -> str:
    """The published HTML page of an executed, normalized report notebook."""
    content, toc = body(nb)
    labels = pages.labels(lang)["labels"]
    template = pages.environment().get_template("page.html.j2")
    return template.render(
        lang=lang, dir=pages.direction(lang), title=article.title, css=pages.css(), toc=toc,
        # <title> cannot isolate a direction override (U+202E), so bidi controls are dropped there.
        head_title=_BIDI_CONTROLS.sub("", article.title),
        body=Markup(content), labels=labels, revision=article.revision, version=__version__,
        url=article.url, url_text=unquote(article.url), is_wikipedia=article.is_wikipedia,
    )
