"""A gentle line with one button: where two records disagree, and one click to settle it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class ActionLine(QFrame):
    """A short sentence and one button; hidden until it has something to say."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyNote")
        self.setAccessibleName(name)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    def say(self, text: str, button: str) -> None:
        self.label.setText(text)
        self.button.setText(button)
        self.button.setAccessibleName(button.replace("&", ""))
        self.button.setAccessibleDescription(text)
        self.setAccessibleDescription(text)
        self.show()
