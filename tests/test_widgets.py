"""Widgets of the notebooks, driven in-process: set a control or click a button, check what the view shows."""

from __future__ import annotations

import html
import re

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


def test_mention_explorer_live_only_is_left_out_of_static_pages(toy_tables):
    view = widgets.mention_explorer(toy_tables["mentions"], toy_tables["entities"], toy_tables["articles"],
                                    live_only=True)
    bundle = view._repr_mimebundle_()
    from helpers.report import WIDGET_MIME

    assert WIDGET_MIME in bundle
    assert not {"text/html", "image/png"} & set(bundle)


def test_view_help_is_shown_live_but_not_in_the_static_rendering(explorer):
    live = [child.value for child in explorer.parts[0].children if isinstance(child, widgets.W.HTML)]
    assert any("Ctrl-click" in text for text in live)
    assert "Ctrl-click" not in explorer.static_bundle()["text/html"]
    assert "Ctrl-click" not in str(explorer._repr_mimebundle_().get("text/html", ""))


# Network explorer ------------------------------------------------------------------


def test_network_explorer_is_a_view_with_named_controls(network):
    assert isinstance(network, widgets.View)
    assert set(network.controls) == {"labels", "min_weight", "top", "focus", "depth", "layout", "relation"}
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


def test_network_explorer_defaults_to_a_top_n_of_chosen_labels_and_widens(toy_tables):
    relations, evidence = build_relations(toy_tables["mentions"], toy_tables["sentences"])
    view = widgets.network_explorer(relations, evidence, toy_tables["entities"], toy_tables["articles"],
                                    labels=("PER", "ORG"), top=4)
    view.static_bundle()
    graph = view.shown["graph"]
    assert len(graph) <= 4 and {d["label"] for _n, d in graph.nodes(data=True)} <= {"PER", "ORG"}
    assert "Binance" in {d["name"] for _n, d in graph.nodes(data=True)}  # the best connected stays
    assert view.controls["labels"].value == ("PER", "ORG")
    view.controls["top"].value = view.controls["top"].max
    view.controls["labels"].value = view.controls["labels"].options
    wide = view.shown["graph"]
    assert len(wide) > 4 and "LOC" in {d["label"] for _n, d in wide.nodes(data=True)}


def test_network_explorer_relation_picker_follows_the_focus(network):
    network.controls["focus"].value = "e06"  # Garantex
    options = [value for _label, value in network.controls["relation"].options]
    assert options and all("e06" in pair for pair in options)
    assert set(options) == {(s, t) for s, t in zip(network.shown["relations"]["source_id"],
                                                   network.shown["relations"]["target_id"])}
    assert "e06" in network.controls["relation"].value
    page = network.static_bundle()["text/html"]
    assert "passages support" in page and "Garantex" in page.split("passages support", 1)[1][:80]


def test_network_explorer_relation_picker_follows_the_filters(network):
    network.controls["min_weight"].value = 2
    options = [value for _label, value in network.controls["relation"].options]
    weights = network.shown["relations"].set_index(["source_id", "target_id"])["weight"]
    assert len(options) == 3 and all(weights[pair] >= 2 for pair in options)
    network.controls["labels"].value = ("LOC",)  # no pair of places: nothing to pick
    assert list(network.controls["relation"].options) == []
    assert "No relation found" in network.static_bundle()["text/html"]


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


# Article reader (notebook 01) -----------------------------------------------------------


def test_article_reader_shows_the_picked_article_escaped(toy_tables):
    reader = widgets.article_reader(toy_tables["articles"])
    assert set(reader.controls) == {"article"}
    first = reader.static_bundle()["text/html"]
    assert "Binance settles with the Treasury" in first and "2023-11-21" in first
    reader.controls["article"].value = "a2"
    page = reader.static_bundle()["text/html"]
    assert "Garantex &lt;script&gt;window.__xss=1&lt;/script&gt; sanctionné" in page
    assert "OFAC a sanctionné Garantex à Moscou." in page and "2022-04-05" in page
    assert "<script" not in page and "Binance settles" not in page


