"""What the print preview tells the clerk before paper goes to the finance bureau.

Findings are never printed; but a table that still has errors is likely to come back, so the
preview says so.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from evaldesk.core.records import Report
from evaldesk.core.rules import Checker


def print_warning(report: Report, checker: Checker | None = None) -> str | None:
    """A one-line warning for the preview when the report still has errors; None when clean.

    Pass the window's ``checker`` to reuse its findings instead of checking the report again.
    """
    errors, warnings = (checker or Checker(report)).counts()
    if not errors:
        return None
    # In the window's language (evaldesk/ui/i18n.py installs the translator); Chinese without one.
    translate = QCoreApplication.translate
    extra = translate("PrintNotice", "、%1 处提醒").replace("%1", str(warnings)) if warnings else ""
    return (translate("PrintNotice",
                      "本表还有 %1 处错误%2，财政局审核时可能退回；建议先改正再打印（见问题列表）。")
            .replace("%1", str(errors)).replace("%2", extra))
