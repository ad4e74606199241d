"""Screens follow the local date while the app runs: at midnight and after a resume from
sleep, the badge, Clean time, Today, the summary's default week, the Cravings range and the
gentle note all move on together, without moving a user off a day they are editing."""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from recovery_desktop.domain.periods import default_summary_week
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE
from recovery_desktop.ui import day_watcher as _loaded  # noqa: F401  (patched below too)
from recovery_desktop.ui.day_watcher import DayWatcher, ms_until_next_day
from recovery_desktop.ui.pages import cravings, summary  # noqa: F401  (patched below too)
from recovery_desktop.ui.pages.clean_time import CleanTimePage
from recovery_desktop.ui.pages.cravings import CravingsPage
from recovery_desktop.ui.pages.day.page import DayPage
from recovery_desktop.ui.pages.summary.page import SummaryPage
from recovery_desktop.ui.pages.today.page import TodayPage
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.widgets.clean_badge import CleanBadge
from recovery_desktop.ui.widgets.period_picker import PeriodPicker

# A Sunday at the start, so the next day also moves the summary's default week.
SUNDAY = date(2026, 11, 22)


class Clock:
    """The local date, as every screen reads it; a test moves it."""

    def __init__(self, day: date) -> None:
        self.day = day

    def today(self) -> date:
        return self.day


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """Every UI module's ``date.today()`` reads this clock (``DayWatcher`` by default too)."""
    shared = Clock(SUNDAY)

    class ClockDate(date):
        @classmethod
        def today(cls) -> date:
            return shared.day

    for name, module in list(sys.modules.items()):
        if name.startswith("recovery_desktop.ui") and getattr(module, "date", None) is date:
            monkeypatch.setattr(module, "date", ClockDate)
    return shared


def wake_up() -> None:
    """What the system tells the app on a resume from sleep or a return to its window."""
    app = QApplication.instance()
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)


@pytest.fixture
def window(qtbot, window_for, journal, files, clock):
    """The main window on a journal whose clean date is 41 days before the clock's day."""
    journal.recovery_time.set_clean_date(
        DEFAULT_SUBSTANCE, clock.day - timedelta(days=41), clock.day
    )
    session = Session(files)
    session.adopt(journal)
    return window_for(session)


def _show(window, kind):
    return window.workspace.open_page(kind)


def _sidebar_badge(window) -> CleanBadge:
    return next(
        badge
        for badge in window.workspace.findChildren(CleanBadge)
        if not window.workspace.stack.isAncestorOf(badge)
    )


def _big_number(page: CleanTimePage) -> str:
    return next(
        label.text()
        for label in page.body.findChildren(QLabel)
        if label.objectName() == "bigNumber"
    )


def test_badge_and_clean_time_agree_after_the_day_changes(qtbot, window, clock):
    """The example from the issue: past midnight the sidebar said 42 days while the Clean
    time page still said 41. Both say 42 as soon as the app sees the new date."""
    page = _show(window, CleanTimePage)
    badge = _sidebar_badge(window)
    assert badge.text() == "41 days clean"
    assert _big_number(page) == "41 days"
    clock.day += timedelta(days=1)
    wake_up()
    qtbot.waitUntil(lambda: badge.text() == "42 days clean", timeout=3000)
    qtbot.waitUntil(lambda: _big_number(page) == "42 days", timeout=3000)


def test_today_moves_on_to_the_new_day_when_not_being_edited(qtbot, window, clock):
    """Today showed Sunday as "Today": after midnight it shows Monday, titled Today."""
    page = _show(window, TodayPage)
    assert page.day == SUNDAY and page.heading.text().startswith("Today")
    clock.day += timedelta(days=1)
    wake_up()
    assert page.day == clock.day
    assert page.heading.text().startswith("Today, Monday")
    assert page.date_edit.maximumDate().toPython() == clock.day


def test_today_never_moves_a_user_off_a_day_they_are_editing(qtbot, window, clock):
    """Typing at 23:59: the form stays on Sunday, now titled Yesterday, with what was typed;
    ▶ reaches Monday. The next time Today is shown it opens on Monday, Sunday saved."""
    page = _show(window, TodayPage)
    qtbot.keyClicks(page.form.note, "late thoughts")
    clock.day += timedelta(days=1)
    wake_up()
    assert page.day == SUNDAY
    assert page.heading.text().startswith("Yesterday")
    assert page.form.note.toPlainText() == "late thoughts"
    assert page.next_button.isEnabled()
    _show(window, CleanTimePage)
    _show(window, TodayPage)
    assert page.day == clock.day
    assert window.session.journal.checkins.get(SUNDAY).note == "late thoughts"


