"""Test-only entry: the real window under seeded random edits, to be killed and restored.

``python -m evaldesk.ui.soak FILE --seed N --steps M`` opens FILE in the main window exactly as
the app does (journal and lock in ``EVALDESK_DATA_DIR``), then applies M random edits through
the Document API and the undo stack (typing, bad numbers, header lines, inserting, deleting and
moving rows, undo, redo), one per event-loop turn, and after each prints ``edit K DIGEST`` (the
digest of the exact record state) once the edit is journaled. A test kills it with SIGKILL at a
random moment.

``python -m evaldesk.ui.soak FILE --restore`` is the next start: it restores the orphan journal
through the same functions the recovery dialog uses (``recovery.pending`` and
``recovery.restore``) and prints ``restored DIGEST EDITS read-only|writable``; with no orphan
(nothing unsaved was left), the digest is that of FILE as it is on disk, which is what the clerk
would then have.

The edits are a pure function of the seed and the report, so ``expected_digests`` computes what
each step must give (in the test's process, or with ``--expect`` in one of the same code as the
children, which a long soak needs while the sources are being edited).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

from evaldesk.core.layout import SUMMARY_COLUMNS
from evaldesk.core.records import Project, Report
from evaldesk.core.state import report_to_state

_TEXTS = ("办公设备购置", "年底前完成验收", "", "=SUM(A1)", "见附件", "完成率 100%", "第二批\n换行",
          "（一）", "1.1", "满意度≥95%")
_NUMBERS = ("0", "1", "12.5", "91.66", "-3", "1000000", "0.001", "1,234.56", "", "壹佰")
_HEADER = ("title", "year", "unit", "department", "fill_date", "preparer", "phone", "head")


def digest(report: Report) -> str:
    text = json.dumps(report_to_state(report), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def random_step(doc: object, rng: random.Random) -> str:
    """One random edit of ``doc`` (a ``Document``); returns what it did, for the log."""
    from evaldesk.core.fields import NotANumber
    from evaldesk.core.layout import Kind
    from evaldesk.ui.document import BadText, CellChange, Document

    assert isinstance(doc, Document)
    projects = doc.report.projects
    kind = rng.choices(("cell", "bad", "header", "insert", "remove", "move", "undo", "redo"),
                       weights=(40, 5, 8, 8, 6, 8, 15, 10))[0]
    if kind in ("cell", "bad", "remove", "move") and not projects:
        kind = "insert"
    if kind == "cell":
        row = rng.randrange(len(projects))
        column = rng.randrange(len(SUMMARY_COLUMNS))
        numeric = SUMMARY_COLUMNS[column].kind in (Kind.AMOUNT, Kind.RATE)
        text = rng.choice(_NUMBERS if numeric else _TEXTS)
        try:
            doc.set_cell_text(row, column, text)
        except NotANumber:
            return f"cell {row},{column} refused"
        return f"cell {row},{column}"
    if kind == "bad":
        amounts = [c.key for c in SUMMARY_COLUMNS if c.kind == Kind.AMOUNT]
        project = projects[rng.randrange(len(projects))]
        doc.set_cells([CellChange(project.uid, rng.choice(amounts), BadText("见附表"))], "粘贴")
        return "bad"
    if kind == "header":
        name = rng.choice(_HEADER)
        value = str(rng.randrange(2019, 2026)) if name == "year" else rng.choice(_TEXTS)
        doc.set_header_line(name, value)
        return f"header {name}"
    if kind == "insert":
        row = rng.randrange(len(projects) + 1)
        doc.insert_rows(row, [Project(name=rng.choice(_TEXTS))], "插入行")
        return f"insert {row}"
    if kind == "remove":
        rows = sorted({rng.randrange(len(projects)) for _ in range(rng.randint(1, 2))})
        doc.remove_rows(rows)
        return f"remove {rows}"
    if kind == "move":
        first = rng.randrange(len(projects))
        moved = doc.move_rows(first, 1, rng.choice((-1, 1)))
        return f"move {first} {moved}"
    stack = doc.undo_stack
    if kind == "undo" and stack.canUndo():
        stack.undo()
    elif kind == "redo" and stack.canRedo():
        stack.redo()
    return kind


def expected_digests(report: Report, path: Path, seed: int, steps: int) -> list[str]:
    """The digest after each step (index 0: before any), computed without a window."""
    from evaldesk.ui.document import Document

    doc = Document(report, path)
    rng = random.Random(seed)
    digests = [digest(doc.report)]
    for _ in range(steps):
        random_step(doc, rng)
        digests.append(digest(doc.report))
    doc.deleteLater()
    return digests


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaldesk.ui.soak")
    parser.add_argument("file", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--restore", action="store_true")
    parser.add_argument("--expect", action="store_true",
                        help="print the digest after each step, computed without a window")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from evaldesk.io import read_report
    from evaldesk.ui import crash, recovery
    from evaldesk.ui.document import Document
    from evaldesk.ui.mainwindow import MainWindow

    QCoreApplication.setOrganizationName("evaldesk-soak")
    app = QApplication([sys.argv[0]])
    if args.expect:
        _say(" ".join(expected_digests(read_report(args.file), args.file, args.seed, args.steps)))
        return 0
    folder = recovery.enable()
    crash.install(folder)

    if args.restore:
        window = MainWindow()
        found = recovery.pending(folder)
        if found:
            assert recovery.restore(window, found[0])
            # The killed process's lock next to the file is stale: taken over, not read-only.
            _say(f"restored {digest(window.doc.report)} {found[0].edits} "
                 f"{'read-only' if window.guard.read_only else 'writable'}")
        else:
            _say(f"restored {digest(read_report(args.file))} 0 writable")
        window.doc.undo_stack.setClean()  # leave without asking to save
        window.close()
        return 0

    window = MainWindow(Document(read_report(args.file), args.file))
    window.show()
    rng = random.Random(args.seed)
    done = 0
    _say(f"edit 0 {digest(window.doc.report)}")

    def step() -> None:
        nonlocal done
        random_step(window.doc, rng)
        done += 1
        # The journal line is on disk (fsynced inside the undo stack's signal) before this.
        _say(f"edit {done} {digest(window.doc.report)}")
        if done >= args.steps:
            timer.stop()
            _say("finished")

    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(step)
    timer.start()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
