""" "I'm having a craving": a calm panel that logs the moment and offers help at once.

Everything is optional and saved as it is entered, so closing the panel early keeps what
was written. Choosing "I used" opens the lapse flow after saving.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.changes import Change
from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain import scales
from recovery_desktop.domain.contacts import Contact, Method, ReachOut
from recovery_desktop.domain.cravings import Craving, CravingError, Outcome
from recovery_desktop.domain.day_story import DayRecords
from recovery_desktop.domain.library import Kind, LibraryItem
from recovery_desktop.domain.wording import shortened
from recovery_desktop.ui.dates import sensible_dates, to_qdatetime
from recovery_desktop.ui.dialogs.craving_lapse import CravingLapse
from recovery_desktop.ui.dialogs.keep_lapse import keep_or_remove
from recovery_desktop.ui.widgets.action_line import ActionLine, beside
from recovery_desktop.ui.widgets.choice import ScaleInput, SegmentedChoice
from recovery_desktop.ui.widgets.columns import ColumnsArea
from recovery_desktop.ui.widgets.help_now import HelpNow
from recovery_desktop.ui.widgets.optional_spin import OptionalSpinBox
from recovery_desktop.ui.widgets.reading_order import chain_tabs
from recovery_desktop.ui.widgets.tag_picker import TagPicker
from recovery_desktop.ui.window_size import fit_to_screen

if TYPE_CHECKING:
    from recovery_desktop.data.contacts import ContactRepository
    from recovery_desktop.data.cravings import CravingRepository
    from recovery_desktop.data.library import LibraryRepository
    from recovery_desktop.data.plan import PlanRepository
    from recovery_desktop.data.recovery_time import RecoveryTimeRepository

AUTOSAVE_MS = 800
NOT_YET = "not_yet"


def _form(box: QGroupBox) -> QFormLayout:
    """A form whose labels move above their fields when the panel is narrow, so that the
    two columns stay side by side on a small screen."""
    form = QFormLayout(box)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def _now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)


class CravingPanel(QDialog):
    """Log a craving (new, or ``craving`` to edit) with help alongside.

    Saves to ``cravings``; offers triggers and coping from ``library`` and people from
    ``contacts``; reads and removes linked lapses in ``recovery_time``; ``day_records(day,
    today)`` is the journal's query of a day's cravings, lapses and clean date."""

    saved = Signal(object)  # the Craving, after every committed save
    used = Signal(object)  # the Craving: its outcome is "used" (the lapse flow is offered)
    lapses_changed = Signal()  # a linked lapse was removed as a mistake

    def __init__(
        self,
        cravings: CravingRepository,
        library: LibraryRepository,
        contacts: ContactRepository,
        recovery_time: RecoveryTimeRepository,
        day_records: Callable[[date, date], DayRecords],
        craving: Craving | None = None,
        parent: QWidget | None = None,
        plan: PlanRepository | None = None,
    ) -> None:
        super().__init__(parent)
        self.cravings, self.library, self.contacts = cravings, library, contacts
        self.recovery_time, self.day_records = recovery_time, day_records
        self.craving = craving
        self._opened = datetime.now()
        self._dirty = False
        self._loading = True
        self._used_sent = craving is not None and craving.outcome is Outcome.USED
        self._asking_keep = False  # "Keep the lapse?" is open: "I used" stands until answered
        self.setWindowTitle("I'm having a craving")
        fit_to_screen(self, 1180, 780)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)
        self.status = QLabel(self)
        self.status.setObjectName("saveStatus")
        self.status.setAccessibleName("Save status")
        self.help = HelpNow(contacts, library, self._reached, self, plan)
        self.help.message.connect(self._show_problem)
        self._build()
        self._load(craving)
        self._loading = False

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        heading = QLabel("This feeling will pass. Let's ride it out together.", self)
        heading.setObjectName("heading")
        heading.setWordWrap(True)
        # Side by side: what is happening and afterwards on the left, help on the right.
        # Stacked on a narrow screen: the help comes straight after "Right now".
        sections = [self._now_box(self), self.help, self._after_box(self)]
        self.columns = ColumnsArea(sections, [([0, 2], 11), ([1], 9)], self)
        done = QPushButton("&Done", self)
        self._reading_order = [*sections, done]
        done.setDefault(True)
        done.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(done)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.columns, 1)
        layout.addLayout(bottom)

    def _now_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox("Right now", parent)
        self.intensity = ScaleInput(scales.CRAVING, box)
        self.intensity.setAccessibleName("How strong the craving is, 0 to 10")
        self.intensity_word = QLabel(scales.CRAVING.describe(None), box)
        self.when = sensible_dates(QDateTimeEdit(box))
        self.when.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setAccessibleName("When it started")
        self.when.setMaximumWidth(260)
        self.triggers = TagPicker(self.library, Kind.TRIGGER, "Triggers", box)
        self.place = QLineEdit(box)
        self.place.setPlaceholderText("Where are you?")
        self.place.setAccessibleName("Where")
        self.with_whom = QLineEdit(box)
        self.with_whom.setPlaceholderText("Who are you with?")
        self.with_whom.setAccessibleName("With whom")
        self.thoughts = QPlainTextEdit(box)
        self.thoughts.setPlaceholderText("What is your mind telling you?")
        self.thoughts.setAccessibleName("Thoughts")
        self.thoughts.setTabChangesFocus(True)
        self.thoughts.setMaximumHeight(70)
        form = _form(box)
        form.addRow("&How strong:", self._with_word(self.intensity, self.intensity_word))
        form.addRow("&Triggers:", self.triggers)
        form.addRow("&Where:", self.place)
        form.addRow("With who&m:", self.with_whom)
        form.addRow("Thou&ghts:", self.thoughts)
        form.addRow("Wh&en:", self.when)
        return box

    def _after_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox("Afterwards", parent)
        self.coping = TagPicker(self.library, Kind.COPING, "What I did", box)
        self.after = ScaleInput(scales.CRAVING, box)
        self.after.setAccessibleName("Intensity now, 0 to 10")
        self.after_word = QLabel(scales.CRAVING.describe(None), box)
        self.outcome = SegmentedChoice(
            [(Outcome.PASSED, "It passed"), (Outcome.USED, "I used"), (NOT_YET, "Not yet")],
            "Outcome",
            box,
        )
        self.duration = OptionalSpinBox(24 * 60, 5, "minute", box)
        self.duration.setAccessibleName("How long it lasted")
        self.duration.setMaximumWidth(170)
        self.lapse_line = ActionLine("A use not yet recorded", box)
        self.lapse_line.button.clicked.connect(self._record_later)
        self.lapse = CravingLapse(self.recovery_time, self.day_records, self.lapse_line)
        form = _form(box)
        form.addRow("What I d&id:", self.coping)
        form.addRow("Intensity &now:", self._with_word(self.after, self.after_word))
        form.addRow("O&utcome:", beside(self.outcome, self.lapse_line))
        form.addRow("&Lasted:", self.duration)
        self._connect()
        return box

    def _with_word(self, scale: ScaleInput, word: QLabel) -> QWidget:
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(scale)
        row.addWidget(word, 1)
        word.setWordWrap(True)  # a long word wraps rather than widening the panel
        holder.setFocusProxy(scale)
        scale.valueChanged.connect(lambda _v: word.setText(scale.describe()))
        return holder

    def _connect(self) -> None:
        for signal in (
            self.intensity.valueChanged,
            self.after.valueChanged,
            self.outcome.valueChanged,
            self.triggers.changed,
            self.coping.changed,
            self.place.textChanged,
            self.with_whom.textChanged,
            self.thoughts.textChanged,
            self.duration.valueChanged,
            self.when.dateTimeChanged,
        ):
            signal.connect(self._changed)
        for picker in (self.triggers, self.coping):
            picker.problem.connect(self._show_problem)
        self.outcome.valueChanged.connect(self._outcome_changed)

    # -- loading and reading the form ----------------------------------------------------
    def _load(self, craving: Craving | None) -> None:
        started = craving.started_at if craving else _now()
        self.when.setDateTime(to_qdatetime(started))
        favourites = [i.id for i in self._favourites() if i.id is not None]
        self.triggers.load(craving.triggers if craving else ())
        self.coping.load(craving.coping if craving else (), first=favourites)
        if craving is None:
            self.status.setText("Nothing saved yet. Everything here is optional.")
            self.intensity.setFocus()
            return
        self.intensity.setValue(craving.intensity)
        self.after.setValue(craving.intensity_after)
        self.intensity_word.setText(self.intensity.describe())
        self.after_word.setText(self.after.describe())
        self.outcome.setValue(craving.outcome or NOT_YET)
        self.place.setText(craving.place)
        self.with_whom.setText(craving.with_whom)
        self.thoughts.setPlainText(craving.thoughts)
        self.duration.set_optional_value(craving.duration_minutes)
        self.status.setText("Saved")
        self._refresh_lapse_line()

    def data_changed(self, kinds: frozenset[Change]) -> None:
        """Records changed (the change signal, ``ui/change_signal.py``): the lists of
        triggers and coping steps follow the library, keeping what is ticked, the help
        follows the people, plan steps and crisis lines, and the lapse line follows lapses
        recorded or removed anywhere."""
        self.help.data_changed(kinds)
        if Change.LIBRARY in kinds:
            favourites = [i.id for i in self._favourites() if i.id is not None]
            self.triggers.load(self.triggers.chosen())
            self.coping.load(self.coping.chosen(), first=favourites)
        if Change.CLEAN_TIME in kinds and self.craving is not None:
            self._refresh_lapse_line()

    def _favourites(self) -> list[LibraryItem]:
        try:
            return self.library.favourites()
        except JournalError:
            return []

    def current(self) -> Craving:
        outcome = Outcome.USED if self._asking_keep else self.outcome.value()
        return Craving(
            id=self.craving.id if self.craving else None,
            started_at=self.when.dateTime().toPython(),  # type: ignore[arg-type]
            intensity=self.intensity.value(),  # type: ignore[arg-type]
            triggers=self.triggers.chosen(),
            place=self.place.text().strip(),
            with_whom=self.with_whom.text().strip(),
            thoughts=self.thoughts.toPlainText(),
            coping=self.coping.chosen(),
            intensity_after=self.after.value(),  # type: ignore[arg-type]
            outcome=outcome if isinstance(outcome, Outcome) else None,
            duration_minutes=self.duration.optional_value(),
        )

    def _blank(self, craving: Craving) -> bool:
        return craving == Craving(id=None, started_at=craving.started_at)

    # -- saving --------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        if self.outcome.value() not in (None, NOT_YET) and self.duration.optional_value() is None:
            self._fill_duration()
        self._dirty = True
        self.status.setText("Saving…")
        self._timer.start()

    def _fill_duration(self) -> None:
        timer_minutes = self.help.timer.elapsed_ms() // 60_000
        opened_minutes = int((datetime.now() - self._opened).total_seconds() // 60)
        self._loading = True
        self.duration.set_optional_value(max(1, timer_minutes, opened_minutes))
        self._loading = False

    def save_now(self, offer_lapse: bool = True) -> bool:
        """Commit what is on screen; True when nothing is left unsaved. A new "I used"
        offers the lapse flow, unless ``offer_lapse`` is False (saving on lock or quit)."""
        self._timer.stop()
        if not self._dirty:
            return True
        craving = self.current()
        if self.craving is None and self._blank(craving):
            self._dirty = False
            return True
        try:
            self.craving = self.cravings.save(craving)
        except (JournalError, CravingError) as error:
            self._show_problem(f"Not saved: {error} What you wrote is still here.")
            return False
        self._dirty = False
        self.status.setText(f"Saved at {datetime.now():%H:%M}")
        self.saved.emit(self.craving)
        if self.craving.outcome is Outcome.USED and not self._used_sent and offer_lapse:
            self._used_sent = True
            self.used.emit(self.craving)
        self._refresh_lapse_line()
        return True

    # -- the lapse that goes with "I used" (ui/dialogs/craving_lapse.py) ----------------
    def _refresh_lapse_line(self) -> None:
        self.lapse.refresh(self.craving)

    def _record_later(self) -> None:
        if self.save_now() and self.craving is not None:
            self.used.emit(self.craving)
        self._refresh_lapse_line()

    def _outcome_changed(self, value: object) -> None:
        """Moving away from "I used" while a lapse is linked asks whether it stays."""
        if value is Outcome.USED or self.craving is None:
            return
        if self.craving.outcome is not Outcome.USED:
            return
        lapses = self.lapse.linked(self.craving)
        if not lapses:
            self.lapse_line.hide()
            return
        if_kept = "this craving's outcome stays \u201cI used\u201d"
        self._asking_keep = True
        try:
            removed = keep_or_remove(self, self.recovery_time, lapses, if_kept)
        finally:
            self._asking_keep = False
        if removed:
            self.lapses_changed.emit()
            return
        self.outcome.setValue(Outcome.USED)

    def _show_problem(self, text: str) -> None:
        self.status.setText(text)

    def _reached(self, contact: Contact) -> None:
        """ "I called Sam": log a reach-out linked to this craving."""
        self._dirty = True
        if not self.save_now() or contact.id is None:
            return
        reach = ReachOut(
            None,
            contact.id,
            datetime.now(),
            Method.CALL,
            None,
            "",
            self.craving.id if self.craving else None,
        )
        try:
            self.contacts.log_reach_out(reach)
        except JournalError as error:
            self._show_problem(str(error))
            return
        who = shortened(contact.name)
        self.status.setText(f"Noted: you reached {who}. Well done for reaching out.")

    def flush(self) -> bool:
        """Save before a lock or quit, without opening the lapse flow midway."""
        return self.save_now(offer_lapse=False)

    def done(self, result: int) -> None:
        self.save_now()
        self.help.timer.pause()
        super().done(result)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._reading_order:  # once laid out: Tab follows the screen, help after "Right now"
            chain_tabs(self._reading_order)
            self._reading_order = []

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_now()
        super().closeEvent(event)