def test_my_day_moves_on_with_the_date_unless_another_day_was_chosen(qtbot, window, clock):
    """My day on Sunday as "Today" shows Monday after midnight; a day the user chose (last
    Friday) stays chosen the midnight after, its date field reaching the new today."""
    page = _show(window, DayPage)
    assert page.day == SUNDAY
    clock.day += timedelta(days=1)
    wake_up()
    assert page.day == clock.day and page.heading.text().startswith("My day — Today, Mon ")
    friday = clock.day - timedelta(days=3)
    page.go_to(friday)
    clock.day += timedelta(days=1)
    wake_up()
    assert page.day == friday
    assert page.picker.date_edit.maximumDate().toPython() == clock.day
    assert page.picker.next_button.isEnabled()


def test_the_summarys_default_week_follows_the_date_unless_another_was_picked(qtbot, window, clock):
    """On Sunday the default is the week ending today; on Monday it is still that week
    (the last full one); a week later it is the next one. A chosen week stays."""
    page = _show(window, SummaryPage)
    picker: PeriodPicker = page.picker
    assert picker.period() == default_summary_week(SUNDAY)
    clock.day += timedelta(days=7)
    wake_up()
    assert picker.period() == default_summary_week(clock.day)
    qtbot.mouseClick(picker.previous, Qt.MouseButton.LeftButton)
    chosen = picker.period()
    clock.day += timedelta(days=7)
    wake_up()
    assert picker.period() == chosen
    assert picker.end.maximumDate().toPython() == clock.day


def test_the_cravings_range_follows_the_date_so_new_cravings_are_listed(qtbot, window, clock):
    """The default range (the last four weeks) ends on the new day after midnight."""
    page = _show(window, CravingsPage)
    clock.day += timedelta(days=1)
    wake_up()
    assert page.end.date().toPython() == clock.day
    assert page.start.date().toPython() == clock.day - timedelta(days=cravings.DEFAULT_DAYS - 1)


def test_the_gentle_note_counts_the_new_day(qtbot, journal, window, clock):
    """ "It's been 4 days since you last reached out" becomes 5 days after midnight."""
    from recovery_desktop.domain.contacts import Contact, Method, ReachOut, Role

    contact = journal.contacts.save(Contact(None, "Sam", Role.SPONSOR))
    at = datetime.combine(clock.day - timedelta(days=4), datetime.min.time())
    journal.contacts.log_reach_out(ReachOut(None, contact.id, at, Method.CALL))
    page = _show(window, CleanTimePage)
    page = _show(window, TodayPage)
    assert "4 days" in page.gentle_note.text()
    clock.day += timedelta(days=1)
    wake_up()
    assert "5 days" in page.gentle_note.text()


def _count_on(page: CleanTimePage) -> str:
    """The big number the page holds now (not one of a card it replaced)."""
    return next(
        (
            label.text()
            for label in page.body.findChildren(QLabel)
            if label.objectName() == "bigNumber" and label.isVisibleTo(page)
        ),
        "",
    )


def test_a_hidden_page_follows_the_new_day_when_it_is_next_shown(qtbot, window, clock):
    """Clean time and Cravings hidden at midnight do no work then; each counts the new day
    as soon as it is shown."""
    clean = _show(window, CleanTimePage)
    listed = _show(window, CravingsPage)
    _show(window, TodayPage)
    clock.day += timedelta(days=1)
    wake_up()
    assert _count_on(clean) == "41 days"
    assert listed.end.date().toPython() == clock.day - timedelta(days=1)
    _show(window, CleanTimePage)
    qtbot.waitUntil(lambda: _count_on(clean) == "42 days", timeout=3000)
    _show(window, CravingsPage)
    assert listed.end.date().toPython() == clock.day


def test_the_watcher_reports_each_change_once_from_its_own_clock(qtbot):
    """A clock injected into the watcher: no signal while the date stays, one per change."""
    clock = Clock(SUNDAY)
    watcher = DayWatcher(today=clock.today, now=lambda: datetime(2026, 11, 22, 23, 59, 30))
    seen = []
    watcher.day_changed.connect(seen.append)
    assert watcher.check() is False
    clock.day = SUNDAY + timedelta(days=3)  # three days asleep
    wake_up()
    assert seen == [clock.day] and watcher.today() == clock.day
    assert watcher.check() is False
    watcher.stop()


def test_the_midnight_timer_is_armed_for_just_after_midnight():
    """30 s before midnight: the check runs 31 s later; at 00:00:00 a day and a second."""
    assert ms_until_next_day(datetime(2026, 11, 22, 23, 59, 30)) == 31_000
    assert ms_until_next_day(datetime(2026, 11, 23)) == 86_401_000
