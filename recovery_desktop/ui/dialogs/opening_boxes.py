"""Questions and notes shown while a journal is being opened: a fresh start over a
half-created journal, and recent entries that could not be read after a crash."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

FRESH_START_TITLE = "Start again?"
FRESH_START_TEXT = (
    "The journal in this folder cannot be opened: setting it up was interrupted before it "
    "was finished."
)
FRESH_START_DETAIL = (
    "Recovery Desktop can start the set-up again. The unfinished files are not deleted: "
    "they are moved into a folder named “set-aside-…” inside {folder}."
)
NOTES_TITLE = "Some recent entries are missing"


def fresh_start_box(parent: QWidget | None, folder: Path) -> tuple[QMessageBox, QPushButton]:
    """The question, with "Start again" as the default; returns it and that button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(FRESH_START_TITLE)
    box.setText(FRESH_START_TEXT)
    box.setInformativeText(FRESH_START_DETAIL.format(folder=folder))
    start = box.addButton("&Start again", QMessageBox.ButtonRole.AcceptRole)
    close = box.addButton("&Close", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(start)
    box.setEscapeButton(close)
    return box, start


def wants_fresh_start(parent: QWidget | None, folder: Path) -> bool:
    """Ask; True only when the person chose to start again."""
    box, start = fresh_start_box(parent, folder)
    box.exec()
    return box.clickedButton() is start


def notes_box(parent: QWidget | None, notes: tuple[str, ...]) -> QMessageBox:
    """The warnings of opening (``Journal.opening_notes``) with one OK button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(NOTES_TITLE)
    box.setText("\n\n".join(notes))
    box.setInformativeText(
        "Everything else in your journal opened normally. Keep that folder until you know "
        "what is missing."
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box
