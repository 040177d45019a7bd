"""Report speed against a floor measured in the same run, and batch speed-up with two jobs.

floor:  papermill (CLI) on a notebook that only imports pandas, matplotlib and seaborn and saves
        one chart, on the project's kernel
report: `bilateral report SEED --force` (papermill + nbconvert + the page), on the seed
batch:  8 copies of the seed, `bilateral batch --force` with --jobs 1, then --jobs 2

Targets: report < 2x floor; batch of 8 with --jobs 2 at least 1.6x faster than --jobs 1.
Usage: python benchmarks/bench_report.py [--repeat 3] [--skip-batch]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from bilateral import paths

BIN = Path(sys.executable).parent


def floor_notebook(folder: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import pandas as pd\nimport matplotlib\nimport matplotlib.pyplot as plt\nimport seaborn as sns\n"
        f"fig, ax = plt.subplots()\nax.plot([1, 2, 3], [3, 1, 2])\nfig.savefig({str(folder / 'floor.png')!r})\n")]
    nb.metadata["kernelspec"] = {"name": "bilateral", "display_name": "Python (bilateral)", "language": "python"}
    path = folder / "floor.ipynb"
    nbformat.write(nb, path)
    return path


def timed(cmd: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-batch", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        nb = floor_notebook(tmp)
        floor = statistics.median(timed([str(BIN / "papermill"), str(nb), str(tmp / "out.ipynb"), "-k", "bilateral",
                                         "--no-progress-bar"]) for _ in range(args.repeat))
        rep = statistics.median(timed([str(BIN / "bilateral"), "report", str(paths.default_seed()), "--out",
                                       str(tmp / "reports"), "--force"]) for _ in range(args.repeat))
        print(f"floor (papermill, import + one chart): {floor:6.2f} s")
        print(f"report on the seed:                    {rep:6.2f} s   ratio {rep / floor:.2f}x (target < 2x)")
        if args.skip_batch:
            return
        seeds = tmp / "seeds"
        seeds.mkdir()
        for i in range(8):
            shutil.copyfile(paths.default_seed(), seeds / f"copy_{i}.txt")
        all_seeds = sorted(map(str, seeds.glob("*.txt")))
        one = timed([str(BIN / "bilateral"), "batch", *all_seeds, "--out", str(tmp / "b1"), "--jobs", "1", "--force", "--no-progress"])
        two = timed([str(BIN / "bilateral"), "batch", *all_seeds, "--out", str(tmp / "b2"), "--jobs", "2", "--force", "--no-progress"])
        print(f"batch of 8, --jobs 1:                  {one:6.2f} s")
        print(f"batch of 8, --jobs 2:                  {two:6.2f} s   speed-up {one / two:.2f}x (target >= 1.6x)")


if __name__ == "__main__":
    main()
