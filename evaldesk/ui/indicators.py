"""The indicator editor of the project form: the project's indicator list as a table, with a
detail pane for the current indicator (the long texts a table cell cannot show).

The model is a thin adapter over ``Project.indicators`` of the form's current project; it keeps
nothing but the project's uid and the score the form computed for it. Every edit, reorder,
addition and removal is one ``ProjectEditCommand`` on the document's undo stack, so the summary
table (which shows the same list one category at a time), the scores and the findings follow,
and undo restores all of them together.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFocusEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evaldesk.core import money
from evaldesk.core.fields import FieldError
from evaldesk.core.records import (
    CATEGORIES,
    CATEGORY_BY_KEY,
    CATEGORY_BY_LEVEL2,
    NOT_APPLICABLE,
    Comparator,
    Indicator,
    Project,
    parse_comparator,
)
from evaldesk.core.rules import Finding, Severity
from evaldesk.core.scoring import ProjectScore, indicator_comparator, needs_target
from evaldesk.ui.commands import edit_project
from evaldesk.ui.document import Document
from evaldesk.ui.model import ERROR_BACKGROUND, WARNING_BACKGROUND, finding_line

AnyIndex = QModelIndex | QPersistentModelIndex

# Columns: (attribute, header). Level 1 follows from level 2, so it is one column of its own
# only for choosing; the table in the dock hides it and the detail pane shows it.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("level1", "一级指标"),
    ("level2", "二级指标"),
    ("name", "三级指标"),
    ("comparator", "性质"),  # 指标性质; the column is two characters wide
    ("target", "年度指标值"),
    ("unit", "度量单位"),
    ("actual", "实际完成值"),
    ("weight", "分值"),
    ("score", "得分"),
    ("reason", "偏差原因分析及改进措施"),
    ("applicable", "不适用"),
)
COLUMN_OF = {name: col for col, (name, _h) in enumerate(COLUMNS)}
# What a finding's field "indicator:3.reason" points at.
FINDING_PARTS = {"weight": "weight", "score": "score", "reason": "reason", "target": "target",
                 "actual": "actual"}
LEVEL1_NAMES: tuple[str, ...] = tuple(dict.fromkeys(c.level1 for c in CATEGORIES))
COMPARATOR_CHOICES = ("", Comparator.GE.value, Comparator.LE.value, Comparator.EQ.value,
                      Comparator.QUALITATIVE.value)
OVERRIDDEN_FOREGROUND = QColor("#1f5fbf")
COMPUTED_FOREGROUND = QColor("#3c4043")
MUTED_FOREGROUND = QColor("#80868b")


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files _tr() under no context


def format_score(value: Decimal | None) -> str:
    return "" if value is None else money.format_amount(value)


def parse_points(text: str, what: str) -> Decimal | None:
    """A weight or score as typed: empty is None; negative or non-numeric is refused."""
    try:
        value = money.parse_amount(text)
    except money.NotANumber as exc:
        raise FieldError(f"{what}：{exc}") from None
    if value is not None and value < 0:
        raise FieldError(f"{what}不能为负数（{text}）")
    return value


def set_indicator_field(indicator: Indicator, name: str, value: object) -> None:
    """Store one typed value into an indicator; ``FieldError`` says why a value cannot be taken."""
    text = "" if value is None else str(value)
    if name == "level1":
        if text not in LEVEL1_NAMES:
            raise FieldError(f"「{text}」不是一级指标")
        if indicator.level1 != text:
            indicator.category = next(c.key for c in CATEGORIES if c.level1 == text)
    elif name == "level2":
        category = CATEGORY_BY_LEVEL2.get(text) or CATEGORY_BY_LEVEL2.get(text + "指标") \
            or CATEGORY_BY_KEY.get(text)
        if category is None:
            raise FieldError(f"「{text}」不是二级指标")
        indicator.category = category.key
    elif name == "comparator":
        comparator = parse_comparator(text)
        if comparator is None and text.strip():
            raise FieldError(f"「{text}」不是指标性质：可填 ≥、≤、= 或 定性")
        indicator.comparator = comparator
    elif name in ("weight", "score"):
        label = "分值" if name == "weight" else "得分"
        setattr(indicator, name, parse_points(text, label))
    elif name == "applicable":
        indicator.applicable = bool(value)
    elif name in ("name", "target", "unit", "actual", "reason"):
        setattr(indicator, name, text)
    else:
        raise KeyError(name)


class IndicatorModel(QAbstractTableModel):
    """The current project's indicators, one row each."""

    def __init__(self, doc: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self._uid: int | None = None
        self._score: ProjectScore | None = None
        self._findings: dict[tuple[int, str], list[Finding]] = {}
        # A field losing focus while the window is torn down must not push onto a deleted stack.
        self.alive = True
        doc.undo_stack.destroyed.connect(self._stack_gone)

    def _stack_gone(self) -> None:
        self.alive = False

    # -- the project shown -------------------------------------------------------------------------

    @property
    def document(self) -> Document:
        return self._doc

    @property
    def uid(self) -> int | None:
        return self._uid

    def project(self) -> Project | None:
        return None if self._uid is None else self._doc.project(self._uid)

    def indicators(self) -> list[Indicator]:
        project = self.project()
        return [] if project is None else project.indicators

    def show(self, uid: int | None, score: ProjectScore | None, findings: list[Finding]) -> None:
        """The project (or its new state) with the score and findings the form computed for it."""
        self.beginResetModel()
        self._uid = uid
        self._score = score
        self._findings = {}
        for finding in findings:
            index, _, part = finding.field.removeprefix("indicator:").partition(".")
            if finding.field.startswith("indicator:") and index.isdigit() and part in FINDING_PARTS:
                self._findings.setdefault((int(index), part), []).append(finding)
        self.endResetModel()

    # -- Qt model ------------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.indicators())

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole \
                and 0 <= section < len(COLUMNS) and COLUMNS[section][0] == "comparator":
            return _tr("指标性质：≥ 正向，≤ 反向，= 等于，定性")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _tr(COLUMNS[section][1]) if 0 <= section < len(COLUMNS) else None
        return str(section + 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()][0] == "applicable":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def _item_score(self, row: int) -> tuple[Decimal | None, Decimal | None, bool]:
        """(score in force, computed score, typed overrides) for an indicator row."""
        if self._score is None or row >= len(self._score.indicators):
            return None, None, False
        s = self._score.indicators[row]
        return s.score, s.computed, s.overridden

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        indicators = self.indicators()
        if index.row() >= len(indicators):
            return None
        indicator = indicators[index.row()]
        name = COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(indicator, index.row(), name, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.CheckStateRole and name == "applicable":
            return Qt.CheckState.Checked if not indicator.applicable else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and name == "score":
            if self._item_score(index.row())[2]:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if not indicator.applicable and name != "applicable":
                return QBrush(MUTED_FOREGROUND)
            if name == "score":
                return QBrush(OVERRIDDEN_FOREGROUND if self._item_score(index.row())[2]
                              else COMPUTED_FOREGROUND)
            if name == "comparator" and indicator.comparator is None:
                return QBrush(MUTED_FOREGROUND)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            found = self._findings.get((index.row(), name), [])
            if found:
                return QBrush(ERROR_BACKGROUND if any(f.is_error for f in found) else WARNING_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(indicator, index.row(), name)
        if role == Qt.ItemDataRole.TextAlignmentRole and name in ("weight", "score"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, indicator: Indicator, row: int, name: str, editing: bool) -> str:
        if name == "level1":
            return indicator.level1
        if name == "level2":
            # "数量" for 数量指标: the column is narrow and its header already says 指标.
            return indicator.level2 if editing else indicator.level2.removesuffix("指标")
        if name == "comparator":
            if indicator.comparator is not None:
                return indicator.comparator.value
            # Unwritten: what the target text implies, shown muted (editing starts empty).
            return "" if editing else indicator_comparator(indicator).value
        if name == "weight":
            return "" if indicator.weight is None else (
                f"{indicator.weight:f}" if editing else format_score(indicator.weight))
        if name == "score":
            if editing:
                return "" if indicator.score is None else f"{indicator.score:f}"
            if not indicator.applicable:
                return "—"
            return format_score(self._item_score(row)[0])
        if name == "applicable":
            return NOT_APPLICABLE if not indicator.applicable and not editing else ""
        if name == "name" and not indicator.applicable and not editing:
            return indicator.name or NOT_APPLICABLE
        value: str = getattr(indicator, name)
        return value

    def _tooltip(self, indicator: Indicator, row: int, name: str) -> str | None:
        lines = [finding_line(f) for f in self._findings.get((row, name), [])]
        if name == "score":
            score, computed, overridden = self._item_score(row)
            if overridden:
                lines.insert(0, _tr("手工填写的得分（覆盖计算值 %1）；清空后按评分方案计算")
                             .replace("%1", format_score(computed) or _tr("无法计算")))
            elif score is not None and self._score is not None:
                lines.insert(0, _tr("按「%1」计算").replace("%1", self._score.profile.label))
        elif name == "weight" and self._score is not None and row < len(self._score.indicators):
            effective = self._score.indicators[row].effective_weight
            if indicator.applicable and effective is not None and effective != indicator.weight:
                lines.insert(0, _tr("含不适用指标转入的分值后为 %1").replace("%1", format_score(effective)))
        elif name == "comparator" and indicator.comparator is None:
            lines.insert(0, _tr("未填写，按年度指标值推断"))
        elif name == "level2":
            lines.insert(0, f"{indicator.level1} / {indicator.level2}")
        elif name in ("name", "target", "actual", "reason"):
            text: str = getattr(indicator, name)
            if len(text) > 12:
                lines.insert(0, text)
        return "\n".join(lines) if lines else None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self._uid is None:
            return False
        name = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.CheckStateRole and name == "applicable":
            value = Qt.CheckState(value) == Qt.CheckState.Checked
            return self.set_field(index.row(), "applicable", not value)
        if role != Qt.ItemDataRole.EditRole:
            return False
        return self.set_field(index.row(), name, value)

    # -- edits (each one undo step) --------------------------------------------------------------

    def set_field(self, row: int, name: str, value: object) -> bool:
        if self._uid is None or not self.alive:
            return False
        header = "指标性质" if name == "comparator" else COLUMNS[COLUMN_OF[name]][1]
        label = _tr("编辑指标「%1」").replace("%1", _tr(header))

        def mutate(project: Project) -> None:
            set_indicator_field(project.indicators[row], name, value)

        return edit_project(self._doc, self._uid, label, mutate)

    def add(self, category: str, after: int | None) -> int | None:
        """A blank indicator of ``category``: after row ``after``, else after the category's last
        (or where the category order puts it). Returns its row."""
        if self._uid is None:
            return None
        indicators = self.indicators()
        if after is not None and 0 <= after < len(indicators):
            at = after + 1
        else:
            order = [c.key for c in CATEGORIES]
            rank = order.index(category)
            at = len(indicators)
            for i, other in enumerate(indicators):
                if order.index(other.category) > rank:
                    at = i
                    break
        added = edit_project(self._doc, self._uid, _tr("添加指标"),
                             lambda p: p.indicators.insert(at, Indicator(category=category)))
        return at if added else None

    def remove(self, rows: list[int]) -> bool:
        if self._uid is None or not rows:
            return False
        doomed = set(rows)

        def mutate(project: Project) -> None:
            project.indicators = [i for k, i in enumerate(project.indicators) if k not in doomed]

        return edit_project(self._doc, self._uid,
                            _tr("删除 %n 个指标").replace("%n", str(len(doomed))), mutate)

    def move(self, row: int, delta: int) -> bool:
        target = row + delta
        if self._uid is None or not 0 <= row < self.rowCount() or not 0 <= target < self.rowCount():
            return False

        def mutate(project: Project) -> None:
            items = project.indicators
            items[row], items[target] = items[target], items[row]

        return edit_project(self._doc, self._uid, _tr("上移指标") if delta < 0 else _tr("下移指标"),
                            mutate)


class ChoiceDelegate(QStyledItemDelegate):
    """一级, 二级 and 指标性质 edited in the table with the standard lists (性质 also typed)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        name = COLUMNS[index.column()][0]
        if name not in ("level1", "level2", "comparator"):
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        if name == "level1":
            combo.addItems(list(LEVEL1_NAMES))
        elif name == "level2":
            level1 = str(index.model().index(index.row(), COLUMN_OF["level1"]).data())
            combo.addItems([c.level2 for c in CATEGORIES if c.level1 == level1])
        else:
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItems(list(COMPARATOR_CHOICES))
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            if editor.currentText() != str(index.data(Qt.ItemDataRole.EditRole) or ""):
                model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class CommitText(QPlainTextEdit):
    """A multi-line field that reports a finished edit when it loses focus, like QLineEdit."""

    editingFinished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.document().isModified():
            self.editingFinished.emit()

    def set_text(self, text: str) -> None:
        if self.toPlainText() != text:
            self.setPlainText(text)
        self.document().setModified(False)


class IndicatorDetail(QWidget):
    """The current indicator's every field, roomy; edits go through the model."""

    def __init__(self, model: IndicatorModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._row = -1
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        self.level1 = QComboBox(self)
        self.level1.addItems(list(LEVEL1_NAMES))
        self.level2 = QComboBox(self)
        for combo in (self.level1, self.level2):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(5)
        self.name = QLineEdit(self)
        self.comparator = QComboBox(self)
        self.comparator.setEditable(True)
        self.comparator.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # spellings are not choices
        self.comparator.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.comparator.setMinimumContentsLength(3)
        self.comparator.addItems(list(COMPARATOR_CHOICES))
        self.comparator.setToolTip(self.tr("≥ 正向（达到或超过）、≤ 反向（不超过）、= 等于、定性；"
                                           "也可输入 >=、＞＝、﹦ 等写法"))
        self.target = QLineEdit(self)
        self.unit = QLineEdit(self)
        self.actual = QLineEdit(self)
        self.weight = QLineEdit(self)
        self.score = QLineEdit(self)
        self.applicable = QCheckBox(self.tr("不适用"), self)
        self.reason = CommitText(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.reason.setPlaceholderText(self.tr("得分低于分值、或完成值远超指标值时须说明原因"))
        for edit in (self.weight, self.score):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 9 + 16)
        self.unit.setMaximumWidth(self.fontMetrics().horizontalAdvance("中") * 5 + 12)

        def caption(text: str, buddy: QWidget) -> QLabel:
            label = QLabel(text, self)
            label.setBuddy(buddy)
            return label

        grid.addWidget(caption(self.tr("一级"), self.level1), 0, 0)
        grid.addWidget(self.level1, 0, 1)
        grid.addWidget(caption(self.tr("二级"), self.level2), 0, 2)
        grid.addWidget(self.level2, 0, 3)
        grid.addWidget(self.applicable, 0, 4, 1, 2)
        grid.addWidget(caption(self.tr("三级指标"), self.name), 1, 0)
        grid.addWidget(self.name, 1, 1, 1, 5)
        grid.addWidget(caption(self.tr("性质"), self.comparator), 2, 0)
        grid.addWidget(self.comparator, 2, 1)
        grid.addWidget(caption(self.tr("指标值"), self.target), 2, 2)
        grid.addWidget(self.target, 2, 3)
        grid.addWidget(caption(self.tr("单位"), self.unit), 2, 4)
        grid.addWidget(self.unit, 2, 5)
        grid.addWidget(caption(self.tr("完成值"), self.actual), 3, 0)
        grid.addWidget(self.actual, 3, 1, 1, 3)
        score_line = QHBoxLayout()
        score_line.addWidget(caption(self.tr("分值"), self.weight))
        score_line.addWidget(self.weight)
        score_line.addWidget(caption(self.tr("得分"), self.score))
        score_line.addWidget(self.score)
        grid.addLayout(score_line, 3, 4, 1, 2)
        grid.addWidget(caption(self.tr("偏差原因"), self.reason), 4, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.reason, 4, 1, 1, 5)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 3)

        self._lines: dict[str, QLineEdit] = {"name": self.name, "target": self.target,
                                             "unit": self.unit, "actual": self.actual,
                                             "weight": self.weight, "score": self.score}
        for name, edit in self._lines.items():
            edit.setObjectName(f"indicator_{name}")
            edit.editingFinished.connect(lambda n=name, e=edit: self._commit_line(n, e))
        self.level1.activated.connect(lambda _i: self._commit("level1", self.level1.currentText()))
        self.level2.activated.connect(lambda _i: self._commit("level2", self.level2.currentText()))
        self.comparator.activated.connect(lambda _i: self._commit_comparator())
        line = self.comparator.lineEdit()
        if line is not None:
            line.editingFinished.connect(self._commit_comparator)
        self.applicable.clicked.connect(lambda on: self._commit("applicable", not on))
        self.reason.editingFinished.connect(self._commit_reason)
        self.show_row(-1)

    @property
    def row(self) -> int:
        return self._row

    def widget_for(self, part: str) -> QWidget | None:
        """The field a finding about ``part`` of the indicator points at."""
        if part == "reason":
            return self.reason
        return self._lines.get(part)

    def flush(self) -> None:
        """Commit what is typed but not yet committed (the form is leaving this project)."""
        for name, edit in self._lines.items():
            self._commit_line(name, edit)
        if self.reason.document().isModified():
            self.reason.document().setModified(False)
            self._commit("reason", self.reason.toPlainText())

    def _commit(self, name: str, value: object) -> None:
        if 0 <= self._row < self._model.rowCount():
            self._model.set_field(self._row, name, value)

    def _commit_line(self, name: str, edit: QLineEdit) -> None:
        if edit.isModified():
            edit.setModified(False)
            self._commit(name, edit.text())

    def _commit_reason(self) -> None:
        self.reason.document().setModified(False)
        self._commit("reason", self.reason.toPlainText())

    def _commit_comparator(self) -> None:
        indicators = self._model.indicators()
        if not 0 <= self._row < len(indicators):
            return
        text = self.comparator.currentText()
        line = self.comparator.lineEdit()
        if line is not None:
            line.setModified(False)
        current = indicators[self._row].comparator
        if parse_comparator(text) == current and (text.strip() or current is None):
            # Normalise the spelling shown (">=" → "≥") without an undo step.
            self.comparator.setCurrentText("" if current is None else current.value)
            return
        self._commit("comparator", text)

    def show_row(self, row: int) -> None:
        """Show indicator ``row`` (-1: none); a field being typed in keeps its text."""
        indicators = self._model.indicators()
        self._row = row if 0 <= row < len(indicators) else -1
        enabled = self._row >= 0
        for child in (self.level1, self.level2, self.comparator, self.applicable, self.reason,
                      *self._lines.values()):
            child.setEnabled(enabled)
        if not enabled:
            # Nothing of the indicator shown before stays: its computed score, its colours and
            # tooltips (a new table showed «计算 9.00» and an amber 偏差原因 of the last file).
            for edit in self._lines.values():
                edit.clear()
            self.reason.set_text("")
            self.comparator.setCurrentText("")
            line = self.comparator.lineEdit()
            if line is not None:
                line.setPlaceholderText("")
            self.applicable.setChecked(False)
            self.score.setPlaceholderText("")
            for widget in (*self._lines.values(), self.reason):
                widget.setStyleSheet("")
                widget.setToolTip("")
            return
        indicator = indicators[self._row]
        self.level1.setCurrentText(indicator.level1)
        self.level2.clear()
        self.level2.addItems([c.level2 for c in CATEGORIES if c.level1 == indicator.level1])
        self.level2.setCurrentText(indicator.level2)
        line = self.comparator.lineEdit()
        if line is None or not line.isModified():
            self.comparator.setCurrentText("" if indicator.comparator is None else
                                           indicator.comparator.value)
        inferred = indicator_comparator(indicator).value
        if line is not None:
            line.setPlaceholderText(f"（{inferred}）")
        self.applicable.setChecked(not indicator.applicable)
        texts = {"name": indicator.name, "target": indicator.target, "unit": indicator.unit,
                 "actual": indicator.actual,
                 "weight": "" if indicator.weight is None else f"{indicator.weight:f}",
                 "score": "" if indicator.score is None else f"{indicator.score:f}"}
        for name, edit in self._lines.items():
            if not (edit.hasFocus() and edit.isModified()) and edit.text() != texts[name]:
                edit.setText(texts[name])
                edit.setCursorPosition(0)
        score_cell = self._model.index(self._row, COLUMN_OF["score"])
        computed = self._model.data(score_cell, Qt.ItemDataRole.DisplayRole)
        overridden = indicator.score is not None and indicator.applicable
        if computed:
            placeholder = self.tr("计算 %1").replace("%1", str(computed))
        elif indicator.applicable and needs_target(indicator):
            # "20件" done and no target: say what is missing instead of a silent «—».
            placeholder = self.tr("请填写年度指标值")
        else:
            placeholder = self.tr("自动计算")
        self.score.setPlaceholderText(placeholder)
        self.score.setStyleSheet("QLineEdit { color: #1f5fbf; font-weight: bold; }" if overridden
                                 else "")
        self.score.setToolTip(str(self._model.data(score_cell, Qt.ItemDataRole.ToolTipRole) or ""))
        if not (self.reason.hasFocus() and self.reason.document().isModified()):
            self.reason.set_text(indicator.reason)
        self._paint_findings()

    def _paint_findings(self) -> None:
        for name, widget in (("target", self.target), ("actual", self.actual),
                             ("weight", self.weight), ("reason", self.reason)):
            cell = self._model.index(self._row, COLUMN_OF[name])
            brush = self._model.data(cell, Qt.ItemDataRole.BackgroundRole)
            tip = self._model.data(cell, Qt.ItemDataRole.ToolTipRole)
            kind = "QPlainTextEdit" if widget is self.reason else "QLineEdit"
            widget.setStyleSheet(f"{kind} {{ background: {brush.color().name()}; }}"
                                 if isinstance(brush, QBrush) else "")
            widget.setToolTip(str(tip or ""))


class IndicatorEditor(QWidget):
    """Add, remove and reorder indicators; the table above, the current one's fields below."""

    def __init__(self, model: IndicatorModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        buttons = QHBoxLayout()
        self.category = QComboBox(self)
        for category in CATEGORIES:
            self.category.addItem(f"{category.level1[:-2]} · {category.level2}", category.key)
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category.setMinimumContentsLength(6)
        self.category.setToolTip(self.tr("新指标的一级、二级指标"))
        self.add_button = QPushButton(self.tr("添加"), self)
        self.remove_button = QPushButton(self.tr("删除"), self)
        self.up_button = QPushButton(self.tr("上移"), self)
        self.down_button = QPushButton(self.tr("下移"), self)
        buttons.addWidget(self.category, 1)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            # Beside the table on a 1024 px screen the form is narrow: the buttons may give up
            # the style's padding, never their words.
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text()) + 14)
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.view = QTableView(self)
        self.view.setObjectName("indicatorTable")
        self.view.setModel(model)
        self.view.setItemDelegate(ChoiceDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMN_OF["name"], QHeaderView.ResizeMode.Stretch)
        char = self.fontMetrics().horizontalAdvance("中")
        widths = {"level1": 5, "level2": 5, "comparator": 2.5, "target": 5, "unit": 4, "actual": 5,
                  "weight": 3.2, "score": 3.2, "reason": 12, "applicable": 3}
        for name, chars in widths.items():
            self.view.setColumnWidth(COLUMN_OF[name], int(chars * char) + 12)
        layout.addWidget(self.view, 1)
        self.detail = IndicatorDetail(model, self)
        layout.addWidget(self.detail)
        self.set_compact(True)

        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._current_changed(current.row()))
        model.modelReset.connect(self._model_reset)
        self._wanted_row = -1

    def set_compact(self, compact: bool) -> None:
        """Beside the table only the columns one reads at a glance; the detail pane has the rest.
        As a window of its own the form shows every column."""
        for name in ("level1", "unit", "reason", "applicable"):
            self.view.setColumnHidden(COLUMN_OF[name], compact)

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, COLUMN_OF["name"]))
            self.view.scrollTo(self.view.currentIndex())
        self.detail.show_row(self.current_row())
        self._update_buttons()

    def _current_changed(self, row: int) -> None:
        self._wanted_row = row
        self.detail.show_row(row)
        self._update_buttons()
        if 0 <= row < self.model.rowCount():
            category = self.model.indicators()[row].category
            self.category.setCurrentIndex(self.category.findData(category))

    def _model_reset(self) -> None:
        # A reset (every edit is one) loses the current row: put it back where it was.
        row = min(self._wanted_row, self.model.rowCount() - 1)
        blocker = self.view.selectionModel().blockSignals(True)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, COLUMN_OF["name"]))
        self.view.selectionModel().blockSignals(blocker)
        self.detail.show_row(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_project = self.model.uid is not None
        row = self.current_row()
        count = self.model.rowCount()
        self.add_button.setEnabled(has_project)
        self.category.setEnabled(has_project)
        self.remove_button.setEnabled(0 <= row < count)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)

    def add(self) -> None:
        category = str(self.category.currentData())
        row = self.current_row()
        indicators = self.model.indicators()
        after = row if 0 <= row < len(indicators) and indicators[row].category == category else None
        if after is None:
            same = [k for k, i in enumerate(indicators) if i.category == category]
            after = same[-1] if same else None
        self._after_edit(self.model.add(category, after))
        self.detail.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()}
                      or ({self.current_row()} - {-1}))
        if rows and self.model.remove(rows):
            self._after_edit(min(rows[0], self.model.rowCount() - 1))

    def move_current(self, delta: int) -> None:
        row = self.current_row()
        if self.model.move(row, delta):
            self._after_edit(row + delta)

    def _after_edit(self, row: int | None) -> None:
        if row is not None:
            self._wanted_row = row
            self.select_row(row)

    def show_category(self, category: str) -> None:
        """Select the category's first indicator (the one the clerk came from the table for)."""
        self.category.setCurrentIndex(self.category.findData(category))
        rows = [k for k, i in enumerate(self.model.indicators()) if i.category == category]
        if rows:
            self._wanted_row = rows[0]
            self.select_row(rows[0])
            self.view.selectionModel().select(
                self.model.index(rows[0], 0),
                self.view.selectionModel().SelectionFlag.ClearAndSelect
                | self.view.selectionModel().SelectionFlag.Rows)
            for row in rows[1:]:
                self.view.selectionModel().select(
                    self.model.index(row, 0),
                    self.view.selectionModel().SelectionFlag.Select
                    | self.view.selectionModel().SelectionFlag.Rows)


