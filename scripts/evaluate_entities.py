"""Measure the entity step: raw model against the kit, and what each rule brings.

Run from the project root::

    .venv/bin/python scripts/evaluate_entities.py                 # dev + held-out passages, sample article
    .venv/bin/python scripts/evaluate_entities.py --blind         # the first blind set, figures only
    .venv/bin/python scripts/evaluate_entities.py --blind blind2  # the second blind set, figures only
    .venv/bin/python scripts/evaluate_entities.py --blind blind10 # the tenth blind set, figures only
    .venv/bin/python scripts/evaluate_entities.py --errors --gains

Both sides run the shipped pipeline: the pinned spaCy models with the components
the kit runs (``helpers.nlp.tag_texts``), then, for the kit, the clean-up and
merge of ``helpers.entities.build_entities`` exactly as ``extract`` does. "raw"
is the model's distinct spans with unified labels and no clean-up, each its own
entity: what a reporter would list without the kit. The shipped pipeline runs
the NER fine-tuned on the development passages (``scripts/train_ner.py``);
``DOSSIER_NER_DIR=none`` scores the pinned models' own NER instead, and
``DOSSIER_NER_DIR=FOLDER`` another training's (one with ``--hold-out``). Each passage is processed
as a corpus of its own. Scoring (PER/ORG/LOC) is in ``helpers.evaluation``: a
predicted entity is right when its label is right and one of its forms is a form
of the gold entity, one prediction per gold entity. Figures are summed over
passages, with a 95% bootstrap interval over passages in brackets.

Sets: "dev" passages were used to write the rules; "heldout" were written after
the first rules and measured once; "dev2" are real texts (Treasury, DOJ, SEC,
FinCEN, ACPR, Tracfin coverage, news, Wikipedia), each with its source,
annotated before the kit was run on them, then used to fix error classes;
"dev3" are the same kind of real text (price-cap, reporting-threshold, SEC,
DOJ and EU Council coverage; AMF, ACPR, PNF, Bercy and cash-cap coverage in
French) from sources no other set uses, annotated the same way; "dev4" the
same kind again (BNP Paribas, Binance, Garantex, casino and North Korean
sanctions coverage, PNF, AMF and Livret A pages), annotated before the kit was
run on it; "dev5" the same kind again, rich in French public bodies (courts,
prosecutors, Tracfin, ACPR, AMF, DGFiP, customs and police offices, ministries)
and the U.S. and U.K. regulators, annotated before the kit was run on it;
"dev7" French news and official pages (crypto frauds, sanctions on Russian
oligarchs and banks, AMF and ACPR sanctions, Tracfin, Swiss, Belgian, Monegasque
and Canadian coverage), annotated and committed before the kit was run on it;
"dev8" English news, press releases and law-firm notes (mixers, ransomware
groups, exchanges and scams, OFAC, FinCEN, NCA and Europol coverage,
oligarch sanctions and court cases), annotated and committed before the kit
was run on it;
"dev9" French and English news, official pages and law-firm notes (oligarch
and bank sanctions, the PNF, Junalco, ACPR, UBS and Wagner; Tether, Binance,
Bybit, LockBit, pig-butchering seizures, SEC and FinCEN cases), annotated and
committed before the kit was run on it;
"dev10" French and English news (crypto hacks and exchanges, the Bybit and
CoinEx thefts, Binance and UBS in the French courts, the Balkany and Elf cases,
Antwerp diamond-trade fraud, drug-money laundering in Marseille; the FTX and
SafeMoon trials, Coin.mx, oligarch sanctions, Unaoil and SFO cases, US tax
cases), annotated and committed before the kit was run on it;
"dev13" English news, releases and law-firm notes on Indian (Enforcement
Directorate, CBI, state police), Hong Kong, Singaporean, UK, US, Australian and
Canadian enforcement, and French news and official pages from Switzerland,
Belgium, Luxembourg, Canada, Morocco, Senegal, Côte d'Ivoire and Cameroon
(FINMA, the MPC and the Seco, CTIF and the parquet fédéral, CSSF and CRF, CANAFE
and the Quebec AMF, ANRF, CENTIF, GIABA, ANIF, COBAC and BEAC) and France
(Tracfin, the PNF and OCLCIFF, AMF sanctions, crypto-fraud operations), Russian
oligarchs in Switzerland and Antwerp diamond cases, annotated and committed
before the kit was run on it;
"dev14" English news (oligarchs' yachts, jets and mansions seized or frozen,
crypto-exchange takedowns and sanctions, export-control procurement cases, EU
and UK sanctions packages, bank and exchange AML settlements), annotated and
committed before the kit was run on it;
"dev11", "dev12", "dev15" and "dev16" (``tests/data/former_blind_passages.jsonl``,
entities and amounts) were the fifth, fourth, third and sixth blind sets: measured
as blind sets through several rounds, then moved to development, where their
errors are read; "dev22", "dev24" and "dev25" (``tests/data/dev22_passages.jsonl``...)
were the seventh, eighth and ninth blind sets, moved likewise;
"dev17" (``tests/data/dev17_passages.jsonl``, entities and amounts) French and
English sanctions, AML and cash-limit texts, annotated and committed before the
kit was run on it;
"dev18" to "dev21" (``tests/data/dev18_passages.jsonl``...) likewise;
"dev23" (``tests/data/dev23_passages.jsonl``) texts whose money is in the
currencies of Africa, the Gulf, South and South-East Asia and the Americas as
local news writes them, likewise; "dev26" to "dev30" likewise;
"blind" (``tests/data/blind_passages.jsonl``), "blind2"
(``tests/data/blind2_passages.jsonl``) and "blind10" to "blind15"
(``tests/data/blind10_passages.jsonl``...) are real texts annotated before the kit
was run on them and never used to tune: ``--errors`` is refused on them.
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

from helpers import entities as E  # noqa: E402
from helpers import evaluation as V  # noqa: E402
from helpers.nlp import tag_texts  # noqa: E402
from helpers.text import normalize_text, split_related  # noqa: E402

SEED = ROOT / "seeds" / "000_dc811fb2d9703db4.txt"
SEED_GOLD = ROOT / "tests" / "data" / "seed_gold.json"
PASSAGES = ROOT / "tests" / "data" / "entity_passages.jsonl"
DATA = ROOT / "tests" / "data"


def load_seed() -> dict:
    """The sample article's analysed body as a passage with its gold entities."""
    text = normalize_text(SEED.read_text(encoding="utf-8"))
    _title, _, rest = text.partition("\n")
    body, _related = split_related(rest.strip())
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    return {"id": "seed", "lang": gold["lang"], "text": body, "entities": gold["entities"], "set": "seed"}


