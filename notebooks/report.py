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

# %% [markdown]
# # Bilateral relations report
#
# The report for one article. Run it in JupyterLab, or in batch with `bilateral report` /
# `bilateral batch` (papermill injects the parameters below). Every cell is one call into the
# `bilateral` package; the markdown cells are notes for notebook readers and are left out of the
# published HTML, whose headings come from the calls in the chosen language.

# %% tags=["parameters"]
seed: str = ""  # article to analyse (empty: the embedded default, resolved by the library)
out_dir: str = ""  # folder for the SVG and PNG figures (empty: reports/<article_id>/figures)
narrative_lang: str = "en"  # language of the narrative and the headings: "en" or "he"
period: str = ""  # year range to focus the charts and narrative on, e.g. "1948-1990"
top_n: int = 3  # how many turning points, actors and quotes the narrative names
figure_format: str = "png"  # image format embedded in the report: "png" or "svg"

# %% [markdown]
# ## Load
# Read the article into tables, and keep the events of the chosen period.

# %%
import bilateral
from bilateral import report

tables = report.focus(bilateral.extract(seed or None), period)
report.title(tables, narrative_lang)

# %% [markdown]
# ## Narrative
# The written report: phases, turning points, actors, quotes and the source, from the tables.

# %%
report.story(tables, narrative_lang, top_n)

# %% [markdown]
# ## Charts
# Each chart is saved as SVG and PNG under `out_dir` and shown inline with its caption.

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

# %% [markdown]
# ## Tables
# The dated events, the people and the quotes behind the narrative.

# %%
report.events_table(tables, narrative_lang)

# %%
report.people_table(tables, narrative_lang)

# %%
report.quotes_table(tables, narrative_lang)
