"""The ``bilateral`` command: ``extract`` tables, build one ``report`` or a ``batch`` of them,
list the report notebook's ``params``, and ``fetch`` articles from Wikipedia."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from . import __version__, paths
from .errors import BilateralError, BilateralWarning, UsageError
from .running.startup import skip_unused_imports


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
                    help="seed files or folders of them (default: every seeds/*.txt)")
    ex.add_argument("--out", type=Path, default=None, metavar="DIR",
                    help="output folder (default: data/processed)")
    ex.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="seeds extracted at once (default: 1)")
    ex.add_argument("--no-progress", action="store_true", help="no progress bar (it shows only on a terminal)")
    ex.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    rep = sub.add_parser("report", help="build the HTML report of one seed")
    rep.add_argument("seed", nargs="?", type=Path, metavar="SEED", help="seed file (default: the embedded article)")
    _report_options(rep)

    bat = sub.add_parser("batch", help="build the reports of many seeds in parallel, plus an index page")
    bat.add_argument("seeds", nargs="*", type=Path, metavar="SEED",
                     help="seed files or folders of them (default: every seeds/*.txt)")
    bat.add_argument("--jobs", "-j", type=int, default=2, metavar="N", help="reports built at once (default: 2)")
    bat.add_argument("--no-progress", action="store_true", help="no progress bar")
    bat.add_argument("--also-native", action="store_true",
                     help="also build each non-English article's report with the narrative in its own language")
    bat.add_argument("--corpus", action="store_true",
                     help="also the corpus report of all the articles (corpus.html, for two or more)")
    bat.add_argument("--executor", choices=("local", "dask"), default="local",
                     help="where reports are built: local worker processes (default) or a Dask cluster")
    bat.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="the Dask scheduler (with --executor dask)")
    _report_options(bat)

    sub.add_parser("params", help="list the report notebook's parameters (for -p NAME VALUE)")
    _fetch_parser(sub)
    return parser


def _fetch_parser(sub) -> None:
    fe = sub.add_parser("fetch", help="fetch Wikipedia articles into seeds/, with their links (docs/fetch.md)")
    fe.add_argument("article", nargs="?", metavar="TITLE|URL", help="article title (with --lang) or its URL")
    fe.add_argument("--lang", help="the Wikipedia edition of TITLE or --category (he, en)")
    fe.add_argument("--also", action="append", default=[], metavar="LANG",
                    help="also fetch the same topic in this edition, through langlinks (repeatable)")
    fe.add_argument("--category", metavar="CAT", help="fetch every article in this category")
    fe.add_argument("--limit", type=int, default=50, metavar="N", help="at most N articles of --category (default: 50)")
    fe.add_argument("--out", type=Path, default=None, metavar="DIR", help="where seeds go (default: seeds/)")
    fe.add_argument("--update", action="store_true", help="replace a seed that holds another revision")
    fe.add_argument("--contact", help="your e-mail or page, sent in the User-Agent (or BILATERAL_CONTACT)")
    fe.add_argument("--api", metavar="URL", help="MediaWiki API; {lang} is filled in (or BILATERAL_API)")
    fe.add_argument("--wikidata-api", metavar="URL", help="Wikidata SPARQL endpoint (or BILATERAL_WIKIDATA_API)")
    fe.add_argument("--cache", type=Path, metavar="DIR", help="HTTP cache folder (default: data/cache, or BILATERAL_CACHE)")
    fe.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def _report_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", type=Path, default=None, metavar="DIR", help="output folder (default: reports)")
    p.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                   help="set a report notebook parameter; `bilateral params` lists them. A report "
                        "with other than the default parameters goes to DIR/<article>/<variant>/")
    p.add_argument("--force", action="store_true", help="rebuild even when the inputs and outputs have not changed")
    p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 some reports failed, 2 bad input)."""
    parser = _parser()
    args = parser.parse_args(argv)
    skip_unused_imports()
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
    """The seed files named (a folder stands for its ``*.txt``), or every seed in ``seeds/``.
    A name that does not exist is bad input: refused before anything runs."""
    if not given:
        return paths.all_seeds()
    seeds = []
    for path in given:
        if path.is_dir():
            seeds.extend(sorted(path.glob("*.txt")))
        elif path.is_file():
            seeds.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder (give a seed .txt file or a folder of them)")
    if not seeds:
        raise UsageError(f"{' '.join(map(str, given))}: no *.txt seed in the folders given")
    return seeds


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
    progress = False if args.no_progress else None
    # The corpus tables (two or more seeds) are written as the articles come back.
    done = {r.seed: r for r in extracting.extract_corpus(seeds, out, args.jobs, progress)}
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
    return status


