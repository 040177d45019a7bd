"""Corpus tables: every table of many articles, one Parquet file per table.

Each corpus table is the article table with an ``article_id`` column in front (the ``article``
table has one already), its rows in article order and, within an article, in table order.
Building the corpus makes one DataFrame per table for the whole corpus: the articles' columns
are concatenated as plain lists first. The files are written atomically and byte for byte the
same on every run with the same inputs.

>>> import bilateral
>>> corpus = bilateral.load_corpus()               # data/processed/corpus/ by default
>>> corpus.events.groupby("article_id").size()     # doctest: +SKIP
>>> corpus.one("000_ba48285eb3d73b6f").sections    # doctest: +SKIP
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from . import paths
from .errors import UsageError
from .files import atomic_write_bytes
from .tables import SCHEMAS, Tables

FOLDER = "corpus"
_ID = ("article_id", "string", "the article (its seed file stem)")


def corpus_dir(processed: str | Path | None = None) -> Path:
    """Where the corpus tables live: ``<processed>/corpus`` (default ``data/processed/corpus``)."""
    return Path(processed or paths.processed_dir()) / FOLDER


def schema(name: str) -> list[tuple[str, str, str]]:
    """The corpus schema of table ``name``: ``article_id`` then the article table's columns."""
    return [_ID] + [c for c in SCHEMAS[name] if c[0] != "article_id"]


@dataclass
class Corpus(Tables):
    """The tables of many articles (``c.events``, ``c.entities`` ...), each with ``article_id``."""

    @property
    def ids(self) -> list[str]:
        """The articles' ids, in corpus order."""
        return [str(a) for a in self.article["article_id"]]

    @property
    def article_id(self) -> str:
        raise UsageError("a corpus holds many articles: use corpus.ids, or corpus.one(article_id)")

    @property
    def lang(self) -> str:
        raise UsageError("a corpus holds many articles: use corpus.article.lang")

    def one(self, article_id: str) -> Tables:
        """The tables of one article, as :func:`bilateral.extract` gives them."""
        if article_id not in set(self.ids):
            raise UsageError(f"the corpus has no article {article_id!r}")
        frames = {}
        for name in self.names:
            df = self[name]
            part = df[df["article_id"] == article_id]
            if name != "article":
                part = part.drop(columns="article_id")
            frames[name] = part.reset_index(drop=True)
        return Tables(**frames)


def build(articles: Iterable[Tables]) -> Corpus:
    """The corpus of ``articles`` (ordered by article id; an id given twice is an error)."""
    by_id: dict[str, Tables] = {}
    for t in articles:
        if t.article_id in by_id:
            raise UsageError(f"two articles have the id {t.article_id!r} (seed files with the same name)")
        by_id[t.article_id] = t
    ordered = [by_id[k] for k in sorted(by_id)]
    return Corpus(**{f.name: _concatenate(f.name, ordered) for f in fields(Tables)})


def _concatenate(name: str, ordered: list[Tables]) -> pd.DataFrame:
    columns: dict[str, list] = {c: [] for c, _, _ in schema(name)}
    for t in ordered:
        df = t[name]
        if name != "article":
            columns["article_id"].extend([t.article_id] * len(df))
        for column, values in columns.items():
            if column in df.columns:
                values.extend(df[column].tolist())
    return pd.DataFrame({c: pd.Series(columns[c], dtype=d) for c, d, _ in schema(name)})


