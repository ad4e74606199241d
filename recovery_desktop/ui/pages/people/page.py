"""People: the support network, the reach-out log and crisis lines (feature 5)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from recovery_desktop.data.changes import Change
from recovery_desktop.domain.drafts import Draft, DraftKind
from recovery_desktop.ui.pages.people.contacts import ContactsBox
from recovery_desktop.ui.pages.people.crisis import CrisisLinesBox
from recovery_desktop.ui.pages.people.log import ReachOutLogBox
from recovery_desktop.ui.widgets.layout import page_heading, scroll_area

if TYPE_CHECKING:
    from recovery_desktop.data.contacts import ContactRepository
    from recovery_desktop.data.preferences import PreferenceRepository

INTRO = (
    "Recovery is easier together. Keep the people you can turn to close at hand, "
    "and note each time you reach out."
)


class PeoplePage(QWidget):
    """Three sections; every change is saved at once, so ``flush()`` has nothing to do.
    Each section is read again when its records change, here or elsewhere (the craving
    panel logs reach-outs)."""

    title = "People"
    draft_kinds = (DraftKind.CONTACT, DraftKind.REACH_OUT, DraftKind.CRISIS_LINE)
    shows = frozenset({Change.CONTACTS, Change.REACH_OUTS, Change.CRISIS_LINES, Change.PREFERENCES})

    def __init__(
        self,
        contacts: ContactRepository,
        preferences: PreferenceRepository,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        heading = page_heading("People", self)
        body = QWidget(self)
        intro = QLabel(INTRO, body)
        intro.setWordWrap(True)
        self.contacts_box = ContactsBox(contacts, body)
        self.log_box = ReachOutLogBox(contacts, preferences, body)
        self.crisis_box = CrisisLinesBox(contacts, body)
        column = QVBoxLayout(body)
        column.addWidget(intro)
        for box in (self.contacts_box, self.log_box, self.crisis_box):
            column.addWidget(box)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll_area(body, self), 1)

    def refresh(self) -> None:
        """Read everything again."""
        self.data_changed(self.shows)

    def data_changed(self, kinds: frozenset[Change]) -> None:
        """Read again the sections showing ``kinds`` (``ui/change_signal.py``); the log
        names contacts, so it follows their edits, and its reminder follows Settings."""
        if Change.CONTACTS in kinds:
            self.contacts_box.refresh()
        if kinds & {Change.CONTACTS, Change.REACH_OUTS, Change.PREFERENCES}:
            self.log_box.refresh()
        if Change.CRISIS_LINES in kinds:
            self.crisis_box.refresh()

    def resume_draft(self, draft: Draft) -> None:
        """Reopen the dialog that was open when the journal locked, as it was left."""
        resume: dict[DraftKind, Callable[[Draft], None]] = {
            DraftKind.CONTACT: self.contacts_box.resume,
            DraftKind.REACH_OUT: self.log_box.resume,
            DraftKind.CRISIS_LINE: self.crisis_box.resume,
        }
        resume[draft.kind](draft)

    def log_reach_out(self, contact_id: int | None = None) -> bool:
        """Open the reach-out dialog, with ``contact_id`` chosen; True when one was logged."""
        return self.log_box.log(contact_id)

    def flush(self) -> bool:
        return True
