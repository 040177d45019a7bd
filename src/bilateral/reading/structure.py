"""Split an article body into sections, paragraphs, sentences and words.

Offsets are character offsets into the body string that :func:`bilateral.article.load` returns;
``body[char_start:char_end]`` is the raw span, and a span's ``text`` is that span with runs of
white space (where citations were removed) collapsed to one space.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import pandas as pd

from .. import resources

_HEADING = re.compile(r"^[ \t]*(={1,6})(.+?)(={1,6})[ \t]*$")
_LINE = re.compile(r"[^\n]+")
# A removed citation leaves two or more blanks; a trailing blank at the end of a paragraph too.
_GAP = re.compile(r"[ \t\u00a0\u200f\u200e]{2,}|[ \t\u00a0\u200f\u200e]+$")
_WORD = re.compile(r"[^\W_]+(?:['’׳״\"\-־][^\W_]+)*")
#: A word that a hyphen splits (סיני-סובייטי is two): what quotes and tone words match against.
TOKEN = re.compile(r"[^\W_]+(?:['׳\"״’][^\W_]+)*")
_TERMINATOR = re.compile(r"([\"”״]?)(\.{1,3}|[!?]+|…)([\"”»״)\]’]*)")
_LETTER = re.compile(r"[^\W\d_]")
_HEB_LETTER = re.compile(r"[\u05d0-\u05ea]")
_QUOTE_OPEN = {"“": "”", "„": "”", "«": "»"}
_QUOTE_TOGGLE = {'"', "״"}


@dataclass(frozen=True)
class Section:
    """A heading and the text under it up to the next heading; the lead has level 1, no title."""

    section_id: int
    order: int
    level: int
    title: str
    parent_id: int | None
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One non-empty line of body text inside a section."""

    paragraph_id: int
    section_id: int
    order: int
    text: str
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a paragraph; ``n_citations`` counts removed-citation gaps it carries."""

    sentence_id: int
    paragraph_id: int
    section_id: int
    order: int
    text: str
    char_start: int
    char_end: int
    n_citations: int


@dataclass(frozen=True)
class Structure:
    """Sections, paragraphs and sentences of one body, in document order."""

    sections: list[Section]
    paragraphs: list[Paragraph]
    sentences: list[Sentence]


def collapse(text: str) -> str:
    """``text`` with every run of white space made one space, stripped."""
    # (str.split and the regex \s agree on what white space is; split is several times faster)
    return " ".join(text.split())


def parse(body: str, lang: str) -> Structure:
    """Split ``body`` into its sections, paragraphs and sentences."""
    abbreviations = _abbreviations(lang)
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    headings: list[tuple[int, int]] = []  # (level, section_id) of headings seen, for parents

    def open_section(level: int, title: str, start: int) -> None:
        parent = None
        for h_level, h_id in reversed(headings):
            if h_level < level:
                parent = h_id
                break
        sid = len(sections)
        if sections:
            sections[-1] = _with_end(sections[-1], start)
        sections.append(Section(sid, sid, level, title, parent, start, len(body)))
        if title:
            headings.append((level, sid))

    open_section(1, "", 0)
    para_order = 0
    for line in _LINE.finditer(body):
        text = line.group()
        heading = _HEADING.match(text)
        if heading and heading.group(2).strip(" ="):
            left, title, right = heading.groups()
            level = min(len(left), len(right))
            # MediaWiki keeps the surplus '=' of an unbalanced heading in its title.
            title = "=" * (len(left) - level) + title + "=" * (len(right) - level)
            open_section(level, collapse(title), line.start())
            para_order = 0
            continue
        if not text.strip():
            continue
        section_id = sections[-1].section_id
        pid = len(paragraphs)
        lead_ws = len(text) - len(text.lstrip())
        start = line.start() + lead_ws
        paragraphs.append(Paragraph(pid, section_id, para_order, collapse(text), start, line.end()))
        para_order += 1
        for order, (s, e, cites) in enumerate(split_sentences(body, start, line.end(), abbreviations)):
            sentences.append(
                Sentence(len(sentences), pid, section_id, order, collapse(body[s:e]), s, e, cites)
            )
    return Structure(sections, paragraphs, sentences)


def _with_end(section: Section, end: int) -> Section:
    return Section(section.section_id, section.order, section.level, section.title,
                   section.parent_id, section.char_start, end)


def split_sentences(
    text: str, start: int = 0, end: int | None = None, abbreviations: frozenset[str] = frozenset()
) -> Iterator[tuple[int, int, int]]:
    """Yield ``(char_start, char_end, n_citations)`` for each sentence of ``text[start:end]``.

    The span runs from the sentence's first character to its final punctuation (closing quotes
    and brackets included); citation gaps after it are counted with it.
    """
    end = len(text) if end is None else end
    protected = _protected_spans(text, start, end)
    bounds: list[int] = []
    for m in _TERMINATOR.finditer(text, start, end):
        if _is_boundary(text, m, end, abbreviations, protected):
            bounds.append(m.end())
    spans: list[tuple[int, int]] = []
    pos = start
    for b in [*bounds, end]:
        s = pos
        while s < b and text[s].isspace():
            s += 1
        e = b
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        pos = b
    if not spans:
        return
    gaps = [m.start() for m in _GAP.finditer(text, start, end)]
    counts = [0] * len(spans)
    i = 0
    for g in gaps:
        while i + 1 < len(spans) and spans[i + 1][0] <= g:
            i += 1
        counts[i] += 1
    for (s, e), n in zip(spans, counts, strict=True):
        yield s, e, n


def _is_boundary(text: str, m: re.Match, end: int, abbreviations: frozenset[str], protected) -> bool:
    pos = m.end()
    nxt = text[pos] if pos < end else ""
    if nxt and not nxt.isspace():
        # Glued to the next word: only a full stop after a closing quote ends a sentence there
        # (Hebrew extracts write `לאלבניה".בשנות`); `U.S`, `3.5` and `e.g` do not.
        if not (m.group(1) or m.group(3)) or not _LETTER.match(nxt):
            return False
    # Checked at the last character matched: a stop followed by the closing quote of its span
    # (`הסובייטים." באותו`) ends the sentence; a stop inside a quote does not.
    if _inside(protected, m.end() - 1):
        return False
    if m.group(2) == "." and not m.group(1):
        word = re.search(r"[^\s(\[\"“„«]*$", text[max(0, m.start() - 20): m.start()]).group()
        if word.lower() in abbreviations:
            return False
        if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word):
            return False  # an initial: J. F. Dulles, H.V. Evans
        if len(word) == 1 and "\u05d0" <= word <= "\u05ea" and text[m.start() - 2:m.start() - 1].isspace():
            return False  # a Hebrew initial (פבלו א. גרסיה): a lone letter is never a sentence's last word
    following = re.match(r"\s*[\"“„«(\[]*(\S)", text[pos:end])
    if following and following.group(1).islower() and following.group(1).isascii():
        return False  # English: a lower-case word after the stop continues the sentence
    return True


def _protected_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside quotes and parentheses, where a full stop does not end the sentence."""
    spans: list[tuple[int, int]] = []
    toggles: list[int] = []
    opened: list[tuple[int, str]] = []
    parens: list[int] = []
    for i in range(start, end):
        c = text[i]
        if c in _QUOTE_TOGGLE:
            if not is_gershayim(text, i):
                toggles.append(i)
        elif c in _QUOTE_OPEN:
            opened.append((i, _QUOTE_OPEN[c]))
        elif opened and c == opened[-1][1]:
            spans.append((opened.pop()[0], i))
        elif c == "(":
            parens.append(i)
        elif c == ")" and parens:
            spans.append((parens.pop(), i))
    # An odd number of straight quotes cannot be paired reliably: protect nothing then.
    if len(toggles) % 2 == 0:
        spans.extend(zip(toggles[::2], toggles[1::2], strict=True))
    return spans


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a < pos < b for a, b in spans)


