"""A gentle note with one button, placed beside the field it is about: where two records
disagree, and one click to settle it.

It is one line high (never taller than the field beside it), so showing or hiding it moves
nothing on the page. Its short sentence shows whole or, where the row has no room for it (a
small screen at 150 %), not at all: the button stays, and the whole sentence is always in the
tooltip and the accessible description.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from recovery_desktop.ui.widgets.status_line import OneLine

BUTTON_PADDING = 20  # room around the button's text (narrower than Fusion's 80 px minimum)


class WholeOrNothing(OneLine):
    """One line that shows its text whole or, when the room is too narrow, not at all (never
    cut off)."""

    def shown(self, width: int) -> str:
        return self.whole() if self.fontMetrics().horizontalAdvance(self.whole()) <= width else ""


class ActionLine(QFrame):
    """A short sentence and one button; hidden until it has something to say."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyNote")
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._text = ""
        self.label = WholeOrNothing(self)
        self.button = QPushButton(self)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 2, 2, 2)
        self._layout.setSpacing(4)
        self._layout.addWidget(self.label, 1)
        self._layout.addWidget(self.button)
        self.hide()

    def text(self) -> str:
        """The whole sentence (the screen may show a shorter one)."""
        return self._text

    def say(self, text: str, button: str, short: str | None = None) -> None:
        """Show ``short`` (or ``text``) beside a button labelled ``button``."""
        self._text = text
        self.label.set_whole(short or text)
        self.button.setText(button)
        shown = button.replace("&", "")
        self.button.setFixedWidth(self.fontMetrics().horizontalAdvance(shown) + BUTTON_PADDING)
        self.button.setAccessibleName(shown)
        self.button.setAccessibleDescription(text)
        self.button.setToolTip(text)
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self.show()
        row = self.parentWidget()
        if isinstance(row, NoteRow):
            row.fit_notes()

    def whole_width(self) -> int:
        """The room the note needs with its sentence shown."""
        margins = self._layout.contentsMargins()
        frame = 2 * self.frameWidth() + margins.left() + margins.right()
        label = self.label.fontMetrics().horizontalAdvance(self.label.whole()) + 2
        return frame + label + self._layout.spacing() + self.button.width()

    def fit(self, room: int) -> None:
        """Show the sentence only when ``room`` holds all of it; the button always shows."""
        self.label.setHidden(room < self.whole_width())


class NoteRow(QWidget):
    """A field at its natural width, then notes at the end of the same row: a note appears
    in the row's free room and never pushes the rows below down. Where the room is short,
    the notes show their buttons only, so the field keeps its room."""

    def __init__(self, field: QWidget, notes: tuple[ActionLine, ...]) -> None:
        super().__init__(field.parentWidget())
        self.field = field
        self.notes: list[ActionLine] = []
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(field)
        self._row.addStretch(1)
        self.setFocusProxy(field)
        self.add_notes(*notes)

    def add_notes(self, *notes: ActionLine) -> None:
        for note in notes:
            self._row.addWidget(note)
            self.notes.append(note)
        self.fit_notes()

    def fit_notes(self) -> None:
        room = self.width() - self.field.sizeHint().width() - 2 * self._row.spacing()
        for note in self.notes:
            note.fit(room)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_notes()


def beside(field: QWidget, *notes: ActionLine) -> NoteRow:
    """``field`` with ``notes`` in the free room of its row (see :class:`NoteRow`)."""
    return NoteRow(field, notes)
