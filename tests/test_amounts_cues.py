"""Threshold cues, sanctions vocabulary and amount forms of the dev20 and dev19 amounts rounds, on blank pipelines."""

from __future__ import annotations

import pytest

from helpers.amounts.records import amount_records
from helpers.evaluation import blank_amount_pipeline


@pytest.fixture(scope="module")
def nlps():
    return {lang: blank_amount_pipeline(lang) for lang in ("fr", "en")}


def _read(nlps, lang: str, text: str) -> list[tuple[str, str | None, bool]]:
    return [(r["text"], r["threshold"], r["sanctions_context"]) for r in amount_records(nlps[lang](text))]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Les sanctions pourront atteindre 20 millions d'euros.", ["below"]),
    ("fr", "une amende susceptible d'atteindre 50 000 euros.", ["below"]),
    ("fr", "un remboursement à concurrence de 100 000 euros.", ["below"]),
    ("fr", "Les dépôts sont garantis à hauteur de 100 000 euros par client.", ["below"]),
    ("fr", "Le fonds rembourse les épargnants à hauteur de 70 000 euros.", ["below"]),
    ("fr", "Le paiement en espèces est toléré à 200.000 dirhams.", ["below"]),
    ("fr", "un plancher de 500 euros.", ["above"]),
    ("fr", "les montants de 5 000 euros et moins.", ["below"]),
    ("fr", "Le décret abaisse de 3 000 à 1 000 euros le plafond des paiements en espèces.", ["below", "below"]),
    ("fr", "Un décret réduit de 3 000 à 1 000 € le seuil d'interdiction des paiements en espèces.", ["above", "above"]),
    ("fr", "Il a payé 1 000 euros le mois dernier.", [None]),
    ("fr", "un financement à hauteur de 7 500 euros chacun.", [None]),
    ("en", "fines of as much as $1 million.", ["below"]),
    ("en", "a price floor of $10.", ["above"]),
    ("en", "transactions beginning at $10,000.", ["above"]),
    ("en", "transactions greater than or equal to $10,000.", ["above"]),
    ("en", "transactions at or below $10,000.", ["below"]),
    ("en", "The bill would limit transactions for new customers to $2,000 per day and for existing customers to "
           "$10,500 per day.", ["below", "below"]),
    ("en", "He was fined up to $2,000 and ordered to pay $10,500 to the victims.", ["below", None]),
    ("en", "The reward could reach $10 million.", [None]),
    ("en", "under the Anti-Money Laundering Ordinance (Cap. 615) (AMLO), imposing pecuniary penalties of a total of "
           "HK$44.2 million.", [None]),
])
def test_threshold_cue_direction(nlps, lang, text, expected):
    assert [t for _, t, _ in _read(nlps, lang, text)] == expected


@pytest.mark.parametrize(("lang", "text", "flag"), [
    ("en", "The regulator fined the branch HK$3.7m for AMLO breaches.", True),
    ("en", "DNB was ordered to pay a fine of $48.1 million for money laundering lapses.", True),
    ("en", "The casino was fined $67 million for failing to have adequate safeguards against money laundering.", True),
    ("en", "Crypto transactions worth more than €1,000 will be subject to due diligence checks.", True),
    ("en", "Identity checks will be mandatory for cash transactions of €3,000 or more.", True),
    ("en", "Penalty for failing to report a large cash transaction: up to $500,000.", True),
    ("en", "The EU plans to cap the price of Russian diesel at $100 a barrel.", True),
    ("en", "A customer cashing checks from $9,000 to $10,000 could be structuring.", False),
    ("en", "The company paid $5 million for the building.", False),
    ("fr", "omettre de déclarer des opérations douteuses : amende maximale de 2 M$.", True),
    ("fr", "Les déclarations de transactions en espèces (DTE) sont obligatoires au-delà de 15 millions de FCFA.", True),
    ("fr", "Selon la Centif, le seuil des déclarations est de 15.000.000 F CFA.", True),
    ("fr", "Tout dépôt de 100.000 dirhams doit faire l'objet de diligences sur l'origine des fonds.", True),
    ("fr", "Les cartes prépayées sans vérification d'identité sont limitées à 250 euros.", False),
    ("fr", "Le loyer atteint 1 200 euros par mois.", False),
])
def test_sanctions_vocabulary_flag(nlps, lang, text, flag):
    flags = [s for _, _, s in _read(nlps, lang, text)]
    assert flags and all(s is flag for s in flags), flags


def _values(nlps, lang: str, text: str) -> list[tuple[str, float | None, str | None, str | None]]:
    return [(r["text"], r["value"], r["currency"], r["threshold"]) for r in amount_records(nlps[lang](text))]


