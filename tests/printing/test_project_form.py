"""The printed per-project form (项目支出绩效自评表): one form per project on A4 portrait, every
name, figure and score on the page the layout put it on, long forms continued under a repeated
indicator heading, and the summary and the forms in one PDF each on its own page set-up."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageLayout, QPdfWriter

from evaldesk.core import project_layout as pl
from evaldesk.core.records import OUTPUT, Comparator, Funds, Indicator, Project, Report
from evaldesk.core.scoring import DEFAULT_PROFILE, ScoringProfile, get_profile, score_project
from evaldesk.io.errors import WriteError
from evaldesk.printing.paper import CombinedDocument, page_image, page_layout, print_document
from evaldesk.printing.pdf import PDF_RESOLUTION, export_pdf
from evaldesk.printing.project_form import CONTINUED, ProjectFormsDocument, cell_text
from evaldesk.printing.summary import SummaryDocument
from tests.printing.conftest import page_texts, squeeze

MM = 72 / 25.4
A4_PORTRAIT = (210 * MM, 297 * MM)
A3_LANDSCAPE = (420 * MM, 297 * MM)
INDICATOR_HEADINGS = [squeeze(c.label) for c in pl.INDICATOR_COLUMNS]
D = Decimal
REASON = "；".join(f"{i}、供应商延迟交货导致部分设备未能按期到位，已督促其在下一季度前补齐并加强合同履约管理"
                  for i in range(1, 9))


def scored_report(indicator_count: int = 4, reason: str = "", output: int = 50) -> Report:
    """Projects with weights, computed and typed scores, and optionally many long reasons;
    ``output`` the points of the 产出 group (the profile's, or the weights cannot be totalled)."""
    indicators = [
        Indicator("quantity", name=f"购置办公设备数量第{k}批", target="20", comparator=Comparator.GE,
                  unit="件", actual="18", weight=D(output - 10) / indicator_count, reason=reason)
        for k in range(1, indicator_count + 1)
    ]
    indicators += [
        Indicator("timeliness", name="配置完成时限", target="15", comparator=Comparator.LE,
                  unit="个工作日", actual="12", weight=D(10)),
        Indicator("social", name="工作效率", target="有效提升", comparator=Comparator.QUALITATIVE,
                  actual="基本完成", weight=D(30), score=D("27.5")),
        Indicator("satisfaction", name="使用人员满意度", target="90", comparator=Comparator.GE,
                  unit="%", actual="95", weight=D(10)),
    ]
    first = Project(
        seq="1", department="区信访局", name="办公设备购置", code="440307-2021-0001",
        authority="龙岗区信访局", implementer="龙岗区信访局办公室",
        initial=Funds(D("85"), None, D("1.5")),
        budget=Funds(D("91.66"), None, D("2")), actual=Funds(D("89.94"), None, D("1.5")),
        goal="做好特殊防护期间我区信访维稳工作", completion="基本完成年度目标",
        indicators=indicators, problems="部分设备延迟交付", rectification="加强合同履约管理",
        conclusion="项目总体完成较好", project_lead="张三", finance_lead="李四",
    )
    second = Project(
        seq="2", department="区信访局", name="全区信访业务培训",
        budget=Funds(D("6.76")), actual=Funds(D("6.01")),
        goal="培训信访业务办理人员约100人", completion="已完成",
        indicators=[
            Indicator("quantity", name="培训人数", target="100", unit="人", actual="96", weight=D(output)),
            Indicator("social", name="办理规范程度", target="提升", actual="明显提升", weight=D(30)),
            Indicator("satisfaction", name="参训人员满意度", target="90", unit="%", actual="92",
                      weight=D(10)),
        ],
        problems="无",
    )
    return Report(year=2021, title="2021年度区信访局预算项目绩效自评表", department="龙岗区信访局",
                  projects=[first, second])


def laid_out(report: Report, profile: ScoringProfile = DEFAULT_PROFILE) -> ProjectFormsDocument:
    """The same layout as the PDF export's, to know what went on which page."""
    document = ProjectFormsDocument(report, profile=profile)
    dpi = PDF_RESOLUTION
    document.layout(QRectF(page_layout("A4", False).paintRectPixels(dpi)), dpi)
    return document


def assert_every_cell_printed(document: ProjectFormsDocument, texts: list[str],
                              offset: int = 0) -> None:
    """Each cell's lines are on each page its rows were put on (a split row piece by piece)."""
    for number, page in enumerate(document.pages):
        form = document.forms[page.form]
        text = texts[offset + number]
        rows = {piece.row: piece for piece in page.pieces}
        for k, cell in enumerate(form.cells):
            lines = form.lines[k]
            pieces = [rows[r] for r in range(cell.row, cell.last_row + 1) if r in rows]
            if not lines or not pieces:
                continue
            split = [p for p in pieces if not p.whole]
            if cell.row == cell.last_row and split:
                lines = lines[split[0].first_line:split[0].first_line + split[0].line_count]
            assert squeeze("".join(lines)) in text, (number, cell)


def assert_paper(path: Path, sizes: list[tuple[float, float]]) -> None:
    pages = PdfReader(path).pages
    assert len(pages) == len(sizes)
    for page, size in zip(pages, sizes, strict=True):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(size, abs=1)


def test_projects_pdf_has_one_a4_portrait_form_per_project(seed_report: Report,
                                                           tmp_path: Path) -> None:
    path = tmp_path / "forms.pdf"
    pages = export_pdf(seed_report, path, sheets="projects")  # the summary's A3 is not the forms'
    assert_paper(path, [A4_PORTRAIT] * pages)
    texts = page_texts(path)
    document = laid_out(seed_report)
    assert len(document.pages) == pages
    assert len(document.forms) == len(seed_report.projects)
    for number, project in enumerate(seed_report.projects):
        span = document.pages_of(number)
        assert len(span) >= 1
        # Each form starts a page with its title; every page of it names the project.
        assert texts[span.start].startswith(squeeze(pl.TITLE + pl.year_line(seed_report.year)))
        for index in span:
            assert squeeze(pl.TITLE) in texts[index] and squeeze(project.name) in texts[index]
            assert f"第{index + 1}页共{pages}页" in texts[index]
    assert_every_cell_printed(document, texts)
    everything = "".join(texts)
    for project in seed_report.projects:
        for indicator in project.indicators:
            assert squeeze(indicator.name) in everything


def test_scores_are_printed_as_typed_or_as_the_profile_computes_them(tmp_path: Path) -> None:
    totals = []
    for profile in (DEFAULT_PROFILE, get_profile("exec20")):
        report = scored_report(output=int(profile.points_for(OUTPUT)))
        totals.append(score_project(report.projects[0], profile).total)
        path = tmp_path / f"{profile.name}.pdf"
        export_pdf(report, path, sheets="projects", profile=profile)
        texts = page_texts(path)
        document = laid_out(report, profile)
        assert_every_cell_printed(document, texts)
        for number, project in enumerate(report.projects):
            score = score_project(project, profile)
            assert score.total_capped is not None and score.grade is not None
            last = texts[document.pages_of(number)[-1]]
            total = f"{score.total_capped.quantize(D('0.01'))}"
            assert f"总分{profile.full_marks}{total}" in last
            assert f"自评等级{score.grade}" in last
            rate = f"{(project.rate_shown or 0) * 100:.2f}%"
            assert f"{profile.execution_points}{rate}{score.execution:.2f}" in texts[
                document.pages_of(number)[0]]
    # The typed 27.5 stands whatever the profile; the computed total follows the profile.
    assert "27.50" in "".join(page_texts(tmp_path / "mof.pdf"))
    assert totals[0] != totals[1]


def test_a_long_form_continues_under_the_repeated_indicator_heading(tmp_path: Path) -> None:
    report = scored_report(indicator_count=14, reason=REASON)
    path = tmp_path / "long.pdf"
    pages = export_pdf(report, path, sheets="projects")
    texts = page_texts(path)
    document = laid_out(report)
    assert len(document.pages) == pages
    span = document.pages_of(0)
    assert len(span) >= 2, "fourteen indicators with long reasons need more than a page"
    continued = squeeze(CONTINUED.format(title=pl.TITLE, name=report.projects[0].name))
    for index in span[1:]:
        assert texts[index].startswith(continued)
        page = document.pages[index]
        assert page.continued
        if page.pieces[0].repeated:
            assert all(word in texts[index] for word in INDICATOR_HEADINGS)
    # The break fell inside the indicator table, so the heading row was repeated at least once.
    assert any(document.pages[i].pieces[0].repeated for i in span[1:])
    # Nothing lost or repeated: the rows of the form are on its pages once, in order.
    rows = [p.row for i in span for p in document.pages[i].pieces if not p.repeated]
    assert sorted(set(rows)) == list(range(document.forms[0].plan.last + 1))
    assert rows == sorted(rows)
    assert_every_cell_printed(document, texts)
    # 总分 and the signatures close the form together.
    assert "总分" in texts[span[-1]] and "项目负责人张三" in texts[span[-1]]


def test_a_row_taller_than_a_page_is_split_between_lines(tmp_path: Path) -> None:
    report = scored_report(indicator_count=1, reason=REASON * 12)
    path = tmp_path / "tall.pdf"
    export_pdf(report, path, sheets="projects")
    texts = page_texts(path)
    document = laid_out(report)
    form = document.forms[0]
    row = form.plan.first_indicator
    pieces = [p for i in document.pages_of(0) for p in document.pages[i].pieces if p.row == row]
    assert len(pieces) >= 2 and not any(p.whole for p in pieces)
    assert [p.first_line for p in pieces] == [
        sum(p.line_count for p in pieces[:k]) for k in range(len(pieces))]
    assert sum(p.line_count for p in pieces) == form.row_lines[row]
    assert_every_cell_printed(document, texts)


def test_all_prints_the_summary_landscape_then_the_forms_portrait(tmp_path: Path) -> None:
    report = scored_report(indicator_count=14, reason=REASON)
    path = tmp_path / "all.pdf"
    pages = export_pdf(report, path, sheets="all")  # A3 landscape for the summary, by default
    summary = SummaryDocument(report)
    summary_pages = len(summary.layout(
        QRectF(page_layout("A3", True).paintRectPixels(PDF_RESOLUTION)), PDF_RESOLUTION))
    forms = laid_out(report)
    assert pages == summary_pages + len(forms.pages)
    assert_paper(path, [A3_LANDSCAPE] * summary_pages + [A4_PORTRAIT] * len(forms.pages))
    texts = page_texts(path)
    assert squeeze(report.shown_title) in texts[0]
    for number, text in enumerate(texts, 1):
        assert f"第{number}页共{pages}页" in text  # one count for the whole document
    assert_every_cell_printed(forms, texts, offset=summary_pages)


def test_only_the_chosen_projects_are_printed(tmp_path: Path) -> None:
    report = scored_report()
    second = report.projects[1]
    path = tmp_path / "one.pdf"
    export_pdf(report, path, sheets="projects", projects=[second.uid])
    text = "".join(page_texts(path))
    assert squeeze(second.name) in text and squeeze(report.projects[0].name) not in text
    with pytest.raises(WriteError, match="没有要打印的项目表"):
        export_pdf(report, tmp_path / "none.pdf", sheets="projects", projects=[])
    with pytest.raises(ValueError, match="uid"):
        ProjectFormsDocument(report, [max(p.uid for p in report.projects) + 1])
    # "all" with no form chosen is the summary alone.
    assert export_pdf(report, tmp_path / "summary.pdf", sheets="all", projects=[]) == 1


@pytest.mark.parametrize("report", [scored_report(), scored_report(14, REASON)],
                         ids=["short", "long reasons and a weight of 40/14"])
def test_short_answers_and_figures_are_not_broken_and_the_form_is_one_page_wide(
        report: Report) -> None:
    document = laid_out(report)
    width = page_layout("A4", False).paintRect(QPageLayout.Unit.Point).width()
    for form in document.forms:
        assert form.x[-1] == pytest.approx(width, abs=0.5)
        assert all(b > a for a, b in zip(form.x, form.x[1:], strict=False))
        for k, cell in enumerate(form.cells):
            text = cell_text(cell)
            if cell.kind in (pl.CellKind.AMOUNT, pl.CellKind.RATE, pl.CellKind.SCORE,
                             pl.CellKind.POINTS) or text in ("个工作日", "不适用"):
                assert len(form.lines[k]) <= 1, (cell, form.lines[k])
            if cell.kind is pl.CellKind.HEADING and text:
                # A heading breaks where the form breaks it (指标\n性质) and nowhere else.
                assert len(form.lines[k]) == text.count("\n") + 1, (cell, form.lines[k])


def test_combined_document_on_a_printer_uses_the_printers_page(qapp: object) -> None:
    """The preview and paper printers cannot change the page between pages: every part is laid
    out on the printer's page, still numbered as one document."""
    report = scored_report()
    summary, forms = SummaryDocument(report), ProjectFormsDocument(report)
    combined = CombinedDocument([(summary, page_layout("A3", True)),
                                 (forms, page_layout("A4", False))])
    dpi = 300
    pages = combined.layout(QRectF(page_layout("A4", False).paintRectPixels(dpi)), dpi)
    assert len(pages) == len(summary.pages) + len(forms.pages)
    assert combined.page_layout(0) is None
    assert (forms.first_page_number, forms.total_pages) == (len(summary.pages) + 1, len(pages))
    image = page_image(combined, page_layout("A4", False), len(pages) - 1, dpi=40, layout_dpi=dpi)
    assert image.width() < image.height()
    assert dark_pixels(image) > 100  # the last (short) form: its grid and text, full size


def dark_pixels(image: QImage) -> int:
    return sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
               if image.pixelColor(x, y).lightness() < 128)


