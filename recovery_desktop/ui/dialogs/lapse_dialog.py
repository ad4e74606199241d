"""Recording a lapse: what happened, what would help, who to tell, and staying safe now.

A lapse is written down as information. The count starts again from the chosen day, while
every earlier clean day and every record is kept.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.drafts import Draft, DraftKind, DraftValue
from recovery_desktop.domain.recovery_time import (
    DEFAULT_SUBSTANCE,
    CleanPeriod,
    Lapse,
    RecoveryTimeError,
    clean_time,
    current_period,
    default_new_start,
    restart_sentence,
    substances,
)
from recovery_desktop.domain.wording import plural
from recovery_desktop.ui.dates import from_qdate, sensible_dates, to_qdate, to_qdatetime
from recovery_desktop.ui.dialogs.drafts import KeepsDraft, minutes, restore_day, restore_moment
from recovery_desktop.ui.widgets.help_lines import (
    crisis_lines_list,
    safety_facts,
)
from recovery_desktop.ui.widgets.layout import compact_combo, ok_cancel, scroll_area
from recovery_desktop.ui.widgets.passphrase import ErrorLabel
from recovery_desktop.ui.window_size import fit_to_screen

if TYPE_CHECKING:
    from recovery_desktop.data.contacts import ContactRepository
    from recovery_desktop.data.recovery_time import RecoveryTimeRepository

INTRO = (
    "A lapse is one moment, not the end of your recovery, and it doesn't wipe out what you "
    "have built. Writing down what happened helps you and the people supporting you see what "
    "to do differently. Every question is optional."
)


def _text_box(placeholder: str, parent: QWidget) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setPlaceholderText(placeholder)
    box.setAccessibleName(placeholder)
    box.setTabChangesFocus(True)
    box.setMaximumHeight(74)
    return box


class LapseDialog(QDialog, KeepsDraft):
    """Records a lapse in ``recovery_time``, with the crisis lines from ``contacts`` beside
    it; ``recorded`` holds the saved lapse after the dialog is accepted."""

    draft_kind = DraftKind.LAPSE

    def __init__(
        self,
        recovery_time: RecoveryTimeRepository,
        contacts: ContactRepository,
        when: datetime | None = None,
        craving_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.recovery_time = recovery_time
        self.contacts = contacts
        self.craving_id = craving_id
        self.recorded: Lapse | None = None
        self.setWindowTitle("Record a lapse")
        fit_to_screen(self, 900, 560)
        self.when = QDateTimeEdit(
            to_qdatetime(when or datetime.now().replace(second=0, microsecond=0)), self
        )
        sensible_dates(self.when)
        self.when.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setAccessibleName("When")
        self.when.dateTimeChanged.connect(self._when_changed)
        self.substance = compact_combo(QComboBox(self))
        self.substance.setEditable(True)
        self.substance.setAccessibleName("Clean time to restart")
        self.what_used = QLineEdit(self)
        self.what_used.setPlaceholderText("Optional")
        self.what_used.setAccessibleName("What was used")
        self.before = _text_box("What was going on before? People, places, feelings…", self)
        self.would_help = _text_box("What would help next time?", self)
        self.tell = QLineEdit(self)
        self.tell.setPlaceholderText("For example your sponsor, counsellor or doctor")
        self.tell.setAccessibleName("Who I'll tell")
        self.new_start = sensible_dates(QDateEdit(self))
        self.new_start.setCalendarPopup(True)
        self.new_start.setDisplayFormat("ddd d MMM yyyy")
        self.new_start.setAccessibleName("Start counting again from")
        self.again = QLabel("Start counting again &from:", self)
        self.again.setBuddy(self.new_start)
        self.count = QCheckBox("Start counting &from:", self)
        self.count.toggled.connect(self.new_start.setEnabled)
        self.error = ErrorLabel(self)
        self.copy_status = QLabel(self)
        self.copy_status.setObjectName("hintLabel")
        self.copy_status.setWordWrap(True)
        self._periods = self._read_periods()
        self._counting = self._read_counting()
        self._fill_substances()
        self._when_changed()
        self._substance_changed()
        self.substance.currentTextChanged.connect(self._substance_changed)
        self.error.clear_when_edited(
            self.when,
            self.substance,
            self.what_used,
            self.before,
            self.would_help,
            self.tell,
            self.new_start,
        )
        self._build()
        self.remember_untouched()

    def _build(self) -> None:
        heading = QLabel("What happened?", self)
        heading.setObjectName("heading")
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&When:", self.when)
        form.addRow("&Clean time:", self.substance)
        form.addRow("What was &used:", self.what_used)
        form.addRow("&Before:", self.before)
        form.addRow("Next time &it would help to:", self.would_help)
        form.addRow("Who I'll &tell:", self.tell)
        start_label = QWidget(self)
        start_row = QHBoxLayout(start_label)
        start_row.setContentsMargins(0, 0, 0, 0)
        start_row.addWidget(self.again)
        start_row.addWidget(self.count)
        form.addRow(start_label, self.new_start)
        buttons = ok_cancel(self, "&Save", "Not &now")
        left = QVBoxLayout()
        left.addWidget(heading)
        left.addWidget(intro)
        left.addLayout(form)
        left.addWidget(self.error)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self._help_column(), 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

    def _help_column(self) -> QScrollArea:
        """The safety facts, then every crisis line in the user's order."""
        column = QWidget(self)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(safety_facts(column))
        self.crisis_list = crisis_lines_list(self.contacts.crisis_lines_or_copy(), column)
        self.crisis_list.copied.connect(self.copy_status.setText)
        box = QGroupBox("Crisis lines", column)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.crisis_list)
        box_layout.addWidget(self.copy_status)
        layout.addWidget(box)
        layout.addStretch(1)
        area = scroll_area(column, self)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return area

    def _read_periods(self) -> list[CleanPeriod]:
        try:
            return self.recovery_time.periods()
        except JournalError:
            return []

    def _read_counting(self) -> bool:
        try:
            return self.recovery_time.counting()
        except JournalError:
            return True

    def _fill_substances(self) -> None:
        for name in substances(self._periods) or [DEFAULT_SUBSTANCE]:
            self.substance.addItem(name)

    def _substance_changed(self) -> None:
        """A running count always starts again; without one, counting is the user's choice
        (off while they have chosen not to count)."""
        running = self._running()
        self.again.setVisible(running)
        self.count.setVisible(not running)
        self.count.setChecked(running or self._counting)
        self.new_start.setEnabled(self.count.isChecked())
        self.new_start.setAccessibleName(
            "Start counting again from" if running else "Start counting from"
        )

    def _running(self) -> bool:
        return current_period(self._periods, self._chosen_substance()) is not None

    def _chosen_substance(self) -> str:
        return self.substance.currentText().strip() or DEFAULT_SUBSTANCE

    def _when_changed(self) -> None:
        day = self.lapse_day()
        self.new_start.setMinimumDate(to_qdate(day))
        self.new_start.setDate(to_qdate(default_new_start(day)))

    def lapse_day(self) -> date:
        return from_qdate(self.when.date())

    def lapse(self) -> Lapse:
        moment = self.when.dateTime().toPython()
        assert isinstance(moment, datetime)
        return Lapse(
            None,
            moment,
            self._chosen_substance(),
            what_used=self.what_used.text().strip(),
            before=self.before.toPlainText().strip(),
            would_help=self.would_help.toPlainText().strip(),
            tell=self.tell.text().strip(),
            craving_id=self.craving_id,
        )

    def draft_values(self) -> dict[str, DraftValue]:
        lapse = self.lapse()
        return {
            "when": minutes(lapse.at),
            "substance": self.substance.currentText(),
            "what_used": self.what_used.text(),
            "before": self.before.toPlainText(),
            "would_help": self.would_help.toPlainText(),
            "tell": self.tell.text(),
            "count": self.count.isChecked(),
            "new_start": from_qdate(self.new_start.date()).isoformat(),
            "craving_id": self.craving_id,
        }

    def restore_draft(self, draft: Draft) -> None:
        restore_moment(draft, "when", lambda when: self.when.setDateTime(to_qdatetime(when)))
        self.substance.setCurrentText(draft.text("substance"))
        self.what_used.setText(draft.text("what_used"))
        self.before.setPlainText(draft.text("before"))
        self.would_help.setPlainText(draft.text("would_help"))
        self.tell.setText(draft.text("tell"))
        self.count.setChecked(draft.flag("count") or self._running())
        restore_day(draft, "new_start", lambda day: self.new_start.setDate(to_qdate(day)))
        self.craving_id = draft.number("craving_id")

    def accept(self) -> None:
        lapse = self.lapse()
        try:
            new_start = from_qdate(self.new_start.date()) if self.count.isChecked() else None
            self.recorded = self.recovery_time.record_lapse(lapse, new_start, date.today())
        except (RecoveryTimeError, JournalError) as error:
            self.error.show_message(str(error))
            return
        super().accept()

    def after_message(self) -> str:
        """What to say once it is saved: the new start, and that past days still count."""
        if self.recorded is None:
            return ""
        today = date.today()
        time = clean_time(self.recovery_time.periods(), self.recorded.substance, today)
        if time is None:
            return "Saved. Thank you for writing it down."
        kept = ""
        if time.cumulative:
            kept = f", and the {plural(time.cumulative, 'clean day')} you have had still count"
        return f"Saved. {restart_sentence(time, today)}{kept}."
