"""A day's doses to tick: each expected dose (and each "as needed" dose logged that day)
on one row with its time, name and dose, where it is taken (methadone: "at the clinic" or
"take-home"), and two buttons, "Taken" and "Missed".

"Taken" records the time it was taken (now on today, else the scheduled time; the small
time field beside it changes it); pressing a chosen button again clears the tick. An "as
needed" dose has no time field: the minute it was logged is the dose (to change it, clear it
and log it again). A tick no schedule expects any more offers only clearing its mark. Each tick
is one committed ``MedicationRepository.mark_dose`` before the row shows it: the row is
read back from the journal after every change. A missed dose is information, in the same
neutral look as a taken one (docs/decisions.md "Medication and visits").

Keyboard: Tab and Shift+Tab go from button to time field to button; Space or Enter presses
a button; each button and field has an accessible name with the dose it is about.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.medication import DoseMark
from recovery_desktop.ui.widgets.status_line import EndElidedLine, StatusLine

if TYPE_CHECKING:
    from recovery_desktop.data.medication import MedicationRepository
    from recovery_desktop.domain.dose_day import DueDose

NO_DOSES = "No doses expected on this day."
ONLY_CLEAR = "This dose is no longer scheduled; you can clear the mark"
PRESS_AGAIN = "Pressed again, it clears the tick"
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def dose_words(dose: DueDose) -> str:
    """ "Buprenorphine · 16 mg film · take-home" (the parts the user gave)."""
    where = dose.where
    if dose.as_needed:
        where = "no longer scheduled" if dose.no_longer_scheduled else "as needed"
    return " · ".join(part for part in (dose.name, dose.dose.strip(), where) if part)


def dose_state(dose: DueDose) -> str:
    """The tick in words, for a screen reader: "taken at 08:10", "missed", "not ticked"."""
    if dose.mark is DoseMark.TAKEN:
        return f"taken at {dose.taken_at:%H:%M}" if dose.taken_at else "taken"
    return "missed" if dose.mark is DoseMark.MISSED else "not ticked yet"


class TickButton(QPushButton):
    """A checkable button in the segmented look that Enter presses as well as Space."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setCheckable(True)
        self.setProperty("segment", True)
        self.setProperty("compact", True)  # a list row, lower than a form's choice
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in _ENTER_KEYS and plain:
            self.click()
            return
        super().keyPressEvent(event)


class DoseRow:
    """The widgets of one dose in the list's grid; ``show`` puts a (re-read) dose in them."""

    def __init__(self, dose: DueDose, parent: QWidget) -> None:
        self.dose = dose
        self.time = QLabel(f"{dose.at:%H:%M}", parent)
        self.words = EndElidedLine(parent)
        self.taken = TickButton("Taken", parent)
        self.taken_at = QTimeEdit(parent)
        self.taken_at.setDisplayFormat("HH:mm")
        self.taken_at.setKeyboardTracking(False)
        self.taken_at.setProperty("compact", True)
        policy = self.taken_at.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the Missed buttons stay in one column
        self.taken_at.setSizePolicy(policy)
        self.missed = TickButton("Missed", parent)
        self.show(dose)

    @property
    def key(self) -> tuple[int, time]:
        return self.dose.medication_id, self.dose.at

    def widgets(self) -> tuple[QWidget, ...]:
        return self.time, self.words, self.taken, self.taken_at, self.missed

    def show(self, dose: DueDose) -> None:
        self.dose = dose
        self.words.set_whole(dose_words(dose))
        about = f"{dose.name} at {dose.at:%H:%M}"
        state = dose_state(dose)
        self.taken.setChecked(dose.mark is DoseMark.TAKEN)
        self.taken.setAccessibleName(f"Taken: {about}")
        self.taken.setAccessibleDescription(state)
        self.missed.setChecked(dose.mark is DoseMark.MISSED)
        self.missed.setAccessibleName(f"Missed: {about}")
        self.missed.setAccessibleDescription(state)
        # as needed is never missed; a tick no longer scheduled shows and clears its mark
        self.missed.setVisible(not dose.as_needed or dose.no_longer_scheduled)
        for button, mark in ((self.taken, DoseMark.TAKEN), (self.missed, DoseMark.MISSED)):
            only_clear = dose.no_longer_scheduled and dose.mark is not mark
            button.setEnabled(not only_clear)
            button.setToolTip(ONLY_CLEAR if only_clear else PRESS_AGAIN)
        self.taken_at.setAccessibleName(f"Time taken: {about}")
        # an as-needed dose is the minute it was logged: no second time to edit
        self.taken_at.setVisible(dose.mark is DoseMark.TAKEN and not dose.as_needed)
        shown = dose.taken_at or dose.at
        self.taken_at.blockSignals(True)
        self.taken_at.setTime(QTime(shown.hour, shown.minute))
        self.taken_at.blockSignals(False)
        self.words.setAccessibleName(f"{about}, {state}")


