"""The 提法 tab: the phrase lifecycle of the checked reports (one row per phrase: its state in the chosen
district — new, dropped, carried — first and last year, and its count in each report), filtered by district,
state, boilerplate and text; below it the classified edits (intensity, qualifier, number), each kind in its own
colour. A click on an edit asks for its aligned row (``row_requested``); a double click on a phrase for its first
occurrence (``source_requested``)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex,
                            QSortFilterProxyModel, Qt, Signal)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QSplitter, QTableView,
    QVBoxLayout, QWidget,
)

from viewer.core.phrases import (ALL_DISTRICTS, CARRIED, DROPPED, EDIT_KINDS, KIND_COLOURS, NEW, TERM, Edit,
                                 Lifecycle)
from viewer.ui.compare_model import STYLES

if TYPE_CHECKING:
    from viewer.ui.phrase_tabs import PhraseData

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CTX = "PhrasesPanel"
STATE_LABELS = {NEW: QT_TRANSLATE_NOOP(CTX, "新出现"), DROPPED: QT_TRANSLATE_NOOP(CTX, "已消失"),
                CARRIED: QT_TRANSLATE_NOOP(CTX, "延续"), "absent": QT_TRANSLATE_NOOP(CTX, "未出现")}
STATE_COLOURS = {NEW: STYLES["insert"][0], DROPPED: STYLES["delete"][0]}
KIND_NAMES = {"intensity": QT_TRANSLATE_NOOP(CTX, "力度"), "qualifier": QT_TRANSLATE_NOOP(CTX, "限定词"),
              "number": QT_TRANSLATE_NOOP(CTX, "数值")}
DIRECTION_NAMES = {"stronger": QT_TRANSLATE_NOOP(CTX, "加强"), "weaker": QT_TRANSLATE_NOOP(CTX, "减弱"),
                   "firmer": QT_TRANSLATE_NOOP(CTX, "收紧"), "softer": QT_TRANSLATE_NOOP(CTX, "放宽"),
                   "up": QT_TRANSLATE_NOOP(CTX, "上调"), "down": QT_TRANSLATE_NOOP(CTX, "下调"),
                   "": QT_TRANSLATE_NOOP(CTX, "改变")}
CONTEXT_HEADER = QT_TRANSLATE_NOOP(CTX, "最近一次出现")
SOURCE_NAMES = {TERM: QT_TRANSLATE_NOOP(CTX, "政策词"), "ngram": QT_TRANSLATE_NOOP(CTX, "常用短语")}


def t(text: str) -> str:
    return QCoreApplication.translate(CTX, text) if text else ""


def snippet(text: str, start: int, length: int, around: int = 24) -> str:
    """The sentence (clause run) around ``text[start:start + length]``, at most ``around`` characters each side."""
    stops = "。；！？\n"
    lo = max((text.rfind(c, max(0, start - around), start) for c in stops), default=-1) + 1
    lo = max(lo, start - around)
    hi_candidates = [k for c in stops if (k := text.find(c, start + length, start + length + around)) >= 0]
    hi = min(hi_candidates) + 1 if hi_candidates else min(len(text), start + length + around)
    return ("…" if lo > 0 and text[lo - 1] not in stops else "") + text[lo:hi].strip() + \
        ("" if hi >= len(text) or text[hi - 1] in stops else "…")


def report_label(life: Lifecycle, i: int, short: bool) -> str:
    r = life.reports[i]
    return str(r.year) if short and r.year else r.label


class LifecycleModel(QAbstractTableModel):
    """The phrases of one group: fixed columns, then one count column per report of the group (by year)."""

    FIXED = (QT_TRANSLATE_NOOP(CTX, "提法"), QT_TRANSLATE_NOOP(CTX, "状态"), QT_TRANSLATE_NOOP(CTX, "首见"),
             QT_TRANSLATE_NOOP(CTX, "末见"), QT_TRANSLATE_NOOP(CTX, "来源"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.life: Lifecycle | None = None
        self.reports: list = []           # the Report objects of ``life.reports`` (for the context column)
        self.group = 0
        self.rows: list = []
        self.columns: list[int] = []      # report indices of the count columns
        self.max_count = 1

    def set_view(self, life: Lifecycle | None, group: int, state: str | None, hide_boilerplate: bool,
                 text: str, reports: list | None = None) -> None:
        self.beginResetModel()
        self.life, self.group, self.reports = life, group, list(reports or [])
        if life is None:
            self.rows, self.columns = [], []
        else:
            g = life.groups[group]
            self.columns = list(g.reports)
            self.rows = [p for p in life.phrases
                         if p.statuses[group].present
                         and (state is None or p.statuses[group].state == state)
                         and not (hide_boilerplate and p.boilerplate)
                         and (not text or text in p.text)]
            self.max_count = max((p.counts[i] for p in self.rows for i in self.columns), default=1) or 1
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.FIXED) + len(self.columns) + 1

    @property
    def context_column(self) -> int:
        return len(self.FIXED) + len(self.columns)

    def context(self, row: int) -> str:
        """The phrase in its sentence, in the latest report of the group that has it."""
        p = self.rows[row]
        i = p.statuses[self.group].last_seen
        if i is None or i >= len(self.reports):
            return ""
        return snippet(self.reports[i].text, p.first_offsets[i], len(p.text))

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or self.life is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section < len(self.FIXED):
                return t(self.FIXED[section])
            if section == self.context_column:
                return t(CONTEXT_HEADER)
            short = self.life.groups[self.group].name != ALL_DISTRICTS
            return report_label(self.life, self.columns[section - len(self.FIXED)], short)
        if role == Qt.ItemDataRole.ToolTipRole and len(self.FIXED) <= section < self.context_column:
            r = self.life.reports[self.columns[section - len(self.FIXED)]]
            return f"{r.label} — {r.name}"
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.life is None:
            return None
        p = self.rows[index.row()]
        s = p.statuses[self.group]
        col = index.column()
        life = self.life
        short = life.groups[self.group].name != ALL_DISTRICTS
        if col == self.context_column:
            return self.context(index.row()) if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE) else None
        if col >= len(self.FIXED):
            count = p.counts[self.columns[col - len(self.FIXED)]]
            if role == Qt.ItemDataRole.DisplayRole:
                return str(count) if count else "·"
            if role == SORT_ROLE:
                return count
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == Qt.ItemDataRole.BackgroundRole and count:
                shade = QColor("#1a73e8")
                shade.setAlphaF(0.10 + 0.45 * min(1.0, count / self.max_count))
                return QBrush(shade)
            return None
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if col == 0:
                return p.text
            if col == 1:
                return t(STATE_LABELS[s.state]) if role == Qt.ItemDataRole.DisplayRole else s.state
            if col in (2, 3):
                i = s.first_seen if col == 2 else s.last_seen
                if role == SORT_ROLE:
                    return (life.reports[i].year or 0) if i is not None else 0
                return report_label(life, i, short) if i is not None else ""
            if col == 4:
                return t(SOURCE_NAMES[p.source])
        if role == Qt.ItemDataRole.BackgroundRole and col == 1 and s.state in STATE_COLOURS:
            return QBrush(QColor(STATE_COLOURS[s.state]))
        if role == Qt.ItemDataRole.ForegroundRole and col == 0 and p.boilerplate:
            return QBrush(QColor("#80868b"))
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            counts = "，".join(f"{life.reports[i].label} {p.counts[i]}" for i in range(len(p.counts)) if p.counts[i])
            note = QCoreApplication.translate(CTX, "（套话）") if p.boilerplate else ""
            return f"{p.text}{note}\n{counts}"
        return None

    def phrase(self, row: int):
        return self.rows[row]


class EditsModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP(CTX, "变化类型"), QT_TRANSLATE_NOOP(CTX, "方向"), QT_TRANSLATE_NOOP(CTX, "对照报告"),
               QT_TRANSLATE_NOOP(CTX, "涉及指标"), QT_TRANSLATE_NOOP(CTX, "原表述"), QT_TRANSLATE_NOOP(CTX, "新表述"),
               QT_TRANSLATE_NOOP(CTX, "新语句"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.edits: list[Edit] = []
        self.reports: list = []

    def set_edits(self, edits: list[Edit], reports: list) -> None:
        self.beginResetModel()
        self.edits, self.reports = list(edits), list(reports)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.edits)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return t(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.edits[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            ra, rb = self.reports[e.a], self.reports[e.b]
            if col == 6:
                _sa, sb = e.sentence_texts(self.reports)
                return sb if len(sb) <= 80 else sb[:80] + "…"
            return (t(KIND_NAMES[e.kind]), t(DIRECTION_NAMES.get(e.direction, "")),
                    f"{ra.meta.district}{ra.meta.year or ''}→{rb.meta.year or rb.name}", e.indicator,
                    e.before or "∅", e.after or "∅")[col]
        if role == Qt.ItemDataRole.BackgroundRole and col in (0, 4, 5):
            return QBrush(QColor(KIND_COLOURS[e.kind]))
        if role == Qt.ItemDataRole.ToolTipRole:
            sa, sb = e.sentence_texts(self.reports)
            return f"{sa}\n→\n{sb}"
        return None

    def edit(self, row: int) -> Edit:
        return self.edits[row]


class PhrasesPanel(QWidget):
    row_requested = Signal(str, int, int, int)      # row id, report column, start, end
    source_requested = Signal(str, int, int)        # report name, start, end

    def __init__(self, data: PhraseData, parent=None) -> None:
        super().__init__(parent)
        self.data = data
        self.district_combo = QComboBox()
        self.state_combo = QComboBox()
        for key, text in ((None, self.tr("全部提法")), (NEW, self.tr("仅新出现")), (DROPPED, self.tr("仅已消失")),
                          (CARRIED, self.tr("仅延续"))):
            self.state_combo.addItem(text, key)
        self.boilerplate_box = QCheckBox(self.tr("隐藏套话"))
        self.boilerplate_box.setToolTip(self.tr("每份报告都有的提法、政治套语和仪式性段落中的提法"))
        self.boilerplate_box.setChecked(True)
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("筛选提法…"))
        self.text_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        bar = QHBoxLayout()
        for w in (QLabel(self.tr("地区")), self.district_combo, self.state_combo, self.boilerplate_box):
            bar.addWidget(w)
        bar.addWidget(self.text_edit, 1)
        bar.addWidget(self.count_label)

        self.model = LifecycleModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = _table(self.proxy)
        self.table.doubleClicked.connect(self._on_phrase_activated)

        self.kind_boxes: dict[str, QCheckBox] = {}
        edits_bar = QHBoxLayout()
        self.edits_label = QLabel()
        edits_bar.addWidget(self.edits_label)
        for kind in EDIT_KINDS:
            box = QCheckBox(t(KIND_NAMES[kind]))
            box.setChecked(True)
            box.setStyleSheet(f"QCheckBox {{ background:{KIND_COLOURS[kind]}; padding:2px 6px; border-radius:3px; }}")
            box.toggled.connect(self._fill_edits)
            self.kind_boxes[kind] = box
            edits_bar.addWidget(box)
        edits_bar.addStretch(1)
        self.edits_model = EditsModel(self)
        self.edits_proxy = QSortFilterProxyModel(self)
        self.edits_proxy.setSourceModel(self.edits_model)
        self.edits_proxy.setSortRole(SORT_ROLE)
        self.edits_table = _table(self.edits_proxy)
        self.edits_table.clicked.connect(self._on_edit_clicked)
        self.edits_table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)

        lower = QWidget()
        lower_lay = QVBoxLayout(lower)
        lower_lay.setContentsMargins(0, 4, 0, 0)
        lower_lay.addLayout(edits_bar)
        lower_lay.addWidget(self.edits_table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setSizes([600, 300])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(split, 1)

        self.district_combo.currentIndexChanged.connect(self._refilter)
        self.state_combo.currentIndexChanged.connect(self._refilter)
        self.boilerplate_box.toggled.connect(self._refilter)
        self.text_edit.textChanged.connect(self._refilter)
        data.changed.connect(self._on_changed)
        data.busy_changed.connect(self._on_busy)
        self._on_changed()

    # -- model -> view ---------------------------------------------------------------------------------------
    def _on_changed(self) -> None:
        life = self.data.life
        current = self.district_combo.currentData()
        self.district_combo.blockSignals(True)
        self.district_combo.clear()
        if life is not None:
            for g in life.groups:
                self.district_combo.addItem(g.name or self.tr("全部地区"), g.name)
            names = [g.name for g in life.groups]
            if current in names:
                self.district_combo.setCurrentIndex(names.index(current))
            else:  # the district with the most years, the time view this tab is for
                best = max(range(len(names)), key=lambda i: (len(life.groups[i].stages), names[i] != ALL_DISTRICTS))
                self.district_combo.setCurrentIndex(best)
        self.district_combo.blockSignals(False)
        self._refilter()
        if self.data.error:
            self.count_label.setText(self.tr("计算失败：") + self.data.error)

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self.count_label.setText(self.tr("正在分析提法…"))

    def group_index(self) -> int:
        life = self.data.life
        if life is None:
            return 0
        name = self.district_combo.currentData()
        return life.group_index(name) if name is not None and name in [g.name for g in life.groups] else 0

    def _refilter(self) -> None:
        life = self.data.life
        g = self.group_index()
        self.model.set_view(life, g, self.state_combo.currentData(), self.boilerplate_box.isChecked(),
                            self.text_edit.text().strip(), self.data.reports)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(max(self.table.columnWidth(0), 160), 320))
        header.setSectionResizeMode(self.model.context_column, QHeaderView.ResizeMode.Stretch)
        if life is None:
            self.count_label.setText("")
        else:
            st = [p.statuses[g] for p in life.phrases if not (self.boilerplate_box.isChecked() and p.boilerplate)]
            self.count_label.setText(
                self.tr("%1 条提法（新出现 %2，已消失 %3）").replace("%1", str(self.model.rowCount()))
                .replace("%2", str(sum(s.new for s in st))).replace("%3", str(sum(s.dropped for s in st))))
        self._fill_edits()

    def _fill_edits(self) -> None:
        life = self.data.life
        name = life.groups[self.group_index()].name if life is not None else ALL_DISTRICTS
        kinds = {k for k, b in self.kind_boxes.items() if b.isChecked()}
        reports = self.data.comparison.alignment.reports if self.data.comparison is not None else []
        edits = [e for e in self.data.edits if e.kind in kinds
                 and (name == ALL_DISTRICTS or reports[e.b].meta.district == name)]
        self.edits_model.set_edits(edits, list(reports))
        self.edits_table.resizeColumnsToContents()
        self.edits_table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        if self.data.comparison is None and life is not None:
            self.edits_label.setText(self.tr("勾选同一地区的至少两份报告，可查看措辞变化"))
        else:
            self.edits_label.setText(self.tr("措辞变化 %1 处").replace("%1", str(len(edits))))

    # -- clicks ----------------------------------------------------------------------------------------------
    def _on_edit_clicked(self, index: QModelIndex) -> None:
        e = self.edits_model.edit(self.edits_proxy.mapToSource(index).row())
        if e.b_span[1] > e.b_span[0]:
            self.row_requested.emit(e.row_id, e.b, *e.b_span)
        else:
            self.row_requested.emit(e.row_id, e.a, *e.a_span)

    def _on_phrase_activated(self, index: QModelIndex) -> None:
        life = self.data.life
        p = self.model.phrase(self.proxy.mapToSource(index).row())
        s = p.statuses[self.model.group]
        if life is None or s.last_seen is None:
            return
        i = s.last_seen
        start = p.first_offsets[i]
        self.source_requested.emit(life.reports[i].name, start, start + len(p.text))


def _table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the model's order until asked
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.setWordWrap(False)
    return table
