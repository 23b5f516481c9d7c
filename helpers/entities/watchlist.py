"""Watchlist: names the reporter wants found, read from CSV or YAML."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import yaml

from helpers.entities.names import name_key
from helpers.labels import LABEL_MAP, LABELS
from helpers.nlp import Watchlist


def _watch_label(value: Any, where: str) -> str:
    label = str(value or "").strip().upper()
    unified = LABEL_MAP.get(label)
    if unified is None:
        raise ValueError(f"{where}: label {value!r} is not one of {', '.join(LABELS)}")
    return unified


def load_watchlist(path: str | Path) -> Watchlist:
    """Read a watchlist of names the reporter wants found, from CSV or YAML.

    CSV: a header ``name,label,aliases`` and aliases joined by ";". YAML: a list
    of ``{name, label, aliases}`` (aliases a list or a ";"-joined string).
    Labels are PER, ORG, LOC or MISC (spaCy's English labels are accepted and mapped).

    Raises:
        ValueError: the file cannot be read as a watchlist; the message names the row.
    """
    path = Path(path)
    if not path.exists():
        raise ValueError(f"Watchlist {path} does not exist")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        records = _watchlist_csv(path)
    elif suffix in (".yaml", ".yml"):
        records = _watchlist_yaml(path)
    else:
        raise ValueError(f"Watchlist {path}: use a .csv or .yaml file")
    entries = []
    seen = set()
    for where, name, label, aliases in records:
        name = str(name or "").strip()
        if not name:
            raise ValueError(f"{where}: empty name")
        label = _watch_label(label, where)
        if isinstance(aliases, str):
            aliases = aliases.split(";")
        elif aliases is None:
            aliases = []
        elif not isinstance(aliases, (list, tuple)):
            raise ValueError(f"{where}: aliases must be a list or a ';'-joined string")
        clean = tuple(a for a in (str(x).strip() for x in aliases) if a and a != name)
        if name_key(name) in seen:
            raise ValueError(f"{where}: {name!r} is listed twice")
        seen.add(name_key(name))
        entries.append((name, label, clean))
    return Watchlist(entries=tuple(entries))


def _watchlist_csv(path: Path) -> list[tuple[str, Any, Any, Any]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
        if "name" not in header or "label" not in header:
            raise ValueError(f"Watchlist {path}: the header must be name,label,aliases (got {reader.fieldnames})")
        reader.fieldnames = header
        records = []
        for i, row in enumerate(reader, start=2):
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            records.append((f"{path.name} line {i}", row.get("name"), row.get("label"), row.get("aliases") or ""))
    return records


def _watchlist_yaml(path: Path) -> list[tuple[str, Any, Any, Any]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise ValueError(f"Watchlist {path} is not valid YAML: {err}") from err
    if data is None:
        return []
    if isinstance(data, dict) and isinstance(data.get("watchlist"), list):
        data = data["watchlist"]
    if not isinstance(data, list):
        raise ValueError(f"Watchlist {path}: expected a list of {{name, label, aliases}}")
    records = []
    for i, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise ValueError(f"{path.name} entry {i}: expected a mapping with name, label, aliases")
        records.append((f"{path.name} entry {i}", item.get("name"), item.get("label"), item.get("aliases")))
    return records
