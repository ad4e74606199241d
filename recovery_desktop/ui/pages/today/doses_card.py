"""Today's "Today's doses" card: the check-in day's doses to tick (``DoseList``), how many
of them are taken, and a way to the Medication & visits page.

The card is not there at all (no empty box) while no medication is active on the day
shown; as-needed medications count as active, their doses logged that day are listed.
Records come through Today's ``data_changed`` (``Change.MEDICATION``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.calendar_text import short_day_seen_from
from recovery_desktop.domain.dose_day import DueDose, taken_words
from recovery_desktop.ui.widgets.dose_list import DoseList
from recovery_desktop.ui.widgets.layout import scroll_area

if TYPE_CHECKING:
    from recovery_desktop.data.medication import MedicationRepository

MEDICATION_PAGE = "Medication & visits"  # the page's title in the navigation
ROWS_SHOWN = 4  # more doses than this scroll inside the card, so the form keeps its room


def doses_title(day: date, today: date) -> str:
    """ "Today's doses", else "Doses on Sun 29 Nov"."""
    return "Today's doses" if day == today else f"Doses on {short_day_seen_from(day, today)}"


class DosesCard(QFrame):
    """See the module's note. ``open_medication``: the user asked for that page."""

    open_medication = Signal()

    def __init__(
        self,
        medication: MedicationRepository,
        now: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dayCard")
        self._medication = medication
        self._now = now or datetime.now
        self.day = self._now().date()
        self.heading = QLabel(self)
        self.heading.setObjectName("cardHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.taken = QLabel(self)
        self.taken.setObjectName("hintLabel")
        self.taken.setTextFormat(Qt.TextFormat.PlainText)
        self.list = DoseList(medication, self, self._now)
        self.open_button = QPushButton(f"{MEDICATION_PAGE.replace('&', '&&')}…", self)
        self.open_button.setToolTip("Medications, schedules and appointments")
        self.open_button.clicked.connect(self.open_medication.emit)
        self.list.marked.connect(self._count)
        self._build()
        self.hide()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.taken, 1)
        top.addWidget(self.open_button)
        self.rows = scroll_area(self.list, self)
        self.rows.setAccessibleName("Doses")
        for widget in (self.rows.viewport(), self.list):  # the card's colour behind the rows
            widget.setBackgroundRole(QPalette.ColorRole.Base)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 6)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.rows)

    @property
    def doses(self) -> list[DueDose]:
        """The doses shown (read from the journal at the last refresh)."""
        return self.list.doses

    def show_day(self, day: date) -> None:
        """Show ``day``'s doses (the check-in's day)."""
        self.day = day
        self.refresh()

    def refresh(self) -> None:
        """Read the medications and the day's doses again; hidden without any active."""
        try:
            active = any(m.is_active(self.day) for m in self._medication.medications())
        except JournalError:
            active = bool(self.list.doses)
        self.heading.setText(doses_title(self.day, self._now().date()))
        self.setAccessibleName(self.heading.text())
        self.list.show_day(self.day)
        self._count()
        self._fit_rows()
        self.setVisible(active)

    def _count(self) -> None:
        words = taken_words(self.list.doses)
        self.taken.setText(f"· {words}" if words else "")

    def _fit_rows(self) -> None:
        """The rows' area as high as its rows, up to ``ROWS_SHOWN`` of them."""
        rows = self.list.rows
        shown = self.list.sizeHint().height()
        if len(rows) > ROWS_SHOWN:
            line = rows[0].taken.sizeHint().height() + 4
            shown = ROWS_SHOWN * line
        self.rows.setFixedHeight(shown)
