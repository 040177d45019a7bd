"""Table schemas, totals and the CSV round trip."""

from __future__ import annotations

import pandas as pd
import pandas.testing as pdt
import pytest

import bilateral
from bilateral import tables


def test_every_table_has_the_documented_columns_and_dtypes(seed_tables):
    for name in seed_tables.names:
        df = seed_tables[name]
        schema = tables.SCHEMAS[name]
        assert list(df.columns) == [c for c, _, _ in schema], name
        for column, dtype, _ in schema:
            assert str(df[column].dtype) == dtype, (name, column)


def test_seed_counts(seed_tables):
    a = seed_tables.article.iloc[0]
    assert (a.n_sections, a.n_paragraphs, a.n_sentences) == (6, 4, 19)
    sections = seed_tables.sections
    assert list(sections.level) == [1, 2, 3, 3, 3, 2]
    assert list(sections.is_empty) == [False, False, False, False, False, True]


def test_totals_add_up(seed_tables):
    t = seed_tables
    a = t.article.iloc[0]
    assert t.sections.n_words.sum() == t.paragraphs.n_words.sum() == t.sentences.n_words.sum() == a.n_words
    assert t.sections.n_sentences.sum() == len(t.sentences)
    assert t.sections.n_paragraphs.sum() == len(t.paragraphs)
    assert t.sections.n_citations.sum() == t.sentences.n_citations.sum() == a.n_citations
    for name, key in [("sections", "section_id"), ("paragraphs", "paragraph_id"), ("sentences", "sentence_id")]:
        assert t[name][key].is_unique


def test_write_then_read_gives_equal_frames(seed_tables, tmp_path):
    folder = tables.write(seed_tables, tmp_path)
    assert folder == tmp_path / "000_ba48285eb3d73b6f"
    again = tables.read(folder)
    for name in seed_tables.names:
        pdt.assert_frame_equal(seed_tables[name], again[name])


def test_text_that_looks_like_na_survives_the_round_trip(tmp_path, write_seed):
    path = write_seed("na.txt", "revision: 1\ntitle: NA\nurl: https://en.wikipedia.org/wiki/NA\n---\nNA\n\nNone.\n")
    t = bilateral.extract(path)
    again = tables.read(tables.write(t, tmp_path))
    assert again.article.title.iloc[0] == "NA"
    assert list(again.sentences.text) == ["NA", "None."]
    assert pd.isna(again.sections.parent_id.iloc[0])


def test_the_data_dictionary_is_current():
    from conftest import ROOT

    assert (ROOT / "docs" / "tables.md").read_text(encoding="utf-8") == tables.schema_markdown()


def test_rows_are_named_and_must_name_every_column():
    row = {"quote_id": 0, "sentence_id": 0, "text": "x", "speaker_entity_id": None, "speaker": "",
           "char_start": 1, "char_end": 2}
    shuffled = dict(reversed(list(row.items())))
    assert list(tables.frame("quotes", [shuffled]).columns) == [c for c, _, _ in tables.SCHEMAS["quotes"]]
    with pytest.raises(ValueError, match="missing columns \\['speaker'\\]"):
        tables.frame("quotes", [{k: v for k, v in row.items() if k != "speaker"}])
    with pytest.raises(ValueError, match="unknown columns \\['tone'\\]"):
        tables.frame("quotes", [{**row, "tone": 0.0}])
