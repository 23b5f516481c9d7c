"""Fine-tune the pinned models' NER on the development passages and write it where the kit loads it.

Run from the project root::

    .venv/bin/python scripts/train_ner.py                      # both languages, every dev set
    .venv/bin/python scripts/train_ner.py --lang fr            # one language
    .venv/bin/python scripts/train_ner.py --hold-out dev22,dev23 --out /tmp/ner   # leave sets out, to measure

The passages are the development ones only (``tests/data/entity_passages.jsonl``,
the former blind sets and ``dev17``...): the blind sets never train. The
reference entities are built by :mod:`helpers.training`. The NER component is
written to ``helpers/data/models/ner_<lang>/`` with a ``meta.json`` naming the
model it was trained from; :func:`helpers.nlp.load_pipeline` uses it on that
model only. Training is seeded: the same passages and packages give the same
weights. To score a model written elsewhere, point ``DOSSIER_NER_DIR`` at the
folder that holds its ``ner_<lang>/`` and run ``scripts/evaluate_entities.py``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from helpers import evaluation as V  # noqa: E402
from helpers import nlp as N  # noqa: E402
from helpers.training import fine_tune, training_examples  # noqa: E402

DATA = ROOT / "tests" / "data"
#: Epochs per language, chosen on the held-out dev22 and dev23 passages (see the README).
EPOCHS = {"en": 5, "fr": 8}


def dev_passages(hold_out: set[str]) -> list[dict]:
    passages = [*V.load_passages(DATA / "entity_passages.jsonl"), *V.load_former_blind(DATA), *V.load_dev_passages(DATA)]
    assert not {p["set"] for p in passages} & set(V.BLIND_SETS), "a blind set must never train"
    return [p for p in passages if p["set"] not in hold_out]


def train(lang: str, passages: list[dict], out: Path, *, epochs: int, seed: int = 0) -> dict:
    base = N.model_name(lang)
    if base is None:
        raise SystemExit(f"no spaCy model installed for {lang!r}")
    nlp = spacy.load(base)
    started = time.perf_counter()
    examples = training_examples(nlp, passages, lang)
    losses = fine_tune(nlp, examples, epochs=epochs, seed=seed)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"ner_{lang}"
    if target.exists():
        shutil.rmtree(target)
    nlp.get_pipe("ner").to_disk(target, exclude=["vocab"])
    meta = spacy.info(base)
    record = {
        "base": f"{meta['lang']}_{meta['name']}",
        "base_version": meta["version"],
        "spacy_version": spacy.__version__,
        "passages": len(examples),
        "epochs": epochs,
        "seed": seed,
        "sets": sorted({p["set"] for p in passages if p["lang"] == lang}),
        "losses": [round(float(x), 1) for x in losses],
    }
    (target / "meta.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(f"{lang}: {len(examples)} passages, {epochs} epochs, {time.perf_counter() - started:.0f} s -> {target}")
    return record


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=sorted(EPOCHS), action="append", help="a language (default: both)")
    parser.add_argument("--hold-out", default="", metavar="SETS", help="comma-separated dev sets to leave out")
    parser.add_argument("--epochs", type=int, help="epochs (default: per language, see EPOCHS)")
    parser.add_argument("--out", type=Path, default=N.TUNED_NER_DIR, help="folder for ner_<lang>/")
    parser.add_argument("--seed", type=int, default=0, help="the training's seed (the shipped weights use 0)")
    args = parser.parse_args(argv)
    passages = dev_passages(set(filter(None, args.hold_out.split(","))))
    for lang in args.lang or sorted(EPOCHS):
        train(lang, passages, args.out, epochs=args.epochs or EPOCHS[lang], seed=args.seed)


if __name__ == "__main__":
    main()
