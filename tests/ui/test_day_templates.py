"""My day's usual days and Copy yesterday, and the waking day set in Settings, each read
back from the journal reopened."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.calendar_text import weekday_name
from recovery_desktop.domain.day_plan import BlockCategory, BlockTimes, WakingWindow
from recovery_desktop.ui.dialogs.day_block_dialog import DayBlockDialog
from recovery_desktop.ui.dialogs.usual_days_dialog import UsualDaysDialog
from recovery_desktop.ui.pages.day.page import DayPage
from recovery_desktop.ui.pages.settings.waking_window import WakingWindowBox
from tests.conftest import PASSPHRASE
from tests.ui.conftest import shown_day_page
from tests.ui.modal import stop_watching, when_shown  # noqa: F401 (stop_watching: fixture)

TODAY = date.today()
LAST_WEEK = TODAY - timedelta(days=7)  # the same weekday as today
YESTERDAY = TODAY - timedelta(days=1)
WALK = BlockTimes(8 * 60, 9 * 60, "Walk", BlockCategory.EXERCISE)
GROUP = BlockTimes(18 * 60, 19 * 60 + 30, "Group", BlockCategory.MEETING, "Room 2")


def _page(qtbot, journal, day: date) -> DayPage:
    return shown_day_page(qtbot, journal, day)


def _reopened(journal, files):
    journal.close()
    return open_with_passphrase(files, PASSPHRASE)


def _answer_questions(monkeypatch, yes: bool) -> list[tuple[str, list[str]]]:
    """Answer every question box: its action button (``yes``) or Cancel. Returns what each
    asked, with its buttons, as the user reads them."""
    asked: list[tuple[str, list[str]]] = []

    def exec_(box):
        buttons = [b.text() for b in box.buttons()]
        asked.append((box.text(), buttons))
        cancel = box.escapeButton()
        wanted = next(b for b in box.buttons() if b is not cancel) if yes else cancel
        wanted.click()
        return 0

    def question(_parent, _title, text, _buttons, _default):  # a plain Yes/No box
        asked.append((text, ["&Yes", "&No"]))
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_save_as_usual_and_fill_an_empty_day_from_it(qtbot, journal, files, monkeypatch):
    """Last week's plan saved as the usual weekday fills today, empty, when asked; undo
    empties it again and redo fills it; the fill is there after reopening."""
    for times in (WALK, GROUP):
        journal.day_plan.add(LAST_WEEK, times)
    page = _page(qtbot, journal, LAST_WEEK)
    side = page.side
    weekday = weekday_name(TODAY)
    assert side.save_usual.text() == f"&Save as my usual {weekday}…"
    assert not side.fill_usual.isEnabled()
    assert side.fill_usual.toolTip() == "This day already has a plan."
    qtbot.mouseClick(side.save_usual, Qt.MouseButton.LeftButton)
    assert side.status.text() == f"Saved as your usual {weekday}."

    page.go_to(TODAY)
    assert side.fill_usual.isEnabled() and page.timeline.blocks == []
    qtbot.mouseClick(side.fill_usual, Qt.MouseButton.LeftButton)
    assert [b.title for b in page.timeline.blocks] == ["Walk", "Group"]
    assert not side.fill_usual.isEnabled()
    page.undo()
    assert page.timeline.blocks == [] and side.fill_usual.isEnabled()
    page.redo()
    reopened = _reopened(journal, files)
    try:
        filled = [(b.times, b.done) for b in reopened.day_plan.blocks(TODAY)]
        usual = reopened.day_plan.template(TODAY.weekday())
    finally:
        reopened.close()
    assert filled == [(WALK, False), (GROUP, False)]
    assert usual.blocks == (WALK, GROUP)


def test_replacing_a_usual_day_asks_first(qtbot, journal, monkeypatch):
    """Saving over an existing usual day asks; No keeps the old one, Yes replaces it."""
    journal.day_plan.save_template(TODAY.weekday(), [GROUP])
    journal.day_plan.add(TODAY, WALK)
    page = _page(qtbot, journal, TODAY)
    asked = _answer_questions(monkeypatch, yes=False)
    page.side.save_as_usual()
    weekday = weekday_name(TODAY)
    assert asked == [(f"Replace your usual {weekday} with this day?", ["&Replace", "Cancel"])]
    assert journal.day_plan.template(TODAY.weekday()).blocks == (GROUP,)
    _answer_questions(monkeypatch, yes=True)
    page.side.save_as_usual()
    assert journal.day_plan.template(TODAY.weekday()).blocks == (WALK,)


def test_a_new_day_is_never_filled_without_asking(qtbot, journal):
    """With a usual day saved, opening an empty day shows it empty, Fill offered."""
    journal.day_plan.save_template(TODAY.weekday(), [WALK])
    page = _page(qtbot, journal, TODAY)
    assert page.timeline.blocks == [] and journal.day_plan.blocks(TODAY) == []
    assert "Nothing planned for this day yet." in page.side.summary.text()
    assert page.side.fill_usual.isEnabled()


def test_copy_yesterday_fills_an_empty_day_without_the_ticks(qtbot, journal, files):
    """Copy yesterday is off (saying why) until yesterday has a plan; then it copies the
    blocks, undone, into the empty day."""
    page = _page(qtbot, journal, TODAY)
    side = page.side
    assert not side.copy_yesterday.isEnabled()
    assert side.copy_yesterday.toolTip() == "Nothing was planned the day before."
    walk = journal.day_plan.add(YESTERDAY, WALK)
    journal.day_plan.set_done(walk.id, True)
    assert side.copy_yesterday.isEnabled()  # the page followed the change
    qtbot.mouseClick(side.copy_yesterday, Qt.MouseButton.LeftButton)
    assert not side.copy_yesterday.isEnabled()
    reopened = _reopened(journal, files)
    try:
        copied = [(b.times, b.done) for b in reopened.day_plan.blocks(TODAY)]
    finally:
        reopened.close()
    assert copied == [(WALK, False)]


def test_usual_days_change_and_remove_blocks_and_clear_a_weekday(
    qtbot, journal, files, monkeypatch
):
    """In "Usual days…" a block's title changes, another is removed, and a weekday is
    cleared after a question."""
    journal.day_plan.save_template(0, [WALK, GROUP])
    journal.day_plan.save_template(1, [WALK])
    dialog = UsualDaysDialog(journal.day_plan, WakingWindow(), 0)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.item(0).text() == "08:00–09:00  Walk · Exercise"

    def rename(block_dialog):
        assert not block_dialog.done_box.isVisible()
        block_dialog.title_edit.setText("Long walk")
        block_dialog.accept()

    when_shown(DayBlockDialog, rename)
    dialog.change()
    dialog.list.setCurrentRow(1)
    asked = _answer_questions(monkeypatch, yes=False)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert asked == [("Remove Group 18:00–19:30 from your usual Monday?", ["&Remove", "Cancel"])]
    assert dialog.list.count() == 2  # Cancel kept it
    asked = _answer_questions(monkeypatch, yes=True)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 1 and dialog.status.text() == "Removed."
    dialog.weekday.setCurrentIndex(1)
    qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert asked[-1] == (
        "Clear your usual Tuesday, removing all its blocks?",
        ["C&lear", "Cancel"],
    )
    assert not dialog.clear_button.isEnabled()
    reopened = _reopened(journal, files)
    try:
        monday = reopened.day_plan.template(0)
        tuesday = reopened.day_plan.template(1)
    finally:
        reopened.close()
    assert [b.title for b in monday.blocks] == ["Long walk"]
    assert tuesday is None


def test_the_waking_day_set_in_settings_redraws_my_day(qtbot, journal, files):
    """Settings' two time fields save a window crossing midnight; My day, open beside it,
    redraws its timeline to 10:00–02:00; the same start and end is refused."""
    page = _page(qtbot, journal, TODAY)
    box = WakingWindowBox(journal.preferences)
    qtbot.addWidget(box)
    before = page.timeline.height()
    box.start.setCurrentIndex(box.start.findText("10:00"))
    box.end.setCurrentIndex(box.end.findText("02:00"))
    assert box.status.text() == "Saved: 16 h, past midnight."
    assert page.waking == WakingWindow(600, 120)
    assert page.timeline.scale().hours()[-1] == 1560
    assert page.timeline.height() == before  # 16 hours either way
    box.end.setCurrentIndex(box.end.findText("10:00"))
    assert box.status.text().startswith("Not saved: the day has to end at a different time")
    reopened = _reopened(journal, files)
    try:
        assert reopened.preferences.waking_window() == WakingWindow(600, 120)
    finally:
        reopened.close()
