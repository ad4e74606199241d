"""The weekly summary's "Medication" and "Appointments" sections: the numbers of a crafted
journal in the PDF read back as text under their headings, no such sections in a journal
without them, and "Meetings, therapy and medication" leaving out what they say."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.checkin import CheckIn
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


def _meetings(journal) -> None:
    """Check-ins on Monday: went to a meeting, had therapy, took the medication."""
    journal.checkins.save(CheckIn(MONDAY, meeting=True, therapy=True, medication_taken=True))


def test_the_medication_section_counts_the_doses_and_names_the_missed_ones(journal, tmp_path):
    """12 of 14 expected doses taken, the missed one by day and time, under "Medication";
    the as-needed medication is never counted. The check-ins' section, now "Meetings and
    therapy", leaves out the medication answer the ticks give."""
    _medication(journal)
    _meetings(journal)
    text = _summary(journal, tmp_path)
    assert (
        "Medication Buprenorphine: 12 of 14 doses taken (86%) · "
        f"1 missed ({_short(_day(1))} 08:00) · 1 not ticked"
    ) in text
    assert "Naloxone" not in text
    assert "Appointments" not in text  # none in this journal: the section is not offered
    assert (
        "Meetings and therapy Went to a meeting: yes 1 · no 0 · not answered 6 "
        "Had therapy: yes 1 · no 0 · not answered 6 Medication"
    ) in text
    assert "Took my medication" not in text


def test_the_appointments_section_lists_how_each_went_and_the_next_one(journal, tmp_path):
    """Attended, missed, rescheduled by day under "Appointments", and the next one after
    the week; no names of people. The check-ins' section, now "Meetings and medication",
    leaves out the therapy answer the sessions give."""
    _appointments(journal)
    _meetings(journal)
    text = _summary(journal, tmp_path)
    assert (
        "Appointments Attended: 1 · Missed: 1 · Rescheduled: 1 · "
        f"Next: {_short(_day(8))} 10:00, Therapy "
        f"{_short(_day(1))} 10:00 Therapy: attended · "
        f"{_short(_day(3))} 10:00 Tuesday group: missed · "
        f"{_short(_day(4))} 10:00 Doctor: rescheduled"
    ) in text
    assert "Sam" not in text and "doses taken" not in text
    assert (
        "Meetings and medication Went to a meeting: yes 1 · no 0 · not answered 6 "
        "Took my medication: yes 1 · no 0 · not answered 6 Appointments"
    ) in text
    assert "Had therapy" not in text


def test_names_print_when_the_user_chose_to_show_them(journal, tmp_path):
    """With "Show names of people I reached" on, "Therapy with Sam"."""
    _appointments(journal)
    options = journal.preferences.summary_options()
    journal.preferences.set_summary_options(replace(options, show_names=True))
    assert f"{_short(_day(1))} 10:00 Therapy with Sam: attended" in _summary(journal, tmp_path)


def test_with_both_the_meetings_line_opens_the_appointments(journal, tmp_path):
    """Medication and appointments both kept: "Meetings, therapy and medication" would
    hold only the meetings line, so that line opens "Appointments" and the section is left
    out: nothing is said twice, no answer is lost."""
    _medication(journal)
    _appointments(journal)
    _meetings(journal)
    text = _summary(journal, tmp_path)
    assert "Medication Buprenorphine: 12 of 14" in text
    assert "Doses expected by my schedule in this period" in text
    assert (
        "Appointments Went to a meeting: yes 1 · no 0 · not answered 6 "
        "Attended: 1 · Missed: 1 · Rescheduled: 1"
    ) in text
    assert text.count("Went to a meeting") == 1
    assert "Meetings" not in text and "Had therapy" not in text
    assert "Took my medication" not in text


def test_long_lists_name_the_first_and_count_the_rest(journal, tmp_path):
    """Every dose of a twice-daily medication missed and two appointments a day: twelve of
    each named on their one line, "and 2 more"."""
    twice = Schedule(Repeat.WEEKDAYS, (EIGHT, TWENTY), frozenset(range(7)))
    film = journal.medication.add(
        Medication("Methadone", MedicationKind.METHADONE, twice, started=MONDAY), today=MONDAY
    )
    for offset in range(7):
        for at in (EIGHT, TWENTY):
            journal.medication.mark_dose(film.id, _day(offset), at, DoseMark.MISSED)
            journal.appointments.add(Appointment(_day(offset), AppointmentKind.CLINIC, at))
    text = _summary(journal, tmp_path)
    missed = ", ".join(f"{_short(_day(n // 2))} {('08:00', '20:00')[n % 2]}" for n in range(12))
    assert f"0 of 14 doses taken (0%) · 14 missed ({missed}, and 2 more)" in text
    assert f"{_short(_day(5))} 20:00 Clinic: not marked yet · and 2 more" in text
    assert "Attended: 0 · Missed: 0 · Rescheduled: 0" in text


def test_a_week_without_expected_doses_says_so_plainly(journal, tmp_path):
    """A medication started after the week: no doses were expected in it."""
    daily = Schedule(Repeat.WEEKDAYS, (EIGHT,), frozenset(range(7)))
    later = MONDAY + timedelta(days=14)
    journal.medication.add(
        Medication("Methadone", MedicationKind.METHADONE, daily, started=later), today=later
    )
    text = _summary(journal, tmp_path)
    assert "Medication No doses were expected by my schedules in this period." in text


def test_a_journal_without_either_keeps_the_check_ins_table(journal, tmp_path):
    """No medication, no appointments: the old title and table, no new sections."""
    _meetings(journal)
    text = _summary(journal, tmp_path)
    assert (
        "Meetings, therapy and medication Days Yes No Not answered Went to a meeting 1 0 6 "
        "Had therapy 1 0 6 Took my medication 1 0 6"
    ) in text
    assert "Appointments" not in text and "Medication " not in text
