"""Confirm or reject screening candidates: decisions kept as a readable YAML file, replayed, undoable.

The same pattern as entity curation: each decision names the entity (name and
label), the list and the entry id; the latest decision on a pair wins; removing
a decision (undo) brings the pair back to ``candidate``. This module only turns
text into decisions and back and applies them to a table; the workspace file is
read and written by :mod:`helpers.pipeline`.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pandas as pd
import yaml

#: File of review decisions in the workspace folder.
REVIEW_FILE = "screening_review.yaml"
DECISIONS = {"confirm": "confirmed", "reject": "rejected"}
REQUIRED = ("decision", "entity", "label", "list", "list_entry_id")
HEADER = (
    "# Review of possible sanctions-list matches, replayed in this order on every run.\n"
    "# decision: confirm (the article's entity IS this list entry) or reject (it is not).\n"
    "# Pairs are named by entity name + label, list name and the list's own entry id.\n"
    "# Edit by hand, or use the review widget of notebook 06 (with undo).\n"
)


def parse_review(text: str, *, where: str = REVIEW_FILE) -> list[dict]:
    """Decisions from the YAML text of a review file, oldest first.

    Raises:
        ValueError: the text is not YAML, or a decision lacks a field or has an unknown verb.
    """
    try:
        data = yaml.safe_load(text) if text.strip() else None
    except yaml.YAMLError as err:
        raise ValueError(f"{where} is not valid YAML: {err}") from err
    decisions = (data or {}).get("decisions") if isinstance(data, dict) or data is None else data
    if decisions is None:
        return []
    if not isinstance(decisions, list):
        raise ValueError(f"{where}: 'decisions' must be a list")
    for number, decision in enumerate(decisions, start=1):
        check_decision(decision, f"{where} decision {number}")
    return decisions


def check_decision(decision: Any, where: str) -> None:
    if not isinstance(decision, dict):
        raise ValueError(f"{where}: a decision is a mapping")
    for key in REQUIRED:
        if not str(decision.get(key) or "").strip():
            raise ValueError(f"{where}: missing {key!r}")
    if decision["decision"] not in DECISIONS:
        raise ValueError(f"{where}: decision {decision['decision']!r} is not one of {', '.join(DECISIONS)}")


def dump_review(decisions: list[dict]) -> str:
    """The readable YAML text of a review file."""
    body = yaml.safe_dump({"decisions": decisions}, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return HEADER + body


def make_decision(row: pd.Series | dict, decision: str, *, note: str = "") -> dict:
    """A decision on one row of the ``screening`` table."""
    made = {
        "decision": decision,
        "entity": str(row["entity_name"]),
        "label": str(row["label"]),
        "list": str(row["list"]),
        "list_entry_id": str(row["list_entry_id"]),
        "list_entry_name": str(row["list_entry_name"]),
        "at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
    }
    if note:
        made["note"] = note
    check_decision(made, "decision")
    return made


def _key(entity: Any, label: Any, sanctions_list: Any, entry_id: Any) -> tuple[str, str, str, str]:
    return (str(entity).casefold().strip(), str(label).upper(), str(sanctions_list), str(entry_id))


def apply_review(table: pd.DataFrame, decisions: list[dict]) -> pd.DataFrame:
    """``table`` with ``status`` set from the decisions (latest wins); others stay ``candidate``."""
    latest = {}
    for decision in decisions:
        latest[_key(decision["entity"], decision["label"], decision["list"], decision["list_entry_id"])] = \
            DECISIONS[decision["decision"]]
    table = table.copy()
    keys = [_key(e, lb, ls, i) for e, lb, ls, i in
            zip(table["entity_name"], table["label"], table["list"], table["list_entry_id"])]
    table["status"] = [latest.get(key, "candidate") for key in keys]
    return table
