"""Dialogs whose unfinished input is kept when the journal locks, and offered back after.

A dialog mixes in :class:`KeepsDraft`, says how to read its fields (``draft_values``) and
how to fill them in again (``restore_draft``), and calls ``remember_untouched()`` once it
is filled in, so that a dialog nobody typed in leaves no draft.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from datetime import date, datetime

from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from recovery_desktop.domain.dates import parse_day, parse_moment
from recovery_desktop.domain.drafts import Draft, DraftKind, DraftValue

RESUMED = "You were in the middle of this when the journal locked. Here it is, just as you left it."


class KeepsDraft:
    """Mixed into a dialog whose input is kept as a draft across a lock."""

    draft_kind: DraftKind | None = None
    _untouched: Mapping[str, DraftValue] | None = None

    def draft_values(self) -> dict[str, DraftValue]:
        """The fields as they are now (never a passphrase or a key)."""
        return {}

    def restore_draft(self, draft: Draft) -> None:
        """Fill the fields in from ``draft``."""

    def remember_untouched(self) -> None:
        self._untouched = self.draft_values()

    def unfinished(self) -> Draft | None:
        """What the user changed here, or None while the dialog is as it opened."""
        values = self.draft_values()
        if self.draft_kind is None or values == self._untouched:
            return None
        return Draft(self.draft_kind, values)

    def resume(self, draft: Draft) -> None:
        """Fill in ``draft`` and say, at the top, why the dialog is back."""
        self.restore_draft(draft)
        if isinstance(self, QWidget):
            show_resumed(self)


def show_resumed(dialog: QWidget) -> QLabel:
    """A calm line at the top of ``dialog``: it was open when the journal locked."""
    note = QLabel(RESUMED, dialog)
    note.setObjectName("gentleNote")
    note.setWordWrap(True)
    note.setAccessibleName("Picked up where you left off")
    layout = dialog.layout()
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, note)
    return note


def minutes(moment: datetime) -> str:
    """A moment as kept in a draft: local wall-clock time to the minute."""
    return moment.replace(second=0, microsecond=0).isoformat(timespec="minutes")


def restore_moment(draft: Draft, name: str, apply: Callable[[datetime], object]) -> None:
    """``apply`` the moment kept under ``name``, if it reads as one inside the journal's
    dates (a damaged draft of 9999-12-31 is left out)."""
    with contextlib.suppress(ValueError):
        apply(parse_moment(draft.text(name)))


def restore_day(draft: Draft, name: str, apply: Callable[[date], object]) -> None:
    """``apply`` the day kept under ``name``, if it reads as one inside the journal's dates."""
    with contextlib.suppress(ValueError):
        apply(parse_day(draft.text(name)))
