"""My day through qtbot: adding, moving, resizing, editing, ticking, deleting and undoing
blocks by keyboard and mouse, each read back from the journal reopened."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from recovery_desktop.data.errors import StorageProblem
from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.calendar_text import short_day
from recovery_desktop.domain.day_plan import BlockCategory, BlockTimes, WakingWindow
from recovery_desktop.ui.dialogs.day_block_dialog import DayBlockDialog
from recovery_desktop.ui.pages.day.page import DayPage
from tests.conftest import PASSPHRASE
from tests.ui.conftest import shown_day_page
from tests.ui.modal import stop_watching, when_shown  # noqa: F401 (stop_watching: fixture)

YESTERDAY = date.today() - timedelta(days=1)
LUNCH = BlockTimes(12 * 60, 13 * 60, "Lunch", BlockCategory.MEALS)


def _page(qtbot, journal, day: date = YESTERDAY) -> DayPage:
    return shown_day_page(qtbot, journal, day)


def _reopened_blocks(journal, files, day: date = YESTERDAY):
    journal.close()
    reopened = open_with_passphrase(files, PASSPHRASE)
    try:
        return [
            (b.start, b.end, b.title, b.category, b.done) for b in reopened.day_plan.blocks(day)
        ]
    finally:
        reopened.close()


def _saved(page: DayPage) -> bool:
    return page.side.status.text().startswith("Saved")


def _fill_dialog(title: str, category: BlockCategory | None = None):
    def act(dialog: DayBlockDialog) -> None:
        dialog.title_edit.setText(title)
        if category is not None:
            dialog.category.setCurrentIndex(dialog.category.findData(category))
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    return act


def _answer_overlap(monkeypatch, keep: bool) -> list[str]:
    """Answer "This overlaps …": Keep both, or Go back. Returns the questions asked."""
    asked: list[str] = []

    def exec_(box):
        asked.append(box.text())
        wanted = box.defaultButton() if keep else box.escapeButton()
        wanted.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def _centre(page: DayPage, minute: int) -> QPoint:
    timeline = page.timeline
    return QPoint(timeline.width() // 2, round(timeline.scale().y(minute)))


def _drag(qtbot, page: DayPage, start: QPoint, end: QPoint) -> None:
    timeline = page.timeline
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=start)
    middle = QPoint(start.x(), (start.y() + end.y()) // 2)
    for point in (middle, end):
        qtbot.mouseMove(timeline, point)
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=end)


def test_insert_adds_a_block_at_the_first_free_hour(qtbot, journal, files):
    """Insert on the timeline opens the dialog at 07:00–08:00 on an empty past day; the
    block is saved before "Saved" shows and is there after reopening."""
    page = _page(qtbot, journal)
    page.timeline.setFocus()
    seen = when_shown(DayBlockDialog, _fill_dialog("Walk", BlockCategory.EXERCISE))
    qtbot.keyClick(page.timeline, Qt.Key.Key_Insert)
    assert len(seen) == 1 and _saved(page)
    # A past day: only blocks ticked done count as planned time.
    assert "Planned and done: 0 min\nIdle: 16 h\n" in page.side.summary.text()
    assert _reopened_blocks(journal, files) == [(420, 480, "Walk", BlockCategory.EXERCISE, False)]


def test_dragging_on_empty_time_draws_a_block_in_quarter_hours(qtbot, journal, files):
    """A drag from about 09:05 to about 10:20 opens the dialog at 09:00–10:15: each end
    goes to the nearest quarter hour."""
    page = _page(qtbot, journal)
    times = []

    def act(dialog):
        times.append((dialog.start.currentText(), dialog.end.currentText()))
        _fill_dialog("Study")(dialog)

    when_shown(DayBlockDialog, act)
    _drag(qtbot, page, _centre(page, 9 * 60 + 5), _centre(page, 10 * 60 + 20))
    assert times == [("09:00", "10:15")]
    assert _reopened_blocks(journal, files) == [(540, 615, "Study", BlockCategory.OTHER, False)]


def test_the_block_dialog_refuses_what_cannot_be_saved_and_keeps_it(qtbot, journal):
    """An empty title, a title too long and an end before the start each get a message in
    the dialog, which stays open with what was typed."""
    page = _page(qtbot, journal)
    messages = []

    def act(dialog):
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        ok.click()
        messages.append(dialog.error.text())
        dialog.title_edit.setText("x" * 81)
        ok.click()
        messages.append(dialog.error.text())
        dialog.title_edit.setText("Nap")
        dialog.end.setCurrentIndex(0)
        dialog.start.setCurrentIndex(dialog.start.count() - 1)
        ok.click()
        messages.append(dialog.error.text())
        assert dialog.isVisible() and dialog.title_edit.text() == "Nap"

    when_shown(DayBlockDialog, act)
    page.add_block(-1, -1)
    assert messages == [
        "Please give the block a title.",
        "A title can be at most 80 characters.",
        "A block must end after it starts.",
    ]
    assert journal.day_plan.blocks(YESTERDAY) == []


def test_arrows_move_and_shift_arrows_resize_by_quarter_hours(qtbot, journal, files):
    """Tab chooses the block; Down moves it 15 minutes later, Shift+Down makes it end 15
    minutes later, Up moves it back: each saved."""
    journal.day_plan.add(YESTERDAY, LUNCH)
    page = _page(qtbot, journal)
    page.picker.today_button.setFocus()
    qtbot.keyClick(page.picker.today_button, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: page.timeline.hasFocus())
    assert page.timeline.selected().title == "Lunch"
    for key, modifier in (
        (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_Up, Qt.KeyboardModifier.NoModifier),
    ):
        qtbot.keyClick(page.timeline, key, modifier)
    assert _saved(page)
    assert _reopened_blocks(journal, files) == [(735, 810, "Lunch", BlockCategory.MEALS, False)]


def test_the_mouse_moves_a_block_and_its_bottom_edge_resizes_it(qtbot, journal, files):
    """Dragging the body an hour down moves it; dragging the bottom edge half an hour
    further makes it longer; both in quarter-hour steps."""
    journal.day_plan.add(YESTERDAY, LUNCH)
    page = _page(qtbot, journal)
    _drag(qtbot, page, _centre(page, 12 * 60 + 30), _centre(page, 13 * 60 + 32))
    qtbot.waitUntil(lambda: page.timeline.blocks[0].start == 13 * 60)
    block = page.timeline.blocks[0]
    edge = page.timeline.block_rect(block).bottom() - 2
    start = QPoint(page.timeline.width() // 2, round(edge))
    end = QPoint(start.x(), round(edge + page.timeline.scale().per_minute * 30))
    _drag(qtbot, page, start, end)
    assert _reopened_blocks(journal, files) == [(780, 870, "Lunch", BlockCategory.MEALS, False)]


def test_enter_edits_space_ticks_done(qtbot, journal, files):
    """Enter opens the chosen block; its new title and category are saved; Space ticks it
    done and the day says 1 of 1 block done."""
    journal.day_plan.add(YESTERDAY, LUNCH)
    page = _page(qtbot, journal)
    page.timeline.setFocus()
    qtbot.keyClick(page.timeline, Qt.Key.Key_Down)  # chooses the first block
    when_shown(DayBlockDialog, _fill_dialog("Lunch with Sam", BlockCategory.SOCIAL))
    qtbot.keyClick(page.timeline, Qt.Key.Key_Return)
    qtbot.keyClick(page.timeline, Qt.Key.Key_Space)
    assert "Done: 1 of 1 block" in page.side.summary.text()
    assert _reopened_blocks(journal, files) == [
        (720, 780, "Lunch with Sam", BlockCategory.SOCIAL, True)
    ]


def test_delete_and_ctrl_z_brings_the_block_back(qtbot, journal, files):
    """Delete removes the chosen block at once; Ctrl+Z puts it back, tick and all."""
    block = journal.day_plan.add(YESTERDAY, LUNCH)
    journal.day_plan.set_done(block.id, True)
    page = _page(qtbot, journal)
    page.timeline.setFocus()
    qtbot.keyClick(page.timeline, Qt.Key.Key_Down)
    qtbot.keyClick(page.timeline, Qt.Key.Key_Delete)
    assert page.timeline.blocks == [] and "Ctrl+Z" in page.side.status.text()
    assert journal.day_plan.blocks(YESTERDAY) == []
    qtbot.keyClick(page.timeline, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [b.title for b in page.timeline.blocks] == ["Lunch"]
    assert page.side.status.text().endswith("Undone.")
    assert _reopened_blocks(journal, files) == [(720, 780, "Lunch", BlockCategory.MEALS, True)]


@pytest.mark.parametrize("keep", [True, False])
def test_an_overlap_is_asked_about_calmly(qtbot, journal, files, monkeypatch, keep):
    """Moving a block onto Lunch asks "This overlaps Lunch (12:00–13:00). Keep both?";
    Keep both saves the move, Go back leaves the block where it was."""
    journal.day_plan.add(YESTERDAY, LUNCH)
    journal.day_plan.add(YESTERDAY, BlockTimes(11 * 60, 12 * 60, "Call", BlockCategory.SOCIAL))
    page = _page(qtbot, journal)
    asked = _answer_overlap(monkeypatch, keep)
    page.timeline.setFocus()
    qtbot.keyClick(page.timeline, Qt.Key.Key_Down)  # Call, the first block
    qtbot.keyClick(page.timeline, Qt.Key.Key_Down)
    assert asked == ["This overlaps Lunch (12:00–13:00). Keep both?"]
    call = (675, 735) if keep else (660, 720)
    assert _reopened_blocks(journal, files) == [
        (*call, "Call", BlockCategory.SOCIAL, False),
        (720, 780, "Lunch", BlockCategory.MEALS, False),
    ]


def test_the_undo_button_and_the_chosen_block_buttons_work_only_when_they_can(qtbot, journal):
    """No dead buttons: Edit, Mark done and Delete wait for a chosen block, Undo for a change."""
    journal.day_plan.add(YESTERDAY, LUNCH)
    page = _page(qtbot, journal)
    side = page.side
    assert not any(b.isEnabled() for b in (side.edit_button, side.delete_button, side.undo_button))
    page.timeline.select(page.timeline.blocks[0])
    assert side.edit_button.isEnabled() and side.done_button.isEnabled()
    qtbot.mouseClick(side.done_button, Qt.MouseButton.LeftButton)
    assert side.undo_button.isEnabled() and side.done_button.text() == "Mark not &done"
    qtbot.mouseClick(side.undo_button, Qt.MouseButton.LeftButton)
    assert not journal.day_plan.blocks(YESTERDAY)[0].done


def test_a_change_the_journal_refuses_says_so_and_the_block_stays(qtbot, journal, monkeypatch):
    """A move that cannot be saved (a full disk) shows "Not saved: …", never "Saved", and
    the block stays where the journal has it."""
    journal.day_plan.add(YESTERDAY, LUNCH)
    page = _page(qtbot, journal)

    def fail(_block):
        raise StorageProblem("The disk is full.")

    monkeypatch.setattr(journal.day_plan, "update", fail)
    page.timeline.setFocus()
    qtbot.keyClick(page.timeline, Qt.Key.Key_Down)
    qtbot.keyClick(page.timeline, Qt.Key.Key_Down)
    assert page.side.status.text() == "Not saved: The disk is full."
    assert page.timeline.blocks[0].start == 720
    assert not page.side.undo_button.isEnabled()


def test_undo_and_redo_work_with_the_focus_in_the_date_field(qtbot, journal, files):
    """Ctrl+Z and Redo (Ctrl+Shift+Z; Ctrl+Y on Windows) take a change back and do it
    again from anywhere on the page, the date field too (it has nothing of its own to undo)."""
    journal.day_plan.add(YESTERDAY, LUNCH)
    page = _page(qtbot, journal)
    page.timeline.setFocus()
    qtbot.keyClick(page.timeline, Qt.Key.Key_Down)
    qtbot.keyClick(page.timeline, Qt.Key.Key_Delete)
    assert page.timeline.blocks == []
    field = page.picker.date_edit
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [b.title for b in page.timeline.blocks] == ["Lunch"]
    assert page.side.status.text().endswith("Undone.")
    [redo, *_] = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    combo = redo[0]
    qtbot.keyClick(field, combo.key(), combo.keyboardModifiers())
    assert page.timeline.blocks == [] and page.side.status.text().endswith("Done again.")
    assert field.date().toPython() == YESTERDAY
    assert _reopened_blocks(journal, files) == []


def test_blocks_outside_the_waking_day_are_named_beside_the_timeline(qtbot, journal):
    """A window narrowed in Settings after planning: the blocks it leaves out are named in
    the side panel, and Tab to one names it in the status line."""
    journal.preferences.set_waking_window(WakingWindow(7 * 60, 12 * 60 + 30))
    journal.day_plan.add(YESTERDAY, BlockTimes(9 * 60, 10 * 60, "Study", BlockCategory.OTHER))
    journal.day_plan.add(YESTERDAY, BlockTimes(12 * 60, 13 * 60, "Lunch", BlockCategory.MEALS))
    journal.day_plan.add(YESTERDAY, BlockTimes(13 * 60, 14 * 60 + 30, "Walk", BlockCategory.OTHER))
    page = _page(qtbot, journal)
    assert page.side.outside.isVisibleTo(page)
    assert page.side.outside.text().startswith(
        "Outside your waking day: Lunch 12:00–13:00, Walk 13:00–14:30."
    )
    page.timeline.setFocus()
    for _ in range(3):
        qtbot.keyClick(page.timeline, Qt.Key.Key_Tab)
    assert page.timeline.selected().title == "Walk"
    assert page.side.status.text() == "Chosen: Walk 13:00–14:30, outside your waking day."
    journal.preferences.set_waking_window(WakingWindow(7 * 60, 22 * 60))
    page.refresh()
    assert not page.side.outside.isVisibleTo(page)


def test_the_heading_names_the_page(qtbot, journal):
    """ "My day — Yesterday, Sun 29 Nov": not to be taken for Today's heading, and short
    enough to stay on one line beside the day picker at 1024 pixels."""
    page = _page(qtbot, journal)
    assert page.heading.text().startswith("My day — Yesterday, ")
    page.go_to(date.today())
    assert page.heading.text() == f"My day — Today, {short_day(date.today())}"
