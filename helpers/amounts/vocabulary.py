"""Vocabularies of amounts, one JSON file per language and one of currencies, from ``helpers/data/amounts/``."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale, localedata
from babel.core import get_global

from helpers.paths import PACKAGE_DATA

#: Folder of the vocabularies: ``currencies.json``, ``local_currencies.json``, ``page_domains.json``,
#: ``<lang>.json``, ``sanctions.<lang>.txt``.
DATA_DIR = PACKAGE_DATA / "amounts"


def available_vocabularies() -> tuple[str, ...]:
    """Languages that have a vocabulary file in ``helpers/data/amounts/``."""
    shared = {"currencies", "local_currencies", "page_domains"}
    return tuple(sorted(p.stem for p in DATA_DIR.glob("*.json") if p.stem not in shared))


def default_vocabularies(lang: str) -> tuple[str, ...]:
    """The pipeline language's vocabulary, or all of them for another language."""
    available = available_vocabularies()
    # English first: its meaning wins where vocabularies disagree ("billion" = 10^9).
    return (lang,) if lang in available else tuple(sorted(available, key=lambda code: code != "en"))


@lru_cache(maxsize=None)
def load_language(lang: str) -> dict[str, Any]:
    """The vocabulary of one language, with its decimal mark and its sanctions phrases."""
    data = json.loads((DATA_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    data["decimal_mark"] = "," if data.get("number_format") == "fr" else "."
    phrases = _read_phrases(DATA_DIR / f"sanctions.{lang}.txt")
    data["sanctions"] = [p for p in phrases if not p.startswith("!")]
    # "!commission des sanctions": a phrase that holds a sanctions word and is not about sanctions.
    data["not_sanctions"] = [p[1:].strip() for p in phrases if p.startswith("!")]
    return data


def _read_phrases(path: Path) -> list[str]:
    if not path.exists():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@lru_cache(maxsize=None)
def load_currencies() -> dict[str, Any]:
    """Currency symbols, codes, crypto tickers and scale abbreviations, shared by every language."""
    return json.loads((DATA_DIR / "currencies.json").read_text(encoding="utf-8"))


def locale_prefixed_symbols() -> dict[str, str]:
    """Symbols that the locales of a currency's own countries write before the number ("RM", "NT$", "Rp").

    Read from the CLDR data that babel ships, for the fiat currencies of
    ``currencies.json``: a symbol counts when it holds a Latin letter and two
    characters or more ("R" alone is a word), names one currency only ("kr" is
    Swedish, Norwegian and Danish) and every locale that uses it puts it first
    ("Ksh" is written after the number in some Kenyan locales). The kit's own
    lists win where they name the symbol. Reading every locale takes seconds, so
    the result is kept in ``currencies.json`` ("locale_prefixed_symbols") and a
    test checks that it still matches babel's data.
    """
    cur = load_currencies()
    fiat = {code for code in cur["codes"].values() if code not in cur["crypto"]}
    countries: dict[str, set[str]] = defaultdict(set)
    for territory, entries in get_global("territory_currencies").items():
        for code, _start, end, tender in entries:
            if code in fiat and end is None and tender:
                countries[code].add(territory)
    seen: dict[str, set[tuple[str, bool]]] = defaultdict(set)
    for identifier in localedata.locale_identifiers():
        territory = identifier.rsplit("_", 1)[-1]
        codes = [code for code, where in countries.items() if territory in where]
        if not codes:
            continue
        locale = Locale.parse(identifier)
        first = locale.currency_formats["standard"].pattern.lstrip("\u200e\u200f").startswith("\u00a4")
        for code in codes:
            symbol = locale.currency_symbols.get(code)
            if symbol:
                seen[symbol].add((code, first))
    known = {*cur["symbols"], *cur["prefixed_symbols"], *cur["suffixed_symbols"], *cur["codes"], *cur["scaled_suffixes"]}
    return {
        symbol: next(iter(uses))[0]
        for symbol, uses in sorted(seen.items())
        if symbol not in known and len(symbol) >= 2 and any("a" <= c.lower() <= "z" for c in symbol)
        and len({code for code, _ in uses}) == 1 and all(first for _, first in uses)
    }


@lru_cache(maxsize=None)
def load_local_currencies() -> dict[str, Any]:
    """Currency markers that several countries share, and the cue words of each country (any language)."""
    return json.loads((DATA_DIR / "local_currencies.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def load_page_domains() -> dict[str, Any]:
    """How a page's web address names its country: generic domains, domains of no country, aliases."""
    return json.loads((DATA_DIR / "page_domains.json").read_text(encoding="utf-8"))


def merge_vocabularies(languages: Iterable[str], key: str) -> Any:
    """One entry of several vocabularies merged; earlier languages win on conflicts."""
    merged: Any = None
    for lang in languages:
        value = load_language(lang).get(key)
        if value is not None:
            merged = value if merged is None else _combine(merged, value)
    return merged


def _combine(first: Any, second: Any) -> Any:
    if isinstance(first, dict) and isinstance(second, dict):
        combined = dict(first)
        for key, value in second.items():
            combined[key] = _combine(combined[key], value) if key in combined else value
        return combined
    if isinstance(first, list) and isinstance(second, list):
        return first + [v for v in second if v not in first]
    return first
