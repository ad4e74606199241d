"""Small building blocks every page uses: its heading and a frameless scroll area."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QScrollArea, QWidget


def page_heading(text: str, parent: QWidget) -> QLabel:
    """A page's title; it wraps rather than being cut off on a narrow window."""
    label = QLabel(text, parent)
    label.setObjectName("pageHeading")
    label.setWordWrap(True)
    return label


def scroll_area(content: QWidget, parent: QWidget) -> QScrollArea:
    """``content`` in a frameless area that scrolls vertically when the window is small."""
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(content)
    return scroll


def ok_cancel(dialog: QDialog, ok_text: str, cancel_text: str | None = None) -> QDialogButtonBox:
    """The dialog's two buttons, wired to accept and reject, with the OK button named."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    if cancel_text is not None:
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def compact_combo(combo: QComboBox, characters: int = 14) -> QComboBox:
    """Size ``combo`` for about ``characters`` characters rather than its longest entry, so
    a long name the user typed (a trigger, a person) never widens the whole window."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


def tab_in_reading_order(parts: Sequence[QWidget]) -> None:
    """Tab visits ``parts`` in the order given and, inside each, its controls from top to
    bottom and left to right, as they appear on screen (not the order they were made in)."""
    chain: list[QWidget] = []
    for part in parts:
        inside = [
            w for w in part.findChildren(QWidget) if _takes_tab(w) and w.window() is part.window()
        ]
        if _takes_tab(part):
            inside.insert(0, part)
        inside.sort(key=lambda w: _position(w, part))
        chain.extend(inside)
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def _position(widget: QWidget, part: QWidget) -> tuple[int, int]:
    point = widget.mapTo(part, QPoint(0, 0))
    return point.y(), point.x()
