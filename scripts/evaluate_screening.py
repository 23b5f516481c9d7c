"""Print screening precision and recall on tests/data/screening_pairs.csv against the sample OFAC list.

Usage: .venv/bin/python scripts/evaluate_screening.py [--algorithm NAME] [--threshold 0.7] [--lists PATH...]
"""

from __future__ import annotations

import argparse

import pandas as pd

from helpers.paths import PROJECT_ROOT
from helpers.screening import DEFAULT_LIST, ListIndex, read_lists, score_pairs

PAIRS = PROJECT_ROOT / "tests" / "data" / "screening_pairs.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--algorithm", default="logic-v2")
    parser.add_argument("--threshold", type=float, default=0.70)
    parser.add_argument("--lists", nargs="+", default=[str(DEFAULT_LIST)])
    parser.add_argument("--show", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args()
    pairs = pd.read_csv(PAIRS, dtype=str, keep_default_na=False)
    index = ListIndex(read_lists(args.lists))
    scores = score_pairs(pairs, index, algorithm=args.algorithm, threshold=args.threshold)
    print(f"{args.algorithm} at {args.threshold:.2f}: {scores.summary()}")
    if args.show:
        for miss in scores.misses:
            print("  miss:", miss)
        for alarm in scores.false_alarms:
            print("  false alarm:", alarm)


if __name__ == "__main__":
    main()
