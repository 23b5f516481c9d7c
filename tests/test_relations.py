"""Relations between entities: co-occurrence counts, evidence, the graph and its files."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from helpers.relations import (
    EVIDENCE_COLUMNS,
    EVIDENCE_JOINER,
    RELATION_COLUMNS,
    UNITS,
    build_relations,
    entity_names,
    filter_graph,
    relation_graph,
    with_names,
)
from helpers.pipeline import write_graph_files
from helpers.workspace import Workspace


def pair(relations: pd.DataFrame, a: str, b: str) -> pd.Series:
    found = relations[
        ((relations["source_id"] == a) & (relations["target_id"] == b))
        | ((relations["source_id"] == b) & (relations["target_id"] == a))
    ]
    assert len(found) == 1, f"expected one relation {a}–{b}, found {len(found)}"
    return found.iloc[0]


@pytest.fixture
def built(toy_tables):
    return build_relations(toy_tables["mentions"], toy_tables["sentences"], entities=toy_tables["entities"])


def test_build_relations_columns_are_exact(built):
    relations, evidence = built
    assert list(relations.columns) == RELATION_COLUMNS
    assert list(evidence.columns) == EVIDENCE_COLUMNS


def test_build_relations_weight_counts_sentences_together(built):
    relations, _ = built
    # Binance and Changpeng Zhao share sentences 1 and 3 of article a1.
    row = pair(relations, "e01", "e02")
    assert (row["source"], row["target"], row["weight"], row["articles"]) == ("Binance", "Changpeng Zhao", 2, 1)
    assert pair(relations, "e04", "e05")["weight"] == 1


def test_build_relations_never_relates_entities_in_different_sentences(built):
    relations, _ = built
    # Alexei Navalny (a3, sentence 0) and Binance (a3, sentence 1).
    assert relations[{"e01", "e09"} == relations[["source_id", "target_id"]].apply(set, axis=1)].empty


@pytest.mark.parametrize("unit", UNITS)
def test_build_relations_pairs_are_unordered_with_source_first_by_id(toy_tables, unit):
    relations, evidence = build_relations(toy_tables["mentions"], toy_tables["sentences"], unit=unit)
    assert (relations["source_id"] < relations["target_id"]).all()
    assert (evidence["source_id"] < evidence["target_id"]).all()
    assert not relations.duplicated(["source_id", "target_id"]).any()


@pytest.mark.parametrize("unit", UNITS)
def test_build_relations_weight_is_number_of_evidence_units(toy_tables, unit):
    relations, evidence = build_relations(toy_tables["mentions"], toy_tables["sentences"], unit=unit)
    counted = evidence.groupby(["source_id", "target_id"])["unit_id"].nunique()
    weights = relations.set_index(["source_id", "target_id"])["weight"]
    assert weights.sort_index().tolist() == counted.sort_index().tolist()
    articles = evidence.groupby(["source_id", "target_id"])["article_id"].nunique()
    assert relations.set_index(["source_id", "target_id"])["articles"].sort_index().tolist() == articles.sort_index().tolist()


@pytest.mark.parametrize("unit", UNITS)
def test_build_relations_sorted_by_weight_then_names(toy_tables, unit):
    relations, _ = build_relations(toy_tables["mentions"], toy_tables["sentences"], unit=unit)
    keys = list(zip(-relations["weight"], relations["source"], relations["target"]))
    assert keys == sorted(keys)


def test_build_relations_bigger_units_find_every_smaller_pair(toy_tables):
    found = {}
    for unit in UNITS:
        relations, _ = build_relations(toy_tables["mentions"], toy_tables["sentences"], unit=unit)
        found[unit] = set(zip(relations["source_id"], relations["target_id"]))
    assert found["sentence"] <= found["paragraph"] <= found["article"]
    assert found["sentence"] < found["article"]


def test_build_relations_sentence_evidence_quotes_the_sentence(built, toy_tables):
    _, evidence = built
    sentences = toy_tables["sentences"].set_index(["article_id", "sentence_id"])["text"]
    for row in evidence.itertuples(index=False):
        assert row.sentence == sentences[(row.article_id, row.sentence_id)]


def test_build_relations_paragraph_evidence_joins_two_sentences_when_none_names_both(toy_tables):
    _, evidence = build_relations(toy_tables["mentions"], toy_tables["sentences"], unit="paragraph")
    # Treasury (e03) is in sentence 0 of a1 and Changpeng Zhao (e02) in sentence 1: same paragraph.
    row = evidence[(evidence["source_id"] == "e02") & (evidence["target_id"] == "e03")
                   & (evidence["unit_id"] == "a1:p0")].iloc[0]
    assert row["sentence"] == "Binance agreed to pay the Treasury." + EVIDENCE_JOINER + "Changpeng Zhao left Binance."
    assert row["sentence_id"] == 0


def test_build_relations_paragraph_evidence_prefers_a_sentence_naming_both(toy_tables):
    _, evidence = build_relations(toy_tables["mentions"], toy_tables["sentences"], unit="paragraph")
    row = evidence[(evidence["source_id"] == "e01") & (evidence["target_id"] == "e02")
                   & (evidence["unit_id"] == "a1:p0")].iloc[0]
    assert row["sentence"] == "Changpeng Zhao left Binance."


def test_build_relations_counts_one_unit_once_however_many_mentions(toy_tables):
    mentions = toy_tables["mentions"]
    doubled = pd.concat([mentions, mentions[mentions["entity_id"] == "e01"]], ignore_index=True)
    relations, _ = build_relations(doubled, toy_tables["sentences"])
    assert pair(relations, "e01", "e02")["weight"] == 2


def test_build_relations_ignores_mentions_without_entity(toy_tables):
    mentions = toy_tables["mentions"].copy()
    mentions.loc[mentions["entity_id"] == "e02", "entity_id"] = None
    relations, _ = build_relations(mentions, toy_tables["sentences"])
    assert "e02" not in set(relations["source_id"]) | set(relations["target_id"])


def test_build_relations_empty_input_gives_empty_tables(toy_tables):
    empty = toy_tables["mentions"].iloc[0:0]
    relations, evidence = build_relations(empty, toy_tables["sentences"])
    assert relations.empty and list(relations.columns) == RELATION_COLUMNS
    assert evidence.empty and list(evidence.columns) == EVIDENCE_COLUMNS


def test_build_relations_rejects_unknown_unit(toy_tables):
    with pytest.raises(ValueError, match="unit must be one of"):
        build_relations(toy_tables["mentions"], toy_tables["sentences"], unit="page")


def test_entity_names_without_entities_use_the_commonest_form(toy_tables):
    names = entity_names(toy_tables["mentions"])
    assert names["e03"] == "Treasury"
    assert entity_names(toy_tables["mentions"], toy_tables["entities"])["e03"] == "U.S. Treasury"


def test_with_names_sets_canonical_names(toy_tables):
    relations, _ = build_relations(toy_tables["mentions"], toy_tables["sentences"])
    assert "Treasury" in set(relations["source"]) | set(relations["target"])
    named = with_names(relations, toy_tables["entities"])
    assert "U.S. Treasury" in set(named["source"]) | set(named["target"])
    assert "Treasury" not in set(named["source"]) | set(named["target"])


def test_relation_graph_carries_node_and_edge_attributes(built, toy_tables):
    relations, _ = built
    graph = relation_graph(relations, toy_tables["entities"])
    assert graph.number_of_edges() == len(relations)
    assert graph.nodes["e01"] == {"name": "Binance", "label": "ORG", "mentions": 4}
    assert graph.edges["e01", "e02"] == {"weight": 2, "articles": 1, "sources": 1}
    assert len(relation_graph(relations, toy_tables["entities"], isolated=True)) == len(toy_tables["entities"])


def test_filter_graph_min_weight_drops_light_edges_and_lonely_nodes(built, toy_tables):
    graph = relation_graph(built[0], toy_tables["entities"])
    strong = filter_graph(graph, min_weight=2)
    assert all(w >= 2 for _s, _t, w in strong.edges(data="weight"))
    assert strong.number_of_edges() == 3
    assert all(strong.degree(n) > 0 for n in strong)


def test_filter_graph_labels_hides_entities_of_other_labels(built, toy_tables):
    graph = relation_graph(built[0], toy_tables["entities"])
    orgs = filter_graph(graph, labels=["ORG"])
    assert {d["label"] for _n, d in orgs.nodes(data=True)} == {"ORG"}
    assert ("e01", "e04") in orgs.edges


@pytest.mark.parametrize("depth, expected", [(1, {"e09", "e10", "e07"}), (2, {"e09", "e10", "e07", "e04", "e06"})])
def test_filter_graph_focus_keeps_the_ego_network(built, toy_tables, depth, expected):
    graph = relation_graph(built[0], toy_tables["entities"])
    assert set(filter_graph(graph, focus="e09", depth=depth)) == expected


def test_filter_graph_focus_filtered_out_gives_empty_graph(built, toy_tables):
    graph = relation_graph(built[0], toy_tables["entities"])
    assert len(filter_graph(graph, focus="e09", labels=["ORG"])) == 0


def test_write_graph_files_reads_back_in_graphml_and_gexf(built, toy_tables, tmp_path):
    ws = Workspace(tmp_path / "ws")
    ws.write_tables({"relations": built[0], "entities": toy_tables["entities"]})
    written = write_graph_files(ws, tmp_path / "out")
    assert [p.name for p in written] == ["graph.graphml", "graph.gexf"]
    graphml = nx.read_graphml(written[0])
    assert graphml.nodes["e02"]["name"] == "Changpeng Zhao"
    assert graphml.edges["e01", "e02"]["weight"] == 2
    gexf = nx.read_gexf(written[1])
    assert gexf.nodes["e02"]["label"] == "Changpeng Zhao"
    assert gexf.nodes["e02"]["type"] == "PER"
    assert gexf.number_of_edges() == len(built[0])


def test_streamed_gexf_reads_back_as_networkx_writes_it(built, toy_tables, tmp_path):
    from helpers.relations import gexf_graph, write_gexf

    entities = toy_tables["entities"].copy()
    entities.loc[entities["entity_id"] == "e02", "name"] = 'Zhao <script>alert("x")</script> & Co'
    graph = relation_graph(built[0], entities)
    nx.write_gexf(gexf_graph(graph), tmp_path / "networkx.gexf")
    write_gexf(graph, tmp_path / "streamed.gexf")
    theirs, ours = nx.read_gexf(tmp_path / "networkx.gexf"), nx.read_gexf(tmp_path / "streamed.gexf")
    assert dict(ours.nodes(data=True)) == dict(theirs.nodes(data=True))
    assert ours.nodes["e02"]["label"] == 'Zhao <script>alert("x")</script> & Co'
    assert "<script>" not in (tmp_path / "streamed.gexf").read_text(encoding="utf-8")  # escaped
    edges = {frozenset((u, v)): d for u, v, d in ours.edges(data=True)}
    assert edges == {frozenset((u, v)): d for u, v, d in theirs.edges(data=True)} and len(edges) == len(built[0])


def test_filter_graph_leaves_misc_out_by_default():
    import networkx as nx

    from helpers.relations import filter_graph

    graph = nx.Graph()
    graph.add_node("m", name="Russian", label="MISC", mentions=9)
    graph.add_node("l", name="Russia", label="LOC", mentions=5)
    graph.add_node("o", name="Binance", label="ORG", mentions=4)
    graph.add_edge("m", "o", weight=3)
    graph.add_edge("l", "o", weight=2)
    assert set(filter_graph(graph)) == {"l", "o"}
    assert set(filter_graph(graph, labels=None)) == {"m", "l", "o"}


# Copies and repeated sentences count once ---------------------------------------------


COPY_NAMES = {
    "Changpeng Zhao": ("e1", "PER", ("Changpeng Zhao",)),
    "Jiangsu": ("e2", "LOC", ("Jiangsu",)),
    "Binance": ("e3", "ORG", ("Binance",)),
}
COPY_DOCS = [
    {"article_id": "orig", "title": "Changpeng Zhao", "lang": "fr", "published": "",
     "text": "Changpeng Zhao est né dans le Jiangsu. Changpeng Zhao a fondé Binance."},
    {"article_id": "mirror", "title": "Changpeng Zhao", "lang": "fr", "published": "",
     "text": "Changpeng Zhao est né dans le Jiangsu. Changpeng Zhao a fondé Binance. Changpeng Zhao vit à Dubaï."},
    {"article_id": "edit", "title": "Changpeng Zhao", "lang": "fr", "published": "",
     "text": "Changpeng Zhao, né au Jiangsu, dirige Binance. Changpeng Zhao est né dans le Jiangsu."},
    {"article_id": "other", "title": "Binance", "lang": "fr", "published": "",
     "text": "Changpeng Zhao est né dans le Jiangsu. Binance a payé une amende."},
]


@pytest.fixture
def copy_tables(tables_from_texts):
    return tables_from_texts(COPY_DOCS, COPY_NAMES)


def test_build_relations_counts_a_repeated_sentence_once(copy_tables):
    relations, evidence = build_relations(copy_tables["mentions"], copy_tables["sentences"])
    row = pair(relations, "e1", "e2")
    # Five passages name both; two distinct sentences among them.
    assert len(evidence[(evidence["source_id"] == "e1") & (evidence["target_id"] == "e2")]) == 5
    assert row["weight"] == 2


def test_build_relations_counts_copies_of_an_article_once_and_lists_every_copy(copy_tables):
    copies = {"mirror": "orig", "edit": "orig"}
    relations, evidence = build_relations(copy_tables["mentions"], copy_tables["sentences"], copies=copies)
    row = pair(relations, "e1", "e2")
    # The group orig/mirror/edit counts as its best member ("edit": two distinct sentences);
    # "other" only repeats a sentence already counted.
    assert (row["weight"], row["articles"], row["sources"]) == (2, 2, 4)
    rows = evidence[(evidence["source_id"] == "e1") & (evidence["target_id"] == "e2")]
    assert set(rows["article_id"]) == {"orig", "mirror", "edit", "other"}
    assert rows["counted"].sum() == row["weight"]
    assert set(rows.loc[rows["counted"], "article_id"]) == {"edit"}
    binance = pair(relations, "e1", "e3")
    assert (binance["weight"], binance["articles"], binance["sources"]) == (1, 1, 3)


def test_build_relations_weight_is_the_number_of_counted_evidence_rows(copy_tables):
    relations, evidence = build_relations(copy_tables["mentions"], copy_tables["sentences"],
                                          copies={"mirror": "orig"})
    counted = evidence[evidence["counted"]].groupby(["source_id", "target_id"]).size()
    for r in relations.itertuples(index=False):
        assert counted[(r.source_id, r.target_id)] == r.weight >= 1


def test_relations_need_no_quoted_sentence_when_the_sentences_table_has_them(built, toy_tables):
    """The relations step reads the mentions without their quotes: the same relations and evidence."""
    mentions = toy_tables["mentions"]
    full = build_relations(mentions, toy_tables["sentences"], entities=toy_tables["entities"])
    lean = build_relations(mentions.drop(columns=["sentence"]), toy_tables["sentences"],
                           entities=toy_tables["entities"])
    assert full[0].equals(lean[0]) and full[1].equals(lean[1]) and len(full[1])


def _counted_reference(evidence: pd.DataFrame, copies: dict) -> list[bool]:
    """The counting rule written out plainly, row by row, on tuples of strings."""
    from helpers.relations import sentence_key

    rows = list(zip(zip(evidence["source_id"], evidence["target_id"]), evidence["article_id"],
                    [sentence_key(s) for s in evidence["sentence"].fillna("")]))
    distinct: dict[tuple, set] = {}
    for pair_, article, key in rows:
        distinct.setdefault((pair_, copies.get(article) or article, article), set()).add(key)
    best: dict[tuple, tuple] = {}  # (pair, group) -> the article standing for the group
    for (pair_, group, article), keys in distinct.items():
        rank = (-len(keys), article != group, article)
        if (pair_, group) not in best or rank < best[(pair_, group)][0]:
            best[(pair_, group)] = (rank, article)
    chosen = {(pair_, article) for (pair_, _), (_, article) in best.items()}
    seen, counted = set(), []
    for pair_, article, key in rows:
        ok = (pair_, article) in chosen and (pair_, key) not in seen
        if ok:
            seen.add((pair_, key))
        counted.append(ok)
    return counted


@pytest.mark.parametrize("seed", range(6))
def test_counted_on_integer_codes_follows_the_plain_rule(seed):
    import random

    from helpers.relations import _counted

    rng = random.Random(seed)
    articles = [f"a{i:02d}" for i in range(12)]
    copies = {a: rng.choice(articles[:4]) for a in articles[6:] if rng.random() < 0.6}
    sentences = ["Alpha met Beta.", "alpha  MET beta.", "Gamma paid.", "Delta left.", None, "Epsilon."]
    rows = [(rng.choice("ABCD"), rng.choice("EFG"), rng.choice(articles), rng.randrange(5), rng.choice(sentences))
            for _ in range(rng.randrange(1, 120))]
    evidence = pd.DataFrame(rows, columns=["source_id", "target_id", "article_id", "sentence_id", "sentence"])
    evidence = evidence.sort_values(["source_id", "target_id", "article_id", "sentence_id"], kind="stable")
    evidence = evidence.reset_index(drop=True)
    assert list(_counted(evidence, copies)) == _counted_reference(evidence, copies)


def test_relation_step_reads_the_quotes_only_when_a_sentence_is_missing(toy_tables):
    from helpers.pipeline import _all_sentences_known

    mentions, sentences = toy_tables["mentions"], toy_tables["sentences"]
    assert _all_sentences_known(mentions, sentences)
    assert _all_sentences_known(mentions.iloc[:0], sentences)
    first = mentions.iloc[0]
    lacking = sentences[~((sentences["article_id"] == first["article_id"])
                          & (sentences["sentence_id"] == first["sentence_id"]))]
    assert not _all_sentences_known(mentions, lacking)
    # Without that sentence in the table, the evidence quotes the mentions' own copy of it.
    _, evidence = build_relations(mentions, lacking, entities=toy_tables["entities"])
    _, whole = build_relations(mentions, sentences, entities=toy_tables["entities"])
    pd.testing.assert_frame_equal(evidence, whole)
