"""Notebooks: committed clean; notebook 01 alone and the whole report run headless on the seeds."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from helpers.articles import NOT_ARTICLES, SUPPORTED_SUFFIXES
from helpers.paths import NOTEBOOKS, PROJECT_ROOT, SEEDS

NOTEBOOK_FILES = sorted(NOTEBOOKS.glob("*.ipynb"))
LOAD_NOTEBOOK = NOTEBOOKS / "01_load_articles.ipynb"
#: Article files in seeds/, counted from the folder: every supported file that is not documentation.
SEED_ARTICLES = sum(1 for p in SEEDS.iterdir() if p.is_file() and p.suffix in SUPPORTED_SUFFIXES
                    and p.name.lower() not in NOT_ARTICLES)
PAYLOAD = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


# Structure of every committed notebook ------------------------------------------------


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=[p.name for p in NOTEBOOK_FILES])
def test_notebook_is_committed_clean(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.cells[0].cell_type == "markdown"
    assert nb.cells[0].source.lstrip().startswith("# ")
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1
    first_code = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    assert tagged == [first_code]
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == []
            assert cell.execution_count is None
    assert "widgets" not in nb.metadata


def test_notebooks_exist_and_are_numbered():
    assert LOAD_NOTEBOOK in NOTEBOOK_FILES
    for path in NOTEBOOK_FILES:
        assert path.name[:2].isdigit() and path.name[2] == "_"


# Executing notebook 01 ------------------------------------------------------------------


def execute(inputs: Path, base: Path) -> tuple[Path, Path]:
    """Run notebook 01 on ``inputs`` with papermill; return (executed notebook, workspace)."""
    import papermill

    from helpers.report import static_views_mode

    executed, workspace = base / "01_executed.ipynb", base / "workspace"
    with static_views_mode():  # as `python -m helpers report` runs it
        papermill.execute_notebook(
            str(LOAD_NOTEBOOK),
            str(executed),
            parameters={"inputs": [str(inputs)], "workspace": str(workspace)},
            cwd=str(NOTEBOOKS),
            kernel_name="python3",
            progress_bar=False,
            execution_timeout=300,
        )
    return executed, workspace


def html_payloads(node) -> list[str]:
    """Every ``text/html`` value anywhere in ``node`` (outputs, and Output widgets' stored state).

    Other widget state (a dropdown's option labels) is shown by the browser as text, not HTML.
    """
    if isinstance(node, dict):
        found = []
        for key, value in node.items():
            if key == "text/html":
                found.append(value if isinstance(value, str) else "".join(value))
            else:
                found.extend(html_payloads(value))
        return found
    if isinstance(node, list):
        return [html for item in node for html in html_payloads(item)]
    return []


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory):
    return execute(SEEDS, tmp_path_factory.mktemp("nb01_seeds"))


@pytest.fixture(scope="module")
def script_run(tmp_path_factory):
    """Notebook 01 on a copy of the seeds plus an article carrying a script in its title and body."""
    base = tmp_path_factory.mktemp("nb01_script")
    inputs = shutil.copytree(SEEDS, base / "inputs")
    # Named to sort first, so it is also the article the reader widget opens on.
    (inputs / "000_0_script.txt").write_text(
        f"Breaking {PAYLOAD} news\n"
        f"The article body carries {PAYLOAD} in the middle of a sentence about a bank transfer "
        "that investigators traced to an account in Cyprus.\n",
        encoding="utf-8",
    )
    return execute(inputs, base)


@pytest.mark.notebook
def test_notebook_01_runs_on_seeds(seeds_run):
    executed, _workspace = seeds_run
    nb = nbformat.read(executed, as_version=4)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    assert all(c.execution_count for c in nb.cells if c.cell_type == "code")


@pytest.mark.notebook
def test_notebook_01_writes_seed_articles_to_workspace(seeds_run):
    from helpers.workspace import Workspace

    _executed, workspace = seeds_run
    ws = Workspace(workspace)
    articles = ws.read_table("articles")
    assert len(articles) == SEED_ARTICLES
    assert articles["article_id"].is_unique
    assert {Path(p).name for p in articles["path"]} == {
        p.name for p in SEEDS.iterdir() if p.suffix in (".txt", ".md") and p.name != "SOURCES.md"
    }
    assert set(articles["lang"]) == {"en", "fr"}
    assert ws.read_table("skipped")["path"].map(lambda p: Path(p).name).tolist() == ["SOURCES.md"]


@pytest.mark.notebook
def test_notebook_01_escapes_article_html_in_outputs(script_run):
    from helpers.workspace import Workspace

    executed, workspace = script_run
    assert len(Workspace(workspace).read_table("articles")) == SEED_ARTICLES + 1
    nb = nbformat.read(executed, as_version=4)
    html = "\n".join(html_payloads(nb))
    assert ESCAPED in html  # shown, escaped, in the articles table and the reader
    assert "<script>alert" not in html
    assert "<script" not in html


@pytest.mark.notebook
def test_notebook_01_report_page_escapes_article_html(script_run, tmp_path):
    from helpers.report import render_html

    executed, _workspace = script_run
    page = render_html(executed, tmp_path / "01.html").read_text(encoding="utf-8")
    assert ESCAPED in page
    assert "<script>alert" not in page
    assert "<script" not in page.lower()


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    """``python -m helpers report seeds`` run once: every notebook executed headless."""
    base = tmp_path_factory.mktemp("seeds_report")
    done = subprocess.run(
        [sys.executable, "-m", "helpers", "report", str(PROJECT_ROOT / "seeds"), "--out", str(base / "report"),
         "--workspace", str(base / "ws"), "--quiet", "--timeout", "300"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=1200,
    )
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    return base / "report", done.stdout


def test_report_on_seeds_executes_every_notebook_without_error(seeds_report):
    out, _stdout = seeds_report
    notebooks = sorted((PROJECT_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert [p.name for p in notebooks] == sorted(set(re.findall(r"notebooks/(\d\d_\w+\.ipynb)", readme)))
    for notebook in notebooks:
        assert (out / f"{notebook.stem}.html").is_file()
        executed = nbformat.read(out / "notebooks" / notebook.name, as_version=4)
        errors = [o for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", [])
                  if o.get("output_type") == "error"]
        assert not errors, f"{notebook.name}: {errors[0].get('ename')}: {errors[0].get('evalue')}"


def test_report_on_seeds_writes_data_and_index(seeds_report):
    out, stdout = seeds_report
    names = {p.name for p in (out / "data").iterdir()}
    assert {"articles.csv", "skipped.csv", "mentions.csv", "entities.csv", "amounts.csv", "relations.csv",
            "graph.graphml", "graph.gexf"} <= names
    index = (out / "index.html").read_text(encoding="utf-8")
    # The sample's sanctions threshold, with its article title and quoted sentence.
    assert "EUR 10 000" in index
    assert "Le responsable régional de Binance a accepté de transmettre" in index
    assert "crypto-actifs dépassant la valeur de EUR 10 000 (10 900 USD)" in index
    for notebook in sorted((PROJECT_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        assert f'href="{notebook.stem}.html"' in index
    assert f"{SEED_ARTICLES} articles loaded" in stdout

