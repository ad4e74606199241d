"""The clean-time badge: the current streak, kept up to date as the journal changes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.journal import Journal
from recovery_desktop.domain.recovery_time import CleanTime, clean_time, streak_text, substances

POLL_MS = 1000


def main_clean_time(journal: Journal, today: date) -> CleanTime | None:
    """Clean time of the first substance (opioids unless the user has only others)."""
    periods = journal.recovery_time.periods()
    names = substances(periods)
    return clean_time(periods, names[0], today) if names else None


class CleanBadge(QLabel):
    """Shows "42 days clean"; refreshes itself when the journal's revision changes."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setObjectName("cleanBadge")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self._seen = -1
        self._day = date.today()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        today = date.today()
        if self.journal.revision.value == self._seen and today == self._day:
            return
        self._seen, self._day = self.journal.revision.value, today
        try:
            time = main_clean_time(self.journal, today)
        except JournalError:
            return
        if time is None:
            self.setText("Set your clean date on the Clean time page")
            self.setToolTip("")
        else:
            self.setText(streak_text(time, today) + (" clean" if time.streak else ""))
            self.setToolTip(f"Since {time.since:%d %B %Y}; {time.cumulative} clean days in all.")
        self.setAccessibleName(f"Clean time: {self.text()}")
