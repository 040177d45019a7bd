"""The `bilateral` command: outputs, exit codes and one-line errors."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, SEED

from bilateral import cli


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bilateral.cli", *args], capture_output=True,
                          text=True, cwd=cwd or ROOT, timeout=120)


def test_extract_writes_every_table(tmp_path):
    result = run("extract", str(SEED), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "000_ba48285eb3d73b6f"
    assert {"article.csv", "sections.csv", "paragraphs.csv", "sentences.csv"} <= {p.name for p in folder.iterdir()}


def test_extract_from_another_working_directory(tmp_path):
    result = run("extract", "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "000_ba48285eb3d73b6f" / "sections.csv").is_file()


def test_bad_seed_is_one_line_exit_2_and_others_still_written(tmp_path, write_seed):
    bad = write_seed("broken.txt", "revision: 1\ntitle: T\n")
    out = tmp_path / "out"
    result = run("extract", str(bad), str(SEED), "--out", str(out))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "broken.txt" in lines[0] and "'---'" in lines[0]
    assert "Traceback" not in result.stderr
    assert not (out / "broken").exists()
    assert (out / "000_ba48285eb3d73b6f" / "sentences.csv").is_file()


def test_debug_shows_the_traceback(write_seed):
    bad = write_seed("broken.txt", "")
    result = run("--debug", "extract", str(bad), "--out", str(bad.parent / "o"))
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_warning_for_a_non_wikipedia_url_is_one_line(write_seed, tmp_path):
    seed = write_seed("odd.txt", "revision: 1\ntitle: T\nurl: https://example.org/x\n---\nText here.\n")
    result = run("extract", str(seed), "--out", str(tmp_path / "o"))
    assert result.returncode == 0
    assert result.stderr.count("\n") == 1 and "warning" in result.stderr


def test_version_and_help(capsys):
    assert run("--version").stdout.startswith("bilateral ")
    assert "extract" in run("--help").stdout
    assert cli.main([]) == 2


def test_the_command_skips_the_iri_grammar_and_still_validates_notebooks():
    # `params` reads the notebook through nbformat (and so jsonschema); the grammar's import
    # is what the command skips, and validation must not need it.
    code = ("import sys; from bilateral import cli; cli.main(['params']); import nbformat; "
            "nbformat.validate(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('1')])); "
            "print('jsonschema' in sys.modules, 'lark' in sys.modules)")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split()[-2:] == ["True", "False"]


def test_skipping_is_left_alone_once_jsonschema_is_loaded():
    code = ("import sys, jsonschema; from bilateral.running.startup import skip_unused_imports; "
            "skip_unused_imports(); print(sys.modules.get('rfc3987_syntax', 'absent') is None)")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert shown.stdout.strip() == "False", shown.stderr
