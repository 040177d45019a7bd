"""A kernel that fails to start is retried once; a second failure fails only its own report."""

from __future__ import annotations

import threading

import papermill
import pytest
from conftest import SEED

from bilateral.running import build, execution


class FailingStarts:
    """papermill.execute_notebook failing with ``errors`` in turn, counting its calls."""

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        raise self.errors.pop(0)


@pytest.mark.parametrize("error", [RuntimeError("Kernel didn't respond in 60 seconds"),
                                   RuntimeError("Kernel died before replying to kernel_info"),
                                   OSError("Address already in use")])
def test_a_failed_kernel_start_is_retried_once_then_fails_its_report(monkeypatch, tmp_path, error):
    fake = FailingStarts(error, error)
    monkeypatch.setattr(papermill, "execute_notebook", fake)
    result = build.build(SEED, tmp_path)
    assert fake.calls == 2
    assert result.status == "failed" and str(error) in result.error
    assert (tmp_path / SEED.stem / "error.txt").is_file()
    # no staging folder left (the lock files stay, by design)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".locks") == [SEED.stem]


def test_the_retry_gets_the_second_starts_outcome(monkeypatch, tmp_path):
    fake = FailingStarts(RuntimeError("Kernel didn't respond in 60 seconds"), ValueError("a cell failed"))
    monkeypatch.setattr(papermill, "execute_notebook", fake)
    result = build.build(SEED, tmp_path)
    assert fake.calls == 2 and result.error == "ValueError: a cell failed"


def test_other_errors_are_not_retried(monkeypatch, tmp_path):
    fake = FailingStarts(RuntimeError("No such kernel named bilateral"))
    monkeypatch.setattr(papermill, "execute_notebook", fake)
    result = build.build(SEED, tmp_path)
    assert fake.calls == 1 and result.status == "failed"


@pytest.fixture
def stopped(monkeypatch):
    """The kernels stopped during the test, each with the clients it had made."""
    kernels = []
    real = execution.stop_kernel

    def recording(kernel):
        kernels.append((kernel, list(kernel.clients)))
        real(kernel)

    monkeypatch.setattr(execution, "stop_kernel", recording)
    return kernels


def test_the_kernel_is_killed_and_its_clients_closed_after_a_report(stopped, tmp_path):
    threads = threading.active_count()
    assert build.build(SEED, tmp_path).status == "ok"
    [(kernel, clients)] = stopped
    assert clients and not any(c.channels_running for c in clients)
    assert not kernel.has_kernel and not kernel.clients
    assert threading.active_count() == threads  # no heartbeat thread left behind


def test_each_started_kernel_is_stopped_when_papermill_fails(stopped, monkeypatch, tmp_path):
    fake = FailingStarts(RuntimeError("Kernel didn't respond in 60 seconds"), ValueError("a cell failed"))
    monkeypatch.setattr(papermill, "execute_notebook", fake)
    assert build.build(SEED, tmp_path).status == "failed"
    assert len(stopped) == 2 and not any(kernel.has_kernel for kernel, _ in stopped)


def test_an_interruption_kills_the_kernel_and_leaves_its_clients_to_the_exit(monkeypatch, tmp_path):
    started = []
    real = execution.start_kernel

    def starting(folder):
        kernel = real(folder)
        kernel.client()  # as papermill makes one
        started.append(kernel)
        return kernel

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(execution, "start_kernel", starting)
    monkeypatch.setattr(papermill, "execute_notebook", interrupted)
    monkeypatch.setattr(execution, "_ABANDONED", [])
    with pytest.raises(KeyboardInterrupt):
        build.build(SEED, tmp_path)
    [kernel] = started
    assert not kernel.has_kernel and not kernel.clients
    # Closing or collecting them could wait forever on a socket an interrupted start left open.
    [client] = execution._ABANDONED
    assert client._created_context is False
