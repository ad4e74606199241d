"""Stopping a key wizard after it has shown a recovery key: asked first, said plainly.

A key that was shown, saved, printed or copied but never set will be refused at unlock, so
the person must know that copy is useless. "Go back" is the default (Enter and Esc).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

GO_BACK = "&Go back"


@dataclass(frozen=True)
class StopQuestion:
    """What a key wizard asks when it is closed after showing a key, and what the journal
    says after a lock closed it instead (``locked``)."""

    title: str
    text: str
    detail: str
    stop: str
    locked: str = ""


NEW_KEY = StopQuestion(
    title="Stop without the new key?",
    text="Your new recovery key has not been set. Your old recovery key still works.",
    detail=(
        "If you saved, printed or copied the new key, that copy will not work: throw it "
        "away. Go back to finish, or stop and keep using your old key."
    ),
    stop="&Stop, keep my old key",
    locked=(
        "The journal locked before your new recovery key was set, so your old recovery key "
        "still works. If you saved, printed or copied the new key, that copy will not work: "
        "throw it away. You can make a new key here whenever you like."
    ),
)
ADD_PASSPHRASE = StopQuestion(
    title="Stop without a passphrase?",
    text="Your passphrase has not been set: your journal still has no passphrase.",
    detail=(
        "If you saved, printed or copied the recovery key shown here, that copy will not "
        "work: throw it away. You can add a passphrase later in Settings."
    ),
    stop="&Stop without a passphrase",
    locked=(
        "The journal locked before your passphrase was set, so it still has no passphrase. "
        "If you saved, printed or copied the recovery key that was shown, that copy will not "
        "work: throw it away. You can add a passphrase here whenever you like."
    ),
)
NEW_ENCRYPTION_KEY = StopQuestion(
    title="Stop without a new encryption key?",
    text="Nothing has changed: your passphrase, recovery key and encryption key still work.",
    detail=(
        "If you saved, printed or copied the recovery key shown here, that copy will not "
        "work: throw it away. Go back to finish, or stop and keep everything as it was."
    ),
    stop="&Stop, change nothing",
    locked=(
        "The journal locked before its new encryption key was set, so nothing has changed: "
        "your passphrase and recovery key still work. If you saved, printed or copied the "
        "recovery key that was shown, that copy will not work: throw it away."
    ),
)
SETUP = StopQuestion(
    title="Stop setting up?",
    text="Your journal has not been created yet.",
    detail=(
        "If you saved, printed or copied the recovery key shown here, that copy will not "
        "work: throw it away. A new key is made when you set up again."
    ),
    stop="&Stop for now",
)


def stop_box(parent: QWidget | None, question: StopQuestion) -> tuple[QMessageBox, QPushButton]:
    """The question, with "Go back" as the default and Esc; returns it and its stop button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(question.title)
    box.setText(question.text)
    box.setInformativeText(question.detail)
    back = box.addButton(GO_BACK, QMessageBox.ButtonRole.RejectRole)
    stop = box.addButton(question.stop, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    return box, stop


def wants_to_stop(parent: QWidget, question: StopQuestion) -> bool:
    """Ask ``question``; True only when the person chose to stop."""
    box, stop = stop_box(parent, question)
    box.exec()
    return box.clickedButton() is stop
