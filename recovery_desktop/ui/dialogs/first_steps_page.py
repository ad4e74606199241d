"""The last, optional page of the first run: a clean date and one person to call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from recovery_desktop.domain.contacts import Contact, ContactError, Role
from recovery_desktop.ui.dates import from_qdate, sensible_dates, to_qdate
from recovery_desktop.ui.widgets.passphrase import ErrorLabel


@dataclass(frozen=True)
class FirstSteps:
    """``clean_date`` is None when the user chose not to count clean time."""

    clean_date: date | None = None
    contact: Contact | None = None


class FirstStepsPage(QWizardPage):
    """Both answers are optional; ``steps()`` returns what was filled in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Two things that help (both optional)")
        self.setSubTitle("You can add or change them later.")
        self.count = QCheckBox("&Count my clean time, starting from:", self)
        self.clean_date = QDateEdit(self)
        self.clean_date.setCalendarPopup(True)
        self.clean_date.setDisplayFormat("ddd d MMM yyyy")
        sensible_dates(self.clean_date, date.today())
        self.clean_date.setDate(to_qdate(date.today()))
        self.clean_date.setAccessibleName("Clean date")
        self.clean_date.setEnabled(False)
        self.count.toggled.connect(self.clean_date.setEnabled)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText("A first name or nickname is enough")
        self.name.setAccessibleName("Name of someone to call")
        self.phone = QLineEdit(self)
        self.phone.setAccessibleName("Their phone number")
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(role.label, role)
        self.role.setAccessibleName("Who they are to you")
        self.error = ErrorLabel(self)
        self.error.clear_when_edited(self.name, self.phone)
        explain = QLabel(
            "Your clean date is the first day without opioids. If you'd rather not count "
            "days, leave it unticked. The person you add here is shown first when you log "
            "a craving.",
            self,
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.count, self.clean_date)
        heading = QLabel("<b>Someone to call when it gets hard</b>", self)
        heading.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(heading)
        form.addRow("&Name:", self.name)
        form.addRow("&Phone:", self.phone)
        form.addRow("&Who they are:", self.role)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def steps(self) -> FirstSteps:
        contact = None
        if self.name.text().strip() or self.phone.text().strip():
            contact = Contact(
                None, self.name.text().strip(), self.role.currentData(), self.phone.text().strip()
            )
        clean = from_qdate(self.clean_date.date()) if self.count.isChecked() else None
        return FirstSteps(clean, contact)

    def validatePage(self) -> bool:
        contact = self.steps().contact
        if contact is not None:
            try:
                contact.validate()
            except ContactError as error:
                self.error.show_message(str(error))
                self.name.setFocus()
                return False
        self.error.show_message("")
        return True
