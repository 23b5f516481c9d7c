"""The ``screening`` table: one row per (entity, list entry) at or above the threshold, best first."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.screening.lists import SanctionsList
from helpers.screening.records import Match

#: Columns of the ``screening`` table and of ``screening.csv``, in this order.
SCREENING_COLUMNS = [
    "entity_id", "entity_name", "label", "list", "list_entry_id", "list_entry_name", "matched_name",
    "score", "algorithm", "explanation", "programs", "status", "article_id", "sentence",
    "list_date", "name_only", "list_entry_schema", "list_entry_names", "remarks",
]
LIST_COLUMNS = ["list", "name", "date", "source", "format", "entries", "skipped", "skipped_detail"]
STATUSES = ("candidate", "confirmed", "rejected")


def screening_table(matches: Iterable[Match], mentions: pd.DataFrame) -> pd.DataFrame:
    """Rows for ``matches`` with the first mention (article and sentence) of each entity, status ``candidate``."""
    ordered = mentions.sort_values(["article_id", "start"]) if len(mentions) else mentions
    first = ordered.drop_duplicates("entity_id").set_index("entity_id") if len(ordered) else None
    rows = []
    for match in matches:
        entry, query = match.entry, match.query
        mention = first.loc[query.entity_id] if first is not None and query.entity_id in first.index else None
        rows.append({
            "entity_id": query.entity_id,
            "entity_name": query.name,
            "label": query.label,
            "list": match.sanctions.name,
            "list_entry_id": entry.entry_id,
            "list_entry_name": entry.name,
            "matched_name": match.matched_name,
            "score": match.score,
            "algorithm": match.algorithm,
            "explanation": match.explanation,
            "programs": "; ".join(entry.programs),
            "status": "candidate",
            "article_id": None if mention is None else mention["article_id"],
            "sentence": None if mention is None else mention["sentence"],
            "list_date": match.sanctions.date,
            "name_only": match.name_only,
            "list_entry_schema": entry.schema,
            "list_entry_names": "; ".join([entry.name, *entry.aliases, *entry.weak_aliases]),
            "remarks": entry.remarks,
        })
    table = pd.DataFrame(rows, columns=SCREENING_COLUMNS)
    if len(table):
        table = table.sort_values(["entity_name", "score"], ascending=[True, False], kind="stable")
        best = table.groupby("entity_id")["score"].transform("max")
        table = table.assign(_best=best).sort_values(["_best", "entity_name", "score"],
                                                     ascending=[False, True, False], kind="stable")
        table = table.drop(columns="_best").reset_index(drop=True)
    table["name_only"] = table["name_only"].astype(bool)
    return table


def list_table(lists: Iterable[SanctionsList]) -> pd.DataFrame:
    """One row per list screened against: its name, date, source and what was skipped."""
    rows = [{
        "list": s.label, "name": s.name, "date": s.date, "source": s.source, "format": s.format,
        "entries": len(s.entries), "skipped": len(s.skipped),
        "skipped_detail": "; ".join(f"{p} line {n}: {r}" for p, n, r in s.skipped[:20]),
    } for s in lists]
    return pd.DataFrame(rows, columns=LIST_COLUMNS)
