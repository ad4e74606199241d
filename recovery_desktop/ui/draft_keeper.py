"""What was typed in open dialogs, kept inside the journal when it locks and handed back
after the next unlock (see ``ui/dialogs/drafts.py`` for the dialogs' side)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.drafts import Draft, DraftKind
from recovery_desktop.ui.dialogs.drafts import KeepsDraft

if TYPE_CHECKING:
    from recovery_desktop.data.drafts import DraftRepository


class DraftKeeper:
    """Writes drafts in one transaction before the key is dropped.

    If that write fails (a full disk), the drafts stay in memory only until the next unlock
    writes them, like a check-in that could not be saved: losing them would be worse.
    Each call gets the open journal's ``DraftRepository``: a keeper outlives every unlock.
    """

    def __init__(self) -> None:
        self._unwritten: list[Draft] = []

    def keep(self, store: DraftRepository, windows: Iterable[QWidget]) -> None:
        """Keep the unfinished input of every dialog in ``windows`` that has some."""
        drafts = [
            draft
            for window in windows
            if isinstance(window, KeepsDraft) and (draft := window.unfinished()) is not None
        ]
        if drafts:
            self._write(store, drafts)

    def pending(self, store: DraftRepository) -> list[Draft]:
        """The drafts to offer back now, oldest first."""
        if self._unwritten:
            self._write(store, [])
        try:
            stored = store.drafts()
        except JournalError:
            stored = []
        kinds = {draft.kind for draft in stored}
        return stored + [draft for draft in self._unwritten if draft.kind not in kinds]

    def done(self, store: DraftRepository, kind: DraftKind) -> None:
        """The dialog of ``kind`` was saved or cancelled: its draft is forgotten."""
        self._unwritten = [draft for draft in self._unwritten if draft.kind is not kind]
        with contextlib.suppress(JournalError):
            store.discard(kind)

    def _write(self, store: DraftRepository, drafts: Sequence[Draft]) -> None:
        newer = {draft.kind for draft in drafts}
        waiting = [draft for draft in self._unwritten if draft.kind not in newer] + list(drafts)
        try:
            store.keep(waiting)
        except JournalError:
            self._unwritten = waiting
        else:
            self._unwritten = []
