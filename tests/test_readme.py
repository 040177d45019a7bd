"""The README's examples run as written, and the commands it names exist."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_examples_run(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - our own documentation
    assert "##" in capsys.readouterr().out  # the narrative was printed


def _help(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "bilateral.cli", *args, "--help"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_every_command_and_option_shown_exists():
    """Read from `bilateral --help` and `bilateral COMMAND --help`, as a user would."""
    commands = set(re.findall(r"^    (\w+) {2,}", _help(), re.M))
    assert {"extract", "report", "batch", "params"} <= commands
    options: dict[str, set[str]] = {}
    for command, rest in re.findall(r"^bilateral (\w+)(.*)$", README, re.M):
        assert command in commands, command
        if command not in options:
            options[command] = set(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", _help(command)))
        for option in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", rest.split("#")[0]):
            assert option in options[command], (command, option)


def test_every_make_target_shown_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, re.M))
    for target in re.findall(r"`make ([a-z][\w-]*)", README):
        assert target in targets, target


def test_both_setup_commands_are_documented_and_exist():
    assert "make report" in README and "make test" in README
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^report:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert os.access(ROOT / ".ci" / "run", os.R_OK)
