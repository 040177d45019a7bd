"""What scale costs: extraction throughput and memory on big corpora, reports per core against a
papermill floor measured in the same run, and the Dask path against the local pool.

extraction  synthetic corpora of N seed-sized articles (the seed with its years varied), through
            `bilateral extract --jobs 1|2`; articles/s, peak memory (whole process tree and the
            largest process), and the ratio to a bare read-and-regex scan of the same files
reports     floor: papermill on a notebook that imports pandas/matplotlib/seaborn and saves one
            chart; one `bilateral report --force` alone; batches of 16 at --jobs 1 and 2; peak
            memory per worker (the worker process and its kernel)
dask        the same 16 reports through a 2-worker LocalCluster (loopback) vs the local pool
memory      one big synthetic article (the seed's body repeated, its years varied, to --mb MB)
            through `bilateral extract`: peak RSS and bytes of peak memory per input byte

Figures are printed, never asserted: the machine is shared, so compare ratios within one run.
Usage: python benchmarks/bench_scale.py [--quick] [--only extraction|reports|dask|memory] [--mb 50]
       [--extract-jobs 1,2]
       [--skip-serial]  (--only dask runs the reports too: the floor and the local pool it is compared with)
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
from bench_report import floor_notebook
from bench_structure import make_corpus

from bilateral import paths

BIN = Path(sys.executable).parent
MB = 1024 * 1024


class Sampler:
    """Peak RSS of a process tree, sampled every 50 ms: the whole tree, and the largest branch
    (a direct child with everything under it: a pool worker and its kernel)."""

    def __init__(self, root: int, exclude: set[int] = frozenset()) -> None:
        self.root, self.exclude = psutil.Process(root), exclude
        self.total = self.branch = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _rss(self, p: psutil.Process) -> int:
        try:
            return p.memory_info().rss
        except psutil.Error:
            return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                children = [c for c in self.root.children() if c.pid not in self.exclude]
                branches = [self._rss(c) + sum(self._rss(g) for g in c.children(recursive=True)) for c in children]
            except psutil.Error:
                break
            own = self._rss(self.root) if not self.exclude else 0
            self.total = max(self.total, own + sum(branches))
            self.branch = max(self.branch, max(branches, default=0))
            self._stop.wait(0.05)


def run_measured(cmd: list[str]) -> tuple[float, Sampler]:
    """Wall time and memory of ``cmd`` (fails loudly if it fails); the sampler's ``cpu`` is the
    CPU seconds of ``cmd`` and everything it waited for (its kernels)."""
    began, cpu = time.perf_counter(), _children_cpu()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with Sampler(proc.pid) as s:
        _, err = proc.communicate()
    s.cpu = _children_cpu() - cpu
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:3])} ... exited {proc.returncode}: {err[-500:]}")
    return time.perf_counter() - began, s


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bare_scan(files: list[Path]) -> float:
    """Read, decode and run one regex over every file: the floor of any extraction."""
    pattern = re.compile(r"\b\d{4}\b|[A-Za-z\u0590-\u05FF]+")
    began = time.perf_counter()
    n = 0
    for f in files:
        n += sum(1 for _ in pattern.finditer(f.read_bytes().decode("utf-8")))
    return time.perf_counter() - began


def extraction(sizes: list[int], tmp: Path, levels: tuple[int, ...] = (1, 2)) -> None:
    print("== extraction (bilateral extract; synthetic seed-sized articles)")
    per_article: dict[tuple[int, int], float] = {}
    memory: dict[tuple[int, int], int] = {}
    for n in sizes:
        files = make_corpus(_fresh(tmp / f"corpus_{n}"), n)
        bare = bare_scan(files)
        print(f"  {n:>6} articles  bare read+regex: {n / bare:8.0f} articles/s")
        for jobs in levels:
            out = _fresh(tmp / f"tables_{n}_{jobs}")
            wall, mem = run_measured([str(BIN / "bilateral"), "extract", *map(str, files), "--out", str(out),
                                      "--jobs", str(jobs), "--no-progress"])
            per_article[n, jobs], memory[n, jobs] = wall / n, mem.total
            worker = mem.total if jobs == 1 else mem.branch
            print(f"  {n:>6} articles  --jobs {jobs}: {n / wall:7.1f} articles/s ({wall:6.1f} s), "
                  f"ratio to bare {wall / bare:6.0f}x, peak {mem.total / MB:5.0f} MB tree, "
                  f"{worker / MB:4.0f} MB per worker")
            shutil.rmtree(out)
        shutil.rmtree(tmp / f"corpus_{n}")
    small, big = sizes
    for jobs in levels:
        print(f"  cost per article at {big} / at {small}, --jobs {jobs}: "
              f"{per_article[big, jobs] / per_article[small, jobs]:.2f} (target <= 1.2)")
    top = max(levels)
    print(f"  peak memory at {big} / at {small}, --jobs {top}: {memory[big, top] / memory[small, top]:.2f} (target <= 1.5)")


def big_article(folder: Path, mb: float) -> Path:
    """The seed's header and its body repeated (years varied, so no two copies are equal) to ``mb`` MB."""
    header, body = paths.default_seed().read_text(encoding="utf-8").split("\n---\n", 1)
    size = int(mb * MB)
    parts, n, i = [], len(header) + 5, 0
    while n < size:
        copy = re.sub(r"\b(19|20)(\d\d)\b", lambda m, i=i: str(1900 + (int(m.group(2)) + i) % 120), body)
        parts.append(copy.rstrip("\n") + "\n\n")
        n += len(copy.encode("utf-8"))
        i += 1
    path = folder / "big.txt"
    path.write_text(header + "\n---\n" + "".join(parts), encoding="utf-8")
    return path


