"""A small rich-text editor whose text is Markdown: bold, italic, headings, bulleted and
numbered lists and links, with undo and redo and the usual shortcuts.

The text is read and written with ``QTextDocument.toMarkdown``/``setMarkdown`` (GitHub's
dialect, with HTML switched off: what a person typed, ``<b>`` included, stays text and is
never read as markup), so what is stored round-trips. Pasting from a word processor keeps the
structure (headings, lists, bold, italic, links) and drops its styling (fonts, colours,
sizes, backgrounds): the pasted HTML goes through Markdown, which has no words for styling,
before it is inserted. Nothing outside the journal is ever opened or loaded: images are not
read, and a link is not followed by a click while editing (its address is in its tooltip).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QKeyCombination, QMimeData, Qt, QUrl, Signal
from PySide6.QtGui import (
    QFont,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QTextEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.ui.plain_text import tooltip_lines
from recovery_desktop.ui.widgets.link_dialog import LinkDialog
from recovery_desktop.ui.widgets.markdown_text import (
    HEADING_LEVEL,
    HEADING_SIZE,
    QuietDocument,
    clean_markdown_of_html,
    markdown_of,
    plain_format,
    read_markdown,
    without_link,
)

# Ctrl+K is the app's "I'm having a craving" key everywhere, so links take Ctrl+Shift+K.
LINK_KEYS = "Ctrl+Shift+K"


class MarkdownTextEdit(QTextEdit):
    """The editing area: pastes are cleaned (see the module's note), links show their
    address in a tooltip and are never opened, no resource is ever loaded. A paste that
    would leave less than no ``room`` is taken back whole, and a key that types a
    character is refused when there is no room left (``refused``); what was there before
    stays as it was."""

    refused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.room: Callable[[bool], int] = lambda _exact: 1  # characters left; see set_limit
        self.takes: Callable[[str], bool] = lambda _typed: True  # a key's text; see set_limit
        self.setDocument(QuietDocument(self))
        self.setAcceptRichText(True)
        self.setTabChangesFocus(True)  # Tab moves on; the keyboard reaches everything
        # The toolbar's keys, run here, before Qt's own text keys (on Linux they bind many
        # Ctrl keys, such as Ctrl+K for "delete to the end of the line").
        self.keys: dict[QKeyCombination, Callable[[], object]] = {}
        self.cursorPositionChanged.connect(self._leave_link_at_its_end)

    def add_key(self, keys: str, action: Callable[[], object]) -> None:
        self.keys[QKeySequence(keys)[0]] = action  # type: ignore[index]  # (stubs lack [])

    def loadResource(self, _type: int, _name: QUrl | str) -> object:
        return None

    def _leave_link_at_its_end(self) -> None:
        """Typing just after a link (or on the next line) is not part of the link."""
        cursor = self.textCursor()
        if cursor.hasSelection() or not self.currentCharFormat().isAnchor():
            return
        at_end = cursor.atBlockEnd() or cursor.atBlockStart()
        if not at_end:
            after = QTextCursor(cursor)
            after.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor)
            at_end = not after.charFormat().isAnchor()
        if at_end:
            self.setCurrentCharFormat(without_link(self.currentCharFormat()))

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste or drop: HTML keeps its structure without its styling; text stays text."""
        if source.hasHtml():
            document = QuietDocument()
            read_markdown(document, clean_markdown_of_html(source.html()))
            self._insert_document(document)
        elif source.hasText():
            cursor = self.textCursor()
            cursor.beginEditBlock()  # one undo step, taken back whole if too long
            cursor.insertText(source.text())
            cursor.endEditBlock()
        else:
            return
        if self.room(True) < 0:
            self.document().undo()
            self.refused.emit()
        self.ensureCursorVisible()

    def _insert_document(self, document: QTextDocument) -> None:
        """Insert ``document`` at the cursor. A pasted heading or list that starts the
        paste keeps being one: Qt would merge its first paragraph into the current one
        (keeping the heading's large type, losing the heading itself)."""
        first = document.firstBlock()
        level = first.blockFormat().headingLevel()
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if (level or first.textList() is not None) and cursor.block().text().strip():
            cursor.insertBlock(QTextBlockFormat(), plain_format())
        start = cursor.block()
        cursor.insertFragment(QTextDocumentFragment(document))
        if level:
            heading = QTextBlockFormat()
            heading.setHeadingLevel(level)
            heading.setIndent(0)
            listed = start.textList()
            if listed is not None:  # pasted on an empty list item: a heading is no item
                listed.remove(start)
            QTextCursor(start).mergeBlockFormat(heading)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Return at the end of a heading starts a plain paragraph (Qt keeps the heading's
        large bold type for it otherwise)."""
        action = self.keys.get(event.keyCombination())
        if action is not None:
            action()
            return
        if event.text().isprintable() and event.text() and not self.takes(event.text()):
            self.refused.emit()
            return
        was_heading = self.textCursor().blockFormat().headingLevel() > 0
        super().keyPressEvent(event)
        if was_heading and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            cursor = self.textCursor()
            if cursor.blockFormat().headingLevel() == 0 and not cursor.block().text():
                self.setCurrentCharFormat(plain_format())

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.keyCombination() in self.keys
        ):
            event.accept()  # the key comes to keyPressEvent, which runs the toolbar's action
            return True
        return super().event(event)

    def viewportEvent(self, event: QEvent) -> bool:
        """Hovering over a link shows its address (the text area gets its tooltips here)."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            href = self.anchorAt(event.pos())
            if href:
                QToolTip.showText(event.globalPos(), tooltip_lines(href), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


class MarkdownEditor(QWidget):
    """A toolbar over a :class:`MarkdownTextEdit`. ``edited`` fires on every change the
    user makes (not on :meth:`set_markdown`)."""

    edited = Signal()
    refused = Signal()  # a paste was taken back: the text would have been too long

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = MarkdownTextEdit(self)
        self.text.refused.connect(self.refused)
        self.text.setAccessibleName(accessible_name)
        self._loading = False
        self.ask_link: Callable[[str, str], tuple[str, str] | None] = self._ask_link
        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(2)
        for key, label, tip, keys, action in (
            ("bold", "B", "Bold", "Ctrl+B", self.toggle_bold),
            ("italic", "I", "Italic", "Ctrl+I", self.toggle_italic),
            ("heading", "Heading", "Heading", "", self.toggle_heading),
            ("bullets", "• List", "Bulleted list", "", lambda: self.toggle_list(False)),
            ("numbers", "1. List", "Numbered list", "", lambda: self.toggle_list(True)),
            ("link", "Link…", "Link", LINK_KEYS, self.edit_link),
            ("undo", "Undo", "Undo", "Ctrl+Z", self.text.undo),
            ("redo", "Redo", "Redo", "Ctrl+Shift+Z", self.text.redo),
        ):
            button = QToolButton(self)
            button.setText(label)
            button.setToolTip(f"{tip} ({keys})" if keys else tip)
            button.setAccessibleName(tip)
            # A click leaves the keyboard in the text (Tab still reaches the button).
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _checked=False, run=action: self._run(run))
            bar.addWidget(button)
            self.buttons[key] = button
            if keys and key not in ("undo", "redo"):  # the text area has those itself
                self.text.add_key(keys, action)
        bold = self.buttons["bold"].font()
        bold.setBold(True)
        self.buttons["bold"].setFont(bold)
        italic = self.buttons["italic"].font()
        italic.setItalic(True)
        self.buttons["italic"].setFont(italic)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.text, 1)
        self.text.textChanged.connect(self._changed)

    def _run(self, action: Callable[[], object]) -> None:
        action()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the text ------------------------------------------------------------------------
    def markdown(self) -> str:
        """The text as Markdown; "" when empty."""
        if self.text.document().isEmpty():
            return ""
        return markdown_of(self.text.document()).strip("\n")

    def set_markdown(self, markdown: str) -> None:
        """Show ``markdown`` (raw HTML in it stays text); the undo steps start afresh."""
        self._loading = True
        try:
            read_markdown(self.text.document(), markdown)
            self.text.document().clearUndoRedoStacks()
            self.text.moveCursor(QTextCursor.MoveOperation.Start)
        finally:
            self._loading = False

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def set_limit(self, characters: int) -> None:
        """Pastes and typing that would make :meth:`markdown` (what is saved) longer than
        ``characters`` are refused (``refused``). A text is only converted to count when it
        could be near the limit: for a paste, a tenth of it in plain text (Markdown is never
        ten times its text); for a key, half of it, so typing in a long entry stays quick
        (links and marks would have to double a text's length to get past this: the journal
        then refuses the save, saying why). Near the limit a key is measured as the save
        measures it: the Markdown of the text with the key's character in it (one character
        can add more than one: a trailing space Markdown had dropped comes back, a "*" is
        escaped)."""

        def room(exact: bool) -> int:
            plain = self.text.document().characterCount()
            if plain * (10 if exact else 2) < characters:
                return characters - plain
            return characters - len(self.markdown())

        def takes(typed: str) -> bool:
            document = self.text.document()
            if (document.characterCount() + len(typed)) * 2 < characters:
                return True
            return len(_markdown_with(self.text, typed)) <= characters

        self.text.room = room
        self.text.takes = takes

    # -- formatting ----------------------------------------------------------------------
    def toggle_bold(self) -> None:
        weight = self.text.fontWeight()
        bold = QFont.Weight.Normal if weight > QFont.Weight.Normal else QFont.Weight.Bold
        fmt = QTextCharFormat()
        fmt.setFontWeight(bold)
        self.text.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.text.fontItalic())
        self.text.mergeCurrentCharFormat(fmt)

    def toggle_heading(self) -> None:
        """The current paragraph becomes a heading, or a heading becomes a paragraph."""
        cursor = self.text.textCursor()
        level = 0 if cursor.blockFormat().headingLevel() else HEADING_LEVEL
        cursor.beginEditBlock()
        block = QTextBlockFormat()
        block.setHeadingLevel(level)
        cursor.mergeBlockFormat(block)
        char = QTextCharFormat()
        char.setProperty(QTextFormat.Property.FontSizeAdjustment, HEADING_SIZE.get(level, 0))
        char.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
        cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
        cursor.mergeCharFormat(char)
        cursor.endEditBlock()
        self.text.mergeCurrentCharFormat(char)

    def toggle_list(self, numbered: bool) -> None:
        """Make the current paragraphs a list of that kind, or plain paragraphs again."""
        style = QTextListFormat.Style.ListDecimal if numbered else QTextListFormat.Style.ListDisc
        cursor = self.text.textCursor()
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is not None and current.format().style() == style:
            document = self.text.document()
            first = document.findBlock(cursor.selectionStart()).blockNumber()
            last = document.findBlock(cursor.selectionEnd()).blockNumber()
            for number in range(first, last + 1):  # these paragraphs leave the list
                block = document.findBlockByNumber(number)
                if block.textList() is current:
                    current.remove(block)
            plain = QTextBlockFormat()
            plain.setIndent(0)
            cursor.mergeBlockFormat(plain)
        elif current is not None:
            fmt = current.format()
            fmt.setStyle(style)
            current.setFormat(fmt)
        else:
            fmt = QTextListFormat()
            fmt.setStyle(style)
            cursor.createList(fmt)
        cursor.endEditBlock()

    def edit_link(self) -> None:
        """Ask for a link's text and address (Ctrl+Shift+K) and put it at the cursor, or over the
        selection; an empty address takes the link off and keeps the text."""
        cursor = self.text.textCursor()
        if not cursor.hasSelection() and cursor.charFormat().isAnchor():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        cursor = _without_outer_spaces(cursor)
        answer = self.ask_link(cursor.selectedText(), cursor.charFormat().anchorHref())
        if answer is None:
            return
        text, address = answer
        text = text or address
        if not text:
            return
        fmt = without_link(cursor.charFormat())
        if address:
            fmt.setAnchor(True)
            fmt.setAnchorHref(address)
            fmt.setFontUnderline(True)
            fmt.setForeground(self.palette().link())
        cursor.beginEditBlock()
        cursor.insertText(text, fmt)
        cursor.endEditBlock()
        self.text.setTextCursor(cursor)
        self.text.setCurrentCharFormat(without_link(fmt))  # what follows is not the link

    def _ask_link(self, text: str, address: str) -> tuple[str, str] | None:
        dialog = LinkDialog(text, address, self)
        try:
            return dialog.link() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def _markdown_with(text: QTextEdit, typed: str) -> str:
    """The Markdown :meth:`MarkdownEditor.markdown` would give once ``typed`` is typed at
    ``text``'s cursor (over its selection), worked out on a copy."""
    copy = text.document().clone()
    try:
        shown = text.textCursor()
        cursor = QTextCursor(copy)
        cursor.setPosition(shown.anchor())
        cursor.setPosition(shown.position(), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(typed, text.currentCharFormat())
        return "" if copy.isEmpty() else markdown_of(copy).strip("\n")
    finally:
        copy.deleteLater()


def _without_outer_spaces(cursor: QTextCursor) -> QTextCursor:
    """The selection of ``cursor`` without the spaces at its ends (a double-clicked word
    comes with the space after it, which would become part of the link)."""
    if not cursor.hasSelection():
        return cursor
    text = cursor.selectedText()
    start = cursor.selectionStart() + (len(text) - len(text.lstrip()))
    end = cursor.selectionEnd() - (len(text) - len(text.rstrip()))
    trimmed = QTextCursor(cursor.document())
    trimmed.setPosition(start)
    trimmed.setPosition(max(start, end), QTextCursor.MoveMode.KeepAnchor)
    return trimmed