class Bench:
    """Passages tagged once by the shipped pipeline, scored under any set of rules."""

    def __init__(self, passages: list[dict]) -> None:
        self.passages = passages
        items = [(p["id"], p["lang"], p["text"]) for p in passages]
        self.payloads, _ = tag_texts(items)

    def predict(self, passage: dict, rules: E.EntityRules | None) -> tuple[list[V.Forms], list[tuple[str, str, frozenset]]]:
        frame = pd.DataFrame([(passage["id"], passage["lang"], passage["text"])], columns=["article_id", "lang", "text"])
        payload = {passage["id"]: self.payloads[passage["id"]]}
        if rules is None:
            raw = V.raw_mentions(frame, payload)
            forms = V.raw_forms(raw)
            named = [(next(iter(k)), label, k) for label, k in forms]
        else:
            _, entities = E.build_entities(frame, payload, rules=rules)
            forms = V.kit_forms(entities)
            names = [n for n, l in zip(entities["name"], entities["label"]) if l in E.NAME_LABELS]
            named = [(n, label, k) for n, (label, k) in zip(names, forms)]
        return forms, named

    def score(self, rules: E.EntityRules | None, *, errors: bool = False) -> dict[str, V.Score]:
        """Figures per group ("seed", "fr", "fr dev", ...) for the kit under ``rules``, or the raw model."""
        per_group: dict[str, list[V.Counts]] = {}
        for p in self.passages:
            forms, named = self.predict(p, rules)
            counts = V.match_entities(forms, V.gold_forms(p["entities"]))
            groups = {"seed"} if p["set"] == "seed" else {p["lang"], f"{p['lang']} {p['set']}"}
            for g in groups:
                per_group.setdefault(g, []).append(counts)
            if errors and (counts.fp or counts.fn):
                extra, missed = V.entity_errors(named, p["entities"])
                print(f"  [{p['lang']} {p['set']} {p['id']}] {p['text'][:70]!r}")
                for item in extra:
                    print(f"      extra   {item}")
                for item in missed:
                    print(f"      missed  {item}")
        return {g: V.summarise(c) for g, c in per_group.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--blind", nargs="?", const="blind", choices=sorted(V.BLIND_SETS), metavar="SET",
        help="score a blind set (default: the first, 'blind'; or 'blind2', 'blind10', 'blind11', 'blind12', 'blind13', 'blind14', 'blind15') instead of the dev passages",
    )
    parser.add_argument("--errors", action="store_true", help="list extra and missed entities of the kit (not on --blind)")
    parser.add_argument("--gains", action="store_true", help="F1 with each rule switched off")
    parser.add_argument("--corpus", type=int, default=0, metavar="N", help="print the N top entities of seeds/*.md")
    args = parser.parse_args(argv)
    if args.blind and args.errors:
        parser.error("the blind set is for measuring only: --errors is not offered on it")

    if args.blind:
        passages = V.load_blind(args.blind, DATA)
    else:
        passages = [load_seed(), *V.load_passages(PASSAGES), *V.load_former_blind(DATA), *V.load_dev_passages(DATA)]
    bench = Bench(passages)
    raw = bench.score(None)
    kit = bench.score(E.EntityRules(), errors=args.errors)
    order = ["seed", "fr", "en"] + sorted(g for g in kit if " " in g)
    print("Entity quality (PER/ORG/LOC; label + a shared form, one-to-one)\n")
    for g in [g for g in order if g in kit]:
        print(f"{g:12} raw  {raw[g].line()}")
        print(f"{'':12} kit  {kit[g].line()}")
    if args.gains:
        groups = [g for g in ("seed", "fr", "en") if g in kit]
        print("\nGain of each rule: F1 of the kit minus F1 with that rule switched off")
        print(f"{'rule':10}" + "".join(f"{g:>18}" for g in groups))
        for rule in E.RULES:
            off = bench.score(replace(E.EntityRules(), **{rule: False}))
            cells = "".join(f"{kit[g].counts.f1 - off[g].counts.f1:+8.3f} ({off[g].counts.f1:.3f})" for g in groups)
            print(f"{rule:10}{cells}")
    if args.corpus:
        print()
        show_corpus(args.corpus)


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


if __name__ == "__main__":
    main()
