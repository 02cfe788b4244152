"""The hidden sheet ``_evaldesk``: what a project holds that no visible cell can show.

A workbook we write must read back into the same records. Almost everything has a visible cell;
the rest is kept here, one JSON object per project:

* ``carried_over``: the fields still holding last year's figures after a rollover;
* ``typed``: the indicator scores a clerk typed (the 得分 column shows the score in force, typed
  or computed, and a reader must know which was which to keep computing the others);
* ``split``: 一般公共预算 and 政府性基金 (and any entered 财政拨款 and 合计) where 本年财政拨款
  shows only their sum (年初预算数 has no summary column to carry them);
* ``total_score_printed`` / ``grade_printed``: the 总分 and 自评等级 another file printed, kept
  beside the computed ones that our sheet shows;
* ``printed``: what another's per-project form printed for the reviewer's checks (the funds row's
  分值/得分, the full marks beside 总分, the funds block's 原因, the form's own headings, the
  funds lines it kept apart — 基本支出 / 项目支出 —, the digits
  a rate was printed with, "86%" rather than 86.00%): our
  sheet prints the profile's figures in their place, and without this record a FUNDS_WEIGHT
  found before saving would vanish after, unfixed;
* ``previous``: last year's totals and rate a rollover keeps for the compare view;
* ``notes``: what an importer could not place with certainty (the seed's row 2), until a clerk
  settles it — a save must not make such a warning disappear;
* ``state``: the whole record (``evaldesk.core.state``) of a project that has no per-project sheet
  (a report above ``PROJECT_SHEETS_LIMIT``) and holds more than the summary row shows — several
  indicators of a kind, weights, scores, 年初预算数 … — used only while the summary row still shows
  what the record would;
* ``sheet``, ``index``, ``seq``, ``name``: which per-project sheet belongs to which summary row.

The scoring profile the sheets were computed with is recorded once for the workbook.

Why one JSON cell per project rather than a column per fact: new facts can be added without a
new schema version, and a file written by a newer evaldesk is still read by an older one (it
ignores keys it does not know). The visible cells stay the truth: a reader uses a recorded fact
only where the visible cell still shows what we wrote (a clerk who edited the sheet in Excel wins).

Files from others have no such sheet, and a damaged one is ignored row by row: nothing here is
needed to read a workbook, only to read our own back exactly.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from evaldesk.core.fields import indicators_by_category, summary_text
from evaldesk.core.layout import COLUMN_INDEX, SUMMARY_CATEGORIES
from evaldesk.core.money import decimal_str, percent_places
from evaldesk.core.records import (
    NOT_APPLICABLE,
    Funds,
    ImportNote,
    Indicator,
    PreviousYear,
    Project,
    Report,
)
from evaldesk.core.scoring import DEFAULT_PROFILE, ScoringProfile
from evaldesk.core.state import (
    StateError,
    fund_line_from_state,
    fund_line_to_state,
    project_from_state,
    project_to_state,
)

SHEET_NAME = "_evaldesk"
MAGIC = "evaldesk-metadata"
SCHEMA = 1
_NOTE = "evaldesk 保存文件时使用的内部数据，请勿修改或删除本工作表"
_PROFILE_ROW = "profile"
_PROJECT_ROW = "project"
_SIDES = ("initial", "budget", "actual")


@dataclass
class ProjectMeta:
    index: int  # position in the report when written
    seq: str
    name: str
    sheet: str = ""  # the per-project sheet written for it, if any
    carried_over: set[str] = field(default_factory=set)
    typed: dict[int, Decimal] = field(default_factory=dict)  # indicator index → typed score
    # side → (一般公共预算, 政府性基金, entered 财政拨款, entered 合计) where the form shows only
    # 财政拨款 (and a 合计 that may or may not have been entered)
    split: dict[str, tuple[Decimal | None, ...]] = field(default_factory=dict)
    total_score_printed: Decimal | None = None
    grade_printed: str = ""
    previous: PreviousYear | None = None
    notes: list[ImportNote] = field(default_factory=list)
    state: dict[str, Any] | None = None  # the whole record, for a project without its sheet
    printed: dict[str, Any] = field(default_factory=dict)  # see ``_PRINTED``


@dataclass
class Metadata:
    schema: int = SCHEMA
    profile: str = DEFAULT_PROFILE.name
    projects: list[ProjectMeta] = field(default_factory=list)

    def for_sheet(self, sheet: str) -> ProjectMeta | None:
        for meta in self.projects:
            if meta.sheet and meta.sheet == sheet:
                return meta
        return None


_PRINTED_DECIMALS = ("execution_weight_printed", "execution_score_printed", "total_points_printed")


def _printed(project: Project) -> dict[str, Any]:
    printed: dict[str, Any] = {name: decimal_str(getattr(project, name))
                               for name in _PRINTED_DECIMALS if getattr(project, name) is not None}
    if project.funds_reason:
        printed["funds_reason"] = project.funds_reason
    if project.rate_printed is not None and percent_places(project.rate_printed) != 2:
        # A workbook number has no digits of its own: "86%" would come back as 86.00%.
        printed["rate_printed"] = decimal_str(project.rate_printed)
    if project.headings:
        printed["headings"] = dict(project.headings)
    if project.fund_lines:
        # Lines our form has no row for (基本支出 / 项目支出, funds under the total).
        printed["fund_lines"] = [fund_line_to_state(line) for line in project.fund_lines]
    return printed


def _restore_printed(project: Project, printed: dict[str, Any]) -> None:
    for name in _PRINTED_DECIMALS:
        setattr(project, name, _decimal(printed.get(name)))
    rate = _decimal(printed.get("rate_printed"))
    if rate is not None and project.rate_printed == rate:
        project.rate_printed = rate  # the same figure, with the digits it was printed with
    reason = printed.get("funds_reason")
    project.funds_reason = reason if isinstance(reason, str) else ""
    headings = printed.get("headings")
    project.headings = ({str(k): str(v) for k, v in headings.items() if isinstance(v, str)}
                        if isinstance(headings, dict) else {})
    lines = printed.get("fund_lines")
    project.fund_lines = [fund_line_from_state(line) for line in lines if isinstance(line, dict)] \
        if isinstance(lines, list) else []


def needs_split(funds: Funds) -> bool:
    """Whether 本年财政拨款 alone loses something: a 政府性基金 part or an entered 财政拨款."""
    return funds.fund is not None or funds.fiscal_entered is not None


def _summary_indicators(project: Project) -> list[Indicator]:
    """The indicators a summary row gives back: one per summary category, or 不适用."""
    result: list[Indicator] = []
    by_category = indicators_by_category(project)
    for key, _group in SUMMARY_CATEGORIES:
        indicators = by_category.get(key, [])
        content = summary_text(indicators, "content").strip()
        done = summary_text(indicators, "actual").strip()
        if content == NOT_APPLICABLE and done in (NOT_APPLICABLE, ""):
            result.append(Indicator(key, applicable=False))
        elif content or done:
            result.append(Indicator(key, name=content, actual=done))
    return result


def _summary_funds(funds: Funds) -> Funds:
    return Funds(funds.general, funds.fund, funds.non_fiscal, funds.total_entered)


def summary_carries(project: Project) -> bool:
    """Whether the summary row alone reads back as this project (then it needs no record)."""
    if any(key not in COLUMN_INDEX for key in project.bad_values):
        return False
    shown = Project(seq=project.seq, department=project.department, name=project.name,
                    budget=_summary_funds(project.budget), actual=_summary_funds(project.actual),
                    rate_printed=project.rate_printed, goal=project.goal,
                    completion=project.completion, indicators=_summary_indicators(project),
                    problems=project.problems, rectification=project.rectification,
                    bad_values=project.bad_values, import_notes=project.import_notes,
                    carried_over=project.carried_over,
                    total_score_printed=project.total_score_printed,
                    grade_printed=project.grade_printed, previous=project.previous)
    return shown == project


def project_meta(project: Project, index: int, sheet: str = "") -> ProjectMeta:
    meta = ProjectMeta(index=index, seq=project.seq, name=project.name, sheet=sheet,
                       carried_over=set(project.carried_over),
                       total_score_printed=project.total_score_printed,
                       grade_printed=project.grade_printed, previous=project.previous,
                       notes=list(project.import_notes), printed=_printed(project))
    if not sheet and not summary_carries(project):
        meta.state = project_to_state(project)
    meta.typed = {k: i.score for k, i in enumerate(project.indicators) if i.score is not None}
    if not sheet:
        # Only a per-project sheet folds the sources into 本年财政拨款; the summary row shows each
        # (and a summary that cannot carry the project has its whole state recorded above).
        return meta
    for side in _SIDES:
        funds: Funds = getattr(project, side)
        if needs_split(funds):
            meta.split[side] = (funds.general, funds.fund, funds.fiscal_entered,
                                funds.total_entered)
    return meta


def _has_facts(meta: ProjectMeta) -> bool:
    return bool(meta.sheet or meta.carried_over or meta.typed or meta.split
                or meta.total_score_printed is not None or meta.grade_printed
                or meta.previous is not None or meta.state is not None or meta.notes
                or meta.printed)


def _to_json(meta: ProjectMeta) -> str:
    data: dict[str, Any] = {"index": meta.index, "seq": meta.seq, "name": meta.name}
    if meta.sheet:
        data["sheet"] = meta.sheet
    if meta.carried_over:
        data["carried_over"] = sorted(meta.carried_over)
    if meta.typed:
        data["typed"] = {str(k): decimal_str(v) for k, v in sorted(meta.typed.items())}
    if meta.split:
        data["split"] = {side: [decimal_str(v) for v in values]
                         for side, values in meta.split.items()}
    if meta.total_score_printed is not None:
        data["total_score_printed"] = decimal_str(meta.total_score_printed)
    if meta.grade_printed:
        data["grade_printed"] = meta.grade_printed
    if meta.notes:
        data["notes"] = [{"code": n.code, "field": n.field, "message": n.message,
                          "severity": n.severity} for n in meta.notes]
    if meta.printed:
        data["printed"] = meta.printed
    if meta.state is not None:
        data["state"] = meta.state
    elif meta.previous is not None:
        data["previous"] = project_to_state(Project(previous=meta.previous))["previous"]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def write_metadata(workbook: Any, report: Report, sheets: dict[int, str] | None = None,
                   profile: ScoringProfile = DEFAULT_PROFILE) -> None:
    """Add the hidden ``_evaldesk`` sheet to an xlsxwriter workbook (call after the visible ones).

    ``sheets`` maps a project's index in the report to the per-project sheet written for it.
    Only projects with something to record get a row, so a summary-only save of 5,000 projects
    that were never rolled over or scored adds three rows.
    """
    sheets = sheets or {}
    sheet = workbook.add_worksheet(SHEET_NAME)
    sheet.write_string(0, 0, MAGIC)
    sheet.write_string(0, 1, str(SCHEMA))
    sheet.write_string(0, 2, _NOTE)
    sheet.write_string(1, 0, _PROFILE_ROW)
    sheet.write_string(1, 1, profile.name)
    row = 2
    for index, project in enumerate(report.projects):
        meta = project_meta(project, index, sheets.get(index, ""))
        if _has_facts(meta):
            sheet.write_string(row, 0, _PROJECT_ROW)
            sheet.write_string(row, 1, _to_json(meta))
            row += 1
    sheet.hide()


# --- reading -------------------------------------------------------------------------------------


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _decimal(value: object) -> Decimal | None:
    if not isinstance(value, str):
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _from_json(text: str) -> ProjectMeta | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    index, seq, name = data.get("index"), data.get("seq"), data.get("name")
    if not isinstance(index, int) or not isinstance(seq, str) or not isinstance(name, str):
        return None
    meta = ProjectMeta(index=index, seq=seq, name=name)
    sheet = data.get("sheet")
    meta.sheet = sheet if isinstance(sheet, str) else ""
    carried = data.get("carried_over")
    if isinstance(carried, list):
        meta.carried_over = {k for k in carried if isinstance(k, str)}
    typed = data.get("typed")
    if isinstance(typed, dict):
        for key, value in typed.items():
            number = _decimal(value)
            if isinstance(key, str) and key.isdigit() and number is not None:
                meta.typed[int(key)] = number
    split = data.get("split")
    if isinstance(split, dict):
        for side, pair in split.items():
            if side in _SIDES and isinstance(pair, list) and len(pair) == 4:
                meta.split[side] = tuple(_decimal(v) for v in pair)
    meta.total_score_printed = _decimal(data.get("total_score_printed"))
    grade = data.get("grade_printed")
    meta.grade_printed = grade if isinstance(grade, str) else ""
    notes = data.get("notes")
    if isinstance(notes, list):
        for note in notes:
            if isinstance(note, dict) and all(isinstance(note.get(k), str) for k in
                                              ("code", "field", "message", "severity")) \
                    and note["severity"] in ("error", "warning"):
                meta.notes.append(ImportNote(note["code"], note["field"], note["message"],
                                             note["severity"]))
    printed = data.get("printed")
    if isinstance(printed, dict):
        meta.printed = printed
    try:
        state = data.get("state")
        if isinstance(state, dict):
            meta.previous = project_from_state(state).previous
            meta.state = state
        elif isinstance(data.get("previous"), dict):
            meta.previous = project_from_state({"previous": data["previous"]}).previous
    except StateError:
        meta.state = meta.previous = None
    return meta


def read_metadata(grid: Sequence[Sequence[object]]) -> Metadata | None:
    """The ``_evaldesk`` sheet's content; None when the grid is not one. Bad rows are skipped."""
    if not grid or len(grid[0]) < 2 or _text(grid[0][0]) != MAGIC:
        return None
    schema_text = grid[0][1]
    try:
        schema = int(float(schema_text)) if isinstance(schema_text, (int, float)) \
            else int(_text(schema_text))
    except ValueError:
        return None
    metadata = Metadata(schema=schema)
    for row in grid[1:]:
        if len(row) < 2:
            continue
        kind, value = _text(row[0]), _text(row[1])
        if kind == _PROFILE_ROW and value:
            metadata.profile = value
        elif kind == _PROJECT_ROW:
            meta = _from_json(value)
            if meta is not None:
                metadata.projects.append(meta)
    return metadata


