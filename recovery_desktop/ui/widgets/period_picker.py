"""Choose a summary period: an ISO week (with previous and next) or any date range."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from recovery_desktop.domain.periods import Period, default_summary_week, week_of, within_limits
from recovery_desktop.ui.dates import from_qdate, sensible_dates, to_qdate


class PeriodPicker(QWidget):
    """Emits ``changed`` with the new :class:`Period` whenever the choice changes."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._default = default_summary_week(date.today())
        self._week = self._default
        self.week_mode = QRadioButton("&Week", self)
        self.range_mode = QRadioButton("&Dates", self)
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
        self.week_mode.toggled.connect(self._mode_changed)
        self.start.dateChanged.connect(self._emit)
        self.end.dateChanged.connect(self._emit)
        self._mode_changed(True)

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

    def period(self) -> Period:
        if self.week_mode.isChecked():
            return self._week
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        return Period(min(start, end), max(start, end))

    def set_week(self, week: Period) -> None:
        self._week = week_of(week.start)
        self.week_mode.setChecked(True)
        self._update_week()
        self._emit()

    def day_changed(self, today: date) -> None:
        """The local date changed: the default week follows it unless the user picked
        another one, and the date fields and ▶ reach the new day."""
        self._limit_dates(today)
        default, self._default = self._default, default_summary_week(today)
        if self._week == default and self._week != self._default:
            self._week = self._default
            self._update_week()
            if self.week_mode.isChecked():
                self._emit()
            return
        self._enable_steps()

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
        if self.week_mode.isChecked():
            self._show_week_dates()

    def _enable_steps(self) -> None:
        week = self.week_mode.isChecked()
        self.previous.setEnabled(week and within_limits(self._week.previous()))
        self.next.setEnabled(week and self._week.next().start <= date.today())

    def _show_week_dates(self) -> None:
        """Keep the greyed date fields on the chosen week, so Dates starts from it."""
        for edit, day in ((self.start, self._week.start), (self.end, self._week.end)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)

    def _mode_changed(self, week: bool) -> None:
        self.week_label.setEnabled(week)
        for edit in (self.start, self.end):
            edit.setEnabled(not week)
        self._update_week()
        self._emit()

    def _emit(self, *_args: object) -> None:
        self.changed.emit(self.period())
