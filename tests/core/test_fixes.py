"""One-click fixes: offered only where the value is certain, and each makes its finding go."""

from __future__ import annotations

from decimal import Decimal

from evaldesk.core import fields
from evaldesk.core.fixes import fix_for, fixes_of_code
from evaldesk.core.records import Funds, Project, Report
from evaldesk.core.rules import (
    FISCAL_NOT_SUM,
    LOW_RATE_NO_REASON,
    OVERSPENT,
    RATE_MISMATCH,
    SOURCES_MISSING,
    TEMPLATE_TEXT,
    TOTAL_NOT_SUM,
    Checker,
    Finding,
)

D = Decimal


def _project(**kwargs: object) -> Project:
    base: dict[str, object] = {
        "seq": "1", "name": "校舍维修", "goal": "完成 3 所学校校舍维修",
        "budget": Funds(general=D("100"), fund=D("20"), non_fiscal=D("0")),
        "actual": Funds(general=D("95"), fund=D("20"), non_fiscal=D("0")),
        "problems": "无",
    }
    base.update(kwargs)
    return Project(**base)  # type: ignore[arg-type]


def _findings(project: Project, code: str) -> list[Finding]:
    return [f for f in Checker(Report(projects=[project])).findings() if f.code == code]


def _apply(project: Project, finding: Finding) -> None:
    fix = fix_for(project, finding)
    assert fix is not None
    for key, value in fix.changes:
        fields.set_value(project, key, value)


def test_a_total_that_is_not_the_sum_of_all_its_sources_is_recomputed() -> None:
    project = _project()
    project.budget.total_entered = D("130")
    (finding,) = _findings(project, TOTAL_NOT_SUM)
    fix = fix_for(project, finding)
    assert fix is not None and fix.label == "合计改为各来源之和 120.00"
    _apply(project, finding)
    assert project.budget.total == D("120") and project.budget.total_entered is None
    assert _findings(project, TOTAL_NOT_SUM) == []


def test_a_total_beside_a_missing_source_is_not_guessed() -> None:
    project = _project(budget=Funds(general=D("100"), fund=None, non_fiscal=D("0"),
                                    total_entered=D("130")))
    (finding,) = _findings(project, TOTAL_NOT_SUM)
    # Is 政府性基金 30 missing, or is 合计 wrong? Only the clerk knows.
    assert fix_for(project, finding) is None


def test_a_total_with_no_sources_at_all_has_no_fix() -> None:
    project = _project(budget=Funds(total_entered=D("130")))
    (finding,) = _findings(project, SOURCES_MISSING)
    assert fix_for(project, finding) is None


def test_fiscal_is_recomputed_from_general_and_fund() -> None:
    project = _project()
    project.actual.fiscal_entered = D("110")
    (finding,) = _findings(project, FISCAL_NOT_SUM)
    _apply(project, finding)
    assert project.actual.fiscal == D("115") and _findings(project, FISCAL_NOT_SUM) == []


def test_a_printed_rate_the_amounts_contradict_gives_way_to_the_computed_one() -> None:
    project = _project(rate_printed=D("0.9"))
    (finding,) = _findings(project, RATE_MISMATCH)
    fix = fix_for(project, finding)
    assert fix is not None and fix.label == "执行率改为按金额计算的 95.83%"
    _apply(project, finding)
    assert project.rate_printed is None and _findings(project, RATE_MISMATCH) == []


def test_template_text_is_cleared() -> None:
    project = _project(rectification="请填写整改措施（200字以内）")
    (finding,) = _findings(project, TEMPLATE_TEXT)
    _apply(project, finding)
    assert project.rectification == "" and _findings(project, TEMPLATE_TEXT) == []


def test_a_low_rate_without_reason_opens_the_cell_and_sets_nothing() -> None:
    project = _project(actual=Funds(general=D("50"), fund=D("20"), non_fiscal=D("0")))
    (finding,) = _findings(project, LOW_RATE_NO_REASON)
    fix = fix_for(project, finding)
    assert fix is not None and fix.opens_editor and fix.edit_field == "problems"
    assert fix.changes == ()


def test_spending_above_budget_has_no_fix() -> None:
    project = _project(actual=Funds(general=D("150"), fund=D("20"), non_fiscal=D("0")))
    findings = _findings(project, OVERSPENT)
    assert findings and all(fix_for(project, f) is None for f in findings)


def test_every_fix_of_one_code_once_per_cell() -> None:
    projects = [_project(seq=str(n), name=f"项目{n}", rate_printed=D("0.5")) for n in range(3)]
    report = Report(projects=projects)
    found = Checker(report).findings()
    fixes = fixes_of_code(projects, found, RATE_MISMATCH)
    assert [uid for uid, _ in fixes] == [p.uid for p in projects]
    assert fixes_of_code(projects, found, LOW_RATE_NO_REASON) == []


def test_a_blank_pair_beside_a_not_applicable_one_is_filled_with_not_applicable() -> None:
    from evaldesk.core.records import Indicator
    from evaldesk.core.rules import EMPTY_INDICATOR_PAIR

    indicators = [Indicator("quantity", "维修校舍", actual="3所"),
                  Indicator("quality", "验收合格率", actual="100%"),
                  Indicator("timeliness", "按期完工", actual="是"),
                  Indicator("economic", applicable=False),
                  Indicator("social", "改善办学条件", actual="是"),
                  Indicator("satisfaction", "师生满意度", actual="95%")]
    project = _project(indicators=indicators)
    (finding,) = _findings(project, EMPTY_INDICATOR_PAIR)
    assert finding.field == "ind.ecological.content"
    fix = fix_for(project, finding)
    assert fix is not None and fix.label == "两栏填为「不适用」"
    _apply(project, finding)
    assert fields.get_value(project, "ind.ecological.content") == "不适用"
    assert fields.get_value(project, "ind.ecological.actual") == "不适用"
    assert _findings(project, EMPTY_INDICATOR_PAIR) == []


def test_a_row_that_never_writes_not_applicable_is_not_asked_about_blank_pairs() -> None:
    from evaldesk.core.records import Indicator
    from evaldesk.core.rules import EMPTY_INDICATOR_PAIR

    project = _project(indicators=[Indicator("quantity", "维修校舍", actual="3所"),
                                   Indicator("social", "改善办学条件", actual="是"),
                                   Indicator("satisfaction", "师生满意度", actual="95%")])
    assert _findings(project, EMPTY_INDICATOR_PAIR) == []
    # Nor another's per-project form with a 「/」 row: it lists only the rows it uses.
    project.indicators.append(Indicator("ecological", "/", "/", actual="/", applicable=False))
    project.headings["indicators"] = "绩效指标"
    assert _findings(project, EMPTY_INDICATOR_PAIR) == []
