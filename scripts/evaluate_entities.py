"""Measure the entity step: raw model against the kit, and what each rule brings.

Run from the project root::

    .venv/bin/python scripts/evaluate_entities.py [--errors] [--corpus]

A predicted entity is a canonical name + label (PER, ORG or LOC); names match up
to case, accents, apostrophes and word order. "raw" is the model's distinct
spans with unified labels and no clean-up, i.e. what a reporter would list
without the kit. Figures are micro-averaged over articles; each test passage is
processed as a corpus of its own, the way the sample article is.

The passages are in two sets: "dev" (38, written before the rules, then used to
find the model's errors while writing the rules) and "heldout" (10, written
after the rules were done and measured once); "fr"/"en" are both sets together.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from helpers import entities as E, evaluation  # noqa: E402
from helpers.nlp import tag_texts  # noqa: E402
from helpers.text import normalize_text, split_related  # noqa: E402

SEED = ROOT / "seeds" / "000_dc811fb2d9703db4.txt"
SEED_GOLD = ROOT / "tests" / "data" / "seed_gold.json"
PASSAGES = ROOT / "tests" / "data" / "entity_passages.jsonl"


def load_seed() -> tuple[str, str, set[tuple[str, str]]]:
    """The sample article's analysed body, its language and its gold entity set."""
    text = normalize_text(SEED.read_text(encoding="utf-8"))
    _title, _, rest = text.partition("\n")
    body, _related = split_related(rest.strip())
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    return body, gold["lang"], {(E.name_key(e["name"]), e["label"]) for e in gold["entities"]}


def load_passages() -> list[dict]:
    """The hand-annotated test passages, text normalised as the kit does on load."""
    passages = []
    for line in PASSAGES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            item["text"] = normalize_text(item["text"])
            item["gold"] = {(E.name_key(e["name"]), e["label"]) for e in item["entities"]}
            passages.append(item)
    return passages


def add(total: dict[str, int], score: dict[str, float]) -> None:
    for k in ("tp", "fp", "fn"):
        total[k] = total.get(k, 0) + int(score[k])


def prf(total: dict[str, int]) -> dict[str, float]:
    tp, fp, fn = total.get("tp", 0), total.get("fp", 0), total.get("fn", 0)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, **total}


class Bench:
    """Documents tagged once, scored under any set of rules."""

    def __init__(self) -> None:
        body, lang, gold = load_seed()
        self.docs: list[tuple[str, str, str, set, str]] = [("seed", lang, body, gold, "seed")]
        for i, p in enumerate(load_passages()):
            self.docs.append((f"p{i:02d}", p["lang"], p["text"], p["gold"], f"{p['lang']} {p.get('set', 'dev')}"))
        self.payloads, _ = tag_texts([(aid, lang, text) for aid, lang, text, _, _ in self.docs])

    def frames(self):
        for aid, lang, text, gold, group in self.docs:
            frame = pd.DataFrame([(aid, lang, text)], columns=["article_id", "lang", "text"])
            yield aid, frame, gold, group

    def score(self, rules: E.EntityRules | None, *, errors: bool = False) -> dict[str, dict[str, float]]:
        """P/R/F1 per group (seed, fr, en) for the kit under ``rules``, or the raw model when None."""
        totals: dict[str, dict[str, int]] = {}
        for aid, frame, gold, group in self.frames():
            payload = {aid: self.payloads[aid]}
            if rules is None:
                predicted = evaluation.raw_entity_set(evaluation.raw_mentions(frame, payload))
            else:
                _, entities = E.build_entities(frame, payload, rules=rules)
                predicted = evaluation.entity_set(entities)
            score = evaluation.score_entities(predicted, gold)
            for g in {group, group.split()[0]}:
                add(totals.setdefault(g, {}), score)
            if errors and (predicted ^ gold):
                text = frame.at[0, "text"]
                print(f"  [{group} {aid}] {text[:70]!r}")
                for name, label in sorted(predicted - gold):
                    print(f"      extra   {label} {name}")
                for name, label in sorted(gold - predicted):
                    print(f"      missed  {label} {name}")
        return {group: prf(total) for group, total in totals.items()}


def fmt(s: dict[str, float]) -> str:
    return f"P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})"


def show_corpus(limit: int) -> None:
    """Entities of the seeds/*.md corpus, for reading the residual errors by eye."""
    import frontmatter

    rows = []
    for path in sorted((ROOT / "seeds").glob("*.md")):
        if path.name == "SOURCES.md":
            continue
        post = frontmatter.load(path)
        body, _ = split_related(normalize_text(post.content))
        rows.append((path.stem[:2], post.get("lang", "en"), body))
    articles = pd.DataFrame(rows, columns=["article_id", "lang", "text"])
    payloads, _ = tag_texts(rows)
    _, entities = E.build_entities(articles, payloads)
    with pd.option_context("display.width", 200, "display.max_rows", limit, "display.max_colwidth", 60):
        print(entities.head(limit).to_string(index=False))
    print(f"... {len(entities)} entities in {len(articles)} articles")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list extra and missed entities of the kit")
    parser.add_argument("--corpus", type=int, default=0, metavar="N", help="print the N top entities of seeds/*.md")
    args = parser.parse_args(argv)

    bench = Bench()
    raw = bench.score(None)
    kit = bench.score(E.EntityRules(), errors=args.errors)
    groups = ["seed", "fr", "en"]
    detail = ["fr dev", "fr heldout", "en dev", "en heldout"]
    counts = {g: sum(1 for d in bench.docs if d[4] == g or d[4].split()[0] == g) for g in groups + detail}
    print("Entity quality (PER/ORG/LOC; canonical name + label)\n")
    for g in groups + detail:
        print(f"{g:10} ({counts[g]:2} docs)  raw  {fmt(raw[g])}")
        print(f"{'':10} {'':9}  kit  {fmt(kit[g])}")
    print("\nGain of each rule: F1 of the kit minus F1 with that rule switched off")
    print(f"{'rule':10}" + "".join(f"{g:>18}" for g in groups))
    for rule in E.RULES:
        off = bench.score(replace(E.EntityRules(), **{rule: False}))
        cells = "".join(
            f"{kit[g]['f1'] - off[g]['f1']:+8.3f} ({off[g]['f1']:.3f})" for g in groups
        )
        print(f"{rule:10}{cells}")
    if args.corpus:
        print()
        show_corpus(args.corpus)


if __name__ == "__main__":
    main()
