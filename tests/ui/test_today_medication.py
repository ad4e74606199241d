"""Today's doses and Coming up cards, and the check-in's "Medication taken" in step with
the ticks, through qtbot against a real journal."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import Qt

from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.medication import DoseMark
from recovery_desktop.domain.sessions import AppointmentKind
from recovery_desktop.ui.pages.today.page import TodayPage
from tests.conftest import PASSPHRASE
from tests.ui.conftest import shown_page
from tests.ui.test_dose_list import add_medication

TODAY = date.today()


def _today(qtbot, journal):
    return shown_page(qtbot, TodayPage(journal), journal, 1000, 600)


def test_without_medication_or_appointments_no_card_is_there(qtbot, journal):
    """No empty boxes: both cards hidden, "Medication taken" works as before."""
    page = _today(qtbot, journal)
    assert page.doses_card.isHidden() and page.coming_up.isHidden()
    assert page.form.yes_no["medication_taken"].isEnabled()
    assert page.medication_answer.note.isHidden()


def test_a_tick_on_today_is_kept_after_reopening(qtbot, journal, files):
    """Taken on Today's card is in the journal after closing and opening it again."""
    medication = add_medication(journal)
    page = _today(qtbot, journal)
    assert not page.doses_card.isHidden()
    assert page.doses_card.heading.text() == "Today's doses"
    row = page.doses_card.list.rows[0]
    qtbot.mouseClick(row.taken, Qt.MouseButton.LeftButton)
    assert page.doses_card.taken.text() == "· 1 of 1 dose taken"
    journal.close()
    reopened = open_with_passphrase(files, PASSPHRASE)
    [record] = reopened.medication.records(medication.id, TODAY, TODAY)
    reopened.close()
    assert record.mark is DoseMark.TAKEN


def test_medication_taken_follows_a_tick_made_elsewhere_and_keeps_the_typing(qtbot, journal):
    """A tick through the repository (as the Medication page makes it) sets the read-only
    answer and its line at once; the note typed meanwhile stays and is saved."""
    medication = add_medication(journal, times=(time(8), time(20)))
    page = _today(qtbot, journal)
    choice = page.form.yes_no["medication_taken"]
    assert choice.isEnabled() and page.medication_answer.note.isHidden()  # no tick yet
    page.form.note.setFocus()
    qtbot.keyClicks(page.form.note, "Slept well")
    journal.medication.mark_dose(medication.id, TODAY, time(8), DoseMark.TAKEN, time(8))
    assert not choice.isEnabled() and choice.value() is None
    assert page.medication_answer.note.text() == "1 of 2 doses taken · tick them in Today's doses"
    journal.medication.mark_dose(medication.id, TODAY, time(20), DoseMark.TAKEN, time(20))
    assert choice.value() is True
    assert page.medication_answer.note.text().startswith("2 of 2 doses taken")
    assert page.doses_card.list.rows[1].taken.isChecked()
    assert page.form.note.toPlainText() == "Slept well"
    qtbot.waitUntil(lambda: page.status.text().startswith("Saved"), timeout=3000)
    saved = journal.checkins.get(TODAY)
    assert (saved.note, saved.medication_taken) == ("Slept well", True)
    journal.medication.mark_dose(medication.id, TODAY, time(20), DoseMark.MISSED)
    assert choice.value() is False
    assert journal.checkins.get(TODAY).medication_taken is False


def test_coming_up_lists_the_next_days_and_hides_when_none(qtbot, journal):
    """Tomorrow's therapy shows as "Tomorrow 10:00 · Therapy with Sam · Clinic, room 4";
    deleting it hides the card."""
    [therapy] = journal.appointments.add(
        Appointment(
            TODAY + timedelta(days=1),
            AppointmentKind.THERAPY,
            time(10),
            with_whom="Sam",
            place="Clinic, room 4",
        )
    )
    journal.appointments.add(Appointment(TODAY + timedelta(days=5), AppointmentKind.GROUP, time(9)))
    page = _today(qtbot, journal)
    assert not page.coming_up.isHidden()
    assert [line.whole() for line in page.coming_up.lines if not line.isHidden()] == [
        "Tomorrow 10:00 · Therapy with Sam · Clinic, room 4"
    ]
    journal.appointments.delete(therapy.id)
    assert page.coming_up.isHidden()


def test_coming_up_is_only_there_on_todays_check_in(qtbot, journal):
    """On an earlier day's check-in the card's "Tomorrow" would read as the day after that
    one: the card is gone there and back on today's."""
    journal.appointments.add(
        Appointment(TODAY + timedelta(days=1), AppointmentKind.THERAPY, time(17))
    )
    page = _today(qtbot, journal)
    assert not page.coming_up.isHidden()
    page.step(-1)
    assert page.day == TODAY - timedelta(days=1)
    assert page.coming_up.isHidden()
    page.step(1)
    assert not page.coming_up.isHidden()


def test_clearing_the_last_tick_leaves_medication_taken_not_answered(qtbot, journal):
    """The re-tester's case: Yes by hand, the dose ticked Missed on Today's card (No, read
    only), the tick cleared: the answer is editable and not answered, on screen and stored."""
    add_medication(journal)
    page = _today(qtbot, journal)
    choice = page.form.yes_no["medication_taken"]
    page._set_answer(choice, True)
    page.save_now()
    assert journal.checkins.get(TODAY).medication_taken is True
    row = page.doses_card.list.rows[0]
    qtbot.mouseClick(row.missed, Qt.MouseButton.LeftButton)
    assert not choice.isEnabled() and choice.value() is False
    qtbot.mouseClick(row.missed, Qt.MouseButton.LeftButton)
    assert choice.isEnabled() and choice.value() is None
    assert page.medication_answer.note.isHidden()
    assert journal.checkins.get(TODAY).medication_taken is None
    page.save_now()
    assert journal.checkins.get(TODAY).medication_taken is None


def test_another_days_answer_is_its_own_after_a_day_the_ticks_decided(qtbot, journal):
    """Moving from a day the ticks decide to one they do not shows that day's own answer."""
    from recovery_desktop.domain.checkin import CheckIn

    medication = add_medication(journal)
    yesterday = TODAY - timedelta(days=1)
    journal.checkins.save(CheckIn(yesterday, mood=5, medication_taken=True))
    journal.medication.mark_dose(medication.id, TODAY, time(8), DoseMark.MISSED)
    page = _today(qtbot, journal)
    assert page.form.yes_no["medication_taken"].value() is False
    page.step(-1)
    choice = page.form.yes_no["medication_taken"]
    assert choice.isEnabled() and choice.value() is True
