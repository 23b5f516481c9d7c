"""Blocking and scoring: the right OFAC entries for press forms of names, and the test set's figures."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helpers.screening import DEFAULT_LIST, ListIndex, Query, read_list, score_pairs, screen_queries
from helpers.screening import matching
from helpers.screening.matching import algorithm_class, name_words

PAIRS = Path(__file__).resolve().parent / "data" / "screening_pairs.csv"


@pytest.fixture(scope="module")
def index():
    return ListIndex([read_list(DEFAULT_LIST)])


def best(index, name: str, label: str, **context) -> list:
    return screen_queries([Query(entity_id=f"t-{name}-{label}", name=name, label=label, **context)], index)


@pytest.mark.parametrize("name, label, entry", [
    ("Evgueni Prigojine", "PER", "21171"),
    ("Guennadi Timtchenko", "PER", "16666"),
    ("Vladimir Poutine", "PER", "35096"),
    ("Garantex", "ORG", "36025"),
    ("Hydra", "ORG", "36216"),
    ("groupe Wagner", "ORG", "22543"),
])
def test_press_forms_find_their_entry_first(index, name, label, entry):
    matches = best(index, name, label)
    assert matches and matches[0].entry.entry_id == entry
    assert matches[0].score >= 0.70


@pytest.mark.parametrize("name, label", [
    ("Binance", "ORG"), ("Alexei Navalny", "PER"), ("Changpeng Zhao", "PER"), ("Rosfinmonitoring", "ORG"),
])
def test_unlisted_names_are_not_candidates(index, name, label):
    assert best(index, name, label) == []


def test_people_are_never_matched_to_organisations(index):
    assert best(index, "Garantex", "PER") == []
    assert all(m.entry.schema == "Person" for m in best(index, "Vladimir Putin", "PER"))


def test_places_and_other_labels_are_not_screened(index):
    assert best(index, "Hydra", "LOC") == [] and best(index, "Hydra", "MISC") == []


def test_every_alias_is_queried_and_the_best_name_kept(index):
    matches = screen_queries([Query(entity_id="e1", name="le patron de Wagner", label="PER",
                                    names=["Evgueni Prigojine"])], index)
    assert matches[0].entry.entry_id == "21171"
    assert matches[0].matched_name == "Evgueni Prigojine"


def test_name_only_matches_are_labelled(index):
    match = best(index, "Evgueni Prigojine", "PER")[0]
    assert match.name_only
    assert "name only" in match.explanation
    assert "Evgueni Prigojine" in match.explanation


def test_birth_year_from_the_article_is_used(index):
    agreeing = best(index, "Evgueni Prigojine", "PER", birth_years=["1961"])[0]
    assert not agreeing.name_only and "birth year" in agreeing.context
    disagreeing = best(index, "Evgueni Prigojine", "PER", birth_years=["1990"])
    assert not disagreeing or disagreeing[0].score < agreeing.score


def test_blocking_scores_few_candidates_per_name(index):
    assert len(index.candidates(["Vladimir Poutine"], "PER")) <= index.max_candidates < len(index)


def test_legal_forms_do_not_count_as_name_words():
    assert name_words("OOO Kourf") == ("kourf",)
    assert name_words("PAO Sberbank") == ("sberbank",)
    assert name_words("Alfa Bank JSC") == ("alfa", "bank")


def test_unknown_algorithm_is_a_clear_error():
    with pytest.raises(ValueError, match="Unknown matching algorithm 'nope'"):
        algorithm_class("nope")


def test_pair_set_is_large_enough():
    pairs = pd.read_csv(PAIRS, dtype=str, keep_default_na=False)
    assert (pairs["kind"] == "positive").sum() >= 150
    assert (pairs["kind"] == "decoy").sum() >= 80
    assert not pairs.duplicated(["query", "label"]).any()


def test_pair_set_precision_and_recall_at_the_default_threshold(index):
    pairs = pd.read_csv(PAIRS, dtype=str, keep_default_na=False)
    scores = score_pairs(pairs, index)
    assert scores.precision >= 0.95, scores.summary() + "\n" + "\n".join(scores.false_alarms)
    assert scores.recall >= 0.90, scores.summary() + "\n" + "\n".join(scores.misses)


def _pair_queries() -> list[Query]:
    pairs = pd.read_csv(PAIRS, dtype=str, keep_default_na=False)
    return [Query(entity_id=f"pair{i}", name=row.query, label=row.label) for i, row in enumerate(pairs.itertuples())]


def _found(matches) -> list[tuple]:
    return [(m.query.entity_id, m.entry.entry_id, m.score) for m in matches]


def test_trigram_check_skips_pairs_without_changing_a_match(index, monkeypatch):
    scorer = algorithm_class("logic-v2")
    real, calls = scorer.compare, []

    def counted(*args):
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(scorer, "compare", counted)
    queries = _pair_queries()
    checked = screen_queries(queries, index)
    with_check = len(calls)
    calls.clear()
    monkeypatch.setattr(matching, "MIN_TRIGRAM_OVERLAP", 0.0)
    unchecked = screen_queries(queries, index)
    assert _found(checked) == _found(unchecked) and len(checked) > 200
    assert with_check < 0.8 * len(calls)  # the labelled pairs are near misses: most candidates share trigrams


def test_trigram_overlap_reads_the_shorter_name():
    first, second = matching._trigrams(["Prigojine"]), matching._trigrams(["Yevgeniy Viktorovich Prigozhin"])
    assert 0.3 < matching.trigram_overlap(first, second) < 1.0
    assert matching.trigram_overlap(matching._trigrams(["Garantex"]), matching._trigrams(["Garantex Europe OU"])) == 1.0
    assert matching.trigram_overlap(matching._trigrams(["Binance"]), matching._trigrams(["Sberbank"])) < 0.3


def test_low_thresholds_score_every_ranked_candidate(index, monkeypatch):
    scorer = algorithm_class("logic-v2")
    real, calls = scorer.compare, []
    monkeypatch.setattr(scorer, "compare", lambda *args: calls.append(1) or real(*args))
    query = Query(entity_id="low", name="Boris Kalinov", label="PER")
    screen_queries([query], index, threshold=matching.OVERLAP_FROM_THRESHOLD - 0.05)
    assert len(calls) == len(index.candidates(query.all_names(), "PER")) > 0
