"""Main window (shell): report library | outline | text. The UI asks the core and renders; it parses nothing."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QLabel, QMainWindow, QPlainTextEdit, QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from viewer.core.errors import ReportError
from viewer.core.loader import load_report
from viewer.core.model import Report, Section

ROLE_LABELS = {
    "notice": "印发通知", "preamble": "开头", "review": "工作回顾", "plan_multi_year": "五年目标",
    "plan_year": "年度工作", "targets": "预期目标", "problems": "困难问题", "self_building": "自身建设",
    "closing": "结束语", "glossary": "名词解释", "other": "",
}


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("报告对照 Report Compare"))
        self.reports: list[Report] = []
        self.errors: list[str] = []

        self.library = QTreeWidget()
        self.library.setHeaderLabels([self.tr("地区"), self.tr("年份"), self.tr("标题")])
        self.library.setRootIsDecorated(False)
        self.library.currentItemChanged.connect(self._on_report_selected)

        self.outline = QTreeWidget()
        self.outline.setHeaderLabels([self.tr("章节"), self.tr("类型")])
        self.outline.itemClicked.connect(self._on_section_clicked)

        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.meta_label = QLabel()
        self.meta_label.setWordWrap(True)
        right = QWidget()
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.meta_label)
        lay.addWidget(self.text)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.library)
        split.addWidget(self.outline)
        split.addWidget(right)
        split.setSizes([330, 380, 700])
        self.setCentralWidget(split)

    # -- loading -----------------------------------------------------------------------------------------------
    def load_files(self, paths: list[Path]) -> None:
        for path in paths:
            try:
                report = load_report(path)
            except ReportError as exc:
                self.errors.append(str(exc))
                continue
            self.reports.append(report)
            m = report.meta
            item = QTreeWidgetItem([m.district, str(m.year or ""), m.title or report.name])
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setToolTip(2, report.path)
            self.library.addTopLevelItem(item)
        for col in range(3):
            self.library.resizeColumnToContents(col)
        msg = self.tr("已加载 %n 份报告", "", len(self.reports))
        if self.errors:
            msg += " — " + "; ".join(self.errors)
        self.statusBar().showMessage(msg)
        if self.reports and self.library.currentItem() is None:
            self.library.setCurrentItem(self.library.topLevelItem(0))

    # -- views -------------------------------------------------------------------------------------------------
    def _on_report_selected(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        if current is None:
            return
        report = self.reports[self.library.indexOfTopLevelItem(current)]
        m = report.meta
        self.meta_label.setText(f"<b>{m.title}</b><br>{m.date}　{m.session}　{m.office} {m.speaker}　{m.doc_number}")
        self.text.setPlainText(report.text)
        self.outline.clear()
        for s in report.sections:
            self.outline.addTopLevelItem(self._section_item(s))
        self.outline.expandToDepth(0)
        self.outline.resizeColumnToContents(0)

    def _section_item(self, s: Section) -> QTreeWidgetItem:
        label = f"{s.number}{'、' if s.level == 1 and s.number else ' '}{s.title}".strip()
        item = QTreeWidgetItem([label or ROLE_LABELS.get(s.role, s.role), ROLE_LABELS.get(s.role, "")])
        item.setData(0, Qt.ItemDataRole.UserRole, s.start)
        for c in s.children:
            item.addChild(self._section_item(c))
        return item

    def _on_section_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        offset = item.data(0, Qt.ItemDataRole.UserRole)
        cursor = self.text.textCursor()
        cursor.setPosition(int(offset))
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()
