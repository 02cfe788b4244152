"""The real app process, killed with SIGKILL at a random moment during random edits, then started
again: the restored report is the one after the last edit (evaldesk.ui.soak drives the window).

The long form is build_scripts/crash_soak.py.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from evaldesk.io import read_report
from evaldesk.io.read_text import read_text
from evaldesk.io.write_xlsx import write_workbook
from evaldesk.ui import soak

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


@dataclass
class Outcome:
    printed: list[tuple[int, str]]  # (edit number, digest) the killed child got to print
    restored: str
    restored_edits: int
    writable: bool
    expected: list[str]


def _env(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"EVALDESK_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen",
                "QT_LOGGING_RULES": "qt.qpa.*=false"})
    return env


def kill_and_restore(source: Path, data: Path, seed: int, steps: int,
                     rng: random.Random, timeout: float = 60, *,
                     expect_in_child: bool = False) -> Outcome:
    """Run the soak child on ``source``, SIGKILL it after a random edit, restore, compare."""
    command = [sys.executable, "-m", "evaldesk.ui.soak", str(source)]
    kill_after = rng.randint(1, steps)
    lines: list[str] = []
    with subprocess.Popen([*command, "--seed", str(seed), "--steps", str(steps)], cwd=REPO,
                          env=_env(data), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True) as child:
        watchdog = threading.Timer(timeout, child.kill)
        watchdog.start()
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line)
            if line.startswith((f"edit {kill_after} ", "finished")):
                break
        time.sleep(rng.random() * 0.02)  # somewhere in the next edits, a journal write included
        os.kill(child.pid, signal.SIGKILL)
        lines.extend(child.stdout.read().splitlines(keepends=True))
        watchdog.cancel()
    printed = []
    for line in lines:
        parts = line.split()
        if line.endswith("\n") and len(parts) == 3 and parts[0] == "edit":
            printed.append((int(parts[1]), parts[2]))
    assert printed, "the child printed no edit before it was killed"

    result = subprocess.run([*command, "--restore"], cwd=REPO, env=_env(data), timeout=timeout,
                            capture_output=True, text=True, check=True)
    _word, restored, edits, mode = result.stdout.split()
    if expect_in_child:
        expected = subprocess.run(
            [*command, "--seed", str(seed), "--steps", str(steps), "--expect"], cwd=REPO,
            env=_env(data), timeout=timeout, capture_output=True, text=True, check=True,
        ).stdout.split()
    else:
        expected = soak.expected_digests(read_report(source), source, seed, steps)
    return Outcome(printed, restored, int(edits), mode == "writable", expected)


def check(outcome: Outcome) -> None:
    numbers = [n for n, _ in outcome.printed]
    assert numbers == list(range(len(numbers)))
    # The window's edits are the ones computed without a window: the child did what we think.
    assert [d for _, d in outcome.printed] == outcome.expected[:len(numbers)]
    last = numbers[-1]
    # The kill may land after an edit was journaled and before its line was printed.
    assert outcome.restored in outcome.expected[last:last + 2]
    assert outcome.writable  # the dead process's lock next to the workbook was taken over


@pytest.mark.parametrize("seed", [11, 22, 33, 44, 55])
def test_killed_app_restores_the_last_edit(qapp: QApplication, tmp_path: Path, seed_path: Path,
                                           seed: int) -> None:
    source = tmp_path / "2021年度自评表.xlsx"
    write_workbook(read_text(seed_path), source)
    data = tmp_path / "data"
    check(kill_and_restore(source, data, seed, steps=80, rng=random.Random(seed)))
    # The restored window closed cleanly: nothing is left to offer, no lock is left behind.
    assert list((data / "journal").glob("*.journal")) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~evaldesk")] == []


def test_structural_edits_are_journaled_as_an_order_not_a_snapshot(tmp_path: Path) -> None:
    from benchmarks.generate import make_report
    from evaldesk.core.fields import set_value
    from evaldesk.core.records import Project
    from evaldesk.core.state import StateError
    from evaldesk.io import journal

    report = make_report(300, seed=5)
    log = journal.Journal(tmp_path)
    log.start(report, "区级汇总.xlsx")
    snapshot_size = log.path.stat().st_size
    report.projects.insert(7, Project(name="新插入"))
    log.record(report, structure=True)
    moved = report.projects.pop(0)
    report.projects.insert(100, moved)
    set_value(moved, "name", "移动后改名")
    log.record(report, {moved.uid}, structure=True)
    removed = report.projects.pop(50)
    log.record(report, structure=True)
    report.projects.insert(50, removed)  # the undo of a delete brings the same project back
    report.title = "改过的标题"
    log.record(report, structure=True, fields=True)
    log.close()
    assert journal.replay(log.path) == report
    assert log.path.stat().st_size - snapshot_size < snapshot_size / 20
    assert len(log.path.read_text(encoding="utf-8").splitlines()) == 2 + 4  # start, snapshot, 4

    damaged = tmp_path / "damaged.journal"
    lines = log.path.read_text(encoding="utf-8").splitlines()
    damaged.write_text("\n".join([*lines[:2], lines[2].replace('"order":[0,', '"order":[9999,'),
                                  ""]), encoding="utf-8")
    with pytest.raises(StateError):
        journal.replay(damaged)


def test_a_save_is_a_mark_not_a_snapshot(tmp_path: Path, seed_path: Path) -> None:
    import os as _os

    from evaldesk.core.fields import set_value
    from evaldesk.io import journal

    report = read_text(seed_path)
    log = journal.Journal(tmp_path)
    log.start(report, "旧名.xlsx")
    set_value(report.projects[0], "name", "改名")
    log.record(report, {report.projects[0].uid})
    size = log.path.stat().st_size
    log.mark("新名.xlsx", 0)  # saved as another file
    assert log.path.stat().st_size - size < 200
    set_value(report.projects[1], "goal", "保存后又改")
    log.record(report, {report.projects[1].uid})
    log.close()
    dead = log.path.with_name(f"{2**22 + 99}-x{journal.SUFFIX}")
    _os.replace(log.path, dead)
    (orphan,) = journal.orphans(tmp_path)
    assert orphan.document == "新名.xlsx" and orphan.edits == 1
    assert journal.replay(dead) == report
