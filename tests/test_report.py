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
def built_he(built):
    """The Hebrew-narrative variant of the same seed, built into the same folder after the default."""
    before = _hashes_of_files(built)
    result = batch.build(SEED, built.parent, batch.check_parameters({"narrative_lang": "he"}))
    assert result.status == "ok", result.error
    assert _hashes_of_files(built) == before  # the default report is left as it was
    return batch.report_folder(built.parent, result.article_id, result.variant)


def _hashes_of_files(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def test_html_has_every_chart_no_code_and_the_tables_numbers(built, seed_tables):
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
    t = seed_tables
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
    """The files of the report in ``folder`` (variants' folders nested in it left out)."""
    files = [*folder.glob("*"), *folder.glob("figures/*")]
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(files) if p.is_file()}


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
    for bad in ({"colour": "red"}, {"top_n": "many"}, {"narrative_lang": "fr"}, {"period": "soon"},
                {"top_n": "-1"}, {"seed": "seeds/x.txt"}, {"out_dir": "/tmp/x"}):
        with pytest.raises(UsageError):
            batch.check_parameters(bad)


def test_default_values_make_the_default_report_and_others_a_named_variant():
    assert batch.check_parameters({"narrative_lang": "en", "top_n": "3"}) == {}
    assert batch.variant({}) == ""
    assert batch.variant(batch.check_parameters({"period": "1950-1990", "narrative_lang": "he"})) == "he_period-1950-1990"


def test_cli_refuses_p_seed_instead_of_filing_a_report_under_another_name(tmp_path):
    other = ARTICLES / "en_01_india_vietnam.txt"
    result = bilateral_cli("report", "-p", "seed", str(other), "--out", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "SEED argument" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_cli_refuses_a_negative_top_n(tmp_path):
    result = bilateral_cli("report", "-p", "top_n", "-1", "--out", str(tmp_path))
    assert result.returncode == 2 and "at least 0" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_params_lists_each_parameter_with_type_default_and_help():
    result = bilateral_cli("params")
    assert result.returncode == 0, result.stderr
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()}
    for spec in batch.notebook_parameters().values():
        if spec["name"] in ("seed", "out_dir"):
            continue
        line = lines[spec["name"]]
        assert spec["inferred_type_name"] in line and spec["help"] in line
    assert "top_n" in lines and " 3 " in lines["top_n"]


def test_help_points_only_to_commands_that_exist():
    for command in ("report", "batch"):
        text = bilateral_cli(command, "--help").stdout
        for named in re.findall(r"`bilateral (\w+)`", text.replace("\n", " ")):
            assert bilateral_cli(named, "--help").returncode == 0, named


def test_variants_sit_side_by_side_and_the_index_lists_each(built, built_he):
    assert built_he == built / "he"
    assert (built / "report.html").is_file() and (built_he / "report.html").is_file()
    assert '<html lang="en"' in (built / "report.html").read_text(encoding="utf-8")
    index = batch.write_index(built.parent).read_text(encoding="utf-8")
    assert f'href="{built.name}/report.html"' in index and f'href="{built.name}/he/report.html"' in index
    manifest = json.loads((built_he / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["variant"] == "he" and manifest["params"] == {"narrative_lang": "he"}


def test_a_report_whose_files_were_altered_or_removed_is_rebuilt(built):
    good = _hashes(built)
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["outputs"]) == set(good) - {"manifest.json"}
    (built / "figures" / "warmth.png").write_bytes(b"not the chart")
    (built / "report.ipynb").unlink()
    assert batch.build(SEED, built.parent).status == "ok"
    assert _hashes(built) == good


def test_running_the_notebook_by_hand_writes_no_file(tmp_path, monkeypatch):
    """papermill (or Run All) with no out_dir: figures inline, nothing written anywhere."""
    import papermill

    monkeypatch.delenv("BILATERAL_REPORTS", raising=False)
    reports = ROOT / "reports"
    before = sorted(p.relative_to(reports).as_posix() for p in reports.rglob("*")) if reports.exists() else []
    work = tmp_path / "work"
    work.mkdir()
    nb = papermill.execute_notebook(str(batch.notebook_path()), str(tmp_path / "out.ipynb"), kernel_name="bilateral",
                                    parameters={"narrative_lang": "he"}, progress_bar=False, cwd=str(work))
    after = sorted(p.relative_to(reports).as_posix() for p in reports.rglob("*")) if reports.exists() else []
    assert after == before
    assert list(work.iterdir()) == []
    shown = "".join(o.get("data", {}).get("text/html", "") for c in nb.cells for o in c.get("outputs", []))
    assert shown.count('src="data:image/png;base64,') == 5


def test_cli_refuses_an_unknown_parameter_in_one_line(tmp_path):
    result = bilateral_cli("report", "-p", "colour", "red", "--out", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "unknown parameter 'colour'" in result.stderr


def test_period_focuses_events(seed_tables):
    t = report.focus(seed_tables, "1950-1962")
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


def test_batch_of_a_missing_seed_exits_2_before_anything_runs(tmp_path):
    out = tmp_path / "out"
    result = bilateral_cli("batch", str(SEED), str(tmp_path / "nosuch.txt"), "--out", str(out), "--no-progress")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "nosuch.txt: no such file" in result.stderr
    assert not out.exists()


def test_also_native_adds_the_articles_own_language_only_where_it_is_not_english(tmp_path):
    english = ARTICLES / "en_01_india_vietnam.txt"
    tasks = batch.tasks_for([SEED, english], tmp_path, {}, also_native=True)
    assert [(t.seed, t.params) for t in tasks] == [(SEED, {}), (SEED, {"narrative_lang": "he"}), (english, {})]
    assert len(batch.tasks_for([SEED], tmp_path, {"narrative_lang": "he"}, also_native=True)) == 1


def test_batch_also_native_builds_the_hebrew_narrative_beside_the_english(tmp_path):
    result = bilateral_cli("batch", str(SEED), "--also-native", "--out", str(tmp_path), "--no-progress")
    assert result.returncode == 0, result.stderr
    assert "2 reports: 2 built" in result.stdout
    assert '<html lang="en"' in (tmp_path / SEED.stem / "report.html").read_text(encoding="utf-8")
    assert '<html lang="he"' in (tmp_path / SEED.stem / "he" / "report.html").read_text(encoding="utf-8")
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert index.count("<tr class=") == 2 and f'href="{SEED.stem}/he/report.html"' in index


def test_reports_lists_every_report_and_variant_as_a_dataframe(built, built_he):
    df = bilateral.reports(built.parent)
    assert list(df.columns[:5]) == ["article_id", "variant", "title", "lang", "status"]
    rows = {(r.article_id, r.variant): r for r in df.itertuples()}
    assert set(rows) == {(built.name, ""), (built.name, "he")}
    assert rows[(built.name, "he")].params == {"narrative_lang": "he"}
    assert rows[(built.name, "")].status == "ok" and rows[(built.name, "")].page == str(built / "report.html")
    assert bilateral.reports(built.parent / "nothing_here").empty


def test_nbconvert_by_hand_drops_the_tagged_notes(built_he):
    """The README's nbconvert line on an executed Hebrew report: no English working notes."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config({"TagRemovePreprocessor": {"remove_cell_tags": ["notes"]},
                     "TemplateExporter": {"exclude_input": True}})
    nb = nbformat.read(built_he / "report.ipynb", as_version=4)
    body, _ = HTMLExporter(config=config).from_notebook_node(nb)
    text = visible_text(body)
    assert "הערך מתארך" in text
    for note in ("The report for one article", "Read the article into tables", "The written report:"):
        assert note not in text
