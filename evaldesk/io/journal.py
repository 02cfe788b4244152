"""The edit journal: every committed edit on disk at once, so a crash loses nothing.

One journal file per open document (named by process and a random id, so two windows or two
documents never share one). It is a JSON-lines file: a start line, a full snapshot, then one line
per edit carrying the new state of the projects it touched (an edit that inserted, removed or
moved projects carries the new order as positions in the old one, and the new projects). Each
line is flushed and fsynced before the edit counts as done. A ``mark`` line records a save (the
report now equals the file: nothing to offer) or a new file name, without re-writing the report.
A line cut short by a power failure is the last one and is ignored on replay. A clean close
removes the journal; a journal left behind by a process that is gone, holding unsaved edits, is
offered for restoring at the next start.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from evaldesk.core.records import Project, Report
from evaldesk.core.state import (
    StateError,
    apply_report_fields,
    project_from_state,
    project_to_state,
    report_fields_to_state,
    report_from_state,
    report_to_state,
)

SUFFIX = ".journal"
# After this many edit lines a fresh snapshot replaces the file, so replay stays quick.
COMPACT_AFTER = 500


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
        import ctypes

        synchronize = 0x00100000
        handle = ctypes.windll.kernel32.OpenProcess(synchronize, False, pid)
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True)
class Orphan:
    """A journal whose process is gone: what can be restored."""

    path: Path
    document: str | None  # the file the clerk was editing, if it had been saved or opened
    started: float
    edits: int  # edits not in the document's file: 0 when the journal holds nothing unsaved


class Journal:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"{os.getpid()}-{uuid.uuid4().hex[:12]}{SUFFIX}"
        self._file: IO[str] | None = None
        self._document: str | None = None
        self._lines = 0
        self._edits = 0
        self._positions: dict[int, int] = {}

    # -- writing ---------------------------------------------------------------------------

    def start(self, report: Report, document: str | None, *, edits: int = 0) -> None:
        """Begin (or begin again: after a save, a structural edit, or to compact) with the report
        as it now is. The new file is complete on disk before it replaces the old one, so there
        is no moment without a journal. ``edits``: how many unsaved edits the report already
        holds (a restored report, or one edited while it was being saved); 0 means it equals
        the file, and an orphan with nothing unsaved is not worth offering."""
        self._edits = edits
        self._begin(report, document)

    def _begin(self, report: Report, document: str | None) -> None:
        self.close()
        self._document = document
        temporary = self.path.with_name(self.path.name + ".tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            # The count goes in the start line so a snapshot taken after a structural edit
            # still says how much unsaved work it holds.
            _write(handle, {"type": "start", "document": document, "pid": os.getpid(),
                            "time": time.time(), "edits": self._edits})
            _write(handle, {"type": "snapshot", "state": report_to_state(report)})
        os.replace(temporary, self.path)
        self._file = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - held open
        self._positions = {p.uid: i for i, p in enumerate(report.projects)}
        self._lines = 0

    def record(self, report: Report, changed: Iterable[int] = (), *,
               structure: bool = False, fields: bool = False) -> None:
        """After an edit (or its undo/redo): ``changed`` project uids, ``structure`` when
        projects were inserted, removed or moved, ``fields`` when the report's own lines
        changed."""
        if self._file is None:
            return
        self._edits += 1
        if self._lines >= COMPACT_AFTER:
            self._begin(report, self._document)
            return
        if structure:
            self._record_order(report, set(changed), fields)
            return
        items = []
        by_uid = {p.uid: p for p in report.projects} if changed else {}
        for uid in changed:
            project: Project | None = by_uid.get(uid)
            index = self._positions.get(uid)
            if project is None or index is None:
                self._begin(report, self._document)  # a project the journal does not know
                return
            items.append({"index": index, "state": project_to_state(project)})
        line: dict[str, Any] = {"type": "edit", "projects": items}
        if fields:
            line["fields"] = report_fields_to_state(report)
        _write(self._file, line)
        self._lines += 1

    def _record_order(self, report: Report, changed: set[int], fields: bool) -> None:
        """Rows inserted, removed or moved: the new order as positions in the old one (-1 for a
        project the journal has not seen, or one that also changed, whose state follows).

        A few bytes per project instead of a snapshot: re-writing 5,000 projects took half a
        second of the GUI thread for every inserted row.
        """
        assert self._file is not None
        order: list[int] = []
        items = []
        for index, project in enumerate(report.projects):
            old = self._positions.get(project.uid)
            if old is None or project.uid in changed:
                order.append(-1)
                items.append({"index": index, "state": project_to_state(project)})
            else:
                order.append(old)
        line: dict[str, Any] = {"type": "order", "order": order, "projects": items}
        if fields:
            line["fields"] = report_fields_to_state(report)
        _write(self._file, line)
        self._positions = {p.uid: i for i, p in enumerate(report.projects)}
        self._lines += 1

    def mark(self, document: str | None, edits: int) -> None:
        """The report is unchanged but now belongs to ``document`` and holds ``edits`` unsaved
        edits (0 after a save): one short line instead of a new snapshot of every project."""
        if self._file is None:
            return
        self._document = document
        self._edits = edits
        _write(self._file, {"type": "mark", "document": document, "edits": edits})
        self._lines += 1

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def discard(self) -> None:
        """A save or a clean close: nothing is left to recover."""
        self.close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


def _write(handle: IO[str], data: dict[str, Any]) -> None:
    handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    handle.flush()
    os.fsync(handle.fileno())


# -- reading -------------------------------------------------------------------------------

def _read_lines(path: Path) -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = []
    with open(path, encoding="utf-8", errors="replace") as handle:
        raw = handle.read().split("\n")
    for number, text in enumerate(raw):
        if not text.strip():
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            if number >= len(raw) - 2:
                break  # the line being written when the power went: the edit did not count
            raise StateError(f"{path.name}: line {number + 1} is damaged") from None
        if isinstance(data, dict):
            lines.append(data)
    return lines


def replay(path: Path) -> Report:
    """The report as it was after the last edit the journal recorded."""
    report: Report | None = None
    for line in _read_lines(path):
        kind = line.get("type")
        if kind == "snapshot":
            report = report_from_state(line.get("state"))
        elif kind == "edit" and report is not None:
            for item in line.get("projects", []):
                index = item.get("index")
                if not isinstance(index, int) or not 0 <= index < len(report.projects):
                    raise StateError(f"{path.name}: an edit names project {index!r}")
                report.projects[index] = project_from_state(item.get("state"))
            if "fields" in line:
                apply_report_fields(report, line["fields"])
        elif kind == "order" and report is not None:
            report.projects = _reordered(path, report.projects, line)
            if "fields" in line:
                apply_report_fields(report, line["fields"])
    if report is None:
        raise StateError(f"{path.name}: no snapshot")
    return report


def _reordered(path: Path, old: list[Project], line: dict[str, Any]) -> list[Project]:
    order = line.get("order")
    if not isinstance(order, list):
        raise StateError(f"{path.name}: an order line without an order")
    new: list[Project | None] = []
    for index in order:
        if not isinstance(index, int) or not -1 <= index < len(old):
            raise StateError(f"{path.name}: an order names project {index!r}")
        new.append(None if index < 0 else old[index])
    for item in line.get("projects", []):
        index = item.get("index")
        if not isinstance(index, int) or not 0 <= index < len(new):
            raise StateError(f"{path.name}: an order line places project {index!r}")
        new[index] = project_from_state(item.get("state"))
    if any(p is None for p in new):
        raise StateError(f"{path.name}: an order line leaves a project out")
    return [p for p in new if p is not None]


def orphans(folder: Path) -> list[Orphan]:
    """Journals left by processes that are gone, newest first."""
    found: list[Orphan] = []
    if not folder.is_dir():
        return found
    for path in folder.glob(f"*{SUFFIX}"):
        try:
            pid = int(path.name.split("-", 1)[0])
        except ValueError:
            continue
        if _pid_alive(pid):
            continue
        try:
            lines = _read_lines(path)
        except (OSError, StateError):
            continue
        if not lines or lines[0].get("type") != "start":
            continue
        before = lines[0].get("edits", 0)
        edits = before if isinstance(before, int) else 0
        document = lines[0].get("document")
        for line in lines[1:]:
            kind = line.get("type")
            if kind in ("edit", "order"):
                edits += 1
            elif kind == "mark":
                document = line.get("document")
                edits = line["edits"] if isinstance(line.get("edits"), int) else edits
        found.append(Orphan(path, document, float(lines[0].get("time", 0)), edits))
    return sorted(found, key=lambda o: o.started, reverse=True)
