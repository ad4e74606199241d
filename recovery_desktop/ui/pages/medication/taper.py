"""Taper notes in the medication dialog: a dated list ("3 Nov: from 16 mg to 14 mg, agreed
with Dr. O"), added and removed here and saved with the medication."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.domain.calendar_text import short_day_seen_from
from recovery_desktop.domain.medication import MAX_TEXT, TaperNote
from recovery_desktop.ui.dates import from_qdate, sensible_dates, to_qdate
from recovery_desktop.ui.widgets.keys import submit_on_enter, widget_keys

ROLE = Qt.ItemDataRole.UserRole


def note_line(note: TaperNote, today: date) -> str:
    """ "Tue 3 Nov: from 16 mg to 14 mg" (the year when not this year's)."""
    return f"{short_day_seen_from(note.day, today)}: {note.text}"


class TaperNotes(QGroupBox):
    """The notes in date order. ``notes()`` is the list as it stands; notes without an id
    are new, and ``removed()`` names the ids of saved notes taken out."""

    def __init__(self, notes: Sequence[TaperNote], parent: QWidget | None = None) -> None:
        super().__init__("Taper notes", parent)
        self._removed: list[int] = []
        self.list = QListWidget(self)
        self.list.setAccessibleName("Taper notes")
        self.list.setMaximumHeight(self.fontMetrics().height() * 5)
        self.list.setWordWrap(True)
        widget_keys(self.list, [("Delete", self.remove_selected)])
        self.day = sensible_dates(QDateEdit(self), date.today())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d MMM yyyy")
        self.day.setAccessibleName("Day of the taper note")
        self.day.setDate(to_qdate(date.today()))
        self.text = QLineEdit(self)
        self.text.setAccessibleName("Taper note")
        self.text.setPlaceholderText("For example: from 16 mg to 14 mg, agreed with my doctor")
        self.text.setMaxLength(MAX_TEXT)
        self.add_button = QPushButton("&Add note", self)
        self.add_button.clicked.connect(self.add_typed)
        submit_on_enter(self.add_typed, self.text)
        self.remove_button = QPushButton("Remo&ve note", self)
        self.remove_button.clicked.connect(self.remove_selected)
        self._build()
        for note in sorted(notes, key=lambda n: n.day):
            self._show(note)
        self.list.currentRowChanged.connect(lambda _row: self._update())
        self._update()

    def _build(self) -> None:
        typing = QHBoxLayout()
        typing.addWidget(self.day)
        typing.addWidget(self.text, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.list)
        column.addLayout(typing)
        column.addLayout(buttons)

    def notes(self) -> list[TaperNote]:
        return [self.list.item(row).data(ROLE) for row in range(self.list.count())]

    def removed(self) -> list[int]:
        return list(self._removed)

    def unsaved(self) -> list[tuple[int, TaperNote]]:
        """The notes added here and not stored yet, with their rows."""
        return [(row, note) for row, note in enumerate(self.notes()) if note.id is None]

    def saved(self, row: int, note: TaperNote) -> None:
        """The note of ``row`` is stored as ``note`` (with its id)."""
        self.list.item(row).setData(ROLE, note)

    def forget_removed(self, note_id: int) -> None:
        """The removal of ``note_id`` is stored."""
        self._removed.remove(note_id)

    def restore(self, new: list[TaperNote], removed: list[int], typed: str, day: date) -> None:
        """Back as a draft left it: the ``new`` notes added, the notes of ids ``removed``
        taken out, ``typed`` in the note field for ``day``."""
        for row in reversed(range(self.list.count())):
            note: TaperNote = self.list.item(row).data(ROLE)
            if note.id is not None and note.id in removed:
                self.list.takeItem(row)
                self._removed.append(note.id)
        for note in new:
            self._show(note)
        self.text.setText(typed)
        self.day.setDate(to_qdate(day))
        self._update()

    def typed(self) -> str:
        """Words typed in the note field and not added yet."""
        return self.text.text().strip()

    def add_typed(self) -> None:
        """Add the note typed (nothing when the field is empty)."""
        text = self.typed()
        if not text:
            self.text.setFocus()
            return
        self._show(TaperNote(from_qdate(self.day.date()), text))
        self.text.clear()
        self.text.setFocus()
        self._update()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        item = self.list.takeItem(row)
        note: TaperNote = item.data(ROLE)
        if note.id is not None:
            self._removed.append(note.id)
        self._update()

    def _show(self, note: TaperNote) -> None:
        item = QListWidgetItem(note_line(note, date.today()))
        item.setData(ROLE, note)
        days = [self.list.item(row).data(ROLE).day for row in range(self.list.count())]
        place = sum(1 for day in days if day <= note.day)
        self.list.insertItem(place, item)

    def _update(self) -> None:
        self.remove_button.setEnabled(self.list.currentRow() >= 0)
