"""Read-only record tables shared by pages: one whole row selected at a time, Return or
double-click to edit, and a height that fits the rows so the page scrolls, not the table."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


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


MIN_COLUMN = 48  # pixels: a shortened column still shows a few letters


def fair_shares(wanted: dict[int, int], room: int) -> dict[int, int]:
    """Widths for columns that ask for ``wanted`` pixels sharing ``room``: a column gets
    what it asks for when that is no more than an equal share of what is left, so short
    columns show whole and only the longest are shortened (at least ``MIN_COLUMN``)."""
    widths: dict[int, int] = {}
    left = room
    for place, column in enumerate(sorted(wanted, key=lambda c: wanted[c])):
        share = left // (len(wanted) - place)
        widths[column] = max(MIN_COLUMN, min(wanted[column], share))
        left -= widths[column]
    return widths


class _ColumnShares(QObject):
    """Keeps ``view``'s columns sized: ``fixed`` ones as wide as their contents, the
    ``flexible`` ones sharing the rest fairly (:func:`fair_shares`): each whole when there
    is room; the longest shortened, whole in the tooltip, when not."""

    def __init__(self, view: QTableView, fixed: Sequence[int], flexible: Sequence[int]) -> None:
        super().__init__(view)
        self.view = view
        self.fixed = list(fixed)
        self.flexible = list(flexible)
        view.viewport().installEventFilter(self)
        view.model().modelReset.connect(self.share)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.share()
        return False

    def _wanted(self, column: int) -> int:
        header = self.view.horizontalHeader()
        return max(self.view.sizeHintForColumn(column), header.sectionSizeHint(column))

    def share(self) -> None:
        header = self.view.horizontalHeader()
        room = self.view.viewport().width()
        for column in self.fixed:
            header.resizeSection(column, self._wanted(column))
            room -= header.sectionSize(column)
        widths = fair_shares({column: self._wanted(column) for column in self.flexible}, room)
        if self.flexible:  # room left over goes to the first flexible column
            widths[self.flexible[0]] += max(0, room - sum(widths.values()))
        for column, width in widths.items():
            header.resizeSection(column, width)


def share_columns(view: QTableView, fixed: Sequence[int], flexible: Sequence[int]) -> None:
    """Size ``view``'s columns as :class:`_ColumnShares` says, now and at every resize or
    new contents; room left over goes to the first flexible column."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    _ColumnShares(view, fixed, flexible).share()
