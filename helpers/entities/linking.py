"""Linking: join mentions into entities (same name, surname, legal variant, acronym) and decide each one's name and label."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from networkx.utils import UnionFind

from helpers.entities.acronyms import acronym_letters, spelled_acronyms
from helpers.entities.gazetteer import is_country, is_demonym, lookup
from helpers.entities.naming import event_shaped, law_shaped, representative_name
from helpers.entities.lexicon import NAME_PARTICLES, Lexicon, load_lexicon
from helpers.entities.listed import listed_organisation
from helpers.entities.names import name_key, name_tokens
from helpers.entities.types import CUE_WEIGHT, EntityRules, Mention


@dataclass
class _Node:
    """All mentions of one name (one key) in one article."""

    article_id: str
    key: str
    mentions: list[Mention] = field(default_factory=list)

    @cached_property
    def form(self) -> str:
        """The fullest form; read only once every mention is in."""
        return _best_form(self.mentions)

    @cached_property
    def tokens(self) -> list[str]:
        """Tokens of the fullest form."""
        return name_tokens(self.form)

    @cached_property
    def winner(self) -> str:
        """The label its mentions vote for; dropped by :func:`_join_partial` when the vote changes."""
        return _winner(self.votes())

    def votes(self) -> Counter[str]:
        return _votes(self.mentions)


def _votes(mentions: Iterable[Mention]) -> Counter[str]:
    votes: Counter[str] = Counter()
    for m in mentions:
        votes["PER" if m.person_link else m.model_label] += m.weight
        if m.cue:
            votes[m.cue] += CUE_WEIGHT
    return votes


_LABEL_PRIORITY = {"ORG": 3, "PER": 2, "LOC": 1, "MISC": 0}


def _winner(votes: Counter[str]) -> str:
    return max(votes, key=lambda label: (votes[label], _LABEL_PRIORITY.get(label, -1)))


def _best_form(mentions: Iterable[Mention]) -> str:
    """The fullest surface form: most words, then not in capitals, then most frequent, then longest."""
    mentions = sorted(mentions, key=lambda m: (m.article_id, m.start))
    counts = Counter(m.text for m in mentions)
    first = {}
    for i, m in enumerate(mentions):
        first.setdefault(m.text, i)

    def rank(text: str) -> tuple:
        words = len(name_tokens(text))
        shouting = text.isupper() and words > 1
        return (words, not shouting, counts[text], len(text), -first[text])

    return max(counts, key=rank)


def _person_shaped(text: str, lex: Lexicon) -> bool:
    words = text.split()
    if len(words) < 2 or len(words) > 6:
        return False
    for w in words:
        if any(c.isdigit() for c in w):
            return False
        if w.casefold().strip(".") in lex.name_words or w.casefold().strip(".") in lex.legal_forms:
            return False
        if not w[:1].isupper() and w.casefold() not in NAME_PARTICLES:
            return False
    return True


def _is_subname(short: list[str], full: list[str]) -> bool:
    """True when ``short`` is a strict part of ``full`` ending with the same word (a surname)."""
    if not short or len(short) >= len(full) or short[-1] != full[-1]:
        return False
    remaining = list(full)
    for t in short:
        if t not in remaining:
            return False
        remaining.remove(t)
    return True


def _forced_place(form: str) -> bool:
    """True for a country or region the gazetteers force: no short form of a firm ("Qatar" of "Qatar Holding LLC")."""
    reference = lookup(form)
    return reference is not None and reference.forced and reference.label == "LOC"


def _is_legal_variant(short: list[str], full: list[str], lex: Lexicon) -> bool:
    """True when ``full`` is ``short`` plus legal-form words only ("Bitzlato Limited")."""
    if len(short) >= len(full) or full[: len(short)] != short:
        return False
    return all(t in lex.legal_forms for t in full[len(short):])


def _is_country_variant(short: list[str], full: list[str]) -> bool:
    """True when ``full`` is ``short`` and "of" a country: "Federal Court" and "Federal Court of Australia" in one
    text are one court, named with and without its country."""
    n = len(short)
    return len(full) > n + 1 and full[:n] == short and full[n] == "of" and is_country(" ".join(full[n + 1:]))


def _join_partial(node: _Node, target: _Node, uf: UnionFind, linked: set, *, as_person: bool) -> None:
    """Join a partial name to its full name; a surname's mentions then vote for a person."""
    uf.union((node.article_id, node.key), (target.article_id, target.key))
    linked.add((node.article_id, node.key))
    if as_person:
        for m in node.mentions:
            m.person_link = True
        node.__dict__.pop("winner", None)  # the vote changed


