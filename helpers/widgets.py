"""ipywidgets wiring, one small function per view, each called in one line.

Every function returns a :class:`View`: a live widget in JupyterLab that also
carries a static rendering of its current state (HTML, or a PNG figure), so the
executed notebook and the HTML report show the default view without a kernel.
Its parts are reachable as ``.controls`` (a dict of input widgets) and
``.output`` so tests can drive them without a browser.
"""

from __future__ import annotations

import base64
import functools
import io
import os
from collections.abc import Callable, Sequence

import comm

import ipywidgets as W
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, display
from matplotlib.figure import Figure

from helpers.labels import LABELS, SHOWN_LABELS
from helpers.views import article_html, article_titles, clip, figure_html, usage_html

#: Set by ``python -m helpers report`` for the kernels it starts: views are
#: rendered statically and widgets never talk to a front end. Live widget
#: messages in a headless run now and then leave the notebook client waiting
#: for a reply that never comes (jupyter/nbclient#312); the report drops live
#: widgets anyway.
STATIC_VIEWS_ENV = "DOSSIER_STATIC_VIEWS"


def static_views() -> bool:
    """True when views render statically only (headless report runs)."""
    return os.environ.get(STATIC_VIEWS_ENV) == "1"


def _builds_widgets(build: Callable[..., View]) -> Callable[..., View]:
    """Mark a function that builds widgets: in a headless report kernel they send no message.

    Importing this module changes nothing; only building a view in a process
    that the report started with ``DOSSIER_STATIC_VIEWS=1`` (a notebook kernel)
    swaps the comm factory for ``comm.DummyComm``: widgets work, but talk to no
    front end.
    """

    @functools.wraps(build)
    def wrapper(*args, **kwargs) -> View:
        if static_views() and comm.create_comm is not comm.DummyComm:
            comm.create_comm = comm.DummyComm
        return build(*args, **kwargs)

    return wrapper


class View(W.VBox):
    """A VBox whose display bundle also holds a static rendering of its current state."""

    def __init__(self, children, *, controls: dict[str, W.Widget], output: W.Output,
                 static: Callable[[], dict[str, str]], **kwargs) -> None:
        super().__init__(children, **kwargs)
        self.controls = controls
        self.output = output
        self._static = static

    def static_bundle(self) -> dict[str, str]:
        """``{mime: data}`` of the view as it is now: ``text/html`` and/or ``image/png``."""
        return self._static()

    #: True for a view that only makes sense live (it explores what the page
    #: already shows): no static rendering is attached, so the report, which
    #: drops live widgets, leaves it out instead of repeating a chart.
    live_only: bool = False

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        data = dict(data)
        data.pop("text/plain", None)
        if self.live_only:
            data["text/plain"] = "(interactive view: run the notebook in JupyterLab to use it)"
            return data
        data.update(self.static_bundle())
        data["text/plain"] = "(interactive view; static rendering attached)"
        return data


