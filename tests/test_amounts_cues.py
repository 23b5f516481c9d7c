"""Threshold cues and sanctions vocabulary of the dev20 amounts round, on blank pipelines."""

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
