# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     formats: ipynb,py:percent
#     notebook_metadata_filter: kernelspec,jupytext
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python (bilateral)
#     language: python
#     name: bilateral
# ---

# %% [markdown] tags=["notes"]
# # Bilateral relations report
#
# The report for one article. Run it in JupyterLab to look at it: a run by hand writes no file
# (charts are shown inline) unless `out_dir` names a folder for the figures. To publish, use
# `bilateral report` or `bilateral batch` (papermill injects the parameters below; `bilateral
# params` lists them). Every cell is one call into the `bilateral` package; the markdown cells
# are notes for notebook readers, tagged `notes` and left out of the published HTML, whose
# headings come from the calls in the chosen language.

# %% tags=["parameters"]
seed: str = ""  # article to analyse (empty: the embedded default, resolved by the library)
out_dir: str = ""  # folder for the SVG and PNG figures (empty: none written by hand; the runner writes them beside the report)
narrative_lang: str = "en"  # language of the narrative and the headings: "en" or "he"
period: str = ""  # year range to focus the charts and narrative on, e.g. "1948-1990"
top_n: int = 3  # how many turning points, actors and quotes the narrative names
figure_format: str = "png"  # image format embedded in the report: "png" or "svg"
compare: str = ""  # another edition's seed to compare with (empty: one beside the seed that its langlinks name, if any)

# %% [markdown] tags=["notes"]
# ## Load
# Read the article into tables, and keep the events of the chosen period.

# %%
import bilateral
from bilateral import report
from bilateral.presentation import comparison_report

tables = report.focus(bilateral.extract(seed or None), period)
report.title(tables, narrative_lang)

# %% [markdown] tags=["notes"]
# ## Narrative
# The written report: phases, turning points, actors, quotes and the source, from the tables.

# %%
report.story(tables, narrative_lang, top_n)

# %% [markdown] tags=["notes"]
# ## Charts
# Each chart is shown inline with its caption (and saved as SVG and PNG when there is a folder).

# %%
report.figure(tables, "timeline", out_dir, figure_format, narrative_lang)

# %%
report.figure(tables, "warmth", out_dir, figure_format, narrative_lang)

# %%
report.figure(tables, "actors", out_dir, figure_format, narrative_lang)

# %%
report.figure(tables, "mentions", out_dir, figure_format, narrative_lang)

# %%
report.figure(tables, "structure", out_dir, figure_format, narrative_lang)

# %% [markdown] tags=["notes"]
# ## Tables
# The dated events, the people and the quotes behind the narrative.

# %%
report.events_table(tables, narrative_lang)

# %%
report.people_table(tables, narrative_lang)

# %%
report.quotes_table(tables, narrative_lang)

# %% [markdown] tags=["notes"]
# ## Two editions
# When the article has another edition (the `compare` parameter, or a seed beside it that its
# langlinks name): the events both tell, those only one tells, and the dates they disagree on.
# Empty when there is none.

# %%
comparison_report.section(tables, seed, compare, narrative_lang, out_dir, figure_format, top_n)
