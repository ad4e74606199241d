"""The right of the Journal page: one entry's title, date and time, text (Markdown), tags
and the "Include in my therapy summary" switch. The searched words are marked in the text
with extra selections, which colour the view and never change the stored text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.domain.journal_entries import JournalEntry, parse_tags
from recovery_desktop.domain.text_matches import match_spans
from recovery_desktop.ui.pages.journal.tag_completer import TagCompleter
from recovery_desktop.ui.widgets.markdown_editor import MarkdownEditor

SHARED_TIP = (
    "Only entries with this switched on are ever printed, in the Weekly summary's "
    '"Journal entries I chose to share". Every other entry stays on this page.'
)
MARK_COLOUR = QColor("#ffe066")
MARK_TEXT = QColor("#1a1a1a")


def now_to_the_minute() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)


def new_entry() -> JournalEntry:
    """An empty entry written now (not stored until something is typed)."""
    return JournalEntry(written_at=now_to_the_minute(), title="", body="", tags=())


class EntryEditor(QWidget):
    """Edits one :class:`JournalEntry`; ``edited`` on every change the user makes (never
    on :meth:`show_entry`)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entry = new_entry()
        self._loading = False
        self.title = QLineEdit(self)
        self.title.setAccessibleName("Title")
        self.title.setPlaceholderText("Title (optional)")
        self.written_at = QDateTimeEdit(self)
        self.written_at.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        self.written_at.setCalendarPopup(True)
        self.written_at.setAccessibleName("Date and time")
        self.tools = QHBoxLayout()  # "Write about today" goes here
        self.tools.setContentsMargins(0, 0, 0, 0)
        self.body = MarkdownEditor("Entry text", self)
        self.body.setMinimumHeight(140)
        self.tags = QLineEdit(self)
        self.tags.setAccessibleName("Tags")
        self.tags.setPlaceholderText("Tags, separated by commas")
        self.completer = TagCompleter(self.tags)
        self.shared = QCheckBox("Include in my therapy &summary", self)
        self.shared.setToolTip(SHARED_TIP)
        self._build()
        self._connect()
        self.show_entry(self._entry)

    def _build(self) -> None:
        top = QFormLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addRow("&Title", self.title)
        top.addRow("Wh&en", self.written_at)
        bottom = QFormLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addRow("Ta&gs", self.tags)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self.tools)
        layout.addWidget(self.body, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.shared)

    def _connect(self) -> None:
        self.title.textChanged.connect(self._changed)
        self.written_at.dateTimeChanged.connect(self._changed)
        self.body.edited.connect(self._changed)
        self.tags.textChanged.connect(self._changed)
        self.shared.toggled.connect(self._changed)

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    # -- the entry -----------------------------------------------------------------------
    @property
    def entry_id(self) -> int | None:
        return self._entry.id

    def show_entry(self, entry: JournalEntry) -> None:
        """Show ``entry`` (the undo steps of the text start afresh)."""
        self._loading = True
        try:
            self._entry = entry
            self.title.setText(entry.title)
            self.written_at.setDateTime(
                QDateTime.fromString(entry.written_at.isoformat(), Qt.DateFormat.ISODate)
            )
            self.body.set_markdown(entry.body)
            self.tags.setText(", ".join(entry.tags))
            self.shared.setChecked(entry.shared)
        finally:
            self._loading = False

    def stored(self, entry: JournalEntry) -> None:
        """The entry on screen was saved as ``entry`` (its id, uid and time now known)."""
        self._entry = entry

    def current(self) -> JournalEntry:
        """The entry as it is on screen."""
        written = self.written_at.dateTime().toPython()
        assert isinstance(written, datetime)
        return replace(
            self._entry,
            written_at=written.replace(second=0, microsecond=0),
            title=self.title.text().strip(),
            body=self.body.markdown(),
            tags=parse_tags(self.tags.text()),
            shared=self.shared.isChecked(),
        )

    def set_used_tags(self, tags: Sequence[str]) -> None:
        self.completer.set_tags(tags)

    # -- marks ---------------------------------------------------------------
    def mark(self, terms: Sequence[str]) -> int:
        """Colour the matches of ``terms`` in the text (none when empty); returns how many."""
        text = self.body.text
        document = text.document()
        selections = []
        for start, end in match_spans(document.toPlainText(), terms):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format.setBackground(MARK_COLOUR)
            selection.format.setForeground(MARK_TEXT)
            selections.append(selection)
        text.setExtraSelections(selections)
        return len(selections)
