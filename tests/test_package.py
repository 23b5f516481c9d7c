"""The package as others install it: declared dependencies, what a wheel holds, which way imports run."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "helpers"

#: Tools of the tests and of the build, declared apart from what the code needs to run.
TEST_TOOLS = {"pytest", "pytest-timeout", "hypothesis", "playwright"}
BUILD_TOOLS = {"setuptools"}

#: The step layer, the views and the entry points: everything that may read the workspace.
UPPER_LAYERS = {"workspace", "pipeline", "views", "plots", "widgets", "report", "checks", "cli", "evaluation",
                "__main__"}
#: Domain modules take data and return data; they import none of the upper layers.
DOMAIN = ("articles", "amounts", "dates", "docs", "duplicates", "entities", "labels", "nlp", "relations", "screening",
          "text", "training")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text))


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", line.strip())
        if match:
            pins[_canonical(match.group(1))] = match.group(2)
    return pins


def _declared() -> dict[str, str]:
    """name -> version range of every dependency in pyproject.toml, the optional ones included."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    declared = {}
    for requirement in requirements:
        name, ranges = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)$", requirement).groups()
        declared[_canonical(name)] = ranges
    return declared


def _satisfies(version: str, ranges: str) -> bool:
    """Whether ``version`` is inside ``ranges`` (">=x.y", "<x", joined by commas)."""
    ops = {">=": lambda a, b: a >= b, ">": lambda a, b: a > b, "<": lambda a, b: a < b,
           "<=": lambda a, b: a <= b, "==": lambda a, b: a == b}
    for part in filter(None, (p.strip() for p in ranges.split(","))):
        op, bound = re.match(r"^(>=|<=|==|>|<)\s*(\S+)$", part).groups()
        if not ops[op](_version(version), _version(bound)):
            return False
    return True


def test_package_declares_every_direct_requirement_in_a_range_the_lock_satisfies():
    pins = _pins(ROOT / "requirements.in")
    declared = _declared()
    assert set(declared) == set(pins) - BUILD_TOOLS
    assert TEST_TOOLS <= set(declared)
    outside = {name: (pins[name], ranges) for name, ranges in declared.items()
               if not ranges or not _satisfies(pins[name], ranges)}
    assert not outside, f"pyproject.toml ranges that the pinned versions miss (pin, range): {outside}"


@pytest.mark.parametrize(("version", "ranges", "inside"), [
    ("6.31.0", ">=6.31,<7", True),
    ("7.0.1", ">=6.31,<7", False),
    ("2026.8.0", ">=2026.8", True),
    ("3.7.4", ">=3.8,<3.9", False),
])
def test_package_range_check_reads_versions(version, ranges, inside):
    assert _satisfies(version, ranges) is inside


def test_package_wheel_holds_every_module_data_file_and_template(tmp_path):
    """A regular (not editable) install gets the subpackages, word lists, vocabularies and templates."""
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy2(ROOT / "pyproject.toml", source)
    shutil.copytree(PACKAGE, source / "helpers", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "-w", str(tmp_path / "wheel"), str(source)],
        capture_output=True, text=True, timeout=600,
    )
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "wheel").glob("dossier-*.whl"))
    inside = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        path.relative_to(ROOT).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    assert {"helpers/entities/__init__.py", "helpers/amounts/component.py",
            "helpers/templates/html/index.html.j2", "helpers/data/amounts/fr.json"} <= expected
    assert not expected - inside, f"missing from the wheel: {sorted(expected - inside)}"


def _helpers_imports(path: Path) -> set[str]:
    """The ``helpers`` modules that ``path`` imports, by their first name under ``helpers``."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[0] == "helpers":
                names.update([parts[1]] if len(parts) > 1 else [alias.name for alias in node.names])
        elif isinstance(node, ast.Import):
            names.update(a.name.split(".")[1] for a in node.names if a.name.startswith("helpers."))
    return names


def test_package_domain_modules_never_import_the_step_layer_or_the_views():
    checked = []
    for name in DOMAIN:
        paths = sorted((PACKAGE / name).rglob("*.py")) if (PACKAGE / name).is_dir() else [PACKAGE / f"{name}.py"]
        for path in (p for p in paths if p.exists()):
            checked.append(path)
            upward = _helpers_imports(path) & UPPER_LAYERS
            assert not upward, f"{path.relative_to(ROOT)} imports {sorted(upward)}"
    assert len(checked) > len(DOMAIN)  # the packages' modules were read, not only their names


def test_package_import_check_sees_upward_imports(tmp_path):
    module = tmp_path / "bad.py"
    module.write_text("from helpers.pipeline import tag_entities\nimport helpers.workspace\nfrom helpers import views\n")
    assert _helpers_imports(module) == {"pipeline", "workspace", "views"}
