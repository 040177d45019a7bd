"""The pieces the narrative's sentences are made of: lines of literal text and values, dates and
tones in words, names, and the clauses quoted from the article.

Sentences come from templates in ``resources/<lang>/narrative.yml``; every value put into them
(names, dates, counts, tones, clauses from the article) comes from the tables. Rendered HTML
escapes every value and isolates it with ``<bdi>``, so Hebrew names inside English text (and
dates inside Hebrew text) keep their own direction; a signed number is isolated left to right,
so its sign stays on its left in Hebrew too.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cache

from ... import resources
from ...vocab import direction, lang_code
from ..names import name_parts

_FIELD = re.compile(r"\{(\w+)\}")
_WARMTH = ((0.5, "warm"), (0.15, "cordial"), (-0.15, "neutral"), (-0.5, "cool"))
_CLAUSE_CHARS = 180
LRM = "\u200e"  # a left-to-right mark: keeps a number's sign on its left inside Hebrew text


@dataclass(frozen=True)
class Line:
    """One sentence of the narrative: literal text and values, in order. A value is isolated in
    HTML (``<bdi>``); a left-to-right value (a signed number) is isolated left to right."""

    parts: tuple[tuple[str, bool | str], ...]  # (text, is_value: False, True or "ltr")

    def text(self) -> str:
        """The sentence as plain text."""
        return "".join(t for t, _ in self.parts)

    def html(self) -> str:
        """The sentence as HTML: values escaped and isolated in ``<bdi>``."""
        out = []
        for t, v in self.parts:
            if v == "ltr":
                # The mark stays inside too: a renderer that drops <bdi> still keeps the sign left.
                out.append(f'<bdi dir="ltr">{html.escape(t)}</bdi>')
            else:
                out.append(f"<bdi>{html.escape(t)}</bdi>" if v else html.escape(t))
        return "".join(out)


@dataclass(frozen=True)
class Number:
    """A signed number put into a line: it reads left to right in either language."""

    value: float

    def text(self, lang: str) -> str:
        """``+0.80``; in Hebrew led by a left-to-right mark, so the sign stays on the left."""
        return (LRM if lang == "he" else "") + f"{self.value:+.2f}"


@dataclass
class Narrative:
    """The report's text: sections of lines, in one language."""

    lang: str
    sections: list[tuple[str, str, list[Line]]] = field(default_factory=list)  # (key, heading, lines)

    @property
    def dir(self) -> str:
        """Text direction of the narrative's language."""
        return direction(self.lang)

    def text(self) -> str:
        """The whole narrative as plain text (headings as Markdown ``##``)."""
        out = []
        for _, heading, lines in self.sections:
            out.append(f"## {heading}")
            out.extend(line.text() for line in lines)
            out.append("")
        return "\n".join(out)

    def _repr_html_(self) -> str:
        blocks = []
        for key, heading, lines in self.sections:
            items = "".join(f"<p>{line.html()}</p>" for line in lines)
            blocks.append(f'<section class="narrative-{key}"><h3>{html.escape(heading)}</h3>{items}</section>')
        return f'<div class="narrative" lang="{self.lang}" dir="{self.dir}">{"".join(blocks)}</div>'

    def __str__(self) -> str:
        return self.text()


@cache
def phrases(lang: str) -> dict:
    """The narrative's templates in ``lang`` (``resources/<lang>/narrative.yml``)."""
    return resources.load(lang_code(lang), "narrative")


@cache
def _month_names(lang: str) -> dict[int, str]:
    months: dict[int, str] = {}
    for name, number in resources.load(lang_code(lang), "timex")["months"].items():
        if len(str(name)) > 3 or lang == "he":
            months.setdefault(int(number), str(name).capitalize() if lang != "he" else str(name))
    return months


def line(template: str, lang: str = "en", **values) -> Line:
    """A :class:`Line` from ``template`` with its ``{fields}`` filled from ``values``."""
    parts: list[tuple[str, bool | str]] = []
    pos = 0
    for m in _FIELD.finditer(template):
        if m.start() > pos:
            parts.append((template[pos:m.start()], False))
        value = values[m.group(1)]
        if isinstance(value, Line):
            parts.extend(value.parts)
        elif isinstance(value, Number):
            parts.append((value.text(lang), "ltr"))
        else:
            parts.append((str(value), True))
        pos = m.end()
    if pos < len(template):
        parts.append((template[pos:], False))
    return Line(tuple(parts))


