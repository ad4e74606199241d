"""People: the support network, the reach-out log and crisis lines (feature 5)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from recovery_desktop.data.journal import Journal
from recovery_desktop.domain.drafts import Draft, DraftKind
from recovery_desktop.ui.pages.people.contacts import ContactsBox
from recovery_desktop.ui.pages.people.crisis import CrisisLinesBox
from recovery_desktop.ui.pages.people.log import ReachOutLogBox
from recovery_desktop.ui.widgets.layout import page_heading, scroll_area

INTRO = (
    "Recovery is easier together. Keep the people you can turn to close at hand, "
    "and note each time you reach out."
)


class PeoplePage(QWidget):
    """Three sections; every change is saved at once, so ``flush()`` has nothing to do.

    ``changed`` is emitted after any contact, reach-out or crisis line is saved, so that
    other screens (the craving panel) can refresh their call-first list."""

    title = "People"
    draft_kinds = (DraftKind.CONTACT, DraftKind.REACH_OUT, DraftKind.CRISIS_LINE)
    changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        heading = page_heading("People", self)
        body = QWidget(self)
        intro = QLabel(INTRO, body)
        intro.setWordWrap(True)
        self.contacts_box = ContactsBox(journal, body)
        self.log_box = ReachOutLogBox(journal, body)
        self.crisis_box = CrisisLinesBox(journal, body)
        column = QVBoxLayout(body)
        column.addWidget(intro)
        for box in (self.contacts_box, self.log_box, self.crisis_box):
            column.addWidget(box)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll_area(body, self), 1)
        self.contacts_box.changed.connect(self._contacts_changed)
        self.log_box.changed.connect(self._saved)
        self.crisis_box.changed.connect(self._saved)
        self._seen = journal.revision.value

    def refresh(self) -> None:
        """Read everything again (after changes made elsewhere, e.g. in the craving panel)."""
        self.contacts_box.refresh()
        self.log_box.refresh()
        self.crisis_box.refresh()
        self._seen = self.journal.revision.value

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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.journal.revision.value != self._seen:
            self.refresh()

    def _contacts_changed(self) -> None:
        self.log_box.refresh()  # names in the log follow edits
        self._saved()

    def _saved(self) -> None:
        self._seen = self.journal.revision.value
        self.changed.emit()
