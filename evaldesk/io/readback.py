"""Reading a just-written workbook back before it replaces the clerk's file.

A save counts only if the file on disk opens again as the report that was meant to be saved: a
write cut short, a disk that returns other bytes than it was given (failing USB sticks do), or a
writer bug that drops a field would otherwise be found months later, when the only copy is the
damaged one. ``atomic_write`` calls ``verifier(report)`` on the flushed temporary file; a mismatch
stops the save with the original untouched.

What is compared is what the format keeps: every field of the report and of every project, which
covers the summary sheet, the per-project sheets and the hidden ``_evaldesk`` record alike. Import
notes are left out: they describe how another file was read (columns not matched, cells moved) and
are made afresh by each reader, so they are not content; so is a rollover's record of last year's
figures, which the workbook does not carry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from pathlib import Path

from evaldesk.core.records import Project, Report
from evaldesk.io import read_report
from evaldesk.io.errors import ReadError, WriteError

# Not content of the file: how another file was read (made afresh by each reader), and last
# year's figures a rollover shows beside this year's (the workbook does not carry them yet).
_NOT_KEPT = ("import_notes", "previous")
# Words for the record state's keys, for the message; a key not listed is named as it is.
_FIELD_WORDS = {"seq": "序号", "department": "部门名称", "name": "项目名称", "code": "项目编码",
                "budget": "项目年度预算金额", "actual": "实际支出金额", "initial": "年初预算数",
                "rate_printed": "预算支出执行率", "goal": "年初绩效目标",
                "completion": "绩效目标整体完成情况", "indicators": "绩效指标",
                "problems": "存在的问题", "rectification": "整改情况", "bad_values": "非数字内容",
                "authority": "主管部门", "implementer": "实施单位", "conclusion": "评价结论"}
_REPORT_LINES = {"title": "标题", "year": "年度", "unit": "金额单位", "department": "部门名称",
                 "fill_date": "填报日期", "preparer": "填表人", "phone": "联系电话",
                 "head": "单位负责人"}


_COMPARED = tuple(item.name for item in fields(Project) if item.compare and item.name not in _NOT_KEPT)


def _first_field(mine: Project, read: Project) -> str | None:
    if mine == read:
        return None  # the usual answer, from the dataclass's own comparison of every field
    for name in _COMPARED:
        if getattr(mine, name) != getattr(read, name):
            return name
    return None


def difference(meant: Report, back: Report) -> str | None:
    """Where ``back`` (read from the file) differs from ``meant``, in words; None if it does not.

    Records compare as records do (Decimal by value: 60.00 is 60), field by field.
    """
    for item in fields(Report):
        if item.name == "title":
            # An empty title and the one the form makes by itself print the same.
            if meant.shown_title != back.shown_title:
                return f"表头的「{_REPORT_LINES['title']}」"
        elif item.compare and item.name != "projects" \
                and getattr(meant, item.name) != getattr(back, item.name):
            return f"表头的「{_REPORT_LINES.get(item.name, item.name)}」"
    if len(meant.projects) != len(back.projects):
        return f"项目个数（应为 {len(meant.projects)} 个，读回 {len(back.projects)} 个）"
    for number, (mine, read) in enumerate(zip(meant.projects, back.projects, strict=True), 1):
        field = _first_field(mine, read)
        if field is not None:
            name = mine.name or mine.seq
            return f"第 {number} 个项目「{name}」的「{_FIELD_WORDS.get(field, field)}」"
    return None


def verifier(report: Report, target: Path,
             read: Callable[[Path], Report] | None = None) -> Callable[[Path], None]:
    """A ``verify`` callback for ``atomic_write``: read the temporary file, compare, or refuse.

    ``target`` is the path the clerk chose, for the message; ``read`` defaults to the reader that
    opens the file in the app.
    """

    def verify(temporary: Path) -> None:
        try:
            back = read(temporary) if read is not None else read_report(temporary)
        except ReadError as error:
            raise WriteError(
                target, f"保存后读回核对失败：写出的文件无法再打开（{error.reason}）。"
                "原文件未改动；请另存到其他位置再试。") from error
        where = difference(report, back)
        if where is not None:
            raise WriteError(
                target, f"保存后读回核对失败：{where}与要保存的内容不一致。"
                "原文件未改动；请另存到其他位置再试，并将此情况告知技术支持。")

    return verify
