"""The report command (helpers.report): failures name the notebook and cell; code hidden by default."""

from __future__ import annotations

import base64
import os
import re

import nbformat
import pandas as pd
import pytest

from helpers import cli, report
from helpers.paths import PROJECT_ROOT
from helpers.workspace import Workspace


def _notebook(path, cells, *, parameters='workspace = ""'):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell("# 01 · Test notebook\n\nReads nothing, writes nothing.")]
    params = nbformat.v4.new_code_cell(parameters)
    params.metadata["tags"] = ["parameters"]
    nb.cells.append(params)
    nb.cells += [nbformat.v4.new_code_cell(source) for source in cells]
    nbformat.write(nb, path)
    return path


@pytest.fixture
def failing_notebook(tmp_path):
    return _notebook(tmp_path / "01_fails.ipynb", ['print("first cell ran")', 'raise ValueError("boom in cell")'])


def test_build_report_failure_names_notebook_and_cell_and_keeps_page(failing_notebook, tmp_path, articles_dir):
    out = tmp_path / "out"
    with pytest.raises(report.NotebookFailed) as failure:
        report.build_report([str(articles_dir)], out_dir=out, workspace=Workspace(tmp_path / "ws"),
                            notebooks=[failing_notebook], progress=False, timeout=120)
    message = str(failure.value)
    assert "01_fails.ipynb" in message and "cell" in message and "boom in cell" in message
    page = (out / "01_fails.html").read_text(encoding="utf-8")
    assert "first cell ran" in page and "boom in cell" in page


def test_cli_report_exits_nonzero_when_a_notebook_fails(failing_notebook, tmp_path, articles_dir, monkeypatch, capsys):
    monkeypatch.setattr(report, "notebook_paths", lambda: [failing_notebook])
    code = cli.main(["report", str(articles_dir), "--out", str(tmp_path / "out"),
                     "--workspace", str(tmp_path / "ws"), "--quiet", "--timeout", "120"])
    assert code == 1
    assert "01_fails.ipynb" in capsys.readouterr().err


@pytest.mark.parametrize("show_code", [False, True])
def test_render_html_hides_code_unless_asked(tmp_path, show_code):
    source = _notebook(tmp_path / "01_code.ipynb", ['marker = "code-marker-" + "x"\nprint(marker)'])
    executed = tmp_path / "executed.ipynb"
    report._execute(source, executed, {}, timeout=120)
    html = report.render_html(executed, tmp_path / "page.html", show_code=show_code).read_text(encoding="utf-8")
    assert "code-marker-x" in html  # the output is always there
    assert ('"code-marker-"' in html or "&quot;code-marker-&quot;" in html) is show_code
    assert "<script" not in html


# Nothing private in a shared report ----------------------------------------------------


