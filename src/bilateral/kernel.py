"""Install the project's Jupyter kernel (``bilateral``) into the running environment, so that
papermill and JupyterLab run notebooks with this environment's packages (a user-level
``python3`` kernel would otherwise shadow it: papermill's classic "No such kernel" trap).

Usage: ``python -m bilateral.kernel`` (``make venv`` runs it).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .vocab import KERNEL_NAME

NAME = KERNEL_NAME
DISPLAY_NAME = "Python (bilateral)"


def install(prefix: str | None = None) -> Path:
    """Install the kernelspec under ``prefix`` (default: this environment); returns its folder."""
    from ipykernel.kernelspec import install as ipykernel_install

    folder = Path(ipykernel_install(kernel_name=NAME, display_name=DISPLAY_NAME, prefix=prefix or sys.prefix))
    spec_file = folder / "kernel.json"
    spec = json.loads(spec_file.read_text(encoding="utf-8"))
    # ipykernel 7 logs a warning about unencrypted local TCP at every start: noise in every
    # batch run and notebook test; real errors still reach the cells' outputs.
    if "--IPKernelApp.log_level=ERROR" not in spec["argv"]:
        spec["argv"].append("--IPKernelApp.log_level=ERROR")
    spec_file.write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
    return folder


if __name__ == "__main__":
    print(install())
