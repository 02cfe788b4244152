"""The findings store: one computation (rules.Checker), many views.

The table colours cells from it, the problems panel lists it and the status bar counts it. It is
owned by the document; after an edit the document asks it to re-check the one project that
changed, and it tells every view which rows (uids) to repaint through ``changed``.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from evaldesk.core.layout import COLUMN_INDEX
from evaldesk.core.records import Project, Report
from evaldesk.core.rules import Checker, Finding, Severity
from evaldesk.core.scoring import DEFAULT_PROFILE, ScoringProfile, scoring_findings

ROW_FIELD = ""  # findings about a project as a whole, or about a field the table has no column for


class ProfileChecker(Checker):
    """The rules plus the scores under one profile (nothing for rows without weights or scores)."""

    def __init__(self, report: Report, profile: ScoringProfile = DEFAULT_PROFILE) -> None:
        self.profile = profile
        super().__init__(report, extra=lambda project: scoring_findings(project, profile),
                         skip=profile.not_required)


class FindingsStore(QObject):
    """uid → {field key: [findings]}, kept current one project at a time."""

    # Emitted with the set of uids whose findings may differ now (empty set: everything).
    changed = Signal(object)

    def __init__(self, report: Report, parent: QObject | None = None, *,
                 checker: Checker | None = None, profile: ScoringProfile = DEFAULT_PROFILE) -> None:
        super().__init__(parent)
        # A checker built by the loading thread saves the GUI thread the first full check.
        self._checker: Checker = checker if isinstance(checker, ProfileChecker) \
            and checker.report is report and checker.profile == profile \
            else ProfileChecker(report, profile)
        self._by_uid: dict[int, dict[str, list[Finding]]] = {}
        self._counts: dict[int, tuple[int, int]] = {}
        self._errors = 0
        self._warnings = 0
        self._rebuild(p.uid for p in report.projects)

    @property
    def checker(self) -> Checker:
        return self._checker

    # -- updates, called by the document ---------------------------------------------------------

    def set_profile(self, profile: ScoringProfile) -> None:
        """Score every project again under another profile (a full check, once per choice)."""
        self._checker = ProfileChecker(self._checker.report, profile)
        self._rebuild(p.uid for p in self._checker.report.projects)
        self.changed.emit(set())

    def recheck(self, project: Project) -> set[int]:
        uids = self._checker.recheck(project)
        self._rebuild(uids)
        self.changed.emit(uids)
        return uids

    def add(self, project: Project) -> set[int]:
        uids = self._checker.add(project)
        self._rebuild(uids)
        self.changed.emit(uids)
        return uids

    def forget(self, uid: int) -> set[int]:
        uids = self._checker.forget(uid)
        self._drop(uid)
        self._rebuild(uids)
        self.changed.emit(uids | {uid})
        return uids

    def _drop(self, uid: int) -> None:
        self._by_uid.pop(uid, None)
        errors, warnings = self._counts.pop(uid, (0, 0))
        self._errors -= errors
        self._warnings -= warnings

    def _rebuild(self, uids: Iterable[int]) -> None:
        for uid in uids:
            self._drop(uid)
            found = self._checker.for_project(uid)
            cells: dict[str, list[Finding]] = {}
            errors = 0
            for finding in found:
                key = finding.field if finding.field in COLUMN_INDEX else ROW_FIELD
                cells.setdefault(key, []).append(finding)
                errors += finding.is_error
            self._by_uid[uid] = cells
            self._counts[uid] = (errors, len(found) - errors)
            self._errors += errors
            self._warnings += len(found) - errors

    # -- queries, for the views ------------------------------------------------------------------

    def cell(self, uid: int, key: str) -> list[Finding]:
        cells = self._by_uid.get(uid)
        if not cells:
            return []
        return cells.get(key, [])

    def row(self, uid: int) -> list[Finding]:
        """Findings the table has no cell for (shown on the 序号 cell and the row header)."""
        return self.cell(uid, ROW_FIELD)

    def severity(self, uid: int, key: str) -> Severity | None:
        found = self.cell(uid, key)
        if not found:
            return None
        return Severity.ERROR if any(f.is_error for f in found) else Severity.WARNING

    def project_counts(self, uid: int) -> tuple[int, int]:
        return self._counts.get(uid, (0, 0))

    def counts(self) -> tuple[int, int]:
        """(errors, warnings) of the whole report, kept incrementally: no full scan per keystroke."""
        return self._errors, self._warnings

    def findings(self) -> list[Finding]:
        return self._checker.findings()
