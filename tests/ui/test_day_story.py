"""Today tells one story: "used" answers, lapses and cravings that agree, never silently."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.cravings import Craving, Outcome
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE, Lapse, clean_time
from recovery_desktop.ui.dialogs.craving_panel import CravingPanel
from recovery_desktop.ui.dialogs.lapse_dialog import LapseDialog
from recovery_desktop.ui.flows import Flows, craving_panel
from recovery_desktop.ui.pages.today.page import TodayPage
from recovery_desktop.ui.session import Session
from tests.conftest import PASSPHRASE
from tests.ui.conftest import answer_keep_lapse, click_choice

TODAY = date.today()
TOMORROW = TODAY + timedelta(days=1)


@pytest.fixture
def sixty_days(journal):
    """60 days clean."""
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY - timedelta(days=60), TODAY)
    return journal


@pytest.fixture
def messages(monkeypatch):
    """Information boxes, recorded instead of shown."""
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text: shown.append(text))
    return shown


def _lapse_dialog(monkeypatch, record: bool):
    """Answer the lapse flow with Save (``record``) or Not now; returns the dialogs opened."""
    opened = []

    def exec_(dialog):
        opened.append(dialog)
        if record:
            dialog.accept()
        return dialog.result() if record else 0

    monkeypatch.setattr(LapseDialog, "exec", exec_)
    return opened


def _today(window_for, journal, files):
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    return window, window.workspace.page(TodayPage)


def _streak(journal):
    return clean_time(journal.recovery_time.periods(), DEFAULT_SUBSTANCE, TODAY).streak


def _saved(qtbot, page):
    qtbot.waitUntil(lambda: page.status.text().startswith("Saved"), timeout=3000)


def _used_yes_with_a_lapse(journal, day=TODAY, new_start=TOMORROW):
    journal.checkins.save(CheckIn(day, used=True))
    return journal.recovery_time.record_lapse(
        Lapse(None, datetime.combine(day, datetime.min.time()), DEFAULT_SUBSTANCE),
        new_start,
        TODAY,
    )


def test_not_now_leaves_a_gentle_line_that_offers_the_lapse_flow_again(
    qtbot, window_for, sixty_days, files, monkeypatch, messages
):
    """Yes, then "Not now": Today says the day is marked used and offers to record it."""
    _window, page = _today(window_for, sixty_days, files)
    opened = _lapse_dialog(monkeypatch, record=False)
    click_choice(qtbot, page.form.yes_no["used"], "Yes")
    _saved(qtbot, page)
    assert len(opened) == 1 and _streak(sixty_days) == 60
    line = page.story.use_line
    assert line.isVisible()
    assert line.text() == "You marked this day as used. Record it when you're ready."
    opened = _lapse_dialog(monkeypatch, record=True)
    qtbot.mouseClick(line.button, Qt.MouseButton.LeftButton)
    assert [d.lapse_day() for d in opened] == [TODAY]
    assert not line.isVisible() and page.story.shown() == []
    assert _streak(sixty_days) == 0 and "starts tomorrow" in messages[0]


def test_saving_on_lock_never_opens_the_lapse_flow(
    qtbot, window_for, sixty_days, files, monkeypatch
):
    """A "yes" saved while locking waits on Today's line instead of a dialog mid-lock."""
    window, page = _today(window_for, sixty_days, files)
    opened = _lapse_dialog(monkeypatch, record=False)
    click_choice(qtbot, page.form.yes_no["used"], "Yes")
    window.lock_now()
    assert opened == []
    reopened = open_with_passphrase(files, PASSPHRASE)
    assert reopened.checkins.get(TODAY).used is True
    reopened.close()


@pytest.mark.parametrize("answer", ["keep", "escape"])
def test_switching_to_no_keeps_the_lapse_unless_asked_to_remove_it(
    qtbot, window_for, sixty_days, files, monkeypatch, answer
):
    """Changing "yes" to "no" asks; Keep (Enter or Esc) keeps the lapse and the yes."""
    _used_yes_with_a_lapse(sixty_days)
    _window, page = _today(window_for, sixty_days, files)
    asked = answer_keep_lapse(qtbot, monkeypatch, answer)
    click_choice(qtbot, page.form.yes_no["used"], "No")
    assert len(asked) == 1 and "A lapse is recorded for" in asked[0].text()
    assert page.form.yes_no["used"].value() is True
    _saved(qtbot, page)
    assert sixty_days.checkins.get(TODAY).used is True
    assert sixty_days.counts()["lapses"] == 1 and _streak(sixty_days) == 0


