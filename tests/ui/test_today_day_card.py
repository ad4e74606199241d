"""Today's "My day" card through qtbot: the next block or the one under way, idle time so
far and to come, the timer armed for the next change (never a repeating one), an empty day
said kindly with "Fill from my usual <weekday>" only when that template exists, the card
following My day's changes, and its buttons from the keyboard."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from recovery_desktop.domain.calendar_text import short_day, weekday_name
from recovery_desktop.domain.day_now import next_change
from recovery_desktop.domain.day_plan import BlockCategory, BlockTimes, WakingWindow
from recovery_desktop.ui.pages.today.day_card import EMPTY, EMPTY_HINT, DayCard
from recovery_desktop.ui.pages.today.page import TodayPage
from tests.ui.conftest import follow_journal

DAY = date(2026, 11, 30)  # a Monday
WORK = BlockTimes(9 * 60, 17 * 60, "Work", BlockCategory.WORK)
GROUP = BlockTimes(18 * 60, 19 * 60, "Group meeting", BlockCategory.MEETING)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, hour: int, minute: int = 0, day: date = DAY) -> None:
        self.moment = datetime.combine(day, time(hour, minute))

    def set(self, hour: int, minute: int = 0) -> None:
        self.moment = datetime.combine(self.moment.date(), time(hour, minute))

    def __call__(self) -> datetime:
        return self.moment


def _card(qtbot, journal, clock) -> DayCard:
    card = DayCard(journal.day_plan, journal.preferences, clock)
    qtbot.addWidget(card)
    card.show()
    qtbot.waitExposed(card)
    return card


def test_the_next_block_and_idle_time_so_far_and_to_come(qtbot, journal):
    """At 17:10 between work and the group: the group is next; idle 2 h 10 min so far
    (07:00–09:00, 17:00–17:10) shown as 2 h 15 min, 4 h 50 min to come as 4 h 45 min."""
    journal.day_plan.add(DAY, WORK)
    journal.day_plan.add(DAY, GROUP)
    card = _card(qtbot, journal, Clock(17, 10))
    assert card.line.text() == "Next: Group meeting at 18:00"
    assert card.idle.text() == "Idle time today: 2 h 15 min so far, 4 h 45 min still to come"
    assert card.fill_button.isHidden()
    assert not card.open_button.isHidden()


def test_a_block_under_way_is_now_and_its_end_moves_the_card_on(qtbot, journal):
    """During the group "Now: … until 19:00"; when the timer fires at its end, nothing
    more is planned and all idle time lies behind."""
    journal.day_plan.add(DAY, WORK)
    journal.day_plan.add(DAY, GROUP)
    clock = Clock(18, 5)
    card = _card(qtbot, journal, clock)
    assert card.line.text() == "Now: Group meeting until 19:00"
    clock.set(19, 0)
    card.timer.timeout.emit()
    assert card.line.text() == "Nothing more planned for today."
    assert card.idle.text() == "Idle time today: 3 h so far, 4 h still to come"


def test_once_the_day_is_over_only_blocks_ticked_done_count(qtbot, journal):
    """At 23:30 the waking day is over: work (ticked) counts, the group (not) does not."""
    work = journal.day_plan.add(DAY, WORK)
    journal.day_plan.add(DAY, GROUP)
    journal.day_plan.set_done(work.id, True)
    card = _card(qtbot, journal, Clock(23, 30))
    assert card.idle.text() == "Idle time today: 8 h so far"


def test_a_block_ticked_done_is_no_longer_now(qtbot, journal):
    """Work ticked done at 16:00: the card moves on to the group."""
    work = journal.day_plan.add(DAY, WORK)
    journal.day_plan.add(DAY, GROUP)
    card = _card(qtbot, journal, Clock(16))
    assert card.line.text() == "Now: Work until 17:00 \u00b7 Next: Group meeting at 18:00"
    journal.day_plan.set_done(work.id, True)
    card.refresh()
    assert card.line.text() == "Next: Group meeting at 18:00"


def test_the_timer_is_one_shot_to_the_first_minute_the_words_change(qtbot, journal):
    """No repeating timer: one single shot, due at the minute ``next_change`` finds (a
    quarter hour of idle time passing, or a block starting)."""
    journal.day_plan.add(DAY, WORK)
    journal.day_plan.add(DAY, GROUP)
    for hour, minute in ((17, 10), (9, 30), (6, 0)):
        card = _card(qtbot, journal, Clock(hour, minute))
        now = hour * 60 + minute
        blocks = journal.day_plan.blocks(DAY)
        due = next_change(blocks, WakingWindow(), now)
        assert card.timer.isSingleShot() and card.timer.isActive()
        assert card.timer.interval() == (due - now) * 60_000
    assert due == 7 * 60 + 8  # before the window: the first idle quarter hour at 07:08
    card.hide()
    assert not card.timer.isActive()  # nothing runs while the card is not seen


def test_the_next_waking_day_reads_its_own_plan(qtbot, journal):
    """At midnight the card reads the new day's plan (empty here)."""
    journal.day_plan.add(DAY, GROUP)
    clock = Clock(23, 50)
    card = _card(qtbot, journal, clock)
    assert card.timer.interval() == 10 * 60_000  # to midnight
    clock.moment = datetime.combine(date(2026, 12, 1), time(0, 0))
    card.timer.timeout.emit()
    assert card.day == date(2026, 12, 1)
    assert card.line.text() == EMPTY


