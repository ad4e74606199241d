"""Cravings: every logged craving, filtered by dates and trigger, with a summary of those shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.changes import Change
from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.journal import Journal
from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.cravings import Craving, summarise_cravings, summary_line
from recovery_desktop.domain.library import Kind
from recovery_desktop.domain.periods import Period, PeriodError, since
from recovery_desktop.ui.dates import from_qdate, sensible_dates, to_qdate
from recovery_desktop.ui.models.cravings_model import COL_HELPED, COL_TRIGGERS, CravingsModel
from recovery_desktop.ui.widgets.layout import compact_combo, page_heading
from recovery_desktop.ui.widgets.questions import ask
from recovery_desktop.ui.widgets.status_line import StatusLine
from recovery_desktop.ui.widgets.tables import edit_on_activate

DEFAULT_DAYS = 28

OpenPanel = Callable[[Craving | None], object]


class CravingsPage(QWidget):
    title = "Cravings"
    shows = frozenset({Change.CRAVINGS, Change.LIBRARY})  # the list and the trigger filter

    def __init__(self, journal: Journal, open_panel: OpenPanel, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.open_panel = open_panel
        self._range_day = date.today()  # the day the default range was made for
        self.model = CravingsModel()
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)  # it quotes names the user typed
        self.headline.setObjectName("summaryLine")
        self.headline.setAccessibleName("Summary of the cravings shown")
        self.message = StatusLine("Cravings status", self)
        self._build()
        self.refresh()

    @staticmethod
    def _default_range(today: date) -> tuple[date, date]:
        return today - timedelta(days=DEFAULT_DAYS - 1), today

    def _shown_range(self) -> tuple[date, date]:
        return from_qdate(self.start.date()), from_qdate(self.end.date())

    def day_changed(self, today: date) -> None:
        """The local date changed: the default range (the last 30 days) moves on with it,
        so a craving logged after midnight is listed; a range the user chose stays."""
        was_default = self._shown_range() == self._default_range(self._range_day)
        self._range_day = today
        if not was_default:
            return
        start, end = self._default_range(today)
        for edit, day in ((self.end, end), (self.start, start)):
            edit.setDate(to_qdate(day))

    def _build(self) -> None:
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        for edit, name, day in zip(
            (self.start, self.end),
            ("From", "To"),
            self._default_range(self._range_day),
            strict=True,
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(f"{name} date")
            sensible_dates(edit)
            edit.setDate(to_qdate(day))
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.trigger = compact_combo(QComboBox(self))
        self.trigger.setAccessibleName("Only cravings with this trigger")
        self.trigger.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the buttons, not cell to cell
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (COL_TRIGGERS, COL_HELPED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName("Cravings")
        edit_on_activate(self.table, self.edit_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout = QVBoxLayout(self)
        layout.addWidget(page_heading("Cravings", self))
        layout.addWidget(self.headline)
        layout.addLayout(self._filter_row())
        layout.addWidget(self.table, 1)
        layout.addLayout(self._button_row())
        layout.addWidget(self.message)

    def _filter_row(self) -> QHBoxLayout:
        everything = QPushButton("&All", self)
        everything.setAccessibleName("All dates")
        everything.setToolTip("From the first day in your journal to today")
        everything.clicked.connect(self.show_all)
        row = QHBoxLayout()
        row.addWidget(QLabel("From", self))
        row.addWidget(self.start)
        row.addWidget(QLabel("to", self))
        row.addWidget(self.end)
        row.addWidget(everything)
        row.addSpacing(16)
        row.addWidget(QLabel("Trigger:", self))
        row.addWidget(self.trigger, 1)
        return row

    def _button_row(self) -> QHBoxLayout:
        log = QPushButton("&Log a craving…", self)
        log.clicked.connect(lambda: self.open_panel(None))
        self.edit_button = QPushButton("&Edit…", self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton("&Delete…", self)
        self.delete_button.clicked.connect(self.delete_selected)
        row = QHBoxLayout()
        for button in (log, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _update_buttons(self) -> None:
        """Edit and Delete work on the chosen craving, so they wait for a choice."""
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # -- data ----------------------------------------------------------------------------
    def data_changed(self, _kinds: frozenset[Change]) -> None:
        """Cravings or the trigger names changed (see ``ui/change_signal.py``)."""
        self.refresh()

    def refresh(self) -> None:
        """Read the cravings for the filters again."""
        try:
            self._fill_triggers()
            period = self.period()
            cravings = self.journal.cravings.between(
                period.start, period.end, self.trigger.currentData()
            )
        except (JournalError, PeriodError) as error:
            self.message.setText(str(error))
            return
        self.model.set_cravings(cravings)
        self._update_buttons()
        trigger = self.trigger.currentText() if self.trigger.currentData() is not None else None
        line = summary_line(summarise_cravings(cravings), period, trigger, today=date.today())
        self.headline.setText(line)
        self.message.clear()

    def show_all(self) -> None:
        """Since the beginning: from the earliest record of any kind to today."""
        try:
            first = self.journal.first_day()
        except JournalError as error:
            self.message.setText(str(error))
            return
        everything = since(first or date.today(), date.today(), whole_weeks=False)
        for edit, day in ((self.start, everything.start), (self.end, everything.end)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)
        self.refresh()

    def period(self) -> Period:
        """The dates chosen above the list (put in order if they were swapped)."""
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        return Period(min(start, end), max(start, end))

    def _fill_triggers(self) -> None:
        chosen = self.trigger.currentData()
        self.trigger.blockSignals(True)
        self.trigger.clear()
        self.trigger.addItem("All triggers", None)
        for item in self.journal.library.items(Kind.TRIGGER, include_archived=True):
            self.trigger.addItem(item.name, item.id)
        index = self.trigger.findData(chosen)
        self.trigger.setCurrentIndex(max(0, index))
        self.trigger.blockSignals(False)

    def selected(self) -> Craving | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.craving_at(rows[0].row()) if rows else None

    def edit_selected(self) -> None:
        craving = self.selected()
        if craving is None:
            self.message.setText("Choose a craving in the list first.")
            return
        self.open_panel(craving)

    def delete_selected(self) -> None:
        craving = self.selected()
        if craving is None or craving.id is None:
            self.message.setText("Choose a craving in the list first.")
            return
        question = (
            "Delete the craving of "
            + date_text(craving.started_at, "%-d %B %Y at %H:%M")
            + "? This can't be undone. A lapse or reach-out recorded with it stays."
        )
        if not ask(self, "Delete this craving?", question):
            return
        try:
            self.journal.cravings.delete(craving.id)
        except JournalError as error:
            self.message.setText(str(error))
            return
        self.refresh()
        self.message.setText("Deleted.")

    def flush(self) -> bool:
        return True
