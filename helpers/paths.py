"""Where things live: the project, its seeds, notebooks, workspace and report."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DATA = Path(__file__).resolve().parent / "data"
SEEDS = PROJECT_ROOT / "seeds"
NOTEBOOKS = PROJECT_ROOT / "notebooks"
DEFAULT_REPORT = PROJECT_ROOT / "reports"
#: Name of the workspace folder, beside the ``notebooks/`` folder of the copy of the kit in use.
WORKSPACE_DIR = "workspace"
NOTEBOOKS_DIR = "notebooks"

#: Environment variable that points notebooks and the command line at one workspace.
WORKSPACE_ENV = "DOSSIER_WORKSPACE"


def find_project(start: str | os.PathLike | None = None) -> Path:
    """The copy of the kit that ``start`` (default: the current directory) belongs to.

    That is the folder holding the ``notebooks/`` folder ``start`` is in, or
    the nearest folder at or above ``start`` that has a ``notebooks/`` folder
    of numbered notebooks; else ``start`` itself. Jupyter runs a notebook in
    its own folder, so each copy of the kit finds its own project, whichever
    copy the environment's ``helpers`` was installed from.
    """
    here = Path(start or os.getcwd()).expanduser().resolve()
    for folder in (here, *here.parents):
        if folder.name == NOTEBOOKS_DIR and _has_notebooks(folder):
            return folder.parent
        if _has_notebooks(folder / NOTEBOOKS_DIR):
            return folder
    return here


def _has_notebooks(folder: Path) -> bool:
    return folder.is_dir() and any(folder.glob("[0-9][0-9]_*.ipynb"))


def default_workspace(start: str | os.PathLike | None = None) -> Path:
    """``workspace/`` of the project :func:`find_project` finds from ``start``."""
    return find_project(start) / WORKSPACE_DIR


def resolve_workspace(workspace: str | os.PathLike | None = None) -> Path:
    """Return the workspace folder: the argument, else $DOSSIER_WORKSPACE, else the project's ``workspace/``.

    The project is the one the current directory belongs to (:func:`find_project`),
    not the one ``helpers`` was installed from.
    """
    chosen = workspace or os.environ.get(WORKSPACE_ENV) or default_workspace()
    return Path(chosen).expanduser().resolve()


def resolve_inputs(inputs: list[str] | tuple[str, ...] | str | None) -> list[Path]:
    """Return input paths as absolute paths; no inputs means the project's ``seeds/``."""
    if not inputs:
        return [SEEDS]
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    return [Path(p).expanduser().resolve() for p in inputs]
