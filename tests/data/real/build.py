"""Writes the corpus workbooks from their transcriptions in src/.

Each src/<stem>.py is one published form, transcribed cell by cell: ROWS (one list per printed
row, None for an empty cell), MERGES (Excel ranges) and WIDTHS. Keeping the transcription as
reviewable source, not only as a binary .xlsx, lets a reviewer diff it against the published
page. Run from the repository root:

    .venv/bin/python tests/data/real/build.py            # every form
    .venv/bin/python tests/data/real/build.py a01 a04    # the forms whose stem starts so

Cell values: a str is written as text, exactly as published; Num("238.93") is a number cell
whose format prints it with the published decimals; Pct("100.00%") is a number cell (1.0)
formatted to print the published percentage. Which of the two a published page held is
unknowable from a web page; each source says which it chose and why.
"""
from __future__ import annotations

import datetime
import importlib.util
import io
import re
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
# Fixed document and zip-entry times make a rebuild byte-identical, so a changed workbook in a
# review always means a changed transcription.
_FIXED = datetime.datetime(2026, 1, 1)
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
sys.path.insert(0, str(SRC))

from _cells import Num, Pct  # noqa: E402  (src/ holds the transcriptions and their cell types)


def _format(decimals: int, percent: bool) -> str:
    body = "0" if decimals == 0 else "0." + "0" * decimals
    return body + ("%" if percent else "")


def _fit_row_heights(sheet: object, rows: list[list[object]], merges: list[str],
                     widths: dict[str, float]) -> None:
    """Tall enough rows for wrapped text, so a preview or print of the copy can be read."""
    from openpyxl.utils import get_column_letter, range_boundaries

    span: dict[tuple[int, int], float] = {}
    for merged in merges:
        min_col, min_row, max_col, _ = range_boundaries(merged)
        span[(min_row, min_col)] = sum(widths.get(get_column_letter(c), 9)
                                       for c in range(min_col, max_col + 1))
    for r, row in enumerate(rows, start=1):
        lines = 1
        for c, value in enumerate(row, start=1):
            if value is None:
                continue
            width = span.get((r, c), widths.get(get_column_letter(c), 9))
            for part in str(value).split("\n"):
                units = sum(2 if ord(ch) > 0x2E80 else 1 for ch in part)
                lines_here = max(1, -(-units // max(1, int(width))))
                lines = max(lines, lines_here + str(value).count("\n"))
        sheet.row_dimensions[r].height = 15 * lines  # type: ignore[attr-defined]


def _load(path: Path) -> object:
    spec = importlib.util.spec_from_file_location(f"corpus_src_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def build(path: Path) -> Path:
    form = _load(path)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = form.SHEET  # type: ignore[attr-defined]
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    boxed_from = getattr(form, "BOXED_FROM_ROW", 1)
    for r, row in enumerate(form.ROWS, start=1):  # type: ignore[attr-defined]
        for c, value in enumerate(row, start=1):
            if value is None:
                cell = sheet.cell(row=r, column=c)
            elif isinstance(value, Pct):
                cell = sheet.cell(row=r, column=c, value=Decimal(value.rstrip("%")) / 100)
                cell.number_format = _format(value.decimals(), percent=True)
            elif isinstance(value, Num):
                cell = sheet.cell(row=r, column=c, value=Decimal(value))
                cell.number_format = _format(value.decimals(), percent=False)
            else:
                cell = sheet.cell(row=r, column=c, value=str(value))
                # openpyxl takes any text starting with "=" for a formula; a target printed as
                # 「=8个」 or 「=100%」 is text on the page, and a formula would be read as empty.
                cell.data_type = "s"
                cell.number_format = "@"
            cell.alignment = wrap
            if r >= boxed_from:
                cell.border = border
    for title_row in getattr(form, "TITLE_ROWS", ()):
        sheet.cell(row=title_row, column=1).font = Font(bold=True, size=14)
    for merged in form.MERGES:  # type: ignore[attr-defined]
        sheet.merge_cells(merged)
    widths = getattr(form, "WIDTHS", {})
    for column, width in widths.items():
        sheet.column_dimensions[column].width = width
    _fit_row_heights(sheet, form.ROWS, form.MERGES, widths)  # type: ignore[attr-defined]
    # Printed forms are one landscape page wide; so the built copy previews like the original.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.properties.created = _FIXED
    book.properties.creator = "evaldesk corpus (transcription)"
    buffer = io.BytesIO()
    book.save(buffer)
    out = HERE / f"{path.stem}.xlsx"
    with zipfile.ZipFile(buffer) as built, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in built.infolist():
            data = built.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the save time into dcterms:modified whatever the property says.
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-01-01T00:00:00Z", data)
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME), data,
                         compress_type=zipfile.ZIP_DEFLATED)
    return out


def main(argv: list[str]) -> int:
    sources = sorted(p for p in SRC.glob("*.py") if not p.name.startswith("_"))
    if argv:
        sources = [p for p in sources if any(p.stem.startswith(a) for a in argv)]
    for path in sources:
        print(build(path).relative_to(HERE.parent.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
