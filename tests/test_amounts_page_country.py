"""The country of a page's address as a cue for a shared currency marker (helpers.amounts.domains, .local)."""

from __future__ import annotations

import pandas as pd
import pytest
import spacy

from helpers import nlp as N
from helpers.amounts import amount_records, build_amounts, page_country, page_currencies, settle_currencies
from helpers.amounts.local import choose_currency
from helpers.evaluation import blank_amount_pipeline
from helpers.workspace import Workspace


@pytest.fixture(scope="module")
def nlps() -> dict[str, spacy.Language]:
    return {lang: blank_amount_pipeline(lang) for lang in ("fr", "en")}


def currencies(nlps, lang: str, text: str, url: str | None) -> list[tuple[str, str]]:
    return [(r["text"], r["currency"]) for r in amount_records(nlps[lang](text), url=url)]


# -- the address: top-level domain -> country -> currency -----------------------------------


@pytest.mark.parametrize(
    ("url", "country"),
    [
        # a country-code domain, and its second-level forms, read by the last label
        ("https://www.rts.ch/info/suisse/1234-amende.html", "CH"),
        ("https://www.abc.net.au/news/2024-06-01/cash-ban/104", "AU"),
        ("https://www.smh.com.au/business", "AU"),
        ("https://www.canada.gc.ca/fr/nouvelles.html", "CA"),
        ("http://www.news.gov.hk/eng/2018/07/index.htm", "HK"),
        ("https://www.stuff.co.nz/national/crime", "NZ"),
        ("https://www.straitstimes.com.sg/singapore", "SG"),
        ("https://www.lapresse.tn/2026/01/27/dinars", "TN"),
        ("https://www.thenationalnews.ae/business", "AE"),
        ("https://www.bbc.co.uk/news/business", "GB"),  # .uk is GB in ISO 3166
        # case, port, path, query, fragment, a final dot and a missing scheme do not matter
        ("HTTPS://WWW.RTS.CH:8443/Info?id=1#top", "CH"),
        ("http://BNNBloomberg.CA/russian-national", "CA"),
        ("https://lematin.ma./economie", "MA"),
        ("www.lematin.ma/economie/plafond", "MA"),
        # a domain sold worldwide is the country's own only under its registry's second level
        ("https://www.sic.gov.co/noticias", "CO"),
        ("https://www.example.co/news", None),
        # generic domains, sold worldwide or of no country
        ("https://www.reuters.com/markets", None),
        ("https://www.occrp.org/en/investigations", None),
        ("https://cointelegraph.io/news", None),
        ("https://www.francetvinfo.tv/x", None),
        ("https://startup.ai/blog", None),
        ("https://radio.fm/live", None),
        ("https://commission.europa.eu/news", None),
        ("https://finance.news/markets", None),
        # no address to read
        ("http://192.168.1.248/page", None),
        ("http://[::1", None),
        ("", None),
        (None, None),
    ],
)
def test_page_country_reads_the_country_code_domain(url, country):
    assert page_country(url) == country


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.rts.ch/info", ("CHF",)),
        ("https://www.smh.com.au/business", ("AUD",)),
        ("https://www.seneweb.sn/news", ("XOF",)),
        ("https://www.cameroon-tribune.cm/article", ("XAF",)),
        ("https://www.elwatan.dz/economie", ("DZD",)),
        ("https://www.dawn.com.pk/news", ("PKR",)),
        ("https://www.lemonde.fr/economie", ("EUR",)),
        ("https://www.reuters.com/markets", ()),
        (None, ()),
    ],
)
def test_page_currencies_come_from_the_country(url, expected):
    assert page_currencies(url) == expected


