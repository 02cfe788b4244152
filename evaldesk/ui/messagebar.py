"""A message bar above the table for what does not fit in the status bar.

The status bar has one line beside the totals: a long message (the rollover's summary, a refused
paste's reasons) was cut at «…请». Such a message shows here instead, wrapped, in full, until the
clerk closes it or the next long message replaces it; short ones stay in the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

SHOWN_MS = 30_000  # long enough to read two lines, short enough not to linger over the table


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setStyleSheet("#messageBar { background: #fff8e1; border-bottom: 1px solid #e0c46c; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
                       .pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(self)
        self.text.setObjectName("messageBarText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Wrapping text must not make the window wider: it takes the width it is given.
        self.text.setMinimumWidth(1)
        close = QToolButton(self)
        close.setAutoRaise(True)
        close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        close.setToolTip(self.tr("关闭"))
        close.clicked.connect(self.hide)
        layout.addWidget(icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_text(self, text: str, timeout_ms: int = SHOWN_MS) -> None:
        self.text.setText(text)
        self.show()
        self._timer.start(timeout_ms)
