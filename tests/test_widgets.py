"""Widgets of notebooks 04 and 05, driven in-process: set a control, check what the view shows."""

from __future__ import annotations

import html

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import views, widgets  # noqa: E402
from helpers.relations import build_relations  # noqa: E402


@pytest.fixture
def explorer(toy_tables):
    return widgets.mention_explorer(toy_tables["mentions"], toy_tables["entities"], toy_tables["articles"])


@pytest.fixture
def network(toy_tables):
    relations, evidence = build_relations(toy_tables["mentions"], toy_tables["sentences"])
    return widgets.network_explorer(relations, evidence, toy_tables["entities"], toy_tables["articles"])


def bars(view) -> list[str]:
    return list(view.shown["entities"]["name"])


# Mention explorer ------------------------------------------------------------------


def test_mention_explorer_is_a_view_with_named_controls(explorer):
    assert isinstance(explorer, widgets.View)
    assert set(explorer.controls) == {"labels", "top", "by", "article", "entity"}


def test_mention_explorer_label_filter_removes_its_bars(explorer):
    assert "Alexei Navalny" in bars(explorer)
    before = explorer.static_bundle()["text/html"]
    explorer.controls["labels"].value = ("ORG", "LOC")
    assert "Alexei Navalny" not in bars(explorer) and "Changpeng Zhao" not in bars(explorer)
    assert set(explorer.shown["entities"]["label"]) == {"ORG", "LOC"}
    assert explorer.static_bundle()["text/html"] != before


def test_mention_explorer_top_limits_the_bars(explorer):
    explorer.controls["top"].value = 3
    assert bars(explorer) == ["Binance", "OFAC", "U.S. Treasury"]


def test_mention_explorer_article_selector_recounts_in_that_article(explorer):
    explorer.controls["article"].value = "a3"
    shown = explorer.shown["entities"]
    assert set(shown["name"]) == {"Alexei Navalny", "Anti-Corruption Foundation", "Moscow", "Binance"}
    assert shown.set_index("name").loc["Binance", "mentions"] == 1


def test_mention_explorer_entity_picker_changes_the_kwic_table(explorer):
    first = explorer.static_bundle()["text/html"]
    assert "<mark>Binance</mark>" in first
    explorer.controls["entity"].value = "e09"
    second = explorer.static_bundle()["text/html"]
    assert "<mark>Alexei Navalny</mark>" in second and "<mark>Binance</mark>" not in second
    assert list(explorer.shown["mentions"]["entity_id"].unique()) == ["e09"]


def test_mention_explorer_escapes_article_text_and_titles(explorer):
    explorer.controls["entity"].value = "e06"  # Garantex, next to the script in article a2
    page = explorer.static_bundle()["text/html"]
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in page
    assert "<script" not in page


def test_mention_explorer_static_rendering_embeds_the_chart(explorer):
    page = explorer.static_bundle()["text/html"]
    assert page.startswith('<img alt="figure" src="data:image/png;base64,')


# Network explorer ------------------------------------------------------------------


def test_network_explorer_is_a_view_with_named_controls(network):
    assert isinstance(network, widgets.View)
    assert set(network.controls) == {"labels", "min_weight", "focus", "depth", "layout", "relation"}
    assert network.controls["min_weight"].max == 2


def test_network_explorer_raising_min_weight_removes_edges(network):
    before_edges = network.shown["graph"].number_of_edges()
    before = network.static_bundle()["text/html"]
    network.controls["min_weight"].value = 2
    assert network.shown["graph"].number_of_edges() == 3 < before_edges
    assert (network.shown["relations"]["weight"] >= 2).all() and len(network.shown["relations"]) == 3
    assert network.static_bundle()["text/html"] != before


def test_network_explorer_label_filter_hides_entities(network):
    network.controls["labels"].value = ("ORG",)
    labels = {d["label"] for _n, d in network.shown["graph"].nodes(data=True)}
    assert labels == {"ORG"}


def test_network_explorer_focus_and_depth_give_the_ego_network(network):
    network.controls["focus"].value = "e09"
    assert set(network.shown["graph"]) == {"e09", "e10", "e07"}
    network.controls["depth"].value = 2
    assert set(network.shown["graph"]) == {"e09", "e10", "e07", "e04", "e06"}


