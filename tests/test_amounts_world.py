"""Amount rules of the dev28 round: the CLDR's dollar countries and their cities, the host's words, datelines,
dollar prefixes of the Caribbean and the Pacific, compound figures, statutory fines a few words after their
penalty word, a second cap coordinated by "another", and a range whose first end carries its unit."""

from __future__ import annotations

import pytest

from helpers.amounts.domains import address_currencies
from helpers.amounts.records import amount_records
from helpers.amounts.vocabulary import city_cues, load_local_currencies
from helpers.evaluation import blank_amount_pipeline


@pytest.fixture(scope="module")
def nlps():
    return {lang: blank_amount_pipeline(lang) for lang in ("fr", "en")}


def _read(nlps, lang: str, text: str, url: str | None = None) -> list[tuple[str, float | None, str | None, str | None]]:
    records = amount_records(nlps[lang](text), url=url)
    return [(r["text"], r["value"], r["currency"], r["threshold"]) for r in records]


def test_the_dollar_kind_holds_every_current_dollar_of_the_cldr():
    countries = load_local_currencies()["kinds"]["dollar"]["countries"]
    for code in ("JMD", "TTD", "BSD", "NAD", "FJD", "KYD", "XCD"):
        assert code in countries, code
        assert countries[code]["weak"], code
    # the hand lists keep their cues, and gain the CLDR's names
    assert "FINTRAC" in countries["CAD"]["strong"] and "Canada" in countries["CAD"]["weak"]
    assert "Jamaica" in countries["JMD"]["weak"] and "Kingston" in countries["JMD"]["weak"]
    rupees = load_local_currencies()["kinds"]["rupee"]["countries"]
    assert "MUR" in rupees and "Mauritius" in rupees["MUR"]["weak"]


def test_city_cues_are_capitals_and_big_cities_no_rival_of_the_same_name_dwarfs():
    assert "Kingston" in city_cues("JMD")  # far bigger than Kingston, Ontario
    assert "Nassau" in city_cues("BSD")
    assert "Manila" in city_cues("PHP")
    assert "London" not in city_cues("CAD")  # London, Ontario is dwarfed by London
    assert "Singapore" not in city_cues("SGD")  # a country's own name is no city cue


@pytest.mark.parametrize(("text", "currency"), [
    ("The Jamaica Constabulary Force said the cash limit in Jamaica is $1 million.", "JMD"),
    ("In Kingston, the court heard that Jamaica's proceeds law caps cash at $1 million.", "JMD"),
    ("Namibia's central bank in Windhoek fined the bank $2 million.", "NAD"),
    ("A US court fined the bank $2 million.", "USD"),
])
def test_a_bare_dollar_is_read_by_the_cldr_countries_the_text_names(nlps, text, currency):
    assert [c for _, _, c, _ in _read(nlps, "en", text)] == [currency]


def test_a_dateline_in_capitals_weighs_as_a_body(nlps):
    text = "SINGAPORE - Dealers who transact in cash worth more than $20,000 will have to report the deal."
    assert _read(nlps, "en", text) == [("$20,000", 20000.0, "SGD", "above")]
    # the same place in running text is a place, one cue among others
    assert [c for _, _, c, _ in _read(nlps, "en", "A Singapore dealer paid $20,000.")] == ["USD"]


@pytest.mark.parametrize(("url", "expected"), [
    ("https://jamaica-gleaner.com/article/news/20240101/cash", ("JMD",)),
    ("https://www.loopjamaica.com/content/fine", ("JMD",)),
    ("https://www.journaldemontreal.com/2020/01/01/amende", ("CAD",)),
    ("http://www.manilatimes.net/bill-amending-amla/334838/", ("PHP",)),
    ("https://www.usbank.com/about", ()),
])
def test_the_host_names_its_country_as_a_word_or_glued(url, expected):
    assert address_currencies(url) == expected


def test_a_national_marker_reads_the_country_of_the_host(nlps):
    text = "A proposed bill will set P5 million as the threshold for a single casino transaction."
    assert _read(nlps, "en", text) == []  # "P" names the peso or the pula: no cue, no guess
    assert _read(nlps, "en", text, url="http://www.manilatimes.net/bill-amending-amla/334838/") == [
        ("P5 million", 5000000.0, "PHP", "above")]


