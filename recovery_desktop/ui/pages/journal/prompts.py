"""The Journal's "Write about today": a button whose menu offers two or three prompts chosen
from today's records (:func:`~recovery_desktop.domain.journal_prompts.prompts_for`), and
:func:`insert_prompt`, which puts a chosen prompt's heading into the entry being written.

Today's facts are read when the menu opens (``facts_source``, given by the composition
root), so a check-in saved a minute ago already counts. Each prompt is a menu item with its
heading; its hint is shown under it in grey lines the keyboard passes over.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.journal_prompts import DayFacts, Prompt, prompts_for
from recovery_desktop.ui.widgets.markdown_editor import MarkdownEditor
from recovery_desktop.ui.widgets.markdown_text import HEADING_LEVEL, HEADING_SIZE, plain_format

HINT_COLUMNS = 60  # a hint wraps to lines this long, so the menu stays narrow


def menu_text(text: str) -> str:
    """``text`` as a menu item shows it: a typed "&" is not a mnemonic."""
    return text.replace("&", "&&")


class PromptButton(QPushButton):
    """ "Write about today" (Alt+W): a menu of today's prompts; ``chosen(Prompt)`` when
    one is picked. ``facts_source()`` reads today's facts; when the journal cannot be read
    the menu offers the general prompts."""

    chosen = Signal(object)

    def __init__(self, facts_source: Callable[[], DayFacts], parent: QWidget | None = None):
        super().__init__("&Write about today", parent)
        self._facts_source = facts_source
        self.setToolTip("Prompts chosen from today's check-in, cravings and appointments")
        self.prompts: list[Prompt] = []
        self.prompt_menu = QMenu(self)
        readable_hints(self.prompt_menu)
        self.prompt_menu.aboutToShow.connect(self._fill)
        self.setMenu(self.prompt_menu)

    def today_prompts(self) -> list[Prompt]:
        """The prompts for today as the menu would offer them now."""
        try:
            facts = self._facts_source()
        except JournalError:
            facts = DayFacts()
        return prompts_for(facts)

    @Slot()
    def _fill(self) -> None:
        menu = self.prompt_menu
        menu.clear()
        self.prompts = self.today_prompts()
        for number, prompt in enumerate(self.prompts, start=1):
            if number > 1:
                menu.addSeparator()
            action = menu.addAction(f"&{number}  {menu_text(prompt.heading)}")
            action.setToolTip(prompt.hint)
            action.triggered.connect(lambda _checked=False, p=prompt: self.chosen.emit(p))
            for line in textwrap.wrap(prompt.hint, HINT_COLUMNS):
                menu.addAction(f"      {menu_text(line)}").setEnabled(False)


def readable_hints(menu: QMenu) -> None:
    """Greyed items of ``menu`` (the hints) in two thirds of the text's strength over the
    menu's background, not the faint grey of an unavailable command, in light and dark
    themes alike."""
    palette = menu.palette()
    text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    back = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window)
    hint = QColor(
        (2 * text.red() + back.red()) // 3,
        (2 * text.green() + back.green()) // 3,
        (2 * text.blue() + back.blue()) // 3,
    )
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, hint)
    menu.setPalette(palette)


def insert_prompt(editor: MarkdownEditor, prompt: Prompt) -> None:
    """Insert ``prompt``'s heading into ``editor`` as a Markdown heading (``## ``) on a line
    of its own after the paragraph the cursor is in (or on the cursor's line when it is
    empty), outside any list, and leave the cursor on an empty paragraph below it, ready to
    write. One undo step; the editor's ``edited`` fires as for typing."""
    text = editor.text
    cursor = text.textCursor()
    cursor.beginEditBlock()
    cursor.setPosition(cursor.selectionEnd())
    if cursor.block().text():
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertBlock()
    listed = cursor.currentList()
    if listed is not None:
        listed.remove(cursor.block())
    heading = QTextBlockFormat()
    heading.setHeadingLevel(HEADING_LEVEL)
    cursor.setBlockFormat(heading)
    cursor.insertText(prompt.heading, _heading_format())
    cursor.insertBlock(QTextBlockFormat(), plain_format())
    cursor.endEditBlock()
    text.setTextCursor(cursor)
    text.setCurrentCharFormat(plain_format())
    text.setFocus()


def _heading_format() -> QTextCharFormat:
    char = QTextCharFormat()
    char.setFontWeight(QFont.Weight.Bold)
    char.setProperty(QTextFormat.Property.FontSizeAdjustment, HEADING_SIZE[HEADING_LEVEL])
    return char
