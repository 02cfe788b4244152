"""Every change to a report is one of these undo commands, on the document's one stack.

Cell edits snapshot the projects they touch (``fields.clone_project``) before and after, so undo
and redo restore them exactly, findings included, and keep their uids so that views and findings
follow. Row operations keep the very Project objects they remove, and remember how 序号 was
renumbered so that undo puts the old numbers back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from evaldesk.core import fields
from evaldesk.core.fields import FieldError, NotANumber
from evaldesk.core.records import Project
from evaldesk.ui.document import CellChange, Document

EDIT_CELL_ID = 1001
HEADER_LINE_ID = 1002


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate -tr-function-alias tr+=_tr: no context


class EditCellsCommand(QUndoCommand):
    """Typing, paste, fill, clear, replace: new values for a set of cells."""

    def __init__(self, doc: Document, changes: Sequence[CellChange], label: str,
                 *, mergeable: bool = False) -> None:
        super().__init__(label)
        self._doc = doc
        self._changes = list(changes)
        self._autofill = doc.autofill
        self._mergeable = mergeable and len(self._changes) == 1
        uids = list(dict.fromkeys(c.uid for c in self._changes))
        self._before = [fields.clone_project(p) for u in uids if (p := doc.project(u)) is not None]
        self._after: list[Project] | None = None
        self.refused: list[str] = []

    def id(self) -> int:
        return EDIT_CELL_ID if self._mergeable else -1

    def redo(self) -> None:
        if self._after is None:
            self.refused = self._doc.apply_changes(self._changes, self._autofill)
            if len(self.refused) == len(self._changes):
                # Nothing took: leave no empty step in the history.
                self.setObsolete(True)
            self._after = [fields.clone_project(p) for s in self._before
                           if (p := self._doc.project(s.uid)) is not None]
        else:
            self._doc.apply_states(self._after)

    def undo(self) -> None:
        self._doc.apply_states(self._before)

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Retyping the same cell is one step; QUndoStack never merges into its clean state, so a
        # saved document always has an undo step that returns to exactly what was saved.
        if not isinstance(other, EditCellsCommand) or not other._mergeable:
            return False
        mine, theirs = self._changes[0], other._changes[0]
        if (mine.uid, mine.key) != (theirs.uid, theirs.key) or other.refused:
            return False
        self._changes = other._changes
        self._after = other._after
        return True


class ProjectEditCommand(QUndoCommand):
    """An edit of one project that no cell key expresses (the indicator list, import notes …).

    ``mutate`` runs once, on a copy, when the command is made (so an edit it refuses, by raising,
    never reaches the stack); undo and redo restore the snapshots before and after.
    """

    def __init__(self, doc: Document, project: Project, label: str,
                 mutate: Callable[[Project], None]) -> None:
        super().__init__(label)
        self._doc = doc
        self._before = fields.clone_project(project)
        self._after = fields.clone_project(project)
        mutate(self._after)

    @property
    def changes_nothing(self) -> bool:
        return self._before == self._after

    def redo(self) -> None:
        self._doc.apply_states([self._after])

    def undo(self) -> None:
        self._doc.apply_states([self._before])


def edit_project(doc: Document, uid: int, label: str, mutate: Callable[[Project], None]) -> bool:
    """One undoable step changing project ``uid``; False (and the reason in the status bar) if
    the edit was refused, or nothing changed."""
    project = doc.project(uid)
    if project is None:
        return False
    try:
        command = ProjectEditCommand(doc, project, label, mutate)
    except (FieldError, NotANumber) as exc:
        doc.message.emit(str(exc))
        return False
    if command.changes_nothing:
        return False
    doc.undo_stack.push(command)
    return True


class HeaderLineCommand(QUndoCommand):
    """One of the report's own lines (title, 单位, 填表人 …)."""

    def __init__(self, doc: Document, name: str, value: str) -> None:
        super().__init__(_tr("编辑表头信息"))
        self._doc = doc
        self._name = name
        self._old = doc.get_header(name)
        self._new = value

    def id(self) -> int:
        return HEADER_LINE_ID

    def redo(self) -> None:
        self._doc.set_header(self._name, self._new)

    def undo(self) -> None:
        self._doc.set_header(self._name, self._old)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, HeaderLineCommand) or other._name != self._name:
            return False
        self._new = other._new
        return True


class _RowsCommand(QUndoCommand):
    """Base of the structural commands: renumbers 序号 after the change, and back on undo."""

    def __init__(self, doc: Document, label: str) -> None:
        super().__init__(label)
        self._doc = doc
        self._seqs: dict[int, tuple[str, str]] | None = None

    def _renumber(self) -> None:
        if self._seqs is None:
            self._seqs = self._doc.renumbering()
        self._doc.set_seqs({uid: new for uid, (_old, new) in self._seqs.items()})

    def _unnumber(self) -> None:
        assert self._seqs is not None
        self._doc.set_seqs({uid: old for uid, (old, _new) in self._seqs.items()})


class InsertProjectsCommand(_RowsCommand):
    def __init__(self, doc: Document, row: int, projects: list[Project], label: str) -> None:
        super().__init__(doc, label)
        self._row = row
        self._projects = projects

    def redo(self) -> None:
        self._doc.insert_projects(self._row, self._projects)
        self._renumber()

    def undo(self) -> None:
        self._unnumber()
        self._doc.remove_projects(self._row, len(self._projects))


class RemoveProjectsCommand(_RowsCommand):
    def __init__(self, doc: Document, rows: list[int]) -> None:
        super().__init__(doc, _tr("删除 %n 行").replace("%n", str(len(rows))))
        # Contiguous runs, so a selection of 2,000 rows is one model signal, not 2,000.
        self._runs: list[tuple[int, int]] = []
        for row in rows:
            if self._runs and self._runs[-1][0] + self._runs[-1][1] == row:
                self._runs[-1] = (self._runs[-1][0], self._runs[-1][1] + 1)
            else:
                self._runs.append((row, 1))
        self._removed: list[list[Project]] = []

    def redo(self) -> None:
        self._removed = []
        for first, count in reversed(self._runs):
            self._removed.insert(0, self._doc.remove_projects(first, count))
        self._renumber()

    def undo(self) -> None:
        self._unnumber()
        for (first, _count), projects in zip(self._runs, self._removed, strict=True):
            self._doc.insert_projects(first, projects)


class MoveProjectsCommand(_RowsCommand):
    def __init__(self, doc: Document, first: int, count: int, delta: int) -> None:
        super().__init__(doc, _tr("上移") if delta < 0 else _tr("下移"))
        self._first = first
        self._count = count
        self._delta = delta

    def redo(self) -> None:
        self._doc.move_projects(self._first, self._count, self._delta)
        self._renumber()

    def undo(self) -> None:
        self._unnumber()
        self._doc.move_projects(self._first + self._delta, self._count, -self._delta)
