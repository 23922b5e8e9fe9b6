"""Texts of Qt's own file dialog that Qt's Chinese catalogue lacks (seen under Xvfb: "Look in:"
and "Files of type:" stayed English in the 添加文件夹 dialog). Listed here only so that lupdate
puts them, in Qt's context, into our catalogue, which the app loads beside Qt's: nothing imports
this module."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
