"""A block of the day's plan (or of a usual day): title, category, start, end, note and,
for a day's block, whether it is done.

The dialog checks what was typed (``BlockTimes.validate``) and then hands it to
``save``, which stores it (asking about an overlap first) and says whether it did; a
refusal from the journal is shown in the dialog and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.day_edits import time_choices
from recovery_desktop.domain.day_plan import (
    BlockCategory,
    BlockTimes,
    WakingWindow,
    minute_text,
)
from recovery_desktop.domain.drafts import Draft, DraftKind, DraftValue
from recovery_desktop.ui.dialogs.contact_dialog import notes_edit
from recovery_desktop.ui.dialogs.drafts import KeepsDraft
from recovery_desktop.ui.widgets.block_look import category_icon, category_text
from recovery_desktop.ui.widgets.layout import compact_combo, ok_cancel
from recovery_desktop.ui.widgets.passphrase import ErrorLabel

# Stores the block as typed (times, done); False when the user took it back (an overlap
# they did not want). Raises JournalError or ValueError when the journal refuses it.
SaveBlock = Callable[[BlockTimes, bool], bool]


class DayBlockDialog(QDialog, KeepsDraft):
    """Edits ``times`` (a new block's proposed times, or an existing one's). ``done`` is
    None for a new block or a usual day's block, which have no tick. ``kept`` names the
    day's block (its day and row id, 0 for a new one) whose typing is kept as a draft when
    the journal locks; ``usual`` (weekday, row in that usual day; row -1 for a new one)
    names a usual day's block, kept the same way."""

    def __init__(
        self,
        times: BlockTimes,
        window: WakingWindow,
        save: SaveBlock,
        *,
        new: bool,
        done: bool | None = False,
        kept: tuple[date, int] | None = None,
        usual: tuple[int, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.save = save
        self.kept = kept
        self.usual = usual
        kept_at_all = kept is not None or usual is not None
        self.draft_kind = DraftKind.DAY_BLOCK if kept_at_all else None
        self.setWindowTitle("New block" if new else "Edit block")
        self.setMinimumWidth(460)
        self.error = ErrorLabel(self)
        self.title_edit = QLineEdit(times.title, self)
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setPlaceholderText("For example: Lunch, Group meeting, Walk")
        self.category = compact_combo(QComboBox(self), 20)
        self.category.setAccessibleName("Category")
        for category in BlockCategory:
            icon = category_icon(category, self.fontMetrics().height() - 4)
            self.category.addItem(icon, category_text(category), category)
        self.category.setCurrentIndex(self.category.findData(times.category))
        choices = time_choices(window, times.start, times.end)
        self.start = self._time_combo("Start", choices[:-1], times.start)
        self.end = self._time_combo("End", choices[1:], times.end)
        self.note_edit = notes_edit("Note", "Optional", self)
        self.note_edit.setPlainText(times.note)
        self.done_box = QCheckBox("&Done", self)
        self.done_box.setChecked(bool(done))
        self._build(new, with_done=done is not None)
        self.error.clear_when_edited(
            self.title_edit, self.category, self.start, self.end, self.note_edit
        )
        self.title_edit.setFocus()
        self.title_edit.selectAll()
        self.remember_untouched()

    def _time_combo(self, name: str, minutes: list[int], chosen: int) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        for minute in minutes:
            combo.addItem(minute_text(minute), minute)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        return combo

    def _build(self, new: bool, with_done: bool) -> None:
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(QLabel("to", self))
        times.addWidget(self.end)
        times.addStretch(1)
        form = QFormLayout()
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Category:", self.category)
        start_label = QLabel("&From:", self)
        start_label.setBuddy(self.start)
        form.addRow(start_label, times)
        form.addRow("&Note:", self.note_edit)
        if with_done:
            form.addRow("", self.done_box)
        else:
            self.done_box.hide()
        self.buttons = ok_cancel(self, "&Add" if new else "&Save")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def draft_values(self) -> dict[str, DraftValue]:
        day, block_id = self.kept or (None, 0)
        weekday, row = self.usual or (None, None)
        return {
            "weekday": weekday,
            "row": row,
            "day": day.isoformat() if day is not None else None,
            "id": block_id,
            "start": self.start.currentData(),
            "end": self.end.currentData(),
            "title": self.title_edit.text(),
            "category": self.category.currentData().value,
            "note": self.note_edit.toPlainText(),
            "done": self.done_box.isChecked(),
        }

    def restore_draft(self, draft: Draft) -> None:
        self.title_edit.setText(draft.text("title"))
        self.note_edit.setPlainText(draft.text("note"))
        self.done_box.setChecked(draft.flag("done"))
        for combo, name in ((self.start, "start"), (self.end, "end")):
            index = combo.findData(draft.number(name))
            if index >= 0:
                combo.setCurrentIndex(index)
        category = self.category.findData(_category(draft.text("category")))
        if category >= 0:
            self.category.setCurrentIndex(category)

    def times(self) -> BlockTimes:
        """What is typed, as a block's times (not checked)."""
        return BlockTimes(
            start=int(self.start.currentData()),
            end=int(self.end.currentData()),
            title=self.title_edit.text().strip(),
            category=self.category.currentData(),
            note=self.note_edit.toPlainText().strip(),
        )

    def accept(self) -> None:
        times = self.times()
        try:
            times.validate()
            kept = self.save(times, self.done_box.isChecked())
        except ValueError as error:  # DayPlanError, or the journal's own check
            self.error.show_message(str(error))
            return
        except JournalError as error:
            self.error.show_message(f"Not saved: {error} What you typed is still here.")
            return
        if kept:
            super().accept()


def _category(value: str) -> BlockCategory | None:
    return next((c for c in BlockCategory if c.value == value), None)
