"""Small building blocks every page uses: its heading and a frameless scroll area."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QScrollArea, QWidget


def page_heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("pageHeading")
    return label


def scroll_area(content: QWidget, parent: QWidget) -> QScrollArea:
    """``content`` in a frameless area that scrolls vertically when the window is small."""
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(content)
    return scroll
