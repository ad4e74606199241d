"""A read-only look inside a backup: what it holds, from when to when, its latest entries.

Nothing here can be edited: labels only, and the backup was read from a private copy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.backup_files import BackupFile
from recovery_desktop.data.backup_view import BackupContents
from recovery_desktop.domain.backup_words import counts_words, moment_text, reason_words
from recovery_desktop.domain.calendar_text import date_text, long_date
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.recovery_time import Lapse
from recovery_desktop.domain.scales import CRAVING, MOOD
from recovery_desktop.ui.widgets.layout import scroll_area
from recovery_desktop.ui.window_size import available_size

WIDTH = 640
T = TypeVar("T")
NOTE_CHARACTERS = 300  # a long note is shortened here; the whole note is in the restored journal


def viewer_title(backup: BackupFile) -> str:
    return f"Backup from {moment_text(backup.taken_at.astimezone())} (read-only)"


def _label(text: str, parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= NOTE_CHARACTERS else text[: NOTE_CHARACTERS - 1] + "…"


def checkin_line(checkin: CheckIn) -> str:
    parts = [date_text(checkin.day, "%a %-d %b %Y")]
    if checkin.mood is not None:
        parts.append(f"mood {MOOD.describe(checkin.mood)}")
    if checkin.craving_peak is not None:
        parts.append(f"strongest craving {checkin.craving_peak}")
    line = ", ".join(parts)
    return f"{line}\n{_short(checkin.note)}" if checkin.note.strip() else line


def craving_line(craving: Craving) -> str:
    parts = [date_text(craving.started_at, "%a %-d %b %Y, %H:%M")]
    if craving.intensity is not None:
        parts.append(f"intensity {CRAVING.describe(craving.intensity)}")
    if craving.outcome is not None:
        parts.append(craving.outcome.label.lower())
    line = ", ".join(parts)
    return f"{line}\n{_short(craving.thoughts)}" if craving.thoughts.strip() else line


def lapse_line(lapse: Lapse) -> str:
    line = date_text(lapse.at, "%a %-d %b %Y, %H:%M")
    return f"{line}\n{_short(lapse.what_used)}" if lapse.what_used.strip() else line


class BackupViewer(QDialog):
    """Shows ``contents`` of ``backup``; Close (or Esc) is the only thing to do."""

    def __init__(
        self, backup: BackupFile, contents: BackupContents, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.backup = backup
        self.setWindowTitle(viewer_title(backup))
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.addWidget(_label(self._summary(contents), body))
        self._section(column, body, "Latest check-ins", contents.latest_checkins, checkin_line)
        self._section(column, body, "Latest cravings", contents.latest_cravings, craving_line)
        self._section(column, body, "Lapses", contents.lapses, lapse_line)
        column.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        heading = _label(viewer_title(backup), self, "heading")
        layout.addWidget(heading)
        layout.addWidget(
            _label(
                "This is a look inside a backup. Nothing here can be changed.", self, "hintLabel"
            )
        )
        layout.addWidget(scroll_area(body, self), 1)
        layout.addWidget(buttons)
        screen = available_size(self)
        self.resize(min(WIDTH, screen.width() - 40), min(560, screen.height() - 60))
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()

    def _summary(self, contents: BackupContents) -> str:
        made = f"Taken {reason_words(self.backup.reason)}."
        holds = f"It holds {counts_words(contents.counts)}."
        if contents.first_day is None or contents.last_day is None:
            return f"{made} {holds}"
        span = f"From {long_date(contents.first_day)} to {long_date(contents.last_day)}."
        return f"{made} {holds} {span}"

    def _section(
        self,
        column: QVBoxLayout,
        parent: QWidget,
        title: str,
        items: Sequence[T],
        line: Callable[[T], str],
    ) -> None:
        box = QGroupBox(title, parent)
        layout = QVBoxLayout(box)
        if not items:
            layout.addWidget(_label("None.", box))
        for item in items:
            layout.addWidget(_label(line(item), box))
        column.addWidget(box)
