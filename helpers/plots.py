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
