"""The pieces of fetching without a server: seed header and file name, the type rule, the
links sidecar reader, and reading an article's address."""

from __future__ import annotations

import ast
import json
import re

import pytest
import yaml
from conftest import ROOT, SEED

from bilateral.errors import SeedFormatError, UsageError
from bilateral.fetching import Link, read_links, seed_header, seed_stem
from bilateral.fetching.mediawiki import parse_target
from bilateral.fetching.wikidata import TYPES, TypeTable, classify, type_table
from bilateral.reading.links import links_bytes, links_path

E = "http://www.wikidata.org/entity/"


def test_the_header_writer_reproduces_the_embedded_seed_byte_for_byte():
    raw = SEED.read_text(encoding="utf-8")
    end = raw.index("\n---\n") + len("\n---\n")
    fields = yaml.safe_load(raw[: end - len("---\n")])
    assert seed_header(fields["revision"], fields["title"], fields["url"]) == raw[:end]


def test_a_long_english_title_header_reads_back():
    title = "Albania–North Korea relations: " + "a very long title " * 8
    header = seed_header(7, title, "https://en.wikipedia.org/wiki/X")
    assert yaml.safe_load(header[: -len("---\n")]) == {"revision": 7, "title": title, "url": "https://en.wikipedia.org/wiki/X"}


@pytest.mark.parametrize("lang, title, expected", [
    ("en", "Albania–China relations", r"en_albania-china-relations_[0-9a-f]{12}"),
    ("he", "יחסי אלבניה–סין", r"he_[0-9a-f]{12}"),
    ("en", "Côte d'Ivoire–France relations", r"en_cote-d-ivoire-france-relations_[0-9a-f]{12}"),
    ("en", "CON", r"en_con_[0-9a-f]{12}"),
    ("en", "a/b\\c:d*e?f\"g<h>i|j", r"en_a-b-c-d-e-f-g-h-i-j_[0-9a-f]{12}"),
], ids=["english", "hebrew-has-no-latin-slug", "accents-folded", "windows-reserved-name", "path-characters"])
def test_seed_names_are_stable_and_safe(lang, title, expected):
    stem = seed_stem(lang, title)
    assert re.fullmatch(expected, stem) and re.fullmatch(r"[a-z0-9_-]{4,80}", stem)
    assert seed_stem(lang, title) == stem


def test_titles_differing_only_in_case_get_different_names():
    assert seed_stem("en", "Ab") != seed_stem("en", "AB")
    assert seed_stem("en", "x" * 300).count("x") <= 48


def _row(item, cls=None, listed=None):
    row = {"item": {"type": "uri", "value": E + item}}
    if cls:
        row["class"] = {"type": "uri", "value": E + cls}
        row["listed"] = {"type": "uri", "value": E + listed}
    return row


TABLE = TypeTable({"Q5": "person", "Q6256": "state", "Q515": "place", "Q43229": "organization"},
                  ("person", "state", "place", "organization"))


def test_a_direct_class_beats_an_inherited_one():
    # a party that is also (by some subclass path) a place stays an organization
    rows = [_row("Q1", "Q43229", "Q43229"), _row("Q1", "Q43229", "Q515")]
    assert classify(rows, TABLE) == {"Q1": "organization"}


def test_among_inherited_classes_the_order_decides():
    rows = [_row("Q2", "Q999", "Q43229"), _row("Q2", "Q999", "Q515")]
    assert classify(rows, TABLE) == {"Q2": "place"}


def test_items_without_a_listed_class_are_not_classified():
    assert classify([_row("Q3")], TABLE) == {}


def test_the_shipped_type_table_is_valid():
    table = type_table()
    assert set(table.classes.values()) == set(TYPES) - {"other"}
    assert table.classes["Q5"] == "person" and table.classes["Q3024240"] == "state"


def _seed_with_links(tmp_path, revision=35471780, doc=None):
    seed = tmp_path / "a.txt"
    seed.write_bytes(SEED.read_bytes())
    links = [Link("אלבניה", "Q222", "state", "Albania", "אלבניה")]
    data = links_bytes("t", "he", revision, links) if doc is None else json.dumps(doc).encode()
    links_path(seed).write_bytes(data)
    return seed


def test_read_links_gives_records_or_none(tmp_path):
    assert read_links(SEED) is None
    links = read_links(_seed_with_links(tmp_path))
    assert links == [Link(title="אלבניה", wikidata_id="Q222", type="state", label_en="Albania", label="אלבניה")]


@pytest.mark.parametrize("doc, message", [
    ({"format": 2, "links": []}, "not format 1"),
    ({"format": 1, "revision": 35471780, "links": [{"title": "x"}]}, "lacks one of"),
    ({"format": 1, "revision": 35471780, "links": [
        {"title": "x", "wikidata_id": "Q1", "type": "country", "label_en": "", "label": ""}]}, "type 'country'"),
], ids=["other-format", "missing-field", "unknown-type"])
def test_a_bad_sidecar_is_one_line(tmp_path, doc, message):
    with pytest.raises(SeedFormatError, match=message):
        read_links(_seed_with_links(tmp_path, doc=doc))


def test_a_sidecar_of_another_revision_is_refused(tmp_path):
    with pytest.raises(SeedFormatError, match="sidecar is for revision 1, the seed is revision 35471780"):
        read_links(_seed_with_links(tmp_path, revision=1))


def test_the_sidecar_bytes_do_not_depend_on_link_order():
    a = Link("A", "Q1", "person", "A", "A")
    b = Link("B", "Q2", "place", "B", "B")
    assert links_bytes("t", "en", 1, [a, b]) == links_bytes("t", "en", 1, [b, a])


@pytest.mark.parametrize("target, lang, expected", [
    ("https://en.wikipedia.org/wiki/Albania%E2%80%93China_relations", None, ("en", "Albania–China relations")),
    ("https://he.m.wikipedia.org/wiki/יחסי_אלבניה–סין", None, ("he", "יחסי אלבניה–סין")),
    ("Albania–China relations", "en", ("en", "Albania–China relations")),
])
def test_an_article_is_named_by_title_or_url(target, lang, expected):
    assert parse_target(target, lang) == expected


def test_a_url_and_lang_that_disagree_are_refused():
    with pytest.raises(UsageError, match="contradicts the URL"):
        parse_target("https://en.wikipedia.org/wiki/X", "he")


def test_fetching_knows_nothing_of_extraction():
    """Fetching imports only errors, files, paths and the sidecar format from the rest of bilateral."""
    allowed = {"errors", "files", "paths", "reading.links"}
    for path in (ROOT / "src" / "bilateral" / "fetching").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 2:
                names = {node.module if node.module == "reading.links" else node.module.split(".")[0]} if node.module else {a.name for a in node.names}
                assert names <= allowed, (path.name, names)
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                assert not (node.module or "").startswith("bilateral"), (path.name, node.module)
