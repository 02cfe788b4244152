"""Filling a report's figures from the budget system's spending export.

A clerk gets, from the 预算管理一体化系统 or the accounting software, a table with one row per
project (or per funding line of a project): 项目编码, 项目名称, 年初预算数, 调整预算数 / 全年预算数,
支出数 / 执行数, sometimes per source. ``plan_fill`` matches those rows to the report's projects
and works out every change before anything is touched, so that the window can show it (project,
field, old → new) and the command line can print it; ``apply_fill`` then makes exactly those
changes. Matching is by 项目编码 first, then by the exact name, then by a close name that only the
clerk may confirm: a guess never changes a figure on its own.

Amounts are summed exactly (Decimal): a project split over several funding lines gets the sum
of its lines, per source.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from evaldesk.core.fields import edit_order, get_value, set_value
from evaldesk.core.records import Funds, Project, Report

# The sources a report keeps apart (财政专户管理资金, 单位资金 and 其他资金 are 非财政资金 there).
PARTS = ("general", "fund", "non_fiscal")
SIDES = ("initial", "budget", "actual")
SIDE_NAMES = {"initial": "年初预算数", "budget": "全年预算数", "actual": "实际支出"}
PART_NAMES = {"general": "一般公共预算", "fund": "政府性基金", "non_fiscal": "非财政资金",
              "total": "合计"}

# A close name is offered when the names share this much (difflib's ratio of the normalised
# names): "全区信访业务培训" vs "全区信访业务培训费" is 0.94, two different projects of one
# bureau rarely reach 0.6.
CLOSE_ENOUGH = 0.6

_NOISE = re.compile(r"[\s\u3000()（）\[\]【】〔〕“”\"'‘’,，.。、:：;；_\-—－·]+")


def name_key(name: str) -> str:
    """A project name compared without spaces, punctuation, brackets or width differences."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", name)).lower()


def code_key(code: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", code)).upper()


@dataclass
class SideAmounts:
    """One side (年初预算 / 全年预算 / 支出) of an export entry: a total and/or its parts."""

    total: Decimal | None = None
    parts: dict[str, Decimal] = field(default_factory=dict)

    def add(self, other: SideAmounts) -> None:
        if other.total is not None:
            self.total = other.total if self.total is None else self.total + other.total
        for part, amount in other.parts.items():
            self.parts[part] = self.parts.get(part, Decimal(0)) + amount

    @property
    def empty(self) -> bool:
        return self.total is None and not self.parts


@dataclass
class ExportRow:
    """One data row of an export, amounts already in the report's unit."""

    line: int  # 1-based row number in the source, for messages
    code: str
    name: str
    sides: dict[str, SideAmounts] = field(default_factory=dict)


@dataclass
class ExportEntry:
    """All the rows of one project in the export (one funding line each, or just one row)."""

    code: str
    name: str
    lines: list[int]
    sides: dict[str, SideAmounts]

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}".strip()


def entries_of(rows: Iterable[ExportRow]) -> list[ExportEntry]:
    """Rows of one project (same code, or same name where there is no code) summed exactly."""
    entries: dict[str, ExportEntry] = {}
    for row in rows:
        key = "c:" + code_key(row.code) if row.code.strip() else "n:" + name_key(row.name)
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = ExportEntry(row.code.strip(), row.name.strip(), [], {})
        entry.lines.append(row.line)
        if not entry.name and row.name.strip():
            entry.name = row.name.strip()
        for side, amounts in row.sides.items():
            entry.sides.setdefault(side, SideAmounts()).add(amounts)
    return list(entries.values())


class MatchKind(StrEnum):
    CODE = "code"  # 项目编码 equal
    NAME = "name"  # the same name
    CLOSE = "close"  # a similar name: applied only when the clerk confirms


@dataclass(frozen=True)
class Change:
    key: str  # a field key ("budget.general", …)
    old: Decimal | str | None
    new: Decimal
    carried: bool = False  # the old figure is last year's, kept by a rollover


@dataclass
class Match:
    project_uid: int
    project_name: str
    entry: ExportEntry
    kind: MatchKind
    similarity: float
    changes: list[Change]

    @property
    def needs_confirmation(self) -> bool:
        return self.kind is MatchKind.CLOSE


@dataclass
class FillPlan:
    matches: list[Match]
    unmatched_entries: list[ExportEntry]  # export rows no project was found for
    unmatched_projects: list[Project]  # projects the export says nothing about
    ambiguous: list[tuple[ExportEntry, list[str]]]  # a name several projects share

    def changes(self, confirmed: Iterable[int] = ()) -> list[tuple[int, Change]]:
        """Every change to make: certain matches, and close ones whose project uid is confirmed."""
        ok = set(confirmed)
        return [(m.project_uid, c) for m in self.matches
                if not m.needs_confirmation or m.project_uid in ok for c in m.changes]

    @property
    def entry_count(self) -> int:
        """Projects the export holds (a project over several funding lines counts once)."""
        return len(self.matches) + len(self.unmatched_entries) + len(self.ambiguous)

    @property
    def close_matches(self) -> list[Match]:
        return [m for m in self.matches if m.needs_confirmation]


