"""After each unlock: if the app stopped while something was being written (the plan, a
journal entry), the page where it was written opens, and that page's notice says what is
kept (docs/decisions.md, "Plan page" and "The Journal page")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from recovery_desktop.data.errors import JournalError

if TYPE_CHECKING:
    from recovery_desktop.data.journal import Journal
    from recovery_desktop.ui.main_window import MainWindow

# A page's title, and whether the journal holds a writing session of it that never ended.
StoppedWriting = tuple[str, Callable[["Journal"], bool]]


def stopped_page(journal: Journal, checks: Sequence[StoppedWriting]) -> str | None:
    """The title of the first page in ``checks`` whose writing stopped; None if none did
    (or the journal cannot say)."""
    for title, stopped in checks:
        try:
            if stopped(journal):
                return title
        except JournalError:
            continue
    return None


def open_page_after_a_stop(window: MainWindow, checks: Sequence[StoppedWriting]) -> None:
    """At each unlock (and now, when unlocked), open the page whose writing stopped."""

    def check() -> None:
        journal, workspace = window.session.journal, window.workspace
        if journal is None or workspace is None:
            return
        title = stopped_page(journal, checks)
        if title is not None:
            workspace.open_page(title)

    window.session.unlocked.connect(lambda: QTimer.singleShot(0, window, check))
    if window.session.is_unlocked:
        QTimer.singleShot(0, window, check)
