"""Numbers to call, each as a card with a Copy button, and the overdose-safety facts.

One card for every place that shows a number: Get help now, the craving panel, the lapse
dialog and the People page (which adds its own buttons to the card)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.domain.contacts import Contact, CrisisLine
from recovery_desktop.domain.recovery_time import SAFETY_FACTS
from recovery_desktop.ui.clipboard import CLEARED_NOTE, private_clipboard

NO_LINES = (
    "No crisis lines are saved. If someone is in danger, call your local emergency number now."
)
SHOWN_WHEN_LOCKED = (
    "These numbers are also kept outside your encrypted journal and shown on the lock "
    "screen, so anyone using this computer can see them, even without your passphrase."
)
SAMPLE_NUMBER = "1-800-000-0000 "


def plain_label(text: str, parent: QWidget, name: str = "", wrap: bool = True) -> QLabel:
    """A label that shows ``text`` exactly as typed, never as markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    return label


class NumberCard(QFrame):
    """A name, a large number with Copy beside it, and a line of details.

    ``copied(sentence)`` after Copy put the number on the clipboard. Callers may add their
    own buttons to ``buttons`` (after Copy)."""

    copied = Signal(str)

    def __init__(
        self, title: str, number: str, details: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.title = plain_label(title, self, "crisisName")
        self.number = plain_label(number or "No number saved", self, "crisisNumber")
        # Not selectable: only Copy, which clears it again, puts the number on the clipboard.
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.number.setAccessibleDescription(f"Number for {title}")
        self.number.ensurePolished()  # the style sheet sets its font
        self.number.setMinimumWidth(self.number.fontMetrics().horizontalAdvance(SAMPLE_NUMBER))
        self.details = plain_label(details, self, "hintLabel")
        self.details.setVisible(bool(details))
        self.buttons = QHBoxLayout()
        self.copy_button = self.add_button("Copy", f"Copy the number for {title}")
        self.copy_button.setVisible(bool(number))
        self.copy_button.clicked.connect(lambda: self._copy(number, title))
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.addWidget(self.title, 0, 0, 1, 2)
        grid.addWidget(self.number, 1, 0)
        grid.addLayout(self.buttons, 1, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.details, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)

    def add_button(self, text: str, accessible_name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(accessible_name)
        button.setToolTip(accessible_name)
        self.buttons.addWidget(button)
        return button

    def _copy(self, number: str, title: str) -> None:
        private_clipboard().copy(number)
        self.copied.emit(f"Copied the number for {title}: {number} ({CLEARED_NOTE}).")


def crisis_line_card(line: CrisisLine, parent: QWidget | None = None) -> NumberCard:
    return NumberCard(line.name, line.number, line.details, parent)


def contact_card(contact: Contact, parent: QWidget | None = None) -> NumberCard:
    return NumberCard(f"{contact.name} · {contact.role.label}", contact.phone, "", parent)


class CardList(QWidget):
    """Cards one under the other; ``copied`` passes on what any of them copied."""

    copied = Signal(str)

    def __init__(
        self, cards: Sequence[NumberCard], empty: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.cards = list(cards)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for card in self.cards:
            card.setParent(self)
            card.copied.connect(self.copied)
            layout.addWidget(card)
        if not self.cards:
            layout.addWidget(plain_label(empty, self))

    def names(self) -> list[str]:
        return [card.title.text() for card in self.cards]


def crisis_lines_list(lines: Sequence[CrisisLine], parent: QWidget | None = None) -> CardList:
    """Every crisis line, in the order given (the user's own order)."""
    return CardList([crisis_line_card(line) for line in lines], NO_LINES, parent)


def safety_facts(parent: QWidget) -> QFrame:
    """The overdose-safety facts, in a box of their own."""
    frame = QFrame(parent)
    frame.setObjectName("safetyBox")
    frame.setAccessibleName("Staying safe right now")
    layout = QVBoxLayout(frame)
    layout.addWidget(plain_label("Staying safe right now", frame, "safetyHeading"))
    for fact in SAFETY_FACTS:
        layout.addWidget(plain_label(f"• {fact}", frame))
    return frame
