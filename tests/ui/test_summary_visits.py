"""The weekly summary's "Medication" and "Appointments" sections: the numbers of a crafted
journal in the PDF read back as text, and no such sections in a journal without them."""

from __future__ import annotations

from datetime import date, time, timedelta

from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.medication import (
    DoseMark,
    Medication,
    MedicationKind,
    Repeat,
    Schedule,
)
from recovery_desktop.domain.periods import last_full_week
from recovery_desktop.domain.sessions import AppointmentKind, Attendance
from recovery_desktop.ui.report_files import save_summary
from tests.pdf_text import pdf_text

WEEK = last_full_week(date.today()).previous()  # a whole ISO week, well over
MONDAY = WEEK.start
EIGHT, TWENTY = time(8), time(20)


def _day(offset: int) -> date:
    return MONDAY + timedelta(days=offset)


def _short(day: date) -> str:
    return date_text(day, "%a %-d %b")


def _medication(journal) -> None:
    """Buprenorphine at 08:00 and 20:00 every day of the week: 12 taken, Tuesday 08:00
    missed, Sunday 20:00 not ticked. Naloxone as needed: never expected."""
    twice = Schedule(Repeat.WEEKDAYS, (EIGHT, TWENTY), frozenset(range(7)))
    film = journal.medication.add(
        Medication("Buprenorphine", MedicationKind.BUPRENORPHINE, twice, started=MONDAY),
        today=MONDAY,
    )
    journal.medication.add(
        Medication("Naloxone", MedicationKind.OTHER, Schedule(Repeat.AS_NEEDED), started=MONDAY),
        today=MONDAY,
    )
    for offset in range(7):
        for at in (EIGHT, TWENTY):
            if (offset, at) == (1, EIGHT):
                journal.medication.mark_dose(film.id, _day(offset), at, DoseMark.MISSED)
            elif (offset, at) != (6, TWENTY):
                journal.medication.mark_dose(film.id, _day(offset), at, DoseMark.TAKEN, at)


def _appointments(journal) -> None:
    """Therapy on Tuesday attended, a group on Thursday missed, the doctor on Friday
    rescheduled; the week before and the week after have a therapy session each."""
    made = [
        (-6, AppointmentKind.THERAPY, Attendance.ATTENDED, ""),
        (1, AppointmentKind.THERAPY, Attendance.ATTENDED, ""),
        (3, AppointmentKind.GROUP, Attendance.MISSED, "Tuesday group"),
        (4, AppointmentKind.DOCTOR, Attendance.RESCHEDULED, ""),
        (8, AppointmentKind.THERAPY, None, ""),
    ]
    for offset, kind, attendance, title in made:
        journal.appointments.add(
            Appointment(
                _day(offset), kind, time(10), title=title, with_whom="Sam", attendance=attendance
            )
        )


def _summary(journal, tmp_path) -> str:
    out = tmp_path / "week.pdf"
    assert save_summary(journal, WEEK, out) >= 1
    return pdf_text(out)


def test_the_medication_section_counts_the_doses_and_names_the_missed_ones(journal, tmp_path):
    """12 of 14 expected doses taken, the missed one by day and time; the as-needed
    medication is never counted."""
    _medication(journal)
    text = _summary(journal, tmp_path)
    assert "Buprenorphine 12 of 14 doses taken (86%) · 1 missed · 1 not ticked" in text
    assert f"Missed: {_short(_day(1))} 08:00 (Buprenorphine)" in text
    assert "Naloxone" not in text
    assert "Appointments" not in text  # none in this journal: the section is not offered


def test_the_appointments_section_lists_how_each_went_and_the_next_one(journal, tmp_path):
    """Attended, missed, rescheduled by day; names of people only when chosen; the next
    appointment after the week."""
    _appointments(journal)
    text = _summary(journal, tmp_path)
    assert "Attended: 1 · Missed: 1 · Rescheduled: 1" in text
    assert f"{_short(_day(1))} 10:00 Therapy attended" in text
    assert f"{_short(_day(3))} 10:00 Tuesday group missed" in text
    assert f"{_short(_day(4))} 10:00 Doctor rescheduled" in text
    assert f"Next: {_short(_day(8))} 10:00, Therapy" in text
    assert "Sam" not in text and "doses taken" not in text


def test_names_print_when_the_user_chose_to_show_them(journal, tmp_path):
    """With "Show names of people I reached" on, "Therapy with Sam"."""
    from dataclasses import replace

    _appointments(journal)
    options = journal.preferences.summary_options()
    journal.preferences.set_summary_options(replace(options, show_names=True))
    assert f"{_short(_day(1))} 10:00 Therapy with Sam attended" in _summary(journal, tmp_path)


def test_a_week_without_expected_doses_says_so_plainly(journal, tmp_path):
    """A medication started after the week: no doses were expected in it."""
    daily = Schedule(Repeat.WEEKDAYS, (EIGHT,), frozenset(range(7)))
    later = MONDAY + timedelta(days=14)
    journal.medication.add(
        Medication("Methadone", MedicationKind.METHADONE, daily, started=later), today=later
    )
    text = _summary(journal, tmp_path)
    assert "Medication No doses were expected by my schedules in this period." in text
