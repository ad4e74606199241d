"""Clean-time sentences after a lapse: the right day, the right tense, on one line."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QLabel, QScrollArea, QTableWidget

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE, Lapse
from recovery_desktop.ui.dialogs.lapse_dialog import LapseDialog
from recovery_desktop.ui.pages.clean_time import CleanTimePage
from recovery_desktop.ui.pages.today.page import TodayPage
from recovery_desktop.ui.session import Session

TODAY = date.today()
TOMORROW = TODAY + timedelta(days=1)


def short_day(day):
    """ "Mon 30 Nov", as the app writes days in sentences."""
    return f"{day:%a} {day.day} {day:%b}"


def _texts(widget):
    return " ".join(label.text() for label in widget.findChildren(QLabel))


def _lapse(journal, day, new_start):
    moment = datetime.combine(day, datetime.min.time())
    journal.recovery_time.record_lapse(Lapse(None, moment, DEFAULT_SUBSTANCE), new_start, TODAY)


@pytest.fixture
def two_attempts(journal):
    """A first attempt ended by a lapse 30 days ago, and 29 days clean since."""
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY - timedelta(days=90), TODAY)
    _lapse(journal, TODAY - timedelta(days=30), TODAY - timedelta(days=29))
    return journal


def _record_today(qtbot, journal):
    dialog = LapseDialog(journal.recovery_time, journal.contacts, datetime.now())
    qtbot.addWidget(dialog)
    dialog.accept()
    return dialog


def test_after_a_lapse_today_the_new_count_starts_tomorrow_in_words(qtbot, two_attempts):
    """Never "Clean since <tomorrow>" nor "over 3 attempts" for a count not yet begun."""
    dialog = _record_today(qtbot, two_attempts)
    tomorrow = short_day(TOMORROW)
    assert dialog.after_message() == (
        f"Saved. Your new count starts tomorrow, {tomorrow}, "
        "and the 89 clean days you have had still count."
    )
    page = CleanTimePage(two_attempts.recovery_time, lambda: None)
    qtbot.addWidget(page)
    text = _texts(page)
    assert "Day one starts tomorrow" in text
    assert f"Your new count for heroin and other opioids starts tomorrow, {tomorrow}." in text
    assert f"since {tomorrow}" not in text and "over 3 attempts" not in text
    assert "89 clean days in all since" in text and "over 2 attempts" in text
    table = page.findChild(QTableWidget)
    first = [table.item(0, column).text() for column in range(table.columnCount())]
    assert first[2:] == ["", "", "starts tomorrow"]


def test_a_count_that_started_days_ago_is_told_in_the_past(qtbot, two_attempts):
    """A lapse five days ago: "Your new count started on …", not "starts again on"."""
    dialog = LapseDialog(
        two_attempts.recovery_time, two_attempts.contacts, datetime.now() - timedelta(days=5)
    )
    qtbot.addWidget(dialog)
    dialog.accept()
    started = short_day(TODAY - timedelta(days=4))
    assert dialog.after_message().startswith(f"Saved. Your new count started on {started},")


def test_the_badge_stays_on_one_line_and_the_form_does_not_move(
    qtbot, window_for, two_attempts, files
):
    """At 1024×600 the Today form starts at the same height before and after the lapse."""
    yesterday = TODAY - timedelta(days=1)
    two_attempts.checkins.save(CheckIn(yesterday, mood=5))
    session = Session(files)
    session.adopt(two_attempts)
    window = window_for(session)
    window.resize(1024, 600)
    page = window.workspace.page(TodayPage)
    page.go_to(yesterday)  # a day without a lapse: only the badge could move the form
    qtbot.waitUntil(lambda: page.width() < 900)
    page.layout().activate()
    form_top = page.findChild(QScrollArea).y()
    _record_today(qtbot, two_attempts)
    qtbot.waitUntil(lambda: page.badge.text() == "Day one tomorrow", timeout=3000)
    page.refresh_story()
    assert page.story.shown() == []
    page.layout().activate()
    assert page.findChild(QScrollArea).y() == form_top
    assert not page.badge.wordWrap()
    assert page.badge.height() <= page.badge.sizeHint().height()
    assert f"Your new count starts tomorrow, {short_day(TOMORROW)}." in page.badge.toolTip()
    assert page.badge.accessibleDescription() == page.badge.toolTip()
