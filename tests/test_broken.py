"""Broken and odd seed files (tests/broken/) through the `bilateral` command: one clear stderr
line and the right exit code from `extract`, `report` and `batch`, and nothing written for a bad
seed.

The expectations live in ONE place, the table in tests/broken/README.md, parsed below. The
extract tests are fast (no kernel) and unmarked; those that run `report` or `batch` are slow.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ARTICLES, ROOT, SEED

BROKEN = ROOT / "tests" / "broken"
slow = pytest.mark.slow

# The one stderr line of an error: "bilateral: error: <file>: <problem> (<what to do>)".
ERROR_LINE = re.compile(r"^bilateral: error: (?P<file>\S.*?): (?P<problem>.+) \((?P<hint>[^()]+)\)$")



@dataclass(frozen=True)
class Expect:
    """One row of the README table."""

    name: str
    wrong: str
    exit: int
    fragment: str  # "" for a valid seed with nothing to say


def _corpus() -> dict[str, Expect]:
    rows: dict[str, Expect] = {}
    for line in (BROKEN / "README.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\| `(?P<name>[^`]+)` \| (?P<wrong>.+?) \| (?P<exit>\d+) \| (?P<frag>`[^`]*`|-) \|$", line)
        if m:
            assert m["name"] not in rows, f"README lists {m['name']} twice"
            fragment = "" if m["frag"] == "-" else m["frag"].strip("`")
            rows[m["name"]] = Expect(m["name"], m["wrong"], int(m["exit"]), fragment)
    return rows


CORPUS = _corpus()
BAD = sorted(n for n, e in CORPUS.items() if e.exit == 2)
ODD = sorted(n for n, e in CORPUS.items() if e.exit == 0)
# `bilateral report` on valid-but-odd seeds costs a kernel each: two of them only.
ODD_REPORTED = ["non_wikipedia_url.txt", "level_jump_2_to_4.txt"]


@dataclass
class Run:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    out: Path

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


def _command() -> list[str]:
    script = Path(sys.executable).with_name("bilateral")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "bilateral.cli"]


def bilateral(*args: str | Path, out: Path, cwd: Path, timeout: float = 120) -> Run:
    argv = [*_command(), *map(str, args), "--out", str(out)]
    began = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, cwd=cwd, timeout=timeout)
    return Run(argv, done.returncode, done.stdout, done.stderr, time.perf_counter() - began, out)


def _run_each(tmp: Path, command: str, names: list[str]) -> dict[str, Run]:
    """``bilateral COMMAND FILE --out tmp/<stem>`` for each name, a few at a time."""

    def one(name: str) -> Run:
        return bilateral(command, BROKEN / name, out=tmp / Path(name).stem, cwd=tmp)

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(names, pool.map(one, names), strict=True))


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def assert_one_error_line(run: Run, name: str) -> str:
    expect = CORPUS[name]
    assert run.returncode == 2, (run.returncode, run.stderr)
    assert "Traceback" not in run.stderr, run.stderr
    assert len(run.lines) == 1, f"expected one stderr line, got:\n{run.stderr}"
    line = run.lines[0]
    assert line.startswith(f"bilateral: error: {BROKEN / name}: "), line
    assert expect.fragment in line, line
    assert run.stdout == "", run.stdout
    assert files_under(run.out) == [], f"a bad seed wrote {files_under(run.out)}"
    return line


# ---------------------------------------------------------------- the corpus itself (fast)


def test_readme_table_and_files_agree():
    on_disk = {p.name for p in BROKEN.glob("*.txt")}
    assert set(CORPUS) == on_disk, (set(CORPUS) ^ on_disk)
    assert len(BAD) >= 15 and len(ODD) >= 5
    assert all(e.fragment for e in CORPUS.values() if e.exit == 2)
    assert set(ODD_REPORTED) <= set(ODD)
    for path in BROKEN.glob("*.txt"):
        assert path.stat().st_size < 1024, f"{path.name}: keep corpus files tiny"


def test_corpus_bytes_are_intact():
    """The odd bytes are the point of these files: a checkout must not normalise them."""
    raw = {p.name: p.read_bytes() for p in BROKEN.glob("*.txt")}
    assert raw["empty.txt"] == b""
    assert raw["bom_only.txt"] == b"\xef\xbb\xbf"
    assert raw["bom_crlf.txt"].startswith(b"\xef\xbb\xbf")
    assert raw["bom_crlf.txt"].count(b"\r\n") == raw["bom_crlf.txt"].count(b"\n") > 3
    mixed = raw["mixed_crlf_lf.txt"]
    assert b"\r\n" in mixed and re.search(rb"[^\r]\n", mixed)
    assert b"\r" in raw["cr_only.txt"] and b"\n" not in raw["cr_only.txt"]
    assert b"\xe9" in raw["not_utf8.txt"] and b"\x00" not in raw["not_utf8.txt"]
    assert raw["utf16.txt"].startswith((b"\xff\xfe", b"\xfe\xff"))
    assert raw["binary.txt"].startswith(b"\x89PNG") and b"\x00" in raw["binary.txt"]
    assert raw["nul_byte.txt"].count(b"\x00") == 1
    assert b"== A ===" in raw["unbalanced_heading.txt"]


# ---------------------------------------------------------------- bilateral extract (fast)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, Run]:
    """`bilateral extract FILE --out DIR` once for every file of the corpus."""
    return _run_each(tmp_path_factory.mktemp("extract"), "extract", sorted(CORPUS))


@pytest.mark.parametrize("name", BAD)
def test_extract_bad_seed_is_one_line_exit_2_and_writes_nothing(extracted, name):
    assert_one_error_line(extracted[name], name)


@pytest.mark.parametrize("name", BAD)
def test_error_line_says_what_to_do(extracted, name):
    line = extracted[name].lines[0]
    m = ERROR_LINE.match(line)
    assert m, f"not 'bilateral: error: <file>: <problem> (<what to do>)': {line}"
    assert m["file"] == str(BROKEN / name)


@pytest.mark.parametrize("name", ODD)
def test_extract_odd_but_valid_seed_works(extracted, name):
    run, expect = extracted[name], CORPUS[name]
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    if expect.fragment:
        assert len(run.lines) == 1, run.stderr
        assert run.lines[0].startswith(f"bilateral: warning: {BROKEN / name}: "), run.lines[0]
        assert expect.fragment in run.lines[0]
    else:
        assert run.stderr == ""
    folder = run.out / Path(name).stem
    assert run.stdout.strip() == str(folder)
    assert {"article.csv", "sections.csv", "paragraphs.csv", "sentences.csv"} <= {p.name for p in folder.iterdir()}
    assert not [p for p in files_under(run.out) if ".tmp" in p.name]
    sentences = _csv(folder / "sentences.csv")
    assert sentences and all("\r" not in s["text"] and "\ufeff" not in s["text"] for s in sentences)


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_odd_headings_give_mediawiki_sections(extracted):
    def sections(name: str) -> list[tuple[str, str, str]]:
        rows = _csv(extracted[name].out / Path(name).stem / "sections.csv")
        return [(r["level"], r["title"], r["parent_id"]) for r in rows]

    # MediaWiki keeps the surplus '=' of an unbalanced heading in its title.
    assert sections("unbalanced_heading.txt") == [("1", "", ""), ("2", "A =", "")]
    # A level jump keeps the real level; the nearest shallower heading is the parent.
    assert sections("level_jump_2_to_4.txt") == [("1", "", ""), ("2", "A", ""), ("4", "B", "1")]
    # Line endings and the BOM do not change the structure.
    expected = [("1", "", ""), ("2", "History", "")]
    for name in ("mixed_crlf_lf.txt", "cr_only.txt", "bom_crlf.txt"):
        assert sections(name) == expected, name
    assert _csv(extracted["bom_crlf.txt"].out / "bom_crlf" / "article.csv")[0]["title"] == "Broken test"


def test_extract_of_the_whole_corpus_reports_each_bad_seed_and_writes_the_rest(tmp_path):
    run = bilateral("extract", *(BROKEN / n for n in sorted(CORPUS)), out=tmp_path / "out", cwd=tmp_path)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    errors = [line for line in run.lines if line.startswith("bilateral: error: ")]
    assert len(errors) == len(BAD), run.stderr
    for name in BAD:
        (line,) = [e for e in errors if e.startswith(f"bilateral: error: {BROKEN / name}: ")]
        assert CORPUS[name].fragment in line
    warnings = [line for line in run.lines if line.startswith("bilateral: warning: ")]
    assert len(warnings) + len(errors) == len(run.lines), run.stderr
    # Beside one folder per good seed: the corpus tables of them all (issue 11).
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted([*(Path(n).stem for n in ODD), "corpus"])


@pytest.mark.parametrize("command", ["extract", "batch"])
def test_a_missing_seed_is_one_line_exit_2_and_nothing_runs(tmp_path, command):
    path = BROKEN / "no_such_seed.txt"
    run = bilateral(command, SEED, path, out=tmp_path / "out", cwd=tmp_path)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.lines == [f"bilateral: error: {path}: no such file or folder (give a seed .txt file or a folder of them)"]
    assert not (tmp_path / "out").exists()


def test_extract_of_a_folder_takes_every_seed_in_it(tmp_path):
    run = bilateral("extract", BROKEN, out=tmp_path / "out", cwd=tmp_path)
    every = bilateral("extract", *sorted(BROKEN.glob("*.txt")), out=tmp_path / "every", cwd=tmp_path)
    assert run.returncode == every.returncode == 2
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in (tmp_path / "every").iterdir())
    assert len(run.stderr.splitlines()) == len(every.stderr.splitlines())


# ---------------------------------------------------------------- bilateral report


@pytest.fixture(scope="module")
def reported_bad(tmp_path_factory) -> dict[str, Run]:
    return _run_each(tmp_path_factory.mktemp("report_bad"), "report", BAD)


@slow
@pytest.mark.parametrize("name", BAD)
def test_report_of_a_bad_seed_is_exit_2_and_writes_nothing(reported_bad, name):
    run = reported_bad[name]
    assert_one_error_line(run, name)
    # Bad input is refused before papermill starts a kernel: no staging folder, lock or notebook.
    assert not run.out.exists() or not any(run.out.rglob("*")), sorted(run.out.rglob("*"))


@pytest.fixture(scope="module")
def reported_odd(tmp_path_factory) -> dict[str, Run]:
    return _run_each(tmp_path_factory.mktemp("report_odd"), "report", ODD_REPORTED)


def assert_report_folder_complete(folder: Path) -> None:
    names = {p.name for p in folder.iterdir()}
    assert {"report.html", "report.ipynb", "manifest.json", "figures"} <= names, names
    assert any(p.suffix in (".png", ".svg") for p in (folder / "figures").iterdir())
    assert (folder / "report.html").read_text(encoding="utf-8").rstrip().endswith("</html>")


@slow
@pytest.mark.parametrize("name", ODD_REPORTED)
def test_report_of_an_odd_but_valid_seed_is_built(reported_odd, name):
    run = reported_odd[name]
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    folder = run.out / Path(name).stem
    assert run.stdout.strip() == str(folder / "report.html")
    assert_report_folder_complete(folder)
    bilateral_lines = [line for line in run.lines if line.startswith("bilateral: ")]
    if CORPUS[name].fragment:
        assert bilateral_lines and all(CORPUS[name].fragment in line and line.startswith(
            f"bilateral: warning: {BROKEN / name}: ") for line in bilateral_lines), run.stderr
    else:
        assert bilateral_lines == [], run.stderr


@slow
def test_report_warns_once(reported_odd):
    run = reported_odd["non_wikipedia_url.txt"]
    assert sum(line.startswith("bilateral: warning: ") for line in run.lines) == 1, run.stderr


@slow
def test_report_stderr_has_only_bilateral_lines(reported_odd):
    for run in reported_odd.values():
        assert all(line.startswith("bilateral: ") for line in run.lines), run.stderr


# ---------------------------------------------------------------- bilateral batch

GOOD = [SEED, ARTICLES / "en_01_india_vietnam.txt"]


class _IndexRows(HTMLParser):
    """The rows of index.html: the text of each cell, the row's class and its links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[dict] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr":
            self.rows.append({"class": attrs.get("class") or "", "cells": [], "links": []})
        elif tag == "td" and self.rows:
            self._cell = []
        elif tag == "a" and self.rows:
            self.rows[-1]["links"].append(attrs.get("href"))

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.rows[-1]["cells"].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """One batch over every bad seed of the corpus and two good seeds, two at a time."""
    tmp = tmp_path_factory.mktemp("batch")
    (tmp / "good").mkdir()
    good = [Path(shutil.copy(s, tmp / "good" / s.name)) for s in GOOD]
    seeds = [BROKEN / n for n in BAD] + good
    run = bilateral("batch", *seeds, "--jobs", "2", "--no-progress", out=tmp / "out", cwd=tmp, timeout=600)
    parser = _IndexRows()
    index = tmp / "out" / "index.html"
    parser.feed(index.read_text(encoding="utf-8") if index.is_file() else "")
    rows = {row["cells"][-1]: row for row in parser.rows if row["cells"]}
    return run, [s.stem for s in good], rows


