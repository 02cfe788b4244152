from __future__ import annotations

import os
from pathlib import Path

import pytest

from evaldesk.core.fields import set_value
from evaldesk.core.records import Project
from evaldesk.core.state import StateError, report_from_state, report_to_state
from evaldesk.io import journal
from evaldesk.io.read_text import read_text


def test_state_round_trip_is_exact(seed_path: Path) -> None:
    report = read_text(seed_path)
    report.projects[0].carried_over = {"budget.general"}
    report.projects[1].bad_values["budget.fund"] = "见附件"
    report.projects[2].budget.total_entered = report.projects[2].budget.total_computed
    from evaldesk.core.rollover import roll_over

    report.projects.extend(roll_over(read_text(seed_path)).projects[:2])
    assert report_from_state(report_to_state(report)) == report
    with pytest.raises(StateError):
        report_from_state({"version": 99})


def test_replay_gives_the_report_after_the_last_edit(tmp_path: Path, seed_path: Path) -> None:
    report = read_text(seed_path)
    log = journal.Journal(tmp_path)
    log.start(report, "/x/seed.xlsx")
    set_value(report.projects[2], "budget.general", "130.5")
    log.record(report, {report.projects[2].uid})
    report.title = "改过的标题"
    log.record(report, fields=True)
    report.projects.insert(0, Project(name="新项目"))
    log.record(report, structure=True)
    set_value(report.projects[0], "goal", "目标")
    log.record(report, {report.projects[0].uid})
    log.close()
    assert journal.replay(log.path) == report


def test_a_line_cut_short_is_ignored(tmp_path: Path, seed_path: Path) -> None:
    report = read_text(seed_path)
    log = journal.Journal(tmp_path)
    log.start(report, None)
    set_value(report.projects[0], "name", "第一次")
    log.record(report, {report.projects[0].uid})
    expected = journal.replay(log.path)
    set_value(report.projects[0], "name", "第二次")
    log.record(report, {report.projects[0].uid})
    log.close()
    data = log.path.read_bytes()
    log.path.write_bytes(data[: len(data) - 20])  # the power went mid-line
    assert journal.replay(log.path) == expected


def test_orphans_are_journals_of_processes_that_are_gone(tmp_path: Path,
                                                          seed_path: Path) -> None:
    report = read_text(seed_path)
    live = journal.Journal(tmp_path)
    live.start(report, "mine.xlsx")
    assert journal.orphans(tmp_path) == []  # our own process is alive
    dead_pid = 2**22 + 12345  # above pid_max on this kind of machine
    dead = tmp_path / f"{dead_pid}-abc{journal.SUFFIX}"
    live.close()
    os.replace(live.path, dead)
    (found,) = journal.orphans(tmp_path)
    assert found.path == dead and found.document == "mine.xlsx" and found.edits == 0
    assert journal.replay(dead) == report


def test_discard_and_compaction(tmp_path: Path, seed_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(journal, "COMPACT_AFTER", 3)
    report = read_text(seed_path)
    log = journal.Journal(tmp_path)
    log.start(report, None)
    for n in range(10):
        set_value(report.projects[n % 6], "problems", f"第 {n} 次")
        log.record(report, {report.projects[n % 6].uid})
    assert len(log.path.read_text(encoding="utf-8").splitlines()) <= 2 + 3
    assert journal.replay(log.path) == report
    log.discard()
    assert not log.path.exists()
