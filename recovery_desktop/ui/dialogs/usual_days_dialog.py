"""Usual days: the blocks of each weekday's template, where one can be changed or removed
and a weekday's template cleared. Every change is saved at once (one transaction, through
``DayPlanRepository.save_template``); days already planned stay as they are."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.calendar_text import WEEKDAYS
from recovery_desktop.domain.day_plan import BlockCategory, BlockTimes, WakingWindow, minute_text
from recovery_desktop.domain.day_words import block_times_text
from recovery_desktop.domain.drafts import Draft
from recovery_desktop.ui.dialogs.day_block_dialog import DayBlockDialog
from recovery_desktop.ui.plain_text import tooltip_lines
from recovery_desktop.ui.widgets.block_look import category_icon
from recovery_desktop.ui.widgets.questions import confirm
from recovery_desktop.ui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from recovery_desktop.data.day_plan import DayPlanRepository


def block_line(times: BlockTimes) -> str:
    """ "07:00–08:00  Walk · Exercise" """
    return (
        f"{minute_text(times.start)}–{minute_text(times.end)}  {times.title} · "
        f"{times.category.label}"
    )


class UsualDaysDialog(QDialog):
    """Shows ``weekday``'s usual plan first (0 = Monday). With ``draft`` (a usual day's
    block being changed when the journal locked), its block dialog opens again at once,
    filled in as it was left."""

    def __init__(
        self,
        plan: DayPlanRepository,
        window: WakingWindow,
        weekday: int,
        parent: QWidget | None = None,
        draft: Draft | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.waking = window
        self.blocks: list[BlockTimes] = []
        self.setWindowTitle("Usual days")
        self.setMinimumWidth(480)
        self.weekday = QComboBox(self)
        self.weekday.setAccessibleName("Weekday")
        for number, name in enumerate(WEEKDAYS):
            self.weekday.addItem(name, number)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Blocks of the usual day")
        self.list.setMinimumHeight(160)
        self.list.setWordWrap(True)  # a long title wraps; the list never scrolls sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.itemActivated.connect(lambda _item: self.change())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.change_button = QPushButton("&Change…", self)
        self.change_button.clicked.connect(self.change)
        self.remove_button = QPushButton("&Remove", self)
        self.remove_button.clicked.connect(self.remove)
        self.clear_button = QPushButton("C&lear this day", self)
        self.clear_button.clicked.connect(self.clear)
        self.status = StatusLine("Usual days status", self)
        self._build()
        self.weekday.currentIndexChanged.connect(lambda _i: self.load())
        self.weekday.setCurrentIndex(weekday)
        self.load()
        if draft is not None:
            QTimer.singleShot(0, self, lambda: self._resume(draft))

    def _build(self) -> None:
        intro = QLabel(
            "A usual day fills an empty day only when you ask (“Fill from my usual …” on "
            "My day). Changing it here leaves days already planned as they are.",
            self,
        )
        intro.setWordWrap(True)
        intro.setObjectName("hintLabel")
        form = QFormLayout()
        form.addRow("&Weekday:", self.weekday)
        buttons = QHBoxLayout()
        for button in (self.change_button, self.remove_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(close)

    def chosen_weekday(self) -> int:
        return int(self.weekday.currentData())

    def load(self) -> None:
        try:
            template = self.plan.template(self.chosen_weekday())
        except JournalError as error:
            self.status.setText(str(error))
            return
        self.blocks = list(template.blocks) if template is not None else []
        self.list.clear()
        for times in self.blocks:
            icon = category_icon(times.category, self.fontMetrics().height() - 4)
            item = QListWidgetItem(icon, block_line(times), self.list)
            item.setToolTip(tooltip_lines(times.note))
        if not self.blocks:
            empty = QListWidgetItem(
                f"No usual {self.weekday.currentText()} yet. Plan a "
                f"{self.weekday.currentText()} on My day, then save it as your usual one.",
                self.list,
            )
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.setCurrentRow(0 if self.blocks else -1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = 0 <= self.list.currentRow() < len(self.blocks)
        self.change_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.clear_button.setEnabled(bool(self.blocks))

    def _save(self, blocks: list[BlockTimes], done: str) -> bool:
        try:
            self.plan.save_template(self.chosen_weekday(), blocks)
        except JournalError as error:
            self.status.setText(f"Not saved: {error}")
            return False
        row = self.list.currentRow()
        self.load()
        self.list.setCurrentRow(min(row, len(self.blocks) - 1))
        self.status.setText(done)
        return True

    def change(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.blocks):
            self._edit(row)

    def _resume(self, draft: Draft) -> None:
        """Reopen the block dialog the lock closed: for its row if that block is still
        there, else as a new block of this usual day (nothing typed is dropped)."""
        row = draft.number("row")
        if row is None or not 0 <= row < len(self.blocks):
            row = -1
        else:
            self.list.setCurrentRow(row)
        self._edit(row, draft)

    def _edit(self, row: int, draft: Draft | None = None) -> None:
        """The block dialog for ``row`` (-1: a new block), kept as a draft on a lock."""

        def save(times: BlockTimes, _done: bool) -> bool:
            others = [b for index, b in enumerate(self.blocks) if index != row]
            return self._save(sorted([*others, times], key=lambda b: b.start), "Saved.")

        start = self.waking.span[0]
        times = (
            self.blocks[row] if row >= 0 else BlockTimes(start, start + 60, "", BlockCategory.OTHER)
        )
        dialog = DayBlockDialog(
            times,
            self.waking,
            save,
            new=row < 0,
            done=None,
            usual=(self.chosen_weekday(), row),
            parent=self,
        )
        if draft is not None:
            dialog.resume(draft)
        dialog.exec()
        dialog.deleteLater()

    def remove(self) -> None:
        """Asks first: a removed block of a usual day has no undo."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.blocks):
            return
        name = self.weekday.currentText()
        times = self.blocks[row]
        if confirm(
            self,
            "Remove a block",
            f"Remove {block_times_text(times)} from your usual {name}?",
            "Days already planned stay as they are.",
            "&Remove",
        ):
            self._save([*self.blocks[:row], *self.blocks[row + 1 :]], "Removed.")

    def clear(self) -> None:
        name = self.weekday.currentText()
        if confirm(
            self,
            f"Clear your usual {name}",
            f"Clear your usual {name}, removing all its blocks?",
            "Days already planned stay as they are.",
            "C&lear",
        ):
            self._save([], f"Your usual {name} is cleared.")
