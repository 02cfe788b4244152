"""The records, exactly, as JSON-ready data and back: for the edit journal and the clipboard.

Unlike ``serialize`` (the documented ``dump`` view, with derived figures), this keeps what is
stored and nothing else — entered totals, bad cells, import notes, carried-over marks — so that
``report_from_state(report_to_state(r)) == r``. Decimals travel as strings.
"""

from __future__ import annotations

from dataclasses import fields
from decimal import Decimal, InvalidOperation
from typing import Any

from evaldesk.core.records import (
    CATEGORY_BY_KEY,
    Comparator,
    FundLine,
    Funds,
    ImportNote,
    Indicator,
    PreviousYear,
    Project,
    Report,
)

STATE_VERSION = 1


class StateError(ValueError):
    """Data that is not a state this version wrote (a damaged journal line, say)."""


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _undec(value: object) -> Decimal | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise StateError(f"expected a decimal string, got {value!r}")
    try:
        return Decimal(value)
    except InvalidOperation as exc:
        raise StateError(f"not a decimal: {value!r}") from exc


_FUNDS_FIELDS = tuple(f.name for f in fields(Funds))


def _funds(funds: Funds) -> dict[str, str | None]:
    return {name: _dec(getattr(funds, name)) for name in _FUNDS_FIELDS}


def _unfunds(data: object) -> Funds:
    if not isinstance(data, dict):
        raise StateError("funds must be an object")
    return Funds(**{name: _undec(data.get(name)) for name in _FUNDS_FIELDS})


def _indicator(indicator: Indicator) -> dict[str, Any]:
    return {
        "category": indicator.category,
        "name": indicator.name,
        "target": indicator.target,
        "comparator": indicator.comparator.value if indicator.comparator else None,
        "unit": indicator.unit,
        "actual": indicator.actual,
        "weight": _dec(indicator.weight),
        "score": _dec(indicator.score),
        "reason": indicator.reason,
        "applicable": indicator.applicable,
    }


def _unindicator(data: dict[str, Any]) -> Indicator:
    category = data.get("category")
    if category not in CATEGORY_BY_KEY:
        raise StateError(f"unknown indicator category {category!r}")
    comparator = data.get("comparator")
    return Indicator(
        category=str(category),
        name=str(data.get("name", "")),
        target=str(data.get("target", "")),
        comparator=Comparator(comparator) if comparator else None,
        unit=str(data.get("unit", "")),
        actual=str(data.get("actual", "")),
        weight=_undec(data.get("weight")),
        score=_undec(data.get("score")),
        reason=str(data.get("reason", "")),
        applicable=bool(data.get("applicable", True)),
    )


_LINE_TEXT = ("label", "block", "cell")
_LINE_DECIMALS = ("initial", "budget", "actual", "points", "score")


def fund_line_to_state(line: FundLine) -> dict[str, Any]:
    state: dict[str, Any] = {name: getattr(line, name) for name in _LINE_TEXT}
    state.update({name: _dec(getattr(line, name)) for name in _LINE_DECIMALS})
    state["total"] = line.total
    return state


def fund_line_from_state(data: dict[str, Any]) -> FundLine:
    line = FundLine(label="", total=bool(data.get("total", False)))
    for name in _LINE_TEXT:
        setattr(line, name, str(data.get(name, "")))
    for name in _LINE_DECIMALS:
        setattr(line, name, _undec(data.get(name)))
    return line


_PROJECT_TEXT = ("seq", "department", "name", "code", "authority", "implementer", "goal",
                 "completion", "problems", "rectification", "conclusion", "project_lead",
                 "finance_lead", "grade_printed", "funds_reason")
_PROJECT_FUNDS = ("budget", "actual", "initial")
_PROJECT_DECIMALS = ("rate_printed", "total_score_printed", "execution_weight_printed",
                     "execution_score_printed", "total_points_printed")


def project_to_state(project: Project) -> dict[str, Any]:
    state: dict[str, Any] = {name: getattr(project, name) for name in _PROJECT_TEXT}
    state.update({name: _funds(getattr(project, name)) for name in _PROJECT_FUNDS})
    state.update({name: _dec(getattr(project, name)) for name in _PROJECT_DECIMALS})
    state["indicators"] = [_indicator(i) for i in project.indicators]
    state["bad_values"] = dict(project.bad_values)
    state["headings"] = dict(project.headings)
    state["import_notes"] = [
        {"code": n.code, "field": n.field, "message": n.message, "severity": n.severity}
        for n in project.import_notes
    ]
    state["carried_over"] = sorted(project.carried_over)
    state["fund_lines"] = [fund_line_to_state(line) for line in project.fund_lines]
    previous = project.previous
    state["previous"] = None if previous is None else {
        "year": previous.year, "budget": _dec(previous.budget), "actual": _dec(previous.actual),
        "rate": _dec(previous.rate)}
    return state


def project_from_state(state: object) -> Project:
    if not isinstance(state, dict):
        raise StateError("a project must be an object")
    try:
        project = Project()
        for name in _PROJECT_TEXT:
            setattr(project, name, str(state.get(name, "")))
        for name in _PROJECT_FUNDS:
            setattr(project, name, _unfunds(state.get(name, {})))
        for name in _PROJECT_DECIMALS:
            setattr(project, name, _undec(state.get(name)))
        project.indicators = [_unindicator(i) for i in state.get("indicators", [])]
        project.bad_values = {str(k): str(v) for k, v in state.get("bad_values", {}).items()}
        project.headings = {str(k): str(v) for k, v in state.get("headings", {}).items()}
        project.import_notes = [ImportNote(**n) for n in state.get("import_notes", [])]
        project.carried_over = {str(k) for k in state.get("carried_over", [])}
        project.fund_lines = [fund_line_from_state(line) for line in state.get("fund_lines", [])]
        previous = state.get("previous")
        if previous is not None:
            year = previous.get("year")
            project.previous = PreviousYear(
                int(year) if year is not None else None, _undec(previous.get("budget")),
                _undec(previous.get("actual")), _undec(previous.get("rate")))
    except (TypeError, AttributeError, ValueError) as exc:
        raise StateError(f"damaged project: {exc}") from exc
    return project


_REPORT_TEXT = ("title", "unit", "department", "fill_date", "preparer", "phone", "head")


def report_fields_to_state(report: Report) -> dict[str, Any]:
    """The report's own lines (not its projects)."""
    state: dict[str, Any] = {name: getattr(report, name) for name in _REPORT_TEXT}
    state["year"] = report.year
    state["department_subtotals"] = report.department_subtotals
    return state


def apply_report_fields(report: Report, state: dict[str, Any]) -> None:
    for name in _REPORT_TEXT:
        if name in state:
            setattr(report, name, str(state[name]))
    year = state.get("year")
    report.year = int(year) if year is not None else None
    report.department_subtotals = bool(state.get("department_subtotals", False))


def report_to_state(report: Report) -> dict[str, Any]:
    state = report_fields_to_state(report)
    state["version"] = STATE_VERSION
    state["projects"] = [project_to_state(p) for p in report.projects]
    return state


def report_from_state(state: object) -> Report:
    if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
        raise StateError("not a report state of this version")
    report = Report()
    try:
        apply_report_fields(report, state)
    except (TypeError, ValueError) as exc:
        raise StateError(f"damaged report fields: {exc}") from exc
    report.projects = [project_from_state(p) for p in state.get("projects", [])]
    return report