def match_projects(metadata: Metadata, projects: Sequence[Project]) -> dict[int, ProjectMeta]:
    """Each recorded project's record by the uid of the project it belongs to.

    The recorded position is tried first; a project moved in Excel is found by 序号 and name.
    A record whose project is gone is dropped.
    """
    found: dict[int, ProjectMeta] = {}
    for meta in metadata.projects:
        candidates: Iterable[Project] = ()
        if 0 <= meta.index < len(projects):
            candidates = (projects[meta.index],)
        for project in (*candidates, *projects):
            if project.uid not in found and project.seq == meta.seq and project.name == meta.name:
                found[project.uid] = meta
                break
    return found


def apply_metadata(metadata: Metadata, report: Report, *, settled: set[int] | None = None) -> None:
    """Give the report's projects what only the metadata holds.

    ``settled`` names the projects (by uid) whose per-project sheet was already read with their
    record (see ``project_sheets.settle_own_sheet``); the others, read from the summary alone,
    get the printed 总分/等级 back here.
    """
    settled = settled or set()
    for uid, meta in match_projects(metadata, report.projects).items():
        project = report.project_by_uid(uid)
        assert project is not None
        project.carried_over = set(meta.carried_over)
        project.previous = meta.previous
        project.import_notes = [*meta.notes,
                                *(n for n in project.import_notes if n not in meta.notes)]
        _restore_printed(project, meta.printed)
        if uid not in settled:
            project.total_score_printed = meta.total_score_printed
            project.grade_printed = meta.grade_printed
