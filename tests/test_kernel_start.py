"""A kernel that fails to start is retried once; a second failure fails only its own report."""

from __future__ import annotations

import papermill
import pytest
from conftest import SEED

from bilateral.running import build


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
