"""The ``bilateral`` command: ``extract`` tables (and, later, ``report`` and ``batch``)."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from . import __version__, paths
from .errors import BilateralError, BilateralWarning


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bilateral",
        description="Turn Wikipedia articles on bilateral relations into tables and reports.",
    )
    parser.add_argument("--version", action="version", version=f"bilateral {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser("extract", help="write every table of each seed as CSV")
    ex.add_argument("seeds", nargs="*", type=Path, metavar="SEED",
                    help="seed files (default: every seeds/*.txt)")
    ex.add_argument("--out", type=Path, default=None, metavar="DIR",
                    help="output folder (default: data/processed)")
    ex.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 some reports failed, 2 bad input)."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    with warnings.catch_warnings():
        warnings.simplefilter("always", BilateralWarning)
        warnings.showwarning = _show_warning
        try:
            return _COMMANDS[args.command](args)
        except BilateralError as exc:
            if args.debug:
                raise
            print(f"bilateral: error: {exc}", file=sys.stderr)
            return exc.exit_code
        except KeyboardInterrupt:
            print("bilateral: interrupted", file=sys.stderr)
            return 130


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"bilateral: warning: {message}", file=sys.stderr)


def _seeds(given: list[Path]) -> list[Path]:
    return list(given) if given else paths.all_seeds()


def cmd_extract(args: argparse.Namespace) -> int:
    """Write the tables of each seed; a bad seed is reported and skipped, and the exit is 2."""
    from . import extract, tables

    out = args.out or paths.processed_dir()
    status = 0
    seeds = _seeds(args.seeds)
    if not seeds:
        print("bilateral: error: no seeds given and seeds/ has no *.txt files", file=sys.stderr)
        return 2
    for seed in seeds:
        try:
            folder = tables.write(extract(seed), out)
        except BilateralError as exc:
            if args.debug:
                raise
            print(f"bilateral: error: {exc}", file=sys.stderr)
            status = 2
            continue
        print(folder)
    return status


_COMMANDS = {"extract": cmd_extract}

if __name__ == "__main__":
    sys.exit(main())
