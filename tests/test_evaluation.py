"""Tests of helpers.evaluation: the entity matching, the amount figures and the bootstrap."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from helpers import evaluation as V

DATA = Path(__file__).resolve().parent / "data"


def forms(*items: tuple[str, str]) -> list[V.Forms]:
    return [(label, frozenset(V.name_key(n) for n in names.split("|"))) for label, names in items]


def test_evaluation_match_counts_an_alias_as_the_same_entity():
    gold = forms(("ORG", "Binance Holdings Ltd.|Binance"), ("LOC", "Russie"))
    predicted = forms(("ORG", "Binance"), ("LOC", "Russie"))
    assert V.match_entities(predicted, gold) == V.Counts(2, 0, 0)


def test_evaluation_match_counts_a_split_entity_once():
    gold = forms(("LOC", "Russia|Russian Federation"))
    predicted = forms(("LOC", "Russia"), ("LOC", "Russian Federation"))
    assert V.match_entities(predicted, gold) == V.Counts(1, 1, 0)


def test_evaluation_match_wrong_label_is_a_false_positive_and_a_miss():
    assert V.match_entities(forms(("LOC", "G7")), forms(("ORG", "G7"))) == V.Counts(0, 1, 1)


def test_evaluation_kit_forms_read_aliases():
    table = pd.DataFrame({"name": ["Binance"], "label": ["ORG"], "aliases": ["Binance Holdings, Ltd.; BNB"]})
    (label, keys), = V.kit_forms(table)
    assert label == "ORG" and V.name_key("Binance Holdings, Ltd.") in keys and len(keys) == 3


def test_evaluation_summarise_interval_holds_the_point_estimate():
    per = [V.Counts(3, 1, 0), V.Counts(1, 0, 2), V.Counts(4, 0, 0), V.Counts(0, 2, 1)]
    score = V.summarise(per)
    assert score.counts == V.Counts(8, 3, 3)
    for name in ("precision", "recall", "f1"):
        lo, hi = score.interval[name]
        assert lo <= getattr(score.counts, name) <= hi
    assert V.summarise(per).interval == score.interval  # seeded: same figures every run


def test_evaluation_amount_counts_thresholds_ignore_span_edges():
    gold = [{"text": "€10,000", "value": 10000.0, "currency": "EUR", "threshold": "below", "sanctions_context": True}]
    pred = [{"text": "€10,000 or", "value": 10000.0, "currency": "EUR", "threshold": "below", "sanctions_context": False}]
    counts = V.amount_counts(pred, gold)
    assert counts["strict"] == V.Counts(0, 1, 1)
    assert counts["thresholds"] == V.Counts(1, 0, 0)
    pred[0]["text"] = "€10,000"
    assert V.amount_counts(pred, gold)["sanctions"] == V.Counts(0, 0, 1)


def test_evaluation_blind_set_is_annotated_and_sourced():
    passages = V.load_passages(DATA / "blind_passages.jsonl", sets=["blind"])
    by_lang = {lang: [p for p in passages if p["lang"] == lang] for lang in ("fr", "en")}
    assert all(len(group) >= 30 for group in by_lang.values())
    raw = [json.loads(line) for line in (DATA / "blind_passages.jsonl").read_text(encoding="utf-8").splitlines()]
    for item in raw:
        assert item["set"] == "blind" and item["source"].startswith("http") and item["licence"]
        for amount in item["amounts"]:
            assert amount["text"] in item["text"]
            assert amount["threshold"] in (None, "above", "below")
    thresholds = [a for p in passages for a in p["amounts"] if a["threshold"]]
    assert sum(a["threshold"] == "below" for a in thresholds) >= 10


@pytest.mark.parametrize("flag", ["--errors"])
def test_evaluate_entities_refuses_errors_on_the_blind_set(flag):
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "scripts/evaluate_entities.py", "--blind", flag],
        cwd=DATA.parent.parent, capture_output=True, text=True,
    )
    assert done.returncode != 0 and "blind" in done.stderr