@pytest.mark.parametrize("layout", ["kamada_kawai", "circular"])
def test_network_explorer_layout_changes_the_picture(network, layout):
    before = network.static_bundle()["text/html"]
    network.controls["layout"].value = layout
    assert network.static_bundle()["text/html"] != before


def test_network_explorer_names_come_from_entities(network):
    names = [label for label, _value in network.controls["relation"].options]
    assert any("U.S. Treasury" in n for n in names)


def test_network_explorer_relation_picker_changes_the_evidence(network):
    first = network.static_bundle()["text/html"]
    assert "2 passages support Binance — Changpeng Zhao (2)" in first
    network.controls["relation"].value = ("e04", "e06")
    second = network.static_bundle()["text/html"]
    assert "passages support OFAC — Garantex" in second
    assert set(network.shown["evidence"]["article_id"]) == {"a2"}


def test_network_explorer_escapes_evidence_and_titles(network):
    network.controls["relation"].value = ("e04", "e06")
    page = network.static_bundle()["text/html"]
    assert "Selon OFAC, Garantex &lt;script&gt;window.__xss=1&lt;/script&gt; a aidé Hydra." in page
    assert "Garantex &lt;script&gt;window.__xss=1&lt;/script&gt; sanctionné" in page
    assert "<script" not in page


def test_network_explorer_without_relations_says_so(toy_tables):
    empty = build_relations(toy_tables["mentions"].iloc[0:0], toy_tables["sentences"])
    view = widgets.network_explorer(*empty, toy_tables["entities"], toy_tables["articles"])
    assert "No relation found" in view.static_bundle()["text/html"]


# HTML helpers used by the widgets ---------------------------------------------------


def test_locate_in_sentences_finds_the_mention_inside_its_sentence(toy_tables):
    located = views.locate_in_sentences(toy_tables["mentions"], toy_tables["articles"])
    for row in located.itertuples(index=False):
        assert row.sentence[row.s_start:row.s_end] == row.text


def test_locate_in_sentences_picks_the_occurrence_covering_the_mention():
    articles = pd.DataFrame({"article_id": ["x"], "text": ["Binance paid. Binance paid."]})
    mentions = pd.DataFrame({"article_id": ["x"], "start": [14], "end": [21], "text": ["Binance"],
                             "sentence": ["Binance paid."]})
    assert views.locate_in_sentences(mentions, articles)["s_start"].tolist() == [0]


@pytest.mark.parametrize("payload", [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    '<a href="javascript:window.__xss=1">click</a>',
    "</table>",
])
def test_evidence_html_escapes_sentences_and_titles(payload):
    evidence = pd.DataFrame({"source_id": ["a"], "target_id": ["b"], "article_id": ["x"], "sentence_id": [0],
                             "unit_id": ["x:s0"], "sentence": [f"A met B {payload}."]})
    page = views.evidence_html(evidence, {"x": f"Title {payload}"}, caption=payload)
    assert page.count(html.escape(payload)) == 3  # caption, title, sentence
    assert page.count("<table") == page.count("</table>") == 1
    assert "<script" not in page and "<img" not in page and "<a " not in page


def test_static_views_mode_renders_without_live_widget_messages():
    """In a headless report run, views keep their static rendering and widgets send nothing."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(
        """
        import comm, pandas as pd
        from helpers import widgets
        entities = pd.DataFrame({"entity_id": ["e1"], "name": ["Binance <b>"], "label": ["ORG"],
                                 "aliases": [""], "mentions": [3], "articles": [1]})
        view = widgets.entity_table(entities)
        assert widgets.static_views()
        assert comm.create_comm is comm.DummyComm
        assert not view.output.outputs  # nothing displayed into a live output area
        html = view.static_bundle()["text/html"]
        assert "Binance &lt;b&gt;" in html and "<b>" not in html
        print("ok")
        """
    )
    env = {**__import__("os").environ, "DOSSIER_STATIC_VIEWS": "1"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
