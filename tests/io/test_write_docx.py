"""The drafted 绩效自评报告 as a Word file: its figures, typography and a safe save; and what
LibreOffice makes of it, for the seed and for a district's 300 projects."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from benchmarks.generate import make_report
from evaldesk.core.money import format_rate
from evaldesk.core.selfreport import SelfReportSummary, summarize
from evaldesk.io import WriteError, read_report
from evaldesk.io.read_text import read_text
from evaldesk.io.write_docx import (
    BODY_FONT,
    HEADING_FONT,
    PLACEHOLDER_OPEN,
    TITLE_FONT,
    build_document,
    money,
    suggested_file_name,
    write_self_report,
)
from evaldesk.io.write_xlsx import write_workbook
from tests.docx_text import document_content

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def seed_summary() -> SelfReportSummary:
    from tests.conftest import _seed_path

    return summarize(read_text(_seed_path()))


def _figures(s: SelfReportSummary) -> list[str]:
    """Every total the report must state, as it prints them."""
    figures = [money(s.budget), money(s.actual), format_rate(s.rate), money(s.fiscal.budget),
               money(s.fiscal.actual), f"{s.project_count}个项目"]
    for line in s.sources:
        figures += [line.label, money(line.budget), money(line.actual), format_rate(line.rate)]
    return figures


def test_every_total_and_low_rate_project_is_in_the_document(
        tmp_path: Path, seed_summary: SelfReportSummary) -> None:
    target = tmp_path / "自评报告.docx"
    write_self_report(seed_summary, target)
    text = "\n".join(document_content(target))

    for figure in _figures(seed_summary):
        assert figure in text, figure
    assert "474.59" in text and "463.15" in text and "97.59%" in text
    assert "6 | 全区信访业务培训 | 6.76 | 6.01 | 88.91% | 【未说明原因，请补充】" in text
    for section in ("一、基本情况", "二、绩效自评工作开展情况", "三、预算执行情况", "四、绩效目标完成情况",
                    "五、自评结论", "六、存在的问题及原因", "七、下一步改进措施",
                    "八、绩效自评结果应用及公开情况", "九、其他需要说明的问题"):
        assert section in text.splitlines(), section
    # The open findings are listed as such, each with its message.
    assert f"仍有{seed_summary.errors}个错误、{seed_summary.warnings}个警告尚未处理" in text
    for finding in seed_summary.findings:
        assert finding.message in text


def test_places_for_the_clerk_are_highlighted(tmp_path: Path, seed_summary: SelfReportSummary) -> None:
    document = build_document(seed_summary)
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs]
    cells = [run for table in document.tables for row in table.rows for cell in row.cells
             for paragraph in cell.paragraphs for run in paragraph.runs]
    marked = [run for run in runs + cells if run.text.startswith("【")]
    assert len(marked) >= 10
    assert all(run.font.highlight_color is not None for run in marked)
    # …and nothing else is: a highlighted figure would read as one still to be filled in.
    assert all(run.font.highlight_color is None for run in runs + cells
               if not run.text.startswith("【"))
    assert any(run.text.startswith(PLACEHOLDER_OPEN) for run in runs)


def test_typography_a_bureau_expects(tmp_path: Path, seed_summary: SelfReportSummary) -> None:
    target = tmp_path / "r.docx"
    write_self_report(seed_summary, target)
    with zipfile.ZipFile(target) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        footer = "".join(archive.read(n).decode("utf-8") for n in archive.namelist()
                         if n.startswith("word/footer"))
        fonts = archive.read("word/fontTable.xml").decode("utf-8")
        styles = archive.read("word/styles.xml").decode("utf-8")
    # A4 portrait, in twentieths of a point.
    assert 'w:w="11906"' in body and 'w:h="16838"' in body
    # East Asian font names, which Word on a Chinese Windows uses for the characters.
    # The title and headings name theirs on the runs; the body and the tables through styles.
    for font in (TITLE_FONT, HEADING_FONT):
        assert f'w:eastAsia="{font}"' in body
    normal = re.search(r'<w:style w:type="paragraph" w:default="1" w:styleId="Normal">.*?</w:style>',
                       styles, re.S)
    assert normal is not None and f'w:eastAsia="{BODY_FONT}"' in normal.group(0)
    assert '<w:sz w:val="32"/>' in normal.group(0)  # 三号: 16 pt in half-points
    cell = re.search(r'<w:style [^>]*w:styleId="[^"]*">\s*<w:name w:val="表格文字"/>.*?</w:style>',
                     styles, re.S)
    assert cell is not None and 'w:eastAsia="宋体"' in cell.group(0) and 'w:val="21"' in cell.group(0)
    for font in (TITLE_FONT, BODY_FONT, HEADING_FONT, "宋体"):
        assert f'w:name="{font}"' in fonts
    heading = re.search(r"<w:r>(?:(?!</w:r>).)*一、基本情况", body)
    assert heading is not None and 'w:eastAsia="黑体"' in heading.group(0) and "<w:b/>" in heading.group(0)
    assert "PAGE" in footer and 'w:fldCharType="begin"' in footer


def test_the_file_describes_the_draft_not_the_library(tmp_path: Path,
                                                      seed_summary: SelfReportSummary) -> None:
    import docx

    target = _written(seed_summary, tmp_path)
    properties = docx.Document(str(target)).core_properties
    assert properties.title == "龙岗区信访局2021年度项目支出绩效自评报告"
    assert properties.author == "龙岗区信访局" and "python-docx" not in properties.comments
    assert properties.created is not None and properties.created.year >= 2024
    with zipfile.ZipFile(target) as archive:
        assert not any("thumbnail" in name for name in archive.namelist())


def test_the_save_is_atomic_and_takes_the_umask(tmp_path: Path, seed_summary: SelfReportSummary,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.docx"
    old = os.umask(0o022)
    try:
        write_self_report(seed_summary, target)
    finally:
        os.umask(old)
    if sys.platform == "win32":
        # Windows keeps no rwx bits (the folder's ACL applies): an ordinary writable file.
        assert target.stat().st_mode & stat.S_IWRITE
    else:
        assert target.stat().st_mode & 0o777 == 0o644
    before = target.read_bytes()

    import docx.document

    def broken_save(self: object, path: str) -> None:
        Path(path).write_bytes(b"PK\x03\x04 half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    with pytest.raises(WriteError, match="磁盘空间不足"):
        write_self_report(seed_summary, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.docx"]  # no temporary file left


def test_only_a_docx_is_written(tmp_path: Path, seed_summary: SelfReportSummary) -> None:
    with pytest.raises(WriteError, match=r"\.docx"):
        write_self_report(seed_summary, tmp_path / "r.doc")
    assert not (tmp_path / "r.doc").exists()


def test_the_file_name_says_whose_report_of_which_year() -> None:
    assert suggested_file_name(2021, "龙岗区信访局") == "龙岗区信访局2021年度项目支出绩效自评报告.docx"
    assert suggested_file_name(None, "") == "项目支出绩效自评报告.docx"
    assert suggested_file_name(2021, "区局/办公室") == "区局_办公室2021年度项目支出绩效自评报告.docx"


def test_a_report_with_scores_states_them(tmp_path: Path) -> None:
    from evaldesk.core.records import Report
    from tests.core.test_selfreport import _scored_project

    s = summarize(Report(year=2023, department="区教育局",
                         projects=[_scored_project("1", "200人次"), _scored_project("2", "150人次")]))
    text = "\n".join(document_content(_written(s, tmp_path)))
    for p in s.scored:
        assert f"{p.seq} | {p.name} | {p.total:.2f} | {p.grade}" in text
    assert "平均" in text and "评分项目2 | 数量指标：培训人次 | ≥200人次 | 150人次" in text


def test_a_project_whose_total_cannot_be_computed_says_how_many_scores_are_missing(
        tmp_path: Path) -> None:
    from evaldesk.core.records import Report
    from tests.core.test_selfreport import _scored_project

    project = _scored_project("1", "200人次")
    project.indicators[1].actual = "待评估"  # a qualitative actual the profile cannot grade
    s = summarize(Report(year=2023, department="区教育局", projects=[project]))
    assert s.scored[0].total is None and len(s.scored[0].missing) == 1

    text = "\n".join(document_content(_written(s, tmp_path)))
    assert "1 | 评分项目1 | 未完成评分（1项缺得分） | —" in text
    assert "设有分值的1个项目中0个可计算总分" in text


def _written(s: SelfReportSummary, folder: Path) -> Path:
    target = folder / "r.docx"
    write_self_report(s, target)
    return target


# -- what LibreOffice makes of it -----------------------------------------------------------------

def _pdf_text(docx_path: Path, out: Path) -> str:
    profile = out / "lo-profile"  # a private profile: parallel runs must not share one
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), str(docx_path)],
        capture_output=True, text=True, timeout=300, check=False)
    pdf = out / (docx_path.stem + ".pdf")
    assert pdf.exists(), result.stderr or result.stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    # Lines break anywhere in Chinese text and in table cells: compare without white space.
    return re.sub(r"\s+", "", text)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext is not installed")
def test_libreoffice_opens_the_seeds_report(tmp_path: Path, seed_summary: SelfReportSummary) -> None:
    text = _pdf_text(_written(seed_summary, tmp_path), tmp_path)

    for figure in _figures(seed_summary):
        assert _squeezed(figure) in text, figure
    for low in seed_summary.low_rate:
        assert _squeezed(low.name) in text
    assert "【未说明原因，请补充】" in text
    assert "龙岗区信访局2021年度项目支出绩效自评报告" in text
    assert "—1—" in text and "—2—" in text  # the page number field, filled in


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext is not installed")
def test_libreoffice_opens_a_districts_300_project_report(tmp_path: Path) -> None:
    workbook = tmp_path / "龙岗区.xlsx"
    write_workbook(make_report(300, seed=7), workbook)
    s = summarize(read_report(workbook))
    assert s.project_count == 300 and len(s.low_rate) >= 5
    assert any(p.explained for p in s.low_rate)

    text = _pdf_text(_written(s, tmp_path), tmp_path)

    for figure in _figures(s):
        assert _squeezed(figure) in text, figure
    for low in s.low_rate:
        assert _squeezed(low.name) in text, low.name
        assert _squeezed(low.reason or "【未说明原因，请补充】") in text, low.reason
        assert format_rate(low.rate) in text and money(low.budget) in text


REAL = Path(__file__).resolve().parents[1] / "data" / "real"


@pytest.mark.parametrize("name", ["a03_hebei_langfang_hvac.xlsx", "a04_anhui_tangxi_entrusted.xlsx"])
def test_a_real_per_project_form_is_drafted_with_its_scores(tmp_path: Path, name: str) -> None:
    """Real provincial forms (tests/data/real): weights, typed scores, deviation reasons."""
    from evaldesk.core.scoring import score_project

    report = read_report(REAL / name)
    s = summarize(report)
    text = "\n".join(document_content(_written(s, tmp_path)))

    (project,) = report.projects
    result = score_project(project)
    (scored,) = s.scored
    assert (scored.total, scored.grade) == (result.total_capped, result.grade)
    shown = f"{result.total_capped:.2f}" if result.total_capped is not None else \
        f"未完成评分（{len(result.missing)}项缺得分）"
    assert f"| {project.name.strip()} | {shown} | {result.grade or '—'}" in text
    for short in s.short_indicators:
        assert f"| {short.target} | {short.actual} | {short.reason or '【未说明原因，请补充】'}" in text
