"""The amounts of a tagged doc as plain, JSON-ready records."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from helpers.amounts.component import SPANS_KEY
from helpers.amounts.local import settle_currencies
from helpers.docs import doc_text, sentence_bounds, sentence_index

#: Keys of each dict returned by :func:`amount_records`, in order. ``local`` is the evidence of
#: an amount written with a marker several countries share ("$", "francs"), None for the others.
RECORD_KEYS = (
    "start", "end", "text", "value", "currency", "threshold", "approximate", "vague",
    "sanctions_context", "linked_to", "sentence_start", "sentence_end", "local",
)


def amount_records(doc: Doc, *, url: str | None = None, spans_key: str = SPANS_KEY) -> list[dict[str, Any]]:
    """The amounts of a tagged doc as plain, JSON-ready dicts (keys: :data:`RECORD_KEYS`).

    Args:
        doc: A doc the ``dossier_amounts`` component has tagged.
        url: The address of the page the text comes from: its country is one more cue
            for a shared marker's currency (:func:`helpers.amounts.local.settle_currencies`).
        spans_key: The span group of the amounts.
    """
    return settle_currencies(raw_amount_records(doc, spans_key=spans_key), url=url)


def raw_amount_records(doc: Doc, *, spans_key: str = SPANS_KEY) -> list[dict[str, Any]]:
    """The amounts as the tagger read them from the text alone, page not weighed.

    A shared marker that the text gives no currency keeps ``currency`` None;
    the tagging cache stores these records, which hold nothing of the page,
    and :func:`helpers.amounts.local.settle_currencies` settles them.
    """
    if spans_key not in doc.spans:
        return []
    sentences = sentence_bounds(doc)
    records = []
    text = doc_text(doc) if len(doc.spans[spans_key]) else ""
    for span in doc.spans[spans_key]:
        start, end = span._.amount_offsets or (span.start_char, span.end_char)
        sentence = sentences[sentence_index(sentences, start)]
        linked = span._.amount_linked_to
        records.append(
            {
                "start": int(start),
                "end": int(end),
                "text": text[start:end],
                "value": None if span._.amount_value is None else float(span._.amount_value),
                "currency": span._.amount_currency,
                "threshold": span._.amount_threshold,
                "approximate": bool(span._.amount_approximate),
                "vague": bool(span._.amount_vague),
                "sanctions_context": bool(span._.amount_sanctions),
                "linked_to": None if linked is None else int(linked),
                "sentence_start": int(sentence[0]),
                "sentence_end": int(sentence[1]),
                "local": span._.amount_local,
            }
        )
    return records
