"""The README's examples run as written, and the commands it names exist."""

from __future__ import annotations

import os
import re

from conftest import ROOT

from bilateral import cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_examples_run(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - our own documentation
    assert "##" in capsys.readouterr().out  # the narrative was printed


def test_every_command_and_option_shown_exists():
    parser = cli._parser()
    commands = set(parser._subparsers._group_actions[0].choices)
    for line in re.findall(r"^bilateral (\w+)(.*)$", README, re.M):
        command, rest = line
        assert command in commands, command
        options = set(parser._subparsers._group_actions[0].choices[command]._option_string_actions)
        for option in re.findall(r"(--?[a-z][\w-]*)", rest.split("#")[0]):
            assert option in options, (command, option)


def test_both_setup_commands_are_documented_and_exist():
    assert "make report" in README and "make test" in README
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^report:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert os.access(ROOT / ".ci" / "run", os.R_OK)
