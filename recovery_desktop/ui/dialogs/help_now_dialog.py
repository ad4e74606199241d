"""Get help now: every crisis line, the people to call first, and how to stay safe.

One click (or Ctrl+H) opens it from every screen: the main window, the lock screen and the
first-run wizard. While the journal is locked it shows the crisis lines and the safety facts
only, never anything else from the journal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.domain.contacts import Contact, CrisisLine
from recovery_desktop.ui.widgets.help_lines import (
    CardList,
    contact_card,
    crisis_lines_list,
    plain_label,
    safety_facts,
)
from recovery_desktop.ui.widgets.layout import scroll_area
from recovery_desktop.ui.window_size import available_size

HELP_SHORTCUT = "Ctrl+H"
HELP_TEXT = "Get help now"
HELP_TIP = f"Crisis lines and what to do in an emergency ({HELP_SHORTCUT})"
INTRO = (
    "You don't have to get through this alone. Call or text one of these numbers now; "
    "Copy puts a number on the clipboard for 30 seconds."
)
NO_PEOPLE = "Add the people you'd call on the People page; the first three show up here."
WIDTH = 600  # preferred; narrower screens get a narrower window


@dataclass(frozen=True)
class HelpContent:
    """What the help window may show. ``contacts`` is None while the journal is locked."""

    lines: tuple[CrisisLine, ...]
    contacts: tuple[Contact, ...] | None = None


class HelpNowDialog(QDialog):
    """The help window for ``content``; Esc or Close closes it."""

    def __init__(self, content: HelpContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.setWindowTitle(HELP_TEXT)
        self.status = QLabel(self)
        self.status.setObjectName("hintLabel")
        self.status.setAccessibleName("Copy status")
        self.status.setWordWrap(True)
        self.crisis_list = crisis_lines_list(content.lines)
        self.people_list: CardList | None = None
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.addWidget(self._box("Crisis lines", self.crisis_list, body))
        if content.contacts is not None:
            self.people_list = CardList([contact_card(c) for c in content.contacts], NO_PEOPLE)
            column.addWidget(self._box("People I call first", self.people_list, body))
        column.addWidget(safety_facts(body))
        column.addStretch(1)
        self.area = scroll_area(body, self)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._build()
        self._fit_to_screen(body)

    def _box(self, title: str, cards: CardList, parent: QWidget) -> QGroupBox:
        box = QGroupBox(title, parent)
        QVBoxLayout(box).addWidget(cards)
        cards.copied.connect(self.status.setText)
        return box

    def _build(self) -> None:
        heading = QLabel(HELP_TEXT, self)
        heading.setObjectName("heading")
        close = QPushButton("Close", self)
        close.setAccessibleName("Close Get help now")
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(plain_label(INTRO, self))
        layout.addWidget(self.area, 1)
        layout.addLayout(bottom)
        first = self.crisis_list.cards[0].copy_button if self.crisis_list.cards else close
        first.setFocus()

    def _fit_to_screen(self, body: QWidget) -> None:
        """As wide as :data:`WIDTH` and as tall as the content, within the screen."""
        room = available_size(self)
        width = min(WIDTH, room.width())
        layout = self.layout()
        assert layout is not None
        inner = width - 2 * layout.contentsMargins().left() - 20  # less a scroll bar
        content = body.heightForWidth(inner) if body.hasHeightForWidth() else -1
        content = max(content, body.minimumSizeHint().height())
        around = layout.sizeHint().height() - self.area.sizeHint().height()
        self.resize(width, min(content + around + 4, room.height()))

    def texts(self) -> list[str]:
        """Every piece of text on show, for tests and screen-reader checks."""
        return [label.text() for label in self.findChildren(QLabel) if label.text()]


class HelpOpener(QObject):
    """Opens one help window at a time, showing what ``content()`` allows right now."""

    def __init__(
        self,
        content: Callable[[], HelpContent],
        owner: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._content = content
        self.owner = owner
        self.dialog: HelpNowDialog | None = None

    def open(self) -> HelpNowDialog:
        content = self._content()
        dialog = self.dialog
        if dialog is not None and dialog.isVisible() and dialog.content == content:
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        if dialog is not None:
            dialog.close()
        dialog = HelpNowDialog(content, self.owner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _o=None, gone=dialog: self._gone(gone))
        self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _gone(self, dialog: HelpNowDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def button(self, parent: QWidget | None = None) -> QPushButton:
        """The "Get help now" button: one click opens the help window."""
        button = QPushButton(HELP_TEXT, parent)
        button.setObjectName("helpButton")
        button.setToolTip(HELP_TIP)
        button.setAccessibleName(HELP_TEXT)
        button.setAccessibleDescription(HELP_TIP)
        button.clicked.connect(lambda: self.open())
        return button

    def action(self, window: QWidget, context: Qt.ShortcutContext) -> QAction:
        """Ctrl+H on ``window`` (added to it) opens the help window."""
        action = QAction(HELP_TEXT, window)
        action.setShortcut(QKeySequence(HELP_SHORTCUT))
        action.setShortcutContext(context)
        action.triggered.connect(lambda _checked=False: self.open())
        window.addAction(action)
        return action


def locked_content(lines: Sequence[CrisisLine]) -> HelpContent:
    """What a locked journal may show: the crisis lines and nothing else."""
    return HelpContent(tuple(lines))
