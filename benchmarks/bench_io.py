"""Open, save and validate timings for district-sized workbooks, beside openpyxl, in one run.

    python benchmarks/bench_io.py [--sizes 500 5000] [--repeat 3]

For each size: our save (xlsxwriter, styled, atomic), our open (preflight + calamine + grid),
validating every project (``Checker(report)``) and re-checking one after an edit
(``Checker.recheck``), beside openpyxl ``load_workbook`` of the same file and an openpyxl write of
the same cells with the same styling. Then ``python -m evaldesk check`` of a 6-project file as a
whole process, which is what a clerk's double-click or a script pays. The goals: open ≥ 10× and
save ≥ 3× faster than openpyxl.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import make_report
from evaldesk.core import layout
from evaldesk.core.fields import get_value
from evaldesk.core.layout import SUMMARY_COLUMNS, Kind
from evaldesk.core.records import Report
from evaldesk.core.rules import Checker
from evaldesk.io.cell_metrics import height_for, line_count
from evaldesk.io.read_xlsx import read_workbook
from evaldesk.io.write_xlsx import FIRST_DATA_ROW, HEADER_TOP, write_workbook

REPO = Path(__file__).resolve().parent.parent


def best_of(repeat: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def openpyxl_styled_write(report: Report, path: Path) -> None:
    """The same sheet written the usual openpyxl way: same cells, merges, borders, formats."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "绩效自评表"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = Font(name="宋体", size=10)
    wrap = Alignment(wrap_text=True, vertical="center")
    last = len(SUMMARY_COLUMNS)
    sheet.cell(1, 1, report.shown_title).font = Font(name="宋体", size=18, bold=True)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    sheet.cell(2, 1, layout.unit_line(report.unit))
    sheet.cell(3, 1, layout.department_line(report.department))
    for cell in layout.header_cells():
        top, left = HEADER_TOP + cell.row + 1, cell.col + 1
        target = sheet.cell(top, left, cell.text)
        target.font, target.border, target.alignment = Font(name="宋体", size=10, bold=True), border, wrap
        if cell.row_span > 1 or cell.col_span > 1:
            sheet.merge_cells(start_row=top, start_column=left, end_row=top + cell.row_span - 1,
                              end_column=left + cell.col_span - 1)
    for col, column in enumerate(SUMMARY_COLUMNS, 1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(col)].width = column.width
    row = FIRST_DATA_ROW + 1
    for project in report.projects:
        lines = 1
        for col, column in enumerate(SUMMARY_COLUMNS, 1):
            value = get_value(project, column.key)
            cell = sheet.cell(row, col)
            if isinstance(value, Decimal):
                cell.value = float(value)
                cell.number_format = (layout.RATE_FORMAT if column.kind is Kind.RATE
                                      else layout.AMOUNT_FORMAT)
            elif value:
                cell.value = value
                cell.data_type = "s"
                lines = max(lines, line_count(value, column.width))
            cell.font, cell.border, cell.alignment = font, border, wrap
        sheet.row_dimensions[row].height = height_for(lines)
        row += 1
    sheet.freeze_panes = sheet.cell(FIRST_DATA_ROW + 1, layout.FROZEN_COLUMNS + 1)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 8
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = f"{HEADER_TOP + 1}:{FIRST_DATA_ROW}"
    book.save(path)


def openpyxl_load(path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(path)
    for _row in book.worksheets[0].iter_rows(values_only=True):
        pass
    book.close()


def recheck_one(report: Report) -> float:
    """Median time of re-checking one project after an edit, over a spread of projects."""
    checker = Checker(report)
    step = max(1, len(report.projects) // 50)
    times = []
    for project in report.projects[::step]:
        project.problems = project.problems + "。"  # an edit, as a keystroke would make
        start = time.perf_counter()
        checker.recheck(project)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cli_check(folder: Path) -> tuple[float, int]:
    path = folder / "six.xlsx"
    write_workbook(make_report(6, seed=1), path)
    times = []
    code = 0
    for _ in range(3):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "evaldesk", "check", str(path)], cwd=REPO,
                              capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        code = done.returncode
    return min(times), code


def measure(size: int, folder: Path, repeat: int, *, with_openpyxl: bool) -> tuple[str, ...]:
    report = make_report(size)
    ours = folder / f"ours-{size}.xlsx"
    # The summary sheet against openpyxl's styled summary: the same content. Our save also
    # reads the file back and compares it before replacing anything (issue 7's safety), which
    # openpyxl's does not; per-project sheets are timed in bench_project_sheets.py.
    save = best_of(repeat, lambda: write_workbook(report, ours, project_sheets=False))
    load = best_of(repeat, lambda: read_workbook(ours))
    assert read_workbook(ours) == report, "round trip lost something"
    validate_all = best_of(repeat, lambda: Checker(report))
    validate_one = recheck_one(report)
    theirs_save = theirs_load = float("nan")
    if with_openpyxl:
        theirs = folder / f"openpyxl-{size}.xlsx"
        theirs_save = best_of(1, lambda: openpyxl_styled_write(report, theirs))
        theirs_load = best_of(1, lambda: openpyxl_load(ours))
    return (f"{size} projects", fmt(load), fmt(theirs_load), f"{theirs_load / load:.1f}×",
            fmt(save), fmt(theirs_save), f"{theirs_save / save:.1f}×", fmt(validate_all),
            fmt(validate_one))


def fmt(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms" if seconds < 0.1 else f"{seconds:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
    parser.add_argument("--repeat", type=int, default=3, help="best of N for our own timings")
    parser.add_argument("--no-openpyxl", action="store_true", help="skip the (slow) comparison")
    args = parser.parse_args(argv)

    rows: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in args.sizes:
            rows.append(measure(size, folder, args.repeat, with_openpyxl=not args.no_openpyxl))
            print(f"  {size}: done", file=sys.stderr)
        cli_time, cli_code = cli_check(folder)

    headings = ("size", "open", "openpyxl open", "speed-up", "save", "openpyxl save", "speed-up",
                "validate all", "re-check one")
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headings)]
    print(" | ".join(h.ljust(w) for h, w in zip(headings, widths, strict=True)))
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    print(f"\n`python -m evaldesk check` of a 6-project workbook, whole process: {fmt(cli_time)} "
          f"(exit {cli_code})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