def test_a_window_crossing_midnight_keeps_the_evening_on_its_day(qtbot, journal):
    """10:00–02:00: at 01:00 on Tuesday it is still Monday's waking day, group at 00:30."""
    journal.preferences.set_waking_window(WakingWindow(10 * 60, 2 * 60))
    late = BlockTimes(24 * 60 + 30, 25 * 60 + 30, "Night walk", BlockCategory.EXERCISE)
    journal.day_plan.add(DAY, late)
    card = _card(qtbot, journal, Clock(1, 0, date(2026, 12, 1)))
    assert card.day == DAY
    assert card.line.text() == "Now: Night walk until 01:30"


def test_an_empty_day_without_a_template_offers_only_the_link(qtbot, journal):
    card = _card(qtbot, journal, Clock(10))
    assert card.line.text() == EMPTY
    assert card.fill_button.isHidden() and card.idle.text() == EMPTY_HINT
    assert not card.open_button.isHidden()


def _today_page(qtbot, journal) -> TodayPage:
    page = TodayPage(journal)
    qtbot.addWidget(page)
    follow_journal(page, journal)
    page.resize(1024 - 190, 600)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def test_an_empty_day_fills_from_the_usual_weekday_and_the_card_follows(qtbot, journal):
    """With a usual plan for today's weekday the card offers it; one click (or Alt+F) fills
    today, and the card shows the plan at once (it follows My day's changes)."""
    today = date.today()
    journal.day_plan.save_template(today.weekday(), [WORK, GROUP])
    page = _today_page(qtbot, journal)
    card = page.day_card
    assert card.isVisible() and card.line.text() == EMPTY
    assert card.fill_button.text() == f"&Fill today from my usual {weekday_name(today)}"
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # clicks after a moment
    qtbot.waitUntil(lambda: card.line.text() != EMPTY)
    assert [b.title for b in journal.day_plan.blocks(card.day)] == ["Work", "Group meeting"]
    assert card.line.text() != EMPTY and card.fill_button.isHidden()
    assert card.idle.text().startswith("Idle time today:")


def test_open_my_day_from_the_keyboard(qtbot, journal):
    """Tab reaches "Open My day"; Space and Alt+P ask for the My day page."""
    page = _today_page(qtbot, journal)
    button = page.day_card.open_button
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    with qtbot.waitSignal(page.my_day_wanted):
        qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    button.setFocus()
    with qtbot.waitSignal(page.my_day_wanted):
        qtbot.keyClick(button, Qt.Key.Key_Space)


def test_the_card_stays_put_between_days_and_when_a_plan_comes(qtbot, journal):
    """The card is about today, so it stays where it is while the user moves between days,
    and an empty day's two lines keep the height of a planned day's: the form never moves."""
    page = _today_page(qtbot, journal)
    first = page.form.first_field()

    def top():
        page.layout().activate()  # lay out now what changed
        return first.mapTo(page, first.rect().topLeft()).y()

    before = top()
    page.step(-1)
    assert page.day_card.isVisible() and top() == before
    page.go_to(date.today())
    journal.day_plan.add(page.day_card.day, WORK)
    assert page.day_card.line.text() != EMPTY
    assert top() == before


def test_the_card_leaves_the_check_in_form_in_view_at_1024_by_600(qtbot, journal):
    """With a plan, the card takes two short lines: the form's first questions stay on
    screen in the page's room on a 1024×600 screen."""
    journal.day_plan.add(date.today(), WORK)
    page = _today_page(qtbot, journal)
    card = page.day_card
    assert card.height() <= 80
    first = page.form.first_field()
    top = first.mapTo(page, first.rect().topLeft()).y()
    assert top + first.height() < page.height()


def test_open_my_day_shows_the_my_day_page_in_the_window(qtbot, window_for, journal):
    """In the main window, "Open My day" on Today's card switches to the My day page."""
    from recovery_desktop.ui.session import Session

    session = Session(journal.files)
    session.adopt(journal)
    window = window_for(session)
    today = window.workspace.open_page("Today")
    qtbot.mouseClick(today.day_card.open_button, Qt.MouseButton.LeftButton)
    assert window.workspace.nav.currentItem().text() == "My day"
    assert window.workspace.stack.currentWidget() is window.workspace.open_page("My day")


def test_another_days_check_in_shows_that_days_plan_not_todays(qtbot, journal):
    """On an earlier day's check-in the card keeps its place but describes that day: what
    was planned and its idle time (blocks ticked done count, the day being over), never
    today's "Now" or an offer to fill today; an empty day says so. Back on today's
    check-in it is about now again."""
    today = date.today()
    journal.day_plan.save_template(today.weekday(), [WORK])
    journal.day_plan.save_template((today - timedelta(days=1)).weekday(), [WORK])
    yesterday = today - timedelta(days=1)
    work = journal.day_plan.add(yesterday, WORK)
    journal.day_plan.add(yesterday, GROUP)
    journal.day_plan.set_done(work.id, True)
    page = _today_page(qtbot, journal)
    card = page.day_card
    assert card.line.text() == EMPTY and card.fill_button.isVisible()
    page.step(-1)
    day = short_day(yesterday)
    assert card.isVisible()
    assert card.line.text() == f"On {day}: 2 blocks planned, 1 done"
    assert (
        card.idle.text() == "Idle time that day: 8 h"
    )  # 07:00–23:00 less work's 8 h (the group not done)
    assert card.fill_button.isHidden()
    page.step(-1)
    assert card.line.text() == f"Nothing planned on {short_day(yesterday - timedelta(1))}."
    assert card.fill_button.isHidden()
    assert "today" not in card.accessibleDescription()
    page.go_to(today)
    assert card.line.text() == EMPTY and card.fill_button.isVisible()
