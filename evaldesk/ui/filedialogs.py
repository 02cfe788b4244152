"""Qt's own file dialog (Linux: UOS, Kylin), made complete and roomy for a clerk.

Windows gets the system's dialog (QFileDialog's static functions use it by default). On Linux the
static functions show Qt's widget dialog, which came up with "Look in:" and "Files of type:" in
English (its labels are set from defaults that ignore the loaded catalogue), «体积» for the size
column (Qt's catalogue's word; a clerk says 大小), and a name column so narrow that every file
name of a year's tables was cut to «2021年度区信访局…». ``install`` fixes each dialog as it is
shown, so every caller keeps using ``QFileDialog.getOpenFileName`` and friends; ``QtWording`` is
installed by ``i18n`` after Qt's catalogue, so that it is asked first.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QHeaderView, QTreeView

# Qt catalogue words a Chinese clerk would not use, by (context, source text).
QT_WORDING = {
    ("QFileSystemModel", "Size"): "大小",
    ("QFileDialog", "Size"): "大小",
}


class QtWording(QTranslator):
    """Asked before Qt's own catalogue: a better word for a few of its texts, nothing else."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return QT_WORDING.get((context, source))

    def isEmpty(self) -> bool:
        return False


def _qt(text: str) -> str:
    return QCoreApplication.translate("QFileDialog", text)


def fit(dialog: QFileDialog) -> None:
    """Labels in the interface's language, a size that shows a whole file name."""
    label = QFileDialog.DialogLabel
    dialog.setLabelText(label.LookIn, _qt("Look in:"))
    dialog.setLabelText(label.FileType, _qt("Files of type:"))
    screen = dialog.screen().availableGeometry()
    width = min(max(dialog.width(), 860), screen.width() - 40)
    height = min(max(dialog.height(), 520), screen.height() - 80)
    if (width, height) != (dialog.width(), dialog.height()):
        dialog.resize(width, height)
        frame = dialog.frameGeometry()
        parent = dialog.parentWidget()
        frame.moveCenter(screen.center() if parent is None else parent.window().frameGeometry().center())
        dialog.move(max(screen.left(), frame.left()), max(screen.top(), frame.top()))
    view = dialog.findChild(QTreeView, "treeView")
    if view is not None:
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


class _Fitter(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog):
            # After the dialog has laid itself out; a native dialog never shows this widget.
            dialog = watched
            QTimer.singleShot(0, dialog, lambda: fit(dialog))
        return False


_fitter: list[_Fitter] = []


def install(app: QApplication) -> None:
    """Once per application: fit every Qt file dialog as it is shown."""
    if not _fitter:
        _fitter.append(_Fitter(app))
        app.installEventFilter(_fitter[0])
