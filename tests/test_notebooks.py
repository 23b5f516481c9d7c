"""Notebooks: committed clean; notebook 01 alone and the whole report run headless on the seeds."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import CLEAN_CORPUS
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


# Notebooks in any order, never stale ------------------------------------------------------


def run_notebook(name: str, out: Path, **parameters) -> nbformat.NotebookNode:
    """Execute ``notebooks/name`` with papermill as the report does; return the executed notebook."""
    import papermill

    from helpers.report import static_views_mode

    with static_views_mode():
        papermill.execute_notebook(str(NOTEBOOKS / name), str(out), parameters=parameters, cwd=str(NOTEBOOKS),
                                   kernel_name="python3", progress_bar=False, execution_timeout=600)
    executed = nbformat.read(out, as_version=4)
    errors = [o for c in executed.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, f"{name}: {errors[0].get('ename')}: {errors[0].get('evalue')}"
    return executed


def printed(nb: nbformat.NotebookNode) -> str:
    return "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "stream")


def shown_html(nb: nbformat.NotebookNode) -> str:
    return "\n".join(html_payloads([c.get("outputs", []) for c in nb.cells]))


@pytest.fixture(scope="module")
def any_order(tmp_path_factory, clean_corpus):
    """05, then 04 and 03, each opened first on an empty workspace; then 01 on another corpus and 04, 05 again."""
    from helpers.workspace import Workspace

    base = tmp_path_factory.mktemp("any_order")
    runs = {}
    for name in ("05_plot_relationships.ipynb", "04_plot_mentions.ipynb", "03_tag_thresholds.ipynb"):
        ws = base / f"ws_{name[:2]}"
        nb = run_notebook(name, base / f"first_{name}", inputs=[str(SEEDS)], workspace=str(ws))
        written = Workspace(ws)
        rows = {t: len(written.read_table(t)) for t in ("articles", "entities", "amounts", "relations")
                if written.has_table(t)}
        runs[name[:2]] = (nb, rows)
    ws = base / "ws_05"
    run_notebook("01_load_articles.ipynb", base / "01_other.ipynb", inputs=[str(clean_corpus)], workspace=str(ws))
    runs["04 again"] = (run_notebook("04_plot_mentions.ipynb", base / "04_again.ipynb", workspace=str(ws)), None)
    runs["05 again"] = (run_notebook("05_plot_relationships.ipynb", base / "05_again.ipynb",
                                     inputs=[str(SEEDS)], workspace=str(ws)), None)
    runs["workspace"] = ws
    return runs


@pytest.mark.notebook
@pytest.mark.parametrize("first", ["05", "04", "03"])
def test_notebook_opened_first_builds_what_it_needs(any_order, first):
    nb, rows = any_order[first]
    text = printed(nb)
    assert f"No corpus in the workspace yet: loaded {SEED_ARTICLES} articles from seeds" in text
    assert rows["articles"] == SEED_ARTICLES
    if first == "03":
        assert f"Amounts: {rows['amounts']} amounts" in text and rows["amounts"] > 0
    else:
        assert "Computed first, from the workspace's corpus: entities (notebook 02; not run yet" in text
        assert rows["entities"] > 0
    if first == "04":
        assert f"{rows['entities']} entities" in text and f"mentions in {SEED_ARTICLES} articles." in text
    if first == "05":
        assert rows["relations"] > 0 and f"Relations: {rows['relations']} pairs" in text


@pytest.mark.notebook
def test_notebooks_rerun_on_a_new_corpus_describe_it(any_order, clean_corpus):
    from helpers.workspace import Workspace

    ws = Workspace(any_order["workspace"])
    articles, entities = ws.read_table("articles"), ws.read_table("entities")
    assert len(articles) == len(CLEAN_CORPUS)
    corpus_text = "\n".join(articles["text"])
    # 04: recomputed the entities, and its chart data names only entities of the new corpus
    again = any_order["04 again"][0]
    assert "entities (notebook 02; its corpus, watchlist, curation or rules changed since it ran)" in printed(again)
    assert f"mentions in {len(CLEAN_CORPUS)} articles." in printed(again)
    chart = next(h for h in html_payloads(again) if "Data behind the chart" in h)
    rows = re.findall(r"<tr><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td>", chart)  # entity id, name
    names = [html.unescape(name) for _eid, name in rows]
    assert rows and {eid for eid, _name in rows} <= set(entities["entity_id"])
    assert set(names) <= set(entities["name"])
    assert "Changpeng Zhao" in names and "Gleb Kostarev" not in shown_html(again)
    # 05: relations of the new corpus only, with a note that its inputs parameter is not what is loaded
    again = any_order["05 again"][0]
    assert f"the workspace holds the corpus loaded from {clean_corpus.name}, not seeds" in printed(again)
    evidence = ws.read_table("relation_evidence")
    assert set(evidence["article_id"]) <= set(articles["article_id"])
    relations = ws.read_table("relations")
    assert len(relations) and all(name in set(entities["name"]) for name in relations["source"])
    page = shown_html(again)
    assert "Yulia Navalnaya" in page and "Kostarev" not in page
    assert all(e in corpus_text for e in relations["evidence"].str.slice(0, 40))


def first_output_text(notebook) -> str:
    """The text of a notebook's first output, whatever cell gives it."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                return output["text"]
            return "".join(output.get("data", {}).get("text/plain", ""))
    return ""


def test_report_on_seeds_every_notebook_first_prints_its_workspace(seeds_report):
    out, _stdout = seeds_report
    for path in sorted((out / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        first = first_output_text(nbformat.read(path, as_version=4))
        # The report shows the workspace path relative to the input folder (absolute paths are not published).
        assert first.startswith("Workspace: "), f"{path.name}: first output is {first[:80]!r}"


@pytest.mark.notebook
def test_notebook_in_a_second_copy_of_the_kit_uses_that_copy_s_workspace(tmp_path, monkeypatch):
    """One environment, two copies of the kit: the notebooks of the second copy use its own workspace/."""
    import papermill

    from helpers.report import static_views_mode

    kit = tmp_path / "investigation-b"
    shutil.copytree(NOTEBOOKS, kit / "notebooks")
    monkeypatch.delenv("DOSSIER_WORKSPACE", raising=False)
    executed = tmp_path / "01_executed.ipynb"
    ours = PROJECT_ROOT / "workspace" / "dossier.sqlite"
    before = ours.stat().st_mtime_ns if ours.exists() else None
    with static_views_mode():
        papermill.execute_notebook(
            str(kit / "notebooks" / LOAD_NOTEBOOK.name), str(executed),
            parameters={"inputs": [str(SEEDS / "000_dc811fb2d9703db4.txt")]},
            cwd=str(kit / "notebooks"), kernel_name="python3", progress_bar=False, execution_timeout=300,
        )
    from helpers.workspace import Workspace

    assert len(Workspace(kit / "workspace").read_table("articles")) == 1
    first = first_output_text(nbformat.read(executed, as_version=4))
    assert first.startswith(f"Workspace: {(kit / 'workspace').resolve()}\n")
    assert (ours.stat().st_mtime_ns if ours.exists() else None) == before