def test_article_reader_lists_every_article_with_its_language(toy_tables):
    reader = widgets.article_reader(toy_tables["articles"])
    labels = [label for label, _value in reader.controls["article"].options]
    assert [label[-4:] for label in labels] == ["[en]", "[fr]", "[en]"]


def test_article_reader_without_articles_says_so(toy_tables):
    reader = widgets.article_reader(toy_tables["articles"].head(0))
    assert "No article loaded" in reader.static_bundle()["text/html"]


# Amount filters (notebook 03) ------------------------------------------------------------


@pytest.fixture
def toy_amounts(toy_tables):
    rows = [  # article, text, value, currency, threshold, sanctions context, vague
        ("a1", "$4.3 billion", 4.3e9, "USD", None, False, False),
        ("a1", "more than $10,000", 1e4, "USD", "above", True, False),
        ("a2", "jusqu'à 5 millions d'euros", 5e6, "EUR", "below", True, False),
        ("a2", "des millions de dollars", None, "USD", None, False, True),
        ("a3", "EUR 10 000 <b>", 1e4, "EUR", "above", False, False),
    ]
    sentences = {aid: text for aid, text in zip(toy_tables["articles"]["article_id"], toy_tables["articles"]["text"])}
    return pd.DataFrame([{
        "article_id": aid, "amount_id": f"{aid}-a{i}", "start": 0, "end": len(text), "text": text,
        "value": value, "currency": currency, "threshold": threshold, "approximate": False, "vague": vague,
        "sanctions_context": sanctions, "linked_to": None, "sentence_id": 0, "sentence_start": 0,
        "sentence": text + " " + sentences[aid][:40],
    } for i, (aid, text, value, currency, threshold, sanctions, vague) in enumerate(rows)])


def amount_rows(view) -> list[str]:
    page = view.static_bundle()["text/html"]
    return [html.unescape(cell) for cell in re.findall(r"<tr><td[^>]*>(.*?)</td>", page)]


def test_amount_table_shows_every_amount_by_default(toy_amounts, toy_tables):
    view = widgets.amount_table(toy_amounts, toy_tables["articles"])
    assert set(view.controls) == {"currency", "direction", "min_value", "sanctions"}
    assert list(view.controls["currency"].options) == ["all", "EUR", "USD"]
    assert amount_rows(view) == list(toy_amounts["text"])


@pytest.mark.parametrize(
    ("control", "value", "expected"),
    [
        ("currency", "EUR", ["jusqu'à 5 millions d'euros", "EUR 10 000 <b>"]),
        ("direction", "above", ["more than $10,000", "EUR 10 000 <b>"]),
        ("direction", "below", ["jusqu'à 5 millions d'euros"]),
        ("direction", "none", ["$4.3 billion", "des millions de dollars"]),
        ("min_value", 1e6, ["$4.3 billion", "jusqu'à 5 millions d'euros"]),  # vague amounts have no value
        ("sanctions", True, ["more than $10,000", "jusqu'à 5 millions d'euros"]),
    ],
)
def test_amount_table_each_filter(toy_amounts, toy_tables, control, value, expected):
    view = widgets.amount_table(toy_amounts, toy_tables["articles"])
    view.controls[control].value = value
    assert amount_rows(view) == expected
    assert f"<p>{len(expected)} amounts.</p>" in view.static_bundle()["text/html"]


def test_amount_table_filters_combine(toy_amounts, toy_tables):
    view = widgets.amount_table(toy_amounts, toy_tables["articles"])
    view.controls["currency"].value = "USD"
    view.controls["direction"].value = "above"
    view.controls["sanctions"].value = True
    assert amount_rows(view) == ["more than $10,000"]
    view.controls["min_value"].value = 1e5
    assert amount_rows(view) == []


def test_amount_table_escapes_amounts_and_titles(toy_amounts, toy_tables):
    view = widgets.amount_table(toy_amounts, toy_tables["articles"])
    page = view.static_bundle()["text/html"]
    assert "EUR 10 000 &lt;b&gt;" in page and "<b>" not in page
    assert "Garantex &lt;script&gt;" in page and "<script" not in page


# Curation panel (notebook 02), on a workspace tagged by the real pipeline ---------------------


