"""The report command (helpers.report): failures name the notebook and cell; code hidden by default."""

from __future__ import annotations

import nbformat
import pytest

from helpers import cli, report
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
