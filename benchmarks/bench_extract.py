"""Speed and memory of the entity and amount tagging, as ratios within one run.

Builds a corpus of N articles (default 2,000) from the seed articles, then
measures, each in a fresh process:

1. raw ``nlp.pipe`` words per second with the same model and components the kit runs;
2. the kit's ``extract`` (load, tag, clean up, relate, write CSV) words per second;
3. the same ``extract`` again on the unchanged corpus (everything from cache);

and prints the ratios kit/raw (target >= 0.85) and second/first run time
(target <= 0.05), with peak memory. Nothing is asserted: the machines are noisy.

Usage: python benchmarks/bench_extract.py [--articles N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def build_corpus(target: Path, n: int) -> int:
    """Write ``n`` distinct articles as JSONL, made from the seed articles' sentences."""
    from helpers.articles import load_articles

    seeds = load_articles([PROJECT / "seeds"]).articles
    rng = random.Random(20261129)
    paragraphs = {
        lang: [p for text in group["text"] for p in text.split("\n") if len(p) > 80]
        for lang, group in seeds.groupby("lang")
    }
    target.mkdir(parents=True, exist_ok=True)
    with open(target / "corpus.jsonl", "w", encoding="utf-8") as out:
        for i in range(n):
            lang = "fr" if i % 2 else "en"
            body = "\n\n".join(rng.sample(paragraphs[lang], k=min(4, len(paragraphs[lang]))))
            record = {"id": f"bench-{i:05d}", "title": f"Dispatch {i}", "text": body, "lang": lang}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return n


RAW = textwrap.dedent(
    """
    import json, resource, sys, time
    from helpers.articles import load_articles
    from helpers.nlp import load_pipeline, Watchlist
    articles = load_articles([sys.argv[1]]).articles
    words = 0
    pipelines = {lang: load_pipeline(lang, Watchlist()) for lang in articles["lang"].unique()}
    start = time.perf_counter()
    for lang, group in articles.groupby("lang"):
        nlp = pipelines[lang]
        # The same model and components, without the kit's amount rules.
        with nlp.select_pipes(disable=["dossier_amounts"]):
            for doc in nlp.pipe(group["text"], batch_size=64):
                words += len(doc)
    elapsed = time.perf_counter() - start
    print(json.dumps({"seconds": elapsed, "words": words,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    """
)

KIT = textwrap.dedent(
    """
    import json, resource, sys, time
    from helpers.nlp import load_pipeline, Watchlist
    from helpers.pipeline import run_extract
    from helpers.workspace import Workspace
    # Models are loaded before the clock starts, as in the raw measurement.
    for lang in ("en", "fr"):
        load_pipeline(lang, Watchlist())
    start = time.perf_counter()
    corpus, report, written = run_extract([sys.argv[1]], out_dir=sys.argv[2], workspace=Workspace(sys.argv[3]))
    elapsed = time.perf_counter() - start
    print(json.dumps({"seconds": elapsed, "articles": len(corpus.articles),
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    """
)


def run(code: str, *args: str) -> dict:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--keep", type=Path, default=None, help="keep the corpus and workspace here")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    corpus_dir, out_dir, ws_dir = base / "corpus", base / "out", base / "workspace"
    n = build_corpus(corpus_dir, args.articles)
    raw = run(RAW, str(corpus_dir))
    first = run(KIT, str(corpus_dir), str(out_dir), str(ws_dir))
    second = run(KIT, str(corpus_dir), str(out_dir), str(ws_dir))
    raw_wps = raw["words"] / raw["seconds"]
    kit_wps = raw["words"] / first["seconds"]
    print(f"corpus: {n} articles, {raw['words']:,} words (spaCy tokens)")
    print(f"raw nlp.pipe:         {raw['seconds']:8.1f} s  {raw_wps:10,.0f} words/s  peak {raw['peak_mb']:,.0f} MB")
    print(f"kit extract, 1st run: {first['seconds']:8.1f} s  {kit_wps:10,.0f} words/s  peak {first['peak_mb']:,.0f} MB")
    print(f"kit extract, 2nd run: {second['seconds']:8.1f} s  (unchanged corpus, from cache)  peak {second['peak_mb']:,.0f} MB")
    print(f"ratio kit/raw words per second: {kit_wps / raw_wps:.3f}  (target >= 0.85)")
    print(f"ratio 2nd run / 1st run time:   {second['seconds'] / first['seconds']:.3f}  (target <= 0.05)")


if __name__ == "__main__":
    main()