def test_removing_a_mistaken_lapse_gives_the_clean_time_back(
    qtbot, window_for, sixty_days, files, monkeypatch
):
    """ "Remove it, it was a mistake": the lapse goes and the 60 days run on."""
    _used_yes_with_a_lapse(sixty_days)
    _window, page = _today(window_for, sixty_days, files)
    answer_keep_lapse(qtbot, monkeypatch, "remove")
    click_choice(qtbot, page.form.yes_no["used"], "No")
    _saved(qtbot, page)
    assert sixty_days.checkins.get(TODAY).used is False
    assert sixty_days.counts()["lapses"] == 0 and _streak(sixty_days) == 60
    assert page.story.shown() == []
    qtbot.waitUntil(lambda: page.badge.text() == "60 days clean", timeout=3000)


def test_a_lapse_that_cannot_be_undone_cleanly_stays_and_says_why(
    qtbot, window_for, sixty_days, files, monkeypatch, messages
):
    """With a later lapse recorded, removing yesterday's is refused in plain words."""
    yesterday = TODAY - timedelta(days=1)
    _used_yes_with_a_lapse(sixty_days, yesterday, yesterday)
    _used_yes_with_a_lapse(sixty_days)
    _window, page = _today(window_for, sixty_days, files)
    page.go_to(yesterday)
    answer_keep_lapse(qtbot, monkeypatch, "remove")
    click_choice(qtbot, page.form.yes_no["used"], "Not answered")
    assert "Only the most recent lapse can be removed" in messages[0]
    assert page.form.yes_no["used"].value() is True
    assert sixty_days.counts()["lapses"] == 2


def test_a_lapse_recorded_elsewhere_offers_to_mark_the_day_used(
    qtbot, window_for, sixty_days, files, monkeypatch
):
    """A lapse from the Clean time page while Today says "no": one click makes it "yes"."""
    sixty_days.checkins.save(CheckIn(TODAY, used=False, mood=5))
    _window, page = _today(window_for, sixty_days, files)
    sixty_days.recovery_time.record_lapse(
        Lapse(None, datetime.now(), DEFAULT_SUBSTANCE), TOMORROW, TODAY
    )
    page.refresh_story()
    line = page.story.lapse_line
    assert line.isVisible() and "A lapse is recorded today" in line.text()
    assert sixty_days.checkins.get(TODAY).used is False  # nothing changed by itself
    opened = _lapse_dialog(monkeypatch, record=False)
    qtbot.mouseClick(line.button, Qt.MouseButton.LeftButton)
    _saved(qtbot, page)
    assert sixty_days.checkins.get(TODAY).used is True and sixty_days.checkins.get(TODAY).mood == 5
    assert opened == [] and not line.isVisible()


def _open_panel(qtbot, window):
    button = window.workspace.findChild(QPushButton, "cravingButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [panel] = [w for w in QApplication.topLevelWidgets() if isinstance(w, CravingPanel)]
    return panel


def test_i_used_then_not_now_stays_one_click_away(
    qtbot, window_for, sixty_days, files, monkeypatch, messages
):
    """After "I used" and "Not now", the panel and Today both offer to record the lapse."""
    window, page = _today(window_for, sixty_days, files)
    panel = _open_panel(qtbot, window)
    opened = _lapse_dialog(monkeypatch, record=False)
    click_choice(qtbot, panel.intensity, "8")
    click_choice(qtbot, panel.outcome, "I used")
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=3000)
    assert panel.lapse_line.isVisible()
    assert "Record the lapse when you're ready" in panel.lapse_line.text()
    assert page.story.use_line.text().endswith("ended in using. Record it when you're ready.")
    panel.close()
    opened = _lapse_dialog(monkeypatch, record=True)
    qtbot.mouseClick(page.story.use_line.button, Qt.MouseButton.LeftButton)
    [lapse] = sixty_days.recovery_time.lapses(TODAY, TODAY)
    assert lapse.craving_id == panel.craving.id and not page.story.use_line.isVisible()
    reopened = craving_panel(sixty_days, panel.craving)
    qtbot.addWidget(reopened)
    assert reopened.lapse_line.isHidden()


