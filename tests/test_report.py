"""The report notebook through papermill and nbconvert: the HTML a reader gets, the recorded
parameters, reruns that give the same bytes, caching, parameter checks and the batch."""

from __future__ import annotations

import hashlib
import html
import json
import re
import subprocess
import sys

import nbformat
import pytest
from conftest import ARTICLES, ROOT, SEED

import bilateral
from bilateral.errors import UsageError
from bilateral.presentation import narrative, report
from bilateral.running import batch

pytestmark = pytest.mark.slow


def bilateral_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bilateral.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=600)


def visible_text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    result = batch.build(SEED, out)
    assert result.status == "ok", result.error
    return out / result.article_id


@pytest.fixture(scope="module")
def built_he(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports_he")
    result = batch.build(SEED, out, {"narrative_lang": "he"})
    assert result.status == "ok", result.error
    return out / result.article_id


def test_html_has_every_chart_no_code_and_the_tables_numbers(built):
    page = (built / "report.html").read_text(encoding="utf-8")
    images = re.findall(r"<img\b[^>]*>", page)
    assert len(images) == 5
    for tag in images:
        assert re.search(r'\bsrc="data:image/png;base64,[A-Za-z0-9+/=]+"', tag)
        assert re.search(r'\balt="[^"]{20,}"', tag)
    for name in ("timeline", "warmth", "actors", "mentions", "structure"):
        assert f'id="{name}"' in page
        assert (built / "figures" / f"{name}.png").is_file() and (built / "figures" / f"{name}.svg").is_file()
    assert "import bilateral" not in page and "report.figure(" not in page
    assert "jp-InputArea" not in page and "<script" not in page
    t = bilateral.extract(SEED)
    dated = narrative.dated_events(t)
    first_year, last_year = dated.sort_key.iloc[0][:4], (dated.end.iloc[-1] or dated.start.iloc[-1])[:4]
    text = visible_text(page)
    assert f"The article dates {len(dated)} events between {first_year} and {last_year}." in text
    assert f"revision {int(t.article.revision.iloc[0])}" in text
    assert '<html lang="en" dir="ltr">' in page
    assert 'Content-Security-Policy' in page
    assert len(page.encode()) < 1_500_000


def test_page_is_self_contained_and_makes_no_request(built):
    page = (built / "report.html").read_text(encoding="utf-8")
    for attr in re.findall(r'(?:src|href)="([^"]*)"', page):
        assert attr.startswith(("data:", "#", "https://he.wikipedia.org/")), attr
    assert "<link" not in page and "@import" not in page and "url(" not in page


def test_table_of_contents_lists_every_heading(built):
    page = (built / "report.html").read_text(encoding="utf-8")
    toc = re.findall(r'<li><a href="#([\w-]+)">', page)
    assert toc == ["narrative", "timeline", "warmth", "actors", "mentions", "structure", "events", "people", "quotes"]
    for target in toc:
        assert f'id="{target}"' in page


def test_hebrew_page_is_right_to_left(built_he):
    page = (built_he / "report.html").read_text(encoding="utf-8")
    assert '<html lang="he" dir="rtl">' in page
    assert 'class="narrative" dir="rtl" lang="he"' in page or 'class="narrative" lang="he" dir="rtl"' in page
    assert "הערך מתארך" in visible_text(page)


def test_executed_notebook_records_its_parameters_and_no_run_data(built):
    nb = nbformat.read(built / "report.ipynb", as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and "seeds/000_ba48285eb3d73b6f.txt" in injected[0].source
    assert nb.metadata.papermill.parameters == {"seed": "seeds/000_ba48285eb3d73b6f.txt"}
    text = (built / "report.ipynb").read_text(encoding="utf-8")
    for run_dependent in ("start_time", "end_time", "duration", str(ROOT), "/tmp/", " at 0x"):
        assert run_dependent not in text
    assert [c.id for c in nb.cells] == [f"cell-{i:03d}" for i in range(len(nb.cells))]


def _hashes(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_runs_into_two_folders_give_identical_files(built, tmp_path):
    again = batch.build(SEED, tmp_path, force=True)
    assert again.status == "ok"
    first, second = _hashes(built), _hashes(tmp_path / again.article_id)
    assert first.keys() == second.keys()
    assert first == second


def test_unchanged_inputs_are_not_rebuilt_unless_forced(built):
    before = _hashes(built)
    result = batch.build(SEED, built.parent)
    assert result.status == "cached"
    assert _hashes(built) == before


def test_parameters_are_checked_against_the_notebook():
    assert batch.check_parameters({"top_n": "5", "narrative_lang": "he"}) == {"top_n": 5, "narrative_lang": "he"}
    for bad in ({"colour": "red"}, {"top_n": "many"}, {"narrative_lang": "fr"}, {"period": "soon"}):
        with pytest.raises(UsageError):
            batch.check_parameters(bad)


def test_cli_refuses_an_unknown_parameter_in_one_line(tmp_path):
    result = bilateral_cli("report", "-p", "colour", "red", "--out", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "unknown parameter 'colour'" in result.stderr


def test_period_focuses_events():
    t = report.focus(bilateral.extract(SEED), "1950-1962")
    years = {int((s or e)[:4]) for s, e in zip(t.events.start, t.events.end, strict=True)}
    assert years and min(years) >= 1950 and max(years) <= 1962


def test_batch_builds_in_parallel_and_writes_the_index(tmp_path):
    seeds = [SEED, ARTICLES / "en_02_cuba_north_korea.txt"]
    result = bilateral_cli("batch", *map(str, seeds), "--out", str(tmp_path), "--jobs", "2", "--no-progress")
    assert result.returncode == 0, result.stderr
    assert "2 reports: 2 built, 0 up to date, 0 failed" in result.stdout
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    for seed in seeds:
        assert f'href="{seed.stem}/report.html"' in index
        manifest = json.loads((tmp_path / seed.stem / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["status"] == "ok" and manifest["n_events"] > 0
    again = bilateral_cli("batch", *map(str, seeds), "--out", str(tmp_path), "--no-progress")
    assert "0 built, 2 up to date" in again.stdout
