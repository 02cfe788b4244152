"""Screenshots of the project form for the docs, drawn offscreen.

    .venv/bin/python build_scripts/screenshots_form.py [--out docs/img]

Writes form-main.png (the example opened, the form beside the table on project 1),
form-indicators.png (a per-project form with weights and scores: the indicator editor, a typed
score overriding the computed one, the live total and grade, the scoring findings),
form-category.png (the form opened from a summary cell that holds several indicators) and
form-window.png (the form as a window of its own, every indicator column shown).
"""

from __future__ import annotations

import os
import sys
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtCore import Qt  # noqa: E402

from evaldesk.core.layout import COLUMN_INDEX  # noqa: E402
from evaldesk.core.records import Comparator, Funds, Indicator, Project, Report  # noqa: E402
from evaldesk.ui.document import Document  # noqa: E402
from evaldesk.ui.mainwindow import MainWindow  # noqa: E402

from screenshots import EXAMPLE, SIZE, output_folder, save, settle, start_app  # noqa: E402


def scored_project() -> Project:
    """A per-project form as a Sichuan clerk fills it: weights, comparators, units, a typed score."""
    d = Decimal
    ind = Indicator
    return Project(
        seq="1", department="区信访局", name="信访信息化运行维护", code="440307-2021-0045",
        authority="深圳市龙岗区信访局", implementer="区信访局信息科",
        initial=Funds(general=d("30.00")),
        budget=Funds(general=d("34.26"), carryover=d("2.00")),
        actual=Funds(general=d("32.51"), carryover=d("1.20")),
        goal="保障区信访信息系统全年稳定运行，完成系统运维、网络安全等级保护测评和数据备份，"
             "提升网上信访办理效率。",
        completion="系统全年稳定运行，完成等保测评和季度数据备份，网上信访按期办结率 98%。",
        indicators=[
            ind("quantity", "运维服务系统数", "6", Comparator.GE, "个", "6", d(15)),
            ind("quantity", "数据备份次数", "4", Comparator.GE, "次", "4", d(10)),
            ind("quality", "系统可用率", "99", Comparator.GE, "%", "99.5", d(15)),
            ind("timeliness", "故障响应时间", "2", Comparator.LE, "小时", "3", d(10)),
            ind("social", "网上信访按期办结率", "95", Comparator.GE, "%", "98", d(15)),
            ind("sustainable", "信访数据安全保障", "长期有效", Comparator.QUALITATIVE, "",
                "基本达成", d(15), score=d(12)),
            ind("satisfaction", "信访群众满意度", "90", Comparator.GE, "%", "92", d(10)),
        ],
        problems="故障响应时间超出约定，一次因供应商备件不足延误。",
        rectification="已在续签合同中约定备件库存和 2 小时响应的违约责任。",
        conclusion="项目总体完成年度绩效目标。", project_lead="李明", finance_lead="王芳",
    )


def main(argv: list[str] | None = None) -> int:
    out = output_folder(__doc__.splitlines()[0] if __doc__ else "", argv)
    app = start_app()

    from evaldesk.io import read_report

    report = read_report(EXAMPLE)
    win = MainWindow(Document(report, EXAMPLE))
    win.resize(*SIZE)
    win.show()
    win.resizeDocks([win.problems], [170], Qt.Orientation.Vertical)
    settle(app)
    win.select_cell(0, COLUMN_INDEX["name"])
    settle(app)
    save(win, out / "form-main.png")

    # The same window on a per-project form with weights: the scoring is live.
    scored = Report(year=2021, department="区信访局", projects=[scored_project(), *report.projects[1:3]])
    win.doc.replace(scored, None)
    win.select_cell(0, COLUMN_INDEX["name"])
    form = win.project_form.form
    form.tabs.setCurrentWidget(form.indicators)
    form.indicators.select_row(3)
    settle(app)
    save(win, out / "form-indicators.png")

    # A summary cell with two 数量指标: the form opens at them instead of a cell editor.
    two = report.projects[1]
    if len(two.indicators_in("quantity")) < 2:
        two.indicators.insert(1, Indicator("quantity", "为上访群众提供法律咨询", "≥200人次",
                                           actual="236人次"))
    win.doc.replace(report, EXAMPLE)
    win.select_cell(1, COLUMN_INDEX["ind.quantity.content"])
    settle(app)
    win.project_form.open_category(two.uid, "quantity")
    settle(app)
    save(win, out / "form-category.png")

    win.doc.replace(scored, None)
    win.select_cell(0, COLUMN_INDEX["name"])
    win.project_form.open_window()
    form.tabs.setCurrentWidget(form.indicators)
    settle(app)
    save(win.project_form, out / "form-window.png")
    win.doc.undo_stack.setClean()
    win.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
