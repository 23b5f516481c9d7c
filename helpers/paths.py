"""Where things live: the project, its seeds, notebooks, workspace and report."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DATA = Path(__file__).resolve().parent / "data"
SEEDS = PROJECT_ROOT / "seeds"
NOTEBOOKS = PROJECT_ROOT / "notebooks"
DEFAULT_WORKSPACE = PROJECT_ROOT / "workspace"
DEFAULT_REPORT = PROJECT_ROOT / "reports"

#: Environment variable that points notebooks and the command line at one workspace.
WORKSPACE_ENV = "DOSSIER_WORKSPACE"


def resolve_workspace(workspace: str | os.PathLike | None = None) -> Path:
    """Return the workspace folder: the argument, else $DOSSIER_WORKSPACE, else ``workspace/``."""
    chosen = workspace or os.environ.get(WORKSPACE_ENV) or DEFAULT_WORKSPACE
    return Path(chosen).expanduser().resolve()


def resolve_inputs(inputs: list[str] | tuple[str, ...] | str | None) -> list[Path]:
    """Return input paths as absolute paths; no inputs means the project's ``seeds/``."""
    if not inputs:
        return [SEEDS]
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    return [Path(p).expanduser().resolve() for p in inputs]
