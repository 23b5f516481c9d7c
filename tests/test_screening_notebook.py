"""Notebook 06 executed headless, opened first on an empty workspace, as `python -m helpers report` runs it."""

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
def test_notebook_06_runs_writes_the_table_and_shows_the_review_card(clean_corpus, tmp_path):
    import papermill

    from helpers.report import static_views_mode
    from helpers.workspace import Workspace

    workspace = Workspace(tmp_path / "ws")
    target = tmp_path / "06_executed.ipynb"
    with static_views_mode():
        papermill.execute_notebook(
            str(NOTEBOOK), str(target), parameters={"workspace": str(workspace.path), "inputs": [str(clean_corpus)], "min_score": 0.75},
            cwd=str(NOTEBOOKS), kernel_name="python3", progress_bar=False, execution_timeout=600,
        )
    nb = nbformat.read(target, as_version=4)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    table = workspace.read_table("screening")
    best = table.drop_duplicates("entity_name").set_index("entity_name")["list_entry_id"].to_dict()
    assert best.get("Garantex") == "36025" and best.get("Hamas") == "4695"
    assert best.get("Vladimir Putin") == "35096"
    assert not {"Binance", "Changpeng Zhao", "Alexei Navalny"} & set(best)
    assert (table["score"] >= 0.75).all()
    page = _html(nb)
    assert "OFAC SDN (2023-12-28), 385 entries" in page
    assert "Candidates to verify, not findings" in page
    assert "<mark>" in page and "All names:" in page and "ISLAMIC RESISTANCE MOVEMENT" in page
    assert "<script" not in page
