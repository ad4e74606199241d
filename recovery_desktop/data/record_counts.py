"""How many records of each kind a journal (or a backup opened to look inside) holds."""

from __future__ import annotations

from typing import Protocol

from recovery_desktop.data.appointments import AppointmentRepository
from recovery_desktop.data.checkins import CheckinRepository
from recovery_desktop.data.contacts import ContactRepository
from recovery_desktop.data.cravings import CravingRepository
from recovery_desktop.data.day_plan import DayPlanRepository
from recovery_desktop.data.journal_entries import JournalEntryRepository
from recovery_desktop.data.library import LibraryRepository
from recovery_desktop.data.medication import MedicationRepository
from recovery_desktop.data.plan import PlanRepository
from recovery_desktop.data.recovery_time import RecoveryTimeRepository
from recovery_desktop.data.summary_notes import SummaryNotesRepository
from recovery_desktop.domain.library import Kind


class Records(Protocol):
    """The repositories of one open database."""

    checkins: CheckinRepository
    summary_notes: SummaryNotesRepository
    library: LibraryRepository
    cravings: CravingRepository
    contacts: ContactRepository
    recovery_time: RecoveryTimeRepository
    day_plan: DayPlanRepository
    plan: PlanRepository
    medication: MedicationRepository
    appointments: AppointmentRepository
    entries: JournalEntryRepository


def record_counts(records: Records) -> dict[str, int]:
    """Rows per kind, keyed as ``check --json`` prints them (DESIGN.md §5)."""
    return {
        "checkins": records.checkins.count(),
        "summary_notes": records.summary_notes.count(),
        "cravings": records.cravings.count(),
        "triggers": records.library.count(Kind.TRIGGER),
        "coping_actions": records.library.count(Kind.COPING),
        "contacts": records.contacts.count(),
        "reach_outs": records.contacts.reach_out_count(),
        **records.recovery_time.counts(),
        "day_blocks": records.day_plan.count(),
        "day_templates": records.day_plan.template_count(),
        "plan_sections": records.plan.count_sections(),
        "plan_versions": records.plan.count_versions(),
        "medications": records.medication.count(),
        "doses": records.medication.dose_count(),
        "appointments": records.appointments.count(),
        "journal_entries": records.entries.count(),
    }
