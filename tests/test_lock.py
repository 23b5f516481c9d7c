"""The lock (requirements.txt) agrees with its input file and with what is installed."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==([^\s;\\]+)")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(path: Path) -> dict[str, str]:
    """name -> version of every `name==version` line of a requirements file."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            pins[_canonical(match.group(1))] = match.group(3)
    return pins


def _lock_entries(path: Path) -> dict[str, list[str]]:
    """name -> the hashes that follow it in a lock file."""
    entries: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        match = PIN.match(stripped)
        if match:
            current = _canonical(match.group(1))
            entries[current] = []
        elif stripped.startswith("--hash=") and current is not None:
            entries[current].append(stripped.split("=", 1)[1].rstrip(" \\"))
    return entries


@pytest.mark.parametrize(("source", "lock"), [
    ("requirements.in", "requirements.txt"),
    ("requirements-pip.in", "requirements-pip.txt"),
])
def test_lock_pins_every_input_at_its_version(source, lock):
    wanted = _pins(ROOT / source)
    locked = _pins(ROOT / lock)
    assert wanted, f"{source} pins nothing"
    disagree = {name: (version, locked.get(name)) for name, version in wanted.items()
                if locked.get(name) != version}
    assert not disagree, f"{lock} disagrees with {source} (input, lock): {disagree}; run `make lock`"


@pytest.mark.parametrize("lock", ["requirements.txt", "requirements-pip.txt"])
def test_lock_every_package_has_hashes(lock):
    entries = _lock_entries(ROOT / lock)
    assert entries
    unhashed = [name for name, hashes in entries.items() if not hashes]
    assert not unhashed, f"{lock}: no hash for {unhashed}"
    bad = [h for hashes in entries.values() for h in hashes if not re.fullmatch(r"sha256:[0-9a-f]{64}", h)]
    assert not bad


def test_lock_matches_what_is_installed():
    locked = _pins(ROOT / "requirements.txt")
    installed = {_canonical(d.metadata["Name"]): d.version for d in importlib.metadata.distributions()}
    differ = {name: (version, installed.get(name)) for name, version in locked.items()
              if installed.get(name) != version}
    assert not differ, f"installed packages differ from the lock (lock, installed): {differ}"


def _imported_modules(folder: Path) -> set[str]:
    names = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return names


def test_lock_input_lists_every_package_the_code_imports():
    """A package the code imports must be a direct requirement, not a lucky transitive one."""
    direct = set(_pins(ROOT / "requirements.in"))
    distributions = importlib.metadata.packages_distributions()
    missing = {}
    folders = ("helpers", "tests", "scripts", "benchmarks")
    for folder in folders:
        for module in _imported_modules(ROOT / folder):
            if module in sys.stdlib_module_names or module in {"helpers", "__future__"}:
                continue
            if any((ROOT / other / f"{module}.py").exists() for other in folders):
                continue  # the project's own module (tests' conftest, the benchmark's corpus generator)
            dists = {_canonical(d) for d in distributions.get(module, [])}
            assert dists, f"{folder} imports {module}, which no installed package provides"
            if not dists & direct:
                missing[module] = sorted(dists)
    assert not missing, f"imported but not in requirements.in: {missing}"
