"""The report: execute every notebook headless and render it to static HTML.

Pages carry no script at all and embed their figures, so the report reads
offline from disk and article text can never run in it.
"""

from __future__ import annotations

import logging
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pandas as pd
import papermill
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor

from helpers.paths import NOTEBOOKS
from helpers.workspace import Workspace

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent / "templates"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
#: The Jupyter kernel the notebooks run in (``make setup`` installs it into the environment).
KERNEL_NAME = "python3"


class NotebookFailed(RuntimeError):
    """A notebook raised an error; the message names the notebook and the cell."""


@dataclass
class ReportResult:
    out_dir: Path
    pages: list[Path] = field(default_factory=list)
    data_files: list[Path] = field(default_factory=list)
    articles: int = 0
    skipped: pd.DataFrame | None = None

    def summary(self) -> str:
        lines = [f"{self.articles} articles loaded; {0 if self.skipped is None else len(self.skipped)} items skipped."]
        if self.skipped is not None:
            for path, reason in zip(self.skipped["path"], self.skipped["reason"]):
                lines.append(f"  skipped {path}: {reason}")
        lines.append(f"Report: {self.out_dir / 'index.html'}")
        lines.append(f"Pages: {', '.join(p.name for p in self.pages)}")
        lines.append(f"Data: {self.out_dir / 'data'} ({len(self.data_files)} files)")
        return "\n".join(lines)


