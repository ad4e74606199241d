"""What a person typed is drawn as they typed it, never read as markup.

Qt draws a label's text, a message box's or a tooltip's, as HTML whenever it looks as if it
starts with a tag, so "Edit <b>Sam</b>" came out bold, and an ``<img src=…>`` in a name would
make Qt read a file. Names, notes and folder paths reach all three. The app's style makes
every label plain text when it is polished, before it is first shown (message boxes' labels
and Qt's own tooltip window included), unless the label was explicitly made rich text for
the app's own words (``Qt.TextFormat.RichText``). A new page or message line cannot forget it.

This is done in the style's ``polish``, called once per widget, and not by an
application-wide event filter: a filter written in Python is called for every event of every
object, also while a widget is being destroyed, and with the worker thread running Python at
the same time that crashed the app (docs/decisions.md, "No application-wide event filter for
plain text").
"""

from __future__ import annotations

import textwrap

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QProxyStyle

TOOLTIP_LINE_CHARACTERS = 70  # plain tooltips do not wrap: long lines are broken here


def tooltip_lines(text: str, width: int = TOOLTIP_LINE_CHARACTERS) -> str:
    """``text`` for a tooltip: each of its lines broken at ``width`` characters, so a long
    note does not make a window as wide as the screen (its own line breaks kept)."""
    return "\n".join(
        textwrap.fill(line, width, break_long_words=True, replace_whitespace=False) or line
        for line in text.split("\n")
    )


def _make_plain(label: QLabel) -> None:
    if label.textFormat() == Qt.TextFormat.AutoText:
        label.setTextFormat(Qt.TextFormat.PlainText)


class PlainTextStyle(QProxyStyle):
    """The app's style, which makes every label plain text as it is polished."""

    def polish(self, target):  # three overloads: a widget, the application, a palette
        if isinstance(target, QLabel):
            _make_plain(target)
        return super().polish(target)


def install_plain_text(app: QApplication) -> None:
    """Give the application the Fusion style with plain labels, once: later calls (a second
    start in the same process, as tests do) keep the style it has, as replacing a style
    while widgets use it is not safe."""
    if app.property("plainText"):
        return
    app.setStyle(PlainTextStyle("Fusion"))
    app.setProperty("plainText", True)
