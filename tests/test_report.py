"""The report command (helpers.report): failures name the notebook and cell; code hidden by default."""

from __future__ import annotations

import nbformat
import pytest

from helpers import cli, report
from helpers.paths import PROJECT_ROOT
from helpers.workspace import Workspace


def _notebook(path, cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell("# 01 · Test notebook\n\nReads nothing, writes nothing.")]
    params = nbformat.v4.new_code_cell('workspace = ""')
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