@pytest.fixture(scope="module")
def private_report(tmp_path_factory):
    """A report built from a folder under a fake home directory, with workspace and report there too."""
    import os
    import subprocess
    import sys

    from conftest import CLEAN_CORPUS, PROJECT_ROOT, write_corpus

    home = tmp_path_factory.mktemp("home") / "jdoe-private-user"
    inputs = write_corpus(home / "Documents" / "leak", CLEAN_CORPUS)
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    write_corpus(inputs / "sub", {"copy.md": CLEAN_CORPUS["en_binance.md"]})  # a duplicate, deeper down
    out, workspace = home / "report", home / "ws"
    env = {**os.environ, "HOME": str(home), "DOSSIER_WORKSPACE": ""}
    done = subprocess.run(
        [sys.executable, "-m", "helpers", "report", str(inputs), "--out", str(out), "--workspace", str(workspace),
         "--quiet", "--timeout", "300"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=1200, env=env,
    )
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    return {"home": home, "inputs": inputs, "out": out, "workspace": workspace}


def test_report_shows_no_part_of_the_local_path(private_report):
    home, out = private_report["home"], private_report["out"]
    files = [p for p in out.rglob("*") if p.is_file()]
    assert {"index.html", "articles.csv", "skipped.csv", "01_load_articles.ipynb"} <= {p.name for p in files}
    private = [str(home), home.name, str(home.parent), str(PROJECT_ROOT)]
    for path in files:
        data = path.read_bytes()
        for part in private:
            assert part.encode() not in data, f"{path.relative_to(out)} shows {part}"


def test_report_data_names_files_relative_to_the_input_folder(private_report):
    import pandas as pd

    data = private_report["out"] / "data"
    articles = pd.read_csv(data / "articles.csv", keep_default_na=False)
    skipped = pd.read_csv(data / "skipped.csv", keep_default_na=False)
    assert sorted(articles["path"]) == ["leak/en_binance.md", "leak/en_navalny.md", "leak/fr_garantex.txt"]
    assert articles.set_index("path").loc["leak/en_binance.md", "duplicates"] == "leak/sub/copy.md"
    reasons = dict(zip(skipped["path"], skipped["reason"]))
    assert set(reasons) == {"leak/empty.txt", "leak/sub/copy.md"}
    assert reasons["leak/sub/copy.md"].startswith("duplicate of leak/en_binance.md")
    index = (private_report["out"] / "index.html").read_text(encoding="utf-8")
    assert "leak/empty.txt" in index


def test_workspace_keeps_the_absolute_paths(private_report):
    ws = Workspace(private_report["workspace"])
    inputs = private_report["inputs"]
    articles, skipped = ws.read_table("articles"), ws.read_table("skipped")
    assert set(articles["abs_path"]) == {str(inputs / n) for n in ("en_binance.md", "en_navalny.md", "fr_garantex.txt")}
    assert set(skipped["abs_path"]) == {str(inputs / "empty.txt"), str(inputs / "sub" / "copy.md")}


# The single file -------------------------------------------------------------------

LOAD_CELL = (
    "from helpers.pipeline import load_corpus\n"
    "from helpers.workspace import Workspace\n"
    "corpus = load_corpus(inputs, workspace=Workspace(workspace))\n"
    "print(len(corpus.articles), 'articles')"
)


@pytest.fixture
def loading_notebook(tmp_path):
    """A notebook that only loads the articles into the workspace (no model: fast)."""
    return _notebook(tmp_path / "01_load.ipynb", [LOAD_CELL], parameters='inputs = []\nworkspace = ""')


def test_cli_single_file_only_writes_that_file_alone_and_prints_its_size(loading_notebook, tmp_path, articles_dir,
                                                                         monkeypatch, capsys):
    monkeypatch.setattr(report, "notebook_paths", lambda: [loading_notebook])
    out = tmp_path / "out"
    code = cli.main(["report", str(articles_dir), "--out", str(out), "--workspace", str(tmp_path / "ws"),
                     "--quiet", "--timeout", "120", "--single-file-only"])
    stdout = capsys.readouterr().out
    assert code == 0
    assert os.listdir(out) == ["dossier-report.html"]
    size = (out / "dossier-report.html").stat().st_size
    assert re.search(rf"Single file: .*dossier-report.html \([0-9.,]+ (kB|MB), {size:,} bytes\)", stdout)
    assert "index.html" not in stdout
    page = (out / "dossier-report.html").read_text(encoding="utf-8")
    for title in ("At a glance", "01 · Test notebook", "Data files", "How this report was made"):
        assert title in page
    assert "--single-file-only" in page  # the command that makes it again
    assert str(tmp_path) not in page and str(articles_dir) not in page
    assert "<script" not in page.lower()


def test_report_writes_index_and_single_file_with_its_data_and_provenance(loading_notebook, tmp_path, articles_dir):
    out = tmp_path / "out"
    result = report.build_report([str(articles_dir)], out_dir=out, workspace=Workspace(tmp_path / "ws"),
                                 notebooks=[loading_notebook], progress=False, timeout=120,
                                 max_bytes=5 * 1024 * 1024)
    assert result.single_file == out / "dossier-report.html"
    index = (out / "index.html").read_text(encoding="utf-8")
    single = result.single_file.read_text(encoding="utf-8")
    assert 'href="dossier-report.html"' in index and 'href="01_load.html"' in index
    # Every data file is inside the single file, byte for byte.
    links = dict(re.findall(r'<a download="([^"]+)" href="data:[^;,]+(?:;charset=utf-8)?;base64,([^"]+)"', single)
                 or [(n, d) for d, n in re.findall(r'<a href="data:[^;,]+(?:;charset=utf-8)?;base64,([^"]+)" '
                                                     r'download="([^"]+)"', single)])
    assert set(links) == {p.name for p in result.data_files} and "articles.csv" in links
    for name, encoded in links.items():
        assert base64.b64decode(encoded) == (out / "data" / name).read_bytes(), name
    # No reference to anything outside the file: every src is data:, every href #, data: or the web.
    assert not re.findall(r'\ssrc="(?!data:)', single)
    assert not [h for h in re.findall(r'\shref="([^"]*)"', single) if not re.match(r"#|data:|https?:|mailto:", h)]
    # Provenance: the input by its name, the size limit that differs from the default, and the command.
    for text in (f"Input</th><td>{articles_dir.name}", "max_mb: 5.0 (default 20.0)", "--max-mb 5.0",
                 f"{result.articles} articles from"):
        assert text in single and text in index


def test_index_shows_screening_matches_and_lists_only_when_a_screening_table_exists(tmp_path, toy_tables):
    import pandas as pd

    workspace = Workspace(tmp_path / "ws")
    workspace.write_tables({"articles": toy_tables["articles"], "skipped": pd.DataFrame(columns=["path", "reason"])})
    (tmp_path / "data").mkdir()
    overview, written = report.index_overview(workspace, tmp_path / "data")
    assert overview["screening"] is None and not (tmp_path / "data" / "screening.csv").exists()
    screening = pd.DataFrame({
        "entity_name": ["Garantex <script>window.__xss=1</script>"], "label": ["ORG"], "list": ["ofac_sdn"],
        "list_entry_name": ["GARANTEX EUROPE OU"], "score": [0.93], "status": ["candidate"],
        "article_id": ["a2"], "sentence": ["OFAC a sanctionné Garantex à Moscou."], "algorithm": ["logic-v2"],
    })
    lists = pd.DataFrame({"list": ["ofac_sdn"], "name": ["OFAC SDN"], "date": ["2026-11-30"], "entries": [3]})
    workspace.write_tables({"screening": screening, "screening_lists": lists})
    overview, written = report.index_overview(workspace, tmp_path / "data")
    table = overview["screening"]
    assert table.total == 1 and table.csv == "screening.csv" and (tmp_path / "data" / "screening.csv") in written
    assert table.columns == ["entity name", "label", "list", "list entry name", "score", "status", "article", "sentence"]
    assert table.rows[0][6] == toy_tables["articles"].set_index("article_id").loc["a2", "title"]
    html = report.html_pages.render("overview.html.j2", **overview)
    assert "Sanctions-list matches to verify" in html and "GARANTEX EUROPE OU" in html
    assert "<script>window" not in html and "&lt;script&gt;window.__xss=1" in html
    made = report.provenance(workspace, [str(tmp_path)], settings=[], out="out")
    assert ("Sanctions list", "OFAC SDN: date 2026-11-30, entries 3") in made.details


def test_index_of_a_corpus_without_articles_says_so_plainly():
    from helpers.articles import ARTICLE_COLUMNS
    from helpers.views import index_sections

    page = index_sections({"articles": pd.DataFrame(columns=ARTICLE_COLUMNS),
                           "skipped": pd.DataFrame({"path": ["a.docx"], "reason": ["unsupported file type"]})})
    assert "No article was loaded; 1 items skipped." in page
    assert "()" not in page and "(;" not in page


def test_report_runs_the_notebooks_of_the_copy_it_is_run_from(tmp_path, monkeypatch):
    import shutil

    from helpers.paths import NOTEBOOKS

    kit = tmp_path / "investigation-b"
    shutil.copytree(NOTEBOOKS, kit / "notebooks")
    monkeypatch.chdir(kit)
    assert report.notebook_paths() == sorted((kit / "notebooks").resolve().glob("[0-9][0-9]_*.ipynb"))
    monkeypatch.chdir(tmp_path)  # in no copy of the kit: the installed kit's notebooks
    assert report.notebook_paths() == sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
