"""Sections, paragraphs, sentences and words, on the seed and on odd cases."""

from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES, SEED

from bilateral.reading import article, structure


@pytest.fixture(scope="module")
def seed():
    a = article.load(SEED)
    return a, structure.parse(a.body, a.lang)


def test_seed_sections_match_the_hand_checked_fixture(seed):
    _, st = seed
    expected = yaml.safe_load((FIXTURES / "seed_structure.yml").read_text(encoding="utf-8"))
    got = [(s.level, s.title, s.parent_id) for s in st.sections]
    assert got == [(e["level"], e["title"], e["parent"]) for e in expected["sections"]]


def test_seed_sentences_match_the_hand_checked_fixture(seed):
    _, st = seed
    expected = yaml.safe_load((FIXTURES / "seed_structure.yml").read_text(encoding="utf-8"))
    got = [(s.paragraph_id, s.text, s.n_citations) for s in st.sentences]
    assert got == [(e["paragraph"], e["text"], e["n_citations"]) for e in expected["sentences"]]


def test_offsets_cut_the_body_back_into_the_sentences(seed):
    a, st = seed
    for s in st.sentences:
        assert structure.collapse(a.body[s.char_start:s.char_end]) == s.text
    for p in st.paragraphs:
        assert structure.collapse(a.body[p.char_start:p.char_end]) == p.text
        inside = [s for s in st.sentences if s.paragraph_id == p.paragraph_id]
        assert inside[0].char_start == p.char_start
        # Between two sentences of a paragraph there is only white space.
        for left, right in zip(inside, inside[1:], strict=False):
            assert not a.body[left.char_end:right.char_start].strip()


def split(text: str, lang: str = "en") -> list[str]:
    st = structure.parse(text + "\n", lang)
    return [s.text for s in st.sentences]


SPLITS = {
    "quote glued to the next word": (
        'כפי שקרה לאלבניה".בשנות ה-70 היחסים הידרדרו.', "he",
        ['כפי שקרה לאלבניה".', "בשנות ה-70 היחסים הידרדרו."]),
    "full stop inside a closing quote": (
        'וכי "הוא חושש שיבחינו בו הסובייטים." באותו חודש הותר.', "he",
        ['וכי "הוא חושש שיבחינו בו הסובייטים."', "באותו חודש הותר."]),
    "full stops inside a quote": (
        'הוא אמר "באנו. נשארנו" ולא הוסיף. אחר כך יצא.', "he",
        ['הוא אמר "באנו. נשארנו" ולא הוסיף.', "אחר כך יצא."]),
    "gershayim are not quotes": (
        'ד"ר כהן ביקר בארה"ב. הוא חזר לצה"ל.', "he",
        ['ד"ר כהן ביקר בארה"ב.', 'הוא חזר לצה"ל.']),
    "scare quote after a prefix letter": (
        'הוא הגדיר אותן כ"רוויזיוניסטיות". הן סירבו.', "he",
        ['הוא הגדיר אותן כ"רוויזיוניסטיות".', "הן סירבו."]),
    "english abbreviations": (
        "The U.S. envoy met Dr. Smith in St. Petersburg. They talked.", "en",
        ["The U.S. envoy met Dr. Smith in St. Petersburg.", "They talked."]),
    "initials": (
        "J. F. Dulles flew in. He left.", "en", ["J. F. Dulles flew in.", "He left."]),
    "quote with stops then a lower-case verb": (
        '"We came. We stayed." he said. Then he left.', "en",
        ['"We came. We stayed." he said.', "Then he left."]),
    "parentheses with a stop inside": (
        "The pact (signed in Moscow. See below) held. It ended later.", "en",
        ["The pact (signed in Moscow. See below) held.", "It ended later."]),
    "decimal numbers and question marks": (
        "Trade grew 3.5 times? It did! Nobody knew.", "en",
        ["Trade grew 3.5 times?", "It did!", "Nobody knew."]),
    "unbalanced quote does not swallow the paragraph": (
        'He said "no. Then he left. Later he came back.', "en",
        ['He said "no.', "Then he left.", "Later he came back."]),
}


@pytest.mark.parametrize("text,lang,expected", SPLITS.values(), ids=SPLITS.keys())
def test_sentence_splitting(text, lang, expected):
    assert split(text, lang) == expected


def test_citation_gaps_are_collapsed_and_counted():
    body = "Relations began in 1948,   a month later.    Trade grew. \n"
    st = structure.parse(body, "en")
    assert [s.text for s in st.sentences] == ["Relations began in 1948, a month later.", "Trade grew."]
    assert [s.n_citations for s in st.sentences] == [2, 1]


HEADINGS = {
    "lead then nested headings": (
        "Lead.\n== A ==\nText a.\n=== B ===\nText b.\n== C ==\n",
        [(1, "", None), (2, "A", None), (3, "B", 1), (2, "C", None)]),
    "a level-2 heading that pretends to be level 3": (
        "Lead.\n== A ===\nText.\n", [(1, "", None), (2, "A =", None)]),
    "nesting that jumps from level 2 to 4": (
        "Lead.\n== A ==\n==== D ====\nText.\n", [(1, "", None), (2, "A", None), (4, "D", 1)]),
    "no lead text": (
        "== A ==\nText.\n", [(1, "", None), (2, "A", None)]),
    "a line of equals signs is text, not a heading": (
        "Lead.\n====\nText.\n", [(1, "", None)]),
}


@pytest.mark.parametrize("body,expected", HEADINGS.values(), ids=HEADINGS.keys())
def test_headings(body, expected):
    st = structure.parse(body, "en")
    assert [(s.level, s.title, s.parent_id) for s in st.sections] == expected


def test_words_keep_hebrew_abbreviations_names_and_hyphens_whole():
    assert structure.words('ד"ר קים איל-סונג ביקר בארה"ב עם הוג\'ה') == [
        'ד"ר', "קים", "איל-סונג", "ביקר", 'בארה"ב', "עם", "הוג'ה"]


def test_terms_strip_hebrew_prefixes_only_onto_known_words():
    text = "אלבניה ובאלבניה לאלבניה שהקים קים והמדינות המדינות של"
    terms = structure.terms(text, "he")
    assert terms.count("אלבניה") == 3
    assert terms.count("המדינות") == 2 and "של" not in terms
