"""Matplotlib figures. Every ``draw_*`` takes ``ax=None`` and returns the Axes.

Styling lives in :data:`RC_PARAMS` and :data:`LABEL_COLORS`, applied with
``plt.rc_context``; nothing here calls ``plt.show()``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from helpers.labels import SHOWN_LABELS
from helpers.views import article_titles, clip

RC_PARAMS = {
    "figure.figsize": (8, 4),
    "figure.dpi": 100,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "font.family": "DejaVu Sans",
}

#: One colour per unified label, used by every figure.
LABEL_COLORS = {"PER": "#1f77b4", "ORG": "#d62728", "LOC": "#2ca02c", "MISC": "#9467bd"}
DEFAULT_COLOR = "#555555"


def _axes(ax: Axes | None, figsize: tuple[float, float] | None = None) -> Axes:
    if ax is not None:
        return ax
    _fig, ax = plt.subplots(figsize=figsize or RC_PARAMS["figure.figsize"])
    return ax


def draw_counts(
    counts: pd.Series,
    *,
    ax: Axes | None = None,
    title: str = "",
    xlabel: str = "",
    color: str = DEFAULT_COLOR,
) -> Axes:
    """Horizontal bars of ``counts`` (index = category), largest on top."""
    with plt.rc_context(RC_PARAMS):
        ax = _axes(ax, (8, max(2.0, 0.35 * len(counts) + 1)))
        ordered = counts.sort_values()
        ax.barh([str(i) for i in ordered.index], ordered.values, color=color)
        for y, value in enumerate(ordered.values):
            ax.annotate(f"{value:g}", (value, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
        ax.set_title(title)
        ax.set_xlabel(xlabel)
        ax.figure.tight_layout()
    return ax


def draw_corpus_overview(articles: pd.DataFrame, *, axes: tuple[Axes, Axes] | None = None) -> tuple[Axes, Axes]:
    """Articles per language and per source, side by side."""
    with plt.rc_context(RC_PARAMS):
        if axes is None:
            n_sources = articles["source"].replace("", "(unknown)").nunique()
            _fig, axes = plt.subplots(1, 2, figsize=(12, max(3.0, 0.3 * min(n_sources, 25) + 1.5)))
        by_lang = articles["lang"].value_counts()
        sources = articles["source"].replace("", "(unknown)").map(lambda s: _shorten(s, 45))
        by_source = sources.value_counts().head(25)
        draw_counts(by_lang, ax=axes[0], title="Articles per language", xlabel="articles")
        draw_counts(by_source, ax=axes[1], title="Articles per source", xlabel="articles")
        axes[0].figure.tight_layout()
    return axes


#: Marker per threshold direction in the amounts chart.
DIRECTION_MARKERS = {"above": "^", "below": "v", "": "o"}


def draw_amounts(
    amounts: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    ax: Axes | None = None,
    max_title: int = 50,
) -> Axes:
    """Every amount with a value, per article, on a log scale; thresholds marked.

    Upward triangles are floors ("exceeding"), downward ones ceilings ("up to");
    red marks amounts whose sentence speaks of sanctions. Amounts in different
    currencies share the axis unconverted: the chart shows magnitudes, not totals.
    """
    with plt.rc_context(RC_PARAMS):
        valued = amounts[amounts["value"].notna() & (amounts["value"] > 0)]
        titles = article_titles(articles, limit=max_title)
        order = list(dict.fromkeys(valued["article_id"]))
        ax = _axes(ax, (9, max(2.5, 0.4 * len(order) + 1.5)))
        if valued.empty:
            ax.text(0.5, 0.5, "No amount with a value in this selection", ha="center", va="center",
                    transform=ax.transAxes)
            ax.set_axis_off()
            return ax
        y_of = {aid: i for i, aid in enumerate(order)}
        names: list[tuple[tuple[float, float], str]] = []
        for direction, marker in DIRECTION_MARKERS.items():
            part = valued[valued["threshold"].fillna("") == direction]
            if part.empty:
                continue
            colors = ["#d62728" if s else DEFAULT_COLOR for s in part["sanctions_context"].astype(bool)]
            ax.scatter(part["value"], [y_of[a] for a in part["article_id"]], marker=marker, s=60,
                       c=colors, label={"above": "threshold: above", "below": "threshold: below", "": "amount"}[direction],
                       edgecolors="white", linewidths=0.5, zorder=3)
            names.extend(((value, y_of[aid]), str(cur or ""))
                         for value, aid, cur in zip(part["value"], part["article_id"], part["currency"]) if cur)
        ax.set_xscale("log")
        ax.set_yticks(range(len(order)))
        ax.set_yticklabels([titles.get(a, a) for a in order])
        ax.set_xlabel("value (log scale, in each amount's own currency)")
        ax.set_title("Amounts per article (red: sanctions context)")
        ax.grid(axis="x", alpha=0.3)
        ax.legend(loc="lower right", fontsize=8)
        ax.figure.tight_layout()
        # Currency codes beside their points; one that would cover another is left out.
        _place_labels(ax, names, offsets=AMOUNT_LABEL_OFFSETS, fontsize=7, box=False)
    return ax


#: Where a currency code may go beside its point: right, above right, below right (points, alignment).
AMOUNT_LABEL_OFFSETS = ((5, 0, "left", "center"), (4, 6, "left", "bottom"), (4, -6, "left", "top"))


def draw_label_counts(mentions: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Mentions per label, coloured by label."""
    with plt.rc_context(RC_PARAMS):
        ax = _axes(ax, (6, 2.5))
        counts = mentions["label"].value_counts().sort_values()
        ax.barh(list(counts.index), counts.values, color=[LABEL_COLORS.get(l, DEFAULT_COLOR) for l in counts.index])
        ax.set_title("Mentions per label")
        ax.set_xlabel("mentions")
        ax.figure.tight_layout()
    return ax