def cmd_report(args: argparse.Namespace) -> int:
    """Build one report; exit 2 for a bad seed, 1 when the notebook fails."""
    # Only what one report needs: the kernel starts sooner, and boots while the rest loads.
    from .reading import article
    from .running.build import build, report_folder
    from .running.parameters import check_parameters, ensure_kernel

    seed = args.seed or paths.default_seed()
    params = check_parameters(dict(args.parameter))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", BilateralWarning)  # build() warns once
        article.load(seed)  # a bad seed is bad input (exit 2), not a failed report
    ensure_kernel()
    out = args.out or paths.reports_dir()
    result = build(seed, out, params, force=args.force)
    folder = report_folder(out, result.article_id, result.variant)
    if result.status == "failed":
        print(f"bilateral: error: {result.seed}: report failed: {result.error} "
              f"(see {folder / 'failed.ipynb'})", file=sys.stderr)
        return 1
    print(folder / "report.html")
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
                            progress=not args.no_progress, also_native=args.also_native, executor=executor,
                            corpus=args.corpus)
    # The corpus report (batch --corpus) is summed up on a line of its own.
    whole = [r for r in results if r.link == "corpus.html"]
    reports = [r for r in results if r not in whole]
    failed = [r for r in reports if r.status == "failed"]
    built = sum(r.status == "ok" for r in reports)
    cached = sum(r.status == "cached" for r in reports)
    for r in failed + [r for r in whole if r.status == "failed"]:
        print(f"bilateral: error: {r.seed}: {r.error}", file=sys.stderr)
    print(f"{len(reports)} reports: {built} built, {cached} up to date, {len(failed)} failed; index: {Path(out) / 'index.html'}")
    for r in whole:
        print(f"corpus report: {dict(ok='built', cached='up to date').get(r.status, r.status)}; {Path(out) / r.seed}")
    failed += [r for r in whole if r.status == "failed"]
    return 1 if failed else 0


def cmd_fetch(args: argparse.Namespace) -> int:
    """Fetch articles into seeds + links sidecars; exit 2 with one line for anything refused."""
    from . import fetching

    config = fetching.settings(args.contact, args.api, args.wikidata_api, args.cache)
    request = fetching.Request(target=args.article, lang=args.lang, also=args.also, category=args.category,
                               limit=args.limit, out=args.out, update=args.update)
    fetching.fetch(request, config)
    return 0


def cmd_params(args: argparse.Namespace) -> int:
    """List the parameters of the report notebook, read from its tagged parameters cell."""
    from .running import parameters

    rows = [(p["name"], p["type"], repr(p["default"]), p["help"]) for p in parameters.describe()]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    for name, kind, default, text in rows:
        print(f"{name:<{widths[0]}}  {kind:<{widths[1]}}  {default:<{widths[2]}}  {text}")
    owned = ", ".join(sorted(parameters.RUNNER_OWNED))
    print(f"\nSet with -p NAME VALUE. {owned}: set by the runner (the SEED argument and --out).")
    return 0


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


_COMMANDS = {"extract": cmd_extract, "report": cmd_report, "batch": cmd_batch, "params": cmd_params,
             "fetch": cmd_fetch}

if __name__ == "__main__":
    sys.exit(main())