# -- the dev19 round ----------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("The state set a $1,000 per person per day limit on kiosk transactions.", ["below"]),
    ("a €500-per-card-per-month cap on top-ups.", ["below"]),
    ("He paid $1,000 per person per day for the tour.", [None]),
])
def test_dev19_several_units_before_a_cap_after_the_amount(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("While €10,000 becomes the maximum allowed threshold, states may go lower.", ["below"]),
    ("$5,000 is the limit for a single transfer.", ["below"]),
    ("£1,000 will be the reporting threshold from May.", ["above"]),
    ("$5,000 is the total the couple paid.", [None]),
])
def test_dev19_amount_as_subject_of_a_cap_noun(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The government proposed to lower the cash transaction limit to Rs 2 lakh from the Rs 3 lakh announced in the "
     "Budget.", ["below", "below"]),
    ("The ceiling was set at $5,000 instead of $10,000.", ["below", "below"]),
    ("The firm paid $5,000 from the $10,000 it raised.", [None, None]),
])
def test_dev19_earlier_value_of_a_cap_after_from_the(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The revision of the declarable value of cash (notes and coins) from S$30,000 to S$20,000 takes effect in "
     "November.", ["above", "above"]),
    ("The declarable amount is $10,000.", ["above"]),
    ("The declared value of the goods was $10,000.", [None]),
])
def test_dev19_declarable_value_is_a_floor(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("For a wilful failure, the penalty is the greater of $25,000 or the amount of the transaction.", ["above"]),
    ("a civil penalty of the higher of $10,000 or twice the sum received.", ["above"]),
    ("The maximum civil penalty is the greater of $377,700 or twice the amount of the transaction.", ["below"]),
    ("- Criminal: up to $1,000,000 per violation.\n- Administrative: fines: the greater of $250,000 or twice the "
     "amount.", ["below", None]),
    ("The fund paid $25,000 or the amount of the loss.", [None]),
])
def test_dev19_greater_of_is_a_floor_unless_capped(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The agency raised the maximum civil penalty under the first program to $1,333,312; the second act to the "
     "greater of $76,351 or twice the amount; and the third act to $13,066.", ["below", "below", "below"]),
    ("The daily cap was set at $500; the weekly one at $2,000.", ["below", "below"]),
    ("The cap was raised to $60; the company sold its stake to a buyer at $13 million.", ["below", None]),
])
def test_dev19_items_of_a_semicolon_list_share_the_cap(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Les plafonds sont fixés à 40.000 DH par personne pour les voyages d'affaires, à 30.000 DH par personne pour "
     "les études et à 20.000 DH par personne pour le tourisme.", ["below", "below", "below"]),
    ("Le plafond est fixé à 1 000 euros pour les particuliers ; à 3 000 euros pour les professionnels.",
     ["below", "below"]),
    ("Le plafond est fixé à 1 000 euros pour les particuliers, puis la banque a prêté à 500 euros près.",
     ["below", None]),
    ("L'Italie différencie ses plafonds selon le payeur : 1.000 euros pour les résidents, 15.000 euros pour les "
     "touristes.", ["below", "below"]),
    ("Les plafonds sont de 2.500 euros pour les résidents ; 500 euros ont été saisis.", ["below", None]),
])
def test_dev19_french_items_of_a_list_repeating_a_share_the_cap(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "fr", text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("He faced an up to 5 year federal prison term and a fine of $250,000.", ["below"]),
    ("She faces up to ten years in prison and a fine of $1 million.", ["below"]),
    ("Facing a base penalty amount of $475,000, the firm agreed to settle for $332,500.", [None, None]),
])
def test_dev19_fine_faced_after_a_prison_term_is_the_maximum(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Travellers must report currency exceeding $Canadian 10,000 or $CDN 10,000.",
     [("$Canadian 10,000", 10000.0, "CAD", "above"), ("$CDN 10,000", 10000.0, "CAD", "above")]),
    ("en", "The fee is $US 250.", [("$US 250", 250.0, "USD", None)]),
    ("en", "California hosts over 3,200 Bitcoin ATMs and 40 Bitcoin kiosks.", []),
    ("en", "He sent 3 Bitcoin to the exchange.", [("3 Bitcoin", 3.0, "BTC", None)]),
    ("fr", "un montant supérieur à la contre-valeur de 5.000 dinars tunisiens.",
     [("5.000 dinars tunisiens", 5000.0, "TND", "above")]),
    ("en", "a fine of 2,000 Kuwaiti dinars.", [("2,000 Kuwaiti dinars", 2000.0, "KWD", None)]),
    ("fr", "une dotation de base de 100.000 (cent mille) dirhams par an.",
     [("100.000 (cent mille) dirhams", 100000.0, "MAD", None)]),
    ("fr", "Le seuil est fixé à cinq millions (5.000.000) de francs CFA.",
     [("cinq millions (5.000.000) de francs CFA", 5000000.0, "XOF", "above")]),
    ("fr", "Il a payé 1 000 euros (en 2019) et 500 euros.", [("1 000 euros", 1000.0, "EUR", None),
                                                         ("500 euros", 500.0, "EUR", None)]),
])
def test_dev19_amount_forms_currency_after_dollar_counts_qualified_dinars_number_written_twice(
        nlps, lang, text, expected):
    assert _values(nlps, lang, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ainsi, les plafonds des dotations accordées aux agences pour l'année 2012 sont fixés à 43.000 DH par "
     "pèlerin.", ["below"]),
    ("Désormais, le seuil de déclaration des espèces pour les voyageurs est fixé à 10 000 euros.", ["above"]),
    ("Ainsi, les agences de voyages ont reçu 43.000 DH par pèlerin.", [None]),
])
def test_dev19_french_subject_cap_after_an_opening_adverb(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "fr", text)] == expected