@pytest.fixture(scope="module")
def tagged_workspace(clean_corpus, tmp_path_factory):
    from helpers import pipeline
    from helpers.workspace import Workspace

    ws = Workspace(tmp_path_factory.mktemp("curation") / "ws")
    pipeline.load_corpus([clean_corpus], workspace=ws)
    pipeline.tag_entities(ws)
    return ws.path


@pytest.fixture
def panel_workspace(tagged_workspace, tmp_path):
    import shutil

    from helpers.workspace import Workspace

    return Workspace(shutil.copytree(tagged_workspace, tmp_path / "ws"))


def _entity_keys(ws) -> set[tuple[str, str]]:
    table = ws.read_table("entities")
    return set(zip(table["name"], table["label"]))


def test_curation_panel_merge_is_saved_applied_and_undone(panel_workspace):
    from helpers import pipeline

    ws = panel_workspace
    keys = _entity_keys(ws)
    assert {("Binance", "ORG"), ("Changpeng Zhao", "PER")} <= keys
    changes = []
    panel = widgets.curation_panel(ws, on_change=lambda _entities: changes.append(1))
    panel.controls["action"].value = "merge"
    panel.controls["entity"].value = ("Changpeng Zhao", "PER")
    panel.controls["into"].value = ("Binance", "ORG")
    panel.controls["apply"].click()
    decisions = pipeline.load_curation(ws)
    assert [(d["action"], d["name"], d["into"]) for d in decisions] == [("merge", "Changpeng Zhao", "Binance")]
    assert ("Changpeng Zhao", "PER") not in _entity_keys(ws)  # the entity step ran again
    assert ("Changpeng Zhao", "PER") not in [v for _l, v in panel.controls["entity"].options]
    page = panel.static_bundle()["text/html"]
    assert "Saved: merge Changpeng Zhao (PER)." in page and "Curation decisions" in page
    panel.controls["undo"].click()
    assert pipeline.load_curation(ws) == []
    assert _entity_keys(ws) == keys
    assert "Undone: merge Changpeng Zhao (PER)." in panel.static_bundle()["text/html"]
    assert changes == [1, 1]


def test_curation_panel_rename_relabel_and_hide(panel_workspace):
    ws = panel_workspace
    panel = widgets.curation_panel(ws)
    panel.controls["action"].value = "rename"
    panel.controls["entity"].value = ("Binance", "ORG")
    panel.controls["new_name"].value = "  Binance Holdings  "
    panel.controls["apply"].click()
    assert ("Binance Holdings", "ORG") in _entity_keys(ws) and ("Binance", "ORG") not in _entity_keys(ws)
    panel.controls["action"].value = "relabel"
    panel.controls["entity"].value = ("Seattle", "LOC")
    panel.controls["new_label"].value = "MISC"
    panel.controls["apply"].click()
    assert ("Seattle", "MISC") in _entity_keys(ws)
    panel.controls["action"].value = "hide"
    panel.controls["entity"].value = ("Seattle", "MISC")
    panel.controls["apply"].click()
    assert not any(name == "Seattle" for name, _label in _entity_keys(ws))


def test_curation_panel_refuses_an_empty_new_name_and_saves_nothing(panel_workspace):
    from helpers import pipeline

    ws = panel_workspace
    keys = _entity_keys(ws)
    panel = widgets.curation_panel(ws)
    panel.controls["action"].value = "rename"
    panel.controls["entity"].value = ("Binance", "ORG")
    panel.controls["new_name"].value = "   "
    panel.controls["apply"].click()
    assert pipeline.load_curation(ws) == [] and _entity_keys(ws) == keys
    assert "color:#b00" in panel.static_bundle()["text/html"]


def test_curation_panel_undo_with_nothing_to_undo_changes_nothing(panel_workspace):
    ws = panel_workspace
    keys = _entity_keys(ws)
    panel = widgets.curation_panel(ws)
    panel.controls["undo"].click()
    assert _entity_keys(ws) == keys and not ent_file(ws).exists()


def ent_file(ws):
    from helpers.pipeline import curation_path

    return curation_path(ws)


