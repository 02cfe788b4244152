"""The corpus of real published forms (tests/data/real/): each workbook read as a reviewer reads it,
its values and its findings compared with the expectation worked out by hand, and the window's
findings compared with `check`'s.

An expectation's ``findings`` are what a careful reviewer raises; ``truncation`` says which come
from the cut of a partial copy (those are not counted), ``alternatives`` names an equivalent code a
checker may use instead; a finding on an indicator's cell right of ``cut_after_cell`` in the row
the copy stops in is on a cell the copy lost, and is not counted either. Fields are compared
after bringing the corpus's descriptive names to evaldesk's keys (``ind[0].actual`` →
``indicator:0.actual``; ``funds.score``, ``funds.weight`` are evaldesk's own).

Where today's reading or checks still differ from a form's expectation, the form's test is marked
``xfail(strict=True)`` with what differs (tests/data/real/GAPS.md has the details), so a fix shows
up as an unexpected pass and the mark must then be removed."""

from __future__ import annotations

import json
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from evaldesk.cli import main
from evaldesk.core.import_summary import EntryKind
from evaldesk.core.money import parse_amount, parse_rate
from evaldesk.core.project_layout import INDICATOR_COLUMN_BY_KEY
from evaldesk.core.records import Report
from evaldesk.core.rules import judged_total
from evaldesk.io import read_report

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
EXPECTATIONS = sorted(REAL.glob("*.expect.json"))

# What still differs, by form (the stem), in a reviewer's words; see GAPS.md.
KNOWN_GAPS: dict[str, str] = {}
# Forms the reader cannot open yet: every test of theirs is expected to fail.
UNREADABLE: dict[str, str] = {}


