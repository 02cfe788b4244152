"""Rectangular blocks on the clipboard as Excel and WPS put them there.

Tab-separated rows; a cell holding a tab, a newline or a quote is wrapped in double quotes with
inner quotes doubled. Parsing follows the same rules, so a paragraph copied from a cell of
Excel comes back as one cell.
"""

from __future__ import annotations

from collections.abc import Sequence


def to_tsv(rows: Sequence[Sequence[str]]) -> str:
    def cell(text: str) -> str:
        if any(c in text for c in ('\t', '\n', '\r', '"')):
            return '"' + text.replace('"', '""') + '"'
        return text

    return "".join("\t".join(cell(c) for c in row) + "\r\n" for row in rows)


def parse_tsv(text: str) -> list[list[str]]:
    """The block in ``text``; a trailing line break (Excel always adds one) makes no extra row."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    at_cell_start = True
    while i < n:
        ch = text[i]
        if at_cell_start and ch == '"':
            # A quoted cell: runs to the lone closing quote.
            i += 1
            while i < n:
                if text[i] == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        cell.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                cell.append(text[i])
                i += 1
            at_cell_start = False
            continue
        if ch == "\t":
            row.append("".join(cell))
            cell = []
            at_cell_start = True
        elif ch in "\r\n":
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            row.append("".join(cell))
            rows.append(row)
            row, cell = [], []
            at_cell_start = True
        else:
            cell.append(ch)
            at_cell_start = False
        i += 1
    if cell or row or not at_cell_start:
        row.append("".join(cell))
        rows.append(row)
    return rows


# The summary's title and header, or a per-project form's (项目名称 beside 绩效指标).
_TABLE_MARKERS = ("项目名称", "绩效自评表", "项目年度预算金额", "绩效指标")


def looks_like_whole_table(text: str) -> bool:
    """A paste that carries a form's title or header: the importer must realign it."""
    head = text[:4000]
    return sum(marker in head for marker in _TABLE_MARKERS) >= 2
