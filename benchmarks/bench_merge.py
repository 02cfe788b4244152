"""Merging a district: 200 departments' files into one summary, timed.

    python benchmarks/bench_merge.py [--files 200] [--per 5] [--format xlsx|csv|mixed]

Generates ``--files`` department files (``generate.make_report`` with ``--per`` projects each and
a distinct 部门名称 per file), then times what the window does off its GUI thread (read every
file with ``io.batch.read_many`` and ``core.merge.merge_reports``), writing the summary with a
小计 row per department, and ``evaldesk merge`` as a whole process (what a script pays). The
totals of the merge are checked against the sum of the parts before any figure is printed.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import DEPARTMENTS, make_report
from evaldesk.core import money
from evaldesk.core.fields import get_value
from evaldesk.core.layout import SUMMARY_COLUMNS, Kind, department_line, header_cells, unit_line
from evaldesk.core.merge import merge_reports
from evaldesk.core.records import Report

REPO = Path(__file__).resolve().parent.parent


def department_name(index: int) -> str:
    """Distinct names: the district's departments, then numbered offices beyond them."""
    base = DEPARTMENTS[index % len(DEPARTMENTS)]
    return base if index < len(DEPARTMENTS) else f"{base}第{index // len(DEPARTMENTS) + 1}分部"


def department_report(index: int, per_department: int) -> Report:
    report = make_report(per_department, seed=index)
    name = department_name(index)
    report.department = name
    report.title = f"{report.year}年度{name}预算项目绩效自评表"
    for project in report.projects:
        project.department = name
    return report


def _cell(value: Decimal | str | None, kind: Kind) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if kind is Kind.RATE:
        return money.format_rate(value)  # as a printed table has it: 98.13%
    return f"{value:f}"


def write_csv(report: Report, path: Path) -> None:
    """The summary as a department's clerk exports it from Excel: "CSV UTF-8", header and all."""
    rows: list[list[str]] = [[report.shown_title], [unit_line(report.unit)],
                             [department_line(report.department)]]
    header = [[""] * len(SUMMARY_COLUMNS) for _ in range(3)]
    for cell in header_cells():
        header[cell.row][cell.col] = cell.text
    rows += header
    for project in report.projects:
        rows.append([_cell(get_value(project, c.key), c.kind) for c in SUMMARY_COLUMNS])
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)


def department_files(folder: Path, count: int, per_department: int = 5, *,
                     workbooks_every: int = 1) -> tuple[list[Path], list[Report]]:
    """``count`` department files in ``folder``: every ``workbooks_every``-th an official .xlsx
    (``write_workbook``), the others CSV exports. Returns the paths and the reports written."""
    from evaldesk.io.write_xlsx import write_workbook

    paths: list[Path] = []
    reports: list[Report] = []
    for index in range(count):
        report = department_report(index, per_department)
        if workbooks_every and index % workbooks_every == 0:
            path = folder / f"{index:03d}_{report.department}.xlsx"
            write_workbook(report, path)
        else:
            path = folder / f"{index:03d}_{report.department}.csv"
            write_csv(report, path)
        paths.append(path)
        reports.append(report)
    return paths, reports


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--per", type=int, default=5, help="每个部门的项目数")
    parser.add_argument("--format", choices=("xlsx", "csv", "mixed"), default="xlsx")
    args = parser.parse_args(argv)
    from evaldesk.io.batch import read_many
    from evaldesk.io.write_xlsx import write_workbook

    every = {"xlsx": 1, "csv": 0, "mixed": 10}[args.format]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        paths, parts = department_files(folder, args.files, args.per, workbooks_every=every)
        print(f"generated {len(paths)} {args.format} files × {args.per} projects "
              f"in {time.perf_counter() - started:.1f} s")

        started = time.perf_counter()
        batch = read_many(paths)
        read_time = time.perf_counter() - started
        started = time.perf_counter()
        result = merge_reports(batch.reports, department="龙岗区财政局")
        merge_time = time.perf_counter() - started
        merged = result.report
        expected = sum((r.budget_total() for r in parts), Decimal(0))
        if batch.failures or merged.budget_total() != expected:
            print(f"WRONG: failures {batch.failures[:3]}, budget {merged.budget_total()} ≠ {expected}")
            return 1
        print(f"read {len(paths)} files: {read_time:.2f} s ({read_time / len(paths) * 1000:.1f} ms/file); "
              f"merge_reports of {len(merged.projects)} projects: {merge_time * 1000:.0f} ms")

        started = time.perf_counter()
        write_workbook(merged, folder / "汇总.xlsx", subtotals=True)
        print(f"write the summary with {len(result.department_totals())} 小计 rows: "
              f"{time.perf_counter() - started:.2f} s")

        started = time.perf_counter()
        process = subprocess.run(
            [sys.executable, "-m", "evaldesk", "merge", *map(str, paths), "-o", str(folder / "cli.xlsx")],
            cwd=REPO, capture_output=True, text=True, check=False)
        cli_time = time.perf_counter() - started
        print(f"evaldesk merge (whole process, {len(paths)} files): {cli_time:.2f} s, "
              f"exit {process.returncode}")
        if process.returncode:
            print("  " + (process.stderr.strip().splitlines() or [""])[-1])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
