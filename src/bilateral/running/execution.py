"""A notebook executed by papermill on the project's kernel, in a folder of its own.

Shared by the report and the corpus report. What it does beyond ``papermill.execute_notebook``,
and why:

- The output folder reaches the kernel through the environment (:data:`..paths.REPORTS_ENV`),
  so the executed notebook records no path and a rerun into another folder gives the same bytes.
- The kernel is started before papermill is imported: it boots (about 0.7 s) while this process
  loads papermill and the page's tools, instead of after.
- It is killed once the notebook is done rather than asked to shut down: every output has
  arrived and every file is written by then, and a polite shutdown costs about 0.6 s of an
  interpreter tearing itself down. Its history stays in memory, as in papermill's own kernels,
  and its stderr goes nowhere (an interrupted batch does not spill kernel tracebacks).
- An interrupted run (Ctrl-C, SIGTERM) kills its kernel and leaves the kernel's clients to the
  interpreter's exit: closing a client whose start was interrupted can wait forever.
- A kernel that fails to start (many starting at once can miss their deadline or clash on a
  port, jupyter_client's known race) is retried once.
- The notebook is written once, at the end: papermill's default saves it after every cell,
  validating and rewriting it whole, images and all.
"""

from __future__ import annotations

import contextlib
import functools
import os
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from .. import paths
from ..vocab import KERNEL_NAME

#: What a kernel that did not start says (the errors of jupyter_client and zmq).
START_FAILURES = ("Kernel didn't respond", "Kernel died before replying", "Address already in use")

#: Clients of kernels killed by an interruption, kept until exit, when pyzmq no longer
#: terminates contexts (see :func:`abandon_kernel`).
_ABANDONED: list = []

#: The kernel's IPython history: in memory, never a file that outlives the run.
_KERNEL_ARGUMENTS = ["--HistoryManager.hist_file=:memory:"]


def execute(notebook: Path, output: Path, params: dict, folder: Path,
            beside: Callable[[], None] | None = None):
    """Run ``notebook`` with ``params`` in ``folder`` and write it executed to ``output``; return
    it (a ``NotebookNode``). ``beside`` runs on a thread while the kernel works (a head start on
    what comes after). Raises papermill's error when a cell fails."""
    helper = None
    try:
        with _reports_env(folder):
            for attempt in range(2):
                kernel = None
                try:
                    kernel = start_kernel(folder)
                    import papermill

                    # Started once papermill is loaded: until then the helper would only slow
                    # the import down (one interpreter lock); from here this thread mostly waits.
                    if beside is not None and helper is None:
                        helper = threading.Thread(target=beside, daemon=True)
                        helper.start()
                    return papermill.execute_notebook(
                        str(notebook), str(output), parameters=params, kernel_name=KERNEL_NAME, km=kernel,
                        progress_bar=False, log_output=False, cwd=str(folder), execution_timeout=600,
                        request_save_on_cell_execute=False, shutdown_kernel="immediate")
                except Exception as exc:  # noqa: BLE001 - filtered just below
                    if attempt or not did_not_start(exc):
                        raise
                except BaseException:
                    # Interrupted (Ctrl-C, SIGTERM), perhaps while a client was being made.
                    if kernel is not None:
                        abandon_kernel(kernel)
                        kernel = None
                    raise
                finally:
                    if kernel is not None:
                        stop_kernel(kernel)
    finally:
        if helper is not None:
            helper.join()
    raise AssertionError("unreachable")  # pragma: no cover


def did_not_start(exc: BaseException) -> bool:
    """Whether ``exc`` says a kernel failed to start (not that a cell failed)."""
    return type(exc).__name__ != "PapermillExecutionError" and any(m in str(exc) for m in START_FAILURES)


def start_kernel(folder: Path):
    """A kernel of the project's spec, launched in ``folder`` and not waited for: papermill
    waits until it is ready."""
    from jupyter_core.utils import run_sync

    kernel = _manager_class()(kernel_name=KERNEL_NAME)
    try:
        run_sync(kernel.start_kernel)(cwd=str(folder), extra_arguments=list(_KERNEL_ARGUMENTS))
    except Exception:
        stop_kernel(kernel)
        raise
    return kernel


def stop_kernel(kernel) -> None:
    """Close the clients of ``kernel`` and kill its process (see the module's notes)."""
    for client in kernel.clients:
        client.stop_channels()
    kernel.clients.clear()
    kill_kernel(kernel)


def abandon_kernel(kernel) -> None:
    """After an interruption: kill the process of ``kernel`` and leave its clients alone until
    the interpreter exits. Closing a client, or collecting one, terminates its zmq context, which
    waits forever when an interrupted start left one of its sockets open."""
    for client in kernel.clients:
        client._created_context = False  # jupyter_client's finalizer then leaves the context be
    _ABANDONED.extend(kernel.clients)
    kernel.clients.clear()
    kill_kernel(kernel)


def kill_kernel(kernel) -> None:
    """Kill the process of ``kernel`` if it runs, and remove its connection file."""
    from jupyter_core.utils import run_sync

    with contextlib.suppress(RuntimeError):  # "No kernel is running!": it died on its own
        if run_sync(kernel.is_alive)():
            run_sync(kernel.shutdown_kernel)(now=True)
    run_sync(kernel.cleanup_resources)()


@functools.cache
def _manager_class():
    # Built on first use: jupyter_client loads lazily.
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import List

    class ReportKernel(AsyncKernelManager):
        """A kernel manager that keeps the clients it made (papermill does not close the
        clients of a kernel it was given) and sends the kernel's stderr nowhere."""

        clients = List()

        async def _async_launch_kernel(self, kernel_cmd, **kw):
            kw["stderr"] = subprocess.DEVNULL
            return await super()._async_launch_kernel(kernel_cmd, **kw)

        def client(self, **kwargs):
            made = super().client(**kwargs)
            self.clients.append(made)
            return made

    return ReportKernel


@contextlib.contextmanager
def _reports_env(folder: Path) -> Iterator[None]:
    previous = os.environ.get(paths.REPORTS_ENV)
    os.environ[paths.REPORTS_ENV] = str(folder.resolve())
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(paths.REPORTS_ENV, None)
        else:
            os.environ[paths.REPORTS_ENV] = previous
