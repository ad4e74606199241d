"""Passphrase entry: a new passphrase typed twice, with a plain-words strength hint."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QWidget,
)

from recovery_desktop.domain.passphrase import MIN_LENGTH, assess, problem_with
from recovery_desktop.ui.widgets.status_line import line_height


def password_edit(placeholder: str = "", parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(False)
    return edit


def show_toggle(edits: list[QLineEdit], text: str, parent: QWidget | None = None) -> QCheckBox:
    """A "Show" checkbox that reveals the given fields while ticked. Whoever clears those
    fields unticks it too, so the next passphrase is never typed in plain sight."""
    box = QCheckBox(text, parent)

    def apply(checked: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if checked else QLineEdit.EchoMode.Password
        for edit in edits:
            edit.setEchoMode(mode)

    box.toggled.connect(apply)
    return box


def edited_signal(field: QWidget) -> SignalInstance:
    """The signal a field sends when the user changes it (not when the program does)."""
    if isinstance(field, QLineEdit):
        return field.textEdited
    if isinstance(field, QPlainTextEdit):
        return field.textChanged
    if isinstance(field, QDateTimeEdit):  # QDateEdit too
        return field.dateTimeChanged
    if isinstance(field, QComboBox):
        return field.editTextChanged if field.isEditable() else field.currentIndexChanged
    if isinstance(field, QAbstractButton):
        return field.toggled
    changed = getattr(field, "valueChanged", None)
    if isinstance(changed, SignalInstance):
        return changed
    raise TypeError(f"no edit signal for {type(field).__name__}")


class ErrorLabel(QLabel):
    """A calm, visible message line that screen readers can find.

    Its first line is kept free even while empty, so a message appearing never pushes
    the fields and buttons below it; a longer message wraps onto more lines.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorLabel")
        self.setWordWrap(True)
        self.setAccessibleName("Message")

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleDescription(text)
        self._make_room()

    def _make_room(self) -> None:
        """A dialog already on screen grows to show a longer message whole (up to the
        screen's height): its layout does not resize a shown window by itself."""
        top = self.window()
        layout = top.layout() if isinstance(top, QDialog) else None
        if layout is None or not top.isVisible():
            return
        layout.activate()
        width = top.width()
        needed = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        frame = top.frameGeometry().height() - top.height()
        room = top.screen().availableGeometry().height() - frame
        if needed > top.height():
            top.resize(width, min(needed, room))
            screen, frame_box = top.screen().availableGeometry(), top.frameGeometry()
            if frame_box.bottom() > screen.bottom():  # moved up to stay on screen
                top.move(frame_box.x(), max(screen.top(), screen.bottom() - frame_box.height()))

    def clear_when_edited(self, *fields: QWidget) -> None:
        """Clear the message as soon as the user changes any of ``fields`` (what it is about)."""
        for field in fields:
            edited_signal(field).connect(lambda *_args: self.show_message(""))

    def heightForWidth(self, width: int) -> int:
        return max(super().heightForWidth(width), line_height(self))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), line_height(self)))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), line_height(self)))


class NewPassphraseForm(QWidget):
    """New passphrase + confirmation + strength meter. ``problem()`` says what is wrong.

    ``leading`` rows (label, field) go above the new passphrase in the same form, so a
    dialog's own fields line up with these in one column; a row without a label spans both.
    """

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        label: str = "New passphrase",
        leading: Sequence[tuple[str | None, QWidget]] = (),
    ) -> None:
        super().__init__(parent)
        self.first = password_edit(f"At least {MIN_LENGTH} characters", self)
        self.first.setAccessibleName(label)
        self.second = password_edit("Type it again", self)
        self.second.setAccessibleName("Type the passphrase again")
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.meter.setAccessibleName("Passphrase strength")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hintLabel")
        self.error = ErrorLabel(self)
        self.reveal = show_toggle([self.first, self.second], "Show passphrase", self)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        for text, field in leading:
            if text is None:
                self.form.addRow(field)
            else:
                self.form.addRow(text, field)
        self.form.addRow(f"{label.replace('phrase', '&phrase', 1)}:", self.first)
        self.form.addRow("&Again:", self.second)
        self.form.addRow("", self.meter)
        self.form.addRow("", self.hint)
        self.form.addRow("", self.reveal)
        self.form.addRow("", self.error)
        for edit in (self.first, self.second):
            edit.textChanged.connect(self._update)
        self._update()

    def passphrase(self) -> str:
        return self.first.text()

    def problem(self) -> str | None:
        return problem_with(self.first.text(), self.second.text())

    def show_problem(self) -> bool:
        """Show what is wrong (if anything); True when the passphrase can be used."""
        problem = self.problem()
        self.error.show_message(problem or "")
        if problem and len(self.first.text()) < MIN_LENGTH:
            self.first.setFocus()
        elif problem:
            self.second.setFocus()
        return problem is None

    def clear(self) -> None:
        """Empty both fields and hide what is typed next."""
        self.first.clear()
        self.second.clear()
        self.reveal.setChecked(False)

    def _update(self) -> None:
        text = self.first.text()
        if text:
            strength = assess(text)
            self.meter.setValue(strength.score)
            self.hint.setText(f"Strength: {strength.label}. {strength.advice}")
            self.meter.setProperty("level", strength.score)
        else:
            self.meter.setValue(0)
            self.hint.setText(
                "A short sentence works well: four or five words that mean something only to you."
            )
        self.meter.setAccessibleDescription(self.hint.text())
        self.error.show_message("")
        self.changed.emit()
