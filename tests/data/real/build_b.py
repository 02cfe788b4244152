"""Write corpus-b's transcribed forms (src/b*.py) as workbooks laid out as published.

Each source module holds the sheet as rows of cell values (None = empty cell) and the merged
ranges, so a reviewer can compare the transcription with the published page line by line.
Run: .venv/bin/python tests/data/real/build_b.py   (rewrites every b*.xlsx next to this file)
"""

from __future__ import annotations

import datetime
import importlib.util
import io
import re
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment

HERE = Path(__file__).resolve().parent
# Fixed timestamps (document properties and zip entries) make a rebuild byte-identical, so a
# changed workbook in review always means a changed transcription.
_FIXED = datetime.datetime(2026, 1, 1)
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def _load(path: Path) -> object:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(path: Path) -> Path:
    form = _load(path)
    wb = Workbook()
    ws = wb.active
    ws.title = getattr(form, "SHEET", "Sheet1")
    wrap = Alignment(wrap_text=True, vertical="center")
    for r, row in enumerate(form.ROWS, start=1):  # type: ignore[attr-defined]
        for c, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = ws.cell(row=r, column=c, value=value)
            cell.alignment = wrap
    for rng in getattr(form, "MERGES", ()):
        ws.merge_cells(rng)
    for letter, width in getattr(form, "WIDTHS", {}).items():
        ws.column_dimensions[letter].width = width
    wb.properties.created = _FIXED
    wb.properties.modified = _FIXED
    wb.properties.creator = "evaldesk corpus (transcription)"
    buffer = io.BytesIO()
    wb.save(buffer)
    out = HERE / f"{path.stem}.xlsx"
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the save time into dcterms:modified whatever the property says.
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-01-01T00:00:00Z", data)
            dst.writestr(entry, data)
    return out


def main(argv: list[str]) -> int:
    sources = sorted((HERE / "src").glob("b[0-9]*.py"))
    if argv:
        sources = [s for s in sources if s.stem in argv]
    for src in sources:
        print(build(src).name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
