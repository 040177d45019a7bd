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
from collections.abc import Callable
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
        consider(_element_needs(op, av))
    consider(("".join(run),) if run else ())
    return best


def _inside(op, av) -> list:
    """The sequences inside an element whose needed words the element needs as well: a group,
    a repeat of at least one, a lookahead (what it needs lies in the paragraph too; a lookbehind
    may look before it), or, for an alternation, each branch."""
    if op is sre.SUBPATTERN:
        return [av[-1]]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return [av[2]]
    if op is sre.ASSERT and av[0] == 1:
        return [av[1]]
    return list(av[1]) if op is sre.BRANCH else []


def _element_needs(op, av) -> tuple[str, ...]:
    """The needed words of one element: those of what it holds (an alternation: all its branches'
    together, when every branch has some)."""
    found = [_needs(x) for x in _inside(op, av)]
    if op is sre.BRANCH:
        return tuple(w for f in found for w in f) if found and all(found) else ()
    return found[0] if found else ()


_CATEGORIES = {
    sre.CATEGORY_DIGIT: str.isdecimal,
    sre.CATEGORY_SPACE: str.isspace,
    sre.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_",
}


def lead_in(pattern: str, flags: int = 0) -> Callable[[str], bool] | None:
    """The characters a match of ``pattern`` may hold before its needed word (see
    :func:`needed_words`), as a test of one character; None when that is not bounded (any
    character, a negated class, a case-insensitive pattern) or the pattern needs no word.

    A match cannot start before the character nearest to the first needed word that fails this
    test, so the scan of a paragraph may start there. The test may say yes too often, never no."""
    if flags & re.IGNORECASE or not needed_words(pattern, flags):
        return None
    chars: set[str] = set()
    tests: list[Callable[[str], bool]] = []
    if not _lead(list(sre_parse.parse(pattern, flags)), chars, tests):
        return None
    return lambda ch: ch in chars or any(t(ch) for t in tests)


def _lead(seq, chars: set[str], tests: list) -> bool:
    """Add to ``chars``/``tests`` what ``seq`` may consume before the words :func:`_needs` picks
    in it; False when that is unbounded or the words cannot be placed."""
    words = _needs(seq)
    run_start, run = 0, []
    for k, (op, av) in enumerate(seq):
        if op is sre.LITERAL:
            run_start = k if not run else run_start
            run.append(chr(av))
            if words == ("".join(run),):
                return _consumed(seq[:run_start], chars, tests)
            continue
        run = []
        if words and _element_needs(op, av) == words:
            return _consumed(seq[:k], chars, tests) and all(_lead(list(x), chars, tests) for x in _inside(op, av))
    return False


def _consumed(seq, chars: set[str], tests: list) -> bool:
    return all(_consumable(op, av, chars, tests) for op, av in seq)


def _consumable(op, av, chars: set[str], tests: list) -> bool:
    """Add what element ``(op, av)`` may consume to ``chars``/``tests``; False when unbounded."""
    if op is sre.LITERAL:
        chars.add(chr(av))
    elif op is sre.IN:
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE:
                tests.append(lambda ch, lo=value[0], hi=value[1]: lo <= ord(ch) <= hi)
            elif kind is sre.CATEGORY and value in _CATEGORIES:
                tests.append(_CATEGORIES[value])
            else:
                return False  # a negated set, a negated category
    elif op is sre.SUBPATTERN:
        return all(_consumable(o, a, chars, tests) for o, a in av[-1])
    elif op is sre.BRANCH:
        return all(_consumable(o, a, chars, tests) for b in av[1] for o, a in b)
    elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return all(_consumable(o, a, chars, tests) for o, a in av[2])
    elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        pass  # consumes nothing
    else:
        return False  # any character, a negated literal, a back reference
    return True
