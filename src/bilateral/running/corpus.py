"""The corpus report: the corpus tables of many seeds, ``notebooks/corpus.ipynb`` run with
papermill, and one self-contained page, ``<reports>/corpus.html`` (figures and the executed
notebook in ``<reports>/corpus/``).

Like every report it is built in a staging folder and swapped in whole, and a rerun on the same
seeds gives the same bytes (papermill's ids, timings and paths are normalized away).
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote

from .. import __version__, paths
from ..errors import ReportError, UsageError
from ..files import atomic_write_text
from ..presentation import pages
from ..reading import article
from ..vocab import CORPUS_REPORT_FOLDER as FOLDER
from ..vocab import REPORT_LANGUAGES
from . import publish
from .build import swap
from .execution import execute
from .manifest import Result

NOTEBOOK = "corpus.ipynb"
PAGE = "corpus.html"


def notebook_path() -> Path:
    """The parameterized corpus notebook."""
    return paths.notebooks_dir() / NOTEBOOK


def render_corpus(seeds: Sequence[str | Path], out_dir: str | Path | None = None, lang: str = "en",
                  processed: str | Path | None = None, figure_format: str = "png", top_n: int = 3) -> Path:
    """Write the corpus tables of ``seeds`` (to ``<processed>/corpus``, default
    ``data/processed/corpus``), run the corpus notebook on them and publish
    ``<out_dir>/corpus.html`` (default ``reports/``); returns the page's path.

    Raises :class:`UsageError` for fewer than two seeds or an unknown language, and
    :class:`ReportError` when the notebook fails (the failed notebook is kept beside the page).
    """
    if len(seeds) < 2:
        raise UsageError("the corpus report needs two or more seeds")
    if lang not in REPORT_LANGUAGES:
        raise UsageError(f"the corpus report's language must be one of {', '.join(REPORT_LANGUAGES)}, not {lang!r}")
    # pandas and the tables only here: a batch's parent process needs neither to run reports
    from .. import corpus as corpus_tables
    from ..tables import build

    arts = sorted((article.load(s) for s in seeds), key=lambda a: a.article_id)
    folder = corpus_tables.write(corpus_tables.build(build(a) for a in arts), corpus_tables.corpus_dir(processed))
    out_root = Path(out_dir) if out_dir is not None else paths.reports_dir()
    out_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{FOLDER}.", suffix=".tmp", dir=out_root))
    stage = staging / FOLDER
    stage.mkdir()
    params = {"corpus_dir": paths.relative_to_root(folder), "narrative_lang": lang,
              "figure_format": figure_format, "top_n": top_n}
    try:
        nb = publish.normalize(execute(notebook_path(), stage / NOTEBOOK, params, staging))
        import nbformat

        (stage / NOTEBOOK).write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
        html = page(nb, arts, lang)
        swap(stage, out_root / FOLDER, out_root / f".{FOLDER}.old.tmp")
        atomic_write_text(out_root / PAGE, html)
    except Exception as exc:
        failed = stage / NOTEBOOK
        if failed.exists():
            (out_root / FOLDER).mkdir(exist_ok=True)
            shutil.copyfile(failed, out_root / FOLDER / "failed.ipynb")
        raise ReportError(f"the corpus report failed: {type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
                          f" (see {out_root / FOLDER / 'failed.ipynb'})") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out_root / PAGE


def page(nb, arts: list[article.Article], lang: str) -> str:
    """The published page of an executed, normalized corpus notebook; its footer names every
    article with its revision and address."""
    content, toc = publish.body(nb)
    from markupsafe import Markup

    from ..presentation.corpus_charts import words

    sources = [{"title": a.title, "revision": a.revision, "url": a.url, "url_text": unquote(a.url),
                "is_wikipedia": a.is_wikipedia} for a in arts]
    title = words(lang)["title"].format(n=len(arts))
    return pages.environment().get_template("corpus_page.html.j2").render(
        lang=lang, dir=pages.direction(lang), head_title=title, css=pages.css(), toc=toc,
        body=Markup(content), labels=pages.labels(lang)["labels"], sources=sources, version=__version__)


#: Where a batch keeps the corpus tables its corpus report reads (hidden: not a report).
TABLES = ".corpus-data"
_DIGEST = "inputs.sha256"


def batch_step(seeds: Sequence[Path], out_root: Path, lang: str = "en") -> Result | None:
    """The corpus report of a batch's ``seeds`` (those whose own report was built), as one more
    :class:`Result` (``article_id`` "corpus"); ``None`` for fewer than two seeds. It is rebuilt
    only when a seed, the library or the notebook changed, one writer at a time, and a failure
    is recorded like any report's, never raised."""
    from .build import named_lock
    from .cache import inputs_digest

    if len(seeds) < 2:
        return None
    digest = hashlib.sha256("".join(inputs_digest(Path(s), {"corpus_lang": lang}) for s in sorted(seeds)).encode()
                            + notebook_path().read_bytes()).hexdigest()
    stamp = out_root / FOLDER / _DIGEST
    with named_lock(out_root, "corpus.build"):
        if (out_root / PAGE).is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8") == digest:
            return Result("corpus", PAGE, "cached", link=PAGE)
        try:
            render_corpus(list(seeds), out_root, lang, processed=out_root / TABLES)
        except (ReportError, UsageError) as exc:
            return Result("corpus", PAGE, "failed", error=str(exc), link=PAGE)
        atomic_write_text(stamp, digest)
    return Result("corpus", PAGE, "ok", link=PAGE)
