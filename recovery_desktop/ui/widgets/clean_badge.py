"""The clean-time badge: the current streak, kept up to date as the journal changes.

One line of short text; the whole sentence is in the tooltip and the accessible name, so the
badge never wraps and never pushes what is below it down. While the user has chosen not to
count clean time it is hidden.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from recovery_desktop.data.changes import Change
from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.recovery_time import (
    CleanTime,
    badge_text,
    count_sentence,
    cumulative_sentence,
)
from recovery_desktop.domain.recovery_time import main_clean_time as first_clean_time

if TYPE_CHECKING:
    from recovery_desktop.data.recovery_time import RecoveryTimeRepository

INVITATION = "No clean date yet"
INVITATION_DETAIL = "You can set your clean date on the Clean time page."


def main_clean_time(recovery_time: RecoveryTimeRepository, today: date) -> CleanTime | None:
    """Clean time of the first substance (opioids unless the user has only others).

    Raises ``JournalError`` when the journal cannot be read."""
    return first_clean_time(recovery_time.periods(), today)


def badge_words(time: CleanTime, today: date) -> tuple[str, str]:
    """The badge's short text and the full sentence behind it."""
    full = " ".join(s for s in (count_sentence(time, today), cumulative_sentence(time)) if s)
    return badge_text(time, today), full


class CleanBadge(QLabel):
    """Shows "42 days clean"; counts again when clean time changes (``data_changed``, from
    the change signal) or the date does (``day_changed``).

    ``invite``: while counting but without a clean date, say so (only one badge on a screen
    does; the others stay hidden).
    """

    def __init__(
        self,
        recovery_time: RecoveryTimeRepository,
        parent: QWidget | None = None,
        invite: bool = False,
    ):
        super().__init__(parent)
        self.recovery_time = recovery_time
        self.invite = invite
        self.setObjectName("cleanBadge")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.refresh()

    def day_changed(self, _today: date) -> None:
        """The local date changed (midnight, a resume from sleep): count again now."""
        self.refresh()

    def data_changed(self, kinds: frozenset[Change]) -> None:
        """Records changed: count again if clean time was among them."""
        if Change.CLEAN_TIME in kinds:
            self.refresh()

    def refresh(self) -> None:
        today = date.today()
        try:
            counting = self.recovery_time.counting()
            time = main_clean_time(self.recovery_time, today) if counting else None
        except JournalError:
            return
        if time is not None:
            self._show(*badge_words(time, today))
        elif counting and self.invite:
            self._show(INVITATION, INVITATION_DETAIL)
        else:
            self._show("", "")

    def _show(self, text: str, full: str) -> None:
        self.setText(text)
        self.setToolTip(full)
        self.setAccessibleName(f"Clean time: {text}" if text else "Clean time")
        self.setAccessibleDescription(full)
        if not text:
            self.hide()
        elif self.parentWidget() is not None:  # a badge on its own is never a window
            self.show()
