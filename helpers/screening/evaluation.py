"""Precision and recall of screening on a set of labelled name pairs (``tests/data/screening_pairs.csv``)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from helpers.screening.matching import DEFAULT_ALGORITHM, DEFAULT_THRESHOLD, ListIndex, Query, screen_queries


@dataclass
class PairScores:
    """Figures on a pair set: a query counts as flagged when any entry reaches the threshold."""

    positives: int
    decoys: int
    true_flags: int
    false_flags: int
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    flagged_pairs: int = 0
    wrong_pairs: int = 0

    @property
    def precision(self) -> float:
        flagged = self.true_flags + self.false_flags
        return self.true_flags / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        return self.true_flags / self.positives if self.positives else 1.0

    @property
    def pair_precision(self) -> float:
        """Share of every (query, entry) pair flagged that is the right entry."""
        return 1 - self.wrong_pairs / self.flagged_pairs if self.flagged_pairs else 1.0

    def summary(self) -> str:
        return (f"{self.positives} positives, {self.decoys} decoys: precision {self.precision:.3f}, "
                f"recall {self.recall:.3f} (pairs flagged {self.flagged_pairs}, of which wrong entry "
                f"{self.wrong_pairs}: pair precision {self.pair_precision:.3f})")


def score_pairs(pairs: pd.DataFrame, index: ListIndex, *, algorithm: str = DEFAULT_ALGORITHM,
                threshold: float = DEFAULT_THRESHOLD) -> PairScores:
    """Screen every query of ``pairs`` (columns kind, label, query, expected) and count."""
    queries = [Query(entity_id=f"pair{i}", name=row.query, label=row.label)
               for i, row in enumerate(pairs.itertuples(index=False))]
    matches = screen_queries(queries, index, algorithm=algorithm, threshold=threshold)
    found: dict[str, set[str]] = {}
    for match in matches:
        found.setdefault(match.query.entity_id, set()).add(match.entry.entry_id)
    scores = PairScores(positives=int((pairs["kind"] == "positive").sum()),
                        decoys=int((pairs["kind"] == "decoy").sum()), true_flags=0, false_flags=0)
    for query, row in zip(queries, pairs.itertuples(index=False)):
        flagged = found.get(query.entity_id, set())
        expected = str(row.expected) if row.kind == "positive" else None
        scores.flagged_pairs += len(flagged)
        scores.wrong_pairs += len(flagged - {expected})
        if expected and expected in flagged:
            scores.true_flags += 1
        elif flagged:
            scores.false_flags += 1
            scores.false_alarms.append(f"{row.query} -> {', '.join(sorted(flagged))}")
        if expected and expected not in flagged:
            scores.misses.append(f"{row.query} (expected {expected})")
    return scores
