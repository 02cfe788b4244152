"""The report as plain JSON-ready data: the documented interface of ``evaldesk dump``.

Amounts and rates are decimal strings exactly as stored (never floats, never rounded); rates are
fractions ("0.9813" is 98.13 %); absent values are null. The schema is in the README; add keys,
never change the meaning of one.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from evaldesk.core.money import decimal_str
from evaldesk.core.records import Funds, Indicator, Project, Report
from evaldesk.core.rules import Finding
from evaldesk.core.scoring import DEFAULT_PROFILE, IndicatorScore, ScoringProfile, score_project

SCHEMA_VERSION = 1
_RATE_PLACES = Decimal("0.000001")


def _funds(funds: Funds) -> dict[str, str | None]:
    return {
        "total": decimal_str(funds.total),
        "fiscal": decimal_str(funds.fiscal),
        "general": decimal_str(funds.general),
        "fund": decimal_str(funds.fund),
        "non_fiscal": decimal_str(funds.non_fiscal),
        "carryover": decimal_str(funds.carryover),
    }


def _indicator(indicator: Indicator, scored: IndicatorScore | None) -> dict[str, Any]:
    return {
        "level1": indicator.level1,
        "level2": indicator.level2,
        "name": indicator.name,
        "comparator": indicator.comparator.value if indicator.comparator else None,
        "target": indicator.target or None,
        "unit": indicator.unit or None,
        "actual": indicator.actual or None,
        "weight": decimal_str(indicator.weight),
        # The score the profile computes, and the one typed or printed (which is in force).
        "score": decimal_str(scored.computed) if scored else None,
        "score_printed": decimal_str(indicator.score),
        "reason": indicator.reason or None,
        "applicable": indicator.applicable,
    }


def computed_rate(project: Project) -> str | None:
    rate = project.rate
    return None if rate is None else decimal_str(rate.quantize(_RATE_PLACES, ROUND_HALF_UP))


def project_to_dict(project: Project, profile: ScoringProfile = DEFAULT_PROFILE) -> dict[str, Any]:
    scores = score_project(project, profile)
    return {
        "seq": project.seq,
        "department": project.department,
        "name": project.name,
        "code": project.code or None,
        "authority": project.authority or None,
        "implementer": project.implementer or None,
        "initial_budget": _funds(project.initial),
        "budget": _funds(project.budget),
        "actual": _funds(project.actual),
        "rate": computed_rate(project),
        "rate_printed": decimal_str(project.rate_printed),
        "goal": project.goal,
        "completion": project.completion,
        "indicators": [
            _indicator(i, s) for i, s in zip(project.indicators, scores.indicators, strict=True)
        ],
        "problems": project.problems,
        "rectification": project.rectification,
        "conclusion": project.conclusion or None,
        "project_lead": project.project_lead or None,
        "finance_lead": project.finance_lead or None,
        "total_score_printed": decimal_str(project.total_score_printed),
        # What another's per-project form printed in its funds row and beside 总分, and the
        # headings it printed (field key → text): what the checks judged and named.
        "funds_weight_printed": decimal_str(project.execution_weight_printed),
        "funds_score_printed": decimal_str(project.execution_score_printed),
        "total_points_printed": decimal_str(project.total_points_printed),
        "funds_reason": project.funds_reason or None,
        "headings": dict(project.headings),
        # Lines of the funds block kept as printed (split by use, funds under the total).
        "fund_lines": [{
            "label": line.label, "block": line.block or None, "total": line.total,
            "initial": decimal_str(line.initial), "budget": decimal_str(line.budget),
            "actual": decimal_str(line.actual), "points": decimal_str(line.points),
            "score": decimal_str(line.score), "cell": line.cell or None,
        } for line in project.fund_lines],
        "grade_printed": project.grade_printed or None,
        "carried_over": sorted(project.carried_over),
        "previous": None if project.previous is None else {
            "year": project.previous.year,
            "budget": decimal_str(project.previous.budget),
            "actual": decimal_str(project.previous.actual),
            "rate": decimal_str(project.previous.rate),
        },
        "invalid_cells": dict(project.bad_values),
        "profile": profile.name,
        "execution_score": decimal_str(scores.execution),
        "total_score": decimal_str(scores.total_capped),
        "grade": scores.grade,
    }


def report_to_dict(report: Report, profile: ScoringProfile = DEFAULT_PROFILE) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "year": report.year,
        "title": report.shown_title,
        "unit": report.unit,
        "department": report.department,
        "fill_date": report.fill_date,
        "preparer": report.preparer,
        "phone": report.phone,
        "head": report.head,
        "projects": [project_to_dict(p, profile) for p in report.projects],
    }


def finding_to_dict(finding: Finding, projects: dict[int, Project], file: str) -> dict[str, Any]:
    """``projects`` maps uid → project (build it once per report: findings are many)."""
    project = projects.get(finding.project_uid) if finding.project_uid is not None else None
    return {
        "file": file,
        "project_seq": project.seq if project else None,
        "project": project.name if project else None,
        "field": finding.field or None,
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.message,
    }
