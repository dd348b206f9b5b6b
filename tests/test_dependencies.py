"""The dependency files agree with each other and with what the code imports."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNTIME_CODE = ("assessments", "integrations", "tra_site", "manage.py")
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)", re.MULTILINE)


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(path: Path) -> dict[str, str]:
    return {_canonical(name): version for name, version in _PIN.findall(path.read_text())}


def _requirement_name(spec: str) -> str:
    return _canonical(re.split(r"[\s\[<>=!~;]", spec, maxsplit=1)[0])


def _imported_top_level_modules(paths: tuple[str, ...]) -> set[str]:
    modules: set[str] = set()
    for entry in paths:
        base = ROOT / entry
        for path in [base] if base.is_file() else base.rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Import):
                    modules.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    modules.add(node.module.split(".")[0])
    return modules


def test_every_pin_the_two_locks_share_has_the_same_version() -> None:
    runtime, test = _pins(ROOT / "requirements.txt"), _pins(ROOT / "requirements-test.txt")
    assert runtime, "requirements.txt pins nothing"
    assert {
        name: (version, test.get(name)) for name, version in runtime.items() if test.get(name) != version
    } == {}


def test_every_line_of_both_locks_is_hashed() -> None:
    for lock in ("requirements.txt", "requirements-test.txt"):
        text = (ROOT / lock).read_text()
        assert len(_PIN.findall(text)) == len(
            re.findall(r"^\S.*==.*\\\n\s+--hash=sha256:", text, re.MULTILINE)
        )


def test_every_direct_dependency_is_locked_where_it_is_installed() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    runtime, test = _pins(ROOT / "requirements.txt"), _pins(ROOT / "requirements-test.txt")
    direct = {_requirement_name(s) for s in project["project"]["dependencies"]}
    grouped = {_requirement_name(s) for group in project["dependency-groups"].values() for s in group}
    assert direct - set(runtime) == set()
    assert grouped - set(test) == set()


def test_a_production_install_has_no_test_tools() -> None:
    runtime = _pins(ROOT / "requirements.txt")
    assert {"pytest", "moto", "playwright", "hypothesis", "ruff", "schemathesis", "flask"} & set(
        runtime
    ) == set()


def test_every_third_party_module_the_app_imports_is_in_the_runtime_lock() -> None:
    runtime = set(_pins(ROOT / "requirements.txt"))
    ours = {"assessments", "integrations", "tra_site", "tests", "benchmarks"}
    providers = importlib.metadata.packages_distributions()
    missing = {}
    for module in sorted(_imported_top_level_modules(RUNTIME_CODE) - ours - set(sys.stdlib_module_names)):
        distributions = {_canonical(d) for d in providers.get(module, [])}
        if not distributions & runtime:
            missing[module] = sorted(distributions) or "not installed"
    assert missing == {}