class _Candidates:
    """The nodes of one name kept by a filter, and the articles each key appears in.

    A node is one key in one article, so a key has a node outside article ``a``
    when it appears in another article: no node is visited to know it.
    """

    __slots__ = ("nodes", "articles")

    def __init__(self, nodes: list[_Node]) -> None:
        self.nodes = nodes
        self.articles: dict[str, set[str]] = defaultdict(set)
        for n in nodes:
            self.articles[n.key].add(n.article_id)

    def outside(self, article_id: str) -> tuple[_Node | None, set[str]]:
        """The first node outside ``article_id`` and the keys found outside it."""
        first = next((n for n in self.nodes if n.article_id != article_id), None)
        keys = {key for key, articles in self.articles.items() if len(articles) > 1 or article_id not in articles}
        return first, keys


def _link_partials(
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
                if other is not node and (is_org(other) or is_org(node))
                and (_is_legal_variant(tokens, other.tokens, lex) or _is_country_variant(tokens, other.tokens))
            ] if not _forced_place(node.form) else []
            roots = {uf[(o.article_id, o.key)] for o in candidates + legal}
            if len(roots) == 1:
                _join_partial(node, (candidates + legal)[0], uf, linked, as_person=bool(candidates))
            elif not roots:
                no_local_candidate.append(node)
    # across the corpus: only nodes with no candidate in their own article. Nodes
    # are grouped by their name's tokens; a surname is looked up by its last word
    # (a surname ends the full name), a short name by itself in an index of the
    # names minus trailing legal-form words ("Bitzlato" -> "Bitzlato Limited").
    # Each group keeps, per filter, its nodes and the articles of each key, so a
    # look-up costs the names it finds, not the articles they appear in.
    groups: dict[tuple[str, ...], list[_Node]] = defaultdict(list)
    for n in nodes.values():
        if (n.article_id, n.key) not in linked and n.tokens:
            groups[tuple(n.tokens)].append(n)
    by_last: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    org_groups: set[tuple[str, ...]] = set()
    for toks, members in groups.items():
        if any(full_people[id(n)] for n in members):
            by_last[toks[-1]].append(toks)
        if any(is_org(n) for n in members):
            org_groups.add(toks)
    # {lang: {short name: [full names, in group order]}}, built for a language on first use
    legal_index: dict[str, dict[tuple[str, ...], list[tuple[str, ...]]]] = {}

    def legal_variants(lang: str) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
        if lang not in legal_index:
            legal_forms = load_lexicon(lang).legal_forms
            index: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
            for toks in groups:
                k = len(toks) - 1
                while k >= 1 and toks[k] in legal_forms:
                    index[toks[:k]].append(toks)  # toks[k:] are legal-form words only
                    k -= 1
            legal_index[lang] = index
        return legal_index[lang]

    views: dict[tuple[str, tuple[str, ...]], _Candidates] = {}

    def view(kind: str, toks: tuple[str, ...]) -> _Candidates:
        if (kind, toks) not in views:
            keep = {"people": lambda n: full_people[id(n)], "org": is_org, "all": lambda n: True}[kind]
            views[kind, toks] = _Candidates([n for n in groups[toks] if keep(n)])
        return views[kind, toks]

    # names whose nodes' vote changed in this loop (a surname joined to a person):
    # their "org" view may be stale, so they are filtered node by node
    revoted: set[tuple[str, ...]] = set()

    for node in no_local_candidate:
        tokens = node.tokens
        if not tokens:
            continue
        article_id = node.article_id
        target: _Node | None = None
        keys: set[str] = set()
        for toks in by_last.get(tokens[-1], ()):
            if _is_subname(tokens, list(toks)):
                first, found = view("people", toks).outside(article_id)
                target = target or first
                keys |= found
        as_person = target is not None
        node_is_org = is_org(node)
        for toks in () if _forced_place(node.form) else legal_variants(node.mentions[0].lang).get(tuple(tokens), ()):
            if not (toks in org_groups or node_is_org):
                continue
            if node_is_org or toks not in revoted:
                first, found = view("all" if node_is_org else "org", toks).outside(article_id)
            else:
                kept = [o for o in groups[toks] if o.article_id != article_id and is_org(o)]
                first, found = (kept[0] if kept else None), {o.key for o in kept}
            target = target or first
            keys |= found
        # full names are one entity across the corpus by key, so count keys
        if len(keys) == 1:
            _join_partial(node, target, uf, linked, as_person=as_person)
            if as_person:
                revoted.add(tuple(tokens))


