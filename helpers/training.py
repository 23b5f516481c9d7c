"""Fine-tune a spaCy model's NER on the hand-annotated development passages.

The pinned news models were trained on other text (OntoNotes, WikiNER): on
sanctions and financial-crime coverage they cut body names, label exchanges as
places and take concept acronyms for organisations. The development passages
hold thousands of hand-checked entities of exactly this text; training the
model's own NER a few more epochs on them teaches it the kit's conventions.

Each passage becomes a spaCy :class:`~spacy.training.Example` whose reference
entities are:

* every occurrence of a gold entity's name or alias in the text, longest first,
  in the model's own label scheme (PER as ``PERSON`` in English; LOC keeps the
  model's ``GPE``/``LOC``/``FAC`` when it predicted the same span, else ``GPE``);
* a gold MISC span keeps the model's label when the model found it (``NORP``,
  ``LAW``, ...), else it is left *missing* (neither entity nor non-entity):
  the passages do not annotate every MISC;
* the model's own numeric and MISC-like spans (dates, money, nationalities)
  outside the gold ones, kept as they are so that the tuned model does not forget
  labels the passages do not annotate;
* everything else, including the model's person, organisation and place spans
  that the gold does not have, is *outside* any entity: that is what teaches it
  precision.

A gold form whose ends fall inside a token is left missing too. ``scripts/train_ner.py``
runs the training and writes the NER component under ``helpers/data/models/``,
where :func:`helpers.nlp.load_pipeline` picks it up.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import compounding, fix_random_seed, minibatch

#: The model labels a gold PER/ORG/LOC becomes, per language (LOC: the default when the model had none).
GOLD_TO_MODEL: dict[str, dict[str, str]] = {
    "en": {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"},
    "fr": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
}
#: Model labels for places, of which a gold LOC keeps the model's choice.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Model labels for names: outside the gold they are negatives.
NAME_MODEL_LABELS = frozenset({"PERSON", "PER", "ORG", "GPE", "LOC", "FAC"})
#: Model labels a gold MISC span may keep.
MISC_MODEL_LABELS = frozenset({"NORP", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE", "MISC"})


def _occurrences(text: str, form: str) -> Iterable[tuple[int, int]]:
    for match in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
        yield match.start(), match.end()


def _gold_spans(text: str, entities: Sequence[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """Every occurrence of a gold name or alias, longest first, none overlapping."""
    found = []
    for entity in entities:
        for form in {entity["name"], *entity.get("aliases", [])}:
            if form.strip():
                found.extend((start, end, entity["label"]) for start, end in _occurrences(text, form))
    found.sort(key=lambda span: (span[0] - span[1], span[0]))
    kept: list[tuple[int, int, str]] = []
    for start, end, label in found:
        if not any(start < b and a < end for a, b, _ in kept):
            kept.append((start, end, label))
    return kept


def reference_tags(predicted: Doc, passage: dict[str, Any], lang: str) -> list[str]:
    """BILUO tags of a passage's reference entities, ``"-"`` for missing (see the module docstring).

    ``predicted`` is the passage as the untuned model tagged it.
    """
    to_model = GOLD_TO_MODEL.get(lang, GOLD_TO_MODEL["fr"])
    model_spans = {(e.start_char, e.end_char): e.label_ for e in predicted.ents}
    tags = ["O"] * len(predicted)
    spans: list[tuple[int, int, str]] = []
    for start, end, label in _gold_spans(predicted.text, passage.get("entities", [])):
        span = predicted.char_span(start, end, alignment_mode="strict")
        own = model_spans.get((start, end))
        if label == "LOC" and own in PLACE_LABELS and lang == "en":
            model_label = own
        elif label in to_model:
            model_label = to_model[label]
        else:
            model_label = own if own in MISC_MODEL_LABELS else None
        if span is None or model_label is None:
            loose = span or predicted.char_span(start, end, alignment_mode="expand")
            for i in range(loose.start, loose.end) if loose is not None else ():
                tags[i] = "-"
            continue
        spans.append((span.start, span.end, model_label))
    covered = {i for a, b, _ in spans for i in range(a, b)} | {i for i, tag in enumerate(tags) if tag == "-"}
    for ent in predicted.ents:
        if ent.label_ not in NAME_MODEL_LABELS and not covered.intersection(range(ent.start, ent.end)):
            spans.append((ent.start, ent.end, ent.label_))
            covered.update(range(ent.start, ent.end))
    for a, b, label in spans:
        if b - a == 1:
            tags[a] = f"U-{label}"
        else:
            tags[a] = f"B-{label}"
            tags[a + 1:b - 1] = [f"I-{label}"] * (b - a - 2)
            tags[b - 1] = f"L-{label}"
    return tags


def training_examples(nlp: Language, passages: Sequence[dict[str, Any]], lang: str) -> list[Example]:
    """One example per passage of ``lang``, its reference built from the gold and the untuned model."""
    chosen = [p for p in passages if p["lang"] == lang and "entities" in p]
    run = [name for name in nlp.pipe_names if name in ("tok2vec", "ner")]
    with nlp.select_pipes(enable=run):
        predicted = list(nlp.pipe(p["text"] for p in chosen))
    return [
        Example.from_dict(nlp.make_doc(p["text"]), {"entities": reference_tags(doc, p, lang)})
        for p, doc in zip(chosen, predicted)
    ]


def fine_tune(nlp: Language, examples: Sequence[Example], *, epochs: int, drop: float = 0.3, seed: int = 0) -> list[float]:
    """Update ``nlp``'s NER in place on ``examples``; return the loss of each epoch."""
    fix_random_seed(seed)
    order = list(examples)
    shuffle = random.Random(seed)
    losses_per_epoch = []
    with nlp.select_pipes(enable=["ner"]):
        optimizer = nlp.resume_training()
        for _ in range(epochs):
            shuffle.shuffle(order)
            losses: dict[str, float] = {}
            for batch in minibatch(order, size=compounding(4.0, 32.0, 1.001)):
                nlp.update(batch, sgd=optimizer, drop=drop, losses=losses)
            losses_per_epoch.append(float(losses.get("ner", 0.0)))
    return losses_per_epoch