def write(corpus: Corpus, folder: str | Path | None = None) -> Path:
    """Write every table to ``folder/<table>.parquet`` (default ``data/processed/corpus``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = Path(folder) if folder is not None else corpus_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for name in corpus.names:
        buffer = io.BytesIO()
        table = pa.Table.from_pandas(corpus[name], preserve_index=False)
        # Statistics and dictionary pages depend only on the data: the bytes are the same each run.
        pq.write_table(table, buffer, compression="zstd")
        atomic_write_bytes(folder / f"{name}.parquet", buffer.getvalue())
    return folder


class Writer:
    """The corpus tables written as articles arrive, in article id order, ``chunk`` articles per
    Parquet row group: memory follows the chunk, not the corpus. Each file is staged beside its
    target and moved in place by :meth:`close`, only when two or more articles were added."""

    def __init__(self, folder: str | Path, chunk: int = 256) -> None:
        import pyarrow as pa

        self.folder, self.chunk = Path(folder), chunk
        self.count, self._last, self._buffer = 0, None, []
        self._writers: dict = {}
        empty = {name: pd.DataFrame({c: pd.Series([], dtype=d) for c, d, _ in schema(name)}) for name in SCHEMAS}
        self._schemas = {name: pa.Schema.from_pandas(df, preserve_index=False) for name, df in empty.items()}

    def add(self, article: Tables) -> None:
        """Add one article; ids must come in increasing order (an id given twice is an error)."""
        if self._last is not None and article.article_id <= self._last:
            if article.article_id == self._last:
                raise UsageError(f"two articles have the id {article.article_id!r} (seed files with the same name)")
            raise ValueError(f"corpus articles out of order: {article.article_id!r} after {self._last!r}")
        self._last = article.article_id
        self._buffer.append(article)
        self.count += 1
        if len(self._buffer) >= self.chunk:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self._buffer:
            return
        if not self._writers:
            self.folder.mkdir(parents=True, exist_ok=True)
        for name in SCHEMAS:
            writer = self._writers.get(name)
            if writer is None:
                staged = self.folder / f".{name}.parquet.partial"
                writer = self._writers[name] = pq.ParquetWriter(staged, self._schemas[name], compression="zstd")
            df = _concatenate(name, self._buffer)
            writer.write_table(pa.Table.from_pandas(df, schema=self._schemas[name], preserve_index=False))
        self._buffer = []

    def close(self) -> Path | None:
        """Finish the files; the folder, or None (and nothing left behind) for fewer than two articles."""
        if self.count >= 2:
            self._flush()
        for name, writer in self._writers.items():
            writer.close()
            staged = self.folder / f".{name}.parquet.partial"
            if self.count >= 2:
                staged.replace(self.folder / f"{name}.parquet")
            else:
                staged.unlink(missing_ok=True)
        self._writers = {}
        return self.folder if self.count >= 2 else None

    def discard(self) -> None:
        """Stop without writing anything (an interruption): the staged files are removed."""
        self.count = 0
        self.close()


def write_tables(articles: list[Tables], processed: str | Path | None = None) -> Path | None:
    """The corpus of two or more ``articles``, written under ``<processed>/corpus``; None for
    fewer than two (one article's tables are its CSV files)."""
    if len(articles) < 2:
        return None
    return write(build(articles), corpus_dir(processed))


def read(folder: str | Path | None = None) -> Corpus:
    """Read the corpus tables :func:`write` wrote to ``folder`` (default ``data/processed/corpus``)."""
    import pyarrow.parquet as pq

    # A relative folder is the project's (a kernel runs in whatever folder papermill gives it).
    folder = paths.resolve(folder) if folder is not None else corpus_dir()
    frames = {}
    for f in fields(Tables):
        path = folder / f"{f.name}.parquet"
        if not path.is_file():
            raise UsageError(f"{path}: no corpus table here (run `bilateral extract` on two or more seeds)")
        df = pq.read_table(path).to_pandas()
        wanted = [c for c, _, _ in schema(f.name)]
        if list(df.columns) != wanted:
            raise UsageError(f"{path}: columns differ from the schema (written by another version; extract again)")
        frames[f.name] = df.astype({c: d for c, d, _ in schema(f.name) if str(df[c].dtype) != d})
    return Corpus(**frames)


def load_corpus(folder: str | Path | None = None) -> Corpus:
    """Every corpus table (default ``data/processed/corpus``), one DataFrame per table."""
    return read(folder)