def _link_initialisms(nodes: dict[tuple[str, str], _Node], uf: UnionFind, linked: set, defined: set[str]) -> None:
    """Join an acronym the text never defines to the one name it spells, in its article or else the corpus.

    Every long name is read once: the acronyms it can spell (:func:`spelled_acronyms`)
    index it, so an acronym finds its names by one look-up, not by testing every long name.
    """
    forms = {node_id: node.form for node_id, node in nodes.items()}
    long_names = [(node_id, form) for node_id, form in forms.items() if len(form.split()) >= 2]
    # {lang: {letters: {article_id: {node_id, ...}}}}, built for a language on its first acronym
    indexes: dict[str, dict[str, dict[str, set[tuple[str, str]]]]] = {}

    def index_for(lang: str) -> dict[str, dict[str, set[tuple[str, str]]]]:
        if lang not in indexes:
            lex = load_lexicon(lang)
            spelled: dict[str, frozenset[str]] = {}
            index: dict[str, dict[str, set[tuple[str, str]]]] = defaultdict(lambda: defaultdict(set))
            for node_id, form in long_names:
                if form not in spelled:
                    spelled[form] = spelled_acronyms(form, lex)
                for letters in spelled[form]:
                    index[letters][node_id[0]].add(node_id)
            indexes[lang] = index
        return indexes[lang]

    for node_id, node in nodes.items():
        form = forms[node_id]
        if node.key in defined or not re.fullmatch(r"[A-Z]{2,6}", form) or any(m.ent_id for m in node.mentions):
            continue
        letters = acronym_letters(form)
        if not letters:
            continue
        by_article = index_for(node.mentions[0].lang).get(letters, {})
        local = by_article.get(node.article_id, set())
        if not local:
            candidates = set().union(*by_article.values())
            if len({nid[1] for nid in candidates}) == 1:
                local = {min(candidates)}  # any node of the one name; the smallest, so runs agree
        if len(local) == 1:
            uf.union(node_id, next(iter(local)))
            linked.add(node_id)


def cluster_mentions(mentions: list[Mention], acronym_links: list[tuple[Mention, Mention]], rules: EntityRules) -> dict[Any, list[Mention]]:
    """Group the corpus's mentions into entities: acronyms, initialisms, partial names, then same names."""
    nodes: dict[tuple[str, str], _Node] = {}
    for m in mentions:
        node_id = (m.article_id, m.key)
        m.node = node_id
        nodes.setdefault(node_id, _Node(m.article_id, m.key)).mentions.append(m)
    uf = UnionFind(nodes)
    linked: set[tuple[str, str]] = set()
    if rules.acronyms:
        defined: dict[str, set[str]] = defaultdict(set)
        for short, long in acronym_links:
            defined[short.key].add(long.key)
        for short, long in acronym_links:
            if len(defined[short.key]) == 1:
                continue  # unambiguous: the acronym is one entity everywhere, joined below
            uf.union(short.node, long.node)
            linked.add(short.node)
        for short, long in acronym_links:
            if len(defined[short.key]) == 1:
                uf.union(short.node, long.node)
        _link_initialisms(nodes, uf, linked, set(defined))
    if rules.surnames:
        _link_partials(nodes, uf, linked)
    # the same name is one entity across the corpus, except where it was linked locally
    by_key: dict[str, tuple[str, str]] = {}
    for node_id, node in nodes.items():
        if node_id in linked:
            continue
        if node.key in by_key:
            uf.union(node_id, by_key[node.key])
        else:
            by_key[node.key] = node_id
    if rules.gazetteer:
        _link_references(nodes, uf)
    # watchlist matches are one entity per canonical name
    by_ent_id: dict[str, tuple[str, str]] = {}
    for m in mentions:
        if m.ent_id:
            if m.ent_id in by_ent_id:
                uf.union(m.node, by_ent_id[m.ent_id])
            else:
                by_ent_id[m.ent_id] = m.node
            if name_key(m.ent_id) in by_key:
                uf.union(m.node, by_key[name_key(m.ent_id)])
    clusters: dict[Any, list[Mention]] = defaultdict(list)
    for m in mentions:
        clusters[uf[m.node]].append(m)
    return clusters


def _link_references(nodes: dict[tuple[str, str], _Node], uf: UnionFind) -> None:
    """Join the names the gazetteers give one reference ("Russie", "Russia", "Russian Federation").

    A country, region or body joins whatever the model called it; a city joins
    only the forms whose mentions vote for a place.
    """
    by_ref: dict[str, tuple[str, str]] = {}
    for node_id, node in nodes.items():
        if any(m.ent_id for m in node.mentions):
            continue
        reference = lookup(node.form)
        if reference is None or (not reference.forced and node.winner != "LOC"):
            continue
        if reference.ref in by_ref:
            uf.union(node_id, by_ref[reference.ref])
        else:
            by_ref[reference.ref] = node_id


