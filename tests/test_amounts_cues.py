"""Threshold cues, sanctions vocabulary and amount forms of the dev22, dev20 and dev19 amounts rounds, on blank pipelines."""

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


# -- the dev22 round ----------------------------------------------------------------------------


def _values(nlps, lang: str, text: str, url: str | None = None) -> list[tuple[str, float, str, str | None]]:
    return [(r["text"], r["value"], r["currency"], r["threshold"]) for r in amount_records(nlps[lang](text), url=url)]


def test_marker_stop_read_as_a_sentence_end_does_not_cut_the_amount_from_its_cue(nlps):
    from helpers.amounts.component import AmountTagger

    tagger = AmountTagger(nlps["en"])
    text = "The law bans cash transactions of Rs. 2 lakh or more. He paid Rs. 5,000 to the seller."
    # the sentences a parser gives when it takes the stop of "Rs." for the end of a sentence
    cut = text.index("Rs.") + 3
    second = text.index("He")
    sentences = [(0, cut), (cut + 1, second - 1), (second, len(text))]
    found = [(text[a.start:a.end], a.threshold) for a in tagger._find_amounts(text, sentences)]
    assert found == [("Rs. 2 lakh", "above"), ("Rs. 5,000", None)]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Les plafonds sont les suivants : espèces — 1 000 € ; carte — 3 000 €.", ["below", "below"]),
    ("en", "The maximum fines are as follows: individuals — $5,000; companies — $25,000.", ["below", "below"]),
    ("fr", "Les montants versés sont les suivants : espèces — 1 000 € ; carte — 3 000 €.", [None, None]),
])
def test_semicolon_where_a_parser_cuts_a_list_does_not_end_the_sentence(nlps, lang, text, expected):
    from helpers.amounts.component import AmountTagger

    tagger = AmountTagger(nlps[lang])
    cut = text.index(";") + 1
    sentences = [(0, cut), (cut + 1, len(text))]  # the sentences a parser gives when it cuts at the semicolon
    assert [a.threshold for a in tagger._find_amounts(text, sentences)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("the statutory maximum civil penalty per violation is as follows: IEEPA — the greater of $289,238 or twice "
     "the transaction; TWEA — $85,236; and CDTA — $13,066.", ["below", "below", "below"]),
    ("The new maximum fines are: $500 for a first offence; $1,000 for a second one; $5,000 after that.",
     ["below", "below", "below"]),
    ("The reporting thresholds are as follows: cash — $10,000; wire transfers — $3,000.", ["above", "above"]),
    ("The fines imposed were as follows: Bank A — $5 million; Bank B — $3 million.", [None, None]),
])
def test_heading_before_a_colon_gives_its_direction_to_an_inline_list(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Penalties will include up to 2 years imprisonment and a $25,000 fine.", ["below"]),
    ("en", "Offenders face up to six months' imprisonment and/or a fine of £5,000.", ["below"]),
    ("en", "The offence carries up to 10 years in jail or a fine of $1 million.", ["below"]),
    ("en", "He was sentenced to 2 years imprisonment and a $25,000 fine.", [None]),
    ("fr", "Le délit est puni de jusqu'à 3 ans de réclusion et 45 000 euros d'amende.", ["below"]),
    ("fr", "Il risque jusqu'à six mois de détention ou 7 500 euros.", ["below"]),
    ("fr", "Il a été condamné à 3 ans de prison et 45 000 euros d'amende.", [None]),
])
def test_prison_term_of_any_wording_between_a_cue_and_its_fine(nlps, lang, text, expected):
    assert [t for _, t, _ in _read(nlps, lang, text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Member states may set lower limits for cash payments than 10 thousand euros.", ["below"]),
    ("Courts may impose higher fines for repeat offenders than $5,000.", ["above"]),
    ("Few people carry smaller sums in cash than $100.", ["below"]),
    ("a transaction valued at $1,000 or more but less than $10,000;", ["above", "below"]),
    ("The bank made more profit last year than in 2019, earning $5 million.", [None]),
])
def test_comparison_split_by_a_noun_phrase(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Tankers carry Russian oil sold above the Western-set price of $60 per barrel.", ["above"]),
    ("Oil was sold below the G7-agreed price of $60 a barrel.", ["below"]),
    ("That represents an increase of $33,864 over the statutory amount of $50,000.", [None, None]),
    ("The threshold is lower than the minimum threshold of $1,000 the FATF recommends.", ["above"]),
])
def test_compound_modifier_between_a_comparison_and_its_amount(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Il est question que le minimum requis soit 40.000DH avec un plafond à fixer entre 100.000 et 150.000 DH.",
     [("40.000DH", 40000.0, "MAD", "above"), ("100.000", 100000.0, "MAD", "below"),
      ("150.000 DH", 150000.0, "MAD", "below")]),
    ("Le projet prévoit un seuil à déterminer à 5 000 euros.", [("5 000 euros", 5000.0, "EUR", "above")]),
    ("À Dakar, la taxe est de 5000FCFA.", [("5000FCFA", 5000.0, "XOF", None)]),
    ("Le loyer à fixer entre 500 et 800 euros.", [("500", 500.0, "EUR", None), ("800 euros", 800.0, "EUR", None)]),
    ("Il faut que le loyer soit 800 euros.", [("800 euros", 800.0, "EUR", None)]),
])
def test_french_glued_abbreviation_value_still_to_set_and_subjunctive_link(nlps, text, expected):
    assert _values(nlps, "fr", text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Le plafond de la dotation pour voyages personnels double, et passe de 200.000 à 400.000 dirhams par an.",
     ["below", "below"]),
    ("Le seuil de déclaration est critiqué, et passe de 10 000 à 5 000 euros.", ["above", "above"]),
    ("Le plafond de la dotation est critiqué, et la banque prête 400.000 dirhams par an.", [None]),
])
def test_french_cap_word_stays_the_subject_of_a_joined_clause_without_one(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "fr", text)] == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Deux yachts valant un total de plus de 1 G$ ont été immobilisés.", [("1 G$", 1e9, "USD", "above")]),
    ("fr", "La fraude atteint 25 G$, selon la Sûreté du Québec.", [("25 G$", 25e9, "CAD", None)]),
    ("en", "It will levy a penalty (under Section 271 DA of the Income Tax Act) on the receiver.", []),
    ("fr", "Les sanctions de l'article 12 DA du code.", []),
    ("fr", "À Alger, il a payé 271 DA.", [("271 DA", 271.0, "DZD", None)]),
])
def test_quebec_billion_dollars_and_numbers_after_a_reference_word(nlps, lang, text, expected):
    assert _values(nlps, lang, text) == expected