@slow
def test_batch_exit_1_with_summary_line(batch):
    run, good, _ = batch
    assert run.returncode == 1, run.stderr
    assert run.stdout.splitlines()[-1] == (
        f"{len(BAD) + len(good)} reports: {len(good)} built, 0 up to date, {len(BAD)} failed; "
        f"index: {run.out / 'index.html'}")
    assert "Traceback" not in run.stderr, run.stderr


@slow
def test_batch_builds_the_good_reports_despite_the_bad_ones(batch):
    run, good, _ = batch
    for stem in good:
        assert_report_folder_complete(run.out / stem)
    for name in BAD:
        assert not (run.out / Path(name).stem / "report.html").exists()
    # Lock files (one per report, under .locks/) stay by design: they are not half-written files.
    assert not [p for p in files_under(run.out) if ".tmp" in p.name or (p.name.startswith(".") and p.parent.name != ".locks")]
    assert [p.name for p in run.out.iterdir() if p.name.startswith(".")] in ([], [".locks"])


@slow
def test_batch_index_lists_every_seed_with_its_status(batch):
    run, good, rows = batch
    assert set(rows) == set(good) | {Path(n).stem for n in BAD}
    for stem in good:
        assert rows[stem]["class"] == "status-ok" and rows[stem]["links"] == [f"{stem}/report.html"]
    for name in BAD:
        row = rows[Path(name).stem]
        status = row["cells"][-2]
        assert row["class"] == "status-failed", row
        assert status.startswith("failed: ") and CORPUS[name].fragment in status, status
        assert row["links"] == []


@slow
def test_batch_stderr_has_one_error_line_per_failed_seed(batch):
    run, _, _ = batch
    errors = [line for line in run.lines if line.startswith("bilateral: error: ")]
    assert len(errors) == len(BAD), run.stderr
    for name in BAD:
        (line,) = [e for e in errors if re.match(rf"bilateral: error: (?:\S*/)?{re.escape(name)}: ", e)]
        assert CORPUS[name].fragment in line, line


@slow
def test_batch_error_lines_name_the_file_once(batch):
    run, _, _ = batch
    for line in run.lines:
        if line.startswith("bilateral: error: "):
            name = re.match(r"bilateral: error: (\S+?): ", line)[1].rsplit("/", 1)[-1]
            assert line.count(name) == 1, line


@slow
def test_batch_stderr_has_only_bilateral_lines(batch):
    run, _, _ = batch
    assert all(line.startswith("bilateral: ") for line in run.lines), run.stderr
