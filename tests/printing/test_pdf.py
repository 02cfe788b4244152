"""The PDF the finance bureau gets: the seed's form on A3/A4, every word and figure in it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF

from benchmarks.generate import make_report
from evaldesk.core.layout import SIGNATURE_FIELDS, SUMMARY_COLUMNS, header_cells
from evaldesk.core.records import Report
from evaldesk.io.errors import WriteError
from evaldesk.printing import fonts
from evaldesk.printing.paper import page_layout
from evaldesk.printing.pdf import PDF_RESOLUTION, export_pdf
from evaldesk.printing.summary import SummaryDocument, form_texts
from tests.printing.conftest import page_texts, squeeze

MM = 72 / 25.4
PAPER_MM = {"A3": (297, 420), "A4": (210, 297)}
HEADER_WORDS = sorted({squeeze(c.text) for c in header_cells()})


def figures(report: Report) -> list[str]:
    """Every amount and rate the form shows, as printed."""
    rows, _ = form_texts(report)
    numeric = [i for i, c in enumerate(SUMMARY_COLUMNS) if c.is_numeric]
    return [row[i] for row in rows for i in numeric]


def assert_every_cell_printed(report: Report, texts: list[str], paper: str, landscape: bool) -> None:
    """Each cell's lines are on the page the layout put them on (split rows piece by piece)."""
    document = SummaryDocument(report)
    dpi = PDF_RESOLUTION
    pages = document.layout(QRectF(page_layout(paper, landscape).paintRectPixels(dpi)), dpi)
    assert len(pages) == len(texts)
    for number, page in enumerate(pages):
        for piece in page.rows:
            for col in range(len(SUMMARY_COLUMNS)):
                lines = document.cell_lines(piece.row, col)
                shown = squeeze("".join(lines[piece.first_line:piece.first_line + piece.line_count]))
                assert shown in texts[number], (number, piece.row, col)


@pytest.mark.parametrize(("paper", "landscape"),
                         [("A3", True), ("A4", True), ("A3", False), ("A4", False)])
def test_seed_pdf_has_the_paper_size_and_every_name_and_figure(
    seed_report: Report, tmp_path: Path, paper: str, landscape: bool
) -> None:
    path = tmp_path / "seed.pdf"
    pages = export_pdf(seed_report, path, paper=paper, landscape=landscape)
    reader = PdfReader(path)
    assert len(reader.pages) == pages
    short, long = (d * MM for d in PAPER_MM[paper])
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (width, height) == pytest.approx((long, short) if landscape else (short, long), abs=1)
        assert page.get("/Rotate", 0) == 0
    texts = page_texts(path)
    for number, text in enumerate(texts, 1):
        missing = [w for w in HEADER_WORDS if w not in text]
        assert not missing, f"page {number} lacks header words {missing}"
        assert f"第{number}页共{pages}页" in text
    everything = "".join(texts)
    assert squeeze(seed_report.shown_title) in texts[0]
    assert "部门名称(盖章):龙岗区信访局" in texts[0] and "单位:万元" in texts[0]
    for project in seed_report.projects:
        assert squeeze(project.name) in everything
    assert_every_cell_printed(seed_report, texts, paper, landscape)
    printed = figures(seed_report)
    assert "98.13%" in printed and "91.66" in printed
    for figure in printed:
        assert figure in everything
    # 合计 sums the columns: 91.66 + 50.36 + 129.22 + 34.26 + 162.33 + 6.76.
    assert "474.59" in texts[-1]


def test_a3_needs_fewer_pages_than_a4(seed_report: Report, tmp_path: Path) -> None:
    report = make_report(120, seed=3)
    a3 = export_pdf(report, tmp_path / "a3.pdf", paper="A3")
    a4 = export_pdf(report, tmp_path / "a4.pdf", paper="A4")
    assert a3 < a4
    assert export_pdf(seed_report, tmp_path / "s3.pdf", paper="A3") < export_pdf(
        seed_report, tmp_path / "s4.pdf", paper="A4")


