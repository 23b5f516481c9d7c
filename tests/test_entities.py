"""Tests of helpers.entities: clean-up and merge rules on blank pipelines and
hand-made payloads, curation, watchlists, and measured quality on the real models."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import spacy
import yaml

from helpers import entities as E, evaluation, pipeline
from helpers.nlp import Watchlist, load_pipeline, model_name, tag_texts
from helpers.text import normalize_text, split_related
from helpers.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED = ROOT / "seeds" / "000_dc811fb2d9703db4.txt"

#: Measured with scripts/evaluate_entities.py, an entity right when its label is
#: and it shares a form with the gold one: on the first 58 passages (dev + held-out)
#: kit F1 0.960 (fr) and 0.958 (en), raw model 0.747 and 0.636; with the real-text
#: dev2 and dev3 passages added, French kit F1 is 0.897 (dev3's French quotes are
#: harder: 0.773). The thresholds leave room for small model or tokenizer changes.
PASSAGE_F1 = {"fr": 0.87, "en": 0.90}
SEED_F1 = 0.90


# ---------------------------------------------------------------------------
# Fixtures and helpers
# ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def blank() -> dict[str, spacy.language.Language]:
    """Blank pipelines with a sentencizer: the rules are tested without a trained model."""
    pipelines = {}
    for lang in ("fr", "en"):
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        pipelines[lang] = nlp
    return pipelines


def payload_for(nlp, text: str, spans: list[tuple[str, str]] | list[tuple[str, str, int]]) -> dict:
    """A tag_texts-style payload for ``text`` with the given (surface, label[, occurrence]) spans."""
    doc = nlp(text)
    ents = []
    for span in spans:
        surface, label = span[0], span[1]
        occurrence = span[2] if len(span) > 2 else 0
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(surface, start + 1)
        end = start + len(surface)
        assert doc.char_span(start, end, alignment_mode="expand") is not None
        ents.append([start, end, label, ""])
    return {"sents": [[s.start_char, s.end_char] for s in doc.sents], "ents": ents, "amounts": []}


def corpus(blank, docs: list[tuple[str, str, list]]) -> tuple[pd.DataFrame, dict[str, dict]]:
    """Articles frame and payloads for ``[(lang, text, spans), ...]``."""
    rows, payloads = [], {}
    for i, (lang, text, spans) in enumerate(docs):
        aid = f"a{i}"
        rows.append((aid, lang, text))
        payloads[aid] = payload_for(blank[lang], text, spans)
    return pd.DataFrame(rows, columns=["article_id", "lang", "text"]), payloads


def names(entities: pd.DataFrame) -> dict[str, str]:
    return dict(zip(entities["name"], entities["label"]))


def aliases_of(entities: pd.DataFrame, name: str) -> list[str]:
    value = entities.loc[entities["name"] == name, "aliases"].iloc[0]
    return [a for a in value.split("; ") if a]


def forms_of(entities: pd.DataFrame, row: int = 0) -> set[str]:
    """An entity's display name and aliases together."""
    return {entities.at[row, "name"], *[a for a in entities.at[row, "aliases"].split("; ") if a]}


# ---------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "unified"),
    [
        ("PERSON", "PER"), ("PER", "PER"), ("GPE", "LOC"), ("LOC", "LOC"), ("FAC", "LOC"),
        ("ORG", "ORG"), ("NORP", "MISC"), ("EVENT", "MISC"), ("PRODUCT", "MISC"), ("LAW", "MISC"),
        ("WORK_OF_ART", "MISC"), ("LANGUAGE", "MISC"), ("MISC", "MISC"),
        ("MONEY", None), ("DATE", None), ("TIME", None), ("CARDINAL", None), ("ORDINAL", None),
        ("PERCENT", None), ("QUANTITY", None),
    ],
)
def test_unify_label_maps_model_labels(raw, unified):
    assert E.unify_label(raw) == unified


def test_raw_mentions_unifies_labels_without_cleanup(blank):
    text = "Binance's lawyers met Gleb Kostarev on Monday in Moscow."
    articles, payloads = corpus(
        blank, [("en", text, [("Binance's", "PERSON"), ("Gleb Kostarev", "PERSON"), ("Monday", "DATE"), ("Moscow", "GPE")])]
    )
    raw = evaluation.raw_mentions(articles, payloads)
    assert list(raw.columns) == evaluation.RAW_COLUMNS
    assert list(zip(raw["text"], raw["label"])) == [("Binance's", "PER"), ("Gleb Kostarev", "PER"), ("Moscow", "LOC")]


# ---------------------------------------------------------------------------
# Span clean-up
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        ("fr", "Selon l'OFAC, la sanction tient.", "l'OFAC", ["OFAC"]),
        ("fr", "Le responsable pour l'Europe de l'Est a parlé.", "l'Europe de l'Est", ["Europe de l'Est"]),
        ("fr", "Il a parlé à la presse – Binance n'a pas répondu.", "– Binance", ["Binance"]),
        ("fr", "Ils ont cité « Binance » hier.", "« Binance »", ["Binance"]),
        ("fr", "Les enquêteurs de la Banque de Russie ont parlé.", "de la Banque de Russie", ["Banque de Russie"]),
        ("fr", "Selon le quotidien Le Monde, rien ne change.", "Le Monde", ["Le Monde"]),
        ("fr", "Le Comité national de planification de l'URSS.", "Comité national de planification de l'", ["Comité national de planification"]),
        ("fr", "Il est né à Moscou[1]. Son père est officier.", "Moscou[1]. Son père", ["Moscou"]),
        ("fr", "Interview de M. Dmitri Valenko hier.", "M. Dmitri Valenko", ["Dmitri Valenko"]),
        ("en", "Binance's lawyers declined to comment.", "Binance's", ["Binance"]),
        ("en", "Hamas' leaders met in Doha.", "Hamas'", ["Hamas"]),
        ("en", "The Securities and Exchange Commission said no.", "The Securities and Exchange Commission", ["Securities and Exchange Commission"]),
        ("en", "It settled with the Office of Foreign Assets Control (OFAC) today.", "the Office of Foreign Assets Control (OFAC", ["Office of Foreign Assets Control", "OFAC"]),
        ("en", "Agents of the FBI, DEA and the tax office took part.", "FBI, DEA", ["FBI", "DEA"]),
        ("en", "They sued Binance Holdings Ltd. in court.", "Binance Holdings Ltd.", ["Binance Holdings Ltd."]),
        ("en", "Officials from the U.S. Treasury spoke.", "the U.S. Treasury", ["U.S. Treasury"]),
        ("en", "The Treasury Department's Office of Foreign Assets Control acted.", "The Treasury Department's Office of Foreign Assets Control", ["Treasury Department", "Office of Foreign Assets Control"]),
    ],
)
def test_build_entities_trims_spans(blank, lang, text, span, expected):
    articles, payloads = corpus(blank, [(lang, text, [(span, "ORG")])])
    mentions, _ = E.build_entities(articles, payloads)
    assert list(mentions["text"]) == expected
    for start, end, surface in zip(mentions["start"], mentions["end"], mentions["text"]):
        assert text[start:end] == surface


@pytest.mark.parametrize(
    ("lang", "text", "span", "label"),
    [
        ("fr", "Il n'avait pas le choix.", "n'", "PER"),
        ("fr", "Il dit qu'il part.", "qu'", "ORG"),
        ("fr", "Les représentants ont parlé.", "Les", "ORG"),
        ("fr", "Il a parlé hier.", "Il", "PER"),
        ("fr", "Des bitcoins (BTC) ont été levés.", "BTC", "ORG"),
        ("fr", "Des échanges en USDT contre des roubles.", "USDT", "ORG"),
        ("fr", "La valeur de EUR 10 000 est dépassée.", "EUR", "LOC"),
        ("fr", "Une somme de 10 000 a été versée.", "10 000", "MISC"),
        ("fr", "Le poison novitchok a été retrouvé.", "novitchok", "LOC"),
        ("fr", "Cependant, la bourse a admis les faits.", "Cependant", "MISC"),
        ("fr", "La réunion a eu lieu en avril 2021 à Moscou.", "avril 2021", "MISC"),
        ("en", "Today the company said so.", "Today", "ORG"),
        ("en", "In January 2024 the exchange closed.", "January 2024", "ORG"),
        ("en", "It traded 2,300 ETH last week.", "ETH", "ORG"),
        ("en", "It paid $ 5 for it.", "$", "MONEY"),
        ("en", "The roubles were converted.", "roubles", "ORG"),
        ("en", "They said it was over.", "They", "PERSON"),
        ("en", "The fiat currency fell.", "fiat", "ORG"),
    ],
)
def test_build_entities_drops_non_entities(blank, lang, text, span, label):
    articles, payloads = corpus(blank, [(lang, text, [(span, label)])])
    mentions, entities = E.build_entities(articles, payloads)
    assert mentions.empty and entities.empty


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("BTC", "ticker"), ("USDT", "ticker"), ("EUR", "currency"), ("roubles", "currency"),
        ("n'", "too short"), ("Les", "function word"), ("2021", "no letter"), ("avril", "date"),
        ("Cependant", "stoplist"), ("novitchok", "lowercase"), ("Binance", None), ("OFAC", None),
        ("US", None), ("CJIP", "concept"), ("LCB-FT", "concept"), ("Ministre", "generic"),
        ("Comptes publics", "generic"), ("Collège", "generic"), ("Commission des sanctions de l'AMF", None),
        # a regulator named by its kind, capitalised for respect ("mise à jour par le Régulateur")
        ("Régulateur", "generic"), ("Superviseur", "generic"),
    ],
)
def test_drop_reason_names_the_rule(text, reason):
    assert E.drop_reason(text, E.load_lexicon("fr" if text != "US" else "en")) == reason


def test_build_entities_splits_span_of_two_known_names(blank):
    text = "Gleb Kostarev dirige Binance en Russie. Kostarev de Binance n'a pas commenté."
    articles, payloads = corpus(
        blank,
        [("fr", text, [("Gleb Kostarev", "PER"), ("Binance", "ORG"), ("Russie", "LOC"), ("Kostarev de Binance", "ORG")])],
    )
    mentions, entities = E.build_entities(articles, payloads)
    assert "Kostarev de Binance" not in set(mentions["text"])
    assert names(entities) == {"Gleb Kostarev": "PER", "Binance": "ORG", "Russie": "LOC"}
    assert aliases_of(entities, "Gleb Kostarev") == ["Kostarev"]


def test_build_entities_keeps_name_with_inner_preposition(blank):
    text = "La Banque de Russie a parlé. La Russie aussi."
    articles, payloads = corpus(blank, [("fr", text, [("Banque de Russie", "ORG"), ("Russie", "LOC", 1)])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Banque de Russie": "ORG", "Russie": "LOC"}


# ---------------------------------------------------------------------------
# Canonical entities
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "spans", "expected_name"),
    [
        ("fr", "Alexeï Navalny est revenu. Alexei Navalny a parlé.", [("Alexeï Navalny", "PER"), ("Alexei Navalny", "PER")], None),
        ("en", "Changpeng Zhao resigned. Zhao Changpeng is Canadian.", [("Changpeng Zhao", "PERSON"), ("Zhao Changpeng", "PERSON")], "Changpeng Zhao"),
        ("en", "BINANCE said no. Binance said yes. Binance agreed.", [("BINANCE", "ORG"), ("Binance", "ORG"), ("Binance", "ORG", 1)], "Binance"),
        ("fr", "La Fondation anti-corruption enquête. La Fondation anticorruption publie.", [("Fondation anti-corruption", "ORG"), ("Fondation anticorruption", "ORG")], None),
    ],
)
def test_build_entities_joins_same_name_spellings(blank, lang, text, spans, expected_name):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    mentions, entities = E.build_entities(articles, payloads)
    assert len(entities) == 1
    assert mentions["entity_id"].nunique() == 1
    if expected_name:
        assert entities.at[0, "name"] == expected_name


@pytest.mark.parametrize(
    ("lang", "text", "spans", "full", "short"),
    [
        ("fr", "Gleb Kostarev a accepté. Kostarev n'a pas commenté.", [("Gleb Kostarev", "PER"), ("Kostarev", "ORG")], "Gleb Kostarev", "Kostarev"),
        ("en", "Stanislav Drugalev founded it. Drugalev said so. Drugalev left.", [("Stanislav Drugalev", "PERSON"), ("Drugalev", "ORG"), ("Drugalev", "ORG", 1)], "Stanislav Drugalev", "Drugalev"),
        ("en", "Aleksandr Mira Serda ran it. Mira Serda denied it.", [("Aleksandr Mira Serda", "PERSON"), ("Mira Serda", "PERSON")], "Aleksandr Mira Serda", "Mira Serda"),
        ("en", "Regulators named Bitzlato Limited. Bitzlato denied it.", [("Bitzlato Limited", "ORG"), ("Bitzlato", "PERSON")], "Bitzlato Limited", "Bitzlato"),
    ],
)
def test_build_entities_joins_partial_name_to_full_name(blank, lang, text, spans, full, short):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    mentions, entities = E.build_entities(articles, payloads)
    assert len(entities) == 1 and forms_of(entities) == {full, short}
    assert mentions["entity_id"].nunique() == 1
    # a person is shown by the full name; a company by its name without the legal form
    assert entities.at[0, "name"] == (full if spans[0][1] in ("PER", "PERSON") else short)
    # the surname's own label errors are outvoted: the entity keeps the full name's label
    assert entities.at[0, "label"] == E.unify_label(spans[0][1])


def test_build_entities_keeps_ambiguous_surname_apart(blank):
    text = "Anna Petrova et Igor Petrova sont visés. Petrova a démenti."
    articles, payloads = corpus(blank, [("fr", text, [("Anna Petrova", "PER"), ("Igor Petrova", "PER"), ("Petrova", "PER", 2)])])
    _, entities = E.build_entities(articles, payloads)
    assert set(entities["name"]) == {"Anna Petrova", "Igor Petrova", "Petrova"}


@pytest.mark.parametrize(
    ("others", "joined"),
    [
        ([], True),  # the only Lind in the corpus
        ([("fr", "Oskar Lind est aussi cité.", [("Oskar Lind", "PER")])], False),  # two Linds: ambiguous
    ],
)
def test_build_entities_joins_surname_across_corpus_when_unambiguous(blank, others, joined):
    docs = [
        ("fr", "Marta Lind dirige la plateforme.", [("Marta Lind", "PER")]),
        ("fr", "Lind a refusé de commenter.", [("Lind", "PER")]),
        *others,
    ]
    articles, payloads = corpus(blank, docs)
    mentions, entities = E.build_entities(articles, payloads)
    lind = mentions.loc[mentions["text"] == "Lind", "entity_id"].iloc[0]
    marta = mentions.loc[mentions["text"] == "Marta Lind", "entity_id"].iloc[0]
    assert (lind == marta) is joined


@pytest.mark.parametrize(
    ("lang", "text", "spans", "long", "short"),
    [
        ("en", "The Office of Foreign Assets Control (OFAC) acted. OFAC said so.", [("Office of Foreign Assets Control", "ORG"), ("OFAC", "ORG"), ("OFAC", "ORG", 1)], "Office of Foreign Assets Control", "OFAC"),
        ("en", "OFAC (Office of Foreign Assets Control) acted. OFAC said so.", [("OFAC", "ORG"), ("Office of Foreign Assets Control", "ORG"), ("OFAC", "ORG", 1)], "Office of Foreign Assets Control", "OFAC"),
        ("fr", "Selon l'Organisation pour l'interdiction des armes chimiques (OIAC), c'est établi. L'OIAC enquête.", [("Organisation pour l'interdiction des armes chimiques", "ORG"), ("L'OIAC", "ORG")], "Organisation pour l'interdiction des armes chimiques", "OIAC"),
        ("en", "The Department of Justice (DOJ) charged him. The DOJ said so.", [("The Department of Justice", "ORG"), ("DOJ", "ORG", 1)], "Department of Justice", "DOJ"),
        ("en", "Financial Crimes Enforcement Network (FinCEN) acted. FinCEN said so.", [("FinCEN", "ORG", 1)], "Financial Crimes Enforcement Network", "FinCEN"),
        ("en", "The Securities and Exchange Commission sued. The SEC said so.", [("Securities and Exchange Commission", "ORG"), ("SEC", "ORG")], "Securities and Exchange Commission", "SEC"),
    ],
)
def test_build_entities_joins_acronym_to_its_expansion(blank, lang, text, spans, long, short):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    mentions, entities = E.build_entities(articles, payloads)
    assert len(entities) == 1 and forms_of(entities) == {long, short}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Office of Foreign Assets Control (OFAC)", ("OFAC", "Office of Foreign Assets Control")),
        ("OFAC (Office of Foreign Assets Control)", ("OFAC", "Office of Foreign Assets Control")),
        ("Islamic State of Iraq and Syria (ISIS)", ("ISIS", "Islamic State of Iraq and Syria")),
        ("la Banque centrale européenne (BCE)", ("BCE", "Banque centrale européenne")),
        ("anti-money laundering (AML)", None),
        ("des bitcoins (BTC)", None),
    ],
)
def test_find_acronyms_spells_initials(text, expected):
    found = E.find_acronyms(text, "fr")
    got = [(text[d.short[0] : d.short[1]], text[d.long[0] : d.long[1]]) for d in found]
    assert got == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("lang", "text", "spans", "name", "label"),
    [
        # one sentence's label error is outvoted by the others
        ("en", "Binance said no. Binance agreed. Binance paid. Binance left.", [("Binance", "PERSON"), ("Binance", "ORG", 1), ("Binance", "ORG", 2), ("Binance", "ORG", 3)], "Binance", "ORG"),
        # a kind-of noun before the name beats the model's labels
        ("fr", "La plateforme Coinvexa suspend les retraits. Coinvexa explique sa décision.", [("Coinvexa", "PER"), ("Coinvexa", "PER", 1)], "Coinvexa", "ORG"),
        ("fr", "Un représentant de l'échange de crypto Binance était là. Binance a nié.", [("Binance", "MISC"), ("Binance", "MISC", 1)], "Binance", "ORG"),
        ("fr", "Le groupe pétrolier Sibneftegaz recrute.", [("Sibneftegaz", "MISC")], "Sibneftegaz", "ORG"),
        ("en", "Investigators at analytics firm Kestrel found it.", [("Kestrel", "PERSON")], "Kestrel", "ORG"),
        ("en", "Senator Elizabeth Warren urged action.", [("Elizabeth Warren", "ORG")], "Elizabeth Warren", "PER"),
        ("en", "Nadia Okonkwo, a spokeswoman for the bank, said no.", [("Nadia Okonkwo", "ORG")], "Nadia Okonkwo", "PER"),
        ("en", "Alpenbank's chairman said no.", [("Alpenbank", "PERSON")], "Alpenbank", "ORG"),
        ("en", "Mastercard chief executive Michael Miebach spoke.", [("Mastercard", "PERSON")], "Mastercard", "ORG"),
        ("fr", "Le fondateur de Tornado Cash a été condamné.", [("Tornado Cash", "LOC")], "Tornado Cash", "ORG"),
        # a word inside the name
        ("en", "They met the Bank of Nowhere.", [("Bank of Nowhere", "PERSON")], "Bank of Nowhere", "ORG"),
        ("fr", "Cryptonews.com a contacté Binance.", [("Cryptonews.com", "PER")], "Cryptonews.com", "ORG"),
    ],
)
def test_build_entities_votes_label(blank, lang, text, spans, name, label):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)[name] == label


@pytest.mark.parametrize(
    ("lang", "text", "name", "label"),
    [
        ("en", "Investigators at blockchain analytics firm Chainalysis traced the funds.", "Chainalysis", "ORG"),
        ("fr", "Ces pièces montrent que la banque Promsvyazkapital a ouvert des comptes.", "Promsvyazkapital", "ORG"),
        ("en", "It was said by Senator Tom Hale on Friday.", "Tom Hale", "PER"),
    ],
)
def test_build_entities_tags_names_after_kind_nouns(blank, lang, text, name, label):
    articles, payloads = corpus(blank, [(lang, text, [])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {name: label}


@pytest.mark.parametrize("rule", E.RULES)
def test_build_entities_rules_switch_off(blank, rule):
    text = "Gleb Kostarev de Binance. Kostarev a parlé à l'OFAC."
    articles, payloads = corpus(blank, [("fr", text, [("Gleb Kostarev de Binance", "PER"), ("Kostarev", "LOC"), ("l'OFAC", "ORG")])])
    mentions, entities = E.build_entities(articles, payloads, rules=E.EntityRules(**{rule: False}))
    assert list(mentions.columns) == E.MENTION_COLUMNS and list(entities.columns) == E.ENTITY_COLUMNS


def test_build_entities_tables_have_the_contract_columns(blank):
    docs = [
        ("fr", "Binance a parlé. Gleb Kostarev dirige Binance en Russie.", [("Binance", "MISC"), ("Gleb Kostarev", "PER"), ("Binance", "ORG", 1), ("Russie", "LOC")]),
        ("en", "Binance settled with OFAC.", [("Binance", "ORG"), ("OFAC", "ORG")]),
    ]
    articles, payloads = corpus(blank, docs)
    mentions, entities = E.build_entities(articles, payloads)
    assert list(mentions.columns) == E.MENTION_COLUMNS
    assert list(entities.columns) == E.ENTITY_COLUMNS
    texts = dict(zip(articles["article_id"], articles["text"]))
    for row in mentions.itertuples(index=False):
        body = texts[row.article_id]
        assert body[row.start : row.end] == row.text
        s, e = payloads[row.article_id]["sents"][row.sentence_id]
        assert row.sentence == body[s:e] and s <= row.start < e
    assert list(entities["mentions"]) == sorted(entities["mentions"], reverse=True)
    binance = entities[entities["name"] == "Binance"].iloc[0]
    assert (binance["label"], binance["mentions"], binance["articles"]) == ("ORG", 3, 2)
    assert set(mentions["entity_id"]) == set(entities["entity_id"])


def test_build_entities_ids_are_stable_across_runs_and_order(blank):
    docs = [
        ("fr", "Gleb Kostarev dirige Binance.", [("Gleb Kostarev", "PER"), ("Binance", "ORG")]),
        ("en", "Binance settled with OFAC.", [("Binance", "ORG"), ("OFAC", "ORG")]),
    ]
    articles, payloads = corpus(blank, docs)
    _, first = E.build_entities(articles, payloads)
    _, again = E.build_entities(articles.iloc[::-1].reset_index(drop=True), payloads)
    assert dict(zip(first["name"], first["entity_id"])) == dict(zip(again["name"], again["entity_id"]))
    assert first.set_index("name").at["Binance", "entity_id"] == E.entity_id("Binance", "ORG")


def test_build_entities_empty_corpus():
    articles = pd.DataFrame(columns=["article_id", "lang", "text"])
    mentions, entities = E.build_entities(articles, {})
    assert mentions.empty and list(mentions.columns) == E.MENTION_COLUMNS
    assert entities.empty and list(entities.columns) == E.ENTITY_COLUMNS


def test_build_entities_watchlist_forces_name_and_label(blank):
    text = "Le fonds Nordvik a investi. Nordvik Capital dément."
    payload = payload_for(blank["fr"], text, [("Nordvik", "LOC"), ("Nordvik Capital", "ORG")])
    payload["ents"][0][2:] = ["ORG", "Nordvik Capital Partners"]  # as the watchlist ruler marks it
    payload["ents"][1][2:] = ["ORG", "Nordvik Capital Partners"]
    articles = pd.DataFrame([("a", "fr", text)], columns=["article_id", "lang", "text"])
    _, entities = E.build_entities(articles, {"a": payload})
    assert names(entities) == {"Nordvik Capital Partners": "ORG"}
    assert set(aliases_of(entities, "Nordvik Capital Partners")) == {"Nordvik", "Nordvik Capital"}


# ---------------------------------------------------------------------------
# Company evidence, gazetteer places and noise on real text (the dev2 classes)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "model_label"),
    [
        # an apposition holding a nationality, a known place or its possessive, a plural kind-of noun
        ("Baker Hughes, an American oil services company, said it received a letter.", "Baker Hughes", "PER"),
        ("Coincheck, one of Japan's largest cryptocurrency exchanges, faced insolvency.", "Coincheck", "LOC"),
        ("Semrush Holdings, a Boston software company, said it faces no penalty.", "Semrush Holdings", "PER"),
        # a place compound right before the name
        ("The SEC charged 17 individuals connected with Houston-based CryptoFX on Thursday.", "CryptoFX", "LOC"),
        # a brand-shaped word
        ("Investors pulled their funds from BlockFi last year.", "BlockFi", "PER"),
        # words inside the name that only firms use
        ("Stolen funds went through Bitcoin Fog for years.", "Bitcoin Fog", "PER"),
        ("Hackers drained customers of Atomic Wallet in June.", "Atomic Wallet", "PER"),
        ("OFAC redesignated Tornado Cash on Tuesday.", "Tornado Cash", "PER"),
    ],
)
def test_company_evidence_overrides_person_or_place(blank, text, span, model_label):
    articles, payloads = corpus(blank, [("en", text, [(span, model_label)])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)[span] == "ORG"


def test_company_evidence_leaves_people_and_places_alone(blank):
    text = "Jane Hale, an American lawyer, met Senator Tom Reyes. Oil from Japan went through McCarthy Street."
    articles, payloads = corpus(blank, [("en", text, [("Jane Hale", "PER"), ("Tom Reyes", "PER"), ("Japan", "GPE"), ("McCarthy", "PERSON")])])
    _, entities = E.build_entities(articles, payloads)
    got = names(entities)
    assert got["Jane Hale"] == "PER" and got["Tom Reyes"] == "PER" and got["Japan"] == "LOC" and got["McCarthy"] == "PER"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("QuadrigaCX, a Canadian cryptocurrency exchange, declared bankruptcy in 2019.", "QuadrigaCX"),
        ("The lender relied on Voyager Digital and Celsius Network for funding.", "Celsius Network"),
        ("Genesis lost money after the collapse of Three Arrows Capital last year.", "Three Arrows Capital"),
    ],
)
def test_firm_evidence_tags_names_the_model_missed(blank, text, expected):
    articles, payloads = corpus(blank, [("en", text, [])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(expected) == "ORG"


def test_cued_name_stops_at_the_sentence_end(blank):
    text = "The report cited an analysis by research company Elliptic. Citing another firm, the panel spoke."
    articles, payloads = corpus(blank, [("en", text, [])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get("Elliptic") == "ORG" and not any("Citing" in n for n in entities["name"])


@pytest.mark.parametrize(
    ("lang", "text", "spans", "expected"),
    [
        # a legal form the model left out, after the words it cut
        ("fr", "BTC-e était exploité par Always Efficient LLP, enregistré à Londres.", [("Always", "ORG"), ("LLP", "ORG")],
         "Always Efficient LLP"),
        # "BTC" + "-e": the exchange, not the ticker
        ("en", "OFAC fined BTC-e and its owner on Monday.", [("BTC", "ORG")], "BTC-e"),
    ],
)
def test_names_the_model_cut_are_made_whole(blank, lang, text, spans, expected):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(expected) == "ORG", names(entities)


def test_parser_sentence_start_inside_a_word_is_no_break(blank):
    text = "BTC-e a été inculpé par le tribunal."
    articles, payloads = corpus(blank, [("fr", text, [("BTC", "ORG")])])
    payloads["a0"]["sents"] = [[0, 3], [3, len(text)]]
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get("BTC-e") == "ORG"


def test_gazetteer_place_is_not_cut_at_its_possessive(blank):
    text = "Treasury targeted a scheme involving Russia and the People's Republic of China last week."
    articles, payloads = corpus(blank, [("en", text, [("Russia", "GPE"), ("the People's Republic of China", "GPE")])])
    _, entities = E.build_entities(articles, payloads)
    got = names(entities)
    assert got.get("People's Republic of China") == "LOC" and "People" not in got


@pytest.mark.parametrize(
    ("lang", "text", "spans", "gone"),
    [
        # a defined term of legal drafting
        ("en", 'The order requires MineOne to divest real estate (the "Real Estate") in Wyoming. The Real Estate lies near a base.',
         [("MineOne", "ORG"), ("Wyoming", "GPE"), ("Real Estate", "ORG", 1)], "Real Estate"),
    ],
)
def test_defined_terms_are_not_names(blank, lang, text, spans, gone):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert gone not in names(entities) and names(entities)["MineOne"] == "ORG"


@pytest.mark.parametrize(
    ("lang", "text", "span", "model_label"),
    [
        ("en", "Sinbad is designated pursuant to Executive Order 13694, as amended by Order 13757, today.", "Order 13757", "PERSON"),
        ("fr", "La Suisse est une place financière importante pour les Russes depuis longtemps.", "Russes", "LOC"),
    ],
)
def test_legal_acts_and_nationalities_are_misc(blank, lang, text, span, model_label):
    articles, payloads = corpus(blank, [(lang, text, [(span, model_label)])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)[span] == "MISC"


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("A jury found Terraform Labs and its founder, Do Kwon, liable on Friday.", "Kwon", "Do Kwon"),
        ("Terraform Labs founder Do Kwon did not attend the trial.", "Kwon", "Do Kwon"),
        # a title's last word or a determiner is no first name
        ("It was said by Under Secretary for Financial Intelligence Brian Nelson today.", "Brian Nelson", "Brian Nelson"),
        ("He spoke to the Price Cap Coalition yesterday.", "Cap Coalition", "Cap Coalition"),
    ],
)
def test_first_name_that_is_a_common_word_joins_the_person(blank, text, span, expected):
    articles, payloads = corpus(blank, [("en", text, [(span, "PERSON")])])
    mentions, _ = E.build_entities(articles, payloads)
    assert expected in set(mentions["text"])


# ---------------------------------------------------------------------------
# Curation
# ---------------------------------------------------------------------------


@pytest.fixture()
def curated(blank):
    docs = [
        ("fr", "Kostarev de la bourse a parlé. Gleb Kostarev et Anna Petrova, puis Igor Petrova. Petrova aussi. Rosfin enquête. Selon X.", [
            ("Kostarev", "PER"), ("Gleb Kostarev", "PER"), ("Anna Petrova", "PER"), ("Igor Petrova", "PER"),
            ("Petrova", "PER", 2), ("Rosfin", "PER"), ("X", "ORG"),
        ]),
    ]
    return corpus(blank, docs)


def test_curation_round_trip(tmp_path, curated):
    articles, payloads = curated
    ws = Workspace(tmp_path / "ws")
    assert pipeline.load_curation(ws) == []
    pipeline.record_decision(ws, "merge", name="Petrova", label="PER", into="Anna Petrova", into_label="PER")
    pipeline.record_decision(ws, "rename", name="Gleb Kostarev", label="PER", to="Gleb A. Kostarev")
    pipeline.record_decision(ws, "relabel", name="Rosfin", label="PER", to="ORG")
    pipeline.record_decision(ws, "hide", name="Igor Petrova", label="PER", note="a namesake, not in the story")

    saved = yaml.safe_load(pipeline.curation_path(ws).read_text(encoding="utf-8"))
    assert [d["action"] for d in saved["decisions"]] == ["merge", "rename", "relabel", "hide"]
    assert saved["decisions"][3]["note"] == "a namesake, not in the story"

    mentions, entities = E.build_entities(articles, payloads, decisions=pipeline.load_curation(ws))
    got = names(entities)
    assert got["Anna Petrova"] == "PER" and "Petrova" not in got
    assert aliases_of(entities, "Anna Petrova") == ["Petrova"]
    assert got["Gleb A. Kostarev"] == "PER" and "Gleb Kostarev" not in got
    assert got["Rosfin"] == "ORG"
    assert "Igor Petrova" not in got and "Igor Petrova" not in set(mentions["text"])
    assert set(mentions["entity_id"]) == set(entities["entity_id"])
    assert mentions.loc[mentions["text"] == "Rosfin", "label"].tolist() == ["ORG"]

    removed = pipeline.undo_decision(ws)
    assert removed["action"] == "hide"
    _, entities = E.build_entities(articles, payloads, decisions=pipeline.load_curation(ws))
    assert "Igor Petrova" in names(entities)

    removed = pipeline.undo_decision(ws, 0)
    assert removed["action"] == "merge"
    _, entities = E.build_entities(articles, payloads, decisions=pipeline.load_curation(ws))
    assert "Petrova" in names(entities)
    assert [d["action"] for d in pipeline.load_curation(ws)] == ["rename", "relabel"]


@pytest.mark.parametrize(
    ("action", "fields", "stored"),
    [
        ("merge", {"into_name": "Anna Petrova", "into_label": "PER"}, {"into": "Anna Petrova"}),
        ("rename", {"new_name": "P."}, {"to": "P."}),
        ("relabel", {"new_label": "org"}, {"to": "ORG"}),
    ],
)
def test_record_decision_accepts_widget_field_names(tmp_path, action, fields, stored):
    ws = Workspace(tmp_path / "ws")
    decision = pipeline.record_decision(ws, action, name="Petrova", label="PER", **fields)
    assert stored.items() <= decision.items()
    assert pipeline.load_curation(ws) == [decision]


def test_curation_rename_onto_existing_entity_merges(curated):
    articles, payloads = curated
    decisions = [{"action": "rename", "name": "Petrova", "label": "PER", "to": "Anna Petrova"}]
    _, entities = E.build_entities(articles, payloads, decisions=decisions)
    assert "Petrova" not in names(entities)
    assert entities.set_index("name").at["Anna Petrova", "mentions"] == 2


def test_curation_skips_decision_about_missing_entity(curated, caplog):
    articles, payloads = curated
    decisions = [{"action": "hide", "name": "Nobody", "label": "PER"}]
    _, entities = E.build_entities(articles, payloads, decisions=decisions)
    _, plain = E.build_entities(articles, payloads)
    pd.testing.assert_frame_equal(entities, plain)
    assert "Nobody" in caplog.text


@pytest.mark.parametrize(
    ("action", "fields"),
    [
        ("delete", {"name": "X", "label": "PER"}),
        ("merge", {"name": "X", "label": "PER"}),
        ("rename", {"name": "X", "label": "PER"}),
        ("relabel", {"name": "X", "label": "PER", "to": "PERSONNE"}),
        ("hide", {"label": "PER"}),
        ("hide", {"name": "X", "label": "GPE2"}),
    ],
)
def test_record_decision_rejects_bad_decision(tmp_path, action, fields):
    ws = Workspace(tmp_path / "ws")
    with pytest.raises(ValueError):
        pipeline.record_decision(ws, action, **fields)
    assert not ws.file(pipeline.CURATION_FILE).exists()


@pytest.mark.parametrize(
    "content",
    ["decisions: [\n", "decisions: 3\n", "decisions:\n- action: explode\n  name: X\n"],
)
def test_load_curation_rejects_bad_file(tmp_path, content):
    ws = Workspace(tmp_path / "ws")
    ws.write_text_atomic(pipeline.CURATION_FILE, content)
    with pytest.raises(ValueError):
        pipeline.load_curation(ws)


def test_undo_decision_without_decisions(tmp_path):
    with pytest.raises(IndexError):
        pipeline.undo_decision(Workspace(tmp_path / "ws"))


# ---------------------------------------------------------------------------
# Watchlist files
# ---------------------------------------------------------------------------

WATCH_EXPECTED = Watchlist(
    entries=(
        ("Europe de l'Est", "LOC", ("Europe orientale",)),
        ("Binance", "ORG", ("Binance Holdings", "Binance.com")),
        ("Changpeng Zhao", "PER", ()),
    )
)


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("watch.csv", "name,label,aliases\nEurope de l'Est,LOC,Europe orientale\nBinance,ORG,Binance Holdings; Binance.com\nChangpeng Zhao,PERSON,\n"),
        ("watch.yaml", "- name: Europe de l'Est\n  label: LOC\n  aliases: [Europe orientale]\n- name: Binance\n  label: org\n  aliases: Binance Holdings;Binance.com\n- name: Changpeng Zhao\n  label: PER\n"),
        ("watch.yml", "watchlist:\n- {name: \"Europe de l'Est\", label: GPE, aliases: [Europe orientale]}\n- {name: Binance, label: ORG, aliases: [Binance Holdings, Binance.com]}\n- {name: Changpeng Zhao, label: PER, aliases: []}\n"),
    ],
)
def test_load_watchlist_reads_csv_and_yaml(tmp_path, filename, content):
    path = tmp_path / filename
    path.write_text(content, encoding="utf-8")
    assert E.load_watchlist(path) == WATCH_EXPECTED


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("w.csv", "name,label,aliases\nBinance,COMPANY,\n", "COMPANY"),
        ("w.csv", "nom,type\nBinance,ORG\n", "header"),
        ("w.csv", "name,label,aliases\n,ORG,\n", "empty name"),
        ("w.csv", "name,label,aliases\nBinance,ORG,\nbinance,ORG,\n", "twice"),
        ("w.yaml", "name: Binance\nlabel: ORG\n", "list"),
        ("w.yaml", "- Binance\n", "mapping"),
        ("w.yaml", "- {name: Binance, label: ORG, aliases: 3}\n", "aliases"),
        ("w.yaml", "- {name: Binance, label: [ORG\n", "YAML"),
        ("w.txt", "Binance\n", ".csv or .yaml"),
    ],
)
def test_load_watchlist_rejects_bad_file(tmp_path, filename, content, message):
    path = tmp_path / filename
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        E.load_watchlist(path)


