"""The project's shared vocabularies: the languages it has data for, the report parameters'
allowed values, and the Jupyter kernel's name. One definition each, used by every stage."""

from __future__ import annotations

#: Languages with their own language data (``resources/<lang>/``); any other language is read
#: with the English data.
LANGUAGES = ("he", "en")

#: Languages a report's narrative, labels and page can be written in.
REPORT_LANGUAGES = ("en", "he")

#: Image formats a report can embed.
FIGURE_FORMATS = ("png", "svg")

#: The Jupyter kernel that papermill and JupyterLab run the notebooks with.
KERNEL_NAME = "bilateral"

#: Folder of the corpus report under the reports folder (its page is ``<reports>/corpus.html``).
CORPUS_REPORT_FOLDER = "corpus"


def lang_code(lang: str | None) -> str:
    """The language whose data serves ``lang``: ``"he"`` or ``"en"`` (the fallback)."""
    return lang if lang in LANGUAGES else "en"


def direction(lang: str | None) -> str:
    """The text direction of ``lang``: ``"rtl"`` for Hebrew, else ``"ltr"``."""
    return "rtl" if lang == "he" else "ltr"
