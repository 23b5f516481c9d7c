"""Relations between entities: who is mentioned together with whom, and where.

Two entities are related when both are mentioned in the same unit of text (a
sentence, a paragraph or a whole article). A relation's weight is the number of
such units, and every unit is kept as evidence with a quotable sentence, so
each edge of the network can be checked against the articles.

Weights count what is independent: a sentence repeated word for word (in one
article or in several) counts once, and copies of one article (``copies``,
from :mod:`helpers.duplicates`) count as one article, the copy with the most
supporting sentences standing for its group. Every unit stays in the
evidence, copies included, with ``counted`` saying whether it adds to the
weight; ``articles`` counts independent articles, ``sources`` every article
the evidence comes from.

Evidence sentences: for sentence units, the sentence itself. For paragraph and
article units, the first sentence of the unit that mentions both entities; when
no single sentence does, the first sentence mentioning each of the two, in text
order, joined with " … ". The row's ``sentence_id`` is the first sentence quoted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from itertools import combinations
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from helpers.labels import SHOWN_LABELS

#: Units of co-occurrence, smallest first.
UNITS = ("sentence", "paragraph", "article")
RELATION_COLUMNS = ["source", "target", "source_id", "target_id", "weight", "articles", "sources", "evidence"]
EVIDENCE_COLUMNS = ["source_id", "target_id", "article_id", "sentence_id", "unit_id", "sentence", "counted"]
#: Joins the two sentences quoted when no single sentence of a unit names both entities.
EVIDENCE_JOINER = " … "


def build_relations(
    mentions: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    unit: str = "sentence",
    entities: pd.DataFrame | None = None,
    copies: Mapping[str, str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Relate every pair of entities mentioned in the same ``unit``.

    Args:
        mentions: one row per mention, with ``article_id``, ``sentence_id``,
            ``entity_id``, ``text`` and ``sentence``.
        sentences: the ``sentences`` table; gives paragraphs and sentence text.
        unit: ``"sentence"``, ``"paragraph"`` or ``"article"``.
        entities: the ``entities`` table, for canonical names. Without it an
            entity is named by its most frequent mention text.
        copies: ``article_id -> id of the article it is a copy of`` (see
            :func:`helpers.duplicates.original_of`); copies count once.

    Returns:
        ``(relations, evidence)``: one row per unordered pair (``source_id`` <
        ``target_id``), sorted by weight then names; and one row per supporting
        unit, with the sentence to quote (see the module docstring).
    """
    evidence, names = relation_evidence(mentions, sentences, unit=unit, entities=entities)
    return relations_from_evidence(evidence, names, copies=copies)


