"""Matplotlib figures. Every ``draw_*`` takes ``ax=None`` and returns the Axes.

Styling lives in :data:`RC_PARAMS` and :data:`LABEL_COLORS`, applied with
``plt.rc_context``; nothing here calls ``plt.show()``.
"""

from __future__ import annotations

import matplotlib

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

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
        sources = articles["source"].replace("", "(unknown)").map(lambda s: s if len(s) <= 45 else s[:44] + "…")
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
        titles = dict(zip(articles["article_id"], articles["title"]))
        order = list(dict.fromkeys(valued["article_id"]))
        ax = _axes(ax, (9, max(2.5, 0.4 * len(order) + 1.5)))
        if valued.empty:
            ax.text(0.5, 0.5, "No amount with a value in this selection", ha="center", va="center",
                    transform=ax.transAxes)
            ax.set_axis_off()
            return ax
        y_of = {aid: i for i, aid in enumerate(order)}
        for direction, marker in DIRECTION_MARKERS.items():
            part = valued[valued["threshold"].fillna("") == direction]
            if part.empty:
                continue
            colors = ["#d62728" if s else DEFAULT_COLOR for s in part["sanctions_context"].astype(bool)]
            ax.scatter(part["value"], [y_of[a] for a in part["article_id"]], marker=marker, s=60,
                       c=colors, label={"above": "threshold: above", "below": "threshold: below", "": "amount"}[direction],
                       edgecolors="white", linewidths=0.5, zorder=3)
            for value, aid, cur in zip(part["value"], part["article_id"], part["currency"]):
                ax.annotate(str(cur or ""), (value, y_of[aid]), xytext=(4, 4), textcoords="offset points", fontsize=7)
        ax.set_xscale("log")
        ax.set_yticks(range(len(order)))
        ax.set_yticklabels([_shorten(titles.get(a, a), max_title) for a in order])
        ax.set_xlabel("value (log scale, in each amount's own currency)")
        ax.set_title("Amounts per article (red: sanctions context)")
        ax.grid(axis="x", alpha=0.3)
        ax.legend(loc="lower right", fontsize=8)
        ax.figure.tight_layout()
    return ax


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
    return text if len(text) <= limit else text[: limit - 1] + "…"
