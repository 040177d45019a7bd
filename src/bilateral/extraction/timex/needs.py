"""The words a pattern cannot match without, read from the pattern itself.

Each atom pattern is run over a paragraph only when the paragraph holds one of its needed words
(a month name for a date, the century keyword for a century): most paragraphs hold no century,
no count of years, no present, and skipping them spares a scan by the regular-expression engine,
which would otherwise try the pattern at every character. A needed word is a literal run the
pattern's every match contains: in its main sequence, inside a group that must match or a
lookahead, or one of the alternatives of an alternation whose every branch has one.
"""

from __future__ import annotations

import re
from re import _constants as sre
from re import _parser as sre_parse

_SHORTEST = 2  # a needed "word" of one letter filters nothing and is not worth a look


def needed_words(pattern: str, flags: int = 0) -> tuple[str, ...]:
    """Words one of which every match of ``pattern`` contains (lowercased under IGNORECASE);
    empty when the pattern needs none long enough to be worth checking."""
    found = _needs(sre_parse.parse(pattern, flags))
    if not found or min(map(len, found)) < _SHORTEST:
        return ()
    return tuple(sorted({w.lower() for w in found})) if flags & re.IGNORECASE else tuple(sorted(set(found)))


def _needs(seq) -> tuple[str, ...]:
    """The best needed alternatives of a sequence: the set whose shortest word is longest."""
    best: tuple[str, ...] = ()
    run: list[str] = []

    def consider(option: tuple[str, ...]) -> None:
        nonlocal best
        if option and (not best or min(map(len, option)) > min(map(len, best))):
            best = option

    for op, av in seq:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        consider(("".join(run),) if run else ())
        run = []
        if op is sre.SUBPATTERN:
            consider(_needs(av[-1]))
        elif op is sre.BRANCH:
            branches = [_needs(b) for b in av[1]]
            if all(branches):
                consider(tuple(w for b in branches for w in b))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_needs(av[2]))
        elif op is sre.ASSERT and av[0] == 1:
            # what a lookahead needs lies in the paragraph too (a lookbehind may look before it)
            consider(_needs(av[1]))
    consider(("".join(run),) if run else ())
    return best