def plan_fill(report: Report, rows: Sequence[ExportRow]) -> FillPlan:
    entries = entries_of(rows)
    free = list(report.projects)
    matches: list[Match] = []
    left: list[ExportEntry] = []
    ambiguous: list[tuple[ExportEntry, list[str]]] = []

    def take(project: Project, entry: ExportEntry, kind: MatchKind, similarity: float) -> None:
        free.remove(project)
        matches.append(Match(project.uid, project.name, entry, kind, similarity,
                             changes_for(project, entry)))

    # 项目编码 first: names change between years and systems, codes do not.
    by_code = {code_key(p.code): p for p in free if p.code.strip()}
    for entry in entries:
        project = by_code.get(code_key(entry.code)) if entry.code else None
        if project is not None and project in free:
            take(project, entry, MatchKind.CODE, 1.0)
        else:
            left.append(entry)

    still: list[ExportEntry] = []
    for entry in left:
        same = [p for p in free if name_key(p.name) == name_key(entry.name) and entry.name]
        if len(same) == 1:
            take(same[0], entry, MatchKind.NAME, 1.0)
        elif len(same) > 1:
            ambiguous.append((entry, [f"{p.seq} {p.name}".strip() for p in same]))
        else:
            still.append(entry)

    unmatched: list[ExportEntry] = []
    for entry in still:
        best, ratio = _closest(entry.name, free)
        if best is None:
            unmatched.append(entry)
        else:
            take(best, entry, MatchKind.CLOSE, ratio)
    matches.sort(key=lambda m: _row_of(report, m.project_uid))
    return FillPlan(matches, unmatched, free, ambiguous)


def _row_of(report: Report, uid: int) -> int:
    for row, project in enumerate(report.projects):
        if project.uid == uid:
            return row
    return len(report.projects)


def _closest(name: str, projects: Sequence[Project]) -> tuple[Project | None, float]:
    key = name_key(name)
    if not key:
        return None, 0.0
    best: Project | None = None
    best_ratio = 0.0
    for project in projects:
        other = name_key(project.name)
        if not other:
            continue
        ratio = difflib.SequenceMatcher(None, key, other, autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = project, ratio
    return (best, best_ratio) if best_ratio >= CLOSE_ENOUGH else (None, best_ratio)


def changes_for(project: Project, entry: ExportEntry) -> list[Change]:
    """What the export says, as field changes; figures already equal are left out.

    Per side: the parts the export gives replace the project's; with a total but no parts, the
    total goes into the one source the project already uses (its split from last year, or the
    budget's for spending), or, when
    the project's split is unknown or over several sources, stands as the entered 合计 — the
    split is then the clerk's to give, and the check says so. The 年初预算数 only exists on the
    per-project form; the summary's 项目年度预算金额 is the full-year budget, so an export with
    only 年初预算数 fills the budget with it.
    """
    sides = dict(entry.sides)
    if "budget" not in sides and "initial" in sides:
        sides["budget"] = sides["initial"]
    wanted: dict[str, Decimal] = {}
    for side in SIDES:
        amounts = sides.get(side)
        if amounts is None or amounts.empty:
            continue
        wanted.update(_side_values(side, project, amounts))
    changes = []
    for key, new in wanted.items():
        old = get_value(project, key)
        # A figure equal to last year's still changes: the export confirms it for this year.
        if old != new or key in project.bad_values or key in project.carried_over:
            changes.append(Change(key, old, new, key in project.carried_over))
    return changes


def _side_values(side: str, project: Project, amounts: SideAmounts) -> dict[str, Decimal]:
    if amounts.parts:
        values = {f"{side}.{part}": amount for part, amount in amounts.parts.items()}
        if amounts.total is not None:
            given = sum(amounts.parts.values(), Decimal(0))
            missing = [p for p in PARTS if p not in amounts.parts]
            if given != amounts.total and len(missing) == 1:
                # The one source the export leaves out is what the total has beyond the others.
                values[f"{side}.{missing[0]}"] = amounts.total - given
            elif given != amounts.total:
                values[f"{side}.total"] = amounts.total
        return values
    assert amounts.total is not None
    used = _sources_used(getattr(project, side)) or _sources_used(project.budget)
    if len(used) == 1:
        return {f"{side}.{used[0]}": amounts.total}
    return {f"{side}.total": amounts.total}


def _sources_used(funds: Funds) -> list[str]:
    # Spending comes from the source that was budgeted: after a rollover the actual side is
    # empty, and the budget's split says where a total belongs.
    return [p for p in PARTS if getattr(funds, p)]


def apply_fill(report: Report, plan: FillPlan, confirmed: Iterable[int] = ()) -> int:
    """Make the planned changes (close matches only where confirmed); returns how many."""
    done = 0
    changes = sorted(plan.changes(confirmed), key=lambda item: edit_order(item[1].key))
    for uid, change in changes:
        project = report.project_by_uid(uid)
        if project is None:
            continue
        set_value(project, change.key, change.new)
        done += 1
    return done


def field_name(key: str) -> str:
    """「全年预算数·一般公共预算」: a change's field as the clerk reads it."""
    side, _, part = key.partition(".")
    return f"{SIDE_NAMES.get(side, side)}·{PART_NAMES.get(part, part)}"
