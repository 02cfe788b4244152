"""Every finding a clerk can see speaks the clerk's words: no internal field key
(``initial.general``, ``ind.quantity.content``, ``indicator:3.weight``) in a message or in the
heading shown beside it; and the README's table of checks lists every code ``check`` can print."""

from __future__ import annotations

import importlib
import pkgutil
import re
from decimal import Decimal as D
from pathlib import Path

import evaldesk.core
import evaldesk.io
from evaldesk.core.records import Funds, ImportNote, Indicator, Project, Report
from evaldesk.core.rules import Finding, field_label
from evaldesk.core.scoring import PROFILES, checker_for

ROOT = Path(__file__).resolve().parents[2]

# A field key as the program spells it: dotted lower-case words, or indicator:N.part.
_KEY_LIKE = re.compile(r"[a-z_]+\.[a-z_]+|indicator:\d|\b(?:non_fiscal|carryover|general|"
                       r"budget|actual|initial|content|weight|score|reason)\b")


def defined_codes() -> set[str]:
    """Finding codes as the code defines them: module constants whose value is their name."""
    codes: set[str] = set()
    for package in (evaldesk.core, evaldesk.io):
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                if isinstance(value, str) and value == name and not name.startswith("ROUND_") \
                        and re.fullmatch(r"[A-Z]+(_[A-Z]+)+",
                                                                             name):
                    codes.add(name)
    return codes


def readme_codes() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### What is checked", 1)[1].split("\n## ", 1)[0]
    codes: set[str] = set()
    for line in section.splitlines():
        if line.startswith("| ") and not line.startswith("| code"):
            codes.update(re.findall(r"\b[A-Z]+(?:_[A-Z]+)+\b", line.split("|")[1]))
    return codes


def test_the_readme_table_lists_every_code_check_can_print() -> None:
    assert readme_codes() == defined_codes()


def _everything_wrong() -> list[Project]:
    """Projects that between them trigger every code the rules and the scores can give."""
    wrong = Project(
        seq="1", name="", goal="", completion="100%", problems="无",
        initial=Funds(general=D(-1), total_entered=D(9)),
        budget=Funds(general=D(50), fund=D(0), non_fiscal=D(0), total_entered=D(60),
                     fiscal_entered=D(70)),
        actual=Funds(general=D(60), fund=D(0), non_fiscal=D(0)),
        rate_printed=D("0.5"),
        indicators=[
            Indicator("quality", "验收合格率", "≥95%", None, "", "≥95%", D(60), D(70),
                      reason="对照年度目标，说明偏差原因"),
            Indicator("quantity", "新建管网", "≥266米", None, "", "许多", D(10), None),
            Indicator("timeliness", "按时完工", "按时", None, "", "大概吧", D(5), None),
            Indicator("cost", "成本", "≥10", None, "", "20", D(5), D(4)),
        ],
        bad_values={"initial.general": "约 3 万", "indicator:1.weight": "十", "rate": "很高"},
        carried_over={"budget.general"},
        execution_weight_printed=D(100), execution_score_printed=D(98),
        total_score_printed=D(10), total_points_printed=D(100),
        import_notes=[ImportNote("IMPORT_JOINED", "ind.quantity.content", "合并了两格")],
    )
    low = Project(seq="2", name="培训", goal="培训", completion="100%", problems="无",
                  initial=Funds(general=D(20)),
                  budget=Funds(general=D(10), fund=D(0), non_fiscal=D(0)),
                  actual=Funds(general=D(5), fund=D(0), non_fiscal=D(0)),
                  indicators=[Indicator("social", "效益", actual="好")])
    zero = Project(seq="3", name="零", goal="培训", budget=Funds(general=D(0)),
                   actual=Funds(general=D(1)))
    zero_rate = Project(seq="4", name="零率", goal="x", budget=Funds(general=D(0)),
                        actual=Funds(general=D(0)), rate_printed=D("0.5"))
    # Its goal is only its name.
    sources = Project(seq="5", name="来源", goal="来源", budget=Funds(total_entered=D(5)))
    # Its completion only repeats the goal, a goal of 2022 in a report of 2023.
    missing = Project(seq="6", name="缺", goal="2022年完成培训 3 次。", completion="2022年完成培训3次",
                      budget=Funds(general=D(1)))
    total = Project(seq="7", name="总分", goal="w", budget=Funds(general=D(10)),
                    actual=Funds(general=D(10)), execution_score_printed=D(10),
                    total_score_printed=D(50),
                    indicators=[Indicator("quantity", "甲", "1", actual="1", weight=D(80),
                                          score=D(80)),
                                # Full marks for a target it did not reach.
                                Indicator("quality", "乙", "≥10", actual="8", weight=D(10),
                                          score=D(10)),
                                # More than 8 of 10 earns.
                                Indicator("timeliness", "丙", "≥10", actual="8", weight=D(10),
                                          score=D(9), reason="延期")])
    # A summary row that writes 不适用 for 经济效益 and leaves other pairs blank.
    pairs = Project(seq="8", name="空栏", goal="v", budget=Funds(general=D(10)),
                    actual=Funds(general=D(10)),
                    indicators=[Indicator("quantity", "甲", actual="1"),
                                Indicator("economic", applicable=False)])
    return [wrong, low, zero, zero_rate, sources, missing, total, pairs]


