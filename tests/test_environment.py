"""environment.yml (for conda users) lists the same packages as pyproject.toml."""

from __future__ import annotations

import re
import tomllib

import yaml
from conftest import ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement, maxsplit=1)[0].lower()


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str) and not d.startswith(("python", "pip"))]
    assert sorted(conda) == sorted(project["dependencies"])
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pip == ["-e .[dev]"]


def test_the_seed_is_the_shared_one_byte_for_byte():
    shared = ROOT.parent / "shared" / "seeds" / "000_ba48285eb3d73b6f.txt"
    ours = ROOT / "seeds" / "000_ba48285eb3d73b6f.txt"
    if shared.exists():
        assert ours.read_bytes() == shared.read_bytes()
    assert len(ours.read_bytes()) == 4585
