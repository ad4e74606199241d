"""Filling the plan from what the journal already holds: a trigger and a coping step from
Triggers & coping as a row of "My triggers and how I respond", coping steps as a list in
"My coping toolbox", people from People in "My support people"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.library import Kind
from recovery_desktop.domain.plan import PlanPair
from recovery_desktop.ui.pages.plan.pickers import PickDialog, pick
from recovery_desktop.ui.pages.plan.support import contact_line

if TYPE_CHECKING:
    from recovery_desktop.ui.pages.plan.page import PlanPage

NO_TRIGGERS = "No triggers yet: add yours on Triggers & coping."
NO_COPING = "No coping steps yet: add yours on Triggers & coping."


class Picking(QObject):
    """Answers the section editor's "From my library…" and "Add from People…"."""

    def __init__(self, page: PlanPage) -> None:
        super().__init__(page)
        self.page = page
        editor = page.editor
        editor.pair_from_library_wanted.connect(self.pair_from_library)
        editor.coping_from_library_wanted.connect(self.coping_from_library)
        editor.contacts_wanted.connect(self.contacts_from_people)
        self.open = pick  # a test answers the dialog instead

    def _names(self, kind: Kind) -> list[tuple[str, str]] | None:
        try:
            return [(item.name, item.name) for item in self.page.library.items(kind)]
        except JournalError as error:
            self.page.status.set_state("error", str(error))
            return None

    def pair_from_library(self) -> None:
        """A trigger and, if wanted, a coping step as a new row."""
        triggers, coping = self._names(Kind.TRIGGER), self._names(Kind.COPING)
        if triggers is None or coping is None:
            return
        first, second = self.page.editor.current().kind.pair_headings
        dialog = PickDialog(
            "From my library",
            [(first, triggers, NO_TRIGGERS), (second, coping, NO_COPING)],
            "Add row",
            parent=self.page,
        )
        chosen = self.open(dialog)
        if chosen is None or not any(chosen):
            return
        trigger, response = (column[0] if column else "" for column in chosen)
        self.page.editor.append_pair(PlanPair(trigger, response))

    def coping_from_library(self) -> None:
        """Coping steps as a bulleted list at the end of the text."""
        coping = self._names(Kind.COPING)
        if coping is None:
            return
        dialog = PickDialog(
            "From my library",
            [("Coping steps (pick one or more)", coping, NO_COPING)],
            "Add to my toolbox",
            multiple=True,
            parent=self.page,
        )
        chosen = self.open(dialog)
        if chosen and chosen[0]:
            self.page.editor.append_bullets(chosen[0])

    def contacts_from_people(self) -> None:
        """People from People not linked yet, in their call-first order."""
        try:
            people = self.page.repository.available_contacts()
        except JournalError as error:
            self.page.status.set_state("error", str(error))
            return
        linked = set(self.page.editor.support.uids())
        offered = [p for p in people if p.uid not in linked]
        dialog = PickDialog(
            "Add from People",
            [
                (
                    "People (pick one or more)",
                    [(contact_line(p), p.uid) for p in offered],
                    "Everyone on People is on your list already, or People is empty.",
                )
            ],
            "Add",
            multiple=True,
            parent=self.page,
        )
        chosen = self.open(dialog)
        if chosen and chosen[0]:
            by_uid = {p.uid: p for p in offered}
            self.page.editor.add_contacts([by_uid[uid] for uid in chosen[0]])