def _all_findings() -> list[tuple[Finding, Project | None]]:
    projects = _everything_wrong()
    report = Report(projects=projects, year=2023)
    found: list[tuple[Finding, Project | None]] = []
    by_uid = {p.uid: p for p in projects}
    for profile in PROFILES.values():
        for finding in checker_for(report, profile).findings():
            found.append((finding, by_uid.get(finding.project_uid or -1)))
    # The same projects read as a Sichuan form: the messages take the form's own headings.
    for project in projects:
        project.headings.update({"initial": "年初预算", "budget": "调整后预算数（A）",
                                 "actual": "预算执行数（B）", "reason": "原因", "points": "权重",
                                 "row.general": "财政资金", "row.total": "总额"})
    for finding in checker_for(report, PROFILES["sichuan"]).findings():
        found.append((finding, by_uid.get(finding.project_uid or -1)))
    return found


def test_the_sample_triggers_every_rule_and_scoring_code() -> None:
    seen = {finding.code for finding, _ in _all_findings()}
    expected = {code for code in defined_codes()
                if not code.startswith("IMPORT_") and code != "DUPLICATE_GOAL"}
    assert expected - seen == set()


def test_no_message_or_heading_shows_an_internal_key() -> None:
    offenders = []
    for finding, project in _all_findings():
        shown = [finding.message]
        if finding.field:
            shown += [field_label(finding.field), field_label(finding.field, project)]
        for text in shown:
            if _KEY_LIKE.search(text):
                offenders.append((finding.code, text))
    assert offenders == []


def test_a_sichuan_form_is_told_in_its_own_words() -> None:
    texts = [f.message for f, _ in _all_findings()]
    assert any("调整后预算数" in t for t in texts)
    assert not any("调整后预算数（A）" in t for t in texts)  # its bracketed note is left out


def test_no_finding_on_a_real_form_or_the_seed_shows_an_internal_key(seed_path: Path) -> None:
    """The readers' own notes (IMPORT_*) too, as they come from the corpus and the seed."""
    from evaldesk.core.province import propose_profile
    from evaldesk.core.scoring import get_profile
    from evaldesk.io import ReadError, read_report

    real = ROOT / "tests" / "data" / "real"
    offenders = []
    for path in [seed_path, *sorted(real.glob("*.xls*"))]:
        try:
            report = read_report(path)
        except ReadError:  # a form the reader cannot open yet: tests/io/test_real_forms.py
            continue
        projects = {p.uid: p for p in report.projects}
        profile = get_profile(propose_profile(report).profile)
        for finding in checker_for(report, profile).findings():
            project = projects.get(finding.project_uid or -1)
            shown = [finding.message]
            if finding.field:
                shown.append(field_label(finding.field, project))
            offenders += [(path.name, finding.code, text) for text in shown
                          if _KEY_LIKE.search(text)]
    assert offenders == []