def join(lines: list[Line], conjunction: str, lang: str) -> Line:
    """``A and B``; Hebrew attaches its conjunction to the second name (``א וב``)."""
    glue = f" {conjunction}" if lang == "he" else f" {conjunction} "
    parts: list[tuple[str, bool | str]] = []
    for i, one in enumerate(lines):
        if i:
            parts.append((glue, False))
        parts.extend(one.parts)
    return Line(tuple(parts))


def name_line(entity_row, lang: str) -> Line:
    """An entity's name as the article writes it, with its English name beside it in English;
    the two are isolated apart (one ``<bdi>`` around both would show a Hebrew name after its
    English bracket)."""
    name, english = name_parts(entity_row["name"], entity_row["canonical"], lang)
    if english:
        return line(phrases(lang)["name_with_canonical"], lang, name=name, canonical=english)
    return line("{name}", lang, name=name)


def format_date(iso: str, lang: str) -> str:
    """``1948-11-28`` -> ``28 November 1948`` / ``28 בנובמבר 1948``; ``1961-10`` -> ``October 1961``."""
    if not iso:
        return ""
    parts = [int(p) for p in iso.split("-")]
    months = _month_names(lang)
    if len(parts) == 1:
        return str(parts[0])
    month = months.get(parts[1], str(parts[1]))
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{parts[2]} ב{month} {parts[0]}" if lang == "he" else f"{parts[2]} {month} {parts[0]}"


def format_when(start: str, end: str, lang: str) -> str:
    """A human date for an event's start/end at the precision the article gives."""
    p = phrases(lang)
    if start and end and start != end:
        return p["date_range"].format(start=format_date(start, lang), end=format_date(end, lang))
    if start and not end:
        return p["after"].format(start=format_date(start, lang))
    if end and not start:
        return p["before"].format(end=format_date(end, lang))
    if not start:
        return p["present"]
    return format_date(start, lang)


def when_phrase(start: str, end: str, lang: str, around: bool = False) -> str:
    """The date of an event as a phrase that follows a verb: ``on 28 November 1948``, ``in
    October 1961``, ``between 1970 and 1979``, ``after 1990``, ``before 1985``; with ``around``, a point
    date is hedged (``around June 1977``), an open one never (not "around after 1990")."""
    p = phrases(lang)["when"]
    if (start and not end) or (end and not start) or not start:
        return format_when(start, end, lang)
    if start != end:
        return p["range"].format(start=format_date(start, lang), end=format_date(end, lang))
    if around:
        return p["around"].format(date=format_date(start, lang))
    return p[("year", "month", "day")[min(start.count("-"), 2)]].format(date=format_date(start, lang))


def warmth(tone: float, lang: str) -> str:
    """The word for a mean tone: warm, cordial, neutral, cool or cold."""
    for threshold, word in _WARMTH:
        if tone >= threshold if word in ("warm", "cordial") else tone > threshold:
            return phrases(lang)["warmth"][word]
    return phrases(lang)["warmth"]["cold"]


def reads_as_sentence(clause: str, lang: str) -> bool:
    """Whether a clause can stand as a sentence: it does not open in lower case (English) nor
    with a word that joins it to what comes before ("and", "when", ``כאשר``)."""
    words = clause.split()
    if not words:
        return False
    first = words[0].strip("\"'“”„(").casefold()
    openers = {str(w).casefold() for w in phrases(lang).get("clause_openers", [])}
    if first in openers:
        return False
    return lang == "he" or not words[0][:1].islower()


def clause(text: str, sentence: str = "", lang: str = "en") -> str:
    """A clause of the article to quote: its sentence instead when the clause cannot stand as a
    sentence, ending in a full stop, at most ``_CLAUSE_CHARS`` characters (cut at a word, "…")."""
    text = text.strip()
    if sentence and not reads_as_sentence(text, lang):
        text = sentence.strip()
    text = text.rstrip(" ,;:–—-")
    if len(text) > _CLAUSE_CHARS:
        return text[:_CLAUSE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:–—-") + "…"
    return text if text.endswith((".", "!", "?", "…", "\"", "”", ")")) else text + "."


def quote(text: str) -> str:
    """Quoted words without the punctuation that led out of them ("…than divides us,")."""
    text = text.strip().rstrip(" ,;:–—-")
    if len(text) > _CLAUSE_CHARS:
        return text[:_CLAUSE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:–—-") + "…"
    return text
