"""One version of the plan, read-only: every section with its text, tables and contacts.

The document is built with a text cursor, not from HTML: titles, table cells and contact
lines go in as plain text, and each section's Markdown is read with HTML switched off
(``MarkdownNoHTML``), so nothing a person wrote is ever taken as markup. A link shows as
its text underlined with its address after it in brackets, as on paper, and cannot be
clicked; no image or other resource is ever loaded. Hidden sections are shown too, marked
as hidden (a version holds them as they were).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTableFormat,
)
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from recovery_desktop.domain.plan import Plan, PlanContact, PlanSection
from recovery_desktop.domain.plan_versions import contact_line
from recovery_desktop.ui.widgets.markdown_text import FEATURES, QuietDocument, fragments
from recovery_desktop.ui.window_size import fit_to_screen

WIDTH, HEIGHT = 820, 640
ContactsFor = Callable[[Sequence[str]], list[PlanContact]]


def _new_block(cursor: QTextCursor, top_margin: float = 0) -> None:
    """A new plain paragraph: not in the list or heading the Markdown before it ended in."""
    block = QTextBlockFormat()
    block.setTopMargin(top_margin)
    if cursor.document().isEmpty():
        cursor.setBlockFormat(block)  # the document's first, empty paragraph
        return
    cursor.insertBlock(block, QTextCharFormat())


def _heading(cursor: QTextCursor, text: str, note: str) -> None:
    _new_block(cursor, top_margin=cursor.document().defaultFont().pointSizeF() * 1.2)
    title = QTextCharFormat()
    title.setFontWeight(QFont.Weight.Bold)
    title.setFontPointSize(cursor.document().defaultFont().pointSizeF() * 1.25)
    cursor.insertText(text, title)
    if note:
        cursor.insertText(f"  ({note})", QTextCharFormat())
    cursor.setCharFormat(QTextCharFormat())


def _pairs(cursor: QTextCursor, section: PlanSection) -> None:
    rows = [pair for pair in section.pairs if not pair.is_empty]
    if not rows:
        return
    table_format = QTextTableFormat()
    table_format.setCellPadding(4)
    table_format.setCellSpacing(0)
    table_format.setBorder(0.5)
    table = cursor.insertTable(len(rows) + 1, 2, table_format)
    cells = [section.kind.pair_headings, *((pair.first, pair.second) for pair in rows)]
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    for row, values in enumerate(cells):
        for column, value in enumerate(values):
            table.cellAt(row, column).firstCursorPosition().insertText(
                value, bold if row == 0 else QTextCharFormat()
            )
    cursor.movePosition(QTextCursor.MoveOperation.End)


def _contacts(cursor: QTextCursor, section: PlanSection, contacts_for: ContactsFor) -> None:
    if not section.contacts:
        return
    found = {contact.uid: contact for contact in contacts_for(section.contacts)}
    for uid in section.contacts:
        _new_block(cursor)
        phone = found[uid].phone if uid in found and not found[uid].missing else ""
        cursor.insertText(f"• {contact_line(uid, found)}" + (f" · {phone}" if phone else ""))


def _section(cursor: QTextCursor, section: PlanSection, contacts_for: ContactsFor) -> None:
    note = "hidden: not shown on the page or printed" if section.hidden else ""
    _heading(cursor, section.title, note)
    _new_block(cursor)
    if section.body.strip():
        cursor.insertMarkdown(section.body, FEATURES)
        _new_block(cursor)
    _pairs(cursor, section)
    _contacts(cursor, section, contacts_for)
    if Plan((section,)).is_empty:
        cursor.insertText("Nothing written here.")


def plan_document(plan: Plan, contacts_for: ContactsFor, parent: QWidget) -> QTextDocument:
    """The whole ``plan`` as a read-only document; support contacts by ``contacts_for``
    (their names as People holds them now)."""
    document = QuietDocument(parent)
    cursor = QTextCursor(document)
    for section in plan.sections:
        _section(cursor, section, contacts_for)
    _pictures_as_words(document)
    _links_as_text(document)
    return document


def _pictures_as_words(document: QTextDocument) -> None:
    """Each image the Markdown names becomes the words "(a picture, not shown)" before the
    document is laid out: Qt's image handler would read a named file straight from the
    disk even when the document loads no resource (qtextimagehandler.cpp, "try direct
    loading")."""
    cursor = QTextCursor(document)
    for fragment in reversed(list(fragments(document))):
        if fragment.charFormat().isImageFormat():
            cursor.setPosition(fragment.position())
            cursor.setPosition(
                fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
            )
            cursor.insertText("(a picture, not shown)", QTextCharFormat())


def _links_as_text(document: QTextDocument) -> None:
    """Each link becomes its text underlined (no link colour, nothing to click), its address
    after it in brackets unless the text is the address."""
    links: list[tuple[int, int, str]] = []  # start, end, address
    cursor = QTextCursor(document)
    for fragment in list(fragments(document)):
        fmt = fragment.charFormat()
        if not fmt.isAnchor():
            continue
        start, end, href = (
            fragment.position(),
            fragment.position() + fragment.length(),
            fmt.anchorHref(),
        )
        for name in (QTextFormat.Property.IsAnchor, QTextFormat.Property.AnchorHref):
            fmt.clearProperty(name)
        fmt.clearForeground()
        fmt.setFontUnderline(True)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(fmt)
        if links and links[-1][1] == start and links[-1][2] == href:
            start = links.pop()[0]
        links.append((start, end, href))
    for start, end, href in reversed(links):
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        if href and cursor.selectedText() != href:
            cursor.setPosition(end)
            cursor.insertText(f" ({href})", QTextCharFormat())


class VersionDialog(QDialog):
    """``plan`` (a version's snapshot) under ``title`` ("Version 4 · Mon 30 Nov 2026,
    14:05"), with ``about`` above it (why it was kept, its label). Nothing can be changed."""

    def __init__(
        self,
        plan: Plan,
        title: str,
        about: str,
        contacts_for: ContactsFor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        heading = QLabel(title, self)
        heading.setObjectName("heading")
        self.about = QLabel(about, self)
        self.about.setWordWrap(True)
        self.about.setObjectName("hintLabel")
        self.text = QTextBrowser(self)
        self.text.setAccessibleName("The plan as it was in this version")
        self.text.setOpenLinks(False)
        self.text.setDocument(plan_document(plan, contacts_for, self.text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.about)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, WIDTH, HEIGHT)
        self.text.setFocus()
