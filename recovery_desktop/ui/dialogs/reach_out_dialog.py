"""Log a reach-out: who, when, how, and whether it helped."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.contacts import Contact, ContactError, Method, ReachOut
from recovery_desktop.domain.drafts import Draft, DraftKind, DraftValue
from recovery_desktop.ui.dates import sensible_dates, to_qdate, to_qdatetime
from recovery_desktop.ui.dialogs.contact_dialog import notes_edit
from recovery_desktop.ui.dialogs.drafts import KeepsDraft, minutes, restore_moment
from recovery_desktop.ui.widgets.choice import SegmentedChoice
from recovery_desktop.ui.widgets.layout import compact_combo, ok_cancel
from recovery_desktop.ui.widgets.passphrase import ErrorLabel

if TYPE_CHECKING:
    from recovery_desktop.data.contacts import ContactRepository

NOBODY_YET = "There is nobody in your list yet. Add someone on the People page first."


def describe(contact: Contact) -> str:
    return f"{contact.name} ({contact.role.label.lower()})"


class HelpedInput(SegmentedChoice):
    """Yes / No / Not answered, in that order: the question is "did it help?"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [(True, "Yes"), (False, "No"), (None, "Not answered")], "Did it help?", parent
        )


class ReachOutDialog(QDialog, KeepsDraft):
    """Logs one reach-out; ``contact_id`` preselects the person (for the craving panel),
    ``craving_id`` links the reach-out to a craving, ``existing`` corrects one already logged."""

    draft_kind = DraftKind.REACH_OUT

    def __init__(
        self,
        contacts: ContactRepository,
        contact_id: int | None = None,
        parent: QWidget | None = None,
        *,
        craving_id: int | None = None,
        existing: ReachOut | None = None,
    ) -> None:
        super().__init__(parent)
        self.contacts = contacts
        self.existing = existing
        self.craving_id = existing.craving_id if existing else craving_id
        self.setWindowTitle("Edit reach-out" if existing else "Log a reach-out")
        self.setMinimumWidth(480)
        self.error = ErrorLabel(self)
        self._build()
        self._load_contacts(existing.contact_id if existing else contact_id)
        if existing is not None:
            self._show(existing)
        self.error.clear_when_edited(
            self.who_combo, self.when_edit, self.how_choice, self.helped_choice, self.note_edit
        )
        self.remember_untouched()

    def _build(self) -> None:
        self.who_combo = compact_combo(QComboBox(self))
        self.who_combo.setAccessibleName("Who you reached out to")
        self.when_edit = QDateTimeEdit(self)
        self.when_edit.setAccessibleName("When")
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        sensible_dates(self.when_edit, date.today())
        self.when_edit.setDateTime(QDateTime.currentDateTime())
        self.how_choice = SegmentedChoice([(m, m.label) for m in Method], "How", self)
        self.how_choice.setValue(Method.CALL)
        self.helped_choice = HelpedInput(self)
        self.note_edit = notes_edit("Note", "Optional: what you talked about, how you felt", self)
        intro = QLabel("Every call, text or coffee counts. Only you can see this log.", self)
        intro.setWordWrap(True)
        intro.setObjectName("hintLabel")
        form = QFormLayout()
        form.addRow("&Who:", self.who_combo)
        form.addRow("Whe&n:", self.when_edit)
        form.addRow("&How:", self.how_choice)
        form.addRow("Did it hel&p?", self.helped_choice)
        form.addRow("N&ote:", self.note_edit)
        self.buttons = ok_cancel(self, "&Save" if self.existing else "&Log it")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _load_contacts(self, contact_id: int | None) -> None:
        try:
            people = self.contacts.contacts(include_archived=True)
        except JournalError as error:
            people = []
            self.error.show_message(str(error))
        # Archived people are only listed when the reach-out being corrected was with them.
        people = [p for p in people if not p.archived or p.id == contact_id]
        for person in people:
            self.who_combo.addItem(describe(person), person.id)
        if contact_id is not None:
            self.select_contact(contact_id)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(people))
        if not people and not self.error.text():
            self.error.show_message(NOBODY_YET)
        (self.how_choice if contact_id is not None else self.who_combo).setFocus()

    def select_contact(self, contact_id: int) -> bool:
        """Choose ``contact_id`` in the "Who" list; False if that person is not listed."""
        index = self.who_combo.findData(contact_id)
        if index >= 0:
            self.who_combo.setCurrentIndex(index)
        return index >= 0

    def _show(self, reach: ReachOut) -> None:
        self.when_edit.setMaximumDate(max(to_qdate(date.today()), to_qdate(reach.at.date())))
        self.when_edit.setDateTime(to_qdatetime(reach.at))
        self.how_choice.setValue(reach.how)
        self.helped_choice.setValue(reach.helped)
        self.note_edit.setPlainText(reach.note)

    def draft_values(self) -> dict[str, DraftValue]:
        how = self.how_choice.value()
        helped = self.helped_choice.value()
        moment: datetime = self.when_edit.dateTime().toPython()  # type: ignore[assignment]
        return {
            "id": self.existing.id if self.existing else None,
            "contact_id": self.who_combo.currentData(),
            "craving_id": self.craving_id,
            "at": minutes(moment),
            "how": how.value if isinstance(how, Method) else None,
            "helped": helped if isinstance(helped, bool) else None,
            "note": self.note_edit.toPlainText(),
        }

    def restore_draft(self, draft: Draft) -> None:
        contact_id = draft.number("contact_id")
        if contact_id is not None:
            self.select_contact(contact_id)
        restore_moment(draft, "at", lambda at: self.when_edit.setDateTime(to_qdatetime(at)))
        self.how_choice.setValue(next((m for m in Method if m.value == draft.text("how")), None))
        self.helped_choice.setValue(draft.answer("helped"))
        self.note_edit.setPlainText(draft.text("note"))

    def edited(self) -> ReachOut | None:
        contact_id = self.who_combo.currentData()
        how = self.how_choice.value()
        if contact_id is None or not isinstance(how, Method):
            return None
        moment: datetime = self.when_edit.dateTime().toPython()  # type: ignore[assignment]
        return ReachOut(
            self.existing.id if self.existing else None,
            int(contact_id),
            moment.replace(second=0, microsecond=0),
            how,
            self.helped_choice.value(),  # type: ignore[arg-type]
            self.note_edit.toPlainText().strip(),
            self.craving_id,
        )

    def accept(self) -> None:
        reach = self.edited()
        if reach is None:
            self.error.show_message(self._missing())
            return
        try:
            self.contacts.log_reach_out(reach)
        except ContactError as error:
            self.error.show_message(str(error))
            return
        except JournalError as error:
            self.error.show_message(f"Not saved: {error}")
            return
        super().accept()

    def _missing(self) -> str:
        if self.who_combo.currentData() is None:
            return NOBODY_YET
        self.how_choice.setFocus()
        return "Please choose how you reached out."