def test_changing_i_used_to_passed_asks_about_the_linked_lapse(qtbot, sixty_days, monkeypatch):
    """A craving whose outcome moves away from "I used" asks; Keep puts "I used" back."""
    craving = sixty_days.cravings.save(Craving(None, datetime.now(), 9, outcome=Outcome.USED))
    sixty_days.recovery_time.record_lapse(
        Lapse(None, datetime.now(), DEFAULT_SUBSTANCE, craving_id=craving.id), TOMORROW, TODAY
    )
    panel = craving_panel(sixty_days, craving)
    qtbot.addWidget(panel)
    asked = answer_keep_lapse(qtbot, monkeypatch, "keep")
    click_choice(qtbot, panel.outcome, "It passed")
    assert len(asked) == 1 and panel.outcome.value() is Outcome.USED
    answer_keep_lapse(qtbot, monkeypatch, "remove")
    click_choice(qtbot, panel.outcome, "It passed")
    assert panel.save_now()
    assert sixty_days.cravings.get(craving.id).outcome is Outcome.PASSED
    assert sixty_days.counts()["lapses"] == 0 and _streak(sixty_days) == 60


def test_a_stronger_logged_craving_offers_to_update_the_peak(qtbot, window_for, journal, files):
    """Peak 3, then a craving of 7 logged while Today is open: one click makes it 7."""
    journal.checkins.save(CheckIn(TODAY, craving_peak=3))
    window, page = _today(window_for, journal, files)
    assert page.story.shown() == []
    panel = _open_panel(qtbot, window)
    click_choice(qtbot, panel.intensity, "7")
    line = page.story.peak_line
    qtbot.waitUntil(line.isVisible, timeout=3000)
    assert line.text() == "Your logged cravings today reached 7."
    assert line.button.text() == "Use &7"
    assert journal.checkins.get(TODAY).craving_peak == 3  # the user's answer stands
    panel.close()
    qtbot.mouseClick(line.button, Qt.MouseButton.LeftButton)
    _saved(qtbot, page)
    assert journal.checkins.get(TODAY).craving_peak == 7 and not line.isVisible()


def test_an_unanswered_peak_is_offered_the_logged_one(qtbot, window_for, journal, files):
    """No peak answered yet and a craving of 6 logged: Today offers 6."""
    journal.cravings.save(Craving(None, datetime.now(), 6))
    _window, page = _today(window_for, journal, files)
    assert page.story.peak_line.text() == "Your logged cravings today reached 6."
    click_choice(qtbot, page.form.scales["craving_peak"], "8")
    assert not page.story.peak_line.isVisible()


def test_i_used_on_a_day_with_a_lapse_already_recorded_asks_for_nothing_more(
    qtbot, sixty_days, files, monkeypatch
):
    """A lapse recorded today (not for this craving) settles it: no lapse flow, no line."""
    sixty_days.recovery_time.record_lapse(
        Lapse(None, datetime.now(), DEFAULT_SUBSTANCE), TOMORROW, TODAY
    )
    craving = sixty_days.cravings.save(Craving(None, datetime.now(), 8))
    session = Session(files)
    session.adopt(sixty_days)
    flows = Flows(session)
    opened = _lapse_dialog(monkeypatch, record=False)
    panel = flows.open_craving(craving)
    click_choice(qtbot, panel.outcome, "I used")
    assert panel.save_now()
    assert sixty_days.cravings.get(craving.id).outcome is Outcome.USED
    assert opened == [] and panel.lapse_line.isHidden()
    panel.close()


def test_a_craving_before_the_clean_date_asks_for_no_lapse(qtbot, sixty_days, files, monkeypatch):
    """A craving from before the current clean date already isn't counted as clean."""
    long_ago = datetime.now() - timedelta(days=90)
    craving = sixty_days.cravings.save(Craving(None, long_ago, 8))
    session = Session(files)
    session.adopt(sixty_days)
    flows = Flows(session)
    opened = _lapse_dialog(monkeypatch, record=False)
    panel = flows.open_craving(craving)
    click_choice(qtbot, panel.outcome, "I used")
    assert panel.save_now()
    assert opened == [] and panel.lapse_line.isHidden()
    panel.close()
