"""The scoring profile goes with the file: a Sichuan form saved here reopens under Sichuan's rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaldesk.core.province import SAVED_CHOICE, propose_profile
from evaldesk.core.records import Report
from evaldesk.core.rules import Checker
from evaldesk.core.scoring import ScoringProfile, get_profile, scoring_findings
from evaldesk.io import read_report, write_report

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "2021年度区信访局预算项目绩效自评表.xlsx"


def test_a_sichuan_form_saved_here_reopens_under_sichuan(tmp_path: Path) -> None:
    report = read_report(REAL / "a01_sichuan_qingshen_wages.xlsx")
    assert propose_profile(report).profile == "sichuan"
    saved = tmp_path / "saved.xlsx"
    write_report(report, saved)
    again = read_report(saved)
    # The form's own headings are kept (messages name them), and the saved choice decides.
    assert [p.headings for p in again.projects] == [p.headings for p in report.projects]
    assert again.profile == "sichuan"
    assert propose_profile(again).profile == "sichuan"
    assert propose_profile(again).evidence == (SAVED_CHOICE,)


def test_a_profile_the_clerk_chose_is_kept_over_the_layout(tmp_path: Path) -> None:
    report = read_report(EXAMPLE)
    report.profile = "capped"
    saved = tmp_path / "capped.xlsx"
    write_report(report, saved)
    assert read_report(saved).profile == "capped"


def test_a_file_saved_before_profiles_were_chosen_reads_as_mof() -> None:
    report = read_report(EXAMPLE)
    assert report.profile in ("", "mof")
    assert propose_profile(report).profile == "mof"


@pytest.mark.parametrize("path", sorted(REAL.glob("*.xlsx")), ids=lambda p: p.stem)
def test_saving_a_real_form_here_changes_none_of_its_findings(path: Path, tmp_path: Path) -> None:
    """What the reviewer would send back before a save is still there after it, unfixed."""
    report = read_report(path)
    profile = get_profile(propose_profile(report).profile)
    before = _findings(report, profile)
    saved = tmp_path / "saved.xlsx"
    write_report(report, saved)
    again = read_report(saved)
    assert get_profile(propose_profile(again).profile) == profile
    assert _findings(again, profile) == before


def _findings(report: Report, profile: ScoringProfile) -> list[tuple[str, str, str]]:
    names = {p.uid: p.name for p in report.projects}
    found = Checker(report, lambda p: scoring_findings(p, profile)).findings()
    return sorted((names.get(f.project_uid, "") if f.project_uid else "", f.code, f.message)
                  for f in found)


def test_a_whole_percent_rate_is_saved_as_printed(tmp_path: Path) -> None:
    """「86%」 stays 86% on the saved form, not 86.00% (which would be wrong for 86.20 %)."""
    from openpyxl import load_workbook

    report = read_report(REAL / "a03_hebei_langfang_hvac.xlsx")
    saved = tmp_path / "saved.xlsx"
    write_report(report, saved)
    book = load_workbook(saved)
    formats = {cell.number_format for sheet in book.worksheets if sheet.title != "_evaldesk"
               for row in sheet.iter_rows() for cell in row
               if isinstance(cell.value, float) and cell.value == 0.86}
    assert formats == {"0%"}
    assert str(read_report(saved).projects[0].rate_printed) == "0.86"
