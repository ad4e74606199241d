"""The gentle note on Today when nobody has been reached for a while, and its setting."""

from datetime import datetime, timedelta

from recovery_desktop.domain.contacts import Contact, Method, ReachOut, Role
from recovery_desktop.ui.pages.settings.page import SettingsPage
from recovery_desktop.ui.pages.today.page import TodayPage


def test_note_appears_after_the_chosen_days_and_follows_the_setting(qtbot, journal):
    """Five quiet days show a kind note naming the first person to call; 7 days hides it."""
    sam = journal.contacts.save(Contact(None, "Sam", Role.SPONSOR, "555-0142"))
    journal.contacts.log_reach_out(
        ReachOut(None, sam.id, datetime.now() - timedelta(days=5), Method.CALL)
    )
    today = TodayPage(journal)
    qtbot.addWidget(today)
    today.show()
    assert today.gentle_note.isVisible()
    assert "5 days" in today.gentle_note.text() and "Sam" in today.gentle_note.text()
    settings = SettingsPage(journal)
    qtbot.addWidget(settings)
    settings.reminder_days.setValue(7)
    assert journal.preferences.reach_out_reminder_days() == 7
    today.refresh_gentle_note()
    assert not today.gentle_note.isVisible()


def test_no_note_before_any_reach_out_is_logged(qtbot, journal):
    """A brand-new journal is not told off for silence it never had."""
    today = TodayPage(journal)
    qtbot.addWidget(today)
    today.show()
    assert not today.gentle_note.isVisible()
