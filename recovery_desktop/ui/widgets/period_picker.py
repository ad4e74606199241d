"""Choose a summary period: an ISO week (with previous and next), any date range, or
"since my last session" (from the day after the last attended therapy or counselling
session to today, ``domain/sessions.py``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.periods import Period, default_summary_week, week_of, within_limits
from recovery_desktop.domain.session_today import ONLY_TODAY, attended_today
from recovery_desktop.domain.sessions import AppointmentDay, since_last_session_words
from recovery_desktop.ui.dates import from_qdate, sensible_dates, to_qdate

NO_SESSION = "No attended therapy or counselling session yet"
NO_SESSION_TIP = (
    "Mark a therapy or counselling appointment as attended on the Medication & visits "
    "page: the summary can then run from the day after it to today."
)
SessionPeriod = Callable[[date], "Period | None"]
SessionDays = Callable[[], "Sequence[AppointmentDay]"]


class PeriodPicker(QWidget):
    """Emits ``changed`` with the new :class:`Period` whenever the choice changes.

    ``since_last_session(today)`` (e.g. ``AppointmentRepository.since_last_session``) adds
    the choice "Since my last session"; it is read again by :meth:`refresh_session` and on
    a new day. Without an attended session the choice is greyed and says why; with
    ``session_days`` (``AppointmentRepository.session_days``) it tells apart a session
    attended only today."""

    changed = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        since_last_session: SessionPeriod | None = None,
        session_days: SessionDays | None = None,
    ) -> None:
        super().__init__(parent)
        self._since_last_session = since_last_session
        self._session_days = session_days
        self._session: Period | None = None
        self._default = default_summary_week(date.today())
        self._week = self._default
        self.week_mode = QRadioButton("&Week", self)
        self.range_mode = QRadioButton("&Dates", self)
        self.session_mode = QRadioButton("&Since my last session", self)
        self.session_label = QLabel(self)
        self.session_label.setWordWrap(True)
        self.session_label.setObjectName("hintLabel")
        self.session_label.setAccessibleName("Since my last session")
        self.week_mode.setChecked(True)
        self.previous = QPushButton("◀", self)
        self.previous.setAccessibleName("Previous week")
        self.previous.setToolTip("Previous week")
        self.next = QPushButton("▶", self)
        self.next.setAccessibleName("Next week")
        self.next.setToolTip("Next week")
        for button in (self.previous, self.next):
            button.setFixedWidth(34)
        self.week_label = QLabel(self)
        self.week_label.setWordWrap(True)
        self.week_label.setAccessibleName("Week shown")
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        for edit, name in ((self.start, "First day"), (self.end, "Last day")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(name)
        self._limit_dates(date.today())
        self._layout()
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next.clicked.connect(lambda: self._step(1))
        for mode in (self.week_mode, self.range_mode, self.session_mode):
            mode.toggled.connect(self._mode_toggled)
        self.start.dateChanged.connect(self._emit)
        self.end.dateChanged.connect(self._emit)
        for widget in (self.session_mode, self.session_label):
            widget.setVisible(since_last_session is not None)
        self.refresh_session(date.today())
        self._mode_changed()

    def _layout(self) -> None:
        week_row = QHBoxLayout()
        week_row.addWidget(self.previous)
        week_row.addWidget(self.week_label, 1)
        week_row.addWidget(self.next)
        range_row = QHBoxLayout()
        range_row.addWidget(self.start)
        range_row.addWidget(QLabel("to", self))
        range_row.addWidget(self.end)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.week_mode, 0, 0)
        grid.addLayout(week_row, 0, 1)
        grid.addWidget(self.range_mode, 1, 0)
        grid.addLayout(range_row, 1, 1)
        grid.addWidget(self.session_mode, 2, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.session_label, 3, 0, 1, 2)

    def period(self) -> Period:
        if self.session_mode.isChecked() and self._session is not None:
            return self._session
        if not self.range_mode.isChecked():
            return self._week
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        return Period(min(start, end), max(start, end))

    def set_week(self, week: Period) -> None:
        self._week = week_of(week.start)
        self.session_mode = QRadioButton("&Since my last session", self)
        self.session_label = QLabel(self)
        self.session_label.setWordWrap(True)
        self.session_label.setObjectName("hintLabel")
        self.session_label.setAccessibleName("Since my last session")
        self.week_mode.setChecked(True)
        self._update_week()
        self._emit()

    def day_changed(self, today: date) -> None:
        """The local date changed: the default week follows it unless the user picked
        another one, and the date fields and ▶ reach the new day."""
        self._limit_dates(today)
        self.refresh_session(today)
        default, self._default = self._default, default_summary_week(today)
        if self._week == default and self._week != self._default:
            self._week = self._default
            self._update_week()
            if self.week_mode.isChecked():
                self._emit()
            return
        self._enable_steps()

    def refresh_session(self, today: date) -> None:
        """Read the period since the last session again (appointments changed, or a new
        day): the words follow it, and while it is chosen the summary does too. Without a
        session the choice is greyed; if it was chosen, the week is chosen instead."""
        if self._since_last_session is None:
            return
        try:
            session, words = self._since_last_session(today), NO_SESSION
            if session is None and self._only_today(today):
                words = ONLY_TODAY
        except JournalError as error:
            session, words = None, f"Your appointments could not be read: {error}"
        if session is not None:
            words = since_last_session_words(session.start - timedelta(days=1), today)
        changed, self._session = session != self._session, session
        self.session_label.setText(words)
        self.session_mode.setEnabled(session is not None)
        self.session_mode.setToolTip("" if session else NO_SESSION_TIP)
        if self.session_mode.isChecked() and session is None:
            self.week_mode.setChecked(True)  # emits the week
        elif self.session_mode.isChecked() and changed:
            self._show_chosen_dates()
            self._emit()

    def _only_today(self, today: date) -> bool:
        return self._session_days is not None and attended_today(self._session_days(), today)

    def _limit_dates(self, today: date) -> None:
        """A range starts by today at the latest and may end with this week, so the greyed
        fields can show the current week whole (its summary then says "so far")."""
        sensible_dates(self.start, today)
        sensible_dates(self.end, week_of(today).end)

    def _step(self, weeks: int) -> None:
        """◀ and ▶: never before the first week of the journal's dates or after this one."""
        target = self._week.previous() if weeks < 0 else self._week.next()
        if within_limits(target) and target.start <= date.today():
            self._week = target
            self._update_week()
            self._emit()

    def _update_week(self) -> None:
        self.week_label.setText(self._week.label_on(date.today()))
        self._enable_steps()
        if not self.range_mode.isChecked():
            self._show_chosen_dates()

    def _enable_steps(self) -> None:
        week = self.week_mode.isChecked()
        self.previous.setEnabled(week and within_limits(self._week.previous()))
        self.next.setEnabled(week and self._week.next().start <= date.today())

    def _show_chosen_dates(self) -> None:
        """Keep the greyed date fields on the chosen week (or the period since the last
        session), so Dates starts from it."""
        chosen = self.period()
        for edit, day in ((self.start, chosen.start), (self.end, chosen.end)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)

    def _mode_toggled(self, on: bool) -> None:
        if on:  # the one chosen; the one left says so too
            self._mode_changed()

    def _mode_changed(self) -> None:
        self.week_label.setEnabled(self.week_mode.isChecked())
        for edit in (self.start, self.end):
            edit.setEnabled(self.range_mode.isChecked())
        self._update_week()
        self._emit()

    def _emit(self, *_args: object) -> None:
        self.changed.emit(self.period())
