"""The command line: check, dump, convert and print without a display.

    evaldesk check FILE... [--json]     findings, one per line; exit 0 / 1 (errors) / 2 (unreadable)
    evaldesk dump FILE                  the records as JSON (schema in the README)
    evaldesk convert IN OUT.xlsx        any supported input to the official workbook
    evaldesk pdf IN -o OUT.pdf          the printed form as PDF
    evaldesk rollover IN -o OUT.xlsx    this year's report from last year's
    evaldesk merge A B... -o OUT.xlsx   many departments' reports into one
    evaldesk fill REPORT EXPORT -o OUT  the year's figures from the budget system's export
    evaldesk report IN -o OUT.docx      draft the 绩效自评报告 (Word) from the table
    evaldesk [FILE]                     open the window

Imports are deferred to the command that needs them, so ``check`` starts in a fraction of a
second and never loads Qt.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from evaldesk.core.records import Report
    from evaldesk.core.scoring import ScoringProfile

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2

COMMANDS = ("check", "dump", "convert", "pdf", "rollover", "merge", "fill", "report")


# Text that every line may hold: Chinese, the full-width punctuation and the quotes around names.
_PROBE = "预算项目绩效自评表「」“”：，、（）；…"


def fit_output_streams() -> None:
    """Make stdout and stderr take every line the commands print, on any console or redirect.

    A Windows console gets Unicode whatever its code page (Python writes it with WriteConsoleW).
    A redirect (`evaldesk check x.xlsx > 结果.txt`, a pipe, a batch job) gets the ANSI code page:
    cp936 (GBK) on a Chinese PC. That is what `type`, Notepad and other programs on that PC read,
    so it is kept, and what it cannot spell (a rare character in a name or path) becomes "?", as
    Windows programs do, instead of a UnicodeEncodeError that loses the whole report. Where the
    code page cannot spell Chinese at all (cp1252 on an English Windows, ASCII), every finding
    would be "????": such streams write UTF-8, which Notepad and PowerShell read.
    """
    for stream in (sys.stdout, sys.stderr):
        # The windowed program has no streams; under pytest they are capture objects.
        if not isinstance(stream, io.TextIOWrapper):
            continue
        try:
            _PROBE.encode(stream.encoding)
        except (UnicodeEncodeError, LookupError):
            stream.reconfigure(encoding="utf-8", errors="replace")
        else:
            stream.reconfigure(errors="replace")


def _say(line: str, *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        line.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        # A Chinese Windows console or redirect is GBK: a character it lacks (in a clerk's own
        # text) must not end the run half way through the list.
        line = line.encode(encoding, errors="replace").decode(encoding, errors="replace")
    stream.write(line + "\n")


def _read(path: str) -> Report | None:
    """Read a file or say in one line why not (never a traceback)."""
    from evaldesk.io import ReadError, read_report

    try:
        return read_report(Path(path))
    except ReadError as exc:
        _say(f"{path}: 无法读取：{exc.reason}", err=True)
    except MemoryError:
        _say(f"{path}: 无法读取：文件过大，内存不足", err=True)
    except Exception as exc:  # a reader bug must still be one clear line for a batch job
        _say(f"{path}: 无法读取：内部错误（{type(exc).__name__}: {exc}）", err=True)
    return None


def _profile_for(report: Report, path: str, chosen: str | None) -> ScoringProfile:
    """The profile asked for, else the one the form's layout points to. A chosen or recognised
    one is said on stderr with why, so that a reader of the findings knows which rules gave
    them; MoF's default is named in ``check``'s summary line, and says nothing more."""
    from evaldesk.core.province import propose_profile
    from evaldesk.core.scoring import get_profile

    if chosen is not None:
        profile = get_profile(chosen)
        _say(f"{path}: 评分规则：{profile.label}（--profile {chosen}）", err=True)
        return profile
    proposal = propose_profile(report)
    profile = get_profile(proposal.profile)
    if proposal.recognised:
        _say(f"{path}: 评分规则：{profile.label}（按表样识别：{'、'.join(proposal.evidence)}；"
             "可用 --profile 另选）", err=True)
    return profile


def _check(args: argparse.Namespace) -> int:
    from evaldesk.core.rules import field_label
    from evaldesk.core.scoring import checker_for
    from evaldesk.core.serialize import finding_to_dict

    status = EXIT_OK
    as_json: list[dict[str, object]] = []
    for path in args.files:
        report = _read(path)
        if report is None:
            status = EXIT_UNREADABLE
            continue
        profile = _profile_for(report, path, args.profile)
        findings = checker_for(report, profile).findings()
        projects = {p.uid: p for p in report.projects}
        if args.explain and not args.json:
            for line in explain_lines(report):
                _say(f"{path}: {line}")
        errors = sum(1 for f in findings if f.is_error)
        if errors and status == EXIT_OK:
            status = EXIT_FINDINGS
        if args.json:
            as_json.extend(finding_to_dict(f, projects, path) for f in findings)
            continue
        for finding in findings:
            project = projects.get(finding.project_uid) if finding.project_uid is not None else None
            where = f" 项目 {project.seq or '?'}「{project.name}」" if project else " 全表"
            field = f" {field_label(finding.field, project)}" if finding.field else ""
            level = "错误" if finding.is_error else "警告"
            _say(f"{path}:{where}{field}: {level}：{finding.message} [{finding.code}]")
        # One line a batch job can keep per file: the counts and the rules that gave them.
        _say(f"{path}: {len(report.projects)} 个项目，{errors} 个错误，"
             f"{len(findings) - errors} 个警告（评分规则：{profile.label}）", err=True)
    if args.json:
        _say(json.dumps(as_json, ensure_ascii=False, indent=2))
    return status


def _dump(args: argparse.Namespace) -> int:
    from evaldesk.core.serialize import report_to_dict

    report = _read(args.file)
    if report is None:
        return EXIT_UNREADABLE
    profile = _profile_for(report, args.file, args.profile)
    data = report_to_dict(report, profile)
    if args.explain:
        data["import_summary"] = import_summary_to_dict(report)
    _say(json.dumps(data, ensure_ascii=False, indent=2))
    return EXIT_OK


def explain_lines(report: Report) -> list[str]:
    """What the reader made of the file, for ``--explain`` (GBK-safe text)."""
    summary = report.import_summary
    if summary is None:
        return ["本文件为 evaldesk 自己的格式，按原样读入，无需换算或归位"]
    return summary.lines()


def import_summary_to_dict(report: Report) -> dict[str, object] | None:
    summary = report.import_summary
    if summary is None:
        return None
    return {"source": summary.source, "layout": summary.layout,
            "entries": [{"kind": str(e.kind), "sheet": e.sheet, "cell": e.cell, "text": e.text,
                         "meaning": e.meaning} for e in summary.entries]}


def _convert(args: argparse.Namespace) -> int:
    if Path(args.output).suffix.lower() != ".xlsx":
        _say(f"{args.output}: 只能转换为 .xlsx 工作簿（打印为 PDF 请用 evaldesk pdf）", err=True)
        return EXIT_UNREADABLE
    report = _read(args.input)
    if report is None:
        return EXIT_UNREADABLE
    return EXIT_OK if _write(report, args.output) else EXIT_UNREADABLE


def _write(report: Report, output: str) -> bool:
    from evaldesk.io import WriteError, write_report

    try:
        write_report(report, Path(output))
    except WriteError as exc:
        _say(f"{output}: 无法保存：{exc.reason}", err=True)
        return False
    return True


def _rollover(args: argparse.Namespace) -> int:
    from evaldesk.core.rollover import roll_over, suggested_file_name

    report = _read(args.input)
    if report is None:
        return EXIT_UNREADABLE
    try:
        new = roll_over(report, args.year)
    except ValueError as exc:
        _say(f"{args.input}: {exc}（用 --year 指定）", err=True)
        return EXIT_UNREADABLE
    source = Path(args.input)
    output = args.output or str(source.with_name(
        suggested_file_name(source.with_suffix(".xlsx").name, report.year, new.year or 0)))
    if not _write(new, output):
        return EXIT_UNREADABLE
    _say(f"{output}: {new.year} 年度，{len(new.projects)} 个项目；实际支出、完成情况、问题和整改已清空，"
         "预算金额沿用上年数据并已标出，请逐项修改或确认", err=True)
    return EXIT_OK


def _merge(args: argparse.Namespace) -> int:
    from evaldesk.core.merge import merge_reports
    from evaldesk.core.money import format_amount
    from evaldesk.io.batch import read_many

    paths = [Path(f) for f in args.files]

    def progress(done: int, _name: str) -> None:
        if len(paths) > 20 and done and done % 20 == 0:
            _say(f"已读取 {done}/{len(paths)} 个文件…", err=True)

    batch = read_many(paths, progress=progress)
    for path, reason in batch.failures:
        _say(f"{path}: 无法读取：{reason}", err=True)
    sources, unreadable = batch.reports, len(batch.failures)
    result = merge_reports(sources, department=args.department or "", title=args.title or "")
    if not _write(result.report, args.output):
        return EXIT_UNREADABLE
    for department, (budget, actual) in result.department_totals().items():
        _say(f"{department or '（未填部门）'}\t预算 {format_amount(budget)}\t支出 {format_amount(actual)}")
    merged = result.report
    _say(f"合计\t预算 {format_amount(merged.budget_total())}\t支出 {format_amount(merged.actual_total())}")
    for department, name, where in result.duplicates:
        _say(f"重复项目：{department}「{name}」出现在 {'、'.join(where)}", err=True)
    if len(result.years) > 1:
        _say(f"注意：文件的年度不一致（{'、'.join(map(str, sorted(result.years)))}）", err=True)
    _say(f"{args.output}: 合并 {len(sources)} 个文件、{len(merged.projects)} 个项目"
         + (f"；{unreadable} 个文件无法读取（见上）" if unreadable else ""), err=True)
    return EXIT_UNREADABLE if unreadable else EXIT_OK


def _fill(args: argparse.Namespace) -> int:
    from evaldesk.core.fill import apply_fill, field_name, plan_fill
    from evaldesk.core.money import format_amount
    from evaldesk.io import ReadError
    from evaldesk.io.read_export import read_export

    report = _read(args.report)
    if report is None:
        return EXIT_UNREADABLE
    try:
        table = read_export(Path(args.export), unit=args.unit)
    except ReadError as exc:
        _say(f"{args.export}: 无法读取：{exc.reason}", err=True)
        return EXIT_UNREADABLE
    plan = plan_fill(report, table.rows)
    accepted = set(args.accept or ())
    confirmed = [m.project_uid for m in plan.close_matches
                 if args.accept_close or m.entry.name in accepted or m.entry.code in accepted]

    def shown(value: object) -> str:
        return "（空）" if value is None or value == "" else (
            format_amount(value) if not isinstance(value, str) else value)  # type: ignore[arg-type]

    if not table.unit_stated:
        _say(f"{args.export}: 文件未注明金额单位，按「元」换算为万元（可用 --unit 指定）", err=True)
    for match in plan.matches:
        project = report.project_by_uid(match.project_uid)
        seq = project.seq if project else ""
        where = f"项目 {seq or '?'}「{match.project_name}」"
        if match.needs_confirmation and match.project_uid not in confirmed:
            _say(f"需确认：{where} 与导出表的「{match.entry.name}」名称相近"
                 f"（{round(match.similarity * 100)}%），未导入；确认请加 --accept \"{match.entry.name}\"")
            continue
        for change in match.changes:
            _say(f"{where} {field_name(change.key)}: {shown(change.old)} -> {shown(change.new)}")
    for entry in plan.unmatched_entries:
        _say(f"未匹配：导出表第 {'、'.join(map(str, entry.lines))} 行「{entry.label}」在本表中找不到对应项目")
    for entry, names in plan.ambiguous:
        _say(f"未匹配：导出表的「{entry.label}」对应本表多个项目（{'、'.join(names)}）")
    for project in plan.unmatched_projects:
        _say(f"未改动：项目 {project.seq or '?'}「{project.name}」在导出表中没有数据")
    for line in table.skipped:
        _say(f"{args.export}: {line}", err=True)
    if args.dry_run:
        return EXIT_OK
    changed = apply_fill(report, plan, confirmed)
    output = args.output or args.report
    if not _write(report, output):
        return EXIT_UNREADABLE
    _say(f"{output}: 已填入 {changed} 个数字", err=True)
    return EXIT_OK


def _pdf(args: argparse.Namespace) -> int:
    from evaldesk.core.rules import Checker
    from evaldesk.io import WriteError

    report = _read(args.input)
    if report is None:
        return EXIT_UNREADABLE
    from evaldesk.printing.pdf import export_pdf

    output = Path(args.output or Path(args.input).with_suffix(".pdf"))
    try:
        export_pdf(report, output, paper=args.paper, landscape=not args.portrait,
                   form_landscape=args.form_landscape,
                   sheets=args.sheets, profile=_chosen_or_proposed(report, args.profile),
                   form_paper=args.form_paper)
    except WriteError as exc:
        _say(f"{output}: 无法生成 PDF：{exc.reason}", err=True)
        return EXIT_UNREADABLE
    errors, _warnings = Checker(report).counts()
    return EXIT_FINDINGS if errors else EXIT_OK


def _chosen_or_proposed(report: Report, chosen: str | None) -> ScoringProfile:
    """The profile asked for, else the one the form's layout points to (quietly: pdf and report
    print documents, not findings)."""
    from evaldesk.core.province import propose_profile
    from evaldesk.core.scoring import get_profile

    return get_profile(chosen or propose_profile(report).profile)


def _report(args: argparse.Namespace) -> int:
    from evaldesk.core.selfreport import summarize
    from evaldesk.io import WriteError
    from evaldesk.io.write_docx import suggested_file_name, write_self_report

    report = _read(args.input)
    if report is None:
        return EXIT_UNREADABLE
    summary = summarize(report, _chosen_or_proposed(report, args.profile))
    output = Path(args.output) if args.output else \
        Path(args.input).with_name(suggested_file_name(summary.year, summary.department))
    try:
        write_self_report(summary, output)
    except WriteError as exc:
        _say(f"{output}: 无法保存：{exc.reason}", err=True)
        return EXIT_UNREADABLE
    open_items = f"；自评表仍有 {summary.errors} 个错误、{summary.warnings} 个警告，已列入报告" \
        if summary.findings else ""
    _say(f"{output}: 已生成自评报告初稿（{summary.project_count} 个项目，"
         f"{len(summary.low_rate)} 个执行率低于 90%）{open_items}；"
         "黄色底纹的【请填写：…】处须由经办人补写", err=True)
    return EXIT_OK


def _profile_option(parser: argparse.ArgumentParser) -> None:
    # The names are listed without importing scoring at start-up: they are stable ids.
    parser.add_argument("--profile", default=None,
                        choices=("mof", "hebei", "exec20", "capped", "regroup", "linear",
                                 "sichuan", "ningxia", "ningxia-fund", "hubei-county"),
                        help="评分规则（默认按表样识别：四川表样用 sichuan，宁夏决策/管理表样用 "
                             "ningxia，其余用 mof：财政部 10/50/30/10）")


def build_parser() -> argparse.ArgumentParser:
    from evaldesk import __version__

    parser = argparse.ArgumentParser(
        prog="evaldesk",
        description="预算项目绩效自评表：检查、导出、转换、打印。不带命令时打开窗口。",
    )
    parser.add_argument("--version", action="version", version=f"evaldesk {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="检查表格，逐行列出问题")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--json", action="store_true", help="以 JSON 输出，供其他程序使用")
    check.add_argument("--explain", action="store_true",
                       help="先列出读入情况：哪个表头对应哪一栏、换算了什么、哪些按不适用、哪些未能归位")
    _profile_option(check)
    check.set_defaults(run=_check)

    dump = sub.add_parser("dump", help="以 JSON 输出表格内容")
    dump.add_argument("file", metavar="FILE")
    dump.add_argument("--explain", action="store_true",
                      help="在 JSON 中加入读入情况（import_summary）")
    _profile_option(dump)
    dump.set_defaults(run=_dump)

    convert = sub.add_parser("convert", help="转换为正式的 .xlsx 工作簿")
    convert.add_argument("input", metavar="IN")
    convert.add_argument("output", metavar="OUT.xlsx")
    convert.set_defaults(run=_convert)

    pdf = sub.add_parser("pdf", help="打印为 PDF")
    pdf.add_argument("input", metavar="IN")
    pdf.add_argument("-o", "--output", metavar="OUT.pdf")
    pdf.add_argument("--paper", choices=("A3", "A4"), default="A3")
    pdf.add_argument("--portrait", action="store_true", help="纵向（默认横向）")
    pdf.add_argument("--sheets", choices=("summary", "projects", "all"), default="summary",
                     help="summary 汇总表；projects 每个项目一张项目支出绩效自评表；all 两者")
    pdf.add_argument("--form-paper", choices=("A3", "A4"), default="A4",
                     help="项目表的纸张（默认 A4）")
    pdf.add_argument("--form-landscape", action="store_true", help="项目表横向（默认纵向）")
    _profile_option(pdf)
    pdf.set_defaults(run=_pdf)

    rollover = sub.add_parser("rollover", help="从上年文件新建本年度的表")
    rollover.add_argument("input", metavar="IN")
    rollover.add_argument("-o", "--output", metavar="OUT.xlsx")
    rollover.add_argument("--year", type=int, help="新的年度（默认上年 + 1）")
    rollover.set_defaults(run=_rollover)

    merge = sub.add_parser("merge", help="把多个部门的表合并为一张汇总表")
    merge.add_argument("files", nargs="+", metavar="FILE")
    merge.add_argument("-o", "--output", metavar="OUT.xlsx", required=True)
    merge.add_argument("--department", help="汇总表的部门名称(盖章)")
    merge.add_argument("--title", help="汇总表的标题")
    merge.set_defaults(run=_merge)

    fill = sub.add_parser("fill", help="从预算系统导出的执行数据填入预算数和支出数")
    fill.add_argument("report", metavar="REPORT")
    fill.add_argument("export", metavar="EXPORT")
    fill.add_argument("-o", "--output", metavar="OUT.xlsx", help="保存为（默认覆盖 REPORT，保留 .bak）")
    fill.add_argument("--unit", choices=("元", "万元"), help="导出表的金额单位（默认按文件所注，未注明按元）")
    fill.add_argument("--accept", action="append", metavar="NAME",
                      help="确认一个名称相近的对应（导出表中的项目名称或编码），可重复")
    fill.add_argument("--accept-close", action="store_true", help="确认所有名称相近的对应")
    fill.add_argument("--dry-run", action="store_true", help="只列出将要做的改动，不保存")
    fill.set_defaults(run=_fill)

    draft = sub.add_parser("report", help="根据自评表生成绩效自评报告初稿（Word .docx）")
    draft.add_argument("input", metavar="IN")
    draft.add_argument("-o", "--output", metavar="OUT.docx",
                       help="默认：与 IN 同一文件夹，按单位和年度命名")
    _profile_option(draft)
    draft.set_defaults(run=_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    fit_output_streams()
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
        from evaldesk.app import main as open_window

        return open_window(args_list)
    args = build_parser().parse_args(args_list)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
