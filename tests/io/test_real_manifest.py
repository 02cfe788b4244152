"""The hand-written expectations of the real-form corpus use only codes and amounts that exist.

tests/test_real_corpus_files.py checks that each expectation names its workbook and source and
that the workbook matches its transcription; this adds what a typo in an expectation would
otherwise slip past: a finding code that `check` can never print (nor issue 12 agreed on), a cell
that is not a cell address, and an amount written as a JSON number (binary float) instead of the
exact decimal string. The forms themselves are judged in tests/io/test_real_forms.py.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

from evaldesk.core import rules, scoring
from evaldesk.io import grid, project_sheets

REAL = Path(__file__).resolve().parent.parent / "data" / "real"
EXPECTATIONS = sorted(REAL.glob("*.expect.json"))

# Agreed in issue 12 between the corpus, reading and judging helpers; they may not exist in the
# code yet when a form that needs them is transcribed.
_AGREED = {"FUNDS_WEIGHT", "FUNDS_SCORE", "TOTAL_SCORE_NOT_SUM", "ACTUAL_REPEATS_TARGET",
           "BUDGET_ADJUSTED_NO_REASON"}
_CODE = re.compile(r"^[A-Z][A-Z_]+$")
_CELL = re.compile(r"^[A-Z]{1,2}[1-9][0-9]*$")


def _codes_in(module: object) -> set[str]:
    return {v for k, v in vars(module).items() if isinstance(v, str) and k == v and _CODE.match(k)}


KNOWN_CODES = _AGREED | _codes_in(rules) | _codes_in(scoring) | _codes_in(grid) | _codes_in(project_sheets)


def _load(path: Path) -> dict[str, object]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path.name
    return data


def test_the_corpus_is_not_empty() -> None:
    assert EXPECTATIONS, "no *.expect.json under tests/data/real"


@pytest.mark.parametrize("path", EXPECTATIONS, ids=lambda p: p.name.removesuffix(".expect.json"))
def test_findings_use_known_codes_and_name_a_cell(path: Path) -> None:
    findings = _load(path)["findings"]
    assert isinstance(findings, list)
    for finding in findings:
        assert isinstance(finding, dict), finding
        code = finding["code"]
        assert code in KNOWN_CODES, f"{path.name}: unknown finding code {code!r}"
        assert finding["severity"] in {"error", "warning", "info"}, finding
        assert _CELL.match(str(finding["cell"])), f"{path.name}: {code} names no cell"
        assert str(finding["why"]).strip()


@pytest.mark.parametrize("path", EXPECTATIONS, ids=lambda p: p.name.removesuffix(".expect.json"))
def test_amounts_are_exact_decimal_strings(path: Path) -> None:
    projects = _load(path)["projects"]
    assert isinstance(projects, list) and projects
    for project in projects:
        assert isinstance(project, dict)
        funds = project.get("funds") or {}
        if isinstance(funds, str):
            continue  # a partial copy says in words why there are no amounts ("not in the stored copy")
        assert isinstance(funds, dict)
        for key in ("initial", "budget", "actual"):
            value = funds.get(key)
            if value is None:
                continue
            # Strings, not JSON numbers: a float would reintroduce the noise issue 12 is about.
            assert isinstance(value, str), f"{path.name}: funds.{key} must be a decimal string"
            try:
                Decimal(value)
            except InvalidOperation:
                pytest.fail(f"{path.name}: funds.{key}={value!r} is not a decimal")
