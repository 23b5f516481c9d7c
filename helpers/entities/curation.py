"""Curation: the reporter's decisions (merge, rename, relabel, hide), as YAML text, replayed on the tables.

Reading and writing the file in the workspace is the step layer's job
(``helpers.pipeline.load_curation``, ``record_decision``, ``undo_decision``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from helpers.entities.names import entity_id, name_key
from helpers.entities.tables import entity_summary
from helpers.labels import LABELS

log = logging.getLogger(__name__)

#: Curation actions and the fields each one needs besides ``name`` and ``label``.
ACTIONS: dict[str, tuple[str, ...]] = {
    "merge": ("into",),
    "rename": ("to",),
    "relabel": ("to",),
    "hide": (),
}


_CURATION_HEADER = (
    "# Curation decisions of the entity step, replayed in this order on every run.\n"
    "# Entities are named by canonical name + label. Actions: merge (into), rename (to),\n"
    "# relabel (to), hide. Edit by hand or with helpers.pipeline.record_decision / undo_decision.\n"
)


#: Other spellings of decision fields, accepted and stored under the canonical one.
FIELD_ALIASES = {"into_name": "into", "new_name": "to", "new_label": "to"}


def _normalise_decision(decision: Any) -> Any:
    if not isinstance(decision, dict):
        return decision
    out = {}
    for key, value in decision.items():
        out.setdefault(FIELD_ALIASES.get(key, key), value)
    return out


def parse_curation(text: str, *, path: Path) -> list[dict]:
    """The decisions of a curation file's text, oldest first, each checked.

    Args:
        text: the file's content.
        path: where it was read from, for the error messages.

    Raises:
        ValueError: the text is not valid YAML or holds a bad decision; the message names it.
    """
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise ValueError(f"{path} is not valid YAML: {err}") from err
    if data is None:
        return []
    decisions = data.get("decisions") if isinstance(data, dict) else data
    if decisions is None:
        return []
    if not isinstance(decisions, list):
        raise ValueError(f"{path}: 'decisions' must be a list")
    decisions = [_normalise_decision(d) for d in decisions]
    for i, decision in enumerate(decisions):
        _check_decision(decision, f"{path.name} decision {i + 1}")
    return decisions


def curation_text(decisions: list[dict]) -> str:
    """The curation file's content for ``decisions``: a header that says how to edit it, then YAML."""
    body = yaml.safe_dump({"decisions": decisions}, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return _CURATION_HEADER + body


def _check_decision(decision: Any, where: str) -> None:
    if not isinstance(decision, dict):
        raise ValueError(f"{where}: a decision is a mapping")
    action = decision.get("action")
    if action not in ACTIONS:
        raise ValueError(f"{where}: action {action!r} is not one of {', '.join(ACTIONS)}")
    for key in ("name", *ACTIONS[action]):
        if not str(decision.get(key) or "").strip():
            raise ValueError(f"{where}: {action} needs {key!r}")
    for key in ("label", "into_label") + (("to",) if action == "relabel" else ()):
        if decision.get(key) is not None and str(decision[key]).upper() not in LABELS:
            raise ValueError(f"{where}: {key} {decision[key]!r} is not one of {', '.join(LABELS)}")


def new_decision(action: str, **fields: Any) -> dict:
    """A checked curation decision, stamped with the time it was taken.

    Args:
        action: ``merge`` (``name, label, into, into_label``), ``rename``
            (``name, label, to``), ``relabel`` (``name, label, to``) or
            ``hide`` (``name, label``).
        **fields: the fields of that action; ``note`` is kept as written.
            ``into_name``, ``new_name`` and ``new_label`` are accepted for
            ``into`` and ``to``.

    Raises:
        ValueError: unknown action, missing field or unknown label.
    """
    decision: dict[str, Any] = {"action": action}
    for key, value in _normalise_decision(fields).items():
        if value is None:
            continue
        if key in ("label", "into_label") or (key == "to" and action == "relabel"):
            value = str(value).upper()
        decision[key] = value
    decision.setdefault("at", datetime.now(timezone.utc).replace(microsecond=0).isoformat())
    _check_decision(decision, "decision")
    return decision


def check_decision_applies(decision: dict, entities: pd.DataFrame) -> None:
    """Refuse a decision that would do nothing or act on an entity that is not in ``entities``.

    The check a reporter's click goes through before anything is saved: a merge
    into itself, a rename to the same name or a relabel to the same label would
    be saved and replayed for nothing, and a decision on an entity that is gone
    (already merged, hidden or renamed) would act on nothing or on the wrong one.

    Raises:
        ValueError: the message says what is wrong, in the reporter's terms.
    """
    decision = _normalise_decision(decision)
    action, name, label = decision["action"], str(decision["name"]), decision.get("label")
    shown = f"{name} ({label})" if label else name
    found = _find_entity(entities, name, label)
    if found is None:
        raise ValueError(f"{shown} is not in the entity table (merged, renamed or hidden already?); nothing saved.")
    if action == "merge":
        into, into_label = str(decision["into"]), decision.get("into_label")
        target = _find_entity(entities, into, into_label)
        if target == found or (name_key(into) == name_key(name) and (into_label or label) == label):
            raise ValueError(f"Cannot merge {shown} into itself; nothing saved.")
        if target is None:
            target = f"{into} ({into_label})" if into_label else into
            raise ValueError(f"{target} is not in the entity table; nothing saved.")
    elif action == "rename" and str(decision["to"]).strip() == name:
        raise ValueError(f"{shown} is already called {name!r}; nothing saved.")
    elif action == "relabel" and label and str(decision["to"]).upper() == str(label).upper():
        raise ValueError(f"{shown} is already labelled {label}; nothing saved.")


def _find_entity(entities: pd.DataFrame, name: str, label: str | None) -> int | None:
    """The entity named ``name``, else the one with ``name`` among its aliases.

    A decision saved under an entity's earlier display name (its fullest form,
    "Binance Holdings Ltd.") still finds it once it is shown as "Binance".
    """
    key = name_key(name)
    for column in ("name", "aliases"):
        if column == "name":
            hits = entities.index[entities["name"].map(name_key) == key]
        else:
            hits = entities.index[entities["aliases"].fillna("").map(
                lambda value: key in {name_key(a) for a in str(value).split("; ") if a})]
        if label:
            hits = [i for i in hits if entities.at[i, "label"] == str(label).upper()]
        hits = list(hits)
        if hits:
            return hits[0] if len(hits) == 1 else None
    return None


def apply_curation(
    mentions: pd.DataFrame, entities: pd.DataFrame, decisions: Iterable[dict]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Replay curation decisions on the two tables, in order, and return new tables.

    A decision whose entity is not found (the corpus changed, or the rules now
    do the same thing) is skipped with a warning, so old decisions never break a run.
    """
    mentions = mentions.copy()
    names = {row.entity_id: (row.name, row.label) for row in entities.itertuples(index=False)}
    table = entities.copy()
    for decision in decisions:
        decision = _normalise_decision(decision)
        _check_decision(decision, "decision")
        action = decision["action"]
        index = _find_entity(table, decision["name"], decision.get("label"))
        if index is None:
            log.warning("Curation: no single entity %r (%s); decision skipped", decision["name"], decision.get("label"))
            continue
        eid = table.at[index, "entity_id"]
        name, label = names[eid]
        if action == "hide":
            mentions = mentions[mentions["entity_id"] != eid]
        elif action == "merge":
            target = _find_entity(table, decision["into"], decision.get("into_label"))
            if target is None:
                log.warning("Curation: no single entity %r to merge into; decision skipped", decision["into"])
                continue
            target_id = table.at[target, "entity_id"]
            if target_id == eid:
                continue
            mentions.loc[mentions["entity_id"] == eid, ["entity_id", "label"]] = [target_id, names[target_id][1]]
        else:
            new_name = decision["to"] if action == "rename" else name
            new_label = str(decision["to"]).upper() if action == "relabel" else label
            new_id = entity_id(new_name, new_label)
            if new_id in names and new_id != eid and new_id in set(mentions["entity_id"]):
                new_name, new_label = names[new_id]  # renamed onto an existing entity: a merge
            names[new_id] = (new_name, new_label)
            mentions.loc[mentions["entity_id"] == eid, ["entity_id", "label"]] = [new_id, new_label]
        table = entity_summary(mentions, names)
    return mentions.reset_index(drop=True), table
