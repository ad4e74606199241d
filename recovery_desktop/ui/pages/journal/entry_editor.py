"""The right of the Journal page: one entry's title, date and time, text (Markdown), tags
and the "Include in my therapy summary" switch. The searched words are marked in the text
with extra selections, which colour the view and never change the stored text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QHideEvent, QShowEvent, QTextCursor
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

from recovery_desktop.domain.journal_entries import (
    MAX_BODY_CHARACTERS,
    MAX_TITLE_CHARACTERS,
    JournalEntry,
    parse_tags,
)
from recovery_desktop.domain.text_matches import match_spans
from recovery_desktop.ui.dates import sensible_dates, to_qdatetime
from recovery_desktop.ui.pages.journal.tag_completer import TagCompleter
from recovery_desktop.ui.widgets.markdown_editor import MarkdownEditor

SHARED_TIP = (
    "Only entries with this switched on are ever printed, in the Weekly summary's "
    '"Journal entries I chose to share". Every other entry stays on this page.'
)
MARK_COLOUR = QColor("#ffe066")
MARK_TEXT = QColor("#1a1a1a")
CLOCK_TICK_MS = 15_000  # how often the When of a new, untouched entry follows the clock


def now_to_the_minute() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)


def new_entry() -> JournalEntry:
    """An empty entry written now (not stored until something is typed)."""
    return JournalEntry(written_at=now_to_the_minute(), title="", body="", tags=())


def replace_text(deleted: JournalEntry, shown: JournalEntry) -> JournalEntry:
    """``deleted`` (its id and uid) with what was on screen."""
    return replace(
        deleted,
        written_at=shown.written_at,
        title=shown.title,
        body=shown.body,
        tags=shown.tags,
        shared=shown.shared,
    )


class EntryEditor(QWidget):
    """Edits one :class:`JournalEntry`; ``edited`` on every change the user makes (never
    on :meth:`show_entry`)."""

    edited = Signal()
    too_long = Signal(str)  # what was left out of a paste, in plain words

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entry = new_entry()
        self._loading = False
        self._follows_clock = True  # a new, untouched entry is written "now"
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_TICK_MS)
        self._clock.timeout.connect(self._follow_clock)
        self.title = QLineEdit(self)
        self.title.setAccessibleName("Title")
        self.title.setPlaceholderText("Title (optional)")
        self.written_at = sensible_dates(QDateTimeEdit(self))  # the days the journal keeps
        self.written_at.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        self.written_at.setCalendarPopup(True)
        self.written_at.setAccessibleName("Date and time")
        self.tools = QHBoxLayout()  # "Write about today" goes here
        self.tools.setContentsMargins(0, 0, 0, 0)
        self.body = MarkdownEditor("Entry text", self)
        self.body.set_limit(MAX_BODY_CHARACTERS)
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

    def tab_chain(self) -> list[QWidget]:
        """The order Tab follows: title, When, what was added to ``tools`` ("Write about
        today"), the text's toolbar, the text, tags, the summary switch."""
        items = [self.tools.itemAt(i) for i in range(self.tools.count())]
        tools = [item.widget() for item in items if item is not None]
        return [
            self.title,
            self.written_at,
            *(widget for widget in tools if widget is not None),
            *self.body.buttons.values(),
            self.body.text,
            self.tags,
            self.shared,
        ]

    def _connect(self) -> None:
        self.title.textChanged.connect(self._title_changed)
        self.written_at.dateTimeChanged.connect(self._when_changed)
        self.body.edited.connect(self._changed)
        self.body.refused.connect(
            lambda: self.too_long.emit(
                f"That was not added: an entry keeps up to {MAX_BODY_CHARACTERS:,} "
                "characters. Everything written before is kept."
            )
        )
        self.tags.textChanged.connect(self._changed)
        self.shared.toggled.connect(self._changed)

    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        if self._follows_clock:  # writing starts now: the entry is written now
            self._follow_clock()
            self._set_following(False)
        self.edited.emit()

    def _when_changed(self, *_args: object) -> None:
        if not self._loading:
            self._set_following(False)  # set by hand: kept as set
            self.edited.emit()

    def _title_changed(self, text: str) -> None:
        """A title longer than the journal keeps is cut at the limit, saying so."""
        if len(text) > MAX_TITLE_CHARACTERS and not self._loading:
            self.title.setText(text[:MAX_TITLE_CHARACTERS])  # comes back here, short
            left_out = len(text) - MAX_TITLE_CHARACTERS
            self.too_long.emit(
                f"A title keeps {MAX_TITLE_CHARACTERS} characters: the last "
                f"{left_out:,} were left out."
            )
            return
        self._changed()

    def _set_following(self, following: bool) -> None:
        self._follows_clock = following
        if following and self.isVisible():  # hidden, nothing polls (showEvent starts it)
            self._clock.start()
        else:
            self._clock.stop()

    def _follow_clock(self) -> None:
        """Show the time now as the new entry's When (not a change the user made)."""
        self._loading = True
        try:
            self.written_at.setDateTime(to_qdatetime(now_to_the_minute()))
        finally:
            self._loading = False

    def showEvent(self, event: QShowEvent) -> None:
        if self._follows_clock:  # after a night away, or an unlock: now, not then
            self._follow_clock()
            self._clock.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._clock.stop()  # an idle app runs no repeating timer (test_change_signal)
        super().hideEvent(event)

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
            self.written_at.setDateTime(to_qdatetime(entry.written_at))
            self.body.set_markdown(entry.body)
            self.tags.setText(", ".join(entry.tags))
            self.shared.setChecked(entry.shared)
        finally:
            self._loading = False
        self._set_following(entry.id is None and entry.is_empty)

    def stored(self, entry: JournalEntry) -> None:
        """The entry on screen was saved as ``entry`` (its id, uid and time now known);
        the tags show tidied, unless the user is typing in them."""
        self._entry = entry
        tidy = ", ".join(entry.tags)
        if not self.tags.hasFocus() and self.tags.text() != tidy:
            self._loading = True
            try:
                self.tags.setText(tidy)
            finally:
                self._loading = False

    def current(self) -> JournalEntry:
        """The entry as it is on screen."""
        if self._follows_clock:
            self._follow_clock()
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

    def show_first_mark(self) -> None:
        """Scroll the text to the first marked word (nothing when none is marked)."""
        marks = self.body.text.extraSelections()
        if marks:
            cursor = self.body.text.textCursor()
            cursor.setPosition(marks[0].cursor.selectionStart())
            self.body.text.setTextCursor(cursor)
            self.body.text.ensureCursorVisible()
