"""Reading the journal on another thread, through a connection of its own.

The worker thread never uses the journal's own connection (DESIGN §3, docs/decisions.md
"Slow work off the GUI thread"): :meth:`Journal.reader` opens a read-only connection with
the same key on the calling thread and closes it when its block ends.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from recovery_desktop.data import trends
from recovery_desktop.data.appointments import AppointmentRepository
from recovery_desktop.data.changes import ChangeFeed
from recovery_desktop.data.checkins import CheckinRepository
from recovery_desktop.data.contacts import ContactRepository
from recovery_desktop.data.cravings import CravingRepository
from recovery_desktop.data.day_plan import DayPlanRepository
from recovery_desktop.data.journal_entries import JournalEntryRepository
from recovery_desktop.data.medication import MedicationRepository
from recovery_desktop.data.plan import PlanRepository
from recovery_desktop.data.preferences import PreferenceRepository
from recovery_desktop.data.recovery_time import RecoveryTimeRepository
from recovery_desktop.data.summary_notes import SummaryNotesRepository
from recovery_desktop.data.visits_read import summary_visits
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.summary import SummaryInputs
from recovery_desktop.domain.trends import TrendData

if TYPE_CHECKING:  # sqlite-utils is imported when a journal is opened (connection.py)
    from sqlite_utils import Database


class JournalReader:
    """The reads slow pages need, on one read-only connection (``PRAGMA query_only``:
    a write raises). Use it on the thread that opened it only; every method may raise
    :class:`~recovery_desktop.data.errors.JournalError`."""

    def __init__(self, db: Database) -> None:
        unused = ChangeFeed()  # nothing is written through a reader: nobody listens
        self._db = db
        self._checkins = CheckinRepository(db, unused)
        self._cravings = CravingRepository(db, unused)
        self._contacts = ContactRepository(db, unused)
        self.preferences = PreferenceRepository(db, unused)
        self._recovery_time = RecoveryTimeRepository(db, unused, self.preferences)
        self._summary_notes = SummaryNotesRepository(db, unused)
        self.day_plan = DayPlanRepository(db, unused)  # My day's blocks, read only
        self._plan = PlanRepository(db, unused)
        self._medication = MedicationRepository(db, unused)
        self._appointments = AppointmentRepository(db, unused)
        self._entries = JournalEntryRepository(db, unused)
        self._trends = trends.TrendSources(
            self._checkins,
            self._cravings,
            self._contacts,
            self._recovery_time,
            self.day_plan,
            self.preferences,
            self._medication,
            self._appointments,
        )

    def trend_data(self, period: Period) -> TrendData:
        """As :meth:`Journal.trend_data`: read now (``datetime.now()`` decides whether
        today is over)."""
        return trends.trend_data(self._db, self._trends, period, datetime.now())

    def summary_inputs(self, period: Period) -> SummaryInputs:
        """As :meth:`Journal.summary_inputs`."""
        return SummaryInputs(
            period=period,
            checkins=tuple(self._checkins.between(period.previous().start, period.end)),
            notes=self._summary_notes.get(period),
            previous_goals=self._summary_notes.previous_goals(period),
            trend=self.trend_data(period),
            contacts=tuple(self._contacts.contacts(include_archived=True)),
            clean_periods=tuple(self._recovery_time.periods()),
            lapse_history=tuple(self._recovery_time.lapses(date.min, date.max)),
            plan_versions=tuple(self._plan.shared_versions_between(period.start, period.end)),
            visits=summary_visits(self._medication, self._appointments, period),
            shared_entries=tuple(self._entries.shared_between(period.start, period.end)),
        )