def test_label_picker_starts_without_misc_and_offers_it():
    from helpers.widgets import _label_picker

    picker = _label_picker(pd.Series(["MISC", "PER", "LOC", "ORG"]))
    assert "MISC" in picker.options and "MISC" not in picker.value
    assert set(picker.value) == {"PER", "ORG", "LOC"}
    picker.value = tuple(picker.options)
    assert "MISC" in picker.value


def pick(panel, control: str, name: str, label: str) -> None:
    panel.controls[control].value = (name, label)


def decisions(workspace) -> list[dict]:
    from helpers.pipeline import load_curation

    return load_curation(workspace)


def test_curation_panel_starts_with_nothing_picked_and_refuses_to_act_on_nothing(panel_workspace):
    panel = widgets.curation_panel(panel_workspace)
    assert panel.controls["entity"].value is None and panel.controls["into"].value is None
    panel.controls["apply"].click()
    assert decisions(panel_workspace) == []
    assert "nothing saved" in panel.message.value
    assert not pipeline_file(panel_workspace).exists()


def pipeline_file(workspace):
    from helpers.pipeline import curation_path

    return curation_path(workspace)


@pytest.mark.parametrize("action, fields, says", [
    ("merge", {"into": ("Binance", "ORG")}, "into itself"),
    ("rename", {"new_name": "Binance"}, "already called"),
    ("relabel", {"new_label": "ORG"}, "already labelled"),
])
def test_curation_panel_refuses_a_decision_that_does_nothing(panel_workspace, action, fields, says):
    panel = widgets.curation_panel(panel_workspace)
    panel.controls["action"].value = action
    pick(panel, "entity", "Binance", "ORG")
    for control, value in fields.items():
        panel.controls[control].value = value
    panel.controls["apply"].click()
    assert says in html.unescape(panel.message.value)
    assert decisions(panel_workspace) == [] and not pipeline_file(panel_workspace).exists()


def test_record_decision_refuses_an_entity_that_is_not_there(panel_workspace):
    from helpers import pipeline

    with pytest.raises(ValueError, match="not in the entity table"):
        pipeline.record_decision(panel_workspace, "hide", name="Nobody Atall", label="PER")
    with pytest.raises(ValueError, match="not in the entity table"):
        pipeline.record_decision(panel_workspace, "merge", name="Binance", label="ORG",
                                 into="Nobody Atall", into_label="PER")
    assert decisions(panel_workspace) == []


def test_curation_panel_never_moves_on_to_another_entity(panel_workspace):
    entities = panel_workspace.read_table("entities")
    table = widgets.entity_table(entities)
    seen = []
    panel = widgets.curation_panel(panel_workspace, on_change=lambda e: (seen.append(e), table.update(e)))
    panel.controls["action"].value = "hide"
    pick(panel, "entity", "Seattle", "LOC")
    panel.controls["apply"].click()
    assert [(d["action"], d["name"]) for d in decisions(panel_workspace)] == [("hide", "Seattle")]
    # The hidden entity is gone: the picker is cleared, not moved to another entity.
    assert panel.controls["entity"].value is None
    assert ("Seattle", "LOC") not in [v for _l, v in panel.controls["entity"].options]
    panel.controls["apply"].click()  # a second click does not hide anything else
    assert len(decisions(panel_workspace)) == 1
    # The entity table above shows the decision at once.
    assert "Seattle" not in set(seen[-1]["name"])
    assert "Seattle" not in table.static_bundle()["text/html"]
    assert "Binance" in table.static_bundle()["text/html"]


def test_curation_panel_keeps_the_chosen_entity_after_a_rename_of_another(panel_workspace):
    panel = widgets.curation_panel(panel_workspace)
    panel.controls["action"].value = "relabel"
    pick(panel, "entity", "Seattle", "LOC")
    panel.controls["new_label"].value = "ORG"
    pick(panel, "into", "Binance", "ORG")
    panel.controls["apply"].click()
    assert decisions(panel_workspace)[-1]["to"] == "ORG"
    assert panel.controls["entity"].value is None  # (Seattle, LOC) no longer exists
    assert panel.controls["into"].value == ("Binance", "ORG")  # still there: kept


