"""Checks run before a command writes anything, each failing with a message a user can act on.

Every problem is a :class:`CommandError` carrying one line that names the path
or option and says what to do, and the exit code of its kind
(:data:`EXIT_CODES`). The checks only read: when one fails, nothing in the
workspace or the output folder has been created, changed or removed.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

#: Exit codes of ``python -m helpers``, documented in ``--help`` and the README.
EXIT_OK = 0
EXIT_NOTEBOOK_FAILED = 1
EXIT_USAGE = 2
EXIT_FOLDER = 3
EXIT_WORKSPACE = 4
EXIT_ENVIRONMENT = 5
EXIT_NO_ARTICLES = 6
EXIT_INTERNAL = 70
EXIT_CODES = {
    EXIT_OK: "success",
    EXIT_NOTEBOOK_FAILED: "a notebook failed (its partial page is kept in the report folder)",
    EXIT_USAGE: "bad command line: unknown option, bad value, missing input path, unreadable watchlist",
    EXIT_FOLDER: "--out or --workspace is a file, or a folder that cannot be created or written to",
    EXIT_WORKSPACE: "the workspace cannot be read: damaged dossier.sqlite or malformed curation.yaml",
    EXIT_ENVIRONMENT: "the set-up is incomplete: no Jupyter kernel 'python3' (run make setup)",
    EXIT_NO_ARTICLES: "no article could be loaded from the inputs (the line says what was skipped); nothing written",
    EXIT_INTERNAL: "unexpected error inside Dossier (run again with --debug for the traceback)",
}


class CommandError(Exception):
    """A problem the user can fix; ``str()`` is the one line to show after ``error:``."""

    def __init__(self, message: str, *, code: int) -> None:
        super().__init__(message)
        self.code = code


def exit_codes_text() -> str:
    """The exit codes as lines for ``--help``."""
    return "exit codes:\n" + "\n".join(f"  {code:<3} {meaning}" for code, meaning in EXIT_CODES.items())


def check_positive(value: float, *, option: str, example: str) -> None:
    """A size, count or time limit must be more than zero."""
    if not value > 0:
        raise CommandError(f"{option} must be more than 0 (got {value:g}): for example {option} {example}",
                           code=EXIT_USAGE)


def check_folder(path: str | os.PathLike, *, option: str) -> Path:
    """``path`` is a folder that exists and can be written to, or that can be created.

    Nothing is created: the nearest existing folder above ``path`` is tried with
    a temporary file that disappears at once.
    """
    folder = Path(path).expanduser()
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"{option} {folder} is a file, not a folder: give a folder path "
                           "(it is created if missing)", code=EXIT_FOLDER)
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise CommandError(f"{option} {folder} cannot be created: {existing} is a file, not a folder; "
                           "give another folder path", code=EXIT_FOLDER)
    try:
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as err:
        what = "is not writable" if existing == folder else f"cannot be created in {existing}"
        raise CommandError(f"{option} {folder} {what} ({err.strerror or err}): choose a folder you can "
                           "write to", code=EXIT_FOLDER) from err
    return folder


def open_workspace(path: str | os.PathLike | None):
    """The :class:`~helpers.workspace.Workspace` at ``path``, checked readable, curation included."""
    from helpers.workspace import Workspace, WorkspaceError

    try:
        workspace = Workspace(path)
    except WorkspaceError as err:
        raise CommandError(str(err), code=EXIT_WORKSPACE) from err
    check_curation(workspace)
    return workspace


def check_curation(workspace) -> None:
    """The curation decisions file, when there is one, reads."""
    from helpers.pipeline import curation_path, load_curation

    try:
        load_curation(workspace)
    except (ValueError, OSError) as err:
        detail = " ".join(str(err).split())
        raise CommandError(
            f"the curation file {curation_path(workspace)} cannot be read ({detail[:300]}): fix it by hand "
            "or move it aside to start without curation decisions; it is left as it is", code=EXIT_WORKSPACE,
        ) from err


def check_kernel(name: str) -> None:
    """The Jupyter kernel the report runs the notebooks with is installed."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(name)
    except NoSuchKernel as err:
        raise CommandError(
            f"no Jupyter kernel named {name!r} is installed, so the notebooks cannot run: run `make setup`, "
            f"or `python -m ipykernel install --sys-prefix --name {name}` in the environment", code=EXIT_ENVIRONMENT,
        ) from err

