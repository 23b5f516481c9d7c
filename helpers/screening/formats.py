"""Recognise sanctions-list files by their shape, with the standard library only.

The article loader asks this module whether a CSV or JSON file is a list rather
than articles, so it must stay cheap to import: no followthemoney here.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

#: Format names, as :func:`detect_format` returns them.
OFAC = "ofac-sdn"
OPENSANCTIONS_CSV = "opensanctions-csv"
FTM_JSON = "ftm-json"
USER_CSV = "user-csv"
FORMATS = (OFAC, OPENSANCTIONS_CSV, FTM_JSON, USER_CSV)

#: The OFAC SDN CSV files, as the U.S. Treasury names them.
OFAC_FILES = ("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv")
#: Header columns that make a CSV file an OpenSanctions ``targets.simple.csv``.
OPENSANCTIONS_COLUMNS = {"id", "schema", "name", "aliases"}
#: Header columns of a user's own list; ``name`` is required.
USER_COLUMNS = {"name", "aliases", "schema", "type", "country", "note"}
#: Columns that make a CSV file a table of articles instead.
ARTICLE_COLUMNS = {"text", "body"}

_OFAC_ROW = re.compile(r'^\s*\d+\s*,\s*("|-0-|\d+\s*,)')


def detect_text(name: str, text: str) -> str | None:
    """The list format of a file called ``name`` holding ``text``, or None when it is not a list."""
    lower = name.lower()
    head = text.lstrip("\ufeff")[:20000]
    first = next((line for line in head.splitlines() if line.strip()), "")
    if lower in OFAC_FILES and _OFAC_ROW.match(first):
        return OFAC
    if lower.endswith((".json", ".jsonl", ".ndjson")):
        try:
            record = json.loads(first)
        except ValueError:
            return None
        if isinstance(record, dict) and "schema" in record and isinstance(record.get("properties"), dict):
            return FTM_JSON
        return None
    if lower.endswith(".csv"):
        try:
            header = next(csv.reader(io.StringIO(first)))
        except (csv.Error, StopIteration):
            return None
        columns = {c.strip().lower() for c in header}
        if columns & ARTICLE_COLUMNS:
            return None
        if OPENSANCTIONS_COLUMNS <= columns:
            return OPENSANCTIONS_CSV
        if "name" in columns and len(columns & USER_COLUMNS) >= 2:
            return USER_CSV
    return None


def detect_format(path: str | Path) -> str | None:
    """The list format of a file or folder, or None. A folder holding ``sdn.csv`` is an OFAC list."""
    path = Path(path)
    if path.is_dir():
        return OFAC if (path / "sdn.csv").is_file() else None
    try:
        with path.open("rb") as handle:
            data = handle.read(20000)
    except OSError:
        return None
    return detect_text(path.name, data.decode("utf-8", errors="replace"))
