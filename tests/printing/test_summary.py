"""The summary form's layout: widths that keep numbers whole, rows that fit their text, pages."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF
from PySide6.QtPrintSupport import QPrinter

from benchmarks.generate import make_report
from evaldesk.core.layout import SUMMARY_COLUMNS, Kind, header_cells
from evaldesk.core.records import Funds, Project, Report
from evaldesk.printing.notice import print_warning
from evaldesk.printing.paper import page_image, page_layout, print_document
from evaldesk.printing.summary import (
    LONG_CELL_EM,
    READABLE_EM,
    TOTAL_ROW,
    HeaderBlock,
    RowSlice,
    SignatureBlock,
    SummaryDocument,
    TitleBlock,
    cell_text,
    form_texts,
)
from evaldesk.printing.text import TextMeasure
from tests.printing.conftest import page_texts

DPI = 1200


def laid_out(report: Report, paper: str = "A3", landscape: bool = True) -> SummaryDocument:
    document = SummaryDocument(report)
    document.layout(QRectF(page_layout(paper, landscape).paintRectPixels(DPI)), DPI)
    return document


def test_body_text_is_readable_on_every_paper(seed_report: Report) -> None:
    sizes = {(paper, landscape): laid_out(seed_report, paper, landscape).size
             for paper in ("A3", "A4") for landscape in (True, False)}
    assert sizes[("A3", True)] >= 7
    assert sizes[("A4", True)] >= 6
    assert sizes[("A4", False)] >= 5
    assert sizes[("A3", True)] > sizes[("A4", True)] > sizes[("A4", False)]


@pytest.mark.parametrize(("paper", "landscape"), [("A3", True), ("A4", False)])
def test_numbers_are_never_cut_and_the_table_is_one_page_wide(paper: str, landscape: bool) -> None:
    report = make_report(40, seed=5)
    huge = report.projects[0]
    huge.budget = Funds(general=Decimal("98765432.10"), fund=Decimal("1234567.89"),
                        non_fiscal=Decimal("0"))
    huge.actual = Funds(general=Decimal("98765432.09"), fund=Decimal("0"), non_fiscal=Decimal("0"))
    document = laid_out(report, paper, landscape)
    page_width = page_layout(paper, landscape).paintRect().width() * 72 / 25.4
    assert sum(document.widths) == pytest.approx(page_width, abs=0.5)
    for col, column in enumerate(SUMMARY_COLUMNS):
        if column.kind in (Kind.AMOUNT, Kind.RATE):
            for row in [*range(len(report.projects)), TOTAL_ROW]:
                assert len(document.cell_lines(row, col)) <= 1, (column.key, row)
    assert document.cell_lines(0, 3) == ("99999999.99",)


@pytest.mark.parametrize(("paper", "landscape"), [("A3", True), ("A4", True)])
def test_a_column_with_a_sentence_is_never_a_sliver(seed_report: Report, paper: str,
                                                    landscape: bool) -> None:
    # The seed's 时效 完成情况 holds 从提出申请到完成配置15个工作日内 beside short answers.
    document = laid_out(seed_report, paper, landscape)
    measure = TextMeasure(document.family)
    rows, _ = form_texts(seed_report)
    slivers_avoided = 0
    for col, column in enumerate(SUMMARY_COLUMNS):
        if column.is_numeric or column.kind is Kind.SEQ:
            continue
        if max(measure.em_width(row[col]) for row in rows) > LONG_CELL_EM:
            room = (document.widths[col] - 2 * document.pad_x) / document.size
            assert room >= READABLE_EM - 1e-6, (column.key, room)
            slivers_avoided += room < READABLE_EM + 0.5
    assert slivers_avoided, "some column would have been narrower without the rule"


def test_rows_are_as_tall_as_their_tallest_cell(seed_report: Report) -> None:
    document = laid_out(seed_report)
    for page in document.pages:
        for piece in page.rows:
            if piece.whole and piece.row != TOTAL_ROW:
                tallest = max(len(document.cell_lines(piece.row, c))
                              for c in range(len(SUMMARY_COLUMNS)))
                assert piece.line_count == max(1, tallest)
                assert piece.height == pytest.approx(
                    piece.line_count * document.line_height + 2 * document.pad_y)


def test_pages_start_with_the_header_and_rows_do_not_overlap(seed_report: Report) -> None:
    document = laid_out(make_report(60, seed=4), "A4")
    page_height = page_layout("A4").paintRect().height() * 72 / 25.4
    for number, page in enumerate(document.pages):
        kinds = [type(b) for b in page.blocks]
        assert kinds[: 2 if number == 0 else 1] == ([TitleBlock, HeaderBlock] if number == 0
                                                    else [HeaderBlock])
        bottom = page.blocks[1 if number == 0 else 0].y + document.header_height
        for piece in page.rows:
            assert piece.y == pytest.approx(bottom)
            bottom = piece.y + piece.height
        assert bottom <= page_height - document.footer_height + 1e-6
    assert isinstance(document.pages[-1].blocks[-1], SignatureBlock)
    rows = [s.row for page in document.pages for s in page.rows]
    assert rows == [*range(60), TOTAL_ROW]


def test_the_merged_header_is_drawn_as_the_layout_merges_it(seed_report: Report) -> None:
    cells = {c.text: c for c in header_cells()}
    assert (cells["项目年度预算金额"].col_span, cells["序号"].row_span) == (4, 3)
    document = laid_out(seed_report)
    # Every header word fits its merged cell; none is cut.
    for cell in header_cells():
        lines = document._wrap(cell.text, cell.col, cell.col_span)
        assert "".join(lines) == cell.text.replace(" ", "") or "".join(lines) == cell.text


def test_an_empty_report_still_prints_header_totals_and_signatures(tmp_path: Path) -> None:
    report = Report(year=2022, department="区档案馆", projects=[])
    document = laid_out(report)
    assert document.page_count == 1
    assert [type(b) for b in document.pages[0].blocks] == [
        TitleBlock, HeaderBlock, RowSlice, SignatureBlock]


def test_printer_page_range_prints_those_pages_with_the_true_total(tmp_path: Path) -> None:
    report = make_report(40, seed=6)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    path = tmp_path / "range.pdf"
    printer.setOutputFileName(str(path))
    printer.setPageLayout(page_layout("A4"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    total = print_document(SummaryDocument(report), printer)
    assert total > 3
    assert len(PdfReader(path).pages) == 2
    texts = page_texts(path)
    assert f"第2页共{total}页" in texts[0] and f"第3页共{total}页" in texts[1]


def test_preview_warns_only_while_the_report_has_errors(seed_report: Report) -> None:
    warning = print_warning(seed_report)
    assert warning is not None and "处错误" in warning
    clean = Report(year=2021, projects=[])
    assert print_warning(clean) is None
    project = Project(seq="1", name="办公设备购置", goal="购置办公设备",
                      budget=Funds(general=Decimal("10"), fund=Decimal("0"), non_fiscal=Decimal("0")),
                      actual=Funds(general=Decimal("12"), fund=Decimal("0"), non_fiscal=Decimal("0")))
    assert print_warning(Report(year=2021, projects=[project])) is not None


def test_a_page_picture_is_the_paper_with_the_form_inside_its_margins(seed_report: Report) -> None:
    setup = page_layout("A3")
    document = SummaryDocument(seed_report)
    image = page_image(document, setup, 0, dpi=50)
    paper = setup.fullRectPoints()
    assert (image.width(), image.height()) == (round(paper.width() * 50 / 72),
                                               round(paper.height() * 50 / 72))
    assert document.page_count == 2  # laid out on demand, at the PDF's resolution

    def ink(x0: int, y0: int, x1: int, y1: int) -> int:
        return sum(image.pixelColor(x, y).lightness() < 128
                   for x in range(x0, x1, 2) for y in range(y0, y1, 2))

    margin = round(10 / 25.4 * 50)  # 10 mm at 50 dpi
    assert ink(0, 0, image.width(), margin - 2) == 0  # nothing printed in the top margin
    assert ink(margin, margin, image.width() - margin, image.height() - margin) > 1000


def test_form_texts_show_what_each_field_shows() -> None:
    report = make_report(120, seed=8)  # with numbers typed as text and printed rates
    rows, totals = form_texts(report)
    assert rows == [[cell_text(p, c) for c in SUMMARY_COLUMNS] for p in report.projects]
    assert any("见附表" in row for row in rows)
    assert totals[0] == "合计"
    assert totals[[c.key for c in SUMMARY_COLUMNS].index("rate")].endswith("%")