def test_a_form_page_as_a_picture_is_drawn() -> None:
    document = ProjectFormsDocument(scored_report())
    image = page_image(document, page_layout("A4", False), 0, dpi=40)
    assert image.width() < image.height()  # portrait
    assert dark_pixels(image) > 200  # the grid and the text


def test_pdf_of_the_forms_from_the_command_line(tmp_path: Path, seed_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "forms.pdf"
    done = subprocess.run([sys.executable, "-m", "evaldesk", "pdf", str(seed_path), "-o", str(out),
                           "--sheets", "projects"], capture_output=True, text=True, env=env,
                          check=False, timeout=120)
    assert done.returncode in (0, 1), done.stderr  # 1: written, but the seed still has errors
    assert "Traceback" not in done.stderr
    reader = PdfReader(out)
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            A4_PORTRAIT, abs=1)
    text = squeeze("".join(page.extract_text() for page in reader.pages))
    # The seed's six projects, a form each (a continued page says （续）, not the year).
    assert text.count(squeeze(pl.TITLE + pl.year_line(2021))) == 6


def test_print_document_restores_the_devices_page(tmp_path: Path) -> None:
    report = scored_report()
    combined = CombinedDocument([(SummaryDocument(report), None),
                                 (ProjectFormsDocument(report), page_layout("A4", False))])
    writer = QPdfWriter(str(tmp_path / "w.pdf"))
    writer.setResolution(300)
    setup = page_layout("A3", True)
    writer.setPageLayout(setup)
    pages = print_document(combined, writer)
    assert writer.pageLayout().isEquivalentTo(setup)
    del writer
    sizes = [(float(p.mediabox.width), float(p.mediabox.height))
             for p in PdfReader(tmp_path / "w.pdf").pages]
    assert len(sizes) == pages
    assert sizes[0] == pytest.approx(A3_LANDSCAPE, abs=1)
    assert sizes[-1] == pytest.approx(A4_PORTRAIT, abs=1)


@pytest.mark.parametrize(("value", "shown"), [(D(10), "10"), (D("2.50"), "2.5"), (D(100), "100"),
                                              (D(40) / 14, "2.86"), ("二十五", "二十五")])
def test_weights_print_as_written_to_the_cent(value: Decimal | str, shown: str) -> None:
    cell = pl.FormCell(0, 8, 0, 8, value, pl.CellKind.POINTS)
    assert cell_text(cell) == shown


def test_forms_print_landscape_when_asked(seed_report: Report, tmp_path: Path) -> None:
    # The clerk's choice in the preview, and `evaldesk pdf --form-landscape`: the same forms on
    # the wider page, every cell still printed, a long form taking more pages rather than less.
    portrait = export_pdf(seed_report, tmp_path / "portrait.pdf", sheets="projects")
    path = tmp_path / "landscape.pdf"
    pages = export_pdf(seed_report, path, sheets="projects", form_landscape=True)
    assert_paper(path, [(A4_PORTRAIT[1], A4_PORTRAIT[0])] * pages)
    assert pages >= portrait
    texts = page_texts(path)
    everything = "".join(texts)
    for project in seed_report.projects:
        assert squeeze(project.name) in everything
    assert f"第1页共{pages}页" in texts[0]
