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
# # Exploring an article's tables
#
# This notebook walks through the tables that `bilateral` builds from one Wikipedia article on
# the relations between two countries. Every computation lives in the `bilateral` package; the
# cells here only call it and look at the results. Change `seed` to explore another article.

# %% tags=["parameters"]
seed: str = ""  # seed file to explore (empty: the embedded default article)

# %% [markdown]
# ## Load
# `bilateral.extract` reads the seed file and returns one DataFrame per table.

# %%
import bilateral
from bilateral import charts

tables = bilateral.extract(seed or None)
tables.names

# %% [markdown]
# ## The article
# One row: its header fields and the size of its text.

# %%
tables.article.T

# %% [markdown]
# ## Sections
# The lead is level 1 with an empty title; `parent_id` links a subsection to its heading, and
# `is_empty` flags headings with no text under them (such as an empty references section).

# %%
tables.sections[["section_id", "level", "title", "parent_id", "n_paragraphs", "n_sentences", "n_words", "is_empty"]]

# %% [markdown]
# **How is the article built?** Words per section, in reading order.

# %%
charts.structure(tables)

# %% [markdown]
# ## Sentences
# Runs of spaces in the source mark removed citations: the text collapses them and
# `n_citations` counts them. Offsets point into the article body.

# %%
tables.sentences[["sentence_id", "section_id", "n_words", "n_citations", "text"]].head(10)

# %% [markdown]
# **Which sections carry the most text, and how well sourced are they?**

# %%
by_section = tables.sections.query("n_sentences > 0")[["title", "n_sentences", "n_words", "n_citations"]]
by_section.assign(citations_per_sentence=by_section.n_citations / by_section.n_sentences)

# %% [markdown]
# **What words does the article use most?** Hebrew prefixes are stripped where what remains is
# itself a word of the article, and stop words are left out.

# %%
bilateral.structure.term_counts(tables.sentences.text, tables.lang).head(15)

# %% [markdown]
# ## Dates
# Every temporal expression, normalized to ISO 8601 at the precision the text gives. Ranges and
# decades have a `start` and an `end`; "after 1990" has no `end`; relative expressions ("that
# month") are resolved from the expression they lean on (`anchor_id`).

# %%
tables.timexes[["timex_id", "sentence_id", "text", "kind", "start", "end", "anchor_id"]]

# %% [markdown]
# ## Who and what
# People, states, organizations and places, with how often each is named. `canonical` is the
# English name where it is known (CLDR for states, the gazetteer for the rest).

# %%
tables.entities.sort_values("n_mentions", ascending=False).head(15)

# %% [markdown]
# **Who is named in which section?** Mentions joined to their sentences' sections.

# %%
bilateral.tables.mentions_by_section(tables).head(10)

# %% [markdown]
# **Who is named most, and where?** The same mentions as a chart.

# %%
charts.actors(tables)

# %% [markdown]
# ## Quotes
# Quoted words and the person the sentence names as saying them (empty when it names no one).

# %%
tables.quotes[["quote_id", "sentence_id", "speaker", "text"]]

# %% [markdown]
# ## Events and tone
# One event per dated clause: when, what kind, who took part (`actors` are entity ids) and a tone
# from -1 (cold) to 1 (warm) from the diplomatic vocabulary in `resources/<lang>/tone.yml`.

# %%
tables.events[["event_id", "start", "end", "kind", "tone", "era", "text"]]

# %% [markdown]
# **Who took part in each event?** The `actors` ids joined to the entities' names.

# %%
bilateral.tables.event_actors(tables)[["event_id", "start", "kind", "name", "canonical", "type"]]

# %% [markdown]
# **When did things happen, and of what kind?**

# %%
charts.timeline(tables)

# %% [markdown]
# **How warm was each era?**

# %%
tables.events.groupby("era", sort=False).tone.agg(["count", "mean"]).round(2)

# %% [markdown]
# **When did relations warm or cool?** Tone by year, with the turning points marked.

# %%
charts.warmth(tables)

# %% [markdown]
# ## Reports built so far
# Every report in `reports/` (and each variant: another narrative language, a period), with its
# parameters and status. Empty until `make report` or `bilateral report` has run.

# %%
bilateral.reports()

# %% [markdown]
# ## Where to go next
# - `bilateral.SCHEMAS` documents every column of every table (also in `docs/tables.md`).
# - `bilateral.tables.write(tables, folder)` writes the tables as CSV; `bilateral.tables.read`
#   reads them back. `bilateral extract` on the command line does the same for every seed.
# - `bilateral.charts` draws the report's figures (`charts.timeline(tables)` returns a Figure),
#   `bilateral.narrative.render(tables, lang="en")` writes the narrative, and
#   `notebooks/report.ipynb` (or `bilateral report`) puts them together as a shareable page.