# -- the weighing: the page is one cue of weight 1 --------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "url", "expected"),
    [
        # a bare "$" or "dollars" on a page of a dollar country
        ("en", "The cash payment limit is $10,000.", "https://www.smh.com.au/business", [("$10,000", "AUD")]),
        ("en", "Travellers must declare more than $10,000.", "https://www.cbc.ca/news", [("$10,000", "CAD")]),
        ("en", "Customs seized $675,000 last year.", "https://www.stuff.co.nz/national", [("$675,000", "NZD")]),
        ("en", "The fine was $80,000.", "https://www.ica.gov.sg/news", [("$80,000", "SGD")]),
        ("en", "Cash above $120,000 must be declared.", "http://www.news.gov.hk/eng", [("$120,000", "HKD")]),
        ("fr", "Une pénalité de 348 067,50 $ a été imposée.", "https://fintrac-canafe.canada.ca/pen",
         [("348 067,50 $", "CAD")]),
        ("fr", "Le réseau a blanchi 17 millions de dollars.", "https://www.lapresse.ca/actualites",
         [("17 millions de dollars", "CAD")]),
        # a generic page, a page of another currency or no page: the text's reading
        ("en", "The cash payment limit is $10,000.", "https://www.reuters.com/markets", [("$10,000", "USD")]),
        ("en", "The cash payment limit is $10,000.", "https://www.lemonde.fr/x", [("$10,000", "USD")]),
        ("en", "The cash payment limit is $10,000.", None, [("$10,000", "USD")]),
        # a bare franc: the page's franc country names it; with none it stays left out
        ("fr", "Est puni d'une amende de 100 000 francs au plus.", "https://www.admin.ch/opc/fr",
         [("100 000 francs", "CHF")]),
        ("fr", "Est puni d'une amende de 100 000 francs au plus.", "https://www.seneweb.sn/news",
         [("100 000 francs", "XOF")]),
        ("fr", "Est puni d'une amende de 100 000 francs au plus.", "https://www.lesoir.be/x", []),
        ("fr", "Est puni d'une amende de 100 000 francs au plus.", None, []),
        # dirhams, dinars, rupees, CFA francs
        ("fr", "Le plafond est de 100 000 dirhams.", "https://www.thenationalnews.ae/business",
         [("100 000 dirhams", "AED")]),
        ("en", "The fine reached 50,000 dirhams.", "https://www.lematin.ma/economie", [("50,000 dirhams", "MAD")]),
        ("fr", "Les retraits sont plafonnés à 5 000 dinars.", "https://www.lapresse.tn/x", [("5 000 dinars", "TND")]),
        ("fr", "Les retraits sont plafonnés à 5 000 dinars.", "https://www.elwatan.dz/x", [("5 000 dinars", "DZD")]),
        ("fr", "Les retraits sont plafonnés à 5 000 dinars.", "https://www.lemonde.fr/x", []),
        ("en", "He was fined Rs 50,000.", "https://www.dawn.com.pk/news", [("Rs 50,000", "PKR")]),
        ("en", "He was fined Rs 50,000.", "https://www.dailymirror.lk/news", [("Rs 50,000", "LKR")]),
        ("fr", "Une amende de 3 000 000 FCFA.", "https://www.cameroon-tribune.cm/x", [("3 000 000 FCFA", "XAF")]),
    ],
)
def test_page_country_alone_names_a_shared_marker(nlps, lang, text, url, expected):
    assert currencies(nlps, lang, text, url) == expected


@pytest.mark.parametrize(
    ("lang", "text", "url", "expected"),
    [
        # a body's name (2) outweighs the page (1)
        ("en", "FINTRAC imposed a penalty of $50,000.", "https://www.smh.com.au/business", [("$50,000", "CAD")]),
        ("en", "The FBI seized $2 million from the gang.", "https://www.cbc.ca/news", [("$2 million", "USD")]),
        ("en", "AUSTRAC fined the casino $45 million.", "https://www.straitstimes.com.sg/x", [("$45 million", "AUD")]),
        ("fr", "Le Seco a gelé 5 millions de francs.", "https://www.seneweb.sn/news", [("5 millions de francs", "CHF")]),
        # a tie between the page and a place named once keeps the default
        ("en", "A Singapore firm paid $5 million.", "https://www.smh.com.au/business", [("$5 million", "USD")]),
        # a bare "$" that converts a local dollar written out is the US dollar, on the page's own site too
        ("en", "It received a fine of $4.55m (S$5.8m).", "https://www.straitstimes.com.sg/x",
         [("$4.55m", "USD"), ("S$5.8m", "SGD")]),
    ],
)
def test_page_country_is_outweighed_by_stronger_text_cues(nlps, lang, text, url, expected):
    assert currencies(nlps, lang, text, url) == expected


@pytest.mark.parametrize(
    ("weights", "page", "expected"),
    [
        ({}, ["AUD"], "AUD"),  # the page needs no least weight
        ({"CAD": 1}, [], "USD"),  # a place named once is under the least weight
        ({"CAD": 1}, ["CAD"], "CAD"),
        ({"CAD": 2}, ["AUD"], "CAD"),
        ({"USD": 1}, ["AUD"], "USD"),  # tie with the default
        ({"SGD": 1}, ["AUD"], "USD"),  # tie between two others
    ],
)
def test_choose_currency_weighs_the_page_as_one_cue(weights, page, expected):
    assert choose_currency(weights, default="USD", least=2, page=page) == expected