def figure_png(fig: Figure) -> str:
    """A figure as base64 PNG, for static bundles."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


@_builds_widgets
def make_view(
    controls: dict[str, W.Widget],
    render: Callable[[], object],
    *,
    layout_controls: list[W.Widget] | None = None,
    usage: str = "",
) -> View:
    """Wire ``controls`` to ``render`` and return the view.

    ``render()`` returns either a matplotlib Figure or an HTML string for the
    current control values; it is shown in the output area on every change and
    also gives the static rendering. ``usage`` says how to use the controls; it
    is shown above them in JupyterLab only, never in the static rendering,
    where the controls do not exist.
    """
    output = W.Output()

    def static() -> dict[str, str]:
        result = render()
        if isinstance(result, Figure):
            png = figure_png(result)
            plt.close(result)
            return {"image/png": png}
        return {"text/html": str(result)}

    def refresh(_change=None) -> None:
        result = render()
        output.clear_output(wait=True)
        with output:
            if isinstance(result, Figure):
                display(result)
                plt.close(result)
            else:
                display(HTML(str(result)))

    for control in controls.values():
        control.observe(refresh, names="value")
    if not static_views():  # headless, the static bundle is all that is shown
        refresh()
    box_children = layout_controls if layout_controls is not None else list(controls.values())
    if usage:
        box_children = [W.HTML(usage_html(usage)), *box_children]
    view = View([*box_children, output], controls=controls, output=output, static=static)
    view.refresh = refresh
    return view


@_builds_widgets
def article_reader(articles: pd.DataFrame) -> View:
    """Pick an article by title and read its metadata and body (escaped)."""
    titles = article_titles(articles)
    options = [(f"{clip(titles[aid], 110)} [{lang}]", aid) for aid, lang in zip(articles["article_id"], articles["lang"])]
    picker = W.Dropdown(options=options, description="Article", layout=W.Layout(width="95%"))
    by_id = articles.set_index("article_id")

    def render() -> str:
        if picker.value is None:
            return "<p>No article loaded.</p>"
        row = by_id.loc[picker.value].copy()
        row["article_id"] = picker.value
        return article_html(row)

    return make_view({"article": picker}, render, usage="Pick an article to read it.")


@_builds_widgets
def entity_table(entities: pd.DataFrame, *, max_rows: int = 30) -> View:
    """The entity table, filtered by label, minimum mentions and a search box.

    ``view.update(entities)`` shows a new table (the curation panel calls it
    after every decision), keeping the filters.
    """
    from helpers.views import table_html

    current = {"entities": entities}
    label = W.Dropdown(options=["all", *LABELS], value="all", description="Label")
    highest = int(entities["mentions"].max()) if len(entities) else 1
    min_mentions = W.IntSlider(value=1, min=1, max=max(highest, 1), description="Min mentions")
    search = W.Text(value="", description="Search", placeholder="part of a name or alias")

    def render() -> str:
        shown = filter_entities(current["entities"], label=label.value, min_mentions=min_mentions.value,
                                search=search.value)
        return table_html(shown, max_rows=max_rows, caption="Entities")

    view = make_view({"label": label, "min_mentions": min_mentions, "search": search}, render,
                     usage="Filter by label, minimum number of mentions, or a part of a name or alias.")

    def update(new_entities: pd.DataFrame) -> None:
        current["entities"] = new_entities
        highest = int(new_entities["mentions"].max()) if len(new_entities) else 1
        min_mentions.max = max(highest, min_mentions.value, 1)
        view.refresh()

    view.update = update
    return view


def filter_entities(entities: pd.DataFrame, *, label: str = "all", min_mentions: int = 1, search: str = "") -> pd.DataFrame:
    """Entities with ``label`` (or all), at least ``min_mentions``, whose name or alias contains ``search``."""
    shown = entities[entities["mentions"] >= min_mentions]
    if label != "all":
        shown = shown[shown["label"] == label]
    if search.strip():
        needle = search.strip().casefold()
        hay = (shown["name"].fillna("") + "; " + shown["aliases"].fillna("")).str.casefold()
        shown = shown[hay.str.contains(needle, regex=False)]
    return shown


@_builds_widgets
def entity_context(mentions: pd.DataFrame, entities: pd.DataFrame, articles: pd.DataFrame,
                   *, width: int = 80) -> View:
    """Pick an entity and read its mentions in context, the mention highlighted."""
    from helpers.views import kwic_html, locate_in_sentences

    located = locate_in_sentences(mentions, articles)
    titles = article_titles(articles)
    options = [(f"{n} ({l}, {m})", eid) for eid, n, l, m in
               zip(entities["entity_id"], entities["name"], entities["label"], entities["mentions"])]
    picker = W.Dropdown(options=options, description="Entity", layout=W.Layout(width="60%"))

    def render() -> str:
        rows = located[located["entity_id"] == picker.value]
        return kwic_html(rows, titles, width=width)

    return make_view({"entity": picker}, render)


@_builds_widgets
def curation_panel(workspace, *, watchlist=None,
                   on_change: Callable[[pd.DataFrame], None] | None = None) -> View:
    """Merge, rename, relabel or hide entities; decisions are saved in the workspace.

    Each decision is checked against the entity table first (no merge into
    itself, no rename to the same name, no decision on an entity that is gone),
    written to the workspace's curation file, and applied by re-running the
    entity step (from cache, so it takes seconds). After a decision the pickers
    keep the entities the reporter chose while they still exist, and are
    cleared otherwise: the panel never moves on to another entity by itself.
    ``on_change`` receives the new entity table after every saved or undone decision.
    """
    from helpers.pipeline import load_curation, record_decision, tag_entities, undo_decision
    from helpers.views import message_html, table_html

    def names() -> list[tuple[str, tuple[str, str]]]:
        table = workspace.read_table("entities")
        return [(f"{n} ({l})", (n, l)) for n, l in zip(table["name"], table["label"])]

    action = W.Dropdown(options=["merge", "rename", "relabel", "hide"], value="merge", description="Action")
    first = W.Dropdown(options=names(), value=None, description="Entity", layout=W.Layout(width="45%"))
    second = W.Dropdown(options=names(), value=None, description="Into", layout=W.Layout(width="45%"))
    new_name = W.Text(description="New name")
    new_label = W.Dropdown(options=list(LABELS), description="New label")
    apply = W.Button(description="Apply", button_style="primary")
    undo = W.Button(description="Undo last")
    message = W.HTML()

    def say(text: str, *, error: bool = False) -> None:
        message.value = message_html(text, error=error)

    def render() -> str:
        decisions = load_curation(workspace)
        table = pd.DataFrame(decisions) if decisions else pd.DataFrame({"decision": []})
        return message.value + table_html(table.astype(str), max_rows=100, caption="Curation decisions")

    def rerun() -> None:
        kept = {picker: picker.value for picker in (first, second)}
        tag_entities(workspace, watchlist=watchlist)
        options = names()
        for picker, value in kept.items():
            with picker.hold_trait_notifications():
                picker.options = options
                picker.value = value if value in {v for _l, v in options} else None
        if on_change:
            on_change(workspace.read_table("entities"))

    def fields_for(chosen: str) -> dict | None:
        if first.value is None:
            say("Pick the entity to act on first; nothing saved.", error=True)
            return None
        name, label = first.value
        fields = {"name": name, "label": label}
        if chosen == "merge":
            if second.value is None:
                say(f"Pick the entity to merge {name} into; nothing saved.", error=True)
                return None
            fields.update(into_name=second.value[0], into_label=second.value[1])
        elif chosen == "rename":
            if not new_name.value.strip():
                say("Type the new name first; nothing saved.", error=True)
                return None
            fields.update(new_name=new_name.value.strip())
        elif chosen == "relabel":
            fields.update(new_label=new_label.value)
        return fields

    def do_apply(_button) -> None:
        chosen = action.value
        fields = fields_for(chosen)
        if fields is not None:
            try:
                record_decision(workspace, chosen, **fields)
            except ValueError as err:
                say(str(err), error=True)
            else:
                rerun()
                say(f"Saved: {chosen} {fields['name']} ({fields['label']}).")
        view.refresh()

    def do_undo(_button) -> None:
        if not load_curation(workspace):
            say("Nothing to undo: no curation decision is saved.", error=True)
        else:
            removed = undo_decision(workspace)
            rerun()
            say(f"Undone: {removed['action']} {removed['name']} ({removed.get('label', '')}).")
        view.refresh()

    apply.on_click(do_apply)
    undo.on_click(do_undo)
    controls = {"action": action, "entity": first, "into": second, "new_name": new_name, "new_label": new_label}
    view = make_view(controls, render, layout_controls=[
        W.HBox([action, first]), W.HBox([second, new_name, new_label]), W.HBox([apply, undo])],
        usage="Pick an action and the entity it applies to (and the entity to merge into, the new name or "
             "the new label), then Apply; Undo last removes the latest decision.")
    view.controls.update(apply=apply, undo=undo)
    view.message = message
    return view


@_builds_widgets
def amount_table(amounts: pd.DataFrame, articles: pd.DataFrame, *, max_rows: int = 40) -> View:
    """Amounts filtered by currency, direction, minimum value and sanctions context."""
    from helpers.views import amounts_html

    currencies = sorted(c for c in amounts["currency"].dropna().unique() if c)
    currency = W.Dropdown(options=["all", *currencies], value="all", description="Currency")
    direction = W.Dropdown(options=["all", "above", "below", "none"], value="all", description="Direction")
    min_value = W.FloatText(value=0.0, description="Min value")
    sanctions = W.Checkbox(value=False, description="Sanctions context only")
    titles = article_titles(articles)

    def render() -> str:
        shown = filter_amounts(amounts, currency=currency.value, direction=direction.value,
                               min_value=min_value.value, sanctions_only=sanctions.value)
        return amounts_html(shown, titles, max_rows=max_rows)

    return make_view({"currency": currency, "direction": direction, "min_value": min_value,
                      "sanctions": sanctions}, render,
                     usage="Filter by currency, threshold direction, minimum value or sanctions context.")


def filter_amounts(amounts: pd.DataFrame, *, currency: str = "all", direction: str = "all",
                   min_value: float = 0.0, sanctions_only: bool = False) -> pd.DataFrame:
    """Amounts matching every filter; vague amounts (no value) pass a zero minimum only."""
    shown = amounts
    if currency != "all":
        shown = shown[shown["currency"] == currency]
    if direction == "none":
        shown = shown[shown["threshold"].isna() | (shown["threshold"] == "")]
    elif direction != "all":
        shown = shown[shown["threshold"] == direction]
    if min_value > 0:
        shown = shown[shown["value"].fillna(-1) >= min_value]
    if sanctions_only:
        shown = shown[shown["sanctions_context"].astype(bool)]
    return shown


@_builds_widgets
def join_views(*views: View) -> View:
    """One view made of several, each part keeping its own controls and output.

    The static rendering is one HTML block: figures become embedded PNG images.
    """
    controls = {name: control for view in views for name, control in view.controls.items()}

    def static() -> dict[str, str]:
        parts = []
        for view in views:
            bundle = view.static_bundle()
            if "image/png" in bundle:
                parts.append(figure_html(bundle["image/png"]))
            else:
                parts.append(bundle.get("text/html", ""))
        return {"text/html": "\n".join(parts)}

    joined = View(list(views), controls=controls, output=views[0].output, static=static)
    joined.parts = list(views)
    return joined


def _label_picker(labels: pd.Series) -> W.SelectMultiple:
    """Labels to show; MISC (nationality adjectives, laws, events) starts unselected."""
    present = [label for label in LABELS if label in set(labels)]
    present += sorted(set(labels.dropna()) - set(present))
    chosen = tuple(label for label in present if label in SHOWN_LABELS) or tuple(present)
    return W.SelectMultiple(options=present, value=chosen, rows=len(present) or 1,
                            description="Labels")


@_builds_widgets
def mention_explorer(mentions: pd.DataFrame, entities: pd.DataFrame, articles: pd.DataFrame,
                     *, top: int = 20, width: int = 80, live_only: bool = False) -> View:
    """Top entities (by label, count, article) as bars; pick one to read its mentions in context.

    ``view.shown["entities"]`` is the table behind the bars as they are drawn.
    ``live_only=True`` leaves it out of static pages (see :attr:`View.live_only`),
    for a notebook that draws the default bars and mentions already.
    """
    from helpers.plots import draw_top_entities, top_entities
    from helpers.views import kwic_html, locate_in_sentences

    titles = article_titles(articles)
    labels = _label_picker(entities["label"])
    count = W.IntSlider(value=top, min=1, max=max(top, min(len(entities), 100), 1), description="Top")
    by = W.Dropdown(options=["mentions", "articles"], value="mentions", description="Rank by")
    article = W.Dropdown(
        options=[("All articles", "")] + [(clip(t, 100), a) for a, t in titles.items()],
        value="", description="Article", layout=W.Layout(width="95%"),
    )
    shown: dict[str, object] = {}

    def render_bars():
        table = entities
        if article.value:
            table = article_entity_counts(mentions[mentions["article_id"] == article.value], entities)
        shown["entities"] = top_entities(table, by=by.value, top=count.value, labels=labels.value)
        ax = draw_top_entities(table, by=by.value, top=count.value, labels=labels.value)
        if article.value:
            ax.set_title(f"Top entities in: {clip(titles[article.value], 70)}")
        return ax.figure

    located = locate_in_sentences(mentions, articles)
    ranked = entities.sort_values(["mentions", "name"], ascending=[False, True])
    picker = W.Dropdown(
        options=[(f"{n} ({l}, {m})", e) for e, n, l, m in
                 zip(ranked["entity_id"], ranked["name"], ranked["label"], ranked["mentions"])],
        description="Entity", layout=W.Layout(width="60%"),
    )

    def render_kwic() -> str:
        rows = located[located["entity_id"] == picker.value]
        shown["mentions"] = rows
        return kwic_html(rows, titles, width=width)

    bars = make_view({"labels": labels, "top": count, "by": by, "article": article}, render_bars,
                     layout_controls=[W.HBox([labels, W.VBox([count, by])]), article],
                     usage="Explore: show some labels only (Ctrl-click), change how many bars are drawn or "
                          "what they count, restrict them to one article.")
    kwic = make_view({"entity": picker}, render_kwic, usage="Pick an entity to read all its mentions in context.")
    view = join_views(bars, kwic)
    view.shown = shown
    view.live_only = live_only
    return view


def article_entity_counts(mentions: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """``entities`` with ``mentions``/``articles`` recounted on the given mentions only."""
    counts = mentions.groupby("entity_id").agg(mentions=("article_id", "size"), articles=("article_id", "nunique"))
    table = entities.drop(columns=["mentions", "articles"]).merge(counts, left_on="entity_id", right_index=True)
    return table


@_builds_widgets
def network_explorer(relations: pd.DataFrame, evidence: pd.DataFrame, entities: pd.DataFrame,
                     articles: pd.DataFrame, *, min_weight: int = 1, layout: str = "spring",
                     max_nodes: int = 150, labels: Sequence[str] | None = None,
                     top: int | None = None) -> View:
    """The relation network, filtered; pick a relation to read the sentences behind it.

    Controls: labels shown (``labels``, None: all), minimum weight, how many of
    the best-connected entities are drawn (``top``, None: all), a focus entity
    and how many steps around it, the layout. The relation picker lists the
    relations drawn, strongest first (with a focus, the focus's own), so it
    always follows the network. ``view.shown["graph"]`` is the graph as drawn,
    ``view.shown["relations"]`` the table behind it.
    """
    from helpers.plots import NETWORK_LAYOUTS, draw_network
    from helpers.relations import filter_graph, relation_graph, with_names
    from helpers.views import evidence_html

    relations = with_names(relations, entities)
    graph = relation_graph(relations, entities)
    titles = article_titles(articles)
    picker = _label_picker(pd.Series([d.get("label") for _n, d in graph.nodes(data=True)], dtype=object))
    if labels is not None:
        picker.value = tuple(label for label in picker.options if label in set(labels))
    heaviest = int(relations["weight"].max()) if len(relations) else 1
    weight = W.IntSlider(value=min_weight, min=1, max=max(heaviest, min_weight, 1), description="Min weight")
    n_nodes = max(graph.number_of_nodes(), 1)
    count = W.IntSlider(value=min(top or n_nodes, n_nodes), min=1, max=n_nodes, description="Top entities")
    names = sorted((d["name"], n) for n, d in graph.nodes(data=True))
    focus = W.Dropdown(options=[("(whole network)", "")] + names, value="", description="Focus")
    depth = W.IntSlider(value=1, min=1, max=3, description="Depth")
    shape = W.Dropdown(options=list(NETWORK_LAYOUTS), value=layout, description="Layout")
    shown: dict[str, object] = {}
    ids = relations["source_id"].astype(str) + "\t" + relations["target_id"].astype(str)

    def drawn_graph():
        return filter_graph(graph, min_weight=weight.value, labels=picker.value, focus=focus.value or None,
                            depth=depth.value, top=count.value)

    def drawn_relations(drawn) -> pd.DataFrame:
        edges = [(s, t) for s, t in drawn.edges if not focus.value or focus.value in (s, t)]
        pairs = {f"{s}\t{t}" for s, t in edges} | {f"{t}\t{s}" for s, t in edges}
        return relations[ids.isin(pairs)]

    def relation_options(table: pd.DataFrame) -> list:
        top_rows = table.head(500)
        return [(f"{s} — {t} ({w})", (si, ti)) for s, t, si, ti, w in
                zip(top_rows["source"], top_rows["target"], top_rows["source_id"], top_rows["target_id"],
                    top_rows["weight"])]

    def render_network():
        drawn = drawn_graph()
        shown["graph"] = drawn
        shown["relations"] = drawn_relations(drawn)
        chosen = ", ".join(picker.value) if set(picker.value) != set(picker.options) else "all labels"
        title = f"Entities mentioned together ({chosen}; at most the {count.value} best connected)"
        return draw_network(drawn, layout=shape.value, max_nodes=max_nodes, title=title).figure

    relation = W.Dropdown(options=relation_options(drawn_relations(drawn_graph())),
                          description="Relation", layout=W.Layout(width="70%"))

    def follow(_change=None) -> None:
        options = relation_options(drawn_relations(drawn_graph()))
        if options != list(relation.options):
            kept = relation.value
            relation.options = options
            values = [v for _l, v in options]
            relation.value = kept if kept in values else (values[0] if values else None)

    def render_evidence() -> str:
        if relation.value is None:
            return "<p>No relation found with these filters.</p>"
        source_id, target_id = relation.value
        rows = evidence[(evidence["source_id"] == source_id) & (evidence["target_id"] == target_id)]
        shown["evidence"] = rows
        label = relation.label or ""
        return evidence_html(rows, titles, caption=f"{len(rows)} passages support {label}")

    network = make_view(
        {"labels": picker, "min_weight": weight, "top": count, "focus": focus, "depth": depth, "layout": shape},
        render_network,
        layout_controls=[W.HBox([picker, W.VBox([weight, count, shape]), W.VBox([focus, depth])])],
        usage="Show other labels (Ctrl-click), raise the minimum weight to keep the strongest ties, draw more "
             "or fewer of the best-connected entities, focus on one entity and its neighbours (depth: how "
             "many steps away), change the layout; the relation picker below lists the relations drawn.",
    )
    for control in (picker, weight, count, focus, depth):
        control.observe(follow, names="value")
    view = join_views(network, make_view({"relation": relation}, render_evidence,
                                         usage="Pick a relation to read the passages behind it."))
    view.shown = shown
    return view


def screening_review(workspace, *, min_score: float = 0.70, max_rows: int = 40) -> View:
    """Possible sanctions-list matches above a threshold slider; review one side by side; confirm, reject, undo.

    Decisions are saved in the workspace's review file (see ``helpers.pipeline.review_match``)
    and replayed on every run. ``view.shown["candidates"]`` is the table as shown.
    """
    from helpers.pipeline import load_screening_review, review_match, undo_review
    from helpers.screening.views import CAVEAT, candidate_html
    from helpers.views import escape, table_html

    titles = dict(zip(*(workspace.read_table("articles")[c] for c in ("article_id", "title"))))
    state = {"table": workspace.read_table("screening")}
    threshold = W.FloatSlider(value=min_score, min=min_score, max=1.0, step=0.01, description="Min score",
                              readout_format=".2f")
    picker = W.Dropdown(description="Candidate", layout=W.Layout(width="80%"))
    confirm = W.Button(description="Confirm match", button_style="danger")
    reject = W.Button(description="Reject (not the same)", button_style="success")
    undo = W.Button(description="Undo last")
    message = W.HTML()
    shown: dict[str, object] = {}

    def candidates() -> pd.DataFrame:
        table = state["table"]
        return table[table["score"] >= threshold.value - 1e-9]

    def refresh_picker(_change=None) -> None:
        rows = candidates()
        options = [(f"{r.entity_name} → {r.list_entry_name} ({r.score:.2f}, {r.status})", i)
                   for i, r in zip(rows.index, rows.itertuples(index=False))]
        current = picker.value
        picker.options = options
        values = [value for _label, value in options]
        picker.value = current if current in values else (values[0] if values else None)

    def render() -> str:
        rows = candidates()
        shown["candidates"] = rows
        columns = ["entity_name", "label", "list_entry_name", "list_entry_id", "score", "status", "name_only"]
        card = candidate_html(state["table"].loc[picker.value], titles) if picker.value is not None else ""
        return (f"<p>{escape(CAVEAT)}</p>{message.value}"
                + table_html(rows[columns], max_rows=max_rows, caption="Possible sanctions-list matches") + card)

    def decide(decision: str) -> None:
        if picker.value is None:
            return
        row = state["table"].loc[picker.value]
        review_match(workspace, row, decision)
        message.value = f"<p>Saved: {escape(decision)} {escape(row['entity_name'])} — {escape(row['list_entry_name'])}.</p>"
        reload()

    def do_undo(_button) -> None:
        removed = undo_review(workspace)
        message.value = ("<p>Nothing to undo.</p>" if removed is None else
                         f"<p>Undone: {escape(removed['decision'])} {escape(removed['entity'])}.</p>")
        reload()

    def reload() -> None:
        state["table"] = workspace.read_table("screening")
        refresh_picker()
        view.refresh()

    threshold.observe(refresh_picker, names="value")
    refresh_picker()
    confirm.on_click(lambda _b: decide("confirm"))
    reject.on_click(lambda _b: decide("reject"))
    undo.on_click(do_undo)
    view = make_view({"threshold": threshold, "candidate": picker}, render,
                     layout_controls=[threshold, picker, W.HBox([confirm, reject, undo])])
    view.controls.update(confirm=confirm, reject=reject, undo=undo)
    view.shown = shown
    view.decisions = lambda: load_screening_review(workspace)
    return view