@pytest.mark.parametrize(("text", "url", "currency"), [
    ("Treasury has published a consultation paper on a cash payment limit of $10,000.",
     "https://brightlaw.com.au/cash-limit", "AUD"),
    ("The Treasury Department proposed a cash payment limit of $10,000.", "https://brightlaw.com.au/cash-limit", "USD"),
    ("The U.S. Treasury proposed a cash payment limit of $10,000.", None, "USD"),
])
def test_treasury_alone_names_no_dollar_country(nlps, text, url, currency):
    assert [c for _, _, c, _ in _values(nlps, "en", text, url)] == [currency]


@pytest.mark.parametrize(("text", "currency"), [
    ("CPA Australia said there was no evidence for fines of up to $25,200.", "AUD"),
    ("KPMG Canada estimates the fraud at $5 million.", "CAD"),
    ("A man from Australia paid fines of up to $25,200.", "USD"),
    ("The firm, with offices in Canada, paid $5 million.", "USD"),
])
def test_country_after_an_acronym_weighs_as_a_body(nlps, text, currency):
    assert [c for _, _, c, _ in _values(nlps, "en", text)] == [currency]


@pytest.mark.parametrize(("lang", "text", "flag"), [
    ("en", "Russia has spent approximately $10 billion on building its shadow fleet.", True),
    ("en", "Russia has spent approximately $10 billion on building its navy.", False),
    ("fr", "La Russie a dépensé 10 milliards de dollars pour sa flotte fantôme.", True),
    ("fr", "Le nombre de dénonciations à la Ctif a progressé de 50 %. En parallèle, le montant des fraudes "
           "suspectées atteint 2,336 milliards d'euros.", True),
    ("fr", "Le nombre de clients a progressé de 50 %. En parallèle, le chiffre d'affaires atteint 2 milliards "
           "d'euros.", False),
    ("en", "Both fines related to financial crime/AML failures:\n\n  • A fine of £7,671,800 imposed on a bank.", True),
    ("en", "Both fines related to reporting failures:\n\n  • A fine of £7,671,800 imposed on a bank.", False),
    ("en", "The BSA requires banks to document cash transactions when the amounts exceed $10,000.", True),
    ("en", "Violations of the IFSR may bring civil penalties of up to $250,000.", True),
    ("en", "The bank must vet politically exposed persons holding over $1 million.", True),
    ("en", "The bank must vet new customers holding over $1 million.", False),
    ("fr", "interdiction d'ouvrir des relations avec des personnes politiquement exposées, fonds propres de "
           "CHF 19 millions.", True),
    ("fr", "interdiction d'ouvrir des relations avec des clients nouveaux, fonds propres de CHF 19 millions.", False),
    ("fr", "La Centif récupère plus de 660 millions FCFA auprès de personnes coupables de blanchiment.", False),
    ("fr", "La Centif a gelé plus de 660 millions FCFA de personnes coupables de blanchiment.", True),
    ("en", "The FIU recovered more than $1 million from people convicted of money laundering.", False),
    ("en", "The FIU froze more than $1 million held by people convicted of money laundering.", True),
])
def test_sanctions_context_of_fleets_intelligence_units_aml_acronyms_and_lead_ins(nlps, lang, text, flag):
    assert [s for _, _, s in _read(nlps, lang, text)] == [flag]


