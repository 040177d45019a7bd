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
    ex.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="seeds extracted at once (default: 1)")
    ex.add_argument("--no-progress", action="store_true", help="no progress bar (it shows only on a terminal)")
    ex.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    rep = sub.add_parser("report", help="build the HTML report of one seed")
    rep.add_argument("seed", nargs="?", type=Path, metavar="SEED", help="seed file (default: the embedded article)")
    _report_options(rep)

    bat = sub.add_parser("batch", help="build the reports of many seeds in parallel, plus an index page")
    bat.add_argument("seeds", nargs="*", type=Path, metavar="SEED", help="seed files (default: every seeds/*.txt)")
    bat.add_argument("--jobs", "-j", type=int, default=2, metavar="N", help="reports built at once (default: 2)")
    bat.add_argument("--no-progress", action="store_true", help="no progress bar")
    bat.add_argument("--executor", choices=("local", "dask"), default="local",
                     help="where reports are built: local worker processes (default) or a Dask cluster")
    bat.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="the Dask scheduler (with --executor dask)")
    _report_options(bat)
    return parser


def _report_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", type=Path, default=None, metavar="DIR", help="output folder (default: reports)")
    p.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                   help="set a report notebook parameter (see `bilateral params`)")
    p.add_argument("--force", action="store_true", help="rebuild even when the inputs have not changed")
    p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


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
    from .running import extracting

    out = args.out or paths.processed_dir()
    seeds = _seeds(args.seeds)
    if not seeds:
        print("bilateral: error: no seeds given and seeds/ has no *.txt files", file=sys.stderr)
        return 2
    if args.jobs < 1:
        print("bilateral: error: --jobs must be at least 1", file=sys.stderr)
        return 2
    done = {r.seed: r for r in extracting.extract_many(seeds, out, args.jobs, False if args.no_progress else None)}
    status = 0
    for seed in seeds:  # reported in the order given, whatever the order of completion
        r = done[Path(seed)]
        for message in r.warnings:
            print(f"bilateral: warning: {message}", file=sys.stderr)
        if r.error:
            if args.debug:
                print(r.traceback, end="", file=sys.stderr)
            print(f"bilateral: error: {r.error}", file=sys.stderr)
            status = 2
        else:
            print(r.folder)
    # Corpus-wide tables (every article at once) belong here, after every article's folder is written.
    return status


def cmd_report(args: argparse.Namespace) -> int:
    """Build one report; exit 2 for a bad seed, 1 when the notebook fails."""
    from .reading import article
    from .running import batch

    seed = args.seed or paths.default_seed()
    params = batch.check_parameters(dict(args.parameter))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", BilateralWarning)  # build() warns once
        article.load(seed)  # a bad seed is bad input (exit 2), not a failed report
    batch.ensure_kernel()
    out = args.out or paths.reports_dir()
    result = batch.build(seed, out, params, force=args.force)
    if result.status == "failed":
        print(f"bilateral: error: {result.seed}: report failed: {result.error} "
              f"(see {Path(out) / result.article_id / 'failed.ipynb'})", file=sys.stderr)
        return 1
    print(Path(out) / result.article_id / "report.html")
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    """Build many reports; failures are listed and the exit is 1 if any report failed."""
    from .running import batch

    seeds = _seeds(args.seeds)
    if not seeds:
        print("bilateral: error: no seeds given and seeds/ has no *.txt files", file=sys.stderr)
        return 2
    if args.jobs < 1:
        print("bilateral: error: --jobs must be at least 1", file=sys.stderr)
        return 2
    params = batch.check_parameters(dict(args.parameter))
    out = args.out or paths.reports_dir()
    with _executor(args, seeds, out) as executor:
        results = batch.run(seeds, out, jobs=args.jobs, params=params, force=args.force,
                            progress=not args.no_progress, executor=executor)
    failed = [r for r in results if r.status == "failed"]
    built = sum(r.status == "ok" for r in results)
    cached = sum(r.status == "cached" for r in results)
    for r in failed:
        print(f"bilateral: error: {r.seed}: {r.error}", file=sys.stderr)
    print(f"{len(results)} reports: {built} built, {cached} up to date, {len(failed)} failed; index: {Path(out) / 'index.html'}")
    return 1 if failed else 0


def _executor(args: argparse.Namespace, seeds: list[Path], out: Path):
    """A context giving the batch's executor: None (the local pool) or a checked Dask client."""
    import contextlib

    from .errors import UsageError

    if args.executor == "local":
        if args.scheduler:
            raise UsageError("--scheduler needs --executor dask")
        return contextlib.nullcontext()
    if not args.scheduler:
        raise UsageError("--executor dask needs --scheduler tcp://HOST:PORT")
    from .running.dask_executor import DaskExecutor

    executor = DaskExecutor(args.scheduler)
    try:
        executor.check(seeds, out)  # refuse before the progress bar starts
    except BaseException:
        executor.close()
        raise
    return executor


_COMMANDS = {"extract": cmd_extract, "report": cmd_report, "batch": cmd_batch}

if __name__ == "__main__":
    sys.exit(main())
