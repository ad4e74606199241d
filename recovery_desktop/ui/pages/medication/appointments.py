"""The appointments half of Medication & visits: upcoming and past appointments in a list,
added, edited, marked (attended, missed, rescheduled) and deleted from it.

Keys in the list: Enter edits, Insert adds, Delete deletes (after asking); Ctrl+Z anywhere
in the panel brings back what was deleted last, through ``restore``. Every change is saved
(one transaction) before the status line says so. The page that holds the panel follows
``Change.APPOINTMENTS`` and calls :meth:`AppointmentsPanel.refresh` and, when the date
changes, :meth:`AppointmentsPanel.day_changed`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.appointment_list import (
    ATTENDANCE_WORDS,
    NOT_MARKED,
    Shown,
    later_in_series,
)
from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.attendance_marks import NOT_YET, can_mark
from recovery_desktop.domain.dates import EARLIEST_DAY, LATEST_DAY
from recovery_desktop.domain.sessions import Attendance
from recovery_desktop.domain.wording import plural
from recovery_desktop.ui.models.appointment_rows import AppointmentRows, possible_texts
from recovery_desktop.ui.pages.medication.appointment_editor import AppointmentEditor
from recovery_desktop.ui.pages.medication.appointment_questions import (
    UNTIL_LOCKED,
    Reach,
    delete_one,
    which_days,
)
from recovery_desktop.ui.widgets.choice import SegmentedChoice
from recovery_desktop.ui.widgets.keys import widget_keys
from recovery_desktop.ui.widgets.status_line import StatusLine
from recovery_desktop.ui.widgets.tables import edit_on_activate, record_table

if TYPE_CHECKING:
    from recovery_desktop.data.appointments import AppointmentRepository
    from recovery_desktop.data.contacts import ContactRepository

EMPTY = {
    Shown.UPCOMING: "No appointments coming up. Add one with “Add appointment…”.",
    Shown.PAST: "No past appointments yet.",
}
CHOOSE_FIRST = "Choose an appointment in the list first."
MARKS = (*ATTENDANCE_WORDS.items(), (None, NOT_MARKED))  # what "Mark as" offers


def _room_for(table: QTableView, column: int, texts: list[str]) -> int:
    """The width of ``column`` holding each of ``texts`` and its header whole."""
    header = table.horizontalHeader()
    title = str(table.model().headerData(column, Qt.Orientation.Horizontal))
    margin = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    cells = max(table.fontMetrics().horizontalAdvance(text) for text in texts)
    return max(cells, header.fontMetrics().horizontalAdvance(title)) + margin + 8


class AppointmentsPanel(QWidget):
    """Appointments kept in ``appointments``; "with whom" is completed from ``contacts``.
    Untitled: the page shows it in its "Appointments" tab."""

    def __init__(
        self,
        appointments: AppointmentRepository,
        contacts: ContactRepository,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.appointments = appointments
        self.contacts = contacts
        self.today = date.today()
        self.every: list[Appointment] = []
        self.undo_steps: list[list[Appointment]] = []  # what each delete took, newest last
        self.model = AppointmentRows()
        self.part = SegmentedChoice(
            [(Shown.UPCOMING, "Upcoming"), (Shown.PAST, "Past")], "Appointments shown", self
        )
        self.part.setValue(Shown.UPCOMING)
        self.part.valueChanged.connect(self._part_chosen)
        self.table = self._table()
        self.hint = StatusLine("About the list", self)
        self.status = StatusLine("Appointments status", self)
        self._build()
        self.refresh()

    # -- layout --------------------------------------------------------------------------
    def _table(self) -> QTableView:
        table = record_table(self.model, "Appointments", self)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        # Sized once from every text they can hold: measuring the rows (ResizeToContents)
        # took about 250 ms at each reading of ten years' thousand appointments.
        for column in range(self.model.columnCount()):
            texts = possible_texts(column)
            if texts:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                header.resizeSection(column, _room_for(table, column, texts))
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        edit_on_activate(table, self.edit_selected)
        widget_keys(table, [("Delete", self.delete_selected), ("Insert", self.add)])
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        return table

    def _build(self) -> None:
        add = QPushButton("&Add appointment…", self)
        add.clicked.connect(lambda: self.add())
        self.edit_button = QPushButton("&Edit…", self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.mark_button = QPushButton("Mar&k as", self)
        self.mark_button.setMenu(self._mark_menu(QMenu(self)))
        self.delete_button = QPushButton("&Delete…", self)
        self.delete_button.setToolTip("Delete the chosen appointment (Delete key)")
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QPushButton("&Undo delete", self)
        self.undo_button.setToolTip("Bring back what was deleted last (Ctrl+Z)")
        self.undo_button.clicked.connect(self.undo)
        buttons = QHBoxLayout()
        for button in (add, self.edit_button, self.mark_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        for keys in QKeySequence.keyBindings(QKeySequence.StandardKey.Undo):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.undo)
        top = QHBoxLayout()
        top.addWidget(self.part)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def _mark_menu(self, menu: QMenu, context: bool = False) -> QMenu:
        """Attended, Missed, Rescheduled, Not marked yet: each marks the chosen one, and
        the one it is marked now is ticked whenever the menu opens."""
        group = QActionGroup(menu)  # one mark at a time: shown as a choice
        for attendance, word in MARKS:
            label = f"Mark {word.lower()}" if context and attendance is not None else word
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setActionGroup(group)
            action.setData(attendance)
            action.triggered.connect(lambda _c=False, a=attendance: self.mark(a))
        menu.aboutToShow.connect(lambda: self._tick_mark(menu))
        return menu

    def _tick_mark(self, menu: QMenu) -> None:
        """Tick the chosen one's mark; attended and missed wait for its day."""
        chosen = self.selected()
        menu.setToolTipsVisible(True)
        for action in menu.actions():
            if action.isCheckable():
                action.setChecked(chosen is not None and action.data() == chosen.attendance)
                offered = chosen is None or can_mark(action.data(), chosen.day, self.today)
                action.setEnabled(offered)
                action.setToolTip("" if offered else NOT_YET)

    def _context_menu(self, where: QPoint) -> None:
        if self.selected() is None:
            return
        menu = QMenu(self)
        menu.addAction("Edit…").triggered.connect(self.edit_selected)
        menu.addSeparator()
        self._mark_menu(menu, context=True)
        menu.addSeparator()
        menu.addAction("Delete…").triggered.connect(self.delete_selected)
        menu.exec(self.table.viewport().mapToGlobal(where))
        menu.deleteLater()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.edit_button, self.mark_button, self.delete_button):
            button.setEnabled(chosen)
        self.undo_button.setEnabled(bool(self.undo_steps))

    # -- what is shown -------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the appointments again (the chosen one stays chosen)."""
        try:
            self.every = self.appointments.between(EARLIEST_DAY, LATEST_DAY)
        except JournalError as error:
            self.status.setText(str(error))
            return
        self._show()

    def day_changed(self, today: date) -> None:
        """The local date changed: yesterday's appointments move to Past."""
        self.today = today
        self._show()

    def shown_part(self) -> Shown:
        part = self.part.value()
        return part if isinstance(part, Shown) else Shown.UPCOMING

    def _part_chosen(self, part: object) -> None:
        if part is None:  # Delete on the choice clears it; one part is always shown
            self.part.setValue(Shown.UPCOMING)
        self._show()

    def _show(self, chosen_id: int | None = None) -> None:
        chosen = self.selected()
        keep = chosen_id if chosen_id is not None else (chosen.id if chosen else None)
        self.model.show(self.every, self.shown_part(), self.today)
        row = self.model.row_of(keep)
        if row >= 0:
            self.table.selectRow(row)
        self.hint.setText("" if self.model.rowCount() else EMPTY[self.shown_part()])
        self._update_buttons()

    def selected(self) -> Appointment | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.appointment_at(rows[0].row()) if rows else None

    def _saved(self, message: str) -> None:
        self.status.setText(f"Saved at {datetime.now():%H:%M}. {message}")

    # -- changes -------------------------------------------------------------------------
    def add(self) -> None:
        """Open the editor for a new appointment (today's date to start with)."""
        editor = AppointmentEditor(
            self.appointments, self.contacts, day=self.today, parent=self.window()
        )
        self._run(editor)

    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.status.setText(CHOOSE_FIRST)
            return
        later = later_in_series(chosen, self.every)
        editor = AppointmentEditor(
            self.appointments, self.contacts, chosen, later=later, parent=self.window()
        )
        self._run(editor)

    def _run(self, editor: AppointmentEditor) -> None:
        accepted = editor.exec()
        saved, said = editor.saved, editor.said
        editor.deleteLater()
        self.table.setFocus()
        if not accepted or not saved:
            return
        self.refresh()
        first = saved[0]
        self._go_to(first)
        self._saved(said)

    def _go_to(self, appointment: Appointment) -> None:
        """Show the part of the list holding ``appointment`` and choose it there."""
        part = Shown.UPCOMING if appointment.day >= self.today else Shown.PAST
        if part is not self.shown_part():
            self.part.setValue(part)
        self._show(appointment.id)

    def mark(self, attendance: Attendance | None) -> None:
        """Mark the chosen appointment attended, missed or rescheduled (None: not marked)."""
        chosen = self.selected()
        if chosen is None or chosen.id is None:
            self.status.setText(CHOOSE_FIRST)
            return
        if not can_mark(attendance, chosen.day, self.today):
            self.status.setText(f"{NOT_YET}.")
            return
        try:
            self.appointments.mark(chosen.id, attendance)
        except JournalError as error:
            self.status.setText(f"Not saved: {error}")
            return
        self.refresh()
        word = ATTENDANCE_WORDS[attendance].lower() if attendance else "not marked"
        self._saved(f"Marked {word}.")

    def delete_selected(self) -> None:
        """Delete the chosen appointment (or it and the following ones of its repeat),
        after asking; Undo brings them back. The row below is chosen next."""
        chosen = self.selected()
        if chosen is None or chosen.id is None:
            self.status.setText(CHOOSE_FIRST)
            return
        following = self._delete_following(chosen)
        if following is None:
            return
        row = self.model.row_of(chosen.id)
        try:
            deleted = self.appointments.delete(chosen.id, following=following)
        except JournalError as error:
            self.status.setText(f"Not deleted: {error}")
            return
        self.undo_steps.append(deleted)
        self.refresh()
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        self.table.setFocus()  # Ctrl+Z works at once, whatever had the keyboard
        if len(deleted) == 1:
            self._saved(f"Deleted. Undo (Ctrl+Z) brings it back {UNTIL_LOCKED}.")
        else:
            count = plural(len(deleted), "appointment")
            self._saved(f"Deleted {count}. Undo (Ctrl+Z) brings them back {UNTIL_LOCKED}.")

    def _delete_following(self, chosen: Appointment) -> bool | None:
        """Ask before deleting: True for it and the following ones of its repeat, False
        for it alone, None when the user went back."""
        later = later_in_series(chosen, self.every)
        if not later:
            return False if delete_one(self, chosen) else None
        reach = which_days(self, chosen, later, "Delete")
        return None if reach is None else reach is Reach.FOLLOWING

    def undo(self) -> None:
        """Bring back what the last delete took (Ctrl+Z)."""
        if not self.undo_steps:
            return
        try:
            self.appointments.restore(self.undo_steps[-1])
        except JournalError as error:
            self.status.setText(f"Not undone: {error}")
            return
        back = self.undo_steps.pop()
        self.refresh()
        self._saved(
            "Brought back."
            if len(back) == 1
            else f"Brought back {plural(len(back), 'appointment')}."
        )
