"""environment.yml (for conda users) lists the same packages as pyproject.toml, and the embedded
seed is the one the project was given."""

from __future__ import annotations

import hashlib
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


# The embedded article as the team received it; changing the seed must change this line too.
SEED_SHA256 = "0b490416781f0f38a42251de2ff9c50a4e662763616743ee20c234ad5b348322"


def test_the_seed_is_the_one_we_were_given_byte_for_byte():
    ours = (ROOT / "seeds" / "000_ba48285eb3d73b6f.txt").read_bytes()
    assert len(ours) == 4585
    assert hashlib.sha256(ours).hexdigest() == SEED_SHA256
