"""The questions the appointments list and editor ask: which days of a repeat an edit or a
delete is for, and whether to delete a single appointment."""

from __future__ import annotations

import enum

from PySide6.QtWidgets import QMessageBox, QWidget

from recovery_desktop.domain.appointment_list import when_text
from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.wording import plural
from recovery_desktop.ui.widgets.questions import ask


class Reach(enum.Enum):
    """Which days of a repeat a change is for."""

    THIS_ONE = "this one"
    FOLLOWING = "this and the following ones"


def which_days(parent: QWidget, appointment: Appointment, later: int, action: str) -> Reach | None:
    """Ask whether ``action`` ("Save", "Delete") is for this appointment only or for the
    ``later`` ones of its repeat too; None when the user went back (Cancel, Escape)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(f"{action}: a repeated appointment")
    box.setText(f"{appointment.name} on {when_text(appointment)} is one of a repeat.")
    others = "the next one" if later == 1 else f"the {plural(later, 'following one')}"
    box.setInformativeText(f"{action} only this one, or this one and {others}?")
    only = box.addButton("&Only this one", QMessageBox.ButtonRole.AcceptRole)
    following = box.addButton("This and the &following ones", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(only)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is only:
        return Reach.THIS_ONE
    return Reach.FOLLOWING if clicked is following else None


UNTIL_LOCKED = "until the journal is locked"  # a lock drops what Undo keeps, from memory too


def delete_one(parent: QWidget, appointment: Appointment) -> bool:
    """Ask before deleting a single appointment (No is the default)."""
    return ask(
        parent,
        "Delete this appointment?",
        f"Delete {appointment.name} on {when_text(appointment)}? Undo (Ctrl+Z) brings it "
        f"back {UNTIL_LOCKED}.",
    )
