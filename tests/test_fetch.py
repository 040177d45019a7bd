"""``bilateral fetch`` end to end against a local server of recorded API responses
(tests/wikiserver.py, tests/fixtures/api/): the real client, its retries and its cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEED
from wikiserver import WikiServer

import bilateral
from bilateral import cli
from bilateral.fetching import read_links, seed_stem
from bilateral.fetching.wikidata import type_table
from bilateral.reading.links import links_path

TITLE = "יחסי אלבניה–קוריאה הצפונית"
URL = ("https://he.wikipedia.org/wiki/%D7%99%D7%97%D7%A1%D7%99_%D7%90%D7%9C%D7%91%D7%A0%D7%99%D7%94"
       "%E2%80%93%D7%A7%D7%95%D7%A8%D7%99%D7%90%D7%94_%D7%94%D7%A6%D7%A4%D7%95%D7%A0%D7%99%D7%AA")
HE_STEM = seed_stem("he", TITLE)
EN_STEM = seed_stem("en", "Albania–North Korea relations")


@pytest.fixture
def wiki():
    """Start a server with the base routes plus the named scenarios; stopped after the test."""
    started = []

    def _start(*scenarios: str) -> WikiServer:
        server = WikiServer.from_fixtures(*scenarios).start()
        started.append(server)
        return server

    yield _start
    for server in started:
        server.stop()


@pytest.fixture
def fetch(tmp_path, monkeypatch, capsys):
    """Run ``bilateral fetch ... --api <server>`` in-process; returns (status, stdout, stderr)."""
    monkeypatch.setenv("BILATERAL_FETCH_MAX_WAIT", "0.01")
    monkeypatch.delenv("BILATERAL_CONTACT", raising=False)

    def _fetch(server: WikiServer, *args: str, cache: Path | None = None, contact: bool = True):
        argv = ["fetch", *args, "--api", f"{server.url}/w/api.php", "--wikidata-api", f"{server.url}/sparql",
                "--cache", str(cache or tmp_path / "cache"), "--out", str(tmp_path / "seeds")]
        if contact:
            argv += ["--contact", "tests@example.org"]
        status = cli.main(argv)
        out, err = capsys.readouterr()
        return status, out, err

    return _fetch


def _files(tmp_path: Path) -> list[str]:
    folder = tmp_path / "seeds"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_fetched_article_is_the_embedded_seed_byte_for_byte(wiki, fetch, tmp_path):
    status, out, err = fetch(wiki(), TITLE, "--lang", "he")
    assert (status, err) == (0, "")
    seed = tmp_path / "seeds" / f"{HE_STEM}.txt"
    assert seed.read_bytes() == SEED.read_bytes()
    assert _files(tmp_path) == [f"{HE_STEM}.links.json", f"{HE_STEM}.txt"]
    assert "revision 35471780, new; 25 links" in out


def test_the_links_sidecar_types_and_labels(wiki, fetch, tmp_path):
    fetch(wiki(), TITLE, "--lang", "he")
    links = {link.wikidata_id: link for link in read_links(tmp_path / "seeds" / f"{HE_STEM}.txt")}
    # red link, disambiguation page left out; the redirect "הוג'ה" resolved to its target
    assert len(links) == 25 and "Q225460" not in links
    hoxha = links["Q4177"]
    assert (hoxha.title, hoxha.type, hoxha.label_en, hoxha.label) == ("אנוור הוג'ה", "person", "Enver Hoxha", "אנוור הוג'ה")
    assert links["Q222"].type == "state"
    assert links["Q15180"].type == "state"          # historical country
    assert links["Q649"].type == "place"            # inherited: city with millions -> city
    assert links["Q853567"].type == "organization"  # political party
    assert links["Q1050469"].type == "organization"  # inherited only
    assert links["Q8663"].type == "other"           # a war: no listed class
    assert links["Q8663"].label == "" and links["Q8663"].label_en == "Korean War"
    doc = json.loads(links_path(tmp_path / "seeds" / f"{HE_STEM}.txt").read_text(encoding="utf-8"))
    assert (doc["title"], doc["lang"], doc["revision"], doc["format"]) == (TITLE, "he", 35471780, 1)
    assert [r["title"] for r in doc["links"]] == sorted(r["title"] for r in doc["links"])


def test_the_sidecar_is_byte_reproducible(wiki, fetch, tmp_path):
    server = wiki()
    fetch(server, TITLE, "--lang", "he", cache=tmp_path / "c1")
    first = (tmp_path / "seeds" / f"{HE_STEM}.links.json").read_bytes()
    (tmp_path / "seeds" / f"{HE_STEM}.links.json").unlink()
    fetch(server, TITLE, "--lang", "he", cache=tmp_path / "c2")
    assert (tmp_path / "seeds" / f"{HE_STEM}.links.json").read_bytes() == first


def test_a_url_names_the_same_article(wiki, fetch, tmp_path):
    status, _, _ = fetch(wiki(), URL)
    assert status == 0
    assert (tmp_path / "seeds" / f"{HE_STEM}.txt").read_bytes() == SEED.read_bytes()


def test_a_redirect_is_followed_and_the_seed_named_for_its_target(wiki, fetch, tmp_path):
    status, out, _ = fetch(wiki(), "יחסי אלבניה-קוריאה הצפונית", "--lang", "he")
    assert status == 0
    assert _files(tmp_path) == [f"{HE_STEM}.links.json", f"{HE_STEM}.txt"]
    assert bilateral.load(tmp_path / "seeds" / f"{HE_STEM}.txt").title == TITLE
    assert "redirected from 'יחסי אלבניה-קוריאה הצפונית'" in out


@pytest.mark.parametrize("args, message", [
    (["Douglas Adams (disambiguation)", "--lang", "en"], "is a disambiguation page"),
    (["llll", "--lang", "en"], "has no page 'Llll'"),
    (["x", "--lang", "fr"], "unknown language 'fr'"),
    ([TITLE, "--lang", "he", "--also", "xx"], "unknown language 'xx' for --also"),
    (["https://example.org/wiki/X"], "is not a Wikipedia article URL"),
    ([TITLE], "add --lang"),
    (["--category", "Category:X"], "--category needs --lang"),
    ([TITLE, "--lang", "he", "--category", "Category:X"], "either an article or --category"),
    (["--category", "Category:X", "--lang", "en", "--limit", "0"], "--limit must be at least 1"),
    ([], "name an article"),
], ids=["disambiguation", "missing", "unknown-language", "unknown-also", "not-wikipedia", "no-lang",
        "category-without-lang", "article-and-category", "limit-0", "nothing-named"])
def test_user_errors_are_one_line_exit_2_and_write_nothing(wiki, fetch, tmp_path, args, message):
    status, out, err = fetch(wiki(), *args)
    assert status == 2
    assert err.count("\n") == 1 and err.startswith("bilateral: error: ") and message in err
    assert _files(tmp_path) == []


def test_no_langlink_for_also_writes_nothing(wiki, fetch, tmp_path):
    status, _, err = fetch(wiki("no-en-langlink"), TITLE, "--lang", "he", "--also", "en")
    assert status == 2 and "has no langlink to en.wikipedia" in err and err.count("\n") == 1
    assert _files(tmp_path) == []


def test_also_fetches_the_other_edition_through_langlinks(wiki, fetch, tmp_path):
    status, out, err = fetch(wiki(), TITLE, "--lang", "he", "--also", "en")
    assert (status, err) == (0, "")
    assert _files(tmp_path) == sorted([f"{HE_STEM}.links.json", f"{HE_STEM}.txt",
                                       f"{EN_STEM}.links.json", f"{EN_STEM}.txt"])
    en = bilateral.load(tmp_path / "seeds" / f"{EN_STEM}.txt")
    assert (en.lang, en.revision, en.title) == ("en", 1131829174, "Albania–North Korea relations")
    en_links = {link.wikidata_id: link for link in read_links(tmp_path / "seeds" / f"{EN_STEM}.txt")}
    he_links = {link.wikidata_id: link for link in read_links(tmp_path / "seeds" / f"{HE_STEM}.txt")}
    assert set(en_links) <= set(he_links)  # the editions join on exact ids
    assert en_links["Q4177"].label == en_links["Q4177"].label_en == "Enver Hoxha"


@pytest.mark.parametrize("scenario", ["maxlag-then-ok", "maxlag-without-header-then-ok"])
def test_a_maxlag_refusal_is_retried_after_retry_after(wiki, fetch, tmp_path, scenario):
    server = wiki(scenario)
    started = time.monotonic()
    status, _, err = fetch(server, TITLE, "--lang", "he")
    assert (status, err) == (0, "")
    article_requests = [p for p in server.api_requests() if p.get("prop", "").startswith("extracts")]
    assert len(article_requests) == 2
    assert time.monotonic() - started < 5  # Retry-After: 5 capped by BILATERAL_FETCH_MAX_WAIT


def test_a_refusal_after_every_retry_is_one_line_and_writes_nothing(wiki, fetch, tmp_path):
    server = wiki("always-maxlag")
    status, _, err = fetch(server, TITLE, "--lang", "he")
    assert status == 2 and "refused after 5 attempts: maxlag" in err and err.count("\n") == 1
    assert len(server.api_requests()) == 5
    assert _files(tmp_path) == []


def test_a_429_with_retry_after_is_retried(wiki, fetch, tmp_path):
    server = wiki("429-then-ok")
    status, _, err = fetch(server, TITLE, "--lang", "he")
    assert (status, err) == (0, "")
    assert sum(path == "/sparql" for path, _, _ in server.seen) == 2


def test_the_wikidata_lookup_is_one_query_for_all_links(wiki, fetch):
    server = wiki()
    fetch(server, TITLE, "--lang", "he")
    queries = [params["query"] for path, params, _ in server.seen if path == "/sparql"]
    assert len(queries) == 1
    assert queries[0].count("wd:Q") == 25 + len(type_table().classes)  # every item, every listed class
    assert "wdt:P31 ?class . ?class wdt:P279* ?listed" in queries[0]


def test_a_category_follows_continuation_and_reports_members_it_cannot_fetch(wiki, fetch, tmp_path):
    server = wiki()
    status, out, err = fetch(server, "--category", "Category:Bilateral relations of Albania", "--lang", "en")
    members = [p for p in server.api_requests() if p.get("list") == "categorymembers"]
    assert [m.get("cmcontinue") for m in members] == [None, "page|2d2b4f3d4b|2224187"]
    assert members[1]["continue"] == "-||"
    assert f"{EN_STEM}.txt" in _files(tmp_path)  # the good member is written
    assert status == 2 and "is a disambiguation page" in err and "1 of 2 articles" in err


def test_a_category_limit_stops_early(wiki, fetch, tmp_path):
    server = wiki()
    status, _, err = fetch(server, "--category", "Bilateral relations of Albania", "--lang", "en", "--limit", "1")
    assert (status, err) == (0, "")
    assert len([p for p in server.api_requests() if p.get("list") == "categorymembers"]) == 1
    assert _files(tmp_path) == [f"{EN_STEM}.links.json", f"{EN_STEM}.txt"]


def test_fetching_twice_costs_nothing(wiki, fetch, tmp_path):
    server = wiki()
    fetch(server, TITLE, "--lang", "he")
    before = len(server.seen)
    status, out, _ = fetch(server, TITLE, "--lang", "he")
    assert status == 0 and "unchanged" in out
    assert len(server.seen) == before


def test_a_changed_revision_is_refused_without_update(wiki, fetch, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    old = SEED.read_bytes().replace(b"revision: 35471780", b"revision: 35000000")
    (seeds / f"{HE_STEM}.txt").write_bytes(old)
    status, _, err = fetch(wiki(), TITLE, "--lang", "he")
    assert status == 2 and "holds revision 35000000, Wikipedia now has 35471780 (pass --update" in err
    assert (seeds / f"{HE_STEM}.txt").read_bytes() == old and _files(tmp_path) == [f"{HE_STEM}.txt"]
    status, out, _ = fetch(wiki(), TITLE, "--lang", "he", "--update")
    assert status == 0 and "updated from revision 35000000" in out
    assert (seeds / f"{HE_STEM}.txt").read_bytes() == SEED.read_bytes()


def test_an_article_already_in_seeds_under_another_name_is_not_duplicated(wiki, fetch, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / SEED.name).write_bytes(SEED.read_bytes())
    status, out, _ = fetch(wiki(), TITLE, "--lang", "he")
    assert status == 0 and f"{SEED.name} (revision 35471780, unchanged" in out
    assert _files(tmp_path) == [f"{SEED.stem}.links.json", SEED.name]
    assert (seeds / SEED.name).read_bytes() == SEED.read_bytes()
    assert len(read_links(seeds / SEED.name)) == 25


def test_fetch_refuses_to_run_without_a_contact(wiki, fetch, tmp_path):
    server = wiki()
    status, _, err = fetch(server, TITLE, "--lang", "he", contact=False)
    assert status == 2 and "needs a contact for its User-Agent" in err and "BILATERAL_CONTACT" in err
    assert server.seen == []


def test_the_user_agent_names_the_contact_and_every_call_asks_maxlag(wiki, fetch):
    server = wiki()
    fetch(server, TITLE, "--lang", "he")
    agents = {headers["User-Agent"] for _, _, headers in server.seen}
    assert len(agents) == 1
    agent = agents.pop()
    assert agent.startswith("bilateral/") and "(tests@example.org)" in agent
    assert all(p["maxlag"] == "5" and p["formatversion"] == "2" for p in server.api_requests())


def test_no_network_is_one_line(fetch, tmp_path):
    class Closed:
        url = "http://127.0.0.1:9"  # nothing listens on the discard port
    status, _, err = fetch(Closed(), TITLE, "--lang", "he")
    assert status == 2 and "cannot reach 127.0.0.1:9" in err and err.count("\n") == 1
    assert _files(tmp_path) == []


def test_a_fetched_seed_loads_and_extracts_like_the_embedded_one(wiki, fetch, tmp_path):
    fetch(wiki(), TITLE, "--lang", "he")
    fetched = bilateral.extract(tmp_path / "seeds" / f"{HE_STEM}.txt")
    embedded = bilateral.extract(SEED)
    assert fetched.article.drop(columns="article_id").equals(embedded.article.drop(columns="article_id"))
    assert fetched.sentences["text"].tolist() == embedded.sentences["text"].tolist()
    assert len(fetched.entities) == len(embedded.entities) > 0


def test_the_console_script_fetches_end_to_end(wiki, tmp_path):
    server = wiki()
    env = {**os.environ, "BILATERAL_CONTACT": "tests@example.org", "BILATERAL_API": f"{server.url}/w/api.php",
           "BILATERAL_WIKIDATA_API": f"{server.url}/sparql", "BILATERAL_CACHE": str(tmp_path / "cache")}
    run = subprocess.run([sys.executable, "-m", "bilateral.cli", "fetch", URL, "--out", str(tmp_path / "seeds")],
                         env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "seeds" / f"{HE_STEM}.txt").read_bytes() == SEED.read_bytes()


@pytest.mark.network
@pytest.mark.skipif(os.environ.get("BILATERAL_NETWORK_TESTS") != "1",
                    reason="talks to the live Wikipedia and Wikidata; set BILATERAL_NETWORK_TESTS=1")
def test_live_fetch_from_wikipedia(tmp_path):
    if not os.environ.get("BILATERAL_CONTACT"):
        pytest.fail("set BILATERAL_CONTACT=you@example.org: Wikimedia asks every API client for a contact")
    status = cli.main(["fetch", TITLE, "--lang", "he", "--out", str(tmp_path / "seeds"),
                       "--cache", str(tmp_path / "cache")])
    assert status == 0
    seed = next((tmp_path / "seeds").glob("he_*.txt"))
    article = bilateral.load(seed)
    assert article.title == TITLE and article.revision >= 35471780
    links = {link.wikidata_id: link for link in read_links(seed)}
    assert links["Q222"].type == "state" and links["Q423"].type == "state"
    assert any(link.type == "person" for link in links.values())
