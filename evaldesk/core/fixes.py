"""One-click fixes: what a finding's cure is, when there is only one.

A fix is offered only where the right value follows from the form itself: 合计 and 财政拨款 are
sums of sources that are all there, a printed rate that the amounts contradict gives way to the
computed one, template instructions are not content, and a blank indicator pair in a row that
writes 不适用 in its other unused categories is one more 不适用. Where it is unclear which figure is wrong
(a source missing beside a total, spending above budget, a goal that is not a goal), no fix is
offered and the finding stays the clerk's. A 问题 left as 「无」 under a low rate has no value to
put in: its "fix" opens the cell for typing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from evaldesk.core import fields
from evaldesk.core.fields import FUND_PARTS, Value, get_value
from evaldesk.core.money import format_amount, format_rate
from evaldesk.core.records import NOT_APPLICABLE, Funds, Project
from evaldesk.core.rules import (
    EMPTY_INDICATOR_PAIR,
    FISCAL_NOT_SUM,
    LOW_RATE_NO_REASON,
    RATE_MISMATCH,
    TEMPLATE_TEXT,
    TOTAL_NOT_SUM,
    Finding,
)

FIXABLE = (TOTAL_NOT_SUM, FISCAL_NOT_SUM, RATE_MISMATCH, TEMPLATE_TEXT, LOW_RATE_NO_REASON,
           EMPTY_INDICATOR_PAIR)


@dataclass(frozen=True)
class Fix:
    code: str
    label: str  # what the fix does, for a menu
    changes: tuple[tuple[str, Value], ...] = ()  # (field key, new value)
    edit_field: str = ""  # no value to set: open this field for typing

    @property
    def opens_editor(self) -> bool:
        return bool(self.edit_field) and not self.changes


def fix_for(project: Project, finding: Finding) -> Fix | None:
    """The certain fix of ``finding`` on ``project``, or None when a fix would be a guess."""
    if finding.project_uid != project.uid:
        return None
    code, key = finding.code, finding.field
    if code in (TOTAL_NOT_SUM, FISCAL_NOT_SUM):
        return _sum_fix(project, code, key)
    if code == RATE_MISMATCH and project.rate_printed is not None and project.rate is not None:
        return Fix(code, f"执行率改为按金额计算的 {format_rate(project.rate)}", (("rate", None),))
    if code == TEMPLATE_TEXT and key and _settable(project, key):
        return Fix(code, "清除模板说明文字", ((key, ""),))
    if code == EMPTY_INDICATOR_PAIR and key.endswith(".content"):
        # The row says 不适用 in its other unused categories: this blank pair is one more.
        pair = key.removesuffix(".content")
        return Fix(code, f"两栏填为「{NOT_APPLICABLE}」",
                   ((f"{pair}.content", NOT_APPLICABLE), (f"{pair}.actual", NOT_APPLICABLE)))
    if code == LOW_RATE_NO_REASON:
        # The finding names where this form keeps the reason (问题, or a funds block's 原因).
        return Fix(code, "填写执行率偏低的原因", edit_field=key or "problems")
    return None


def _sum_fix(project: Project, code: str, key: str) -> Fix | None:
    side, _, _ = key.partition(".")
    funds = getattr(project, side, None)
    if not isinstance(funds, Funds):
        return None
    if code == TOTAL_NOT_SUM:
        # Every source the form has must be there: a total beside a missing source says the
        # source is missing as much as the total is wrong.
        if any(getattr(funds, p) is None for p in FUND_PARTS if p != "carryover"):
            return None
        computed: Decimal | None = funds.total_computed
        target, what = f"{side}.total", "合计"
    else:
        if funds.general is None or funds.fund is None:
            return None
        computed, target, what = funds.fiscal_computed, f"{side}.fiscal", "财政拨款"
    if computed is None:
        return None
    return Fix(code, f"{what}改为各来源之和 {format_amount(computed)}", ((target, computed),))


def _settable(project: Project, key: str) -> bool:
    try:
        fields.set_value(fields.clone_project(project), key, "")
    except (KeyError, ValueError):
        return False
    return get_value(project, key) not in ("", None)


def fixes_of_code(projects: Iterable[Project], findings: Iterable[Finding],
                  code: str) -> list[tuple[int, Fix]]:
    """修正全部同类问题: every finding of ``code`` that has a value fix, once per cell."""
    by_uid = {p.uid: p for p in projects}
    done: set[tuple[int, str]] = set()
    out: list[tuple[int, Fix]] = []
    for finding in findings:
        if finding.code != code or finding.project_uid is None:
            continue
        project = by_uid.get(finding.project_uid)
        fix = fix_for(project, finding) if project is not None else None
        if fix is None or fix.opens_editor:
            continue
        cells = {(project.uid, key) for key, _ in fix.changes}  # type: ignore[union-attr]
        if cells & done:
            continue
        done |= cells
        out.append((finding.project_uid, fix))
    return out
