"""The fields of the daily check-in, every one optional and reachable by keyboard."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from recovery_desktop.domain import scales
from recovery_desktop.domain.checkin import (
    MAX_EXERCISE_MINUTES,
    MAX_SLEEP_HOURS,
    CheckIn,
    Halt,
)
from recovery_desktop.ui.widgets.action_line import ActionLine, NoteRow, beside
from recovery_desktop.ui.widgets.choice import ScaleInput, TriStateInput
from recovery_desktop.ui.widgets.optional_spin import OptionalDoubleSpinBox, OptionalSpinBox

WORD_WIDTH = 150  # the scale's word column, so it does not jump as words change
_SCALES = (
    ("&Mood", scales.MOOD),
    ("&Craving peak", scales.CRAVING),
    ("&Stress", scales.STRESS),
    ("&Energy", scales.ENERGY),
)
_YES_NO = (
    ("used", "&Used today"),
    ("meeting", "Meetin&g"),
    ("therapy", "&Therapy"),
    ("medication_taken", "Me&dication taken"),
)


class CheckInForm(QWidget):
    """Edits one :class:`CheckIn`; emits ``changed`` on every user edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._grid = QGridLayout(self)
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(10)
        self._grid.setColumnStretch(2, 1)
        self.scales: dict[str, ScaleInput] = {}
        self.words: dict[str, QLabel] = {}
        self._free: dict[str, NoteRow] = {}  # rows with free room for notes
        for text, scale in _SCALES:
            self._add_scale(text, scale)
        self.sleep_hours = OptionalDoubleSpinBox(MAX_SLEEP_HOURS, 0.5, "hour", self)
        self.sleep_hours.setAccessibleName("Sleep hours")
        self._row("S&leep last night", self._narrow(self.sleep_hours))
        self._add_scale("Sleep &quality", scales.SLEEP_QUALITY)
        self.halt = {h: QCheckBox(h.label, self) for h in Halt}
        self._row("&HALT today", self._halt_row())
        self.yes_no: dict[str, TriStateInput] = {}
        for name, text in _YES_NO:
            choice = TriStateInput(text.replace("&", ""), self)
            self.yes_no[name] = choice
            self._row(text, self._with_free_room(name, choice))
        self.exercise = OptionalSpinBox(MAX_EXERCISE_MINUTES, 5, "minute", self)
        self.exercise.setAccessibleName("Exercise minutes")
        self._row("E&xercise", self._narrow(self.exercise))
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(
            "Anything you want to remember about today. Only you can see this."
        )
        self.note.setAccessibleName("Note")
        self.note.setMinimumHeight(90)
        self._row("&Note", self.note, top=True)
        self._connect()

    def _row(self, text: str, widget: QWidget, top: bool = False) -> None:
        row = self._grid.rowCount()
        label = QLabel(text, self)
        label.setBuddy(widget)
        align = Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignVCenter
        self._grid.addWidget(label, row, 0, align)
        self._grid.addWidget(widget, row, 1, 1, 2)

    def _with_free_room(self, key: str, widget: QWidget) -> QWidget:
        """``widget`` at its natural width; the rest of the row is free for notes."""
        holder = beside(widget)
        self._free[key] = holder
        return holder

    def place_notes(self, key: str, *notes: ActionLine) -> None:
        """Put ``notes`` in the free room of the row for ``key`` ("used", "craving_peak"):
        beside the field they are about, one line high, so they never move another row."""
        self._free[key].add_notes(*notes)
        before: QWidget = self.scales.get(key) or self.yes_no[key]
        for note in notes:  # Tab reaches a note's button right after its field
            QWidget.setTabOrder(before, note.button)
            before = note.button

    def _narrow(self, widget: QWidget) -> QWidget:
        """A spin box at a comfortable width, not stretched across the page."""
        widget.setMinimumWidth(170)
        box = QWidget(self)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget)
        layout.addStretch(1)
        box.setFocusProxy(widget)
        return box

    def _add_scale(self, text: str, scale: scales.Scale) -> None:
        row = self._grid.rowCount()
        widget = ScaleInput(scale, self)
        word = QLabel(scale.describe(None), self)
        word.setObjectName("scaleWord")
        word.setWordWrap(True)  # two lines rather than clipped, when a note sits beside it
        free = self._with_free_room(scale.key, word)
        free.setMinimumWidth(WORD_WIDTH)
        label = QLabel(text, self)
        label.setBuddy(widget)
        label.setToolTip(scale.question)
        widget.setToolTip(scale.question)
        self._grid.addWidget(label, row, 0)
        self._grid.addWidget(widget, row, 1)
        self._grid.addWidget(free, row, 2)
        self.scales[scale.key] = widget
        self.words[scale.key] = word
        widget.valueChanged.connect(lambda _v, k=scale.key: self._update_word(k))

    def _halt_row(self) -> QWidget:
        box = QWidget(self)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for check in self.halt.values():
            layout.addWidget(check)
        hint = QLabel("Tick any you felt strongly.", box)
        hint.setObjectName("hintLabel")
        layout.addSpacing(12)
        layout.addWidget(hint)
        layout.addStretch(1)
        return box

    def _connect(self) -> None:
        for widget in (*self.scales.values(), *self.yes_no.values()):
            widget.valueChanged.connect(self._emit)
        for check in self.halt.values():
            check.toggled.connect(self._emit)
        self.sleep_hours.valueChanged.connect(self._emit)
        self.exercise.valueChanged.connect(self._emit)
        self.note.textChanged.connect(self._emit)

    def _emit(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def _update_word(self, key: str) -> None:
        self.words[key].setText(self.scales[key].describe())
        self._free[key].fit_notes()  # a longer word leaves a note less room

    def load(self, checkin: CheckIn) -> None:
        """Show a record without emitting ``changed``."""
        self._loading = True
        try:
            for key, widget in self.scales.items():
                widget.setValue(getattr(checkin, key))
                self._update_word(key)
            for name, choice in self.yes_no.items():
                choice.setValue(getattr(checkin, name))
            for halt, check in self.halt.items():
                check.setChecked(halt in checkin.halt)
            self.sleep_hours.set_optional_value(checkin.sleep_hours)
            self.exercise.set_optional_value(checkin.exercise_minutes)
            if self.note.toPlainText() != checkin.note:
                self.note.setPlainText(checkin.note)
        finally:
            self._loading = False

    def to_checkin(self, day: date) -> CheckIn:
        values = {key: widget.value() for key, widget in self.scales.items()}
        values.update({name: choice.value() for name, choice in self.yes_no.items()})
        return CheckIn(
            day=day,
            halt=frozenset(h for h, check in self.halt.items() if check.isChecked()),
            sleep_hours=self.sleep_hours.optional_value(),
            exercise_minutes=self.exercise.optional_value(),
            note=self.note.toPlainText(),
            **values,  # type: ignore[arg-type]
        )

    def first_field(self) -> QWidget:
        return self.scales["mood"]
