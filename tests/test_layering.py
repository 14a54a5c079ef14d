"""The layering rule, read from the code's own imports (ast), not from its text.

tests/ may import everything; nothing outside tests/ imports tests (the
product, the benchmarks and their data stand without it). Tests import bench
only to test bench's own code, and the soak to reuse its load generator.
"""
from __future__ import annotations

import ast
import os
from collections.abc import Iterator
from pathlib import Path

from bot import ROOT

NOT_CODE = {"build", "models", "__pycache__"}  # with hidden folders (.venv, .git): generated or installed
MAY_IMPORT_BENCH = {Path("tests/test_bench.py"), Path("tests/soak/test_soak.py")}


def python_files() -> Iterator[Path]:
    """Every .py file of the project, relative to its root (the virtual environments are symlinks: not followed)."""
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [d for d in subfolders if d not in NOT_CODE and not d.startswith(".")]
        yield from (Path(folder, f).relative_to(ROOT) for f in files if f.endswith(".py"))


def imported_packages(path: Path) -> set[str]:
    """The top-level packages a file imports by absolute name."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return {name.split(".")[0] for name in names}


def test_imports_are_found_wherever_they_are_written(tmp_path, monkeypatch):
    (tmp_path / "m.py").write_text("import tests.x\ndef f():\n    from bench.load import run_locust\nfrom . import y\n")
    monkeypatch.setattr("tests.test_layering.ROOT", tmp_path)
    assert imported_packages(Path("m.py")) == {"tests", "bench"}


def test_the_walk_sees_every_layer():
    tops = {path.parts[0] for path in python_files() if len(path.parts) > 1}
    assert {"actions", "bench", "bot", "components", "evaluation", "serving", "tests"} <= tops


def test_nothing_outside_tests_imports_tests():
    offenders = [str(path) for path in python_files() if path.parts[0] != "tests" and "tests" in imported_packages(path)]
    assert not offenders


def test_tests_import_bench_only_to_test_it():
    offenders = [str(path) for path in python_files() if path.parts[0] == "tests" and path not in MAY_IMPORT_BENCH
                 and "bench" in imported_packages(path)]
    assert not offenders
