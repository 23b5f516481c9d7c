"""ipywidgets wiring, one small function per view, each called in one line.

Every function returns a :class:`View`: a live widget in JupyterLab that also
carries a static rendering of its current state (HTML, or a PNG figure), so the
executed notebook and the HTML report show the default view without a kernel.
Its parts are reachable as ``.controls`` (a dict of input widgets) and
``.output`` so tests can drive them without a browser.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable

import ipywidgets as W
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, display
from matplotlib.figure import Figure

from helpers.views import article_html

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


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

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        data = dict(data)
        data.update(self.static_bundle())
        data.pop("text/plain", None)
        data["text/plain"] = "(interactive view; static rendering attached)"
        return data


def figure_png(fig: Figure) -> str:
    """A figure as base64 PNG, for static bundles."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def make_view(
    controls: dict[str, W.Widget],
    render: Callable[[], object],
    *,
    layout_controls: list[W.Widget] | None = None,
) -> View:
    """Wire ``controls`` to ``render`` and return the view.

    ``render()`` returns either a matplotlib Figure or an HTML string for the
    current control values; it is shown in the output area on every change and
    also gives the static rendering.
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
    refresh()
    box_children = layout_controls if layout_controls is not None else list(controls.values())
    return View([*box_children, output], controls=controls, output=output, static=static)


def article_reader(articles: pd.DataFrame) -> View:
    """Pick an article by title and read its metadata and body (escaped)."""
    options = [
        (f"{t[:90]} [{lang}]", aid)
        for aid, t, lang in zip(articles["article_id"], articles["title"], articles["lang"])
    ]
    picker = W.Dropdown(options=options, description="Article", layout=W.Layout(width="95%"))
    by_id = articles.set_index("article_id")

    def render() -> str:
        if picker.value is None:
            return "<p>No article loaded.</p>"
        row = by_id.loc[picker.value].copy()
        row["article_id"] = picker.value
        return article_html(row)

    return make_view({"article": picker}, render)
