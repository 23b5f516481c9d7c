"""Evaluation: score the entity rules and the amount tagger against hand-written gold data.

Used by ``scripts/evaluate_entities.py``, ``scripts/evaluate_amounts.py`` and
the tests; nothing at run time imports it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import spacy
from spacy.language import Language

from helpers.amounts import amount_records  # importing it registers the dossier_amounts factory
from helpers.docs import sentence_index
from helpers.entities import NAME_LABELS, name_key, unify_label

#: Columns of :func:`raw_mentions`.
RAW_COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "label", "raw_label", "ent_id"]


# Entities ----------------------------------------------------------------------


def raw_mentions(articles: pd.DataFrame, payloads: dict[str, dict]) -> pd.DataFrame:
    """The model's spans as they are, labels unified, numeric labels dropped.

    Used by the evaluation to compare the raw model with the kit.
    """
    rows = []
    for article_id, text in articles[["article_id", "text"]].itertuples(index=False, name=None):
        article_id, body = str(article_id), str(text or "")
        payload = payloads.get(article_id) or {}
        sents = payload.get("sents") or [[0, len(body)]]
        for ent in payload.get("ents", []):
            start, end, raw_label = ent[0], ent[1], ent[2]
            label = unify_label(raw_label)
            if label is None:
                continue
            ent_id = ent[3] if len(ent) > 3 else ""
            rows.append(
                (article_id, sentence_index(sents, start), start, end, body[start:end], label, raw_label, ent_id)
            )
    return pd.DataFrame(rows, columns=RAW_COLUMNS)


def entity_set(entities: pd.DataFrame, *, labels: Sequence[str] = NAME_LABELS) -> set[tuple[str, str]]:
    """``(name key, label)`` of the entities with one of ``labels``."""
    return {(name_key(n), l) for n, l in zip(entities["name"], entities["label"]) if l in labels}


def raw_entity_set(raw: pd.DataFrame, *, labels: Sequence[str] = NAME_LABELS) -> set[tuple[str, str]]:
    """``(name key, label)`` of the model's distinct raw spans, as a reporter would get them without the kit."""
    return {(name_key(t), l) for t, l in zip(raw["text"], raw["label"]) if l in labels and name_key(t)}


def score_entities(predicted: set[tuple[str, str]], gold: set[tuple[str, str]]) -> dict[str, float]:
    """Precision, recall and F1 of predicted ``(name key, label)`` pairs against gold ones."""
    tp = len(predicted & gold)
    fp = len(predicted - gold)
    fn = len(gold - predicted)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


# Amounts -----------------------------------------------------------------------


def load_amount_cases(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSONL test set: one ``{"lang", "text", "amounts"}`` object a line."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _same_amount(predicted: dict[str, Any], gold: dict[str, Any]) -> bool:
    if predicted["text"] != gold["text"] or predicted["currency"] != gold["currency"]:
        return False
    if predicted["threshold"] != gold.get("threshold"):
        return False
    value, expected = predicted["value"], gold.get("value")
    if value is None or expected is None:
        return value is None and expected is None
    return math.isclose(value, expected, rel_tol=1e-9)


def score_amounts(
    predicted: Sequence[Sequence[dict[str, Any]]], gold: Sequence[Sequence[dict[str, Any]]]
) -> dict[str, Any]:
    """Strict precision, recall and F1 of predicted amounts against gold ones.

    A predicted amount counts only if its text, value, currency and threshold all
    equal those of a gold amount of the same sentence.

    Args:
        predicted: Per sentence, the records of :func:`amount_records`.
        gold: Per sentence, the gold amounts (``text``, ``value``, ``currency``,
            ``threshold``; optional ``vague`` and ``linked``).

    Returns:
        ``tp``, ``fp``, ``fn``, ``precision``, ``recall``, ``f1``, and the lists
        ``misses`` and ``false_positives`` (each item carries its ``case`` index),
        plus ``flag_errors``: matched amounts whose vague/linked flag differs.
    """
    tp = fp = fn = 0
    misses: list[dict[str, Any]] = []
    false_positives: list[dict[str, Any]] = []
    flag_errors: list[dict[str, Any]] = []
    for case, (pred, expected) in enumerate(zip(predicted, gold, strict=True)):
        unmatched = list(expected)
        for record in pred:
            match = next((g for g in unmatched if _same_amount(record, g)), None)
            if match is None:
                fp += 1
                false_positives.append({"case": case, **record})
                continue
            tp += 1
            unmatched.remove(match)
            if bool(match.get("vague", False)) != record["vague"] or (
                bool(match.get("linked", False)) != (record["linked_to"] is not None)
            ):
                flag_errors.append({"case": case, **record})
        fn += len(unmatched)
        misses.extend({"case": case, **g} for g in unmatched)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1,
        "misses": misses, "false_positives": false_positives, "flag_errors": flag_errors,
    }


def blank_amount_pipeline(lang: str) -> Language:
    """A blank pipeline with a sentencizer and the amount tagger, as the tests use it."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("dossier_amounts")
    return nlp


def evaluate_amounts(cases: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Run the tagger on blank pipelines over ``cases`` and score it per language.

    Returns:
        ``{"fr": scores, "en": scores, ..., "all": scores}``; each ``scores`` is
        :func:`score_amounts` output plus ``sentences`` (how many cases), and its
        misses and false positives carry the sentence ``text``.
    """
    by_lang: dict[str, list[dict[str, Any]]] = {}
    for case in cases:
        by_lang.setdefault(case["lang"], []).append(case)
    results: dict[str, Any] = {}
    all_pred: list[list[dict[str, Any]]] = []
    all_gold: list[list[dict[str, Any]]] = []
    all_cases: list[dict[str, Any]] = []
    for lang, lang_cases in sorted(by_lang.items()):
        nlp = blank_amount_pipeline(lang)
        predicted = [amount_records(doc) for doc in nlp.pipe(c["text"] for c in lang_cases)]
        gold = [c["amounts"] for c in lang_cases]
        results[lang] = _with_texts(score_amounts(predicted, gold), lang_cases)
        all_pred += predicted
        all_gold += gold
        all_cases += lang_cases
    results["all"] = _with_texts(score_amounts(all_pred, all_gold), all_cases)
    return results


def _with_texts(scores: dict[str, Any], cases: Sequence[dict[str, Any]]) -> dict[str, Any]:
    for key in ("misses", "false_positives", "flag_errors"):
        for item in scores[key]:
            item["sentence"] = cases[item["case"]]["text"]
    scores["sentences"] = len(cases)
    return scores
