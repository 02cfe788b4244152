"""Merging a district's 200 department files: totals are the sum of the parts, a corrupt file is
listed and left out, and the summary is written with a 小计 row per department."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from benchmarks.bench_merge import department_files
from evaldesk.core.merge import merge_reports
from evaldesk.io.batch import read_many
from evaldesk.io.read_xlsx import read_workbook
from evaldesk.io.write_xlsx import FIRST_DATA_ROW, SUBTOTAL_LABEL, write_workbook

D = Decimal


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[D], list[D]]:
    folder = tmp_path_factory.mktemp("district")
    # Every tenth department sends the official workbook, the others a CSV export: both shapes
    # a finance bureau receives, and CSVs keep 200 files quick to make.
    paths, reports = department_files(folder, 200, per_department=2, workbooks_every=10)
    corrupt = folder / "损坏的文件.xlsx"
    corrupt.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 16)
    paths.insert(137, corrupt)
    return paths, [r.budget_total() for r in reports], [r.actual_total() for r in reports]


def test_two_hundred_departments_add_up_and_a_corrupt_file_is_reported(
        district: tuple[list[Path], list[D], list[D]], tmp_path: Path) -> None:
    paths, budgets, actuals = district
    seen: list[int] = []
    batch = read_many(paths, progress=lambda done, _name: seen.append(done))
    assert seen == list(range(len(paths) + 1))
    ((bad, reason),) = batch.failures
    assert bad.endswith("损坏的文件.xlsx") and reason
    assert len(batch.reports) == 200

    result = merge_reports(batch.reports, department="龙岗区财政局")
    merged = result.report
    assert len(merged.projects) == 400
    assert [p.seq for p in merged.projects] == [str(n) for n in range(1, 401)]
    assert merged.budget_total() == sum(budgets, D(0))
    assert merged.actual_total() == sum(actuals, D(0))
    totals = result.department_totals()
    assert len(totals) == 200
    assert [budget for budget, _ in totals.values()] == budgets
    assert [actual for _, actual in totals.values()] == actuals
    assert result.duplicates == [] and result.years == {2021}

    out = tmp_path / "汇总.xlsx"
    write_workbook(merged, out, subtotals=True)
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    subtotals = [r for r in rows[FIRST_DATA_ROW:] if r and r[0] == SUBTOTAL_LABEL]
    assert [r[1] for r in subtotals] == list(totals)
    budget_col = 3  # 项目年度预算金额 / 合计
    assert [D(str(r[budget_col])).quantize(D("0.01")) for r in subtotals] == budgets
    back = read_workbook(out)  # the 小计 rows are not read as projects
    assert len(back.projects) == 400 and back.budget_total() == merged.budget_total()


def test_cancelling_stops_before_the_next_file(district: tuple[list[Path], list[D], list[D]]) -> None:
    paths, _budgets, _actuals = district
    read: list[str] = []
    batch = read_many(paths, progress=lambda _done, name: read.append(name),
                      cancelled=lambda: len(read) >= 3)
    assert batch.cancelled and len(batch.reports) == 3