def memory(mb: float, tmp: Path) -> None:
    print(f"== memory (one synthetic article of {mb:g} MB through bilateral extract)")
    seed = big_article(_fresh(tmp / "big"), mb)
    size = seed.stat().st_size
    wall, mem = run_measured([str(BIN / "bilateral"), "extract", str(seed), "--out", str(_fresh(tmp / "big_out"))])
    print(f"  {size / MB:.1f} MB in {wall:.1f} s: peak {mem.total / MB:.0f} MB, "
          f"{mem.total / size:.1f} bytes of peak memory per input byte (target < 40)")


_LEAN_PAPERMILL = ("import sys; from bilateral.running.startup import skip_unused_imports; skip_unused_imports(); "
                   "from papermill.cli import papermill; sys.argv[0] = 'papermill'; papermill()")
# The floor's notebook run the way bilateral runs its own (running/execution.py: no IRI grammar,
# the kernel started before papermill is imported and killed when done): what is left of the
# report's ratio to this is the report's own work, the notebook's cells and the page.
_FLOOR_AS_RUN = ("import sys; from pathlib import Path; from bilateral.running.startup import skip_unused_imports; "
                 "skip_unused_imports(); from bilateral.running.execution import execute; "
                 "nb, out = map(Path, sys.argv[1:3]); execute(nb, out, {}, out.parent)")


