"""Corpus-wide partial-name linking: the indexed version gives exactly what the plain scan gave.

The plain scan (every group sharing a first word, every node of a group, for
each look-up) is kept here as the reference; both run on the seed corpus and on
a generated corpus with many distinct names, recurring surnames and company
names with and without their legal form, and must give the same mentions and
entities, row for row.
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest
from networkx.utils import UnionFind

from helpers import entities as E
from helpers.entities import linking
from helpers.entities.linking import _Node, _is_legal_variant, _is_subname, _join_partial, _person_shaped
from helpers.entities.lexicon import load_lexicon
from helpers.nlp import tag_texts

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import bench_extract  # noqa: E402  (the benchmark's corpus generator)


def reference_link_partials(
    nodes: dict[tuple[str, str], _Node], uf: UnionFind, linked: set
) -> None:
    """Join surnames and partial names to the full name, first in the article, then in the corpus."""
    by_article: dict[str, list[_Node]] = defaultdict(list)
    for node in nodes.values():
        by_article[node.article_id].append(node)

    def is_full_person(node: _Node) -> bool:
        lex = load_lexicon(node.mentions[0].lang)
        if any(m.ent_id for m in node.mentions):
            return node.winner == "PER" and len(node.tokens) >= 2
        return node.winner == "PER" and _person_shaped(node.form, lex)

    def is_org(node: _Node) -> bool:
        return node.winner == "ORG"

    full_people = {id(n): is_full_person(n) for n in nodes.values()}
    no_local_candidate: list[_Node] = []
    for article_id, members in by_article.items():
        for node in sorted(members, key=lambda n: -len(n.tokens)):
            if any(m.ent_id for m in node.mentions):
                continue
            lex = load_lexicon(node.mentions[0].lang)
            tokens = node.tokens
            candidates = [
                other for other in members
                if other is not node and full_people[id(other)] and _is_subname(tokens, other.tokens)
            ]
            legal = [
                other for other in members
                if other is not node and _is_legal_variant(tokens, other.tokens, lex) and (is_org(other) or is_org(node))
            ]
            roots = {uf[(o.article_id, o.key)] for o in candidates + legal}
            if len(roots) == 1:
                _join_partial(node, (candidates + legal)[0], uf, linked, as_person=bool(candidates))
            elif not roots:
                no_local_candidate.append(node)
    # across the corpus: only nodes with no candidate in their own article. Nodes
    # are grouped by their name's tokens and looked up by last word (a surname ends
    # the full name) or first word (a legal variant starts with the short name), so
    # each distinct name is tested once, not once per article it appears in.
    groups: dict[tuple[str, ...], list[_Node]] = defaultdict(list)
    for n in nodes.values():
        if (n.article_id, n.key) not in linked and n.tokens:
            groups[tuple(n.tokens)].append(n)
    by_last: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    people_groups: set[tuple[str, ...]] = set()
    org_groups: set[tuple[str, ...]] = set()
    for toks, members in groups.items():
        by_first[toks[0]].append(toks)
        if any(full_people[id(n)] for n in members):
            by_last[toks[-1]].append(toks)
            people_groups.add(toks)
        if any(is_org(n) for n in members):
            org_groups.add(toks)

    def elsewhere(toks: tuple[str, ...], article_id: str, *, people_only: bool) -> list[_Node]:
        return [
            n for n in groups[toks]
            if n.article_id != article_id and (full_people[id(n)] or not people_only)
        ]

    for node in no_local_candidate:
        lex = load_lexicon(node.mentions[0].lang)
        tokens = node.tokens
        if not tokens:
            continue
        people: list[_Node] = []
        for toks in by_last.get(tokens[-1], ()):
            if _is_subname(tokens, list(toks)):
                people += elsewhere(toks, node.article_id, people_only=True)
        legal: list[_Node] = []
        node_is_org = is_org(node)
        for toks in by_first.get(tokens[0], ()):
            if (toks in org_groups or node_is_org) and _is_legal_variant(tokens, list(toks), lex):
                legal += [o for o in elsewhere(toks, node.article_id, people_only=False) if is_org(o) or node_is_org]
        # full names are one entity across the corpus by key, so count keys
        keys = {o.key for o in people + legal}
        if len(keys) == 1:
            _join_partial(node, (people + legal)[0], uf, linked, as_person=bool(people))


def _both(articles: pd.DataFrame, payloads: dict, monkeypatch: pytest.MonkeyPatch) -> tuple:
    new = E.build_entities(articles, payloads)
    with monkeypatch.context() as patch:
        patch.setattr(linking, "_link_partials", reference_link_partials)
        old = E.build_entities(articles, payloads)
    return old, new


def _assert_same(old: tuple, new: tuple) -> None:
    for before, after in zip(old, new):
        pd.testing.assert_frame_equal(before.reset_index(drop=True), after.reset_index(drop=True))


@pytest.fixture(scope="module")
def seed_tags() -> tuple[pd.DataFrame, dict]:
    from helpers.articles import load_articles

    articles = load_articles([ROOT / "seeds"]).articles[["article_id", "lang", "text"]]
    payloads, _ = tag_texts(zip(articles["article_id"], articles["lang"], articles["text"]), n_process=1)
    return articles, payloads


def test_seeds_link_as_the_plain_scan(seed_tags, monkeypatch):
    articles, payloads = seed_tags
    old, new = _both(articles, payloads, monkeypatch)
    assert len(new[1]) > 20
    _assert_same(old, new)


LEGAL = {"fr": ("SA", "SAS", "SARL"), "en": ("Ltd", "Limited", "Inc", "LLC")}


def _generated(n: int, *, lang: str) -> tuple[pd.DataFrame, dict]:
    """The benchmark's generated corpus, tagging composed from the seed paragraphs' tags, plus
    paragraphs naming companies with and without a legal form and surnames alone."""
    records = bench_extract.generate(n, lang=lang)
    tagged = bench_extract.tag_seed_paragraphs()
    rng = random.Random(7)
    companies = [bench_extract.Names(rng=rng, size=40, cities=["Lyon"])._surname(("ex", "ia")) for _ in range(40)]
    people = [(f"{rng.choice(bench_extract.FIRST_NAMES)} {s}", s) for s in companies[:20]]
    rows, payloads = [], {}
    for r in records:
        sents, ents = bench_extract.composed_tags(r, tagged)
        text = r["text"]
        for _ in range(2):
            name = rng.choice(companies)
            surface = name if rng.random() < 0.5 else f"{name} {rng.choice(LEGAL[r['lang']])}"
            label = "ORG" if rng.random() < 0.8 else "PER"
            full, surname = rng.choice(people)
            person = surname if rng.random() < 0.6 else full
            text += "\n\n"
            start = len(text)
            text += f"{surface} a payé {person}."
            ents.append([start, start + len(surface), label, ""])
            ents.append([start + len(surface) + 8, start + len(surface) + 8 + len(person), "PER", ""])
            sents.append([start, len(text)])
        rows.append((r["id"], r["lang"], text))
        payloads[r["id"]] = {"sents": sents, "ents": ents, "amounts": []}
    return pd.DataFrame(rows, columns=["article_id", "lang", "text"]), payloads


@pytest.mark.parametrize("lang", ["fr", "mixed"])
def test_generated_corpus_links_as_the_plain_scan(lang, monkeypatch):
    articles, payloads = _generated(300, lang=lang)
    old, new = _both(articles, payloads, monkeypatch)
    mentions = new[0]
    assert mentions["article_id"].nunique() > 250
    _assert_same(old, new)


@pytest.mark.parametrize(
    ("text", "label"),
    [("Yulia Navalnaya", "PER"), ("Richard Teng", "PER"), ("Goldman Sachs Group", "ORG"),
     ("Binance Holdings Ltd", "ORG"), ("National Crime Agency", "ORG")],
)
def test_an_even_split_between_person_and_organisation_goes_to_a_bare_name(text, label):
    """The model called the name a person once and an organisation once: bare name words are a person."""
    from helpers.entities.types import EntityRules, Mention

    cluster = [Mention("a", "en", 0, len(text), text, "PER"), Mention("a", "en", 40, 40 + len(text), text, "ORG")]
    assert linking.decide(cluster, EntityRules())[1] == label
    assert linking.decide(cluster[1:] + cluster[1:], EntityRules())[1] == "ORG"  # both votes ORG: no tie
