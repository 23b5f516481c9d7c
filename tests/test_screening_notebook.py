"""Notebook 06 executed headless on a workspace holding entities, as `python -m helpers report` runs it."""

from __future__ import annotations

import nbformat
import pytest

from helpers.paths import NOTEBOOKS

NOTEBOOK = NOTEBOOKS / "06_screen_sanctions.ipynb"


def _html(nb) -> str:
    return "\n".join(
        "".join(out.get("data", {}).get("text/html", "")) for cell in nb.cells if cell.cell_type == "code"
        for out in cell.get("outputs", [])
    )


@pytest.mark.notebook
def test_notebook_06_runs_writes_the_table_and_shows_the_review_card(tmp_workspace, toy_tables, tmp_path):
    import papermill

    from helpers.report import static_views_mode

    tmp_workspace.write_tables(toy_tables, meta={"signature:entities": "toy"})
    target = tmp_path / "06_executed.ipynb"
    with static_views_mode():
        papermill.execute_notebook(
            str(NOTEBOOK), str(target), parameters={"workspace": str(tmp_workspace.path), "min_score": 0.75},
            cwd=str(NOTEBOOKS), kernel_name="python3", progress_bar=False, execution_timeout=600,
        )
    nb = nbformat.read(target, as_version=4)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    table = tmp_workspace.read_table("screening")
    assert list(table["entity_name"]) == ["Hydra", "Garantex"]
    assert (table["score"] >= 0.75).all()
    page = _html(nb)
    assert "OFAC SDN (2023-12-28), 385 entries" in page
    assert "Candidates to verify, not findings" in page
    assert "<mark>Hydra</mark>" in page and "HYDRA MARKETPLACE" in page
    assert "&lt;script&gt;" in page and "<script" not in page