def reports(tmp: Path, repeat: int, batch_size: int, job_counts: tuple[int, ...] = (1, 2)) -> dict:
    print(f"== reports (papermill floor vs bilateral; batch of {batch_size})")
    nb = floor_notebook(tmp)
    runs: dict[str, list] = {"floor": [], "lean": [], "as_run": [], "report": []}
    commands = {
        "floor": [str(BIN / "papermill"), str(nb), str(tmp / "floor_out.ipynb"), "-k", "bilateral", "--no-progress-bar"],
        "lean": [sys.executable, "-c", _LEAN_PAPERMILL, str(nb), str(tmp / "lean_out.ipynb"), "-k", "bilateral",
                 "--no-progress-bar"],
        "as_run": [sys.executable, "-c", _FLOOR_AS_RUN, str(nb), str(tmp / "as_run.ipynb")],
        "report": [str(BIN / "bilateral"), "report", str(paths.default_seed()), "--out", str(tmp / "alone"), "--force"],
    }
    for _ in range(repeat):  # interleaved, so that a slow minute slows each the same
        for name, cmd in commands.items():
            runs[name].append(run_measured(cmd))
    wall = {k: statistics.median(w for w, _ in v) for k, v in runs.items()}
    cpu = {k: statistics.median(m.cpu for _, m in v) for k, v in runs.items()}
    floor, one = wall["floor"], wall["report"]
    mem = runs["floor"][-1][1]
    print(f"  floor (papermill, imports + one chart): {floor:6.2f} s  ({mem.total / MB:.0f} MB), {cpu['floor']:5.2f} s CPU")
    print(f"  the floor without the IRI grammar:      {wall['lean']:6.2f} s, {cpu['lean']:5.2f} s CPU")
    print(f"  the floor run as bilateral runs:        {wall['as_run']:6.2f} s, {cpu['as_run']:5.2f} s CPU")
    print(f"  one report alone:                       {one:6.2f} s, {cpu['report']:5.2f} s CPU")
    print(f"    ratio {one / floor:.2f}x floor (target <= 1.5); {one / wall['lean']:.2f}x the floor without the grammar; "
          f"{one / wall['as_run']:.2f}x the floor run as bilateral runs ({cpu['report'] / cpu['as_run']:.2f}x its CPU)")
    seeds = _copies(tmp / "seeds", batch_size)
    figures = {"floor": floor, "seeds": seeds}
    for jobs in job_counts:
        wall, mem = run_measured([str(BIN / "bilateral"), "batch", *map(str, seeds), "--out", str(_fresh(tmp / f"b{jobs}")),
                                  "--jobs", str(jobs), "--force", "--no-progress"])
        per_core = wall * jobs / batch_size
        worker = mem.total if jobs == 1 else mem.branch
        print(f"  batch of {batch_size}, --jobs {jobs}: {wall:6.1f} s, {wall / batch_size:5.2f} s/report, "
              f"{per_core:5.2f} core-s/report = {per_core / floor:.2f}x floor (target <= 1.3 at --jobs 2), "
              f"{3600 / per_core:5.0f} reports/hour/core, peak {worker / MB:4.0f} MB per worker, {mem.total / MB:4.0f} MB tree")
        figures[jobs] = wall
    return figures


def dask(tmp: Path, figures: dict) -> None:
    from distributed import LocalCluster

    print(f"== dask (2-worker LocalCluster, same {len(figures['seeds'])} reports)")
    with LocalCluster(processes=True, n_workers=2, threads_per_worker=1, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        cmd = [str(BIN / "bilateral"), "batch", *map(str, figures["seeds"]), "--out", str(_fresh(tmp / "bd")),
               "--executor", "dask", "--scheduler", cluster.scheduler_address, "--force", "--no-progress"]
        began = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        with Sampler(os.getpid(), exclude={proc.pid}) as mem:
            _, err = proc.communicate()
        wall = time.perf_counter() - began
    if proc.returncode:
        raise SystemExit(f"dask batch exited {proc.returncode}: {err[-500:]}")
    local = figures[2]
    print(f"  dask: {wall:6.1f} s  local pool --jobs 2: {local:6.1f} s  ratio {wall / local:.2f} (target <= 1.15); "
          f"peak {mem.branch / MB:.0f} MB per worker")


def _fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def _copies(folder: Path, n: int) -> list[Path]:
    _fresh(folder)
    return [Path(shutil.copyfile(paths.default_seed(), folder / f"copy_{i:02d}.txt")) for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 articles; batches of 4; one repeat")
    parser.add_argument("--only", choices=("extraction", "reports", "dask", "memory"))
    parser.add_argument("--skip-serial", action="store_true", help="reports: the batch at --jobs 2 only")
    parser.add_argument("--extract-jobs", default="1,2", help="extraction: the --jobs levels to run (default 1,2)")
    parser.add_argument("--mb", type=float, default=50, help="size of the big article (memory; default 50)")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f} at start (a shared machine: compare ratios)")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.only in (None, "extraction"):
            levels = tuple(int(j) for j in args.extract_jobs.split(","))
            extraction([100, 1000] if args.quick else [1000, 10000], tmp, levels)
        if args.only in (None, "memory"):
            memory(args.mb, tmp)
        if args.only in (None, "reports", "dask"):
            figures = reports(tmp, 1 if args.quick else 3, 4 if args.quick else 16,
                              (2,) if args.skip_serial else (1, 2))
            if args.only in (None, "dask"):
                dask(tmp, figures)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