def test_settle_currencies_leaves_out_unsettled_markers_and_repoints_links():
    local = {"kind": "franc", "default": None, "weights": {}, "converts": []}
    records = [
        {"text": "9 000 €", "currency": "EUR", "linked_to": None, "local": None},
        {"text": "10 000 francs", "currency": None, "linked_to": 0, "local": local},
        {"text": "11 000 $", "currency": "USD", "linked_to": 1, "local": None},
        {"text": "12 000 $", "currency": "USD", "linked_to": 0, "local": None},
    ]
    assert [(r["text"], r["currency"], r["linked_to"]) for r in settle_currencies(records, url=None)] == [
        ("9 000 €", "EUR", None), ("11 000 $", "USD", None), ("12 000 $", "USD", 0)]
    assert [(r["text"], r["currency"], r["linked_to"]) for r in settle_currencies(records, url="https://x.ch")] == [
        ("9 000 €", "EUR", None), ("10 000 francs", "CHF", 0), ("11 000 $", "USD", 1), ("12 000 $", "USD", 0)]
    assert records[1]["currency"] is None and records[2]["linked_to"] == 1  # the input is left as it was


# -- the amounts table and the cache -------------------------------------------------------------


TEXT = "The government capped cash payments at $10,000. Customs seized $675,000 last year."


def test_amounts_table_reads_each_article_with_its_url_from_one_cached_tagging(tmp_path):
    ws = Workspace(tmp_path / "ws")
    items = [("au", "en", TEXT), ("ca", "en", TEXT), ("none", "en", TEXT)]
    payloads, stats = N.tag_texts(items, workspace=ws, n_process=1)
    assert payloads["au"] == payloads["ca"]  # the tags hold nothing of the page
    again, stats = N.tag_texts(items, workspace=ws, n_process=1)
    assert stats.tagged == 0
    articles = pd.DataFrame({
        "article_id": ["au", "ca", "none"], "text": [TEXT] * 3,
        "url": ["https://www.smh.com.au/business/cash-ban", "https://www.cbc.ca/news/customs", None],
    })
    table = build_amounts(articles, again)
    assert sorted(zip(table["article_id"], table["text"], table["currency"])) == [
        ("au", "$10,000", "AUD"), ("au", "$675,000", "AUD"),
        ("ca", "$10,000", "CAD"), ("ca", "$675,000", "CAD"),
        ("none", "$10,000", "USD"), ("none", "$675,000", "USD"),
    ]
    without_urls = build_amounts(articles.drop(columns="url"), again)
    assert set(without_urls["currency"]) == {"USD"}


# -- a country's own short marker ("R", "N", "Sh", "LE"): the country of the text or of the page ----------------


@pytest.mark.parametrize(
    ("lang", "text", "url", "expected"),
    [
        # the page's country names it
        ("en", "Banks may pay out N500,000 a week and N5m a month.", "https://punchng.com.ng/x",
         [("N500,000", "NGN"), ("N5m", "NGN")]),
        ("en", "You may send up to Sh70,000 per transaction.", "https://www.standardmedia.co.ke/x", [("Sh70,000", "KES")]),
        ("en", "The same cap is Sh5 million.", "https://www.monitor.co.ug/x", [("Sh5 million", "UGX")]),
        ("en", "The bank was fined R10 million.", "https://www.news24.co.za/x", [("R10 million", "ZAR")]),
        # a country, a people or a currency of the text names it (CLDR names, English and French)
        ("en", "A Nigerian court froze N100,000 in the account.", None, [("N100,000", "NGN")]),
        ("en", "Reports above R24 999.99 go to the centre in South Africa.", None, [("R24 999.99", "ZAR")]),
        ("en", "Egypt caps ATM withdrawals at LE 5,000 a day.", None, [("LE 5,000", "EGP")]),
        ("en", "Travellers to Saudi Arabia must declare SR60,000 or more.", None, [("SR60,000", "SAR")]),
        ("en", "The Philippines requires casinos to report cash above P5 million.", None, [("P5 million", "PHP")]),
        ("fr", "Au Kenya, le plafond passe à Sh250 000.", None, [("Sh250 000", "KES")]),
        # a marker of one currency alone, on money-shaped digits (a scale, thousands grouped), needs no cue
        ("en", "The cap is R10 million.", None, [("R10 million", "ZAR")]),
        ("en", "The maximum cash withdrawal per week shall be N100,000.", None, [("N100,000", "NGN")]),
        # no cue, or a cue for two of its currencies: left out rather than guessed
        ("en", "Take the R2 north, then the N7.", None, []),
        ("en", "Staff wore N95 masks.", None, []),
        ("en", "The cap is P5 million.", "https://www.reuters.com/x", []),
        ("en", "Kenya and Uganda both cap transfers at Sh70,000.", None, []),
    ],
)
def test_national_marker_needs_its_country_in_the_text_or_the_page(nlps, lang, text, url, expected):
    assert currencies(nlps, lang, text, url) == expected


