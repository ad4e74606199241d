"""◀ and ▶ of the day picker shared by Today and My day stop at the first and the last day
allowed (1 January 1950, today): the day shown never leaves them, by button or key."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from recovery_desktop.domain.dates import EARLIEST_DAY
from recovery_desktop.ui.pages.day.page import DayPage
from recovery_desktop.ui.pages.today.page import TodayPage
from tests.ui.conftest import follow_journal

LEFT = Qt.MouseButton.LeftButton


def _day_page(journal):
    return DayPage(journal.day_plan, journal.preferences)


def _today_page(journal):
    return TodayPage(journal)


@pytest.mark.parametrize("make", [_day_page, _today_page], ids=["my day", "today"])
def test_previous_stops_at_the_first_allowed_day(qtbot, journal, make):
    page = make(journal)
    follow_journal(page, journal)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    picker = page.picker
    page.go_to(EARLIEST_DAY + timedelta(days=1))
    qtbot.mouseClick(picker.previous_button, LEFT)
    assert page.day == EARLIEST_DAY and picker.day == EARLIEST_DAY
    assert not picker.previous_button.isEnabled()
    qtbot.mouseClick(picker.previous_button, LEFT)
    picker.step(-1)  # Alt+Left
    picker.step(-7)
    page.go_to(EARLIEST_DAY - timedelta(days=1))
    assert page.day == EARLIEST_DAY and picker.day == EARLIEST_DAY
    assert "1949" not in page.heading.text() and "1950" in page.heading.text()
    assert picker.date_edit.date().toPython() == EARLIEST_DAY
    qtbot.mouseClick(picker.next_button, LEFT)
    assert page.day == EARLIEST_DAY + timedelta(days=1) and picker.previous_button.isEnabled()
    page.go_to(date.today())
    assert not picker.next_button.isEnabled()
    picker.step(1)
    assert page.day == date.today()
