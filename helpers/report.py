"""The report: execute every notebook headless and render it to static HTML.

Pages carry no script at all and embed their figures, so the report reads
offline from disk and article text can never run in it.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import sys
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import nbformat
import pandas as pd
import papermill
from markupsafe import Markup
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor

from helpers import pages as html_pages
from helpers.pages import Table
from helpers.paths import NOTEBOOKS, NOTEBOOKS_DIR, default_workspace, find_project
from helpers.provenance import (
    Provenance,
    Setting,
    files_read,
    git_commit,
    model_versions,
    now,
    package_versions,
    reproduce_command,
    shown_input,
)
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
    single_file: Path | None = None
    single_file_only: bool = False

    def summary(self) -> str:
        lines = [f"{self.articles} articles loaded; {0 if self.skipped is None else len(self.skipped)} items skipped."]
        if self.skipped is not None:
            for path, reason in zip(self.skipped["path"], self.skipped["reason"]):
                lines.append(f"  skipped {path}: {reason}")
        if not self.single_file_only:
            lines.append(f"Report: {self.out_dir / 'index.html'}")
            lines.append(f"Pages: {', '.join(p.name for p in self.pages)}")
            lines.append(f"Data: {self.out_dir / 'data'} ({len(self.data_files)} files)")
        if self.single_file is not None:
            size = self.single_file.stat().st_size
            lines.append(f"Single file: {self.single_file} ({html_pages.human_size(size)}, {size:,} bytes)")
        return "\n".join(lines)


def notebook_paths(folder: Path | None = None) -> list[Path]:
    """The numbered notebooks, in order: those of ``folder``, else of the project run from.

    The project is the copy of the kit the current folder belongs to
    (:func:`helpers.paths.find_project`); outside any, the installed kit's notebooks.
    """
    if folder is None:
        folder = find_project() / NOTEBOOKS_DIR
        if not any(folder.glob("[0-9][0-9]_*.ipynb")):
            folder = NOTEBOOKS
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
    single_file_only: bool = False,
) -> ReportResult:
    """Execute the notebooks in order on ``inputs`` and write the report to ``out_dir``.

    ``notebooks`` defaults to the project's numbered notebooks, in order.
    ``processes`` (0: every available core) and ``scheduler`` (a Dask scheduler
    address, or empty) reach the notebooks that tag through their parameters.
    The report is ``index.html``, one page per notebook and ``data/``, and also
    the whole of it in one file, ``dossier-report.html``; ``single_file_only``
    keeps that file alone (the rest is built in a scratch folder inside
    ``out_dir``, removed at the end).

    Raises:
        NotebookFailed: a notebook raised; its partial HTML page is kept.
        helpers.pipeline.NoArticles: not one article was loaded; no page is written.
    """
    from helpers.pipeline import export_data

    out = Path(out_dir).resolve()
    final = out
    if single_file_only:
        out = final / ".dossier-build"
        shutil.rmtree(out, ignore_errors=True)
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
    result = ReportResult(out_dir=final, single_file_only=single_file_only)
    with static_views_mode():
        _run_notebooks(notebooks or notebook_paths(), values, out, executed_dir, result,
                       show_code=show_code, timeout=timeout, progress=progress, private=private)
    result.data_files = export_data(workspace, out / "data")
    articles = workspace.read_table("articles")
    result.articles = len(articles)
    result.skipped = workspace.read_table("skipped")
    settings = [
        Setting("max_mb", values["max_mb"], 20.0),
        Setting("watchlist", shown_input(watchlist) if watchlist else "", ""),
        Setting("workspace", shown_input(workspace.path), shown_input(default_workspace())),
        Setting("show_code", show_code, False),
        Setting("timeout", timeout, 1800),
    ]
    made = provenance(workspace, inputs, settings=settings, out=shown_input(final),
                      single_file_only=single_file_only, watchlist=watchlist)
    overview, extra_files = index_overview(workspace, out / "data")
    result.data_files += extra_files
    write_index(workspace, out, pages=result.pages, data_files=result.data_files, overview=overview, made=made)
    result.single_file = write_single_file(
        workspace, final / html_pages.SINGLE_FILE, pages=result.pages, data_files=result.data_files,
        overview=overview, made=made,
    )
    if single_file_only:
        shutil.rmtree(out)
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
            if err.ename == "NoArticles":  # nothing loaded: no report at all, one line saying why
                from helpers.pipeline import NoArticles

                executed.unlink(missing_ok=True)
                raise NoArticles(err.evalue) from None
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


def index_tables(workspace: Workspace) -> dict[str, pd.DataFrame]:
    """The workspace tables the index quotes, by name (those the workspace has)."""
    return {name: workspace.read_table(name) for name in INDEX_TABLES if workspace.has_table(name)}


def provenance(workspace: Workspace, inputs: list[str], *, settings: list[Setting], out: str,
               single_file_only: bool = False, watchlist: str | None = None) -> Provenance:
    """What the "How this report was made" section says, from the workspace and this run's settings."""
    from helpers import __version__
    from helpers.overview import corpus_counts
    from helpers.pipeline import load_curation

    articles = workspace.read_table("articles")
    skipped = workspace.read_table("skipped") if workspace.has_table("skipped") else pd.DataFrame(columns=["path", "reason"])
    counts = corpus_counts(articles, skipped)
    shown = [shown_input(p) for p in inputs]
    made = Provenance(
        made_at=now(),
        inputs=[Path(p).expanduser().resolve().name for p in inputs],
        articles=len(articles),
        files_read=files_read(articles),
        # The tables already name files relative to their input (helpers.articles.shown_path).
        skipped=list(zip(skipped["path"], skipped["reason"])),
        models=model_versions(counts.languages),
        kit_version=__version__,
        commit=git_commit(),
        packages=package_versions(),
        settings=settings,
        curation=load_curation(workspace),
        command=reproduce_command(shown, settings, out=out, single_file_only=single_file_only),
    )
    if workspace.has_table("screening_lists"):
        for row in workspace.read_table("screening_lists").to_dict("records"):
            made.details.append(("Sanctions list", _describe_list(row)))
    if watchlist:
        path = Path(watchlist)
        entries = _count_watchlist(path)
        dated = datetime.fromtimestamp(path.stat().st_mtime).date().isoformat()
        made.details.append(("Watchlist", f"{path.name}: {entries} names, file dated {dated}"))
    return made


