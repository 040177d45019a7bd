"""Exceptions a user can cause, each mapped by the CLI to one line and an exit code."""

from __future__ import annotations


class BilateralError(Exception):
    """Base class for errors the user can fix; ``str()`` is the one line the CLI prints."""

    exit_code = 2


class SeedFormatError(BilateralError):
    """A seed file that cannot be read as an article: says which file, what is wrong, what to do."""

    def __init__(self, path: object, problem: str, hint: str = "") -> None:
        self.path = str(path)
        self.problem = problem
        self.hint = hint
        message = f"{self.path}: {problem}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class UsageError(BilateralError):
    """A command-line request that cannot be carried out as given."""


class ReportError(BilateralError):
    """One or more reports failed; the batch summary says which."""

    exit_code = 1


class BilateralWarning(UserWarning):
    """Something odd about an input that does not stop the analysis (e.g. a non-Wikipedia URL)."""


class FetchError(BilateralError):
    """Wikipedia or Wikidata could not give what ``bilateral fetch`` asked for (no such page,
    a disambiguation page, no network, a refusal after retries); nothing was written."""