class DoseList(QWidget):
    """The doses of one day (``show_day``), read again by ``refresh``; see the module's
    note. ``marked`` after each tick the journal committed."""

    marked = Signal()

    def __init__(
        self,
        medication: MedicationRepository,
        parent: QWidget | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.medication = medication
        self._now = now or datetime.now
        self.day = self._now().date()
        self.rows: list[DoseRow] = []
        self.setAccessibleName("Doses of the day")
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(4)
        self._grid.setColumnStretch(1, 1)
        self.empty = QLabel(NO_DOSES, self)
        self.empty.setObjectName("hintLabel")
        self.empty.hide()
        self.status = StatusLine("Doses status", self)
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._grid)
        layout.addWidget(self.empty)
        layout.addWidget(self.status)
        layout.addStretch(1)

    @property
    def doses(self) -> list[DueDose]:
        """The doses shown, as last read from the journal."""
        return [row.dose for row in self.rows]

    def show_day(self, day: date) -> None:
        """Show ``day``'s doses."""
        self.day = day
        self.status.clear()
        self.status.hide()
        self.refresh()

    def refresh(self) -> None:
        """Read the day's doses again. Rows of the same doses are updated where they are,
        so the keyboard stays on the button it was on."""
        try:
            doses = self.medication.doses_on(self.day)
        except JournalError as error:
            self._say(str(error))
            return
        keys = [(dose.medication_id, dose.at) for dose in doses]
        if keys == [row.key for row in self.rows]:
            for row, dose in zip(self.rows, doses, strict=True):
                row.show(dose)
        else:
            self._rebuild(doses)
        self.empty.setVisible(not doses)

    def _rebuild(self, doses: list[DueDose]) -> None:
        had_focus = self.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        for row in self.rows:
            for widget in row.widgets():
                widget.hide()
                widget.deleteLater()
        self.rows = []
        for index, dose in enumerate(doses):
            row = DoseRow(dose, self)
            for column, widget in enumerate(row.widgets()):
                self._grid.addWidget(widget, index, column)
            self._connect(row)
            self.rows.append(row)
        self._tab_order()
        if had_focus and self.rows:
            self.rows[0].taken.setFocus()

    def _connect(self, row: DoseRow) -> None:
        row.taken.clicked.connect(lambda _checked=False, r=row: self._taken_pressed(r))
        row.missed.clicked.connect(lambda _checked=False, r=row: self._missed_pressed(r))
        row.taken_at.editingFinished.connect(lambda r=row: self._time_changed(r))

    def _tab_order(self) -> None:
        chain = [w for row in self.rows for w in (row.taken, row.taken_at, row.missed)]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # -- ticking -------------------------------------------------------------------------
    def _taken_pressed(self, row: DoseRow) -> None:
        if row.dose.mark is DoseMark.TAKEN:
            self._mark(row, None)
        else:
            self._mark(row, DoseMark.TAKEN, self._taken_time(row.dose))

    def _missed_pressed(self, row: DoseRow) -> None:
        self._mark(row, None if row.dose.mark is DoseMark.MISSED else DoseMark.MISSED)

    def _time_changed(self, row: DoseRow) -> None:
        chosen = row.taken_at.time()
        taken_at = time(chosen.hour(), chosen.minute())
        dose = row.dose
        if dose.mark is DoseMark.TAKEN and not dose.as_needed and taken_at != dose.taken_at:
            self._mark(row, DoseMark.TAKEN, taken_at)

    def _taken_time(self, dose: DueDose) -> time:
        """Now (to the minute) on today; the scheduled time on another day."""
        now = self._now()
        if self.day == now.date():
            return now.time().replace(second=0, microsecond=0)
        return dose.at

    def _mark(self, row: DoseRow, mark: DoseMark | None, taken_at: time | None = None) -> None:
        """One committed tick; the row shows what the journal holds afterwards (the old
        tick when it was refused)."""
        dose = row.dose
        try:
            self.medication.mark_dose(dose.medication_id, self.day, dose.at, mark, taken_at)
        except JournalError as error:
            self._say(f"Not saved: {error}")
            row.show(dose)
            return
        self.status.clear()
        self.status.hide()
        self.refresh()
        self.marked.emit()

    def _say(self, message: str) -> None:
        self.status.setText(message)
        self.status.show()
