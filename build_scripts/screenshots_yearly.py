"""Screenshots of the yearly work for the docs, drawn offscreen.

    .venv/bin/python build_scripts/screenshots_yearly.py [--out docs/img]

Writes newyear-window.png (the example rolled over to 2022: last year's budget figures grey and
italic with a corner mark, two rows confirmed), newyear-filter.png (only the rows still holding
last year's figures), newyear-compare.png (与上年对比 after some budgets were re-entered),
newyear-mapping.png (the column-mapping dialog for a file whose 项目名称 column is called 名目)
merge-report.png (twelve departments merged, one file unreadable, one sent twice) and
fill-preview.png (the rolled-over table about to be filled from the budget system's export).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtCore import Qt  # noqa: E402

from evaldesk.core.layout import COLUMN_INDEX  # noqa: E402
from evaldesk.ui.document import Document  # noqa: E402
from evaldesk.ui.mainwindow import MainWindow  # noqa: E402

from screenshots import EXAMPLE, SIZE, output_folder, save, settle, start_app  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    out = output_folder(__doc__.splitlines()[0] if __doc__ else "", argv)
    app = start_app()
    work = Path(tempfile.mkdtemp())

    win = MainWindow(Document())
    win.resize(*SIZE)
    win.show()
    win.resizeDocks([win.problems], [220], Qt.Orientation.Vertical)
    settle(app)
    win.newyear.start_from(EXAMPLE)
    settle(app)
    win.select_block(range(2), range(COLUMN_INDEX["budget.general"], COLUMN_INDEX["budget.general"] + 1))
    win.newyear.act_confirm.trigger()
    win.doc.set_cell_text(2, COLUMN_INDEX["budget.general"], "135.5")
    win.select_cell(3, COLUMN_INDEX["budget.general"])
    settle(app)
    win.statusBar().showMessage(win.newyear.act_confirm.statusTip())
    save(win, out / "newyear-window.png")

    win.newyear.act_filter.setChecked(True)
    settle(app)
    save(win, out / "newyear-filter.png")
    win.newyear.act_filter.setChecked(False)

    win.doc.set_cell_text(4, COLUMN_INDEX["budget.general"], "4.2")
    win.doc.set_cell_text(0, COLUMN_INDEX["budget.general"], "120")
    win.compare.show()
    win.resizeDocks([win.compare.dock], [330], Qt.Orientation.Vertical)
    settle(app)
    save(win, out / "newyear-compare.png")
    win.doc.undo_stack.setClean()
    win.close()

    # The 2022 table just rolled over, and the budget system's 2022 export about to fill it.
    from evaldesk.core.fill import plan_fill
    from evaldesk.io.read_export import read_export
    from evaldesk.ui.fillui import FillPreview

    win = MainWindow(Document())
    win.resize(*SIZE)
    win.show()
    settle(app)
    win.newyear.start_from(EXAMPLE)
    settle(app)
    export = read_export(REPO / "examples" / "2022年度项目支出执行情况（一体化系统导出示例）.xlsx")
    preview = FillPreview(export, plan_fill(win.doc.report, export.rows), win)
    preview.show()
    settle(app)
    save(preview, out / "fill-preview.png")
    preview.close()
    win.doc.undo_stack.setClean()
    win.close()

    # A file whose 项目名称 column is headed 名目, with a column the form has no place for.
    from evaldesk.io.grid import inspect_grid
    from evaldesk.io.read_text import read_text_grid
    from evaldesk.ui.mapping import MappingDialog

    csv_path = work / "区司法局2021年项目支出.csv"
    csv_path.write_text(
        "序号,名目,主管科室,项目年度预算金额,实际支出金额,执行率,备注\n"
        "1,公共法律服务,法律服务科,86.40,80.12,92.73%,\n", encoding="utf-8")
    dialog = MappingDialog(inspect_grid(read_text_grid(csv_path), str(csv_path)), str(csv_path))
    dialog.show()
    settle(app)
    save(dialog, out / "newyear-mapping.png")
    dialog.close()

    # Twelve departments, one file that is not a workbook, one department that sent its file twice.
    from benchmarks.bench_merge import department_files, write_csv

    paths, reports = department_files(work, 12, per_department=3, workbooks_every=3)
    again = work / f"{reports[4].department}（重报）.csv"
    write_csv(reports[4], again)
    (work / "区审计局.xlsx").write_bytes(b"this is an e-mail saved as .xlsx")
    paths += [again, work / "区审计局.xlsx"]
    win = MainWindow(Document())
    win.resize(*SIZE)
    win.show()
    settle(app)
    win.merge.start(paths)
    for _ in range(50):
        settle(app, 2)
        if win.merge.dialog is not None:
            break
    dialog = win.merge.dialog
    assert dialog is not None
    dialog.department_edit.setText("龙岗区财政局")
    settle(app)
    save(dialog, out / "merge-report.png")
    dialog.tabs.setCurrentIndex(1)
    settle(app)
    save(dialog, out / "merge-failures.png")
    dialog.reject()
    win.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
