"""Clean time: the streak and cumulative days per substance, attempts and lapses, kept forever."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.changes import Change
from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.dates import EARLIEST_DAY, LATEST_DAY
from recovery_desktop.domain.drafts import Draft, DraftKind
from recovery_desktop.domain.recovery_time import (
    DEFAULT_SUBSTANCE,
    CleanPeriod,
    CleanTime,
    Lapse,
    clean_time,
    count_sentence,
    cumulative_sentence,
    streak_text,
    substances,
)
from recovery_desktop.ui.dialogs.clean_date_dialog import CleanDateDialog
from recovery_desktop.ui.widgets.layout import clear_layout, page_heading, scroll_area

if TYPE_CHECKING:
    from recovery_desktop.data.recovery_time import RecoveryTimeRepository


class OpenLapse(Protocol):
    """Opens the lapse flow (the one in ``ui/flows.py``), with a kept draft if there is one."""

    def __call__(self, *, draft: Draft | None = None) -> object: ...


def _day(day: date) -> str:
    return date_text(day, "%a %-d %b %Y")


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], parent: QWidget) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers), parent)
    table.setTabKeyNavigation(False)  # Tab moves on to the next control, not cell to cell
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))
    height = 36 + 32 * max(1, len(rows))
    table.setMinimumHeight(min(320, height))
    table.setMaximumHeight(max(320, height) if len(rows) > 8 else height)
    return table


def _attempt_row(period: CleanPeriod, lapses: dict[int | None, Lapse], today: date) -> list[str]:
    """Substance, from, to, days and how it ended; an attempt still to come says so."""
    if not period.started(today):
        return [period.substance, _day(period.start), "", "", "starts tomorrow"]
    if period.current:
        ended = "ongoing"
    elif period.lapse_id in lapses:
        ended = f"lapse on {_day(lapses[period.lapse_id].day)}"
    else:
        ended = "ended"
    to = _day(period.end) if period.end else "now"
    return [period.substance, _day(period.start), to, str(period.days(today)), ended]


class CleanTimePage(QWidget):
    title = "Clean time"
    draft_kinds = (DraftKind.CLEAN_DATE, DraftKind.LAPSE)
    shows = frozenset({Change.CLEAN_TIME})

    def __init__(
        self,
        recovery_time: RecoveryTimeRepository,
        open_lapse: OpenLapse,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.recovery_time = recovery_time
        self.open_lapse = open_lapse
        self.body = QWidget(self)
        self.body_layout = QVBoxLayout(self.body)
        layout = QVBoxLayout(self)
        layout.addWidget(page_heading("Clean time", self))
        layout.addWidget(scroll_area(self.body, self), 1)
        self.refresh()

    def data_changed(self, _kinds: frozenset[Change]) -> None:
        """Clean dates, lapses or the choice to count changed (``ui/change_signal.py``)."""
        self.refresh()

    def day_changed(self, _today: date) -> None:
        """The local date changed: the streak, the sentences and the history count again."""
        self.refresh()

    def refresh(self) -> None:
        clear_layout(self.body_layout)
        try:
            periods = self.recovery_time.periods()
            lapses = self.recovery_time.lapses(EARLIEST_DAY, LATEST_DAY)
            counting = self.recovery_time.counting()
        except JournalError as error:
            problem = QLabel(str(error), self.body)
            problem.setTextFormat(Qt.TextFormat.PlainText)
            problem.setWordWrap(True)  # read in full, within the page
            self.body_layout.addWidget(problem)
            return
        today = date.today()
        names = substances(periods) or [DEFAULT_SUBSTANCE]
        for name in names:
            time = clean_time(periods, name, today)
            self.body_layout.addWidget(self._card(name, time, today, counting))
        add = QPushButton("Add a clean date for something else…", self.body)
        add.clicked.connect(lambda: self._clean_date_dialog(None, None))
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        holder = QWidget(self.body)
        holder.setLayout(row)
        self.body_layout.addWidget(holder)
        self.body_layout.addWidget(self._history(periods, lapses, today))
        self.body_layout.addStretch(1)

    def _card(self, substance: str, time: CleanTime | None, today: date, counting: bool) -> QFrame:
        card = QFrame(self.body)
        card.setObjectName("card")
        layout = QVBoxLayout(card)
        big = QLabel(card)
        big.setObjectName("bigNumber")
        detail = QLabel(card)
        detail.setWordWrap(True)
        if time is not None:
            big.setText(streak_text(time, today))
            detail.setText(f"{count_sentence(time, today, named=True)} {cumulative_sentence(time)}")
        elif counting:
            big.setText("No clean date yet")
            detail.setText(f"Set the first day without {substance.lower()} to start counting.")
        else:
            big.setText("Not counting")
            detail.setText(
                "You chose not to count clean days, and that's fine. "
                "If you'd like to start, you can do it here at any time."
            )
        buttons = QHBoxLayout()
        date_button = QPushButton(
            "Correct the clean date…"
            if time is not None
            else ("Set the clean date…" if counting else "Start counting…"),
            card,
        )
        date_button.clicked.connect(
            lambda: self._clean_date_dialog(substance, time.since if time else None)
        )
        buttons.addWidget(date_button)
        if time is not None:
            lapse = QPushButton("Record a lapse…", card)
            lapse.clicked.connect(lambda: self.open_lapse())
            buttons.addWidget(lapse)
        buttons.addStretch(1)
        layout.addWidget(big)
        layout.addWidget(detail)
        layout.addLayout(buttons)
        card.setAccessibleName(f"Clean time for {substance}")
        return card

    def _history(self, periods: list[CleanPeriod], lapses: list[Lapse], today: date) -> QGroupBox:
        box = QGroupBox("History (kept for good)", self.body)
        layout = QVBoxLayout(box)
        by_id = {lapse.id: lapse for lapse in lapses}
        attempts = [_attempt_row(p, by_id, today) for p in reversed(periods)]
        layout.addWidget(QLabel("Attempts", box))
        layout.addWidget(
            _table(("Clean time", "From", "To", "Days", "How it ended"), attempts, box)
        )
        layout.addWidget(QLabel("Lapses" if lapses else "No lapses recorded.", box))
        for lapse in reversed(lapses):
            layout.addWidget(self._lapse_note(lapse, box))
        return box

    @staticmethod
    def _lapse_note(lapse: Lapse, parent: QWidget) -> QLabel:
        lines = [f"{_day(lapse.day)}, {lapse.at:%H:%M} · {lapse.substance}"]
        for label, text in (
            ("What was used", lapse.what_used),
            ("What happened before", lapse.before),
            ("What would help next time", lapse.would_help),
            ("Who I'll tell", lapse.tell),
        ):
            if text:
                lines.append(f"{label}: {text}")
        note = QLabel("\n".join(lines), parent)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        note.setObjectName("lapseNote")
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return note

    def _clean_date_dialog(
        self, substance: str | None, start: date | None, draft: Draft | None = None
    ) -> None:
        dialog = CleanDateDialog(self.recovery_time, substance, start, self)
        if draft is not None:
            dialog.resume(draft)
        if dialog.exec():
            self.refresh()
        dialog.deleteLater()

    def resume_draft(self, draft: Draft) -> None:
        """Reopen the dialog that was open when the journal locked, as it was left."""
        if draft.kind is DraftKind.LAPSE:
            self.open_lapse(draft=draft)
            return
        substance = draft.text("substance") if draft.flag("fixed") else None
        self._clean_date_dialog(substance, None, draft)

    def flush(self) -> bool:
        return True