def _expectation(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _stem(path: Path) -> str:
    return path.name.removesuffix(".expect.json")


def _cases(gaps: dict[str, str] | None = None) -> list[Any]:
    cases = []
    for path in EXPECTATIONS:
        gap = {**(KNOWN_GAPS if gaps is None else gaps), **UNREADABLE}.get(_stem(path))
        marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
        cases.append(pytest.param(path, id=_stem(path), marks=marks))
    return cases


_INDICATOR = re.compile(r"^ind\[(\d+)\]\.(\w+)$")


def _field(name: str | None) -> str:
    """The corpus's descriptive field name as evaldesk's key."""
    if not name:
        return ""
    match = _INDICATOR.match(name)
    if match:
        return f"indicator:{match.group(1)}.{match.group(2)}"
    return name


def _code_and_field(finding: Any) -> tuple[str, str]:
    if isinstance(finding, list):  # [code, where, why]
        return finding[0], ""
    return finding["code"], _field(finding.get("field"))


def _from_the_cut(code: str, expectation: dict[str, Any]) -> bool:
    """A finding the cut of a partial copy causes: named in ``truncation`` or ``not_judged``."""
    if code in (expectation.get("not_judged") or ()):
        return True
    truncation = expectation.get("truncation") or ""
    if code in truncation:
        return True
    # "NO_OUTPUT_INDICATOR …": a copy cut before its indicators misses every group.
    groups = ("NO_OUTPUT_INDICATOR", "NO_BENEFIT_INDICATOR", "NO_SATISFACTION_INDICATOR")
    if code in groups and any(g in truncation for g in groups):
        return True
    # "any weight-sum check on 产出 … come[s] from the cut": the group's other rows are lost.
    if code == "WEIGHTS_NOT_GROUP_POINTS" and "weight-sum" in truncation:
        return True
    # "anything about the total score come[s] from the cut"
    return "total score" in truncation and code in ("TOTAL_SCORE_NOT_SUM", "TOTAL_NOT_SUM_SCORE")


def _cell(address: str) -> tuple[int, int]:
    """"E16" as 1-based (row, column)."""
    match = re.fullmatch(r"([A-Z]+)(\d+)", address)
    assert match, address
    col = 0
    for letter in match.group(1):
        col = col * 26 + ord(letter) - ord("A") + 1
    return int(match.group(2)), col


def _past_the_cut(field: str, report: Report, workbook: Path,
                  expectation: dict[str, Any]) -> bool:
    """A finding on a cell the stored copy lost: an indicator part in the row the copy stops
    in, right of ``cut_after_cell`` (its 实际完成值 or 分值 is not empty on the published form,
    only in the copy). The row is told by the indicator's own name in it, the column by the
    heading the reader placed; a finding that cannot be placed is counted."""
    cut = expectation.get("cut_after_cell")
    match = _INDICATOR_KEY.match(field)
    if not cut or not match or len(report.projects) != 1:
        return False
    cut_row, cut_col = _cell(cut)
    import openpyxl

    book = openpyxl.load_workbook(workbook, read_only=True)
    try:
        sheet = book.worksheets[0]
        if sheet.max_row != cut_row:
            return False  # the copy does not stop in a row of the table
        last = next(sheet.iter_rows(min_row=cut_row, max_row=cut_row, values_only=True))
    finally:
        book.close()
    texts = {str(v).strip() for v in last if v is not None}
    indicators = report.projects[0].indicators
    index, part = int(match.group(1)), match.group(2)
    on_the_cut = [i for i, ind in enumerate(indicators) if ind.name and ind.name in texts]
    if not on_the_cut or on_the_cut[-1] != index:
        return False
    summary = report.import_summary
    assert summary is not None
    label = INDICATOR_COLUMN_BY_KEY[part].label.replace("\n", "")
    columns = [_cell(e.cell)[1] for e in summary.of_kind(EntryKind.HEADING)
               if e.meaning == f"指标表的「{label}」"]
    return bool(columns) and columns[0] > cut_col


_INDICATOR_KEY = re.compile(r"^indicator:(\d+)\.(\w+)$")


def _check_findings(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    main(["check", "--json", str(path)])
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return found


def _compare(found: list[tuple[str, str]], expectation: dict[str, Any]) -> None:
    expected = [_code_and_field(f) for f in expectation["findings"]]
    alternatives = set(expectation.get("alternatives") or {})
    got_codes = Counter(code for code, _ in found if not _from_the_cut(code, expectation))
    want_codes = Counter(code for code, _ in expected)
    for code in alternatives:
        # An equivalent code may stand in for this one (the expectation names it in prose).
        if got_codes[code] < want_codes[code]:
            want_codes.pop(code)
            got_codes.pop(code, None)
    assert got_codes == want_codes
    # Fields, where the expectation names one in evaldesk's own keys (a low rate's missing reason
    # is on 'rate' in the corpus and on 'problems', the cell to fill, in evaldesk).
    ours = set(found)
    for code, field in expected:
        if field.startswith(("indicator:", "funds.")) or field in (
                "goal", "completion", "rectification", "conclusion"):
            assert (code, field) in ours, (code, field)


def _amount(text: object) -> Decimal | None:
    if text is None:
        return None
    return parse_amount(str(text))


def _flat(text: object) -> str:
    return re.sub(r"\s+", "", str(text)) if text is not None else ""


def _is_note(text: str) -> bool:
    """An expectation's words about a cell rather than its text ("template text (see
    findings)", "目标1:…(B11, five targets)")."""
    return "…" in text or bool(re.search(r"[A-Za-z]{4}", text))


def _compare_texts(project: Any, want: dict[str, Any]) -> None:
    for key, attr in (("goal", "goal"), ("completion", "completion")):
        read = _flat(getattr(project, attr))
        if key in want and (want[key] is None or not _is_note(want[key])):
            assert read == _flat(want[key]), key
        if f"{key}_start" in want:
            assert read.startswith(_flat(want[f"{key}_start"])), key


def _compare_indicators(project: Any, indicators: object) -> None:
    """Each indicator the expectation lists, found by its name, with its target (comparator and
    unit as the form prints them, in one cell or three), actual, 分值 and 得分."""
    if not isinstance(indicators, list):
        return  # "not in the stored copy"
    by_name: dict[str, list[Any]] = {}
    for indicator in project.indicators:
        by_name.setdefault(_flat(indicator.name), []).append(indicator)
    for want in indicators:
        if want["name"] == "预算执行率":
            continue  # the 决策/管理 framework's row is the funds row's 分值 / 得分 (README)
        same = by_name.get(_flat(want["name"]))
        assert same, want["name"]
        got = same.pop(0)
        for key in ("weight", "score"):
            if want.get(key) is not None and re.fullmatch(r"[\d.]+", str(want[key])):
                assert getattr(got, key) == Decimal(want[key]), (want["name"], key)
        if want.get("actual") is not None:
            assert _flat(got.actual) == _flat(want["actual"]), want["name"]
        if want.get("target") is not None:
            comparator = got.comparator.value if got.comparator is not None else ""
            read = {_flat(got.target), _flat(got.target + got.unit),
                    _flat(comparator + got.target + got.unit)}
            printed = {_flat(want["target"]), _flat((want.get("comparator") or "") + want["target"]
                                                   + (want.get("unit") or ""))}
            assert read & printed, (want["name"], read, printed)


def _compare_values(report: Report, expectation: dict[str, Any]) -> None:
    # The year evaluated, also where only the 填报日期 (a year later) gives it.
    assert report.year == expectation["source"]["year"]
    assert len(report.projects) == len(expectation["projects"])
    for project, want in zip(report.projects, expectation["projects"], strict=True):
        assert project.name == want["name"]
        if want.get("department"):
            # 河北's export prints one 实施(主管)单位 for both.
            assert want["department"] in (project.authority, project.implementer)
        if want.get("implementing_unit"):
            assert project.implementer == want["implementing_unit"]
        _compare_texts(project, want)
        _compare_indicators(project, want.get("indicators"))
        funds = want["funds"]
        for side in ("initial", "budget", "actual"):
            if side in funds:
                # The total a reviewer divides by: a 0 printed beside filled sources (a total
                # row never filled, TOTAL_NOT_SUM) gives way to the sources.
                assert judged_total(getattr(project, side)) == _amount(funds[side]), side
        printed = want.get("rate_printed")
        if isinstance(printed, str):
            rate = parse_rate(printed)
            shown = project.rate_printed if project.rate_printed is not None else project.rate
            assert shown is not None and rate is not None
            # The printed rate is kept when it says something the amounts do not.
            assert project.rate_printed is None or project.rate_printed == rate
            if project.rate_printed is None:
                assert abs(shown - rate) <= Decimal("0.00005") or rate == 0
        total = want.get("total_score_printed")
        if isinstance(total, str) and re.fullmatch(r"[\d.]+分?", total):
            assert project.total_score_printed == Decimal(total.removesuffix("分"))
        applicable = want.get("applicable_indicators")
        if isinstance(applicable, int) and expectation.get("complete", True):
            assert sum(1 for i in project.indicators if i.applicable) == applicable


def test_the_corpus_is_there() -> None:
    published = [p for p in EXPECTATIONS if not _expectation(p).get("synthetic")]
    assert len(published) >= 25
    provinces = {_expectation(p)["province"].split()[0] for p in published}
    assert len(provinces) >= 10


@pytest.mark.parametrize("path", _cases())
def test_real_form_is_read_and_judged_as_by_hand(path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    expectation = _expectation(path)
    workbook = REAL / expectation["file"]
    report = read_report(workbook)
    _compare_values(report, expectation)
    found = [(f["code"], f.get("field") or "") for f in _check_findings(workbook, capsys)]
    # A partial copy is judged up to its cut only (README: cut_after_cell).
    found = [(code, field) for code, field in found
             if not _past_the_cut(field, report, workbook, expectation)]
    _compare(found, expectation)


@pytest.mark.parametrize("path", _cases({}))
def test_window_and_check_agree(path: Path, capsys: pytest.CaptureFixture[str],
                                qtbot: Any) -> None:
    from evaldesk.ui.document import Document
    from evaldesk.ui.workers import _read

    workbook = REAL / _expectation(path)["file"]
    report, checker = _read(workbook)
    document = Document()
    document.replace(report, workbook, checker)
    window = sorted((f.code, f.field, f.message) for f in document.findings.findings())
    cli = sorted((f["code"], f.get("field") or "", f["message"])
                 for f in _check_findings(workbook, capsys))
    assert window == cli


# What the import summary's 识别为 says of each form: the kind of form the title names and the
# layout family its headings show (README "Layouts seen").
FORM_READ_AS: dict[str, str] = {
    "a01": "项目支出绩效自评表 1 张（四川式）",
    "a02": "项目支出绩效自评表 1 张（四川式）",
    "a03": "项目支出绩效自评表 1 张（财政部式）",
    "a04": "项目支出绩效自评表 1 张（财政部式）",
    "a05": "项目支出绩效自评表 1 张（财政部式）",
    "a06": "项目支出绩效自评表 1 张（财政部式加指标性质、度量单位，云南等）",
    "a07": "项目支出绩效自评表 1 张（执行率20分、绩效目标80分，湖北等）",
    "a08": "项目支出绩效自评表 1 张（财政部旧版式）",
    "a09": "项目支出绩效自评表 1 张（四川式）",
    "b01": "部门整体支出绩效自评表 1 张（资金按用途分列）",
    "b02": "项目支出绩效自评表 1 张（项目决策、项目管理、产出、效益四类指标）",
    "b03": "项目支出绩效自评表 1 张（财政部旧版式）",
    "c01": "项目支出绩效自评表 1 张（财政部式）",
    "c02": "项目支出绩效自评表 1 张（财政部旧版式）",
    "c03": "项目支出绩效自评表 1 张（财政部式）",
    "c04": "转移支付绩效自评表 1 张（清单式，无分值、得分，不评分）",
    "c05": "项目支出绩效自评表 1 张（财政部旧版式）",
    "c06": "项目支出绩效自评表 1 张（执行率20分、绩效目标80分，湖北等）",
    "c07": "项目支出绩效自评表 1 张（河北预算管理系统导出式）",
    "c08": "项目支出绩效自评表 1 张（财政部式）",
    "c09": "项目支出绩效自评表 1 张（财政部式加指标性质、度量单位，云南等）",
    "c10": "项目支出绩效自评表 1 张（财政部旧版式）",
    "c11": "项目支出绩效自评表 1 张（执行率20分、绩效目标80分，湖北等）",
    "c12": "项目支出绩效自评表 1 张（项目决策、项目管理、产出、效益四类指标）",
    "d01": "项目支出绩效自评表 1 张（财政部式）",
    "d02": "项目支出绩效自评表 1 张（财政部旧版式）",
    "d03": "项目支出绩效自评表 1 张（执行率20分、绩效目标80分，湖北等）",
    "d04": "转移支付绩效自评表 1 张（财政部转移支付式）",
    "d05": "项目支出绩效自评表 1 张（财政部旧版式）",
    "d06": "项目支出绩效自评表 1 张（财政部旧版式）",
}


@pytest.mark.parametrize("path", _cases({}))
def test_every_corpus_form_has_an_import_summary(path: Path) -> None:
    report = read_report(REAL / _expectation(path)["file"])
    summary = report.import_summary
    assert summary is not None
    assert summary.layout == FORM_READ_AS[_stem(path)[:3]]
    assert summary.entries
    for line in summary.lines():
        line.encode("gbk")
