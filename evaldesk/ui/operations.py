"""Spreadsheet operations on a document: copy, paste, clear, fill down, find and replace, rows.

Each one is a single undo step. They take rows and columns, not widgets, so that tests and the
window share them and the window only has to turn a selection into numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from evaldesk.core import fields
from evaldesk.core.layout import SUMMARY_COLUMNS, Kind
from evaldesk.core.records import Project, Report
from evaldesk.ui.clipboard import looks_like_whole_table, parse_tsv, to_tsv
from evaldesk.ui.document import HEADER_LINES, BadText, CellChange, CellValue, Document, fresh_copy
from evaldesk.ui.model import display_text, edit_text

Cell = tuple[int, int]  # (row, column)


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate -tr-function-alias tr+=_tr: no context


def ordered(changes: Iterable[CellChange]) -> list[CellChange]:
    # A pasted printed total or rate is then kept as entered (and checked), not wiped by the
    # parts pasted after it.
    return sorted(changes, key=lambda c: fields.edit_order(c.key))


def cell_value(key: str, text: str) -> CellValue:
    """Pasted text for a field: a number when it is one, else kept verbatim as a bad value."""
    try:
        return fields.parse_for(key, text)
    except fields.NotANumber:
        return BadText(text.strip())


def copy_block(doc: Document, rows: Sequence[int], cols: Sequence[int]) -> str:
    projects = doc.report.projects
    return to_tsv([[edit_text(projects[r], SUMMARY_COLUMNS[c]) for c in cols] for r in rows])


@dataclass
class PasteResult:
    rows: range
    cols: range
    whole_table: bool = False


def paste(doc: Document, row: int, col: int, text: str, html: str = "") -> PasteResult | None:
    """Paste at (row, col). A whole table (title or header included) goes through the importer:
    from the clipboard's HTML where there is a table in it (a web page's or Excel's copy keeps
    its spans there; its text has lost them), else from the text."""
    if looks_like_whole_table(text):
        if "<table" in html.lower():  # Excel puts pages of styles before it
            from evaldesk.io.read_xlsx import report_from_page

            return _paste_table(doc, row, lambda: report_from_page(html, _tr("剪贴板")))
        from evaldesk.io.read_text import report_from_text

        return _paste_table(doc, row, lambda: report_from_text(text, _tr("剪贴板")))
    block = parse_tsv(text)
    if not block:
        return None
    width = min(max(len(r) for r in block), len(SUMMARY_COLUMNS) - col)
    projects = doc.report.projects
    stack = doc.undo_stack
    stack.beginMacro(_tr("粘贴"))
    try:
        missing = row + len(block) - len(projects)
        if missing > 0:
            # Like a spreadsheet, a paste below the last row adds the rows it needs.
            doc.insert_rows(len(projects), [Project() for _ in range(missing)], _tr("添加行"))
        changes: list[CellChange] = []
        for r, values in enumerate(block):
            uid = projects[row + r].uid
            for c, text in enumerate(values[:width]):
                key = SUMMARY_COLUMNS[col + c].key
                changes.append(CellChange(uid, key, cell_value(key, text)))
        doc.set_cells(ordered(changes), _tr("粘贴"))
    finally:
        stack.endMacro()
    return PasteResult(range(row, row + len(block)), range(col, col + width))


def _paste_table(doc: Document, row: int, read: Callable[[], Report]) -> PasteResult | None:
    try:
        pasted = read()
    except Exception as exc:
        doc.message.emit(_tr("无法识别粘贴的表格：") + str(getattr(exc, "reason", exc)))
        return None
    if not pasted.projects:
        doc.message.emit(_tr("粘贴的表格中没有项目"))
        return None
    projects = doc.report.projects
    # Into an empty report the table lands whole; otherwise its projects go in at the cursor.
    empty = all(not fields.get_value(p, "name") for p in projects)
    at = 0 if empty else (row if 0 <= row <= len(projects) else len(projects))
    stack = doc.undo_stack
    stack.beginMacro(_tr("粘贴表格"))
    try:
        if empty and projects:
            doc.remove_rows(range(len(projects)))
        for name in HEADER_LINES:
            value = ("" if pasted.year is None else str(pasted.year)) if name == "year" \
                else str(getattr(pasted, name))
            if value and not doc.get_header(name):
                doc.set_header_line(name, value)
        doc.insert_rows(at, pasted.projects, _tr("粘贴表格"))
    finally:
        stack.endMacro()
    return PasteResult(range(at, at + len(pasted.projects)), range(len(SUMMARY_COLUMNS)), True)


def clear(doc: Document, cells: Iterable[Cell]) -> None:
    projects = doc.report.projects
    changes = []
    for r, c in cells:
        project = projects[r]
        key = SUMMARY_COLUMNS[c].key
        if fields.get_value(project, key) not in (None, "") or key in project.bad_values:
            changes.append(CellChange(project.uid, key, None))
    doc.set_cells(changes, _tr("清除内容"))


def _value_of(project: Project, key: str) -> CellValue:
    if key in project.bad_values:
        return BadText(project.bad_values[key])
    value = fields.get_value(project, key)
    if key == "rate" and project.rate_printed is None:
        return None  # a computed rate is filled in by the program, not copied as printed
    return value


def fill_down(doc: Document, rows: Sequence[int], cols: Sequence[int]) -> None:
    """Excel's Ctrl+D: the top row of the selection into the rows below; one row: from above."""
    if not rows:
        return
    projects = doc.report.projects
    if len(rows) == 1:
        if rows[0] == 0:
            return
        source, targets = rows[0] - 1, list(rows)
    else:
        source, targets = rows[0], list(rows[1:])
    changes: list[CellChange] = []
    for c in cols:
        key = SUMMARY_COLUMNS[c].key
        value = _value_of(projects[source], key)
        changes.extend(CellChange(projects[r].uid, key, value) for r in targets)
    doc.set_cells(ordered(changes), _tr("向下填充"))


