"""Choosing from lists the journal already holds: the Triggers & coping library's triggers
and coping steps, and the people on People. One small dialog with one or two lists."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.ui.widgets.layout import ok_cancel

VALUE_ROLE = Qt.ItemDataRole.UserRole


class PickDialog(QDialog):
    """One list per column, each of (shown text, value); ``multiple`` lets the user pick
    several in each list (Ctrl+click, Shift+click, Space). A list with nothing to pick says
    where to add some."""

    def __init__(
        self,
        title: str,
        columns: Sequence[tuple[str, Sequence[tuple[str, str]], str]],
        ok_text: str,
        multiple: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.lists: list[QListWidget] = []
        row = QHBoxLayout()
        for heading, choices, empty in columns:
            column = QVBoxLayout()
            label = QLabel(heading, self)
            view = QListWidget(self)
            view.setAccessibleName(heading)
            view.setWordWrap(True)  # a long name wraps; the list never scrolls sideways
            view.setSpacing(1)
            view.setResizeMode(QListWidget.ResizeMode.Adjust)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            label.setBuddy(view)
            mode = QAbstractItemView.SelectionMode
            view.setSelectionMode(mode.ExtendedSelection if multiple else mode.SingleSelection)
            for text, value in choices:
                item = QListWidgetItem(text, view)
                item.setData(VALUE_ROLE, value)
                item.setToolTip(text)
            column.addWidget(label)
            column.addWidget(view, 1)
            if not choices:
                note = QLabel(empty, self)
                note.setObjectName("hintLabel")
                note.setWordWrap(True)
                column.addWidget(note)
            row.addLayout(column, 1)
            self.lists.append(view)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        buttons = ok_cancel(self, ok_text)
        layout.addWidget(buttons)
        # Nothing picked yet: the button waits (a click did nothing, without a word).
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        for view in self.lists:
            view.itemSelectionChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(min(560, 280 * len(columns) + 40), 360)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(any(view.selectedItems() for view in self.lists))

    def chosen(self) -> list[list[str]]:
        """The values picked in each list, in the list's order."""
        return [
            [
                view.item(row).data(VALUE_ROLE)
                for row in range(view.count())
                if view.item(row).isSelected()
            ]
            for view in self.lists
        ]


def pick(dialog: PickDialog) -> list[list[str]] | None:
    """Show ``dialog``; the values picked in each list, or None if cancelled."""
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()
    finally:
        dialog.deleteLater()
