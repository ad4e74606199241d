"""What a person types is shown as typed, never read as markup.

Qt labels, message boxes and tooltips guess: text that looks like it starts with a tag is drawn
as HTML. A friend saved as "<b>Sam</b> <img src=…>" was drawn bold, and an <img> can make Qt
read a file from disk. Every page and dialog is opened over a journal whose names, numbers,
details and notes are full of markup, and every label and tooltip showing them must be plain
text (or escaped rich text)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QToolTip, QWidget

from recovery_desktop.data.demo import fill_demo
from recovery_desktop.domain.cravings import Craving, Tag
from recovery_desktop.domain.library import Kind
from recovery_desktop.ui.dialogs.key_wizards import setup_wizard
from recovery_desktop.ui.dialogs.library_item_dialog import LibraryItemDialog
from recovery_desktop.ui.models.cravings_model import COL_TRIGGERS
from recovery_desktop.ui.pages.cravings import CravingsPage
from recovery_desktop.ui.session import Session
from tests.ui.test_fits_screen import DIALOGS, PAGES, _dialogs, _settle

MARK = "<u>x</u>"


def _fill_marked(journal):
    fill_demo(journal, 4, date.today())
    for contact in journal.contacts.contacts():
        journal.contacts.save(replace(contact, name=f"{MARK}{contact.name}", notes=MARK))
    for line in journal.contacts.crisis_lines():
        journal.contacts.save_crisis_line(replace(line, name=f"{MARK}{line.name}", details=MARK))
    for kind in Kind:
        for item in journal.library.items(kind):
            journal.library.update(replace(item, name=f"{MARK}{item.name}"))


@pytest.fixture
def marked_journal(filled_journal):
    """The demo journal with markup in every name, number, detail and note a person types."""
    return filled_journal(_fill_marked)


def drawn(text: str, format_: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """The characters a person sees when Qt draws ``text`` in ``format_``."""
    rich = format_ == Qt.TextFormat.RichText or (
        format_ == Qt.TextFormat.AutoText and QtGuiNamespace.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def hover(widget: QWidget, at: QPoint | None = None) -> str:
    """The characters a person sees in the tooltip shown when the pointer rests on
    ``widget`` (at ``at``): as Qt's tooltip window draws them, in its own text format."""
    QToolTip.hideText()
    at = at or QPoint(1, 1)
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, at, widget.mapToGlobal(at)))
    if not QToolTip.isVisible():
        return ""
    return tooltip_drawn()


def tooltip_drawn() -> str:
    """What Qt's tooltip window draws now."""
    (tip,) = [
        label
        for label in QApplication.topLevelWidgets()
        if isinstance(label, QLabel)
        and label.windowType() == Qt.WindowType.ToolTip
        and label.isVisible()
    ]
    return drawn(tip.text(), tip.textFormat())


def markup_problems(root: QWidget) -> list[str]:
    """Labels and tooltips under ``root`` (itself included) that draw MARK as markup."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()!r}"
        label = widget.text() if isinstance(widget, QLabel) else ""
        if MARK in label and MARK not in drawn(label, widget.textFormat()):
            problems.append(f"{name}: {widget.text()[:60]!r}")
        if MARK in widget.toolTip() and MARK not in hover(widget):
            problems.append(f"{name} tooltip: {widget.toolTip()[:60]!r}")
    return problems


@pytest.mark.parametrize("row", PAGES)
def test_pages_show_user_text_as_typed(qtbot, window_for, marked_journal, files, row):
    session = Session(files)
    session.adopt(marked_journal)
    window = window_for(session)
    window.workspace.show_page(row)
    _settle(qtbot, window)
    assert markup_problems(window) == [], window.workspace.nav.item(row).text()


@pytest.mark.parametrize("name", DIALOGS)
def test_dialogs_show_user_text_as_typed(qtbot, window_for, marked_journal, files, name):
    session = Session(files)
    session.adopt(marked_journal)
    window = window_for(session)
    dialog = _dialogs(marked_journal)[name](window)
    assert isinstance(dialog, QDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    _settle(qtbot, dialog)
    assert markup_problems(dialog) == []
    dialog.reject()


def test_table_tooltips_show_user_text_as_typed(qtbot, window_for, journal, files):
    """A table's own tooltips (here the Triggers cell of a craving) pass the same way."""
    journal.cravings.save(Craving(None, datetime.now(), 6, triggers=(Tag(None, f"{MARK}pay"),)))
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    page = window.workspace.open_page(CravingsPage)
    _settle(qtbot, window)
    table = page.table
    cell = table.visualRect(page.model.index(0, COL_TRIGGERS)).center()
    assert hover(table.viewport(), cell) == f"{MARK}pay"


def test_message_boxes_show_user_text_as_typed(qtbot):
    """Messages that name a person or a folder ("…/<b>x</b>/week.pdf") are plain text."""
    box = QMessageBox(QMessageBox.Icon.Information, "Not saved", f"{MARK} could not be written.")
    box.setInformativeText(f"The folder {MARK} is full.")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitUntil(box.isVisible)
    shown = [drawn(label.text(), label.textFormat()) for label in box.findChildren(QLabel)]
    assert f"{MARK} could not be written." in shown
    assert f"The folder {MARK} is full." in shown
    box.done(0)


def test_messages_beside_fields_show_user_text_as_typed(qtbot, marked_journal):
    """ "“<u>x</u>Poor sleep” is already in your list." keeps its tags: a message line
    (ErrorLabel, used by some thirty messages) is plain text too."""
    existing = marked_journal.library.items(Kind.TRIGGER)[0]
    dialog = LibraryItemDialog(marked_journal.library, Kind.TRIGGER, None, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name_edit, existing.name)
    dialog.accept()
    assert dialog.isVisible()
    shown = drawn(dialog.error.text(), dialog.error.textFormat())
    assert existing.name in shown, shown


def test_only_the_apps_own_words_are_rich_text(qtbot, files):
    """The two labels written as rich text on purpose still draw as such."""
    wizard = setup_wizard(lambda _w: None, files.app_folders())
    qtbot.addWidget(wizard)
    wizard.show()
    labels = [label for label in wizard.findChildren(QLabel) if "<p>" in label.text()]
    assert labels and all(drawn(label.text(), label.textFormat()) for label in labels)
    assert all("<p>" not in drawn(label.text(), label.textFormat()) for label in labels)
    wizard.done(0)


def test_a_tooltip_of_several_lines_shows_its_lines_not_markup(qtbot):
    """Chart hover texts have two lines ("Fri 13 Nov 2026" / "Craving peak: 4"): the
    tooltip shows them as lines, never the tags that carry them."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    QToolTip.showText(widget.mapToGlobal(QPoint(1, 1)), f"Fri 13 Nov\n{MARK}: 4")
    qtbot.waitUntil(QToolTip.isVisible)
    assert tooltip_drawn() == f"Fri 13 Nov\n{MARK}: 4"
    QToolTip.hideText()


def test_a_long_note_in_a_tooltip_is_broken_into_lines_as_typed():
    """Tooltips are plain text and do not wrap on their own: a long note is broken into
    lines of at most 70 characters, its own line breaks and its tags kept."""
    from recovery_desktop.ui.plain_text import tooltip_lines

    note = f"{MARK} " + "word " * 40 + "\nsecond line"
    shown = tooltip_lines(note)
    assert all(len(line) <= 70 for line in shown.split("\n"))
    assert shown.split() == note.split()
    assert shown.startswith(MARK) and shown.endswith("\nsecond line")
