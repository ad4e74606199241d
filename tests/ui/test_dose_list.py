"""The day's dose list through qtbot against a real journal: Taken records now (today) or
the scheduled time (another day), the time field changes it, Missed is neutral, pressing a
chosen button again clears the tick, all from the keyboard, each tick committed."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from recovery_desktop.domain.medication import (
    DoseMark,
    DoseRecord,
    Medication,
    MedicationKind,
    Repeat,
    Schedule,
)
from recovery_desktop.ui.widgets.dose_list import NO_DOSES, DoseList

TODAY = date.today()
EVERY_DAY = frozenset(range(7))


def add_medication(journal, name="Buprenorphine", dose="16 mg film", times=(time(8),), **kw):
    """A medication taken every day at ``times`` since a week ago."""
    schedule = Schedule(Repeat.WEEKDAYS, tuple(times), EVERY_DAY)
    medication = Medication(
        name,
        kw.pop("kind", MedicationKind.BUPRENORPHINE),
        schedule,
        dose=dose,
        started=TODAY - timedelta(days=7),
        **kw,
    )
    return journal.medication.add(medication, TODAY)


def _list(qtbot, journal, day=TODAY, at=time(9, 12)):
    shown = DoseList(journal.medication, now=lambda: datetime.combine(TODAY, at))
    qtbot.addWidget(shown)
    shown.show_day(day)
    shown.resize(600, 200)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
    return shown


def _records(journal, medication, day=TODAY):
    return journal.medication.records(medication.id, day, day)


def test_rows_say_time_name_dose_and_where(qtbot, journal):
    """Two doses in time order; methadone on a clinic day says "at the clinic"."""
    add_medication(journal, times=(time(20), time(8)))
    add_medication(
        journal,
        "Methadone",
        "60 mg",
        (time(7, 30),),
        kind=MedicationKind.METHADONE,
        clinic_days=frozenset({TODAY.weekday()}),
    )
    shown = _list(qtbot, journal)
    assert [row.time.text() for row in shown.rows] == ["07:30", "08:00", "20:00"]
    assert [row.words.whole() for row in shown.rows] == [
        "Methadone · 60 mg · at the clinic",
        "Buprenorphine · 16 mg film",
        "Buprenorphine · 16 mg film",
    ]
    assert shown.rows[1].taken.accessibleName() == "Taken: Buprenorphine at 08:00"
    assert shown.empty.isHidden()
    shown.rows[0].taken.setFocus()  # Tab: Taken, Missed (no time field before a tick), next
    qtbot.keyClick(shown.rows[0].taken, Qt.Key.Key_Tab)
    assert shown.rows[0].missed.hasFocus()
    qtbot.keyClick(shown.rows[0].missed, Qt.Key.Key_Tab)
    assert shown.rows[1].taken.hasFocus()


def test_space_ticks_taken_now_and_again_clears_it(qtbot, journal):
    """Space on Taken records the dose taken at 09:12 (now), committed; the time field
    shows it; Space again clears the tick."""
    medication = add_medication(journal)
    shown = _list(qtbot, journal)
    row = shown.rows[0]
    assert row.taken_at.isHidden()
    row.taken.setFocus()
    qtbot.keyClick(row.taken, Qt.Key.Key_Space)
    assert _records(journal, medication) == [
        DoseRecord(TODAY, time(8), DoseMark.TAKEN, time(9, 12))
    ]
    assert row.taken.isChecked() and not row.missed.isChecked()
    assert not row.taken_at.isHidden() and row.taken_at.time().toString("HH:mm") == "09:12"
    assert shown.rows[0] is row and row.taken.hasFocus()  # the keyboard stays there
    qtbot.keyClick(row.taken, Qt.Key.Key_Space)
    assert _records(journal, medication) == []
    assert not row.taken.isChecked() and row.taken_at.isHidden()


def test_enter_ticks_missed_in_the_neutral_look_and_taken_replaces_it(qtbot, journal):
    """Enter on Missed records a missed dose; the button looks as a chosen Taken does (no
    colour of its own); Taken afterwards turns it into taken."""
    medication = add_medication(journal)
    shown = _list(qtbot, journal)
    row = shown.rows[0]
    row.missed.setFocus()
    qtbot.keyClick(row.missed, Qt.Key.Key_Return)
    assert _records(journal, medication) == [DoseRecord(TODAY, time(8), DoseMark.MISSED)]
    assert row.missed.isChecked() and row.missed.property("segment") is True
    assert row.missed.styleSheet() == row.taken.styleSheet() == ""
    assert row.missed.accessibleDescription() == "missed"
    qtbot.mouseClick(row.taken, Qt.MouseButton.LeftButton)
    assert _records(journal, medication)[0].mark is DoseMark.TAKEN
    assert not row.missed.isChecked()


def test_another_day_takes_the_scheduled_time_and_the_field_changes_it(qtbot, journal):
    """Yesterday's 08:00 dose ticked taken is taken at 08:00; typing 07:45 in the time
    field (Tab from Taken, the digits, Enter) keeps 07:45."""
    medication = add_medication(journal)
    yesterday = TODAY - timedelta(days=1)
    shown = _list(qtbot, journal, yesterday)
    row = shown.rows[0]
    qtbot.mouseClick(row.taken, Qt.MouseButton.LeftButton)
    assert _records(journal, medication, yesterday)[0].taken_at == time(8)
    assert row.taken.hasFocus()
    qtbot.keyClick(row.taken, Qt.Key.Key_Tab)
    assert row.taken_at.hasFocus()
    qtbot.keyClicks(row.taken_at, "0745")
    qtbot.keyClick(row.taken_at, Qt.Key.Key_Return)
    assert _records(journal, medication, yesterday)[0].taken_at == time(7, 45)


def test_a_tick_made_elsewhere_shows_after_refresh_and_a_day_without_doses_says_so(qtbot, journal):
    """``refresh`` reads the ticks again; a day before the start date has no doses."""
    medication = add_medication(journal)
    shown = _list(qtbot, journal)
    journal.medication.mark_dose(medication.id, TODAY, time(8), DoseMark.MISSED)
    shown.refresh()
    assert shown.rows[0].missed.isChecked()
    shown.show_day(TODAY - timedelta(days=30))
    assert shown.rows == [] and shown.empty.text() == NO_DOSES and not shown.empty.isHidden()


def test_a_tick_no_schedule_expects_any_more_shows_its_mark_and_clears(qtbot, journal):
    """20:00 ticked missed, then the 20:00 time removed from today on: the row says "no
    longer scheduled" with its Missed mark shown, and pressing Missed clears it. A tick
    after a stop date shows the same way instead of vanishing."""
    from dataclasses import replace

    film = add_medication(journal, times=(time(8), time(20)))
    journal.medication.mark_dose(film.id, TODAY, time(20), DoseMark.MISSED)
    journal.medication.update(
        replace(film, schedule=replace(film.schedule, times=(time(8),))), TODAY
    )
    shown = _list(qtbot, journal)
    late = shown.rows[1]
    assert late.words.whole() == "Buprenorphine · 16 mg film · no longer scheduled"
    assert late.missed.isVisible() and late.missed.isChecked()
    qtbot.mouseClick(late.missed, Qt.MouseButton.LeftButton)
    assert _records(journal, film) == []
    assert [row.time.text() for row in shown.rows] == ["08:00"]
    yesterday = TODAY - timedelta(days=1)
    journal.medication.mark_dose(film.id, TODAY, time(8), DoseMark.TAKEN)
    journal.medication.stop(film.id, yesterday)
    shown.show_day(TODAY)
    assert [row.words.whole() for row in shown.rows] == [
        "Buprenorphine · 16 mg film · no longer scheduled"
    ]
    assert shown.rows[0].taken.isChecked()


def test_an_as_needed_dose_shows_its_time_without_a_field_to_change_it(qtbot, journal):
    """The logged minute is the dose (two doses at 19:27 and 19:28 stay two): its row shows
    the time, and no time field takes the keyboard; clearing it is Taken pressed again."""
    from recovery_desktop.domain.medication import Schedule as _Schedule

    ibu = journal.medication.add(
        Medication("Ibu", MedicationKind.OTHER, _Schedule(Repeat.AS_NEEDED), started=TODAY),
        TODAY,
    )
    journal.medication.log_dose(ibu.id, TODAY, time(19, 27))
    journal.medication.log_dose(ibu.id, TODAY, time(19, 28))
    shown = _list(qtbot, journal)
    first = shown.rows[0]
    assert first.time.text() == "19:27" and first.taken.isChecked()
    assert not first.taken_at.isVisible()
    first.taken.setFocus()
    qtbot.keyClick(first.taken, Qt.Key.Key_Tab)
    assert shown.rows[1].taken.hasFocus()
    qtbot.keyClick(shown.rows[1].taken, Qt.Key.Key_Space)
    assert [r.at for r in _records(journal, ibu)] == [time(19, 27)]


def test_a_tick_no_longer_scheduled_offers_only_clearing(qtbot, journal):
    """Its Missed mark can be cleared; Taken is disabled and says why."""
    from dataclasses import replace

    film = add_medication(journal, times=(time(8), time(20)))
    journal.medication.mark_dose(film.id, TODAY, time(20), DoseMark.MISSED)
    journal.medication.update(
        replace(film, schedule=replace(film.schedule, times=(time(8),))), TODAY
    )
    shown = _list(qtbot, journal)
    late = shown.rows[1]
    assert late.missed.isEnabled() and late.missed.isChecked()
    assert not late.taken.isEnabled()
    assert late.taken.toolTip() == "This dose is no longer scheduled; you can clear the mark"
    qtbot.mouseClick(late.taken, Qt.MouseButton.LeftButton)
    assert _records(journal, film)[0].mark is DoseMark.MISSED
