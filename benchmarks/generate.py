"""Realistic district-sized reports for benchmarks, screenshots and print previews.

``make_report(n_projects, seed)`` builds a 区 (district) summary in the shape of the seed table:
several 部门 with their own projects, goal and indicator texts of the length clerks really write
(a goal of 60–250 characters, numbered items, full-width punctuation), amounts in 万元 with two
decimals, a share of projects with 政府性基金 or 非财政资金, and a few projects that a reviewer
would send back (overspent, a low rate without a reason, a printed rate that is wrong, a goal
copied from another project, a number typed as text). Deterministic for a given seed.

Command line::

    python benchmarks/generate.py 5000 out.xlsx [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

if __package__ in (None, ""):
    # Run as a script: make the repository importable without installing it.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evaldesk.core.layout import SUMMARY_CATEGORIES
from evaldesk.core.records import Funds, Indicator, Project, Report

CENT = Decimal("0.01")
RATE_PLACES = Decimal("0.0001")

DISTRICT = "龙岗区"
DEPARTMENTS = (
    "区信访局", "区教育局", "区卫生健康局", "区民政局", "区住房和建设局", "区交通运输局",
    "区文化广电旅游体育局", "区城市管理和综合执法局", "区水务局", "区司法局", "区应急管理局",
    "区人力资源局", "区科技创新局", "区工业和信息化局", "区生态环境分局", "区退役军人事务局",
    "区医疗保障局", "区统计局", "区审计局", "区档案馆", "布吉街道办事处", "坂田街道办事处",
    "南湾街道办事处", "平湖街道办事处", "横岗街道办事处", "龙城街道办事处",
)
SUBJECTS = (
    "办公设备购置", "信息化系统运维", "公共法律服务", "社区网格化管理", "校舍维修改造",
    "基层医疗机构补助", "城市道路养护", "河道综合整治", "老年人居家养老服务", "安全生产专项检查",
    "公共文化活动", "就业创业补贴", "科技企业孵化", "垃圾分类宣传", "重点人群心理疏导",
    "食品安全抽检", "应急物资储备", "档案数字化", "政务服务大厅运营", "绿化提升工程",
    "燃气安全排查", "退役军人关爱帮扶", "困难群众临时救助", "学位建设", "交通设施完善",
)
QUALIFIERS = ("", "专项", "（续建）", "补助", "经费", "项目", "服务采购", "第二期")

GOAL_CLAUSES = (
    "做好特殊防护期间我区{s}工作，确保安全、及时、稳妥、有效处置各类问题",
    "通过政府购买服务方式，完成{s}全年任务，服务对象覆盖全区{n}个社区",
    "提升{s}专业化、规范化水平，推动重大、疑难、紧急问题及时化解",
    "按照年度计划完成{s}，资金使用合规，项目验收合格率达到100%",
    "加大宣传力度，借助媒体、网络、街道、社区等平台，提高市民对{s}的知晓率",
    "建立健全{s}长效管理机制，形成可复制、可推广的工作经验",
    "落实区委区政府关于{s}的工作部署，全年累计服务群众{n}人次以上",
)
QUANTITY = ("完成{s}{n}项", "购置设备{n}台（套）", "开展培训{n}场次", "覆盖社区{n}个",
            "服务人数不少于{n}人")
QUALITY = ("验收合格率100%", "采购成功率100%", "服务质量达标率≥95%", "设备完好率≥98%",
           "问题整改率100%")
TIMELINESS = ("从提出申请到完成配置15个工作日内", "按季度完成", "12月31日前完成", "按合同约定时限完成",
              "接报后2小时内响应")
SOCIAL = ("提升工作效率，群众办事更便利", "维护社会和谐稳定", "改善辖区人居环境",
          "保障困难群众基本生活", "提高公共服务均等化水平")
ECONOMIC = ("节约行政成本约{n}万元", "带动社会投资{n}万元")
ECOLOGICAL = ("购置节能环保产品，实现节能减排", "减少污水直排，改善河道水质")
SATISFACTION = ("使用人员满意度≥90%", "服务对象满意度≥85%", "群众满意度≥90%")
PROBLEMS = (
    "部分采购项目因供应商履约延迟，支出进度慢于计划",
    "项目立项较晚，年初预算编制不够精准，部分资金未能在年内支付",
    "受疫情影响，部分线下活动取消，相应经费结余",
)
RECTIFICATIONS = (
    "加强预算执行监控，按月通报支出进度",
    "提前开展项目前期论证，提高预算编制精准度",
    "结余资金按规定收回财政统筹使用",
)


def _money(rng: random.Random, low: float, high: float) -> Decimal:
    # A log-uniform draw: most projects are small, a few are large, as in real districts.
    value = Decimal(str(round(10 ** rng.uniform(low, high), 2)))
    return value.quantize(CENT)


def _goal(rng: random.Random, subject: str, department: str) -> str:
    count = rng.randint(1, 4)
    clauses = rng.sample(GOAL_CLAUSES, count)
    texts = [c.format(s=subject, n=rng.randint(5, 500)) for c in clauses]
    # Real goals name the unit and a quantity, which is what makes them differ between projects.
    texts[0] = f"{department}{texts[0]}，全年计划完成{rng.randint(2, 9999)}项（件）"
    if count == 1:
        return texts[0] + "。"
    return "".join(f"{i}、{t}；" for i, t in enumerate(texts, 1))


def _indicator(rng: random.Random, category: str, subject: str) -> Indicator:
    n = rng.randint(2, 200)
    if category == "quantity":
        return Indicator(category, name=rng.choice(QUANTITY).format(s=subject, n=n),
                         actual=f"完成{n}")
    if category == "quality":
        return Indicator(category, name=rng.choice(QUALITY), actual=rng.choice(("100%", "98%", "达标")))
    if category == "timeliness":
        return Indicator(category, name=rng.choice(TIMELINESS), actual="按时完成")
    if category == "economic":
        return Indicator(category, name=rng.choice(ECONOMIC).format(n=n), actual=f"{n}万元")
    if category == "social":
        return Indicator(category, name=rng.choice(SOCIAL), actual=rng.choice(("100%", "效果明显")))
    if category == "ecological":
        return Indicator(category, name=rng.choice(ECOLOGICAL), actual="达到预期")
    return Indicator(category, name=rng.choice(SATISFACTION), actual=f"{rng.randint(85, 100)}%")


def _indicators(rng: random.Random, subject: str) -> list[Indicator]:
    indicators: list[Indicator] = []
    for category, _group in SUMMARY_CATEGORIES:
        # Economic and ecological benefit do not apply to most administrative projects.
        if category in ("economic", "ecological") and rng.random() < 0.7:
            indicators.append(Indicator(category, applicable=False))
        elif category == "timeliness" and rng.random() < 0.1:
            continue
        else:
            indicators.append(_indicator(rng, category, subject))
    return indicators


def _project(rng: random.Random, seq: int, department: str) -> Project:
    subject = rng.choice(SUBJECTS)
    name = subject + rng.choice(QUALIFIERS)
    general = _money(rng, 0.3, 3.5)
    fund = _money(rng, 0.5, 2.5) if rng.random() < 0.12 else Decimal("0.00")
    non_fiscal = _money(rng, 0.0, 2.0) if rng.random() < 0.08 else Decimal("0.00")
    # Most projects spend 92–100 % of their budget; about one in seven falls short.
    low = rng.random() < 0.15
    rate = Decimal(str(rng.uniform(0.7, 0.9) if low else rng.uniform(0.92, 1.0)))
    budget = Funds(general=general, fund=fund, non_fiscal=non_fiscal)
    actual = Funds(
        general=(general * rate).quantize(CENT, ROUND_HALF_UP),
        fund=(fund * rate).quantize(CENT, ROUND_HALF_UP),
        non_fiscal=(non_fiscal * rate).quantize(CENT, ROUND_HALF_UP),
    )
    project = Project(
        seq=str(seq),
        department=department,
        name=name,
        budget=budget,
        actual=actual,
        goal=_goal(rng, subject, department),
        completion=rng.choice(("基本完成", "部分完成", "85%") if low else ("100%", "已完成年度目标")),
        indicators=_indicators(rng, subject),
        problems="无",
        rectification="",
    )
    computed = project.rate
    # Most clerks explain a low rate; the rest are what a reviewer sends back.
    if computed is not None and computed < Decimal("0.9") and rng.random() < 0.9:
        project.problems = rng.choice(PROBLEMS)
        project.rectification = rng.choice(RECTIFICATIONS)
    if computed is not None and rng.random() < 0.5:
        # Files from the field print the rate rounded to 0.01 %; a report keeps the printed figure
        # only where it differs from the computed one.
        printed = computed.quantize(RATE_PLACES, ROUND_HALF_UP)
        project.rate_printed = printed if printed != computed else None
    return project


def _spoil(rng: random.Random, projects: list[Project]) -> None:
    """A few mistakes of the kinds reviewers find, about one project in a hundred each."""
    n = len(projects)
    if n < 2:
        return
    for project in rng.sample(projects, max(1, n // 100)):
        project.actual.general = (project.budget.general or Decimal(0)) + Decimal("1.50")
        project.rate_printed = None
    for project in rng.sample(projects, max(1, n // 100)):
        if project.rate is not None:
            project.rate_printed = (project.rate - Decimal("0.05")).quantize(RATE_PLACES)
    for project in rng.sample(projects, max(1, n // 200)):
        project.budget.total_entered = (project.budget.total_computed or Decimal(0)) + Decimal("10.00")
    first, second = rng.sample(projects, 2)
    second.goal = first.goal
    for project in rng.sample(projects, max(1, n // 500)):
        project.actual.fund = None
        project.bad_values["actual.fund"] = "见附表"
        project.rate_printed = None


def make_report(n_projects: int, seed: int = 0, *, year: int = 2021) -> Report:
    """A district report with ``n_projects`` projects spread over its departments."""
    rng = random.Random(seed)
    n_departments = max(1, min(len(DEPARTMENTS), n_projects // 40 or 1))
    departments = rng.sample(DEPARTMENTS, n_departments)
    projects: list[Project] = []
    for seq in range(1, n_projects + 1):
        # Projects are grouped by department, as the district's consolidated table lists them.
        department = departments[(seq - 1) * n_departments // n_projects]
        projects.append(_project(rng, seq, department))
    _spoil(rng, projects)
    unit = f"{DISTRICT}{departments[0]}" if n_departments == 1 else DISTRICT
    return Report(
        year=year,
        title=f"{year}年度{unit}预算项目绩效自评表",
        department=unit,
        fill_date=f"{year + 1}年3月15日",
        preparer="张晓明",
        phone="0755-28900000",
        head="李建国",
        projects=projects,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="写出一个随机生成的区级绩效自评表（用于测试与性能测量）")
    parser.add_argument("n_projects", type=int)
    parser.add_argument("output", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    from evaldesk.io.write_xlsx import write_workbook

    write_workbook(make_report(args.n_projects, args.seed), args.output)
    print(f"{args.output}: {args.n_projects} 个项目")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
