"""The left of the Journal page: search as you type, filters by tag and by dates, and the
entries, newest first (best first while searching), read a page at a time.

Keys: Down in the search box moves to the list, Enter in the list opens the entry, Escape
in the search box clears it. The search waits ``SEARCH_DELAY_MS`` after the last key, so
typing a word runs one search rather than one per letter."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.search_query import fts_query, highlight_terms
from recovery_desktop.ui.dates import sensible_dates
from recovery_desktop.ui.models.journal_entries_model import (
    ID_ROLE,
    Fetch,
    JournalEntriesModel,
)
from recovery_desktop.ui.pages.journal.entry_delegate import EntryDelegate

if TYPE_CHECKING:
    from recovery_desktop.data.journal_entries import JournalEntryRepository

SEARCH_DELAY_MS = 150
ALL_TAGS = "All tags"
NOTHING_YET = "No entries yet. Write your first one on the right."
NOTHING_FOUND = "Nothing found. Try fewer words, or other filters."
WRONG_WAY_ROUND = "The first day is after the second one: change one of them."


def _day(edit: QDateEdit) -> date:
    day = edit.date().toPython()
    assert isinstance(day, date)
    return day


class EntryList(QWidget):
    """Search, filters and the list. ``chosen(entry id)`` when an entry is opened (a click,
    or Enter)."""

    chosen = Signal(int)

    def __init__(self, entries: JournalEntryRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = entries
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search the journal (Ctrl+F)")
        self.search.setAccessibleName("Search the journal")
        self.search.setClearButtonEnabled(True)
        self.tag_filter = QComboBox(self)
        self.tag_filter.setAccessibleName("Show entries with the tag")
        self.dates = QCheckBox("Only between these &dates", self)
        self.dates.setToolTip("Show only entries written between these two days")
        self.first = self._date_edit("From", date.today().replace(day=1))
        self.last = self._date_edit("To", date.today())
        self.model = JournalEntriesModel()
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(EntryDelegate(self.view))
        self.view.setAccessibleName("Journal entries")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setWordWrap(True)
        self.empty = QLabel(NOTHING_YET, self)
        self.empty.setObjectName("hintLabel")
        self.empty.setWordWrap(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self._connect()
        self.read_tags()

    def _date_edit(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day), self)
        sensible_dates(edit)  # the days the journal keeps
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setAccessibleName(f"{name} day")
        edit.setEnabled(False)
        return edit

    def _build(self) -> None:
        dates = QHBoxLayout()
        dates.addWidget(self.first, 1)
        dates.addWidget(QLabel("to", self))
        dates.addWidget(self.last, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.tag_filter)
        layout.addWidget(self.dates)
        layout.addLayout(dates)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)

    def tab_chain(self) -> list[QWidget]:
        """The order Tab follows: search, tag, dates, the list."""
        return [self.search, self.tag_filter, self.dates, self.first, self.last, self.view]

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.installEventFilter(self)
        self.tag_filter.activated.connect(lambda _i: self.refresh())
        self.dates.toggled.connect(self._dates_toggled)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.view.clicked.connect(self._open)
        self.view.activated.connect(self._open)

    # -- filters -------------------------------------------------------------------------
    def _dates_toggled(self, on: bool) -> None:
        self.first.setEnabled(on)
        self.last.setEnabled(on)
        self.refresh()

    def date_range(self) -> tuple[date | None, date | None]:
        if not self.dates.isChecked():
            return None, None
        return _day(self.first), _day(self.last)

    def _wrong_way_round(self) -> bool:
        return self.dates.isChecked() and _day(self.first) > _day(self.last)

    def tag(self) -> str | None:
        data = self.tag_filter.currentData()
        return data if isinstance(data, str) else None

    def read_tags(self) -> list[str]:
        """Fill the tag filter with the tags in use, keeping the one chosen; returns them."""
        try:
            used = self.entries.tags()
        except JournalError:
            used = []
        chosen = self.tag()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(ALL_TAGS, None)
        for name, count in used:
            self.tag_filter.addItem(f"{name} ({count})", name)
        index = self.tag_filter.findData(chosen) if chosen is not None else 0
        self.tag_filter.setCurrentIndex(max(0, index))
        self.tag_filter.blockSignals(False)
        return [name for name, _count in used]

    def searching(self) -> bool:
        return fts_query(self.search.text()) is not None

    def terms(self) -> list[str]:
        """The searched words and phrases to mark, lowercase; [] when not searching."""
        return highlight_terms(self.search.text()) if self.searching() else []

    def _fetch(self) -> Fetch:
        text, tag = self.search.text(), self.tag()
        first, last = self.date_range()
        if fts_query(text) is None:
            return lambda offset, limit: self.entries.entries(tag, first, last, limit, offset)
        return lambda offset, limit: self.entries.search(text, tag, first, last, limit, offset)

    # -- the list ------------------------------------------------------------------------
    def refresh(self, keep: int | None = None, keep_place: bool = False) -> None:
        """Read the list again with the search and filters shown; ``keep`` (an entry id)
        stays selected when it is listed. ``keep_place`` (the same search, records changed)
        reads as many rows as were read, so a list scrolled far stays where it was; a new
        search or filter starts again from its first page."""
        self._timer.stop()
        if self._wrong_way_round():
            self.model.clear()
            self.empty.setText(WRONG_WAY_ROUND)
            self.empty.show()
            return
        at_least = self.model.rowCount() if keep_place else 0
        try:
            self.model.show(self._fetch(), self.terms(), at_least)
        except JournalError as error:
            self.model.clear()
            self.empty.setText(str(error))
            self.empty.show()
            return
        self.empty.setText(NOTHING_FOUND if self._filtered() else NOTHING_YET)
        self.empty.setVisible(self.model.rowCount() == 0)
        self.select(keep)

    def _filtered(self) -> bool:
        return self.searching() or self.tag() is not None or self.dates.isChecked()

    def select(self, entry_id: int | None) -> None:
        """Mark ``entry_id``'s row as the open one (no row when it is not listed)."""
        row = self.model.row_of(entry_id) if entry_id is not None else -1
        if row < 0:
            self.view.clearSelection()
            return
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _open(self, index: QModelIndex) -> None:
        entry_id = index.data(ID_ROLE)
        if isinstance(entry_id, int):
            self.chosen.emit(entry_id)

    # -- keys ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.view.setFocus(Qt.FocusReason.TabFocusReason)
                if not self.view.currentIndex().isValid():
                    self.view.setCurrentIndex(self.model.index(0))
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self.refresh()
                return True
        return False

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
