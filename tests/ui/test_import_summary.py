"""The 读入情况 window: opening a form laid out by others shows how it was read; our own files and
a standard header read as is do not; the clerk can turn it off and call it up again."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from evaldesk.core.import_summary import EntryKind
from evaldesk.ui import i18n
from evaldesk.ui.importsummary import SHOW_ON_OPEN_KEY, ImportSummaryDialog
from evaldesk.ui.mainwindow import MainWindow

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
SICHUAN = REAL / "a01_sichuan_qingshen_wages.xlsx"


def _open(window: MainWindow, qtbot: QtBot, path: Path) -> None:
    window.open_path(path, ask=False)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=20000)


def test_opening_another_layout_shows_what_was_read(window: MainWindow, qtbot: QtBot) -> None:
    _open(window, qtbot, SICHUAN)
    dialog = window.import_summary_dialog
    assert isinstance(dialog, ImportSummaryDialog) and dialog.isVisible()
    assert not dialog.isModal()  # kept beside the table while checking
    summary = window.doc.report.import_summary
    assert summary is not None
    counts = dialog.group_counts()
    headings = len(summary.of_kind(EntryKind.HEADING))
    assert counts[f"识别的表头（{headings}）"] == headings > 10
    texts = [dialog.tree.topLevelItem(3).child(k).text(1)  # type: ignore[union-attr]
             for k in range(headings)]
    assert "调整后预算数" in texts
    assert window.act_import_summary.isEnabled()
    dialog.close()
    qtbot.waitUntil(lambda: window.import_summary_dialog is None)
    window.act_import_summary.trigger()
    assert window.import_summary_dialog is not None


def test_not_shown_for_our_own_file(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    own = tmp_path / "ours.xlsx"
    window.save_to(own)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=20000)
    _open(window, qtbot, own)
    assert window.import_summary_dialog is None
    assert not window.act_import_summary.isEnabled()


def test_can_be_turned_off(window: MainWindow, qtbot: QtBot) -> None:
    i18n.settings().setValue(SHOW_ON_OPEN_KEY, False)
    _open(window, qtbot, SICHUAN)
    assert window.import_summary_dialog is None
    assert window.act_import_summary.isEnabled()


@pytest.mark.parametrize("stem", ["a01_sichuan_qingshen_wages", "a06_yunnan_lijiang_satellite"])
def test_window_reads_as_check_does(window: MainWindow, qtbot: QtBot, stem: str) -> None:
    from evaldesk.io import read_report

    _open(window, qtbot, REAL / f"{stem}.xlsx")
    shown = window.doc.report.import_summary
    read = read_report(REAL / f"{stem}.xlsx").import_summary
    assert shown is not None and read is not None and shown.entries == read.entries


def test_the_profile_proposed_is_said_with_its_evidence(window: MainWindow, qtbot: QtBot) -> None:
    _open(window, qtbot, SICHUAN)
    dialog = window.import_summary_dialog
    assert isinstance(dialog, ImportSummaryDialog)
    line = dialog.profile_label.text()
    assert line.startswith(f"评分方案：{window.doc.profile.label}（按表样识别：")
    assert "绩效指标（90分）" in line and "文件中保存" not in line
    assert "四川" in dialog.layout_label.text()
    # The status line names the layout's evidence too, not the choice the document records.
    assert "依据：绩效指标（90分）" in window.statusBar().currentMessage()


def test_a_form_with_no_province_says_mof_rules(window: MainWindow, qtbot: QtBot) -> None:
    _open(window, qtbot, REAL / "c08_anhui_xuancheng_jindu.xlsx")
    dialog = window.import_summary_dialog
    assert isinstance(dialog, ImportSummaryDialog)
    assert "从表样看不出省份" in dialog.profile_label.text()
