"""What another office suite sees in our workbook: LibreOffice converts it to CSV of the shown
values (formatted as the cells' number formats say), which must match the form."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from evaldesk.core.fields import get_value
from evaldesk.core.layout import COLUMN_INDEX, SUMMARY_COLUMNS, Kind, department_line, unit_line
from evaldesk.core.money import format_amount, format_rate
from evaldesk.io.read_text import read_text
from evaldesk.io.read_xlsx import read_workbook
from evaldesk.io.write_xlsx import FIRST_DATA_ROW, write_workbook

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]

# CSV options: comma, double quote, UTF-8 (76), start at line 1; "as shown" is the default.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1"


def _to_csv(xlsx: Path, out: Path) -> list[list[str]]:
    profile = out / "lo-profile"  # a private profile: parallel runs must not share one
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", CSV_FILTER, "--outdir", str(out), str(xlsx)],
        capture_output=True, text=True, timeout=180, check=False,
    )
    produced = out / (xlsx.stem + ".csv")
    assert produced.exists(), result.stderr or result.stdout
    with open(produced, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_libreoffice_shows_the_seed_as_printed(tmp_path: Path, seed_path: Path) -> None:
    report = read_text(seed_path)
    xlsx = tmp_path / "信访局.xlsx"
    write_workbook(report, xlsx)
    rows = _to_csv(xlsx, tmp_path)

    assert rows[0][0] == report.title == "2021年度区信访局预算项目绩效自评表"
    assert rows[1][0] == unit_line("万元")
    assert rows[2][0] == department_line("龙岗区信访局")
    first = rows[FIRST_DATA_ROW]
    assert first[COLUMN_INDEX["name"]] == "办公设备购置"
    assert first[COLUMN_INDEX["budget.total"]] == "91.66"
    assert first[COLUMN_INDEX["actual.total"]] == "89.94"
    assert first[COLUMN_INDEX["rate"]] == "98.13%"
    for offset, project in enumerate(report.projects):
        shown = rows[FIRST_DATA_ROW + offset]
        for col, column in enumerate(SUMMARY_COLUMNS):
            value = get_value(project, column.key)
            if isinstance(value, str):
                expected = value
            elif column.kind is Kind.RATE:
                expected = format_rate(value) if value is not None else ""
            else:
                expected = format_amount(value)
            assert shown[col] == expected, (project.seq, column.key)
    total = rows[FIRST_DATA_ROW + len(report.projects)]
    assert total[0] == "合计"
    assert total[COLUMN_INDEX["budget.total"]] == format_amount(report.budget_total())
    assert total[COLUMN_INDEX["rate"]] == format_rate(report.overall_rate())


def test_libreoffice_saved_copy_reads_back(tmp_path: Path, seed_path: Path) -> None:
    # A clerk opens our file in LibreOffice/WPS and saves it: the copy must still be ours to read.
    report = read_text(seed_path)
    xlsx = tmp_path / "ours.xlsx"
    write_workbook(report, xlsx)
    out = tmp_path / "lo"
    out.mkdir()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "xls", "--outdir", str(out), str(xlsx)],
        capture_output=True, timeout=180, check=False,
    )
    copy = out / "ours.xls"
    assert copy.exists()
    back = read_workbook(copy)
    assert [p.name for p in back.projects] == [p.name for p in report.projects]
    assert [p.budget.total for p in back.projects] == [p.budget.total for p in report.projects]
    assert [p.rate_shown for p in back.projects] == [p.rate_shown for p in report.projects]
    assert back.department == report.department
