"""Which region's rules a form follows, told from its layout.

A per-project form made by a province's template says so in its headings: Sichuan's has
预算执行情况（10分） with 年初预算 / 调整后预算数 / 预算执行数, fund rows down to 财政专户管理资金 and
绩效指标（90分）; Hubei's prints 得分（20分*执行率）. Hebei's is the MoF form itself, so there the
units' place names are the clue. The reader records the headings it saw (``Project.headings``);
this module reads them and proposes the scoring profile a reviewer there would use. A proposal
only: the clerk (or ``--profile``) decides, and the choice is shown wherever scores are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from evaldesk.core.records import Report

MOF = "mof"


@dataclass(frozen=True)
class Marker:
    words: str  # as printed, for the explanation
    weight: int  # 2: says the province alone; 1: one clue among others
    # Which headings to look in (keys of Project.headings); empty: any of them.
    keys: tuple[str, ...] = ()


# Clues of each provincial layout. A profile is proposed at 2 points: one heading only that
# province prints, or two headings it shares with a few neighbours.
_MARKERS: dict[str, tuple[Marker, ...]] = {
    "sichuan": (
        Marker("绩效指标（90分）", 2),
        Marker("财政专户管理资金", 1),
        Marker("调整后预算数", 1),
        Marker("预算执行数", 1),
        Marker("项目年度目标", 1),
        # Shandong's older form prints 项目预算执行情况(10分) too: a clue, not a proof.
        Marker("预算执行情况（10分）", 1, ("funds",)),
    ),
    # 20 points for the execution rate, printed in the funds block's headings.
    "exec20": (Marker("20分", 2, ("funds", "points", "score")),),
    # The older four-part framework as 宁夏 prints it: 项目管理（25分） holding 预算执行率.
    "ningxia": (
        Marker("项目管理（25分）", 2, ("level1.项目管理",)),
        Marker("项目决策（10分）", 1, ("level1.项目决策",)),
        Marker("项目效益（35分）", 1, ("level1.效益指标",)),
    ),
    # 宁夏's 自治区 special-fund form: 效益 40 is no other profile's; 产出 40 and 满意度 20 back it.
    "ningxia-fund": (
        Marker("效益指标（40分）", 2, ("level1.效益指标",)),
        Marker("产出指标（40分）", 1, ("level1.产出指标",)),
        Marker("满意度指标（20分）", 1, ("level1.满意度指标",)),
    ),
    # 湖北's county scoring sheet: 项目决策 2 分, 项目管理 13 分, 项目绩效 85 分.
    "hubei-county": (
        Marker("项目决策2分", 2, ("level1.项目决策",)),
        Marker("项目管理13分", 1, ("level1.项目管理",)),
        Marker("项目绩效85分", 1, ("level1.产出指标",)),
    ),
}
# Hebei scores the MoF form with whole-point execution scores; only the place tells.
_PLACES: dict[str, tuple[str, ...]] = {
    "hebei": ("河北", "石家庄", "唐山", "秦皇岛", "邯郸", "邢台", "保定", "张家口", "承德", "沧州",
              "廊坊", "衡水", "雄安"),
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
SAVED_CHOICE = "文件中保存的评分方案"


def _fold(text: str) -> str:
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


def propose_profile(report: Report) -> Proposal:
    """The provincial profile a report's forms point to; MoF's when nothing regional is seen.

    Only forms printed by others carry headings; our own files and the summary table get MoF's
    unless their headings say otherwise."""
    if report.profile:
        # Chosen by the clerk and saved with the file: the layout no longer decides.
        return Proposal(report.profile, (SAVED_CHOICE,))
    headings: dict[str, list[str]] = {}
    for project in report.projects:
        for key, text in project.headings.items():
            headings.setdefault(key, []).append(text)
    if not headings:
        return Proposal(MOF)
    proposal = propose_from_headings(headings)
    if proposal.recognised:
        return proposal
    names = [report.title, report.department, *(t for p in report.projects
                                               for t in (p.authority, p.implementer, p.name))]
    return propose_from_places(names)


def propose_from_headings(headings: Mapping[str, Iterable[str]] | Iterable[str]) -> Proposal:
    if isinstance(headings, Mapping):
        by_key = {key: [_fold(t) for t in texts] for key, texts in headings.items()}
    else:
        by_key = {"": [_fold(t) for t in headings]}
    best = Proposal(MOF)
    best_points = 1
    for profile, markers in _MARKERS.items():
        found = []
        for marker in markers:
            keys = marker.keys or tuple(by_key)
            texts = [t for k in keys for t in by_key.get(k, ())]
            if any(_fold(marker.words) in text for text in texts):
                found.append(marker)
        points = sum(m.weight for m in found)
        if points > best_points:
            best, best_points = Proposal(profile, tuple(m.words for m in found)), points
    return best


def propose_from_places(names: Iterable[str]) -> Proposal:
    texts = [_fold(n) for n in names if n]
    for profile, places in _PLACES.items():
        seen = tuple(p for p in places if any(p in t for t in texts))
        if seen:
            return Proposal(profile, seen)
    return Proposal(MOF)
