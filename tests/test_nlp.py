"""Tagging pipelines (helpers.nlp): components, sentences, cache, languages without a model."""

from __future__ import annotations

import pytest
import spacy

from helpers import nlp as N
from helpers.articles import load_articles
from helpers.paths import SEEDS
from helpers.workspace import Workspace


@pytest.fixture(scope="module")
def seed_articles():
    return load_articles([SEEDS]).articles


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_load_pipeline_keeps_only_tagging_components(lang):
    nlp = N.load_pipeline(lang)
    assert nlp.pipe_names == ["senter", "dossier_line_breaks", "ner", "dossier_amounts"]
    assert N.load_pipeline(lang) is nlp  # loaded once per process


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_load_pipeline_entities_agree_with_full_model(lang, seed_articles):
    """The senter instead of tok2vec + parser (and no tagger, morphologizer, attribute ruler or
    lemmatizer) leaves at least 93% of the full model's entities as they were (95% on the French seeds when written)."""
    texts = [t for t, lg in zip(seed_articles["text"], seed_articles["lang"]) if lg == lang]
    full = spacy.load(N.model_name(lang))
    tuned = N.tuned_ner(lang, N.model_name(lang))
    if tuned is not None:  # the same NER weights on both sides: only the components differ
        full.get_pipe("ner").from_disk(tuned, exclude=["vocab"])
    full.add_pipe("dossier_line_breaks", first=True)
    kit = N.load_pipeline(lang)
    ours = [{(e.start_char, e.end_char, e.label_) for e in d.ents} for d in kit.pipe(texts)]
    theirs = [{(e.start_char, e.end_char, e.label_) for e in d.ents} for d in full.pipe(texts)]
    common = sum(len(a & b) for a, b in zip(ours, theirs))
    assert sum(map(len, theirs)) > 150
    assert common >= 0.93 * sum(map(len, theirs))
    assert common >= 0.93 * sum(map(len, ours))


def test_senter_keeps_names_the_parser_cut():
    """The parser put sentence breaks inside these names of the French seeds; the senter does not."""
    texts = [t for t, lg in zip(load_articles([SEEDS]).articles["text"], load_articles([SEEDS]).articles["lang"])
             if lg == "fr"]
    found = {e.text for d in N.load_pipeline("fr").pipe(texts) for e in d.ents}
    assert {"Foreign Corrupt Practices Act", "Sam Bankman-Fried", "Alexeï Navalny"} <= found


def test_load_pipeline_without_model_still_runs_rules():
    nlp = N.load_pipeline("de", N.Watchlist(entries=(("Binance", "ORG", ("BNB Exchange",)),)))
    assert "ner" not in nlp.pipe_names
    doc = nlp("Binance zahlte USD 4300. Die BNB Exchange schwieg.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("Binance", "ORG", "Binance"), ("BNB Exchange", "ORG", "Binance")]
    amounts = N.doc_payload(doc)["amounts"]
    assert [(a["text"], a["value"], a["currency"]) for a in amounts] == [("USD 4300", 4300.0, "USD")]


def test_line_breaks_start_sentences():
    text = (
        "Le Trésor américain sanctionne Garantex\n"
        "La plateforme Garantex a été fermée par la police allemande. Elle opérait depuis Moscou\n\n"
        "Les enquêteurs ont saisi ses serveurs."
    )
    payload = N.doc_payload(N.load_pipeline("fr")(text))
    sentences = [text[a:b] for a, b in payload["sents"]]
    assert not any("\n" in s or s != s.strip() for s in sentences)
    starts = {a for a, _ in payload["sents"]}
    line_starts = {0} | {i + 1 for i, ch in enumerate(text) if ch == "\n" and text[i + 1 : i + 2] not in ("\n", "")}
    assert line_starts <= starts
    assert "Le Trésor américain sanctionne Garantex" in sentences


@pytest.mark.parametrize(
    ("sents", "ents", "expected"),
    [
        ([[0, 10], [11, 20], [21, 30]], [[5, 15, "ORG", ""]], [[0, 20], [21, 30]]),
        ([[0, 10], [11, 20], [21, 30]], [[5, 25, "ORG", ""]], [[0, 30]]),
        ([[0, 10], [11, 20]], [[0, 4, "PER", ""], [12, 18, "LOC", ""]], [[0, 10], [11, 20]]),
    ],
)
def test_join_split_names_keeps_each_entity_in_one_sentence(sents, ents, expected):
    assert N._join_split_names(sents, ents) == expected


def test_tag_texts_reuses_cache_and_tags_only_new_articles(tmp_path):
    ws = Workspace(tmp_path / "ws")
    items = [("a", "fr", "Gleb Kostarev a rencontré Rosfin à Moscou."),
             ("b", "en", "Changpeng Zhao met OFAC officials in Washington.")]
    first, stats1 = N.tag_texts(items, workspace=ws)
    again, stats2 = N.tag_texts(items, workspace=ws)
    assert (stats1.tagged, stats1.cached) == (2, 0)
    assert (stats2.tagged, stats2.cached) == (0, 2)
    assert again == first
    more, stats3 = N.tag_texts(items + [("c", "en", "Binance paid $4.3 billion.")], workspace=ws)
    assert (stats3.tagged, stats3.cached) == (1, 2)
    assert more["c"]["amounts"][0]["value"] == 4.3e9


def test_cache_key_changes_with_text_model_and_watchlist():
    base = N.cache_key("Binance.", "en", N.Watchlist())
    assert base == N.cache_key("Binance.", "en", N.Watchlist())
    assert base != N.cache_key("Binance!", "en", N.Watchlist())
    assert base != N.cache_key("Binance.", "fr", N.Watchlist())
    assert base != N.cache_key("Binance.", "en", N.Watchlist(entries=(("Binance", "ORG", ()),)))


def test_payloads_stay_encoded_and_decode_a_fresh_copy_on_access():
    items = [("a", "fr", "Gleb Kostarev a rencontré Rosfin à Moscou."), ("b", "en", "Binance paid $4.3 billion.")]
    payloads, _ = N.tag_texts(items)
    assert isinstance(payloads, N.Payloads) and set(payloads) == {"a", "b"} and len(payloads) == 2
    first = payloads["a"]
    assert {tuple(e[:3]) for e in first["ents"]} >= {(0, 13, "PER")}
    first["ents"].clear()  # a caller's change never reaches the stored tags
    assert payloads["a"]["ents"] and payloads.get("missing") is None
    assert all(isinstance(blob, bytes) for blob in payloads._blobs.values())
