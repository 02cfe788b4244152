"""The corpus of published forms is consistent with itself (tests/data/real/README.md).

Not a test of the reader: each form's expectation must be valid, name its workbook, and the
workbook must hold exactly the cells and merges of its transcription in src/, so that a source
edited without rebuilding (or a workbook edited by hand) is caught.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest

REAL = Path(__file__).resolve().parent / "data" / "real"
WORKBOOKS = sorted(REAL.glob("*.xlsx"))
EXPECTATIONS = sorted(REAL.glob("*.expect.json"))
KNOWN_SEVERITIES = {"error", "warning"}


def _source(stem: str) -> ModuleType:
    sys.path.insert(0, str(REAL / "src"))
    try:
        spec = importlib.util.spec_from_file_location(f"corpus_src_{stem}", REAL / "src" / f"{stem}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(REAL / "src"))


def test_the_corpus_is_not_empty() -> None:
    assert WORKBOOKS and len(WORKBOOKS) == len(EXPECTATIONS)


@pytest.mark.parametrize("path", EXPECTATIONS, ids=lambda p: p.name)
def test_expectation_is_valid_and_names_its_workbook(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    stem = path.name.removesuffix(".expect.json")
    assert data["file"] == f"{stem}.xlsx"
    assert (REAL / data["file"]).is_file()
    assert (REAL / "src" / f"{stem}.py").is_file()
    assert data["synthetic"] == ("synthetic" in stem)
    if data["synthetic"]:
        assert data["source"]["url"] is None and "SYNTHETIC" in data["source"]["title"]
    else:
        assert data["source"]["url"].startswith("http")
    assert data["complete"] or data["cut_after_cell"]
    assert data["projects"] and all(p["name"] for p in data["projects"])
    for finding in data["findings"]:
        assert set(finding) == {"code", "severity", "field", "cell", "why"}
        assert finding["code"].isupper() and finding["severity"] in KNOWN_SEVERITIES
        assert finding["cell"] and finding["why"]


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.name)
def test_workbook_holds_exactly_its_transcription(path: Path) -> None:
    source = _source(path.stem)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == source.SHEET
    assert {str(r) for r in sheet.merged_cells.ranges} == set(source.MERGES)
    rows = source.ROWS
    assert sheet.max_row == len(rows)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c).value
            if value is None:
                assert cell is None, (r, c)
            elif type(value).__name__ == "Pct":
                assert Decimal(str(cell)) == Decimal(value.rstrip("%")) / 100, (r, c)
            elif type(value).__name__ == "Num":
                assert Decimal(str(cell)) == Decimal(value), (r, c)
            else:
                assert cell == value, (r, c)
