"""Where the time of one report goes, against the papermill floor measured in the same run.

Steps of `bilateral report SEED --force`, timed one by one in this process (as build() runs them):
  cli          the command's own start until its kernel is launched: interpreter, the imports of
               one report and jupyter_client (see bilateral.running.startup and .execution)
  overlapped   what the command imports while its kernel boots: papermill, nbconvert
  kernel       a kernel of the project's spec started until ready, then killed
  cells        each cell of the executed notebook (papermill records their durations): imports
               and extraction, narrative, the five charts, the three tables
  papermill    execute_notebook in all, minus the cells: kernel start, papermill's own work
  normalize    deterministic ids, no timings; the notebook written
  page         nbconvert (basic template) and the page template
Usage: python benchmarks/profile_report.py [--repeat 2]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_report import floor_notebook

from bilateral import paths
from bilateral.reading import article
from bilateral.vocab import KERNEL_NAME

BIN = Path(sys.executable).parent


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    began = time.perf_counter()
    value = fn(*args, **kwargs)
    return time.perf_counter() - began, value


def kernel_start() -> float:
    from jupyter_client.manager import start_new_kernel

    began = time.perf_counter()
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME)
    ready = time.perf_counter() - began
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return ready


def one_report(tmp: Path) -> dict[str, float]:
    import nbformat

    from bilateral.running import build, publish

    seed = paths.default_seed()
    art = article.load(seed)
    staging = tmp / "stage"
    (staging / seed.stem).mkdir(parents=True, exist_ok=True)
    figures: dict[str, float] = {"kernel": kernel_start()}
    wall, nb = timed(build._execute, seed, staging, {})
    cells = 0.0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        took = float(cell.metadata.get("papermill", {}).get("duration") or 0.0)
        cells += took
        name = _cell_name(cell.source)
        figures[f"cell: {name}"] = figures.get(f"cell: {name}", 0.0) + took
    figures["papermill besides cells"] = wall - cells
    t, nb = timed(publish.normalize, nb)
    t2, _ = timed(nbformat.writes, nb)
    figures["normalize + write"] = t + t2
    figures["page (nbconvert + template)"], _ = timed(publish.page, nb, art, "en")
    return figures


def _cell_name(source: str) -> str:
    if source.startswith(("seed:", "# Parameters")):
        return "parameters"
    for key in ("timeline", "warmth", "actors", "mentions", "structure", "events_table", "people_table",
                "quotes_table", "story", "extract"):
        if key in source:
            return {"extract": "imports + extraction"}.get(key, key)
    return source.splitlines()[0][:30] if source else "empty"


_BEFORE = ("import bilateral.cli, bilateral.running.build, bilateral.running.parameters, bilateral.reading.article, "
           "jupyter_client.manager; ")


def _imports(statement: str, repeat: int) -> float:
    """Wall time of a fresh interpreter that runs ``statement`` as the command does (no IRI grammar)."""
    code = "from bilateral.running.startup import skip_unused_imports; skip_unused_imports(); " + statement
    return statistics.median(timed(subprocess.run, [sys.executable, "-c", code], check=True)[0] for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        nb = floor_notebook(tmp)
        floor = statistics.median(timed(subprocess.run, [str(BIN / "papermill"), str(nb), str(tmp / "o.ipynb"), "-k",
                                                          KERNEL_NAME, "--no-progress-bar"], check=True,
                                        capture_output=True)[0] for _ in range(args.repeat))
        report = statistics.median(timed(subprocess.run, [str(BIN / "bilateral"), "report", str(paths.default_seed()),
                                                           "--out", str(tmp / "r"), "--force"], check=True,
                                         capture_output=True)[0] for _ in range(args.repeat))
        before = _imports(_BEFORE, args.repeat)
        overlapped = _imports(_BEFORE + "import papermill, nbconvert", args.repeat) - before
        runs = [one_report(tmp / f"p{i}") for i in range(args.repeat)]
    steps = {"cli start until the kernel launch": before, "imports while the kernel boots": overlapped}
    steps |= {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"papermill floor (CLI, imports + one chart): {floor:6.2f} s")
    print(f"bilateral report --force:                   {report:6.2f} s   {report / floor:.2f}x floor")
    print("steps (median of the runs; 'kernel' is also inside 'papermill besides cells'):")
    for name, took in steps.items():
        print(f"  {name:32s} {took:6.2f} s")


if __name__ == "__main__":
    main()
