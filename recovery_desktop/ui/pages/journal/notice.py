"""The notice on the Journal page after the app stopped while an entry was being written:
what is kept, and OK (which ends that writing session)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.calendar_text import short_day_seen_from

if TYPE_CHECKING:
    from recovery_desktop.data.journal_entries import JournalEntryRepository


def notice_text(kept: datetime, today: date) -> str:
    """The notice's words; the day is named when the last save was not today."""
    when = f"{kept:%H:%M}"
    if kept.date() != today:
        when = f"{short_day_seen_from(kept.date(), today)}, {when}"
    return f"Recovery Desktop stopped while you were writing. Everything up to {when} is kept."


class StopNotice(QFrame):
    """Shown while the journal says a writing session did not end cleanly."""

    def __init__(self, entries: JournalEntryRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = entries
        self.setObjectName("planNotice")  # the same look as the Plan page's notice
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.ok_button = QPushButton("OK", self)
        self.ok_button.setAccessibleName("OK, I have seen it")
        self.ok_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.ok_button)
        self.hide()

    def check(self, open_entry: Callable[[int], object]) -> None:
        """Show the notice and ``open_entry`` the entry that was being written, if the
        journal holds a writing session that did not end cleanly."""
        try:
            stopped = self.entries.interrupted()
        except JournalError:
            return
        if stopped is None:
            self.hide()
            return
        entry_id, kept = stopped
        open_entry(entry_id)  # first: opening an entry ends a session whose notice shows
        self.label.setText(notice_text(kept, date.today()))
        self.show()

    def dismiss(self) -> None:
        """OK: the session that stopped is over."""
        self.hide()
        try:
            self.entries.end_editing()
        except JournalError:
            return
