"""Install the project's Jupyter kernel (``bilateral``) into the running environment, so that
papermill and JupyterLab run notebooks with this environment's packages (a user-level
``python3`` kernel would otherwise shadow it: papermill's classic "No such kernel" trap).

Usage: ``python -m bilateral.kernel`` (``make venv`` runs it) installs it into this environment;
``python -m bilateral.kernel --user`` (``make kernel``) installs it for the user, so that a
JupyterLab installed elsewhere lists "Python (bilateral)" and runs it with this environment's
Python.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .vocab import KERNEL_NAME

NAME = KERNEL_NAME
DISPLAY_NAME = "Python (bilateral)"


def install(prefix: str | None = None, user: bool = False) -> Path:
    """Install the kernelspec under ``prefix`` (default: this environment), or in the user's
    Jupyter data folder with ``user``; returns its folder. Either way the kernel runs this
    environment's Python."""
    from ipykernel.kernelspec import install as ipykernel_install

    where = {"user": True} if user else {"prefix": prefix or sys.prefix}
    folder = Path(ipykernel_install(kernel_name=NAME, display_name=DISPLAY_NAME, **where))
    spec_file = folder / "kernel.json"
    spec = json.loads(spec_file.read_text(encoding="utf-8"))
    # ipykernel 7 logs a warning about unencrypted local TCP at every start: noise in every
    # batch run and notebook test; real errors still reach the cells' outputs.
    if "--IPKernelApp.log_level=ERROR" not in spec["argv"]:
        spec["argv"].append("--IPKernelApp.log_level=ERROR")
    spec_file.write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    """``python -m bilateral.kernel [--user | --prefix DIR]``: install and print the folder."""
    parser = argparse.ArgumentParser(prog="python -m bilateral.kernel", description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--user", action="store_true", help="install for the current user (any JupyterLab finds it)")
    where.add_argument("--prefix", metavar="DIR", help="install under DIR/share/jupyter/kernels")
    args = parser.parse_args(argv)
    print(install(prefix=args.prefix, user=args.user))
    return 0


if __name__ == "__main__":
    sys.exit(main())
