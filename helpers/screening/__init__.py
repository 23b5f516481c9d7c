"""Sanctions-list screening: read lists, match the corpus's people and organisations, review candidates.

A match is a candidate to verify, never a finding: two different people can share
a name, and a list entry's remarks (date of birth, nationality) must be checked
against what the articles say before anything is published.
"""

from helpers.paths import PACKAGE_DATA
from helpers.screening.evaluation import PairScores, score_pairs
from helpers.screening.lists import ListEntry, ListError, SanctionsList, read_list, read_lists
from helpers.screening.matching import (
    ALGORITHMS,
    DEFAULT_ALGORITHM,
    DEFAULT_THRESHOLD,
    ListIndex,
    Match,
    Query,
    screen_queries,
)

#: The list shipped with the kit and used when no other is given: OFAC SDN extract of 28 Dec 2023.
DEFAULT_LIST = PACKAGE_DATA / "sanctions" / "ofac_sdn_2023-12-28"

__all__ = [
    "ALGORITHMS", "DEFAULT_ALGORITHM", "DEFAULT_LIST", "DEFAULT_THRESHOLD", "ListEntry", "ListError",
    "ListIndex", "Match", "PairScores", "Query", "SanctionsList", "read_list", "read_lists",
    "score_pairs", "screen_queries",
]
