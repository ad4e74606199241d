"""Save a version of my plan: keep the plan as it is now, with an optional label.

A saved version is always kept, even when nothing changed since the last one (the user
asked for it: "reviewed with my counsellor" marks a moment, not a change). A label that is
too long, or a journal that cannot be written, is said calmly and the dialog stays open with
the label as typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.plan import PlanError, PlanVersion
from recovery_desktop.ui.widgets.layout import ok_cancel
from recovery_desktop.ui.widgets.passphrase import ErrorLabel

if TYPE_CHECKING:
    from recovery_desktop.data.plan import PlanRepository


class SaveVersionDialog(QDialog):
    """On Save, keeps a version of ``plan`` (in ``self.version``) with the typed label."""

    def __init__(self, plan: PlanRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.version: PlanVersion | None = None
        self.setWindowTitle("Save a version of my plan")
        self.setMinimumWidth(460)
        intro = QLabel(
            "Your plan is kept as it is now, as a version you can open, compare or restore "
            "later from History. A label helps you find it again.",
            self,
        )
        intro.setWordWrap(True)
        intro.setObjectName("hintLabel")
        self.label_edit = QLineEdit(self)
        self.label_edit.setAccessibleName("Label")
        self.label_edit.setPlaceholderText("Optional, for example: reviewed with my counsellor")
        self.error = ErrorLabel(self)
        self.error.clear_when_edited(self.label_edit)
        form = QFormLayout()
        form.addRow("&Label:", self.label_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, "&Save version"))
        self.label_edit.setFocus()

    def accept(self) -> None:
        try:
            self.version = self.plan.save_version(self.label_edit.text())
        except PlanError as error:  # a label over MAX_LABEL_CHARACTERS
            self.error.show_message(str(error))
            self.label_edit.setFocus()
            return
        except JournalError as error:
            self.error.show_message(f"Not saved: {error}")
            return
        super().accept()


def save_version_dialog(parent: QWidget, plan: PlanRepository) -> PlanVersion | None:
    """Ask for an optional label and keep a version of ``plan``; the version kept, or None
    when the user cancelled."""
    dialog = SaveVersionDialog(plan, parent)
    dialog.exec()
    dialog.deleteLater()
    return dialog.version