@pytest.mark.parametrize(
    ("text", "url"),
    [
        # a one-letter marker must touch its digits, and never counts without its country
        ("Take the R2 towards the coast.", None),
        ("Nurses wore N95 masks.", None),
        ("He passed with a P5 grade.", "https://www.bbc.co.uk/x"),
        ("The R 10 bus to Johannesburg in South Africa.", None),
        ("Section N 500 of the Nigerian code.", None),
        # a marker inside a word or after a figure is no marker
        ("The MR10 is a road; the Nigeria U17 team won.", None),
    ],
)
def test_national_marker_near_misses_are_no_money(nlps, text, url):
    assert currencies(nlps, "en", text, url) == []


# -- the address: places and bodies its path names --------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/news/hong-kong-customs-suspends-licence-of-operator/?print=1", ("HKD",)),
        ("https://www.example.com/fr/montreal/reseau-criminel-demantele-quebec", ("CAD",)),
        ("https://example.com/austrac-commences-proceedings", ("AUD",)),
        ("https://example.com/plf-2021-tunisie-paiements-limites", ("TND",)),
        ("https://example.com/article/no-limit-on-cash-deposits", ()),
        ("https://example.com/canada-and-australia-sign", ("AUD", "CAD")),
        ("https://hong-kong.example.com/news", ("HKD",)),  # the host's words count as the path's
        ("https://jamaica-gleaner.com/article/news/20240101/cash-limit", ("JMD",)),  # a country the CLDR adds
        ("https://www.loopjamaica.com/content/fine", ("JMD",)),  # glued at a label's start
        ("https://www.journaldemontreal.com/2020/01/01/amende", ("CAD",)),  # ... or at its end
        ("https://www.usbank.com/about", ()),  # a glued cue needs six letters
        ("https://www.scmp.com/news/hong-kong/law", ("HKD",)),
        ("https://www.canadaexample.ca/x", ("CAD",)),
        ("https://example.com/kongress", ()),  # whole words only
        (None, ()),
        ("", ()),
    ],
)
def test_address_currencies_read_the_path_and_host_words(url, expected):
    from helpers.amounts.domains import address_currencies

    assert address_currencies(url) == expected


@pytest.mark.parametrize(
    ("lang", "text", "url", "expected"),
    [
        ("en", "The maximum penalty upon conviction is a fine of $1 million.",
         "https://example.com/hong-kong-customs-suspends-licence", [("$1 million", "HKD")]),
        ("en", "The maximum penalty upon conviction is a fine of $1 million.",
         "https://example.com/customs-suspends-licence", [("$1 million", "USD")]),
        ("fr", "L'organisation aurait amassé plus de 31 M$ grâce à son stratagème.",
         "https://www.example.com/fr/montreal/reseau-criminel", [("31 M$", "CAD")]),
        ("fr", "Les paiements en espèces sont limités à 3000 dinars.",
         "https://example.com/plf-2021-tunisie-especes", [("3000 dinars", "TND")]),
        ("fr", "Les paiements en espèces sont limités à 3000 dinars.",
         "https://example.com/plf-2021-especes", []),  # no country anywhere: left out, not guessed
        # the text still outweighs one place in the path
        ("en", "FinCEN and the Treasury Department said the $5 million penalty stands.",
         "https://example.com/canada-news/penalty", [("$5 million", "USD")]),
    ],
)
def test_address_path_names_a_shared_marker(nlps, lang, text, url, expected):
    assert currencies(nlps, lang, text, url) == expected