def _shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to ``limit`` characters, "…" marking the cut."""
    return clip(text, limit)


# Mentions and relations (notebooks 04 and 05) ------------------------------------

#: Layouts :func:`draw_network` knows; all deterministic for a given seed.
NETWORK_LAYOUTS = ("spring", "kamada_kawai", "circular")


def draw_top_entities(
    entities: pd.DataFrame,
    *,
    by: str = "mentions",
    top: int = 20,
    labels: list[str] | tuple[str, ...] | set[str] | None = SHOWN_LABELS,
    ax: Axes | None = None,
    max_name: int = 40,
) -> Axes:
    """The ``top`` entities by ``"mentions"`` or ``"articles"``, bars coloured by label.

    Args:
        entities: the ``entities`` table (``name``, ``label``, ``mentions``, ``articles``).
        by: the column to rank by; ties go to the other count, then the name.
        labels: labels to keep (None keeps all); MISC is left out by default.
    """
    shown = top_entities(entities, by=by, top=top, labels=labels)
    with plt.rc_context(RC_PARAMS):
        ax = _axes(ax, (8, max(2.5, 0.3 * len(shown) + 1.3)))
        if shown.empty:
            return _say(ax, "No entity to show with these filters", title="Top entities")
        ordered = shown.iloc[::-1]
        colors = [LABEL_COLORS.get(label, DEFAULT_COLOR) for label in ordered["label"]]
        ax.barh([_shorten(str(n), max_name) for n in ordered["name"]], ordered[by], color=colors)
        for y, value in enumerate(ordered[by]):
            ax.annotate(f"{value:g}", (value, y), xytext=(3, 0), textcoords="offset points",
                        va="center", fontsize=8)
        ax.set_title(f"Top {len(shown)} entities by {by}")
        ax.set_xlabel("mentions" if by == "mentions" else "articles mentioning the entity")
        _label_legend(ax, ordered["label"], loc="lower right")
        ax.figure.tight_layout()
    return ax


def top_entities(
    entities: pd.DataFrame,
    *,
    by: str = "mentions",
    top: int = 20,
    labels: list[str] | tuple[str, ...] | set[str] | None = SHOWN_LABELS,
) -> pd.DataFrame:
    """The table behind :func:`draw_top_entities`: the ``top`` rows by ``by``, ties by the other count."""
    other = "articles" if by == "mentions" else "mentions"
    shown = entities if labels is None else entities[entities["label"].isin(list(labels))]
    return shown.sort_values([by, other, "name"], ascending=[False, False, True]).head(top)


def draw_entity_heatmap(
    mentions: pd.DataFrame,
    entities: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    top: int = 20,
    max_articles: int = 30,
    labels: list[str] | tuple[str, ...] | set[str] | None = SHOWN_LABELS,
    ax: Axes | None = None,
    max_title: int = 45,
) -> Axes:
    """Mentions of the ``top`` entities in each article (rows: articles, most mentions first).

    Only entities with one of ``labels`` are drawn (None: every label; MISC is
    left out by default).

    Only the ``max_articles`` articles with the most mentions of those entities
    are drawn; the title says how many were left out.
    """
    import numpy as np

    shown = entities if labels is None else entities[entities["label"].isin(list(labels))]
    chosen = shown.sort_values(["mentions", "name"], ascending=[False, True]).head(top)
    matrix = entity_article_counts(mentions, chosen)
    n_articles = len(matrix)
    matrix = matrix.head(max_articles)
    with plt.rc_context(RC_PARAMS):
        ax = _axes(ax, (max(7.0, 0.42 * len(chosen) + 4.5), max(3.0, 0.32 * len(matrix) + 2.6)))
        if matrix.empty:
            return _say(ax, "No mention to show", title="Mentions per article")
        titles = article_titles(articles, limit=max_title)
        image = ax.imshow(matrix.to_numpy(), aspect="auto", cmap="Blues", vmin=0)
        values = matrix.to_numpy()
        if values.size <= 900:
            limit = values.max() * 0.6
            for (row, col), value in np.ndenumerate(values):
                if value:
                    ax.text(col, row, str(value), ha="center", va="center", fontsize=7,
                            color="white" if value > limit else "#222222")
        names = dict(zip(chosen["entity_id"], chosen["name"]))
        label_of = dict(zip(chosen["entity_id"], chosen["label"]))
        ax.set_xticks(range(matrix.shape[1]))
        ax.set_xticklabels([_shorten(str(names[e]), 28) for e in matrix.columns], rotation=60, ha="right")
        for tick, eid in zip(ax.get_xticklabels(), matrix.columns):
            tick.set_color(LABEL_COLORS.get(label_of[eid], DEFAULT_COLOR))
        ax.set_yticks(range(len(matrix)))
        ax.set_yticklabels([str(titles.get(a, a)) for a in matrix.index])
        ax.spines[["left", "bottom"]].set_visible(False)
        more = f" (top {len(matrix)} of {n_articles} articles)" if n_articles > len(matrix) else ""
        ax.set_title(f"Mentions of the {matrix.shape[1]} most mentioned entities per article{more}")
        ax.figure.colorbar(image, ax=ax, label="mentions", fraction=0.03, pad=0.02)
        ax.figure.tight_layout()
    return ax


def entity_article_counts(mentions: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """The table behind the heatmap: mentions per article (rows) and entity (columns, in ``entities`` order)."""
    ids = list(entities["entity_id"])
    found = mentions[mentions["entity_id"].isin(ids)]
    if found.empty:
        return pd.DataFrame(columns=ids, dtype=int)
    counts = found.groupby(["article_id", "entity_id"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=[i for i in ids if i in counts.columns], fill_value=0)
    order = counts.sum(axis=1).sort_values(ascending=False, kind="stable").index
    return counts.loc[order].astype(int)


def draw_mentions_timeline(
    mentions: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    top: int = 10,
    entities: pd.DataFrame | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Mentions of the ``top`` entities by the publication date of their articles.

    One row per entity, one dot per publication date, sized by mentions.
    Articles without a known date cannot be placed; the figure says how many.
    With ``entities`` the rows carry canonical names, else the commonest form.
    """
    from helpers.relations import entity_names

    dated = mention_dates(mentions, articles)
    n_dated = articles["article_id"].isin(dated["article_id"].unique()).sum() if len(dated) else 0
    undated = int((publication_dates(articles).isna()).sum())
    with plt.rc_context(RC_PARAMS):
        if dated.empty:
            ax = _axes(ax, (8, 2.5))
            why = ("No publication date is known for these articles, so mentions cannot be placed in time."
                   if undated == len(articles) else "No mention in the articles that have a publication date.")
            return _say(ax, why, title="Mentions by publication date")
        top_ids = list(dated["entity_id"].value_counts().head(top).index)
        ax = _axes(ax, (9, max(2.5, 0.38 * len(top_ids) + 1.8)))
        names = entity_names(mentions, entities)
        counts = dated[dated["entity_id"].isin(top_ids)].groupby(["entity_id", "date", "precision"]).size()
        label_of = mentions.groupby("entity_id")["label"].agg(lambda s: s.mode().iloc[0])
        row_of = {eid: len(top_ids) - 1 - i for i, eid in enumerate(top_ids)}
        biggest = counts.max()
        for (eid, day, precision), n in counts.items():
            color = LABEL_COLORS.get(label_of.get(eid), DEFAULT_COLOR)
            exact = precision in ("day", "")
            ax.scatter(day, row_of[eid], s=30 + 370 * (n / biggest) ** 0.5, alpha=0.75, zorder=3,
                       color=color if exact else "none", edgecolors="white" if exact else color,
                       linewidths=1 if exact else 2)
            ax.annotate(str(n), (day, row_of[eid]), xytext=(0, 9), textcoords="offset points",
                        ha="center", fontsize=7)
        ax.set_yticks(range(len(top_ids)))
        ax.set_yticklabels([_shorten(str(names.get(e, e)), 32) for e in reversed(top_ids)])
        ax.set_ylim(-0.7, len(top_ids) - 0.3)
        ax.grid(axis="x", alpha=0.3)
        ax.margins(x=0.08)
        first, last = dated["date"].min(), dated["date"].max()
        if last - first < pd.Timedelta(days=60):  # a few days apart: show them on a readable scale
            ax.set_xlim(first - pd.Timedelta(days=30), last + pd.Timedelta(days=30))
        ax.figure.autofmt_xdate()
        note = f"; {undated} of {len(articles)} without a date, not shown" if undated else ""
        coarse = int(date_precisions(articles).isin(["month", "year"]).sum())
        if coarse:
            note += f"; rings: {coarse} known to the month or year only, placed at its start"
        plural = "" if n_dated == 1 else "s"
        ax.set_title(f"Mentions by publication date ({n_dated} dated article{plural}{note})", fontsize=10)
        _label_legend(ax, label_of.reindex(top_ids), loc="upper left", bbox_to_anchor=(1.01, 1))
        ax.figure.tight_layout()
    return ax


