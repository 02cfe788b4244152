"""The score strip at the top of the project form: the profile, the execution score, the sum of
each level-1 group the profile scores (three under MoF, five in the older 决策/管理 framework),
the total and the grade, for the current project only.

It shows a ``ProjectScore`` the form computed; it never scores anything itself, and the profile
it offers is the document's (choosing one re-checks the report once, not per keystroke).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QLabel, QWidget

from evaldesk.core import money
from evaldesk.core.scoring import PROFILES, ProjectScore
from evaldesk.ui.document import Document

GRADE_COLOURS = {"优": "#1e7b34", "良": "#2f6fb7", "中": "#8a5a00", "差": "#b3261e"}


def points(value: Decimal | None) -> str:
    return "—" if value is None else money.format_amount(value)


def whole(value: Decimal) -> str:
    """A profile's points as printed on the form: 10, 50, 12.5 (no trailing zeros)."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class ScoreStrip(QFrame):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self.setObjectName("scoreStrip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#scoreStrip { background: #f4f7fb; }")
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        caption = self._caption = QLabel(self.tr("评分方案"), self)
        self.profile = QComboBox(self)
        self.profile.setObjectName("scoringProfile")
        self.profile.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.profile.setMinimumContentsLength(10)
        for name, profile in PROFILES.items():
            self.profile.addItem(profile.label, name)
        caption.setBuddy(self.profile)
        self.profile.activated.connect(self._choose)
        self.total = QLabel(self)
        self.total.setObjectName("scoreTotal")
        self.total.setTextFormat(Qt.TextFormat.RichText)
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(caption, 0, 0)
        grid.addWidget(self.profile, 0, 1, 1, 2)
        grid.addWidget(self.total, 0, 3, 1, 2)
        self.execution = QLabel(self)
        self.execution.setObjectName("scoreExecution")
        self.groups: list[QLabel] = []
        # One label per group of the profile with the most; those a profile lacks are hidden.
        self._group_box = QWidget(self)
        self._group_grid = QGridLayout(self._group_box)
        self._group_grid.setContentsMargins(0, 0, 0, 0)
        self._group_grid.setHorizontalSpacing(10)
        self._group_grid.setVerticalSpacing(2)
        for col in range(max(len(p.group_points) for p in PROFILES.values())):
            label = QLabel(self._group_box)
            label.setObjectName(f"scoreGroup{col}")
            self.groups.append(label)
        self._place_groups(len(self.groups))
        grid.addWidget(self.execution, 1, 0, 1, 2)
        grid.addWidget(self._group_box, 1, 2, 1, 3)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnStretch(4, 1)
        self.total.setWordWrap(True)
        # Narrow (the form beside the table on a small screen): the group sums go on a line of
        # their own instead of making the form wider.
        self._grid = grid
        self._wide_min = 0
        self._stacked = False
        self._shown = len(self.groups)
        doc.profileChanged.connect(self._show_profile)
        self._show_profile()
        self.show_score(None)

    def _place_groups(self, per_row: int) -> None:
        """The group sums in rows of ``per_row`` (all on one line when there is room)."""
        for label in self.groups:
            self._group_grid.removeWidget(label)
        for k, label in enumerate(self.groups):
            self._group_grid.addWidget(label, k // per_row, k % per_row)
        # Packed to the left: the form may be wider than the part of it in view.
        for col in range(len(self.groups) + 1):
            self._group_grid.setColumnStretch(col, 1 if col == per_row else 0)

    def _arrange(self, stacked: bool) -> None:
        shown = sum(1 for label in self.groups if not label.isHidden())
        if stacked == self._stacked and shown == self._shown:
            return
        self._shown = shown
        self._stacked = stacked
        grid = self._grid
        grid.removeWidget(self.execution)
        grid.removeWidget(self._group_box)
        # Narrow: MoF's three groups share a line; five (决策 … 满意度) go two to a line, which
        # fits the form beside the table on a 1366-pixel screen.
        self._place_groups((3 if shown <= 3 else 2) if stacked else len(self.groups))
        if stacked:
            grid.addWidget(self.execution, 1, 0, 1, 5)
            grid.addWidget(self._group_box, 2, 0, 1, 5)
        else:
            grid.addWidget(self.execution, 1, 0, 1, 2)
            grid.addWidget(self._group_box, 1, 2, 1, 3)
        self.updateGeometry()

    def _row_width(self) -> int:
        spacing = self._grid.horizontalSpacing()
        parts = [self.execution, *(label for label in self.groups if not label.isHidden())]
        return sum(w.sizeHint().width() for w in parts) + spacing * len(parts) + 16

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if not self._stacked:
            # What it needs with the groups on their own line (the caption and profile line).
            first = sum(w.minimumSizeHint().width() for w in (self._caption, self.profile)) \
                + 3 * self._grid.horizontalSpacing() + 16 + 80  # and a little of the total
            return QSize(min(hint.width(), first), hint.height())
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(event.size().width() < self._row_width())
        super().resizeEvent(event)

    def _choose(self, index: int) -> None:
        self._doc.set_profile(PROFILES[str(self.profile.itemData(index))])

    def _show_profile(self) -> None:
        self.profile.setCurrentIndex(self.profile.findData(self._doc.profile.name))

    def _group_name(self, level1: str) -> str:
        names = {"产出指标": self.tr("产出"), "效益指标": self.tr("效益"), "满意度指标": self.tr("满意度"),
                 "项目决策": self.tr("决策"), "项目管理": self.tr("管理")}
        return names.get(level1, level1.removesuffix("指标"))

    def show_score(self, score: ProjectScore | None) -> None:
        if score is None:
            self.execution.setText("")
            self.total.setText("")
            for label in self.groups:
                label.setText("")
            return
        profile = score.profile
        rate = money.format_rate(score.rate) if score.rate is not None else "—"
        if profile.execution_points:
            self.execution.setText(
                self.tr("执行率 %1　得分 %2/%3").replace("%1", rate)
                .replace("%2", points(score.execution)).replace("%3", whole(profile.execution_points)))
        else:
            self.execution.setText(self.tr("执行率 %1（不计分）").replace("%1", rate))
        for k, label in enumerate(self.groups):
            label.setVisible(k < len(score.groups))
            if k >= len(score.groups):
                continue
            group = score.groups[k]
            label.setText(f"{self._group_name(group.level1)} {points(group.score)}/{whole(group.points)}")
            label.setToolTip(self.tr("各指标分值合计 %1").replace("%1", points(group.weight)))
        if self.isVisible():
            # Longer texts or more groups than at the last resize may no longer fit one line.
            self._arrange(self.width() < self._row_width())
        if not score.scored:
            self.total.setText(self.tr("未填指标分值，不计总分"))
            self.total.setToolTip(self.tr("在「绩效指标」中为各指标填写分值后自动评分"))
            return
        if score.total is None and score.subtotal is not None:
            # Every weight known: the total so far, and what is left to score.
            unscored = "、".join(score.unscored)
            self.total.setText(
                self.tr("总分 <b style='font-size:15pt'>%1</b>　<span style='color:#8a5a00'>"
                        "另有 %2 项未评分</span>")
                .replace("%1", points(score.subtotal)).replace("%2", str(len(score.unscored))))
            self.total.setToolTip(self.tr("未评分的指标（填写指标值、完成值或得分后计入）：%1")
                                  .replace("%1", unscored))
            return
        if score.total is None:
            self.total.setText(self.tr("总分 —"))
            self.total.setToolTip(self.tr("尚不能计算：%1").replace("%1", "、".join(score.missing)))
            return
        grade = score.grade or ""
        capped = score.total_capped
        note = ""
        if capped is not None and capped != score.total:
            note = self.tr("（按执行率封顶，原 %1）").replace("%1", points(score.total))
        self.total.setText(
            self.tr("总分 <b style='font-size:15pt'>%1</b>%2　<b style='font-size:15pt; color:%3'>%4</b>")
            .replace("%1", points(capped)).replace("%2", note)
            .replace("%3", GRADE_COLOURS.get(grade, "#000")).replace("%4", grade))
        self.total.setToolTip(self.tr("满分 %1；优 ≥ 90，良 80–89，中 60–79，差 < 60")
                              .replace("%1", whole(profile.full_marks)))
