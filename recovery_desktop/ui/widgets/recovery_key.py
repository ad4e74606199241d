"""Showing a recovery key (copy, save, print) and confirming it by typing part of it back."""

from __future__ import annotations

import random
import textwrap
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontInfo,
    QPagedPaintDevice,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.output_files import save_output
from recovery_desktop.data.output_places import AppFolders
from recovery_desktop.domain import recovery_key as rk
from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.ui.clipboard import CLEARED_NOTE, private_clipboard
from recovery_desktop.ui.dialog_traces import no_folder_traces
from recovery_desktop.ui.pdf_output import print_or_save
from recovery_desktop.ui.save_dialog import FileKind, ask_save_path
from recovery_desktop.ui.widgets.status_line import StatusLine

LOSS_WARNING = (
    "If both your passphrase and this recovery key are lost, nobody can open your journal: "
    "not you, not the makers of this app, not anyone. There is no back door."
)


KEY_TITLE = "Recovery Desktop recovery key"
KEY_POINT_SIZE = 18  # the body is 12 pt; 39 characters at 18 pt fit an A4 or Letter line
BODY_POINT_SIZE = 12
TEXT_COLUMNS = 72


def key_paragraphs(made_on: date) -> list[str]:
    """What the paper (or file) says under the key, one paragraph per item."""
    return [
        f"Made on {date_text(made_on, '%-d %B %Y')}.",
        "With this key you can set a new passphrase if you forget yours.",
        "Keep it somewhere private and safe, away from this computer. Anyone who has it and "
        "can use your computer account could open your journal.",
    ]


def key_document_text(key: str, made_on: date | None = None) -> str:
    """The saved .txt: short lines, so it reads in any editor."""
    paragraphs = key_paragraphs(made_on or date.today())
    wrapped = "\n\n".join(textwrap.fill(text, TEXT_COLUMNS) for text in paragraphs)
    return f"{KEY_TITLE}\n\n{key}\n\n{wrapped}\n"


def key_document(key: str, made_on: date | None = None) -> QTextDocument:
    """The printed page: the key large and monospaced on one line, sentences left to wrap."""
    document = QTextDocument()
    body = QFont(document.defaultFont())
    body.setPointSize(BODY_POINT_SIZE)
    document.setDefaultFont(body)
    cursor = QTextCursor(document)
    heading = QTextCharFormat()
    heading.setFontPointSize(BODY_POINT_SIZE + 4)
    heading.setFontWeight(QFont.Weight.Bold)
    cursor.insertText(KEY_TITLE, heading)
    spaced = QTextBlockFormat()
    spaced.setTopMargin(18)
    spaced.setBottomMargin(18)
    spaced.setNonBreakableLines(True)  # the key never wraps at a dash
    cursor.insertBlock(spaced, _key_format())
    cursor.insertText(key)
    for text in key_paragraphs(made_on or date.today()):
        paragraph = QTextBlockFormat()
        paragraph.setBottomMargin(8)
        cursor.insertBlock(paragraph, QTextCharFormat())
        cursor.insertText(text)
    return document


FIXED_FAMILIES = ("DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono", "Consolas", "Menlo")


