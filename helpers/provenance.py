"""How a report was made: when, on what, with which models, code and settings.

Pure functions: ``helpers.report`` gathers the tables and settings and passes
them in. Paths are shown as the report shows them everywhere (the tables name
files relative to the input they were found under), inputs by their name or
relative to the working folder, never as absolute paths of the machine.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from helpers.paths import PROJECT_ROOT

#: Packages whose versions shape the results, in the order the section lists them.
KEY_PACKAGES = ("spacy", "pandas", "networkx", "matplotlib", "nbconvert", "papermill", "jinja2")


@dataclass
class Setting:
    """One option of the run and its default; the section lists those that differ."""

    name: str
    value: object
    default: object

    @property
    def changed(self) -> bool:
        return self.value != self.default


@dataclass
class Provenance:
    """Everything the "How this report was made" section says."""

    made_at: str
    inputs: list[str]
    articles: int
    files_read: int
    skipped: list[tuple[str, str]]
    models: list[dict[str, str]]
    kit_version: str
    commit: str
    packages: list[tuple[str, str]]
    settings: list[Setting] = field(default_factory=list)
    curation: list[dict] = field(default_factory=list)
    command: str = ""
    #: Further facts as (name, text): the watchlist and its date, lists and their dates.
    details: list[tuple[str, str]] = field(default_factory=list)

    @property
    def changed_settings(self) -> list[Setting]:
        return [s for s in self.settings if s.changed]


def shown_input(path: str | os.PathLike, *, cwd: Path | None = None) -> str:
    """An input folder or file as the reproducing command names it: relative to ``cwd`` when under it."""
    absolute = Path(os.path.abspath(Path(path).expanduser()))
    here = Path(os.path.abspath(cwd or Path.cwd()))
    if absolute.is_relative_to(here):
        return absolute.relative_to(here).as_posix() or "."
    return absolute.name


def files_read(articles: pd.DataFrame) -> int:
    """Distinct files the articles came from (a JSONL or CSV file can hold several)."""
    if not len(articles):
        return 0
    return int(articles["path"].fillna("").astype(str).str.split("#", n=1).str[0].nunique())


def model_versions(languages: dict[str, int]) -> list[dict[str, str]]:
    """For each language of the corpus: its articles, the spaCy package used and that model's version."""
    from helpers.nlp import model_name, model_signature, tuned_ner

    rows = []
    for lang, count in sorted(languages.items()):
        name = model_name(lang) if lang and lang != "unknown" else None
        version = _model_version(name) if name else ""
        if name and tuned_ner(lang, name) is not None:
            version += f", NER fine-tuned on the development passages ({model_signature(lang).rpartition('+')[2]})"
        rows.append({"lang": lang, "articles": str(count), "model": name or "none (watchlist and amount rules only)",
                     "version": version})
    return rows


def _model_version(name: str) -> str:
    """The model's own version from its ``meta.json``, read without loading the model."""
    import spacy

    try:
        meta = spacy.util.get_model_meta(spacy.util.get_package_path(name))
    except (OSError, ValueError, ModuleNotFoundError):
        return package_version(name)
    return str(meta.get("version", "?"))


def package_version(name: str) -> str:
    for dist in (name, name.replace("_", "-")):
        try:
            return version(dist)
        except PackageNotFoundError:
            continue
    return "not installed"


def package_versions(names: tuple[str, ...] = KEY_PACKAGES) -> list[tuple[str, str]]:
    return [(name, package_version(name)) for name in names]


def git_commit(root: Path = PROJECT_ROOT) -> str:
    """The project's commit (with ``+ changes`` when the tree differs from it), or a note when unknown."""
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "--short=12", "HEAD"],
                              capture_output=True, text=True, timeout=10)
        if head.returncode != 0:
            return "not a git checkout"
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown (git not available)"
    changes = " + uncommitted changes" if dirty.stdout.strip() else ""
    return head.stdout.strip() + changes


def now() -> str:
    """Local date and time with its UTC offset, to the second."""
    return datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S %Z (UTC%z)")


def reproduce_command(inputs: list[str], settings: list[Setting], *, out: str, single_file_only: bool = False) -> str:
    """The command line that makes the same report again (options that differ from their defaults)."""
    words = ["python", "-m", "helpers", "report", *inputs, "--out", out]
    for setting in settings:
        if not setting.changed or setting.value in (None, ""):
            continue
        flag = "--" + setting.name.replace("_", "-")
        words += [flag] if setting.value is True else [flag, str(setting.value)]
    if single_file_only:
        words.append("--single-file-only")
    return shlex.join(words)
