"""The line at the top of a page that saves as you type: "Saved", "Saving…" or a calm
error (Today, Plan)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class SaveStatus(QLabel):
    """ "Saved", "Saving…" or a calm error, always visible at the top of the page. An error
    is read in full, so a long one wraps onto more lines within the page; it never widens
    the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveStatus")
        self.setAccessibleName("Save status")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def set_state(self, state: str, text: str) -> None:
        self.setProperty("state", state)
        # Only an error is long enough to wrap; "Saved" and "Saving…" keep one line, so the
        # form below never moves when they come and go.
        self.setWordWrap(state == "error")
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)
        self.setAccessibleDescription(text)
