"""Measure the money-amount tagger on the hand-written French and English test set.

Run from the project root::

    .venv/bin/python scripts/evaluate_amounts.py [--cases tests/data/amounts_cases.jsonl] [--quiet]

A predicted amount counts as correct only if its text, value, currency and
threshold all equal a gold amount of the same sentence. The scoring lives in
``helpers.evaluation`` (``evaluate_amounts``, ``score_amounts``) so the tests use
exactly the same figures; this script only prints them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from helpers.evaluation import evaluate_amounts, load_amount_cases  # noqa: E402

CASES = ROOT / "tests" / "data" / "amounts_cases.jsonl"


def format_scores(results: dict) -> str:
    """A small table: sentences, gold/predicted counts, P, R, F1 per language and overall."""
    lines = [f"{'':6}{'sents':>6}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    for lang, s in results.items():
        lines.append(
            f"{lang:6}{s['sentences']:>6}{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}"
            f"{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
        )
    return "\n".join(lines)


def format_errors(scores: dict) -> str:
    """Misses, false positives and flag errors, one line each with their sentence."""
    lines = []
    for title, key in (("Misses", "misses"), ("False positives", "false_positives"), ("Flag errors", "flag_errors")):
        lines.append(f"{title} ({len(scores[key])}):")
        for item in scores[key]:
            lines.append(
                f"  [{item['case']}] {item['text']!r} value={item.get('value')} "
                f"currency={item.get('currency')} threshold={item.get('threshold')}"
                f" vague={item.get('vague', False)} linked={item.get('linked', item.get('linked_to'))}"
                f"\n      in: {item['sentence']}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, default=CASES, help="JSONL test set")
    parser.add_argument("--quiet", action="store_true", help="figures only, no error list")
    args = parser.parse_args(argv)
    results = evaluate_amounts(load_amount_cases(args.cases))
    print(format_scores(results))
    if not args.quiet:
        print()
        print(format_errors(results["all"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
