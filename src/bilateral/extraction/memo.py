"""Answers about a word remembered per word: a pure function of the word and of fixed language
data (never of an article), so nothing an article holds survives into the next one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

LIMIT = 1 << 16  # words remembered per question before the memo starts over


class WordMemo(dict):
    """A pure function of a word (and fixed language data), remembered per word: asking again
    is one dictionary lookup. Most words of an article recur, and most answers are "no"."""

    def __init__(self, fn: Callable[[str], Any]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, word: str) -> Any:
        value = room(self)[word] = self.fn(word)
        return value


def room(memo: dict) -> dict:
    """``memo``, emptied first when it holds :data:`LIMIT` entries, so that a long run of
    articles keeps at most that many answers; also for a plain dict memo whose hits must cost no
    more than a lookup (filled as ``room(memo)[key] = value``)."""
    if len(memo) >= LIMIT:
        memo.clear()
    return memo


_MEMOS: dict[tuple[str, ...], WordMemo] = {}


def word_memo(key: tuple[str, ...], fn: Callable[[str], Any]) -> WordMemo:
    """The memo of ``fn`` kept under ``key`` (a question and a language)."""
    memo = _MEMOS.get(key)
    if memo is None:
        memo = _MEMOS[key] = WordMemo(fn)
    return memo
