"""The command line: check, dump, convert and print without a display.

    evaldesk check FILE... [--json]     findings, one per line; exit 0 / 1 (errors) / 2 (unreadable)
    evaldesk dump FILE                  the records as JSON (schema in the README)
    evaldesk convert IN OUT.xlsx        any supported input to the official workbook
    evaldesk pdf IN -o OUT.pdf          the printed form as PDF
    evaldesk [FILE]                     open the window

Imports are deferred to the command that needs them, so ``check`` starts in a fraction of a
second and never loads Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from evaldesk.core.records import Report

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2

COMMANDS = ("check", "dump", "convert", "pdf")


def _say(line: str, *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
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


def _check(args: argparse.Namespace) -> int:
    from evaldesk.core.rules import Checker, field_label
    from evaldesk.core.scoring import get_profile, scoring_findings
    from evaldesk.core.serialize import finding_to_dict

    profile = get_profile(args.profile)

    status = EXIT_OK
    as_json: list[dict[str, object]] = []
    for path in args.files:
        report = _read(path)
        if report is None:
            status = EXIT_UNREADABLE
            continue
        findings = Checker(report, lambda p: scoring_findings(p, profile)).findings()
        projects = {p.uid: p for p in report.projects}
        errors = sum(1 for f in findings if f.is_error)
        if errors and status == EXIT_OK:
            status = EXIT_FINDINGS
        if args.json:
            as_json.extend(finding_to_dict(f, projects, path) for f in findings)
            continue
        for finding in findings:
            project = projects.get(finding.project_uid) if finding.project_uid is not None else None
            where = f" 项目 {project.seq or '?'} «{project.name}»" if project else ""
            field = f" {field_label(finding.field)}" if finding.field else ""
            level = "错误" if finding.is_error else "警告"
            _say(f"{path}:{where}{field}: {level}：{finding.message} [{finding.code}]")
        _say(f"{path}: {len(report.projects)} 个项目，{errors} 个错误，"
             f"{len(findings) - errors} 个警告", err=True)
    if args.json:
        _say(json.dumps(as_json, ensure_ascii=False, indent=2))
    return status


def _dump(args: argparse.Namespace) -> int:
    from evaldesk.core.scoring import get_profile
    from evaldesk.core.serialize import report_to_dict

    report = _read(args.file)
    if report is None:
        return EXIT_UNREADABLE
    _say(json.dumps(report_to_dict(report, get_profile(args.profile)), ensure_ascii=False,
                    indent=2))
    return EXIT_OK


def _convert(args: argparse.Namespace) -> int:
    from evaldesk.io import WriteError, write_report

    if Path(args.output).suffix.lower() != ".xlsx":
        _say(f"{args.output}: 只能转换为 .xlsx 工作簿（打印为 PDF 请用 evaldesk pdf）", err=True)
        return EXIT_UNREADABLE
    report = _read(args.input)
    if report is None:
        return EXIT_UNREADABLE
    try:
        write_report(report, Path(args.output))
    except WriteError as exc:
        _say(f"{args.output}: 无法保存：{exc.reason}", err=True)
        return EXIT_UNREADABLE
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
                   sheets=args.sheets)
    except WriteError as exc:
        _say(f"{output}: 无法生成 PDF：{exc.reason}", err=True)
        return EXIT_UNREADABLE
    errors, _warnings = Checker(report).counts()
    return EXIT_FINDINGS if errors else EXIT_OK


def _profile_option(parser: argparse.ArgumentParser) -> None:
    # The names are listed without importing scoring at start-up: they are stable ids.
    parser.add_argument("--profile", default="mof",
                        choices=("mof", "hebei", "exec20", "capped", "regroup", "linear"),
                        help="评分规则（默认 mof：财政部 10/50/30/10）")


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
    _profile_option(check)
    check.set_defaults(run=_check)

    dump = sub.add_parser("dump", help="以 JSON 输出表格内容")
    dump.add_argument("file", metavar="FILE")
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
    pdf.add_argument("--sheets", choices=("summary", "projects", "all"), default="summary")
    pdf.set_defaults(run=_pdf)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
        from evaldesk.app import main as open_window

        return open_window(args_list)
    args = build_parser().parse_args(args_list)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