_PART_NAMES = {"weight": "分值", "score": "得分", "reason": "偏差原因分析及改进措施",
               "target": "年度指标值", "actual": "实际完成值"}


def indicator_place(key: str) -> str | None:
    """Where a scoring finding points, for a clerk: "indicator:3.reason" → "第4个指标/偏差原因…"."""
    if not key.startswith("indicator:"):
        return None
    index, _, part = key.removeprefix("indicator:").partition(".")
    if not index.isdigit():
        return None
    place = _tr("第 %1 个指标").replace("%1", str(int(index) + 1))
    return f"{place}/{_tr(_PART_NAMES[part])}" if part in _PART_NAMES else place


def findings_of(doc: Document, uid: int) -> list[Finding]:
    """Every finding about project ``uid`` (cells, row, scores) in the checker's order."""
    return list(doc.findings.checker.for_project(uid))


def severity_of(found: list[Finding]) -> Severity | None:
    if not found:
        return None
    return Severity.ERROR if any(f.is_error for f in found) else Severity.WARNING


__all__ = [
    "COLUMNS",
    "COLUMN_OF",
    "CommitText",
    "IndicatorDetail",
    "IndicatorEditor",
    "IndicatorModel",
    "findings_of",
    "format_score",
    "indicator_place",
    "parse_points",
    "set_indicator_field",
    "severity_of",
]
