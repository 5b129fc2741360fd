"""Files that could not be read: a status-bar button counting them, and a list of every one with its reason.

The status bar names the first few failures of a batch; this button keeps every failure the user has not looked
at yet (across batches, however many files were dropped) until the list is opened.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout


class LoadProblems(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.unseen: list[tuple[str, str]] = []  # (path, reason), oldest first
        self.button = QPushButton()
        self.button.setFlat(True)
        self.button.setObjectName("loadProblems")
        self.button.hide()
        self.button.clicked.connect(self.show_list)
        window.statusBar().addPermanentWidget(self.button)
        self.dialog: QDialog | None = None
        self.list: QListWidget | None = None

    def add(self, path: str, reason: str) -> None:
        self.unseen.append((path, reason))
        self.button.setText("⚠ " + self.tr("无法读取 %1 个文件").replace("%1", str(len(self.unseen))))
        self.button.setToolTip("\n".join(f"{Path(p).name}: {r}" for p, r in self.unseen[-20:]))
        self.button.show()

    def show_list(self) -> QDialog:
        """The list of unread files (non-modal); opening it clears the count."""
        if self.dialog is None:
            self.dialog = QDialog(self.window)
            self.dialog.setWindowTitle(self.tr("无法读取的文件"))
            self.dialog.resize(720, 360)
            layout = QVBoxLayout(self.dialog)
            layout.addWidget(QLabel(self.tr("下列文件没有加载，其余文件照常打开：")))
            self.list = QListWidget()
            self.list.setWordWrap(True)
            layout.addWidget(self.list)
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
            buttons.rejected.connect(self.dialog.close)
            layout.addWidget(buttons)
        assert self.list is not None
        self.list.clear()
        for path, reason in self.unseen:
            item = QListWidgetItem(f"{Path(path).name}: {reason}")
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.list.addItem(item)
        self.unseen = []
        self.button.hide()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def lines(self) -> list[str]:
        """What the open list shows, one line per file."""
        return [] if self.list is None else [self.list.item(i).text() for i in range(self.list.count())]
