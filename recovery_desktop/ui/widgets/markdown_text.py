"""Markdown in and out of a ``QTextDocument`` for the rich-text editor: what is stored is
Markdown (GitHub's dialect with HTML switched off), read back the same, and pasted HTML is
reduced to what Markdown can say (structure, never styling). See ``markdown_editor.py``."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QFont,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFragment,
)

from recovery_desktop.domain.markdown_lines import unwrap

# GitHub's Markdown without raw HTML: "<b>" typed by the user stays two characters of text.
FEATURES = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)
HEADING_LEVEL = 2  # "## " in Markdown; the toolbar's one heading size
# How much larger a heading is drawn (QTextFormat.FontSizeAdjustment: 0 is normal).
HEADING_SIZE = {1: 3, 2: 2, 3: 1}


class QuietDocument(QTextDocument):
    """A document that never loads a resource (an image named in pasted HTML or Markdown
    would otherwise be read from the disk)."""

    def loadResource(self, _type: int, _name: QUrl | str) -> object:
        return None


# Qt's Markdown writer escapes a typed "*" or "_" only at the start of a line, so
# "**not bold**" typed came back half italic: they are written as these first, then escaped.
_LITERALS = {"*": "\ue000", "_": "\ue001"}


def fragments(document: QTextDocument) -> Iterator[QTextFragment]:
    """Every run of equally formatted text in ``document``, from its start."""
    block = document.begin()
    while block.isValid():
        pieces = block.begin()
        while not pieces.atEnd():
            yield pieces.fragment()
            pieces += 1
        block = block.next()


def _emphasised(fmt: QTextCharFormat) -> bool:
    return fmt.fontWeight() > QFont.Weight.Normal.value or fmt.fontItalic() or fmt.fontStrikeOut()


def _spaces_outside_emphasis(document: QTextDocument) -> None:
    """Spaces at either end of bold, italic or struck-out text become plain: Qt writes
    "**Breathe*** then walk*" for an italic " then walk", which reads back with its
    asterisks showing, as emphasis cannot start before a space (CommonMark §6.2)."""
    cursor = QTextCursor(document)
    for fragment in list(fragments(document)):
        fmt, text = fragment.charFormat(), fragment.text()
        if not _emphasised(fmt) or fmt.isAnchor() or not text.strip():
            continue
        plain = QTextCharFormat(fmt)
        for name in (
            QTextFormat.Property.FontWeight,
            QTextFormat.Property.FontItalic,
            QTextFormat.Property.FontStrikeOut,
        ):
            plain.clearProperty(name)
        start, end = fragment.position(), fragment.position() + fragment.length()
        lead = len(text) - len(text.lstrip())
        trail = len(text) - len(text.rstrip())
        for first, last in ((start, start + lead), (end - trail, end)):
            if last > first:
                cursor.setPosition(first)
                cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(plain)


def markdown_of(document: QTextDocument) -> str:
    """``document`` as Markdown (GitHub's dialect, no HTML), one line per paragraph, list
    item and quote (``domain/markdown_lines.py``); every "*" and "_" the user typed is
    escaped, so it reads back as typed."""
    copy = document.clone()
    _spaces_outside_emphasis(copy)
    cursor = QTextCursor(copy)
    typed = [
        (f.position(), f.length(), f.text(), f.charFormat())
        for f in fragments(copy)
        if any(c in f.text() for c in _LITERALS) and not f.charFormat().fontFixedPitch()
    ]
    for position, length, text, fmt in typed:
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        for literal, stand_in in _LITERALS.items():
            text = text.replace(literal, stand_in)
        cursor.insertText(text, fmt)
    markdown = copy.toMarkdown(FEATURES)
    copy.deleteLater()
    for literal, stand_in in _LITERALS.items():
        markdown = markdown.replace(stand_in, f"\\{literal}")
    return unwrap(markdown)  # one line per paragraph, so versions compare line by line


def read_markdown(document: QTextDocument, markdown: str) -> None:
    """Fill ``document`` with ``markdown``; raw HTML in it stays text."""
    document.setMarkdown(markdown, FEATURES)


def clean_markdown_of_html(html: str) -> str:
    """What HTML from another program keeps once styling is dropped: its structure
    (headings, lists, bold, italic, links) as Markdown."""
    document = QuietDocument()
    document.setHtml(html)
    cursor = QTextCursor(document)
    for fragment in list(fragments(document)):
        cursor.setPosition(fragment.position())
        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(_structure_only(fragment.charFormat()))
    return markdown_of(document)


def _structure_only(fmt: QTextCharFormat) -> QTextCharFormat:
    """What Markdown keeps of a character format: bold, italic, struck out, a link."""
    clean = QTextCharFormat()
    if fmt.fontWeight() > QFont.Weight.Normal.value:
        clean.setFontWeight(QFont.Weight.Bold)
    clean.setFontItalic(fmt.fontItalic())
    clean.setFontStrikeOut(fmt.fontStrikeOut())
    if fmt.isAnchor() and fmt.anchorHref():
        clean.setAnchor(True)
        clean.setAnchorHref(fmt.anchorHref())
    return clean


def without_link(fmt: QTextCharFormat) -> QTextCharFormat:
    """``fmt`` without a link's properties (not even an empty one, which Markdown would
    write as ``[text]()``)."""
    plain = QTextCharFormat(fmt)
    for name in (
        QTextFormat.Property.IsAnchor,
        QTextFormat.Property.AnchorHref,
        QTextFormat.Property.ForegroundBrush,
        QTextFormat.Property.TextUnderlineStyle,
    ):
        plain.clearProperty(name)
    return plain


def plain_format() -> QTextCharFormat:
    plain = QTextCharFormat()
    plain.setFontWeight(QFont.Weight.Normal)
    plain.setProperty(QTextFormat.Property.FontSizeAdjustment, 0)
    return plain
