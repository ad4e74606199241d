"""What "Get help now" shows, read from the session when it opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from recovery_desktop.data.errors import JournalError

if TYPE_CHECKING:
    from recovery_desktop.ui.dialogs.help_now_dialog import HelpContent
    from recovery_desktop.ui.session import Session


def help_content(session: Session) -> HelpContent:
    """Unlocked: the journal's crisis lines and call-first contacts. Locked: the plain
    copy of the crisis lines and nothing else from the journal."""
    from recovery_desktop.domain.contacts import call_first
    from recovery_desktop.ui.dialogs.help_now_dialog import HelpContent, locked_content

    journal = session.journal
    if journal is None:
        return locked_content(session.files.crisis_copy.read())
    try:
        contacts = tuple(call_first(journal.contacts.contacts()))
    except JournalError:
        contacts = ()
    return HelpContent(tuple(journal.contacts.crisis_lines_or_copy()), contacts)
