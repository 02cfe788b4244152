"""Scoring of the per-project form (family B): the MoF rules and the local variants a region uses.

A ``ScoringProfile`` holds every choice on which regions differ (points for the execution rate,
the points of each level-1 group, rounding, the formula for negative indicators, what happens to
不适用 indicators, the cap by execution rate, the fractions given to qualitative grades). The
functions here compute; nothing is stored: an ``Indicator.score`` that is not None was typed or
printed and is kept beside the computed score, so a view can show both.

All arithmetic is ``Decimal``. Scores are rounded half-up to 0.01 point, as the form prints them,
so that a reviewer who adds up the printed column gets the printed total.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from enum import Enum, StrEnum

from evaldesk.core.money import format_rate, half_unit
from evaldesk.core.records import (
    BENEFIT,
    DECISION,
    MANAGEMENT,
    OUTPUT,
    SATISFACTION,
    Comparator,
    Indicator,
    Project,
    Report,
    parse_comparator,
)
from evaldesk.core.rules import (
    NO_SATISFACTION_INDICATOR,
    REQUIRED,
    Checker,
    Finding,
    Severity,
    amount_cap,
    format_printed_rate,
    heading,
    judged_total,
    line_key,
    rate_interval,
    rate_tolerance,
)

CENT = Decimal("0.01")
ONE = Decimal(1)
_ZERO = Decimal(0)
_HUNDRED = Decimal(100)

# Stable finding codes, like those of evaldesk.core.rules.
SCORE_NO_REASON = "SCORE_NO_REASON"
WEIGHTS_NOT_GROUP_POINTS = "WEIGHTS_NOT_GROUP_POINTS"
SCORE_ABOVE_WEIGHT = "SCORE_ABOVE_WEIGHT"
NOT_NUMERIC_INDICATOR = "NOT_NUMERIC_INDICATOR"
OVERSHOOT_NO_REASON = "OVERSHOOT_NO_REASON"
QUALITATIVE_UNGRADED = "QUALITATIVE_UNGRADED"
FUNDS_WEIGHT = "FUNDS_WEIGHT"
FUNDS_SCORE = "FUNDS_SCORE"
TOTAL_SCORE_NOT_SUM = "TOTAL_SCORE_NOT_SUM"
ACTUAL_REPEATS_TARGET = "ACTUAL_REPEATS_TARGET"
FULL_SCORE_TARGET_MISSED = "FULL_SCORE_TARGET_MISSED"
SCORE_ABOVE_RESULT = "SCORE_ABOVE_RESULT"

# Grades (自评等级) and their lower bounds.
EXCELLENT, GOOD, FAIR, POOR = "优", "良", "中", "差"
_GRADE_FLOORS: tuple[tuple[Decimal, str], ...] = (
    (Decimal(90), EXCELLENT), (Decimal(80), GOOD), (Decimal(60), FAIR),
)


class ExecutionRounding(StrEnum):
    NONE = "none"  # 10 × rate, printed with two decimals like every score: 86.2 % → 8.62
    INTEGER = "integer"  # Hebei: half-up to whole points, 86.2 % → 9


class NegativeFormula(StrEnum):
    """How a ≤ indicator that missed its target scores (the weight is its ceiling either way).

    An "=" indicator that missed uses the same formula on its distance from the target, above or
    below: ratio min/max, linear 1 − |actual − target| / target.
    """

    RATIO = "ratio"  # weight × target / actual
    LINEAR = "linear"  # weight × (1 − (actual − target) / target); 0 at twice the target


class NotApplicable(StrEnum):
    """Where the points of a 不适用 indicator go.

    Either way the total can reach 100 again. The execution rate is never 不适用, so its points
    (and Hebei's whole-number execution score) stay as they are; only indicator weights move.
    """

    RESCALE = "rescale"  # spread over every applicable indicator, in proportion to the weights
    REGROUP = "regroup"  # to the applicable indicators of the same level-1 group, in proportion


class QualitativeGrade(Enum):
    ACHIEVED = "达成"
    PARTIAL = "部分达成"
    NOT_ACHIEVED = "未达成"


# Rate below the first figure → the total may not exceed the second (domain.md). The smallest
# cap that applies wins: 55 % is below 80, 70 and 60 %, so at most 69.
DEFAULT_RATE_CAPS: tuple[tuple[Decimal, Decimal], ...] = (
    (Decimal("0.8"), Decimal(89)),
    (Decimal("0.7"), Decimal(79)),
    (Decimal("0.6"), Decimal(69)),
    (Decimal("0.5"), Decimal(59)),
)
DEFAULT_GROUP_POINTS: tuple[tuple[str, Decimal], ...] = (
    (OUTPUT, Decimal(50)), (BENEFIT, Decimal(30)), (SATISFACTION, Decimal(10)),
)
# The grade ranges are fixed by the MoF rules; a profile picks one fraction inside each.
_QUALITATIVE_RANGES: dict[QualitativeGrade, tuple[Decimal, Decimal]] = {
    QualitativeGrade.ACHIEVED: (Decimal("0.8"), ONE),
    QualitativeGrade.PARTIAL: (Decimal("0.6"), Decimal("0.8")),
    QualitativeGrade.NOT_ACHIEVED: (_ZERO, Decimal("0.6")),
}


@dataclass(frozen=True)
class ScoringProfile:
    """One region's scoring rules. The defaults are the MoF ones (财预〔2020〕10号).

    Qualitative defaults: 达成 gives the full weight (a met target, like a met quantitative one,
    needs no explanation), 部分达成 and 未达成 the middle of their ranges, 70 % and 30 %. A clerk
    who judges otherwise types the score, which then overrides the computed one.
    """

    name: str
    label: str
    execution_points: Decimal = Decimal(10)
    group_points: tuple[tuple[str, Decimal], ...] = DEFAULT_GROUP_POINTS
    execution_rounding: ExecutionRounding = ExecutionRounding.NONE
    negative_formula: NegativeFormula = NegativeFormula.RATIO
    not_applicable: NotApplicable = NotApplicable.RESCALE
    cap_by_rate: bool = False
    rate_caps: tuple[tuple[Decimal, Decimal], ...] = DEFAULT_RATE_CAPS
    achieved: Decimal = ONE
    partial: Decimal = Decimal("0.7")
    not_achieved: Decimal = Decimal("0.3")
    # An actual this far over its target needs a reason (the target may have been set too low).
    overshoot: Decimal = Decimal("0.3")
    # Sichuan: the indicators share their points (90) with weights the unit sets freely, so only
    # their sum is checked, not each level-1 group's.
    free_weights: bool = False
    # Finding codes of the rules this region does not require (Sichuan: no 满意度 indicator).
    not_required: frozenset[str] = frozenset()
    # The level-1 group whose printed points include the execution rate's (宁夏: 项目管理（25分）
    # holds 预算执行率 10 beside 15 points of other rows); "" where the rate stands on its own.
    execution_group: str = ""

    def __post_init__(self) -> None:
        for grade, fraction in self.qualitative_fractions().items():
            low, high = _QUALITATIVE_RANGES[grade]
            if not low <= fraction <= high:
                raise ValueError(f"{self.name}: {grade.value} 的得分比例 {fraction} 不在 "
                                 f"{low}–{high} 之间")

    def qualitative_fractions(self) -> dict[QualitativeGrade, Decimal]:
        return {QualitativeGrade.ACHIEVED: self.achieved, QualitativeGrade.PARTIAL: self.partial,
                QualitativeGrade.NOT_ACHIEVED: self.not_achieved}

    def points_for(self, level1: str) -> Decimal:
        for name, points in self.group_points:
            if name == level1:
                return points
        raise KeyError(level1)

    @property
    def full_marks(self) -> Decimal:
        return self.execution_points + sum((p for _, p in self.group_points), _ZERO)

    @property
    def indicator_points(self) -> Decimal:
        """What all the indicators together are worth: 90 under MoF and in Sichuan."""
        return sum((p for _, p in self.group_points), _ZERO)


PROFILES: dict[str, ScoringProfile] = {
    profile.name: profile
    for profile in (
        ScoringProfile("mof", "财政部通用（执行率10分）"),
        ScoringProfile("hebei", "河北（执行率得分取整）", execution_rounding=ExecutionRounding.INTEGER),
        # 20 points for the rate leave 80: the output group gives up the 10, as in the local
        # variants that weight spending more (效益 and 满意度 keep their MoF points).
        ScoringProfile("exec20", "执行率20分（产出40、效益30、满意度10）",
                       execution_points=Decimal(20),
                       group_points=((OUTPUT, Decimal(40)), (BENEFIT, Decimal(30)),
                                     (SATISFACTION, Decimal(10)))),
        ScoringProfile("capped", "按执行率封顶总分", cap_by_rate=True),
        ScoringProfile("regroup", "不适用指标分值并入同级指标", not_applicable=NotApplicable.REGROUP),
        ScoringProfile("linear", "反向指标按超出比例扣分", negative_formula=NegativeFormula.LINEAR),
        # 四川省项目支出绩效自评表: 预算执行情况（10分）, 绩效指标（90分） weighted by the unit
        # (权重), 满意度 only where the project has one.
        ScoringProfile("sichuan", "四川（执行率10分，绩效指标90分自定权重）", free_weights=True,
                       not_required=frozenset({NO_SATISFACTION_INDICATOR})),
        # 宁夏's older four-part form (银川市本级): 项目决策（10分）, 项目管理（25分） with the
        # 预算执行率 row (10) inside it, 项目产出（30分）, 项目效益（35分） with the
        # 服务对象满意度指标（10分） inside it. The rate's 10 and 满意度's 10 are kept as their own
        # parts so that each printed group is checked: 管理 15 + 10, 效益 25 + 10.
        ScoringProfile("ningxia", "宁夏（决策10、管理25含执行率10、产出30、效益35含满意度10）",
                       group_points=((DECISION, Decimal(10)), (MANAGEMENT, Decimal(15)),
                                     (OUTPUT, Decimal(30)), (BENEFIT, Decimal(25)),
                                     (SATISFACTION, Decimal(10))),
                       execution_group=MANAGEMENT),
        # 宁夏's 自治区 special-fund form (原州区 c10): 产出(40分), 效益(40分), 满意度(20分); the
        # execution rate is printed but earns no points.
        ScoringProfile("ningxia-fund", "宁夏专项资金（产出40、效益40、满意度20，执行率不计分）",
                       execution_points=_ZERO,
                       group_points=((OUTPUT, Decimal(40)), (BENEFIT, Decimal(40)),
                                     (SATISFACTION, Decimal(20)))),
        # 湖北's county form (广水): a scoring sheet 项目决策 2分 / 项目管理 13分 above 项目绩效
        # 85分 (产出指标 40分 …), the rate printed but not scored. How the 85 is shared beyond
        # 产出's 40 differs by project, so the weights are checked together against 100, as
        # Sichuan's are; the split below only makes up that 100.
        ScoringProfile("hubei-county", "湖北县级（决策2、管理13、绩效85，执行率不计分）",
                       execution_points=_ZERO, free_weights=True,
                       group_points=((DECISION, Decimal(2)), (MANAGEMENT, Decimal(13)),
                                     (OUTPUT, Decimal(40)), (BENEFIT, Decimal(35)),
                                     (SATISFACTION, Decimal(10)))),
    )
}
DEFAULT_PROFILE = PROFILES["mof"]


def get_profile(name: str) -> ScoringProfile:
    try:
        return PROFILES[name]
    except KeyError:
        raise KeyError(f"未知的评分方案「{name}」，可选：{', '.join(PROFILES)}") from None


# ---------------------------------------------------------------------------------------------
# Reading targets and actuals


@dataclass(frozen=True)
class Quantity:
    """A number read from an indicator cell: "≥95%" → 95 "%", "15个工作日内" → 15 "个工作日"."""

    value: Decimal
    unit: str


_NUMBER = re.compile(r"\d+(?:\.\d+)?|\.\d+")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_SPACES = re.compile(r"[\s\u00a0\u3000]+")
_TRIM = re.compile(r"^[\s。，,；;！!]+|[\s。.，,；;！!]+$")
# Words after the number that say how to compare, not what is counted; longest first.
_TRAILING_WORDS = ("及以上", "及以下", "以上", "以下", "以内", "之内", "左右", "内", "前")
_SYMBOLS = re.compile("[≥≤≧≦<>=＜＞＝\ufe66]+")
# Checked in order: the 不 forms must win over the words they contain (不超过 ⊃ 超过).
_COMPARATOR_WORDS: tuple[tuple[str, Comparator], ...] = (
    ("不高于", Comparator.LE), ("不超过", Comparator.LE), ("不大于", Comparator.LE),
    ("不多于", Comparator.LE), ("不低于", Comparator.GE), ("不少于", Comparator.GE),
    ("不小于", Comparator.GE), ("至少", Comparator.GE), ("大于", Comparator.GE),
    ("高于", Comparator.GE), ("超过", Comparator.GE), ("低于", Comparator.LE),
    ("小于", Comparator.LE), ("少于", Comparator.LE), ("控制在", Comparator.LE),
)
# These count only at the end ("15个工作日内"): "年内完成100人次" is not a ceiling.
_ENDING_WORDS: tuple[tuple[str, Comparator], ...] = (
    ("以上", Comparator.GE), ("以下", Comparator.LE), ("以内", Comparator.LE),
    ("之内", Comparator.LE), ("内", Comparator.LE), ("前", Comparator.LE),
)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub("", text)


def parse_quantity(text: str) -> Quantity | None:
    """The one number of a target or actual with its unit; None when the text is qualitative.

    A text with two numbers ("2021年12月", "3-5人") or a date or an ordinal ("12月底前",
    "第3季度") is not a quantity: comparing it as one would score nonsense.
    """
    text = _THOUSANDS.sub("", _TRIM.sub("", _normalise(text)))
    numbers = list(_NUMBER.finditer(text))
    if len(numbers) != 1:
        return None
    match = numbers[0]
    prefix, suffix = text[: match.start()], text[match.end():]
    value = Decimal(match.group())
    if prefix.endswith(("第", "-", "~", "至")) or suffix.startswith(("月", "-", "~", "至", ".")):
        return None
    if suffix.startswith("年") and value == value.to_integral_value() and 1900 <= value <= 2100:
        return None
    unit = suffix
    while (word := next((w for w in _TRAILING_WORDS if unit.endswith(w)), None)) is not None:
        unit = unit.removesuffix(word)
    return Quantity(value, unit)


def infer_comparator(text: str) -> Comparator | None:
    """What a target says: ≥/不低于/以上 → ≥; ≤/不超过/以内/内 → ≤; ＝ → =; None if nothing.

    A symbol is read by ``parse_comparator`` (it knows ＞＝ and Sichuan's ﹦); "<" and ">" count
    as ≤ and ≥ there, as reviewers read them.
    """
    symbol = _SYMBOLS.search(text)
    if symbol is not None:
        comparator = parse_comparator(symbol.group())
        if comparator is not None:
            return comparator
    text = _TRIM.sub("", _normalise(text))
    for word, comparator in _COMPARATOR_WORDS:
        if word in text:
            return comparator
    for word, comparator in _ENDING_WORDS:
        if text.endswith(word):
            return comparator
    return None


def indicator_comparator(indicator: Indicator) -> Comparator:
    """The comparator in force: the one written (指标性质), else what the target text says.

    A plain numeric target ("20件", "100%") is positive: reaching it is the point. A target that
    holds no number is qualitative.
    """
    if indicator.comparator is not None:
        return indicator.comparator
    target = parse_quantity(indicator.target)
    if target is None:
        return Comparator.QUALITATIVE
    inferred = infer_comparator(indicator.target)
    return inferred if inferred is not None else Comparator.GE


# Phrases checked in order: a negation must win over the verb it negates (未完成 ⊃ 完成), and
# 部分/基本 over the verb they soften.
_NOT_ACHIEVED_WORDS = ("未达成", "未达到", "未完成", "未实现", "未达标", "不达标", "未能", "没有完成",
                       "没有达到", "没有实现", "未按时", "未按期", "未取得", "无明显", "不明显", "尚未")
_PARTIAL_WORDS = ("部分达成", "部分完成", "部分实现", "部分达到", "基本达成", "基本完成", "基本实现",
                  "基本达到", "基本达标", "基本满意", "基本")
_ACHIEVED_WORDS = ("达成", "达到", "完成", "实现", "达标", "有效", "显著", "明显", "良好", "提升",
                   "提高", "改善", "满意", "按时", "按期", "全部", "全面", "已")
_WHOLE_WORDS: dict[str, QualitativeGrade] = {
    "是": QualitativeGrade.ACHIEVED, "好": QualitativeGrade.ACHIEVED,
    "优": QualitativeGrade.ACHIEVED, "优秀": QualitativeGrade.ACHIEVED,
    "良": QualitativeGrade.PARTIAL, "较好": QualitativeGrade.PARTIAL,
    "一般": QualitativeGrade.PARTIAL, "中": QualitativeGrade.PARTIAL,
    "否": QualitativeGrade.NOT_ACHIEVED, "差": QualitativeGrade.NOT_ACHIEVED,
    "无": QualitativeGrade.NOT_ACHIEVED,
}


def qualitative_grade(actual: str, target: str = "") -> QualitativeGrade | None:
    """How a qualitative actual reads: "已完成" → 达成, "基本完成" → 部分达成, "未完成" → 未达成.

    An actual that repeats its target ("有效提升" for "有效提升") is 达成. None when the words
    say nothing a reviewer could grade; the clerk then types the score.
    """
    text = _TRIM.sub("", _normalise(actual))
    if not text:
        return None
    if text in _WHOLE_WORDS:
        return _WHOLE_WORDS[text]
    if any(word in text for word in _NOT_ACHIEVED_WORDS):
        return QualitativeGrade.NOT_ACHIEVED
    if any(word in text for word in _PARTIAL_WORDS):
        return QualitativeGrade.PARTIAL
    if text == _TRIM.sub("", _normalise(target)) or any(word in text for word in _ACHIEVED_WORDS):
        return QualitativeGrade.ACHIEVED
    return None


# ---------------------------------------------------------------------------------------------
# Computing scores


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def execution_score(rate: Decimal | None, profile: ScoringProfile = DEFAULT_PROFILE) -> Decimal | None:
    """points × min(rate, 100 %); None when there is no rate (budget 0 or not filled).

    A profile that gives the rate no points scores it 0 whatever it is, even unfilled."""
    if profile.execution_points == 0:
        return _ZERO
    if rate is None:
        return None
    bounded = min(max(rate, _ZERO), ONE)
    raw = profile.execution_points * bounded
    if profile.execution_rounding is ExecutionRounding.INTEGER:
        return raw.quantize(ONE, rounding=ROUND_HALF_UP)
    return _cents(raw)


def _is_blank(indicator: Indicator) -> bool:
    return not (indicator.name.strip() or indicator.target.strip() or indicator.actual.strip())


def _quantitative_fraction(comparator: Comparator, target: Decimal, actual: Decimal,
                           formula: NegativeFormula) -> Decimal:
    """The share of the weight earned, before the cap at 1 and the floor at 0."""
    if comparator is Comparator.GE:
        if actual >= target or target <= 0:
            return ONE
        return actual / target
    if comparator is Comparator.LE:
        if actual <= target:
            return ONE
        if target <= 0:
            return _ZERO  # "≤ 0 起投诉" with a complaint: nothing to scale by
        if formula is NegativeFormula.LINEAR:
            return ONE - (actual - target) / target
        return target / actual
    # "=": any miss costs, above as below, by the profile's formula for a miss.
    if actual == target:
        return ONE
    if target <= 0 or actual <= 0:
        return _ZERO
    if formula is NegativeFormula.LINEAR:
        return ONE - abs(actual - target) / target
    return min(actual, target) / max(actual, target)


def needs_target(indicator: Indicator) -> bool:
    """A number for an actual ("20件", "95%") with no 年度指标值 to measure it against, that
    is not plainly met (see ``_untargeted_grade``): only a target lets it be scored."""
    return not indicator.target.strip() and indicator.comparator is None \
        and parse_quantity(indicator.actual) is not None and _untargeted_grade(indicator) is None


def _untargeted_grade(indicator: Indicator) -> QualitativeGrade | None:
    """"100%" done with no target written reads as a free-text "已完成" does: 达成. Any other
    number says nothing without its target."""
    if indicator.target.strip() or indicator.comparator is not None:
        return None
    actual = parse_quantity(indicator.actual)
    if actual is not None and actual.unit == "%" and actual.value >= 100:
        return QualitativeGrade.ACHIEVED
    return None


def indicator_score(indicator: Indicator, profile: ScoringProfile = DEFAULT_PROFILE,
                    weight: Decimal | None = None) -> Decimal | None:
    """The computed score of one indicator out of ``weight`` (default: its own 分值).

    None when it cannot be computed: not applicable, no weight, a quantitative target or actual
    that holds no number, a qualitative actual whose words cannot be graded.
    """
    if weight is None:
        weight = indicator.weight
    if weight is None or not indicator.applicable or indicator.is_process:
        # A 项目决策/项目管理 row is scored by the reviewer's criteria (评价标准), which no
        # words of its own can be graded by: only its typed 得分 counts.
        return None
    comparator = indicator_comparator(indicator)
    if comparator is Comparator.QUALITATIVE:
        grade_ = qualitative_grade(indicator.actual, indicator.target)
        if grade_ is None:
            grade_ = _untargeted_grade(indicator)
        if grade_ is None:
            return None
        return _cents(weight * profile.qualitative_fractions()[grade_])
    target, actual = parse_quantity(indicator.target), parse_quantity(indicator.actual)
    if target is None or actual is None:
        return None
    fraction = _quantitative_fraction(comparator, target.value, actual.value,
                                      profile.negative_formula)
    return _cents(weight * min(max(fraction, _ZERO), ONE))


def _apportion(weights: Sequence[Decimal], total: Decimal) -> list[Decimal]:
    """Shares of ``total`` in proportion to ``weights``, in cents, adding up to ``total`` exactly.

    Largest remainder: each share is cut down to the cent, then the cents left over go to the
    shares that lost most. Otherwise full marks after a rescale could total 99.99 or 100.01.
    """
    whole = sum(weights, _ZERO)
    if whole <= 0:
        return [_ZERO for _ in weights]
    exact = [w * total / whole for w in weights]
    if total != _cents(total):
        return [_cents(e) for e in exact]
    floors = [e.quantize(CENT, rounding=ROUND_DOWN) for e in exact]
    left = int((total - sum(floors, _ZERO)) / CENT)
    by_remainder = sorted(range(len(exact)), key=lambda i: (floors[i] - exact[i], i))
    for i in by_remainder[:left]:
        floors[i] += CENT
    return floors


def effective_weights(project: Project,
                      profile: ScoringProfile = DEFAULT_PROFILE) -> list[Decimal | None]:
    """Each indicator's weight once the points of 不适用 indicators have been given away.

    The written weight of a 不适用 indicator is what goes (a clerk who already moved its points
    by hand wrote 0 or nothing there, and nothing moves). Not applicable → 0; no weight → None.
    Under REGROUP a group whose indicators are all 不适用 passes its points to all the others.
    """
    indicators = project.indicators
    result: list[Decimal | None] = [
        (i.weight if i.applicable else _ZERO) if i.weight is not None else None for i in indicators
    ]
    if profile.not_applicable is NotApplicable.REGROUP:
        pools = [[k for k, i in enumerate(indicators) if i.level1 == level1]
                 for level1, _ in profile.group_points]
        homeless: list[int] = []
        for pool in pools:
            if any(indicators[k].applicable and (indicators[k].weight or 0) > 0 for k in pool):
                _redistribute(indicators, pool, result)
            else:
                homeless.extend(pool)
        if any((indicators[k].weight or 0) > 0 for k in homeless):
            _redistribute(indicators, list(range(len(indicators))), result, only=homeless)
    else:
        _redistribute(indicators, list(range(len(indicators))), result)
    return result


def _redistribute(indicators: list[Indicator], pool: list[int], result: list[Decimal | None],
                  only: list[int] | None = None) -> None:
    """Give the weight of the 不适用 indicators in ``only`` (default: the pool) to the pool's
    applicable weighted indicators, in proportion to what they already hold."""
    givers = [k for k in (pool if only is None else only)
              if not indicators[k].applicable and (indicators[k].weight or 0) > 0]
    if not givers:
        return
    takers = [k for k in pool if indicators[k].applicable and (result[k] or 0) > 0]
    if not takers:
        return
    held = [result[k] or _ZERO for k in takers]
    given = sum((indicators[k].weight or _ZERO for k in givers), _ZERO)
    for k, share in zip(takers, _apportion(held, sum(held, _ZERO) + given), strict=True):
        result[k] = share


@dataclass(frozen=True)
class IndicatorScore:
    index: int  # position in project.indicators
    category: str
    applicable: bool
    weight: Decimal | None  # 分值 as written
    effective_weight: Decimal | None  # after 不适用 points were given away; 0 when not applicable
    computed: Decimal | None  # by the profile
    typed: Decimal | None  # typed or printed (Indicator.score)

    @property
    def score(self) -> Decimal | None:
        """The score in force: the typed one wins over the computed one."""
        if not self.applicable:
            return None
        return self.typed if self.typed is not None else self.computed

    @property
    def overridden(self) -> bool:
        return self.applicable and self.typed is not None


@dataclass(frozen=True)
class GroupScore:
    level1: str
    points: Decimal  # what the profile gives the group
    weight: Decimal  # the effective weights of its indicators, added up
    score: Decimal | None  # None while one of its indicators has no score


@dataclass(frozen=True)
class ProjectScore:
    profile: ScoringProfile
    rate: Decimal | None  # the execution rate scored
    execution: Decimal | None
    indicators: tuple[IndicatorScore, ...]
    groups: tuple[GroupScore, ...]
    # False when no indicator has a weight or a score: a summary-table row, nothing to total.
    scored: bool
    total: Decimal | None  # None while a part is missing (see ``missing``)
    cap: Decimal | None  # the ceiling the execution rate sets, when the profile caps
    missing: tuple[str, ...] = ()  # what keeps the total from being computed
    # With every weight known: the rate's points and the scores there are, and the indicators
    # still without a score (a clerk sees how far along the project is, and what is left).
    subtotal: Decimal | None = None
    unscored: tuple[str, ...] = ()

    @property
    def total_capped(self) -> Decimal | None:
        if self.total is None or self.cap is None:
            return self.total
        return min(self.total, self.cap)

    @property
    def grade(self) -> str | None:
        total = self.total_capped
        return None if total is None else grade(total)

    def group(self, level1: str) -> GroupScore:
        for group in self.groups:
            if group.level1 == level1:
                return group
        raise KeyError(level1)


def grade(total: Decimal) -> str:
    """自评等级: 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60 (89.99 is 良)."""
    for floor, name in _GRADE_FLOORS:
        if total >= floor:
            return name
    return POOR


def rate_cap(rate: Decimal | None, profile: ScoringProfile) -> Decimal | None:
    """The ceiling on the total the execution rate sets; None when the profile or rate sets none."""
    if not profile.cap_by_rate or rate is None:
        return None
    caps = [cap for below, cap in profile.rate_caps if rate < below]
    return min(caps) if caps else None


def project_rate(project: Project) -> Decimal | None:
    """The rate scored: computed from the amounts, else the one the form printed.

    A printed rate within rounding of the amounts scores the same to the cent; one that is not is
    a finding of the rules, and the amounts are the better evidence.
    """
    rate = project.rate
    return rate if rate is not None else project.rate_printed


def is_scored(project: Project) -> bool:
    return any(i.weight is not None or i.score is not None for i in project.indicators)


def score_project(project: Project, profile: ScoringProfile = DEFAULT_PROFILE) -> ProjectScore:
    rate = project_rate(project)
    execution = execution_score(rate, profile)
    weights = effective_weights(project, profile)
    scores = tuple(
        IndicatorScore(
            index=k, category=ind.category, applicable=ind.applicable, weight=ind.weight,
            effective_weight=weights[k],
            computed=indicator_score(ind, profile, weights[k]) if weights[k] is not None else None,
            typed=ind.score,
        )
        for k, ind in enumerate(project.indicators)
    )
    missing: list[str] = []
    if execution is None:
        missing.append("预算执行率")
    groups: list[GroupScore] = []
    unscored: list[str] = []
    weights_known = True
    so_far = _ZERO
    for level1, points in profile.group_points:
        members = [s for s in scores if project.indicators[s.index].level1 == level1]
        weight = sum((s.effective_weight or _ZERO for s in members), _ZERO)
        group_score: Decimal | None = _ZERO
        for s in members:
            if not s.applicable or (_is_blank(project.indicators[s.index]) and s.score is None
                                    and s.weight is None):
                continue
            if s.score is None:
                missing.append(_label(project.indicators[s.index], s.index))
                group_score = None
                if s.effective_weight is None:
                    weights_known = False
                else:
                    unscored.append(missing[-1])
            else:
                so_far += s.score
                if group_score is not None:
                    group_score += s.score
        groups.append(GroupScore(level1, weight if profile.free_weights else points, weight,
                                 group_score))
    scored = is_scored(project)
    if scored and not missing:
        # Weights that do not add up to the indicators' points make any total meaningless: 110
        # points of weights under a printed 总分 100 would grade a project 优 on marks it cannot
        # have. The rules report the weights; the total waits for them to be put right.
        weight_sum = sum((s.effective_weight or _ZERO for s in scores if s.applicable), _ZERO)
        weighted = any(s.weight is not None for s in scores)
        if weighted and weight_sum != profile.indicator_points:
            missing.append(f"各指标分值合计 {_num(weight_sum)}，应为 {_num(profile.indicator_points)}")
            weights_known = False  # nor a subtotal on them
    total: Decimal | None = None
    if scored and not missing:
        assert execution is not None
        total = execution + sum((g.score or _ZERO for g in groups), _ZERO)
    subtotal = execution + so_far if scored and weights_known and execution is not None else None
    return ProjectScore(profile=profile, rate=rate, execution=execution, indicators=scores,
                        groups=tuple(groups), scored=scored, total=total,
                        cap=rate_cap(rate, profile), missing=tuple(missing),
                        subtotal=subtotal, unscored=tuple(unscored) if subtotal is not None else ())


def score_report(report: Report,
                 profile: ScoringProfile = DEFAULT_PROFILE) -> dict[int, ProjectScore]:
    """Every project's score, by uid (for the CLI dump and a view's score column)."""
    return {project.uid: score_project(project, profile) for project in report.projects}


def total_score(project: Project, profile: ScoringProfile = DEFAULT_PROFILE) -> Decimal | None:
    """总分 after the cap, as the form prints it; None when it cannot be totalled yet."""
    return score_project(project, profile).total_capped


# ---------------------------------------------------------------------------------------------
# Checks

_NO_REASON = frozenset({"", "无", "无。", "没有", "暂无", "/", "-", "—", "--", "不适用"})


def _num(value: Decimal) -> str:
    """A score for a message: 10, 8.33, 25.71 (no trailing zeros, never an exponent)."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


_INDICATOR_PARTS = {"target": "年度指标值", "actual": "实际完成值"}


def _label(indicator: Indicator, index: int) -> str:
    name = indicator.name.strip() or f"第{index + 1}个指标"
    return f"{indicator.level2}「{name}」"


def _has_reason(indicator: Indicator) -> bool:
    return indicator.reason.strip() not in _NO_REASON


def _field(index: int, part: str) -> str:
    return f"indicator:{index}.{part}"


def scoring_findings(project: Project, profile: ScoringProfile = DEFAULT_PROFILE) -> list[Finding]:
    """What a reviewer would send back about the scores; nothing for a row that is not scored.

    Typed scores are checked like computed ones: overriding a score does not excuse it.
    """
    found = list(_repeat_findings(project))
    found.extend(_execution_findings(project, profile))
    found.extend(_line_findings(project))
    if is_scored(project):
        result = score_project(project, profile)
        if any(i.weight is not None for i in project.indicators) \
                or "indicator.weight" in project.headings or not project.headings:
            # Hubei's form prints no 分值 column: its indicators' weights cannot be checked.
            found.extend(_weight_findings(project, profile))
        for s in result.indicators:
            found.extend(_indicator_findings(project, profile, s))
        found.extend(_total_findings(project, profile))
        found.extend(_unscored_findings(project, result))
    found.sort(key=_finding_order)
    return found


def checker_for(report: Report, profile: ScoringProfile = DEFAULT_PROFILE) -> Checker:
    """The rules and the scores of a report under one profile: what `check` prints and the
    window shows, from one place."""
    return Checker(report, lambda project: scoring_findings(project, profile),
                   skip=profile.not_required)


def _execution_range(project: Project) -> tuple[Decimal, Decimal] | None:
    """The rates a reviewer accepts as this project's: those the printed amounts allow, and
    the printed rate within its own printed precision."""
    budget, actual = judged_total(project.budget), judged_total(project.actual)
    if budget is not None and actual is not None and budget > 0:
        # The amounts are the evidence: a score worked out from a wrong printed rate is wrong
        # too (the rate's own finding is RATE_MISMATCH).
        return rate_interval(actual, budget, amount_cap(project))
    printed = project.rate_printed
    if printed is None:
        return None
    half = rate_tolerance(printed)
    return printed - half, printed + half


def _execution_findings(project: Project, profile: ScoringProfile) -> Iterator[Finding]:
    """The funds row of a per-project form: its 分值 is the profile's execution points, its
    得分 those points × the rate (capped at 100 %), within what the printing allows."""
    uid, points = project.uid, profile.execution_points
    block = heading(project, "funds", "预算执行情况")
    weight = project.execution_weight_printed
    if weight is not None and weight != points:
        yield Finding(FUNDS_WEIGHT, Severity.ERROR, uid, "funds.weight",
                      f"「{block}」的{heading(project, 'points', '分值')}为 {_num(weight)}，"
                      f"评分规则「{profile.label}」规定为 {_num(points)}")
    printed = project.execution_score_printed
    rates = _execution_range(project)
    if printed is None or rates is None:
        return
    # Unrounded: the printed score's own precision is the tolerance, so Hebei's whole-point 9
    # and MoF's 8.62 are both right for 86.2 %, under either profile.
    low, high = (points * min(max(r, _ZERO), ONE) for r in rates)
    slack = max(half_unit(printed), Decimal("0.005"))
    if low - slack <= printed <= high + slack:
        return
    budget, actual = judged_total(project.budget), judged_total(project.actual)
    rate = actual / budget if budget and actual is not None else project.rate_printed
    expected = execution_score(rate, profile)
    shown = format_rate(rate) if rate is not project.rate_printed or rate is None \
        else format_printed_rate(rate)
    yield Finding(FUNDS_SCORE, Severity.ERROR, uid, "funds.score",
                  f"「{block}」的{heading(project, 'score', '得分')}为 {_num(printed)}，执行率 {shown}"
                  f"，应为 {_num(expected) if expected is not None else '—'}"
                  f"（{_num(points)} 分 × 执行率，最高 {_num(points)} 分）")


def _line_findings(project: Project) -> Iterator[Finding]:
    """A funds line that prints its own 分值 and 得分 (a 部门整体 form's 基本支出 / 项目支出):
    the 得分 is that 分值 × the line's own rate, capped at the 分值, within the printing."""
    for line in project.fund_lines:
        points, printed, budget, actual = line.points, line.score, line.budget, line.actual
        if points is None or printed is None or budget is None or actual is None or budget <= 0:
            continue
        low, high = (points * min(max(r, _ZERO), ONE)
                     for r in rate_interval(actual, budget, amount_cap(project)))
        slack = max(half_unit(printed), Decimal("0.005"))
        if low - slack <= printed <= high + slack:
            continue
        rate = actual / budget
        yield Finding(FUNDS_SCORE, Severity.ERROR, project.uid, line_key(line, "score"),
                      f"「{line.name}」的{heading(project, 'score', '得分')}为 {_num(printed)}，"
                      f"执行率 {format_rate(rate)}，应为 {_num(_cents(points * min(rate, ONE)))}"
                      f"（{_num(points)} 分 × 执行率，最高 {_num(points)} 分）")


def _unscored_findings(project: Project, result: ProjectScore) -> Iterator[Finding]:
    """Another's form with its 得分 cells left empty: a self-evaluation not scored. (Our own
    forms print the computed scores, and their headings are not recorded.)"""
    headings = project.headings
    if "indicator.score" in headings:
        name = heading(project, "indicator.score", "得分")
        for s in result.indicators:
            ind = project.indicators[s.index]
            if s.applicable and s.typed is None and ind.weight is not None and not _is_blank(ind):
                computed = f"（按评分规则应为 {_num(s.computed)}）" if s.computed is not None else ""
                yield Finding(REQUIRED, Severity.ERROR, project.uid, _field(s.index, "score"),
                              f"{_label(ind, s.index)}未填{name}{computed}")
    if "score" in headings and project.execution_score_printed is None \
            and project.execution_weight_printed is not None:
        computed = f"（按评分规则应为 {_num(result.execution)}）" \
            if result.execution is not None else ""
        yield Finding(REQUIRED, Severity.ERROR, project.uid, "funds.score",
                      f"「{heading(project, 'funds', '预算执行情况')}」未填"
                      f"{heading(project, 'score', '得分')}{computed}")
    if "total_score" in headings and project.total_score_printed is None:
        yield Finding(REQUIRED, Severity.ERROR, project.uid, "total_score",
                      f"「{heading(project, 'total_score', '总分')}」行未填"
                      f"{heading(project, 'indicator.score', '得分')}")


def _total_findings(project: Project, profile: ScoringProfile) -> Iterator[Finding]:
    """A printed 总分 is the sum of the printed parts: the funds row's 得分 and every
    applicable indicator's (only when all of them were printed). Where the profile gives the
    rate no points (宁夏's fund form, 湖北's county form) the indicators' alone."""
    total = project.total_score_printed
    execution = project.execution_score_printed
    unscored_rate = profile.execution_points == 0 and execution is None
    if unscored_rate:
        execution = _ZERO
    if total is None or execution is None:
        return
    parts = [execution]
    for indicator in project.indicators:
        if not indicator.applicable or (_is_blank(indicator) and indicator.score is None
                                        and indicator.weight is None):
            continue
        if indicator.score is None:
            return
        parts.append(indicator.score)
    added = sum(parts, _ZERO)
    if abs(total - added) <= half_unit(total) + CENT:
        return
    parts_said = "" if unscored_rate else (
        f"（{heading(project, 'funds', '预算执行情况')} {_num(execution)} + "
        f"各指标 {_num(added - execution)}）")
    yield Finding(TOTAL_SCORE_NOT_SUM, Severity.ERROR, project.uid, "total_score",
                  f"{heading(project, 'total_score', '总分')} {_num(total)} 不等于各项得分之和 "
                  f"{_num(added)}{parts_said}")


# A comparator written into an actual: what the target asked for, not what was achieved.
_ACTUAL_COMPARATOR = re.compile(r"^[≥≤≧≦<>＜＞\ufe66]|^(?:不低于|不少于|不小于|不高于|不超过|不大于|至少)")


def _repeats_target(indicator: Indicator) -> bool:
    actual = _normalise(indicator.actual)
    if not actual or not _ACTUAL_COMPARATOR.search(actual):
        return False
    # Only a quantity can be repeated instead of measured: 「不超过预算」 for 「不超过预算」 is a
    # qualitative statement that the budget held.
    wanted, achieved = parse_quantity(indicator.target), parse_quantity(indicator.actual)
    if wanted is None or achieved is None:
        return False
    return actual == _normalise(indicator.target) or wanted.value == achieved.value


def _repeat_findings(project: Project) -> Iterator[Finding]:
    for k, indicator in enumerate(project.indicators):
        if indicator.applicable and _repeats_target(indicator):
            yield Finding(ACTUAL_REPEATS_TARGET, Severity.WARNING, project.uid,
                          _field(k, "actual"),
                          f"{_label(indicator, k)}的{heading(project, 'indicator.actual', '实际完成值')}"
                          f"「{indicator.actual.strip()}」只是重复了"
                          f"{heading(project, 'indicator.target', '年度指标值')}"
                          f"「{indicator.target.strip()}」，应填实际达到的数值")


def _finding_order(finding: Finding) -> tuple[int, str]:
    index = finding.field.removeprefix("indicator:").partition(".")[0]
    return (int(index) if index.isdigit() else -1, finding.code)


def _weight_findings(project: Project, profile: ScoringProfile) -> Iterator[Finding]:
    if profile.free_weights:
        yield from _free_weight_findings(project, profile)
        return
    for level1, points in profile.group_points:
        members = [k for k, i in enumerate(project.indicators) if i.level1 == level1]
        if not members:
            continue  # a missing group is the rules' finding (NO_*_INDICATOR)
        written = sum((project.indicators[k].weight or _ZERO for k in members), _ZERO)
        if written != points:
            unweighted = [k for k in members if project.indicators[k].weight is None
                          and project.indicators[k].applicable]
            more = f"（{len(unweighted)} 个指标未填分值）" if unweighted else ""
            if level1 == profile.execution_group:
                # The printed group holds the rate's points too (宁夏: 项目管理（25分）).
                rate = heading(project, "funds", "预算执行率")
                more += f"（另有{rate} {_num(profile.execution_points)} 分）"
            group = heading(project, f"level1.{level1}", level1)
            yield Finding(WEIGHTS_NOT_GROUP_POINTS, Severity.ERROR, project.uid,
                          _field((unweighted or members)[0], "weight"),
                          f"{group}各指标分值合计 {_num(written)}，应为 {_num(points)}{more}")


def _free_weight_findings(project: Project, profile: ScoringProfile) -> Iterator[Finding]:
    """Weights set freely by the unit must still give the indicators their points together."""
    indicators = project.indicators
    if not indicators:
        return
    points = profile.indicator_points
    written = sum((i.weight or _ZERO for i in indicators), _ZERO)
    if written == points:
        return
    unweighted = [k for k, i in enumerate(indicators) if i.weight is None and i.applicable
                  and not _is_blank(i)]
    more = f"（{len(unweighted)} 个指标未填{heading(project, 'indicator.weight', '分值')}）" \
        if unweighted else ""
    yield Finding(WEIGHTS_NOT_GROUP_POINTS, Severity.ERROR, project.uid,
                  _field((unweighted or [0])[0], "weight"),
                  f"{heading(project, 'indicators', '绩效指标')}各指标"
                  f"{heading(project, 'indicator.weight', '分值')}合计 {_num(written)}，"
                  f"应为 {_num(points)}{more}")


def _indicator_findings(project: Project, profile: ScoringProfile,
                        s: IndicatorScore) -> Iterator[Finding]:
    ind = project.indicators[s.index]
    if not s.applicable or _is_blank(ind):
        return
    uid, label = project.uid, _label(ind, s.index)
    weight = s.effective_weight
    moved = "（已含不适用指标转入的分值）" if weight is not None and weight != s.weight else ""
    comparator = indicator_comparator(ind)
    if ind.is_process:
        pass  # judged by criteria, not by target and actual: only its score is checked
    elif comparator is Comparator.QUALITATIVE:
        if not ind.actual.strip() and (ind.target.strip() or ind.weight is not None):
            yield Finding(REQUIRED, Severity.ERROR, uid, _field(s.index, "actual"),
                          f"{label}未填{heading(project, 'indicator.actual', '实际完成情况')}")
        elif s.computed is None and s.typed is None and weight is not None and needs_target(ind):
            yield Finding(QUALITATIVE_UNGRADED, Severity.WARNING, uid, _field(s.index, "target"),
                          f"{label}实际完成值为「{ind.actual.strip()}」，未填年度指标值，无法评分："
                          "请填写年度指标值（或直接填写得分）")
        elif s.computed is None and s.typed is None and weight is not None:
            yield Finding(QUALITATIVE_UNGRADED, Severity.WARNING, uid, _field(s.index, "score"),
                          f"{label}的完成情况「{ind.actual.strip()}」无法判断是否达成，请填写得分")
    else:
        yield from _numeric_findings(project, profile, s, comparator)
        beyond = _score_beyond_result(project, s)
        if beyond is not None:
            yield beyond
    if s.typed is not None and weight is not None and s.typed > weight:
        yield Finding(SCORE_ABOVE_WEIGHT, Severity.ERROR, uid, _field(s.index, "score"),
                      f"{label}得分 {_num(s.typed)} 超过分值 {_num(weight)}{moved}")
    score = s.score
    if score is not None and weight is not None and score < weight and not _has_reason(ind):
        yield Finding(SCORE_NO_REASON, Severity.WARNING, uid, _reason_field(project, s.index, "score"),
                      f"{label}{heading(project, 'indicator.score', '得分')} {_num(score)} 低于"
                      f"{heading(project, 'indicator.weight', '分值')} {_num(weight)}{moved}，"
                      f"{_reason_request(project)}")


def _score_beyond_result(project: Project, s: IndicatorScore) -> Finding | None:
    """A typed score above what a quantitative result earns, beyond the typed score's printing
    (a form printing whole points may show 4.84 as 5). Full marks for a missed target (安徽 濉溪:
    ≤5300元/户 with 5830元/户, 10 of 10) is FULL_SCORE_TARGET_MISSED: a reason explains a
    shortfall, it does not earn the points. Less than full marks but more than the proportion
    (山西 稷山: 3224 of 3807 people, 1.9 of 2 where the formula gives 1.69) is
    SCORE_ABOVE_RESULT. Quantitative only: a number against a number is the formula a reviewer
    recomputes; a qualitative grade is the reviewer's own judgement."""
    weight, typed, computed = s.effective_weight, s.typed, s.computed
    if weight is None or typed is None or computed is None:
        return None
    slack = max(half_unit(typed), Decimal("0.005"))
    full = typed >= weight
    if (computed >= weight - slack) if full else (typed <= computed + slack):
        return None
    ind = project.indicators[s.index]
    score = heading(project, "indicator.score", "得分")
    missed = (f"{_label(ind, s.index)}{heading(project, 'indicator.actual', '实际完成值')}"
              f"「{ind.actual.strip()}」未达到{heading(project, 'indicator.target', '年度指标值')}"
              f"「{ind.target.strip()}」，")
    if full:
        return Finding(FULL_SCORE_TARGET_MISSED, Severity.WARNING, project.uid,
                       _field(s.index, "score"),
                       f"{missed}{score}却为满分 {_num(typed)}：按完成程度应为 {_num(computed)}")
    return Finding(SCORE_ABOVE_RESULT, Severity.WARNING, project.uid, _field(s.index, "score"),
                   f"{missed}{score} {_num(typed)} 高于按完成程度计算的 {_num(computed)}"
                   f"（{heading(project, 'indicator.weight', '分值')} {_num(weight)} × 完成比例）")


def _has_reason_column(project: Project) -> bool:
    """Our own form has one; another's only where a heading for it was found."""
    return not project.headings or "indicator.reason" in project.headings


def _reason_field(project: Project, index: int, instead: str) -> str:
    """Where a missing reason is shown: its cell, or on a form that has no column for it (the
    Hebei system's export) the figure that needs it."""
    return _field(index, "reason" if _has_reason_column(project) else instead)


def _reason_request(project: Project) -> str:
    if _has_reason_column(project):
        return f"须在「{heading(project, 'indicator.reason', '偏差原因分析及改进措施')}」中说明原因"
    return "须说明原因（表中没有填写原因的栏目）"


def _numeric_findings(project: Project, profile: ScoringProfile, s: IndicatorScore,
                      comparator: Comparator) -> Iterator[Finding]:
    ind = project.indicators[s.index]
    uid, label = project.uid, _label(ind, s.index)
    target, actual = parse_quantity(ind.target), parse_quantity(ind.actual)
    for part, text, number in (("target", ind.target, target), ("actual", ind.actual, actual)):
        if number is not None:
            continue
        name = heading(project, f"indicator.{part}", _INDICATOR_PARTS[part])
        # An empty cell is a field not filled in; text where a number belongs is another matter.
        code, what = (NOT_NUMERIC_INDICATOR, f"「{text.strip()}」不是数值") if text.strip() \
            else (REQUIRED, "未填")
        yield Finding(code, Severity.ERROR, uid, _field(s.index, part),
                      f"{label}为定量指标（{comparator.value}），{name}{what}")
    if target is None or actual is None or comparator is Comparator.LE or target.value <= 0:
        return
    over = (actual.value - target.value) / target.value
    if over >= profile.overshoot and not _has_reason(ind):
        yield Finding(OVERSHOOT_NO_REASON, Severity.WARNING, uid,
                      _reason_field(project, s.index, "actual"),
                      f"{label}{heading(project, 'indicator.actual', '实际完成值')} "
                      f"{_num(actual.value)}{actual.unit} 超出"
                      f"{heading(project, 'indicator.target', '年度指标值')} "
                      f"{_num(target.value)}{target.unit} 达 {format_rate(over)}"
                      f"（≥ {format_rate(profile.overshoot)}），须说明原因（指标值是否设定偏低）")
