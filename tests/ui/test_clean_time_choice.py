"""Counting clean time is the user's choice: no badge and no nagging while they don't."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWizard

from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE
from recovery_desktop.ui.dialogs.clean_date_dialog import CleanDateDialog
from recovery_desktop.ui.dialogs.lapse_dialog import LapseDialog
from recovery_desktop.ui.pages.clean_time import CleanTimePage
from recovery_desktop.ui.pages.today.page import TodayPage
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.widgets.clean_badge import CleanBadge
from tests.ui.conftest import PAGE_TITLES, wizard_at_first_steps

TODAY = date.today()


def _visible_text(widget):
    return " ".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


def _window(window_for, journal, files):
    session = Session(files)
    session.adopt(journal)
    return window_for(session)


@pytest.fixture
def not_counting(qtbot, files, monkeypatch):
    """A journal from the first-run wizard with "Count my clean time" left unticked."""
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    wizard, created = wizard_at_first_steps(qtbot, files)
    assert not wizard.first_steps.count.isChecked()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    yield created[0]
    created[0].close()


def test_leaving_count_unticked_shows_no_badge_and_no_nagging(
    qtbot, window_for, not_counting, files
):
    """Neither the sidebar nor Today asks for a clean date, on any screen."""
    window = _window(window_for, not_counting, files)
    assert not_counting.preferences.counting_clean_time() is False
    for row in range(window.workspace.nav.count()):
        window.workspace.show_page(row)
        text = _visible_text(window)
        assert "clean date" not in text.lower(), window.workspace.nav.item(row).text()
        assert not any(badge.isVisible() for badge in window.findChildren(CleanBadge))


def test_the_clean_time_page_still_offers_to_start_counting(
    qtbot, window_for, not_counting, files, monkeypatch
):
    """ "Start counting…" sets a clean date, turns counting on, and the badges appear."""
    window = _window(window_for, not_counting, files)
    window.workspace.show_page(PAGE_TITLES.index("Clean time"))
    page = window.workspace.page(CleanTimePage)
    assert "You chose not to count clean days" in _visible_text(page)

    def set_twelve_days_ago(dialog):
        dialog.start.setDate(dialog.start.date().addDays(-12))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(CleanDateDialog, "exec", set_twelve_days_ago)
    [start] = [b for b in page.findChildren(QPushButton) if b.text() == "Start counting…"]
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    assert not_counting.recovery_time.counting()
    qtbot.waitUntil(lambda: "12 days" in _visible_text(page), timeout=3000)
    today = window.workspace.page(TodayPage).badge
    [sidebar] = [b for b in window.findChildren(CleanBadge) if b is not today]
    assert sidebar.text() == "12 days clean"  # on screen: at once
    window.workspace.open_page(TodayPage)  # Today's own badge counts again when shown
    qtbot.waitUntil(lambda: sidebar.text() == today.text() == "12 days clean", timeout=3000)


def test_an_older_journal_without_a_clean_date_is_not_nagged(qtbot, window_for, journal, files):
    """Made before the choice was stored, with no clean date: treated as not counting."""
    assert journal.preferences.counting_clean_time() is None
    window = _window(window_for, journal, files)
    assert not any(badge.isVisible() for badge in window.findChildren(CleanBadge))
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY - timedelta(days=3), TODAY)
    badges = window.findChildren(CleanBadge)
    qtbot.waitUntil(lambda: all(b.isVisible() and b.text() == "3 days clean" for b in badges))


def test_only_one_badge_invites_a_clean_date(qtbot, window_for, journal, files):
    """Counting but without a clean date: the sidebar invites, Today's badge stays hidden."""
    journal.recovery_time.set_counting(True)
    window = _window(window_for, journal, files)
    visible = [badge for badge in window.findChildren(CleanBadge) if badge.isVisible()]
    assert [badge.text() for badge in visible] == ["No clean date yet"]
    assert not window.workspace.page(TodayPage).badge.isVisible()


def test_a_lapse_while_not_counting_starts_no_count(qtbot, not_counting):
    """The lapse is kept; "Start counting from" is unticked, so no count appears."""
    dialog = LapseDialog(not_counting.recovery_time, not_counting.contacts, datetime.now())
    qtbot.addWidget(dialog)
    assert not dialog.count.isHidden() and not dialog.count.isChecked()
    assert not dialog.new_start.isEnabled() and dialog.again.isHidden()
    dialog.accept()
    assert dialog.after_message() == "Saved. Thank you for writing it down."
    assert not_counting.counts()["lapses"] == 1
    assert not_counting.recovery_time.periods() == []
    assert not not_counting.recovery_time.counting()


def test_a_running_count_always_starts_again_after_a_lapse(qtbot, journal):
    """With a count running, the new start cannot be switched off."""
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY - timedelta(days=9), TODAY)
    dialog = LapseDialog(journal.recovery_time, journal.contacts, datetime.now())
    qtbot.addWidget(dialog)
    assert dialog.count.isChecked() and dialog.count.isHidden()
    assert dialog.new_start.isEnabled()
    assert dialog.new_start.accessibleName() == "Start counting again from"
