"""Help right now, in the craving panel: people to call first, the urge-surfing timer, plan
steps, and every crisis line."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from recovery_desktop.data.changes import Change
from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.contacts import Contact, call_first
from recovery_desktop.domain.plan import toolbox_steps
from recovery_desktop.ui.widgets.help_lines import (
    CardList,
    contact_card,
    crisis_lines_list,
    plain_label,
)
from recovery_desktop.ui.widgets.urge_surf import UrgeSurfTimer

if TYPE_CHECKING:
    from recovery_desktop.data.contacts import ContactRepository
    from recovery_desktop.data.library import LibraryRepository
    from recovery_desktop.data.plan import PlanRepository

NO_PEOPLE = "Add the people you'd call on the People page; the first three show up here."


class HelpNow(QWidget):
    """``reached(contact)`` when the user says they got in touch with someone; ``message``
    with a sentence for the panel's status line (a number copied, a read error). People
    and crisis lines come from ``contacts``; the steps from the coping toolbox of ``plan``
    (the aftercare plan), then the coping steps marked as favourites in ``library``."""

    message = Signal(str)

    def __init__(
        self,
        contacts: ContactRepository,
        library: LibraryRepository,
        reached: Callable[[Contact], None],
        parent: QWidget | None = None,
        plan: PlanRepository | None = None,
    ) -> None:
        super().__init__(parent)
        self.contacts = contacts
        self.library = library
        self.plan = plan
        self._reached = reached
        self.timer = UrgeSurfTimer(self)
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # People and the wave first (what helps with a craving), then the plan's steps,
        # then every crisis line for when it is more than a craving.
        wave = QGroupBox("Ride the wave", self)
        QVBoxLayout(wave).addWidget(self.timer)
        self._builders = {
            Change.CONTACTS: self._people_box,
            Change.LIBRARY: self._plan_box,
            Change.CRISIS_LINES: self._crisis_box,
        }
        self._boxes = {kind: build() for kind, build in self._builders.items()}
        layout.addWidget(self._boxes[Change.CONTACTS])
        layout.addWidget(wave)
        layout.addWidget(self._boxes[Change.LIBRARY])
        layout.addWidget(self._boxes[Change.CRISIS_LINES])
        layout.addStretch(1)

    def data_changed(self, kinds: frozenset[Change]) -> None:
        """Records changed (the change signal): the boxes showing them are built again;
        the urge-surfing timer runs on undisturbed."""
        if Change.PLAN in kinds:  # the steps box shows the plan's toolbox too
            kinds = kinds | {Change.LIBRARY}
        for kind in kinds & self._boxes.keys():
            old, self._boxes[kind] = self._boxes[kind], self._builders[kind]()
            self._layout.replaceWidget(old, self._boxes[kind])
            old.hide()
            old.deleteLater()

    def _people_box(self) -> QGroupBox:
        empty = NO_PEOPLE
        try:
            contacts = call_first(self.contacts.contacts())
        except JournalError as error:
            contacts, empty = [], f"Your people could not be read just now. {error}"
        self.contact_rows: list[Contact] = contacts
        cards = [contact_card(contact) for contact in contacts]
        for card, contact in zip(cards, contacts, strict=True):
            done = card.add_button("I reached them", f"I reached {contact.name}")
            done.clicked.connect(lambda _c=False, c=contact: self._reached(c))
        return self._box("Call someone first", CardList(cards, empty))

    def _crisis_box(self) -> QGroupBox:
        self.crisis_list = crisis_lines_list(self.contacts.crisis_lines_or_copy())
        return self._box("Crisis lines", self.crisis_list)

    def _box(self, title: str, cards: CardList) -> QGroupBox:
        box = QGroupBox(title, self)
        QVBoxLayout(box).addWidget(cards)
        cards.copied.connect(self.message)
        return box

    def _plan_box(self) -> QGroupBox:
        box = QGroupBox("Steps from my plan", self)
        layout = QVBoxLayout(box)
        steps = list(self._toolbox())
        try:
            favourites = [item.name for item in self.library.favourites()]
        except JournalError:
            favourites = []
        steps += [name for name in favourites if name not in steps]
        for step in steps:
            layout.addWidget(plain_label(f"• {step}", box))
        if not steps:
            layout.addWidget(
                QLabel(
                    "Write your steps in your plan's coping toolbox, or choose them on the "
                    "Triggers & coping page.",
                    box,
                )
            )
        return box

    def _toolbox(self) -> tuple[str, ...]:
        if self.plan is None:
            return ()
        try:
            return toolbox_steps(self.plan.plan())
        except JournalError:
            return ()
