"""Files: reading every format a clerk has, writing the official workbook.

``read_report(path)`` picks the reader by content and extension; ``write_report`` writes the
official .xlsx. Both raise ``ReadError``/``WriteError`` with a reason a clerk can act on, never
another exception.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from evaldesk.core.records import Report
from evaldesk.io.errors import ReadError, WriteError

TEXT_SUFFIXES = (".txt", ".tsv", ".csv", ".tab")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


def read_report(path: str | Path, mapping: Mapping[str, int] | None = None) -> Report:
    """Read any supported file into a report.

    ``mapping`` (field key → column) is a clerk's answer to ``HeaderNeedsMapping``, raised when
    the header was found but needed columns were not recognised by their words.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        from evaldesk.io.read_text import read_text

        return read_text(path, mapping)
    from evaldesk.io.read_xlsx import read_workbook

    return read_workbook(path, mapping)


def write_report(report: Report, path: str | Path) -> None:
    """Write the official workbook (atomically: the old file survives any failure)."""
    from evaldesk.io.write_xlsx import write_workbook

    write_workbook(report, Path(path))


__all__ = ["ReadError", "WriteError", "read_report", "write_report"]
