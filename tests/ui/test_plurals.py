"""A count and its noun agree wherever the user reads them: "1 minute", "1 day", "1 point"."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from recovery_desktop.domain.contacts import Contact, Method, ReachOut, Role
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.ui.flows import craving_panel
from recovery_desktop.ui.pages.people.page import PeoplePage
from recovery_desktop.ui.pages.settings.page import SettingsPage
from recovery_desktop.ui.pages.today.checkin_form import CheckInForm
from recovery_desktop.ui.pages.today.page import TodayPage


def _type_value(qtbot, spin, text: str) -> None:
    """Select the spin box's number and type ``text`` over it, as a user would."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


@pytest.mark.parametrize(
    ("typed", "shown"), [("1", "1 minute"), ("5", "5 minutes"), ("15", "15 minutes")]
)
def test_lock_after_says_minute_for_one(qtbot, journal, typed, shown):
    """Settings → Lock after: the word follows the number as it is typed."""
    page = SettingsPage(journal)
    qtbot.addWidget(page)
    page.show()
    _type_value(qtbot, page.auto_lock, typed)
    assert page.auto_lock.text() == shown
    assert journal.preferences.auto_lock_minutes() == int(typed)


def test_note_after_says_day_for_one(qtbot, journal):
    """Settings → Note after: "1 day", "2 days"."""
    page = SettingsPage(journal)
    qtbot.addWidget(page)
    page.reminder_days.setValue(1)
    assert page.reminder_days.text() == "1 day"
    page.reminder_days.setValue(2)
    assert page.reminder_days.text() == "2 days"


def test_the_craving_panel_says_lasted_1_minute(qtbot, journal):
    """The "Lasted" box of a one-minute craving reads "1 minute", and back to "minutes"."""
    craving = journal.cravings.save(Craving(None, datetime.now(), 5, duration_minutes=1))
    panel = craving_panel(journal, craving)
    qtbot.addWidget(panel)
    assert panel.duration.text() == "1 minute"
    panel.duration.setValue(20)
    assert panel.duration.text() == "20 minutes"
    panel.duration.set_optional_value(None)
    assert panel.duration.text() == "Not answered"


def test_todays_exercise_and_sleep_agree_with_their_numbers(qtbot):
    """Exercise "1 minute"; sleep "1.0 hour" and "7.5 hours"."""
    form = CheckInForm()
    qtbot.addWidget(form)
    form.exercise.setValue(1)
    form.sleep_hours.setValue(1)
    assert form.exercise.text() == "1 minute" and form.sleep_hours.text() == "1.0 hour"
    form.sleep_hours.setValue(7.5)
    assert form.sleep_hours.text() == "7.5 hours"


@pytest.fixture
def quiet_for_a_day(journal):
    """Sam was reached yesterday, and the note is set to appear after one quiet day."""
    sam = journal.contacts.save(Contact(None, "Sam", Role.SPONSOR, "555-0142"))
    journal.contacts.log_reach_out(
        ReachOut(None, sam.id, datetime.now() - timedelta(days=1), Method.CALL)
    )
    journal.preferences.set_reach_out_reminder_days(1)
    return journal


def test_todays_gentle_note_says_1_day(qtbot, quiet_for_a_day):
    """Today: "It's been 1 day since you last reached out…"."""
    page = TodayPage(quiet_for_a_day)
    qtbot.addWidget(page)
    page.show()
    assert page.gentle_note.text().startswith("It's been 1 day since you last reached out")


def test_the_people_page_says_1_day(qtbot, quiet_for_a_day):
    """People: "It has been 1 day since you last reached out…"."""
    page = PeoplePage(quiet_for_a_day.contacts, quiet_for_a_day.preferences)
    qtbot.addWidget(page)
    page.show()
    text = page.log_box.last_label.text()
    assert text.startswith("It has been 1 day since you last reached out"), text


def test_spin_box_keys_still_step(qtbot, journal):
    """Up from 1 minute gives 2 minutes (the changing word never blocks the arrows)."""
    page = SettingsPage(journal)
    qtbot.addWidget(page)
    page.show()
    page.auto_lock.setValue(1)
    page.auto_lock.setFocus()
    qtbot.keyClick(page.auto_lock, Qt.Key.Key_Up)
    assert page.auto_lock.value() == 2 and page.auto_lock.text() == "2 minutes"
