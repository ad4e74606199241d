"""The schedule part of the medication dialog: how it repeats, the times of day, the days
of the week, every how many days or weeks and from which day the count starts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.domain.medication import MAX_EVERY, MAX_TIMES_A_DAY, Repeat, Schedule
from recovery_desktop.domain.wording import noun
from recovery_desktop.ui.dates import from_qdate, sensible_dates, to_qdate
from recovery_desktop.ui.pages.medication.weekdays import WeekdayBoxes
from recovery_desktop.ui.widgets.layout import clear_layout

REPEATS = (
    ("On chosen days of the week", Repeat.WEEKDAYS),
    ("Every so many days", Repeat.EVERY_N_DAYS),
    ("Every so many weeks", Repeat.EVERY_N_WEEKS),
    ("As needed (never counted as missed)", Repeat.AS_NEEDED),
)
PAST_DAYS_KEEP = "Past days keep the schedule they had; the new one applies from today."
FIRST_TIME = time(8, 0)


class TimeRows(QWidget):
    """The times of day, one time field each with its own Remove button, and "Add a
    time" under them (at most ``MAX_TIMES_A_DAY``). ``changed`` after every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: list[QTimeEdit] = []
        self.rows = QVBoxLayout()
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton("Add a &time", self)
        self.add_button.clicked.connect(self.add_time)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.rows)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        column.addLayout(add_row)

    def times(self) -> tuple[time, ...]:
        return tuple(time(f.time().hour(), f.time().minute()) for f in self.fields)

    def set_times(self, times: tuple[time, ...]) -> None:
        while self.fields:
            self._remove(self.fields[-1])
        for at in sorted(times):
            self._add(at)
        self._update()

    def add_time(self) -> None:
        """A new time field, an hour after the last one, with the keyboard in it."""
        last = self.times()[-1] if self.fields else None
        field = self._add(time((last.hour + 1) % 24, last.minute) if last else FIRST_TIME)
        field.setFocus()
        self._update()
        self.changed.emit()

    def _add(self, at: time) -> QTimeEdit:
        field = QTimeEdit(QTime(at.hour, at.minute), self)
        field.setDisplayFormat("HH:mm")
        field.setAccessibleName(f"Time of day {len(self.fields) + 1}")
        field.timeChanged.connect(lambda _t: self.changed.emit())
        remove = QPushButton("Remove", self)
        remove.setAccessibleName(f"Remove time {len(self.fields) + 1}")
        remove.clicked.connect(lambda: self._remove_by_user(field))
        row = QHBoxLayout()
        row.addWidget(field)
        row.addWidget(remove)
        row.addStretch(1)
        self.rows.addLayout(row)
        for widget in (field, remove):  # at once, so the new time can take the keyboard
            widget.show()
        self.fields.append(field)
        return field

    def _remove_by_user(self, field: QTimeEdit) -> None:
        self._remove(field)
        self._update()
        (self.fields[-1] if self.fields else self.add_button).setFocus()
        self.changed.emit()

    def _remove(self, field: QTimeEdit) -> None:
        index = self.fields.index(field)
        self.fields.pop(index)
        item = self.rows.takeAt(index)
        row = item.layout() if item is not None else None
        if row is not None:
            clear_layout(row)

    def _update(self) -> None:
        self.add_button.setEnabled(len(self.fields) < MAX_TIMES_A_DAY)
        for number, field in enumerate(self.fields, 1):
            field.setAccessibleName(f"Time of day {number}")


