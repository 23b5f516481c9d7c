"""Entities: clean the model's spans, join mentions into canonical entities, curate them.

The model's raw output (``helpers.nlp.tag_texts``) is noisy: spans start with
"l'" or "The", end in "'s" or "(OFAC", swallow citation marks, tag tickers and
pronouns, and give one name different labels in different sentences.
:func:`build_entities` turns it into two tables:

* ``mentions``: one row per cleaned mention, with its sentence;
* ``entities``: one row per canonical entity (fullest name, voted label,
  aliases, counts).

Every rule is general (word lists live in ``helpers/data/entities/``) and can be
switched off through :class:`EntityRules`, which is how
``scripts/evaluate_entities.py`` measures what each rule brings.

Reporters correct what is left with curation decisions (merge, rename,
relabel, hide), which the entity step keeps as ``curation.yaml`` in the
workspace and replays on every run (:func:`apply_curation`).

One module per job, the import graph running one way (data and types at the
bottom, the algorithm on top): ``names``, ``lexicon`` and ``types`` hold the
name keys, word lists and shared types (the labels are ``helpers.labels``);
``cleanup``, ``cues``, ``firm_lists``, ``acronyms`` and ``linking`` are the rules; ``tables``, ``curation`` and ``watchlist`` the tables, the stored
decisions and the watchlist; ``build`` runs them all.
"""

from helpers.entities.acronyms import AcronymDefinition, find_acronyms
from helpers.entities.build import build_entities
from helpers.entities.cleanup import drop_reason, trim_span
from helpers.entities.cues import context_cue, name_word_label, place_shaped
from helpers.entities.curation import (
    ACTIONS,
    apply_curation,
    check_decision_applies,
    curation_text,
    new_decision,
    parse_curation,
)
from helpers.entities.lexicon import DATA_DIR, Lexicon, load_lexicon
from helpers.entities.names import entity_id, name_key, name_tokens
from helpers.entities.tables import ENTITY_COLUMNS, MENTION_COLUMNS
from helpers.entities.types import RULES, EntityRules
from helpers.entities.watchlist import load_watchlist
from helpers.labels import LABEL_MAP, LABELS, NAME_LABELS, unify_label

__all__ = [
    "ACTIONS",
    "DATA_DIR",
    "ENTITY_COLUMNS",
    "LABELS",
    "LABEL_MAP",
    "MENTION_COLUMNS",
    "NAME_LABELS",
    "RULES",
    "AcronymDefinition",
    "EntityRules",
    "Lexicon",
    "apply_curation",
    "build_entities",
    "check_decision_applies",
    "context_cue",
    "curation_text",
    "drop_reason",
    "entity_id",
    "find_acronyms",
    "load_lexicon",
    "load_watchlist",
    "name_key",
    "name_tokens",
    "name_word_label",
    "new_decision",
    "parse_curation",
    "place_shaped",
    "trim_span",
    "unify_label",
]
