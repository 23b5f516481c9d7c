"""Amount rules of the dev29 round: lists of caps by period, earlier values after "which was" and "contre",
a cap's value after "being", statutory maxima named after the amount, "that bar at", ranges opened by "from the
current", French negations written "en aucun cas", objects after a comma, and Zimbabwe's currency prefixes."""

from __future__ import annotations

import pytest

from helpers.amounts.records import amount_records
from helpers.evaluation import blank_amount_pipeline


@pytest.fixture(scope="module")
def nlps():
    return {lang: blank_amount_pipeline(lang) for lang in ("fr", "en")}


def _read(nlps, lang: str, text: str, url: str | None = None) -> list[tuple[str, str | None, str | None]]:
    return [(r["text"], r["currency"], r["threshold"]) for r in amount_records(nlps[lang](text), url=url)]


def test_a_list_of_caps_by_period_shares_the_first_ones_direction(nlps):
    text = ("Ainsi, les seuils de retrait seront désormais de 2,5 millions de FCFA par jour au lieu de 750 000 FCFA "
            "avant, 5 millions de FCFA par semaine contre 1,5 million de FCFA avant et 10 millions de FCFA par mois "
            "contre 4 millions de FCFA par le passé.")
    assert [t for _, _, t in _read(nlps, "fr", text)] == ["below"] * 6


def test_amounts_by_period_with_no_cap_stay_plain(nlps):
    assert [t for _, _, t in _read(nlps, "fr", "Il a payé 5 000 euros par mois, et 3 000 euros par mois pour la location.")] \
        == [None, None]
    assert [t for _, _, t in _read(nlps, "en", "He paid $2,000 per month, and $1,500 per month for parking.")] == [None, None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Individuals can withdraw their dollars with maximum limit being US$1000 per day.", ["below"]),
        ("A total of Tk 400,000 can be withdrawn from banks in the current week, which was Tk 300,000 in the previous "
         "week.", ["below", "below"]),
        ("This type of non-compliance incurs a penalty of $1,000 per instance, which is the prescribed maximum amount.",
         ["below"]),
        ("Earlier bills had proposed setting that bar at just $150,000.", ["above"]),
        ("The bank imposed limits on the amount of cash individuals can take out of the country from the current "
         "$5 000 to $1 000.", ["below", "below"]),
        # a plain amount after "which was" has nothing to share
        ("The firm paid $5,000, which was more than its profit.", [None]),
    ],
)
def test_english_caps_named_after_links_and_relatives(nlps, text, expected):
    assert [t for _, _, t in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "en aucun cas" negates as "pas": a floor
        ("Celui-ci ne doit en aucun cas être inférieur à un million de DH.", "above"),
        ("Le montant ne doit en aucun cas dépasser 500 euros.", "below"),
        # the object after a comma, after a setting participle
        ("Les conventions internationales ont fixé à 10 000 euros, la limite de l'argent liquide des voyageurs.", "below"),
        # ... not after any "à"
        ("Il a vendu la maison à 300 000 euros, le plafond du quartier.", None),
    ],
)
def test_french_negations_and_objects_after_a_comma(nlps, text, expected):
    assert [t for _, _, t in _read(nlps, "fr", text)] == [expected]


def test_zimbabwe_prefixes_name_their_currencies(nlps):
    found = _read(nlps, "en", "Individuals: ZiG3 000; corporates: ZW$20 000.")
    assert [(t, c) for t, c, _ in found] == [("ZiG3 000", "ZWG"), ("ZW$20 000", "ZWL")]


def test_a_threshold_named_with_a_demonstrative_takes_the_direction_of_the_cap_before(nlps):
    text = ("A compter d'aujourd'hui, les paiements en espèces sont limités à 1 000 EUR, pour les particuliers comme "
            "pour les professionnels. Rappelons que ce seuil était de 3 000 EUR antérieurement.")
    assert [t for _, _, t in _read(nlps, "fr", text)] == ["below", "below"]
    # ... and a floor stays a floor
    text = "Toute somme supérieure à 10 000 euros doit être déclarée. Ce seuil est de 15 000 euros pour les entreprises."
    assert [t for _, _, t in _read(nlps, "fr", text)] == ["above", "above"]
    text = "Cash payments are limited to $1,000. This threshold was $3,000 before the reform."
    assert [t for _, _, t in _read(nlps, "en", text)] == ["below", "below"]


def test_a_continued_clause_after_a_semicolon_shares_the_threshold_whatever_the_parser_cut():
    from helpers.nlp import tag_texts

    text = ("Le seuil au-delà duquel le paiement en espèces est interdit passe de 3.000€ à 1.000€ ; il reste à "
            "15.000 € pour les non-résidents.")
    payloads, _ = tag_texts([("a", "fr", text)])
    assert [r["threshold"] for r in payloads["a"]["amounts"]] == ["above", "above", "above"]


def test_a_sentence_announcing_the_following_caps_gives_them_to_its_group_items(nlps):
    text = ("In view of the new currency, the following ZiG cash withdrawal limits shall apply. Individuals: ZiG3 000; "
            "corporates: ZiG30 000; schools, hospitals, clinics and local authorities: ZiG250 000 (monthly).")
    assert [t for _, _, t in _read(nlps, "en", text)] == ["below", "below", "below"]
    # an announcement of no cap or floor gives nothing
    assert [t for _, _, t in _read(nlps, "en", "The following fines were imposed. Bank A: $3 000; Bank B: $5 000.")] \
        == [None, None]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a maximum penalty's fine after the prison term
        ("en", "Under the Ordinance, the maximum penalty for possession is seven years' imprisonment and a fine of "
               "$1 million.", ["below"]),
        # a deposit guarantee is a ceiling, and its change from one value to another too
        ("en", "The corporation has increased the guarantee amount for all eligible depositors from Rs250,000 to "
               "Rs500,000.", ["below", "below"]),
        ("en", "They are looking at 50,000 dollars in maximum fine or five years of imprisonment.", ["below"]),
        ("fr", "L'allocation touristique est désormais de 4.000 dinars tunisiens au lieu de 2.000 dinars tunisiens "
               "précédemment.", ["below", "below"]),
        ("fr", "Nos voisins algériens ont le droit d'exporter 7 500 euros par an.", ["below"]),
        # an earlier value after a dash and "contre les"
        ("fr", "Les élus voulaient un plafond de paiement en espèces à 30 000 euros — conforme à la directive — contre "
               "les 10 000 euros souhaités par le Gouvernement.", ["below", "below"]),
        # a bare "contre" with no word of time after it stays plain
        ("fr", "Le plafond de 10 000 euros contre 15 000 euros de dépenses.", ["below", None]),
    ],
)
def test_dev30_ceilings_written_other_ways(nlps, lang, text, expected):
    assert [t for _, _, t in _read(nlps, lang, text)] == expected