def _forced_label(cluster: list[Mention]) -> str | None:
    """The label the gazetteers force on a cluster, when its names have one."""
    labels: Counter[str] = Counter()
    for text, n in Counter(m.text for m in cluster).items():
        reference = lookup(text)
        if reference is not None and reference.forced:
            labels[reference.label] += n
    return labels.most_common(1)[0][0] if labels else None


def _unplaced(cluster: list[Mention]) -> bool:
    """True when no gazetteer knows any of the names, no cue says place and the text never sets one as a place."""
    if any(m.placed or m.cue == "LOC" for m in cluster):
        return False
    return all(lookup(text) is None for text in {m.text for m in cluster})


def _one_word_kind(cluster: list[Mention]) -> str | None:
    """The label of a one-word name the model calls a person with no person cue: a known place's or a listed firm's.

    No title, honorific or age marks any of its mentions and no full name of a
    person in the article ends with it. "Washington accuse la banque" is the
    city the gazetteers know; "such as Hydra and Conti": the sanctions list
    names HYDRA MARKET, an organisation. An English word of four capitals or
    more is a brand or an acronym ("the JPEX case"), not a person.
    """
    texts = {m.text for m in cluster}
    if len(texts) != 1 or any(m.person_link or m.cue == "PER" for m in cluster):
        return None
    text = next(iter(texts))
    if len(name_tokens(text)) != 1 or not text[:1].isupper():
        return None
    if text.isupper():  # "JPEX": a brand in capitals; a person's initials are two or three letters ("CZ", "SBF")
        return "ORG" if len(text) >= 4 and text.isalpha() and all(m.lang == "en" for m in cluster) else None
    reference = lookup(text)
    if reference is not None and reference.label == "LOC":
        return "LOC"
    return "ORG" if listed_organisation(text) else None


def _bare_person_name(text: str, lang: str) -> bool:
    """Two or three capitalised words, none an institution, business or legal-form word, an acronym or a known name.

    Read only when a cluster's mentions split evenly between person and organisation.
    """
    words = text.split()
    if not 2 <= len(words) <= 3 or lookup(text) is not None or listed_organisation(text):
        return False
    lex = load_lexicon(lang)
    for word in words:
        low = word.casefold()
        if not (word[:1].isupper() and word[1:].islower() and word.replace("-", "").isalpha()):
            return False
        if low in lex.institution_heads or low in lex.business_cues or low in lex.concepts or low in lex.generic:
            return False
    return _person_shaped(text, lex)  # and no kind word or legal form


def decide(cluster: list[Mention], rules: EntityRules) -> tuple[str, str]:
    """Canonical name and label of one cluster of mentions."""
    forced = [m for m in cluster if m.ent_id]
    if forced:
        ent_ids = Counter(m.ent_id for m in forced)
        name = max(ent_ids, key=lambda n: (ent_ids[n], n))
        label = Counter(m.model_label for m in forced if m.ent_id == name).most_common(1)[0][0]
        return name, label
    fullest = _best_form(cluster)
    if rules.vote:
        votes = _votes(cluster)
        label = _winner(votes)
        if label == "ORG" and votes["PER"] == votes["ORG"] and _bare_person_name(fullest, cluster[0].lang):
            label = "PER"  # "Yulia Navalnaya" once a person and once an organisation: two or three bare name words
    else:
        first = min((m for m in cluster if m.text == fullest), key=lambda m: (m.article_id, m.start))
        label = first.cue if (rules.cues and first.cue) else first.model_label
    if rules.gazetteer:
        forced = _forced_label(cluster)
        label = forced or label
        if label == "PER" and forced is None:
            label = _one_word_kind(cluster) or label
        if label == "LOC" and forced is None and _unplaced(cluster):
            label = "ORG"  # "for Grayscale's fund", "(Coinhouse, Bitpanda)": a name no gazetteer knows, never set as a place
        if all(is_demonym(m.text, lang=m.lang) for m in cluster):
            label = "MISC"  # "Russian", "Ukrainian", "les Russes": nationalities, not places
    if rules.drop and label in ("ORG", "PER") and law_shaped(fullest):
        label = "MISC"  # "Bank Secrecy Act", "Executive Order 13757": laws and orders are not organisations or people
    if rules.drop and label in ("ORG", "PER") and event_shaped(fullest):
        label = "MISC"  # "Panama Papers", "FootLeaks", "City Week Banking Conference": leaks and meetings
    name = representative_name([m.text for m in cluster], label, fullest=fullest) if rules.display else fullest
    return name, label
