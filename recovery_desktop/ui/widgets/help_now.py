"""Help right now, in the craving panel: people to call first, crisis lines, plan steps,
and the urge-surfing timer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.journal import Journal
from recovery_desktop.domain.contacts import Contact, CrisisLine, call_first
from recovery_desktop.ui.widgets.urge_surf import UrgeSurfTimer

CRISIS_SHOWN = 2


def _copy(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


class HelpNow(QWidget):
    """``reached(contact)`` when the user says they got in touch with someone."""

    def __init__(
        self,
        journal: Journal,
        reached: Callable[[Contact], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self._reached = reached
        self.status = QLabel(self)
        self.status.setObjectName("hintLabel")
        self.status.setWordWrap(True)
        self.timer = UrgeSurfTimer(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._people_box())
        layout.addWidget(self._plan_box())
        wave = QGroupBox("Ride the wave", self)
        QVBoxLayout(wave).addWidget(self.timer)
        layout.addWidget(wave)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def _people_box(self) -> QGroupBox:
        box = QGroupBox("Call someone first", self)
        grid = QGridLayout(box)
        try:
            contacts = call_first(self.journal.contacts.contacts())
            lines = self.journal.contacts.crisis_lines()[:CRISIS_SHOWN]
        except JournalError as error:
            contacts, lines = [], []
            self.status.setText(str(error))
        self.contact_rows: list[Contact] = contacts
        for row, contact in enumerate(contacts):
            self._contact_row(grid, row, contact)
        if not contacts:
            empty = QLabel(
                "Add the people you'd call on the People page; the first three show up here.", box
            )
            empty.setWordWrap(True)
            grid.addWidget(empty, 0, 0, 1, 4)
        start = max(1, len(contacts)) + 1
        for offset, line in enumerate(lines):
            self._crisis_row(grid, start + offset, line)
        return box

    def _contact_row(self, grid: QGridLayout, row: int, contact: Contact) -> None:
        name = _plain(f"{contact.name} · {contact.role.label}", self, bold=True)
        number = _plain(contact.phone or "no number saved", self)
        grid.addWidget(name, row, 0)
        grid.addWidget(number, row, 1)
        if contact.phone:
            copy = QPushButton("Copy", self)
            copy.setAccessibleName(f"Copy {contact.name}'s number")
            copy.clicked.connect(lambda _c=False, p=contact.phone: self._copied(p))
            grid.addWidget(copy, row, 2)
        done = QPushButton("I reached them", self)
        done.setAccessibleName(f"I reached {contact.name}")
        done.clicked.connect(lambda _c=False, c=contact: self._reached(c))
        grid.addWidget(done, row, 3)

    def _crisis_row(self, grid: QGridLayout, row: int, line: CrisisLine) -> None:
        grid.addWidget(_plain(line.name, self), row, 0)
        grid.addWidget(_plain(line.number, self, bold=True), row, 1)
        copy = QPushButton("Copy", self)
        copy.setAccessibleName(f"Copy the number for {line.name}")
        copy.clicked.connect(lambda _c=False, n=line.number: self._copied(n))
        grid.addWidget(copy, row, 2)

    def _copied(self, number: str) -> None:
        _copy(number)
        self.status.setText(f"Copied {number}.")

    def _plan_box(self) -> QGroupBox:
        box = QGroupBox("Steps from my plan", self)
        layout = QVBoxLayout(box)
        try:
            steps = self.journal.library.favourites()
        except JournalError:
            steps = []
        for step in steps:
            label = _plain(f"• {step.name}", box)
            label.setWordWrap(True)
            layout.addWidget(label)
        if not steps:
            layout.addWidget(QLabel("Choose your steps on the Triggers & coping page.", box))
        return box


def _plain(text: str, parent: QWidget, bold: bool = False) -> QLabel:
    """A label that shows ``text`` exactly as typed, never as markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label
