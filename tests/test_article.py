"""The seed loader: header through YAML, body after '---', and one clear error per bad input."""

from __future__ import annotations

import time
import tracemalloc

import pytest
from conftest import HEADER, SEED, seed_text

from bilateral.errors import BilateralWarning, SeedFormatError
from bilateral.reading import article


def test_seed_header_is_decoded():
    a = article.load(SEED)
    assert a.title == "יחסי אלבניה–קוריאה הצפונית"  # \u escapes and a line continuation
    assert a.revision == 35471780
    assert a.lang == "he"
    assert a.article_id == "000_ba48285eb3d73b6f"
    assert a.url.startswith("https://he.wikipedia.org/wiki/")
    assert a.is_wikipedia
    assert a.body.lstrip().startswith("יחסי אלבניה–קוריאה הצפונית הם")


def test_crlf_and_bom_give_the_same_article(write_seed):
    raw = SEED.read_bytes()
    crlf = write_seed("000_ba48285eb3d73b6f.txt", b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"))
    assert article.load(crlf) == article.load(SEED)


def test_mixed_line_endings_are_normalised(write_seed):
    path = write_seed("mixed.txt", seed_text("One.\r\nTwo.\nThree.\rFour.\n").encode())
    assert article.load(path).body == "One.\nTwo.\nThree.\nFour.\n"


def test_language_comes_from_the_url_host(write_seed):
    path = write_seed("x.txt", 'revision: 3\ntitle: T\nurl: https://en.m.wikipedia.org/wiki/T\n---\nText.\n')
    assert article.load(path).lang == "en"


BAD = {
    "empty file": (b"", "empty"),
    "only blank lines": (b"\n\n  \n", "empty"),
    "no separator": (b"revision: 1\ntitle: T\nurl: https://en.wikipedia.org/wiki/T\nText.\n", "'---'"),
    "header is not yaml": (b"revision: [1\ntitle: T\n---\nText.\n", "not valid YAML"),
    "header is a list": (b"- a\n- b\n---\nText.\n", "key: value"),
    "header lacks title": (b"revision: 1\nurl: https://en.wikipedia.org/wiki/T\n---\nText.\n", "lacks 'title'"),
    "header lacks url": (b"revision: 1\ntitle: T\n---\nText.\n", "lacks 'url'"),
    "empty title": (b'revision: 1\ntitle: ""\nurl: https://en.wikipedia.org/wiki/T\n---\nText.\n', "title' is empty"),
    "revision not an integer": (b"revision: abc\ntitle: T\nurl: https://en.wikipedia.org/wiki/T\n---\nText.\n", "revision"),
    "negative revision": (b"revision: -4\ntitle: T\nurl: https://en.wikipedia.org/wiki/T\n---\nText.\n", "revision"),
    "duplicate header keys": (b"revision: 1\ntitle: A\ntitle: B\nurl: https://en.wikipedia.org/wiki/T\n---\nText.\n", "duplicate key"),
    "header only": (HEADER.encode(), "no text"),
    "body of only headings": (seed_text("== A ==\n\n=== B ===\n").encode(), "no text"),
    "not utf-8": (seed_text("Caf\xe9.\n").encode("latin-1"), "not UTF-8"),
    "binary file": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "nul byte in text": (seed_text("One.\x00Two.\n").encode(), "NUL"),
}


@pytest.mark.parametrize("content,expected", BAD.values(), ids=BAD.keys())
def test_bad_seed_gets_one_clear_line(write_seed, content, expected):
    path = write_seed("bad.txt", content)
    with pytest.raises(SeedFormatError) as info:
        article.load(path)
    message = str(info.value)
    assert expected in message
    assert message.startswith(str(path))
    assert "\n" not in message


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(SeedFormatError, match="no such file"):
        article.load(tmp_path / "nope.txt")
    with pytest.raises(SeedFormatError, match="directory"):
        article.load(tmp_path)


@pytest.mark.parametrize("url", ["https://example.com/page", "javascript:alert(1)", "data:text/html,hi"])
def test_non_wikipedia_url_warns_and_guesses_language(write_seed, url):
    path = write_seed("w.txt", f"revision: 1\ntitle: T\nurl: '{url}'\n---\nשלום עולם. זה טקסט.\n")
    with pytest.warns(BilateralWarning, match="not a Wikipedia"):
        a = article.load(path)
    assert a.lang == "he"
    assert not a.is_wikipedia


def test_fifty_megabyte_seed_loads_in_bounded_time_and_memory(write_seed):
    paragraph = "The two states signed a treaty in 1961.   Relations cooled after 1990. " * 20 + "\n"
    body = paragraph * (50_000_000 // len(paragraph) + 1)
    path = write_seed("big.txt", seed_text(body))
    assert path.stat().st_size > 50_000_000
    tracemalloc.start()
    began = time.perf_counter()
    a = article.load(path)
    elapsed = time.perf_counter() - began
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(a.body) > 50_000_000
    # Bounded: a few copies of the file at most, and no quadratic work.
    assert peak < 8 * path.stat().st_size
    assert elapsed < 30
