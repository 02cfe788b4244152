"""Which region's rules a form follows, told from its layout.

A per-project form made by a province's template says so in its headings: Sichuan's has
预算执行情况（10分） with 年初预算 / 调整后预算数 / 预算执行数, fund rows down to 财政专户管理资金 and
绩效指标（90分）. The reader records the headings it saw (``Project.headings``); this module reads
them and proposes the scoring profile a reviewer there would use. A proposal only: the clerk (or
``--profile``) decides, and the choice is shown wherever scores are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from evaldesk.core.records import Report

MOF = "mof"


@dataclass(frozen=True)
class Marker:
    words: str  # as printed, for the explanation
    weight: int  # 2: says the province alone; 1: one clue among others


# Clues of each provincial layout, as folded words. A profile is proposed at 2 points: one
# heading only that province prints, or two headings it shares with a few neighbours.
_MARKERS: dict[str, tuple[Marker, ...]] = {
    "sichuan": (
        Marker("绩效指标（90分）", 2),
        Marker("财政专户管理资金", 1),
        Marker("调整后预算数", 1),
        Marker("预算执行数", 1),
        Marker("项目年度目标", 1),
    ),
}


@dataclass(frozen=True)
class Proposal:
    """The profile a form's layout points to, and the headings that say so."""

    profile: str
    evidence: tuple[str, ...] = ()

    @property
    def recognised(self) -> bool:
        return self.profile != MOF


_SPACES = re.compile(r"[\s\u3000]+")


def _fold(text: str) -> str:
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


def propose_profile(report: Report) -> Proposal:
    """The provincial profile a report's forms point to; MoF's when nothing regional is seen."""
    seen = {_fold(text) for project in report.projects for text in project.headings.values()}
    return propose_from_headings(seen)


def propose_from_headings(headings: Iterable[str]) -> Proposal:
    folded = {_fold(h) for h in headings}
    best = Proposal(MOF)
    best_points = 1
    for profile, markers in _MARKERS.items():
        found = [m for m in markers if any(_fold(m.words) in text for text in folded)]
        points = sum(m.weight for m in found)
        if points > best_points:
            best, best_points = Proposal(profile, tuple(m.words for m in found)), points
    return best
