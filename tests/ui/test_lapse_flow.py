"""The lapse flow: non-shaming, safe, and nothing lost."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QLabel

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.contacts import DEFAULT_CRISIS_LINES
from recovery_desktop.domain.recovery_time import (
    DEFAULT_SUBSTANCE,
    SAFETY_FACTS,
    Lapse,
    clean_time,
)
from recovery_desktop.ui.dialogs.lapse_dialog import LapseDialog
from recovery_desktop.ui.flows import Flows
from recovery_desktop.ui.pages.clean_time import CleanTimePage
from recovery_desktop.ui.pages.today.page import TodayPage
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.widgets.clean_badge import CleanBadge
from tests.ui.conftest import click_choice

TODAY = date.today()


@pytest.fixture
def sixty_days(journal):
    """A journal 60 days clean, with a check-in and a craving to prove nothing is deleted."""
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY - timedelta(days=60), TODAY)
    journal.checkins.save(CheckIn(TODAY - timedelta(days=3), mood=4, note="hard day"))
    return journal


def _texts(widget):
    return " ".join(label.text() for label in widget.findChildren(QLabel))


def test_recording_a_lapse_restarts_the_streak_and_keeps_everything(qtbot, sixty_days):
    """The dialog shows the safety facts; saving restarts the count and deletes nothing."""
    journal = sixty_days
    before = journal.counts()
    dialog = LapseDialog(
        journal.recovery_time,
        journal.contacts,
        datetime.combine(TODAY - timedelta(days=5), datetime.min.time()),
    )
    qtbot.addWidget(dialog)
    text = _texts(dialog)
    for fact in SAFETY_FACTS:
        assert fact in text
    assert "not the end of your recovery" in text
    qtbot.keyClicks(dialog.before, "Payday and an evening alone")
    qtbot.keyClicks(dialog.tell, "Sam")
    dialog.accept()
    assert dialog.result() == LapseDialog.DialogCode.Accepted
    time = clean_time(journal.recovery_time.periods(), DEFAULT_SUBSTANCE, TODAY)
    assert time.streak == 4 and time.cumulative == 55 + 4 and time.attempts == 2
    after = journal.counts()
    assert after["lapses"] == before["lapses"] + 1
    assert (
        after["checkins"] == before["checkins"]
        and journal.checkins.get(TODAY - timedelta(days=3)).note == "hard day"
    )
    [lapse] = journal.recovery_time.lapses(TODAY - timedelta(days=5), TODAY)
    assert lapse.before == "Payday and an evening alone" and lapse.tell == "Sam"
    assert "the 59 clean days you have had still count" in dialog.after_message()


def test_the_lapse_dialog_lists_every_crisis_line_with_its_number(qtbot, journal):
    """All four lines, not only the emergency number, in the user's order."""
    journal.contacts.move_crisis_line(journal.contacts.crisis_lines()[2].id, -2)
    dialog = LapseDialog(journal.recovery_time, journal.contacts)
    qtbot.addWidget(dialog)
    names = [name for name, _number, _details in DEFAULT_CRISIS_LINES]
    assert dialog.crisis_list.names() == [names[2], names[0], names[1], names[3]]
    text = _texts(dialog)
    for _name, number, details in DEFAULT_CRISIS_LINES:
        assert number in text and details in text


def test_a_lapse_before_the_clean_date_is_explained_and_nothing_changes(qtbot, sixty_days):
    """An impossible date gives a calm message and writes nothing."""
    dialog = LapseDialog(
        sixty_days.recovery_time, sixty_days.contacts, datetime.now() - timedelta(days=90)
    )
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != LapseDialog.DialogCode.Accepted
    assert "before your current clean date" in dialog.error.text()
    assert sixty_days.counts()["lapses"] == 0


def test_answering_used_today_yes_offers_the_lapse_flow_once(qtbot, sixty_days, files, monkeypatch):
    """ "Used today: yes" on Today opens the flow; a second yes that day does not."""
    session = Session(files)
    session.adopt(sixty_days)
    flows = Flows(session)
    offered = []
    monkeypatch.setattr(
        Flows,
        "open_lapse",
        lambda self, when=None, craving_id=None, parent=None: offered.append(when),
    )
    page = TodayPage(sixty_days)
    page.used_answered.connect(flows.day_marked_used)
    qtbot.addWidget(page)
    click_choice(qtbot, page.form.yes_no["used"], "Yes")
    assert page.save_now()
    assert len(offered) == 1 and offered[0].date() == TODAY
    click_choice(qtbot, page.form.yes_no["used"], "No")
    page.save_now()
    click_choice(qtbot, page.form.yes_no["used"], "Yes")
    page.save_now()
    assert len(offered) == 2  # still no lapse recorded, so it is offered again
    sixty_days.recovery_time.record_lapse(
        Lapse(None, datetime.now(), DEFAULT_SUBSTANCE), TODAY + timedelta(days=1), TODAY
    )
    flows.day_marked_used(TODAY)
    assert len(offered) == 2  # a lapse exists for today: not offered again


def test_clean_time_page_and_badge_follow_the_journal(qtbot, sixty_days, monkeypatch):
    """The page shows streak and history; the badge updates after a lapse."""
    badge = CleanBadge(sixty_days.recovery_time)
    qtbot.addWidget(badge)
    assert badge.text() == "60 days clean"
    page = CleanTimePage(sixty_days.recovery_time, lambda: None)
    qtbot.addWidget(page)
    assert "60 days" in _texts(page) and "No lapses recorded." in _texts(page)
    dialog = LapseDialog(
        sixty_days.recovery_time, sixty_days.contacts, datetime.now() - timedelta(days=2)
    )
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.would_help, "Call Sam first")
    dialog.accept()
    badge.refresh()
    assert badge.text() == "1 day clean"
    page.refresh()
    text = _texts(page)
    assert "Call Sam first" in text and "over 2 attempts" in text


def test_setting_a_first_clean_date(qtbot, journal):
    """A journal that doesn't count yet offers to start; setting a date starts the count."""
    from recovery_desktop.ui.dialogs.clean_date_dialog import CleanDateDialog

    page = CleanTimePage(journal.recovery_time, lambda: None)
    qtbot.addWidget(page)
    assert "Not counting" in _texts(page)
    dialog = CleanDateDialog(journal.recovery_time, DEFAULT_SUBSTANCE, TODAY - timedelta(days=10))
    qtbot.addWidget(dialog)
    dialog.accept()
    page.refresh()
    assert "10 days" in _texts(page)
    dialog = CleanDateDialog(journal.recovery_time, None)
    qtbot.addWidget(dialog)
    dialog.accept()  # no substance name
    assert "name the substance" in dialog.error.text()