def is_gershayim(text: str, i: int) -> bool:
    """True when the quote mark at ``text[i]`` is Hebrew gershayim inside an abbreviation
    (``ארה"ב``, ``ד"ר``, ``צה"ל``), not a quotation mark."""
    if i == 0 or i + 1 >= len(text):
        return False
    if not (_HEB_LETTER.match(text[i - 1]) and _HEB_LETTER.match(text[i + 1])):
        return False
    j = i + 1
    while j < len(text) and _HEB_LETTER.match(text[j]):
        j += 1
    # Abbreviations end one or two letters after the mark; a longer run is a quoted word
    # glued to a prefix letter (כ"רוויזיוניסטיות").
    # A hyphen after the run means a quoted compound (ש"אי-הזדהות), not an abbreviation.
    return j - (i + 1) <= 2 and not (j < len(text) and text[j] in _QUOTE_TOGGLE | {"-", "־"})


def words(text: str) -> list[str]:
    """The words of ``text``: letters and digits, joined by inner apostrophes, gershayim and
    hyphens (``הוג'ה``, ``ארה"ב``, ``איל-סונג`` are one word each)."""
    return _WORD.findall(text)


def count_words(text: str) -> int:
    """How many :func:`words` ``text`` has."""
    return sum(1 for _ in _WORD.finditer(text))


def terms(text: str, lang: str, vocabulary: set[str] | None = None) -> list[str]:
    """Content words of ``text`` for term counts: lower-cased, stop words dropped, and in
    Hebrew a prefix (ו ה ב ל מ ש כ and their combinations) stripped when what remains is itself
    a word of ``vocabulary`` (by default the words of ``text``)."""
    tokens = [w.lower() for w in words(text) if not w.isdigit()]
    vocab = set(tokens) if vocabulary is None else vocabulary
    stop = stopwords(lang)
    prefixes = prefix_combinations(lang)
    out = []
    for w in tokens:
        for p in prefixes:
            if w.startswith(p) and len(w) - len(p) >= 2 and w[len(p):] in vocab:
                w = w[len(p):]
                break
        if w not in stop and len(w) > 1:
            out.append(w)
    return out


def stopwords(lang: str) -> frozenset[str]:
    """Stop words of ``lang`` (from ``resources/<lang>/stopwords.yml``)."""
    return _frozen(lang, "stopwords", "stopwords")


@cache
def prefix_combinations(lang: str) -> tuple[str, ...]:
    """Prefix letter combinations of ``lang``, longest first (empty for English)."""
    data = resources.load(lang, "prefixes")
    return tuple(sorted(data.get("combinations", []), key=len, reverse=True))


def _abbreviations(lang: str) -> frozenset[str]:
    return _frozen(lang, "abbreviations", "abbreviations") | _frozen("en", "abbreviations", "abbreviations")


@cache
def _frozen(lang: str, name: str, key: str) -> frozenset[str]:
    return frozenset(str(x).lower() for x in resources.load(lang, name).get(key, []))


def term_counts(texts: Iterable[str], lang: str) -> pd.DataFrame:
    """A ``term, n`` table of the :func:`terms` of ``texts``, most frequent first (ties by term)."""
    texts = list(texts)
    vocabulary = {w.lower() for t in texts for w in words(t)}
    counts = Counter(term for t in texts for term in terms(t, lang, vocabulary))
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return pd.DataFrame(rows, columns=["term", "n"]).astype({"term": "string", "n": "int64"})
