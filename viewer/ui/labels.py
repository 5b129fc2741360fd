"""Display labels shared by the views, translatable (context "labels")."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from viewer.core.model import Section

ROLE_LABELS = {
    "notice": QT_TRANSLATE_NOOP("labels", "印发通知"),
    "preamble": QT_TRANSLATE_NOOP("labels", "开头"),
    "review": QT_TRANSLATE_NOOP("labels", "工作回顾"),
    "plan_multi_year": QT_TRANSLATE_NOOP("labels", "五年目标"),
    "plan_year": QT_TRANSLATE_NOOP("labels", "年度工作"),
    "targets": QT_TRANSLATE_NOOP("labels", "预期目标"),
    "problems": QT_TRANSLATE_NOOP("labels", "困难问题"),
    "self_building": QT_TRANSLATE_NOOP("labels", "自身建设"),
    "closing": QT_TRANSLATE_NOOP("labels", "结束语"),
    "glossary": QT_TRANSLATE_NOOP("labels", "名词解释"),
    "other": "",
}
KIND_LABELS = {
    "insert": QT_TRANSLATE_NOOP("labels", "新增"),
    "delete": QT_TRANSLATE_NOOP("labels", "删除"),
    "moved": QT_TRANSLATE_NOOP("labels", "移动"),
    "equal": QT_TRANSLATE_NOOP("labels", "重复提法"),
}


def tr_label(text: str) -> str:
    return QCoreApplication.translate("labels", text) if text else ""


def role_label(role: str) -> str:
    return tr_label(ROLE_LABELS.get(role, role))


def kind_label(kind: str) -> str:
    return tr_label(KIND_LABELS[kind])


def section_label(s: Section) -> str:
    """一、标题 / （一）标题 / 1.标题; an untitled section by its role (结束语)."""
    return s.label or role_label(s.role)
