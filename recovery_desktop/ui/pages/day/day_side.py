"""The column beside My day's timeline: what the day adds up to, the buttons for the
chosen block, and the usual days (save this day as the usual one for its weekday, fill an
empty day from it, copy yesterday). A day is only ever filled when the user asks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.appointment_words import block_line
from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.calendar_text import weekday_name
from recovery_desktop.domain.day_plan import DayBlock, WakingWindow, day_structure, minute_text
from recovery_desktop.domain.day_words import outside_line, structure_lines
from recovery_desktop.domain.wording import plural, shortened
from recovery_desktop.ui.pages.day.appointment_lane import KEPT_ELSEWHERE
from recovery_desktop.ui.widgets.questions import confirm
from recovery_desktop.ui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from recovery_desktop.data.day_plan import DayPlanRepository


def overlap_question(parent: QWidget, others: Sequence[DayBlock]) -> bool:
    """ "This overlaps Lunch (12:00–13:00). Keep both?": True to keep both."""
    names = " and ".join(
        f"{shortened(b.title)} ({minute_text(b.start)}–{minute_text(b.end)})" for b in others
    )
    both = "both" if len(others) == 1 else "them all"
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Overlapping blocks")
    box.setText(f"This overlaps {names}. Keep {both}?")
    box.setInformativeText("Blocks may overlap; the time they share is counted once.")
    keep = box.addButton(f"&Keep {both}", QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton("&Go back", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(back)
    box.exec()
    return box.clickedButton() is keep


def _button(text: str, tip: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setToolTip(tip)
    return button


class DaySide(QWidget):
    """See the module's note. ``filled(list of DayBlock)`` after the day was filled (one
    undo step for the page); ``failed(message)`` when the journal refused."""

    filled = Signal(object)
    failed = Signal(str)

    def __init__(self, plan: DayPlanRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.day = date.today()
        self.blocks: list[DayBlock] = []
        self.summary = QLabel(self)
        self.summary.setObjectName("summaryLine")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName("What the day adds up to")
        self.outside = QLabel(self)  # blocks the timeline cannot show: named here
        self.outside.setWordWrap(True)
        self.outside.setTextFormat(Qt.TextFormat.PlainText)
        self.outside.setAccessibleName("Blocks outside your waking day")
        self.outside.hide()
        self.appointment_line = QLabel(self)  # read-only here: kept on Medication & visits
        self.appointment_line.setWordWrap(True)
        self.appointment_line.setTextFormat(Qt.TextFormat.PlainText)
        self.appointment_line.setAccessibleName("Appointments of the day")
        self.appointment_line.hide()
        self.status = StatusLine("My day status", self)
        self.add_button = _button("&Add block…", "Add a block at the next free time (Insert)", self)
        self.edit_button = _button("&Edit…", "Change the chosen block (Enter)", self)
        self.done_button = _button("Mark &done", "Tick the chosen block done (Space)", self)
        self.delete_button = _button("De&lete", "Delete the chosen block (Delete)", self)
        self.undo_button = _button("U&ndo", "Take back the last change (Ctrl+Z)", self)
        self.save_usual = QPushButton(self)
        self.save_usual.clicked.connect(self.save_as_usual)
        self.fill_usual = QPushButton(self)
        self.fill_usual.clicked.connect(self.fill_from_usual)
        self.copy_yesterday = QPushButton("Cop&y yesterday", self)
        self.copy_yesterday.clicked.connect(self.copy_from_yesterday)
        self.usual_days = _button(
            "&Usual days…", "See and change the usual plan of each weekday", self
        )
        self._build()

    def _build(self) -> None:
        buttons = QGridLayout()
        buttons.addWidget(self.add_button, 0, 0)
        buttons.addWidget(self.edit_button, 0, 1)
        buttons.addWidget(self.done_button, 1, 0)
        buttons.addWidget(self.delete_button, 1, 1)
        buttons.addWidget(self.undo_button, 2, 0)
        usual = QGroupBox("Usual days", self)
        column = QVBoxLayout(usual)
        for button in (self.save_usual, self.fill_usual):
            column.addWidget(button)
        row = QHBoxLayout()
        row.addWidget(self.copy_yesterday)
        row.addWidget(self.usual_days)
        column.addLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.outside)
        layout.addWidget(self.appointment_line)
        layout.addLayout(buttons)
        layout.addWidget(usual)
        layout.addStretch(1)
        layout.addWidget(self.status)

    # -- what is shown -------------------------------------------------------------------
    def show_day(
        self, day: date, blocks: list[DayBlock], window: WakingWindow, day_over: bool
    ) -> None:
        self.day = day
        self.blocks = blocks
        structure = day_structure(blocks, window, day_over=day_over)
        self.summary.setText("\n".join(structure_lines(structure, window, day_over)))
        line = outside_line(blocks, window)
        self.outside.setText(line + (". Tab reaches them; Enter changes one." if line else ""))
        self.outside.setVisible(bool(line))
        self._show_usual_days()

    def show_appointments(self, appointments: Sequence[Appointment]) -> None:
        """Name the day's appointments (those without a time or outside the waking day
        too, which the timeline cannot draw)."""
        lines = "; ".join(block_line(a) for a in appointments)
        words = f"Appointments: {lines} (kept on Medication & visits)" if lines else ""
        self.appointment_line.setText(words)
        self.appointment_line.setVisible(bool(appointments))

    def appointment_chosen(self, appointment: Appointment) -> None:
        """A click on an appointment in the timeline: where it is changed."""
        self.status.setText(KEPT_ELSEWHERE)
        self.status.setAccessibleDescription(f"{block_line(appointment)}. {KEPT_ELSEWHERE}")

    def block_chosen(self, block: DayBlock | None, can_undo: bool) -> None:
        for button in (self.edit_button, self.done_button, self.delete_button):
            button.setEnabled(block is not None)
        self.done_button.setText("Mark not &done" if block and block.done else "Mark &done")
        self.undo_button.setEnabled(can_undo)

    def _show_usual_days(self) -> None:
        weekday = weekday_name(self.day)
        self.save_usual.setText(f"&Save as my usual {weekday}…")
        self.fill_usual.setText(f"&Fill from my usual {weekday}")
        empty = not self.blocks
        try:
            usual = self.plan.template(self.day.weekday())
            yesterday = self.plan.blocks(self.day - timedelta(days=1))
        except JournalError as error:
            self.status.setText(str(error))
            usual, yesterday = None, []
        self._allow(
            self.save_usual,
            "Add blocks to this day first." if empty else None,
            f"Keep this day's plan as the usual plan for a {weekday}",
        )
        has_usual = usual is not None and bool(usual.blocks)
        no_usual = f"You have no usual {weekday} yet: plan one, then save it as your usual one."
        self._allow(
            self.fill_usual,
            "This day already has a plan." if not empty else None if has_usual else no_usual,
            f"Put the blocks of your usual {weekday} into this day",
        )
        self._allow(
            self.copy_yesterday,
            "This day already has a plan."
            if not empty
            else None
            if yesterday
            else "Nothing was planned the day before.",
            "Put the day before's blocks into this day (without their ticks)",
        )

    @staticmethod
    def _allow(button: QPushButton, why_not: str | None, what: str) -> None:
        button.setEnabled(why_not is None)
        button.setToolTip(what if why_not is None else why_not)

    # -- usual days ----------------------------------------------------------------------
    def save_as_usual(self) -> None:
        weekday = weekday_name(self.day)
        try:
            usual = self.plan.template(self.day.weekday())
        except JournalError as error:
            self.failed.emit(str(error))
            return
        if usual is not None and usual.blocks:
            detail = (
                f"Your usual {weekday} has {plural(len(usual.blocks), 'block')}. This day's "
                f"{plural(len(self.blocks), 'block')} will take their place. Days already "
                "planned stay as they are."
            )
            question = f"Replace your usual {weekday} with this day?"
            if not confirm(self, f"Replace your usual {weekday}?", question, detail, "&Replace"):
                return
        try:
            self.plan.save_template(self.day.weekday(), [b.times for b in self.blocks])
        except JournalError as error:
            self.failed.emit(f"Not saved: {error}")
            return
        self.status.setText(f"Saved as your usual {weekday}.")

    def fill_from_usual(self) -> None:
        self._fill(lambda: self.plan.fill_from_template(self.day))

    def copy_from_yesterday(self) -> None:
        self._fill(lambda: self.plan.copy_day(self.day - timedelta(days=1), self.day))

    def _fill(self, fill: object) -> None:
        try:
            blocks = fill() if callable(fill) else []
        except JournalError as error:
            self.failed.emit(f"Not filled: {error}")
            return
        if blocks:
            self.filled.emit(blocks)
