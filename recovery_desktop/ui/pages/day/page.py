"""My day: the chosen day's plan on a timeline of the waking window, what it adds up to
(planned and idle hours, the longest idle stretch, blocks done), and the usual days.

Every change is one saved change before the status line says "Saved", and one undo step
(Ctrl+Z; the steps are kept while the page shows the same day)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.changes import Change
from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.calendar_text import day_heading
from recovery_desktop.domain.day_edits import DEFAULT_LENGTH, next_free_slot
from recovery_desktop.domain.day_plan import (
    BlockCategory,
    BlockTimes,
    DayBlock,
    WakingWindow,
    day_is_over,
    overlaps,
    waking_day,
)
from recovery_desktop.domain.day_words import block_times_text, outside_waking
from recovery_desktop.domain.drafts import Draft, DraftKind
from recovery_desktop.ui.dialogs.day_block_dialog import DayBlockDialog
from recovery_desktop.ui.dialogs.drafts import restore_day
from recovery_desktop.ui.dialogs.usual_days_dialog import UsualDaysDialog
from recovery_desktop.ui.pages.day.commands import Added, BlockIds, Changed, Deleted
from recovery_desktop.ui.pages.day.day_side import DaySide, overlap_question
from recovery_desktop.ui.pages.day.timeline import Timeline
from recovery_desktop.ui.widgets.day_picker import DayPicker, allowed
from recovery_desktop.ui.widgets.layout import page_heading, scroll_area

if TYPE_CHECKING:
    from recovery_desktop.data.appointments import AppointmentRepository
    from recovery_desktop.data.day_plan import DayPlanRepository
    from recovery_desktop.data.preferences import PreferenceRepository


class DayPage(QWidget):
    """The plan of one day (today at first); see the module's note."""

    title = "My day"
    shows = frozenset({Change.DAY_PLAN, Change.PREFERENCES, Change.APPOINTMENTS})
    draft_kinds = (DraftKind.DAY_BLOCK,)

    def __init__(
        self,
        plan: DayPlanRepository,
        preferences: PreferenceRepository,
        parent: QWidget | None = None,
        appointments: AppointmentRepository | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.preferences = preferences
        self.appointments = appointments  # shown read-only beside the blocks
        self.day = date.today()
        self.waking = WakingWindow()
        self.blocks: list[DayBlock] = []
        self.ids = BlockIds()
        self.undo_stack = QUndoStack(self)
        self._shown_once = False
        self._follows_today = True  # showing the day that was today when it was loaded
        self._failures = 0  # changes the journal refused, so "Saved" is not said after one
        self.heading = page_heading("", self)
        self.picker = DayPicker("Day of the plan", parent=self)
        self.picker.day_chosen.connect(self.go_to)
        self.picker.add_shortcuts(self)
        self.timeline = Timeline(self)
        self.side = DaySide(plan, self)
        self._build()
        self._connect()
        self.load(self.day)
        # Moves the line of the present time while the page is on screen; reads nothing.
        self._clock = QTimer(self)
        self._clock.setInterval(60_000)
        self._clock.timeout.connect(lambda: self.timeline.set_now(self._now_minute()))

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.picker)
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 4, 0)
        column.addWidget(self.timeline)
        column.addStretch(1)
        self.scroller = scroll_area(holder, self)
        self.scroller.setAccessibleName("Day timeline area")
        body = QHBoxLayout()
        body.addWidget(self.scroller, 3)
        body.addWidget(scroll_area(self.side, self), 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

    def _connect(self) -> None:
        line = self.timeline
        line.add_requested.connect(self.add_block)
        line.edit_requested.connect(self.edit_block)
        line.change_requested.connect(self.change_block)
        line.done_requested.connect(self.toggle_done)
        line.delete_requested.connect(self.delete_block)
        line.selection_changed.connect(self._chosen)
        line.appointment_clicked.connect(self.side.appointment_chosen)
        side = self.side
        side.add_button.clicked.connect(lambda: self.add_block(-1, -1))
        side.edit_button.clicked.connect(lambda: self._with_selected(self.edit_block))
        side.done_button.clicked.connect(lambda: self._with_selected(self.toggle_done))
        side.delete_button.clicked.connect(lambda: self._with_selected(self.delete_block))
        side.undo_button.clicked.connect(self.undo)
        side.filled.connect(self._filled)
        side.usual_days.clicked.connect(lambda: self.open_usual_days())
        side.failed.connect(self.side.status.setText)
        undo = QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)
        redo = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        for keys, action in (
            *((keys, self.undo) for keys in undo),
            *((keys, self.redo) for keys in redo),
            (QKeySequence(Qt.Key.Key_Insert), lambda: self.add_block(-1, -1)),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    # -- the day shown -------------------------------------------------------------------
    def go_to(self, day: date) -> None:
        if day != self.day and allowed(day):
            self.load(day)

    def load(self, day: date) -> None:
        """Show ``day``; the undo steps of another day are dropped."""
        if day != self.day:
            self.undo_stack.clear()
            self.ids = BlockIds()
            self.timeline.select(None)
        self.day = day
        self._follows_today = day == date.today()
        self.picker.show_day(day)
        self.heading.setText(self._heading_text(day))
        self.side.status.clear()
        self.refresh()
        self._show_now()

    @staticmethod
    def _heading_text(day: date) -> str:
        """The page's name first, so it never reads as Today's heading; the short date keeps
        it on one line at 1024 pixels."""
        return f"My day — {day_heading(day, date.today(), short=True)}"

    def refresh(self) -> None:
        """Read the day's blocks and the waking window again and show them."""
        try:
            self.waking = self.preferences.waking_window()
            self.blocks = self.plan.blocks(self.day)
            shown = self.appointments.between(self.day, self.day) if self.appointments else []
        except JournalError as error:
            self.side.status.setText(str(error))
            return
        self.timeline.show_appointments(shown)
        self.side.show_appointments(shown)
        self.timeline.show_day(self.blocks, self.waking, self._now_minute())
        over = day_is_over(self.day, self.waking, datetime.now())
        self.side.show_day(self.day, self.blocks, self.waking, over)
        self._update_buttons()

    def _now_minute(self) -> int | None:
        """The present time on the shown day's scale; None unless the day is the waking
        day now."""
        day, minute = waking_day(datetime.now(), self.waking)
        return minute if day == self.day else None

    def _show_now(self) -> None:
        """Scroll the present time to a third of the way down (today), else to the top.
        Waits for the layout, which sizes the scroll area only once the page is shown."""
        QTimer.singleShot(0, self._scroll_to_now)

    def _scroll_to_now(self) -> None:
        minute = self._now_minute()
        y = round(self.timeline.scale().y(minute)) if minute is not None else 0
        bar = self.scroller.verticalScrollBar()
        bar.setValue(max(0, y - self.scroller.viewport().height() // 3))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timeline.set_now(self._now_minute())
        self._clock.start()
        if not self._shown_once:
            self._shown_once = True
            self._show_now()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._clock.stop()

    def data_changed(self, _kinds: frozenset[Change]) -> None:
        """Blocks, usual days or the waking window changed (``ui/change_signal.py``)."""
        self.refresh()

    def day_changed(self, today: date) -> None:
        """The local date changed: the picker's limits follow; a page showing the day that
        was today moves on with it, unless it holds undo steps of that day (then the user
        is working on it); a day the user chose stays."""
        self.picker.set_today(today)
        if self._follows_today and self.day < today and self.undo_stack.count() == 0:
            self.load(today)
        self.heading.setText(self._heading_text(self.day))
        self.refresh()  # "today" and whether the day is over changed

    def _update_buttons(self) -> None:
        chosen = self.timeline.selected()
        self.side.block_chosen(chosen, self.undo_stack.canUndo())

    def _chosen(self, block: DayBlock | None) -> None:
        """A block chosen (Tab, arrows, a click): one outside the waking day, which the
        timeline cannot show, is named in the status line."""
        self._update_buttons()
        if block is not None and outside_waking(block, self.waking):
            self.side.status.setText(f"Chosen: {block_times_text(block)}, outside your waking day.")

    def _with_selected(self, action: Callable[[DayBlock], object]) -> None:
        """Run a button's ``action`` on the chosen block (the button is off without one)."""
        chosen = self.timeline.selected()
        if chosen is not None:
            action(chosen)

    # -- changes -------------------------------------------------------------------------
    def undo(self) -> None:
        """Take back the last change (Ctrl+Z); the stack's signals are not followed, as
        they also fire while the page is being destroyed."""
        if self.undo_stack.canUndo():
            self._step(self.undo_stack.undo, "Undone.")

    def redo(self) -> None:
        if self.undo_stack.canRedo():
            self._step(self.undo_stack.redo, "Done again.")

    def _step(self, action: Callable[[], None], message: str) -> None:
        failures = self._failures
        action()
        self.refresh()
        if self._failures == failures:
            self._saved(message)

    def _push(self, step: QUndoCommand) -> None:
        self.undo_stack.push(step)
        self._update_buttons()

    def _saved(self, message: str = "") -> None:
        self.side.status.setText(f"Saved at {datetime.now():%H:%M}. {message}".strip())

    def _failed(self, message: str) -> None:
        self._failures += 1
        self.side.status.setText(message)
        self.refresh()

    def _keeps_overlap(self, times: BlockTimes, before: DayBlock | None = None) -> bool:
        """Asks before a block comes to overlap others it did not overlap already."""
        ignore = before.id if before is not None else 0
        already = {b.id for b in overlaps(before.times, self.blocks, ignore)} if before else set()
        new = [b for b in overlaps(times, self.blocks, ignore) if b.id not in already]
        return not new or overlap_question(self, new)

    def add_block(self, start: int, end: int, draft: Draft | None = None) -> None:
        """Open the block dialog for a new block at ``start``–``end`` (both -1: the next
        free hour of the window, from now on today), filled from ``draft`` when given."""
        if start < 0:
            start, end = self._free_slot()
        times = BlockTimes(start, end, "", BlockCategory.OTHER)
        dialog = DayBlockDialog(
            times, self.waking, self._save_new, new=True, done=None, kept=(self.day, 0), parent=self
        )
        self._run(dialog, draft)

    def _run(self, dialog: DayBlockDialog, draft: Draft | None) -> None:
        if draft is not None:
            dialog.resume(draft)
        dialog.exec()
        dialog.deleteLater()
        self.timeline.setFocus()

    def _free_slot(self) -> tuple[int, int]:
        now_day, minute = waking_day(datetime.now(), self.waking)
        after = minute if now_day == self.day else None
        slot = next_free_slot(self.blocks, self.waking, after)
        if slot is None and after is not None:
            slot = next_free_slot(self.blocks, self.waking)
        start = self.waking.span[0]
        return slot if slot is not None else (start, start + DEFAULT_LENGTH)

    def _save_new(self, times: BlockTimes, _done: bool) -> bool:
        if not self._keeps_overlap(times):
            return False
        block = self.plan.add(self.day, times)
        self._push(Added(self.plan, self.ids, self._failed, [block], "add"))
        self.timeline.select(block)
        self._saved()
        return True

    def edit_block(self, block: DayBlock, draft: Draft | None = None) -> None:
        def save(times: BlockTimes, done: bool) -> bool:
            return self._save_change(block, replace(block, times=times, done=done))

        dialog = DayBlockDialog(
            block.times,
            self.waking,
            save,
            new=False,
            done=block.done,
            kept=(self.day, block.id),
            parent=self,
        )
        self._run(dialog, draft)

    def resume_draft(self, draft: Draft) -> None:
        """Reopen the block dialog that was open when the journal locked, as it was left:
        on its day, for its block (a new one if that block is gone); a usual day's block
        reopens inside Usual days."""
        weekday = draft.number("weekday")
        if weekday is not None and 0 <= weekday <= 6:
            self.open_usual_days(weekday, draft)
            return
        restore_day(draft, "day", self.go_to)
        block = next((b for b in self.blocks if b.id == draft.number("id")), None)
        if block is None:
            self.add_block(-1, -1, draft)
        else:
            self.edit_block(block, draft)

    def change_block(self, block: DayBlock, times: BlockTimes) -> None:
        """A move or resize from the timeline: saved, or taken back if the user does not
        want the overlap it makes."""
        try:
            if not self._save_change(block, replace(block, times=times)):
                self.refresh()
        except (JournalError, ValueError) as error:
            self._failed(f"Not saved: {error}")

    def _save_change(self, before: DayBlock, after: DayBlock) -> bool:
        if after == before:
            return True
        if after.times != before.times and not self._keeps_overlap(after.times, before):
            return False
        self.plan.update(after)
        self._push(Changed(self.plan, self.ids, self._failed, before, after))
        self._saved()
        return True

    def toggle_done(self, block: DayBlock) -> None:
        after = replace(block, done=not block.done)
        try:
            self.plan.set_done(block.id, after.done)
        except JournalError as error:
            self._failed(f"Not saved: {error}")
            return
        self._push(Changed(self.plan, self.ids, self._failed, block, after))
        self._saved()

    def delete_block(self, block: DayBlock) -> None:
        try:
            deleted = self.plan.delete(block.id)
        except JournalError as error:
            self._failed(f"Not deleted: {error}")
            return
        self.timeline.select(None)
        self._push(Deleted(self.plan, self.ids, self._failed, deleted))
        self._saved("Deleted; Ctrl+Z brings it back until the journal is locked.")

    def _filled(self, blocks: list[DayBlock]) -> None:
        """The side panel filled the empty day (usual day, yesterday): one undo step."""
        self._push(Added(self.plan, self.ids, self._failed, blocks, "fill"))
        self._saved()

    def open_usual_days(self, weekday: int | None = None, draft: Draft | None = None) -> None:
        """Usual days, on ``weekday`` (the shown day's by default), resuming ``draft``."""
        chosen = self.day.weekday() if weekday is None else weekday
        dialog = UsualDaysDialog(self.plan, self.waking, chosen, self, draft)
        dialog.exec()
        dialog.deleteLater()
        self.refresh()

    # -- the page's part in the window ---------------------------------------------------
    def focus_first(self) -> None:
        self.timeline.setFocus()

    def flush(self) -> bool:
        return True