@pytest.mark.parametrize(("text", "expected"), [
    # a cap word, then a balance noun and "of": the balance's ceiling
    ("Users may keep a maximum account balance of $100,000.", ["below"]),
    ("The wallet's maximum daily balance of $50,000 stays.", ["below"]),
    ("Customers may hold a minimum account balance of $500.", ["above"]),
    # near miss: a balance with no cap word is plain
    ("He had an account balance of $100,000.", [None]),
])
def test_far_cue_reaches_through_a_balance_noun(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "as the" + a cap or threshold noun after the amount: the amount is that cap or threshold
    ("It set $100,000 as the maximum limit for withdrawal.", ["below"]),
    ("The bank fixed $20,000 as the daily limit.", ["below"]),
    ("The rules name $10,000 as the reporting threshold.", ["above"]),
    # near miss: "as the" before another noun is plain
    ("It reported $100,000 as the total.", [None]),
])
def test_as_the_cap_noun_after_an_amount(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(("text", "flag"), [
    # the centres that receive the reports, the acts and councils behind them, and their reports
    ("Banks must report cash deposits above ZAR 25,000 to the Financial Intelligence Centre.", True),
    ("Dealers report sales over $10,000 to the Financial Intelligence Center.", True),
    ("The bank breached FICA and was fined ZAR 5 million.", True),
    ("Casinos must report to the AMLC any cash transaction above PHP 5 million.", True),
    ("Each covered transaction above PHP 500,000 goes on file.", True),
    ("Banks file a cash transaction report for deposits over $10,000.", True),
    # near miss: an intelligence agency of another kind, or a plain transaction, is no such context
    ("The Central Intelligence Agency spent $5 million on the programme.", False),
    ("The bank reported a cash transaction of $10,000 in its accounts.", False),
])
def test_sanctions_context_of_intelligence_centres_and_aml_acts(nlps, text, flag):
    assert [s for _, _, s in _read(nlps, "en", text)] == [flag]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a bound joined right after the amount outweighs a comparison before it
    ("fr", "Tout citoyen portant des devises atteignant jusqu'à 20 mille dinars ou plus doit les déclarer à son entrée "
           "sur le territoire tunisien.", ["above"]),
    ("en", "Travellers carrying up to $10,000 or more in cash must declare it.", ["above"]),
    ("fr", "Les retraits jusqu'à 1 000 euros par jour sont gratuits.", ["below"]),
    # "and up to" is no closing bound but the next item's comparison
    ("en", "You can trade up to $2,000 per exchange, up to $25,000 per day, and up to $100,000 per year.",
     ["below", "below", "below"]),
    ("en", "Withdrawals of up to $500 per day and up to $2,000 per week are allowed.", ["below", "below"]),
])
def test_a_closing_bound_after_the_amount_decides_its_direction(nlps, lang, text, expected):
    assert [t for _, t, _ in _read(nlps, lang, text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The institution is liable on conviction on indictment to a fine of $1,000,000 and to imprisonment for 2 years.",
     ["below"]),
    ("An offender is liable on summary conviction to a fine of $500,000.", ["below"]),
    ("Maximum fines can be 500 thousand Hong Kong dollars and two years in prison.", ["below"]),
    ("The maximum penalty is $250,000 per violation.", ["below"]),
    # a fine imposed stays plain
    ("The court imposed a fine of $1,000,000 on the bank.", [None]),
])
def test_a_statutory_fine_in_commonwealth_wording_is_its_maximum(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(("text", "currency"), [
    ("Offenders pay a fine of HK $2000 to the customs.", "HKD"),
    ("The fee is NZ $300 a year.", "NZD"),
    ("A $5 fee applies to each transfer.", "USD"),  # a sentence's article, no Australian dollar
])
def test_a_country_prefix_spaced_from_the_dollar_names_it(nlps, text, currency):
    assert [r["currency"] for r in amount_records(nlps["en"](text))] == [currency]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the cue after a pair is the pair's
    ("en", "The Central Bank of Nigeria has set N100,000 and N500,000 as the maximum limits for withdrawals.",
     ["below", "below"]),
    # a closing bound belongs to its own amount
    ("en", "He paid $100 and $5,000 or more was seized.", [None, "above"]),
    # the old value of a cap that a change sets anew
    ("en", "PSPs increased the daily transaction limit from $150,000 to a maximum of $250,000.", ["below", "below"]),
    # no cap or floor word before "from": a price, no cap
    ("en", "Prices rose from $5 to more than $10.", [None, "above"]),
])
def test_an_amount_shares_the_threshold_the_next_ones_words_give_both(nlps, lang, text, expected):
    assert [t for _, t, _ in _read(nlps, lang, text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The current $325,000 civil penalty cap may be adjusted for inflation.", ["below"]),
    ("A $500 cash withdrawal ceiling applies to new cards.", ["below"]),
    ("Binance has a $50 billion market cap.", [None]),
    ("He withdrew $5,000 over the limit.", [None]),
    ("Five deposits made a total of $25,000, their withdrawal limit would be $12,500.", [None, "below"]),
])
def test_a_cap_noun_after_a_few_words_makes_a_ceiling(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "en", text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Les prestataires risquent des poursuites pouvant aboutir à deux ans d'emprisonnement et 30 000 euros d'amende.",
     ["below"]),
    ("Le dirigeant risque 5 ans de prison et 375 000 euros d'amende.", ["below"]),
    ("Il a été condamné à 30 000 euros d'amende.", [None]),
])
def test_a_fine_a_person_risks_is_the_laws_maximum(nlps, text, expected):
    assert [t for _, t, _ in _read(nlps, "fr", text)] == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a phrase that names the amount again, then its new value: the direction of the one before
    ("fr", "Il faut déclarer toute somme égale ou supérieure à 1.000 €. Pour les étrangers, cette somme est fixée à "
           "5.000 €.", ["above", "above"]),
    ("en", "Cash payments above $10,000 must be reported. For residents this amount is $5,000.", ["above", "above"]),
    # no such phrase: the second stays plain
    ("fr", "Il faut déclarer toute somme supérieure à 1.000 €. La banque a saisi 5.000 €.", ["above", None]),
    # a bracket the amount opens right after a threshold, closed on the group it is for
    ("fr", "Les cadeaux dont la valeur dépasse 2.000 dirhams par voyageur (20.000 dirhams pour les MRE) sont taxés.",
     ["above", "above"]),
    ("fr", "Les cadeaux dont la valeur dépasse 2.000 dirhams (une somme de 20.000 dirhams en tout) sont taxés.",
     ["above", None]),
])
def test_an_amount_that_names_the_rule_again_shares_its_direction(nlps, lang, text, expected):
    assert [t for _, t, _ in _read(nlps, lang, text)] == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Si le cumul des montants atteint 10 000 euros, la déclaration devient obligatoire.", ["above"]),
    ("fr", "La fraude atteint 10 millions d'euros.", [None]),
    ("en", "If the total reaches $10,000, a report must be filed.", ["above"]),
    ("en", "Losses reached $5 million last year.", [None]),
])
def test_a_sum_a_condition_says_reaches_the_amount_is_a_floor(nlps, lang, text, expected):
    assert [t for _, t, _ in _read(nlps, lang, text)] == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # comparisons whose two adjectives disagree in gender, as real text writes them
    ("fr", "La déclaration est obligatoire pour un montant supérieur ou égale à 5000 euros.", [(5000, "EUR", "above")]),
    ("fr", "Le paiement est permis pour une somme inférieure ou égal à 1000 euros.", [(1000, "EUR", "below")]),
    # a code that spells a word, in capitals after its number
    ("fr", "La déclaration est facultative sous la contre-valeur de 100.000 MAD.", [(100000, "MAD", "below")]),
    ("fr", "Les 10 TOP entreprises du secteur.", []),
    # lakh as a written scale
    ("en", "No person shall receive two lakh rupees or more in cash.", [(200000, "INR", "above")]),
    # "shall be" links a cap word to its value
    ("en", "The maximum cash withdrawal per week via ATM shall be $100,000.", [(100000, "USD", "below")]),
])
def test_comparisons_codes_scales_and_links_of_real_text(nlps, lang, text, expected):
    assert [(r["value"], r["currency"], r["threshold"]) for r in amount_records(nlps[lang](text))] == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # what a customer may withdraw or transfer is a ceiling
    ("fr", "Les bénéficiaires pourront retirer 1 000 dollars par mois, contre 800 dollars auparavant.",
     [(1000, "USD", "below"), (800, "USD", "below")]),
    ("fr", "Il n'est possible désormais de retirer que 300 USD toutes les deux semaines.", [(300, "USD", "below")]),
    ("fr", "Seulement 500 USD pourraient être retirés chaque mois.", [(500, "USD", "below")]),
    ("en", "Corporate organisations can withdraw $5 million cash weekly.", [(5_000_000, "USD", "below")]),
    ("en", "He withdrew $5 million from the account.", [(5_000_000, "USD", None)]),
    # a round figure with its definite article
    ("fr", "La règle vise tout solde qui dépasse le million de dollars.", [(1_000_000, "USD", "above")]),
    # a line wrapped after a link word is one sentence
    ("fr", "Tout paiement supérieur à 5 millions d'euros se fait par chèque. Ce seuil est fixé à\n1 million d'euros "
           "pour les véhicules neufs.", [(5_000_000, "EUR", "above"), (1_000_000, "EUR", "above")]),
    # Pakistan's revenue board names its rupee; the currency word before a figure in lakhs
    ("en", "The Federal Board of Revenue (FBR) taxes cash withdrawals exceeding Rs 50,000 a day.",
     [(50_000, "PKR", "above")]),
    ("en", "All cash transactions of more than rupees ten lakhs must be reported.", [(1_000_000, "INR", "above")]),
])
def test_withdrawal_permissions_round_figures_wrapped_lines_and_rupees(nlps, lang, text, expected):
    assert [(r["value"], r["currency"], r["threshold"]) for r in amount_records(nlps[lang](text))] == expected
