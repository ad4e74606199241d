"""Read-only record tables shared by pages: one whole row selected at a time, Return or
double-click to edit, and a height that fits the rows so the page scrolls, not the table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


def record_table(model: QAbstractItemModel, accessible_name: str, parent: QWidget) -> QTableView:
    """A read-only table that selects one whole row at a time."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def edit_on_activate(view: QTableView, edit: Callable[[], object]) -> None:
    """Double-click, Return or Enter on ``view`` runs ``edit`` on the selected row."""
    view.doubleClicked.connect(lambda _index: edit())
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        shortcut = QShortcut(QKeySequence(key), view)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(edit)


def fit_rows(view: QTableView, rows: int, least: int = 3, most: int = 10) -> None:
    """Make ``view`` tall enough for ``rows`` rows (within limits) so the page scrolls, not it."""
    shown = max(least, min(most, rows))
    row_height = view.verticalHeader().defaultSectionSize()
    header = view.horizontalHeader().sizeHint().height()
    view.setFixedHeight(header + shown * row_height + 2 * view.frameWidth() + 2)