def notebook_paths(folder: Path = NOTEBOOKS) -> list[Path]:
    """The numbered notebooks, in order."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb"))


class DropWidgets(Preprocessor):
    """Remove live widgets and their state, keeping the static rendering each view carries."""

    def preprocess(self, nb, resources):
        nb.metadata.pop("widgets", None)
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        if cell.get("cell_type") == "code":
            kept = []
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if WIDGET_MIME in data:
                    data.pop(WIDGET_MIME)
                    if set(data) <= {"text/plain"}:
                        continue
                kept.append(output)
            cell.outputs = kept
        return cell, resources


def _execute(notebook: Path, executed: Path, parameters: dict, *, timeout: int) -> None:
    """Run one notebook with papermill; a cell that times out gets the notebook one more run.

    A kernel now and then drops a reply and the client waits for it forever: the
    per-cell timeout turns that into an error, and the second run usually passes.
    """
    for attempt in (1, 2):
        try:
            papermill.execute_notebook(
                str(notebook),
                str(executed),
                parameters=parameters,
                cwd=str(notebook.parent),
                kernel_name=KERNEL_NAME,
                execution_timeout=timeout,
                progress_bar=False,
                log_output=False,
            )
            return
        except TimeoutError:
            if attempt == 2:
                raise
            log.warning("%s: a cell ran longer than %s s; running the notebook again", notebook.name, timeout)


def render_html(notebook: Path, target: Path, *, show_code: bool = False) -> Path:
    """Render an executed notebook to a script-free HTML page."""
    nb = nbformat.read(notebook, as_version=4)
    exporter = HTMLExporter(
        template_name="dossier",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    exporter.register_preprocessor(DropWidgets(), enabled=True)
    body, _resources = exporter.from_notebook_node(nb, resources={"metadata": {"name": _title(nb, notebook)}})
    target.write_text(body, encoding="utf-8")
    return target


def _title(nb, path: Path) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return path.stem


def build_report(
    inputs: list[str],
    *,
    out_dir: str | os.PathLike,
    workspace: Workspace,
    max_bytes: int | None = None,
    watchlist: str | None = None,
    show_code: bool = False,
    timeout: int = 1800,
    progress: bool = True,
    notebooks: list[Path] | None = None,
    processes: int = 0,
    scheduler: str = "",
    lists: list[str] | None = None,
    min_score: float | None = None,
    algorithm: str | None = None,
) -> ReportResult:
    """Execute the notebooks in order on ``inputs`` and write the report to ``out_dir``.

    ``notebooks`` defaults to the project's numbered notebooks, in order.
    ``processes`` (0: every available core) and ``scheduler`` (a Dask scheduler
    address, or empty) reach the notebooks that tag through their parameters.

    Raises:
        NotebookFailed: a notebook raised; its partial HTML page is kept.
    """
    from helpers.pipeline import export_data

    out = Path(out_dir).resolve()
    executed_dir = out / "notebooks"
    executed_dir.mkdir(parents=True, exist_ok=True)
    private = private_prefixes(inputs, workspace=workspace.path, out=out, watchlist=watchlist)
    values = {
        "inputs": [str(Path(p).expanduser().resolve()) for p in inputs],
        "workspace": str(workspace.path),
        "max_mb": (max_bytes or 20 * 1024 * 1024) / 1024 / 1024,
        "watchlist": str(Path(watchlist).resolve()) if watchlist else "",
        "processes": processes,
        "scheduler": scheduler,
        "lists": [str(Path(p).expanduser().resolve()) for p in lists or []],
    }
    if min_score is not None:
        values["min_score"] = float(min_score)
    if algorithm:
        values["algorithm"] = algorithm
    result = ReportResult(out_dir=out)
    with static_views_mode():
        _run_notebooks(notebooks or notebook_paths(), values, out, executed_dir, result,
                       show_code=show_code, timeout=timeout, progress=progress, private=private)
    result.data_files = export_data(workspace, out / "data")
    articles = workspace.read_table("articles")
    result.articles = len(articles)
    result.skipped = workspace.read_table("skipped")
    write_index(workspace, out, pages=result.pages, data_files=result.data_files)
    return result


@contextmanager
def static_views_mode():
    """Kernels started inside render widget views statically (see ``helpers.widgets``)."""
    from helpers.widgets import STATIC_VIEWS_ENV

    before = os.environ.get(STATIC_VIEWS_ENV)
    os.environ[STATIC_VIEWS_ENV] = "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(STATIC_VIEWS_ENV, None)
        else:
            os.environ[STATIC_VIEWS_ENV] = before


def private_prefixes(inputs: list[str], *, workspace: Path, out: Path, watchlist: str | None) -> dict[str, str]:
    """Absolute local paths a shared report must not show, each with what it shows instead.

    Input paths become their own name (the tables show files relative to them),
    the workspace ``workspace``, the report folder ``.``, the project folder
    ``dossier`` and the home folder ``~``. Longest first, so the most precise wins.
    """
    from helpers.paths import PROJECT_ROOT

    shown: dict[str, str] = {}
    for raw in inputs:
        path = Path(raw).expanduser().resolve()
        shown[str(path)] = path.name
    if watchlist:
        path = Path(watchlist).expanduser().resolve()
        shown[str(path)] = path.name
    shown[str(workspace)] = "workspace"
    shown[str(out)] = "."
    shown[str(PROJECT_ROOT)] = "dossier"
    shown[str(Path.home())] = "~"
    return dict(sorted(((k, v) for k, v in shown.items() if k not in ("", "/")), key=lambda kv: -len(kv[0])))


def redact(node, private: dict[str, str]):
    """``node`` (a notebook, or any part of one) with every private prefix replaced."""
    if isinstance(node, str):
        for prefix, shown in private.items():
            if prefix in node:
                node = node.replace(prefix, shown)
        return node
    if isinstance(node, list):
        return [redact(item, private) for item in node]
    if isinstance(node, dict):
        return type(node)((key, redact(value, private)) for key, value in node.items())
    return node


def redact_notebook(path: Path, private: dict[str, str]) -> None:
    """Rewrite an executed notebook without local paths (parameters, outputs, papermill metadata)."""
    nb = nbformat.read(path, as_version=4)
    nbformat.write(nbformat.from_dict(redact(nb, private)), path)


def _run_notebooks(notebooks: list[Path], values: dict, out: Path, executed_dir: Path, result: ReportResult,
                   *, show_code: bool, timeout: int, progress: bool, private: dict[str, str] | None = None) -> None:
    """Execute and render each notebook in order; a failure raises :class:`NotebookFailed`.

    Each executed notebook is cleared of ``private`` local paths before it is rendered.
    """
    private = private or {}
    for notebook in notebooks:
        declared = papermill.inspect_notebook(str(notebook))
        parameters = {k: v for k, v in values.items() if k in declared}
        executed = executed_dir / notebook.name
        page = out / f"{notebook.stem}.html"
        if progress:
            print(f"Running {notebook.name} ...", file=sys.stderr)
        try:
            _execute(notebook, executed, parameters, timeout=timeout)
        except papermill.PapermillExecutionError as err:
            redact_notebook(executed, private)
            render_html(executed, page, show_code=True)
            raise NotebookFailed(
                f"notebook {notebook.name} failed in cell {err.exec_count} "
                f"(cell index {err.cell_index}): {err.ename}: {err.evalue}. "
                f"Partial page kept at {page}"
            ) from err
        except TimeoutError as err:
            if executed.exists():
                redact_notebook(executed, private)
                render_html(executed, page, show_code=True)
            raise NotebookFailed(
                f"notebook {notebook.name} did not finish: a cell ran longer than {timeout} s "
                f"twice (--timeout). Partial page kept at {page}"
            ) from err
        redact_notebook(executed, private)
        result.pages.append(render_html(executed, page, show_code=show_code))


#: Tables the index quotes, when the workspace has them.
INDEX_TABLES = ("articles", "skipped", "entities", "mentions", "amounts", "relations", "relation_evidence")


def write_index(workspace: Workspace, out: Path, *, pages: list[Path], data_files: list[Path]) -> Path:
    """Write ``index.html``: what was run on what, and links to every page and file."""
    from helpers.views import index_page

    tables = {name: workspace.read_table(name) for name in INDEX_TABLES if workspace.has_table(name)}
    page = index_page(
        tables,
        pages=[(p.name, _page_label(p)) for p in pages],
        data_files=[p.name for p in data_files],
    )
    # The screening section goes after the other findings, before the links to the notebooks.
    page = page.replace("<h2>Notebooks</h2>", _screening_section(workspace) + "\n<h2>Notebooks</h2>", 1)
    target = out / "index.html"
    target.write_text(page, encoding="utf-8")
    return target


def _screening_section(workspace: Workspace) -> str:
    """The index's "Possible sanctions-list matches": candidates to verify, with list name and date."""
    if not (workspace.has_table("screening") and workspace.has_table("screening_lists")):
        return ""
    from helpers.screening.views import screening_section_html

    titles = dict(zip(*(workspace.read_table("articles")[c] for c in ("article_id", "title"))))
    return screening_section_html(workspace.read_table("screening"), workspace.read_table("screening_lists"), titles)


def _page_label(page: Path) -> str:
    return page.stem.replace("_", " ", 1).replace("_", " ")
