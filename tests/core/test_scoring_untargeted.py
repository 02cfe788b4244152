"""Indicators a clerk can finish (issue 13): "100%" done with no target, and the total shown as
soon as every weight is known, with what is still unscored."""

from __future__ import annotations

from decimal import Decimal

from evaldesk.core.scoring import (
    PROFILES,
    QUALITATIVE_UNGRADED,
    indicator_score,
    needs_target,
    score_project,
    scoring_findings,
)
from tests.core.test_scoring import full_marks, ind, project

D = Decimal
MOF = PROFILES["mof"]


def test_a_hundred_percent_done_without_a_target_gets_full_marks() -> None:
    done = ind("quality", "验收合格率", "", "100%", "20")
    assert indicator_score(done, MOF) == D("20.00")  # as a free-text "已完成" would
    assert not needs_target(done)
    assert indicator_score(ind("quality", "验收合格率", "", "完成", "20"), MOF) == D("20.00")


def test_another_number_without_a_target_asks_for_the_target() -> None:
    count = ind("quantity", "购置设备", "", "20件", "50")
    assert indicator_score(count, MOF) is None
    assert needs_target(count)
    assert not needs_target(ind("quantity", "购置设备", "≥20件", "20件", "50"))
    found = scoring_findings(project([count, *full_marks()[1:]]), MOF)
    asks = [f for f in found if f.code == QUALITATIVE_UNGRADED]
    assert len(asks) == 1
    assert asks[0].field == "indicator:0.target"
    assert "请填写年度指标值" in asks[0].message


def test_the_total_so_far_shows_once_every_weight_is_known() -> None:
    indicators = full_marks()
    indicators[0] = ind("quantity", "购置设备", "", "20件", "50")  # cannot be scored yet
    score = score_project(project(indicators), MOF)
    assert score.total is None
    assert score.subtotal == D("10.00") + D("30.00") + D("10.00")  # rate 100 %, the two scored
    assert score.unscored == ("数量指标「购置设备」",)
    # A weight still missing: no total at all, nothing listed.
    indicators[1] = ind("social", "信访秩序", "有效维护", "有效维护", None)
    score = score_project(project(indicators), MOF)
    assert score.subtotal is None and score.unscored == ()
    # All scored: the total, and nothing left.
    complete = score_project(project(full_marks()), MOF)
    assert complete.total == complete.subtotal == D("100.00") and complete.unscored == ()