def _describe_list(row: dict) -> str:
    """One screening list as the provenance names it: its name, date and size, from whichever columns it has."""
    name = row.get("name") or row.get("list") or "list"
    # a list's source is a local path: the report names only its file or folder
    shown = {**row, "source": Path(str(row["source"])).name} if row.get("source") else row
    facts = [f"{key} {shown[key]}" for key in ("date", "entries", "source") if shown.get(key) not in (None, "")]
    return f"{name}: {', '.join(facts)}" if facts else str(name)


def _count_watchlist(path: Path) -> int:
    from helpers.entities import load_watchlist

    return len(load_watchlist(str(path)).entries)


def index_overview(workspace: Workspace, data_dir: Path) -> tuple[dict, list[Path]]:
    """The index's pictures and tables, and the CSV file behind each, written to ``data_dir``."""
    from helpers.overview import (
        PAIR_COLUMNS,
        corpus_counts,
        person_organisation_pairs,
        threshold_rows,
        top_people_and_organisations,
    )
    from helpers.pages import Figure
    from helpers.plots import draw_network, draw_top_entities
    from helpers.relations import relation_graph

    articles = workspace.read_table("articles")
    skipped = workspace.read_table("skipped") if workspace.has_table("skipped") else None
    titles = dict(zip(articles["article_id"], articles["title"]))
    context: dict = {"counts": corpus_counts(articles, skipped), "top_figure": None, "pairs_figure": None,
                     "thresholds": None, "screening": None}
    written: list[Path] = []

    def write_csv(frame: pd.DataFrame, name: str) -> str:
        frame.to_csv(data_dir / name, index=False)
        written.append(data_dir / name)
        return name

    if workspace.has_table("entities"):
        entities = workspace.read_table("entities")
        top = top_people_and_organisations(entities, top=10)
        ax = draw_top_entities(entities, labels=("PER", "ORG"), top=10)
        ax.set_title(f"Top {len(top)} people and organisations by mentions")
        context["top_figure"] = Figure(
            f"The {len(top)} people and organisations mentioned most", _png(ax),
            write_csv(top, "top_people_organisations.csv"),
            alt="Bar chart of the most mentioned people and organisations",
        )
        if workspace.has_table("relations"):
            pairs = person_organisation_pairs(workspace.read_table("relations"), entities, top=15)
            ax = draw_network(relation_graph(pairs, entities), top_labels=40, max_name=28,
                              title="Strongest person–organisation relations")
            context["pairs_figure"] = Figure(
                f"The {len(pairs)} person–organisation pairs named together most often; "
                "line width: sentences together", _png(ax),
                write_csv(pairs[PAIR_COLUMNS], "person_organisation_relations.csv"),
                alt="Network of people and organisations named together",
            )
    if workspace.has_table("amounts"):
        found = threshold_rows(workspace.read_table("amounts"), titles)
        context["thresholds"] = Table(
            ["Amount", "Value", "Currency", "Direction", "Sanctions context", "Article", "Sentence"],
            found.head(INDEX_ROWS).values.tolist(), len(found), write_csv(found, "thresholds.csv"),
            quote_columns=("Sentence",),
        )
    context["screening"] = _screening_table(workspace, data_dir, titles, write_csv)
    context["screening_section"] = Markup(_screening_section(workspace))
    return context, written


#: Rows an index table shows; the CSV beside it has them all.
INDEX_ROWS = 200
#: Columns of a screening table the index shows, when the table has them (otherwise all).
SCREENING_SHOWN = ("entity_name", "label", "list", "list_entry_name", "score", "status", "article_id", "sentence")


