"""`bilateral batch --executor dask`: the same reports as the local pool, byte for byte, on a
loopback Dask cluster of two worker processes; a clear refusal when a worker cannot see the
seeds; a worker lost mid-task does not lose its report."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARTICLES, ROOT, SEED

from bilateral.errors import UsageError
from bilateral.running import batch
from bilateral.running.dask_executor import DaskExecutor
from bilateral.running.manifest import Result

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.slow

# Four reports, one of them from a broken seed.
SEEDS = {"a_he": SEED, "b_en": ARTICLES / "en_01_india_vietnam.txt",
         "c_en": ARTICLES / "en_02_cuba_north_korea.txt", "d_broken": ROOT / "tests" / "broken" / "missing_title.txt"}


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(processes=True, n_workers=2, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=None) as c:
        yield c


def hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def without_time(results: list[Result]) -> list[dict]:
    return [dataclasses.asdict(r) | {"seconds": 0} for r in results]


@pytest.fixture(scope="module")
def both(cluster, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dask")
    (tmp / "seeds").mkdir()
    seeds = [Path(shutil.copy(src, tmp / "seeds" / f"{stem}.txt")) for stem, src in SEEDS.items()]
    local = batch.run(seeds, tmp / "local", jobs=2, progress=False)
    with DaskExecutor(cluster.scheduler_address) as executor:
        on_dask = batch.run(seeds, tmp / "dask", progress=False, executor=executor)
        dask_files = hashes(tmp / "dask")
        again = batch.run(seeds, tmp / "dask", progress=False, executor=executor)
    return hashes(tmp / "local"), dask_files, local, on_dask, again


def test_dask_gives_the_local_pools_results_byte_for_byte(both):
    local_files, dask_files, local, on_dask, _ = both
    assert [r.status for r in on_dask] == ["ok", "ok", "ok", "failed"]
    assert without_time(on_dask) == without_time(local)
    assert {"a_he/report.html", "a_he/figures/timeline.png", "d_broken/error.txt", "index.html"} <= dask_files.keys()
    assert dask_files == local_files


def test_dask_skips_unchanged_reports(both):
    *_, again = both
    assert [r.status for r in again] == ["cached", "cached", "cached", "failed"]


def test_cli_runs_the_batch_on_the_cluster(cluster, tmp_path):
    seed = Path(shutil.copy(SEED, tmp_path / "only_he.txt"))
    result = subprocess.run([sys.executable, "-m", "bilateral.cli", "batch", str(seed), "--out", str(tmp_path / "out"),
                             "--executor", "dask", "--scheduler", cluster.scheduler_address, "--no-progress"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "1 reports: 1 built, 0 up to date, 0 failed" in result.stdout
    assert (tmp_path / "out" / "only_he" / "report.html").is_file()


def test_client_refuses_seeds_a_worker_cannot_see(cluster, tmp_path):
    # /proc/self/fd/N/ is a folder only in the process that holds descriptor N open: the client
    # sees the seed there, the workers do not, as with a folder that is not shared.
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / "hidden.txt")
    opened = os.open(tmp_path / "seeds", os.O_RDONLY)
    fd = os.dup2(opened, 917)
    os.close(opened)
    try:
        hidden = f"/proc/self/fd/{fd}/hidden.txt"
        assert Path(hidden).is_file()
        with distributed.Client(cluster.scheduler_address) as client:
            assert not any(client.run(os.path.exists, hidden).values())
        result = subprocess.run([sys.executable, "-m", "bilateral.cli", "batch", hidden, "--out", str(tmp_path / "out"),
                                 "--executor", "dask", "--scheduler", cluster.scheduler_address],
                                capture_output=True, text=True, timeout=120, pass_fds=(fd,))
    finally:
        os.close(fd)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert "cannot see the seed /proc/self/fd/917/hidden.txt" in result.stderr
    assert not (tmp_path / "out" / "hidden").exists()


def test_an_unreachable_scheduler_is_one_clear_error():
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        DaskExecutor("tcp://127.0.0.1:9").check([SEED], "/tmp")


@dataclasses.dataclass(frozen=True)
class DiesOnce:
    """A task whose first attempt kills its worker process, as a crashed machine would."""

    seed: Path
    out_root: Path
    marker: Path

    def __call__(self) -> Result:
        if not self.marker.exists():
            self.marker.write_text(str(os.getpid()))
            os._exit(1)
        return Result(article_id=self.seed.stem, seed=str(self.seed), status="ok", title=str(os.getpid()))


def test_a_worker_lost_mid_task_has_its_report_rerun(cluster, tmp_path):
    seed = Path(shutil.copy(SEED, tmp_path / "lost.txt"))
    with DaskExecutor(cluster.scheduler_address) as executor:
        [result] = executor.run([DiesOnce(seed, tmp_path / "out", tmp_path / "died")])
    assert result.status == "ok"
    assert result.title != (tmp_path / "died").read_text()  # another worker process built it
    cluster.wait_for_workers(2, timeout=60)
