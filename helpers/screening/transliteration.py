"""French press spellings of Russian, Ukrainian and Belarusian names, read the English way.

French newspapers transliterate Cyrillic for French readers (Choïgou, Timtchenko,
Ianoukovitch) and lists use English-style or official romanisations (Shoigu,
Timchenko, Yanukovych). The matcher handles much of this, and a query is also
tried in the English reading given by the rules in
``helpers/data/screening/fr_transliteration.csv``; the original spelling is the
one reported.
"""

from __future__ import annotations

import csv
import re
from functools import cache, lru_cache

from normality import ascii_text

from helpers.paths import PACKAGE_DATA


@cache
def _rules() -> list[tuple[re.Pattern[str], str]]:
    with (PACKAGE_DATA / "screening" / "fr_transliteration.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    decode = lambda s: s.replace("\\x00", "\x00")  # noqa: E731 - the placeholder is written escaped
    return [(re.compile(decode(row["pattern"])), decode(row["replacement"])) for row in rows]


@lru_cache(maxsize=100_000)
def english_reading(name: str) -> str | None:
    """``name`` read as an English-style transliteration, or None when the rules change nothing."""
    words = []
    for word in ascii_text(name).lower().split():
        for pattern, replacement in _rules():
            word = pattern.sub(replacement, word)
        words.append(word)
    reading = " ".join(words)
    return reading if reading != ascii_text(name).lower() else None
