"""The layering rules, read from the code's own imports (ast), not from its text.

Each package of bot/ says in its __init__.py docstring what it may import ("May import:") and
which packages must not import it ("Must not be imported by:"); these tests hold the code to
those lines, so the rules a newcomer reads are the rules that hold. Besides: only bot/channels/
touches Rasa, Sanic or serving/; nothing outside tests/ imports tests; tests import bench only to
test bench's own code, and the soak to reuse its load generator.
"""
from __future__ import annotations

import ast
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import ROOT

NOT_CODE = {"build", "models", "__pycache__", "node_modules"}  # with hidden folders: generated or installed
MAY_IMPORT_BENCH = {Path("tests/bench/test_bench.py"), Path("tests/soak/test_soak.py")}
RASA_SIDE = {"rasa", "rasa_sdk", "sanic", "serving"}  # what only bot/channels/ among bot/ may import
PACKAGES = sorted(p.parent.name for p in (ROOT / "bot").glob("*/__init__.py"))


def python_files() -> Iterator[Path]:
    """Every .py file of the project, relative to its root (the virtual environments are symlinks: not followed)."""
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [d for d in subfolders if d not in NOT_CODE and not d.startswith(".")]
        yield from (Path(folder, f).relative_to(ROOT) for f in files if f.endswith(".py"))


def imported_modules(path: Path) -> set[str]:
    """The modules a file imports by absolute name, wherever in the file (a function's own import too)."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names
                                       if is_module(f"{node.module}.{alias.name}")}
    return names


def is_module(name: str) -> bool:
    """Whether the dotted name is a module or package of this project (from bot import DATA names neither)."""
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imported_packages(path: Path) -> set[str]:
    """The top-level packages a file imports by absolute name."""
    return {name.split(".")[0] for name in imported_modules(path)}


def layer(module: str) -> str | None:
    """bot.plan.store → bot.plan; bot.assistant → bot.assistant; bot → bot; outside bot/ → None."""
    parts = module.split(".")
    if parts[0] != "bot":
        return None
    return ".".join(parts[:2])


def layer_of(path: Path) -> str:
    return layer(".".join(path.with_suffix("").parts))  # type: ignore[return-value]


def rules(package: str) -> dict[str, set[str]]:
    """The "May import:" and "Must not be imported by:" lines of a package's docstring."""
    doc = ast.get_docstring(ast.parse((ROOT / "bot" / package / "__init__.py").read_text(encoding="utf-8"))) or ""
    found = {}
    for key in ("May import", "Must not be imported by"):
        line = re.search(rf"^{key}: (.*)$", doc, re.M)
        assert line, f"bot/{package}/__init__.py: the docstring needs a line '{key}: …'"
        found[key] = {word for word in re.split(r"[,\s]+", re.sub(r"\(.*?\)", "", line.group(1))) if "." in word or word == "bot"}
    return found


def bot_imports() -> Iterator[tuple[Path, str, str]]:
    """(file, its layer, the layer it imports) for every import of one bot/ layer by a file of another."""
    for path in python_files():
        if path.parts[0] != "bot":
            continue
        own = layer_of(path)
        for module in imported_modules(path):
            other = layer(module)
            if other is not None and other != own and other.split(".")[-1] != "__init__":
                yield path, own, other


def test_imports_are_found_wherever_they_are_written(tmp_path, monkeypatch):
    (tmp_path / "m.py").write_text("import tests.x\ndef f():\n    from bench.load import run_locust\nfrom . import y\n")
    monkeypatch.setattr("tests.test_layering.ROOT", tmp_path)
    assert imported_packages(Path("m.py")) == {"tests", "bench"}


def test_the_walk_sees_every_layer():
    tops = {path.parts[0] for path in python_files() if len(path.parts) > 1}
    assert {"actions", "bench", "bot", "components", "evaluation", "serving", "tests"} <= tops
    assert {"plan", "reading", "dialogue", "hotline", "privacy", "channels"} <= set(PACKAGES)


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_imports_only_what_its_docstring_allows(package):
    allowed = rules(package)["May import"] | {f"bot.{package}"}
    offenders = sorted({f"{path} imports {other}" for path, own, other in bot_imports()
                        if own == f"bot.{package}" and other not in allowed})
    assert not offenders


@pytest.mark.parametrize("package", PACKAGES)
def test_no_package_is_imported_by_one_its_docstring_forbids(package):
    forbidden = rules(package)["Must not be imported by"]
    offenders = sorted({f"{path} imports bot.{package}" for path, own, other in bot_imports()
                        if other == f"bot.{package}" and own in forbidden})
    assert not offenders


def test_the_rules_agree_with_each_other():
    """A package may not allow an import that the imported package forbids."""
    for package in PACKAGES:
        for other in rules(package)["May import"]:
            if other.startswith("bot.") and other.split(".")[1] in PACKAGES:
                assert f"bot.{package}" not in rules(other.split(".")[1])["Must not be imported by"], (package, other)


def test_only_the_channels_touch_rasa():
    offenders = [str(path) for path in python_files() if path.parts[0] == "bot" and path.parts[1] != "channels"
                 and imported_packages(path) & RASA_SIDE]
    assert not offenders


def test_nothing_outside_tests_imports_tests():
    offenders = [str(path) for path in python_files() if path.parts[0] != "tests" and "tests" in imported_packages(path)]
    assert not offenders


def test_tests_import_bench_only_to_test_it():
    offenders = [str(path) for path in python_files() if path.parts[0] == "tests" and path not in MAY_IMPORT_BENCH
                 and "bench" in imported_packages(path)]
    assert not offenders
