"""The kit's labels (PER, ORG, LOC, MISC) and how the models' labels map onto them.

At the bottom of the import graph: the entity rules and the widgets read them from here.
"""

from __future__ import annotations

#: The kit's labels.
LABELS = ("PER", "ORG", "LOC", "MISC")

#: Labels that the evaluation and most reports look at.
NAME_LABELS = ("PER", "ORG", "LOC")

#: Labels the charts, the network and the report index show unless asked:
#: MISC (nationality and group adjectives such as "Russian", laws, events) would
#: otherwise top every chart. The widgets' label pickers bring it back.
SHOWN_LABELS = NAME_LABELS

#: Model labels mapped to the kit's labels; the English OntoNotes labels first.
LABEL_MAP: dict[str, str] = {
    "PERSON": "PER",
    "PER": "PER",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "LAW": "MISC",
    "WORK_OF_ART": "MISC",
    "LANGUAGE": "MISC",
    "MISC": "MISC",
}

#: Numeric labels: not entities, the amounts step deals with money.
DROPPED_LABELS = frozenset(
    {"MONEY", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"}
)


def unify_label(label: str) -> str | None:
    """Map a model label to PER/ORG/LOC/MISC; numeric labels give None (dropped)."""
    label = (label or "").upper()
    if label in DROPPED_LABELS:
        return None
    return LABEL_MAP.get(label, "MISC")
