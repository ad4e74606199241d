"""The People page's reach-out log: the last 90 days, newest first."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.contacts import (
    DEFAULT_REACH_OUT_REMINDER_DAYS,
    ReachOut,
    days_without_reaching_out,
    needs_gentle_note,
)
from recovery_desktop.domain.drafts import Draft
from recovery_desktop.domain.wording import plural
from recovery_desktop.ui.dialogs.reach_out_dialog import ReachOutDialog
from recovery_desktop.ui.models.contacts_model import COL_NOTE, ReachOutsModel
from recovery_desktop.ui.widgets.passphrase import ErrorLabel
from recovery_desktop.ui.widgets.questions import ask
from recovery_desktop.ui.widgets.tables import edit_on_activate, fit_rows, record_table

if TYPE_CHECKING:
    from recovery_desktop.data.contacts import ContactRepository
    from recovery_desktop.data.preferences import PreferenceRepository

LOG_DAYS = 90


def last_reach_out_text(
    last: datetime | None, today: date, after_days: int = DEFAULT_REACH_OUT_REMINDER_DAYS
) -> str:
    """A short, kind line about the last reach-out."""
    days = days_without_reaching_out(last, today)
    if days is None:
        return "Nothing logged yet. Reaching out, even with a short text, is worth noting here."
    if needs_gentle_note(last, today, after_days):
        return (
            f"It has been {plural(days, 'day')} since you last reached out to someone. "
            "A short text or a call counts, even just to say hello."
        )
    when = {0: "today", 1: "yesterday"}.get(days, f"{plural(days, 'day')} ago")
    return f"You last reached out to someone {when}."


class ReachOutLogBox(QGroupBox):
    """Shows and logs reach-outs. ``changed`` follows every save or delete."""

    changed = Signal()

    def __init__(
        self,
        contacts: ContactRepository,
        preferences: PreferenceRepository,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Reach-out log", parent)
        self.contacts = contacts
        self.preferences = preferences
        self.model = ReachOutsModel(self)
        self.view = record_table(self.model, "Reach-outs in the last 90 days, newest first", self)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(header.fontMetrics().horizontalAdvance("In person") + 24)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        edit_on_activate(self.view, self.edit_selected)
        self.last_label = QLabel(self)
        self.last_label.setWordWrap(True)
        self.error = ErrorLabel(self)
        hint = QLabel(f"Calls, texts and visits from the last {LOG_DAYS} days.", self)
        hint.setObjectName("hintLabel")
        layout = QVBoxLayout(self)
        layout.addWidget(self.last_label)
        layout.addWidget(hint)
        layout.addWidget(self.view)
        layout.addLayout(self._buttons())
        layout.addWidget(self.error)
        self.refresh()

    def _buttons(self) -> QHBoxLayout:
        self.log_button = QPushButton("&Log a reach-out…", self)
        self.log_button.clicked.connect(lambda: self.log())
        self.edit_button = QPushButton("Edi&t…", self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton("&Delete…", self)
        self.delete_button.clicked.connect(self.delete_selected)
        row = QHBoxLayout()
        row.addWidget(self.log_button)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        return row

    def refresh(self) -> None:
        today = date.today()
        try:
            contacts = self.contacts
            names = {c.id: c.name for c in contacts.contacts(True) if c.id is not None}
            recent = contacts.reach_outs(today - timedelta(days=LOG_DAYS), today)
            last = contacts.last_reach_out()
            after_days = self.preferences.reach_out_reminder_days()
        except JournalError as error:
            self.error.show_message(str(error))
            return
        self.model.set_reach_outs(recent, names)
        fit_rows(self.view, len(recent), least=3, most=8)
        self.last_label.setText(last_reach_out_text(last, today, after_days))
        gentle = needs_gentle_note(last, today, after_days)
        self.last_label.setObjectName("warningLabel" if gentle else "")
        self.last_label.style().unpolish(self.last_label)
        self.last_label.style().polish(self.last_label)
        self._update_buttons()

    def selected(self) -> ReachOut | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.reach_out_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def log(self, contact_id: int | None = None) -> bool:
        """Open the reach-out dialog (with ``contact_id`` chosen); True when one was logged."""
        return self._run_dialog(ReachOutDialog(self.contacts, contact_id, self))

    def edit_selected(self) -> None:
        reach = self.selected()
        if reach is not None:
            self._run_dialog(ReachOutDialog(self.contacts, parent=self, existing=reach))

    def resume(self, draft: Draft) -> None:
        """Reopen the dialog that was open when the journal locked, as it was left."""
        reach_id = draft.number("id")
        rows = range(self.model.rowCount())
        existing = next(
            (r for r in map(self.model.reach_out_at, rows) if r and r.id == reach_id), None
        )
        dialog = ReachOutDialog(
            self.contacts,
            draft.number("contact_id"),
            self,
            craving_id=draft.number("craving_id"),
            existing=existing if reach_id is not None else None,
        )
        dialog.resume(draft)
        self._run_dialog(dialog)

    def _run_dialog(self, dialog: ReachOutDialog) -> bool:
        logged = bool(dialog.exec())
        dialog.deleteLater()
        if logged:
            self._changed()
        return logged

    def delete_selected(self) -> None:
        reach = self.selected()
        if reach is None or reach.id is None:
            return
        text = "It will be removed from your log. This cannot be undone."
        if not ask(self, "Delete this reach-out?", text):
            return
        self.error.show_message("")
        try:
            self.contacts.delete_reach_out(reach.id)
        except JournalError as error:
            self.error.show_message(f"Not deleted: {error}")
        self._changed()

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()
