"""Sanctions-list screening: read lists, match the corpus's people and organisations, review candidates.

A match is a candidate to verify, never a finding: two different people can share
a name, and a list entry's remarks (date of birth, nationality) must be checked
against what the articles say before anything is published.

Names are imported on first use, so that :mod:`helpers.screening.formats` (which
the article loader uses to recognise list files) stays cheap to import.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from helpers.paths import PACKAGE_DATA

#: The list shipped with the kit and used when no other is given: OFAC SDN extract of 28 Dec 2023.
DEFAULT_LIST = PACKAGE_DATA / "sanctions" / "ofac_sdn_2023-12-28"

_EXPORTS = {
    "PairScores": "evaluation", "score_pairs": "evaluation",
    "ListEntry": "lists", "ListError": "lists", "SanctionsList": "lists", "read_list": "lists", "read_lists": "lists",
    "ALGORITHMS": "defaults", "DEFAULT_ALGORITHM": "defaults", "DEFAULT_THRESHOLD": "defaults",
    "ListIndex": "matching", "Match": "records", "Query": "records", "screen_queries": "matching",
}

__all__ = ["DEFAULT_LIST", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f"helpers.screening.{_EXPORTS[name]}"), name)
    if name in ("defaults", "records", "matching", "lists", "evaluation", "queries", "review", "table", "views", "ftm", "formats"):
        return import_module(f"helpers.screening.{name}")
    raise AttributeError(f"module 'helpers.screening' has no attribute {name!r}")
