"""load_corpus() against reading the same articles' CSV files with pandas.

Makes N synthetic seed-sized articles (default 1,000): paragraphs and headings of the embedded
seed and the test articles, reshuffled with a fixed random seed, in Hebrew and in English.
Extraction is the slow part of the set-up and is not what is measured, so --distinct articles
(default 50) are extracted and each is repeated under new article ids up to N. Writes every
article's CSV tables (``<tmp>/<article_id>/<table>.csv``) and the
corpus tables (``<tmp>/corpus/<table>.parquet``), then times, best of --repeat runs:

- ``load_corpus``: ``bilateral.load_corpus(<tmp>/corpus)``, every table of every article;
- ``pandas CSV``: ``pd.read_csv`` of every CSV file of every article (untyped, the floor);
- ``tables.read``: the typed per-article reader, for reference (50 articles timed, scaled to N).

Target: load_corpus at most 5x the pandas CSV time.

Usage: python benchmarks/bench_corpus.py [--n 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import tempfile
import time
from pathlib import Path

import pandas as pd

import bilateral
from bilateral import corpus, paths, tables
from bilateral.reading import article

ROOT = paths.project_root()
SOURCES = [paths.default_seed(), *sorted((ROOT / "tests" / "articles").glob("*.txt"))]


def pools() -> dict[str, tuple[list[str], list[str]]]:
    """Per language: (headings, paragraphs) of the source articles."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    for path in SOURCES:
        art = article.load(path)
        heads, paras = out.setdefault(art.lang, ([], []))
        for line in art.body.splitlines():
            line = line.strip()
            if line.startswith("="):
                heads.append(line.strip("= ").strip())
            elif line:
                paras.append(line)
    return out


def synthetic(i: int, lang: str, heads: list[str], paras: list[str]) -> str:
    """Seed text of one synthetic article: a lead and four sections, about the seed's size."""
    rng = random.Random(i)
    body = [rng.choice(paras)]
    for _ in range(4):
        body += ["", "", f"== {rng.choice(heads) or 'History'} ==", rng.choice(paras)]
    return (f"revision: {i + 1}\ntitle: Synthetic article {i}\n"
            f"url: https://{lang}.wikipedia.org/wiki/Synthetic_{i}\n\n---\n" + "\n".join(body) + "\n")


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--distinct", type=int, default=50, help="articles actually extracted")
    args = parser.parse_args()
    by_lang = pools()
    langs = sorted(by_lang)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        seeds = tmp / "seeds"
        seeds.mkdir()
        began = time.perf_counter()
        distinct = []
        for i in range(min(args.distinct, args.n)):
            lang = langs[i % len(langs)]
            seed = seeds / f"syn_{i:05d}.txt"
            seed.write_text(synthetic(i, lang, *by_lang[lang]), encoding="utf-8")
            distinct.append(bilateral.extract(seed))
        built = []
        for i in range(args.n):
            t = distinct[i % len(distinct)]
            t = dataclasses.replace(t, article=t.article.assign(article_id=f"syn_{i:05d}"))
            tables.write(t, tmp / "processed")
            built.append(t)
        extract_s = time.perf_counter() - began
        began = time.perf_counter()
        folder = corpus.write(corpus.build(built), tmp / "processed" / "corpus")
        write_s = time.perf_counter() - began
        csvs = sorted((tmp / "processed").glob("syn_*/*.csv"))
        folders = sorted((tmp / "processed").glob("syn_*"))
        rows = sum(len(built_t[name]) for built_t in built for name in built_t.names)
        del built

        load_s = best_of(lambda: bilateral.load_corpus(folder), args.repeat)
        csv_s = best_of(lambda: [pd.read_csv(p) for p in csvs], args.repeat)
        sample = folders[:50]  # the typed reader is slow: time 50 articles and scale
        typed_s = best_of(lambda: [tables.read(f) for f in sample], 1) * len(folders) / max(len(sample), 1)
        parquet_mb = sum(p.stat().st_size for p in folder.glob("*.parquet")) / 1e6
        csv_mb = sum(p.stat().st_size for p in csvs) / 1e6

    print(f"{args.n} synthetic articles ({', '.join(langs)}; {min(args.distinct, args.n)} distinct), "
          f"{rows} rows in {len(csvs)} CSV files")
    print(f"  extract + write CSVs (setup)   {extract_s:8.2f} s")
    print(f"  corpus build + write Parquet  {write_s:8.2f} s   ({parquet_mb:.1f} MB; the CSVs: {csv_mb:.1f} MB)")
    print(f"  load_corpus()                 {load_s:8.3f} s")
    print(f"  pandas read_csv, every file   {csv_s:8.3f} s")
    print(f"  tables.read, every article    {typed_s:8.3f} s (typed, for reference; 50 timed, scaled)")
    ratio = load_s / csv_s
    print(f"  ratio load_corpus / read_csv  {ratio:8.3f}  (target < 5): {'ok' if ratio < 5 else 'TOO SLOW'}")


if __name__ == "__main__":
    main()