@pytest.mark.parametrize(("lang", "text", "flag"), [
    ("en", "The EU froze the assets of twenty oligarchs under its sanctions regime. These include yachts worth "
           "€500 million.", True),
    ("en", "OFAC added the exchange to the SDN list. Under the order, transfers above $10,000 must be blocked.", True),
    ("en", "The EU froze the assets of twenty oligarchs under its sanctions regime. The company paid $5 million "
           "for the building.", False),
    ("fr", "L'UE a adopté de nouvelles mesures restrictives contre la Russie. Ces biens ne peuvent être exportés "
           "au-delà de 300 euros.", True),
    ("fr", "Le Seco a gelé les avoirs de 1 800 personnes. Pour la même période, il a libéré 60 millions de francs "
           "suisses.", True),
    ("fr", "L'UE a adopté de nouvelles mesures restrictives contre la Russie. Le loyer atteint 1 200 euros par mois.",
     False),
])
def test_dev19_sentence_pointing_back_continues_the_sanctions_context(nlps, lang, text, flag):
    flags = [s for _, _, s in _read(nlps, lang, text)]
    assert flags and all(s is flag for s in flags), flags


@pytest.mark.parametrize(("text", "expected"), [
    ("The price cap was lowered to $47.60 per barrel from $60.", ["below", "below"]),
    ("The ceiling on cash payments goes up to $15,000 from $10,000.", ["below", "below"]),
    ("The reporting threshold was cut to $600 from $20,000.", ["above", "above"]),
    ("He was fined up to $5,000 from a $10,000 deposit.", ["below", None]),
    ("The cap applies to $500 transfers from $10,000 accounts.", ["below", None]),
])
def test_dev19_old_value_after_a_cap_set_to_a_new_one(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Civil penalties now capped at US$500,000 per violation of the export controls will increase to "
     "US$1,094,010 per violation.", ["below", "below"]),
    ("The withdrawal limit of $500 a day will rise to $1,000 next year.", ["below", "below"]),
    ("The reporting threshold of $3,000 could fall to $250.", ["above", "above"]),
    ("Payments over $10,000 rose to $3 billion last year.", ["above", None]),
])
def test_dev19_new_value_of_a_cap_after_a_change_verb(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Ramené à 1 000 euros en 2015, le plafond des paiements en espèces n'a plus changé.", ["below"]),
    ("fr", "Fixé à dix millions de francs CFA par l'instruction de 2024, le seuil de déclaration des espèces vaut "
           "pour tous les voyageurs.", ["above"]),
    ("fr", "Fixé à 5 000 euros, le loyer mensuel ne bouge plus.", [None]),
    ("en", "Set at $10,000 in 1970, the reporting threshold has never been adjusted for inflation.", ["above"]),
    ("en", "Lowered to $47.60 in September, the price cap applies to crude sold after that date.", ["below"]),
    ("en", "Set at $10,000, the rent has not changed.", [None]),
])
def test_dev19_participle_opening_the_sentence_sets_its_subject_cap(nlps, lang, text, expected):
    assert [t for _, t, _ in _read(nlps, lang, text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Selon le ministre, le plafond des retraits, qui a longtemps fait débat, est fixé à 2 000 euros par semaine.",
     ["below"]),
    ("Il est rappelé aux voyageurs que, pour les pays hors de l'Union, le seuil de déclaration des espèces est fixé à "
     "dix millions de francs CFA.", ["above"]),
    ("Selon le ministre, le loyer des bureaux, qui a longtemps fait débat, est fixé à 2 000 euros par mois.", [None]),
])
def test_dev19_french_subject_cap_after_a_comma(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "fr", text)] == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "La loi du 27 octobre 2010 prévoit plusieurs sanctions :\n\n• Amende de 251 à 25 000 euros", ["above", "below"]),
    ("fr", "Le règlement prévoit des barèmes de pénalités, soit des montants allant de 1 $ CA à 1 000 $ CA.",
     ["above", "below"]),
    ("fr", "Selon l'article 12, l'infraction est sanctionnée d'une amende comprise entre 500 et 5 000 euros.",
     ["above", "below"]),
    ("en", "Under the Act, fines range from $5,000 to $10,000.", ["above", "below"]),
    ("en", "The Law stipulates it. Penalties include anywhere from AED 50,000 to AED 5,000,000.", ["above", "below"]),
    ("en", "The regulation sets a penalty of between $500 and $5,000.", ["above", "below"]),
    ("en", "The fines range from 5,000 to 10,000 euros.", [None, None]),
    ("en", "Under the Act, the bank reported losses of $5m to $8m.", [None, None]),
    ("fr", "Selon la loi, les pertes vont de 5 millions à 8 millions d'euros.", [None, None]),
])
def test_penalty_range_set_by_a_law_has_a_floor_and_a_ceiling(nlps, lang, text, expected):
    assert [t for _, t, _ in _read(nlps, lang, text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Administrative penalty not less than (AED 50,000) fifty thousand dirhams and not more than (AED 5,000,000) "
     "five million dirhams for each violation.", ["above", "above", "below", "below"]),
    ("A fine of not more than ($10,000) ten thousand dollars.", ["below", "below"]),
    ("The fine was not less than (AED 50,000) twenty thousand dirhams.", ["above", None]),
])
def test_comparison_before_a_bracketed_amount_written_out_again(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("accepting cash transactions over the daily $1,000 limit.", ["above"]),
    ("Customers may not go above the new $3,000 reporting threshold without ID.", ["above"]),
    ("Withdrawals under the weekly $500 limit are free.", ["below"]),
    ("The kiosk has a daily $1,000 limit.", ["below"]),
    ("He paid over the usual $500 fee.", [None]),
])
def test_comparison_before_a_limits_amount_gives_its_direction(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Avec les impôts, vous ne pouvez pas payer plus de 300 € en espèces.", ["above"]),
    ("Tu ne peux pas retirer plus de 500 euros par jour.", ["above"]),
    ("Nous ne devons pas déposer plus de 1 000 euros.", ["above"]),
    ("Le montant ne doit pas dépasser 300 €.", ["below"]),
])
def test_ban_with_a_modal_of_any_person_names_the_banned_side(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "fr", text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Par contre, le seuil pour la déclaration des voyageurs est fixé 5 000 000 FCFA.", ["above"]),
    ("Désormais, les plafonds de retrait sont fixés 2 000 euros par semaine.", ["below"]),
    ("Par contre, le loyer des bureaux est fixé 2 000 euros.", [None]),
])
def test_french_subject_cap_set_without_its_preposition(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "fr", text)] == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Pas question de passer la frontière avec une somme dépassant même d'un cent les 10.000 euros.", ["above"]),
    ("fr", "une somme dépassant légèrement les 10 000 euros.", ["above"]),
    ("en", "carrying a sum exceeding even by one cent the $10,000.", ["above"]),
    ("fr", "Il a même payé 10 000 euros.", [None]),
    ("en", "He even paid $10,000.", [None]),
])
def test_margin_between_a_comparison_and_its_amount(nlps, lang, text, expected):
    assert [t for _, t, _ in _read(nlps, lang, text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Le paiement est autorisé jusqu'à :\n\n  • 10.000 € lorsque le paiement est effectué par un particulier, étant "
     "précisé que ce montant est porté à 15.000 € au profit d'un professionnel.", ["below", "below"]),
    ("Le plafond est fixé à 1 000 euros, sachant que ce plafond est relevé à 3 000 euros pour les notaires.",
     ["below", "below"]),
    ("Le seuil est fixé à 10 000 euros, étant entendu que ce montant est ramené à 3 000 euros en 2025.",
     ["above", "above"]),
    ("Le plafond est fixé à 1 000 euros, étant précisé que le loyer est porté à 3 000 euros.", ["below", None]),
])
def test_demonstrative_subject_continues_the_previous_cap(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "fr", text)] == expected
