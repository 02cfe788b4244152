"""What a reader made of a file not in evaldesk's own layout, for the clerk to read before
trusting the checks: which heading became which field, what was converted ("150万" → 150 万元,
元 → 万元), what was taken as 不适用, and what could not be placed, each with its cell.

Readers fill it while they read; the window shows it on opening, the command line prints it
(``--explain``). Texts use only characters a GBK console can print.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class EntryKind(StrEnum):
    HEADING = "heading"  # a heading recognised as a field
    CONVERTED = "converted"  # a value changed on the way in (unit, float noise)
    NOT_APPLICABLE = "not_applicable"  # a row or cell read as 不适用
    UNPLACED = "unplaced"  # something the reader found no place for


KIND_TITLES: dict[EntryKind, str] = {
    EntryKind.HEADING: "识别的表头",
    EntryKind.CONVERTED: "换算的数值",
    EntryKind.NOT_APPLICABLE: "按不适用读入",
    EntryKind.UNPLACED: "未能归位（未导入或需核对）",
}


def cell_address(row: int, col: int) -> str:
    """0-based (row, col) as Excel names the cell: (3, 1) → "B4"."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row + 1}"


@dataclass(frozen=True)
class Entry:
    kind: EntryKind
    sheet: str  # the sheet's name ("" for a text file)
    cell: str  # "B4", or "" where the entry is about the whole sheet
    text: str  # what the file says, as written
    meaning: str  # what it was read as, in the clerk's words

    def line(self) -> str:
        where = "!".join(p for p in (self.sheet, self.cell) if p)
        prefix = f"{where}  " if where else ""
        return f"{prefix}\u201c{self.text}\u201d -> {self.meaning}"


@dataclass
class ImportSummary:
    source: str = ""
    layout: str = ""  # the layout recognised, in words ("项目支出绩效自评表（四川格式）")
    entries: list[Entry] = field(default_factory=list)

    def add(self, kind: EntryKind, sheet: str, cell: str, text: str, meaning: str) -> None:
        entry = Entry(kind, sheet, cell, text.strip(), meaning)
        if entry not in self.entries:
            self.entries.append(entry)

    def of_kind(self, kind: EntryKind) -> list[Entry]:
        return [e for e in self.entries if e.kind is kind]

    def lines(self) -> list[str]:
        """The summary as plain lines (GBK-safe), grouped by kind."""
        out = [f"文件：{self.source}", f"识别为：{self.layout or '（未识别）'}"]
        for kind in EntryKind:
            entries = self.of_kind(kind)
            out.append(f"{KIND_TITLES[kind]}（{len(entries)}）：")
            out.extend(f"  {e.line()}" for e in entries)
            if not entries:
                out.append("  无")
        return out
