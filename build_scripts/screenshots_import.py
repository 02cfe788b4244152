"""Screenshots of the 读入情况 window for forms laid out by others, drawn offscreen.

    .venv/bin/python build_scripts/screenshots_import.py [--out docs/img]

Writes import-summary-sichuan.png (a01, 青神县: the Sichuan 部门预算项目支出绩效自评表, proposed the
Sichuan profile), import-summary-yunnan.png (c09, 永德县: the Yunnan form in 元, its amounts
converted to 万元) and import-summary-shandong.png (b03, 历城区: the older MoF wording with rows of
「-」 read as 不适用 and the columns it has no place for), each the window as it opens.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from evaldesk.ui.document import Document  # noqa: E402
from evaldesk.ui.mainwindow import MainWindow  # noqa: E402

from screenshots import SIZE, output_folder, save, settle, start_app  # noqa: E402

REAL = REPO / "tests" / "data" / "real"
FORMS = {
    "sichuan": REAL / "a01_sichuan_qingshen_wages.xlsx",
    "yunnan": REAL / "c09_yunnan_yongde_yingyang.xlsx",
    "shandong": REAL / "b03_shandong_licheng_wenhuaguan.xlsx",
}


def main(argv: list[str] | None = None) -> int:
    out = output_folder(__doc__.splitlines()[0] if __doc__ else "", argv)
    app = start_app()
    for province, path in FORMS.items():
        win = MainWindow(Document())
        win.resize(*SIZE)
        win.show()
        win.open_path(path, ask=False)
        settle(app)
        dialog = win.import_summary_dialog
        if dialog is None:
            print(f"{path.name}: no import summary shown", file=sys.stderr)
            return 1
        dialog.resize(820, 600)
        settle(app)
        save(dialog, out / f"import-summary-{province}.png")
        dialog.close()
        win.doc.undo_stack.setClean()
        win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
