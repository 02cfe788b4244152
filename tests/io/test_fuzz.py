"""Every reader, fed random tables and damaged files: a report or a ``ReadError`` naming the file
with a one-line reason, never another exception, never a hang.

Three sources of input: random cell contents and shapes under the official header, written as
xlsx, tsv and csv; byte mutations (flips, cuts, insertions, repeats) of a valid workbook and of the
seed text; and mutations of one XML part inside a workbook whose zip is then rebuilt with correct
checksums, so the damage reaches calamine's parsers rather than stopping at the CRC check.

The normal run is small (``EVALDESK_FUZZ_EXAMPLES`` sets the count per test; the default keeps
the file under 20 s); build_scripts/fuzz_long.py runs tens of thousands.
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaldesk.core.records import Report
from evaldesk.io import read_report
from evaldesk.io.errors import ReadError
from evaldesk.io.read_text import read_text
from evaldesk.io.write_xlsx import FIRST_DATA_ROW, write_workbook
from tests.conftest import _seed_path

# The normal run is the same every time (derandomized); the long run draws afresh.
LONG = bool(os.environ.get("EVALDESK_FUZZ_EXAMPLES"))
EXAMPLES = int(os.environ.get("EVALDESK_FUZZ_EXAMPLES", "0")) or 100
# A hang shows up as an example far over this (each normal one takes milliseconds).
DEADLINE_MS = 10_000
FUZZ = settings(max_examples=EXAMPLES, deadline=DEADLINE_MS, database=None, derandomize=not LONG,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])
CJK = re.compile(r"[\u4e00-\u9fff]")


def read_or_refuse(path: Path) -> Report | None:
    """The property every reader must have; returns the report, or None if it was refused."""
    refused: ReadError | None = None
    try:
        report = read_report(path)
    except ReadError as error:
        refused = error
    if refused is not None:
        assert refused.path == str(path) or refused.path.endswith(path.name), refused.path
        assert refused.reason and CJK.search(refused.reason), refused.reason
        return None
    assert isinstance(report, Report)
    return report


@cache
def _seed_book() -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "seed.xlsx"
        write_workbook(read_text(_seed_path()), path)
        return path.read_bytes()


@cache
def _header_rows() -> list[list[Any]]:
    """The official header as a workbook we write has it (title, lines, the 3 header rows)."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(io.BytesIO(_seed_book()))
    rows: list[list[Any]] = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    return [list(r) for r in rows[:FIRST_DATA_ROW]]


# -- random tables --------------------------------------------------------------------------------

_WORDS = ("合计", "=SUM(A1)", "1,234.56", "12%", "—", "（一）", "1.1", "见附件", "-", "　", "万元",
          "一般公共预算", "项目名称", "序号", "#DIV/0!", "1e308", "NaN", "0x1F", "１２３", "壹佰")
cell = st.one_of(
    st.none(),
    st.sampled_from(_WORDS),
    st.text(max_size=40),
    st.text(alphabet="项目资金预算执行率完成情况０１２３4567.,%-（）\n\t\"' ", max_size=60),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)
rows_strategy = st.lists(st.lists(cell, max_size=40), max_size=25)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _write_xlsx(path: Path, rows: list[list[Any]]) -> None:
    book = xlsxwriter.Workbook(str(path), {"nan_inf_to_errors": True, "strings_to_numbers": False,
                                           "strings_to_formulas": False, "strings_to_urls": False})
    sheet = book.add_worksheet()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, bool):
                sheet.write_boolean(r, c, value)
            elif isinstance(value, (int, float)):
                sheet.write_number(r, c, float(value))
            else:
                sheet.write_string(r, c, value[:32767])
    book.close()


@FUZZ
@given(rows=rows_strategy, header=st.booleans(), form=st.sampled_from(["xlsx", "tsv", "csv"]))
def test_random_tables(tmp_path_factory: pytest.TempPathFactory, rows: list[list[Any]],
                       header: bool, form: str) -> None:
    folder = tmp_path_factory.mktemp("table")
    table = (_header_rows() + rows) if header else rows
    path = folder / f"表.{form}"
    if form == "xlsx":
        _write_xlsx(path, table)
    elif form == "tsv":
        path.write_text("\n".join("\t".join(_text(v).replace("\t", " ") for v in row)
                                  for row in table), encoding="utf-8")
    else:
        out = io.StringIO()
        csv.writer(out).writerows([[_text(v) for v in row] for row in table])
        path.write_text(out.getvalue(), encoding="gb18030", errors="replace")
    read_or_refuse(path)


