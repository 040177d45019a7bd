"""Per-stage cost of extraction on the embedded seed (one core), in milliseconds per article.

Stages: load, structure, timex, entities, quotes, events (tone, kind, clauses), and building
the DataFrames. Target: the extraction stages (timex + entities + quotes + events) add at most
5 ms per seed-sized article.

The figure is the best of ten rounds: on a shared (virtual) machine the same code measures up to
twice as slow in a busy minute, so compare figures taken together, or count instructions
(valgrind --tool=callgrind) for a measure the neighbours cannot move.

Usage: python benchmarks/bench_extraction.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import time

from bilateral import paths, tables
from bilateral.extraction import entities, events, quotes, timex
from bilateral.extraction import pipeline as extraction
from bilateral.reading import article, structure


def per_call(fn, repeat: int, rounds: int = 10) -> float:
    fn()  # warm caches (language data, compiled grammars)
    best = float("inf")
    # the best of several rounds: on a shared machine a round can run at half speed
    for _ in range(rounds):
        began = time.perf_counter()
        for _ in range(repeat):
            fn()
        best = min(best, (time.perf_counter() - began) / repeat)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("seed", nargs="?", default=str(paths.default_seed()))
    args = parser.parse_args()
    art = article.load(args.seed)
    st = structure.parse(art.body, art.lang)
    spans = [(s.char_start, s.char_end) for s in st.sentences]
    found = entities.extract(art.body, spans, art.lang)

    def do_timex():
        out = []
        for p in st.paragraphs:
            out.extend(timex.find(art.body, art.lang, p.char_start, p.char_end))
        return timex.resolve(out)

    def do_quotes():
        for s in st.sentences:
            inside = [m for m in found.mentions if s.char_start <= m.char_start < s.char_end]
            for q in quotes.find(art.body, s.char_start, s.char_end):
                quotes.attribute(art.body, (s.char_start, s.char_end), q, inside, [], art.lang)

    def do_events():
        for s in st.sentences:
            events.tone(s.text, art.lang)
            events.kind(s.text, art.lang)

    stages = {
        "load": lambda: article.load(args.seed),
        "structure": lambda: structure.parse(art.body, art.lang),
        "timex": do_timex,
        "entities": lambda: entities.extract(art.body, spans, art.lang),
        "quotes": do_quotes,
        "events (tone+kind)": do_events,
        "extraction (all rows)": lambda: extraction.extract(art, st),
        "tables (everything)": lambda: tables.build(art),
    }
    print(f"article: {art.article_id} ({len(art.body)} chars, {len(st.sentences)} sentences)")
    costs = {}
    for name, fn in stages.items():
        costs[name] = per_call(fn, args.repeat)
        print(f"{name:24s} {costs[name]:8.2f} ms")
    extraction_cost = costs["extraction (all rows)"]
    print(f"extraction stages add {extraction_cost:.2f} ms per article (target: <= 5 ms)")


if __name__ == "__main__":
    main()
