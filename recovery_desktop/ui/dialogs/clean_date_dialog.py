"""Set a clean date: for a new substance, or to correct the current one."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.drafts import Draft, DraftKind, DraftValue
from recovery_desktop.domain.recovery_time import RecoveryTimeError, latest_clean_date
from recovery_desktop.ui.dates import from_qdate, sensible_dates, to_qdate
from recovery_desktop.ui.dialogs.drafts import KeepsDraft, restore_day
from recovery_desktop.ui.widgets.layout import ok_cancel
from recovery_desktop.ui.widgets.passphrase import ErrorLabel

if TYPE_CHECKING:
    from recovery_desktop.data.recovery_time import RecoveryTimeRepository


class CleanDateDialog(QDialog, KeepsDraft):
    """The substance (fixed when correcting one) and its clean date, saved on OK."""

    draft_kind = DraftKind.CLEAN_DATE

    def __init__(
        self,
        recovery_time: RecoveryTimeRepository,
        substance: str | None = None,
        start: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.recovery_time = recovery_time
        self.setWindowTitle("Clean date" if substance else "Add a clean date")
        self.setMinimumWidth(480)
        self.substance = QLineEdit(substance or "", self)
        self.substance.setPlaceholderText("For example: alcohol, benzodiazepines")
        self.substance.setAccessibleName("Substance")
        self.substance.setReadOnly(substance is not None)
        self.start = QDateEdit(self)
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("ddd d MMM yyyy")
        latest = latest_clean_date(self._last_lapse(substance), date.today())
        sensible_dates(self.start, latest)
        self.start.setDate(to_qdate(start or latest))
        self.start.setAccessibleName("Clean date")
        self.error = ErrorLabel(self)
        self.error.clear_when_edited(self.substance, self.start)
        explain = QLabel(
            "Your clean date is the first day without it. Changing it corrects the current "
            "count; earlier attempts and lapses stay as they are.",
            self,
        )
        explain.setWordWrap(True)
        buttons = ok_cancel(self, "&Save")
        form = QFormLayout()
        form.addRow("Su&bstance:", self.substance)
        form.addRow("&Clean since:", self.start)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.remember_untouched()

    def draft_values(self) -> dict[str, DraftValue]:
        return {
            "substance": self.substance.text(),
            "fixed": self.substance.isReadOnly(),
            "start": from_qdate(self.start.date()).isoformat(),
        }

    def restore_draft(self, draft: Draft) -> None:
        if not self.substance.isReadOnly():
            self.substance.setText(draft.text("substance"))
        restore_day(draft, "start", lambda day: self.start.setDate(to_qdate(day)))

    def _last_lapse(self, substance: str | None) -> date | None:
        """The latest lapse of ``substance``: a new count suggests the day after it."""
        if substance is None:
            return None
        try:
            return self.recovery_time.last_lapse_day(substance)
        except JournalError:
            return None

    def accept(self) -> None:
        try:
            self.recovery_time.set_clean_date(
                self.substance.text(), from_qdate(self.start.date()), date.today()
            )
        except (RecoveryTimeError, JournalError) as error:
            self.error.show_message(str(error))
            return
        super().accept()
