"""Recording a lapse: what happened, what would help, who to tell, and staying safe now.

A lapse is written down as information. The count starts again from the chosen day, while
every earlier clean day and every record is kept.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.journal import Journal
from recovery_desktop.domain.recovery_time import (
    DEFAULT_SUBSTANCE,
    SAFETY_FACTS,
    Lapse,
    RecoveryTimeError,
    clean_time,
    default_new_start,
    substances,
)
from recovery_desktop.ui.dates import from_qdate, to_qdate, to_qdatetime
from recovery_desktop.ui.widgets.layout import ok_cancel
from recovery_desktop.ui.widgets.passphrase import ErrorLabel

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


def safety_panel(parent: QWidget, emergency: str = "911") -> QFrame:
    """The overdose-safety facts, in a box of their own."""
    frame = QFrame(parent)
    frame.setObjectName("safetyBox")
    layout = QVBoxLayout(frame)
    heading = QLabel("Staying safe right now", frame)
    heading.setObjectName("safetyHeading")
    layout.addWidget(heading)
    for fact in SAFETY_FACTS:
        label = QLabel(f"• {fact}", frame)
        label.setWordWrap(True)
        layout.addWidget(label)
    call = QLabel(f"Emergency number: {emergency}", frame)
    call.setTextFormat(Qt.TextFormat.PlainText)
    call.setObjectName("safetyHeading")
    layout.addWidget(call)
    layout.addStretch(1)
    frame.setAccessibleName("Staying safe right now")
    return frame


class LapseDialog(QDialog):
    """``recorded`` holds the saved lapse after the dialog is accepted."""

    def __init__(
        self,
        journal: Journal,
        when: datetime | None = None,
        craving_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.craving_id = craving_id
        self.recorded: Lapse | None = None
        self.setWindowTitle("Record a lapse")
        self.resize(900, 540)
        self.when = QDateTimeEdit(
            to_qdatetime(when or datetime.now().replace(second=0, microsecond=0)), self
        )
        self.when.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setAccessibleName("When")
        self.when.dateTimeChanged.connect(self._when_changed)
        self.substance = QComboBox(self)
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
        self.new_start = QDateEdit(self)
        self.new_start.setCalendarPopup(True)
        self.new_start.setDisplayFormat("ddd d MMM yyyy")
        self.new_start.setAccessibleName("Start counting again from")
        self.error = ErrorLabel(self)
        self._fill_substances()
        self._when_changed()
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
        form.addRow("Start counting again &from:", self.new_start)
        buttons = ok_cancel(self, "&Save", "Not &now")
        left = QVBoxLayout()
        left.addWidget(heading)
        left.addWidget(intro)
        left.addLayout(form)
        left.addWidget(self.error)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(safety_panel(self, self._emergency_number()), 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

    def _emergency_number(self) -> str:
        try:
            lines = self.journal.contacts.crisis_lines()
        except JournalError:
            return "911"
        return lines[0].number if lines else "911"

    def _fill_substances(self) -> None:
        try:
            known = substances(self.journal.recovery_time.periods())
        except JournalError:
            known = []
        for name in known or [DEFAULT_SUBSTANCE]:
            self.substance.addItem(name)

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
            self.substance.currentText().strip() or DEFAULT_SUBSTANCE,
            what_used=self.what_used.text().strip(),
            before=self.before.toPlainText().strip(),
            would_help=self.would_help.toPlainText().strip(),
            tell=self.tell.text().strip(),
            craving_id=self.craving_id,
        )

    def accept(self) -> None:
        lapse = self.lapse()
        try:
            self.recorded = self.journal.recovery_time.record_lapse(
                lapse, from_qdate(self.new_start.date()), date.today()
            )
        except (RecoveryTimeError, JournalError) as error:
            self.error.show_message(str(error))
            return
        super().accept()

    def after_message(self) -> str:
        """What to say once it is saved: the new start, and that past days still count."""
        if self.recorded is None:
            return ""
        time = clean_time(
            self.journal.recovery_time.periods(), self.recorded.substance, date.today()
        )
        if time is None:
            return "Saved."
        return (
            f"Saved. Your count starts again on {time.since:%A} {time.since.day} "
            f"{time.since:%B}, and the {time.cumulative} clean days you have had still count."
        )