# -- damaged files ----------------------------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        kind = draw(st.sampled_from(["flip", "cut", "insert", "truncate", "repeat", "zero"]))
        at = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "cut":
            del data[at:at + draw(st.integers(1, 64))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        elif kind == "truncate":
            del data[at:]
        elif kind == "repeat":
            chunk = data[at:at + draw(st.integers(1, 256))]
            data[at:at] = chunk * draw(st.integers(1, 8))
        else:
            data[at:at + draw(st.integers(1, 64))] = bytes(min(64, len(data) - at))
    return bytes(data)


@FUZZ
@given(data=st.data(), suffix=st.sampled_from([".xlsx", ".xlsm", ".xls", ".ods"]))
def test_damaged_workbooks(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject,
                           suffix: str) -> None:
    path = tmp_path_factory.mktemp("book") / f"坏的{suffix}"
    path.write_bytes(data.draw(mutated(_seed_book())))
    read_or_refuse(path)


def _members() -> list[str]:
    with zipfile.ZipFile(io.BytesIO(_seed_book())) as archive:
        return [i.filename for i in archive.infolist()]


@FUZZ
@given(data=st.data())
def test_damaged_parts_inside_a_sound_zip(tmp_path_factory: pytest.TempPathFactory,
                                          data: st.DataObject) -> None:
    member = data.draw(st.sampled_from(_members()))
    source = io.BytesIO(_seed_book())
    target = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            content = old.read(info.filename)
            if info.filename == member:
                content = data.draw(mutated(content))
            new.writestr(info.filename, content)
    path = tmp_path_factory.mktemp("part") / "部件损坏.xlsx"
    path.write_bytes(target.getvalue())
    read_or_refuse(path)


@FUZZ
@given(data=st.data(), suffix=st.sampled_from([".txt", ".tsv", ".csv"]))
def test_damaged_texts(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject,
                       suffix: str) -> None:
    original = _seed_path().read_bytes()
    encoded = data.draw(st.sampled_from([original, original.decode("utf-8").encode("gb18030"),
                                         original.decode("utf-8").encode("utf-16")]))
    path = tmp_path_factory.mktemp("text") / f"坏的{suffix}"
    path.write_bytes(data.draw(mutated(encoded)))
    read_or_refuse(path)


# -- shapes no random draw reaches ------------------------------------------------------------------


@pytest.mark.parametrize("form", ["xlsx", "tsv"])
def test_a_gigantic_cell_under_the_header(tmp_path: Path, form: str) -> None:
    """An Excel cell holds at most 32,767 characters; a text file has no such limit."""
    row: list[Any] = ["1", "某部门", "项" * 32767 if form == "xlsx" else "项" * 2_000_000]
    table = [*_header_rows(), row]
    path = tmp_path / f"大单元格.{form}"
    if form == "xlsx":
        _write_xlsx(path, table)
    else:
        path.write_text("\n".join("\t".join(_text(v) for v in r) for r in table), encoding="utf-8")
    read_or_refuse(path)


def test_damaged_utf16_text(tmp_path: Path) -> None:
    path = tmp_path / "损坏的UTF-16.txt"
    lone_surrogate = b"\x00\xd8"
    path.write_bytes("序号\t项目名称\n1\t".encode("utf-16") + lone_surrogate + "项目".encode("utf-16-le"))
    read_or_refuse(path)


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\x00" * 100, b"\n\n\n", b"\t\t\t",
                                     b"PK\x05\x06" + b"\x00" * 18, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"])
@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".csv", ".txt", ".ods"])
def test_nearly_empty_files(tmp_path: Path, content: bytes, suffix: str) -> None:
    path = tmp_path / f"几乎是空的{suffix}"
    path.write_bytes(content)
    assert read_or_refuse(path) is None


# -- what runs, and the command line ---------------------------------------------------------------


def test_no_python_xml_parser_or_openpyxl_runs(tmp_path: Path) -> None:
    """Workbook XML is parsed by calamine (Rust, quick-xml: no DTDs, no entity expansion) after
    the preflight refused any DOCTYPE/ENTITY; openpyxl is for tests only. So no Python XML parser
    (the ones defusedxml would have to guard) is ever loaded by reading or saving."""
    import subprocess
    import sys

    book = tmp_path / "自评表.xlsx"
    book.write_bytes(_seed_book())
    code = (
        "import sys; from pathlib import Path; from evaldesk.io import read_report, write_report\n"
        f"report = read_report(Path({str(book)!r}))\n"
        f"write_report(report, Path({str(tmp_path / 'out.xlsx')!r}))\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'lxml', 'defusedxml')"
        " or m in ('xml.etree.ElementTree', 'xml.dom.minidom', 'xml.sax', 'pyexpat'))\n"
        "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("content", [
    b"",  # empty
    b"PK\x03\x04" + b"\x00" * 40,  # truncated zip
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,  # a compound file that is no workbook
    "序号\t姓名\n1\t张三\n".encode(),  # a text table that is not the form
])
def test_the_command_line_names_the_file_and_the_reason(
        tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    from evaldesk.cli import main

    path = tmp_path / "来路不明.xlsx"
    path.write_bytes(content)
    code = main(["check", str(path)])
    err = capsys.readouterr().err.strip()
    assert code != 0
    assert len(err.splitlines()) == 1 and str(path) in err and CJK.search(err), err
    assert "内部错误" not in err and "Traceback" not in err


def test_macros_and_external_links_are_ignored(tmp_path: Path) -> None:
    """A .xlsm with a VBA project and a link to another workbook: calamine reads cell values
    only, so the macro never runs and the link is never followed; the table reads as it is."""
    external = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b'<externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'relationships" r:id="rId1"/></externalLink>')
    link_rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                 b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                 b'officeDocument/2006/relationships/externalLinkPath" '
                 b'Target="file:///C:/Windows/System32/cmd.exe" TargetMode="External"/>'
                 b'</Relationships>')
    source = io.BytesIO(_seed_book())
    target = tmp_path / "带宏的.xlsm"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info.filename))
        new.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(2048))
        new.writestr("xl/externalLinks/externalLink1.xml", external)
        new.writestr("xl/externalLinks/_rels/externalLink1.xml.rels", link_rels)
    report = read_or_refuse(target)
    assert report is not None and report == read_text(_seed_path())
