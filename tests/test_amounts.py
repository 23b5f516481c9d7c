"""Tests of the money-amount tagger (``helpers.amounts``) on blank pipelines."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
import spacy

from helpers.amounts import RECORD_KEYS, amount_records, parse_number
from helpers.evaluation import blank_amount_pipeline, evaluate_amounts, load_amount_cases, score_amounts
from helpers.paths import PROJECT_ROOT, SEEDS
from helpers.text import normalize_text

CASES = Path(__file__).parent / "data" / "amounts_cases.jsonl"

SAMPLE_VAGUE = (
    "La réunion aurait eu lieu à la suite d'un travail effectué par Rosfin pour retracer des "
    "bitcoins (BTC) d'une valeur de « millions de dollars » qui avaient été levés par le "
    "politicien de l'opposition russe emprisonné Alexei Navalny."
)
SAMPLE_THRESHOLD = (
    "Cependant, comme indiqué hier, Binance a annoncé qu'en raison des mesures restrictives "
    "prises contre la Russie, il est nécessaire de limiter les services pour les ressortissants "
    "russes ou les personnes physiques résidant en Russie, ou les entités juridiques établies en "
    "Russie, qui ont des crypto-actifs dépassant la valeur de EUR 10 000 (10 900 USD)."
)


@pytest.fixture(scope="module")
def nlps() -> dict[str, spacy.Language]:
    return {lang: blank_amount_pipeline(lang) for lang in ("fr", "en", "xx")}


def records(nlps, lang: str, text: str) -> list[dict]:
    return amount_records(nlps[lang](text))


def summary(nlps, lang: str, text: str) -> list[tuple]:
    return [(r["text"], r["value"], r["currency"], r["threshold"]) for r in records(nlps, lang, text)]


# -- the sample article ----------------------------------------------------------


def test_amounts_sample_article_sentences(nlps):
    doc = nlps["fr"](SAMPLE_VAGUE + " " + SAMPLE_THRESHOLD)
    found = amount_records(doc)
    assert [(r["text"], r["value"], r["currency"], r["threshold"], r["vague"]) for r in found] == [
        ("millions de dollars", None, "USD", None, True),
        ("EUR 10 000", 10000.0, "EUR", "above", False),
        ("10 900 USD", 10900.0, "USD", "above", False),
    ]
    assert [r["sanctions_context"] for r in found] == [False, True, True]
    assert [r["linked_to"] for r in found] == [None, None, 1]
    assert found[0]["approximate"] is False


def test_amounts_sample_article_forbes_headline(nlps):
    assert summary(nlps, "fr", "Binance investit 200 millions de dollars dans Forbes") == [
        ("200 millions de dollars", 200000000.0, "USD", None)
    ]


def test_amounts_sample_article_bitcoins_alone_are_not_an_amount(nlps):
    assert records(nlps, "fr", "Rosfin a retracé des bitcoins (BTC) levés par Navalny.") == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("000_dc811fb2d9703db4.txt", ["millions de dollars", "EUR 10 000", "10 900 USD", "200 millions de dollars"]),
        ("03_treasury-hydra-garantex.md", ["$25 million"]),
        ("06_enwiki-anti-corruption-foundation.md", ["₽29.2 million", "28.5 million rubles", "₽45 million"]),
        ("13_frwiki-fondation-anticorruption.md", ["28,5 millions de roubles", "80 millions de roubles", "2 100 dollars"]),
        ("14_frwiki-ofac.md", ["30 millions de dollars", "4,2 millions de dollars"]),
        ("19_frwiki-faillite-ftx-brouillon.md", ["seize milliards de dollars", "473 millions de dollars"]),
        ("02_fincen-bitzlato.md", []),
        ("12_wiki-death-of-navalny.md", []),
    ],
)
def test_amounts_seed_articles(nlps, name, expected):
    path = SEEDS / name
    assert path.exists(), f"seed {name} is missing from seeds/"
    text = normalize_text(path.read_text(encoding="utf-8"))
    lang = "en" if re.search(r"^lang:\s*en", text, re.M) else "fr"
    assert [r["text"] for r in records(nlps, lang, text)] == expected


# -- number formats ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "amount", "value", "currency"),
    [
        ("fr", "Il a versé 10 000 € hier.", "10 000 €", 10000.0, "EUR"),
        ("fr", "Il a versé 10\u00a0000\u00a0€ hier.", "10\u00a0000\u00a0€", 10000.0, "EUR"),
        ("fr", "Il a versé 10\u202f000 € hier.", "10\u202f000 €", 10000.0, "EUR"),
        ("fr", "Il a versé 10\u2009000 € hier.", "10\u2009000 €", 10000.0, "EUR"),
        ("fr", "Une caution de 10.000 euros.", "10.000 euros", 10000.0, "EUR"),
        ("fr", "Un solde de 10 000,5 €.", "10 000,5 €", 10000.5, "EUR"),
        ("fr", "Le montant est de 1,5 million d'euros.", "1,5 million d'euros", 1.5e6, "EUR"),
        ("fr", "Il a payé 10'000 francs suisses.", "10'000 francs suisses", 10000.0, "CHF"),
        ("fr", "Il a payé 1.234.567,89 €.", "1.234.567,89 €", 1234567.89, "EUR"),
        ("fr", "Il détient 0,5 BTC.", "0,5 BTC", 0.5, "BTC"),
        ("fr", "Il détient 1,250 BTC.", "1,250 BTC", 1.25, "BTC"),
        ("en", "He paid $10,000 yesterday.", "$10,000", 10000.0, "USD"),
        ("en", "He paid $10.5 yesterday.", "$10.5", 10.5, "USD"),
        ("en", "He paid $10,000.50 yesterday.", "$10,000.50", 10000.5, "USD"),
        ("en", "He paid 1.5 million dollars.", "1.5 million dollars", 1.5e6, "USD"),
        ("en", "He paid CHF 10'000.", "CHF 10'000", 10000.0, "CHF"),
        ("en", "He paid £416,590.92 for it.", "£416,590.92", 416590.92, "GBP"),
        ("en", "He paid $10 000 in cash.", "$10 000", 10000.0, "USD"),
        ("xx", "Il a payé 10 000,5 €.", "10 000,5 €", 10000.5, "EUR"),
        ("xx", "He paid $10,000.5.", "$10,000.5", 10000.5, "USD"),
        ("xx", "Il a payé 10.000 €.", "10.000 €", 10000.0, "EUR"),
        ("xx", "He paid $10.5.", "$10.5", 10.5, "USD"),
        ("xx", "Il a payé 1,5 million d'euros.", "1,5 million d'euros", 1.5e6, "EUR"),
        ("xx", "Il a payé 1.234,56 €.", "1.234,56 €", 1234.56, "EUR"),
    ],
)
def test_amounts_number_formats(nlps, lang, text, amount, value, currency):
    assert summary(nlps, lang, text) == [(amount, value, currency, None)]


@pytest.mark.parametrize(
    ("raw", "decimal_mark", "decimal_only", "expected"),
    [
        ("10 000", ",", False, "10000"),
        ("10.000", ",", False, "10000"),
        ("10,000", ".", False, "10000"),
        ("10.5", ".", False, "10.5"),
        ("10,5", ",", False, "10.5"),
        ("1,5", ".", False, "1.5"),
        ("1.5", ",", False, "1.5"),
        ("10'000", ".", False, "10000"),
        ("1,500", ",", True, "1.500"),
        ("1.500", ".", True, "1.500"),
        ("1,500", ".", True, "1500"),
        ("0,125", ",", False, "0.125"),
        ("1,000,000", ",", False, "1000000"),
        ("1.000.000,50", ".", False, "1000000.50"),
        ("1,000.50", ",", False, "1000.50"),
        ("10,000", "auto", False, "10000"),
        ("10,5", "auto", False, "10.5"),
        # a dot and a space both grouping thousands in one number: "5.000 000 FCFA"
        ("5.000 000", ",", False, "5000000"),
        ("5.000 000", ",", True, "5000000"),
        ("10 000,50", ",", False, "10000.50"),
    ],
)
def test_parse_number_reads_language_conventions(raw, decimal_mark, decimal_only, expected):
    assert parse_number(raw, decimal_mark=decimal_mark, decimal_only=decimal_only) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comma and a stray space before a group of zeros still group thousands
        ("They may withdraw at most $500, 000 a week.", [("$500, 000", 500000.0)]),
        ("Cheques above $1, 000, 000 are barred.", [("$1, 000, 000", 1000000.0)]),
        ("It paid $2,500, 000 in fines.", [("$2,500, 000", 2500000.0)]),
        ("A fine of USD 40, 000 was set.", [("USD 40, 000", 40000.0)]),
        # near misses: a list of numbers, or a group that is not zeros, stays apart
        ("Fines were $500, 300 and 200.", [("$500", 500.0)]),
        ("Fees of $5, 500 were paid.", [("$5", 5.0)]),
    ],
)
def test_amounts_comma_space_before_zeros_groups_thousands(nlps, text, expected):
    assert [(a, v) for a, v, _, _ in summary(nlps, "en", text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a code or symbol before the number, the currency's plural unit after it: one amount
        ("en", "Transfers above Kes 70,000 shillings are taxed.", [("Kes 70,000 shillings", 70000.0, "KES")]),
        ("en", "He sent UGX 20 million shillings home.", [("UGX 20 million shillings", 2e7, "UGX")]),
        ("en", "They seized AED 50,000 dirhams in cash.", [("AED 50,000 dirhams", 50000.0, "AED")]),
        ("en", "The fine was £5,000 pounds.", [("£5,000 pounds", 5000.0, "GBP")]),
        ("fr", "Il a saisi USD 5 000 dollars.", [("USD 5 000 dollars", 5000.0, "USD")]),
        # near misses: a singular is the next noun's adjective, another currency's unit is not read
        ("en", "A USD 5 million dollar loan.", [("USD 5 million", 5e6, "USD")]),
        ("en", "He paid EUR 200 pounds of gold.", [("EUR 200", 200.0, "EUR")]),
    ],
)
def test_amounts_code_before_and_plural_unit_after_are_one_amount(nlps, lang, text, expected):
    assert [(a, v, c) for a, v, c, _ in summary(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the count in brackets between the number word and its scale
        ("en", "A fine of five (5) million dollars.", [("five (5) million dollars", 5e6)]),
        ("en", "A fine of twenty-five (25) million dollars.", [("twenty-five (25) million dollars", 25e6)]),
        ("fr", "Une amende de douze (12) millions FCFA.", [("douze (12) millions FCFA", 12e6)]),
        # and a range's left end written the same way shares the right end's scale
        ("fr", "Le plafond passe de deux (2) à trois (3) millions FCFA.",
         [("deux (2)", 2e6), ("trois (3) millions FCFA", 3e6)]),
        ("en", "The cap rose from two (2) to three (3) million dollars.",
         [("two (2)", 2e6), ("three (3) million dollars", 3e6)]),
        # near miss: the number written again after the scale is read as before
        ("fr", "Une amende de cinq millions (5.000.000) de francs CFA.",
         [("cinq millions (5.000.000) de francs CFA", 5e6)]),
    ],
)
def test_amounts_number_word_with_bracketed_digits_before_its_scale(nlps, lang, text, expected):
    assert [(a, v) for a, v, _, _ in summary(nlps, lang, text)] == expected


# -- currencies ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "amount", "value", "currency"),
    [
        ("en", "It cost €10,000.", "€10,000", 10000.0, "EUR"),
        ("fr", "Il coûte 10 000 €.", "10 000 €", 10000.0, "EUR"),
        ("fr", "Il coûte 500€.", "500€", 500.0, "EUR"),
        ("en", "They raised $ 50 M.", "$ 50 M", 5e7, "USD"),
        ("en", "US$700 million left.", "US$700 million", 7e8, "USD"),
        ("en", "The firm was fined ¥100,000.", "¥100,000", 1e5, "JPY"),
        ("en", "They paid ₽29.2 million.", "₽29.2 million", 29.2e6, "RUB"),
        ("en", "They paid ₴500,000.", "₴500,000", 5e5, "UAH"),
        ("en", "They paid CHF 5 million.", "CHF 5 million", 5e6, "CHF"),
        ("en", "They paid C$2.3 million.", "C$2.3 million", 2.3e6, "CAD"),
        ("en", "They paid A$500,000.", "A$500,000", 5e5, "AUD"),
        ("en", "They paid HK$1 billion.", "HK$1 billion", 1e9, "HKD"),
        ("fr", "Ils ont payé 2 500 000 $ US.", "2 500 000 $ US", 2.5e6, "USD"),
        ("fr", "Un prêt de EUR 10 000.", "EUR 10 000", 1e4, "EUR"),
        ("fr", "Un prêt de 10 900 USD.", "10 900 USD", 10900.0, "USD"),
        ("en", "A loan of USD 1.5bn.", "USD 1.5bn", 1.5e9, "USD"),
        ("fr", "Il a reçu 3 000 euros.", "3 000 euros", 3000.0, "EUR"),
        ("fr", "Il a reçu 1 euro.", "1 euro", 1.0, "EUR"),
        ("fr", "Il a reçu 3 000 dollars.", "3 000 dollars", 3000.0, "USD"),
        ("fr", "Il a reçu 3 000 dollars américains.", "3 000 dollars américains", 3000.0, "USD"),
        ("en", "He got 3,000 US dollars.", "3,000 US dollars", 3000.0, "USD"),
        ("fr", "Il a reçu 3 000 roubles.", "3 000 roubles", 3000.0, "RUB"),
        ("en", "He got 3,000 rubles.", "3,000 rubles", 3000.0, "RUB"),
        ("fr", "Il a reçu 3 000 livres sterling.", "3 000 livres sterling", 3000.0, "GBP"),
        ("fr", "Des billets de 50 livres britanniques.", "50 livres britanniques", 50.0, "GBP"),
        ("en", "He got 3,000 pounds.", "3,000 pounds", 3000.0, "GBP"),
        ("en", "He got 3,000 pounds sterling.", "3,000 pounds sterling", 3000.0, "GBP"),
        ("fr", "Il a reçu 3 000 yens.", "3 000 yens", 3000.0, "JPY"),
        ("en", "He got 3,000 yen.", "3,000 yen", 3000.0, "JPY"),
        ("fr", "Il a reçu 3 000 hryvnias.", "3 000 hryvnias", 3000.0, "UAH"),
        ("fr", "Il a reçu 3 000 francs suisses.", "3 000 francs suisses", 3000.0, "CHF"),
        ("fr", "Il a reçu 3 000 yuans.", "3 000 yuans", 3000.0, "CNY"),
        ("en", "He got 3,000 yuan.", "3,000 yuan", 3000.0, "CNY"),
        ("fr", "Il a reçu 30 bitcoins.", "30 bitcoins", 30.0, "BTC"),
        ("fr", "Il a reçu 30 ethers.", "30 ethers", 30.0, "ETH"),
        ("en", "He got 30,000 tether.", "30,000 tether", 30000.0, "USDT"),
        ("en", "He got 30,000 USDT.", "30,000 USDT", 30000.0, "USDT"),
        ("en", "He got 3,500 ETH.", "3,500 ETH", 3500.0, "ETH"),
        ("fr", "Ils ont dérobé 2 millions d'USDT.", "2 millions d'USDT", 2e6, "USDT"),
    ],
)
def test_amounts_currency_markers(nlps, lang, text, amount, value, currency):
    assert summary(nlps, lang, text) == [(amount, value, currency, None)]


# -- scales and written numbers -------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "amount", "value", "currency"),
    [
        ("en", "A $10k fee.", "$10k", 1e4, "USD"),
        ("fr", "Un salaire de 80 k€.", "80 k€", 8e4, "EUR"),
        ("en", "They paid 10K euros.", "10K euros", 1e4, "EUR"),
        ("en", "They raised €2.5m.", "€2.5m", 2.5e6, "EUR"),
        ("en", "They raised $20mn.", "$20mn", 2e7, "USD"),
        ("en", "They raised £2.3bn.", "£2.3bn", 2.3e9, "GBP"),
        ("fr", "Ils détiennent 3 Md€.", "3 Md€", 3e9, "EUR"),
        ("fr", "Ils détiennent 3 md€.", "3 md€", 3e9, "EUR"),
        ("fr", "Un contrat de 50 M€.", "50 M€", 5e7, "EUR"),
        ("fr", "Une levée de 200 M$.", "200 M$", 2e8, "USD"),
        ("fr", "Une levée de 1,5 Md$.", "1,5 Md$", 1.5e9, "USD"),
        ("fr", "Il a reçu 1 million d'euros.", "1 million d'euros", 1e6, "EUR"),
        ("fr", "Il a reçu 200 millions de dollars.", "200 millions de dollars", 2e8, "USD"),
        ("fr", "Il a reçu 1,55 milliard d'euros.", "1,55 milliard d'euros", 1.55e9, "EUR"),
        ("fr", "Il a reçu 4 milliards de dollars.", "4 milliards de dollars", 4e9, "USD"),
        ("en", "He got 2 billion dollars.", "2 billion dollars", 2e9, "USD"),
        ("en", "He got 2 trillion yen.", "2 trillion yen", 2e12, "JPY"),
        ("en", "They paid a $10-million penalty.", "$10-million", 1e7, "USD"),
        ("en", "Rewards Totaling $6 Million.", "$6 Million", 6e6, "USD"),
        ("fr", "Un demi-million d'euros a été saisi.", "Un demi-million d'euros", 5e5, "EUR"),
        ("fr", "Il a reçu trois millions d'euros.", "trois millions d'euros", 3e6, "EUR"),
        ("fr", "Une caution de dix mille euros.", "dix mille euros", 1e4, "EUR"),
        ("fr", "Il a reçu cent mille euros.", "cent mille euros", 1e5, "EUR"),
        ("fr", "Il a payé vingt-cinq millions de dollars.", "vingt-cinq millions de dollars", 2.5e7, "USD"),
        ("fr", "Il a payé quatre-vingt-dix mille euros.", "quatre-vingt-dix mille euros", 9e4, "EUR"),
        ("fr", "Un million et demi d'euros a été saisi.", "Un million et demi d'euros", 1.5e6, "EUR"),
        ("fr", "Il a payé près d'un milliard de dollars.", "un milliard de dollars", 1e9, "USD"),
        ("en", "They lost two million dollars.", "two million dollars", 2e6, "USD"),
        ("en", "A million dollars was found.", "A million dollars", 1e6, "USD"),
        ("en", "Half a billion dollars vanished.", "Half a billion dollars", 5e8, "USD"),
        ("en", "One and a half million dollars vanished.", "One and a half million dollars", 1.5e6, "USD"),
        ("en", "They wired one hundred thousand dollars.", "one hundred thousand dollars", 1e5, "USD"),
    ],
)
def test_amounts_scales_and_written_numbers(nlps, lang, text, amount, value, currency):
    assert summary(nlps, lang, text) == [(amount, value, currency, None)]


# -- ranges and shared currencies --------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Damages range between €1m and €5m.", [("€1m", 1e6), ("€5m", 5e6)]),
        ("fr", "Une amende de 3 000 à 10 000 € selon les cas.", [("3 000", 3e3), ("10 000 €", 1e4)]),
        ("en", "Bribes of $1-2 million were paid.", [("$1", 1e6), ("2 million", 2e6)]),
        ("fr", "Un coût entre 1 et 5 millions d'euros.", [("1", 1e6), ("5 millions d'euros", 5e6)]),
        ("fr", "Un préjudice de 10 à 20 millions d'euros.", [("10", 1e7), ("20 millions d'euros", 2e7)]),
        ("en", "Fines range from 5,000 to 10,000 euros.", [("5,000", 5e3), ("10,000 euros", 1e4)]),
        ("en", "Bribes from $5 to 10 million.", [("$5", 5e6), ("10 million", 1e7)]),
        (
            "fr",
            "Ils ont perdu 573,6 millions et 1,55 milliard d'euros.",
            [("573,6 millions", 573.6e6), ("1,55 milliard d'euros", 1.55e9)],
        ),
        (
            "en",
            "They held 573.6 million and 1.55 billion euros.",
            [("573.6 million", 573.6e6), ("1.55 billion euros", 1.55e9)],
        ),
        (
            "fr",
            "Ils ont perdu 2 millions, 5 millions et 7 millions d'euros.",
            [("2 millions", 2e6), ("5 millions", 5e6), ("7 millions d'euros", 7e6)],
        ),
    ],
)
def test_amounts_ranges_and_lists_share_currency_and_scale(nlps, lang, text, expected):
    found = records(nlps, lang, text)
    assert [(r["text"], r["value"]) for r in found] == expected
    assert len({r["currency"] for r in found}) == 1 and found[0]["currency"] is not None


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Entre 2019 et 2021, la plateforme a traité 4,5 milliards d'euros.", ["4,5 milliards d'euros"]),
        ("fr", "En 2022, 500 000 euros ont été saisis.", ["500 000 euros"]),
        ("en", "The firm paid $5 million and 200 employees left.", ["$5 million"]),
        ("en", "In 2021 and 2022 $5 million was paid.", ["$5 million"]),
    ],
)
def test_amounts_ranges_do_not_swallow_other_numbers(nlps, lang, text, expected):
    assert [r["text"] for r in records(nlps, lang, text)] == expected


# -- thresholds ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Transfers exceeding $10,000 are reported."),
        ("en", "Transfers in excess of $10,000 are reported."),
        ("en", "Transfers of more than $10,000 are reported."),
        ("en", "Transfers over $10,000 are reported."),
        ("en", "Transfers above $10,000 are reported."),
        ("en", "Transfers of at least $10,000 are reported."),
        ("en", "Transfers of $10,000 or more are reported."),
        ("en", "Transfers upwards of $10,000 are reported."),
        ("en", "Transfers greater than $10,000 are reported."),
        ("en", "Transfers worth no less than $10,000 are reported."),
        ("en", "Payments of $5,000 a month or more are reported."),
        ("en", "A $10,000-plus fee is charged."),
        ("fr", "Les avoirs dépassant 10 000 € sont gelés."),
        ("fr", "Le prix dépasse 10 000 €."),
        ("fr", "Les avoirs excédant 10 000 € sont gelés."),
        ("fr", "Les avoirs supérieurs à 10 000 € sont gelés."),
        ("fr", "Les sommes supérieures à 10 000 € sont gelées."),
        ("fr", "Les avoirs au-delà de 10 000 € sont gelés."),
        ("fr", "Les avoirs au-delà d'un million d'euros sont gelés."),
        ("fr", "Il a reçu plus de 10 000 €."),
        ("fr", "Il a reçu plus d'un million d'euros."),
        ("fr", "Il a reçu au moins 10 000 €."),
        ("fr", "Les dépôts à partir de 10 000 € sont interdits."),
        ("fr", "Toute somme égale ou supérieure à 10 000 € est déclarée."),
        ("fr", "Un dépôt minimum de 10 000 € est exigé."),
        ("fr", "Les ventes de 5 000 euros ou plus sont contrôlées."),
        ("fr", "Il ne peut pas détenir pas moins de 10 000 €."),
        ("fr", "Des crypto-actifs dépassant la valeur de EUR 10 000 sont visés."),
        # A prohibition names the banned side: above.
        ("fr", "Les paiements en espèces au-delà de 1 000 euros sont interdits."),
        ("fr", "L'interdiction de payer plus de 1 000 euros en liquide s'appliquera aux achats."),
        ("fr", "Les déposants ne peuvent pas y déposer plus de 22 950 euros."),
        ("fr", "Les Russes ne peuvent plus détenir plus de 10 000 € sur leurs comptes."),
        ("en", "The statute prohibits monetary transactions exceeding $10,000."),
        ("en", "Banks may not accept deposits exceeding €100,000 from Russian nationals."),
        ("en", "The rules ban cash payments of more than 10,000 euros."),
        ("en", "Most countries follow a $1,000 threshold for crypto transactions."),
        ("fr", "Les transferts de capitaux d’un montant au moins égal à 10.000 € doivent être déclarés."),
        # a demonstrative before the noun of the amount
        ("fr", "Aucune compagnie ne pourra vendre de pétrole russe au-dessus de ce prix de 45 dollars."),
        ("fr", "Aucune compagnie ne pourra vendre au-delà de ce plafond de 45 dollars."),
        ("en", "No tanker may carry oil sold above this price of $45."),
    ],
)
def test_amounts_threshold_above(nlps, lang, text):
    assert [r["threshold"] for r in records(nlps, lang, text)] == ["above"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gifts of up to $500 are allowed."),
        ("en", "Withdrawals not exceeding €1,000 are allowed."),
        ("en", "Loans of no more than $25,000 qualify."),
        ("en", "Accounts with less than $10,000 are exempt."),
        ("en", "Purchases under $600 are exempt."),
        ("en", "Payments below €1,000 are exempt."),
        ("en", "Each customer can hold $5,000 or less."),
        ("en", "A maximum of $5,000 can be withdrawn."),
        ("en", "Fees are capped at $50."),
        ("en", "Payments are limited to €2,000."),
        ("en", "A cap of $60 per barrel applies."),
        ("en", "The ceiling of $60 per barrel applies."),
        ("en", "The price cap is set at $60 per barrel."),
        ("en", "The US imposed a $60-a-barrel price cap."),
        ("en", "The Treasury capped Russian oil at $60 a barrel."),
        ("fr", "Le G7 plafonne le prix du baril russe à 60 dollars."),
        ("en", "Offenders face up to 20 years in prison and a $1 million fine."),
        ("fr", "L'amende peut aller jusqu'à 5 000 000 €."),
        ("fr", "Les virements n'excédant pas 5 000 € sont autorisés."),
        ("fr", "Les virements ne dépassant pas 5 000 € sont autorisés."),
        ("fr", "Les virements inférieurs à 1 000 euros sont exemptés."),
        ("fr", "La somme inférieure à 1 000 euros est exemptée."),
        ("fr", "Il a dépensé moins de 500 dollars."),
        ("fr", "Le G7 a fixé un plafond de 60 dollars par baril."),
        ("fr", "Les dépenses sont plafonnées à 2 000 € par mois."),
        ("fr", "Le retrait est limité à 1 000 euros par jour."),
        ("fr", "L'amende peut atteindre 10 000 euros au maximum."),
        ("fr", "Ils encourent jusqu'à 5 ans de prison et 500 000 € d'amende."),
        ("fr", "La somme ne doit pas dépasser 5 000 €."),
        ("fr", "Les sommes qui n'ont pas dépassé 5 000 € sont exemptées."),
        ("en", "Payments must not exceed $5,000."),
        ("en", "Payments can't exceed $5,000."),
        ("en", "The price did not go above $60."),
        ("en", "Payments may not be more than $5,000."),
        # caps written after the amount, an alternative in brackets, a maximal threshold
        ("en", "OFAC implemented a $60 “price cap” on Russian crude oil."),
        ("en", "The G7 nations introduced a $60 crude price cap in December 2022."),
        ("en", "Western countries set the $60 oil price cap on Russian oil."),
        ("en", "Parliament voted a €10,000 limit on cash payments."),
        ("en", "The deposit insurance coverage was permanently raised to $250,000 per depositor."),
        ("fr", "Le LEP possède un seuil maximal de dépôt de 10 000 €, sous conditions de revenus."),
        ("fr", "Le montant ne peut être supérieur à 100 millions d'euros."),
        ("fr", "Les paiements ne peuvent pas excéder 10 000 €."),
    ],
)
def test_amounts_threshold_below(nlps, lang, text):
    assert [r["threshold"] for r in records(nlps, lang, text)] == ["below"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le prix dépasse le plafond de 60 dollars fixé par le G7."),
        ("fr", "Le pétrole se vend au-dessus du plafond de 60 $."),
        ("en", "Tankers were selling above the price cap of $60."),
        ("en", "Russian oil traded well above the $60 cap."),
    ],
)
def test_amounts_threshold_comparison_beats_cap(nlps, lang, text):
    assert [r["threshold"] for r in records(nlps, lang, text)] == ["above"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Binance had a market cap of $1.3 billion."),
        ("fr", "Le prix est fixé à 15 000 euros."),
        ("en", "Prices rose 7% to $1,850 an ounce."),
        ("fr", "Binance investit 200 millions de dollars dans Forbes."),
        ("en", "He moved more than doubled to $5 million."),
    ],
)
def test_amounts_threshold_absent(nlps, lang, text):
    assert [r["threshold"] for r in records(nlps, lang, text)] == [None]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The EU price cap is $60 per barrel for crude and $100 for premium products.", [("$60", "below"), ("$100", "below")]),
        ("fr", "Une amende dont le montant ne peut dépasser 1 500€ (ou 3 000 € s'il s'agit d'une récidive).",
         [("1 500€", "below"), ("3 000 €", "below")]),
    ],
)
def test_amounts_threshold_shared_by_coordinated_amount(nlps, lang, text, expected):
    found = records(nlps, lang, text)
    assert [(r["text"], r["threshold"]) for r in found] == expected


# -- conversions, approximations, vague amounts ------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Des avoirs dépassant EUR 10 000 (10 900 USD).", [("EUR 10 000", "above", None), ("10 900 USD", "above", 0)]),
        ("en", "Fines above €100,000 ($109,000) apply.", [("€100,000", "above", None), ("$109,000", "above", 0)]),
        ("en", "The fine was €100,000 ($109,000).", [("€100,000", None, None), ("$109,000", None, 0)]),
        (
            "fr",
            "La somme de 10 000 euros (environ 10 900 dollars) a été saisie.",
            [("10 000 euros", None, None), ("10 900 dollars", None, 0)],
        ),
        (
            "fr",
            "Une rançon de 40 BTC, soit environ 1,2 million d'euros, a été versée.",
            [("40 BTC", None, None), ("1,2 million d'euros", None, 0)],
        ),
        ("fr", "Il a payé 50 000 € et 10 000 € d'amende.", [("50 000 €", None, None), ("10 000 €", None, None)]),
        # after a comma, an approximation in another currency (and only in another one)
        (
            "fr",
            "Il appliquerait un seuil de 1 000 francs suisses, environ 997 dollars au moment de la rédaction.",
            [("1 000 francs suisses", "above", None), ("997 dollars", "above", 0)],
        ),
        ("fr", "Il a payé 5 000 euros, environ 10 000 euros de plus que prévu.",
         [("5 000 euros", None, None), ("10 000 euros", None, None)]),
        # ", which is equivalent to about" restates the amount in another currency
        (
            "en",
            "G7 countries have set a price cap for Russian crude oil of $60 per barrel, which is equivalent to about 55.83 euros.",
            [("$60", "below", None), ("55.83 euros", "below", 0)],
        ),
        ("en", "The firm paid $60, which is about a third of the fee of $180.", [("$60", None, None), ("$180", None, None)]),
    ],
)
def test_amounts_links_converted_amounts(nlps, lang, text, expected):
    assert [(r["text"], r["threshold"], r["linked_to"]) for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "approximate"),
    [
        ("fr", "Il a reçu environ 2 100 dollars.", True),
        ("fr", "Il a reçu près de 2 100 dollars.", True),
        ("fr", "Il a reçu approximativement 2 100 dollars.", True),
        ("fr", "Il a reçu quelque 2 100 dollars.", True),
        ("en", "He got about $2,100.", True),
        ("en", "He got nearly $2,100.", True),
        ("en", "He got approximately $2,100.", True),
        ("en", "He got around $2,100.", True),
        ("en", "He got roughly $2,100.", True),
        ("en", "He got some $2,100.", True),
        ("en", "He got an estimated $2,100.", True),
        ("en", "He got almost $2,100.", True),
        ("en", "He got $2,100.", False),
        ("fr", "Il a reçu 2 100 dollars.", False),
    ],
)
def test_amounts_approximate(nlps, lang, text, approximate):
    found = records(nlps, lang, text)
    assert [(r["approximate"], r["threshold"]) for r in found] == [(approximate, None)]


@pytest.mark.parametrize(
    ("lang", "text", "amount", "currency"),
    [
        ("fr", "Il aurait détourné des millions de dollars.", "des millions de dollars", "USD"),
        ("fr", "Une valeur de « millions de dollars ».", "millions de dollars", "USD"),
        ("fr", "Plusieurs millions d'euros ont transité.", "Plusieurs millions d'euros", "EUR"),
        ("fr", "La Russie a tiré des milliards d'euros du gaz.", "des milliards d'euros", "EUR"),
        ("fr", "Des dizaines de millions de dollars ont été blanchis.", "Des dizaines de millions de dollars", "USD"),
        ("en", "Oligarchs hold hundreds of millions of dollars.", "hundreds of millions of dollars", "USD"),
        ("en", "Russia earned billions of euros.", "billions of euros", "EUR"),
        ("en", "The fund manages tens of millions of dollars.", "tens of millions of dollars", "USD"),
        ("en", "He has several million dollars.", "several million dollars", "USD"),
    ],
)
def test_amounts_vague(nlps, lang, text, amount, currency):
    found = records(nlps, lang, text)
    assert [(r["text"], r["value"], r["currency"], r["vague"]) for r in found] == [(amount, None, currency, True)]


# -- not amounts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Plus de 100 000 transactions ont été analysées."),
        ("fr", "Le taux a augmenté de 15 % en 2022."),
        ("fr", "En 2021, la plateforme a fermé."),
        ("fr", "L'article 8 du règlement s'applique."),
        ("fr", "Le règlement (UE) n° 833/2014 a été modifié."),
        ("fr", "Appelez le 01 23 45 67 89 avant 18 h 30."),
        ("fr", "Le 24 février 2022 à 14:19, la Russie a envahi l'Ukraine."),
        ("fr", "Le décret n° 2021-1234 du 23/09/2021 s'applique."),
        ("fr", "Binance propose des échanges BTC et USDT contre des roubles."),
        ("fr", "Le village se trouve à 600 m de la centrale."),
        ("fr", "Il vaut un dollar symbolique."),
        ("fr", "Il a perdu des millions."),
        ("en", "Executive Order 14024 was signed in 2021."),
        ("en", "Nearly 80 percent of assets are targeted."),
        ("en", "Binance handles an estimated 60% of trading."),
        ("en", "Call +1 202 622 2490 before 5:30 p.m."),
        ("en", "Garantex received hundreds of millions in criminal proceeds."),
        ("en", "The address bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh received funds."),
        ("en", "The address 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed received 3 transfers."),
        ("en", "Account 4021 7788 9912 was closed."),
        ("en", "It cost 20 pounds of flour."),
        ("en", "The fine follows a review of more than 500,000 USDT transfers."),
        ("en", "The US dollar fell against the euro."),
        ("en", "A dollar-denominated bond was issued."),
        ("xx", "Plus de 100 000 transactions en 2021, article 8, 15 %."),
    ],
)
def test_amounts_ignores_non_amounts(nlps, lang, text):
    assert records(nlps, lang, text) == []


# -- sanctions context ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "sanctions"),
    [
        ("fr", "Les sanctions visent 2 milliards d'euros d'avoirs.", True),
        ("fr", "L'oligarque sanctionné détient 2 milliards d'euros.", True),
        ("fr", "Les mesures restrictives visent 2 milliards d'euros.", True),
        ("fr", "Le gel des avoirs porte sur 2 milliards d'euros.", True),
        ("fr", "L'embargo a coûté 2 milliards d'euros.", True),
        ("fr", "L'OFAC a saisi 2 milliards d'euros.", True),
        ("fr", "La fondation a reçu 2 milliards d'euros.", False),
        ("en", "The SDN list entry holds $2 billion.", True),
        ("en", "The price cap cost Russia $2 billion.", True),
        ("en", "The asset freeze covers $2 billion.", True),
        ("en", "Restrictive measures cover $2 billion.", True),
        ("en", "Designated banks hold $2 billion.", True),
        ("en", "Blocked property worth $2 billion.", True),
        ("en", "The company raised $2 billion.", False),
        ("en", "The sdn of $2 billion.", False),
    ],
)
def test_amounts_sanctions_context(nlps, lang, text, sanctions):
    assert [r["sanctions_context"] for r in records(nlps, lang, text)] == [sanctions]


def test_amounts_sanctions_context_stays_in_its_sentence(nlps):
    found = records(nlps, "fr", "Les sanctions ont été adoptées en mars. La fondation a reçu 2 millions d'euros.")
    assert [r["sanctions_context"] for r in found] == [False]


def test_amounts_sanctions_context_stops_at_line_break(nlps):
    found = records(nlps, "fr", "Budget\nLa fondation a reçu 2 millions d'euros[2]\nLes comptes sont gelés.")
    assert [r["sanctions_context"] for r in found] == [False]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Breaches of financial sanctions can attract criminal and civil penalties. "
               "The maximum fine that can be imposed is £1,000,000.", [True]),
        ("en", "The bank breached the anti-money laundering provisions of the BSA. "
               "It agreed to a $1 million civil money penalty.", [True]),
        ("en", "The fine was for a payment to a Russian bank account belonging to a designated person.\n"
               "The fine was initially set at £400,000.", [True]),
        ("fr", "La banque est sanctionnée pour avoir contourné des sanctions économiques. "
               "Elle a accepté de payer 6,6 milliards d'euros d'amende.", [True]),
        # a sentence that names no fine or penalty keeps its own context
        ("en", "The sanctions were adopted in March. The foundation received $2 million.", [False]),
        # nor does the context cross a paragraph
        ("en", "The sanctions were adopted in March.\n\nThe company paid a $2 million fine.", [False]),
        # only the fine or penalty takes it, and a range from it; the other amounts of its sentence do not
        ("en", "The MAS fined nine banks for breaching its anti-money laundering requirements.\n"
               "The penalties come after the MAS completed its supervisory examinations of banks with connections to "
               "persons of interest in the record $3 billion laundering case.", [False]),
        ("en", "Breaches of financial sanctions are penalised. The maximum civil penalty per violation rises from "
               "$50,000 to $1,000,000.", [True, True]),
        ("fr", "L'affaire portait sur le blanchiment de fraude fiscale. En acceptant de régler une amende de "
               "300 millions d'euros, soit 20 % des avoirs soustraits à l'impôt, qui s'élevaient à 1,6 milliard d'euros, "
               "la banque a évité un procès.", [True, False]),
        # a fine takes the context of its paragraph: the two sentences before it and the one after
        ("fr", "Les sanctions ont été adoptées en mars. La fondation a déménagé. "
               "Elle a payé une amende de 2 000 euros.", [True]),
        ("fr", "Une amende de 787,3 millions de dollars. Telle est la pénalité pour avoir violé des embargos "
               "américains.", [True]),
        # three sentences before is another matter
        ("fr", "Les sanctions ont été adoptées en mars. La fondation a déménagé. Son siège est à Lyon. "
               "Elle a payé une amende de 2 000 euros.", [False]),
    ],
)
def test_amounts_sanctions_context_of_a_penalty_reaches_the_sentence_before(nlps, lang, text, expected):
    assert [r["sanctions_context"] for r in records(nlps, lang, text)] == expected


# -- component interface -----------------------------------------------------------------------


def test_amounts_span_group_and_extensions(nlps):
    doc = nlps["fr"](SAMPLE_THRESHOLD)
    spans = list(doc.spans["amounts"])
    assert [s.text for s in spans] == ["EUR 10 000", "10 900 USD"]
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    first, second = spans
    assert (first._.amount_value, first._.amount_currency, first._.amount_threshold) == (10000.0, "EUR", "above")
    assert (first._.amount_approximate, first._.amount_vague, first._.amount_sanctions) == (False, False, True)
    assert first._.amount_linked_to is None and second._.amount_linked_to == 0


def test_amount_records_are_plain_json(nlps):
    doc = nlps["fr"](SAMPLE_VAGUE + " " + SAMPLE_THRESHOLD)
    found = amount_records(doc)
    assert all(tuple(r) == RECORD_KEYS for r in found)
    assert json.loads(json.dumps(found)) == found
    for r in found:
        assert doc.text[r["start"]:r["end"]] == r["text"]
        assert r["sentence_start"] <= r["start"] < r["end"] <= r["sentence_end"]


def test_amounts_without_sentencizer_use_whole_doc(nlps):
    nlp = spacy.blank("fr")
    nlp.add_pipe("dossier_amounts")
    text = "Les sanctions ont été adoptées. La fondation a reçu 2 millions d'euros."
    assert [(r["sanctions_context"], r["sentence_start"], r["sentence_end"]) for r in amount_records(nlp(text))] == [
        (True, 0, len(text))
    ]


def test_amounts_long_digit_runs_stay_fast(nlps):
    import time

    text = " ".join(["123"] * 2000) + " personnes."
    started = time.perf_counter()
    assert records(nlps, "fr", text) == []
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("lang", ["fr", "en", "xx"])
def test_amounts_empty_and_amountless_docs(nlps, lang):
    assert records(nlps, lang, "") == []
    assert list(nlps[lang]("Rien ici. Nothing here.").spans["amounts"]) == []


def test_amounts_config_decimal_mark_override():
    nlp = spacy.blank("de")
    nlp.add_pipe("dossier_amounts", config={"decimal_mark": ",", "vocabularies": ["fr", "en"]})
    assert [r["value"] for r in amount_records(nlp("Er zahlte 10,5 € und 1.000 euros."))] == [10.5, 1000.0]


def test_amounts_config_rejects_unknown_decimal_mark():
    with pytest.raises(ValueError, match="decimal_mark"):
        spacy.blank("en").add_pipe("dossier_amounts", config={"decimal_mark": ";"})


# -- test set and scoring --------------------------------------------------------------------


def test_score_amounts_is_strict():
    gold = [[{"text": "$5", "value": 5.0, "currency": "USD", "threshold": None}]]
    right = [[{"text": "$5", "value": 5.0, "currency": "USD", "threshold": None, "vague": False, "linked_to": None}]]
    wrong = [[{"text": "$5", "value": 5.0, "currency": "USD", "threshold": "above", "vague": False, "linked_to": None}]]
    assert (score_amounts(right, gold)["tp"], score_amounts(right, gold)["f1"]) == (1, 1.0)
    scores = score_amounts(wrong, gold)
    assert (scores["tp"], scores["fp"], scores["fn"]) == (0, 1, 1)


def test_amount_cases_cover_both_languages_and_non_amounts():
    cases = load_amount_cases(CASES)
    by_lang = {lang: [c for c in cases if c["lang"] == lang] for lang in ("fr", "en")}
    assert len(cases) >= 150 and set(c["lang"] for c in cases) == {"fr", "en"}
    assert all(len(group) >= 0.35 * len(cases) for group in by_lang.values())  # dev7 and dev14 are French only
    assert sum(1 for c in cases if not c["amounts"]) >= 30
    for case in cases:
        for amount in case["amounts"]:
            assert amount["text"] in case["text"]


def test_amount_cases_precision_and_recall_per_language():
    results = evaluate_amounts(load_amount_cases(CASES))
    for lang in ("fr", "en"):
        assert results[lang]["precision"] >= 0.95, results[lang]["false_positives"]
        assert results[lang]["recall"] >= 0.95, results[lang]["misses"]


def test_evaluate_script_runs_from_project_root():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "scripts/evaluate_amounts.py", "--quiet"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=True,
    )
    assert re.search(r"^all\s+\d+", done.stdout, re.M)
    for group in ("fr dev6", "en dev6", "fr dev7", "fr dev8", "en dev8", "fr dev10", "en dev10", "fr dev13", "en dev13", "fr dev14"):  # every dev set is also printed on its own
        assert re.search(rf"^{group}\s+\d+\s+strict", done.stdout, re.M), group


def _source_key(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/").lower()


#: The amount sets chosen for their thresholds: the least number of sentences in each of their
#: languages, and whether each language (else the whole set) has ten floors, ceilings and plain amounts.
THRESHOLD_SETS = {"dev6": ({"fr": 40, "en": 40}, True), "dev7": ({"fr": 60}, False),
                  "dev8": ({"fr": 70, "en": 20}, False), "dev10": ({"fr": 90, "en": 60}, True),
                  "dev13": ({"fr": 60, "en": 60}, True), "dev14": ({"fr": 70}, False)}


@pytest.mark.parametrize("name", sorted(THRESHOLD_SETS))
def test_amount_cases_threshold_set_is_annotated_sourced_and_new(name):
    raw = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    cases = [c for c in raw if c.get("set") == name]
    least, per_language = THRESHOLD_SETS[name]
    assert {c["lang"] for c in cases} == set(least)
    groups = [[c for c in cases if c["lang"] == lang] for lang in least] if per_language else [cases]
    for lang, count in least.items():
        assert sum(c["lang"] == lang for c in cases) >= count
    for group in groups:
        for kind in ("below", "above", None):
            assert sum(a["threshold"] == kind for c in group for a in c["amounts"]) >= 10
    for case in cases:
        assert set(case) == {"lang", "text", "amounts", "set", "source"}
        assert case["source"].startswith("http")
        for amount in case["amounts"]:
            # A conversion ("10 000 € (10 900 $)") says so with "linked"; no other key is allowed.
            assert set(amount) - {"linked"} == {"text", "value", "currency", "threshold", "sanctions_context"}
            assert amount.get("linked", True) is True
            assert amount["text"] in case["text"], amount["text"]
            assert amount["threshold"] in (None, "above", "below")
            assert re.fullmatch(r"[A-Z]{3}", amount["currency"])
            assert isinstance(amount["value"], float) and amount["value"] > 0
            assert isinstance(amount["sanctions_context"], bool)
    # No source shared with another set, the blind sets or the sample corpus.
    others = {c.get("source") or "" for c in raw if c.get("set") != name}
    for other in CASES.parent.glob("*.jsonl"):
        if other != CASES:
            lines = other.read_text(encoding="utf-8").splitlines()
            others |= {json.loads(line).get("source") or "" for line in lines if line.strip()}
    for seed in SEEDS.iterdir():
        others |= set(re.findall(r"https?://[^\s)\]>\"'`]+", seed.read_text(encoding="utf-8")))
    others = {_source_key(url) for url in others if url}
    assert len(others) > 40
    assert not {_source_key(c["source"]) for c in cases} & others


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "A reporting threshold of €1,000 applies to crypto transfers.", "above"),
        ("en", "Transfers below the threshold of $3,000 are exempt.", "below"),
        ("en", "Penalties start from $5,000 for each violation.", "above"),
        ("fr", "Un seuil de 1 000 euros a été fixé.", "above"),
        ("fr", "Les retraits sont autorisés dans la limite de 500 euros.", "below"),
        ("fr", "La loi limite à 3 000 euros les paiements en liquide.", "below"),
        ("fr", "Ils ont décidé de plafonner le prix du baril russe à 45 dollars.", "below"),
        ("fr", "Le montant maximum autorisé est de 10 000 euros.", "below"),
        ("fr", "Le seuil est fixé à 15 000 euros.", "above"),
        # a threshold named after its amount, or qualified before "de"
        ("fr", "Le gouverneur a fixé cette somme à 5.000 000 FCFA pour le seuil pour la déclaration.", "above"),
        ("fr", "La BCEAO a établi à dix millions de francs CFA, le seuil au-delà duquel toute somme doit être déclarée.",
         "above"),
        ("fr", "Pour les monnaies virtuelles, le seuil en vigueur de 1000 CHF est maintenu.", "above"),
        ("fr", "Il a payé 5 000 euros pour le seuil symbolique.", None),
        # a threshold of withdrawals is their cap; a threshold of deposits stays a floor
        ("fr", "Algérie Poste a remis le seuil de 50 000 dinars pour les retraits faits dans les GAB.", "below"),
        ("fr", "Le seuil de retrait de 1 000 euros par jour est maintenu.", "below"),
        ("fr", "Un seuil de 10 000 euros pour les dépôts.", "above"),
        # a cap or threshold opening its sentence reaches the verb that sets it over a long subject
        ("fr", "Les seuils de déclaration d'espèces et d'instruments négociables pour les voyageurs en provenance ou à "
               "destination de la Côte d'Ivoire sont fixés à cinq millions de francs CFA.", "above"),
        ("fr", "Le plafond annuel des versements effectués par les particuliers au titre de leurs dons aux "
               "associations reconnues d'utilité publique est fixé à 7 500 euros.", "below"),
        ("fr", "Le seuil de la pauvreté a été évalué, mais la dépense est fixée à 500 euros.", None),
    ],
)
def test_amounts_thresholds_and_limits_read_their_side(nlps, lang, text, expected):
    assert [r["threshold"] for r in records(nlps, lang, text)] == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The anti-money laundering law requires checks on payments of €15,000 or more.", True),
        ("fr", "Un seuil de 1 000 euros a été fixé au titre de la lutte contre le blanchiment.", True),
        ("fr", "Le plafonnement du prix du pétrole russe à 60 dollars est entré en vigueur.", True),
        ("fr", "La banque a versé 150 000 euros à l'association.", False),
    ],
)
def test_amounts_sanctions_context_covers_aml_rules_and_price_caps(nlps, lang, text, expected):
    assert [r["sanctions_context"] for r in records(nlps, lang, text)] == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The new rules limit cash payments to €10,000.", ["below"]),
        ("en", "Parliament approved a limit on anonymous crypto payments of €1,000.", ["below"]),
        ("fr", "Bruxelles veut abaisser le plafond du prix de 180 à 150 euros.", ["below", "below"]),
        ("fr", "Tout versement égal ou supérieur, à 5.000 €, doit être signalé.", ["above"]),
        ("fr", "Le décret fixe à 1 500 euros le montant maximum d'un paiement.", ["below"]),
        ("en", "Fines range from $5,000 to $10,000.", [None, None]),
    ],
)
def test_amounts_caps_reach_their_amounts(nlps, lang, text, expected):
    assert [r["threshold"] for r in records(nlps, lang, text)] == expected


# -- cap and threshold words far from their amount, in its clause -----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La valeur monétaire maximale stockée sous forme électronique et utilisable au moyen d'un support physique "
         "est fixée à 10 000 euros.", "below"),
        ("Le montant maximal de retrait en espèces au moyen du support mentionné au 1°, est fixé à 1 000 euros par mois.", "below"),
        ("Le décret plafonne la capacité d'emport des cartes prépayées (monnaie électronique utilisable au moyen "
         "d'un support physique) à 10 000 €.", "below"),
        ("Enfin, la somme maximale disponible sur ce moyen de paiement est de 150 €.", "below"),
        ("Le plafond de versement en liquide auprès du centre des finances publiques est de 300 €.", "below"),
        ("Le plafonnement du prix du pétrole russe décidé par le G7 a finalement été fixé à 90 euros.", "below"),
        ("Elle concerne uniquement le seuil au-delà duquel l'anonymat doit être levé (2 500 euros).", "above"),
        # the verb in the plural and the past, an adverb before its "à"
        ("Le Portugal et l’Italie limitent en effet à 1.000 euros les paiements en liquide.", "below"),
        ("Les deux pays limitaient déjà à 3 000 euros les paiements en espèces.", "below"),
    ],
)
def test_amounts_far_cap_word_in_the_clause(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # a clause or sentence break between the word and the amount
        "Les paiements ne sont pas plafonnés entre particuliers, mais une amende de 150 euros est prévue.",
        "Aucune limite n'est fixée entre particuliers. Une facture de 1 500 € est alors conseillée.",
        # no link to the amount: the cap is the subject of another verb
        "Le plafonnement du prix du pétrole a fait perdre à la Russie 10 milliards d'euros.",
        # a negated cap word says nothing
        "Les virements ne sont pas limités et la banque a versé 3 000 euros.",
        # a threshold word cut from the amount by a clause break says nothing
        "Le seuil a été débattu, mais le prix est fixé à 15 000 euros.",
    ],
)
def test_amounts_far_cap_word_needs_its_clause_and_a_link(nlps, text):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == [None]


def test_amounts_far_cap_word_does_not_cross_another_amount(nlps):
    # "limités" is linked to 20 000 euros by "un montant de", but 1 000 euros stands between them
    text = "Les retraits sont limités à 1 000 euros par opération pour un montant de 20 000 euros déposés."
    assert [r["threshold"] for r in records(nlps, "fr", text)] == ["below", None]


# -- English cap and floor words far from their amount; modal "can reach" ceilings --


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("As of the date of this Advisory, the price cap for Russian-origin crude oil is 60 USD per barrel.", ["below"]),
        ("The minimum administrative civil liability for the violation set forth in this complaint is $11,000.", ["above"]),
        ("The ceiling on cash payments by residents was set at $1,000 last year.", ["below"]),
        ("Fines can reach $500,000 or twice the value of the property involved.", ["below"]),
    ],
)
def test_amounts_english_far_cap_word_and_can_reach(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "en", text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # a clause break between the cap word and the amount
        "The price cap took effect in December, but the tanker was sold for $80 million.",
        # no link to the amount: the cap is the subject of another verb
        "The price cap cost Russia $10 billion in revenue.",
        # speculation, not a legal maximum
        "The reward could reach $10 million.",
    ],
)
def test_amounts_english_far_cap_word_needs_its_clause_and_a_link(nlps, text):
    assert [r["threshold"] for r in records(nlps, "en", text)] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("À noter : actuellement, le seuil à ne pas dépasser pour payer en espèces est de 3 000 €.", "below"),
        ("Les sanctions pécuniaires peuvent atteindre 100 millions d'euros.", "below"),
    ],
)
def test_amounts_french_seuil_a_ne_pas_depasser_and_peut_atteindre(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == [expected]


# -- dev6 rules --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "amount", "value", "currency"),
    [
        ("en", "Civil penalties of USD50,000 may be imposed.", "USD50,000", 5e4, "USD"),
        ("en", "He was fined GBP5,000 by the court.", "GBP5,000", 5e3, "GBP"),
        ("en", "They paid EUR50m to settle.", "EUR50m", 5e7, "EUR"),
        ("fr", "Une amende de EUR10 000 a été prononcée.", "EUR10 000", 1e4, "EUR"),
    ],
)
def test_amounts_fiat_code_touching_its_digits(nlps, lang, text, amount, value, currency):
    assert summary(nlps, lang, text) == [(amount, value, currency, None)]


@pytest.mark.parametrize("text", ["ETH2 staking opened.", "BTC10 was the prize code.", "The ABCUSD50 ticker fell."])
def test_amounts_crypto_ticker_or_word_touching_digits_is_no_amount(nlps, text):
    assert records(nlps, "en", text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "E-Money Online transactions with prepaid cards will be limited to max. EUR 50."),
        ("en", "Withdrawals: max. $500 a day."),
        ("fr", "Retraits autorisés : max. 500 € par jour."),
    ],
)
def test_amounts_max_abbreviation_is_a_ceiling(nlps, lang, text):
    assert [r["threshold"] for r in records(nlps, lang, text)] == ["below"]


def test_amounts_cue_abbreviation_keeps_the_sentence_split_after_it(nlps):
    doc = nlps["en"]("Fees are approx. $5 a month and capped at max. $60.")
    assert len(list(doc.sents)) > 1  # the sentencizer splits after the abbreviations
    found = amount_records(doc)
    assert [(r["text"], r["approximate"], r["threshold"]) for r in found] == [("$5", True, None), ("$60", False, "below")]


@pytest.mark.parametrize(
    "text",
    [
        "The price cap for Russian sea-borne oil of $60 per barrel came into force last year.",
        "The G7 announced the imposition of a $60 per barrel (“Price Cap”) cap on the price of seaborne crude oil.",
        "They agreed a $60 (“price cap”) on crude.",
    ],
)
def test_amounts_cap_reaches_over_hyphenated_words_and_brackets(nlps, text):
    assert [r["threshold"] for r in records(nlps, "en", text)] == ["below"]


def test_amounts_bracket_after_amount_needs_a_cap_word(nlps):
    assert [r["threshold"] for r in records(nlps, "en", "They paid $60 (the “full price”) for it.")] == [None]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a threshold changed from one value to another: both ends are thresholds
        ("en", "FinCEN proposed lowering the Travel Rule threshold from $3,000 to $250.", ["above", "above"]),
        ("en", "The threshold for identifying holders of prepaid cards will be lowered from EUR 250 to EUR 150.", ["above", "above"]),
        ("en", "The proposal would lower the Travel Rule's reporting threshold to $250.", ["above"]),
        ("fr", "Le seuil de déclaration a été abaissé de 1 000 à 500 euros.", ["above", "above"]),
        # a limit or a maximum changed: both ends are ceilings
        ("fr", "La mesure faisant passer la limite des paiements en espèce de 3 000 à 1 000 euros est officielle.", ["below", "below"]),
        ("fr", "L'amendement consiste à porter le maximum des amendes cumulées de 150 000 euros à 500 000 euros.", ["below", "below"]),
        # ... to "the greater of" a new value and a share of the transaction
        ("en", "Under the amended IEEPA, the maximum civil penalty per violation increases from $50,000 to the greater of "
               "$250,000 or twice the amount of the transaction.", ["below", "below"]),
    ],
)
def test_amounts_threshold_or_limit_changed_by_a_range(nlps, lang, text, expected):
    assert [r["threshold"] for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a range that follows no cap or threshold word has no direction
        ("fr", "Les amendes vont de 3 000 à 10 000 euros."),
        ("en", "Fines range from $3,000 to $10,000."),
        # the range must follow the word in its clause
        ("en", "The threshold was debated for months, but fines rose from $3,000 to $10,000."),
    ],
)
def test_amounts_range_without_a_changed_threshold_has_no_direction(nlps, lang, text):
    assert all(r["threshold"] is None for r in records(nlps, lang, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Under IEEPA, the maximum civil penalty per violation can be the greater of $377,700 or twice the transaction amount.", "below"),
        ("The applicable maximum civil penalty per violation of IEEPA is the greater of $368,136 or twice the transaction.", "below"),
        ("The minimum fine is the higher of $5,000 or the gain made.", "above"),
    ],
)
def test_amounts_far_cap_word_reaches_the_greater_of(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "en", text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the greater of an amount and something else is at least that amount: a floor
        ("He must pay the greater of $5,000 or the gain made.", ["above"]),
        # the range's first end is still no threshold
        ("The fine rose from $5,000 to the greater of $10,000 or twice the gain.", [None, "above"]),
    ],
)
def test_amounts_the_greater_of_alone_is_a_floor(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "en", text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "La limite souvent évoquée est de 1 000 euros pour les citoyens de l’Union Européenne et de 10 000 euros "
         "pour ceux qui ne résident pas dans l’Union Européenne.", ["below", "below"]),
        ("en", "Fines are capped at $5,000 for first-time small-business offenders and $20,000 for repeat offenders.", ["below", "below"]),
        # beyond six words the second amount is its own
        ("fr", "Le retrait est limité à 1 000 euros pour les clients qui ont ouvert leur compte en ligne l'an dernier "
         "et 300 euros de frais ont été facturés.", ["below", None]),
    ],
)
def test_amounts_coordinated_amount_after_a_longer_qualifier(nlps, lang, text, expected):
    assert [r["threshold"] for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # cash-reporting rules of anti-money-laundering law, sanctions statutes
        ("en", "Casinos are required to file CTRs for cash transactions of more than $10,000.", True),
        ("en", "Installment payments that exceed $10,000 are also reportable on Form 8300.", True),
        ("en", "Under the Trading with the Enemy Act (TWEA), the maximum fine is $111,308 per violation.", True),
        ("en", "The IEEPA maximum civil penalty is $377,700.", True),
        ("en", "Banks must flag suspicious transactions of $5,000 or more.", True),
        ("en", "The department is also seeking a money laundering penalty of $157 million.", True),
        # criminal proceeds are not an anti-money-laundering rule
        ("en", "He took $75,000 for the purpose of laundering these funds.", False),
        ("en", "The report found the company lost $2 million.", False),
        # assets immobilised under sanctions
        ("fr", "La France a immobilisé quatre yachts pour une valeur supérieure à 125,2 millions d'euros.", True),
        ("fr", "Le G7 a plafonné le prix du pétrole russe à 60 dollars le baril.", True),
        ("fr", "Les sanctions pécuniaires, dans le cas de manquement au dispositif LCBFT, atteignent 100 millions d'euros.", True),
    ],
)
def test_amounts_sanctions_context_of_reporting_rules_statutes_and_freezes(nlps, lang, text, expected):
    assert [r["sanctions_context"] for r in records(nlps, lang, text)] == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # anti-money-laundering bodies, reports and directives
        ("en", "The TD Bank settlement includes a $1.3 billion penalty paid to the Financial Crimes Enforcement Network.", True),
        ("en", "You must submit a TTR to AUSTRAC for each individual cash transaction of A$10,000 or more.", True),
        ("en", "Most countries follow the FATF recommendation of a $1,000 threshold for crypto transactions.", True),
        ("en", "With regard to prepaid cards, AMLD5 sets a lower limit of EUR 150.", True),
        ("en", "The EUR 50 limit was set because anonymous prepaid cards can be used for terrorist financing.", True),
        ("fr", "Vous devez déclarer à CANAFE toute somme en espèces de 10 000 $ ou plus.", True),
        ("fr", "La règle de voyage s'applique dès qu'un transfert dépasse 1 000 euros.", True),
        # a duty to report cash
        ("en", "A financial institution must file a report whenever a cash transaction exceeds $10,000.", True),
        ("en", "Federal law requires banks to report any cash transaction over $10,000.", True),
        ("en", "Businesses must declare cash transactions exceeding £10,000 to the National Crime Agency.", True),
        ("en", "To avoid being reported, some customers break up transactions into ones of less than $10,000 each.", True),
        ("en", "The amendments would reduce this threshold to $250 for transmittals of funds that begin outside the US.", True),
        # rules named by what they fight, and export controls
        ("en", "Bank of Ireland has been fined €3.15m for breaching rules which prevent money laundering.", True),
        ("en", "It was fined 2.275 million euros for failures in money laundering and terrorist financing controls.", True),
        ("en", "The UK announced compound penalties of £700,386.01 for breaches of the UK's export controls.", True),
        # a money laundering scheme is a crime, not a rule
        ("en", "Police arrested 12 people running a money laundering scheme worth HK$118 million.", False),
        ("en", "The report found that the company lost $2 million.", False),
    ],
)
def test_amounts_sanctions_context_of_aml_bodies_duties_and_export_controls(nlps, lang, text, expected):
    assert [r["sanctions_context"] for r in records(nlps, lang, text)] == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "OFAC sanctioned Tornado Cash, which it said has been used to launder more than $455 million.", [False]),
        ("en", "OFAC said the mixer was used to launder billions of dollars in virtual currency.", [False]),
        ("en", "Of the US$15 million laundered, the sanctioned exchange kept a share.", [False]),
        ("fr", "Près de 700 millions de dollars blanchis : un réseau de blanchiment démantelé.", [False]),
        # a penalty named after the verb is not the money laundered
        ("en", "The department is also seeking a money laundering penalty of $157 million.", [True]),
        ("en", "OFAC fined the exchange $1 million for laundering controls it never had.", [True]),
    ],
)
def test_amounts_sanctions_context_leaves_out_money_laundered(nlps, lang, text, expected):
    assert [r["sanctions_context"] for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "La commission des sanctions de l'AMF l'a condamnée à une amende d'un million d'euros.",
        "Pour rappel, la limite des sanctions pécuniaires correspond à la somme de 100 millions d'euros.",
        "Les actifs immobilisés du groupe ont été dépréciés de 500 millions d'euros.",
        "Les contrevenants s'exposent à de lourdes sanctions pénales et à une amende de 750 000 euros.",
    ],
)
def test_amounts_sanctions_words_in_a_neutral_phrase_are_no_sanctions_context(nlps, text):
    assert [r["sanctions_context"] for r in records(nlps, "fr", text)] == [False]


def test_amounts_neutral_phrase_leaves_the_rest_of_the_sentence(nlps):
    text = ("La commission des sanctions de l'ACPR a prononcé une sanction pécuniaire de 2,5 millions d'euros "
            "pour des défaillances de son dispositif de lutte contre le blanchiment.")
    assert [r["sanctions_context"] for r in records(nlps, "fr", text)] == [True]


# -- dev7 rules --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le blanchiment est un délit puni de 5 ans d'emprisonnement et de 375 000 euros d'amende.", ["below"]),
        ("Le blanchiment est puni de 5 ans d’emprisonnement et de 375.000 € d’amende.", ["below"]),
        ("Les peines encourues sont 5 ans d’emprisonnement et 375 000 euros d’amende.", ["below"]),
        ("L'auteur encourt 2 ans de prison et 30 000 euros d'amende.", ["below"]),
        # a fine imposed, not the one the law sets
        ("Il a été condamné à 10 000 euros d'amende.", [None]),
        # the penalty word must come before the amount, in its clause, with no other amount between
        ("Il a payé 10 000 euros d'amende, puni pour fraude.", [None]),
        ("Le délit est puni de prison ; il a payé 10 000 euros d'amende.", [None]),
        ("Il a été puni d'une amende de 5 000 euros et de 10 000 euros d'amende.", [None, None]),
        # no fine noun after the amount, nor a prison term it is joined to
        ("Le blanchiment est puni par la loi et lui a rapporté 375 000 euros.", [None]),
        # the fine joined to the prison term, its noun unsaid
        ("Le blanchiment est puni de 5 ans d'emprisonnement et de 375 000 euros.", ["below"]),
        # the fine noun before the amount, after a word saying it is incurred
        ("Tout manquement est passible d'une amende pénale de 75 000 € et d'un redressement.", ["below"]),
        ("Le contrevenant encourt une amende de 45 000 euros.", ["below"]),
        ("Ils sont passibles d’une amende de 1 500 euros.", ["below"]),
        # imposed, not incurred
        ("La société a été condamnée à une amende de 45 000 euros.", [None]),
    ],
)
def test_amounts_french_statutory_fine_is_a_ceiling(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Il risque jusqu’à six mois d’emprisonnement ainsi que 7.500€.",
        "Les contrevenants risquent jusqu'à 6 mois de prison et 15 000 euros.",
        "La peine peut aller jusqu'à 2 ans d'emprisonnement ainsi que 30 000 euros.",
    ],
)
def test_amounts_french_prison_term_in_months_or_with_ainsi_que_before_the_fine(nlps, text):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == ["below"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le plafond prévu à l'article L. 221-4 est fixé à 22 950 euros.", ["below"]),
        ("Le plafond prévu à l'article R. 221-2 du code est porté à 100 000 euros.", ["below"]),
        # a stop before a word still ends the clause
        ("Le plafond a changé en 2020. Le prix est fixé à 500 euros.", [None]),
    ],
)
def test_amounts_french_reference_number_does_not_break_the_far_cue(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le plafond est fixé à 22 950 euros pour les personnes physiques et à 76 500 euros pour les associations.", ["below", "below"]),
        ("La limite avait ensuite été augmentée à 30 euros en 2017 puis à 50 euros en 2020.", ["below", "below"]),
        ("Les voyageurs importent dans la limite de 430 euros (transport aérien) ou 300 euros (autres moyens).", ["below", "below"]),
        ("Il est possible de payer jusqu'à 1 000 € et, pour les non-résidents, jusqu'à 15 000 €.", ["below", "below"]),
        # a plain amount before stays plain, and shares nothing
        ("Il a versé 500 euros en 2017 puis à 800 euros en 2018.", [None, None]),
    ],
)
def test_amounts_french_coordinated_amount_repeats_its_preposition_or_follows_an_aside(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le montant minimal des opérations de retrait en espèces sur un livret A est fixé à 10 euros.", ["above"]),
        ("Le prix plancher du contrat a été fixé à 40 euros.", ["above"]),
        ("Le salaire minimum est de 1 400 euros.", ["above"]),
        # the word must be linked to the amount in its clause
        ("Le montant minimal a été discuté, mais il a payé 10 euros.", [None]),
    ],
)
def test_amounts_french_far_minimum_is_a_floor(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il est possible de payer sans contact au-delà de 50 euros avec votre carte.", ["above"]),
        ("Les retraits sans frais jusqu'à 300 euros par mois sont inclus.", ["below"]),
        # a real negation still flips the comparison
        ("Le paiement sans dépasser plus de 50 euros est accepté.", ["below"]),
        ("Le montant ne doit pas dépasser 1 000 euros.", ["below"]),
    ],
)
def test_amounts_french_fixed_phrase_with_sans_negates_nothing(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La garantie des dépôts bancaires s’élève à 100 000 € par client et par établissement.", ["below"]),
        ("La garantie des dépôts est portée à 100 000 euros par déposant.", ["below"]),
        # the guarantee must be linked to the amount in its clause
        ("La garantie des dépôts a coûté cher ; la banque a perdu 100 000 euros.", [None]),
    ],
)
def test_amounts_french_deposit_guarantee_is_a_ceiling(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "La relève à 50 euros (contre 30 auparavant) du plafond de paiement sans contact est entrée en vigueur.", ["below"]),
        ("en", "They set a $1,000 (per client) threshold for transfers.", ["above"]),
        # an aside that is not followed by a cue word says nothing
        ("fr", "Il a payé 50 euros (contre 30 auparavant) pour son abonnement.", [None]),
    ],
)
def test_amounts_cue_after_the_amount_past_a_bracketed_aside(nlps, lang, text, expected):
    assert [r["threshold"] for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il faut déclarer les opérations dépassant un certain montant (souvent 10 000 euros en Union européenne).", ["above"]),
        ("Les paiements supérieurs à un certain seuil (généralement 1 000 euros) sont interdits.", ["above"]),
        ("Les retraits sont limités à un certain montant (500 euros par jour).", ["below"]),
        # a bracket after words that are no vague amount keeps its plain amount
        ("Il a dépassé la ligne d'arrivée (avec 10 000 euros en poche).", [None]),
    ],
)
def test_amounts_french_bracket_after_a_vague_amount_takes_its_comparison(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le blanchiment est un délit puni de 5 ans d'emprisonnement et de 375 000 euros d'amende.", True),
        ("Les peines encourues pour quiconque se livre à du blanchiment sont 375 000 euros d’amende.", True),
        # laundered funds are criminal proceeds, not the anti-money-laundering rules
        ("Des dizaines de millions de dollars ont été blanchis via la plateforme.", False),
        # "sous peine de sanctions" is a threat of penalties, not sanctions
        ("Sous peine de sanctions, les sociétés dont le chiffre d'affaires dépasse 100 millions d'euros doivent agir.", False),
    ],
)
def test_amounts_french_laundering_offence_is_anti_money_laundering_context(nlps, text, expected):
    assert [r["sanctions_context"] for r in records(nlps, "fr", text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pour ouvrir un compte, l'épargnant doit au moins verser 10 euros.", ["above"]),
        ("Avec cette carte, on peut au plus retirer 500 euros par jour.", ["below"]),
        ("Il faut au minimum investir 1 000 euros.", ["above"]),
        # only after an adverb cue, and only one verb
        ("Il a plus de chance de gagner 10 euros.", [None]),
        ("Il doit au moins essayer de gagner 10 euros.", [None]),
    ],
)
def test_amounts_french_adverb_cue_before_an_infinitive(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le seuil maximal actuellement autorisé est trois fois supérieur, soit 3000 euros !", ["below"]),
        ("Le plafond de la carte est doublé, soit 2 000 euros.", ["below"]),
        ("Il évoque l'abaissement du seuil de paiement en espèces, actuellement de 3 000 euros.", ["above"]),
        ("Le plafond des cartes prépayées, jusqu'ici de 250 euros, sera abaissé.", ["below"]),
        # "soit" after no cap word restates nothing
        ("Il a gagné trois fois plus, soit 3000 euros.", [None]),
    ],
)
def test_amounts_french_soit_restates_a_far_cap(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a threshold with no comparison is crossed from below
        ("Le précédent seuil d'anonymat était de 250 euros.", ["above"]),
        ("Le seuil a été fixé à 15 000 euros l'an dernier.", ["above"]),
        ("Seuil (qui reste inchangé) porté à 15 000 € pour les non-résidents.", ["above"]),
        # a comparison or a later cap word decides
        ("Les virements en dessous du seuil de 1 000 euros sont exemptés.", ["below"]),
        ("Le seuil maximal de dépôt est fixé à 10 000 €.", ["below"]),
        # not linked to the amount: no direction
        ("Le seuil fait débat et la banque a versé 3 000 euros.", [None]),
    ],
)
def test_amounts_french_seuil_linked_to_one_amount_is_a_floor(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cette limite de 430 euros s’applique aux voyageurs par avion, et s’abaisse à 300 euros pour les autres.", ["below", "below"]),
        ("Le seuil passe de 3.000€ à 1.000€ ; il reste à 15.000 € pour les non-résidents.", ["above", "above", "above"]),
        # a clause with a subject of its own does not continue the threshold
        ("Le plafond est de 1 000 euros ; le prix passe à 50 euros.", ["below", None]),
        # a plain amount before passes nothing on
        ("Il a payé 430 euros, et s'abaisse à 300 euros ensuite.", [None, None]),
    ],
)
def test_amounts_french_joined_clause_without_subject_continues_the_threshold(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == expected


# -- dev8 rules --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparison that runs to the heading's colon
        ("Il est interdit de payer en espèces une facture supérieure à :\n- 1 500 euros pour un résident ;\n- 10 000 euros pour un touriste.",
         ["above", "above"]),
        # a cap word in the heading's last clause
        ("Le chiffre d'affaires maximum s'élève à :\n• 77 700 € pour les services ;\n• 188 700 € pour la vente.", ["below", "below"]),
        ("Le montant à ne pas dépasser est :\n- 500 € par jour", ["below"]),
        ("Les seuils de déclaration sont les suivants :\n\n- 1 000 € par opération", ["above"]),
        # no colon, a heading with no cue, an item that does not open with the amount, a clause break
        ("Le plafond de paiement\n- 1 000 € par jour", [None]),
        ("Les prix sont les suivants :\n- 20 euros pour un adulte", [None]),
        ("Le plafond est fixé comme suit :\n- pour un adulte, 20 euros", [None]),
        ("Le plafond a été supprimé, mais voici les tarifs :\n- 20 euros", [None]),
    ],
)
def test_amounts_french_list_heading_ending_with_a_colon_gives_its_items_a_direction(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Plafond hebdomadaire de retrait : 300 €.", ["below"]),
        ("fr", "• Valeur faciale maximum par titre : entre 12,10 € et 14,52 €", ["below", "below"]),
        ("fr", "Les seuils à partir desquels la déclaration est due : 1 000 € par opération.", ["above"]),
        ("en", "Reporting threshold for cash deposits: $10,000.", ["above"]),
        # the colon ends another clause: nothing links the cap word
        ("fr", "Le plafond a été discuté. Prix : 300 €.", [None]),
        ("fr", "Le plafond fait débat ; tarif : 300 €.", [None]),
    ],
)
def test_amounts_colon_right_before_the_amount_links_a_cap_or_floor_word(nlps, lang, text, expected):
    assert [r["threshold"] for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le montant maximum de retrait se situe fréquemment entre 300 et 500 euros par semaine.", ["below", "below"]),
        ("Le plafond mensuel est généralement compris entre 1 500 € et 3 000 €.", ["below", "below"]),
        ("Le maximum sera désormais toujours de 3 000 €.", ["below"]),
        ("Le seuil de déclaration est actuellement de 10 000 euros.", ["above"]),
        # no cap word, or the adverb does not link it
        ("Le prix se situe généralement entre 300 et 500 euros.", [None, None]),
        ("Le plafond a changé ; le loyer est généralement compris entre 800 et 900 euros.", [None, None]),
    ],
)
def test_amounts_french_far_cue_links_over_adverbs_and_entre(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("• A partir de 1 000 € par opération ;", ["above"]),
        ("Les recettes doivent être inférieures ou égales à 250 000 €.", ["below"]),
        ("Les montants inférieurs ou égaux à 90 000 euros sont exonérés.", ["below"]),
        ("Le RGPD prévoit des sanctions pouvant s'élever de 10 000 à 20 000 euros.", ["below", "below"]),
        ("L'amende peut s'élever à 1 500 euros.", ["below"]),
        # "s'élève à" states a value, it sets no ceiling
        ("La facture s'élève à 1 500 euros.", [None]),
    ],
)
def test_amounts_french_comparisons_unaccented_capital_plurals_and_s_elever(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Un compte joint bénéficie d'une garantie totale de 200 000 euros (100 000 € par personne).", ["below", "below"]),
        ("Cette protection est relevée à 500 000 euros pour les dépôts exceptionnels.", ["below"]),
        ("Le montant de la protection accordée par le FGDR s'élève à 100 000 euros par déposant.", ["below"]),
        ("Les livrets bénéficient d'une garantie distincte, assurée par l'État, à hauteur de 100 000 euros.", ["below"]),
        # a guarantee word that is not linked to the amount
        ("La garantie fait débat et la banque a versé 3 000 euros.", [None]),
    ],
)
def test_amounts_french_deposit_guarantee_and_protection_are_ceilings(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selon cette règle, une entreprise ne peut bénéficier que de 200.000 euros d'aides publiques.", ["below"]),
        ("Les particuliers ne peuvent retirer qu'à hauteur de 500 euros par jour.", ["below"]),
        ("Le client n'a pu verser que 300 euros.", [None]),
        # "ne ... que" without a modal restricts nothing: "only"
        ("La différence ne fût que de 100 € entre les deux ventes.", [None]),
    ],
)
def test_amounts_french_negation_modal_and_que_make_a_ceiling(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Le plafond est de 10 000 € (au 1er octobre 2018, contre 15 000 € avant) pour les étrangers.", ["below", "below"]),
        ("fr", "Le seuil est de 1 000 euros, contre 3 000 euros auparavant.", ["above", "above"]),
        ("en", "The new maximum for the Clean Diamond Trade Act is $12,856, up from $10,000.", ["below", "below"]),
        ("en", "The reporting threshold is $250, down from $3,000.", ["above", "above"]),
        # a plain amount passes nothing on; "contre" must follow a comma or a bracket
        ("fr", "Il a payé 5 000 euros, contre 3 000 euros l'an dernier.", [None, None]),
        ("fr", "Le plafond de 10 000 euros contre 15 000 euros de dépenses.", ["below", None]),
    ],
)
def test_amounts_earlier_or_later_value_of_a_cap_shares_its_direction(nlps, lang, text, expected):
    assert [r["threshold"] for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le seuil est fixé à plus de 10.000 € pour les non résidents, et à environ 2.500 € pour les résidents.", ["above", "above"]),
        ("Le plafond est de 1 000 € pour les uns et de près de 2 000 € pour les autres.", ["below", "below"]),
    ],
)
def test_amounts_french_coordinated_amount_after_an_approximation_word_shares_the_threshold(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Violations of the Act will be subject to a penalty of $83,864.", ["below"]),
        ("A dealer is liable to a fine of £5,000 for each failure.", ["below"]),
        ("Someone who has more cash than £1,000 is not directly suspicious.", ["above"]),
        ("Customers holding less money than $500 pay no fee.", ["below"]),
        ("Declare any sums of cash of €10,000 (c £6,667) or more to HMRC.", ["above", "above"]),
        # a penalty imposed, and a partitive "more of ... than"
        ("The bank paid a penalty of $83,864 last year.", [None]),
        ("They moved more of the cash than $1,000 would buy.", [None]),
    ],
)
def test_amounts_english_penalty_liability_split_comparison_and_circa_conversion(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "en", text)] == expected


# -- dev10 rules -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "| Type de valeur | Seuil de déclaration |\n|---|---|\n| Espèces | 10 000 euros |\n| Or | 10 000 euros |",
         ["above", "above"]),
        ("fr", "| Carte | Plafond hebdomadaire | Cotisation |\n|---|---|---|\n| Classique | 500 € | 40 € |", ["below", None]),
        ("en", "| Tier | Daily limit |\n| --- | --- |\n| Basic | $2,000 |", ["below"]),
        # a cue of the row itself still counts; a header with no cue, or a negated one, gives nothing
        ("fr", "| Carte | Plafond |\n|---|---|\n| Gold | plus de 3 000 € |", ["above"]),
        ("fr", "| Carte | Cotisation |\n|---|---|\n| Gold | 130 € |", [None]),
        ("fr", "| Carte | Sans plafond |\n|---|---|\n| Infinite | 5 000 € |", [None]),
        # a line that opens with "|" but no header row above it
        ("fr", "Le plafond est relevé.\n| Gold | 3 000 € |", [None]),
    ],
)
def test_amounts_table_column_header_gives_its_cells_a_direction(nlps, lang, text, expected):
    assert [r["threshold"] for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 personne 31 250 € 23 688 €", [("31 250 €", 31250.0), ("23 688 €", 23688.0)]),
        ("Zone A : 500 € 1 200 €", [("500 €", 500.0), ("1 200 €", 1200.0)]),
        # a symbol before a number with no symbol of its own stays a prefix
        ("En 2021 € 5 000 ont été versés.", [("€ 5 000", 5000.0)]),
    ],
)
def test_amounts_suffix_symbol_before_a_number_with_its_own_symbol(nlps, text, expected):
    assert [(r["text"], r["value"]) for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Le plafond de retrait sur 7 jours glissants varie entre 300 et 500 euros.", ["below", "below"]),
        ("fr", "Le montant maximal oscille entre 1 000 € et 2 000 € selon la banque.", ["below", "below"]),
        ("fr", "Le prix varie entre 300 et 500 euros.", [None, None]),
        ("fr", "Une déclaration est obligatoire dès qu'on franchit la barre des 10 000 euros.", ["above"]),
        ("fr", "En France, la barre est fixée à 10 000 euros, billets et pièces compris.", ["above"]),
        ("fr", "Le code barre coûte 10 euros.", [None]),
        ("fr", "La mesure prévoit de brider à 100.000 euros les transferts russes.", ["below"]),
        ("fr", "Transiter avec 10 000 euros en espèces ou plus impose une déclaration.", ["above"]),
        ("en", "Anyone carrying $10,000 in cash or more must declare it.", ["above"]),
        ("en", "He carried $10,000 in cash to the bank.", [None]),
        ("en", "Patients pay the lesser of $35 or 25% of the negotiated price.", ["below"]),
        ("en", "In some states, daily limits as low as $500 per user are proposed.", ["below"]),
        ("en", "Tickets as low as $5 sold out.", [None]),
    ],
)
def test_amounts_range_verbs_bar_noun_cash_gap_and_english_cap_phrases(nlps, lang, text, expected):
    assert [r["threshold"] for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le montant maximum de la sanction financière prononcée par la Cnil est de 150 000 €.", False),
        ("Les sanctions financières contre la Russie gèlent 300 millions d'euros.", True),
    ],
)
def test_amounts_french_sanction_financiere_singular_is_a_fine(nlps, text, expected):
    assert [r["sanctions_context"] for r in records(nlps, "fr", text)] == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a bare "$" or "dollars" takes the dollar country the text names more than the United States
        ("en", "FINTRAC issued 12 notices of violation, with penalties totaling over $26 million.", [("$26 million", "CAD")]),
        ("fr", "Vous devez déclarer à CANAFE toute somme de 10 000$ ou plus, entre 1 000 et 5 000 dollars.",
         [("10 000$", "CAD"), ("1 000", "CAD"), ("5 000 dollars", "CAD")]),
        ("en", "AUSTRAC proposed a $450 million penalty against Crown Melbourne.", [("$450 million", "AUD")]),
        ("en", "The Monetary Authority of Singapore imposed a civil penalty of $12.6 million.", [("$12.6 million", "SGD")]),
        # as many US cues as Canadian ones, or none at all: the US dollar
        ("en", "The U.S. Treasury fined the Canadian bank $10 million.", [("$10 million", "USD")]),
        ("en", "The firm paid $10 million.", [("$10 million", "USD")]),
        # the G7 and the oil market quote in US dollars, whoever joins them
        ("fr", "L'Union européenne, le G7 et l'Australie ont plafonné le prix du pétrole russe à 60 dollars le baril.",
         [("60 dollars", "USD")]),
        # a marker written with its country is never read again
        ("en", "AUSTRAC said the casino moved US$5 million.", [("US$5 million", "USD")]),
        ("fr", "Au Canada, il a versé 5 000 dollars américains.", [("5 000 dollars américains", "USD")]),
        # dirhams: the UAE's unless the text is about Morocco; "DH" too
        ("fr", "Le Maroc fixe un plafond de 100 000 dirhams.", [("100 000 dirhams", "MAD")]),
        ("fr", "Toute personne franchissant la frontière du Maroc avec plus de 100 000 DH doit le déclarer.",
         [("100 000 DH", "MAD")]),
        ("fr", "À Dubaï, un plafond de 100 000 dirhams.", [("100 000 dirhams", "AED")]),
        # in French a bare "dirhams" with no country named is Moroccan; in English the UAE's
        ("fr", "Près de 37 milliards de dirhams ont été versés en quelques semaines.",
         [("37 milliards de dirhams", "MAD")]),
        ("en", "He paid 5,000 dirhams.", [("5,000 dirhams", "AED")]),
        # francs: Swiss in a text about Switzerland (with the Swiss thousands separator), a CFA franc
        # in a text about a CFA country, and left out with no country named
        ("fr", "Le Conseil des Etats avait accepté l'interdiction des paiements en liquide de plus de 100'000 francs.",
         [("100'000 francs", "CHF")]),
        ("fr", "Le Seco a gelé des actifs d'un montant de 1,65 milliard de francs.", [("1,65 milliard de francs", "CHF")]),
        ("fr", "Au Sénégal, l'amende atteint 5 millions de francs.", [("5 millions de francs", "XOF")]),
        # the press writes the central banks' acronyms in lower case, and demonyms in the plural
        ("fr", "Les banques camerounaises disposent de 321,4 milliards de FCFA à la Beac.",
         [("321,4 milliards de FCFA", "XAF")]),
        ("fr", "La Cemac fixe un seuil de 500 000 FCFA.", [("500 000 FCFA", "XAF")]),
        ("fr", "La Bceao a payé 5 millions de francs.", [("5 millions de francs", "XOF")]),
        ("fr", "Il a payé 5 000 francs.", []),
        ("en", "He paid 5,000 francs.", []),
    ],
)
def test_amounts_shared_currency_markers_take_the_country_of_the_text(nlps, lang, text, expected):
    assert [(r["text"], r["currency"]) for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "En ce moment, le plafond de paiement en liquide dans les commerces atteint les 3.000 euros.", ["below"]),
        ("fr", "Le montant des saisies atteint 3 000 euros.", [None]),
        ("en", "The EU would restrict Russian payments to European crypto wallets to 10,000 euros.", ["below"]),
        ("en", "Payments were restricted to 10,000 euros.", ["below"]),
        ("en", "The restricted funds amounted to $5 million.", [None]),
        ("en", "Penalties vary according to severity, with maximums ranging from $1,000 to $500,000 per violation.",
         ["below", "below"]),
        ("en", "Fines range from $1,000 to $500,000.", [None, None]),
    ],
)
def test_amounts_cap_reached_restricted_and_ranging_maximums(nlps, lang, text, expected):
    assert [r["threshold"] for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "L'émetteur devra cesser d'en émettre si la limite de 200 millions d'euros par jour est dépassée.", ["above"]),
        ("en", "The issuer must stop if the limit of 200 million euros per day is exceeded.", ["above"]),
        # negated, or no ceiling before: nothing changes
        ("fr", "Le plafond de 3 000 euros n'est pas dépassé.", ["below"]),
        ("fr", "Le plafond de 3 000 euros ne peut être dépassé.", ["below"]),
        ("en", "The limit of $100 cannot be exceeded.", ["below"]),
        ("fr", "Une somme de 3 000 euros est dépassée chaque jour.", [None]),
    ],
)
def test_amounts_a_ceiling_said_to_be_passed_after_its_amount_is_a_floor(nlps, lang, text, expected):
    assert [r["threshold"] for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "seulement", "only" between a cap's link and its amount
        ("fr", "Des amendements pour réduire la limite des cartes anonymes rechargeables à seulement 100€/mois.",
         [("100€", "EUR", "below")]),
        ("en", "Withdrawals are limited to only $500 a day.", [("$500", "USD", "below")]),
        # a rate's unit after the first of two coordinated amounts
        ("fr", "Le risque est faible en dessous de 2500€/an pour les cartes rechargeables et 250€ pour les autres.",
         [("2500€", "EUR", "below"), ("250€", "EUR", "below")]),
        # a fiat code after a "$" amount belongs to it and names its currency
        ("en", "Diesel will be capped at $100 USD per barrel.", [("$100 USD", "USD", "below")]),
        ("en", "The fee is $50 CAD per transfer.", [("$50 CAD", "CAD", None)]),
        ("en", "He paid $50 to USD Coin holders.", [("$50", "USD", None)]),
        # the CFP franc, written with its name
        ("fr", "Les retraits dont les montants cumulés dépassent 1.193.000 francs CFP sur un mois.",
         [("1.193.000 francs CFP", "XPF", "above")]),
    ],
)
def test_amounts_only_between_a_cap_and_its_amount_rate_units_and_codes_after_a_symbol(nlps, lang, text, expected):
    assert [(r["text"], r["currency"], r["threshold"]) for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Rs"/"Rs." before the number, lakh (100,000), crore (10,000,000) and lakh crore after it
        ("The penalty was of Rs 10 lakh.", [("Rs 10 lakh", 1e6, "INR", None)]),
        ("It also imposed a penalty of Rs 1.96 crore.", [("Rs 1.96 crore", 1.96e7, "INR", None)]),
        ("The ED attached assets worth Rs. 19.22 crores.", [("Rs. 19.22 crores", 1.922e8, "INR", None)]),
        ("Assets worth about ₹1.55 lakh crore were attached.", [("₹1.55 lakh crore", 1.55e12, "INR", None)]),
        ("A penalty of ₹35 crore was imposed.", [("₹35 crore", 3.5e8, "INR", None)]),
        ("Officer: Fine of not less than Rs. 25 Lakhs.", [("Rs. 25 Lakhs", 2.5e6, "INR", "above")]),
        # Indian digit grouping: a comma every two digits above the thousands
        ("The attached Rs 2,85,73,500 assets are bank deposits.", [("Rs 2,85,73,500", 28573500.0, "INR", None)]),
        ("It attached Rs 1,16,792 crore in ten years.", [("Rs 1,16,792 crore", 1.16792e12, "INR", None)]),
        ("It received US$ 68,50,000 in the account.", [("US$ 68,50,000", 6850000.0, "USD", None)]),
        # "upto" and a statute's "may extend to" are ceilings
        ("Articles upto a value of Rs. 25,000 are free.", [("Rs. 25,000", 25000.0, "INR", "below")]),
        ("A fine which may extend to Rs.5,00,000 (five lakhs) or both.", [("Rs.5,00,000", 500000.0, "INR", "below")]),
        # a bare "Rs" in a text about Pakistan is a Pakistani rupee
        ("The State Bank of Pakistan fined the bank Rs 5 million in Karachi.", [("Rs 5 million", 5e6, "PKR", None)]),
    ],
)
def test_amounts_indian_rupees_lakh_crore_and_grouping(nlps, text, expected):
    assert summary(nlps, "en", text) == expected


@pytest.mark.parametrize("text", ["In 2019, 1,23,456 people voted.", "Mrs 5 children and Mr. 10 others."])
def test_amounts_indian_grouping_and_rs_need_a_currency(nlps, text):
    assert summary(nlps, "en", text) == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # CFA francs: West African unless the text is about the CEMAC
        ("fr", "Un client tend un billet de 10 000 F CFA à Lomé.", [("10 000 F CFA", 10000.0, "XOF", None)]),
        ("fr", "La Centif veut limiter les paiements en espèces à 100.000 Fcfa.", [("100.000 Fcfa", 1e5, "XOF", "below")]),
        ("fr", "Selon la BEAC, les opérations supérieures à 5 millions de FCFA seront justifiées.",
         [("5 millions de FCFA", 5e6, "XAF", "above")]),
        ("en", "A fine of 3,000,000 CFA francs in Cameroon.", [("3,000,000 CFA francs", 3e6, "XAF", None)]),
        # whole millions in digits take "de" before their currency
        ("fr", "Une amende de 5 000 000 de francs CFA au Sénégal.", [("5 000 000 de francs CFA", 5e6, "XOF", None)]),
        ("fr", "Il a payé 5.000.000 d'euros.", [("5.000.000 d'euros", 5e6, "EUR", None)]),
        # dinars: the country the text names; DA, DT and Tnd name theirs
        ("fr", "Les transactions supérieures à cinq millions de dinars se font par chèque en Algérie.",
         [("cinq millions de dinars", 5e6, "DZD", "above")]),
        ("fr", "En Tunisie, les paiements en espèces sont plafonnés à 5.000 dinars.", [("5.000 dinars", 5000.0, "TND", "below")]),
        ("fr", "Toute transaction dépassant les 500 000 DA sera payée par chèque.", [("500 000 DA", 5e5, "DZD", "above")]),
        ("fr", "La détention d'argent liquide dont la valeur dépasse 5 000 Tnd.", [("5 000 Tnd", 5000.0, "TND", "above")]),
        ("fr", "Une amende de 2 000 DT.", [("2 000 DT", 2000.0, "TND", None)]),
        # a suffix that holds a scale and a currency
        ("fr", "Les paiements ont totalisé 15.300,6 MDT dont 13,3 MDT par paiement électronique.",
         [("15.300,6 MDT", 15300600000.0, "TND", None), ("13,3 MDT", 13300000.0, "TND", None)]),
        ("fr", "La monnaie fiduciaire a atteint 475 MMDH au Maroc.", [("475 MMDH", 4.75e11, "MAD", None)]),
        # "$ CAD" after the number, "US $" before it
        ("fr", "Au-delà de 10000$ CAD il peut y avoir des obligations.", [("10000$ CAD", 1e4, "CAD", "above")]),
        ("en", "Foreign currency notes exceed US $ 5,000 or equivalent.", [("US $ 5,000", 5000.0, "USD", "above")]),
    ],
)
def test_amounts_cfa_francs_dinars_and_scaled_suffixes(nlps, lang, text, expected):
    assert summary(nlps, lang, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Le projet propose de limiter les transactions en espèces à 3 mille dinars.",  # no country named
        "Il est né en 2000 de parents sénégalais.",
    ],
)
def test_amounts_bare_dinars_without_a_country_and_years_are_left_out(nlps, text):
    assert summary(nlps, "fr", text) == []


@pytest.mark.parametrize(
    ("lang", "text", "sanctions"),
    [
        ("en", "OFSI has introduced fixed monetary penalties of £5,000 for certain offences.", True),
        ("en", "It attached Rs 4.20 crore under the Prevention of Money Laundering Act (PMLA).", True),
        ("en", "The total attachment, under the PMLA, is now Rs 9.70 crore.", True),
        ("en", "Tankers sold Russian crude at $75 a barrel.", True),
        ("fr", "Le G7 maintiendra un plafond de 60 dollars par baril pour le pétrole russe.", True),
        # "sanctioned" as approved (Indian banking), a tax penalty, a regulation's penalties: no sanctions
        ("en", "Out of Rs 450 crores disbursed, Rs 25 crore went beyond the sanctioned terms.", False),
        ("en", "The sanctioned loan amount of Rs 5 crore was diverted.", False),
        ("fr", "Indépendamment des sanctions fiscales applicables, l'amende est de 3 750 euros.", False),
        ("fr", "Les sanctions pour non-respect du règlement vont jusqu'à 10 millions d'euros.", False),
        # the sanctions themselves still count
        ("fr", "Les sanctions contre la Russie visent 300 milliards d'euros d'avoirs.", True),
        ("en", "The sanctioned oligarch moved $5 million.", True),
    ],
)
def test_amounts_sanctions_context_ofsi_pmla_russian_oil_and_other_meanings(nlps, lang, text, sanctions):
    found = records(nlps, lang, text)
    assert found and {r["sanctions_context"] for r in found} == {sanctions}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a prison term between the penalty word and the fine
        ("en", "Failure to comply is punishable by three years’ imprisonment and a fine of 375,000 euros.", ["below"]),
        ("en", "Section 25A(1) Maximum 3 months’ imprisonment and a fine of HK$50,000.", ["below"]),
        ("en", "Maximum sentence of three years’ imprisonment and a fine of HK$500,000 for tipping off.", ["below"]),
        ("fr", "Les infractions sont punies d'un emprisonnement d'un an et d'une amende de 3 750 euros.", ["below"]),
        ("fr", "Toute infraction est punie d'une amende de 18 000 euros.", ["below"]),
        ("fr", "En cas de récidive, la peine est de deux ans de prison et de 7 500 euros d'amende.", ["below"]),
        ("fr", "La peine est de dix ans d'emprisonnement et l'amende de 750 000 euros, lorsque le blanchiment est habituel.",
         ["below"]),
        # a fine range the law sets: its minimum and its maximum
        ("fr", "Est puni d’une peine d’emprisonnement de trois à six mois et d’amende de 500 000 à 5 000 000 de francs CFA.",
         ["above", "below"]),
        ("en", "It shall be punishable by a fine of 3,000,000 to 10,000,000 CFA francs.", ["above", "below"]),
        # a fine imposed, or words that are no penalty, stay plain
        ("fr", "Il a été puni d'une amende de 5 000 euros.", [None]),
        ("en", "He was sentenced to two years in prison and a fine of $5,000.", [None]),
        ("en", "Subject to a review, the firm paid a fine of $5,000.", [None]),
    ],
)
def test_amounts_statutory_fine_after_a_prison_term_and_fine_ranges(nlps, lang, text, expected):
    assert [r["threshold"] for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a header line with a cap word over rows of amounts, no "|"
        ("fr", "Contravention Amende maximale\n1re classe 38 €\n2e classe 150 €\n5e classe 1 500 € - 3 000 € en cas de récidive",
         ["below", "below", "below", "below"]),
        ("fr", "Type de carte Plafond hebdomadaire moyen\nCarte de base 300 – 500 €\nCarte classique 500 – 800 €",
         ["below", "below", "below", "below"]),
        ("en", "State New Customer Limit Existing Customer Limit Fee Cap Status\n"
               "Arizona $2,000/day $10,500/day 10 Days N/A\nArkansas $2,000/day $7,500/day 18% or $5 Active",
         ["below"] * 5),
        # a header without a cap word, a heading over prose, a single row
        ("fr", "Contravention Amende forfaitaire\n1re classe 11 € 33 €\n2e classe 35 € 75 €", [None] * 4),
        ("fr", "Les limites de retrait\nIl a retiré 300 € hier soir au distributeur de la gare, puis il est parti.", [None]),
        ("en", "Daily limits\nArizona $2,000/day", [None]),
    ],
)
def test_amounts_plain_text_table_header_gives_its_rows_a_direction(nlps, lang, text, expected):
    assert [r["threshold"] for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a limit noun with its kind after the amount
        ("en", "Colorado will impose a $2,000 daily transaction limit on new users.", ["below"]),
        ("en", "Vermont set a $1,000 withdrawal limit.", ["below"]),
        # a duty-free allowance is a ceiling, near or far
        ("en", "Passengers are eligible for duty free allowance of Rs 6,000.", ["below"]),
        ("en", "As per the rules, the free baggage allowance is Rs. 45,000", ["below"]),
        # an English far cap word may take an adverb after its verb
        ("en", "Goods worth up to Rs 75,000 are duty-free. This limit was previously Rs 50,000.", ["below", "below"]),
        ("en", "The price was then $500.", [None]),
        # "close to" in a conversion's brackets
        ("en", "If the total value exceeds €10,000 (close to $11,000).", ["above", "above"]),
        # a restatement may open the bracket after a far cap word
        ("fr", "Ils sont exonérés si leur montant ne dépasse pas 5 % du plafond mensuel de la Sécurité sociale "
               "par évènement (soit 196€ pour 2025).", ["below"]),
        # an allowance that is paid is no ceiling
        ("en", "He received a housing allowance of $2,000.", [None]),
    ],
)
def test_amounts_limit_compounds_allowances_adverbs_and_close_to(nlps, lang, text, expected):
    assert [r["threshold"] for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a share of something coordinated with the amount, under the same cue
        ("fr", "Les amendes vont jusqu’à 2 % du CA et 10 millions d’euros.", [("10 millions d’euros", "below")]),
        ("fr", "Un paiement reste possible s'il ne dépasse pas 10 % du prix de vente total et la somme de 5.000,00 EUR.",
         [("5.000,00 EUR", "below")]),
        ("en", "Fines of up to 4% of annual turnover or €20 million.", [("€20 million", "below")]),
        ("fr", "Il a vendu 10 % des parts et 5 millions d'euros d'actifs.", [("5 millions d'euros", None)]),
        # an alternative after "voire" shares the currency and the cue
        ("fr", "Une personne peut donner jusqu'à 50 000, voire 75 000 euros à un parti.",
         [("50 000", "below"), ("75 000 euros", "below")]),
        ("fr", "Il a gagné 300 euros, voire plus.", [("300 euros", None)]),
        # the value it replaces, after "au lieu de", further on
        ("fr", "Il limite à 7 500 euros par foyer la réduction d'impôt de 66 % du montant des dons réalisés, au lieu de 15 000 euros.",
         [("7 500 euros", "below"), ("15 000 euros", "below")]),
        # ... with no comma before it
        ("fr", "Le plafond de paiement en espèces a été abaissé à 1 000 euros au lieu de 3 000 euros.",
         [("1 000 euros", "below"), ("3 000 euros", "below")]),
        ("fr", "Il a payé 1 000 euros au lieu de 3 000 euros.", [("1 000 euros", None), ("3 000 euros", None)]),
        # a quoted qualifier between a cap word and "de"; "est un (bon) plafond" after the amount
        ("fr", "Prenons un exemple de base au plafond “simple” de 196 € par an.", [("196 €", "below")]),
        ("fr", "Il s'agit de savoir si la somme de 7 500 euros est un bon plafond ou non.", [("7 500 euros", "below")]),
    ],
)
def test_amounts_shares_alternatives_replaced_values_and_quoted_qualifiers(nlps, lang, text, expected):
    assert [(r["text"], r["threshold"]) for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a limit that does not allow someone to exceed an amount: a ceiling
        ("There is an additional limit that does not allow them to exceed $10,000 in a 14-day period.", ["below"]),
        # "and a total of" after a ceiling shares it; no ceiling, nothing to share
        ("NRIs can carry up to US$5,000 in cash and a total of US$10,000 including cash.", ["below", "below"]),
        ("He paid $500 and a total of $900 later.", [None, None]),
    ],
)
def test_amounts_not_allowed_to_exceed_and_a_total_of(nlps, text, expected):
    assert [r["threshold"] for r in records(nlps, "en", text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the press writes AUSTRAC's name in lower case, as it does the BEAC's
        ("en", "Each breach could attract a penalty of up to $22.2m, and if Austrac's action succeeds Crown pays.",
         [("$22.2m", "AUD")]),
        # the Swiss federal prosecutor (MPC) and the federal courts are Swiss bodies
        ("fr", "Le MPC a obtenu des confiscations de plus de 500 millions de francs.", [("500 millions de francs", "CHF")]),
        ("fr", "Le Tribunal pénal fédéral a confisqué 64 millions de francs.", [("64 millions de francs", "CHF")]),
        # without such a body, still no currency the kit can name
        ("fr", "Le tribunal a confisqué 64 millions de francs.", []),
    ],
)
def test_amounts_shared_currency_markers_read_austrac_and_swiss_federal_bodies(nlps, lang, text, expected):
    assert [(r["text"], r["currency"]) for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Accepting cash of Rs 2 Lakh and more is an offence now.", [("Rs 2 Lakh", "above")]),
        ("Cash payments of $10,000 and more must be reported.", [("$10,000", "above")]),
        ("He paid $5,000 and then left.", [("$5,000", None)]),
    ],
)
def test_amounts_english_and_more_after_the_amount_is_a_floor(nlps, text, expected):
    assert [(r["text"], r["threshold"]) for r in records(nlps, "en", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the counter-value of the amount stands between the comparison and the amount
        ("Les devises sont déclarées lorsque leur montant est égal ou supérieur à la contre-valeur de 100.000 dirhams.",
         [("100.000 dirhams", "above")]),
        # the same word with a no-break hyphen (U+2011), as pages often write it
        ("Les devises sont déclarées lorsque leur montant est égal ou supérieur à la contre\u2011valeur de 100.000 dirhams.",
         [("100.000 dirhams", "above")]),
        ("Les sommes supérieures à l'équivalent de 10 000 euros doivent être déclarées.", [("10 000 euros", "above")]),
        ("Il a payé la contre-valeur de 100.000 dirhams.", [("100.000 dirhams", None)]),
    ],
)
def test_amounts_french_counter_value_between_comparison_and_amount(nlps, text, expected):
    assert [(r["text"], r["threshold"]) for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For months after Western allies limited sales of Russian oil to $60 per barrel, the cap was symbolic.",
         [("$60", "below")]),
        ("The administration wants to maintain restrictions on Russian oil prices at $60 per barrel.", [("$60", "below")]),
        ("The regulator limited cash withdrawals to $500 a day.", [("$500", "below")]),
        # a verb of sum says what something came to, not where a cap stands
        ("The limited funds amounted to $5 million.", [("$5 million", None)]),
        ("Restrictions on transfers amounted to $5 million.", [("$5 million", None)]),
        # a capitalised "Limited" ends a company's name and caps nothing
        ("Guaranty Trust Bank (UK) Limited was fined a total of £7.6m in 2023.", [("£7.6m", None)]),
        ("Restrictions on Russian oil cost Moscow $60 billion, officials said.", [("$60 billion", None)]),
    ],
)
def test_amounts_english_far_cap_verbs_limited_and_restrictions(nlps, text, expected):
    assert [(r["text"], r["threshold"]) for r in records(nlps, "en", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the shared marker written again as a plural word belongs to the amount
        ("Bittrex had 116,000 violations accounting for $263 million dollars of sanctioned transactions.",
         [("$263 million dollars", 263_000_000.0, "USD")]),
        ("FINTRAC fined the bank $5 million dollars.", [("$5 million dollars", 5_000_000.0, "CAD")]),
        # a singular is an adjective of the noun after it
        ("AmBank reached a $700 million dollar settlement with Malaysia.", [("$700 million", 700_000_000.0, "USD")]),
        # another currency's word is no repetition
        ("It cost $5 euros less.", [("$5", 5.0, "USD")]),
    ],
)
def test_amounts_repeated_shared_marker_after_the_amount_is_part_of_it(nlps, text, expected):
    assert [(r["text"], r["value"], r["currency"]) for r in records(nlps, "en", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les Occidentaux imposent des restrictions sur le prix du pétrole russe à 60 dollars le baril.",
         [("60 dollars", "below")]),
        ("Les diplomates de l'UE ont discuté de restrictions sur le prix de vente du pétrole russe dans une "
         "fourchette de 65 à 70 dollars le baril.", [("65", "below"), ("70 dollars", "below")]),
        # restrictions that link to no amount
        ("Les restrictions ont coûté à la Russie 60 milliards de dollars.", [("60 milliards de dollars", None)]),
    ],
)
def test_amounts_french_restrictions_is_a_far_cap_word(nlps, text, expected):
    assert [(r["text"], r["threshold"]) for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("raw", "decimal_mark", "before_scale", "expected"),
    [
        # before a scale word a lone dot is a decimal point in French too
        ("8.985", ",", True, "8.985"),
        ("3.768", ",", True, "3.768"),
        # a dot grouping thousands without a scale word
        ("8.985", ",", False, "8985"),
        # a comma before a scale word in English still groups ("1,500 million")
        ("1,500", ".", True, "1500"),
    ],
)
def test_parse_number_dot_before_scale_is_decimal(raw, decimal_mark, before_scale, expected):
    assert parse_number(raw, decimal_mark=decimal_mark, before_scale=before_scale) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "amount", "value"),
    [
        ("La banque s'est vu infliger une amende de 8.985 millions d'euros.", "8.985 millions d'euros", 8_985_000.0),
        ("Le montant atteint 3.768 M€ selon le régulateur.", "3.768 M€", 3_768_000.0),
        # before milliards a dot may group thousands, as budgets write them ("1.300 milliards de FCFA")
        ("Le budget s'élève à 1.300 milliards de FCFA.", "1.300 milliards de FCFA", 1_300_000_000_000.0),
        # no scale word: the dot groups thousands
        ("Une amende de 8.985 euros a été infligée.", "8.985 euros", 8_985.0),
    ],
)
def test_amounts_french_dot_before_scale_word_is_decimal(nlps, text, amount, value):
    assert [(r["text"], r["value"]) for r in records(nlps, "fr", text)] == [(amount, value)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a law that represses the offence, or provides its penalty
        ("En France, le blanchiment est réprimé par l'article 324-1 du Code pénal qui prévoit une peine de 5 ans "
         "de prison et 375 000 euros d'amende.", [("375 000 euros", "below")]),
        ("Le code prévoit des peines de 3 ans de prison et 45 000 euros d'amende.", [("45 000 euros", "below")]),
        # the penalty word closes the heading of the list that holds the fine
        ("Ce dernier prévoit les peines suivantes :\n- 5 ans de prison\n- 375 000 euros d'amendes",
         [("375 000 euros", "below")]),
        ("Les prestataires non enregistrés encourent :\n- deux ans d'emprisonnement\n- 30 000 euros d'amende",
         [("30 000 euros", "below")]),
        # the fine joined to a prison term, its noun unsaid
        ("Ces peines sont portées à dix ans d'emprisonnement et 750 000 euros :", [("750 000 euros", "below")]),
        # a fine imposed stays plain, in a list too
        ("Le tribunal l'a condamné à 5 ans de prison et 375 000 euros d'amende.", [("375 000 euros", None)]),
        ("Le tribunal a prononcé :\n- 5 ans de prison\n- 375 000 euros d'amende", [("375 000 euros", None)]),
        ("Les sommes sont portées à 750 000 euros.", [("750 000 euros", None)]),
    ],
)
def test_amounts_french_statutory_fine_repressed_provided_listed_or_joined(nlps, text, expected):
    assert [(r["text"], r["threshold"]) for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # thousands grouped by apostrophes are written the Swiss way: the bare francs are Swiss
        ("Le maximum prévu est de 5000 francs. Les sanctions peuvent atteindre 100'000 francs.",
         [("5000 francs", "CHF"), ("100'000 francs", "CHF")]),
        ("Une amende de 300’000 francs a été infligée.", [("300’000 francs", "CHF")]),
        # a text about a CFA country keeps its francs
        ("Au Sénégal, à Dakar, la BCEAO a infligé une amende de 5'000 francs et de 20 000 francs.",
         [("5'000 francs", "XOF"), ("20 000 francs", "XOF")]),
        # no country and no Swiss number: the bare franc is left out
        ("Une amende de 5000 francs a été infligée.", []),
        # an apostrophe that groups nothing
        ("L'amende de l'an 2'3 est de 5000 francs.", []),
    ],
)
def test_amounts_french_apostrophe_grouping_makes_bare_francs_swiss(nlps, text, expected):
    assert [(r["text"], r["currency"]) for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Toute personne qui transporte 10 000 euros liquide ou plus doit le déclarer.", [("10 000 euros", "above")]),
        ("Un voyageur qui transporte 10 000 euros cash ou plus doit les déclarer.", [("10 000 euros", "above")]),
        ("Il transportait 10 000 euros liquide dans sa valise.", [("10 000 euros", None)]),
    ],
)
def test_amounts_french_cash_adjective_between_amount_and_floor_after(nlps, text, expected):
    assert [(r["text"], r["threshold"]) for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La Sûreté du Québec (SQ) enquête sur une fraude estimée à plus de 14,5 millions $.",
         [("14,5 millions $", "CAD")]),
        ("Selon la police provinciale, la fraude dépasse 530 millions de dollars.", [("530 millions de dollars", "CAD")]),
        # one weak place name is not enough
        ("Une fraude de 14,5 millions $ a été découverte à Québec.", [("14,5 millions $", "USD")]),
        ("Le FBI enquête sur une fraude de 14,5 millions $.", [("14,5 millions $", "USD")]),
    ],
)
def test_amounts_french_quebec_police_makes_bare_dollars_canadian(nlps, text, expected):
    assert [(r["text"], r["currency"]) for r in records(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the local dollar written out beside the bare one in brackets: the bare one is the US dollar
        ("The Monetary Authority of Singapore (MAS) fined six banks. Credit Suisse Singapore Branch received the "
         "largest fine of $4.55m (S$5.8m).", [("$4.55m", "USD"), ("S$5.8m", "SGD")]),
        ("The Monetary Authority of Singapore (MAS) has imposed S$27.5 million ($21.5 million) in penalties.",
         [("S$27.5 million", "SGD"), ("$21.5 million", "USD")]),
        ("AUSTRAC said the casino owes A$450 million ($290 million).", [("A$450 million", "AUD"), ("$290 million", "USD")]),
        # no local dollar written out: the country's cues decide
        ("The Monetary Authority of Singapore (MAS) fined the bank $4.55m.", [("$4.55m", "SGD")]),
        # a conversion into another currency leaves the cues to decide
        ("The Monetary Authority of Singapore (MAS) fined the bank $4.55m (€3.1m).",
         [("$4.55m", "SGD"), ("€3.1m", "EUR")]),
    ],
)
def test_amounts_bare_dollar_beside_written_local_dollar_is_default(nlps, text, expected):
    assert [(r["text"], r["currency"]) for r in records(nlps, "en", text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "amount", "currency"),
    [
        ("en", "any single cash transaction exceeding AUD $10,000 must be reported", "AUD $10,000", "AUD"),
        ("en", "a fine of USD $5 million", "USD $5 million", "USD"),
        ("en", "the bank paid CAD$200,000", "CAD$200,000", "CAD"),
        ("en", "in the SG$3.0 billion (RM$9.94 billion) case", "RM$9.94 billion", "MYR"),
        ("en", "a penalty of NZD $1.2 million", "NZD $1.2 million", "NZD"),
    ],
)
def test_amounts_code_before_dollar_sign_names_the_dollar(nlps, lang, text, amount, currency):
    found = {r["text"]: r["currency"] for r in records(nlps, lang, text)}
    assert found.get(amount) == currency


# -- currency symbols from CLDR, prefixes touching digits, conversions' sanctions flag -----------


def test_amounts_locale_prefixed_symbols_match_babel():
    from helpers.amounts.vocabulary import load_currencies, locale_prefixed_symbols

    assert load_currencies()["locale_prefixed_symbols"] == locale_prefixed_symbols()


@pytest.mark.parametrize(
    ("lang", "text", "amount", "value", "currency"),
    [
        ("en", "He was fined RM 5,000 by the Sessions Court.", "RM 5,000", 5e3, "MYR"),
        ("en", "Losses reached RM1.2 billion last year.", "RM1.2 billion", 1.2e9, "MYR"),
        ("en", "The exchange was fined NT$3 million.", "NT$3 million", 3e6, "TWD"),
        ("en", "Assets worth Rp 2.5 trillion were seized.", "Rp 2.5 trillion", 2.5e12, "IDR"),
        ("en", "The fine was S/ 500,000 under Peruvian law.", "S/ 500,000", 5e5, "PEN"),
        ("fr", "Une saisie de RM 20 000 a été opérée.", "RM 20 000", 2e4, "MYR"),
    ],
)
def test_amounts_cldr_symbols_written_before_the_number(nlps, lang, text, amount, value, currency):
    assert summary(nlps, lang, text) == [(amount, value, currency, None)]


@pytest.mark.parametrize(
    ("text", "amount", "value", "currency"),
    [
        ("travellers must declare S$20,000 or more; one carried RM69,555.", "RM69,555", 69555, "MYR"),
        ("a network involved in laundering Dh180 million in cryptocurrency", "Dh180 million", 1.8e8, "AED"),
        ("fined Dhs1.2bn for the breach", "Dhs1.2bn", 1.2e9, "AED"),
        ("a penalty of Rs5,000 was levied", "Rs5,000", 5e3, "INR"),
        ("assets worth Rp10.000.000 were frozen", "Rp10.000.000", 1e7, "IDR"),
    ],
)
def test_amounts_letter_prefix_touching_its_digits(nlps, text, amount, value, currency):
    assert (amount, value, currency) in [(r["text"], r["value"], r["currency"]) for r in records(nlps, "en", text)]


@pytest.mark.parametrize("text", ["The ARM64 build and the FORM500 template.", "Grade DRM2 encryption."])
def test_amounts_letter_prefix_inside_a_word_is_no_amount(nlps, text):
    assert records(nlps, "en", text) == []


@pytest.mark.parametrize(
    ("lang", "text", "amount", "value", "currency"),
    [
        ("en", "money-laundering operations worth Dirham 641 million were foiled", "Dirham 641 million", 6.41e8, "AED"),
        ("en", "The court fined him Dhs 5,000.", "Dhs 5,000", 5e3, "AED"),
        ("en", "Dubai Police seized Dirhams 2.5 million in cash.", "Dirhams 2.5 million", 2.5e6, "AED"),
        ("en", "Bank Al-Maghrib fined the lender Dh 20,000.", "Dh 20,000", 2e4, "MAD"),
    ],
)
def test_amounts_dirham_written_before_the_number(nlps, lang, text, amount, value, currency):
    assert [(r["text"], r["value"], r["currency"]) for r in records(nlps, lang, text)] == [(amount, value, currency)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the fine word sits by one of the two: the sentence before reaches both
        ("en", "The Monetary Authority of Singapore acted against six banks for anti-money laundering breaches. "
               "Credit Suisse received the largest fine of $4.55m (S$5.8m).", [True, True]),
        ("en", "The MAS took action for anti-money laundering breaches. UOB got a $4.39m (S$5.6m) fine.", [True, True]),
        ("fr", "La CENTIF a relevé des manquements aux obligations de lutte contre le blanchiment. "
               "La banque paiera une amende de 10 millions de francs CFA (15 245 euros).", [True, True]),
        # no sanctions context for either
        ("en", "The company received a payment of $4.55m (S$5.8m).", [False, False]),
    ],
)
def test_amounts_conversion_shares_the_sanctions_flag(nlps, lang, text, expected):
    assert [r["sanctions_context"] for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "penalties to the tune of even Dirhams Fifty Million in such cases", [("Dirhams Fifty Million", 5e7, "AED")]),
        ("en", "a fine of AED five million was imposed", [("AED five million", 5e6, "AED")]),
        ("en", "assets of USD two and a half billion", [("USD two and a half billion", 2.5e9, "USD")]),
        ("fr", "une amende de EUR cinq millions", [("EUR cinq millions", 5e6, "EUR")]),
        # only a scale of a million or more follows a currency written first
        ("en", "He paid USD five thousand.", []),
    ],
)
def test_amounts_currency_before_a_written_number(nlps, lang, text, expected):
    assert [(r["text"], r["value"], r["currency"]) for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a fine for money laundering, named in its sentence or the one before
        ("en", "The bank was ordered to pay $79 million in penalties for its role in a money laundering scandal.", [True]),
        ("en", "Regulators fined the lender £42m for failing to act on red flags around a laundering network.", [True]),
        ("en", "Offenders can be penalised for money laundering. Penalties include fines from AED 50,000 "
               "to AED 5,000,000.", [True, True]),
        ("en", "The law punishes money-laundering. Those convicted face a fine of up to $500,000.", [True]),
        # the sum laundered stays criminal proceeds, and an amount that is no fine takes nothing
        ("en", "Police arrested 12 people for a scheme that laundered HK$118 million through mule accounts.", [False]),
        ("en", "The money laundering case involved $3 billion in assets.", [False]),
        ("en", "The law punishes money laundering. The company reported revenue of $500,000.", [False]),
    ],
)
def test_amounts_sanctions_context_of_a_money_laundering_penalty(nlps, lang, text, expected):
    assert [r["sanctions_context"] for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # cross-border movements of cash that anti-money-laundering law makes declared
        ("fr", "Tout mouvement d'argent liquide de 10 000 euros ou plus vers un pays tiers doit être déclaré.", True),
        ("fr", "Le transport d'argent liquide d'un montant supérieur à 50 000 euros exige un justificatif.", True),
        ("fr", "L'obligation de déclaration des transferts de capitaux vaut dès 10 000 euros.", True),
        ("fr", "Un voyageur qui emporte 10 000 euros en titres négociables au porteur doit le déclarer.", True),
        # Singapore's statute that punishes the undeclared sum
        ("en", "The offence under the Confiscation of Benefits Act is punishable with a fine of up to S$50,000.", True),
        ("en", "Under the CDSA, the maximum fine is S$50,000.", True),
        # cash that names no such movement
        ("fr", "Il a retiré 10 000 euros en argent liquide pour acheter une voiture.", False),
    ],
)
def test_amounts_sanctions_context_of_cross_border_cash_movements(nlps, lang, text, expected):
    assert [r["sanctions_context"] for r in records(nlps, lang, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a duty to declare cash at a border or to customs
        ("Travellers must declare cash of €10,000 or more when they leave the EU.", True),
        ("You will need to declare any sums of cash of 10,000 euros or more to customs.", True),
        ("Anyone carrying more than $10,000 in cash must make a declaration at the border.", True),
        ("She was caught bringing S$25,000 of undeclared currency into Singapore.", True),
        ("Travellers must report currency or monetary instruments of C$10,000 or more to the CBSA.", True),
        ("A declaration is required for currency and bearer negotiable instruments above HK$120,000.", True),
        ("The reporting of cross-border cash of AUD 10,000 or more is mandatory.", True),
        # a tax declaration, and a declaration that is no duty about cash
        ("You must declare income above £1,000 on your tax return.", False),
        ("The company declared a cash dividend of $2 million.", False),
        ("The minister declared that exports reached $5 billion.", False),
        ("Customs detected undeclared cash and seized almost $675,000.", False),
    ],
)
def test_amounts_sanctions_context_of_an_english_cash_declaration(nlps, text, expected):
    assert [r["sanctions_context"] for r in records(nlps, "en", text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # le devoir de déclarer l'argent liquide à la frontière ou à la douane
        ("Vous devez déclarer l'argent liquide que vous transportez dès 10 000 euros.", True),
        ("Déclarez vos capitaux à la douane si vous voyagez avec plus de 10 000 euros.", True),
        ("Toute somme transportée supérieure à 10 000 euros doit être déclarée.", True),
        ("La déclaration des espèces est obligatoire au-delà de 5 millions de francs CFA.", True),
        ("Les devises importées doivent être déclarées au-delà de 100 000 dirhams.", True),
        ("Le transport transfrontalier d'argent liquide de 10 000 euros ou plus est encadré.", True),
        ("Le seuil des instruments négociables au porteur est fixé à 10 millions de FCFA.", True),
        # une déclaration fiscale, une déclaration sans argent liquide
        ("Les revenus de plus de 10 000 euros doivent être déclarés aux impôts.", False),
        ("Un don en espèces de 5 000 euros doit être déclaré à l'administration fiscale.", False),
        ("Le ministre a déclaré que le budget atteint 3 milliards d'euros.", False),
        ("Les douaniers ont saisi 48 000 euros en liquide non déclarés.", False),
    ],
)
def test_amounts_sanctions_context_of_a_french_cash_declaration(nlps, text, expected):
    assert [r["sanctions_context"] for r in records(nlps, "fr", text)] == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a fine on a list line takes the context of the line that leads into the list
        ("en", "Under Section 4 of the PMLA, an offender is punishable with:\n- Imprisonment: up to seven years.\n"
               "- Seizure: of the property involved.\n- Fine: up to INR 5 lakh.", [True]),
        ("fr", "Le blanchiment est puni par le code pénal des peines suivantes :\n- 5 ans de prison.\n"
               "- la confiscation des biens.\n- 375 000 euros d'amende.", [True]),
        # a lead-in that ends with its colon reaches over one blank line; a sentence that ends with a stop does not
        ("en", "Under the PMLA, an offender is punishable with:\n\n- Fine: up to $5,000", [True]),
        ("en", "Under the PMLA, an offender is punishable.\n\n- Fine: up to $5,000", [False]),
        # a lead-in that names no rule, an amount that is no fine
        ("en", "Offenders are punishable with:\n- Imprisonment: up to seven years.\n- Seizure: of the property.\n"
               "- Fine: up to $5,000.", [False]),
        ("en", "Under the PMLA, the bank reported:\n- Revenue: $5 million", [False]),
    ],
)
def test_amounts_sanctions_context_of_a_listed_penalty_reaches_the_lead_in(nlps, lang, text, expected):
    assert [r["sanctions_context"] for r in records(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # every current ISO 4217 code (CLDR), in capitals, glued or spaced
        ("en", "Reports above UGX 20,000,000 go to the FIA.", [("UGX 20,000,000", 20_000_000, "UGX")]),
        ("en", "Cash above PHP5 million must be reported.", [("PHP5 million", 5_000_000, "PHP")]),
        ("en", "She was fined GHS 2,000 and BDT 5 million.", [("GHS 2,000", 2000, "GHS"), ("BDT 5 million", 5_000_000, "BDT")]),
        # with one capital before its number, as the local press writes it
        ("en", "Large cash reports start at Ugx 20 million.", [("Ugx 20 million", 20_000_000, "UGX")]),
        ("en", "Transfers of Kes 70,000 are free.", [("Kes 70,000", 70_000, "KES")]),
        # CLDR symbols of one currency: cedi, Kenyan shilling
        ("en", "A threshold of GH¢50,000.00 applies, or GH₵ 20,000.", [("GH¢50,000.00", 50_000, "GHS"), ("GH₵ 20,000", 20_000, "GHS")]),
        ("en", "The wallet holds Ksh.500,000 or KSh 300,000.", [("Ksh.500,000", 500_000, "KES"), ("KSh 300,000", 300_000, "KES")]),
        # CLDR names, singular and plural, English and French, and "<country> <units>"
        ("en", "The limit rose from 5,000 Egyptian pounds to 3 million Pakistani rupees.",
         [("5,000 Egyptian pounds", 5000, "EGP"), ("3 million Pakistani rupees", 3_000_000, "PKR")]),
        ("en", "He carried 10,000 Kenya shillings and 200 Nigerian nairas.",
         [("10,000 Kenya shillings", 10_000, "KES"), ("200 Nigerian nairas", 200, "NGN")]),
        ("fr", "Ils ont saisi 50 000 livres égyptiennes et 2 000 nairas nigérians.",
         [("50 000 livres égyptiennes", 50_000, "EGP"), ("2 000 nairas nigérians", 2000, "NGN")]),
        # a bare unit that one currency alone has
        ("fr", "Un dépôt de plus de 10 millions d'ariary doit être justifié.", [("10 millions d'ariary", 10_000_000, "MGA")]),
        ("en", "A fine not exceeding one million ringgit, or 50,000 cedis.", [("one million ringgit", 1_000_000, "MYR"), ("50,000 cedis", 50_000, "GHS")]),
    ],
)
def test_amounts_read_every_current_currency_from_cldr(nlps, lang, text, expected):
    records = amount_records(nlps[lang](text))
    assert [(r["text"], r["value"], r["currency"]) for r in records] == expected


@pytest.mark.parametrize(
    "text",
    [
        # codes that spell words, and unit names that are words, are no currency
        "All 50 states and the TOP 10 list; Top 5 and Pen 2 and Ron 5.",
        "She won 5 gold medals and 10 marks in 2 sums.",
        "The ALL 50 campaign.",
    ],
)
def test_amounts_word_codes_and_word_units_are_no_currency(nlps, text):
    assert amount_records(nlps["en"](text)) == []
