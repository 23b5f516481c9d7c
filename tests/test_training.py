"""The NER fine-tuning: reference entities built from the gold, the training, and the shipped weights."""

from __future__ import annotations

import json

import numpy
import pytest
import spacy
from spacy.tokens import Doc, Span

from helpers import evaluation as V
from helpers import nlp as N
from helpers.training import fine_tune, reference_tags, training_examples


def _predicted(text: str, ents: list[tuple[str, str]], lang: str = "en") -> Doc:
    """``text`` as a model might have tagged it: each (form, label) at its first occurrence."""
    doc = spacy.blank(lang).make_doc(text)
    spans = []
    for form, label in ents:
        start = text.index(form)
        spans.append(doc.char_span(start, start + len(form), label=label))
    doc.ents = spans
    return doc


def _tagged(doc: Doc, tags: list[str]) -> dict[str, str]:
    return {t.text: tag for t, tag in zip(doc, tags)}


def test_reference_keeps_gold_names_in_the_model_scheme_and_makes_other_names_negatives():
    doc = _predicted(
        "Treasury Secretary Janet Yellen met Binance officials in Paris on Monday.",
        [("Treasury Secretary", "ORG"), ("Janet Yellen", "PERSON"), ("Paris", "GPE"), ("Monday", "DATE")],
    )
    gold = {"entities": [{"name": "Janet Yellen", "label": "PER"}, {"name": "Binance", "label": "ORG"},
                         {"name": "Paris", "label": "LOC"}]}
    tags = reference_tags(doc, gold, "en")
    by_word = _tagged(doc, tags)
    assert by_word["Janet"] == "B-PERSON" and by_word["Yellen"] == "L-PERSON"
    assert by_word["Binance"] == "U-ORG"  # found by the gold, missed by the model
    assert by_word["Paris"] == "U-GPE"
    assert by_word["Treasury"] == by_word["Secretary"] == "O"  # the model's name the gold does not have
    assert by_word["Monday"] == "U-DATE"  # a label the passages do not annotate is kept


def test_reference_keeps_the_models_place_kind_and_leaves_unfound_misc_missing():
    doc = _predicted(
        "Russian funds left Sheremetyevo Airport under the Bank Secrecy Act.",
        [("Sheremetyevo Airport", "FAC"), ("Bank Secrecy Act", "ORG")],
    )
    gold = {"entities": [{"name": "Sheremetyevo Airport", "label": "LOC"}, {"name": "Russian", "label": "MISC"},
                         {"name": "Bank Secrecy Act", "label": "MISC"}]}
    by_word = _tagged(doc, reference_tags(doc, gold, "en"))
    assert by_word["Sheremetyevo"] == "B-FAC"
    assert by_word["Russian"] == "-"  # MISC the model did not find: neither entity nor not
    assert by_word["Bank"] == "-" and by_word["Act"] == "-"  # MISC the model called ORG: not taught either way


def test_reference_finds_every_occurrence_and_aliases_longest_first():
    text = "The Financial Conduct Authority (FCA) said the FCA and the Financial Conduct Authority agree."
    doc = _predicted(text, [])
    gold = {"entities": [{"name": "Financial Conduct Authority", "label": "ORG", "aliases": ["FCA"]}]}
    tags = reference_tags(doc, gold, "en")
    assert tags.count("B-ORG") == 2 and tags.count("L-ORG") == 2 and tags.count("U-ORG") == 2


def test_reference_leaves_a_form_that_ends_inside_a_token_missing():
    doc = _predicted("Binance.com was sued; Binance was not.", [])
    assert doc[0].text == "Binance.com"
    gold = {"entities": [{"name": "Binance", "label": "ORG"}]}
    by_word = _tagged(doc, reference_tags(doc, gold, "en"))
    assert by_word["Binance.com"] == "-"  # the name ends inside the token: not taught
    assert by_word["Binance"] == "U-ORG"


def test_reference_labels_follow_the_language():
    doc = _predicted("Le parquet de Paris poursuit Jean Dupont.", [], lang="fr")
    gold = {"entities": [{"name": "Jean Dupont", "label": "PER"}, {"name": "Paris", "label": "LOC"}]}
    by_word = _tagged(doc, reference_tags(doc, gold, "fr"))
    assert by_word["Jean"] == "B-PER" and by_word["Paris"] == "U-LOC"


def test_fine_tune_teaches_the_model_an_entity_it_missed():
    nlp = spacy.load(N.model_name("en"))
    text = "The exchange Zqvorix froze the wallets, and Zqvorix then told users of the freeze."
    passages = [{"lang": "en", "text": text, "entities": [{"name": "Zqvorix", "label": "ORG"}]}]
    examples = training_examples(nlp, passages, "en")
    losses = fine_tune(nlp, examples * 8, epochs=6, seed=1)
    assert losses[-1] < losses[0]
    assert ("Zqvorix", "ORG") in {(e.text, e.label_) for e in nlp(text).ents}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_shipped_ner_is_trained_from_dev_passages_only_and_loaded_on_its_model(lang):
    folder = N.TUNED_NER_DIR / f"ner_{lang}"
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert not set(meta["sets"]) & set(V.BLIND_SETS)
    assert {"dev22", "dev23"} <= set(meta["sets"])
    assert N.tuned_ner(lang, N.model_name(lang)) == folder
    assert "+ner-" in N.model_signature(lang)
    def weights(model):  # a copy of every parameter array (attributes such as a dropout rate left aside)
        return [node.get_param(name).copy() for node in model.walk() for name in node.param_names if node.has_param(name)]

    ner = N.load_pipeline(lang).get_pipe("ner")
    shipped = spacy.load(N.model_name(lang)).get_pipe("ner")
    untouched = weights(shipped.model)
    shipped.from_disk(folder, exclude=["vocab"])
    assert ner.labels == shipped.labels
    loaded, trained = weights(ner.model), weights(shipped.model)
    assert len(loaded) == len(trained) == len(untouched)
    assert all(numpy.array_equal(a, b) for a, b in zip(loaded, trained))
    assert not all(numpy.array_equal(a, b) for a, b in zip(loaded, untouched))  # the base weights were replaced


def test_tuned_ner_is_used_only_on_the_model_it_was_trained_from(tmp_path, monkeypatch):
    folder = tmp_path / "ner_en"
    folder.mkdir()
    (folder / "meta.json").write_text(json.dumps({"base": "en_core_web_lg", "base_version": "3.8.0"}))
    monkeypatch.setenv("DOSSIER_NER_DIR", str(tmp_path))
    assert N.tuned_ner("en", N.model_name("en")) is None
    monkeypatch.setenv("DOSSIER_NER_DIR", "none")
    assert N.tuned_ner("en", N.model_name("en")) is None
    assert N.tuned_ner("en", None) is None
