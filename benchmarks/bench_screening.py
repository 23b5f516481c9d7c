"""Screening speed and memory: >= 2,000 entities against a list of >= 20,000 entries.

The list is the OFAC SDN extract shipped with the kit plus generated entries (a
user CSV written to a temporary folder); the entities are list names in French
press spellings, word orders and partial forms, and unlisted names. Prints
figures and the ratio to brute force (every entry scored) measured on a few
names in the same run; asserts nothing.

Usage: .venv/bin/python benchmarks/bench_screening.py [--entries 20000] [--entities 2000]
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from followthemoney import model
from nomenklatura.matching import ScoringConfig, get_algorithm

from helpers.screening import DEFAULT_LIST, ListIndex, Query, read_lists, screen_queries

FIRST = ["Aleksandr", "Sergei", "Vladimir", "Dmitry", "Andrei", "Alexei", "Mikhail", "Igor", "Yuri", "Oleg",
         "Nikolai", "Ivan", "Pavel", "Viktor", "Roman", "Denis", "Anton", "Kirill", "Maksim", "Evgeny",
         "Olga", "Elena", "Tatiana", "Natalia", "Irina", "Svetlana", "Anna", "Maria", "Yulia", "Ekaterina"]
SYLLABLES = ["ko", "va", "le", "ni", "ro", "mo", "sha", "ba", "de", "gu", "ty", "pe", "ri", "zo", "kha", "lo",
             "mi", "su", "dra", "to", "vi", "cher", "bor", "ste", "gra", "pol", "kin", "mar", "vol", "shu"]
ENDINGS = ["ov", "ev", "in", "enko", "sky", "uk", "ich", "ova", "eva", "ina"]
ORG_WORDS = ["Trans", "Neft", "Stroi", "Invest", "Capital", "Group", "Bank", "Energo", "Tekh", "Prom", "Servis",
             "Logistik", "Trade", "Holding", "Agro", "Metall", "Resurs", "Finans", "Avia", "Marine"]
FORMS = ["OOO", "LLC", "JSC", "AO", "PAO", "Limited"]
FR = str.maketrans({"y": "i"})


def surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))).capitalize() + rng.choice(ENDINGS)


def org_name(rng: random.Random) -> str:
    return "".join(rng.sample(ORG_WORDS, 2)) + " " + rng.choice(ORG_WORDS)


def write_list(folder: Path, count: int, rng: random.Random) -> tuple[Path, list[tuple[str, str]]]:
    """A user CSV of ``count`` generated entries; returns it and (name, label) of each entry."""
    rows = []
    for i in range(count):
        if i % 3:
            name, kind = f"{rng.choice(FIRST)} {surname(rng)}", "person"
        else:
            name, kind = f"{rng.choice(FORMS)} {org_name(rng)}", "company"
        rows.append((name, kind))
    path = folder / "generated_list.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "aliases", "schema", "country", "note"])
        for name, kind in rows:
            writer.writerow([name, "", kind, "ru", "generated for the benchmark"])
    return path, [(name, "PER" if kind == "person" else "ORG") for name, kind in rows]


def make_queries(listed: list[tuple[str, str]], count: int, rng: random.Random) -> list[Query]:
    """Half variants of list names (French spelling, word order, surname only), half unlisted names."""
    queries = []
    for i in range(count):
        if i % 2:
            name, label = rng.choice(listed)
            words = name.split()
            if label == "PER":
                variant = rng.choice([" ".join(reversed(words)), words[-1].translate(FR) + "e",
                                      words[0].replace("ei", "eï") + " " + words[-1].replace("sh", "ch")])
            else:
                variant = " ".join(words[1:])  # without the legal form
        elif i % 4:
            variant, label = f"{rng.choice(FIRST)} {surname(rng)}", "PER"
        else:
            variant, label = org_name(rng) + " " + rng.choice(["SA", "GmbH", "Ltd"]), "ORG"
        queries.append(Query(entity_id=f"q{i}", name=variant, label=label))
    return queries


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=20000, help="generated list entries (plus the OFAC sample)")
    parser.add_argument("--entities", type=int, default=2000, help="entities to screen")
    parser.add_argument("--brute", type=int, default=3, help="names scored against every entry, for the ratio")
    args = parser.parse_args()
    rng = random.Random(20231228)

    started = time.perf_counter()
    warm = [model.make_entity("Person"), model.make_entity("Person")]
    for i, proxy in enumerate(warm):
        proxy.id = f"warm{i}"
        proxy.add("name", "Vladimir Putin")
    get_algorithm("logic-v2").compare(warm[0], warm[1], ScoringConfig.defaults())
    warm_up = time.perf_counter() - started  # rigour builds its name tagger once per process

    with tempfile.TemporaryDirectory() as tmp:
        generated, listed = write_list(Path(tmp), args.entries, rng)
        t0 = time.perf_counter()
        lists = read_lists([DEFAULT_LIST, generated])
        read_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    index = ListIndex(lists)
    index_s = time.perf_counter() - t0
    queries = make_queries(listed, args.entities, rng)
    names = sum(len(q.all_names()) for q in queries)

    t0 = time.perf_counter()
    matches = screen_queries(queries, index)
    screen_s = time.perf_counter() - t0

    scorer, config = get_algorithm("logic-v2"), ScoringConfig.defaults()
    t0 = time.perf_counter()
    for query in queries[: args.brute]:
        proxy = query.entity()
        for number in range(len(index)):
            candidate = index.entity(number)
            if proxy.schema.can_match(candidate.schema):
                scorer.compare(proxy, candidate, config)
    brute_s = (time.perf_counter() - t0) / max(args.brute, 1)

    entries = sum(len(s.entries) for s in lists)
    print(f"Python {sys.version.split()[0]}; list: {entries:,} entries "
          f"({len(lists[0].entries)} OFAC SDN sample + {len(lists[1].entries):,} generated); "
          f"{len(queries):,} entities ({names:,} names with their English readings)")
    print(f"matcher warm-up (rigour name tagger, once per process): {warm_up:.1f} s")
    print(f"read lists: {read_s:.2f} s; build index: {index_s:.2f} s")
    print(f"screen: {screen_s:.1f} s -> {len(queries) / screen_s:,.0f} entities/s, {names / screen_s:,.0f} names/s; "
          f"{len(matches):,} matches at 0.70")
    print(f"brute force (every entry scored), {args.brute} names: {brute_s:.2f} s per entity "
          f"-> {1 / brute_s:.2f} entities/s; blocked / brute-force speed ratio "
          f"{(len(queries) / screen_s) * brute_s:,.0f}x")
    print(f"peak memory (max RSS): {peak_mb():,.0f} MB")


if __name__ == "__main__":
    main()
