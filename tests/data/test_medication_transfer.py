"""Medication and visits in export and import (format version 4): medications with their
schedule spans, ticks and taper notes, and appointments with their series and contact links
travel whole and export the same again; a day the journal already holds a tick or schedule
for keeps its own; broken records are refused; older files import as before."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from recovery_desktop.data.export import csv_bytes, document_bytes, export_document
from recovery_desktop.data.import_apply import import_plan
from recovery_desktop.data.import_json import check_document, parse
from recovery_desktop.data.journal import JournalFiles, create_journal
from recovery_desktop.data.transfer_format import BY_NAME, ImportProblem
from recovery_desktop.data.transfer_text import result_text
from recovery_desktop.domain.appointments import Appointment, WeeklyRepeat
from recovery_desktop.domain.contacts import Contact, Role
from recovery_desktop.domain.medication import (
    DoseMark,
    Medication,
    MedicationKind,
    Repeat,
    Schedule,
    TaperNote,
)
from recovery_desktop.domain.sessions import AppointmentKind, Attendance

MONDAY = date(2026, 11, 2)
EIGHT = time(8, 0)
DAILY = Schedule(Repeat.WEEKDAYS, (EIGHT,), frozenset(range(7)))
EVERY_OTHER = Schedule(Repeat.EVERY_N_DAYS, (EIGHT, time(20, 0)), every=2, anchor=MONDAY)
MEDICATION_KINDS = (
    "medications",
    "medication_schedules",
    "medication_doses",
    "taper_notes",
    "appointments",
)


@pytest.fixture
def fresh(tmp_path):
    opened = create_journal(JournalFiles(tmp_path / "fresh"), None)
    yield opened
    opened.close()


def _kept(journal):
    """Two medications (one edited mid-period and stopped), ticks, a taper note, and a
    weekly therapy series linked to a person, one of them marked."""
    sam = journal.contacts.save(Contact(None, "Sam", Role.THERAPIST))
    uid = journal.db.execute("SELECT uid FROM contacts WHERE id = ?", [sam.id]).fetchone()[0]
    repo = journal.medication
    film = repo.add(
        Medication(
            "Suboxone",
            MedicationKind.BUPRENORPHINE_NALOXONE,
            DAILY,
            "16 mg film",
            started=MONDAY,
            prescriber="Dr. O",
        ),
        today=MONDAY,
    )
    repo.update(replace(film, schedule=EVERY_OTHER), today=MONDAY + timedelta(days=5))
    repo.mark_dose(film.id, MONDAY, EIGHT, DoseMark.TAKEN, time(8, 10))
    repo.mark_dose(film.id, MONDAY + timedelta(days=1), EIGHT, DoseMark.MISSED)
    repo.add_taper_note(film.id, TaperNote(MONDAY + timedelta(days=5), "From 16 mg to 14 mg"))
    methadone = repo.add(
        Medication(
            "Methadone",
            MedicationKind.METHADONE,
            DAILY,
            "60 mg",
            started=MONDAY,
            clinic_days=frozenset({0, 3}),
            take_home_days=frozenset({1, 2}),
        ),
        today=MONDAY,
    )
    repo.stop(methadone.id, MONDAY + timedelta(days=3))
    therapy = Appointment(
        MONDAY, AppointmentKind.THERAPY, time(10, 0), 50, with_whom="Sam", contact_uid=uid
    )
    series = journal.appointments.add(therapy, WeeklyRepeat(1, MONDAY + timedelta(weeks=3)))
    journal.appointments.mark(series[0].id, Attendance.ATTENDED)
    journal.appointments.add(Appointment(MONDAY, AppointmentKind.GROUP, None, 90))
    return journal


def _document(journal):
    return parse(document_bytes(export_document(journal.db)))


def _everything(journal):
    """What the repositories read, row ids aside (a new journal numbers its own rows)."""
    repo = journal.medication
    medications = repo.medications(today=MONDAY)
    return (
        [replace(m, id=None) for m in medications],
        [repo.spans(m.id) for m in medications],
        [repo.records(m.id, MONDAY, MONDAY + timedelta(weeks=5)) for m in medications],
        [[replace(n, id=None) for n in repo.taper_notes(m.id)] for m in medications],
        [
            replace(a, id=None)
            for a in journal.appointments.between(MONDAY, MONDAY + timedelta(weeks=5))
        ],
    )


def test_medication_and_visits_travel_whole_and_export_the_same_again(journal, fresh):
    first = export_document(_kept(journal).db)
    assert first["version"] == 5  # version 4 brought medication and visits
    result = import_plan(fresh, check_document(_document(journal)), new_journal=True)
    assert result.added["medications"] == 2 and result.added["medication_schedules"] == 3
    assert result.added["medication_doses"] == 2 and result.added["appointments"] == 5
    assert _everything(fresh) == _everything(journal)
    therapy = first["records"]["appointments"][1]  # after the group, which has no time
    assert fresh.appointments.contact_matching("Sam") == therapy["contact"] is not None
    again = export_document(fresh.db)
    again.pop("exported_at"), first.pop("exported_at")
    assert document_bytes(again) == document_bytes(first)
    spans = first["records"]["medication_schedules"]
    assert spans[1]["times"] == ["08:00", "20:00"] and spans[0]["weekdays"] == list(range(7))
    row = csv_bytes(BY_NAME["medications"], first["records"]["medications"]).decode()
    assert "Suboxone" in row and "0; 3" in row  # the methadone clinic days


def test_importing_its_own_file_again_adds_nothing(journal):
    document = _document(_kept(journal))
    result = import_plan(journal, check_document(document))
    assert all(result.added[name] == 0 for name in MEDICATION_KINDS)
    assert result.skipped["medication_doses"] == 2 and result.skipped["appointments"] == 5


def test_a_tick_or_schedule_for_a_day_the_journal_holds_keeps_the_journals_own(journal, fresh):
    document = _document(_kept(journal))
    import_plan(fresh, check_document(document), new_journal=True)
    other = copy.deepcopy(document)
    dose = other["records"]["medication_doses"][0]
    dose["id"], dose["mark"], dose["taken_at"] = "a" * 32, "missed", None
    span = other["records"]["medication_schedules"][0]
    span["id"], span["times"] = "b" * 32, ["09:00"]
    result = import_plan(fresh, check_document(other))
    assert result.differ["medication_doses"] == 1 and result.differ["medication_schedules"] == 1
    assert fresh.medication.dose_count() == 2
    film = fresh.medication.medications(today=MONDAY)[0]
    assert fresh.medication.records(film.id, MONDAY, MONDAY)[0].mark is DoseMark.TAKEN
    assert "dose ticked" in result_text(result)


def test_an_imported_series_gets_a_number_of_the_journals_own(journal, fresh):
    document = _document(_kept(journal))
    own = fresh.appointments.add(
        Appointment(MONDAY, AppointmentKind.DOCTOR), WeeklyRepeat(1, MONDAY + timedelta(weeks=1))
    )
    import_plan(fresh, check_document(document))
    found = fresh.appointments.between(MONDAY, MONDAY + timedelta(weeks=5))
    therapy = {a.series_id for a in found if a.kind is AppointmentKind.THERAPY}
    assert len(therapy) == 1 and therapy != {None} and therapy != {own[0].series_id}
    assert {a.series_id for a in found if a.kind is AppointmentKind.DOCTOR} == {own[0].series_id}


def test_an_older_file_without_medication_still_imports(journal, fresh):
    document = _document(_kept(journal))
    document["version"] = 3
    for name in MEDICATION_KINDS:
        del document["records"][name]
    import_plan(fresh, check_document(document), new_journal=True)
    assert fresh.medication.count() == 0 and fresh.appointments.count() == 0
    assert fresh.contacts.count() == 1


@pytest.mark.parametrize(
    ("kind", "field", "value"),
    [
        ("medication_doses", "at", "25:00"),
        ("medication_doses", "taken_at", "8:00"),
        ("medication_doses", "mark", "skipped"),
        ("medication_schedules", "times", ["08:00", "08:00"]),
        ("medication_schedules", "weekdays", [7]),
        ("medication_schedules", "times", []),  # a daily schedule without a time
        ("medications", "clinic_days", [True]),
        ("medications", "stopped", "2020-01-01"),  # before it started
        ("appointments", "minutes", 2),
        ("appointments", "attendance", "late"),
        ("taper_notes", "medication", "0" * 32),
    ],
)
def test_broken_medication_records_are_refused_with_their_path(journal, kind, field, value):
    bad = _document(_kept(journal))
    bad["records"][kind][0][field] = value
    with pytest.raises(ImportProblem) as refused:
        check_document(bad)
    assert refused.value.where.startswith(f"records.{kind}[0]")


def test_an_appointment_linked_to_nobody_in_people_keeps_its_name_but_not_the_link(journal, fresh):
    """A contact id that names no one in People (a made-up one, or a contact deleted before
    the export) is dropped on import; the appointment and its typed "with whom" stay."""
    document = _document(_kept(journal))
    document["records"]["contacts"] = []
    for row in document["records"]["appointments"]:
        if row["contact"] is not None:
            row["contact"] = "ab" * 16
    import_plan(fresh, check_document(document), new_journal=True)
    found = fresh.appointments.between(MONDAY, MONDAY + timedelta(weeks=5))
    assert len(found) == 5 and "Sam" in {a.with_whom for a in found}
    assert {a.contact_uid for a in found} == {None}
    stored = fresh.db.execute("SELECT count(*) FROM appointments WHERE contact_uid IS NOT NULL")
    assert stored.fetchone()[0] == 0
