"""Both notebooks in JupyterLab in a real browser: Run All on the project's kernel gives no
error output, and every chart shows exactly once, as one image.

JupyterLab runs on a free loopback port with a token, in a temporary copy of the notebooks and
with its own configuration and workspace folders, so nothing of the user's or the checkout's
is read or written. Headless Debian Chromium through Playwright, as in test_browser.py.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import CHROMIUM, ROOT

pytestmark = [pytest.mark.slow, pytest.mark.browser]


sync_api = pytest.importorskip("playwright.sync_api", reason="playwright for Python is not installed")
if not CHROMIUM.is_file():
    pytest.skip(f"{CHROMIUM} is missing (install Debian's chromium package)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """(base URL, token, folder) of a JupyterLab serving a copy of the notebooks."""
    tmp = tmp_path_factory.mktemp("lab")
    folder = tmp / "notebooks"
    folder.mkdir()
    for name in ("explore.ipynb", "report.ipynb"):
        shutil.copy(ROOT / "notebooks" / name, folder / name)
    port, token = _free_port(), secrets.token_hex(16)
    env = {k: v for k, v in os.environ.items() if k != "BILATERAL_REPORTS"}
    env |= {"JUPYTER_CONFIG_DIR": str(tmp / "config"), "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"),
            "HOME": str(tmp / "home")}
    argv = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={folder}",
            f"--LabApp.workspaces_dir={tmp / 'workspaces'}", "--LabApp.expose_app_in_browser=True"]
    server = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=open(tmp / "lab.log", "w"),
                              start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((tmp / "lab.log").read_text()) from None
                time.sleep(0.3)
        yield base, token, folder
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)


def _run_all(browser, lab, name: str) -> dict:
    """Open ``name`` in JupyterLab, Run All on its kernel, wait until every cell ran; returns the
    notebook as JupyterLab holds it (outputs included)."""
    base, token, _ = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page_errors: list[str] = []
    page.on("pageerror", lambda e: page_errors.append(str(e)))
    try:
        # A workspace of its own, so the other notebook's tab is not restored beside this one.
        page.goto(f"{base}/lab/workspaces/{Path(name).stem}/tree/{name}?reset&token={token}",
                  wait_until="domcontentloaded")
        page.wait_for_function(
            "() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
            " return w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel"
            " && w.sessionContext.session.kernel.connectionStatus === 'connected'"
            " && w.sessionContext.session.kernel.status === 'idle'; }", timeout=90_000)
        kernel = page.evaluate("window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.name")
        page.evaluate("() => { const app = window.jupyterapp; app.shell.activateById(app.shell.currentWidget.id);"
                      " return app.commands.execute('notebook:run-all-cells'); }")
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            status, counts = page.evaluate(
                "() => { const w = window.jupyterapp.shell.currentWidget;"
                " return [w.sessionContext.session.kernel.status,"
                " w.context.model.toJSON().cells.filter(c => c.cell_type === 'code').map(c => c.execution_count)]; }")
            if status == "idle" and all(n is not None for n in counts):
                break
            time.sleep(1)
        else:
            raise AssertionError(f"{name}: Run All did not finish: kernel {status}, execution counts {counts}")
        nb = page.evaluate("window.jupyterapp.shell.currentWidget.context.model.toJSON()")
    finally:
        page.screenshot(path=str(ROOT / "tests" / "artifacts" / f"lab_{Path(name).stem}.png"))
        page.close()
    return {"nb": nb, "kernel": kernel, "page_errors": page_errors}


@pytest.fixture(scope="module")
def ran(browser, lab):
    (ROOT / "tests" / "artifacts").mkdir(exist_ok=True)
    return {name: _run_all(browser, lab, name) for name in ("explore.ipynb", "report.ipynb")}


def _outputs(nb: dict) -> list[dict]:
    return [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]


@pytest.mark.parametrize("name", ["explore.ipynb", "report.ipynb"])
def test_run_all_on_the_project_kernel_has_no_error_output(ran, name):
    assert ran[name]["kernel"] == "bilateral"
    errors = [o for o in _outputs(ran[name]["nb"]) if o["output_type"] == "error"
              or (o["output_type"] == "stream" and o.get("name") == "stderr")]
    assert errors == [], json.dumps(errors)[:2000]


def test_each_explore_chart_is_exactly_one_image(ran):
    charts = [c for c in ran["explore.ipynb"]["nb"]["cells"] if c["cell_type"] == "code"
              and "".join(c["source"]).startswith("charts.")]
    assert len(charts) == 4
    for cell in charts:
        images = [o for o in cell["outputs"] if "image/png" in o.get("data", {})]
        assert len(images) == 1 and len(cell["outputs"]) == 1, "".join(cell["source"])


def test_each_report_chart_is_exactly_one_image_and_nothing_is_written(ran, lab):
    cells = [c for c in ran["report.ipynb"]["nb"]["cells"] if c["cell_type"] == "code"
             and "report.figure(" in "".join(c["source"])]
    assert len(cells) == 5
    for cell in cells:
        shown = [o for o in cell["outputs"] if o["output_type"] in ("display_data", "execute_result")]
        assert len(shown) == 1 and "image/png" not in shown[0]["data"]
        html = "".join(shown[0]["data"]["text/html"])
        assert html.count("<img ") == 1 and 'src="data:image/png;base64,' in html
    _, _, folder = lab
    # Only the notebooks (and the .py pairs jupytext keeps beside them when JupyterLab saves).
    assert {p.name for p in folder.iterdir() if not p.name.startswith(".")} <= {
        "explore.ipynb", "report.ipynb", "explore.py", "report.py"}
