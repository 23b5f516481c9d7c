"""Figures of notebooks 04 and 05: what they draw, from which rows, and when there is nothing to draw."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from helpers import plots  # noqa: E402
from helpers.relations import build_relations, relation_graph  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture
def graph(toy_tables):
    relations, _ = build_relations(toy_tables["mentions"], toy_tables["sentences"], entities=toy_tables["entities"])
    return relation_graph(relations, toy_tables["entities"])


def bar_names(ax) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def big_graph(n: int = 100) -> nx.Graph:
    base = nx.barabasi_albert_graph(n, 2, seed=1)
    graph = nx.Graph()
    labels = list(plots.LABEL_COLORS)
    for node in base:
        graph.add_node(f"n{node:03d}", name=f"Organisation number {node} of a long list",
                       label=labels[node % 4], mentions=1 + (node * 7) % 30)
    for s, t in base.edges:
        graph.add_edge(f"n{s:03d}", f"n{t:03d}", weight=1 + (s + t) % 5, articles=1)
    return graph


# Top entities ---------------------------------------------------------------------


def test_draw_top_entities_returns_axes_with_one_bar_per_entity(toy_tables):
    ax = plots.draw_top_entities(toy_tables["entities"], top=4)
    assert len(ax.patches) == 4
    assert bar_names(ax)[-1] == "Binance"  # the most mentioned on top


def test_draw_top_entities_draws_on_the_given_axes(toy_tables):
    _fig, given = plt.subplots()
    assert plots.draw_top_entities(toy_tables["entities"], ax=given) is given


def test_draw_top_entities_colours_bars_by_label(toy_tables):
    ax = plots.draw_top_entities(toy_tables["entities"])
    labels = dict(zip(toy_tables["entities"]["name"], toy_tables["entities"]["label"]))
    for name, bar in zip(bar_names(ax), ax.patches):
        assert to_hex(bar.get_facecolor()) == plots.LABEL_COLORS[labels[name]]
    assert {t.get_text() for t in ax.get_legend().get_texts()} == {"PER", "ORG", "LOC"}


def test_draw_top_entities_labels_keep_only_those_labels(toy_tables):
    ax = plots.draw_top_entities(toy_tables["entities"], labels=["PER"])
    assert sorted(bar_names(ax)) == ["Alexei Navalny", "Changpeng Zhao"]


def test_draw_top_entities_by_articles_ranks_by_article_count(toy_tables):
    ranked = plots.top_entities(toy_tables["entities"], by="articles", top=3)
    assert list(ranked["articles"]) == [2, 2, 2]
    ax = plots.draw_top_entities(toy_tables["entities"], by="articles", top=3)
    assert bar_names(ax)[::-1] == list(ranked["name"])
    assert "articles" in ax.get_title()


def test_draw_top_entities_empty_selection_says_why(toy_tables):
    ax = plots.draw_top_entities(toy_tables["entities"], labels=["MISC"])
    assert not ax.patches
    assert any("No entity" in t.get_text() for t in ax.texts)


# Heatmap ---------------------------------------------------------------------------


def test_entity_article_counts_counts_mentions_per_article(toy_tables):
    counts = plots.entity_article_counts(toy_tables["mentions"], toy_tables["entities"])
    assert counts.loc["a1", "e01"] == 3 and counts.loc["a3", "e01"] == 1
    assert counts.to_numpy().sum() == len(toy_tables["mentions"])
    assert list(counts.index) == ["a1", "a2", "a3"]  # most mentions first


def test_draw_entity_heatmap_is_articles_by_top_entities(toy_tables):
    ax = plots.draw_entity_heatmap(toy_tables["mentions"], toy_tables["entities"], toy_tables["articles"], top=5)
    image = ax.images[0].get_array()
    assert image.shape == (3, 5)
    assert bar_names(ax)[1].startswith("Garantex <script>")  # titles are text, shortened
    assert all(len(t) <= 45 for t in bar_names(ax))


def test_draw_entity_heatmap_limits_articles_and_says_so(toy_tables):
    ax = plots.draw_entity_heatmap(toy_tables["mentions"], toy_tables["entities"], toy_tables["articles"],
                                   max_articles=2)
    assert ax.images[0].get_array().shape[0] == 2
    assert "top 2 of 3 articles" in ax.get_title()


# Timeline --------------------------------------------------------------------------


def test_draw_mentions_timeline_without_any_date_says_so(toy_tables):
    articles = toy_tables["articles"].assign(published="")
    ax = plots.draw_mentions_timeline(toy_tables["mentions"], articles)
    assert any("No publication date is known" in t.get_text() for t in ax.texts)


def test_draw_mentions_timeline_counts_undated_articles_in_title(toy_tables):
    ax = plots.draw_mentions_timeline(toy_tables["mentions"], toy_tables["articles"], entities=toy_tables["entities"])
    assert "(2 dated articles; 1 of 3 without a date, not shown)" in ax.get_title()
    assert "U.S. Treasury" in bar_names(ax)


def test_mention_dates_drops_undated_and_unreadable_dates(toy_tables):
    articles = toy_tables["articles"].assign(published=["2023-11-21T10:00:00", "not a date", ""])
    dated = plots.mention_dates(toy_tables["mentions"], articles)
    assert set(dated["article_id"]) == {"a1"}
    assert str(dated["date"].iloc[0].date()) == "2023-11-21"


# Network ---------------------------------------------------------------------------


@pytest.mark.parametrize("layout", plots.NETWORK_LAYOUTS)
def test_network_positions_are_deterministic_and_order_independent(graph, layout):
    first = plots.network_positions(graph, layout=layout, seed=3)
    shuffled = nx.Graph()
    shuffled.add_nodes_from(reversed(list(graph.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(graph.edges(data=True))))
    again = plots.network_positions(shuffled, layout=layout, seed=3)
    assert set(first) == set(graph)
    for node in first:
        np.testing.assert_allclose(first[node], again[node])


@pytest.mark.parametrize("layout", plots.NETWORK_LAYOUTS)
def test_draw_network_sizes_nodes_by_mentions_and_colours_by_label(graph, layout):
    ax = plots.draw_network(graph, layout=layout)
    nodes = ax.collections[-1]
    sizes = dict(zip(sorted(graph), nodes.get_sizes()))
    assert sizes["e01"] > sizes["e05"]  # Binance (4 mentions) > Washington (1)
    colours = {to_hex(c) for c in nodes.get_facecolors()}
    assert colours == {plots.LABEL_COLORS[k] for k in ("PER", "ORG", "LOC")}


def test_draw_network_edge_width_grows_with_weight(graph):
    ax = plots.draw_network(graph)
    widths = ax.collections[0].get_linewidths()
    assert len(widths) == graph.number_of_edges()
    assert max(widths) > min(widths)


def test_draw_network_names_only_the_top_nodes(graph):
    ax = plots.draw_network(graph, top_labels=3)
    assert len(ax.texts) == 3


def test_draw_network_at_100_nodes_names_do_not_overlap():
    ax = plots.draw_network(big_graph(100), top_labels=25)
    renderer = ax.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert 5 <= len(boxes) <= 25
    assert all(len(t.get_text()) <= 22 for t in ax.texts)
    for i, box in enumerate(boxes):
        assert not any(box.overlaps(other) for other in boxes[i + 1:])


def test_draw_network_caps_the_number_of_nodes():
    ax = plots.draw_network(big_graph(60), max_nodes=20)
    assert len(ax.collections[-1].get_offsets()) == 20
    assert "of 60" in ax.get_title()


def test_draw_network_empty_graph_says_why():
    ax = plots.draw_network(nx.Graph())
    assert any("No relation" in t.get_text() for t in ax.texts)


def test_draw_network_rejects_unknown_layout(graph):
    with pytest.raises(ValueError, match="layout must be one of"):
        plots.draw_network(graph, layout="random")


def test_top_entities_leave_misc_out_unless_asked():
    entities = pd.DataFrame({
        "entity_id": ["m", "l", "o"], "name": ["Russian", "Russia", "Binance"],
        "label": ["MISC", "LOC", "ORG"], "aliases": ["", "Russie", ""],
        "mentions": [30, 20, 10], "articles": [8, 7, 6],
    })
    from helpers.plots import top_entities

    assert list(top_entities(entities)["name"]) == ["Russia", "Binance"]
    assert list(top_entities(entities, labels=None)["name"]) == ["Russian", "Russia", "Binance"]


# Amounts (notebook 03) and article labels -------------------------------------------------


def crowded_amounts():
    import pandas as pd

    values = [10_000, 10_900, 11_000, 12_000, 5e6, 5.1e6, 6e6, 1e9, 1.05e9, 2e3]
    currencies = ["EUR", "USD", "EUR", "GBP", "USD", "USD", "EUR", "RUB", "USD", "EUR"]
    rows = [{"article_id": f"a{i % 2}", "value": v, "currency": c, "threshold": "above" if i % 3 else "",
             "sanctions_context": i % 2 == 0} for i, (v, c) in enumerate(zip(values, currencies))]
    articles = pd.DataFrame({"article_id": ["a0", "a1"], "title": ["Same title", "Same title"],
                             "source": ["Wire A", "Wire B"], "published": ["2024-01-02", "2024-01-03"]})
    return pd.DataFrame(rows), articles


def test_draw_amounts_currency_labels_never_overlap():
    amounts, articles = crowded_amounts()
    ax = plots.draw_amounts(amounts, articles)
    renderer = ax.figure.canvas.get_renderer()
    notes = [t for t in ax.texts if t.get_text() in set(amounts["currency"])]
    assert notes, "no currency label at all"
    extents = [t.get_window_extent(renderer) for t in notes]
    for i, a in enumerate(extents):
        for b in extents[i + 1:]:
            assert not a.overlaps(b)
    assert {t.get_text() for t in notes} >= {"EUR", "USD"}


def test_same_title_articles_are_told_apart_in_charts():
    amounts, articles = crowded_amounts()
    ax = plots.draw_amounts(amounts, articles)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(set(labels)) == 2
    assert all(label.startswith("Same title (Wire") for label in labels)


def test_article_titles_use_source_and_date_or_a_short_id():
    import pandas as pd

    from helpers.views import article_titles

    articles = pd.DataFrame({
        "article_id": ["1f905aaad9", "42d3fb3ba9", "04d75365fb", "c169ecc9cc", "ffffffff00", "eeeeeeee00"],
        "title": ["Changpeng Zhao", "Changpeng Zhao", "Changpeng Zhao", "Garantex", "Twin", "Twin"],
        "source": ["Wikipedia (English)", "Wikiwand", "vvikipidea", "", "", ""],
        "published": ["", "2024-09-01", "", "", "", ""],
    })
    labels = article_titles(articles)
    assert len(set(labels.values())) == len(labels)
    assert labels["c169ecc9cc"] == "Garantex"
    assert labels["42d3fb3ba9"] == "Changpeng Zhao (Wikiwand, 2024-09-01)"
    assert labels["1f905aaad9"] == "Changpeng Zhao (Wikipedia (English))"
    assert labels["ffffffff00"] == "Twin [ffffffff]" and labels["eeeeeeee00"] == "Twin [eeeeeeee]"
