"""Parts of the appointment editor: "with whom" linked to People, the weekly repeat, and
the time that may not be known."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time, timedelta

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.domain.appointment_list import repeat_words
from recovery_desktop.domain.appointments import (
    MAX_EVERY_WEEKS,
    MAX_TEXT,
    AppointmentError,
    WeeklyRepeat,
)
from recovery_desktop.ui.dates import from_qdate, sensible_dates, to_qdate
from recovery_desktop.ui.widgets.counted_spin import count_unit
from recovery_desktop.ui.widgets.status_line import line_height

REPEAT_WEEKS = 12  # a new repeat runs until 12 weeks after the first day unless changed
DEFAULT_TIME = time(10, 0)

Match = Callable[[str], str | None]  # the uid of the one contact of that name, else None


def date_field(name: str, day: date, parent: QWidget) -> QDateEdit:
    """A date field with a calendar, written "Tue 1 Dec 2026"."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("ddd d MMM yyyy")
    edit.setAccessibleName(name)
    sensible_dates(edit)
    edit.setDate(to_qdate(day))
    return edit


def hint_line(accessible_name: str, parent: QWidget) -> QLabel:
    """A line of small print that keeps one line's room while empty and wraps a long text
    (a long name from People) rather than cutting it."""
    label = QLabel(parent)
    label.setObjectName("hintLabel")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(accessible_name)
    label.setMinimumHeight(line_height(label))
    return label


class TimeField(QWidget):
    """A clock time, or "Time not known" ticked (then :meth:`value` is None)."""

    def __init__(self, at: time | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        shown = at or DEFAULT_TIME
        self.edit = QTimeEdit(QTime(shown.hour, shown.minute), self)
        self.edit.setDisplayFormat("HH:mm")
        self.edit.setAccessibleName("Time")
        self.unknown = QCheckBox("Time &not known", self)
        self.unknown.toggled.connect(lambda ticked: self.edit.setEnabled(not ticked))
        self.unknown.setChecked(at is None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.unknown)
        layout.addStretch(1)

    def value(self) -> time | None:
        if self.unknown.isChecked():
            return None
        chosen = self.edit.time()
        return time(chosen.hour(), chosen.minute())


class WithWhomField(QWidget):
    """The person as typed, completed from People's names, with a line saying whether it
    links to a contact: "Linked to Sam in People"."""

    def __init__(self, text: str, names: Sequence[str], match: Match, parent: QWidget) -> None:
        super().__init__(parent)
        self.names = list(names)
        self.match = match
        self.edit = QLineEdit(text, self)
        self.edit.setAccessibleName("With whom")
        self.edit.setMaxLength(MAX_TEXT)
        self.edit.setPlaceholderText("Optional: a name from People links the two")
        completer = QCompleter(self.names, self.edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edit.setCompleter(completer)
        self.link = hint_line("Link to People", self)
        self.edit.textChanged.connect(lambda _t: self._show_link())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.link)
        self._show_link()

    def text(self) -> str:
        return self.edit.text().strip()

    def contact_uid(self) -> str | None:
        """The uid of the one contact in People named as typed, else None."""
        return self.match(self.text()) if self.text() else None

    def _show_link(self) -> None:
        typed = self.text().casefold()
        same = [n for n in self.names if n.strip().casefold() == typed] if typed else []
        if len(same) > 1:
            self.link.setText("Not linked: more than one person in People has this name.")
        elif self.contact_uid() is not None:
            self.link.setText(f"Linked to {same[0].strip() if same else self.text()} in People")
        else:
            self.link.clear()


class RepeatField(QWidget):
    """ "Repeat every [1 week] until [date]", off at first; the last day follows the
    first one (12 weeks on) until the user chooses it. Its grey line says what the repeat
    makes; ``problem`` carries what is wrong with it ("" once nothing is), for the editor's
    one error line."""

    problem = Signal(str)

    def __init__(self, first: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = first
        self.on = QCheckBox("&Repeat every", self)
        self.every = QSpinBox(self)
        self.every.setRange(1, MAX_EVERY_WEEKS)
        self.every.setAccessibleName("Repeat every so many weeks")
        count_unit(self.every, "week")
        self.until = date_field("Repeat until", first + timedelta(weeks=REPEAT_WEEKS), self)
        self._until_chosen = False
        self.until.dateChanged.connect(lambda _d: self._chosen())
        until_label = QLabel("&until", self)
        until_label.setBuddy(self.until)
        self.words = hint_line("What the repeat makes", self)
        row = QHBoxLayout()
        for widget in (self.on, self.every, until_label, self.until):
            row.addWidget(widget)
            row.addSpacing(2)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.words)
        self.on.toggled.connect(lambda _on: self._update())
        self.every.valueChanged.connect(lambda _n: self._update())
        self._update()

    def _chosen(self) -> None:
        self._until_chosen = True
        self._update()

    def first_changed(self, first: date) -> None:
        """The appointment's day changed: an untouched last day moves with it."""
        self.first = first
        if not self._until_chosen:
            self.until.blockSignals(True)
            self.until.setDate(to_qdate(first + timedelta(weeks=REPEAT_WEEKS)))
            self.until.blockSignals(False)
        self._update()

    def repeat(self) -> WeeklyRepeat | None:
        """The repeat chosen, None while "Repeat" is off (not checked)."""
        if not self.on.isChecked():
            return None
        return WeeklyRepeat(self.every.value(), from_qdate(self.until.date()))

    def _update(self) -> None:
        on = self.on.isChecked()
        self.every.setEnabled(on)
        self.until.setEnabled(on)
        repeat = self.repeat()
        words, problem = "", ""
        try:
            words = "" if repeat is None else f"Makes {repeat_words(self.first, repeat)}."
        except AppointmentError as error:
            problem = str(error)
        self.words.setText(words)
        self.problem.emit(problem)
