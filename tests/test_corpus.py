"""Corpus tables: many articles' tables with an article_id column, as Parquet."""

from __future__ import annotations

import subprocess
import sys

import pandas.testing as pdt
import pytest
from conftest import ARTICLES, SEED

import bilateral
from bilateral import corpus, tables
from bilateral.errors import UsageError

PAIR = sorted((ARTICLES / "pair").glob("*.txt"))


@pytest.fixture(scope="module")
def articles():
    return [bilateral.extract(p) for p in [SEED, *PAIR]]


def test_every_corpus_table_has_article_id_and_the_article_schema(articles):
    c = corpus.build(articles)
    for name in c.names:
        schema = corpus.schema(name)
        assert list(c[name].columns) == [col for col, _, _ in schema], name
        assert [str(c[name][col].dtype) for col, _, _ in schema] == [d for _, d, _ in schema], name
        assert len(c[name]) == sum(len(t[name]) for t in articles), name


def test_rows_are_ordered_by_article_then_as_in_the_article(articles):
    c = corpus.build(reversed(articles))
    ids = sorted(t.article_id for t in articles)
    assert c.ids == ids
    assert list(c.events.article_id.drop_duplicates()) == [i for i in ids if (c.events.article_id == i).any()]


def test_one_article_comes_back_as_extract_gives_it(articles, tmp_path):
    c = corpus.read(corpus.write(corpus.build(articles), tmp_path))
    for t in articles:
        back = c.one(t.article_id)
        for name in t.names:
            pdt.assert_frame_equal(back[name], t[name])


def test_parquet_round_trip_keeps_every_dtype(articles, tmp_path):
    built = corpus.build(articles)
    loaded = bilateral.load_corpus(corpus.write(built, tmp_path / "corpus"))
    for name in built.names:
        pdt.assert_frame_equal(loaded[name], built[name])


def test_rewriting_gives_the_same_bytes(articles, tmp_path):
    first = corpus.write(corpus.build(articles), tmp_path / "a")
    second = corpus.write(corpus.build(list(reversed(articles))), tmp_path / "b")
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(f"{n}.parquet" for n in tables.TABLES)
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_an_id_given_twice_is_refused(articles):
    with pytest.raises(UsageError, match="same name"):
        corpus.build([articles[0], articles[0]])


def test_a_missing_corpus_says_what_to_do(tmp_path):
    with pytest.raises(UsageError, match="bilateral extract"):
        bilateral.load_corpus(tmp_path)


def test_a_corpus_has_no_single_article_id(articles):
    with pytest.raises(UsageError, match="one"):
        _ = corpus.build(articles).article_id


def test_fewer_than_two_articles_write_no_corpus(articles, tmp_path):
    assert corpus.write_tables(articles[:1], tmp_path) is None
    assert not (tmp_path / "corpus").exists()


def test_extract_over_many_seeds_writes_the_corpus(tmp_path):
    out = tmp_path / "processed"
    result = subprocess.run([sys.executable, "-m", "bilateral.cli", "extract", str(SEED), *map(str, PAIR),
                             "--out", str(out)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    c = bilateral.load_corpus(out / "corpus")
    assert c.ids == sorted(p.stem for p in [SEED, *PAIR])
    for stem in c.ids:
        pdt.assert_frame_equal(c.one(stem).events, tables.read(out / stem).events)


def test_the_streamed_writer_gives_the_tables_build_gives(articles, tmp_path):
    writer = corpus.Writer(tmp_path / "streamed", chunk=2)  # three articles: two row groups
    for t in sorted(articles, key=lambda t: t.article_id):
        writer.add(t)
    streamed = corpus.read(writer.close())
    built = corpus.build(articles)
    for name in built.names:
        pdt.assert_frame_equal(streamed[name], built[name])
    assert not [p for p in (tmp_path / "streamed").iterdir() if p.name.startswith(".")]


def test_the_streamed_writer_leaves_nothing_for_one_article_and_refuses_an_id_twice(articles, tmp_path):
    one = corpus.Writer(tmp_path / "one", chunk=1)
    one.add(articles[0])
    assert one.close() is None
    assert not list((tmp_path / "one").iterdir())
    twice = corpus.Writer(tmp_path / "twice")
    twice.add(articles[0])
    with pytest.raises(UsageError, match="same name"):
        twice.add(articles[0])
    twice.discard()