def relation_evidence(
    mentions: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    unit: str = "sentence",
    entities: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, dict]:
    """The first half of :func:`build_relations`: ``(evidence rows, entity_id -> name)``.

    The evidence is in the order the units are read and has no ``counted``
    values yet. The two halves are apart so that a caller can let the
    mention and sentence tables go before the evidence is weighed.
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")
    found = mentions[mentions["entity_id"].notna()] if len(mentions) else mentions
    if not len(found):
        return pd.DataFrame(columns=EVIDENCE_COLUMNS), {}
    names = _entity_names(found, entities)
    by_article = _ArticleSentences(sentences, found if "sentence" in found else None, unit)

    # Per article (units never span two): unit -> entity -> sentence ids mentioning it, units in order
    # of first appearance. Each article's units become evidence rows before the next article's are read.
    rows: list[tuple] = []
    units: dict[tuple, dict[object, set[int]]] = defaultdict(lambda: defaultdict(set))
    article_ids = found["article_id"].to_numpy(dtype=object)
    sentence_ids = found["sentence_id"].astype(int).to_numpy()
    entity_ids = found["entity_id"].to_numpy(dtype=object)
    # The order of a stable sort on (article, sentence, start): articles by id, as their codes sort.
    order = np.lexsort((found["start"].to_numpy(), sentence_ids, pd.factorize(article_ids, sort=True)[0]))
    current, texts, paragraph_of = None, {}, {}
    for i in order:
        aid, sid = article_ids[i], int(sentence_ids[i])
        if aid != current:
            _unit_rows(units, unit, texts, rows)
            units.clear()
            current = aid
            texts, paragraph_of = by_article.get(aid)
        units[_unit_key(unit, aid, sid, paragraph_of)][entity_ids[i]].add(sid)
    _unit_rows(units, unit, texts, rows)
    del units, order
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS), names


def relations_from_evidence(
    evidence: pd.DataFrame, names: Mapping, *, copies: Mapping[str, str] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The second half of :func:`build_relations`: weigh the evidence of :func:`relation_evidence`."""
    if evidence.empty:
        return pd.DataFrame(columns=RELATION_COLUMNS), evidence
    evidence = evidence.sort_values(
        ["source_id", "target_id", "article_id", "sentence_id"], kind="stable"
    ).reset_index(drop=True)
    evidence["counted"] = _counted(evidence, copies or {})

    group = evidence["article_id"].map(lambda a: (copies or {}).get(a) or a)
    grouped = evidence.assign(group=group).groupby(["source_id", "target_id"], sort=False)
    relations = grouped.agg(
        weight=("counted", "sum"),
        articles=("group", "nunique"),
        sources=("article_id", "nunique"),
        evidence=("sentence", "first"),
    ).reset_index()
    relations["weight"] = relations["weight"].astype(int)
    relations["source"] = relations["source_id"].map(names)
    relations["target"] = relations["target_id"].map(names)
    relations = relations.sort_values(
        ["weight", "source", "target"], ascending=[False, True, True], kind="stable"
    )
    return relations[RELATION_COLUMNS].reset_index(drop=True), evidence


class _ArticleSentences:
    """One article's sentence texts and paragraphs at a time, by sentence id, from the sentences table.

    Held as the table's columns and each article's row numbers, not as a key
    for every sentence of the corpus. ``quotes`` (mentions with a ``sentence``
    column) give the text of a sentence the table lacks.
    """

    def __init__(self, sentences: pd.DataFrame, quotes: pd.DataFrame | None, unit: str) -> None:
        self._rows = _rows_by_article(sentences)
        self._ids = sentences["sentence_id"].astype(int).to_numpy() if len(sentences) else None
        self._texts = sentences["text"].to_numpy(dtype=object) if len(sentences) else None
        self._paragraphs = (sentences["paragraph_id"].astype(int).to_numpy()
                            if unit == "paragraph" and len(sentences) else None)
        self._quotes = _rows_by_article(quotes) if quotes is not None else {}
        if quotes is not None:
            self._quote_ids = quotes["sentence_id"].astype(int).to_numpy()
            self._quote_texts = quotes["sentence"].to_numpy(dtype=object)

    def get(self, article_id: str) -> tuple[dict[int, str], dict[int, int]]:
        """``(sentence id -> text, sentence id -> paragraph id)`` of ``article_id``."""
        texts: dict[int, str] = {}
        if article_id in self._quotes:  # the quote each mention carries; the sentences table's text wins
            rows = self._quotes[article_id]
            texts.update(zip(self._quote_ids[rows].tolist(), self._quote_texts[rows]))
        rows = self._rows.get(article_id)
        if rows is None:
            return texts, {}
        ids = self._ids[rows].tolist()
        texts.update(zip(ids, self._texts[rows]))
        paragraphs = dict(zip(ids, self._paragraphs[rows].tolist())) if self._paragraphs is not None else {}
        return texts, paragraphs


def _rows_by_article(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """``article_id -> row numbers`` of ``frame``, each article's rows in table order."""
    if not len(frame):
        return {}
    codes, ids = pd.factorize(frame["article_id"].to_numpy(dtype=object))
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(ids) + 1))
    return {aid: order[bounds[i]:bounds[i + 1]] for i, aid in enumerate(ids)}


def _entity_names(found: pd.DataFrame, entities: pd.DataFrame | None) -> dict:
    """:func:`entity_names`, counting mention texts only for the entities ``entities`` does not name."""
    if entities is not None and len(entities):
        found = found[~found["entity_id"].isin(entities["entity_id"])]
    return entity_names(found, entities)