def fixed_font(point_size: float) -> QFont:
    """A monospaced font (O and 0 told apart by shape, every character one width)."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if not QFontInfo(font).fixedPitch():  # a generic "monospace" that did not resolve
        family = next((f for f in FIXED_FAMILIES if QFontDatabase.isFixedPitch(f)), "Courier")
        font = QFont(family)
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    font.setFixedPitch(True)
    font.setPointSizeF(point_size)
    return font


def _key_format() -> QTextCharFormat:
    font = fixed_font(KEY_POINT_SIZE)
    font.setWeight(QFont.Weight.DemiBold)
    chosen = QTextCharFormat()
    chosen.setFont(font)
    return chosen


class RecoveryKeyView(QWidget):
    """The key in large type, with Copy, Save and Print. Files are never saved among the
    app's own files (``app_folders``: the journal's folder, also before it exists)."""

    def __init__(self, app_folders: AppFolders, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = ""
        self.app_folders = app_folders
        intro = QLabel(
            "This is your recovery key. If you ever forget your passphrase, it lets you set "
            "a new one. It is shown only now, so keep a copy somewhere safe: print it, or "
            "save it to a USB stick you keep away from this computer.",
            self,
        )
        intro.setWordWrap(True)
        self.key_label = QLabel(self)
        self.key_label.setObjectName("recoveryKey")
        font = fixed_font(
            QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).pointSizeF() * 1.6
        )
        font.setWeight(QFont.Weight.DemiBold)
        self.key_label.setFont(font)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Not selectable: a selection would put the key on the clipboard (Ctrl+C) or the X11
        # selection where it stays; Copy clears it again (docs/decisions.md).
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.key_label.setAccessibleName("Recovery key")
        warning = QLabel(LOSS_WARNING, self)
        warning.setWordWrap(True)
        warning.setObjectName("warningLabel")
        self.status = StatusLine("Recovery key status", self)
        buttons = QHBoxLayout()
        for text, slot in (
            ("&Copy", self.copy),
            ("&Save to a file…", self.save),
            ("&Print…", self.print_key),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.key_label)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(warning)
        layout.addStretch(1)

    def set_key(self, key: str) -> None:
        self._key = key
        self.key_label.setText(key)
        self.status.clear()

    def copy(self) -> None:
        private_clipboard().copy(self._key)
        self.status.setText(f"Copied. Paste it somewhere safe now: it is {CLEARED_NOTE}.")

    def save(self) -> None:
        start = Path.home() / "recovery-key.txt"
        chosen = ask_save_path(self, "Save recovery key", start, [FileKind("Text", "txt")])
        if chosen is not None:
            self.save_to(chosen[0])

    def save_to(self, path: Path) -> bool:
        """Write the key's text file, whole or not at all; a failure is told in a box that
        names the file and the reason. True when saved."""
        try:
            text = key_document_text(self._key).encode("utf-8")
            save_output(path, text, app_folders=self.app_folders)
        except JournalError as error:
            self._not_saved(error)
            return False
        self.status.setText("Saved. Move that file somewhere safe, away from this computer.")
        return True

    def print_key(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        with no_folder_traces():  # its "…" button opens a file dialog
            accepted = dialog.exec() == QPrintDialog.DialogCode.Accepted
        if accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Print the key, or save it as the PDF the print dialog chose, whole or not at all."""
        try:
            print_or_save(printer, KEY_TITLE, self._print_on, self.app_folders)
        except JournalError as error:
            self._not_saved(error)
            return False
        where = printer.outputFileName()
        self.status.setText(
            f"Saved to {where}. Move that file somewhere safe, away from this computer."
            if where
            else "Sent to the printer."
        )
        return True

    def _print_on(self, device: QPagedPaintDevice) -> None:
        key_document(self._key).print_(device)

    def _not_saved(self, error: JournalError) -> None:
        self.status.setText("Not saved.")
        QMessageBox.warning(self, "Not saved", str(error))


class RecoveryKeyConfirm(QWidget):
    """Asks for two groups of the key, chosen at random, to be typed back."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = ""
        self._indexes: list[int] = [0, 1]
        intro = QLabel(
            "To be sure you have kept it, type two groups of your recovery key. "
            "Letters can be upper or lower case.",
            self,
        )
        intro.setWordWrap(True)
        self.edits = [QLineEdit(self), QLineEdit(self)]
        self._form = QFormLayout()
        for edit in self.edits:
            edit.setMaxLength(rk.GROUP_SIZE + 1)
            edit.setMaximumWidth(120)
            edit.textChanged.connect(self._typed)
            self._form.addRow("Group", edit)
        self.feedback = QLabel(self)
        self.feedback.setWordWrap(True)
        self.feedback.setAccessibleName("Check result")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self._form)
        layout.addWidget(self.feedback)
        layout.addStretch(1)

    def _typed(self) -> None:
        self.feedback.setText(self._feedback_text())
        self.changed.emit()

    def _feedback_text(self) -> str:
        if self.is_confirmed():
            return "That matches. Your copy is good."
        for edit, index in zip(self.edits, self._indexes, strict=True):
            typed = edit.text().replace(" ", "").replace("-", "")
            if len(typed) >= rk.GROUP_SIZE and not rk.group_matches(self._key, index, typed):
                return (
                    f"Group {index + 1} doesn't match yet. Check your copy; "
                    "O and 0, and I, L and 1, count as the same."
                )
        return ""

    def set_key(self, key: str, rng: random.Random | None = None) -> None:
        self._key = key
        picker = rng or random.SystemRandom()
        self._indexes = sorted(picker.sample(range(rk.GROUPS), 2))
        self.feedback.clear()
        for row, (edit, index) in enumerate(zip(self.edits, self._indexes, strict=True)):
            edit.clear()
            item = self._form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            text = f"Group {index + 1} of {rk.GROUPS}:"
            if isinstance(label, QLabel):
                label.setText(text)
            edit.setAccessibleName(text)

    @property
    def asked_groups(self) -> list[int]:
        """The 0-based group numbers being asked for."""
        return list(self._indexes)

    def is_confirmed(self) -> bool:
        return all(
            rk.group_matches(self._key, index, edit.text())
            for edit, index in zip(self.edits, self._indexes, strict=True)
        )
