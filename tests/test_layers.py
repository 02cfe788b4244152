"""The architecture, enforced: imports point down only (core ← io ← printing/ui)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "evaldesk"
STDLIB = set(sys.stdlib_module_names)


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules_in(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("path", modules_in("core"), ids=lambda p: p.name)
def test_core_is_pure_stdlib(path: Path) -> None:
    for name in imports_of(path):
        top = name.split(".")[0]
        if top == "evaldesk":
            assert name.startswith("evaldesk.core"), f"{path.name} imports {name}"
        else:
            assert top in STDLIB or top == "__future__", f"{path.name} imports {name}"


@pytest.mark.parametrize("path", modules_in("io"), ids=lambda p: p.name)
def test_io_never_imports_qt_or_the_layers_above(path: Path) -> None:
    for name in imports_of(path):
        assert not name.startswith(("PySide6", "evaldesk.ui", "evaldesk.printing", "evaldesk.app",
                                    "evaldesk.cli")), f"{path.name} imports {name}"


@pytest.mark.parametrize("path", modules_in("printing"), ids=lambda p: p.name)
def test_printing_draws_without_widgets(path: Path) -> None:
    for name in imports_of(path):
        assert not name.startswith(("PySide6.QtWidgets", "evaldesk.ui")), f"{path.name}: {name}"


def test_nothing_below_ui_imports_ui() -> None:
    for folder in ("core", "io", "printing"):
        for path in modules_in(folder):
            assert not any(n.startswith("evaldesk.ui") for n in imports_of(path)), path


def test_cli_loads_no_qt_for_check(tmp_path: Path) -> None:
    import subprocess

    code = ("import sys, evaldesk.cli as c; c.main(['check', sys.argv[1]]); "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pandas'))))")
    seed = Path(__file__).parent / "data" / "000_f385ac392f5d94c6.txt"
    out = subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True,
                         text=True, check=False)
    assert out.stdout.strip().splitlines()[-1] == "[]"