def find_next(doc: Document, text: str, start: Cell, *, forward: bool = True) -> Cell | None:
    """The next cell after ``start`` whose shown text contains ``text`` (wrapping around)."""
    if not text:
        return None
    projects = doc.report.projects
    n_cols = len(SUMMARY_COLUMNS)
    total = len(projects) * n_cols
    if total == 0:
        return None
    needle = text.casefold()
    origin = start[0] * n_cols + start[1]
    step = 1 if forward else -1
    for i in range(1, total + 1):
        pos = (origin + step * i) % total
        r, c = divmod(pos, n_cols)
        if needle in display_text(projects[r], SUMMARY_COLUMNS[c]).casefold():
            return r, c
    return None


def _replaced(project: Project, col: int, old: str, new: str) -> CellChange | None:
    column = SUMMARY_COLUMNS[col]
    current = edit_text(project, column)
    if old not in current:
        return None
    text = current.replace(old, new)
    if column.kind in (Kind.AMOUNT, Kind.RATE):
        try:
            value: CellValue = fields.parse_for(column.key, text)
        except fields.NotANumber:
            return None  # replacing inside a number must leave a number
    else:
        value = text
    return CellChange(project.uid, column.key, value)


def replace(doc: Document, cell: Cell, old: str, new: str) -> bool:
    change = _replaced(doc.report.projects[cell[0]], cell[1], old, new)
    if change is None:
        return False
    return not doc.set_cells([change], _tr("替换"))


def replace_all(doc: Document, old: str, new: str) -> int:
    if not old:
        return 0
    changes = [change for project in doc.report.projects for col in range(len(SUMMARY_COLUMNS))
               if (change := _replaced(project, col, old, new)) is not None]
    refused = doc.set_cells(changes, _tr("全部替换"))
    return len(changes) - len(refused)


def new_project(department: str = "") -> Project:
    return Project(department=department)


def insert_blank(doc: Document, row: int, count: int = 1) -> int:
    """Blank projects at ``row``; they take the department of the row they join (most do)."""
    projects = doc.report.projects
    row = max(0, min(row, len(projects)))
    near = projects[row - 1] if row > 0 else (projects[0] if projects else None)
    department = near.department if near is not None else doc.report.department
    doc.insert_rows(row, [new_project(department) for _ in range(count)], _tr("插入行"))
    return row


def duplicate(doc: Document, rows: Sequence[int]) -> int:
    projects = doc.report.projects
    copies = [fresh_copy(projects[r]) for r in sorted(rows)]
    at = max(rows) + 1
    doc.insert_rows(at, copies, _tr("复制行"))
    return at