class ScheduleFields(QGroupBox):
    """Edits a :class:`Schedule`; only the fields the chosen repeat uses are shown.
    ``editing`` (an existing medication's schedule): a change says past days keep theirs."""

    changed = Signal()

    def __init__(self, schedule: Schedule, editing: bool, parent: QWidget | None = None):
        super().__init__("Schedule", parent)
        self._original = schedule if editing else None
        self.repeat = QComboBox(self)
        self.repeat.setAccessibleName("Repeat")
        for text, repeat in REPEATS:
            self.repeat.addItem(text, repeat)
        self.times = TimeRows(self)
        self.weekdays = WeekdayBoxes("Days of the week", self)
        self.every = QSpinBox(self)
        self.every.setRange(1, MAX_EVERY)
        self.every.setAccessibleName("Every how many")
        self.anchor = sensible_dates(QDateEdit(self))
        self.anchor.setCalendarPopup(True)
        self.anchor.setDisplayFormat("ddd d MMM yyyy")
        self.anchor.setAccessibleName("First day of the count")
        self.past_note = QLabel(PAST_DAYS_KEEP, self)
        self.past_note.setObjectName("hintLabel")
        self.past_note.setWordWrap(True)
        self._build()
        self.set_schedule(schedule)
        for signal in (
            self.repeat.currentIndexChanged,
            self.times.changed,
            self.weekdays.toggled,
            self.every.valueChanged,
            self.anchor.dateChanged,
        ):
            signal.connect(lambda *_: self._edited())

    def _build(self) -> None:
        self.every_row = QWidget(self)
        every = QHBoxLayout(self.every_row)
        every.setContentsMargins(0, 0, 0, 0)
        self.every_unit = QLabel("counting from", self.every_row)
        for widget in (QLabel("Every", self.every_row), self.every, self.every_unit, self.anchor):
            every.addWidget(widget)
        every.addStretch(1)
        self.form = QFormLayout(self)
        self.form.addRow("&Repeat:", self.repeat)
        self.form.addRow("Times:", self.times)
        self.form.addRow("Days:", self.weekdays)
        self.form.addRow("", self.every_row)
        self.form.addRow(self.past_note)

    def set_schedule(self, schedule: Schedule) -> None:
        self.repeat.setCurrentIndex(self.repeat.findData(schedule.repeat))
        self.times.set_times(schedule.times or (FIRST_TIME,))
        self.weekdays.set_days(schedule.weekdays or frozenset(range(7)))
        self.every.setValue(schedule.every)
        self.anchor.setDate(to_qdate(schedule.anchor or date.today()))
        self._edited()

    def schedule(self) -> Schedule:
        """The schedule as the fields describe it (not validated); the fields hidden for
        the chosen repeat are left out."""
        repeat: Repeat = self.repeat.currentData()
        if repeat is Repeat.AS_NEEDED:
            return Schedule(repeat)
        if repeat is Repeat.WEEKDAYS:
            return Schedule(repeat, self.times.times(), self.weekdays.days())
        anchor = from_qdate(self.anchor.date())
        return Schedule(repeat, self.times.times(), every=self.every.value(), anchor=anchor)

    def start_count_on(self, day: date) -> None:
        """The start date changed: the first day of the count follows it (a new
        medication only; an existing one keeps its count)."""
        if self._original is None:
            self.anchor.setDate(to_qdate(day))

    def _edited(self) -> None:
        repeat: Repeat = self.repeat.currentData()
        rows = {
            self.times: repeat is not Repeat.AS_NEEDED,
            self.weekdays: repeat is Repeat.WEEKDAYS,
            self.every_row: repeat in (Repeat.EVERY_N_DAYS, Repeat.EVERY_N_WEEKS),
        }
        for widget, shown in rows.items():
            self.form.setRowVisible(widget, shown)
        unit = "week" if repeat is Repeat.EVERY_N_WEEKS else "day"
        self.every.setSuffix(f" {noun(self.every.value(), unit)}")
        changed = self._original is not None and _same(self.schedule()) != _same(self._original)
        self.form.setRowVisible(self.past_note, changed)
        self.changed.emit()


def _same(schedule: Schedule) -> Schedule:
    """``schedule`` with its times in clock order, to compare two schedules."""
    return replace(schedule, times=tuple(sorted(schedule.times)))