def _screening_table(workspace: Workspace, data_dir: Path, titles: dict[str, str],
                     write_csv: Callable[[pd.DataFrame, str], str]) -> Table | None:
    """Candidate sanctions-list matches, when a screening table (or ``screening.csv``) exists."""
    csv = data_dir / "screening.csv"
    if workspace.has_table("screening"):
        frame = workspace.read_table("screening")
    elif csv.exists():
        frame = pd.read_csv(csv, dtype=str, keep_default_na=False)
    else:
        return None
    name = csv.name if csv.exists() else write_csv(frame, csv.name)
    shown = [c for c in SCREENING_SHOWN if c in frame.columns] or list(frame.columns)
    view = frame[shown].copy()
    if "article_id" in view.columns:
        view["article_id"] = [titles.get(a, a) for a in view["article_id"]]
        view = view.rename(columns={"article_id": "article"})
    return Table([c.replace("_", " ") for c in view.columns], view.head(INDEX_ROWS).values.tolist(), len(view),
                 name, quote_columns=("sentence",))


def _png(ax) -> bytes:
    """The Axes' figure as PNG bytes; the figure is closed."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    ax.figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    plt.close(ax.figure)
    return buffer.getvalue()


def write_index(workspace: Workspace, out: Path, *, pages: list[Path], data_files: list[Path],
                overview: dict, made: Provenance) -> Path:
    """Write ``index.html``: the pictures first, then the details, the pages, the data and the provenance."""
    from helpers.views import index_sections

    target = out / "index.html"
    target.write_text(html_pages.render(
        "index.html.j2",
        **overview,
        details=Markup(index_sections(index_tables(workspace), thresholds=False)),
        pages=[{"href": p.name, "title": _page_label(p)} for p in pages],
        data_files=[{"name": p.name, "size": p.stat().st_size} for p in data_files],
        p=made, p_details=made.details, single_file=html_pages.SINGLE_FILE,
    ), encoding="utf-8")
    return target


def write_single_file(workspace: Workspace, target: Path, *, pages: list[Path], data_files: list[Path],
                      overview: dict, made: Provenance) -> Path:
    """Write the whole report as one self-contained HTML file (see :mod:`helpers.pages`)."""
    from helpers.views import index_sections

    files = {f.name: f.uri for f in html_pages.embed_files(data_files)}
    anchors = {p.name: html_pages.section_anchor(p.name) for p in pages}
    anchors["index.html"] = "contents"  # each page's "Report index" link
    styles, sections = [], []
    for page in pages:
        page_styles, attrs, body = html_pages.split_page(page.read_text(encoding="utf-8"))
        styles.append(page_styles)
        anchor = anchors[page.name]
        sections.append(html_pages.Section(
            anchor, _page_title(page), html_pages.localise(body, prefix=anchor + "-", pages=anchors, files=files),
            {k: v for k, v in attrs.items() if k == "class" or k.startswith("data-jp-")},
        ))

    def local(fragment: str) -> Markup:
        return html_pages.localise(fragment, prefix="", pages=anchors, files=files)

    target.write_text(html_pages.render(
        "single.html.j2",
        styles=[Markup(s.replace("</", "<\\/")) for s in html_pages.common_styles(styles)],
        overview=local(html_pages.render("overview.html.j2", **overview)),
        details=local(index_sections(index_tables(workspace), thresholds=False)),
        sections=sections,
        data_files=[html_pages.DataFile(f.name, files[f.name], f.stat().st_size) for f in data_files],
        p=made, p_details=made.details,
    ), encoding="utf-8")
    return target


#: Columns of the screening step's table that its index section quotes.
SECTION_COLUMNS = {"entity_id", "entity_name", "label", "list", "list_date", "list_entry_id", "list_entry_name",
                   "programs", "score", "name_only", "status", "article_id", "sentence"}


def _screening_section(workspace: Workspace) -> str:
    """The index's "Possible sanctions-list matches": candidates to verify, with list name and date."""
    if not (workspace.has_table("screening") and workspace.has_table("screening_lists")):
        return ""
    screening, lists = workspace.read_table("screening"), workspace.read_table("screening_lists")
    if not (SECTION_COLUMNS <= set(screening.columns) and {"list", "entries", "skipped"} <= set(lists.columns)):
        return ""  # not written by the screening step: the generic table shows it
    from helpers.screening.views import screening_section_html

    titles = dict(zip(*(workspace.read_table("articles")[c] for c in ("article_id", "title"))))
    return screening_section_html(screening, lists, titles)


def _page_label(page: Path) -> str:
    return page.stem.replace("_", " ", 1).replace("_", " ")


def _page_title(page: Path) -> str:
    """A notebook page's title: its first heading (``01 · Load articles``), else its label."""
    nb = page.parent / "notebooks" / (page.stem + ".ipynb")
    if nb.exists():
        return _title(nbformat.read(nb, as_version=4), nb)
    return _page_label(page)
