"""The document: a report, the file it came from, its undo stack and its findings.

Kept apart from the window so that tests, the benchmark and a future second window can drive it
without widgets. Views never change the report themselves: they call the editing methods here,
which push ``QUndoCommand``s; the commands call the low-level mutators (``apply_states``,
``insert_projects`` …), which keep the findings current and tell the views what changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from evaldesk.core import fields
from evaldesk.core.fields import FieldError, NotANumber, Value
from evaldesk.core.layout import SUMMARY_COLUMNS
from evaldesk.core.records import Project, Report
from evaldesk.core.rules import Checker
from evaldesk.core.scoring import DEFAULT_PROFILE, ScoringProfile
from evaldesk.ui.findings import FindingsStore, ProfileChecker

HEADER_LINES = ("title", "year", "unit", "department", "fill_date", "preparer", "phone", "head")


@dataclass(frozen=True)
class BadText:
    """Text pasted where a number belongs: kept verbatim (``fields.set_bad_value``), flagged."""

    text: str


CellValue = Value | BadText


@dataclass(frozen=True)
class CellChange:
    uid: int
    key: str
    value: CellValue


class Document(QObject):
    # Structural changes, emitted around the change so that an item model can bracket them.
    rowsAboutToBeInserted = Signal(int, int)  # first, last
    rowsInserted = Signal()
    rowsAboutToBeRemoved = Signal(int, int)
    rowsRemoved = Signal()
    rowsAboutToBeMoved = Signal(int, int, int)  # first, last, destination row (Qt's convention)
    rowsMoved = Signal()
    aboutToReset = Signal()
    reset = Signal()
    # Cell contents of these uids changed (their findings are already current).
    projectsChanged = Signal(object)
    seqChanged = Signal()
    headerChanged = Signal(str)  # which report line
    pathChanged = Signal()
    profileChanged = Signal()
    # Why an edit was refused or only partly applied, for the status bar.
    message = Signal(str)

    def __init__(self, report: Report | None = None, path: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report = report if report is not None else Report()
        self.path = path
        self.autofill = True
        self.undo_stack = QUndoStack(self)
        # The scoring profile the findings and the form use; a setting of the document, not undone.
        self.profile: ScoringProfile = DEFAULT_PROFILE
        self.findings = FindingsStore(self.report, self)
        self._rows: dict[int, int] | None = None
        # Where Save As starts for a report made here (a rollover's next-year name), not opened.
        self.suggested_path: Path | None = None

    # -- whole document --------------------------------------------------------------------------

    def replace(self, report: Report, path: Path | None, checker: Checker | None = None) -> None:
        """A new or freshly opened report: history starts over."""
        self.aboutToReset.emit()
        self.report = report
        self.path = path
        self.suggested_path = None
        self._rows = None
        self.undo_stack.clear()
        self.findings.deleteLater()
        # An opened file comes checked under the profile its layout points to (a Sichuan form
        # under Sichuan's rules); the clerk sees it in the score strip and may change it.
        proposed = checker.profile if isinstance(checker, ProfileChecker) else self.profile
        profile_changed = proposed != self.profile
        self.profile = proposed
        report.profile = proposed.name  # saved with the workbook
        self.findings = FindingsStore(report, self, checker=checker, profile=self.profile)
        if profile_changed:
            self.profileChanged.emit()
        self.reset.emit()
        self.undo_stack.setClean()
        self.pathChanged.emit()
        for name in HEADER_LINES:
            self.headerChanged.emit(name)

    def set_profile(self, profile: ScoringProfile) -> None:
        if profile == self.profile:
            return
        self.profile = profile
        self.report.profile = profile.name
        self.findings.set_profile(profile)
        self.profileChanged.emit()
        self.projectsChanged.emit({p.uid for p in self.report.projects})

    def set_path(self, path: Path) -> None:
        self.path = path
        self.pathChanged.emit()

    @property
    def projects(self) -> list[Project]:
        return self.report.projects

    def row_of(self, uid: int) -> int:
        if self._rows is None:
            self._rows = {p.uid: i for i, p in enumerate(self.report.projects)}
        return self._rows.get(uid, -1)

    def project(self, uid: int) -> Project | None:
        row = self.row_of(uid)
        return None if row < 0 else self.report.projects[row]

    # -- low-level mutators, for the undo commands -------------------------------------------------

    def apply_states(self, states: Sequence[Project]) -> None:
        """Make the projects with these uids equal to the snapshots, re-check, repaint."""
        changed: set[int] = set()
        for state in states:
            target = self.project(state.uid)
            if target is None:
                continue
            fields.restore_project(target, state)
            changed |= self.findings.recheck(target)
        self.projectsChanged.emit(changed)

    def apply_changes(self, changes: Sequence[CellChange], autofill: bool) -> list[str]:
        """Set cells through ``fields``; returns the reasons for the cells that were refused."""
        refused: list[str] = []
        touched: dict[int, Project] = {}
        for change in changes:
            project = self.project(change.uid)
            if project is None:
                continue
            try:
                if isinstance(change.value, BadText):
                    fields.set_bad_value(project, change.key, change.value.text)
                else:
                    fields.set_value(project, change.key, change.value, autofill=autofill)
            except (FieldError, NotANumber) as exc:
                refused.append(str(exc))
                continue
            touched[project.uid] = project
        changed: set[int] = set()
        for project in touched.values():
            changed |= self.findings.recheck(project)
        if changed:
            self.projectsChanged.emit(changed)
        return refused

    def insert_projects(self, row: int, projects: Sequence[Project]) -> None:
        if not projects:
            return
        self.rowsAboutToBeInserted.emit(row, row + len(projects) - 1)
        self.report.projects[row:row] = list(projects)
        self._rows = None
        self.rowsInserted.emit()
        for project in projects:
            self.findings.add(project)

    def remove_projects(self, row: int, count: int) -> list[Project]:
        if count <= 0:
            return []
        self.rowsAboutToBeRemoved.emit(row, row + count - 1)
        removed = self.report.projects[row:row + count]
        del self.report.projects[row:row + count]
        self._rows = None
        self.rowsRemoved.emit()
        for project in removed:
            self.findings.forget(project.uid)
        return removed

    def move_projects(self, first: int, count: int, delta: int) -> None:
        """Move a block of rows up (delta < 0) or down by |delta| rows."""
        last = first + count - 1
        destination = first + delta if delta < 0 else last + delta + 1
        self.rowsAboutToBeMoved.emit(first, last, destination)
        block = self.report.projects[first:last + 1]
        del self.report.projects[first:last + 1]
        self.report.projects[first + delta:first + delta] = block
        self._rows = None
        self.rowsMoved.emit()

    def set_seqs(self, seqs: dict[int, str]) -> None:
        changed: set[int] = set()
        for uid, seq in seqs.items():
            project = self.project(uid)
            if project is not None and project.seq != seq:
                project.seq = seq
                changed |= self.findings.recheck(project)
        if changed:
            self.seqChanged.emit()
            self.projectsChanged.emit(changed)

    def renumbering(self) -> dict[int, tuple[str, str]]:
        """序号 follows the row order: uid → (old, new) for the plainly numbered projects.

        Only numbers and blanks are renumbered; a 序号 written as （一） or 1.1 is the clerk's own
        outline and is left alone.
        """
        changes: dict[int, tuple[str, str]] = {}
        number = 0
        for project in self.report.projects:
            seq = project.seq.strip()
            if seq and not seq.isdigit():
                continue
            number += 1
            if seq != str(number):
                changes[project.uid] = (project.seq, str(number))
        return changes

    def get_header(self, name: str) -> str:
        if name == "year":
            return "" if self.report.year is None else str(self.report.year)
        value: str = getattr(self.report, name)
        return value

    def set_header(self, name: str, value: str) -> None:
        if name == "year":
            text = value.strip()
            self.report.year = int(text) if text.isdigit() else None
        else:
            setattr(self.report, name, value)
        self.headerChanged.emit(name)

    # -- editing API for the views (each call is one undoable step) ------------------------------

    def set_cells(self, changes: Sequence[CellChange], label: str, *, merge: bool = False) -> list[str]:
        from evaldesk.ui.commands import EditCellsCommand

        if not changes:
            return []
        command = EditCellsCommand(self, changes, label, mergeable=merge)
        self.undo_stack.push(command)
        if command.refused:
            self.message.emit("；".join(dict.fromkeys(command.refused)))
        return command.refused

    def set_cell_text(self, row: int, column: int, text: str) -> None:
        """Typed text into one cell, one undo step per edit as in a spreadsheet (retyping a cell
        is a second step). Text that is not a number where one belongs is kept as the cell's
        text, with its finding, as a file's bad cell is: what the clerk typed is never lost."""
        key = SUMMARY_COLUMNS[column].key
        project = self.report.projects[row]
        value: CellValue
        try:
            value = fields.parse_for(key, text)
        except NotANumber:
            if project.bad_values.get(key) == text:
                return
            value = BadText(text)
        else:
            if fields.get_value(project, key) == value and key not in project.bad_values:
                return
        label = self.tr("编辑「%1」").replace("%1", SUMMARY_COLUMNS[column].header)
        self.set_cells([CellChange(project.uid, key, value)], label)

    def set_header_line(self, name: str, value: str) -> None:
        from evaldesk.ui.commands import HeaderLineCommand

        if self.get_header(name) != value:
            self.undo_stack.push(HeaderLineCommand(self, name, value))

    def insert_rows(self, row: int, projects: Sequence[Project], label: str) -> None:
        from evaldesk.ui.commands import InsertProjectsCommand

        self.undo_stack.push(InsertProjectsCommand(self, row, list(projects), label))

    def remove_rows(self, rows: Sequence[int]) -> None:
        from evaldesk.ui.commands import RemoveProjectsCommand

        if rows:
            self.undo_stack.push(RemoveProjectsCommand(self, sorted(set(rows))))

    def move_rows(self, first: int, count: int, delta: int) -> bool:
        from evaldesk.ui.commands import MoveProjectsCommand

        if count <= 0 or first + delta < 0 or first + count + delta > len(self.report.projects):
            return False
        self.undo_stack.push(MoveProjectsCommand(self, first, count, delta))
        return True


def fresh_copy(project: Project) -> Project:
    """A duplicate that is a project of its own: same contents, a new uid."""
    copy = fields.clone_project(project)
    copy.uid = Project().uid
    return copy