def test_load_watchlist_missing_file(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        E.load_watchlist(tmp_path / "nope.csv")


# ---------------------------------------------------------------------------
# The real models
# ---------------------------------------------------------------------------

@pytest.fixture(scope="session")
def pinned_models() -> None:
    """The pinned models must be installed: without them the quality tests fail, never skip."""
    missing = [f"{lang} ({model_name(lang) or 'none found'})" for lang in ("fr", "en")
               if model_name(lang) is None or importlib.util.find_spec(model_name(lang)) is None]
    if missing:
        pytest.fail(f"the pinned spaCy models are not installed for {', '.join(missing)}: run make setup",
                    pytrace=False)


needs_models = pytest.mark.usefixtures("pinned_models")


def _seed_body() -> str:
    text = normalize_text(SEED.read_text(encoding="utf-8"))
    _title, _, rest = text.partition("\n")
    body, _related = split_related(rest.strip())
    return body


def _key_set(items) -> set[tuple[str, str]]:
    return {(E.name_key(e["name"]), e["label"]) for e in items}


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads((DATA / "seed_gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_run() -> tuple[pd.DataFrame, dict, pd.DataFrame, pd.DataFrame]:
    body = _seed_body()
    articles = pd.DataFrame([("seed", "fr", body)], columns=["article_id", "lang", "text"])
    payloads, _ = tag_texts([("seed", "fr", body)])
    mentions, entities = E.build_entities(articles, payloads)
    return articles, payloads, mentions, entities


@pytest.fixture(scope="session")
def passages() -> list[dict]:
    items = [json.loads(line) for line in (DATA / "entity_passages.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    for item in items:
        item["text"] = normalize_text(item["text"])
    return items


@pytest.fixture(scope="session")
def passage_payloads(passages) -> dict[str, dict]:
    payloads, _ = tag_texts([(f"p{i}", p["lang"], p["text"]) for i, p in enumerate(passages)])
    return payloads


def test_passages_file_is_well_formed(passages):
    langs = [p["lang"] for p in passages]
    assert len(passages) >= 30 and langs.count("fr") >= 15 and langs.count("en") >= 15
    for p in passages:
        sentences = [s for s in p["text"].replace("?", ".").split(". ") if s.strip()]
        # Passages written for the first sets have 2 to 5 sentences; real-text sets may quote one.
        assert (1 if p.get("set", "dev") in ("dev2", "dev3", "dev4", "dev5", "dev7", "dev8", "dev9", "dev10", "dev13", "dev14") else 2) <= len(sentences) <= 5, p["text"]
        for entity in p["entities"]:
            assert entity["label"] in E.NAME_LABELS
            for form in (entity["name"], *entity["aliases"]):
                assert form in p["text"], form


@needs_models
def test_seed_f1_on_names(seed_run, seed_gold):
    _, payloads, _, entities = seed_run
    gold = _key_set(seed_gold["entities"])
    kit = evaluation.score_entities(evaluation.entity_set(entities), gold)
    raw = evaluation.score_entities(evaluation.raw_entity_set(evaluation.raw_mentions(seed_run[0], payloads)), gold)
    assert kit["f1"] >= SEED_F1, kit
    assert kit["f1"] > raw["f1"]


@needs_models
def test_seed_gold_aliases_merged(seed_run, seed_gold):
    _, _, mentions, entities = seed_run
    by_key = {E.name_key(n): eid for n, eid in zip(entities["name"], entities["entity_id"])}
    for entity in seed_gold["entities"]:
        for alias in entity.get("aliases", []):
            alias_ids = set(mentions.loc[mentions["text"].map(E.name_key) == E.name_key(alias), "entity_id"])
            assert alias_ids == {by_key[E.name_key(entity["name"])]}, alias


@needs_models
def test_seed_related_only_names_absent(seed_run, seed_gold):
    _, _, mentions, entities = seed_run
    keys = {E.name_key(t) for t in (*mentions["text"], *entities["name"])}
    for name in seed_gold["related_only"]:
        assert E.name_key(name) not in keys


@needs_models
def test_seed_has_no_tickers_pronouns_or_split_person(seed_run):
    _, _, mentions, entities = seed_run
    texts = set(mentions["text"])
    assert not texts & {"BTC", "USDT", "EUR", "n'", "qu'", "Les", "– Binance", "Kostarev de Binance"}
    got = names(entities)
    assert got["Binance"] == "ORG" and got["Gleb Kostarev"] == "PER" and "Kostarev" not in got


@needs_models
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_passages_f1_per_language(passages, passage_payloads, lang):
    kit_total = {"tp": 0, "fp": 0, "fn": 0}
    raw_total = {"tp": 0, "fp": 0, "fn": 0}
    for i, p in enumerate(passages):
        if p["lang"] != lang:
            continue
        aid = f"p{i}"
        articles = pd.DataFrame([(aid, lang, p["text"])], columns=["article_id", "lang", "text"])
        payload = {aid: passage_payloads[aid]}
        gold = evaluation.gold_forms(p["entities"])
        _, entities = E.build_entities(articles, payload)
        for total, predicted in (
            (kit_total, evaluation.kit_forms(entities)),
            (raw_total, evaluation.raw_forms(evaluation.raw_mentions(articles, payload))),
        ):
            counts = evaluation.match_entities(predicted, gold)
            for k in total:
                total[k] += getattr(counts, k)

    def f1(t):
        return 2 * t["tp"] / (2 * t["tp"] + t["fp"] + t["fn"])

    assert f1(kit_total) >= PASSAGE_F1[lang], kit_total
    # The raw model's NER is fine-tuned on these same passages, so its F1 here is in-sample
    # (fr 0.927, en 0.923 against the kit's 0.973 and 0.974): the rules still add to it, and
    # they remove most of what the model wrongly tags (fr 58 false entities against 239, en 74 against 310).
    assert f1(kit_total) >= f1(raw_total) + 0.03, (kit_total, raw_total)
    assert kit_total["fp"] * 2 <= raw_total["fp"], (kit_total, raw_total)


@needs_models
def test_watchlist_finds_name_the_model_misses(tmp_path):
    body = _seed_body()
    path = tmp_path / "watch.csv"
    # "USDT" (Tether's stablecoin) is a name the model never tags in the seed (the tuned model now finds
    # "Europe de l'Est", the watchlist's former example).
    path.write_text("name,label,aliases\nUSDT,ORG,Tether\n", encoding="utf-8")
    watchlist = E.load_watchlist(path)
    articles = pd.DataFrame([("seed", "fr", body)], columns=["article_id", "lang", "text"])

    plain, _ = tag_texts([("seed", "fr", body)])
    _, before = E.build_entities(articles, plain)
    assert "USDT" not in names(before)

    assert "watchlist" in load_pipeline("fr", watchlist).pipe_names
    watched, _ = tag_texts([("seed", "fr", body)], watchlist=watchlist)
    _, after = E.build_entities(articles, watched)
    assert names(after)["USDT"] == "ORG"
    assert names(after)["Binance"] == "ORG"


def test_quality_tests_fail_when_a_model_is_missing():
    """A missing model is a failure of the quality tests, not a skip that hides it."""
    env = {**os.environ, "DOSSIER_MODEL_FR": "no_such_model_package"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"{__file__}::test_seed_f1_on_names",
         f"{__file__}::test_watchlist_finds_name_the_model_misses"],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env=env,
    )
    assert done.returncode == 1, done.stdout
    assert "2 errors" in done.stdout or "2 failed" in done.stdout, done.stdout
    assert "skipped" not in done.stdout
    assert "the pinned spaCy models are not installed for fr (no_such_model_package)" in done.stdout


# ---------------------------------------------------------------------------
# Gazetteers, display names, institutions, non-names
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("forms", "label"),
    [
        (["Russie", "Russia", "Russian Federation", "Fédération de Russie"], "LOC"),
        (["États-Unis", "United States", "U.S.", "US"], "LOC"),
        (["Union européenne", "European Union", "EU", "UE"], "ORG"),
        (["Groupe d'action financière", "Financial Action Task Force", "FATF", "GAFI"], "ORG"),
        (["Hong Kong"], "LOC"),
        (["G7"], "ORG"),
    ],
)
def test_gazetteer_gives_one_reference_and_its_label(forms, label):
    from helpers.entities.gazetteer import lookup

    references = {lookup(f) for f in forms}
    assert len(references) == 1 and None not in references
    (reference,) = references
    assert reference.label == label and reference.forced


def test_gazetteer_city_names_join_across_languages_but_do_not_force_a_label():
    from helpers.entities.gazetteer import lookup

    assert lookup("Moscou") == lookup("Moscow") and not lookup("Moscow").forced
    assert not lookup("Garland").forced  # a city, and a U.S. Attorney General's name


def test_build_entities_joins_a_place_across_languages(blank):
    articles, payloads = corpus(blank, [
        ("fr", "La Russie a répondu. Moscou dément.", [("Russie", "LOC"), ("Moscou", "LOC")]),
        ("en", "Russia denied it. Moscow said so. Russia again.", [("Russia", "GPE"), ("Moscow", "GPE"), ("Russia", "GPE", 1)]),
    ])
    _, entities = E.build_entities(articles, payloads)
    assert len(entities) == 2
    russia = entities[entities["name"] == "Russia"].index[0]
    assert forms_of(entities, russia) == {"Russia", "Russie"}


def test_build_entities_gazetteer_label_beats_the_model(blank):
    text = "Le G7 a parlé. Hong Kong aussi."
    articles, payloads = corpus(blank, [("fr", text, [("G7", "LOC"), ("Hong Kong", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"G7": "ORG", "Hong Kong": "LOC"}


@pytest.mark.parametrize(
    ("lang", "text", "spans", "expected"),
    [
        ("en", "The U.S. Department of the Treasury acted.", [("U.S. Department", "ORG"), ("Treasury", "ORG")], "U.S. Department of the Treasury"),
        ("fr", "Le Ministère de l'Économie et des Finances a répondu.", [("Économie", "MISC"), ("Finances", "MISC")], "Ministère de l'Économie et des Finances"),
        ("fr", "La Commission des sanctions de l'ACPR a tranché.", [("Commission des sanctions", "ORG"), ("ACPR", "ORG")], "Commission des sanctions de l'ACPR"),
        ("en", "It was filed by the U.S. Attorney's Office for the Northern District of California.", [("U.S.", "GPE"), ("Office for the Northern District of California", "ORG")], "U.S. Attorney's Office for the Northern District of California"),
        ("en", "Binance Holdings, Ltd. agreed to pay.", [("Binance Holdings", "ORG"), ("Ltd.", "ORG")], "Binance Holdings, Ltd."),
        ("en", "Coinbase, Inc. said no.", [("Coinbase", "ORG")], "Coinbase, Inc."),
        # a Mexican legal form of several words stays whole after the comma
        ("fr", "La coopération de Tether International, S.A. de C.V. a aidé.", [("Tether International", "ORG")],
         "Tether International, S.A. de C.V."),
        ("en", "Grupo Vexa, S. de R.L. denied it.", [("Grupo Vexa", "ORG")], "Grupo Vexa, S. de R.L."),
    ],
)
def test_build_entities_rejoins_cut_institution_and_company_names(blank, lang, text, spans, expected):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert list(entities["name"]) == [expected] and entities.at[0, "label"] == "ORG"


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a legal form with inner full stops is one form, no sentence end
        ("MAS fined Swiss-Asia Financial Services Pte. Ltd. in May.", [("Swiss-Asia Financial Services Pte. Ltd.", "ORG")],
         "Swiss-Asia Financial Services Pte. Ltd."),
        ("It sued Orion Capital Pty. Ltd. last year.", [("Orion Capital Pty", "ORG")], "Orion Capital Pty. Ltd."),
        ("Guangzhou Lian Trading Co., Ltd. was listed.", [("Guangzhou Lian Trading Co", "ORG")],
         "Guangzhou Lian Trading Co., Ltd."),
        ("Shenzhen Hua Mao Co. Ltd. shipped the parts.", [("Shenzhen Hua Mao Co.", "ORG")], "Shenzhen Hua Mao Co. Ltd."),
        # a registered name opening with a number
        ("The HKMA fined 33 Financial Services Limited for breaches.", [("Financial Services Limited", "ORG")],
         "33 Financial Services Limited"),
        ("It paid 7 Seas Trading LLC in cash.", [("Seas Trading LLC", "ORG")], "7 Seas Trading LLC"),
        # a country's code the model left untagged before a body's name
        ("She heads a unit at the UK Financial Sanctions Authority today.", [("Financial Sanctions Authority", "ORG")],
         "UK Financial Sanctions Authority"),
        ("It was filed with the U.S. Bankruptcy Court in Delaware.", [("Bankruptcy Court", "ORG")], "U.S. Bankruptcy Court"),
    ],
)
def test_legal_forms_numbers_and_country_codes_stay_with_the_name(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(expected) == "ORG"


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a figure or an amount before a firm is no part of its name
        ("It paid HK$33 Financial Services Limited fees.", [("Financial Services Limited", "ORG")],
         "Financial Services Limited"),
        ("A total of 1,033 Acme Holdings Ltd shares were sold.", [("Acme Holdings Ltd", "ORG")], "Acme Holdings Ltd"),
        # a body with no head keeps its country apart
        ("The UK Treasury Select voted.", [("Treasury Select", "ORG")], "Treasury Select"),
    ],
)
def test_figures_and_countries_before_other_names_stay_apart(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(expected) == "ORG"


@pytest.mark.parametrize(
    ("text", "span", "place"),
    [
        ("The regulator fined Bank of Communications Limited Hong Kong Branch HK$3.7m.", "Bank of Communications Limited",
         "Hong Kong"),
        ("It fined Habib Bank Limited New York Branch for failures.", "Habib Bank Limited", "New York"),
    ],
)
def test_a_place_before_branch_after_a_firm_is_the_branchs_place(blank, text, span, place):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {span: "ORG", place: "LOC"}


@pytest.mark.parametrize(
    ("lang", "text", "spans", "expected"),
    [
        # two banks joined by "et de la": they repeat a word, so they are two names
        ("fr", "Il s'agissait de la Credit Bank of Moscow et de la Russian Agricultural Bank.",
         [("Credit Bank of Moscow", "ORG"), ("Russian Agricultural Bank", "ORG")],
         {"Credit Bank of Moscow", "Russian Agricultural Bank"}),
        # the second starts with a head of its own
        ("fr", "Il s'agissait de la Banque de crédit de Moscou et de la Banque agricole russe.",
         [("Banque de crédit de Moscou", "ORG"), ("Banque agricole russe", "ORG")],
         {"Banque de crédit de Moscou", "Banque agricole russe"}),
        ("en", "The Bank of England and the Bank of Canada met.",
         [("Bank of England", "ORG"), ("Bank of Canada", "ORG")], {"Bank of England", "Bank of Canada"}),
    ],
)
def test_build_entities_keeps_two_names_of_one_kind_joined_by_and_apart(blank, lang, text, spans, expected):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert set(entities["name"]) == expected and set(entities["label"]) == {"ORG"}


def test_build_entities_keeps_a_person_apart_from_the_body_after_de(blank):
    text = "Kostarev de Binance a parlé. Gleb Kostarev et Binance."
    spans = [("Kostarev de Binance", "PER"), ("Gleb Kostarev", "PER"), ("Binance", "ORG", 1)]
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Gleb Kostarev": "PER", "Binance": "ORG"}


@pytest.mark.parametrize(
    ("lang", "text", "spans"),
    [
        ("en", "Binance Holdings, Inc said Ltd and LLC.", [("Inc", "ORG"), ("Ltd", "ORG"), ("LLC", "ORG")]),
        ("en", "They follow AML and KYC rules for NFT, MSB and VASP firms.", [("AML", "ORG"), ("KYC", "ORG"), ("NFT", "ORG"), ("MSB", "ORG"), ("VASP", "ORG")]),
        ("fr", "Rappelons que l'État et le Conseil ont publié le Règlement au Journal officiel.", [("Rappelons", "PER"), ("État", "LOC"), ("Conseil", "ORG"), ("Règlement", "MISC"), ("Journal officiel", "ORG")]),
        ("fr", "Douzième paquet de sanctions.", [("Douzième", "MISC")]),
        ("en", "Article 5b of the Council Regulation bans deposits above EUR 100,000.", [("Article 5b of the Council Regulation", "LAW"), ("EUR 100,000", "ORG")]),
    ],
)
def test_build_entities_drops_what_is_not_a_name(blank, lang, text, spans):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert entities.empty, list(entities["name"])


def test_build_entities_laws_and_rules_are_misc(blank):
    text = "Under the Bank Secrecy Act and the Travel Rule, banks report."
    articles, payloads = corpus(blank, [("en", text, [("Bank Secrecy Act", "ORG"), ("Travel Rule", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert set(entities["label"]) == {"MISC"}


def test_build_entities_drops_heading_fragments_but_keeps_heading_names_the_text_uses(blank):
    text = ("U.S. Treasury Announces Expansive Sanctions Against Russia, Imposing Swift And Severe Costs\n"
            "Russia was hit hard.")
    spans = [("Imposing Swift", "ORG"), ("Russia", "GPE"), ("Russia", "GPE", 1)]
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    # "U.S. Treasury" is a known body, tagged even where the model missed it
    assert names(entities) == {"Russia": "LOC", "U.S. Treasury": "ORG"}


def test_build_entities_tags_known_bodies_the_model_missed(blank):
    text = "OFAC added two wallets. The IRS and the Financial Action Task Force helped."
    articles, payloads = corpus(blank, [("en", text, [])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"OFAC": "ORG", "IRS": "ORG", "Financial Action Task Force": "ORG"}


@pytest.mark.parametrize(
    ("text", "spans", "whole"),
    [
        # the model cut the name at "d'État à l'": one body, not a body and a domain
        ("Le PS a porté plainte contre le Secrétariat d'État à l'Économie hier.",
         [("Secrétariat d'État", "ORG"), ("Économie", "ORG")], "Secrétariat d'État à l'Économie"),
        # the head and the country the model tagged apart: no place of its own
        ("Selon les données du Centre antifraude du Canada, les pertes augmentent.",
         [("Centre", "ORG"), ("Canada", "LOC")], "Centre antifraude du Canada"),
        # a lowercase several-word name the model missed
        ("Trois hommes ont été interpellés, a annoncé hier le parquet fédéral, dans un communiqué.",
         [], "parquet fédéral"),
    ],
)
def test_build_entities_known_body_replaces_the_pieces_the_model_cut(blank, text, spans, whole):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert len(entities) == 1 and entities.at[0, "label"] == "ORG"
    assert whole in forms_of(entities)


def test_build_entities_known_body_drops_the_clause_the_model_ran_on(blank):
    # "dans l'usage de ..." after the regulator's name is the sentence's, not the name's
    text = "Le juge a rappelé le pouvoir de l'Autorité de contrôle prudentiel et de résolution dans l'usage de ses prérogatives."
    span = "Autorité de contrôle prudentiel et de résolution dans l'usage de ses prérogatives"
    articles, payloads = corpus(blank, [("fr", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert forms_of(entities) >= {"Autorité de contrôle prudentiel et de résolution"} and len(entities) == 1, entities


def test_build_entities_known_body_leaves_a_span_crossing_its_edge(blank):
    # "Conseil fédéral suisse" runs past the known name: the model's longer span stays
    text = "Le Conseil fédéral suisse a repris les sanctions."
    articles, payloads = corpus(blank, [("fr", text, [("Conseil fédéral suisse", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert "Conseil fédéral suisse" in forms_of(entities) and len(entities) == 1


def test_build_entities_tags_body_acronyms_written_with_lowercase_inside(blank):
    text = "On September 8, FinCEN fined the casino. The DOJ agreed."
    articles, payloads = corpus(blank, [("en", text, [])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"FinCEN": "ORG", "DOJ": "ORG"}


@pytest.mark.parametrize(
    ("lang", "text", "spans", "expected"),
    [
        # a name no gazetteer knows, which the text never sets as a place, is not a place
        ("en", "He was a liquidity provider for Grayscale's fund.", [("Grayscale", "GPE")], {"Grayscale": "ORG"}),
        ("fr", "Aux côtés des PSAN enregistrés (Coinhouse, Bitpanda), Binance arrive.",
         [("Coinhouse", "LOC"), ("Bitpanda", "LOC")], {"Coinhouse": "ORG", "Bitpanda": "ORG"}),
        ("fr", "Le ministre du Quai d'Orsay a parlé.", [("Quai d'Orsay", "LOC")], {"Quai d'Orsay": "ORG"}),
        # where the text sets it as a place, or next to a known place, it stays one
        ("en", "He managed property in Kensington on his behalf.", [("Kensington", "GPE")], {"Kensington": "LOC"}),
        ("en", "It was a plant in Rocklin, California, that made boards.",
         [("Rocklin", "GPE"), ("California", "GPE")], {"Rocklin": "LOC", "California": "LOC"}),
        ("en", "She worked for a Tulsaville-based firm.", [("Tulsaville", "GPE")], {"Tulsaville": "LOC"}),
        ("fr", "Le yacht est stationné à La Ciotat, dans les Bouches-du-Rhône.",
         [("La Ciotat", "LOC"), ("Bouches-du-Rhône", "LOC")], {"La Ciotat": "LOC", "Bouches-du-Rhône": "LOC"}),
        ("fr", "Dans le port de la Ciotat (Bouches-du-Rhône), une équipe attend.",
         [("Ciotat", "LOC"), ("Bouches-du-Rhône", "LOC")], {"Ciotat": "LOC", "Bouches-du-Rhône": "LOC"}),
        # U.S. states and world regions are known places
        ("en", "A Nevada-based casino and banks in Asia were fined.", [("Nevada", "GPE"), ("Asia", "LOC")],
         {"Nevada": "LOC", "Asia": "LOC"}),
    ],
)
def test_build_entities_unknown_place_needs_the_text_to_set_it_as_one(blank, lang, text, spans, expected):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if n in expected} == expected


def test_gazetteer_joins_a_small_capital_to_its_names_in_other_languages(blank):
    from helpers.entities.gazetteer import lookup

    # Bern has fewer people than the alternate-name threshold, but it is a capital
    assert lookup("Berne") is not None and lookup("Berne") == lookup("Bern")
    assert lookup("Berne").label == "LOC"
    text = "Le Conseil fédéral a décidé de ne pas se rallier aux sanctions. Berne les appliquera toutefois."
    articles, payloads = corpus(blank, [("fr", text, [("Conseil fédéral", "ORG"), ("Berne", "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Conseil fédéral": "ORG", "Berne": "LOC"}


@pytest.mark.parametrize(
    ("lang", "text", "spans", "expected"),
    [
        ("fr", "La SEC poursuit Dominic Lacroix, sa compagnie, PlexCorps, et sa conjointe.",
         [("SEC", "ORG"), ("Dominic Lacroix", "PER"), ("PlexCorps", "ORG")],
         {"SEC": "ORG", "Dominic Lacroix": "PER", "PlexCorps": "ORG"}),
        ("en", "Regulators sued Jane Okafor, her company Vexlo and two brokers.",
         [("Jane Okafor", "PERSON"), ("Vexlo", "ORG")], {"Jane Okafor": "PER", "Vexlo": "ORG"}),
    ],
)
def test_build_entities_apposition_with_a_possessive_does_not_say_what_the_name_is(blank, lang, text, spans, expected):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_build_entities_reads_a_list_of_places_to_its_end(blank):
    text = "Des perquisitions ont eu lieu à Bruxelles, Zorvet, Kralen et Pildor mardi."
    spans = [("Bruxelles", "LOC"), ("Zorvet", "LOC"), ("Kralen", "LOC"), ("Pildor", "LOC")]
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Bruxelles": "LOC", "Zorvet": "LOC", "Kralen": "LOC", "Pildor": "LOC"}


def test_build_entities_does_not_read_firms_in_brackets_after_a_place_as_places(blank):
    text = "Aux côtés des autres prestataires enregistrés en France (Zorvex, Pildor, etc.), Binance agit."
    spans = [("France", "LOC"), ("Zorvex", "LOC"), ("Pildor", "LOC"), ("Binance", "ORG")]
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)["Pildor"] == "ORG"


@pytest.mark.parametrize(
    ("lang", "word"),
    [("fr", "Français"), ("fr", "Américains"), ("fr", "Mexicains"), ("en", "North Korean"), ("en", "North Koreans"), ("en", "Koreans"),
     # irregular nouns the country names do not give, and city dwellers (demonyms_fr.txt)
     ("fr", "Néerlandais"), ("fr", "Néerlandaises"), ("fr", "Belges"), ("fr", "Québécoise"), ("fr", "New-Yorkais"),
     ("fr", "Israéliennes"), ("fr", "Bruxellois")],
)
def test_gazetteer_reads_nationality_words(lang, word):
    from helpers.entities.gazetteer import is_demonym

    assert is_demonym(word, lang=lang)


@pytest.mark.parametrize(("lang", "word"), [("fr", "France"), ("en", "North Korea"), ("en", "New York"), ("fr", "Saint-Martin"),
                                            ("fr", "Belgique"), ("fr", "Bruxelles"), ("fr", "Pays-Bas"), ("fr", "Le Parisien")])
def test_gazetteer_places_are_not_nationality_words(lang, word):
    from helpers.entities.gazetteer import is_demonym

    assert not is_demonym(word, lang=lang)


@pytest.mark.parametrize(
    ("lang", "text", "spans", "expected"),
    [
        ("fr", "Le président de la République, François Hollande, a parlé.",
         [("président de la République", "LOC"), ("François Hollande", "PER")], {"François Hollande": "PER"}),
        ("fr", "Michel Sapin, ministre des Finances, a parlé.",
         [("Michel Sapin", "PER"), ("ministre des Finances", "ORG")], {"Michel Sapin": "PER"}),
        ("fr", "La validation par le Président du TGI de Paris est publiée.", [("Président du TGI de Paris", "ORG")],
         {"TGI de Paris": "ORG"}),
        ("en", "Zhao pleaded guilty. Magistrate Judge Brian A. Tsuchida questioned Zhao.",
         [("Zhao", "PERSON"), ("Magistrate", "ORG"), ("Brian A. Tsuchida", "PERSON"), ("Zhao", "PERSON", 1)],
         {"Zhao": "PER", "Brian A. Tsuchida": "PER"}),
    ],
)
def test_build_entities_titles_are_not_names(blank, lang, text, spans, expected):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected


@pytest.mark.parametrize(
    ("lang", "text", "spans", "expected"),
    [
        # a kind of thing and a list of examples: each example is of that kind
        ("en", "It served darknet markets like Agora, Silk Road and Evolution.",
         [("Agora", "GPE"), ("Silk Road", "LOC"), ("Evolution", "PERSON")], {"Agora": "ORG", "Silk Road": "ORG", "Evolution": "ORG"}),
        ("en", "It laundered proceeds of ransomware groups like Ryuk via the exchange.", [("Ryuk", "PERSON")], {"Ryuk": "ORG"}),
        ("fr", "Des banques comme Natixor ont fermé des comptes.", [("Natixor", "PER")], {"Natixor": "ORG"}),
        # an age after the name: a person
        ("en", "Zanjani, 43, is the chairman of the group.", [("Zanjani", "GPE")], {"Zanjani": "PER"}),
    ],
)
def test_build_entities_lists_and_ages_vote_on_the_label(blank, lang, text, spans, expected):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if n in expected} == expected


@pytest.mark.parametrize(
    ("lang", "text", "span"),
    [
        ("fr", "Conjointement initiées par l'Agence, ces lignes comblent un oubli.", "Conjointement"),
        ("en", "Federal law requires cardrooms to file reports.\nCardrooms also must report transfers.", "Cardrooms"),
    ],
)
def test_build_entities_sentence_opening_common_words_are_no_names(blank, lang, text, span):
    articles, payloads = corpus(blank, [(lang, text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert span not in names(entities)


def test_build_entities_law_acronyms_are_not_organisations(blank):
    text = "The casino broke the BSA and the IEEPA."
    articles, payloads = corpus(blank, [("en", text, [("BSA", "ORG"), ("IEEPA", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert not {n for n, l in names(entities).items() if l in ("ORG", "PER", "LOC")}


def test_build_entities_nationality_adjectives_are_misc(blank):
    text = "Russian and Ukrainian nationals were charged in Russia."
    spans = [("Russian", "NORP"), ("Ukrainian", "GPE"), ("Russia", "GPE")]
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Russian": "MISC", "Ukrainian": "MISC", "Russia": "LOC"}


def test_representative_name_prefers_the_short_company_name_and_the_plain_full_name():
    from helpers.entities.naming import representative_name

    assert representative_name(["Binance Holdings Ltd.", "Binance", "Binance"], "ORG", fullest="Binance Holdings Ltd.") == "Binance"
    forms = ["Alexeï Anatolievitch Navalny", "Alexeï Navalny", "Navalny"]
    assert representative_name(forms, "PER", fullest="Alexeï Anatolievitch Navalny") == "Alexeï Navalny"
    assert representative_name(["Aleksandr Mira Serda", "Mira Serda"], "PER", fullest="Aleksandr Mira Serda") == "Aleksandr Mira Serda"


@pytest.fixture(scope="session")
def seed_corpus_entities() -> pd.DataFrame:
    from helpers.articles import load_articles

    corpus_ = load_articles([ROOT / "seeds"])
    articles = corpus_.articles
    payloads, _ = tag_texts(zip(articles["article_id"], articles["lang"], articles["text"]))
    _, entities = E.build_entities(articles[["article_id", "lang", "text"]], payloads)
    return entities


@needs_models
def test_seeds_one_entity_per_place_and_binance_by_its_name(seed_corpus_entities):
    entities = seed_corpus_entities
    for forms in (("Russie", "Russia"), ("Moscou", "Moscow"), ("États-Unis", "United States")):
        holders = [i for i in entities.index if set(forms) & forms_of(entities, i)]
        assert len(holders) == 1, (forms, [entities.at[i, "name"] for i in holders])
        assert set(forms) <= forms_of(entities, holders[0])
    binance = [i for i in entities.index if "Binance Holdings Ltd." in forms_of(entities, i)]
    assert [entities.at[i, "name"] for i in binance] == ["Binance"]


@needs_models
def test_seeds_no_non_name_is_an_entity(seed_corpus_entities):
    noise = {"Inc", "Ltd", "LLC", "td", "lc", "AML", "KYC", "NFT", "MSB", "VASP", "CVC", "État", "Etat", "Conseil",
             "Règlement", "Journal officiel", "Council Regulation", "Rappelons", "Douzième", "Commission", "Council"}
    names_ = set(entities_names := seed_corpus_entities["name"])
    assert not (noise & names_), noise & names_
    assert not [n for n in entities_names if n.startswith(("Article ", "EUR ", "$", "€"))]
    named = seed_corpus_entities[seed_corpus_entities["label"].isin(E.NAME_LABELS)]
    assert "Bank Secrecy Act" not in set(named["name"]) and "BSA" not in set(named["name"])


def test_curation_finds_an_entity_by_its_earlier_fullest_name():
    entities = pd.DataFrame({
        "entity_id": ["org-1"], "name": ["Binance"], "label": ["ORG"],
        "aliases": ["Binance Holdings Ltd."], "mentions": [3], "articles": [2],
    })
    mentions = pd.DataFrame({
        "article_id": ["a"] * 3, "sentence_id": [0, 1, 2], "start": [0, 0, 0], "end": [7, 7, 21],
        "text": ["Binance", "Binance", "Binance Holdings Ltd."], "label": ["ORG"] * 3,
        "entity_id": ["org-1"] * 3, "sentence": ["x"] * 3,
    })
    decision = E.new_decision("relabel", name="Binance Holdings Ltd.", label="ORG", new_label="MISC")
    _, curated = E.apply_curation(mentions, entities, [decision])
    assert list(curated["label"]) == ["MISC"]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    "name",
    [
        "Office of Foreign Assets Control", "Securities and Exchange Commission", "Department of Justice",
        "Direction générale de la Sécurité intérieure", "Banque d'Investissement Européenne",
        "Attorney General of Switzerland", "Bank of the United States of America", "Gleb Kostarev",
        "Financial Crimes Enforcement Network", "l'Autorité des marchés financiers", "Œuvre d'Orient",
    ],
)
def test_spelled_acronyms_agree_with_spells(name, lang):
    """The acronym index holds exactly the acronyms (2 to 6 letters) that ``spells`` accepts for a name."""
    from itertools import product

    from helpers.entities.acronyms import initial_letter, spelled_acronyms, spells, word_offsets
    from helpers.entities.names import strip_accents

    lex = E.load_lexicon(lang)
    spelled = spelled_acronyms(name, lex)
    words = [w for w, _, _ in word_offsets(name, 0)]
    initials = sorted({c for w in words for c in (initial_letter(w), strip_accents(w[:1]).casefold()) if len(c) == 1})
    assert spelled, name  # each of these names spells something
    for size in range(2, 7):
        for letters in product(initials, repeat=size):
            acronym = "".join(letters).upper()
            assert ("".join(letters) in spelled) == spells(acronym, name, lex), (name, acronym)


# ---------------------------------------------------------------------------
# A country before a body, one-word names with no person cue, "-based" places
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("The US Department of the Treasury's Office of Foreign Assets Control issued a ruling.",
         [("The US Department", "ORG"), ("Treasury", "ORG"), ("Office of Foreign Assets Control", "ORG")],
         "US Department of the Treasury"),
        ("The complaint was filed in the US District Court for the Central District of California on Monday.",
         [("US", "GPE"), ("District Court", "ORG"), ("the Central District", "LOC"), ("California", "GPE")],
         "US District Court for the Central District of California"),
        # the model may call the country a firm there
        ("He is to be arraigned in the U.S. District Court for the Southern District of Florida today.",
         [("the U.S.", "ORG"), ("District Court", "ORG"), ("the Southern District", "LOC"), ("Florida", "GPE")],
         "U.S. District Court for the Southern District of Florida"),
    ],
)
def test_a_capitalised_country_before_a_body_stays_in_its_name(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(expected) == "ORG", names(entities)


def test_the_pronoun_us_is_still_a_function_word():
    from helpers.entities.cleanup import drop_reason
    from helpers.entities.lexicon import load_lexicon

    lex = load_lexicon("en")
    assert drop_reason("US Department", lex) is None
    assert drop_reason("Us Department", lex) == "generic"


@pytest.mark.parametrize(
    ("lang", "text", "spans", "name", "label"),
    [
        # a city the gazetteers know, with no person cue
        ("fr", "Washington accuse la banque française d'avoir contourné des sanctions.", [("Washington", "PER")], "Washington", "LOC"),
        # a one-word organisation name of the shipped sanctions list ("HYDRA MARKET")
        ("en", "Funds went to darknet markets and illicit actors such as Hydra last year.", [("Hydra", "PERSON")], "Hydra", "ORG"),
        # listed by its word, a place and a closing legal form ("GARANTEX EUROPE OU")
        ("fr", "Le Trésor a requalifié Garantex et sanctionné une autre plateforme.", [("Garantex", "PER")], "Garantex", "ORG"),
        # a kind-of noun after "the" and the name
        ("en", "Attacks by the Zorblax ransomware group rose in 2022.", [("Zorblax", "PERSON")], "Zorblax", "ORG"),
    ],
)
def test_one_word_name_with_no_person_cue(blank, lang, text, spans, name, label):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(name) == label, names(entities)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # the name after the comma holds the title, not the kind the title is of
        ("Le parquet accuse deux administrateurs de l'échange, Aleksej Besciokov et Ivan Petrov, de blanchiment.",
         "Aleksej Besciokov", "PER"),
        ("Il a rencontré le fondateur de la plateforme, Pavel Orlov, hier.", "Pavel Orlov", "PER"),
        # with no title before it the kind still names the firm
        ("Les fonds ont transité par la plateforme, Grinex, selon le Trésor.", "Grinex", "ORG"),
    ],
)
def test_french_title_of_a_kind_before_a_comma_names_a_person(blank, text, name, label):
    from helpers.entities.cues import context_cue
    from helpers.entities.lexicon import load_lexicon

    start = text.index(name)
    assert context_cue(text, start, start + len(name), load_lexicon("fr")) == label


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # the place of a compound after "owner of" is the firm's place, not the firm
        ("Fishenko, a naturalized U.S. citizen and owner of Houston-based Arc Electronics, was charged.", "Houston", None),
        ("He is the founder of London-headquartered Acme, a broker.", "London", None),
        # the role still names the firm when no compound follows
        ("He is the owner of Houston Partners, a fund.", "Houston Partners", "ORG"),
    ],
)
def test_a_place_compound_after_role_of_is_no_firm(text, name, label):
    from helpers.entities.cues import context_cue
    from helpers.entities.lexicon import load_lexicon

    start = text.index(name)
    assert context_cue(text, start, start + len(name), load_lexicon("en")) == label


def test_a_place_compound_after_role_of_keeps_the_model_s_place(blank):
    text = "Fishenko, a naturalized U.S. citizen and owner of Houston-based Arc Electronics, was charged."
    articles, payloads = corpus(blank, [("en", text, [("U.S.", "GPE"), ("Houston", "GPE"), ("Arc Electronics", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get("Houston") == "LOC" and names(entities).get("Arc Electronics") == "ORG"


def test_estonian_legal_form_makes_a_french_name_a_firm(blank):
    text = "Le Trésor a redésigné la société liée à la Russie Garantex Europe OU jeudi."
    articles, payloads = corpus(blank, [("fr", text, [("Garantex Europe OU", "PER")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get("Garantex Europe OU") == "ORG", names(entities)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le plus célèbre des oligarques est le multimilliardaire Roman Abramovitch, propriétaire d'Evraz.", "Roman Abramovitch"),
        ("Selon le banquier Pavel Orlov, les fonds ont quitté Chypre.", "Pavel Orlov"),
        ("Le sergent Ryan Berry a souligné la rapidité du signalement.", "Ryan Berry"),
    ],
)
def test_french_person_descriptor_before_a_name_votes_person(blank, text, name):
    articles, payloads = corpus(blank, [("fr", text, [(name, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(name) == "PER", names(entities)


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Washington said the bank had cooperated.",  # a courtesy title
        "President Washington signed the order.",  # a title
        "George Washington met the envoy. Washington then left.",  # the surname of a full name
    ],
)
def test_one_word_place_name_with_a_person_cue_stays_a_person(blank, text):
    spans = [("Washington", "PERSON")] if "George" not in text else [("George Washington", "PERSON"), ("Washington", "PERSON", 1)]
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert "LOC" not in set(entities["label"]), names(entities)


def test_known_place_inside_based_is_tagged_and_a_currency_country_is_not(blank):
    text = "FinCEN fined a leading U.S.-based casino. The money was converted into U.S. dollars."
    articles, payloads = corpus(blank, [("en", text, [("U.S.", "GPE", 1)])])
    mentions, entities = E.build_entities(articles, payloads)
    assert names(entities).get("U.S.") == "LOC"
    assert list(mentions["start"][mentions["text"] == "U.S."]) == [text.index("U.S.")]


def test_surname_after_a_courtesy_title_and_first_name_joins_the_person(blank):
    text = "Vu le rapport de Mme Claudie Boiteau, rapporteur, dans lequel celle-ci conclut."
    articles, payloads = corpus(blank, [("fr", text, [("Mme Claudie", "PER")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Claudie Boiteau": "PER"}


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Quand la loi a été publiée, le Department of Justice américain a salué le texte.", "Department of Justice américain",
         "Department of Justice"),
        ("En l'espèce, la SA Société Générale a contesté la sanction.", "SA Société Générale", "Société Générale"),
    ],
)
def test_french_edges_of_a_foreign_or_legal_name_are_trimmed(blank, text, span, expected):
    articles, payloads = corpus(blank, [("fr", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {expected: "ORG"}


def test_french_savings_accounts_are_no_names(blank):
    text = "Près de 58 millions de Français détiennent un Livret A."
    articles, payloads = corpus(blank, [("fr", text, [("Livret A", "PER")])])
    _, entities = E.build_entities(articles, payloads)
    assert "Livret A" not in names(entities)


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("C'est dans la nuit que le yacht Amore Vero a été saisi.", "Amore Vero", None),
        ("Le propriétaire du yacht serait Igor Setchine, selon la presse.", "Igor Setchine", "PER"),
    ],
)
def test_a_vessel_is_no_name_and_a_verb_ends_the_kind_noun(blank, text, span, label):
    articles, payloads = corpus(blank, [("fr", text, [(span, "PER")])])
    _, entities = E.build_entities(articles, payloads)
    got = names(entities).get(span)
    assert (got if got in ("PER", "ORG", "LOC") else None) == label


def test_acronym_ending_the_name_it_spells_is_cut_off(blank):
    text = "À Monaco, un contrôle était en cours, a indiqué l'Agence France-Presse AFP jeudi."
    articles, payloads = corpus(blank, [("fr", text, [("Agence France-Presse AFP", "ORG")])])
    mentions, entities = E.build_entities(articles, payloads)
    assert set(mentions["text"]) == {"Agence France-Presse", "AFP"}
    assert mentions["entity_id"].nunique() == 1 and set(entities["label"]) == {"ORG"}


def test_a_division_of_a_place_is_one_place(blank):
    text = "A federal court in the Southern District of Florida unsealed an indictment."
    articles, payloads = corpus(blank, [("en", text, [("the Southern District", "LOC"), ("Florida", "GPE")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Southern District of Florida": "LOC"}


def test_a_us_state_code_after_a_place_is_a_place(blank):
    text = "The fine was levied against a casino in Atlantic City, NJ, earlier this year."
    articles, payloads = corpus(blank, [("en", text, [("Atlantic City", "GPE"), ("NJ", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Atlantic City": "LOC", "NJ": "LOC"}


def test_states_of_india_australia_and_canada_are_places_found_where_the_model_missed_them(blank):
    text = ("Raids were carried out in Delhi, Gujarat, Punjab and Tamil Nadu, and at Jhansi in Uttar Pradesh; "
            "cases were also registered in Jammu and Kashmir and in Queensland.")
    spans = [("Delhi", "GPE"), ("Gujarat", "ORG"), ("Tamil Nadu", "PERSON"), ("Jammu", "GPE"), ("Kashmir", "LOC"),
             ("Queensland", "ORG")]
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Delhi": "LOC", "Gujarat": "LOC", "Punjab": "LOC", "Tamil Nadu": "LOC",
                               "Uttar Pradesh": "LOC", "Jammu and Kashmir": "LOC", "Queensland": "LOC"}


def test_a_one_word_state_name_outside_a_list_is_not_added(blank):
    text = "Victoria Lee, the bank's chair, said Ontario was never mentioned by the regulator."
    articles, payloads = corpus(blank, [("en", text, [])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {}


def test_a_place_in_brackets_before_a_legal_form_stays_in_the_firm_name(blank):
    text = ("He was accredited to HSBC Broking Securities (Asia) Limited and to China Galaxy International "
            "Futures (Hong Kong) Co., Limited, not to Ping An Securities (Hong Kong) or Acme (Hold) Ltd.")
    spans = [("HSBC Broking Securities", "ORG"), ("China Galaxy International Futures", "ORG"),
             ("Hong Kong", "GPE", 0), ("Hong Kong", "GPE", 1), ("Ping An Securities", "ORG"), ("Acme", "ORG")]
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    found = names(entities)
    assert found["HSBC Broking Securities (Asia) Limited"] == "ORG"
    assert found["China Galaxy International Futures (Hong Kong) Co., Limited"] == "ORG"
    assert found["Ping An Securities"] == "ORG"  # no legal form after the place: the place is its own
    assert found["Hong Kong"] == "LOC"
    assert "Acme" in found  # "Hold" is no place: the brackets stay outside the name


def test_operations_of_a_name_are_no_firm_cue(blank):
    text = "Nearly $6 million are associated with operations of Contix, and Indian agencies detailed Contix's operations."
    articles, payloads = corpus(blank, [("en", text, [("Contix", "PERSON"), ("Contix", "PERSON", 1)])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Contix": "PER"}


def test_indian_hong_kong_and_singapore_agencies_are_tagged_by_acronym(blank):
    text = ("ED investigations have so far revealed the wallets. The SFC also found that the broker erred, "
            "and MAS fined the bank while AUSTRAC and the FCA watched.")
    articles, payloads = corpus(blank, [("en", text, [])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"ED": "ORG", "SFC": "ORG", "MAS": "ORG", "AUSTRAC": "ORG", "FCA": "ORG"}
    from helpers.entities.gazetteer import lookup

    assert lookup("Enforcement Directorate") == lookup("ED")


@pytest.mark.parametrize("title", ["billionaire", "tycoon", "magnate", "kingpin"])
def test_a_wealth_or_crime_title_before_a_name_makes_a_person(blank, title):
    text = f"The DOJ charged Russian {title} Oleg Derypaska with evading sanctions."
    articles, payloads = corpus(blank, [("en", text, [("Oleg Derypaska", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)["Oleg Derypaska"] == "PER"


def test_a_unit_of_a_bureau_is_one_name(blank):
    text = "Lo Wan-shan, Chief Inspector of the Fraud Investigation Unit of the Commercial Crime Bureau, spoke."
    spans = [("Lo Wan-shan", "PERSON"), ("the Fraud Investigation Unit", "ORG"), ("the Commercial Crime Bureau", "ORG")]
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Lo Wan-shan": "PER", "Fraud Investigation Unit of the Commercial Crime Bureau": "ORG"}


def test_a_town_before_in_and_its_state_is_a_place(blank):
    text = "Raids took place in Bengaluru and Hubli in Karnataka, and Nanded (Maharashtra); Crown in Victoria was spared."
    spans = [("Bengaluru", "GPE"), ("Hubli", "ORG"), ("Karnataka", "GPE"), ("Nanded", "ORG"), ("Maharashtra", "GPE"),
             ("Crown", "ORG"), ("Victoria", "GPE")]
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    found = names(entities)
    assert found["Hubli"] == "LOC" and found["Nanded"] == "LOC" and found["Karnataka"] == "LOC"
    assert found["Crown"] == "ORG"  # no town GeoNames lists: a firm in a state stays a firm


def test_a_possessive_inside_a_registered_name_ending_with_a_legal_form_does_not_cut_it(blank):
    text = "Ladbroke's Betting & Gaming Limited paid; so did Sainsbury's Bank plc, while Binance's Changpeng Zhao left."
    spans = [("Ladbroke's Betting & Gaming Limited", "ORG"), ("Sainsbury's Bank plc", "ORG"),
             ("Binance's Changpeng Zhao", "PERSON")]
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    found = names(entities)
    assert found["Ladbroke's Betting & Gaming Limited"] == "ORG" and found["Sainsbury's Bank plc"] == "ORG"
    assert "Changpeng Zhao" in found and "Binance's Changpeng Zhao" not in found


@pytest.mark.parametrize("opener", [" \u2013 ", ": "])
def test_names_a_dash_or_colon_lists_after_a_plural_kind_take_the_kind(blank, opener):
    text = f"It grew with two subsidiary betting platforms{opener}Reddy Anna and Fairplay, over 60 sites."
    spans = [("Reddy Anna", "PERSON"), ("Fairplay", "PERSON")]
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Reddy Anna": "ORG", "Fairplay": "ORG"}


def test_a_name_that_slash_joined_concept_acronyms_define_is_a_concept(blank):
    text = ("The banks lacked Anti-Money Laundering and Countering the Financing of Terrorism (AML/CFT) controls; "
            "the Kryvex Trading Commission (KTC/HK) did not.")
    spans = [("Anti-Money Laundering and Countering the Financing of Terrorism", "ORG"),
             ("Kryvex Trading Commission", "ORG")]
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Kryvex Trading Commission": "ORG"}


def test_a_place_before_branch_is_the_place_and_board_or_mainland_alone_name_nothing(blank):
    text = ("The penalty hit Habib Bank Limited and its New York Branch. The Federal Reserve Board (Board) acted; "
            "the syndicate was active in Hong Kong and the Mainland, and Acme Branch sold tools.")
    spans = [("Habib Bank Limited", "ORG"), ("New York Branch", "ORG"), ("Federal Reserve Board", "ORG"),
             ("Board", "ORG", 1), ("Hong Kong", "GPE"), ("Mainland", "ORG"), ("Acme Branch", "ORG")]
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    found = names(entities)
    assert found["New York"] == "LOC" and "New York Branch" not in found
    assert "Board" not in found and "Mainland" not in found
    assert found["Acme Branch"] == "ORG"  # no place before Branch: the model's name stays


def test_a_law_title_with_a_bracketed_part_is_one_law(blank):
    text = ("The penalty was imposed for violating the Proceeds of Crime (Money Laundering) and Terrorist Financing "
            "Act (PCMLTFA). Coinbase (Ireland Limited) and the Bank Secrecy Act were cited.")
    spans = [("Proceeds of Crime", "ORG"), ("Money Laundering", "ORG"), ("Coinbase", "ORG")]
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    found = names(entities)
    assert found["Proceeds of Crime (Money Laundering) and Terrorist Financing Act"] == "MISC"
    assert "Proceeds of Crime" not in found and "Money Laundering" not in found and found["Coinbase"] == "ORG"


@pytest.mark.parametrize(
    ("text", "spans", "law"),
    [
        ("He is liable under the Corruption, Drug Trafficking and Other Serious Crimes (Confiscation of Benefits) Act, "
         "the agency said.", [("Corruption", "ORG"), ("Drug Trafficking and Other Serious Crimes", "ORG"),
                              ("Confiscation of Benefits", "ORG")],
         "Corruption, Drug Trafficking and Other Serious Crimes (Confiscation of Benefits) Act"),
        ("The men were charged under the Drug Trafficking (Recovery of Proceeds) Ordinance on Monday.",
         [("Drug Trafficking", "ORG"), ("Recovery of Proceeds", "ORG")], "Drug Trafficking (Recovery of Proceeds) Ordinance"),
        ("Ireland enacted the Criminal Justice (Money Laundering and Terrorist Financing) Act in 2010.",
         [("Ireland", "GPE"), ("Criminal Justice", "ORG")], "Criminal Justice (Money Laundering and Terrorist Financing) Act"),
    ],
)
def test_a_law_title_with_a_list_or_its_bracket_last_is_one_law(blank, text, spans, law):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    found = names(entities)
    assert found[law] == "MISC"
    assert not any(surface in found for surface, label in spans if label == "ORG")


def test_an_english_the_goes_even_mid_sentence(blank):
    text = "It is published between The Free Press Journal and Connected To India, selon le quotidien."
    articles, payloads = corpus(blank, [("en", text, [("The Free Press Journal", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Free Press Journal": "ORG"}
    text_fr = "Selon le quotidien Le Monde, la banque a payé."
    articles, payloads = corpus(blank, [("fr", text_fr, [("Le Monde", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Le Monde": "ORG"}


def test_a_counted_plural_kind_is_no_name(blank):
    text = ("Officers from the seven Police Land Divisions and the 12 Federal Reserve Banks joined; "
            "the two firms hired Goldman Sachs.")
    spans = [("Police Land Divisions", "ORG"), ("Federal Reserve Banks", "ORG"), ("Goldman Sachs", "ORG")]
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Goldman Sachs": "ORG"}


def test_a_licence_named_by_its_kind_alone_is_no_name(blank):
    text = "The vessels were previously covered by General License 93, which was revoked."
    articles, payloads = corpus(blank, [("en", text, [("License", "PERSON")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {}


def test_entity_rules_shared_with_a_forked_process_give_the_same_tables(monkeypatch):
    """The per-article rules on two processes: the same mentions and entities as on one."""
    import threading

    import helpers.entities.build as build
    from helpers.articles import load_articles
    from helpers.nlp import tag_texts
    from helpers.paths import SEEDS

    articles = load_articles([SEEDS]).articles
    payloads, _stats = tag_texts(zip(articles["article_id"], articles["lang"], articles["text"]), n_process=1)
    frame = articles[["article_id", "lang", "text"]]
    one = build.build_entities(frame, payloads)
    forked = []
    real = build._clean_in_two
    monkeypatch.setattr(build, "PARALLEL_ARTICLES", 2)
    monkeypatch.setattr(build, "_can_fork", lambda: "fork" in __import__("multiprocessing").get_all_start_methods())
    monkeypatch.setattr(build, "_clean_in_two", lambda *a: forked.append(threading.get_ident()) or real(*a))
    two = build.build_entities(frame, payloads, processes=2)
    assert forked
    assert two[0].equals(one[0]) and two[1].equals(one[1])
    assert len(one[0]) > 100


def test_per_article_rules_run_as_tags_arrive_give_the_same_tables(monkeypatch):
    """EarlyRules: the rules run on some articles while tagging, the rest at the end: the same tables."""
    import json

    import helpers.entities.build as build
    from helpers.articles import load_articles
    from helpers.nlp import tag_texts
    from helpers.paths import SEEDS

    articles = load_articles([SEEDS]).articles
    payloads, _stats = tag_texts(zip(articles["article_id"], articles["lang"], articles["text"]), n_process=1)
    frame = articles[["article_id", "lang", "text"]]
    one = build.build_entities(frame, payloads)
    ids = list(frame["article_id"])
    early = build.EarlyRules(frame)
    # Chunks come back out of order; one article never comes back (it is cleaned at the end).
    early.add([(aid, json.dumps(payloads[aid]).encode()) for aid in reversed(ids[2:])])
    early.add([(ids[0], json.dumps(payloads[ids[0]]).encode())])
    assert len(early) == len(ids) - 1
    cleaned_later = []
    real = build._clean_articles
    monkeypatch.setattr(build, "_clean_articles", lambda rows, *a: cleaned_later.extend(r[0] for r in rows)
                        or real(rows, *a))
    two = build.build_entities(frame, payloads, early=early)
    assert cleaned_later == [ids[1]]
    assert two[0].equals(one[0]) and two[1].equals(one[1])
    assert len(early) == 0  # given once


def test_per_article_rules_run_early_are_not_used_for_other_text_or_rules():
    import helpers.entities.build as build
    from helpers.entities.types import EntityRules

    frame = pd.DataFrame({"article_id": ["a0"], "lang": ["fr"], "text": ["Le Trésor a sanctionné Garantex."]})
    blob = json.dumps({"sents": [[0, 32]], "ents": [[23, 31, "ORG"]], "amounts": []}).encode()
    early = build.EarlyRules(frame)
    early.add([("a0", blob), ("unknown", blob)])
    assert len(early) == 1
    assert early.take([("a0", "fr", "Le Trésor a sanctionné Binance.")], EntityRules()) == {}
    early.add([("a0", blob)])  # the text was handed over once: a second chunk for it is ignored
    assert len(early) == 0
    again = build.EarlyRules(frame)
    again.add([("a0", blob)])
    assert again.take([("a0", "fr", frame["text"][0])], EntityRules(acronyms=False)) == {}
    third = build.EarlyRules(frame)
    third.add([("a0", blob)])
    assert list(third.take([("a0", "fr", frame["text"][0])], EntityRules())) == ["a0"]


def test_entity_rules_failing_in_the_forked_process_are_reported(monkeypatch):
    import helpers.entities.build as build

    real = build._clean_articles

    def failing(rows, payloads, rules):
        if rows and rows[0][0] == "a0":  # the first half, in the forked process
            raise ValueError("bad payload")
        return real(rows, payloads, rules)

    monkeypatch.setattr(build, "_clean_articles", failing)
    frame = pd.DataFrame({"article_id": ["a0", "a1"], "lang": ["fr", "fr"], "text": ["Garantex.", "Binance."]})
    payloads = {aid: {"sents": [[0, 9]], "ents": [], "amounts": []} for aid in ("a0", "a1")}
    with pytest.raises(RuntimeError, match="bad payload"):
        build._clean_in_two(list(zip(frame["article_id"], frame["lang"], frame["text"])), payloads,
                            build.EntityRules())


def test_strip_accents_removes_every_combining_mark_as_unicodedata_says():
    import random
    import unicodedata

    from helpers.entities.names import strip_accents

    def reference(text: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))

    rng = random.Random(7)
    blocks = [(32, 0x2FF), (0x300, 0x370), (0x370, 0x3000), (0x1D100, 0x1D200), (0x1E000, 0x1E100)]
    samples = ["Sergueï Lavrov", "Ministère de l'Économie", "Zoë", "ﬁnance", "a\U0001D165b", "Москва́", ""]
    for _ in range(3000):
        samples.append("".join(chr(rng.randrange(*rng.choice(blocks))) for _ in range(rng.randrange(1, 10))))
    assert [strip_accents(s) for s in samples] == [reference(s) for s in samples]
    assert strip_accents("Sergueï Lavrov") == "Serguei Lavrov"


# ---------------------------------------------------------------------------
# French public bodies (helpers.entities.public_bodies)
# ---------------------------------------------------------------------------

from helpers.entities.public_bodies import find_public_bodies  # noqa: E402


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le tribunal correctionnel de Paris a prononcé des peines.", ["tribunal correctionnel de Paris"]),
        # a European nationality between the head and a domain run on with "contre le"
        ("La nouvelle Autorité européenne de lutte contre le blanchiment d'argent sera basée à Francfort.",
         ["Autorité européenne de lutte contre le blanchiment d'argent"]),
        # a unit named by a capitalised "Cellule" and its domain (Belgium's CTIF)
        ("Désormais la Cellule de traitement des informations financières calculera la clé.",
         ["Cellule de traitement des informations financières"]),
        ("Plainte au parquet de Châlons-en-Champagne le 26 mars.", ["parquet de Châlons-en-Champagne"]),
        ("Condamné par la cour d'appel de Paris à payer.", ["cour d'appel de Paris"]),
        ("Secrétaire général de la mairie de Neuilly-sur-Seine puis conseiller au ministère du Budget en 1990.",
         ["mairie de Neuilly-sur-Seine", "ministère du Budget"]),
        ("Placé sous l'autorité du ministère de l'Action et des Comptes publics. Il concourt",
         ["ministère de l'Action et des Comptes publics"]),
        ("Au sein de la Direction générale des douanes et des droits indirects du ministère de l'économie, des finances et du budget. À la suite",
         ["Direction générale des douanes et des droits indirects", "ministère de l'économie, des finances et du budget"]),
        ("Il se situe au sein de la direction centrale de la police judiciaire, à la direction générale de la police nationale.",
         ["direction centrale de la police judiciaire", "direction générale de la police nationale"]),
        ("La brigade nationale de lutte contre la corruption et la criminalité financière enquête.",
         ["brigade nationale de lutte contre la corruption et la criminalité financière"]),
        ("Il dépend du département américain du Trésor. Cette décision", ["département américain du Trésor"]),
        ("Ses dossiers financiers du parquet national financier arrivent.", ["parquet national financier"]),
        ("Tracfin, la direction générale du Trésor et la Banque de France ont agi.", ["direction générale du Trésor"]),
        # a gendarmerie unit named by its seat
        ("L'enquête est confiée à la section de recherches de Paris et à l'ONAF.", ["section de recherches de Paris"]),
        # a regulator named by its functions
        ("Le pôle commun de l'AMF et de l'Autorité de contrôle et de résolution (ACPR) tient un registre.",
         ["Autorité de contrôle et de résolution"]),
    ],
)
def test_find_public_bodies_takes_the_whole_french_name(text, expected):
    assert [text[a:b] for a, b, _ in find_public_bodies(text, "fr")] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Le ministère public avait requis le renvoi devant le tribunal correctionnel, renvoi décidé.",
        "Tracfin, le service de renseignement financier, et la cellule française de lutte contre le blanchiment.",
        "BTC-e a été inculpé par le tribunal du district de Californie du Nord.",
        "Le département de la Seine et la commission des sanctions ont siégé.",
        "The Department of Justice and the tribunal of appeal.",
    ],
)
def test_find_public_bodies_leaves_descriptions_and_generic_bodies(text):
    assert find_public_bodies(text, "fr") == []
    assert find_public_bodies("Le tribunal correctionnel de Paris.", "en") == []  # no head list in English


@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [
        ("Elle appartient à la sous-direction de la lutte contre la criminalité financière (SDLCF), aux côtés",
         "sous-direction de la lutte contre la criminalité financière", "SDLCF"),
        ("Au siège de la direction nationale du renseignement et des enquêtes douanières (DNRED), à Ivry.",
         "direction nationale du renseignement et des enquêtes douanières", "DNRED"),
        ("La direction générale des finances publiques (DGFIP) et Tracfin.", "direction générale des finances publiques", "DGFIP"),
        ("Le service de la criminalité financière et cybercriminalité (CFC) enquête.",
         "service de la criminalité financière et cybercriminalité", "CFC"),
    ],
)
def test_find_public_bodies_spells_lowercase_names_from_their_acronym(text, name, acronym):
    (start, end, short), = find_public_bodies(text, "fr")
    assert text[start:end] == name and text[short[0]:short[1]] == acronym


def test_find_public_bodies_rejects_an_acronym_its_words_do_not_spell():
    assert find_public_bodies("Le service a transmis des déclarations de soupçon (DS) reçues.", "fr") == []


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # the model tags the place only: the court is one organisation, the city no place of its own
        ("Le tribunal correctionnel de Paris a condamné Rachid Mimoun.", [("Paris", "LOC"), ("Rachid Mimoun", "PER")],
         {"tribunal correctionnel de Paris": "ORG", "Rachid Mimoun": "PER"}),
        # the model cuts a ministry at "et des" and tags the capitalised word of a directorate
        ("Le ministère de l'Action et des Comptes publics et la direction générale du Trésor ont publié.",
         [("ministère de l'Action", "ORG"), ("Trésor", "ORG")],
         {"ministère de l'Action et des Comptes publics": "ORG", "direction générale du Trésor": "ORG"}),
        # adjectives the model left after the name
        ("Un service de la Direction centrale de la Police judiciaire créé en 2013.", [("Direction centrale de la Police", "ORG")],
         {"Direction centrale de la Police judiciaire": "ORG"}),
    ],
)
def test_build_entities_takes_whole_french_body_names(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_build_entities_links_a_lowercase_body_to_its_acronym(blank):
    text = "Au siège de la direction nationale du renseignement et des enquêtes douanières (DNRED), à Ivry. La DNRED saisit."
    articles, payloads = corpus(blank, [("fr", text, [("DNRED", "ORG", 1)])])
    _, entities = E.build_entities(articles, payloads)
    assert len(entities) == 1 and entities.at[0, "label"] == "ORG"
    assert forms_of(entities) == {"DNRED", "direction nationale du renseignement et des enquêtes douanières"}


def test_build_entities_public_bodies_follow_the_institutions_switch(blank):
    text = "Le tribunal correctionnel de Paris a prononcé des peines."
    articles, payloads = corpus(blank, [("fr", text, [("Paris", "LOC")])])
    _, entities = E.build_entities(articles, payloads, rules=E.EntityRules(institutions=False))
    assert names(entities) == {"Paris": "LOC"}


@pytest.mark.parametrize(
    ("text", "shaped"),
    [
        ("Neuilly-sur-Seine", True), ("Châlons-en-Champagne", True), ("Seine-Saint-Denis", True),
        ("Bois-le-Duc", True), ("Île-de-France", True),
        ("Saint-Gobain", False), ("France-Amériques", False), ("Jean-Luc", False), ("BTC-e", False),
        ("Neuilly sur-Seine", False),
    ],
)
def test_place_shaped_reads_french_place_names(text, shaped):
    assert E.place_shaped(text, E.load_lexicon("fr")) is shaped
    assert E.place_shaped(text, E.load_lexicon("en")) is False  # no particles in English


def test_build_entities_labels_a_french_place_name_a_place(blank):
    text = "Des grossistes de Seine-Saint-Denis et la mairie. Un bureau à Saint-Gobain."
    articles, payloads = corpus(blank, [("fr", text, [("Seine-Saint-Denis", "ORG"), ("Saint-Gobain", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Seine-Saint-Denis": "LOC", "Saint-Gobain": "ORG"}


@pytest.mark.parametrize(
    ("form", "other"),
    [("DGFiP", "direction générale des finances publiques"), ("DGDDI", "direction générale des Douanes"),
     ("DNRED", "Direction nationale du renseignement et des enquêtes douanières"), ("DG Trésor", "direction générale du Trésor"),
     ("JUNALCO", "Juridiction nationale de lutte contre la criminalité organisée"), ("Cour de cassation", "Court of Cassation")],
)
def test_gazetteer_knows_french_bodies_by_name_and_acronym(form, other):
    from helpers.entities.gazetteer import lookup

    assert lookup(form) is not None and lookup(form) == lookup(other) and lookup(form).label == "ORG"


def test_build_entities_tags_a_french_body_acronym_and_court_the_model_mislabels(blank):
    text = "Le directeur a présenté la DNRED. La chambre criminelle de la Cour de cassation a rendu son arrêt."
    articles, payloads = corpus(blank, [("fr", text, [("Cour de cassation", "PER")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"DNRED": "ORG", "Cour de cassation": "ORG"}


@pytest.mark.parametrize(("lang", "text"), [("fr", "CRF"), ("fr", "FOVI"), ("fr", "COSI"), ("en", "FIU"), ("en", "MLRO")])
def test_drop_reason_drops_acronyms_of_kinds_of_body_report_or_job(lang, text):
    assert E.drop_reason(text, E.load_lexicon(lang)) == "concept"


def test_build_entities_keeps_the_body_after_a_kind_acronym(blank):
    text = "La cellule de renseignement financier (CRF) française Tracfin a publié son rapport."
    articles, payloads = corpus(blank, [("fr", text, [("CRF", "ORG"), ("Tracfin", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Tracfin": "ORG"}


@pytest.mark.parametrize("text", ["Mme", "Mr.", "Dr"])
def test_drop_reason_drops_a_courtesy_title_alone(text):
    assert E.drop_reason(text, E.load_lexicon("fr")) == "courtesy title"
    assert E.drop_reason(f"{text} Boiteau", E.load_lexicon("fr")) is None


@pytest.mark.parametrize(("text", "demonym"), [("Franco-Algérien", True), ("Franco-Algériens", True), ("Sino-Russes", True),
                                               ("France-Amériques", False), ("Franco-Binance", False)])
def test_is_demonym_reads_french_combined_nationalities(text, demonym):
    from helpers.entities.gazetteer import is_demonym

    assert is_demonym(text, lang="fr") is demonym


def test_build_entities_keeps_an_irregular_nationality_noun_out_of_organisations(blank):
    text = "Trois hommes, dont un Néerlandais, ont été interpellés à Liège."
    articles, payloads = corpus(blank, [("fr", text, [("Néerlandais", "ORG"), ("Liège", "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Néerlandais": "MISC", "Liège": "LOC"}


def test_build_entities_keeps_a_combined_nationality_out_of_organisations(blank):
    text = "Rachid Mimoun, un Franco-Algérien de 45 ans, a été condamné."
    articles, payloads = corpus(blank, [("fr", text, [("Rachid Mimoun", "PER"), ("Franco-Algérien", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Rachid Mimoun": "PER", "Franco-Algérien": "MISC"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Michel Sapin, ministre des Finances et des Comptes publics, souligne.", [("Michel Sapin", "PER"), ("Finances", "ORG")],
         {"Michel Sapin": "PER"}),
        ("A déclaré le sous-secrétaire au Trésor Brian Nelson.", [("Trésor", "ORG"), ("Brian Nelson", "PER")], {"Brian Nelson": "PER"}),
        # a name after the title is kept: "directrice de l'Autorité des marchés financiers"
        ("La directrice de l'Autorité des marchés financiers parle.", [("Autorité des marchés financiers", "ORG")],
         {"Autorité des marchés financiers": "ORG"}),
    ],
)
def test_build_entities_drops_the_office_after_a_title_the_model_left_out(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # the portfolio run into the holder's name: the holder, a person
        ("La ministre de la Justice Nicole Belloubet a réagi.", [("Justice Nicole Belloubet", "ORG")],
         {"Nicole Belloubet": "PER"}),
        ("Le commissaire européen à la Justice Didier Reynders a levé le voile.", [("Justice Didier Reynders", "ORG")],
         {"Didier Reynders": "PER"}),
        # no title before: a body's name, left alone
        ("Le ministère de la Justice Française a répondu.", [("Justice Française", "ORG")],
         {"ministère de la Justice": "ORG"}),
    ],
)
def test_build_entities_takes_the_holder_out_of_a_portfolio_after_a_title(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("lang", "text", "spans", "expected"),
    [
        ("fr", "Il appartient à chaque État membre de l'Union européenne de désigner les autorités.",
         [("État", "LOC"), ("Union européenne", "ORG")], {"Union européenne": "ORG"}),
        ("en", "Every Member State of the European Union must act.", [("European Union", "ORG")], {"European Union": "ORG"}),
        ("fr", "Le Ministère de l'Économie a répondu.", [("Économie", "MISC")], {"Ministère de l'Économie": "ORG"}),
    ],
)
def test_build_entities_keeps_a_member_out_of_the_body_name(blank, lang, text, spans, expected):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("L'Autorité des Services et Marchés Financiers (FSMA) a ajouté 14 sites.",
         [("Autorité des Services", "ORG"), ("Marchés Financiers", "ORG"), ("FSMA", "ORG")],
         {"Autorité des Services et Marchés Financiers"}),
        # two names in a row stay two
        ("La Banque de France et Binance ont signé.", [("Banque de France", "ORG"), ("Binance", "ORG")],
         {"Banque de France", "Binance"}),
    ],
)
def test_build_entities_rejoins_a_body_name_listing_its_domains(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    got = set(entities["name"]) | {a for v in entities["aliases"] for a in v.split("; ") if a}
    assert expected <= got and not {"Autorité des Services", "Marchés Financiers"} & set(entities["name"])


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("La commission des sanctions de l'Autorité de contrôle prudentiel et de résolution a prononcé un blâme.",
         [("Autorité de contrôle prudentiel et de résolution", "ORG")],
         {"commission des sanctions de l'Autorité de contrôle prudentiel et de résolution": "ORG"}),
        ("Le collège de l'AMF a décidé.", [("AMF", "ORG")], {"collège de l'AMF": "ORG"}),
        # an organ word not right before the body does not join it
        ("La commission a sanctionné Treezor, filiale de la Société Générale.", [("Treezor", "ORG"), ("Société Générale", "ORG")],
         {"Treezor": "ORG", "Société Générale": "ORG"}),
    ],
)
def test_build_entities_takes_in_the_organ_named_before_a_body(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_build_entities_leaves_a_nationality_after_a_body_out_of_its_name(blank):
    text = "Le Department of Justice américain et la Direction centrale de la Police judiciaire ont coopéré."
    spans = [("Department of Justice américain", "ORG"), ("Direction centrale de la Police", "ORG")]
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Department of Justice": "ORG", "Direction centrale de la Police judiciaire": "ORG"}


@pytest.mark.parametrize(
    ("text", "span", "label", "expected"),
    [
        ("Des hackers ont dérobé des fonds de la passerelle Harmony en juin.", "passerelle Harmony", "ORG", {"Harmony": "ORG"}),
        ("Le yacht était au chantier naval de Marseille depuis mars.", "chantier naval de Marseille", "LOC", {"Marseille": "LOC"}),
        # an institution's lowercase head stays: the body rules read it
        ("Selon le ministère de l'Économie, rien ne change.", "ministère de l'Économie", "ORG", {"ministère de l'Économie": "ORG"}),
    ],
)
def test_build_entities_cuts_a_lowercase_kind_noun_from_a_french_name(blank, text, span, label, expected):
    articles, payloads = corpus(blank, [("fr", text, [(span, label)])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("lang", "text", "span"),
    [
        ("fr", "Des grossistes d'Aubervilliers (Seine-Saint-Denis) étaient poursuivis.", "Aubervilliers"),
        ("en", "The firm is run from Smalltown, California by two men.", "Smalltown"),
    ],
)
def test_placed_reads_the_place_after_a_name(lang, text, span):
    from helpers.entities.cues import placed

    start = text.index(span)
    assert placed(text, start, start + len(span), E.load_lexicon(lang))
    assert not placed("Des fonds de Binance (Coinhouse) ont été gelés.", 12, 19, E.load_lexicon("fr"))


# -- dev8 rules (English news) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("The U.S. Attorney's Office in the District of Columbia is on the move.",
         [("U.S.", "GPE"), ("the District of Columbia", "GPE")], "U.S. Attorney's Office in the District of Columbia"),
        ("Last week, the U.S. Attorney's Office in the Southern District of New York charged two men.",
         [("U.S.", "GPE"), ("the Southern District", "LOC"), ("New York", "GPE")],
         "U.S. Attorney's Office in the Southern District of New York"),
        ("The United States Attorney's Office said so.", [("United States", "GPE")], "United States Attorney's Office"),
        ("FinCEN and the United States Attorney General Office for the Northern District of California acted.",
         [("United States", "GPE"), ("General Office for the Northern District", "ORG"), ("California", "GPE")],
         "United States Attorney General Office for the Northern District of California"),
    ],
)
def test_attorney_office_named_by_its_district_is_one_organisation(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {k: v for k, v in names(entities).items() if k != "FinCEN"} == {expected: "ORG"}


@pytest.mark.parametrize(
    ("text", "spans", "kept"),
    [
        ('"It was vast," US Attorney Jacqueline C. Romero said.', [("US", "GPE"), ("Jacqueline C. Romero", "PERSON")],
         {"Jacqueline C. Romero": "PER"}),
        ("Later, U.S. Attorney Geoffrey S. Berman spoke.", [("U.S.", "GPE"), ("Geoffrey S. Berman", "PERSON")],
         {"Geoffrey S. Berman": "PER"}),
        # the Attorney General's country stays a place, as the annotated sets write it
        ("US Attorney General Merrick B. Garland says so.", [("US", "GPE"), ("Merrick B. Garland", "PERSON")],
         {"US": "LOC", "Merrick B. Garland": "PER"}),
    ],
)
def test_country_in_a_us_attorney_title_is_no_place(blank, text, spans, kept):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mixing services Blender.io and Sinbad.io were shut.", {"Blender.io": "ORG", "Sinbad.io": "ORG"}),
        ("Blender.io had previously been sanctioned.", {"Blender.io": "ORG"}),
        ("He ran the exchange Bitfunder.com for years.", {"Bitfunder.com": "ORG"}),
        # an address, a path or an e-mail is no name
        ("See https://Blender.io/about or write to info@Sinbad.io today.", {}),
        ("Files at Example.com/path were read.", {}),
    ],
)
def test_capitalised_web_domain_the_model_missed_is_an_organisation(blank, text, expected):
    articles, payloads = corpus(blank, [("en", text, [])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "span", "model_label", "expected"),
    [
        ("Kostin is the longtime president of VTB Bank, a state-owned bank.", "Kostin", "ORG", "PER"),
        ("Rozencovs was the editor-in-chief of Sputnik Latvija.", "Rozencovs", "ORG", "PER"),
        ("Vexel is a payments firm based in Riga.", "Vexel", "PERSON", "ORG"),
        # a possessive after the verb speaks of what the name owns
        ("Vexel is his company, he said.", "Vexel", "PERSON", "PER"),
    ],
)
def test_is_the_title_or_kind_after_a_name_gives_its_label(blank, text, span, model_label, expected):
    articles, payloads = corpus(blank, [("en", text, [(span, model_label)])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)[span] == expected


@pytest.mark.parametrize(
    ("text", "span", "model_label"),
    [
        ("The embassy is aware of Postovoy's arrest in Sarasota.", "Postovoy", "ORG"),
        ("In continuation of Garland's remarks, the Treasury spoke.", "Garland", "GPE"),
        ("The judge set Zhao's sentencing for February.", "Zhao", "ORG"),
        ("Deripaska's wife was not named.", "Deripaska", "ORG"),
        ("Shriki organized Voronina's trip to the United States.", "Voronina", "LOC"),
        ("The studio paid for Derypaska's child.", "Derypaska", "ORG"),
        ("Agents questioned Bardakova's girlfriend.", "Bardakova", "ORG"),
    ],
)
def test_what_only_a_person_has_after_a_possessive_makes_a_person(blank, text, span, model_label):
    articles, payloads = corpus(blank, [("en", text, [(span, model_label)])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)[span] == "PER"


def test_a_firms_possessive_role_still_makes_an_organisation(blank):
    articles, payloads = corpus(blank, [("en", "Vexel's chairman resigned.", [("Vexel", "PERSON")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Vexel": "ORG"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a capitalised job title in an apposition: the name is a person's, the title's words no organisation
        ("The suspects used phishing, says Stefano De Blasi, Cyber Threat Intelligence Analyst at Digital Shadows, a firm.",
         [("Stefano De Blasi", "ORG"), ("Cyber Threat Intelligence", "ORG"), ("Digital Shadows", "ORG")],
         {"Stefano De Blasi": "PER", "Digital Shadows": "ORG"}),
        ("Michael Munk, Managing Director at Linklaters, said so.", [("Michael Munk", "ORG"), ("Linklaters", "ORG")],
         {"Michael Munk": "PER", "Linklaters": "ORG"}),
        # a title word alone names no one: "its Chief Executive Officer, Kirill Dmitriev"
        ("OFAC listed the fund and its Chief Executive Officer, Kirill Dmitriev.", [("OFAC", "ORG"), ("Kirill Dmitriev", "PERSON")],
         {"OFAC": "ORG", "Kirill Dmitriev": "PER"}),
        # the office a title names after "for": "Under Secretary of the Treasury for Terrorism and Financial Intelligence"
        ("It was said by Under Secretary of the Treasury for Terrorism and Financial Intelligence Brian E. Nelson.",
         [("Treasury", "ORG"), ("Terrorism", "ORG"), ("Brian E. Nelson", "PERSON")],
         {"Treasury": "ORG", "Brian E. Nelson": "PER"}),
    ],
)
def test_job_titles_and_their_offices_are_no_names(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("John Hurley, the Deputy Assistant Secretary for Terrorist Financing and Financial Crimes, spoke.",
         "Terrorist Financing and Financial Crimes"),
        ("She met the European Commissioner for Financial Services yesterday.", "Financial Services"),
        ("He was named Assistant Secretary for Export Enforcement last year.", "Export Enforcement"),
        ("the Special Representative for Global Anti-Corruption Policy said", "Global Anti-Corruption Policy"),
    ],
)
def test_the_field_after_a_title_and_for_is_no_organisation(blank, text, span):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert span not in names(entities)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # a body's head word, or a place, after the title and "for" is a name
        ("said the Assistant Attorney General for the Criminal Division.", "Criminal Division",
         {"Criminal Division": "ORG"}),
        ("said the Country Director for India.", "India", {"India": "LOC"}),
    ],
)
def test_a_body_or_place_after_a_title_and_for_stays(blank, text, span, expected):
    articles, payloads = corpus(blank, [("en", text, [(span, "GPE" if expected[span] == "LOC" else "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ('"It is a risk," said Secretary of the Treasury Scott Bessent.', "Treasury Scott Bessent",
         {"Treasury": "ORG", "Scott Bessent": "PER"}),
        ("It was signed by Secretary of Homeland Security Kristi Noem.", "Homeland Security Kristi Noem",
         {"Homeland Security": "ORG", "Kristi Noem": "PER"}),
        ("Secretary of the Interior Deb Haaland spoke.", "Interior Deb Haaland", {"Deb Haaland": "PER"}),
        ("It was announced by Secretary of State Marco Rubio on Monday.", "State Marco Rubio", {"Marco Rubio": "PER"}),
        # a firm's words after the first keep one name
        ("said Director of the Bank Holding Company Act", "Bank Holding Company Act", {}),
    ],
)
def test_a_department_run_into_its_heads_name_after_a_title_is_split(blank, text, span, expected):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected


def test_a_firm_before_a_title_outside_an_apposition_stays(blank):
    # ("Treasury Secretary Janet Yellen" names no department: the title's word, tested with the Treasury rule)
    text = "Defense Department Secretary Lloyd Austin spoke."
    articles, payloads = corpus(blank, [("en", text, [("Defense Department", "ORG"), ("Lloyd Austin", "PERSON")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Defense Department": "ORG", "Lloyd Austin": "PER"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("They targeted Remote Desktop Protocol (RDP) and Virtual Private Networks (VPN) at Okta.",
         [("Remote Desktop Protocol", "ORG"), ("Virtual Private Networks", "ORG"), ("Okta", "ORG")], {"Okta": "ORG"}),
        ("The Clop group leveraged SQL injections.", [("Clop", "ORG"), ("SQL", "ORG")], {"Clop": "ORG"}),
        ("The token operated on the Ethereum blockchain for MyTrade.", [("Ethereum", "ORG"), ("MyTrade", "ORG")],
         {"MyTrade": "ORG"}),
        ("The FBI has seized 2,546,415.01 USDT Coin (USDT) in Thailand.",
         [("FBI", "ORG"), ("USDT Coin", "ORG"), ("Thailand", "GPE")], {"FBI": "ORG", "Thailand": "LOC"}),
    ],
)
def test_network_terms_and_crypto_assets_are_no_names(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("The Romanian Directorate for Investigating Organized Crime and Terrorism (DIICOT) held it.",
         "The Romanian Directorate for Investigating Organized Crime and", "Romanian Directorate for Investigating Organized Crime and Terrorism"),
        ("Officials of the Ministry of Agriculture and Food said so.", "the Ministry of Agriculture and",
         "Ministry of Agriculture and Food"),
    ],
)
def test_a_name_the_model_ended_with_and_takes_the_capitalised_words_after(blank, text, span, expected):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert expected in names(entities)


def test_a_name_ending_with_and_before_lowercase_words_is_trimmed(blank):
    text = "The Bank of Vexel and its partners agreed."
    articles, payloads = corpus(blank, [("en", text, [("The Bank of Vexel and", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Bank of Vexel": "ORG"}


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Agents of U.S. Immigration and Customs Enforcement (ICE) announced it.", "U.S. Immigration",
         "U.S. Immigration and Customs Enforcement"),
        ("The Bureau of Alcohol, Tobacco and Firearms (ATF) said so.", "The Bureau of Alcohol",
         "Bureau of Alcohol, Tobacco and Firearms"),
    ],
)
def test_a_name_the_model_cut_takes_the_rest_its_acronym_spells(blank, text, span, expected):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    acronym = text[text.index("(") + 1 : text.index(")")]
    assert len(entities) == 1 and entities.at[0, "label"] == "ORG"
    assert forms_of(entities, 0) == {expected, acronym}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Officers swarmed Cherkasy on the Dnipro River last week.", "Dnipro River"),
        ("Tankers crossed the Black Sea and the Kerch Strait.", "Kerch Strait"),
        ("The ships left the Persian Gulf.", "Persian Gulf"),
    ],
)
def test_a_name_ending_in_a_feature_word_is_a_place(blank, text, span):
    articles, payloads = corpus(blank, [("en", text, [(span, "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {span: "LOC"}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("ChipMixer operator Minh Quốc Nguyễn, 49, of Hanoi, has been charged.", "Minh Quốc Nguyễn"),
        ("The exchange founder Jon Vexel, 37, pleaded guilty.", "Jon Vexel"),
    ],
)
def test_an_age_after_a_name_outweighs_a_kind_of_noun_before_it(blank, text, span):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)[span] == "PER"


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("He backed the Donetsk People's Republic in 2014.", "the Donetsk People's Republic", "Donetsk People's Republic"),
        ("The People's Bank of China said so.", "The People's Bank of China", "People's Bank of China"),
    ],
)
def test_peoples_inside_a_name_does_not_cut_it(blank, text, span, expected):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert list(entities["name"]) == [expected]


def test_an_inner_possessive_still_cuts_a_persons_name_from_what_follows(blank):
    text = "Oleg Deripaska's Basic Element was named."
    articles, payloads = corpus(blank, [("en", text, [("Oleg Deripaska's Basic Element", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert "Oleg Deripaska" in set(entities["name"]) and "Basic Element" in set(entities["name"])


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Garantex was operated by Aleksej Besciokov, a citizen of Lithuania residing in Russia.", "Aleksej Besciokov"),
        ("The exchange's funds went to Pavel Sorin, a resident of Moscow.", "Pavel Sorin"),
        ("OFAC sanctioned the exchange and its owner, Ilya Voronin.", "Ilya Voronin"),
    ],
)
def test_citizen_resident_and_owner_are_persons_titles(blank, text, span):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)[span] == "PER"


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Russia's Embassy in Washington said it is aware of the arrest.", [("Russia", "GPE"), ("Embassy", "GPE"), ("Washington", "GPE")],
         {"Russia": "LOC", "Washington": "LOC"}),
        ("Valery Gerasimov is Chief of the General Staff.", [("Valery Gerasimov", "PERSON"), ("General Staff", "ORG")],
         {"Valery Gerasimov": "PER"}),
        ("OFAC issued a Determination under the order.", [("OFAC", "ORG"), ("Determination", "ORG")], {"OFAC": "ORG"}),
        # a named embassy stays
        ("The Embassy of Vexland in Paris was closed.", [("The Embassy of Vexland", "ORG"), ("Paris", "GPE")],
         {"Embassy of Vexland": "ORG", "Paris": "LOC"}),
    ],
)
def test_generic_embassy_staff_and_determination_alone_are_no_names(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_rok_is_south_korea(blank):
    text = "It acted with the EU, Japan, the ROK and South Korea's partners."
    articles, payloads = corpus(blank, [("en", text, [("EU", "ORG"), ("Japan", "GPE"), ("ROK", "ORG"), ("South Korea", "GPE")])])
    _, entities = E.build_entities(articles, payloads)
    korea = [i for i in entities.index if "ROK" in forms_of(entities, i)]
    assert len(entities) == 3 and len(korea) == 1
    assert entities.at[korea[0], "label"] == "LOC" and forms_of(entities, korea[0]) == {"ROK", "South Korea"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("The UK's Office of Financial Sanctions Implementation said so.",
         [("UK", "GPE"), ("Office of Financial Sanctions Implementation", "ORG")],
         {"UK": "LOC", "Office of Financial Sanctions Implementation": "ORG"}),
        ("It acted with South Korea's Ministry of Foreign Affairs.",
         [("South Korea", "GPE"), ("Ministry of Foreign Affairs", "ORG")],
         {"South Korea": "LOC", "Ministry of Foreign Affairs": "ORG"}),
        # a title's possessive still owns the office
        ("The U.S. Attorney's Office for the Northern District of California filed it.",
         [("U.S.", "GPE"), ("Office for the Northern District of California", "ORG")],
         {"U.S. Attorney's Office for the Northern District of California": "ORG"}),
    ],
)
def test_a_countrys_possessive_before_a_body_stays_a_place(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("According to the Assistant Attorney General of the National Security Division John Demers, it was done.",
         "the National Security Division John Demers", {"National Security Division": "ORG", "John Demers": "PER"}),
        ("The Federal Reserve Board Chairman Jerome Powell spoke.", "The Federal Reserve Board Chairman Jerome Powell",
         {"Federal Reserve Board": "ORG", "Jerome Powell": "PER"}),
        # a head opening the name, or company words after it, make one organisation's name
        ("State Street Global Advisors voted.", "State Street Global Advisors", {"State Street Global Advisors": "ORG"}),
        ("Deutsche Bank Trust Company Americas agreed.", "Deutsche Bank Trust Company Americas",
         {"Deutsche Bank Trust Company Americas": "ORG"}),
        ("Bank of America Merrill Lynch agreed.", "Bank of America Merrill Lynch", {"Bank of America Merrill Lynch": "ORG"}),
    ],
)
def test_a_persons_name_glued_after_an_office_is_split_from_it(blank, text, span, expected):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("FinCEN regulation 31 CFR § 1010.330 requires a report.", "CFR § 1010.330"),
        ("A casino must file FinCEN Form 104 for each deposit.", "FinCEN Form 104"),
        ("It was charged under 18 U.S.C. 1960 and settled.", "U.S.C. 1960"),
    ],
)
def test_numbered_forms_and_regulation_citations_are_misc(blank, text, span):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)[span] == "MISC"


def test_a_firm_named_form_stays_an_organisation(blank):
    articles, payloads = corpus(blank, [("en", "Formation Capital Partners invested.", [("Formation Capital Partners", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Formation Capital Partners": "ORG"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Penalties are to be paid by CommunityBank of Texas, N.A., over violations.",
         [("CommunityBank", "ORG"), ("Texas", "GPE"), ("N.A.", "GPE")], "CommunityBank of Texas, N.A."),
        ("The fine was paid by Citibank, N.A. last year.", [("Citibank", "ORG")], "Citibank, N.A."),
    ],
)
def test_a_us_national_banks_name_keeps_its_place_and_legal_form(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {expected: "ORG"}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("He led Sputnik Latvija, the Latvian branch of Sputnik, until 2020.", "Sputnik"),
        ("Robinhood Crypto, the crypto arm of Robinhood, added transfers.", "Robinhood"),
        ("Vexel Pay is a subsidiary of Mondrake, a holding.", "Mondrake"),
    ],
)
def test_branch_arm_or_subsidiary_of_a_name_makes_it_an_organisation(blank, text, span):
    occurrence = text.count(span) - 1
    articles, payloads = corpus(blank, [("en", text, [(span, "PERSON", occurrence)])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)[span] == "ORG"


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("The exchanges Vexbit and Coinora were fined.", [("Vexbit", "ORG"), ("Coinora", "PERSON")],
         {"Vexbit": "ORG", "Coinora": "ORG"}),
        ("It froze funds at the banks Alpenbank, Norvia or Kestrel.", [("Alpenbank", "ORG"), ("Norvia", "GPE"), ("Kestrel", "PERSON")],
         {"Alpenbank": "ORG", "Norvia": "ORG", "Kestrel": "ORG"}),
    ],
)
def test_the_next_names_of_a_pair_after_a_kind_of_noun_are_that_kind(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_ransomware_variants_and_strains_are_misc(blank):
    text = "The ransomware variants LockBit and Hive were deployed. The strain Vexcrypt spread."
    spans = [("LockBit", "ORG"), ("Hive", "ORG"), ("Vexcrypt", "ORG")]
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"LockBit": "MISC", "Hive": "MISC", "Vexcrypt": "MISC"}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Michael Khoo, a co-director of the department's Task Force Kleptocapture, said so.", "Task Force Kleptocapture"),
        ("The Quds Force was named.", "Quds Force"),
    ],
)
def test_a_force_is_an_organisation(blank, text, span):
    articles, payloads = corpus(blank, [("en", text, [(span, "PRODUCT")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)[span] == "ORG"


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("OFAC sanctioned Zentra Pay and its owner, Ilya Voronin, on Friday.", "Voronin", {"Ilya Voronin": "PER"}),
        ("It was built by its founder, Do Kwon, in 2018.", "Kwon", {"Do Kwon": "PER"}),
        # no title before the comma: the firm keeps its own name
        ("It sold Vexel, Binance and others.", "Binance", {"Binance": "ORG"}),
    ],
)
def test_a_surname_called_a_firm_after_a_title_and_comma_takes_its_given_name(blank, text, span, expected):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    found = names(entities)
    assert expected.items() <= found.items() and not any(name.endswith(f" {span}") and name not in expected for name in found)


# -- dev9 rules (French and English news) ------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "span", "label"),
    [
        ("fr", "Le PNF enquête sur les « Panama Papers » depuis 2016.", "Panama Papers", "ORG"),
        ("fr", "Il se saisit des « FootLeaks » et même de Google.", "FootLeaks", "ORG"),
        ("en", "The FinCEN Files showed how banks moved the money.", "FinCEN Files", "ORG"),
        ("fr", "Il s'est exprimé dans le cadre de la City Week Banking Conference à Londres.",
         "City Week Banking Conference", "ORG"),
        # a police operation named by its code name
        ("en", "Operation Destabilise began as a look into ransomware group Evil Corp.", "Operation Destabilise", "ORG"),
        ("en", 'The operation, conducted from September 19 to 26, was codenamed "Lian Dou."', "Lian Dou", "PERSON"),
        ("en", 'The police launched the arrest operation code-named "Sink Strike" last week.', "Sink Strike", "ORG"),
        ("fr", "L'Opération Chrysalide a visé trois réseaux.", "Opération Chrysalide", "ORG"),
    ],
)
def test_leaks_and_meetings_are_misc(blank, lang, text, span, label):
    articles, payloads = corpus(blank, [(lang, text, [(span, label)])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)[span] == "MISC"


@pytest.mark.parametrize(
    ("lang", "text", "spans", "expected"),
    [
        ("fr", "Les douaniers de l'aéroport de Roissy Charles-de-Gaulle ont saisi 2 millions d'euros.",
         [("Roissy Charles-de-Gaulle", "ORG")], {"Roissy Charles-de-Gaulle": "LOC"}),
        ("en", "They seized a yacht on the Mediterranean island of Majorca last month.",
         [("Mediterranean", "ORG"), ("Majorca", "ORG")], {"Mediterranean": "LOC", "Majorca": "LOC"}),
        # a kind of firm is no kind of place
        ("fr", "Les fonds ont transité par la banque de Vexland en 2021.", [("Vexland", "ORG")], {"Vexland": "ORG"}),
    ],
)
def test_a_kind_of_place_and_de_or_of_sets_a_place(blank, lang, text, spans, expected):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Il a été kidnappé au niveau de Vierzon (Cher) par un commando.", [("Vierzon", "ORG"), ("Cher", "ORG")],
         {"Vierzon": "LOC", "Cher": "LOC"}),
        # a department's name out of brackets is left to the other rules
        ("La société Cher a été sanctionnée.", [("Cher", "ORG")], {"Cher": "ORG"}),
        # a body before the bracket stays a body
        ("Le parquet de Bobigny (Seine-Saint-Denis) a ouvert une enquête.",
         [("parquet de Bobigny", "ORG"), ("Seine-Saint-Denis", "LOC")],
         {"parquet de Bobigny": "ORG", "Seine-Saint-Denis": "LOC"}),
    ],
)
def test_a_town_and_its_department_in_brackets_are_places(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_french_departments_come_from_iso_3166_2():
    departments = E.build.french_departments()
    assert {"cher", "essonne", "seine-saint-denis", "indre"} <= departments and "paris-charles de gaulle" not in departments


@pytest.mark.parametrize(
    ("text", "span", "label", "expected"),
    [
        ("Des paiements ont transité par des comptes Coinbase en 2021.", "Coinbase", "PER", "ORG"),
        ("Une amende vise Mangopay, établissement de monnaie électronique de droit luxembourgeois.", "Mangopay", "PER",
         "ORG"),
        ("Ce jour-là, les Européens ont aussi visé les banques.", "Européens", "ORG", "MISC"),
    ],
)
def test_french_kind_cues_and_continent_dwellers(blank, text, span, label, expected):
    articles, payloads = corpus(blank, [("fr", text, [(span, label)])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {span: expected}


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("In March, Sam Bankman-Fried, founder of the collapsed FTX exchange, was sentenced.", "FTX exchange", "FTX"),
        ("Funds went through the Tornado Cash mixer last year.", "Tornado Cash mixer", "Tornado Cash"),
        # a capitalised word is part of the name
        ("The Binance Exchange said so.", "Binance Exchange", "Binance Exchange"),
    ],
)
def test_english_kind_noun_after_the_name_is_cut(blank, text, span, expected):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert expected in names(entities) and names(entities)[expected] == "ORG"


@pytest.mark.parametrize(
    ("text", "spans", "dropped"),
    [
        ("BKCoin engaged in a scheme involving Ponzi-like payments.", [("BKCoin", "ORG"), ("Ponzi", "ORG")], "Ponzi"),
        ("FinCEN will credit toward the CMP a $100 million payment.", [("FinCEN", "ORG"), ("CMP", "ORG")], "CMP"),
        ("It froze USDT on the Tron blockchain.", [("Tron", "ORG")], "Tron"),
    ],
)
def test_compound_adjectives_concepts_and_networks_are_no_entities(blank, text, spans, dropped):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert dropped not in names(entities)


def test_a_case_number_label_is_no_organisation(blank):
    text = "SEC v. Iakovou, Civil Action No. 4:22-v-00194, names George Iakovou."
    articles, payloads = corpus(blank, [("en", text, [("Civil Action No", "ORG"), ("George Iakovou", "PERSON")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get("Civil Action No") in (None, "MISC") and names(entities)["George Iakovou"] == "PER"


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("The indictment charges Ivan Kondratyev, also known as Bassterlord, with extortion.",
         [("Ivan Kondratyev", "PERSON"), ("Bassterlord", "ORG")], ("Ivan Kondratyev", {"Bassterlord"})),
        ("OFAC designated Vexel Market, a.k.a. Vexel, on Monday.",
         [("Vexel Market", "ORG"), ("Vexel", "PERSON", 1)], ("Vexel Market", {"Vexel"})),
    ],
)
def test_a_name_after_also_known_as_is_an_alias(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    name, aliases = expected
    rows = [i for i in range(len(entities)) if name in forms_of(entities, i)]
    assert len(rows) == 1 and {name, *aliases} <= forms_of(entities, rows[0])
    assert entities.at[rows[0], "label"] == spans[0][1].replace("PERSON", "PER")


def test_a_quoted_nickname_inside_a_name_makes_one_person(blank):
    text = 'It names as defendants Caroline Ellison and Zixiao "Gary" Wang.'
    articles, payloads = corpus(blank, [("en", text, [("Caroline Ellison", "PERSON"), ("Zixiao", "PERSON"),
                                                      ("Gary", "PERSON"), ("Wang", "PERSON")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Caroline Ellison": "PER", 'Zixiao "Gary" Wang': "PER"}


@pytest.mark.parametrize(
    ("lang", "text", "spans", "expected"),
    [
        ("en", "European Commission President Ursula von der Leyen said on X that the war has to end.",
         [("European Commission", "ORG"), ("Ursula von der", "PERSON"), ("Leyen", "GPE")],
         {"European Commission": "ORG", "Ursula von der Leyen": "PER"}),
        ("en", "Pieter van Vollenhoven met the minister.", [("Pieter van", "PERSON")], {"Pieter van Vollenhoven": "PER"}),
    ],
)
def test_a_person_cut_after_a_surname_particle_takes_the_surname(blank, lang, text, spans, expected):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_a_particle_ends_no_person_without_a_capitalised_word_after_it(blank):
    text = "The firm of Ursula von der and others was sold."
    articles, payloads = corpus(blank, [("en", text, [("Ursula von der", "PERSON")])])
    _, entities = E.build_entities(articles, payloads)
    assert "Ursula von der and" not in names(entities)


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("U.S. Attorney Damian Williams said the ship, named Amadea, was owned by a mogul.", "Amadea", "PERSON"),
        ("The $90 million yacht owned by Viktor Vekselberg, called the Tango, was seized.", "Tango", "ORG"),
    ],
)
def test_a_name_given_to_a_vessel_is_misc(blank, text, span, label):
    articles, payloads = corpus(blank, [("en", text, [(span, label)])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {span: "MISC"}


def test_an_owners_possessive_and_a_kind_describe_the_name_before_it(blank):
    # the courtesy title's period ends no clause, and the owner's possessive is no other name
    text = "Defendant Ellison was employed at Alameda, Mr. Bankman-Fried's hedge fund, and at FTX."
    articles, payloads = corpus(blank, [("en", text, [("Ellison", "PERSON"), ("Alameda", "GPE"),
                                                      ("Bankman-Fried", "PERSON"), ("FTX", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)["Alameda"] == "ORG"


def test_a_body_named_juridiction_is_an_organisation(blank):
    text = "Le dossier a été transmis à la Juridiction interspécialisée du parquet de Paris."
    articles, payloads = corpus(blank, [("fr", text, [("Juridiction interspécialisée", "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)["Juridiction interspécialisée"] == "ORG"


# -- dev10 rules (French and English news) -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Les déboires judiciaires de Binance se poursuivent depuis 2022.", "Binance", "ORG"),
        ("Dans une lettre publiée sur Twitter, la société exhorte le hacker à rendre les fonds.", "Twitter", "ORG"),
        # a law's or a section's name in capitals or with digits stays what the model said
        ("Depuis l'entrée en vigueur de la loi PACTE en mai 2019, les PSAN doivent s'enregistrer.", "PACTE", "MISC"),
        ("Il s'interroge sur le sort de la section J3 du parquet.", "J3", "MISC"),
        # a capitalised word opening a clause, a kind of thing, and a name the model cut are no firms
        ("Vu les mémoires en réplique, la cour a statué.", "Vu", "MISC"),
        ("Ils ont été identifiés par le Cabinet d'avocats Ziegler.", "Cabinet", "MISC"),
        ("Les filles de Poutine, Ekaterina Tikhonova et Maria Vorontsova, sont visées.", "Ekaterina", "MISC"),
    ],
)
def test_a_one_word_french_misc_name_reads_as_a_firm(blank, text, span, expected):
    articles, payloads = corpus(blank, [("fr", text, [(span, "MISC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)[span] == expected


def test_a_one_word_english_misc_name_is_left_alone(blank):
    articles, payloads = corpus(blank, [("en", "The Binance token fell on Monday.", [("Binance", "MISC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)["Binance"] == "MISC"


@pytest.mark.parametrize(
    ("lang", "text", "spans", "expected"),
    [
        # a town GeoNames lists stays the place the model said, in French
        ("fr", "Il a défendu le maire de Levallois-Perret devant le tribunal.", [("Levallois-Perret", "LOC")],
         {"Levallois-Perret": "LOC"}),
        # and a French department too
        ("fr", "Les élus de l'Hérault ont voté le budget.", [("Hérault", "LOC")], {"Hérault": "LOC"}),
        # English firms are often named after towns: left to the other rules
        ("en", "He paid for Chelsea's new stadium.", [("Chelsea", "LOC")], {"Chelsea": "ORG"}),
        # a name no gazetteer knows and the text never sets as a place is still a firm
        ("fr", "Les fonds de Vexlandia ont été saisis.", [("Vexlandia", "LOC")], {"Vexlandia": "ORG"}),
    ],
)
def test_a_town_the_model_calls_a_place_stays_one_in_french(blank, lang, text, spans, expected):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # the preposition repeated after "et": "de Zurich et de Bâle"
        ("Les banques cantonales de Zurich et de Vexbourg sont visées.", [("Zurich", "LOC"), ("Vexbourg", "LOC")],
         {"Zurich": "LOC", "Vexbourg": "LOC"}),
        # a place before "et à" and a place the text sets: "de Megève et à Cannes"
        ("Ils ont été interpellés dans la station de Vexmont et à Cannes, mardi.", [("Vexmont", "LOC"), ("Cannes", "LOC")],
         {"Vexmont": "LOC", "Cannes": "LOC"}),
    ],
)
def test_a_list_of_places_with_its_preposition_repeated_is_read(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_a_kind_of_noun_opening_a_new_clause_after_a_comma_is_no_apposition(blank):
    text = "Ils ont été vus dans le Vexois, les gendarmes ont arrêté trois hommes."
    articles, payloads = corpus(blank, [("fr", text, [("Vexois", "LOC")])])
    found, _, _ = E.build.clean_article("a0", "fr", text, payloads["a0"], E.EntityRules())
    assert [m.cue for m in found if m.text == "Vexois"] == [None]
    text = "Ils visent Vexcorp, la plateforme d'échange, depuis mai."
    articles, payloads = corpus(blank, [("fr", text, [("Vexcorp", "LOC")])])
    found, _, _ = E.build.clean_article("a0", "fr", text, payloads["a0"], E.EntityRules())
    assert [m.cue for m in found if m.text == "Vexcorp"] == ["ORG"]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # the kind-of noun after a firm's name is the person's role there
        ("Lebedev and Coin.mx operator Anthony Murgio were charged in 2015.", [("Coin.mx", "ORG"), ("Anthony Murgio", "PER")],
         {"Coin.mx": "ORG", "Anthony Murgio": "PER"}),
        # a kind-of noun after a lowercase word or a nationality still names the firm
        ("He sent the coins to crypto operator Vexa Holdings last year.", [("Vexa Holdings", "PER")], {"Vexa Holdings": "ORG"}),
        ("He sent the coins to Russian exchange Vexa Trade last year.", [("Vexa Trade", "PER")], {"Vexa Trade": "ORG"}),
    ],
)
def test_a_kind_of_noun_after_a_firms_name_is_a_role(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_a_trial_after_a_names_possessive_is_a_persons(blank):
    text = "Karony's trial followed a sentencing hearing in New York."
    articles, payloads = corpus(blank, [("en", text, [("Karony", "ORG"), ("New York", "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)["Karony"] == "PER"


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Écrit la procureure de la République de Bordeaux, Frédérique Porterie.", "République de Bordeaux", "Bordeaux"),
        ("Annonce le procureur de la République de Marseille dans un communiqué.", "République de Marseille", "Marseille"),
        # the Republic alone or outside a prosecutor's title is left as it is
        ("Le président de la République de Corée est arrivé.", "République de Corée", "République de Corée"),
    ],
)
def test_the_republic_of_a_prosecutors_title_names_the_city(blank, text, span, expected):
    articles, payloads = corpus(blank, [("fr", text, [(span, "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert list(entities["name"]) == [expected]


@pytest.mark.parametrize(
    ("text", "spans", "body"),
    [
        ("Trois avocats du barreau de Nanterre ont été mis en examen.", [("Nanterre", "LOC")], "barreau de Nanterre"),
        ("Résume-t-on à la police judiciaire de Versailles, qui a enquêté.", [("Versailles", "LOC")],
         "police judiciaire de Versailles"),
        ("Une enquête a été menée par la police judiciaire des Hauts-de-Seine.", [("Hauts-de-Seine", "LOC")],
         "police judiciaire des Hauts-de-Seine"),
        ("Ils comparaîtront devant la chambre du conseil d'Anvers le 1er février.", [("Anvers", "LOC")],
         "chambre du conseil d'Anvers"),
        ("Elle a été confiée à la section de recherche de la gendarmerie de Bordeaux.", [("Bordeaux", "LOC")],
         "section de recherche de la gendarmerie de Bordeaux"),
    ],
)
def test_police_bars_and_belgian_courts_are_named_by_their_seat(blank, text, spans, body):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {body: "ORG"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a nationality between the kind and the list, a first name of two words, and "et"
        ("Précisent les quotidiens flamands De Standaard et Het Nieuwsblad.", [("De Standaard", "ORG"), ("Het Nieuwsblad", "PER")],
         {"De Standaard": "ORG", "Het Nieuwsblad": "ORG"}),
        ("He cited the exchanges Vexbit and Coinora Labs.", [("Vexbit", "ORG"), ("Coinora Labs", "PER")],
         {"Vexbit": "ORG", "Coinora Labs": "ORG"}),
        # a lowercase word that is no nationality still ends the kind's reach
        ("Selon les quotidiens dimanche Paul Vexin et Marie Coinor, rien ne bouge.", [("Paul Vexin", "PER"), ("Marie Coinor", "PER")],
         {"Paul Vexin": "PER", "Marie Coinor": "PER"}),
    ],
)
def test_the_names_of_a_pair_after_a_kind_and_a_nationality_are_of_that_kind(blank, text, spans, expected):
    lang = "fr" if " les " in text else "en"
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Russian citizens Georgy Nugzarovich Potapov and Imre Laszloczki were designated.", "Georgy Nugzarovich",
         "Georgy Nugzarovich Potapov"),
        # a patronymic followed by a lowercase word, or a full name, is left as it is
        ("The banker Pyotr Olegovich said nothing.", "Pyotr Olegovich", "Pyotr Olegovich"),
        ("The banker Petr Olegovich Aven said nothing.", "Petr Olegovich Aven", "Petr Olegovich Aven"),
    ],
)
def test_the_surname_after_a_patronymic_joins_the_person(blank, text, span, expected):
    articles, payloads = corpus(blank, [("en", text, [(span, "PER")])])
    _, entities = E.build_entities(articles, payloads)
    assert expected in names(entities) and names(entities)[expected] == "PER"


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a one-word brand the model missed, in a list or before a possessive
        ("The hackers hit CoinEx, Stake and Alphapo in 102 days.", [("Stake", "ORG"), ("Alphapo", "ORG")],
         {"CoinEx": "ORG", "Stake": "ORG", "Alphapo": "ORG"}),
        ("Alarms were raised by CoinEx's risk team on Tuesday.", [], {"CoinEx": "ORG"}),
        # not an acronym-like word, a handle ending in capitals, a name running on, or a longer name's head
        ("Its RaaS model spread fast.", [], {}),
        ("Investigator ZachXBT traced the funds.", [], {}),
        ("They attacked the MoveIt Transfer product.", [], {}),
        ("MineOne Partners Limited bought land; MineOne said little.", [("MineOne Partners Limited", "ORG")],
         {"MineOne Partners Limited": "ORG"}),
    ],
)
def test_a_one_word_brand_the_model_missed_is_added(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected


def test_a_country_is_no_short_form_of_a_firm_named_after_it(blank):
    text = "The bank dealt with Qatar Holding LLC in June, then lent money to Qatar."
    articles, payloads = corpus(blank, [("en", text, [("Qatar Holding LLC", "ORG"), ("Qatar", "GPE")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Qatar Holding LLC": "ORG", "Qatar": "LOC"}
    # a firm's own short name still joins its legal name
    text = "Bitzlato Limited ran the exchange; Bitzlato closed in 2023."
    articles, payloads = corpus(blank, [("en", text, [("Bitzlato Limited", "ORG"), ("Bitzlato", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert len(entities) == 1


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Deux diamantaires de la Hoveniersstraat sont suspectés de faux.", [("Hoveniersstraat", "PER")],
         {"Hoveniersstraat": "LOC"}),
        ("Il vit sur la Friedrichstraße depuis 2010.", [("Friedrichstraße", "ORG")], {"Friedrichstraße": "LOC"}),
        # a word that only contains such an ending is no street
        ("La société Plaatsen a été sanctionnée.", [("Plaatsen", "ORG")], {"Plaatsen": "ORG"}),
    ],
)
def test_a_one_word_dutch_or_german_street_is_a_place(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_the_belgian_procureur_du_roi_is_a_title_not_a_person(blank):
    text = "Un rififi oppose le procureur général et le substitut du procureur du Roi Peter Van Calster."
    articles, payloads = corpus(blank, [("fr", text, [("Roi", "PER"), ("Peter Van Calster", "PER")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Peter Van Calster": "PER"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("L'ancêtre de l'Autorité des marchés financiers actuelle enquêtait.", [("Autorité des marchés financiers actuelle", "ORG")],
         {"Autorité des marchés financiers": "ORG"}),
        # a former body's "ex-" goes, and its generic head alone is no name
        ("L'ex-Conseil supérieur du diamant serait inquiété.", [("ex-Conseil", "ORG")], {}),
        # a former country keeps its name
        ("Un clan venu de l'ex-Yougoslavie a été jugé.", [("ex-Yougoslavie", "LOC")], {"ex-Yougoslavie"}),
    ],
)
def test_words_of_time_at_a_bodys_edges_go(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert (names(entities) if isinstance(expected, dict) else set(names(entities))) == expected


def test_a_department_in_brackets_after_a_body_is_no_acronym(blank):
    text = "Il a été mis en examen par une juge du tribunal judiciaire de Versailles (Yvelines) mercredi."
    articles, payloads = corpus(blank, [("fr", text, [("Versailles", "LOC"), ("Yvelines", "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"tribunal judiciaire de Versailles": "ORG", "Yvelines": "LOC"}


def test_the_tail_of_a_place_name_after_a_particle_is_no_firm(blank):
    text = "Trois hommes ont été arrêtés à Sète et Saint Jean de Vedas, dans l'Hérault."
    articles, payloads = corpus(blank, [("fr", text, [("Sète", "LOC"), ("Saint Jean", "LOC"), ("Vedas", "MISC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)["Vedas"] == "MISC"


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("It breached the Anti-Money Laundering and Counter-Terrorism Financing Act 2006 twice.",
         "Anti-Money Laundering and Counter-Terrorism Financing Act 2006", "MISC"),
        ("It shipped goods to a firm on the Specially Designated Nationals List in Pakistan.",
         "Specially Designated Nationals List", "MISC"),
        ("Banks file Suspicious Activity Reports with the regulator.", "Suspicious Activity Reports", "MISC"),
        ("After Interpol issued a Red Corner Notice, he was detained.", "Red Corner Notice", "MISC"),
        ("The vessels were covered by General License 93, now revoked.", "General License 93", "MISC"),
        ("The regulator published a Final Notice on the bank.", "Final Notice", "MISC"),
        # a year after any other name is no law's
        ("The Class of 2006 Foundation gave grants.", "Class of 2006 Foundation", "ORG"),
        ("Ernst Report Holdings was fined.", "Ernst Report Holdings", "ORG"),
    ],
)
def test_a_law_with_its_year_and_the_lists_and_reports_a_law_sets_up_are_misc(blank, text, span, expected):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {span: expected}


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Interpol issued a Red Notice for three men in the JPEX case.", "JPEX", "ORG"),
        # initials stay what the model said: they often name a person
        ("SBF told the jury he had made mistakes.", "SBF", "PER"),
    ],
)
def test_an_english_word_in_four_capitals_or_more_is_no_person(blank, text, span, expected):
    articles, payloads = corpus(blank, [("en", text, [(span, "PERSON")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {span: expected}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("DUBLIN, April 26 (Reuters) - The bank was fined.", [("DUBLIN", "ORG"), ("Reuters", "ORG")],
         {"DUBLIN": "LOC", "Reuters": "ORG"}),
        ("MUMBAI: The agency searched the offices.", [("MUMBAI", "ORG")], {"MUMBAI": "LOC"}),
        ("NEW DELHI — The agency filed a charge sheet.", [("NEW DELHI", "ORG")], {"NEW DELHI": "LOC"}),
        ("Text of the notice.\nKOLKATA - The bank was fined.", [("KOLKATA", "ORG")], {"KOLKATA": "LOC"}),
        ("The yacht was held at a marina in Palma de Mallorca, Spain in 2022.",
         [("Palma de Mallorca", "ORG"), ("Spain", "GPE")], {"Palma de Mallorca": "LOC", "Spain": "LOC"}),
        # a town's name in a sentence, or in capitals that open no line, stays what the model said
        ("The club said Chelsea, the buyer, paid.", [("Chelsea", "ORG")], {"Chelsea": "ORG"}),
        ("Fans of the club met, and DUBLIN, the band, played.", [("DUBLIN", "ORG")], {"DUBLIN": "ORG"}),
        ("The fans cheered: DUBLIN - the band - played.", [("DUBLIN", "ORG")], {"DUBLIN": "ORG"}),
    ],
)
def test_a_dateline_or_a_town_before_its_country_is_a_place(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a nationality the country's name does not give by its ending is no firm before a kind-of noun
        ("Swiss bank Julius Baer was also penalised.", [("Swiss", "NORP"), ("Julius Baer", "PERSON")],
         {"Swiss": "MISC", "Julius Baer": "ORG"}),
        ("Two Hongkongers, both 29, were detained in Macau.", [("Hongkongers", "ORG"), ("Macau", "GPE")],
         {"Hongkongers": "MISC", "Macau": "LOC"}),
    ],
)
def test_irregular_english_nationality_words_are_nationalities(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize("word", ["Swiss", "Irish", "Dutch", "Hongkongers"])
def test_irregular_english_nationality_words_are_listed(word):
    from helpers.entities.gazetteer import is_demonym

    assert is_demonym(word, lang="en")
    assert not is_demonym(word, lang="fr")


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Financial regulators, such as the Federal Reserve Board, may impose fines.",
         [("Financial", "ORG"), ("the Federal Reserve Board", "ORG")], {"Federal Reserve Board": "ORG"}),
        ("Jane Booker, Associate Director for Enforcement, Financial Crimes Enforcement Network, spoke.",
         [("Jane Booker", "PERSON"), ("Enforcement", "ORG"), ("Financial Crimes Enforcement Network", "ORG")],
         {"Jane Booker": "PER", "Financial Crimes Enforcement Network": "ORG"}),
        # a kind word with a name word is still a name
        ("The Financial Times and the Enforcement Directorate reported it.",
         [("The Financial Times", "ORG"), ("the Enforcement Directorate", "ORG")],
         {"Financial Times": "ORG", "Enforcement Directorate": "ORG"}),
    ],
)
def test_english_kind_words_alone_name_nothing(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("said Nicole M. Argentieri, Principal Deputy Assistant Attorney General of the Criminal Division.",
         [("Nicole M. Argentieri", "PERSON"), ("Principal", "PERSON"), ("Criminal Division", "ORG")],
         {"Nicole M. Argentieri": "PER", "Criminal Division": "ORG"}),
        # the same word opening no title is left to the model
        ("Principal Financial Group bought the fund.", [("Principal", "ORG")], {"Principal": "ORG"}),
        ("Therese Chambers, Joint Executive Director of Enforcement at the FCA, said so.",
         [("Therese Chambers", "ORG"), ("Joint", "ORG"), ("FCA", "ORG")], {"Therese Chambers": "PER", "FCA": "ORG"}),
    ],
)
def test_a_word_qualifying_a_job_title_is_no_name(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_names_after_nationals_are_people(blank):
    text = ("Iranian nationals Alireza Derakhshan and Arash Estaki Alivand bought cryptocurrency. "
            "Derakhshan and Alivand used front companies.")
    spans = [("Iranian", "NORP"), ("Alireza Derakhshan", "PERSON"), ("Arash Estaki Alivand", "ORG"),
             ("Derakhshan", "PERSON"), ("Alivand", "ORG")]
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Iranian": "MISC", "Alireza Derakhshan": "PER", "Arash Estaki Alivand": "PER"}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Colleagues warned him that Bitzlato's customer base consisted of drug traffickers.", "Bitzlato"),
        ("Police seized Bitzlato's servers across Europe.", "Bitzlato"),
        ("Most of Zentrix's users paid in bitcoin.", "Zentrix"),
        ("The regulator said Entain's Australian subsidiary had failed to report.", "Entain"),
        ("Entain's online gambling brands were fined.", "Entain"),
        ("Chambers described Starling's screening controls as lax.", "Starling"),
        # a known place may name the seat of what the firm has
        ("Julius Baer's Singapore branch was fined by the regulator.", "Julius Baer"),
        ("Auditors flagged Pictet's Geneva branch for weak checks.", "Pictet"),
    ],
)
def test_what_only_a_firm_has_after_a_possessive_makes_a_firm(blank, text, span):
    articles, payloads = corpus(blank, [("en", text, [(span, "PERSON")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {span: "ORG"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("They met at the University of Nevada–Las Vegas' gaming institute.",
         [("the University of Nevada", "ORG"), ("Las Vegas'", "GPE")], {"University of Nevada–Las Vegas": "ORG"}),
        # spaced dashes join no campus
        ("Bank of Ireland – Dublin aside – said so.", [("Bank of Ireland", "ORG"), ("Dublin", "GPE")],
         {"Bank of Ireland": "ORG", "Dublin": "LOC"}),
    ],
)
def test_a_place_after_a_bodys_name_and_a_dash_is_its_campus(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("AML/CTF", "concept"), ("KYC/AML", "concept"), ("AML/Binance", None), ("AML & KYC", "concept"),
    ("AML & Binance", None), ("FIR", "concept"), ("FIRs", "concept"), ("VDA", "concept"), ("MLM", "concept"),
    ("Fir Tree Capital", None),
])
def test_concepts_joined_by_a_slash_are_concepts(text, expected):
    from helpers.entities.cleanup import drop_reason
    from helpers.entities.lexicon import load_lexicon

    assert drop_reason(text, load_lexicon("en")) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Toute personne franchissant la frontière avec plus de 100 000 DH en argent doit le déclarer.", "DH"),
        ("Vous devez déclarer les espèces totalisant 10 000 $ CA ou plus.", "CA"),
        ("Le seuil est de 1.193.000 francs CFP pour les territoires concernés.", "CFP"),
    ],
)
def test_french_currency_code_after_an_amount_is_no_organisation(blank, text, code):
    articles, payloads = corpus(blank, [("fr", text, [(code, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert code not in names(entities), names(entities)


def test_french_name_after_a_year_is_kept(blank):
    text = "Fondée en 2017 FTX a fait faillite."
    articles, payloads = corpus(blank, [("fr", text, [("FTX", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get("FTX") == "ORG", names(entities)


def test_swiss_canton_code_after_a_party_is_no_name(blank):
    text = "« La Suisse est à côté de la plaque », a critiqué Yves Nidegger (UDC/GE)."
    articles, payloads = corpus(blank, [("fr", text, [("Yves Nidegger", "PER"), ("UDC", "ORG"), ("GE", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert "GE" not in names(entities) and names(entities).get("UDC") == "ORG", names(entities)


def test_french_token_before_a_name_makes_it_no_firm(blank):
    text = "L'OFAC a accusé Garantex et l'émetteur du token A7A5 de blanchiment."
    articles, payloads = corpus(blank, [("fr", text, [("Garantex", "ORG"), ("A7A5", "MISC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get("A7A5") == "MISC", names(entities)


def test_french_next_portfolio_of_a_title_is_an_office(blank):
    text = "Le ministre délégué auprès du ministre de l'Economie et des Finances, chargé du Budget, Faouzi Lekjaa, l'a dit."
    spans = [("ministre de l'Economie", "ORG"), ("Finances", "ORG"), ("Faouzi Lekjaa", "PER")]
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Faouzi Lekjaa": "PER"}, names(entities)


@pytest.mark.parametrize(
    ("word", "reason"),
    [("Monsieur", "courtesy title"), ("Madame", "courtesy title"), ("Loi", "generic"), ("Web", "stoplist"),
     ("outre-Rhin", "stoplist"), ("outre-Manche", "stoplist")],
)
def test_drop_reason_drops_french_words_that_name_nothing_alone(word, reason):
    lex = E.load_lexicon("fr")
    assert E.drop_reason(word, lex) == reason
    assert E.drop_reason("Loi Sapin", lex) is None


def test_french_project_before_a_name_makes_it_no_firm(blank):
    text = "La société Technip est mise en cause pour son implication dans le projet Arctic LNG."
    articles, payloads = corpus(blank, [("fr", text, [("Technip", "ORG"), ("Arctic LNG", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get("Arctic LNG") == "MISC" and names(entities).get("Technip") == "ORG", names(entities)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("La plateforme a fait de son fondateur globe-trotter Changpeng Zhao un milliardaire.", "Changpeng Zhao", "PER"),
        ("Selon le directeur financier Pavel Orlov, les fonds ont quitté Chypre.", "Pavel Orlov", "PER"),
        # a preposition after the title makes the name its body's
        ("Il a rencontré le fondateur de Binance hier.", "Binance", None),
    ],
)
def test_french_title_and_one_lowercase_word_before_a_name(text, name, label):
    from helpers.entities.cues import context_cue
    from helpers.entities.lexicon import load_lexicon

    start = text.index(name)
    found = context_cue(text, start, start + len(name), load_lexicon("fr"), before_only=True)
    assert found == label if label else found != "PER"


def test_french_of_and_a_country_after_an_english_name_is_a_place(blank):
    text = "Elle fait suite à une décision de la Securities and Exchange Commission des États-Unis qui a annoncé des poursuites."
    articles, payloads = corpus(blank, [("fr", text, [("Securities and Exchange Commission des États-Unis", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Securities and Exchange Commission": "ORG", "États-Unis": "LOC"}, names(entities)


def test_french_name_keeps_its_country_after_de(blank):
    text = "Le département du Trésor des États-Unis a intensifié sa répression."
    articles, payloads = corpus(blank, [("fr", text, [("département du Trésor des États-Unis", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"département du Trésor des États-Unis": "ORG"}, names(entities)


# -- dev13 rules (French-language coverage from Switzerland, Belgium, Luxembourg, Canada and Africa) ----------


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a regional anti-money-laundering group's acronym the model calls a place, its name cut at "contre"
        ("Selon le Groupe d'action contre le blanchiment d'argent en Afrique centrale (Gabac), le pays est exposé.",
         [("Groupe d'action", "ORG"), ("Afrique centrale", "LOC"), ("Gabac", "LOC")],
         {"ORG"}),
        # a financial-intelligence unit's acronym the model calls a person
        ("Les dossiers ont fait l'objet de rapports de la Centif au parquet.", [("Centif", "PER")], {"ORG"}),
        # the central bank of a monetary union
        ("Il faut rappeler que la Bceao a fixé le seuil de déclaration.", [("Bceao", "LOC")], {"ORG"}),
    ],
)
def test_francophone_african_anti_money_laundering_bodies_are_organisations(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert set(entities["label"]) == expected, names(entities)
    assert len(entities) == 1


@pytest.mark.parametrize(
    ("text", "span", "joins"),
    [
        ("Treize perquisitions ont été menées en Belgique et une au Grand-Duché de Luxembourg.", "Grand-Duché de Luxembourg", "Luxembourg"),
        ("Le Nigeria, l'Egypte, l'Ile Maurice et l'Afrique du Sud en sont membres.", "Ile Maurice", "Maurice"),
        ("La Côte d'Ivoire et la Guinée-Conakry n'ont pas encore été évaluées.", "Guinée-Conakry", "Guinée"),
    ],
)
def test_informal_and_official_french_country_names_are_the_country(blank, text, span, joins):
    articles, payloads = corpus(blank, [("fr", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    row = entities.index[entities["name"].str.contains(joins) | entities["aliases"].str.contains(span)][0]
    assert entities.at[row, "label"] == "LOC" and span in forms_of(entities, row), entities.to_dict("records")


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # each half of a slash-joined concept the model tagged apart
        ("Le dispositif de LBC/FT de la Côte d'Ivoire a été évalué.", [("LBC", "ORG"), ("FT", "ORG")]),
        # suspicious-transaction and mutual-evaluation reports, tax and a code's acronym
        ("Sur les 371 Dos effectuées, 300 proviennent des banques.", [("Dos", "ORG")]),
        ("Les recommandations du rapport d'Evaluation Mutuelle (REM) ont été suivies.", [("REM", "ORG")]),
        ("Les escroqueries à la TVA ont augmenté.", [("TVA", "ORG")]),
        ("Il est poursuivi au sens de l'article 305bis du CPS depuis août.", [("CPS", "ORG")]),
        # the CFA franc, documents and the fight in capitals, a state or prosecution service alone
        ("Il a récupéré 600 milliards de F CFA.", [("F CFA", "ORG")]),
        ("Elle a transmis six Rapports au parquet.", [("Rapports", "ORG")]),
        ("Le Royaume s'est doté d'un arsenal législatif.", [("Royaume", "ORG")]),
        ("La Confédération annonce avoir gelé 7,5 milliards.", [("Confédération", "LOC")]),
        ("Elle a transmis 212 dossiers au Ministère public.", [("Ministère public", "ORG")]),
        # a title alone, also of several words
        ("Elle est composée du Gouverneur de la banque.", [("Gouverneur", "ORG")]),
        ("Frédéric Van Leeuw, Procureur Fédéral, était au micro.", [("Procureur Fédéral", "ORG")]),
    ],
)
def test_french_anti_money_laundering_shorthand_and_lone_titles_are_no_names(blank, text, spans):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert not set(entities["name"]) & {s for s, _ in spans}, names(entities)


def test_a_slash_pair_of_names_is_kept(blank):
    text = "Le vol Paris/Genève a été annulé."
    articles, payloads = corpus(blank, [("fr", text, [("Paris", "LOC"), ("Genève", "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert {"Paris", "Genève"} <= set(entities["name"]), names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a reporting verb and a day before the name: the newspaper, whatever the model said
        ("Une somme suspecte a été découverte, rapporte samedi Het Laatste Nieuws.", [("Het Laatste Nieuws", "PER")],
         {"Het Laatste Nieuws": "ORG"}),
        # the second of a pair too
        ("Le réseau recrutait des personnes âgées, écrivent mardi Gazet et Het Nieuwsblad.",
         [("Gazet", "ORG"), ("Het Nieuwsblad", "PER")], {"Gazet": "ORG", "Het Nieuwsblad": "ORG"}),
        # and a name the model missed
        ("La justice a découvert un trafic de diamants, écrit samedi De Tijd, citant des sources.", [], {"De Tijd": "ORG"}),
        # without a day the verb says nothing: a reporter may be named so
        ("Le dossier est vide, écrit Jean Dupont dans sa chronique.", [("Jean Dupont", "PER")], {"Jean Dupont": "PER"}),
    ],
)
def test_a_reporting_verb_and_a_day_make_the_next_name_a_newspaper(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_a_listed_body_written_in_title_case_is_one_name(blank):
    text = "Nous auditionnons le chef de l'Office Central de Lutte contre la Corruption et les Infractions Financières et Fiscales hier."
    spans = [("Office Central de Lutte contre la Corruption", "ORG"), ("Infractions Financières", "ORG"), ("Fiscales", "ORG")]
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    full = "Office Central de Lutte contre la Corruption et les Infractions Financières et Fiscales"
    assert names(entities) == {full: "ORG"}, entities.to_dict("records")


def test_a_listed_capital_is_never_lowered(blank):
    from helpers.entities.gazetteer import find_bodies

    assert list(find_bodies("le conseil fédéral de la fédération de football")) == []
    assert list(find_bodies("le Conseil fédéral a décidé")) == [(3, 18)]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # the Belgian federal police and its judicial units named by their seat are one organisation
        ("Un agent de la police fédérale de Bruxelles a été placé sous mandat d'arrêt.", [("Bruxelles", "LOC")],
         {"police fédérale de Bruxelles": "ORG"}),
        ("Sous la direction de la police judiciaire fédérale du Limbourg, ils ont perquisitionné.", [("Limbourg", "ORG")],
         {"police judiciaire fédérale du Limbourg": "ORG"}),
        ("Des représentants de la PJF du Limbourg ont parlé à la presse.", [("PJF", "ORG")], {"PJF du Limbourg": "ORG"}),
    ],
)
def test_belgian_police_units_named_by_their_seat_are_one_body(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_the_place_after_procureur_du_roi_is_the_place(blank):
    text = "Ont parlé le parquet fédéral et le procureur du Roi du Limbourg, qui enquête dans le Limbourg."
    articles, payloads = corpus(blank, [("fr", text, [("Roi du Limbourg", "ORG"), ("Limbourg", "LOC", 1)])])
    _, entities = E.build_entities(articles, payloads)
    assert "Roi du Limbourg" not in set(entities["name"]) and names(entities).get("Limbourg") == "LOC", names(entities)


@pytest.mark.parametrize(
    ("text", "seat"),
    [
        ("Ils agissaient sur commission rogatoire d’une juge d’instruction de Foix, chargée de l’enquête.", "Foix"),
        ("L’enquête est dirigée par la juge d'instruction d'Audenarde depuis mai.", "Audenarde"),
        ("Le juge d’instruction de Saint-Gaudens a ordonné trois perquisitions.", "Saint-Gaudens"),
        ("Les juges de Nanterre ont renvoyé l’affaire.", "Nanterre"),
    ],
)
def test_the_town_after_a_judge_is_the_seat_of_the_court(blank, text, seat):
    articles, payloads = corpus(blank, [("fr", text, [(seat, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {seat: "LOC"}


@pytest.mark.parametrize(
    "text",
    [
        "1 Est puni d’une amende de 500 000 francs au plus celui qui enfreint l’obligation.",
        "Art. 12\n2 Si l’auteur agit par négligence, il est puni d’une amende.",
        "3 Sont punis des arrêts ceux qui refusent de fournir les documents.",
    ],
)
def test_a_law_paragraph_figure_and_its_first_word_is_no_name(blank, text):
    surface = text.split("\n")[-1].split(" ", 2)
    articles, payloads = corpus(blank, [("fr", text, [(" ".join(surface[:2]), "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert entities.empty, names(entities)


def test_a_figure_before_a_noun_at_a_line_start_stays_a_name(blank):
    text = "3 Suisses a fermé ses entrepôts."
    articles, payloads = corpus(blank, [("fr", text, [("3 Suisses", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"3 Suisses": "ORG"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Il doit être déclaré auprès de l’Administration des douanes et accises. Une règle valable.",
         [("Administration des douanes", "ORG")], {"Administration des douanes et accises": "ORG"}),
        ("La Direction générale des douanes et accises a saisi 3 kilos.",
         [("Direction générale des douanes", "ORG")], {"Direction générale des douanes et accises": "ORG"}),
        ("L’Administration générale de la Fiscalité a écrit aux contribuables.",
         [("Fiscalité", "ORG")], {"Administration générale de la Fiscalité": "ORG"}),
    ],
)
def test_an_administration_and_its_excise_domain_are_one_body(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("L’équivalent de 17% du Produit intérieur brut (Pib) et 63% de la dette extérieure.", "Produit intérieur"),
        ("Le Produit national brut a reculé de 2 %.", "Produit national brut"),
        ("La dette atteint 60 % du PIB du pays.", "PIB"),
    ],
)
def test_a_national_accounts_aggregate_is_no_body(blank, text, surface):
    articles, payloads = corpus(blank, [("fr", text, [(surface, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert entities.empty, names(entities)


@pytest.mark.parametrize(
    ("text", "title", "rest"),
    [
        ("Le procureur du parquet financier El hadji Alloune Abdoulaye SYLLA a parlé.", "El", "Alloune Abdoulaye SYLLA"),
        ("Selon le ministre El Hadji Malick Diop, l’enquête avance.", "El", "Malick Diop"),
        ("Le président El Hadj Amadou Ba a démissionné.", "El", "Amadou Ba"),
    ],
)
def test_the_pilgrim_title_before_a_person_is_part_of_the_name(blank, text, title, rest):
    articles, payloads = corpus(blank, [("fr", text, [(title, "ORG"), (rest, "PER")])])
    _, entities = E.build_entities(articles, payloads)
    full = text[text.index(title):text.index(rest) + len(rest)]
    assert names(entities) == {full: "PER"}


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("S'agissant de l'opération Hadj organisée par les agences de voyages, l'Office précise les règles.",
         [("opération Hadj", "MISC")]),
        ("Le document prouve que la personne est retenue pour effectuer le Hajj.", [("le Hajj", "PER")]),
        ("La dotation au titre de la Omra est fixée à 10.000 dirhams.", [("Omra", "ORG")]),
        ("Les agences organisent chaque année l'Umrah pour des milliers de pèlerins.", [("Umrah", "ORG")]),
    ],
)
def test_a_pilgrimage_named_alone_is_no_body(blank, text, spans):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert entities.empty, names(entities)


def test_a_person_named_after_a_pilgrimage_stays_a_person(blank):
    text = "Le ministre Mohamed Hadj Ali a présenté le plan."
    articles, payloads = corpus(blank, [("fr", text, [("Mohamed Hadj Ali", "PER")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Mohamed Hadj Ali": "PER"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Une lettre au président du Groupement professionnel des banques du Maroc à ce sujet.",
         [("Groupement professionnel des banques du", "ORG"), ("Maroc", "LOC")],
         "Groupement professionnel des banques du Maroc"),
        ("Une copie au président de la Fédération nationale des agences de voyages du Maroc.",
         [("Fédération nationale des agences de voyages du", "ORG"), ("Maroc", "LOC")],
         "Fédération nationale des agences de voyages du Maroc"),
        ("L’autorité a collaboré avec le Ministère public de la Confédération suisse dans ses procédures.",
         [("Ministère public de la", "ORG"), ("Confédération suisse", "LOC")],
         "Ministère public de la Confédération suisse"),
        ("Le rapport de l'Association des banques d'Haïti est paru.",
         [("Association des banques d'", "ORG"), ("Haïti", "LOC")], "Association des banques d'Haïti"),
    ],
)
def test_a_french_body_the_model_ended_with_de_runs_on_into_its_next_span(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {expected: "ORG"}


def test_a_french_body_the_model_closed_before_de_keeps_the_place_apart(blank):
    text = "Le rapport de l'Association des banques du Maroc est paru."
    articles, payloads = corpus(blank, [("fr", text, [("Association des banques", "ORG"), ("Maroc", "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Association des banques": "ORG", "Maroc": "LOC"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Il est enregistré au nom d'une compagnie aux îles Caïmans, un paradis fiscal.",
         [("îles Caïmans", "LOC")], "îles Caïmans"),
        ("Sept yachts se trouveraient dans l'océan Indien, dit Forbes.", [("océan Indien", "LOC")], "océan Indien"),
        ("Le pétrolier a été arraisonné dans le golfe Persique hier.", [("Persique", "LOC")], "golfe Persique"),
        ("Le méthanier croisait en mer Baltique depuis une semaine.", [("mer Baltique", "ORG")], "mer Baltique"),
    ],
)
def test_a_natural_features_generic_is_part_of_the_place_name(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {expected: "LOC"}


def test_an_administrative_kind_before_a_place_stays_out_of_its_name(blank):
    text = "Les deux hommes vivaient dans le district Pershamajski de Minsk."
    articles, payloads = corpus(blank, [("fr", text, [("district Pershamajski", "LOC"), ("Minsk", "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert "Pershamajski" in set(entities["name"]), names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Le Service des enquêtes sur l'intégrité financière de la Sûreté du Québec a obtenu des ordonnances.",
         [("Service des enquêtes", "ORG"), ("Sûreté du Québec", "ORG")],
         {"Service des enquêtes sur l'intégrité financière": "ORG", "Sûreté du Québec": "ORG"}),
        ("Le Service des enquêtes sur la criminalité financière organisée a démantelé un réseau.",
         [("Service des enquêtes sur la criminalité", "ORG")],
         {"Service des enquêtes sur la criminalité financière organisée": "ORG"}),
        ("L'Autorité des marchés financiers sur la base des éléments recueillis a ouvert une enquête.",
         [("Autorité des marchés financiers", "ORG")], {"Autorité des marchés financiers": "ORG"}),
    ],
)
def test_a_body_and_its_remit_after_sur_are_one_name(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_an_acronym_after_a_unit_and_its_force_spells_the_unit(blank):
    text = ("Le Service des enquêtes sur la criminalité financière organisée de la Sûreté du Québec (SECFO) a "
            "démantelé un réseau.")
    spans = [("Service des enquêtes sur la criminalité", "ORG"), ("Sûreté du Québec", "ORG"), ("SECFO", "ORG")]
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    forms = [{row["name"], *filter(None, row["aliases"].split("; "))} for _, row in entities.iterrows()]
    assert {"SECFO", "Service des enquêtes sur la criminalité financière organisée"} in forms, forms
    assert {"Sûreté du Québec"} in forms, forms


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Le Parquet du Pool judiciaire financier du Sénégal a ouvert une enquête.",
         [("Parquet du Pool", "LOC"), ("Sénégal", "LOC")],
         {"Parquet du Pool judiciaire financier": "ORG", "Sénégal": "LOC"}),
        ("Le dossier est instruit par le Tribunal du Pôle judiciaire spécialisé depuis mars.",
         [("Tribunal du Pôle", "ORG")], {"Tribunal du Pôle judiciaire spécialisé": "ORG"}),
        ("Le Parquet du Pool sénégalais a tranché hier.", [("Parquet du Pool", "ORG")],
         {"Parquet du Pool": "ORG"}),
    ],
)
def test_a_name_closed_by_a_head_takes_the_heads_adjectives(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("La somme a été versée dans le compte du Trésorier général du Sénégal.",
         [("Trésorier", "PER"), ("Sénégal", "LOC")], {"Sénégal": "LOC"}),
        ("Le Trésorier-payeur général a signé l'ordre de paiement.", [("Trésorier-payeur général", "PER")], {}),
        ("Selon la trésorière Anne Dubois, les comptes sont à jour.", [("Anne Dubois", "ORG")], {"Anne Dubois": "PER"}),
    ],
)
def test_a_public_accountants_title_names_no_one_and_cues_the_holder(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "dweller"),
    [
        ("Les têtes du réseau, le Lavallois Mohamad Jaber et un complice, ont été arrêtées.",
         [("Lavallois", "LOC"), ("Mohamad Jaber", "PER")], "Lavallois"),
        ("La Marseillaise Anne Dubois a été condamnée.", [("Marseillaise", "ORG"), ("Anne Dubois", "PER")], "Marseillaise"),
        ("Il accuse le Bordelais Jean Morel d'avoir blanchi les fonds.", [("Bordelais", "ORG"), ("Jean Morel", "PER")],
         "Bordelais"),
    ],
)
def test_an_inhabitants_noun_before_a_person_is_no_place_nor_body(blank, text, spans, dweller):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(dweller) == "MISC", names(entities)


def test_a_newspaper_named_like_inhabitants_keeps_its_label(blank):
    text = "Selon le Parisien, Jean Morel a démissionné."
    articles, payloads = corpus(blank, [("fr", text, [("Parisien", "ORG"), ("Jean Morel", "PER")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Parisien": "ORG", "Jean Morel": "PER"}


@pytest.mark.parametrize(
    ("text", "spans", "code"),
    [
        ("Les responsables de l'enquête Collecteur de la Gendarmerie royale du Canada ont parlé.",
         [("Collecteur", "MISC"), ("Gendarmerie royale du Canada", "ORG")], "Collecteur"),
        ("Le réseau a été démantelé mardi. Baptisée Collecteur, cette vaste enquête a mené à 14 arrestations.",
         [("Baptisée Collecteur", "LOC")], "Collecteur"),
        ("Les policiers de l'opération Chrysalide ont saisi trois voitures.", [("Chrysalide", "ORG")], "Chrysalide"),
        ("Surnommée Hantise, l'opération a visé un réseau de fraudeurs.", [("Surnommée Hantise", "ORG")], "Hantise"),
    ],
)
def test_an_inquirys_code_name_is_no_body(blank, text, spans, code):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(code) == "MISC", names(entities)


def test_a_firm_after_an_inquiry_and_a_verb_keeps_its_label(blank):
    text = "L'enquête visant Binance a été ouverte en 2021."
    articles, payloads = corpus(blank, [("fr", text, [("Binance", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Binance": "ORG"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Les fonds avaient transité par la banque Bordier & Cie à Genève.", [("banque Bordier & Cie", "ORG")],
         {"Bordier & Cie": "ORG"}),
        ("La banque Wegelin s'était sabordée en 2012.", [("banque Wegelin", "ORG")], {"Wegelin": "ORG"}),
        ("Le fonds Abraaj a été liquidé à Dubaï.", [("fonds Abraaj", "ORG")], {"Abraaj": "ORG"}),
        ("Selon le ministère de l'Intérieur, la dotation est accordée.", [("ministère de l'Intérieur", "ORG")],
         {"ministère de l'Intérieur": "ORG"}),
    ],
)
def test_a_lowercase_kind_before_a_firms_name_is_no_part_of_it(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Son rachat par le gérant zurichois EFG International sera finalisé.", [("EFG International", "PER")],
         {"EFG International": "ORG"}),
        ("Le rapport du courtier londonien Marex Securities est paru.", [("Marex Securities", "PER")],
         {"Marex Securities": "ORG"}),
        ("Le fondateur globe-trotter Changpeng Zhao a quitté son poste.", [("Changpeng Zhao", "ORG")],
         {"Changpeng Zhao": "PER"}),
    ],
)
def test_a_title_and_a_word_before_a_name_ending_in_a_firms_word_name_the_firms_kind(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Seront appliquées les dispositions prévues dans l'article 57 du PLF2026 sans plafond.", "PLF2026"),
        ("Le règlement sur les pénalités administratives en vertu de la LRPCFAT est entré en vigueur.", "LRPCFAT"),
        ("L'amende est prévue aux articles 37 et 38 de la LBA depuis 2016.", "LBA"),
    ],
)
def test_a_law_cited_by_an_article_or_as_a_legal_basis_is_no_body(blank, text, surface):
    articles, payloads = corpus(blank, [("fr", text, [(surface, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(surface) != "ORG", names(entities)


def test_a_body_after_a_preposition_keeps_its_label(blank):
    text = "Le dossier a été transmis en vertu d'un accord avec la FINMA."
    articles, payloads = corpus(blank, [("fr", text, [("FINMA", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"FINMA": "ORG"}


def test_a_long_laws_short_name_in_guillemets_is_the_law(blank):
    text = ("Les entités doivent se conformer à la Loi sur le recyclage des produits de la criminalité et le "
            "financement des activités terroristes (la « LRPCFAT »). La LRPCFAT prévoit des pénalités.")
    spans = [("Loi sur le recyclage des produits de la criminalité", "MISC"), ("LRPCFAT", "ORG"), ("LRPCFAT", "ORG", 1)]
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert set(entities["label"]) == {"MISC"}, names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Le département d'Ahmed Toufiq vient d'obtenir l'aval de l'Office.", [("Ahmed Toufiq", "PER")],
         {"Ahmed Toufiq": "PER"}),
        ("Le département de Marco Rubio a publié la liste.", [("Marco Rubio", "PER")], {"Marco Rubio": "PER"}),
        ("Il vit dans le département de l'Hérault depuis dix ans.", [("Hérault", "LOC")], {"Hérault": "LOC"}),
    ],
)
def test_a_ministers_department_sets_no_place(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # the last of a list of places, which the model called a person
        ("Ils ont perquisitionné à Genk, Maasmechelen, Hasselt, Bilzen et Pelt.",
         [("Genk", "LOC"), ("Maasmechelen", "LOC"), ("Hasselt", "LOC"), ("Bilzen", "LOC"), ("Pelt", "PER")], "LOC"),
        # a town opening a list, which the one-word-MISC rule read as a firm
        ("Ils ont procédé à des perquisitions sur Cannes, Nice, Toulouse et Bruxelles.",
         [("Cannes", "MISC"), ("Nice", "LOC"), ("Toulouse", "LOC"), ("Bruxelles", "LOC")], "LOC"),
    ],
)
def test_a_french_name_in_a_list_of_places_is_a_place(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert set(names(entities).values()) == {expected}, names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "name", "label"),
    [
        # a person after a place and a comma, a firm after "de" and the places before it, an agency in brackets
        ("À Paris, Vexlan Dorimo a déclaré que tout allait bien.", [("Paris", "LOC"), ("Vexlan", "PER")], "Vexlan", "PER"),
        ("Les filiales d'Afriland au Cameroun et en Guinée équatoriale, d'Ecobank au Cameroun et en Centrafrique.",
         [("Afriland", "ORG"), ("Cameroun", "LOC"), ("Guinée équatoriale", "LOC"), ("Ecobank", "ORG"), ("Cameroun", "LOC", 1),
          ("Centrafrique", "LOC")], "Ecobank", "ORG"),
        ("PARIS, 3 mars (Reuters) - La banque a annoncé.", [("PARIS", "LOC"), ("Reuters", "ORG")], "Reuters", "ORG"),
    ],
)
def test_a_name_next_to_places_but_not_in_their_list_keeps_its_label(blank, text, spans, name, label):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)[name] == label, names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # the Confederation of a Swiss federal title is the office, its holder the person after it
        ("Le Procureur général de la Confédération Stefan Blättler a rencontré son homologue.",
         [("Confédération Stefan Blättler", "ORG")], {"Stefan Blättler": "PER"}),
        # a title opening the model's person span is no part of the name
        ("Le Président COULIBALY Adama et son équipe recensent les recommandations.",
         [("Président COULIBALY Adama", "PER")], {"COULIBALY Adama": "PER"}),
        # the adjective of a title left alone once the title is cut
        ("Frédéric Van Leeuw, Procureur Fédéral, était au micro.",
         [("Frédéric Van Leeuw", "PER"), ("Procureur Fédéral", "PER")], {"Frédéric Van Leeuw": "PER"}),
    ],
)
def test_french_titles_before_a_holder_and_left_alone(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a name made an adjective by a lowercase prefix is no mention
        ("Il diffuse une propagande pro-Poutine via le quotidien Kommersant.", [("pro-Poutine", "PER"), ("Kommersant", "ORG")],
         {"Kommersant": "ORG"}),
        # a concept acronym and its de head no name: the body after it is the name
        ("Les transferts vers les autres CRF de l'Union européenne augmentent.", [("CRF de l'Union européenne", "ORG")],
         {"Union européenne": "ORG"}),
        # a building and de: the place after it
        ("Le groupe a été créé au palais d'Egmont-Arenberg en juin 1995.", [("Egmont-Arenberg", "ORG")],
         {"Egmont-Arenberg": "LOC"}),
    ],
)
def test_prefixed_adjectives_concept_heads_and_buildings(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_a_persons_initials_in_brackets_are_the_person(blank):
    text = "Il avait été aidé par le financier émirati, Khadem Al Qubaisi (KAQ), avant d'être condamné."
    articles, payloads = corpus(blank, [("fr", text, [("Khadem Al Qubaisi", "PER"), ("KAQ", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Khadem Al Qubaisi": "PER"} and "KAQ" in aliases_of(entities, "Khadem Al Qubaisi")


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # the second of a pair after a first name with a particle inside, which the model missed and is found whole
        ("Le réseau recrutait des personnes âgées, écrivent mardi Gazet van Antwerpen et Het Nieuwsblad.",
         [("Het Nieuwsblad", "PER")], {"Gazet van Antwerpen": "ORG", "Het Nieuwsblad": "ORG"}),
        # the verb right before the name and its sources after it
        ("Les services enquêtent sur ces comptes, a appris Hespress de sources bien informées.", [("Hespress", "PER")],
         {"Hespress": "ORG"}),
    ],
)
def test_a_reporting_verb_names_a_newspaper_after_a_pair_or_before_its_sources(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a Swiss town's canton code in brackets is no name of its own
        ("Il appartiendrait à un oligarque domicilié à Saint-Moritz (GR), selon la presse.",
         [("Saint-Moritz", "LOC"), ("GR", "LOC")], {"Saint-Moritz": "LOC"}),
        # but a firm's acronym in brackets stays, the firm's short name
        ("Les turbines de General Electric (GE) ont été livrées.", [("General Electric", "ORG"), ("GE", "ORG")],
         {"GE": "ORG"}),
        # a court named by its acronym and seat is one body
        ("Sur commission rogatoire d'une juge d'instruction près le TGI de Foix, les gendarmes ont perquisitionné.",
         [("TGI", "MISC"), ("Foix", "LOC")], {"TGI de Foix": "ORG"}),
    ],
)
def test_canton_codes_after_a_town_and_courts_named_by_acronym_and_seat(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_a_district_in_brackets_after_its_town_is_a_place(blank):
    text = "Deux policiers de Charleroi (Roux) ont été libérés sous conditions."
    articles, payloads = corpus(blank, [("fr", text, [("Charleroi", "LOC"), ("Roux", "PER")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Charleroi": "LOC", "Roux": "LOC"}


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # the rest of a double surname in capitals joins the person
        ("Sur commission rogatoire de Mme Catherine OSTENGO MULLER, juge d'instruction, ils ont agi.", "Catherine OSTENGO",
         "Catherine OSTENGO MULLER"),
        # a known body in capitals after the name does not
        ("Le dossier de Jean DUPONT OFAC a été transmis.", "Jean DUPONT", "Jean DUPONT"),
    ],
)
def test_a_double_surname_in_capitals_is_one_person(blank, text, span, expected):
    articles, payloads = corpus(blank, [("fr", text, [(span, "PER")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(expected) == "PER", names(entities)


@pytest.mark.parametrize(
    ("lang", "text", "spans", "place"),
    [
        ("fr", "Le tribunal a condamné la banque Edmond de Rothschild (Europe) S.A. à une confiscation.",
         [("Edmond de Rothschild", "ORG"), ("Europe", "LOC")], "Europe"),
        ("en", "The regulator fined Coinbase Europe (UK) Ltd for its controls.", [("Coinbase Europe", "ORG"), ("UK", "LOC")], "UK"),
    ],
)
def test_a_place_in_brackets_before_a_legal_form_is_part_of_the_firm(blank, lang, text, spans, place):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert place not in set(entities["name"]) and set(entities["label"]) == {"ORG"}, names(entities)


def test_a_place_in_brackets_without_a_legal_form_stays(blank):
    text = "Le diamantaire vivait à Anvers (Belgique) depuis vingt ans."
    articles, payloads = corpus(blank, [("fr", text, [("Anvers", "LOC"), ("Belgique", "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Anvers": "LOC", "Belgique": "LOC"}
@pytest.mark.parametrize(
    ("form", "same_as"),
    [
        ("U.S. Justice Department", "Department of Justice"),
        ("US Justice Department", "Justice Department"),
        ("US Department of the Treasury", "Treasury Department"),
        ("US State Department", "State Department"),
        ("US Securities and Exchange Commission", "SEC"),
    ],
)
def test_a_federal_body_written_with_the_country_first_is_the_body(form, same_as):
    from helpers.entities.gazetteer import lookup

    found, known = lookup(form), lookup(same_as)
    assert found is not None and known is not None and found.ref == known.ref and found.label == "ORG"


def test_the_us_justice_department_is_one_body_not_a_place_and_a_body(blank):
    text = "Two of the bank's units pleaded guilty. The U.S. Justice Department later released a statement."
    articles, payloads = corpus(blank, [("en", text, [("The U.S. Justice Department", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"U.S. Justice Department": "ORG"}


@pytest.mark.parametrize(
    "kin",
    ["stepdaughter", "son-in-law", "nephew", "granddaughter", "ex-wife"],
)
def test_a_relative_after_a_possessive_makes_the_name_a_person(kin):
    from helpers.entities.cues import context_cue
    from helpers.entities.lexicon import load_lexicon

    text = f"Those sanctioned include Lavrov's {kin} Polina Kovaleva, who owns a house in London."
    start = text.index("Lavrov")
    assert context_cue(text, start, start + len("Lavrov"), load_lexicon("en")) == "PER"


def test_a_relative_after_a_possessive_overrides_the_model_s_firm(blank):
    text = "Those sanctioned include Herman Gref of Sberbank and Lavrov's stepdaughter Polina Kovaleva."
    spans = [("Herman Gref", "PERSON"), ("Sberbank", "ORG"), ("Lavrov", "ORG"), ("Polina Kovaleva", "PERSON")]
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get("Lavrov") == "PER"


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("Following Garantex's exit from the market, a new exchange emerged.", "Following Garantex", "Garantex"),
        ("Despite Binance's pledge, the flows went on.", "Despite Binance", "Binance"),
        ("During Operation Endgame the servers were seized.", "During Operation Endgame", "Operation Endgame"),
    ],
)
def test_a_sentence_opening_preposition_leaves_the_name(blank, text, span, name):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert list(names(entities)) == [name]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Goodarzi is charged with smuggling unmanned aerial vehicle (UAV) parts to Iran. The UAV parts were seized.",
         [("Goodarzi", "PERSON"), ("UAV", "ORG"), ("Iran", "GPE"), ("UAV", "ORG")], {"Goodarzi": "PER", "Iran": "LOC"}),
        ("The bank ran a weak anti-money laundering (AML) programme, the FCA said.",
         [("AML", "ORG"), ("FCA", "ORG")], {"FCA": "ORG"}),
        ("It failed to report international funds transfer instructions (IFTIs) to AUSTRAC.",
         [("IFTIs", "ORG"), ("AUSTRAC", "ORG")], {"AUSTRAC": "ORG"}),
        # a capitalised long form is a name, and its acronym stays
        ("The Financial Action Task Force (FATF) met in Paris.",
         [("The Financial Action Task Force", "ORG"), ("FATF", "ORG"), ("Paris", "GPE")],
         {"FATF": "ORG", "Paris": "LOC"}),
    ],
)
def test_an_acronym_that_lowercase_words_define_is_no_name(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("The warrant centers on a Boeing 787-8 Dreamliner that belongs to the oligarch.", "Boeing", "MISC"),
        ("The airline ordered ten Airbus A320 jets last year.", "Airbus", "MISC"),
        ("A Gulfstream G650ER was flown to Moscow in March.", "Gulfstream", "MISC"),
        # a year or an amount after a firm is no model
        ("Boeing 2023 results beat forecasts, the firm said.", "Boeing", "ORG"),
        ("Binance 20,000 users were hit, the firm said.", "Binance", "ORG"),
    ],
)
def test_a_maker_s_name_before_a_model_designation_is_a_product(blank, text, span, label):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(span) == label


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("Bids are coming in for the Malta-flag MY Axioma, arrested last March.", "MY Axioma", "MY Axioma"),
        ("The M/Y Amadea left Fiji on Tuesday.", "Amadea", "Amadea"),
        ("Police boarded the SY Black Pearl in Montenegro.", "SY Black Pearl", "SY Black Pearl"),
    ],
)
def test_a_name_after_a_ship_prefix_is_a_vessel(blank, text, span, name):
    articles, payloads = corpus(blank, [("en", text, [(span, "PERSON")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(name) == "MISC"


def test_a_ship_prefix_needs_a_name_after_it(blank):
    text = "MY FIRM said on Monday that Axioma Partners was sold."
    articles, payloads = corpus(blank, [("en", text, [("Axioma Partners", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get("Axioma Partners") == "ORG"


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("A villa on Lake Como owned by a TV host was seized.", "Lake Como", "LOC"),
        ("The hotel near Mont Blanc was frozen by the authorities.", "Mont Blanc", "LOC"),
        # the subject of a verb, with no word of place, keeps the model's firm ("Lake Elsinore", a casino)
        ("Lake Elsinore operated for years without a licence.", "Lake Elsinore", "ORG"),
    ],
)
def test_a_lake_or_a_mountain_after_a_word_of_place_is_a_place(blank, text, span, label):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(span) == label


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("After the Western countries imposed a price cap, Russia built its own fleet.",
         [("Western", "GPE"), ("Russia", "GPE")], {"Russia": "LOC"}),
        ("A villa owned by the Russian state TV host Vladimir Soloviev was seized.",
         [("TV", "GPE"), ("Vladimir Soloviev", "PERSON")], {"Vladimir Soloviev": "PER"}),
        # a firm's name with the word in it stays
        ("Western Union paid the fine, the regulator said.", [("Western Union", "ORG")], {"Western Union": "ORG"}),
    ],
)
def test_a_compass_adjective_or_tv_alone_is_no_name(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {k: v for k, v in names(entities).items() if v != "MISC"} == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("But Brigadier-General Qiliho said the investigation may take some time.", "Brigadier-General Qiliho",
         {"Qiliho": "PER"}),
        ("Police Commissioner Brigadier-General Sitiveni Qiliho confirmed the seizure.",
         "Police Commissioner Brigadier-General Sitiveni Qiliho", {"Sitiveni Qiliho": "PER"}),
        ("Colonel Ivan Petrov ran the procurement network.", "Colonel Ivan Petrov", {"Ivan Petrov": "PER"}),
        # "General" alone and "Inspector General" open bodies' names
        ("General Motors paid the fine.", "General Motors", {"General Motors": "ORG"}),
    ],
)
def test_a_rank_before_a_name_makes_the_officer_a_person(blank, text, span, expected):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("The US Treasury acted on Thursday, Censor.NET reports citing Ukrinform.",
         [("Censor", "ORG"), ("NET", "ORG"), ("Ukrinform", "ORG")], {"Censor.NET": "ORG", "Ukrinform": "ORG"}),
        ("The exchange ran its site at Garantex.io until March.", [("Garantex", "ORG")], {"Garantex.io": "ORG"}),
        # a sentence's period before a capitalised word is no address
        ("He joined Binance. Net flows rose after that.", [("Binance", "ORG")], {"Binance": "ORG"}),
        # a country's exchange, whose name the model called a place and its country a place
        ("Regulators dropped cases against exchanges, including Binance.US, Coinbase and Kraken.",
         [("Binance", "GPE"), ("US", "GPE"), ("Coinbase", "ORG"), ("Kraken", "ORG")],
         {"Binance.US": "ORG", "Coinbase": "ORG", "Kraken": "ORG"}),
        ("The site Lenta.ru ran the story.", [("Lenta", "ORG"), ("ru", "ORG")], {"Lenta.ru": "ORG"}),
    ],
)
def test_a_firm_written_as_a_web_address_is_one_name(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {k: v for k, v in names(entities).items() if k != "US Treasury"} == expected


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("The indictment names Aleksej Besciokov, a 46-year-old Lithuanian, who resides in Russia.", "Besciokov", "PER"),
        ("It also targets Mira Serda, 40-year-old co-founder of the exchange.", "Mira Serda", "PER"),
        # a firm's age is no person's
        ("Rosneft said Acme, a 40-year-old company, had been sold.", "Acme", None),
    ],
)
def test_an_age_in_an_apposition_makes_the_name_a_person(text, name, label):
    from helpers.entities.cues import context_cue
    from helpers.entities.lexicon import load_lexicon

    start = text.index(name)
    assert context_cue(text, start, start + len(name), load_lexicon("en")) == label



# ---------------------------------------------------------------------------
# dev15 and dev16 French classes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "joins"),
    [
        ("Les sommes transportées à destination de la Principauté de Monaco sont déclarées.", "Principauté de Monaco", "Monaco"),
        ("Une société immatriculée dans la Principauté du Liechtenstein a été visée.", "Principauté du Liechtenstein",
         "Liechtenstein"),
        ("Le Royaume du Maroc a renforcé son dispositif de lutte contre le blanchiment.", "Royaume du Maroc", "Maroc"),
    ],
)
def test_formal_french_state_names_are_the_country(blank, text, span, joins):
    articles, payloads = corpus(blank, [("fr", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    row = entities.index[entities["name"].str.contains(joins) | entities["aliases"].str.contains(span)][0]
    assert entities.at[row, "label"] == "LOC" and span in forms_of(entities, row), entities.to_dict("records")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("On parle de yachts, de villas sur la Côte d'Azur et de jets privés.", "Côte d'Azur"),
        ("Il possède une propriété sur la Côte d’Azur depuis 2010.", "Côte d’Azur"),
    ],
)
def test_french_regions_named_as_places_are_places(blank, text, span):
    articles, payloads = corpus(blank, [("fr", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert list(entities["label"]) == ["LOC"], entities.to_dict("records")


def test_a_bank_named_after_a_region_stays_a_bank(blank):
    text = "Une amende a été prononcée contre la Banque Populaire Côte d'Azur en 2013."
    articles, payloads = corpus(blank, [("fr", text, [("Banque Populaire Côte d'Azur", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Banque Populaire Côte d'Azur": "ORG"}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Une dotation supplémentaire de 30 % de l'IR est accordée.", "IR"),
        ("Le patrimoine immobilier est soumis à l'IFI au-delà de 1,3 million.", "IFI"),
        ("Washington accuse, et les Occidentaux allaient traquer les biens des oligarques.", "Occidentaux"),
        ("Selon l'Office dirigé par Hassan Boulaknadel, les mesures sont libérales.", "Office"),
        ("Ces pays font partie de l'Espace unique de paiements en euros (SEPA).", "Espace"),
        ("Selon la version 2022 de l'Instruction générale des opérations de change, la dotation passe.",
         "Instruction générale des opérations"),
    ],
)
def test_french_taxes_group_words_generic_words_and_instructions_are_no_organisations(blank, text, span):
    articles, payloads = corpus(blank, [("fr", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert "ORG" not in set(entities["label"]), entities.to_dict("records")


@pytest.mark.parametrize("word", ["Occidental", "Occidentale", "Occidentaux", "Occidentales"])
def test_is_demonym_reads_french_group_words_and_their_plural_in_aux(word):
    from helpers.entities.gazetteer import is_demonym

    assert is_demonym(word, lang="fr")


def test_the_french_public_treasury_is_one_body_the_model_cut(blank):
    text = "Pour les règlements aux guichets du Trésor public, les règlements sont plafonnés à 300€."
    articles, payloads = corpus(blank, [("fr", text, [("Trésor", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Trésor public": "ORG"}


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("Anna a 33 ans et habite Puteaux, elle est consultante.", "Anna", "MISC"),
        ("Sergueï Volkov, 45 ans, a été mis en examen jeudi.", "Sergueï Volkov", "ORG"),
        ("Le gérant, Karim Benali, âgé de 52 ans, a reconnu les faits.", "Karim Benali", "LOC"),
        ("Le principal suspect, Dmitri Orlov (61 ans), est en fuite.", "Dmitri Orlov", "ORG"),
    ],
)
def test_context_cue_reads_a_french_age_after_a_name_as_a_person(blank, text, span, label):
    articles, payloads = corpus(blank, [("fr", text, [(span, label)])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {span: "PER"}


@pytest.mark.parametrize(
    "text",
    [
        "Tracfin, 30 ans après sa création, reçoit plus de déclarations.",
        "La société Kryptaris a 10 ans d'existence et 40 salariés.",
    ],
)
def test_context_cue_reads_no_age_in_a_french_span_of_time(text):
    lex = E.load_lexicon("fr")
    name = text.split(",")[0].split(" a ")[0].split()[-1]
    start = text.index(name)
    assert E.context_cue(text, start, start + len(name), lex) != "PER"


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Cela concernera toutes les plateformes d'échanges centralisées, du type Binance, Coinbase ou encore Coinhouse.",
         [("Binance", "ORG"), ("Coinbase", "PER"), ("Coinhouse", "PER")]),
        ("Les clients des banques en ligne, de type Boursorama ou Fortuneo, sont visés.",
         [("Boursorama", "PER"), ("Fortuneo", "PER")]),
        ("Il a ouvert des comptes sur des plateformes comme Kraken, Bitstamp ou encore Paymium.",
         [("Kraken", "ORG"), ("Bitstamp", "PER"), ("Paymium", "PER")]),
    ],
)
def test_context_cue_gives_the_kind_to_french_examples_after_du_type_and_ou_encore(blank, text, spans):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert set(entities["label"]) == {"ORG"}, names(entities)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Cette filiale opère en France via La Banque Postale et un réseau de bureaux.", "Banque Postale", "La Banque Postale"),
        ("L'information a été révélée par Les Echos mardi.", "Echos", "Les Echos"),
        ("Un article publié dans Le Parisien décrit le réseau.", "Parisien", "Le Parisien"),
        # a sentence's first word or a lowercase article stays out
        ("La Banque Postale a été sanctionnée en 2018.", "Banque Postale", "Banque Postale"),
        ("Il a ouvert un compte à la Banque Postale en 2019.", "Banque Postale", "Banque Postale"),
    ],
)
def test_clean_mentions_takes_in_a_capitalised_french_article_before_a_firm(blank, text, span, expected):
    articles, payloads = corpus(blank, [("fr", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {expected: "ORG"}


def test_build_entities_drops_a_portfolio_of_industrial_and_digital_sovereignty(blank):
    text = ("Bruno Le Maire, ministre de l'Economie, des Finances et de la Souveraineté industrielle et numérique, "
            "annonça l'intention du gouvernement.")
    spans = [("Bruno Le Maire", "PER"), ("ministre de l'Economie", "ORG"), ("Finances", "ORG"), ("Souveraineté", "ORG")]
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Bruno Le Maire": "PER"}


@pytest.mark.parametrize(
    ("text", "spans", "seat"),
    [
        ("L'AMF et la Juridiction Interrégionale Spécialisée (JIRS) de Paris ont mené une opération.",
         [("AMF", "ORG"), ("Juridiction Interrégionale Spécialisée", "ORG"), ("JIRS", "ORG"), ("Paris", "LOC")], "Paris"),
        ("La Police judiciaire fédérale (PJF) de Bruxelles a procédé à une perquisition.",
         [("Police judiciaire fédérale", "ORG"), ("PJF", "ORG"), ("Bruxelles", "LOC")], "Bruxelles"),
        ("Le dossier a été confié à la JIRS de Marseille en juin.", [("JIRS", "ORG"), ("Marseille", "LOC")], "Marseille"),
    ],
)
def test_tag_public_bodies_keeps_a_seat_after_a_body_acronym_out_of_places(blank, text, spans, seat):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert seat not in names(entities) and "LOC" not in set(entities["label"]), names(entities)


def test_tag_public_bodies_keeps_a_place_after_a_firm_acronym(blank):
    text = "La Société Générale (SG) de Paris et la Banque Populaire ont été visées."
    articles, payloads = corpus(blank, [("fr", text, [("Société Générale", "ORG"), ("SG", "ORG"), ("Paris", "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get("Paris") == "LOC", names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # an article's abbreviation before its number
        ("Les sommes d'au moins 10.000 € (Art. 1649 quater A du CGI) sont déclarées.", [("Art", "ORG")], {}),
        # a news site by its last word
        ("Selon Foresight News, les règles devraient entrer en vigueur le 30 juin.", [("Foresight News", "MISC")],
         {"Foresight News": "ORG"}),
        ("D'après Bloomberg News, la banque a été sanctionnée.", [("Bloomberg News", "MISC")], {"Bloomberg News": "ORG"}),
        # a concept acronym and a preposition of place before a brand
        ("Il proposait d'investir dans des projets en NFT sur Discord et Telegram.",
         [("NFT sur Discord", "MISC"), ("Telegram", "ORG")], {"Discord": "ORG", "Telegram": "ORG"}),
        ("Les contrôles KYC chez Binance ont été renforcés.", [("KYC chez Binance", "ORG")], {"Binance": "ORG"}),
    ],
)
def test_build_entities_reads_article_abbreviations_news_sites_and_brands_after_a_concept(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected, names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Le Centre européen de la consommation, association basée en Allemagne, fait un point.",
         [("Centre européen", "ORG"), ("Allemagne", "LOC")], {"Centre européen de la consommation": "ORG", "Allemagne": "LOC"}),
        # a lowercase centre is a description
        ("Il a été placé au centre de rétention de Vincennes.", [("Vincennes", "LOC")], {"Vincennes": "LOC"}),
        ("La baisse se lit au centre de la consommation des ménages.", [], {}),
    ],
)
def test_tag_public_bodies_reads_a_capitalised_centre_and_its_domain_as_a_body(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Russia has the choice of selling to the West, below the $60 mark, or via the shadow fleet.",
         [("Russia", "GPE"), ("West", "ORG")], {"Russia": "LOC"}),
        ("OFAC today published a final rule in the Federal Register amending civil penalties.",
         [("OFAC", "ORG"), ("Federal Register", "ORG")], {"OFAC": "ORG"}),
        ("Scams involving Bitcoin ATMs grew, so California will limit ATM transactions to $1,000 a day.",
         [("ATM", "ORG"), ("California", "GPE")], {"California": "LOC"}),
        ("You must submit a TTR to AUSTRAC for each cash transaction of A$10,000 or more.",
         [("TTR", "ORG"), ("AUSTRAC", "ORG")], {"AUSTRAC": "ORG"}),
        ("OFAC sanctioned operatives in a Black Market Peso Exchange (BMPE) scheme run by the Sinaloa Cartel.",
         [("OFAC", "ORG"), ("BMPE", "ORG"), ("Sinaloa Cartel", "ORG")], {"OFAC": "ORG", "Sinaloa Cartel": "ORG"}),
        # a name with the word in it stays
        ("West Bank police and Western Union were named.", [("West Bank", "GPE"), ("Western Union", "ORG")],
         {"West Bank": "LOC", "Western Union": "ORG"}),
    ],
)
def test_stoplist_and_concepts_the_west_cash_machines_and_reports_are_no_names(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {k: v for k, v in names(entities).items() if v != "MISC"} == expected


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("Tornado Cash laundered $96m stolen in the Harmony Bridge Heist in June 2022.", "Harmony Bridge Heist", "ORG"),
        ("At least $7.8m was stolen in the so-called Nomad Heist in August 2022.", "Nomad Heist", "PERSON"),
        ("Funds from the Ronin Hack moved through the mixer.", "Ronin Hack", "ORG"),
    ],
)
def test_events_a_theft_named_as_an_event_is_misc(blank, text, span, label):
    articles, payloads = corpus(blank, [("en", text, [(span, label)])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {span: "MISC"}


@pytest.mark.parametrize(
    ("lang", "text", "span", "label"),
    [
        ("en", "The penalties named 12 members of the Duma, the lower house of parliament.", "Duma", "GPE"),
        ("en", "The minister said so in a written reply to a question in the Lok Sabha.", "Lok Sabha", "GPE"),
        ("en", "The Verkhovna Rada voted the law on Thursday.", "Verkhovna Rada", "GPE"),
        ("fr", "Des députés de la Douma ont été sanctionnés.", "Douma", "LOC"),
    ],
)
def test_bodies_a_parliament_is_an_organisation(blank, lang, text, span, label):
    articles, payloads = corpus(blank, [(lang, text, [(span, label)])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {span: "ORG"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("The agency searched 13 premises in Delhi, Gurugram, Jodhpur, Jhunjhunu, Hyderabad, Pune and Kolkata.",
         [("Delhi", "GPE"), ("Gurugram", "GPE"), ("Jodhpur", "GPE"), ("Jhunjhunu", "PERSON"), ("Hyderabad", "GPE"),
          ("Pune", "ORG"), ("Kolkata", "GPE")],
         {"Delhi": "LOC", "Gurugram": "LOC", "Jodhpur": "LOC", "Jhunjhunu": "LOC", "Hyderabad": "LOC", "Pune": "LOC",
          "Kolkata": "LOC"}),
        ("Raids took place in London, Leeds and Bradford on Monday.",
         [("London", "GPE"), ("Leeds", "GPE"), ("Bradford", "PERSON")], {"London": "LOC", "Leeds": "LOC", "Bradford": "LOC"}),
        # a person after a place and a comma is none of a list
        ("In London, Gary Smith said the bank would appeal.", [("London", "GPE"), ("Gary Smith", "PERSON")],
         {"London": "LOC", "Gary Smith": "PER"}),
    ],
)
def test_place_list_members_an_english_name_in_a_list_of_places_is_a_place(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("The UNSC removed an Iraq-related entry from its sanctions list.", [("UNSC", "ORG"), ("Iraq", "GPE")],
         {"UNSC": "ORG"}),
        ("In the Iran-related designations, the parties were in China and Russia.",
         [("Iran", "GPE"), ("China", "GPE"), ("Russia", "GPE")], {"China": "LOC", "Russia": "LOC"}),
        ("OFAC issued new Russia-related general licenses.", [("OFAC", "ORG"), ("Russia", "GPE")], {"OFAC": "ORG"}),
        # an actor in another compound stays a mention
        ("It cited the International Investment Bank, a Russia-controlled lender.",
         [("International Investment Bank", "ORG"), ("Russia", "GPE")],
         {"International Investment Bank": "ORG", "Russia": "LOC"}),
    ],
)
def test_drop_misreadings_a_place_in_a_related_compound_is_no_mention(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("lang", "text", "spans", "expected"),
    [
        ("en", "OFAC sanctioned its leader, José Adolfo Macías Villamar (also known as Fito).",
         [("OFAC", "ORG"), ("José Adolfo", "PERSON"), ("Macías Villamar", "PERSON")],
         {"OFAC": "ORG", "José Adolfo Macías Villamar": "PER"}),
        ("en", "The court heard Juan Carlos Ramírez Abadía on Monday.",
         [("Juan Carlos", "PERSON"), ("Ramírez Abadía", "PERSON")], {"Juan Carlos Ramírez Abadía": "PER"}),
        # two people with a comma or "and" between them stay two
        ("en", "The defendants are Xizhi Li, Jiayu Chen and Tao Liu.",
         [("Xizhi Li", "PERSON"), ("Jiayu Chen", "PERSON"), ("Tao Liu", "PERSON")],
         {"Xizhi Li": "PER", "Jiayu Chen": "PER", "Tao Liu": "PER"}),
    ],
)
def test_join_split_persons_a_name_cut_into_two_people_is_one(blank, lang, text, spans, expected):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {k: v for k, v in names(entities).items() if v != "MISC"} == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ('"Ransomware actors are criminals," says Wally Adeyemo. "We will stop ransomware attacks."',
         [("Ransomware", "ORG"), ("Wally Adeyemo", "PERSON")], {"Wally Adeyemo": "PER"}),
        ("“Sanctioning evasion networks is our priority,” Brian Nelson said.",
         [("Sanctioning", "ORG"), ("Brian Nelson", "PERSON")], {"Brian Nelson": "PER"}),
        # a name opening a quote stays
        ('"Binance has cooperated fully," its lawyer Jane Roe said.', [("Binance", "ORG"), ("Jane Roe", "PERSON")],
         {"Binance": "ORG", "Jane Roe": "PER"}),
    ],
)
def test_opening_verb_a_common_word_opening_a_quoted_sentence_is_no_name(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "long"),
    [
        ("Transactions must be reported to HM Revenue and Customs (HMRC) at once.", "HM Revenue and Customs"),
        ("The fine was set by the UK Financial Conduct Authority (UKFCA) in May.", "UK Financial Conduct Authority"),
        # a short word in capitals may still give only its first letter
        ("The Office of Foreign Assets Control (OFAC) acted.", "Office of Foreign Assets Control"),
    ],
)
def test_find_acronyms_a_short_word_in_capitals_gives_all_its_letters(text, long):
    from helpers.entities.acronyms import find_acronyms

    spans = [text[a:b] for (a, b) in (d.long for d in find_acronyms(text, "en"))]
    assert spans == [long]


def test_apply_acronyms_a_body_cut_at_and_before_its_acronym_is_one(blank):
    text = "Transactions exceeding this threshold must be reported to HM Revenue and Customs (HMRC)."
    articles, payloads = corpus(blank, [("en", text, [("HM Revenue", "ORG"), ("Customs", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"HM Revenue and Customs": "ORG"}


@pytest.mark.parametrize(
    ("text", "spans", "office"),
    [
        ("The U.S. Attorney's Office For Eastern District Of Texas said on Wednesday that 21 were charged.",
         [("U.S. Attorney's Office", "ORG"), ("Office For Eastern District Of Texas", "ORG")],
         "U.S. Attorney's Office For Eastern District Of Texas"),
        ("He was arrested, according to a statement by the US Attorney's office in San Francisco. BTC-e grew.",
         [("US", "GPE"), ("San Francisco", "GPE"), ("BTC-e", "ORG")], "US Attorney's office in San Francisco"),
        # no known place after "in": the office alone
        ("The U.S. Attorney's Office in Binance's case asked for more time.", [("U.S.", "GPE"), ("Binance", "ORG")],
         "U.S. Attorney's Office"),
    ],
)
def test_attorney_offices_an_office_named_by_its_seat_or_in_title_case_is_one_body(blank, text, spans, office):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(office) == "ORG"
    assert not {"US", "U.S.", "San Francisco", "Office For Eastern District Of Texas"} & set(names(entities))


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("He was designated pursuant to the Countering America's Adversaries Through Sanctions Act and an order.",
         "the Countering America's", {"Countering America's Adversaries Through Sanctions Act": "MISC"}),
        ("Congress passed the Protecting America's Workers Act last year.", "the Protecting America's",
         {"Protecting America's Workers Act": "MISC"}),
        # an owner's possessive stays the owner's
        ("He spoke at the Nevada Bar Association's Bank Secrecy Act Conference in Las Vegas.",
         "the Nevada Bar Association's", {"Nevada Bar Association": "ORG"}),
    ],
)
def test_join_possessive_laws_a_bill_cut_at_its_possessive_is_one_law(blank, text, span, expected):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ('Christopher Baines the Head of Compliance at Pockit said: "the directive is a step".',
         "the Head of Compliance at Pockit", {"Pockit": "ORG"}),
        ("Jane Roe, Director of Investigations at Chainalysis, said the funds moved.",
         "Director of Investigations at Chainalysis", {"Chainalysis": "ORG"}),
        ("Said John Doe, Senior Analyst at Elliptic.", "Senior Analyst at Elliptic", {"Elliptic": "ORG"}),
        # no title before "at": the model's span stays
        ("The Bank of America at Charlotte paid the fine.", "The Bank of America at Charlotte",
         {"Bank of America at Charlotte": "ORG"}),
    ],
)
def test_after_title_the_employer_after_a_job_title_and_at_is_the_name(blank, text, span, expected):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Gazprombank", "ORG"),
        ("Sberbank", "ORG"),
        ("Maybank", "ORG"),
        ("Promsvyazbank", "ORG"),
        # a town ending in "bank" and a short surname are no banks
        ("Burbank", None),
        ("Eubank", None),
    ],
)
def test_name_word_label_a_one_word_bank_is_an_organisation(text, label):
    from helpers.entities.cues import name_word_label
    from helpers.entities.lexicon import load_lexicon

    assert name_word_label(text, load_lexicon("en")) == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Von der Leyen", "PER"),
        ("Ursula von der Leyen", "PER"),
        ("Mohammed bin Salman", "PER"),
        ("Ludwig van Beethoven", "PER"),
        ("Van den Berg", "PER"),
        # a capitalised "Van" or "Von" without a lowercase particle, and a bank with a particle, are no such names
        ("Van Eck", None),
        ("Von Braun", None),
        ("Bank van Breda", "ORG"),
    ],
)
def test_name_word_label_a_surname_particle_makes_a_person(text, label):
    from helpers.entities.cues import name_word_label
    from helpers.entities.lexicon import load_lexicon

    assert name_word_label(text, load_lexicon("en")) == label


def test_a_name_with_a_surname_particle_the_model_calls_a_firm_is_a_person(blank):
    text = "Von der Leyen said on Tuesday that the cap needs lowering."
    articles, payloads = corpus(blank, [("en", text, [("Von der Leyen", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Von der Leyen": "PER"}


def test_a_one_word_bank_the_model_calls_a_person_is_an_organisation(blank):
    text = "OFAC's action includes the designation of Gazprombank and more than 50 Russian banks."
    articles, payloads = corpus(blank, [("en", text, [("OFAC", "ORG"), ("Gazprombank", "PERSON")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)["Gazprombank"] == "ORG"


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("The organisation rented a unit in Hong Kong's Mong Kok district to launder funds.", "Mong Kok", "LOC"),
        ("Police raided flats in the Sham Shui Po neighbourhood on Monday.", "Sham Shui Po", "LOC"),
        ("Russia's Garantex exchange was seized.", "Garantex", "ORG"),
        # no kind after the name: no cue
        ("Binance's Trust Wallet was hit.", "Trust Wallet", None),
    ],
)
def test_context_cue_a_kind_after_a_possessive_and_a_name_labels_it(text, name, label):
    from helpers.entities.cues import context_cue
    from helpers.entities.lexicon import load_lexicon

    start = text.index(name)
    assert context_cue(text, start, start + len(name), load_lexicon("en")) == label


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("According to Chainalysis, the Exchange has received deposits from several ransomware groups.",
         [("Chainalysis", "ORG"), ("Exchange", "ORG")], {"Chainalysis": "ORG"}),
        ("A notice was issued to Zanmai Labs Pvt Ltd and its Directors under FEMA.",
         [("Zanmai Labs Pvt Ltd", "ORG"), ("Directors", "ORG"), ("FEMA", "ORG")],
         {"Zanmai Labs Pvt Ltd": "ORG", "FEMA": "ORG"}),
        ("The Company said the Fund had been closed.", [("Company", "ORG"), ("Fund", "ORG")], {}),
        # a name with the words in it stays
        ("The Securities and Exchange Commission sued the Hong Kong Exchange.",
         [("The Securities and Exchange Commission", "ORG"), ("Hong Kong Exchange", "ORG")],
         {"Securities and Exchange Commission": "ORG", "Hong Kong Exchange": "ORG"}),
    ],
)
def test_generic_a_firm_named_by_its_kind_alone_is_no_name(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {k: v for k, v in names(entities).items() if v != "MISC"} == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Directive (EU) 2018/843 on money laundering sets a limit of EUR 50.", [("EU", "ORG")], {}),
        ("Article 5b of Council Regulation (EU) No 833/2014 bans such deposits.", [("EU", "ORG")], {}),
        ("The 5th EU Anti-Money Laundering Directive sets an even lower limit.", [("EU", "ORG")], {}),
        # the body as the actor stays, and so does a body in brackets with no number after it
        ("The EU adopted its 14th package against Russia.", [("EU", "ORG"), ("Russia", "GPE")],
         {"EU": "ORG", "Russia": "LOC"}),
        ("Member states of the EU (27 of them) adopted a new Directive.", [("EU", "ORG")], {"EU": "ORG"}),
    ],
)
def test_in_law_citation_a_body_inside_a_law_s_citation_or_title_is_no_mention(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {k: v for k, v in names(entities).items() if v != "MISC"} == expected


def test_drop_misreadings_a_place_in_a_related_topic_stays(blank):
    text = "In China-related news, Seagate agreed to pay a penalty."
    articles, payloads = corpus(blank, [("en", text, [("China", "GPE"), ("Seagate", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"China": "LOC", "Seagate": "ORG"}


@pytest.mark.parametrize(
    ("text", "spans", "added"),
    [
        ("The agency searched premises in Delhi, Jodhpur, Hyderabad, Pune and Kolkata.",
         [("Delhi", "GPE"), ("Jodhpur", "GPE"), ("Pune", "GPE"), ("Kolkata", "GPE")], "Hyderabad"),
        ("Raids took place in London, Manchester and Leeds.", [("London", "GPE"), ("Leeds", "GPE")], "Manchester"),
        # a name that is no town between two places stays untagged
        ("Raids took place in London, Acme and Leeds.", [("London", "GPE"), ("Leeds", "GPE")], None),
    ],
)
def test_add_listed_towns_a_town_the_model_missed_in_a_list_of_places_is_tagged(blank, text, spans, added):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    expected = {surface: "LOC" for surface, _label in spans} | ({added: "LOC"} if added else {})
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [("fr", "banque C. & Cie"), ("fr", "banque D."), ("fr", "B. Ltd"), ("fr", "la société X. SA"), ("en", "bank B. & Co")],
)
def test_drop_reason_drops_a_party_a_court_names_by_its_initial(lang, text):
    assert E.drop_reason(text, E.load_lexicon(lang)) == "anonymised"


@pytest.mark.parametrize(("lang", "text"), [("fr", "J. Safra Sarasin"), ("en", "J.P. Morgan"), ("fr", "C. Hoare & Co"), ("en", "A. Smith")])
def test_drop_reason_keeps_a_name_with_a_word_besides_its_initials(lang, text):
    assert E.drop_reason(text, E.load_lexicon(lang)) is None


def test_build_entities_drops_anonymised_banks_of_a_court_ruling(blank):
    text = ("Le Ministère public de la Confédération a ordonné la confiscation des avoirs déposés auprès de la "
            "banque C. & Cie et de la banque D., puis a restitué le solde à B. Ltd.")
    spans = [("Ministère public de la Confédération", "ORG"), ("banque C. & Cie", "ORG"), ("banque D.", "ORG"), ("B. Ltd", "ORG")]
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Ministère public de la Confédération": "ORG"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("La Cour populaire suprême et le Parquet populaire suprême ont publié leur interprétation.",
         [("Cour populaire suprême", "LOC"), ("Parquet", "LOC")],
         {"Cour populaire suprême": "ORG", "Parquet populaire suprême": "ORG"}),
        ("Au total, 46 dossiers ont été transmis au Procureur du Pool judiciaire financier.",
         [("Pool", "LOC")], {"Pool judiciaire financier": "ORG"}),
        ("Le dossier a été confié au Parquet national financier.", [("Parquet", "ORG")], {"Parquet national financier": "ORG"}),
        # a nationality describes the bank; a participle with its complement is no part of the name
        ("Selon la Banque russe, les flux ont baissé.", [("Banque", "ORG")], {}),
        ("La Commission chargée de l'enquête a rendu son avis.", [("Commission", "ORG")], {}),
    ],
)
def test_tag_public_bodies_joins_the_adjectives_after_a_capitalised_head_tagged_alone(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected, names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Le procès prévu contre GOHOUROU Claude a été reporté au mois de février.",
         [("GOHOUROU", "LOC"), ("Claude", "PER")], {"GOHOUROU Claude": "PER"}),
        ("Le tribunal a entendu KOUASSI Marcel, gérant de la société.", [("Marcel", "PER")],
         {"KOUASSI Marcel": "PER"}),
        # a body in capitals before a first name keeps its own name; a run of capitalised words is one name
        ("Le directeur de TRACFIN Pierre a parlé.", [("TRACFIN", "ORG"), ("Pierre", "PER")], {"TRACFIN": "ORG", "Pierre": "PER"}),
        ("Le rapport de Crédit AGRICOLE Denis est paru.", [("Denis", "PER")], {"Denis": "PER"}),
    ],
)
def test_clean_mentions_takes_a_surname_in_capitals_before_a_french_first_name(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected, names(entities)


@pytest.mark.parametrize("text", ["Cour d'Appel", "Cour d’appel", "Banque Centrale", "la Banque centrale"])
def test_drop_reason_drops_a_french_court_of_appeal_or_central_bank_named_by_its_kind_alone(text):
    assert E.drop_reason(text, E.load_lexicon("fr")) == "generic"


@pytest.mark.parametrize("text", ["Cour d'appel de Paris", "Cour d’Appel d’Abidjan", "Banque centrale européenne",
                                  "Banque centrale russe", "Banque Centrale des États de l'Afrique de l'Ouest"])
def test_drop_reason_keeps_a_french_court_or_central_bank_with_its_seat_or_domain(text):
    assert E.drop_reason(text, E.load_lexicon("fr")) is None


@pytest.mark.parametrize(("text", "reason"), [("Section 269ST", "article"), ("Sections 5311", "article"), ("Section 36(1)", "article"),
                                              ("Enforcement Actions", "generic"), ("Enforcement Action", "generic")])
def test_drop_reason_drops_english_section_numbers_and_enforcement_actions(text, reason):
    assert E.drop_reason(text, E.load_lexicon("en")) == reason


@pytest.mark.parametrize("text", ["Financial Action Task Force", "Division of Enforcement", "Secretariat"])
def test_drop_reason_keeps_english_names_around_sections_and_actions(text):
    assert E.drop_reason(text, E.load_lexicon("en")) is None


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("AUSTRAC commenced proceedings against Crown Melbourne and Crown Perth over their obligations.",
         [("AUSTRAC", "ORG"), ("Crown Melbourne", "PERSON"), ("Crown Perth", "PRODUCT")],
         {"AUSTRAC": "ORG", "Crown Melbourne": "ORG", "Crown Perth": "ORG"}),
        ("Regulators fined Citibank Singapore and later Citibank Hong Kong for weak checks.",
         [("Citibank Singapore", "PERSON"), ("Citibank Hong Kong", "ORG")],
         {"Citibank Singapore": "ORG", "Citibank Hong Kong": "ORG"}),
        # places the gazetteers know stay places; one name with a place is no pair of units
        ("Offices in New York and New Jersey were searched.", [("New York", "GPE"), ("New Jersey", "GPE")],
         {"New York": "LOC", "New Jersey": "LOC"}),
        ("Investigators questioned Jack London about the transfers.", [("Jack London", "PERSON")], {"Jack London": "PER"}),
    ],
)
def test_build_entities_reads_names_differing_by_a_place_as_a_firms_local_units(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("The SEC settled with a cryptocurrency ATM operator over its bitcoin ATM network.",
         [("SEC", "ORG"), ("ATM", "ORG"), ("ATM", "ORG", 1)], {"SEC": "ORG"}),
        ("The defendants made roughly $2.7 million in Ponzi payments, the SEC said.", [("Ponzi", "GPE"), ("SEC", "ORG")], {"SEC": "ORG"}),
        ("Cash payments above €10,000 will be banned EU-wide under the new rules.", [("EU", "ORG")], {}),
        # the man the fraud is named after is a person
        ("Charles Ponzi promised returns of 50 percent.", [("Charles Ponzi", "PERSON")], {"Charles Ponzi": "PER"}),
    ],
)
def test_build_entities_drops_cash_machines_ponzi_frauds_and_union_wide_adjectives(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected, names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Ipso facto, parmi les personnes visées, on trouve Vladimir Poutine.", [("Ipso", "ORG"), ("Vladimir Poutine", "PER")],
         {"Vladimir Poutine": "PER"}),
        ("Les avoirs sont gelés par les mesures décrétées par les Vingt-Sept.", [("Vingt-Sept", "ORG")], {}),
        ("Au-delà de 100 000 dirhams, le MRE doit les déclarer aux services douaniers.", [("MRE", "ORG")], {}),
        ("Cet outil a été créé par la loi Sapin II, selon les députés Éric Diard et Émilie Cariou.",
         [("Sapin II", "PER"), ("Éric Diard", "PER"), ("Émilie Cariou", "PER")], {"Éric Diard": "PER", "Émilie Cariou": "PER"}),
    ],
)
def test_build_entities_drops_latin_phrases_member_state_counts_group_acronyms_and_named_laws(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected, names(entities)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Of the six banks, Credit Suisse Singapore branch was fined the most.", "Credit Suisse Singapore",
         {"Credit Suisse": "ORG", "Singapore": "LOC"}),
        ("Regulators said the Deutsche Bank Hong Kong office had failed to file reports.", "Deutsche Bank Hong Kong",
         {"Deutsche Bank": "ORG", "Hong Kong": "LOC"}),
        # no branch word after it: the place stays in the registered name
        ("Citibank N.A. Singapore (CNAS) was fined.", "Citibank N.A. Singapore", {"Citibank N.A. Singapore": "ORG"}),
    ],
)
def test_clean_mentions_splits_the_place_of_a_branch_from_the_firm(blank, text, span, expected):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected, names(entities)


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        ("en", "These are the first parallel actions taken by FinCEN and OFAC in this space.", "FinCEN and OFAC",
         {"FinCEN": "ORG", "OFAC": "ORG"}),
        ("en", "The case was brought jointly by the SEC & CFTC last year.", "SEC & CFTC", {"SEC": "ORG", "CFTC": "ORG"}),
        ("fr", "Une enquête menée par l'AMF et ACPR a abouti.", "AMF et ACPR", {"AMF": "ORG", "ACPR": "ORG"}),
        # a firm's name joined by "&" is one name
        ("en", "Auditors at Ernst & Young signed off.", "Ernst & Young", {"Ernst & Young": "ORG"}),
    ],
)
def test_split_known_splits_two_acronyms_joined_by_and(blank, lang, text, span, expected):
    articles, payloads = corpus(blank, [(lang, text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected, names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Bittrex, a cryptocurrency exchange based in Bellevue, WA, agreed to a settlement.",
         [("Bittrex", "ORG"), ("Bellevue", "GPE")], {"Bittrex": "ORG", "Bellevue": "LOC", "WA": "LOC"}),
        ("The casino in Atlantic City, NJ was fined.", [("Atlantic City", "GPE")], {"Atlantic City": "LOC", "NJ": "LOC"}),
        # no place before the comma, or a code that is no state's
        ("Payments went to Binance, CA and others.", [("Binance", "ORG")], {"Binance": "ORG"}),
        ("The dealer, based in Calgary, AB, was fined.", [("Calgary", "GPE")], {"Calgary": "LOC"}),
    ],
)
def test_build_entities_tags_a_us_state_code_after_a_place_the_model_missed(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected, names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a list where firms outnumber the one name the model calls a person
        ("Other lenders on the list are the Hong Kong arms of Barclays, HSBC, Julius Baer and LGT Bank.",
         [("Hong Kong", "GPE"), ("Barclays", "ORG"), ("HSBC", "ORG"), ("Julius Baer", "PERSON"), ("LGT Bank", "ORG")],
         {"Hong Kong": "LOC", "Barclays": "ORG", "HSBC": "ORG", "Julius Baer": "ORG", "LGT Bank": "ORG"}),
        # the member's short form in brackets follows it (the firm is named by it)
        ("The regulator also fined Phillip Kay Ong (PKO), Standard Chartered and Trident Trust Company.",
         [("Phillip Kay Ong", "PERSON"), ("PKO", "PERSON"), ("Standard Chartered", "ORG"), ("Trident Trust Company", "ORG")],
         {"PKO": "ORG", "Standard Chartered": "ORG", "Trident Trust Company": "ORG"}),
        # tickers in brackets, one of them a firm's, make the other coded names firms
        ("Fines were imposed on nine banks, including HSBC (HSBC), Citi (C), and Julius Baer (JBAXY).",
         [("HSBC", "ORG"), ("HSBC", "ORG", 1), ("Citi", "PERSON"), ("Julius Baer", "PERSON")],
         {"HSBC": "ORG", "Citi": "ORG", "Julius Baer": "ORG"}),
    ],
)
def test_build_entities_reads_a_name_in_a_list_of_firms_as_a_firm(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("En juin 2017, la banque Edmond de Rothschild (Europe) s'est vu infliger une amende.",
         [("Edmond de Rothschild", "PER"), ("Europe", "LOC")], {"Edmond de Rothschild": "ORG"}),
        ("La société Binance (France) a obtenu son enregistrement.", [("Binance", "ORG"), ("France", "LOC")],
         {"Binance": "ORG"}),
        # a place in brackets after a place, or apart from the firm's name, stays
        ("Le magasin a été perquisitionné à Genève (Suisse) mardi.", [("Genève", "LOC"), ("Suisse", "LOC")],
         {"Genève": "LOC", "Suisse": "LOC"}),
        ("La banque UBS a payé (en France) une amende.", [("UBS", "ORG"), ("France", "LOC")],
         {"UBS": "ORG", "France": "LOC"}),
    ],
)
def test_drop_bracketed_units_drops_a_firms_unit_place(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected, names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # people in a list with one firm stay people
        ("The Treasury sanctioned Rosneft, Igor Sechin and Alexei Miller on Friday.",
         [("Treasury", "ORG"), ("Rosneft", "ORG"), ("Igor Sechin", "PERSON"), ("Alexei Miller", "PERSON")],
         {"Treasury": "ORG", "Rosneft": "ORG", "Igor Sechin": "PER", "Alexei Miller": "PER"}),
        # parties in brackets after politicians are no tickers
        ("Le rapport est signé par Sandrine Mazetier (PS) et Jean-Luc Warsmann (LR).",
         [("Sandrine Mazetier", "PER"), ("Jean-Luc Warsmann", "PER")],
         {"Sandrine Mazetier": "PER", "Jean-Luc Warsmann": "PER"}),
        # a person's initials in brackets, next to a firm's ticker
        ("The complaint names Coinbase (COIN) and Changpeng Zhao (CZ), among others.",
         [("Coinbase", "ORG"), ("Changpeng Zhao", "PERSON")], {"Coinbase": "ORG", "Changpeng Zhao": "PER"}),
    ],
)
def test_build_entities_keeps_people_listed_with_firms_or_parties(blank, text, spans, expected):
    lang = "fr" if "rapport" in text else "en"
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "short", "full"),
    [
        ("MAS fined DBS Bank Ltd (DBS) and OCBC Singapore (OCBC) for weak controls.",
         [("MAS", "ORG"), ("DBS Bank Ltd", "ORG"), ("DBS", "ORG", 1), ("OCBC Singapore", "ORG"), ("OCBC", "ORG", 1)],
         "OCBC", "OCBC Singapore"),
        ("The agency fined Maybank Singapore Limited (Maybank) last year.",
         [("Maybank Singapore Limited", "ORG"), ("Maybank", "ORG", 1)], "Maybank", "Maybank Singapore Limited"),
    ],
)
def test_build_entities_joins_a_firm_to_its_first_words_in_brackets(blank, text, spans, short, full):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    rows = [i for i in range(len(entities)) if short in forms_of(entities, i)]
    assert len(rows) == 1 and full in forms_of(entities, rows[0]), entities[["name", "aliases"]]
    assert entities.at[rows[0], "label"] == "ORG"


@pytest.mark.parametrize("text", ["Agencies", "Authorities", "Civil", "Criminal"])
def test_drop_reason_drops_english_kinds_named_for_short(text):
    assert E.drop_reason(text, E.load_lexicon("en")) == "generic"


@pytest.mark.parametrize("text", ["Criminal Division", "International Criminal Court", "Civil Aviation Authority of Singapore"])
def test_drop_reason_keeps_english_names_with_civil_or_criminal(text):
    assert E.drop_reason(text, E.load_lexicon("en")) is None


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("(See Lewis Brisbois' alert from March 7, 2023.)", [("Lewis Brisbois", "PERSON")], {"Lewis Brisbois": "ORG"}),
        ("Read Morgan Lewis's client alert on the new rules.", [("Morgan Lewis", "PERSON")], {"Morgan Lewis": "ORG"}),
        # a person's possessive before something else stays a person's
        ("Read Morgan Lewis's remarks on the new rules.", [("Morgan Lewis", "PERSON")], {"Morgan Lewis": "PER"}),
    ],
)
def test_build_entities_reads_the_author_of_an_alert_as_a_firm(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("The Government of India notified the rules.", [("The Government of India", "ORG")], {"India": "LOC"}),
        ("The Government of the UAE implements the law.", [("The Government of the UAE", "ORG")], {"UAE": "LOC"}),
        ("A statement by the Government of Singapore followed.", [("the Government of Singapore", "ORG")],
         {"Singapore": "LOC"}),
        # a city's or an emirate's government is a body of its own
        ("The Government of Dubai announced new measures.", [("The Government of Dubai", "ORG")],
         {"Government of Dubai": "ORG"}),
    ],
)
def test_build_entities_reads_the_government_of_a_country_as_the_country(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("The UAE implements Anti-Money Laundering regulations.", [("UAE", "GPE"), ("Anti-Money Laundering", "ORG")],
         {"UAE": "LOC"}),
        ("India notified the Counter-Terrorist Financing rules.", [("India", "GPE"), ("Counter-Terrorist Financing", "ORG")],
         {"India": "LOC"}),
        ("Britain passed an Anti-Bribery law in 2010.", [("Britain", "GPE"), ("Anti-Bribery", "ORG")], {"Britain": "LOC"}),
        # a body so named stays, whatever follows it
        ("The Anti-Corruption Bureau report was published.", [("Anti-Corruption Bureau", "ORG")],
         {"Anti-Corruption Bureau": "ORG"}),
        ("The Anti-Money Laundering Council rules were cited.", [("Anti-Money Laundering Council", "ORG")],
         {"Anti-Money Laundering Council": "ORG"}),
    ],
)
def test_build_entities_drops_the_field_of_a_law(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("On 25 February 2019, the UK Government's Office of Financial Sanctions Implementation published a notice.",
         [("the UK Government's Office of Financial Sanctions Implementation", "ORG")],
         {"UK": "LOC", "Office of Financial Sanctions Implementation": "ORG"}),
        ("The Kazakhstan Government denied the report.", [("Kazakhstan Government", "ORG")], {"Kazakhstan": "LOC"}),
        # a name that is no country keeps its Government
        ("The Scottish Government announced new measures.", [("Scottish Government", "ORG")], {"Scottish Government": "ORG"}),
    ],
)
def test_build_entities_reads_a_country_government_as_the_country(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Among those penalised were Credit Suisse Singapore Branch for SG$5.8 million and UBS AG.",
         [("Credit Suisse Singapore Branch", "ORG"), ("UBS AG", "ORG")], {"Credit Suisse Singapore Branch": "ORG", "UBS AG": "ORG"}),
        ("Crown paid HK$ 2 billion to settle, Reuters said.", [("Crown", "ORG"), ("HK", "GPE"), ("Reuters", "ORG")],
         {"Crown": "ORG", "Reuters": "ORG"}),
        # a code with no dollar after it stays
        ("The fine was imposed in the UK on Monday.", [("UK", "GPE")], {"UK": "LOC"}),
    ],
)
def test_build_entities_drops_the_country_code_of_a_dollar_amount(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("The fines were S$5.8m for the bank and S$3m for UBS.", [("S$3", "ORG"), ("UBS", "ORG")], {"UBS": "ORG"}),
        ("Crown paid HK$50 million, Reuters said.", [("HK$50", "ORG"), ("Reuters", "ORG")], {"Reuters": "ORG"}),
        ("Westpac agreed to pay A$1.3 billion.", [("Westpac", "ORG"), ("A$1.3", "MONEY")], {"Westpac": "ORG"}),
        ("The court fined him RM5 million, Bernama reported.", [("RM5", "ORG"), ("Bernama", "ORG")], {"Bernama": "ORG"}),
    ],
)
def test_build_entities_drops_a_currency_symbol_and_its_figure(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officers of the Customs and Excise Department (C&ED) seized the cash.", []),
        ("Officers of C&ED and of the ED met.", ["ED"]),
        ("The ED&F Man unit and the CB&I plant were sold; the CBI and the ED looked on.", ["CBI", "ED"]),
    ],
)
def test_find_bodies_skips_a_piece_of_an_ampersand_acronym(text, expected):
    from helpers.entities.gazetteer import find_bodies

    assert [text[a:b] for a, b in find_bodies(text)] == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a country's formal name, and bodies the model cuts, drops or calls otherwise
        ("La Confédération helvétique a annoncé avoir gelé des avoirs.", [("Confédération helvétique", "LOC")],
         {"Confédération helvétique": "LOC"}),
        ("Face aux refus du National, le Conseil des Etats mise sur la diligence.", [("Conseil des Etats", "ORG")],
         {"Conseil des Etats": "ORG"}),
        ("Les marocains avec visa et autorisation de l'office des changes.", [], {"office des changes": "ORG"}),
        ("Trois personnes se sont livrées aux policiers de la SQ mercredi.", [("SQ", "MISC")], {"SQ": "ORG"}),
        ("Les cas ont été signalés par l'Office fédéral de la douane et de la sécurité des frontières (OFDF).",
         [("Office fédéral de la douane", "ORG"), ("OFDF", "LOC")],
         {"OFDF": "ORG"}),  # one body, its full name an alias, not the model's cut "Office fédéral de la douane"
    ],
)
def test_build_entities_knows_swiss_canadian_and_moroccan_bodies(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected, names(entities)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Ladite Instruction est consultable sur le portail internet.", "Instruction"),
        ("Un supplément équivalent à 10% de l'Impôt sur le Revenu.", "Impôt"),
        ("Un supplément équivalent à 10% de l'Impôt sur le Revenu.", "Revenu"),
    ],
)
def test_build_entities_drops_a_text_or_tax_named_by_its_kind(blank, text, span):
    articles, payloads = corpus(blank, [("fr", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert span not in names(entities), names(entities)


def test_build_entities_keeps_a_name_with_a_generic_tax_word(blank):
    articles, payloads = corpus(blank, [("fr", "Une enquête menée avec Revenu Québec.", [("Revenu Québec", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get("Revenu Québec") == "ORG", names(entities)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Le tabac passait par les postes frontaliers de Lacolle chaque semaine.", "Lacolle"),
        ("Pour le vendre sur les territoires de Kahnawake au Québec.", "Kahnawake"),
        ("Le trafic passait par le poste frontalier de Lansdowne.", "Lansdowne"),
    ],
)
def test_placed_reads_a_border_post_or_territory_as_a_place(blank, text, span):
    articles, payloads = corpus(blank, [("fr", text, [(span, "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(span) == "LOC", names(entities)


@pytest.mark.parametrize(
    ("lang", "text", "spans", "expected"),
    [
        ("fr", "Le député est très proche de l'ancien Président Macky SALL, selon le rapport.",
         [("Président Macky", "PER")], {"Macky SALL": "PER"}),
        ("fr", "Le juge a entendu Farba NGOM mardi.", [("Farba", "PER")], {"Farba NGOM": "PER"}),
        # a legal form, a concept or a known body in capitals after the first name is no surname
        ("fr", "Le dossier visait Claude SARL et ses associés.", [("Claude", "PER")], {"Claude": "PER"}),
        ("fr", "Une note de Pierre TRACFIN circule.", [("Pierre", "PER")], {"Pierre": "PER", "TRACFIN": "ORG"}),
        # English copy is left as it is
        ("en", "The report quoted Pierre NGOM on Tuesday.", [("Pierre", "PER")], {"Pierre": "PER"}),
    ],
)
def test_clean_mentions_takes_a_surname_in_capitals_after_a_french_first_name(blank, lang, text, spans, expected):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected, names(entities)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Et le chef du Département des affaires étrangères de conclure: « Nous sommes prêts ».",
         "Département des affaires étrangères de conclure", "Département des affaires étrangères"),
        ("Et la présidente de l'Autorité des marchés financiers d'ajouter que l'enquête continue.",
         "Autorité des marchés financiers d'ajouter", "Autorité des marchés financiers"),
        # a name whose last word after "de" is no verb of speech keeps it
        ("La Société nationale des chemins de fer a porté plainte.", "Société nationale des chemins de fer",
         "Société nationale des chemins de fer"),
    ],
)
def test_clean_mentions_ends_a_french_name_before_a_narrative_infinitive(blank, text, span, expected):
    articles, payloads = corpus(blank, [("fr", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert expected in names(entities), names(entities)
    assert span == expected or span not in names(entities), names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Il a déposé 29 actes d'accusation auprès du Tribunal pénal fédéral de Bellinzona, le MPC aussi.",
         [("Tribunal pénal fédéral de Bellinzona", "MISC")],
         {"Tribunal pénal fédéral": "ORG", "Bellinzona": "LOC", "MPC": "ORG"}),
        # a word after de that is no town stays the model's; an unknown body keeps its seat
        ("Il a saisi le Tribunal pénal fédéral de recours hier.", [("Tribunal pénal fédéral de recours", "ORG")],
         {"Tribunal pénal fédéral de recours": "ORG"}),
    ],
)
def test_add_known_bodies_splits_a_french_body_from_its_seat(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected, names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Un sauna a été confisqué à la douane de Genève avant d'être détruit.", [("de Genève", "ORG")],
         {"douane de Genève": "ORG"}),
        ("La marchandise a été saisie par les douanes de Roissy mardi.", [("Roissy", "LOC")],
         {"douanes de Roissy": "ORG"}),
    ],
)
def test_tag_public_bodies_names_a_customs_office_by_its_post(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected, names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Terraform's stablecoin, TerraUSD, was meant to hold its value.", [("Terraform", "ORG"), ("TerraUSD", "ORG")],
         {"Terraform": "ORG", "TerraUSD": "MISC"}),
        ("Investors holding its companion cryptocurrency, Luna, lost money.", [("Luna", "PERSON")], {"Luna": "MISC"}),
        ("He blamed the collapse on the fall of the TerraUSD (UST) stablecoin.", [("TerraUSD", "ORG")],
         {"TerraUSD": "MISC"}),
        # a kind noun that ends its sentence
        ("He blamed the collapse on the fall of the Basis stablecoin.", [("Basis", "PERSON")], {"Basis": "MISC"}),
        ("Agents boarded the Amadea yacht.", [("Amadea", "PERSON")], {"Amadea": "MISC"}),
        ("Police said they had broken up the Conti ransomware group.", [("Conti", "PERSON")], {"Conti": "ORG"}),
        # a kind that qualifies a later one: the later one is the head
        ("The Chainflip cryptocurrency exchange says it was hacked.", [("Chainflip", "PERSON")], {"Chainflip": "ORG"}),
        ("QuadrigaCX, a Canadian cryptocurrency exchange, went bankrupt.", [("QuadrigaCX", "GPE")],
         {"QuadrigaCX": "ORG"}),
        ("The stablecoin issuer Tether froze the funds.", [("Tether", "PERSON")], {"Tether": "ORG"}),
        # quotes inside the kind's phrase
        ("Police took down ChipMixer, a darknet cryptocurrency 'mixing' service, on Wednesday.", [("ChipMixer", "ORG")],
         {"ChipMixer": "ORG"}),
        ("Police took down Sinbad, a cryptocurrency “mixing” service, on Wednesday.", [("Sinbad", "PERSON")],
         {"Sinbad": "ORG"}),
    ],
)
def test_context_cue_reads_a_crypto_asset_by_its_kind(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("While passing the Bill, the Lok Sabha amended the provision.", [("Bill", "PERSON"), ("Lok Sabha", "ORG")]),
        ("After an amendment in the Finance Bill, the limit was lowered.", [("Bill", "PERSON")]),
        ("Both Bills were passed by the Senate in March.", [("Bills", "PERSON")]),
    ],
)
def test_build_entities_drops_a_bill_named_by_its_kind(blank, text, spans):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert not {"Bill", "Bills"} & set(names(entities)), names(entities)


def test_build_entities_keeps_a_person_named_bill(blank):
    articles, payloads = corpus(blank, [("en", "Bill Browder said the bank had failed.", [("Bill Browder", "PERSON")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Bill Browder": "PER"}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The HKMA acted under the Ordinance (Cap. 615) (AMLO) on Monday.", "Cap"),
        ("The Companies Ordinance (Cap 622) applies to every bank.", "Cap"),
        ("The debtor filed under Ch. 11 in Delaware.", "Ch"),
        ("The powers are set out in Sch. 2 of the Order.", "Sch"),
    ],
)
def test_drop_misreadings_drops_a_chapter_cited_by_its_number(blank, text, span):
    articles, payloads = corpus(blank, [("en", text, [(span, "PERSON")])])
    _, entities = E.build_entities(articles, payloads)
    assert span not in names(entities), names(entities)


def test_drop_misreadings_keeps_a_name_like_a_citation_unit_without_a_number(blank):
    articles, payloads = corpus(blank, [("en", "The fund was run by Art Vandelay and Cap Partners.", [("Cap Partners", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Cap Partners": "ORG"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("AUSTRAC sued The Star Pty Limited and The Star Entertainment QLD Limited (the Star Entities) in 2022.",
         [("AUSTRAC", "ORG"), ("Star Pty Limited", "ORG"), ("Star Entertainment QLD Limited", "ORG"), ("the Star Entities", "ORG")],
         {"AUSTRAC": "ORG", "Star Pty Limited": "ORG", "Star Entertainment QLD Limited": "ORG"}),
        ("The fund sued Alpha Ltd and Beta Ltd (together, the Delta Companies) last year.",
         [("Alpha Ltd", "ORG"), ("Beta Ltd", "ORG"), ("the Delta Companies", "ORG")], {"Alpha Ltd": "ORG", "Beta Ltd": "ORG"}),
        ("The claim names Gamma Inc and Omega LLC (collectively, the Omega Parties) as defendants.",
         [("Gamma Inc", "ORG"), ("Omega LLC", "ORG"), ("the Omega Parties", "ORG")], {"Gamma Inc": "ORG", "Omega LLC": "ORG"}),
        # a body's name in brackets that ends in no kind of party stays
        ("He works for the regulator (the Securities Commission) in Malaysia.",
         [("Securities Commission", "ORG"), ("Malaysia", "GPE")], {"Securities Commission": "ORG", "Malaysia": "LOC"}),
    ],
)
def test_drop_misreadings_drops_the_short_name_of_a_group_of_parties(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The limit was announced in the Budget earlier.", "Budget"),
        ("The 2018-19 Federal Budget set a cash limit.", "Federal Budget"),
        ("While presenting the Union Budget 2017-18, he proposed a ban.", "Union Budget 2017-18"),
        ("The State Budget 2024 raised the cap.", "State Budget 2024"),
        ("Customs detected undeclared cash on 400 occasions.", "Customs"),
        ("The Taskforce estimated that the black economy is costly.", "Taskforce"),
    ],
)
def test_a_budget_customs_or_a_taskforce_named_by_its_kind_is_dropped(blank, text, span):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert span not in names(entities), names(entities)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The Black Economy Taskforce made a recommendation.", "Black Economy Taskforce"),
        ("Officers of U.S. Customs and Border Protection seized it.", "U.S. Customs and Border Protection"),
    ],
)
def test_a_named_taskforce_or_customs_service_stays(blank, text, span):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(span) == "ORG"


@pytest.mark.parametrize(
    "text",
    [
        "Officers from Her Majesty's Revenue and Customs can seize cash.",
        "Officers from His Majesty's Revenue and Customs can seize cash.",
    ],
)
def test_a_majestys_possessive_stays_in_the_bodys_name(blank, text):
    span = text[len("Officers from "):text.index(" can")]
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    found = names(entities)
    assert len(found) == 1 and set(found.values()) == {"ORG"} and next(iter(found)) != "Revenue and Customs", found


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # an ISO 4217 code before a figure is the amount's currency, whichever the code
        ("He was bringing more than MYR 70,000 into Singapore.", [("MYR", "ORG"), ("Singapore", "GPE")],
         {"Singapore": "LOC"}),
        ("She carried AED 50,000 and SGD 12,000 in cash.", [("AED", "ORG"), ("SGD", "ORG")], {}),
        # a code that is also a name, not before a figure, stays
        ("The FCA and the SFO opened a case.", [("FCA", "ORG"), ("SFO", "ORG")], {"FCA": "ORG", "SFO": "ORG"}),
        # a country naming its currency by the word is no place mention
        ("They had $53,000 of undeclared U.S. currency seized.", [("U.S.", "GPE")], {}),
        # a declaration a traveller files is a form, no body
        ("It needs a written declaration (R32 System Declaration).", [("R32 System Declaration", "ORG")], {}),
    ],
)
def test_currency_codes_currency_countries_and_declarations_are_no_names(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Kryptex's history with freezing funds is long, but the company was reluctant to act.", "Kryptex"),
        ("Vexora also reached agreements with the U.S. Treasury Department. The company must appoint a monitor.",
         "Vexora"),
        ("Lumora breached the rules on many occasions. In so doing, the firm exposed its partners.", "Lumora"),
        ("Zentrix has denied the claims, and the exchange said it would appeal.", "Zentrix"),
    ],
)
def test_a_one_word_name_the_text_calls_a_company_is_a_firm(blank, text, span):
    spans = [(span, "PERSON")] + ([("U.S. Treasury Department", "ORG")] if "Treasury" in text else [])
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities)[span] == "ORG"


@pytest.mark.parametrize(
    ("text", "spans", "span"),
    [
        # a pronoun, another firm, a relative "who" or the person's full name come between: the kind is not the name's
        ("Morvan said he would appeal, and the company declined to comment.", [("Morvan", "PERSON")], "Morvan"),
        ("Morvan founded Kelto Labs; the company grew fast.", [("Morvan", "PERSON"), ("Kelto Labs", "ORG")], "Morvan"),
        ("Its former chief, Samuel Lim, spoke. Lim, who left the company in 2022, advises regulators.",
         [("Samuel Lim", "PERSON"), ("Lim", "PERSON")], "Lim"),
        # a name used as a modifier does not act
        ("It was linked to a close Morvan associate. But the company denied it.", [("Morvan", "PERSON")], "Morvan"),
    ],
)
def test_a_persons_name_before_a_company_named_by_its_kind_stays_a_person(blank, text, spans, span):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(span, names(entities).get("Samuel Lim")) == "PER"


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("It sued Crown Melbourne Ltd and Burswood Nominees Ltd (Crown Perth) in March.", "Burswood Nominees Ltd",
         "Crown Perth"),
        ("The regulator fined Harbour Gaming Pty Limited (Blue Harbour Casino) last year.", "Harbour Gaming Pty Limited",
         "Blue Harbour Casino"),
    ],
)
def test_a_trading_name_in_brackets_after_a_registered_name_is_the_firms(blank, text, name, alias):
    articles, payloads = corpus(blank, [("en", text, [(name, "ORG"), (alias, "PERSON")])])
    _, entities = E.build_entities(articles, payloads)
    forms = {(row["name"], row["label"], *row["aliases"].split("; ")) for _, row in entities.iterrows()}
    assert any({name, alias, "ORG"} <= set(f) for f in forms), forms


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("It valued properties of Punjab and Maharashtra Co-operative (PMC) Bank officials.",
         [("Punjab", "GPE"), ("Maharashtra Co", "ORG"), ("PMC", "ORG")], "Punjab and Maharashtra Co-operative (PMC) Bank"),
        ("Savers at the Karnataka State Cooperative (KSC) Bank lost money.",
         [("Karnataka State Cooperative", "ORG"), ("KSC", "ORG")], "Karnataka State Cooperative (KSC) Bank"),
        ("It fined the Royal Harbour Trust (RHTB) Bank in May.", [("Royal Harbour Trust", "ORG"), ("RHTB", "ORG")],
         "Royal Harbour Trust (RHTB) Bank"),
    ],
)
def test_a_name_with_its_acronym_before_its_head_is_one_firm(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert len(entities) == 1 and entities.at[0, "label"] == "ORG" and expected in forms_of(entities)


def test_an_acronym_that_spells_no_words_before_a_head_leaves_the_names_apart(blank):
    text = "Officials of the Vexa Holdings (XYZ) Bank unit met."
    articles, payloads = corpus(blank, [("en", text, [("Vexa Holdings", "ORG"), ("XYZ", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert "Vexa Holdings (XYZ) Bank" not in names(entities)


# ---------------------------------------------------------------------------
# English dev22 round: firms in a sanctions list, courts, titles, concepts
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "firm", "place"),
    [
        ("OFAC named (x) Dynapex Energy Limited (Hong Kong) and (xi) Dinrin Limited (Hong Kong).",
         "Dynapex Energy Limited", "Hong Kong"),
        ("It listed Vexo Marine Trading Ltd (Singapore) among the buyers.", "Vexo Marine Trading Ltd", "Singapore"),
        ("The sanctions hit Orel Shipping LLC (United Arab Emirates) in May.", "Orel Shipping LLC",
         "United Arab Emirates"),
    ],
)
def test_a_known_place_in_brackets_after_a_registered_name_is_no_trading_name(blank, text, firm, place):
    articles, payloads = corpus(blank, [("en", text, [(firm, "ORG"), (place, "GPE")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(firm) == "ORG" and names(entities).get(place) == "LOC", names(entities)
    assert aliases_of(entities, firm) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("It aided Persian Gulf Petrochemical Industry Commercial Co. in its sales.",
         "Persian Gulf Petrochemical Industry Commercial Co."),
        ("Funds went to Red Sea Shipping Ltd through a broker.", "Red Sea Shipping Ltd"),
        ("The buyer was Caspian Sea Trading LLC, the filing says.", "Caspian Sea Trading LLC"),
    ],
)
def test_a_legal_form_closing_a_name_makes_it_a_firm_whatever_place_word_it_holds(blank, text, span):
    articles, payloads = corpus(blank, [("en", text, [(span, "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {span: "ORG"}


def test_a_place_word_name_without_a_legal_form_stays_a_place(blank):
    articles, payloads = corpus(blank, [("en", "Tankers crossed the Persian Gulf in May.", [("Persian Gulf", "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Persian Gulf": "LOC"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The entities are: (vi) Zagros Petrochemical Company (Iran); (vii) Delta Oil Co.", "Zagros Petrochemical Company"),
        ("The entities are: (viii) Trio Energy DMCC (UAE) and others.", "Trio Energy DMCC"),
        ("Funds moved through Kelso Metals FZE and a bank.", "Kelso Metals FZE"),
        ("Funds moved through Sapphire Gulf FZCO and a bank.", "Sapphire Gulf FZCO"),
    ],
)
def test_add_cued_names_tags_a_firm_named_with_company_or_a_free_zone_form(blank, text, expected):
    articles, payloads = corpus(blank, [("en", text, [])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(expected) == "ORG", names(entities)


def test_add_cued_names_takes_no_run_cut_before_its_names_last_words(blank):
    text = "OFAC designated Public Joint Stock Company Gazprom Neft (Gazprom Neft) in January."
    articles, payloads = corpus(blank, [("en", text, [])])
    _, entities = E.build_entities(articles, payloads)
    assert "Public Joint Stock Company" not in names(entities)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Rhode Island Sen. Victoria Gu, whose cryptocurrency regulation was signed, spoke.", "Victoria Gu"),
        ("Senator Tom Hale, whose stablecoin bill passed, spoke.", "Tom Hale"),
        ("Mr Ode, whom the exchange hired in May, left.", "Ode"),
    ],
)
def test_context_cue_reads_no_apposition_in_a_relative_clause(blank, text, span):
    articles, payloads = corpus(blank, [("en", text, [(span, "PERSON")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(span) == "PER", names(entities)


def test_context_cue_still_reads_an_apposition_kind(blank):
    text = "Vexel, a cryptocurrency exchange based in Malta, was fined."
    articles, payloads = corpus(blank, [("en", text, [("Vexel", "PERSON")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Vexel": "ORG"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ministry of Law", False), ("Department of Law", False), ("Ministry of the Law", False),
        ("Bank of England Act", True), ("Law on Sanctions", True), ("Patriot Act", True),
    ],
)
def test_law_shaped_leaves_a_body_whose_field_is_the_law(name, expected):
    from helpers.entities.naming import law_shaped

    assert law_shaped(name) is expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Federal Court", None), ("the Federal Court", None), ("National Court", None),
        ("Court", "generic"), ("Federal", "generic"), ("the Court", "generic"),
        ("GST", "concept"), ("VAT", "concept"), ("Lakhs", "concept"), ("Crore", "concept"), ("IFSR", "concept"),
        ("ITSR", "concept"), ("Lakhani", None),
    ],
)
def test_drop_reason_keeps_a_court_named_by_its_level_and_drops_english_concepts(text, reason):
    assert E.drop_reason(text, E.load_lexicon("en")) == reason


def test_drop_reason_keeps_the_french_court_of_appeal_generic():
    assert E.drop_reason("Cour d'Appel", E.load_lexicon("fr")) == "generic"


@pytest.mark.parametrize(
    ("text", "short", "full"),
    [
        ("The Federal Court has fined the bank. It sued in the Federal Court of Australia in 2019.",
         "Federal Court", "Federal Court of Australia"),
        ("The Reserve Bank cut rates. The Reserve Bank of India said so.", "Reserve Bank", "Reserve Bank of India"),
    ],
)
def test_a_body_named_with_and_without_of_its_country_is_one_entity(blank, text, short, full):
    articles, payloads = corpus(blank, [("en", text, [(short, "ORG"), (full, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert len(entities) == 1 and {short, full} <= forms_of(entities), entities


def test_a_body_and_the_same_words_of_something_else_stay_apart(blank):
    text = "The Federal Court ruled. The Federal Court of Appeal then heard the case."
    articles, payloads = corpus(blank, [("en", text, [("Federal Court", "ORG"), ("Federal Court of Appeal", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert len(entities) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They are accused of the sales, News.Az reports, citing the Treasury.", "News.Az"),
        ("The figure was first reported by Interfax.ru on Monday.", "Interfax.ru"),
        ("Meduza.io and others wrote about it.", "Meduza.io"),
    ],
)
def test_add_cued_names_tags_a_site_named_by_a_country_domain(blank, text, expected):
    articles, payloads = corpus(blank, [("en", text, [])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(expected) == "ORG", names(entities)


@pytest.mark.parametrize("text", ["Mr. Li said so.", "The U.S. Treasury said so.", "Write to info@vexel.az today."])
def test_add_cued_names_takes_no_abbreviation_or_address_as_a_domain(blank, text):
    articles, payloads = corpus(blank, [("en", text, [])])
    _, entities = E.build_entities(articles, payloads)
    assert not [n for n in names(entities) if "." in n and n[-3:-2] == "."], names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Treasury Secretary Scott Bessent said the network was vast.", [("Treasury", "ORG"), ("Scott Bessent", "PERSON")],
         {"Scott Bessent": "PER"}),
        ("Last month, U.S. Treasury Secretary Janet Yellen told Reuters so.",
         [("U.S. Treasury", "ORG"), ("Janet Yellen", "PERSON"), ("Reuters", "ORG")],
         {"U.S.": "LOC", "Janet Yellen": "PER", "Reuters": "ORG"}),
        ("It could reach Chinese banks, according to Treasury Secretary Janet Yellen.",
         [("Treasury", "ORG"), ("Janet Yellen", "PERSON")], {"Janet Yellen": "PER"}),
    ],
)
def test_treasury_in_a_secretarys_title_is_no_mention_of_the_department(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The Treasury imposed sanctions on Monday.", "Treasury"),
        ("The Treasury Department said the Secretary would speak.", "Treasury Department"),
        ("A Treasury spokesperson declined to comment.", "Treasury"),
    ],
)
def test_treasury_outside_a_secretarys_title_stays_a_body(blank, text, span):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(span) == "ORG", names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Yellen said the United States House is considering sanctions.", [("United States", "GPE"), ("House", "ORG")],
         "United States House"),
        ("The bill passed the U.S. Senate on Friday.", [("U.S.", "GPE"), ("Senate", "ORG")], "U.S. Senate"),
        ("It went before the UK Parliament in May.", [("UK", "GPE")], "UK Parliament"),
    ],
)
def test_a_country_and_its_chamber_are_one_body(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {expected: "ORG"}, names(entities)


def test_a_country_before_a_chambers_committee_is_left_to_the_other_rules(blank):
    text = "The US House Financial Services Committee met."
    articles, payloads = corpus(blank, [("en", text, [("US", "GPE")])])
    _, entities = E.build_entities(articles, payloads)
    assert "US House" not in names(entities)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("It aims to reduce Moscow's petroleum revenue by a price cap.", "Moscow"),
        ("Sanctions hit Tehran's oil revenue hard.", "Tehran"),
        ("Analysts watched Beijing's export revenue.", "Beijing"),
    ],
)
def test_a_capitals_possessive_before_what_a_firm_has_stays_a_place(blank, text, span):
    articles, payloads = corpus(blank, [("en", text, [(span, "GPE")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {span: "LOC"}


def test_a_firms_possessive_before_its_revenue_stays_a_firm(blank):
    text = "Analysts watched Entain's online revenue."
    articles, payloads = corpus(blank, [("en", text, [("Entain", "GPE")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Entain": "ORG"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("It sold petrochemicals to South and East Asia last year.", [("South", "LOC"), ("East Asia", "LOC")],
         {"East Asia": "LOC"}),
        ("Gold moved from North and West Africa.", [("North", "LOC"), ("West Africa", "LOC")], {"West Africa": "LOC"}),
        ("Sales rose in Northern Iraq.", [("Northern Iraq", "LOC")], {"Northern Iraq": "LOC"}),
    ],
)
def test_a_compass_word_before_a_region_names_a_place_and_its_elided_twin_none(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_a_compass_word_before_a_town_is_no_region(blank):
    from helpers.entities.gazetteer import compass_region

    assert not compass_region("Western Union") and compass_region("East Asia")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("In the filing, he and Morgan engaged in a scheme.", "Morgan"),
        ("She and Tetley were charged.", "Tetley"),
        ("Lichtenstein and she agreed to plead.", "Lichtenstein"),
    ],
)
def test_a_name_joined_to_a_personal_pronoun_is_a_persons(blank, text, span):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {span: "PER"}


def test_a_name_joined_to_another_pronoun_keeps_its_label(blank):
    text = "They and Binance reached a deal."
    articles, payloads = corpus(blank, [("en", text, [("Binance", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Binance": "ORG"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ('It charged Ilya "Dutch" Lichtenstein and Heather "Razzlekhan" Morgan with fraud.',
         [('Lichtenstein and Heather "Razzlekhan" Morgan', "WORK_OF_ART")],
         {'Ilya "Dutch" Lichtenstein': "PER", 'Heather "Razzlekhan" Morgan': "PER"}),
        ('Police arrested Marcus "Banker" Olsen in Oslo.', [("Oslo", "GPE")],
         {'Marcus "Banker" Olsen': "PER", "Oslo": "LOC"}),
    ],
)
def test_a_first_name_a_quoted_nickname_and_a_surname_are_one_person(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_a_quoted_word_before_a_firms_kind_makes_no_person(blank):
    text = 'Analysts tied Lazarus "APT38" Group to the theft.'
    articles, payloads = corpus(blank, [("en", text, [])])
    _, entities = E.build_entities(articles, payloads)
    assert not any(l == "PER" for l in names(entities).values())


@pytest.mark.parametrize(
    "text",
    ["The fines rank second only to those levied after the 1MDB scandal.",
     "This is the largest penalty since the 1MDB scandal in 2017."],
)
def test_add_cued_names_tags_a_code_name_before_scandal(blank, text):
    articles, payloads = corpus(blank, [("en", text, [])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"1MDB": "ORG"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("It created the Anti-Money Laundering Authority (AMLA) in Frankfurt.",
         [("Anti-Money Laundering Authority", "ORG"), ("Frankfurt", "GPE")], "Anti-Money Laundering Authority"),
        ("It created the Authority for Anti-Money Laundering and Countering the Financing of Terrorism (AMLA).",
         [("Authority", "ORG")], "Authority for Anti-Money Laundering and Countering the Financing of Terrorism"),
        ("The Office for Financial Sanctions Implementation (OFSI) fined it.", [], 
         "Office for Financial Sanctions Implementation"),
    ],
)
def test_a_body_spelled_out_before_its_acronym_is_kept_whatever_the_acronym_also_means(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(expected) == "ORG" or any(
        expected in forms_of(entities, i) for i in range(len(entities))), names(entities)


def test_a_concept_acronym_spelled_as_no_body_is_still_dropped(blank):
    text = "It broke the Anti-Money Laundering Act (AMLA) rules."
    articles, payloads = corpus(blank, [("en", text, [("AMLA", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert "AMLA" not in names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Then the Accounting and Corporate Regulatory Authority proposed amendments.",
         [("Corporate Regulatory Authority", "ORG")], "Accounting and Corporate Regulatory Authority"),
        ("It wrote to the Justice and Home Affairs Council in May.", [("Home Affairs Council", "ORG")],
         "Justice and Home Affairs Council"),
    ],
)
def test_capitalised_words_and_and_before_a_bodys_span_are_its_name(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {expected: "ORG"}, names(entities)


def test_a_tagged_name_and_and_before_a_body_stay_two(blank):
    text = "Agents of the FBI and Securities Commission met."
    articles, payloads = corpus(blank, [("en", text, [("FBI", "ORG"), ("Securities Commission", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert set(names(entities)) == {"FBI", "Securities Commission"}


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Mounties' EGM revenue totalled $459 million.", "Mounties' EGM", {"Mounties": "ORG"}),
        ("The Casinos' ATM withdrawals rose.", "Casinos' ATM", {"Casinos": "ORG"}),
    ],
)
def test_a_plurals_possessive_before_a_word_in_capitals_cuts_the_span(blank, text, span, expected):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


def test_a_plurals_possessive_before_capitalised_words_names_a_body(blank):
    text = "The Workers' Party of Korea met."
    articles, payloads = corpus(blank, [("en", text, [("Workers' Party of Korea", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert "Workers' Party of Korea" in names(entities)


@pytest.mark.parametrize(("text", "reason"), [("I-T Department", None), ("A-G Office", None), ("Department", "generic")])
def test_drop_reason_reads_hyphenated_capitals_as_an_acronym(text, reason):
    assert E.drop_reason(text, E.load_lexicon("en")) == reason


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("said Brian E. Nelson, assistant secretary of the Treasury for Terrorism and Financial Intelligence.",
         "Financial Intelligence"),
        ("said the Deputy Assistant Secretary for Sanctions and Financial Crimes.", "Financial Crimes"),
        ("said the under secretary of the Treasury for Terrorist Financing.", "Terrorist Financing"),
    ],
)
def test_the_field_a_title_of_a_department_is_for_is_no_body(blank, text, span):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert span not in names(entities), names(entities)


def test_a_lowercase_title_for_a_firm_keeps_the_firm(blank):
    text = "said a spokeswoman for Binance Holdings."
    articles, payloads = corpus(blank, [("en", text, [("Binance Holdings", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Binance Holdings": "ORG"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CPA Australia said in a submission that the cap was too low.", "CPA Australia"),
        ("Auditors at KPMG India flagged the deals.", "KPMG India"),
    ],
)
def test_an_untagged_acronym_before_a_country_names_a_firm_with_it(blank, text, expected):
    country = expected.split()[-1]
    articles, payloads = corpus(blank, [("en", text, [(country, "GPE")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {expected: "ORG"}


@pytest.mark.parametrize("text", ["Its AML Australia rules changed.", "Trade between the EU Australia and Japan grew.",
                                  "He paid USD Australia-wide."])
def test_a_concept_body_or_currency_before_a_country_names_no_firm(blank, text):
    country = "Australia"
    articles, payloads = corpus(blank, [("en", text, [(country, "GPE")])])
    _, entities = E.build_entities(articles, payloads)
    assert not any(n.endswith(" Australia") for n in names(entities)), names(entities)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ('It is rehearsed in the "Statement of the Offense and Related Conduct" filed with the plea.',
         "Statement of the Offense and Related Conduct"),
        ("The Statement of Facts sets out the scheme.", "Statement of Facts"),
    ],
)
def test_a_court_filing_named_by_its_kind_is_no_body(blank, text, span):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(span) == "MISC"


@pytest.mark.parametrize(
    ("text", "span"),
    [("Ukraine opened a section on the War & Sanctions portal.", "War & Sanctions"),
     ("Files sit on the Open Sanctions Data portal.", "Open Sanctions Data")],
)
def test_a_portals_title_is_no_body(blank, text, span):
    articles, payloads = corpus(blank, [("en", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(span) == "MISC"


@pytest.mark.parametrize(
    ("text", "spans", "name", "alias"),
    [
        ('OFSI fined Markom Management Limited ("MML UK") for a breach of UK sanctions.',
         [("Markom Management Limited", "ORG"), ("UK", "GPE"), ("UK", "GPE", 1)], "Markom Management Limited", "MML UK"),
        ('It settled with Vexel Pay Ltd ("the Company") in May.', [("Vexel Pay Ltd", "ORG"), ("Company", "ORG")],
         "Vexel Pay Ltd", None),
        ('It settled with Vexa Trading LLC ("Blue Vexa") in May.', [("Vexa Trading LLC", "ORG"), ("Blue Vexa", "PERSON")],
         "Vexa Trading LLC", "Blue Vexa"),
    ],
)
def test_a_defined_term_in_quotes_and_brackets_after_a_firm_is_its_other_name(blank, text, spans, name, alias):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    firm = next(i for i in range(len(entities)) if name in forms_of(entities, i))
    assert alias is None or alias in forms_of(entities, firm), entities
    assert entities.at[firm, "label"] == "ORG"


def test_a_term_in_quotes_after_a_person_stays_apart(blank):
    text = 'It cited John Smith ("Smith Holdings") in May.'
    articles, payloads = corpus(blank, [("en", text, [("John Smith", "PERSON"), ("Smith Holdings", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert len(entities) == 2


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("La commission des lois de l'Assemblée nationale vient de publier un rapport.",
         [("Assemblée nationale", "ORG")], {"commission des lois de l'Assemblée nationale": "ORG"}),
        ("Le sénateur a parlé au nom de la commission des affaires étrangères du Sénat mardi.",
         [("Sénat", "LOC")], {"commission des affaires étrangères du Sénat": "ORG"}),
        ("Une commission d'enquête de la Chambre des représentants a été créée.",
         [("Chambre des représentants", "ORG")], {"commission d'enquête de la Chambre des représentants": "ORG"}),
        ("La commission des finances et du budget du Parlement européen a voté.",
         [("Parlement européen", "ORG")], {"commission des finances et du budget du Parlement européen": "ORG"}),
        # a chamber alone stays itself; a commission of a body that is no chamber is left to the other rules
        ("Le Sénat a voté la loi.", [("Sénat", "ORG")], {"Sénat": "ORG"}),
        ("La commission des lois de la Banque Wegelin a siégé.", [("Banque Wegelin", "ORG")], {"Banque Wegelin": "ORG"}),
    ],
)
def test_tag_public_bodies_joins_a_chamber_committee_to_its_chamber(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected, names(entities)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Son siège social est 4, rue Louis Blériot à Rueil-Malmaison.", [("Louis Blériot", "PER")]),
        ("Le cabinet est installé avenue Jean-Jaurès, à Rueil-Malmaison.", [("avenue Jean-Jaurès", "LOC")]),
        ("Les bureaux du 12 boulevard Haussmann à Rueil-Malmaison ont été fouillés.", [("boulevard Haussmann", "LOC")]),
        ("Il habite rue du Général Leclerc à Rueil-Malmaison.", [("Général Leclerc", "PER")]),
        ("La société loge allée des Frères Lumière à Rueil-Malmaison.", [("Frères Lumière", "ORG")]),
    ],
)
def test_drop_misreadings_drops_the_name_of_a_street_in_an_address(blank, text, spans):
    articles, payloads = corpus(blank, [("fr", text, [*spans, ("Rueil-Malmaison", "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Rueil-Malmaison": "LOC"}, names(entities)


def test_drop_misreadings_keeps_a_name_after_other_place_words(blank):
    text = "La mise en place des Nations unies et au cours de Jean Dupont ont eu lieu."
    articles, payloads = corpus(blank, [("fr", text, [("Nations unies", "ORG"), ("Jean Dupont", "PER")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Nations unies": "ORG", "Jean Dupont": "PER"}, names(entities)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "L'enquête liée au fonds souverain malaisien 1MDB a été rouverte.", "1MDB"),
        ("fr", "Le scandale impliquant le fonds 1MDB, créé en 2009, a éclaté.", "1MDB"),
        ("fr", "La société 3AC a fait faillite en 2022.", "3AC"),
        ("en", "The collapse of the hedge fund 3AC hurt lenders.", "3AC"),
    ],
)
def test_add_cued_names_tags_a_code_name_opening_with_digits_after_a_kind(blank, lang, text, expected):
    articles, payloads = corpus(blank, [(lang, text, [])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(expected) == "ORG", names(entities)


@pytest.mark.parametrize("text", ["Le réseau 5G est en place depuis 2020.", "La société a investi dans 3 Sites."])
def test_add_cued_names_takes_no_bare_figure_as_a_code_name(blank, text):
    articles, payloads = corpus(blank, [("fr", text, [])])
    _, entities = E.build_entities(articles, payloads)
    assert not any(c.isdigit() for n in names(entities) for c in n), names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("L'Office des changes réglemente les dotations de l'opération pour 2012.",
         [("L'Office des changes réglemente les dotations de l'", "MISC")], {"Office des changes": "ORG"}),
        ("L'Autorité des marchés financiers enquête depuis février.",
         [("Autorité des marchés financiers enquête", "ORG")], {"Autorité des marchés financiers": "ORG"}),
        ("Le Tribunal administratif des marchés financiers ordonne le gel des avoirs.",
         [("Tribunal administratif des marchés financiers ordonne", "ORG")],
         {"Tribunal administratif des marchés financiers": "ORG"}),
        # an adjective or a nationality after a known name may make a longer name: the model's span stays
        ("La Cour des comptes européenne publie un rapport.", [("Cour des comptes européenne", "ORG")],
         {"Cour des comptes européenne": "ORG"}),
    ],
)
def test_add_known_bodies_ends_a_french_body_before_the_verb_of_its_clause(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {n: l for n, l in names(entities).items() if l != "MISC"} == expected, names(entities)


def test_tag_public_bodies_takes_no_verb_in_ee_as_an_adjective_after_a_domain(blank):
    text = "La Loi sur l'Autorité des marchés financiers crée le Bureau de décision."
    articles, payloads = corpus(blank, [("fr", text, [("Autorité des marchés financiers", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert "Autorité des marchés financiers" in names(entities), names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # French names of US states are the states, whatever the model said
        ("Le procureur de Floride a inculpé Jean Dupont.", [("Floride", "ORG"), ("Jean Dupont", "PER")],
         {"Floride": "LOC", "Jean Dupont": "PER"}),
        ("La société est enregistrée en Caroline du Nord.", [("Caroline du Nord", "ORG")], {"Caroline du Nord": "LOC"}),
        # a subdivision of ISO 3166-2, in its own name or the French one, stays the model's place
        ("Les fonds ont transité par la Bavière avant d'arriver.", [("Bavière", "LOC")], {"Bavière": "LOC"}),
        ("Les douaniers du Limburg ont saisi la cargaison.", [("Limburg", "LOC")], {"Limburg": "LOC"}),
    ],
)
def test_gazetteer_reads_french_subdivision_names_as_places(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected, names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Le tribunal du district de Californie du Nord a inculpé BTC-e hier.",
         [("Californie", "ORG"), ("Nord", "LOC"), ("BTC-e", "ORG")], {"Californie du Nord": "LOC", "BTC-e": "ORG"}),
        ("Les cryptomonnaies d'Europe centrale et d'Europe de l'Est ont chuté.",
         [("Europe centrale", "LOC"), ("Europe", "LOC", 1)], {"Europe centrale": "LOC", "Europe de l'Est": "LOC"}),
        ("Les flux vers l'Afrique occidentale ont doublé.", [("Afrique", "LOC")], {"Afrique occidentale": "LOC"}),
        # a known country's name with its compass point stays itself
        ("La Corée du Nord a tiré un missile.", [("Corée du Nord", "LOC")], {"Corée du Nord": "LOC"}),
    ],
)
def test_join_compass_parts_makes_a_known_place_and_its_compass_point_one_place(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected, names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Les enquêteurs sont remontés jusqu'au Lichtenstein pour trouver les fonds.", [("Lichtenstein", "LOC")],
         {"Lichtenstein": "LOC"}),
        ("La police a fouillé le moulin de Giverny, leur domicile.", [("Giverny", "LOC")], {"Giverny": "LOC"}),
        ("Les bureaux se trouvent dans le quartier de Limpertsberg depuis 2010.", [("Limpertsberg", "LOC")],
         {"Limpertsberg": "LOC"}),
        # with no word of place, an unknown place the model names stays read as a firm's name
        ("Selon Plexcoin, les fonds sont saufs.", [("Plexcoin", "LOC")], {"Plexcoin": "ORG"}),
        # a judge's title is no kind of place
        ("Il a comparu devant le juge de district américain Lewis Kaplan hier.", [("Lewis Kaplan", "PER")],
         {"Lewis Kaplan": "PER"}),
    ],
)
def test_context_cue_sets_a_french_place_after_jusqu_au_or_a_kind_of_place(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected, names(entities)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Falcon Private Bank a gravement enfreint les dispositions en matière de blanchiment.", "Falcon Private Bank"),
        ("fr", "Selon le régulateur, la Deutsche Bank a payé une amende.", "Deutsche Bank"),
        ("fr", "Nordex Crypto Holdings a déposé le bilan mardi.", "Nordex Crypto Holdings"),
        ("en", "Three Arrows Capital filed for bankruptcy in July.", "Three Arrows Capital"),
    ],
)
def test_add_cued_names_tags_a_firm_named_with_a_firm_word_opening_its_sentence(blank, lang, text, expected):
    articles, payloads = corpus(blank, [(lang, text, [])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(expected) == "ORG", names(entities)


@pytest.mark.parametrize("text", ["Le Bureau a siégé mardi.", "La Banque de France a publié son rapport."])
def test_add_cued_names_takes_no_sentence_opening_run_without_a_firm_word(blank, text):
    articles, payloads = corpus(blank, [("fr", text, [])])
    _, entities = E.build_entities(articles, payloads)
    assert not any(n in text[:12] for n in names(entities)), names(entities)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Les enquêteurs de la Brigade régionale de lutte contre le crime organisé ont arrêté deux hommes.",
         "Brigade régionale de lutte contre le crime", "Brigade régionale de lutte contre le crime organisé"),
        ("Selon la Brigade de répression du crime organisé, le réseau est démantelé.",
         "Brigade de répression du crime", "Brigade de répression du crime organisé"),
        ("Le Service de lutte contre le crime organisé a été saisi.",
         "Service de lutte contre le crime", "Service de lutte contre le crime organisé"),
    ],
)
def test_tag_public_bodies_joins_a_participle_in_ise_after_a_brigade_domain(blank, text, span, expected):
    articles, payloads = corpus(blank, [("fr", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {expected: "ORG"}, names(entities)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a span inside an amount the tagger reads is the amount: a country's marker, a code, a symbol
        ("The Central Bank of Nigeria set N100,000 as the limit, Reuters said.",
         [("Central Bank of Nigeria", "ORG"), ("N100,000", "ORG"), ("Reuters", "ORG")],
         {"Central Bank of Nigeria": "ORG", "Reuters": "ORG"}),
        ("In South Africa, Absa was fined R10 million.", [("South Africa", "GPE"), ("Absa", "ORG"), ("R10 million", "ORG")],
         {"South Africa": "LOC", "Absa": "ORG"}),
        ("Safaricom raised the cap to Ksh250,000.", [("Safaricom", "ORG"), ("Ksh250,000", "PER")], {"Safaricom": "ORG"}),
        ("Reports above Ugx 20 million go to the FIA.", [("Ugx 20", "ORG"), ("FIA", "ORG")], {"FIA": "ORG"}),
        # a marker that the text gives no country is no amount, and a name stays
        ("The P5 met in Vienna.", [("P5", "ORG"), ("Vienna", "GPE")], {"P5": "ORG", "Vienna": "LOC"}),
    ],
)
def test_build_entities_drops_a_span_inside_an_amount(blank, text, spans, expected):
    from helpers.amounts import raw_amount_records
    from helpers.evaluation import blank_amount_pipeline

    articles, payloads = corpus(blank, [("en", text, spans)])
    payloads["a0"]["amounts"] = raw_amount_records(blank_amount_pipeline("en")(text))
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a country's own short marker and a figure is the model's piece of an amount, even where the text
        # names no country for the amount tagger to read it with
        ("ABSA Bank was issued with a financial penalty of R10 million.",
         [("ABSA Bank", "ORG"), ("R10 million", "ORG")], {"ABSA Bank": "ORG"}),
        ("Withdrawals above N500 a day will attract a charge, the CBN said.",
         [("N500", "PERSON"), ("CBN", "ORG")], {"CBN": "ORG"}),
        ("It allows up to N5m for individuals and N10m for companies.",
         [("N5", "ORG"), ("N10", "ORG")], {}),
        ("Withdrawals were capped at LE 5,000 a day by Banque Misr.",
         [("LE 5,000", "ORG"), ("Banque Misr", "ORG")], {"Banque Misr": "ORG"}),
        ("Safaricom charges Sh 200 on such transfers.", [("Safaricom", "ORG"), ("Sh 200", "ORG")], {"Safaricom": "ORG"}),
        # nor does a cue before it make the piece a name the model missed
        ("Individuals can only withdraw a maximum of N500, 000 weekly.", [], {}),
        # one or two digits with no magnitude may be a name's: the group, the road
        ("The P5 met in Vienna.", [("P5", "ORG"), ("Vienna", "GPE")], {"P5": "ORG", "Vienna": "LOC"}),
        ("Traffic on the N1 was insured by Santam.", [("N1", "ORG"), ("Santam", "ORG")], {"N1": "ORG", "Santam": "ORG"}),
    ],
)
def test_a_countrys_short_marker_and_a_figure_is_no_name(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a centre, institutions or a kingdom named by their kind alone refer back, and name nothing
        ("Any deposit of GH¢50,000 or more is reported to the Centre.", [("Centre", "ORG")], {}),
        ("The CBK enforces compliance on Financial Institutions.", [("CBK", "ORG"), ("Financial Institutions", "ORG")],
         {"CBK": "ORG"}),
        ("Officers foiled attempts to smuggle notes out of the Kingdom.", [("Kingdom", "GPE")], {}),
        ("Banks, insurers and other Institutions must report.", [("Institutions", "ORG")], {}),
        # the same words in a name stay
        ("The Financial Intelligence Centre fined the bank.", [("Financial Intelligence Centre", "ORG")],
         {"Financial Intelligence Centre": "ORG"}),
        ("He flew to the United Kingdom.", [("United Kingdom", "GPE")], {"United Kingdom": "LOC"}),
    ],
)
def test_a_centre_institutions_or_kingdom_named_by_kind_alone_is_no_name(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a suspicious transaction report and a payment service provider named by their acronyms are concepts
        ("The regulator said the bank failed to submit an STR in time.", [("STR", "ORG")], {}),
        ("The bank filed two STRs last year.", [("STRs", "ORG")], {}),
        ("The limit covers transfers between PSPs and banks.", [("PSPs", "ORG")], {}),
        ("Each PSP must keep records.", [("PSP", "ORG")], {}),
        ("The ML/CFT guidelines were revised.", [("ML/CFT", "ORG")], {}),
        # an organisation whose name holds the letters stays
        ("STR Holdings reported a loss.", [("STR Holdings", "ORG")], {"STR Holdings": "ORG"}),
    ],
)
def test_a_suspicious_transaction_report_or_payment_provider_acronym_is_a_concept(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a known town opening the text before a colon is the dateline, as Gulf and Asian copy writes it
        ("Abu Dhabi: The Central Bank of the UAE has fined an exchange house.",
         [("Abu Dhabi", "ORG"), ("Central Bank of the UAE", "ORG")],
         {"Abu Dhabi": "LOC", "Central Bank of the UAE": "ORG"}),
        ("Dubai: Passengers carrying more than Dh60,000 must declare it.", [("Dubai", "ORG")], {"Dubai": "LOC"}),
        ("Notice.\nKarachi: The agency froze the accounts.", [("Karachi", "ORG")], {"Karachi": "LOC"}),
        # a firm's name before a colon, or a town's name before a colon inside a sentence, stays what the model said
        ("Standard Bank: A financial penalty was imposed.", [("Standard Bank", "ORG")], {"Standard Bank": "ORG"}),
        ("The fans cheered for Chelsea: The club won.", [("Chelsea", "ORG")], {"Chelsea": "ORG"}),
    ],
)
def test_a_town_opening_the_text_before_a_colon_is_a_dateline_place(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # the Treasury in its cabinet secretary's title, in lowercase or with "Cabinet", is part of the title
        ("Treasury secretary Henry Rotich said there were plans.", [("Treasury", "ORG"), ("Henry Rotich", "PERSON")],
         {"Henry Rotich": "PER"}),
        ("Treasury Cabinet Secretary Ukur Yatani announced the levy.",
         [("Treasury", "ORG"), ("Ukur Yatani", "PERSON")], {"Ukur Yatani": "PER"}),
        # the Treasury that acts stays a body
        ("The Treasury said the secretary would resign.", [("Treasury", "ORG")], {"Treasury": "ORG"}),
    ],
)
def test_the_treasury_in_a_lowercase_or_cabinet_secretarys_title_is_no_body(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a bill named by its number is a law, not a person or a body
        ("In introducing Senate Bill 45, the senator cited the heist.", [("Senate Bill 45", "PERSON")], {}),
        ("House Bill No. 6608 was passed on third reading.", [("House Bill No. 6608", "ORG")], {}),
        ("Parliament passed Bill C-31 last year.", [("Bill C-31", "ORG")], {}),
        # a person named Bill stays a person
        ("Bill Browder testified before the committee.", [("Bill Browder", "PERSON")], {"Bill Browder": "PER"}),
    ],
)
def test_a_bill_named_by_its_number_is_a_law(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {k: v for k, v in names(entities).items() if v != "MISC"} == expected


@pytest.mark.parametrize(
    ("lang", "text", "spans", "expected"),
    [
        # a cash machine named in full, and a company officer's title by its French acronym, are no bodies
        ("en", "The maximum withdrawal via Automated Teller Machine shall be capped.",
         [("Automated Teller Machine", "ORG")], {}),
        ("en", "Customers used Automated Teller Machines abroad.", [("Automated Teller Machines", "ORG")], {}),
        ("fr", "Le président du conseil d'administration (PCA) de Banque Atlantique Cameroun est blâmé.",
         [("PCA", "ORG"), ("Banque Atlantique Cameroun", "ORG")], {"Banque Atlantique Cameroun": "ORG"}),
        ("fr", "Le directeur général adjoint (DGA) a été entendu ; le PCA aussi.", [("DGA", "ORG"), ("PCA", "ORG")], {}),
        # the courts named by their kind together, in capitals, name none
        ("fr", "Les tribunaux de Douala sont les Juridictions les plus saisies.", [("Juridictions", "ORG"), ("Douala", "LOC")],
         {"Douala": "LOC"}),
        ("fr", "Le dossier a été transmis aux Juridictions compétentes.", [("Juridictions", "ORG")], {}),
    ],
)
def test_a_cash_machine_an_officers_french_acronym_or_the_courts_by_kind_are_no_bodies(blank, lang, text, spans, expected):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a country or its people's adjective and "Customs" are the country's customs service
        ("In this regard, the Saudi Customs emphasized the rule.", [("Saudi", "NORP"), ("Customs", "ORG")],
         {"Saudi Customs": "ORG"}),
        ("Nigeria Customs seized the cash at the airport.", [("Nigeria", "GPE"), ("Customs", "ORG")],
         {"Nigeria Customs": "ORG"}),
        ("Officers of the Kenyan Customs intercepted him.", [("Kenyan", "NORP")], {"Kenyan Customs": "ORG"}),
        # a longer name is left whole, and customs of no country stay no name
        ("The Nigeria Customs Service seized the cash.", [("Nigeria", "GPE"), ("Customs Service", "ORG")],
         {"Nigeria": "LOC", "Customs Service": "ORG"}),
        ("Customs detected undeclared cash.", [("Customs", "ORG")], {}),
    ],
)
def test_a_country_and_customs_are_its_customs_service(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a known town in capitals opening the text as its dateline is a place, where the model missed it
        ("PETALING JAYA, Dec 16 (Bernama) — KPMG is urging banks to act.", [("Bernama", "ORG"), ("KPMG", "ORG")],
         {"PETALING JAYA": "LOC", "Bernama": "ORG", "KPMG": "ORG"}),
        ("LAGOS (Reuters) - The central bank capped withdrawals.", [("Reuters", "ORG")],
         {"LAGOS": "LOC", "Reuters": "ORG"}),
        ("Notice.\nNAIROBI: The bank raised the limit.", [], {"NAIROBI": "LOC"}),
        # capitals no gazetteer knows as a place, or a town's name inside a sentence, are not added
        ("KPMG, Dec 16 — The firm is urging banks to act.", [], {}),
        ("The bank in NAIROBI raised the limit.", [], {}),
    ],
)
def test_a_dateline_town_in_capitals_the_model_missed_is_a_place(blank, text, spans, expected):
    articles, payloads = corpus(blank, [("en", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


# ---------------------------------------------------------------------------
# A ministry's remit, a partnership's name, a field after "de", quoted code names
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        ("fr", "Le Département fédéral de l'économie, de la formation et de la recherche a repris les listes.",
         "Département fédéral de l'économie, de la formation et de la recherche",
         "Département fédéral de l'économie, de la formation et de la recherche"),
        ("fr", "Le Ministère de l'Économie, des Finances et de la Relance a publié un arrêté.",
         "Ministère de l'Économie, des Finances et de la Relance", "Ministère de l'Économie, des Finances et de la Relance"),
        ("en", "The Ministry of Economy, Trade and Industry issued the rule.",
         "Ministry of Economy, Trade and Industry", "Ministry of Economy, Trade and Industry"),
    ],
)
def test_a_ministrys_remit_listed_with_commas_stays_one_name(blank, lang, text, span, expected):
    articles, payloads = corpus(blank, [(lang, text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {expected: "ORG"}


def test_a_list_of_firms_with_commas_is_still_cut():
    from helpers.entities.cleanup import _remit_list

    for text in ("Binance, Coinbase and Kraken", "Bank of America, Wells Fargo and Citi", "Paris, de la Défense"):
        comma = text.index(",")
        assert not _remit_list(text, comma, comma + 2), text


def test_a_partnerships_name_cut_at_its_commas_is_one_firm(blank):
    text = "relève Margot Sève, associée chez Skadden, Arps, Slate, Meagher & Flom LLP and Affiliates."
    spans = [("Margot Sève", "PER"), ("Skadden", "ORG"), ("Arps", "ORG"), ("Slate", "ORG"),
             ("Meagher & Flom LLP and Affiliates", "ORG")]
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Margot Sève": "PER", "Skadden, Arps, Slate, Meagher & Flom LLP and Affiliates": "ORG"}


def test_firms_listed_with_commas_and_no_legal_form_stay_apart(blank):
    text = "Les plateformes Binance, Kraken, Bitstamp & Coinbase ont réagi."
    spans = [("Binance", "ORG"), ("Kraken", "ORG"), ("Bitstamp & Coinbase", "ORG")]
    articles, payloads = corpus(blank, [("fr", text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert {"Binance", "Kraken"} <= set(names(entities))


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Le Bureau d'enquête a récemment mis en lumière la tolérance du casino.", "Bureau d'", "Bureau d'enquête"),
        ("La Cellule de renseignement a transmis le dossier.", "Cellule de", "Cellule de renseignement"),
        # no institution's head: the connector is dropped, nothing is added
        ("Les Amis de la planète ont manifesté.", "Amis de", "Amis"),
    ],
)
def test_a_french_body_closed_on_its_connector_takes_its_lowercase_field(blank, text, span, expected):
    articles, payloads = corpus(blank, [("fr", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert list(names(entities)) == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "span"),
    [
        ("fr", "L'opération, baptisée « Collecteur », a mené à la saisie de cannabis.", "Collecteur"),
        ("fr", "Les policiers de l'opération « Chrysalide » ont saisi trois voitures.", "Chrysalide"),
        ("en", "The investigation, dubbed 'Destabilise', found two networks.", "Destabilise"),
    ],
)
def test_a_quoted_or_named_code_name_is_no_body(blank, lang, text, span):
    articles, payloads = corpus(blank, [(lang, text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(span) == "MISC", names(entities)


def test_a_startup_called_by_its_name_keeps_its_label(blank):
    text = "A startup called Zqvorix raised funds in Paris."
    articles, payloads = corpus(blank, [("en", text, [("Zqvorix", "ORG"), ("Paris", "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get("Zqvorix") == "ORG"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Les virements sont gratuits pour 30 jours en raison de la situation sanitaire liée au Covid-19.", "Covid-19"),
        ("Lors du Conseil des ministres du mercredi 4 janvier 2023, le porte-parole a parlé.", "Conseil des ministres"),
    ],
)
def test_a_disease_and_a_cabinet_meeting_are_no_bodies(blank, text, span):
    articles, payloads = corpus(blank, [("fr", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert span not in names(entities)


def test_a_defined_acronym_may_leave_out_the_bodys_level(blank):
    name = "Département fédéral de l'économie, de la formation et de la recherche"
    text = f"Le {name} (DEFR) a repris les listes. Le DEFR est compétent."
    articles, payloads = corpus(blank, [("fr", text, [(name, "ORG"), ("DEFR", "ORG"), ("DEFR", "ORG", 1)])])
    _, entities = E.build_entities(articles, payloads)
    assert len(entities) == 1 and {name, "DEFR"} <= forms_of(entities)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("La Banque de France du 12 mai 2023 a publié son rapport.", "Banque de France du 12 mai 2023", "Banque de France"),
        ("The Council of the European Union on Monday adopted the package.", "Council of the European Union on Monday",
         "Council of the European Union"),
        # a date that is part of the name has no weekday and no year
        ("Le Mouvement du 23 mars a attaqué la ville.", "Mouvement du 23 mars", "Mouvement du 23 mars"),
    ],
)
def test_a_name_run_on_into_a_date_ends_before_it(blank, text, span, expected):
    lang = "en" if text.startswith("The ") else "fr"
    articles, payloads = corpus(blank, [(lang, text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert list(names(entities)) == [expected]


def test_a_persons_title_after_and_the_ends_a_bodys_name(blank):
    text = ("Le porte-parole de l'Administration Générale des Douanes et le chef de la sous-direction des opérations "
            "de la Garde Douanière, le Colonel Chokri Jabri, a averti les voyageurs.")
    span = "Administration Générale des Douanes et le chef de la sous-direction des opérations de la Garde Douanière"
    articles, payloads = corpus(blank, [("fr", text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Administration Générale des Douanes": "ORG", "Garde Douanière": "ORG"}


def test_the_holder_of_a_title_over_a_kind_of_noun_is_a_person(blank):
    text = ("«C'est énorme», a déclaré l'enquêteur principal de ce projet, François-Olivier Myette, en parlant des "
            "liasses d'argent liquide.")
    articles, payloads = corpus(blank, [("fr", text, [("François-Olivier Myette", "PER")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"François-Olivier Myette": "PER"}


def test_a_bylines_author_is_kept_though_the_line_reads_like_a_heading(blank):
    text = "By Emma Kinery | State Affairs\nArizona's new law regulating bitcoin ATMs has taken effect."
    articles, payloads = corpus(blank, [("en", text, [("Emma Kinery", "PER")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == {"Emma Kinery": "PER"}


def test_a_swiss_laws_acronym_cited_after_its_article_is_no_body(blank):
    text = "Mesures de rétablissement de l'ordre légal (art. 31 LFINMA) et confiscation (art. 35 LFINMA)."
    articles, payloads = corpus(blank, [("fr", text, [("LFINMA", "ORG"), ("LFINMA", "ORG", 1)])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get("LFINMA") == "MISC"


def test_a_code_name_a_participle_gives_an_affair_is_no_body(blank):
    text = ("La banque a été condamnée dans le cadre d'une affaire de fraude à la taxe carbone baptisée "
            "\"Crépuscule\", a-t-on appris.")
    articles, payloads = corpus(blank, [("fr", text, [("Crépuscule", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get("Crépuscule") == "MISC"


@pytest.mark.parametrize(
    ("lang", "text", "span"),
    [
        ("fr", "Les chefs d'État ont pris des sanctions à l'issue du Sommet extraordinaire tenu à Accra.", "Sommet"),
        ("fr", "Il faut geler les avoirs dans les Banques Centrales et Commerciales de la région.", "Banques Centrales"),
        ("en", "MTN allows non-wallet holders to transfer up to GHC200 per day.", "GHC200"),
    ],
)
def test_a_meeting_a_kind_and_a_glued_amount_are_no_names(blank, lang, text, span):
    articles, payloads = corpus(blank, [(lang, text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert span not in names(entities)


def test_a_national_association_after_a_comma_is_a_legal_form(blank):
    text = "FinCEN assessed a penalty against Capital One, National Association, on Friday."
    articles, payloads = corpus(blank, [("en", text, [("Capital One", "ORG"), ("National Association", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert "National Association" not in names(entities)
    assert any("Capital One" in n for n in names(entities))


@pytest.mark.parametrize(
    ("lang", "text", "span", "label"),
    [
        # ISO 3166's French names, CLDR's bracketed ones and the press's acronyms name the country
        ("fr", "Le régime militaire de Birmanie est visé.", "Birmanie", "LOC"),
        ("fr", "La cellule de la RDC a publié son rapport.", "RDC", "LOC"),
        ("fr", "Le cadre juridique de la République démocratique du Congo est strict.",
         "République démocratique du Congo", "LOC"),
        ("en", "Exports to the Democratic Republic of the Congo fell.", "Democratic Republic of the Congo", "LOC"),
    ],
)
def test_country_forms_of_iso_and_cldr_name_the_country(blank, lang, text, span, label):
    articles, payloads = corpus(blank, [(lang, text, [(span, "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(span) == label


def test_a_currency_code_before_a_figure_is_cut_from_the_firm(blank):
    text = "Hong Kong's regulator fined the brokerage firm Guosen HKD $1.2 million last year."
    articles, payloads = corpus(blank, [("en", text, [("Guosen HKD", "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert "Guosen" in names(entities) and "Guosen HKD" not in names(entities)


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        # a title, a comma and a body's name: the body the title heads
        ("In the case of Noida Bank Ltd. v. Director, Financial Intelligence Unit, the court ruled.",
         "Financial Intelligence Unit", "ORG"),
        # a title, a comma and a person
        ("Its founder, Changpeng Zhao, resigned.", "Changpeng Zhao", "PER"),
        # a firm named by its trade
        ("Arcade Plaza Traders was fined S$260,000 for failing to screen customers.", "Arcade Plaza Traders", "ORG"),
    ],
)
def test_a_title_before_a_body_and_a_trade_in_the_name(blank, text, span, label):
    articles, payloads = corpus(blank, [("en", text, [(span, "PER")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(span) == label


def test_a_firm_and_the_country_after_it_are_its_national_branch_in_french(blank):
    text = "Le directeur général d'Orange Money Côte d'Ivoire a présenté les nouveaux plafonds."
    articles, payloads = corpus(blank, [("fr", text, [("Orange Money", "ORG"), ("Côte d'Ivoire", "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get("Orange Money Côte d'Ivoire") == "ORG"
    # English copy writes the branch's country as a place
    text = "Credit Suisse Singapore was fined by the regulator."
    articles, payloads = corpus(blank, [("en", text, [("Credit Suisse", "ORG"), ("Singapore", "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get("Singapore") == "LOC"


def test_a_world_region_the_model_missed_is_tagged_from_the_gazetteers(blank):
    text = "Selon le rapport, le responsable de Binance pour l'Europe de l'Est et la Russie a été reçu."
    articles, payloads = corpus(blank, [("fr", text, [("Binance", "ORG"), ("Russie", "LOC")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get("Europe de l'Est") == "LOC"


@pytest.mark.parametrize(
    ("text", "span", "name", "label"),
    [
        # a judge's title opens the span: the judge is the rest
        ("The order was issued, ruled Justice Maina on Tuesday.", "Justice Maina", "Maina", "PER"),
        ("Chief Justice Martha Koome opened the session.", "Chief Justice Martha Koome", "Martha Koome", "PER"),
        # a body named for justice keeps its name
        ("The Justice Department settled with Binance.", "Justice Department", "Justice Department", "ORG"),
    ],
)
def test_a_judges_title_opens_a_persons_name(blank, text, span, name, label):
    articles, payloads = corpus(blank, [("en", text, [(span, "PER" if label == "PER" else "ORG")])])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities).get(name) == label


# -- the dev28 round ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "spans", "expected"),
    [
        # a court sits for a person: "for" does not make the person part of its name
        ("en", "Guilty verdicts were returned at Isleworth Crown Court for Craig Bramall, 45.",
         [("Isleworth Crown Court", "ORG"), ("Craig Bramall", "PER")],
         {"Isleworth Crown Court": "ORG", "Craig Bramall": "PER"}),
        # ... while a body's own "for" still joins ("Office for" + "Budget Responsibility")
        ("en", "The Office for Budget Responsibility said so.",
         [("Office", "ORG"), ("Budget Responsibility", "ORG")], {"Office for Budget Responsibility": "ORG"}),
        # Malaysian honours are no part of the name
        ("en", "Bank Negara Malaysia governor Datuk Nor Shamsiah Yunus said cash is still used.",
         [("Datuk Nor Shamsiah Yunus", "PER")],
         {"Bank Negara Malaysia": "ORG", "Nor Shamsiah Yunus": "PER"}),
        # a currency's CLDR name is no entity
        ("en", "Transactions above 10 million Tanzanian Shillings must be reported.",
         [("Tanzanian Shillings", "PER")], {}),
        ("fr", "Le montant dépasse 10 millions de Dollars canadiens.", [("Dollars canadiens", "ORG")], {}),
        # a hyphenated country written with a space is the country
        ("en", "Korean authorities, with authorities in Timor Leste, seized the funds.",
         [("Timor Leste", "ORG")], {"Timor Leste": "LOC"}),
        # the Grand Duchy standing alone is no name, as "le Royaume"
        ("fr", "Le ministère rappelle que le Grand-Duché a gelé des avoirs.", [("Grand-Duché", "LOC")], {}),
        # a nationality built from a country ending in -i
        ("fr", "Un Haïtien a été condamné.", [("Haïtien", "ORG")], {"Haïtien": "MISC"}),
        # a country's long name cut at its "d'" is one place
        ("fr", "Il a été extradé vers les États-Unis d’Amérique.",
         [("États-Unis", "LOC"), ("Amérique", "LOC")], {"États-Unis d’Amérique": "LOC"}),
        # a lower-case word the model ran on with after a person's name is cut off ...
        ("fr", "Domenico Arcuri président de la société a parlé.", [("Domenico Arcuri président", "PER")],
         {"Domenico Arcuri": "PER"}),
        # ... not a particle or a name with a capital inside
        ("fr", "Le régime de Bachar al-Assad est tombé.", [("Bachar al-Assad", "PER")], {"Bachar al-Assad": "PER"}),
        # a title cut off a body's span leaves a place: the place
        ("fr", "Le Commissaire du gouvernement de Port-au-Prince, Me Frantz Monclair, a parlé.",
         [("Commissaire du gouvernement de Port-au-Prince", "ORG"), ("Frantz Monclair", "PER")],
         {"Port-au-Prince": "LOC", "Frantz Monclair": "PER"}),
        # "the FIU" is the country's one unit, a body; "FIUs" stay a kind of body
        ("en", "The bank failed to report the transactions to the FIU within 31 days.", [("FIU", "ORG")], {"FIU": "ORG"}),
        ("en", "Two FIUs share their reports.", [("FIUs", "ORG")], {}),
        # a capitalised article after a courtesy title opens the surname
        ("fr", "Selon Mme La Rochelle, la banque a payé.", [("Mme La Rochelle", "PER")], {"La Rochelle": "PER"}),
    ],
)
def test_dev28_round_entity_rules(blank, lang, text, spans, expected):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected


# -- the dev29 round ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "spans", "expected"),
    [
        # an airport's whole name is one place, whatever piece the model took
        ("en", "Security operatives at Entebbe International Airport intercepted a man.",
         [("Entebbe International", "ORG")], {"Entebbe International Airport": "LOC"}),
        ("en", "He was stopped at Norman Manley International Airport.",
         [("Norman Manley International Airport", "PER")], {"Norman Manley International Airport": "LOC"}),
        ("fr", "Les douanes de l'aéroport international Ahmed Sékou Touré ont saisi l'argent.",
         [("Ahmed Sékou Touré", "PER")], {"aéroport international Ahmed Sékou Touré": "LOC"}),
        # ... and its town after "de" stays a place of its own
        ("fr", "Il a été arrêté à l'aéroport Diori Hamani de Niamey.", [("Diori Hamani de Niamey", "LOC")],
         {"aéroport Diori Hamani": "LOC", "Niamey": "LOC"}),
        # a French airport named by its city is the city
        ("fr", "Il a été arrêté à l'aéroport de Genève.", [("Genève", "LOC")], {"Genève": "LOC"}),
        # a span that holds the airport as part of a body's name is left alone
        ("fr", "La Brigade des Douanes de l’Aéroport International AST de Conakry a saisi l'argent.",
         [("Brigade des Douanes de l’Aéroport International AST de Conakry", "ORG")],
         {"Brigade des Douanes de l’Aéroport International AST de Conakry": "ORG"}),
        # where a person comes from is a place
        ("en", "A Liverpool man has been jailed for smuggling cash.", [("Liverpool", "ORG")], {"Liverpool": "LOC"}),
        ("en", "A woman from Merseyside admitted money laundering.", [("Merseyside", "ORG")], {"Merseyside": "LOC"}),
        ("en", "Nathan Andrew Robinson, 34, of Speke, admitted an offence.",
         [("Nathan Andrew Robinson", "PER"), ("Speke", "ORG")], {"Nathan Andrew Robinson": "PER", "Speke": "LOC"}),
        # ... not a firm a person works for
        ("en", "An employee of Binance was charged.", [("Binance", "ORG")], {"Binance": "ORG"}),
        # a country's name the model cut in two is one place
        ("en", "She was about to board a flight to Trinidad and Tobago.",
         [("Trinidad", "ORG"), ("Tobago", "ORG")], {"Trinidad and Tobago": "LOC"}),
        ("en", "Sanctions on Russia and Ukraine were discussed.",
         [("Russia", "LOC"), ("Ukraine", "LOC")], {"Russia": "LOC", "Ukraine": "LOC"}),
        # a currency's words after a figure are no name
        ("en", "The suspects carried 8,725 Sterling Pounds and 292,000 Saudi Arabian Riyals.",
         [("Sterling Pounds", "PER"), ("Saudi Arabian Riyals", "ORG")], {}),
        # ... but a date's figure before a name is no amount
        ("en", "On July 4, Credit Suisse received the highest penalty.", [("Credit Suisse", "ORG")],
         {"Credit Suisse": "ORG"}),
        # a name cut before its "Act" is the law's
        ("en", "Section 199 of the East African Community Customs Management Act sets a fine.",
         [("East African Community Customs Management", "ORG")],
         {"East African Community Customs Management Act": "MISC"}),
        # a central bank named by its country, which the model missed
        ("fr", "La Banque Centrale de la Guinée a fixé le capital minimum.", [],
         {"Banque Centrale de la Guinée": "ORG"}),
        ("en", "The Central Bank of Trinidad and Tobago said so.", [], {"Central Bank of Trinidad and Tobago": "ORG"}),
        # ... a name that goes on past the place is the model's
        ("fr", "La Banque centrale d'Afrique de l'Ouest a réagi.",
         [("Banque centrale d'Afrique de l'Ouest", "ORG")],
         {"Banque centrale d'Afrique de l'Ouest": "ORG"}),
        # a French place named with its kind of territory is the place; the Treasury's department is a body
        ("fr", "À Baga Sola (département de Kaya), le trésorier a engagé des fonds.", [("département de Kaya", "LOC")],
         {"Kaya": "LOC"}),
        ("fr", "Le département du Trésor a réagi.", [("département du Trésor", "ORG")], {"département du Trésor": "ORG"}),
        # several-word nationalities and French nouns of nationality are MISC
        ("en", "A Sri Lankan national was arrested.", [("Sri Lankan", "ORG")], {"Sri Lankan": "MISC"}),
        ("fr", "Il est impossible pour les Nigérians de retirer plus.", [("Nigérians", "ORG")], {"Nigérians": "MISC"}),
        # a class of customer and a religious month are no names
        ("fr", "Ceux du salon VIP touchaient 40 euros pendant le Ramadan.", [("VIP", "ORG"), ("Ramadan", "ORG")], {}),
        # Malaysian and Indian legal forms stay with the name
        ("en", "Bank Negara Malaysia fined TNG Digital Sdn. Bhd. for breaches.",
         [("Bank Negara Malaysia", "ORG"), ("TNG Digital Sdn", "ORG"), ("Bhd", "ORG")],
         {"Bank Negara Malaysia": "ORG", "TNG Digital Sdn. Bhd.": "ORG"}),
        ("en", "Malayan Banking Berhad was also fined.", [("Malayan Banking", "ORG")], {"Malayan Banking Berhad": "ORG"}),
        # "Libyens" is a nationality; the assembly named alone is no name
        ("fr", "Les Libyens ont les moyens. L'Assemblée a voté.", [("Libyens", "ORG"), ("Assemblée", "ORG")],
         {"Libyens": "MISC"}),
        # ... but the Special Representative's field is no place
        ("en", "The Special Representative for Global Anti-Corruption Policy said so.", [], {}),
        # a constituency after its member's title is a place
        ("en", "He answered a question by Member of Parliament for Molepolole North.", [("Molepolole North", "ORG")],
         {"Molepolole North": "LOC"}),
    ],
)
def test_dev29_round_entity_rules(blank, lang, text, spans, expected):
    articles, payloads = corpus(blank, [(lang, text, spans)])
    _, entities = E.build_entities(articles, payloads)
    assert names(entities) == expected