def publication_dates(articles: pd.DataFrame) -> pd.Series:
    """Each article's publication date, at the start of its day, month or year (NaT when unknown).

    ``published`` is ISO text at its precision (``2024-03-14``, ``2024-03``, ``2024``);
    :func:`date_precisions` says which.
    """
    published = articles["published"].fillna("").astype(str).str.strip()
    day = pd.to_datetime(published.str[:10], format="%Y-%m-%d", errors="coerce")
    month = pd.to_datetime(published.where(published.str.fullmatch(r"\d{4}-\d{2}")), format="%Y-%m", errors="coerce")
    year = pd.to_datetime(published.where(published.str.fullmatch(r"\d{4}")), format="%Y", errors="coerce")
    return day.fillna(month).fillna(year)


def date_precisions(articles: pd.DataFrame) -> pd.Series:
    """``day``, ``month`` or ``year`` per article ("" when undated), as stored or read from the text's shape."""
    if "date_precision" in articles:
        return articles["date_precision"].fillna("").astype(str)
    shape = articles["published"].fillna("").astype(str).str.strip().str.len()
    known = publication_dates(articles).notna()
    return shape.map({4: "year", 7: "month"}).fillna("day").where(known, "")


def mention_dates(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The table behind the timeline: mentions of dated articles, with their ``date`` and its ``precision``."""
    dates = pd.DataFrame({"article_id": articles["article_id"], "date": publication_dates(articles),
                          "precision": date_precisions(articles)})
    merged = mentions.merge(dates.dropna(subset=["date"]), on="article_id", how="inner")
    return merged[merged["entity_id"].notna()]


def draw_network(
    graph,
    *,
    ax: Axes | None = None,
    layout: str = "spring",
    seed: int = 7,
    max_nodes: int = 150,
    top_labels: int = 20,
    max_name: int = 22,
    title: str = "Entities mentioned together",
) -> Axes:
    """The relation network: nodes sized by mentions and coloured by label, edges by weight.

    Only the ``max_nodes`` best-connected entities are drawn (a bigger
    picture is unreadable), and only the ``top_labels`` best-connected ones are
    named, on a white outline so names stay legible over edges.

    Args:
        graph: a graph from :func:`helpers.relations.relation_graph`.
        layout: ``"spring"``, ``"kamada_kawai"`` or ``"circular"``; the same
            graph and ``seed`` always give the same picture.
    """
    import networkx as nx

    if layout not in NETWORK_LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(NETWORK_LAYOUTS)}, not {layout!r}")
    strength = dict(graph.degree(weight="weight"))
    rank = sorted(graph, key=lambda n: (-strength[n], -graph.nodes[n].get("mentions", 0), str(n)))
    kept = graph.subgraph(rank[:max_nodes])
    with plt.rc_context(RC_PARAMS):
        ax = _axes(ax, (10, 8))
        if kept.number_of_nodes() == 0:
            return _say(ax, "No relation to show with these filters", title=title)
        pos = network_positions(kept, layout=layout, seed=seed)
        nodes = sorted(kept)
        mentions = [kept.nodes[n].get("mentions", 0) or 1 for n in nodes]
        most = max(mentions)
        biggest = 700 * min(1.0, (30 / len(nodes)) ** 0.5)  # smaller discs in a crowded picture
        sizes = [30 + biggest * (m / most) ** 0.5 for m in mentions]
        colors = [LABEL_COLORS.get(kept.nodes[n].get("label"), DEFAULT_COLOR) for n in nodes]
        edges = sorted(kept.edges(data="weight", default=1), key=lambda e: e[2])
        heaviest = max((w for _s, _t, w in edges), default=1)
        nx.draw_networkx_edges(
            kept, pos, ax=ax, edgelist=[(s, t) for s, t, _w in edges],
            width=[0.8 + 4.7 * ((w - 1) / (heaviest - 1)) ** 0.5 if heaviest > 1 else 1.5
                   for _s, _t, w in edges],
            edge_color="#8c8c8c", alpha=0.45,
        )
        nx.draw_networkx_nodes(kept, pos, ax=ax, nodelist=nodes, node_size=sizes, node_color=colors,
                               edgecolors="white", linewidths=0.8)
        ax.set_axis_off()
        ax.margins(0.08)
        more = f" (the best connected) of {len(graph)}" if len(graph) > len(kept) else ""
        ax.set_title(f"{title}: {kept.number_of_nodes()} entities{more}, {kept.number_of_edges()} pairs")
        _label_legend(ax, [kept.nodes[n].get("label") for n in nodes], loc="upper left",
                      bbox_to_anchor=(1.0, 1.0), marker=True, extra="line width:\ntimes together")
        ax.figure.tight_layout()
        named = [n for n in rank if n in kept][:top_labels]
        _place_labels(ax, [(pos[n], _shorten(str(kept.nodes[n].get("name", n)), max_name)) for n in named])
    return ax


#: Where a node name may go: above, else below its node (points, alignment).
NODE_LABEL_OFFSETS = ((0, 7, "center", "bottom"), (0, -7, "center", "top"))


def _place_labels(
    ax: Axes,
    labels: list[tuple[tuple[float, float], str]],
    *,
    offsets: tuple[tuple[float, float, str, str], ...] = NODE_LABEL_OFFSETS,
    fontsize: float = 8,
    box: bool = True,
) -> list:
    """Write labels in priority order, each at the first of ``offsets`` where it covers no other.

    A label that would cover one already placed wherever it goes is left out:
    fewer labels, all readable. Returns the annotations placed.
    """
    import matplotlib.patheffects as effects

    renderer = ax.figure.canvas.get_renderer()
    placed, notes = [], []
    outline = [effects.withStroke(linewidth=3, foreground="white")]
    frame = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.6} if box else None
    for (x, y), text in labels:
        for dx, dy, ha, va in offsets:
            note = ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha,
                               va=va, fontsize=fontsize, color="#111111", path_effects=outline, zorder=5,
                               bbox=frame)
            extent = note.get_window_extent(renderer).expanded(1.05, 1.1)
            if not any(extent.overlaps(other) for other in placed):
                placed.append(extent)
                notes.append(note)
                break
            note.remove()
    return notes


def network_positions(graph, *, layout: str = "spring", seed: int = 7) -> dict:
    """Node positions for :func:`draw_network`, independent of the graph's insertion order.

    Spring and Kamada–Kawai lay out each connected group on its own, then pack
    the groups biggest first, so a few stray pairs cannot squeeze the main network.
    """
    import networkx as nx

    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes(data=True), key=lambda item: str(item[0])))
    ordered.add_edges_from(sorted(graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))))
    if layout == "circular" or len(ordered) <= 2:
        # Entities of one label sit together around the circle.
        return nx.circular_layout(sorted(ordered, key=lambda n: (str(ordered.nodes[n].get("label")), str(n))))
    groups = sorted(nx.connected_components(ordered), key=lambda c: (-len(c), min(map(str, c))))
    placed = []
    for group in groups:
        part = ordered.subgraph(sorted(group, key=str))
        if len(part) <= 2:
            pos = nx.circular_layout(list(part))
        elif layout == "kamada_kawai":
            pos = _stress_layout(part, seed=seed)
        else:
            pos = nx.spring_layout(part, seed=seed, weight="weight", k=2.0 / len(part) ** 0.5, iterations=120)
        placed.append(pos)
    return _pack(placed)


def _pack(groups: list[dict]) -> dict:
    """Place laid-out groups (largest first) in rows, each scaled by the root of its size."""
    import numpy as np

    largest = len(groups[0])
    pad = 0.3
    boxes = []
    for group in groups:
        coords = np.array([group[n] for n in group], dtype=float).reshape(len(group), 2)
        coords -= (coords.max(axis=0) + coords.min(axis=0)) / 2
        coords *= max((len(group) / largest) ** 0.5, 0.25) / max(np.abs(coords).max(), 1e-9)
        boxes.append((coords, coords.max(axis=0) - coords.min(axis=0) + pad))
    width = max(boxes[0][1][0], sum(w * h for _c, (w, h) in boxes) ** 0.5 * 1.2)
    result, x, y, row = {}, 0.0, 0.0, 0.0
    for group, (coords, (w, h)) in zip(groups, boxes):
        if x > 0 and x + w > width:
            x, y, row = 0.0, y - row, 0.0
        for node, xy in zip(group, coords):
            result[node] = xy + np.array([x + w / 2, y - h / 2])
        x, row = x + w, max(row, h)
    return result


def _stress_layout(graph, *, seed: int, iterations: int = 300) -> dict:
    """Kamada–Kawai's layout: minimise its energy (stress weighted by 1/d²) by majorization.

    Done with numpy alone (networkx's version needs scipy). Unconnected entities,
    should any be given, are kept one step further apart than the graph's diameter.
    """
    import networkx as nx
    import numpy as np

    nodes = list(graph)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    dist = np.full((n, n), np.nan)
    for source, lengths in nx.all_pairs_shortest_path_length(graph):
        for target, d in lengths.items():
            dist[index[source], index[target]] = d
    dist[np.isnan(dist)] = np.nanmax(dist) + 1
    weights = np.zeros_like(dist)
    off = ~np.eye(n, dtype=bool)
    weights[off] = dist[off] ** -2.0
    laplacian = -weights
    laplacian[np.diag_indices(n)] = weights.sum(axis=1)
    ones = np.full((n, n), 1.0 / n)
    pseudo = np.linalg.inv(laplacian + ones) - ones
    coords = np.random.default_rng(seed).random((n, 2))
    for _ in range(iterations):
        gaps = np.linalg.norm(coords[:, None, :] - coords[None, :, :], axis=-1)
        with np.errstate(divide="ignore", invalid="ignore"):
            b = np.where(gaps > 1e-9, -weights * dist / gaps, 0.0)
        b[np.diag_indices(n)] = -b.sum(axis=1)
        updated = pseudo @ (b @ coords)
        if np.abs(updated - coords).max() < 1e-5:
            coords = updated
            break
        coords = updated
    coords -= coords.mean(axis=0)
    coords /= max(np.abs(coords).max(), 1e-9)
    return {node: coords[i] for i, node in enumerate(nodes)}


def _label_legend(ax: Axes, labels, *, marker: bool = False, extra: str = "", **kwargs) -> None:
    """A legend of the labels present, in the order of :data:`LABEL_COLORS`."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    present = set(pd.Series(list(labels)).dropna())
    handles = [
        Line2D([], [], marker="o", linestyle="", markersize=8, color=color, label=label) if marker
        else Patch(color=color, label=label)
        for label, color in LABEL_COLORS.items() if label in present
    ]
    if extra:
        handles.append(Line2D([], [], color="#8c8c8c", linewidth=3, label=extra))
    if handles:
        ax.legend(handles=handles, fontsize=8, frameon=False, **kwargs)


def _say(ax: Axes, message: str, *, title: str) -> Axes:
    """Write ``message`` in an empty figure, so an empty selection still says why."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, wrap=True)
    ax.set_title(title)
    ax.set_axis_off()
    return ax
