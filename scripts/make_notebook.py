"""Write a notebook from a compact cell list, outputs cleared, one cell tagged ``parameters``.

Usage (from the project root): python scripts/make_notebook.py SPEC.py OUT.ipynb
where SPEC.py defines CELLS = [("md", "..."), ("params", "..."), ("code", "..."), ...].
Also: python scripts/make_notebook.py --strip NOTEBOOK... clears outputs in place.
"""

from __future__ import annotations

import runpy
import sys

import nbformat


def build(cells: list[tuple[str, str]]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for kind, source in cells:
        source = source.strip("\n")
        if kind == "md":
            nb.cells.append(nbformat.v4.new_markdown_cell(source))
        else:
            cell = nbformat.v4.new_code_cell(source)
            if kind == "params":
                cell.metadata["tags"] = ["parameters"]
            nb.cells.append(cell)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"
    return nb


def strip(path: str) -> None:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, path)


if __name__ == "__main__":
    if sys.argv[1] == "--strip":
        for p in sys.argv[2:]:
            strip(p)
    else:
        spec = runpy.run_path(sys.argv[1])
        nbformat.write(build(spec["CELLS"]), sys.argv[2])