def _unit_rows(units: dict[tuple, dict[object, set[int]]], unit: str, texts: dict[int, str],
               rows: list[tuple]) -> None:
    """Append one evidence row per pair of entities in each of ``units`` to ``rows``."""
    for key, by_entity in units.items():
        for a, b in combinations(sorted(by_entity), 2):
            sid, sentence = _evidence(by_entity[a], by_entity[b], texts)
            rows.append((a, b, key[0], sid, _unit_id(unit, key), sentence, False))


def _counted(evidence: pd.DataFrame, copies: Mapping[str, str]) -> np.ndarray:
    """Which evidence rows add to their relation's weight (see the module docstring).

    In each group of copies, the article with the most distinct supporting
    sentences stands for the group (the original on a tie); of its rows, one
    per distinct sentence counts, and a sentence already counted for the
    relation (from another article) does not count again. Worked out on
    integer codes (pairs, articles and sentence keys numbered), not on tuples
    of strings, so that a large evidence table takes little more memory.
    """
    if not len(evidence):
        return np.zeros(0, dtype=bool)
    known: dict[str, str] = {}  # a sentence supports many pairs: one key string each, not one a row
    keys = [known[s] if s in known else known.setdefault(s, sentence_key(s)) for s in evidence["sentence"].fillna("")]
    key = pd.factorize(np.asarray(keys, dtype=object))[0]
    del keys, known
    pair = evidence.groupby(["source_id", "target_id"], sort=False).ngroup().to_numpy()
    article_ids = evidence["article_id"].to_numpy(dtype=object)
    group_ids = np.asarray([copies.get(a) or a for a in article_ids], dtype=object)
    # One numbering of articles and groups, in the ids' order, so that codes compare and sort as the ids do.
    codes, _ = pd.factorize(np.concatenate([article_ids, group_ids]), sort=True)
    article, group = codes[: len(article_ids)], codes[len(article_ids):]
    del article_ids, group_ids, codes
    frame = pd.DataFrame({"pair": pair, "group": group, "article": article, "key": key})
    distinct = frame.groupby(["pair", "group", "article"], sort=False)["key"].nunique().reset_index()
    distinct["is_copy"] = distinct["article"] != distinct["group"]
    distinct = distinct.sort_values(["key", "is_copy", "article"], ascending=[False, True, True], kind="stable")
    chosen = distinct.drop_duplicates(["pair", "group"])
    width = int(article.max()) + 1
    chosen_rows = np.isin(pair.astype(np.int64) * width + article, chosen["pair"].to_numpy(np.int64) * width
                          + chosen["article"].to_numpy(np.int64))
    # Of the chosen rows, the first of each (pair, sentence) in evidence order counts.
    first = ~pd.Series(pair.astype(np.int64) * (int(key.max()) + 1) + key)[chosen_rows].duplicated().to_numpy()
    counted = np.zeros(len(evidence), dtype=bool)
    counted[np.flatnonzero(chosen_rows)[first]] = True
    return counted


def sentence_key(sentence: str) -> str:
    """What two quotes of one sentence share: its words, case-folded, spacing ignored."""
    return " ".join(sentence.casefold().split())


def entity_names(mentions: pd.DataFrame, entities: pd.DataFrame | None = None) -> dict:
    """``entity_id -> name``: from ``entities`` when given, else the most frequent mention text."""
    names: dict = {}
    if len(mentions):
        counts = mentions.groupby(["entity_id", "text"]).size().reset_index(name="n")
        counts["length"] = counts["text"].str.len()
        counts = counts.sort_values(["n", "length", "text"], ascending=[False, False, True])
        names = dict(counts.drop_duplicates("entity_id")[["entity_id", "text"]].itertuples(index=False))
    if entities is not None and len(entities):
        names.update(zip(entities["entity_id"], entities["name"]))
    return names


