"""Articles per second for load + structure, against a bare read-and-split of the same files.

Builds a corpus of N seed-sized articles (the seed with its numbers varied, so no two files are
equal) in a temporary folder, then times, on one core:
  bare:      read the file, decode, split lines and sentences on '. '
  structure: bilateral.article.load + bilateral.structure.parse

Usage: python benchmarks/bench_structure.py [--n 1000]   (target: >= 500 articles/s)
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from bilateral import paths
from bilateral.reading import article, structure


def make_corpus(folder: Path, n: int) -> list[Path]:
    seed = paths.default_seed().read_text(encoding="utf-8")
    files = []
    for i in range(n):
        text = re.sub(r"\b(19|20)(\d\d)\b", lambda m, i=i: str(1900 + (int(m.group(2)) + i) % 120), seed)
        path = folder / f"{i:04d}_bench.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def bare(files: list[Path]) -> int:
    n = 0
    for f in files:
        body = f.read_bytes().decode("utf-8").split("\n---\n", 1)[1]
        for line in body.splitlines():
            n += len(line.split(". "))
    return n


def full(files: list[Path]) -> int:
    n = 0
    for f in files:
        a = article.load(f)
        n += len(structure.parse(a.body, a.lang).sentences)
    return n


def timed(fn, files, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        fn(files)
        best = min(best, time.perf_counter() - began)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = make_corpus(Path(tmp), args.n)
        full(files[:10])  # warm the language-data caches
        t_bare = timed(bare, files)
        t_full = timed(full, files)
    print(f"articles: {args.n}")
    print(f"bare read+split:  {args.n / t_bare:10.0f} articles/s  ({t_bare * 1000 / args.n:.3f} ms each)")
    print(f"load+structure:   {args.n / t_full:10.0f} articles/s  ({t_full * 1000 / args.n:.3f} ms each)")
    print(f"ratio structure/bare: {t_full / t_bare:.1f}x   target: >= 500 articles/s")


if __name__ == "__main__":
    main()
