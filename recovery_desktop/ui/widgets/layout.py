"""Small building blocks every page uses: its heading, a frameless scroll area, and
throwing away widgets a page rebuilds."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QScrollArea,
    QWidget,
)


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


def discard(widget: QWidget) -> None:
    """Hide ``widget`` now and delete it later. ``deleteLater`` alone leaves it painted under
    its replacement until the event loop runs again, which a message box (its own loop)
    puts off for as long as it is open."""
    widget.hide()
    widget.deleteLater()


def clear_layout(layout: QLayout) -> None:
    """Take every item out of ``layout``; its widgets are hidden at once and deleted later."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            discard(widget)


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
