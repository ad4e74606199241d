"""Choosing one day: ◀, a date field with a calendar, ▶ and Today, as Today and My day
show them. Days after today are refused (the field stops at today, ▶ is off on today);
days before ``dates.EARLIEST_DAY`` too (the field stops there, ◀ is off on it), so the
day shown never leaves the range the journal keeps."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QPushButton, QWidget

from recovery_desktop.domain.dates import EARLIEST_DAY
from recovery_desktop.ui.dates import from_qdate, sensible_dates, to_qdate


class DayPicker(QWidget):
    """Emits ``day_chosen(date)`` when the user picks a day up to today; :meth:`show_day`
    shows a day without emitting. ``today_text`` labels the Today button (its Alt key)."""

    day_chosen = Signal(object)

    def __init__(
        self, accessible_name: str, today_text: str = "T&oday", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.day = date.today()
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setAccessibleName(accessible_name)
        sensible_dates(self.date_edit, date.today())
        # Undo and redo belong to the page (My day's changes), not to the field's text.
        self.date_edit.installEventFilter(self)
        self.date_edit.lineEdit().installEventFilter(self)
        self.date_edit.dateChanged.connect(lambda q: self.choose(from_qdate(q)))
        self.previous_button = QPushButton("◀", self)
        self.previous_button.setAccessibleName("Previous day")
        self.previous_button.setToolTip("Previous day (Alt+Left)")
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QPushButton("▶", self)
        self.next_button.setAccessibleName("Next day")
        self.next_button.setToolTip("Next day (Alt+Right)")
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button = QPushButton(today_text, self)
        self.today_button.clicked.connect(lambda: self.choose(date.today()))
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(36)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.previous_button, self.date_edit, self.next_button, self.today_button):
            row.addWidget(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The date field lets Undo and Redo pass to the page's shortcuts: it has nothing
        useful to undo, and would otherwise swallow Ctrl+Z."""
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and (
            isinstance(event, QKeyEvent) and _undo_or_redo(event)
        ):
            event.ignore()  # not taken as the field's own key: the shortcut runs
            return True
        return super().eventFilter(watched, event)

    def add_shortcuts(self, page: QWidget) -> None:
        """Alt+Left and Alt+Right step a day back and on anywhere in ``page``."""
        for keys, delta in (("Alt+Left", -1), ("Alt+Right", 1)):
            shortcut = QShortcut(QKeySequence(keys), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=delta: self.step(d))

    def step(self, days: int) -> None:
        """``days`` on (negative: back), stopped at the first and the last day allowed."""
        earliest = EARLIEST_DAY.toordinal()
        self.choose(date.fromordinal(max(earliest, self.day.toordinal() + days)))

    def choose(self, day: date) -> None:
        """The user picked ``day``: told unless it is the one shown or outside the days
        allowed (before ``EARLIEST_DAY``, after today)."""
        if day != self.day and allowed(day):
            self.day_chosen.emit(day)

    def show_day(self, day: date) -> None:
        """Show ``day`` (and today's limits) without telling anyone."""
        self.day = day
        self.date_edit.blockSignals(True)
        self.date_edit.setMaximumDate(to_qdate(date.today()))
        self.date_edit.setDate(to_qdate(day))
        self.date_edit.blockSignals(False)
        self.next_button.setEnabled(day < date.today())
        self.previous_button.setEnabled(day > EARLIEST_DAY)

    def set_today(self, today: date) -> None:
        """The local date changed: the field's limit and ▶ follow."""
        self.date_edit.setMaximumDate(to_qdate(today))
        self.next_button.setEnabled(self.day < today)


def allowed(day: date) -> bool:
    """A day a day page may show: from ``EARLIEST_DAY`` to today."""
    return EARLIEST_DAY <= day <= date.today()


def _undo_or_redo(event: QKeyEvent) -> bool:
    return event.matches(QKeySequence.StandardKey.Undo) or event.matches(
        QKeySequence.StandardKey.Redo
    )