@pytest.mark.parametrize(("text", "expected"), [
    ("cash of less than J$1 million", [("J$1 million", 1000000.0, "JMD", "below")]),
    ("a fine of up to 500,000 TT dollars", [("500,000 TT dollars", 500000.0, "TTD", "below")]),
    ("fines up to a CI$20,000 cap.", [("CI$20,000", 20000.0, "KYD", "below")]),
    ("a penalty of EC$10,000", [("EC$10,000", 10000.0, "XCD", None)]),
    ("The N$50,000 fine was paid.", [("N$50,000", 50000.0, "NAD", None)]),
])
def test_caribbean_and_pacific_dollar_prefixes(nlps, text, expected):
    assert _read(nlps, "en", text) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "la saisie de plus de 1 million 700 mille dollars.", [("1 million 700 mille dollars", 1700000.0, "USD", "above")]),
    ("fr", "un préjudice de 2 millions 500 000 euros.", [("2 millions 500 000 euros", 2500000.0, "EUR", None)]),
    ("fr", "un montant de 1 milliard 200 millions de FCFA.", [("1 milliard 200 millions de FCFA", 1200000000.0, "XOF", None)]),
    ("en", "They seized 1 million 700 thousand dollars.", [("1 million 700 thousand dollars", 1700000.0, "USD", None)]),
    # a smaller number before is no part of it, nor one a comma or another word parts
    ("fr", "En 2019, 3 millions de personnes ont reçu 500 euros.", [("500 euros", 500.0, "EUR", None)]),
])
def test_a_whole_number_of_a_bigger_scale_before_an_amount_is_its_first_part(nlps, lang, text, expected):
    assert _read(nlps, lang, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The maximum penalty upon conviction is a fine of $1 million and imprisonment for seven years.", ["below"]),
    ("The maximum penalty is a fine of $500,000.", ["below"]),
    ("He was fined $5,000 by the court.", [None]),
    ("The agreement includes a price cap of $45 a barrel for fuel oil, and another of $100 a barrel for diesel.",
     ["below", "below"]),
    ("The Commission proposed to lower the price cap on Russian crude oil from $60 per barrel to $45.",
     ["below", "below"]),
    ("Prices ranged from $60 per barrel to $45.", [None, None]),
])
def test_english_statutory_fines_second_caps_and_ranges_with_units(nlps, text, expected):
    assert [t for _, _, _, t in _read(nlps, "en", text)] == expected


def test_french_second_cap_and_range_with_its_unit(nlps):
    text = "L'accord comprend un prix plafond de 45 euros le baril, et un autre de 100 dollars le baril pour le diesel."
    assert [t for _, _, _, t in _read(nlps, "fr", text)] == ["below", "below"]
    text = "abaisser le plafond de 60 dollars le baril à 45 dollars."
    assert [t for _, _, _, t in _read(nlps, "fr", text)] == ["below", "below"]


def test_an_amount_with_its_own_noun_before_the_copula_is_the_threshold(nlps):
    text = "P500,000 single transaction is the threshold but if you deposit P100,000, that is a pattern."
    assert _read(nlps, "en", text, url="http://www.manilatimes.net/x") == [
        ("P500,000", 500000.0, "PHP", "above"), ("P100,000", 100000.0, "PHP", None)]
    assert [t for _, _, _, t in _read(nlps, "en", "The $5 million figure is the total.")] == [None]


def test_withdrawal_thresholds_are_ceilings_and_declaration_thresholds_floors(nlps):
    text = "Les seuils de retrait seront désormais de 2,5 millions de FCFA par jour au lieu de 750 000 FCFA avant."
    assert [t for _, _, _, t in _read(nlps, "fr", text)] == ["below", "below"]
    assert [t for _, _, _, t in _read(nlps, "fr", "Le seuil de déclaration est de 5 millions de FCFA.")] == ["above"]


def test_an_australian_statute_in_the_address_names_the_australian_dollar(nlps):
    text = "Corporations can face fines up to $31.3 million per contravention."
    assert [c for _, _, c, _ in _read(nlps, "en", text)] == ["USD"]
    assert [c for _, _, c, _ in _read(nlps, "en", text, url="https://example.com/aml-ctf-penalties")] == ["AUD"]
