"""Notebook 06 executed headless on a workspace holding entities, as `python -m helpers report` runs it."""

from __future__ import annotations

import nbformat
import pytest

from helpers.paths import NOTEBOOKS

NOTEBOOK = NOTEBOOKS / "06_screen_sanctions.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    import papermill

    from conftest import TOY_ARTICLES, TOY_ENTITIES, make_tables
    from helpers.report import static_views_mode
    from helpers.workspace import Workspace

    base = tmp_path_factory.mktemp("nb06")
    ws = Workspace(base / "ws")
    ws.write_tables(make_tables(TOY_ARTICLES, TOY_ENTITIES), meta={"signature:entities": "toy"})
    target = base / "06_executed.ipynb"
    with static_views_mode():
        papermill.execute_notebook(
            str(NOTEBOOK), str(target), parameters={"workspace": str(ws.path), "min_score": 0.75},
            cwd=str(NOTEBOOKS), kernel_name="python3", progress_bar=False, execution_timeout=600,
        )
    return nbformat.read(target, as_version=4), ws


def _html(nb) -> str:
    return "\n".join(
        "".join(out.get("data", {}).get("text/html", "")) for cell in nb.cells if cell.cell_type == "code"
        for out in cell.get("outputs", [])
    )


@pytest.mark.notebook
def test_notebook_06_runs_and_writes_the_screening_table(executed):
    nb, ws = executed
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    table = ws.read_table("screening")
    assert list(table["entity_name"]) == ["Hydra", "Garantex"]
    assert (table["score"] >= 0.75).all()


@pytest.mark.notebook
def test_notebook_06_shows_the_review_card_and_the_list_date(executed):
    nb, _ws = executed
    page = _html(nb)
    assert "OFAC SDN (2023-12-28), 385 entries" in page
    assert "Candidates to verify, not findings" in page
    assert "<mark>Hydra</mark>" in page and "HYDRA MARKETPLACE" in page
    assert "&lt;script&gt;" in page and "<script" not in page
