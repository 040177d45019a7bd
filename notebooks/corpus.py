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
# # Bilateral relations across many articles
#
# The corpus report: every extracted article side by side. Which relationships warmed when, who
# appears across them, how much of each article is dated. Run it in JupyterLab after
# `bilateral extract` on two or more seeds, or through `bilateral.running.corpus.render_corpus`
# (papermill injects the parameters below). Every cell is one call into the `bilateral`
# package; these markdown notes are left out of the published HTML.

# %% tags=["parameters"]
corpus_dir: str = ""  # folder of the corpus tables (empty: data/processed/corpus)
out_dir: str = ""  # folder for the SVG and PNG figures (empty: reports/corpus/figures)
narrative_lang: str = "en"  # language of the text and the headings: "en" or "he"
top_n: int = 3  # how many shared actors the written comparison names
figure_format: str = "png"  # image format embedded in the report: "png" or "svg"

# %% [markdown]
# ## Load
# The corpus tables: one DataFrame per table, every row with its `article_id`.

# %%
import bilateral
from bilateral.presentation import corpus_report

corpus = bilateral.load_corpus(corpus_dir or None)
corpus_report.title(corpus, narrative_lang)

# %% [markdown]
# ## The articles compared
# A few sentences from the tables: size, span, the busiest decade, the warmest and the most dated.

# %%
corpus_report.summary(corpus, narrative_lang, top_n)

# %% [markdown]
# ## Charts
# Events per decade, warmth over time, the actors the articles share, how much of each is dated.

# %%
corpus_report.figure(corpus, "decades", out_dir, figure_format, narrative_lang)

# %%
corpus_report.figure(corpus, "warmth", out_dir, figure_format, narrative_lang)

# %%
corpus_report.figure(corpus, "actors", out_dir, figure_format, narrative_lang)

# %%
corpus_report.figure(corpus, "dated", out_dir, figure_format, narrative_lang)

# %% [markdown]
# ## The articles

# %%
corpus_report.articles_table(corpus, narrative_lang)