def with_names(relations: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """``relations`` with ``source``/``target`` set to the entities' canonical names where known."""
    names = dict(zip(entities["entity_id"], entities["name"]))
    named = relations.copy()
    for column in ("source", "target"):
        named[column] = [names.get(i, n) for i, n in zip(named[f"{column}_id"], named[column])]
    return named


def _unit_key(unit: str, article_id: str, sentence_id: int, paragraph_of: dict[int, int]) -> tuple:
    """The unit a sentence of ``article_id`` belongs to; ``paragraph_of`` holds that article's paragraphs."""
    if unit == "sentence":
        return (article_id, sentence_id)
    if unit == "paragraph":
        # A sentence missing from the sentences table stands as its own paragraph.
        return (article_id, paragraph_of.get(sentence_id, f"s{sentence_id}"))
    return (article_id,)


def _unit_id(unit: str, key: tuple) -> str:
    if unit == "sentence":
        return f"{key[0]}:s{key[1]}"
    if unit == "paragraph":
        return f"{key[0]}:p{key[1]}"
    return str(key[0])


def _evidence(a: set[int], b: set[int], texts: dict[int, str]) -> tuple[int, str]:
    """The sentence id and quote of a unit for two entities mentioned in sentences ``a`` and ``b``."""
    both = a & b
    if both:
        sid = min(both)
        return sid, texts.get(sid, "")
    first, second = sorted((min(a), min(b)))
    quoted = EVIDENCE_JOINER.join(texts.get(s, "") for s in (first, second))
    return first, quoted


# The network -----------------------------------------------------------------


def relation_graph(
    relations: pd.DataFrame, entities: pd.DataFrame | None = None, *, isolated: bool = False
) -> nx.Graph:
    """The relations as an undirected graph keyed by ``entity_id`` (as text).

    Nodes carry ``name``, ``label`` and ``mentions``; edges ``weight`` and
    ``articles``. ``isolated=True`` also adds entities that have no relation.
    """
    graph = nx.Graph()
    info = {}
    if entities is not None and len(entities):
        info = {
            str(e): {
                "name": str(n),
                "label": str(l) if pd.notna(l) else "",
                "mentions": int(m) if pd.notna(m) else 0,
            }
            for e, n, l, m in zip(
                entities["entity_id"], entities["name"], entities["label"], entities["mentions"]
            )
        }
    ids = sorted({str(i) for i in relations["source_id"]} | {str(i) for i in relations["target_id"]})
    fallback = dict(zip(relations["source_id"].astype(str), relations["source"]))
    fallback.update(zip(relations["target_id"].astype(str), relations["target"]))
    if isolated:
        ids = sorted(set(ids) | set(info))
    for node in ids:
        attrs = info.get(node, {"name": str(fallback.get(node, node)), "label": "", "mentions": 0})
        graph.add_node(node, **attrs)
    sources = relations["sources"] if "sources" in relations else relations["articles"]
    for s, t, w, a, n in zip(
        relations["source_id"], relations["target_id"], relations["weight"], relations["articles"], sources
    ):
        graph.add_edge(str(s), str(t), weight=int(w), articles=int(a), sources=int(n))
    return graph


def filter_graph(
    graph: nx.Graph,
    *,
    min_weight: int = 1,
    labels: list[str] | tuple[str, ...] | set[str] | None = SHOWN_LABELS,
    focus: str | None = None,
    depth: int = 1,
    top: int | None = None,
) -> nx.Graph:
    """The part of ``graph`` worth drawing: strong enough edges, chosen labels, one ego network.

    Edges lighter than ``min_weight`` and entities whose label is not in
    ``labels`` (None: every label; by default MISC, such as nationality
    adjectives, is left out) go first; then, with a ``focus`` entity id,
    only entities within ``depth`` steps of it stay; then, with ``top``, only
    the ``top`` best-connected entities (by the summed weight of their edges;
    the focus always stays). Entities left without any edge are dropped,
    except the focus itself.
    """
    kept = nx.Graph()
    kept.add_nodes_from(
        (n, d) for n, d in graph.nodes(data=True) if labels is None or d.get("label") in labels
    )
    kept.add_edges_from(
        (s, t, d)
        for s, t, d in graph.edges(data=True)
        if d.get("weight", 1) >= min_weight and s in kept and t in kept
    )
    if focus is not None:
        if focus not in kept:
            return nx.Graph()
        kept = nx.ego_graph(kept, focus, radius=depth)
    if top is not None and len(kept) > top:
        strength = dict(kept.degree(weight="weight"))
        ranked = sorted(kept, key=lambda n: (n != focus, -strength[n], -kept.nodes[n].get("mentions", 0), str(n)))
        kept = kept.subgraph(ranked[:top]).copy()
    kept.remove_nodes_from([n for n in list(kept) if kept.degree(n) == 0 and n != focus])
    return kept


GEXF_NS = "http://www.gexf.net/1.2draft"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"


def write_gexf(graph: nx.Graph, path: str | Path) -> None:
    """The relation network ``graph`` (see :func:`relation_graph`) as GEXF 1.2 for Gephi, streamed.

    What ``nx.write_gexf(gexf_graph(graph), path)`` writes (the entity's name
    as the node label, PER/ORG/LOC/MISC as its ``type``, ``mentions``; each
    edge's ``weight``, ``articles`` and ``sources``), element by element with
    lxml's incremental writer: networkx builds the whole document in memory
    first, about 2.4 kB an edge (some 670 MB for the 277,000 relations of
    20,000 articles). Text is escaped by lxml.
    """
    from lxml import etree

    def tag(name: str) -> str:
        return f"{{{GEXF_NS}}}{name}"

    def attributes(xf, kind: str, declared: list[tuple[str, str, str]]) -> None:
        with xf.element(tag("attributes"), {"mode": "static", "class": kind}):
            for number, title, kind_of_value in declared:
                with xf.element(tag("attribute"), {"id": number, "title": title, "type": kind_of_value}):
                    pass

    def attvalues(xf, values: list[tuple[str, object]]) -> None:
        with xf.element(tag("attvalues")):
            for number, value in values:
                with xf.element(tag("attvalue"), {"for": number, "value": str(value)}):
                    pass

    with etree.xmlfile(str(path), encoding="utf-8") as xf:
        xf.write_declaration()
        root = {f"{{{_XSI}}}schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd", "version": "1.2"}
        with xf.element(tag("gexf"), root, nsmap={None: GEXF_NS, "xsi": _XSI}):
            with xf.element(tag("meta")):
                with xf.element(tag("creator")):
                    xf.write("Dossier")
            with xf.element(tag("graph"), {"defaultedgetype": "undirected", "mode": "static", "name": ""}):
                attributes(xf, "node", [("0", "type", "string"), ("1", "mentions", "long")])
                attributes(xf, "edge", [("2", "articles", "long"), ("3", "sources", "long")])
                with xf.element(tag("nodes")):
                    for node, data in graph.nodes(data=True):
                        with xf.element(tag("node"), {"id": str(node), "label": str(data["name"])}):
                            attvalues(xf, [("0", data["label"]), ("1", int(data["mentions"]))])
                with xf.element(tag("edges")):
                    for number, (source, target, data) in enumerate(graph.edges(data=True)):
                        edge = {"source": str(source), "target": str(target), "id": str(number),
                                "weight": str(int(data["weight"]))}
                        with xf.element(tag("edge"), edge):
                            attvalues(xf, [("2", int(data["articles"])), ("3", int(data["sources"]))])


def gexf_graph(graph: nx.Graph) -> nx.Graph:
    """``graph`` shaped for GEXF (Gephi), which keeps its own ``label`` for the display name.

    There the entity's name is the node label and PER/ORG/LOC/MISC is the
    ``type`` attribute.
    """
    shaped = nx.Graph()
    shaped.add_nodes_from(
        (n, {"label": d["name"], "type": d["label"], "mentions": d["mentions"]})
        for n, d in graph.nodes(data=True)
    )
    shaped.add_edges_from(graph.edges(data=True))
    return shaped
