"""Publication dates: read in the article's language, as the publication's local date, at the precision given.

A date is stored as ISO 8601 text at the precision the source gives: ``2024-03-14``
(day), ``2024-03`` (month) or ``2024`` (year), with that precision beside it, so
"2023" never becomes 1 January 2023 as if the day were known. A time with an
offset (``2024-03-14T00:30+01:00``) keeps the day it was where it was published:
no shift to UTC. HTML pages are dated by htmldate from their markup; other
values and the first lines of a text are read by dateparser in the article's
language, day first where the language writes it so (``03/04/2024`` is 3 April
in French). Nothing relative ("hier", "2 hours ago") and no date without a
four-digit year is accepted: it would depend on the day the corpus is loaded.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

PRECISIONS = ("day", "month", "year")

#: dateparser's settings: absolute dates only, a year required, a missing day is the first.
_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["year"],
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
}
#: Languages whose numeric dates read month first; every other one reads day first.
_MONTH_FIRST = {"en"}

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")

#: Words that announce the publication date in a text's first lines, French and English.
_CUE = re.compile(
    r"\b(?:publié(?:e)?|mis(?:e)? à jour|modifié(?:e)?|paru(?:e)?|mise en ligne|"
    r"first published|published|updated|last updated|posted|dated?)\b\s*(?:le|on|:|—|–|-)?\s*",
    re.IGNORECASE,
)
#: Date-shaped pieces of text: numeric, ISO, "12 mars 2024", "1er mai 2022", "March 12, 2024", "mars 2024".
_DATE_SHAPE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.+\-Z]+)?"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{4}"
    r"|(?:\d{1,2}(?:er|st|nd|rd|th)?\s+)?[^\W\d_]{3,}\.?\s+\d{4}"
    r"|[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}",
)
_FIRST_LINES = 6
_BARE_LINE_CHARS = 40


@dataclass(frozen=True)
class PublicationDate:
    """A date as ISO text at its precision: ``value`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""

    value: str
    precision: str

    @classmethod
    def of(cls, day: date, precision: str) -> PublicationDate:
        text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]
        return cls(text, precision)


def parse_date(value: Any, *, lang: str = "") -> PublicationDate | None:
    """A metadata value (front matter, JSON, CSV) read as a publication date, or None.

    Args:
        value: a string, or the ``date``/``datetime`` YAML gives for an ISO value.
        lang: the article's language (ISO 639-1), for month names and day-first order.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):  # an offset kept by YAML: its local day, not UTC's
        return PublicationDate.of(value.date(), "day")
    if isinstance(value, date):
        return PublicationDate.of(value, "day")
    text = " ".join(str(value).split())
    if not text or not _YEAR.search(text):
        return None
    iso = _ISO.fullmatch(text)
    if iso:
        return _from_iso(*iso.groups())
    return _dateparser(text, lang)


def date_from_text(text: str, *, lang: str = "") -> PublicationDate | None:
    """The publication date announced in a text's first lines ("Publié le 12 mars 2024"), or None.

    A line that says it ("publié le", "mis à jour le", "published", "updated", ...)
    is read first; otherwise a short line that is only a date (a dateline).
    A date inside a sentence is what the article is about, not when it was
    published, and is left alone.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()][:_FIRST_LINES]
    for line in lines:
        for cue in _CUE.finditer(line):
            shape = _DATE_SHAPE.match(line, cue.end())
            found = parse_date(shape.group(0), lang=lang) if shape else None
            if found:
                return found
    for line in lines:
        if len(line) <= _BARE_LINE_CHARS and _DATE_SHAPE.fullmatch(line.rstrip(".")):
            found = parse_date(line.rstrip("."), lang=lang)
            if found and found.precision != "year":  # a lone year line is a heading, not a dateline
                return found
    return None


def date_from_html(html: str) -> PublicationDate | None:
    """The publication date in an HTML page's markup (meta tags, ``<time>``, JSON-LD), by htmldate.

    Only the markup is searched (no guess from the text or a copyright line);
    the original publication date wins over a later update.
    """
    from htmldate import find_date

    try:
        found = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError) as err:
        log.info("htmldate could not read the page: %s", err)
        return None
    return PublicationDate(found, "day") if found else None


def _from_iso(year: str, month: str | None, day: str | None) -> PublicationDate | None:
    try:
        if day:
            return PublicationDate.of(date(int(year), int(month), int(day)), "day")
        if month:
            return PublicationDate.of(date(int(year), int(month), 1), "month")
        return PublicationDate.of(date(int(year), 1, 1), "year")
    except ValueError:
        return None


def _dateparser(text: str, lang: str) -> PublicationDate | None:
    data = _parser(lang).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    precision = data.period if data.period in PRECISIONS else "day"  # "time" and "week" name a day
    return PublicationDate.of(data.date_obj.date(), precision)


@lru_cache(maxsize=32)
def _parser(lang: str):
    from dateparser.date import DateDataParser

    settings = {**_SETTINGS, "DATE_ORDER": "MDY" if lang in _MONTH_FIRST else "DMY"}
    try:  # dateparser checks the language on first use
        parser = DateDataParser(languages=[lang], settings=settings)
        parser.get_date_data("2000")
    except ValueError:  # a language dateparser does not know ("und", ""): detect it from the text
        parser = DateDataParser(settings=settings)
    return parser
