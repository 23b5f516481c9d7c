"""The index's first screen (helpers.overview): counts, top people and organisations, pairs, thresholds."""

from __future__ import annotations

import pandas as pd

from helpers.overview import corpus_counts, person_organisation_pairs, threshold_rows, top_people_and_organisations
from helpers.relations import build_relations


def test_corpus_counts_languages_and_date_span(toy_tables):
    articles = toy_tables["articles"]
    counts = corpus_counts(articles, pd.DataFrame({"path": ["x"], "reason": ["empty file"]}))
    assert (counts.articles, counts.skipped) == (3, 1)
    assert counts.languages == {"en": 2, "fr": 1}
    assert (counts.first_date, counts.last_date, counts.undated) == ("2022-04-05", "2023-11-21", 1)
    assert counts.date_span == "2022-04-05 – 2023-11-21"


def test_corpus_counts_without_dates_has_no_span(toy_tables):
    articles = toy_tables["articles"].assign(published="")
    counts = corpus_counts(articles)
    assert counts.date_span == "" and counts.undated == 3


def test_top_people_and_organisations_leave_places_out(toy_tables):
    top = top_people_and_organisations(toy_tables["entities"], top=20)
    assert set(top["label"]) == {"PER", "ORG"}
    assert "Moscow" not in set(top["name"]) and "Binance" in set(top["name"])
    assert list(top["mentions"]) == sorted(top["mentions"], reverse=True)


def test_person_organisation_pairs_keep_only_mixed_pairs_named_by_side(toy_tables):
    relations, _evidence = build_relations(toy_tables["mentions"], toy_tables["sentences"],
                                           entities=toy_tables["entities"])
    pairs = person_organisation_pairs(relations, toy_tables["entities"], top=50)
    labels = dict(zip(toy_tables["entities"]["name"], toy_tables["entities"]["label"]))
    assert len(pairs) and all(labels[p] == "PER" for p in pairs["person"])
    assert all(labels[o] == "ORG" for o in pairs["organisation"])
    assert ("Changpeng Zhao", "Binance") in set(zip(pairs["person"], pairs["organisation"]))
    assert list(pairs["weight"]) == sorted(pairs["weight"], reverse=True)
    assert len(person_organisation_pairs(relations, toy_tables["entities"], top=1)) == 1


def test_threshold_rows_keep_thresholds_with_article_and_sentence():
    amounts = pd.DataFrame({
        "article_id": ["a1", "a1", "a2"], "text": ["EUR 10 000", "$5", "jusqu'à 5 millions"],
        "value": [10000.0, 5.0, 5e6], "currency": ["EUR", "USD", "USD"], "threshold": ["above", "", "below"],
        "sanctions_context": [True, False, False], "sentence": ["s1", "s2", "s3"],
    })
    rows = threshold_rows(amounts, {"a1": "Title 1"})
    assert list(rows["amount"]) == ["EUR 10 000", "jusqu'à 5 millions"]
    assert list(rows["direction"]) == ["above", "below"]
    assert list(rows["article"]) == ["Title 1", "a2"] and list(rows["sentence"]) == ["s1", "s3"]
