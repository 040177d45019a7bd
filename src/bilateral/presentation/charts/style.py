"""The charts' style (``resources/style.yml``): matplotlib settings, colours and each chart's
words in English and Hebrew."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

import numpy as np
from matplotlib.colors import LinearSegmentedColormap, Normalize

from ... import resources
from ...tables import Tables
from ...vocab import lang_code
from ..focus import period_of, period_text

LRM = "\u200e"  # makes a signed number inside Hebrew text keep its sign on the left


@cache
def sheet() -> dict[str, Any]:
    """The whole style sheet, read once."""
    return resources.shared("style")


#: matplotlib settings of every chart; applied only inside ``plt.rc_context(STYLE)``.
STYLE: dict[str, Any] = dict(sheet()["rc"])


def chart_words(lang: str) -> dict[str, Any]:
    """The charts' words in ``lang``."""
    return sheet()["text"][lang_code(lang)]


@cache
def tone_cmap() -> LinearSegmentedColormap:
    """Cold blue through neutral grey to warm orange."""
    s = sheet()["tone"]
    return LinearSegmentedColormap.from_list("bilateral_tone", [s["cold"], s["neutral"], s["warm"]])


def tone_colors(tones: Iterable[float]) -> np.ndarray:
    """RGBA colours of ``tones`` (-1..1); an unknown tone (NaN) takes the neutral grey."""
    return tone_cmap()(Normalize(-1, 1)(np.nan_to_num(np.asarray(list(tones), dtype=float))))


def signed(value: float, lang: str) -> str:
    """A tone with its sign (a true minus), kept on the left in Hebrew text."""
    text = f"{value:+.2f}".replace("-", "\u2212")
    return LRM + text if lang == "he" else text


def nothing(words: dict, key: str, tables: Tables, lang: str) -> str:
    """The message ``key`` of an empty chart; for tables kept to a period, the message that says
    the period has nothing (the whole article may well have)."""
    period = period_of(tables)
    if period == (None, None):
        return words[key]
    return words[key + "_period"].format(period=period_text(period, "-" if lang == "he" else "–"))