def test_a_row_taller_than_a_page_continues_under_a_repeated_header(tmp_path: Path) -> None:
    report = make_report(30, seed=1)
    row = 10
    tall = report.projects[row]
    tall.goal = "".join(f"{i}、完成第{i}批次信访事项的登记、转送、交办和督办工作，按期办结率达到百分之百；"
                        for i in range(1, 160))
    path = tmp_path / "tall.pdf"
    pages = export_pdf(report, path, paper="A4")
    texts = page_texts(path)
    assert pages == len(texts)

    # The same layout as the export, to know which lines went to which page.
    document = SummaryDocument(report)
    dpi = PDF_RESOLUTION
    laid_out = document.layout(QRectF(page_layout("A4").paintRectPixels(dpi)), dpi)
    assert len(laid_out) == pages
    goal_col = [c.key for c in SUMMARY_COLUMNS].index("goal")
    lines = document.cell_lines(row, goal_col)
    pieces = [(i, s) for i, page in enumerate(laid_out) for s in page.rows if s.row == row]
    assert len(pieces) >= 2, "the tall row should be split over pages"
    assert [i for i, _ in pieces] == list(range(pieces[0][0], pieces[0][0] + len(pieces)))
    # Continued, neither repeated nor cut: the pieces' lines follow on and cover the goal once.
    assert [s.first_line for _, s in pieces] == [
        sum(s.line_count for _, s in pieces[:k]) for k in range(len(pieces))]
    assert sum(s.line_count for _, s in pieces) == len(lines)
    for i, piece in pieces:
        assert all(w in texts[i] for w in HEADER_WORDS), f"page {i + 1} lacks the header"
        shown = lines[piece.first_line:piece.first_line + piece.line_count]
        assert squeeze("".join(shown)) in texts[i]
    everything = "".join(texts)
    for project in report.projects:
        if project is not tall:
            assert squeeze(project.goal) in everything


def test_totals_and_signatures_close_the_last_page(tmp_path: Path) -> None:
    report = make_report(60, seed=2)
    path = tmp_path / "big.pdf"
    export_pdf(report, path, paper="A3")
    texts = page_texts(path)
    assert len(texts) > 3
    _, totals = form_texts(report)
    budget_total = totals[[c.key for c in SUMMARY_COLUMNS].index("budget.total")]
    assert Decimal(budget_total) == sum((p.budget.total or Decimal(0) for p in report.projects),
                                        Decimal(0)).quantize(Decimal("0.01"))
    labels = [f"{label}：" for _, label in SIGNATURE_FIELDS]
    for text in texts[:-1]:
        assert not any(label in text for label in labels)
        assert budget_total not in text
    last = texts[-1]
    assert budget_total in last
    for (attr, label) in SIGNATURE_FIELDS:
        assert f"{label}：{squeeze(getattr(report, attr))}" in last


def test_fonts_are_embedded(seed_report: Report, tmp_path: Path) -> None:
    path = tmp_path / "fonts.pdf"
    export_pdf(seed_report, path)
    reader = PdfReader(path)
    fonts_seen = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            assert "/ToUnicode" in font
            fonts_seen.append(font["/BaseFont"])
    assert fonts_seen


def test_no_chinese_font_is_a_clear_write_error(seed_report: Report, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    class NoFonts:
        WritingSystem = fonts.QFontDatabase.WritingSystem

        @staticmethod
        def families(*writing_system: object) -> list[str]:
            return [] if writing_system else ["DejaVu Sans"]

        @staticmethod
        def writingSystems(_: str) -> list[object]:
            return []

        @staticmethod
        def isPrivateFamily(_: str) -> bool:
            return False

    monkeypatch.setattr(fonts, "QFontDatabase", NoFonts)
    path = tmp_path / "out.pdf"
    with pytest.raises(WriteError, match="中文的字体"):
        export_pdf(seed_report, path)
    assert not path.exists()


def test_a_failed_export_keeps_the_old_file(seed_report: Report, tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="文件夹不存在"):
        export_pdf(seed_report, tmp_path / "missing" / "out.pdf")
    path = tmp_path / "out.pdf"
    path.write_bytes(b"old")
    with pytest.raises(ValueError, match="A3"):
        export_pdf(seed_report, path, paper="B5")
    assert path.read_bytes() == b"old"
    assert export_pdf(seed_report, path, sheets="projects") >= 1
    assert path.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]  # no temporary file left behind