def test_curation_panel_undo_says_when_there_is_nothing_to_undo(panel_workspace):
    panel = widgets.curation_panel(panel_workspace)
    panel.controls["undo"].click()
    assert "Nothing to undo" in panel.message.value
    assert "undone" not in panel.message.value.casefold().replace("nothing to undo", "")
    panel.controls["action"].value = "hide"
    pick(panel, "entity", "Seattle", "LOC")
    panel.controls["apply"].click()
    panel.controls["undo"].click()
    assert "Undone: hide Seattle" in panel.message.value
    assert decisions(panel_workspace) == []
    assert ("Seattle", "LOC") in [v for _l, v in panel.controls["entity"].options]


# Readable text: cut at words, whole on hover, left-aligned, wrapped at spaces ------------


LONG = ("The Treasury said that the exchange had processed transactions for sanctioned users "
        "in Iran, Russia and Syria, and that its founder had told staff to hide them from regulators.")


@pytest.mark.parametrize("limit", [12, 30, 57, 80, 120])
def test_clip_cuts_at_a_word_boundary_and_marks_the_cut(limit):
    cut = views.clip(LONG, limit)
    assert len(cut) <= limit and cut.endswith("…")
    kept = cut[:-1]
    assert LONG.startswith(kept) and LONG[len(kept)] in " ,"  # the next character ends a word


@pytest.mark.parametrize("limit", [12, 30, 57, 80])
def test_clip_left_starts_at_a_word_boundary(limit):
    cut = views.clip_left(LONG, limit)
    assert len(cut) <= limit and cut.startswith("…")
    kept = cut[1:]
    assert LONG.endswith(kept) and LONG[-len(kept) - 1] == " "


def test_clip_keeps_short_text_and_cuts_one_long_word_anyway():
    assert views.clip("Binance", 20) == "Binance"
    assert views.clip("x" * 50, 10) == "x" * 9 + "…"


def test_table_html_cuts_long_cells_with_the_whole_text_on_hover():
    frame = pd.DataFrame({"evidence": [LONG + " <b>"], "weight": [3]})
    page = views.table_html(frame, max_chars=60)
    assert f'title="{html.escape(LONG + " <b>")}"' in page
    assert html.escape(views.clip(LONG, 60)) in page and "<b>" not in page


def test_sentence_cells_read_left_to_right(toy_tables):
    relations, evidence = build_relations(toy_tables["mentions"], toy_tables["sentences"])
    located = views.locate_in_sentences(toy_tables["mentions"], toy_tables["articles"])
    titles = views.article_titles(toy_tables["articles"])
    pages = [views.kwic_html(located, titles), views.evidence_html(evidence, titles),
             views.table_html(views.relations_with_sources(relations, evidence, titles))]
    for page in pages:
        cells = re.findall(r"<td[^>]*>", page)
        assert cells and all('style="text-align: left; vertical-align: top"' in cell for cell in cells)


def test_kwic_cut_context_keeps_the_whole_sentence_on_hover():
    sentence = LONG
    start = sentence.index("Russia")
    rows = pd.DataFrame({"article_id": ["x"], "sentence": [sentence], "s_start": [start],
                         "s_end": [start + len("Russia")]})
    page = views.kwic_html(rows, {"x": "Title"}, width=20)
    assert f'title="{html.escape(sentence)}"' in page
    assert "<mark>Russia</mark>" in page
    assert "…users in Iran, <mark>Russia</mark> and Syria, and…" in page


def test_article_reader_wraps_text_at_spaces(toy_tables):
    page = widgets.article_reader(toy_tables["articles"]).static_bundle()["text/html"]
    assert "<pre" not in page and "break-all" not in page
    assert "white-space: pre-wrap; word-break: normal; overflow-wrap: break-word" in page


def test_article_reader_tells_same_title_articles_apart(toy_tables):
    articles = toy_tables["articles"].copy()
    articles["title"] = "Changpeng Zhao"
    articles["source"] = ["Wikipedia", "Wikiwand", "vvikipidea"]
    labels = [label for label, _value in widgets.article_reader(articles).controls["article"].options]
    assert len(set(labels)) == 3 and all(label.startswith("Changpeng Zhao (") for label in labels)
