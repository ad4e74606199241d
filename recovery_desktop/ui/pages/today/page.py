"""Today: the daily check-in for any day, autosaved as you go."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.changes import Change
from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.journal import Journal
from recovery_desktop.domain.calendar_text import day_heading
from recovery_desktop.domain.checkin import CheckIn, CheckInError
from recovery_desktop.domain.contacts import (
    call_first,
    days_without_reaching_out,
    needs_gentle_note,
)
from recovery_desktop.domain.day_story import DayRecords, asks_about_lapse
from recovery_desktop.domain.wording import plural
from recovery_desktop.ui.dialogs.keep_lapse import keep_or_remove
from recovery_desktop.ui.pages.today.checkin_form import CheckInForm
from recovery_desktop.ui.pages.today.coming_up import ComingUpCard
from recovery_desktop.ui.pages.today.day_card import DayCard
from recovery_desktop.ui.pages.today.doses_card import DosesCard
from recovery_desktop.ui.pages.today.medication_answer import MedicationAnswer
from recovery_desktop.ui.pages.today.story import DayStory
from recovery_desktop.ui.widgets.choice import SegmentedChoice
from recovery_desktop.ui.widgets.clean_badge import CleanBadge
from recovery_desktop.ui.widgets.day_picker import DayPicker, allowed
from recovery_desktop.ui.widgets.layout import page_heading, scroll_area
from recovery_desktop.ui.widgets.save_status import SaveStatus

AUTOSAVE_DELAY_MS = 700
_STORY = frozenset({Change.CRAVINGS, Change.CLEAN_TIME})  # the day's lines under the form
_NOTE = frozenset({Change.CONTACTS, Change.REACH_OUTS, Change.PREFERENCES})  # gentle note
_DAY_CARD = frozenset({Change.DAY_PLAN, Change.PREFERENCES})  # plan and waking window
_DOSES = frozenset({Change.MEDICATION})  # the doses card and the check-in's answer
_COMING_UP = frozenset({Change.APPOINTMENTS})


class TodayPage(QWidget):
    """Edits one day's check-in. ``flush()`` saves anything not yet saved."""

    title = "Today"
    # What Today shows: the day's story, the badge, the gentle note, and a check-in that
    # came from outside its form (an import).
    shows = _STORY | _NOTE | _DAY_CARD | _DOSES | _COMING_UP | {Change.REPLACED}
    saved = Signal(object)  # the day that was saved
    used_answered = Signal(object)  # a day newly answered "used: yes" (opens the lapse flow)
    lapse_wanted = Signal(object, object)  # (day, craving or None): "Record it…" was clicked
    my_day_wanted = Signal()  # "Open My day" on the day card
    medication_wanted = Signal()  # "Medication & visits…" on the doses or coming-up card

    def __init__(
        self,
        journal: Journal,
        drafts: dict[date, CheckIn] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.drafts = drafts if drafts is not None else {}
        self.day = date.today()
        self._dirty = False
        self._touched = False  # edited since the day was loaded
        self._follows_today = True  # showing the day that was today when it was loaded
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._stored_used: bool | None = None
        self._shown_used: bool | None = None
        self._records = DayRecords(self.day)
        self._note_stale = True  # read the gentle note again when next shown
        self.form = CheckInForm(self)
        self.story = DayStory(self.form)
        self.status = SaveStatus(self)
        self.badge = CleanBadge(journal.recovery_time, self)
        self.gentle_note = QLabel(self)
        self.gentle_note.setObjectName("gentleNote")
        self.gentle_note.setWordWrap(True)
        self.gentle_note.setTextFormat(Qt.TextFormat.PlainText)
        self.gentle_note.setAccessibleName("A gentle note")
        self.gentle_note.hide()
        self.day_card = DayCard(journal.day_plan, journal.preferences, parent=self)
        self.day_card.open_my_day.connect(self.my_day_wanted.emit)
        self.doses_card = DosesCard(journal.medication, parent=self)
        self.coming_up = ComingUpCard(journal.appointments, parent=self)
        for card in (self.doses_card, self.coming_up):
            card.open_medication.connect(self.medication_wanted.emit)
        self.medication_answer = MedicationAnswer(self.form, self._to_doses)
        self._build()
        self.form.changed.connect(self._on_changed)
        self.form.yes_no["used"].valueChanged.connect(self._used_changed)
        self.story.record_lapse.connect(lambda craving: self.lapse_wanted.emit(self.day, craving))
        self.story.mark_used.connect(lambda: self._set_answer(self.form.yes_no["used"], True))
        self.story.use_peak.connect(lambda v: self._set_answer(self.form.scales["craving_peak"], v))
        self.load(self.day)  # Coming up too

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = page_heading("", self)
        self.picker = DayPicker("Day of the check-in", parent=self)
        self.picker.day_chosen.connect(self.go_to)
        self.picker.add_shortcuts(self)
        self.date_edit = self.picker.date_edit
        self.next_button = self.picker.next_button
        self.today_button = self.picker.today_button

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.picker)
        hint = QLabel("Every question is optional. Changes are saved as you go.", self)
        hint.setObjectName("hintLabel")
        hint.setWordWrap(True)
        second = QHBoxLayout()
        second.addWidget(self.badge)
        second.addSpacing(16)
        second.addWidget(hint, 1)
        second.addWidget(self.status)

        scroll = scroll_area(self.form, self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.gentle_note)
        layout.addWidget(self.day_card)
        cards = QHBoxLayout()
        cards.addWidget(self.doses_card, 3)
        cards.addWidget(self.coming_up, 2)
        layout.addLayout(cards)
        layout.addWidget(scroll, 1)

    # -- navigation ----------------------------------------------------------------------
    def step(self, days: int) -> None:
        self.picker.step(days)

    def go_to(self, day: date) -> None:
        if day == self.day or not allowed(day):
            return
        self.flush()
        self.load(day)

    def load(self, day: date) -> None:
        self.day = day
        self._touched = False
        self._follows_today = day == date.today()
        self.picker.show_day(day)
        self.heading.setText(self._heading_text(day))
        draft = self.drafts.get(day)
        try:
            stored = self.journal.checkins.get(day)
        except JournalError as error:
            stored = None
            self.status.set_state("error", str(error))
        self.form.load(draft or stored or CheckIn(day))
        self.day_card.show_day(day)
        self.doses_card.show_day(day)
        self.coming_up.show_day(day)
        self._show_medication_answer()
        self._stored_used = stored.used if stored else None
        self._shown_used = self.form.yes_no["used"].value()  # type: ignore[assignment]
        self.refresh_story()
        self._dirty = draft is not None
        if draft is not None:
            self.save_now()
        elif stored is not None:
            self.status.set_state("saved", "Saved")
        else:
            self.status.set_state("empty", "Nothing saved for this day yet")

    @staticmethod
    def _heading_text(day: date) -> str:
        return day_heading(day, date.today())

    # -- saving --------------------------------------------------------------------------
    def _on_changed(self) -> None:
        self._dirty = True
        self._touched = True
        self.status.set_state("pending", "Saving…")
        self._timer.start()
        self._show_story()

    def save_now(self, offer_lapse: bool = True) -> bool:
        """Save the form as one committed transaction; True when nothing is left unsaved.

        A new "used: yes" offers the lapse flow, unless ``offer_lapse`` is False (saving on
        lock, quit or leaving the page: the line on Today still offers it later)."""
        self._timer.stop()
        if not self._dirty:
            return True
        # "Used today" as last settled: while "Keep the lapse?" is open the new answer is
        # not yet the user's (a lock or an autosave meanwhile keeps the old one).
        checkin = replace(self.form.to_checkin(self.day), used=self._shown_used)
        try:
            self.journal.checkins.save(checkin)
        except (JournalError, CheckInError) as error:
            self.drafts[self.day] = checkin
            self.status.set_state("error", f"Not saved: {error} Your entry is kept on screen.")
            return False
        self.drafts.pop(self.day, None)
        self._dirty = False
        self.status.set_state("saved", f"Saved at {datetime.now():%H:%M}")
        self.saved.emit(self.day)
        newly_used = checkin.used is True and self._stored_used is not True
        self._stored_used = checkin.used
        if newly_used and offer_lapse:
            self.used_answered.emit(self.day)
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._follow_today()
        if self._note_stale:
            self.refresh_gentle_note()

    def data_changed(self, kinds: frozenset[Change]) -> None:
        """Records Today shows changed (``ui/change_signal.py`` calls this while Today is
        visible, else when it is next shown). The gentle note waits for the next show, so it
        never appears above the form while the user is working in it."""
        if Change.REPLACED in kinds:
            self.records_added()
        if kinds & _STORY:
            self.refresh_story()
        if Change.CLEAN_TIME in kinds:
            self.badge.refresh()
        if kinds & _NOTE:
            self._note_stale = True
        if kinds & (_DAY_CARD | {Change.REPLACED}):
            self.day_card.refresh()
        if kinds & (_DOSES | {Change.REPLACED}):
            self.doses_card.refresh()
            self._show_medication_answer()
        if kinds & (_COMING_UP | {Change.REPLACED}):
            self.coming_up.refresh()

    # -- medication: the day's doses and the check-in's answer, in step -------------------
    def _show_medication_answer(self) -> None:
        """ "Medication taken" as the day's ticks say, once they decide; only
        that field changes, so what is typed elsewhere in the form stays."""
        self.medication_answer.show(self.day, self.doses_card.doses, self.doses_card.heading.text())

    def _to_doses(self) -> None:
        """The note's button: the keyboard to the first dose not ticked yet (else the
        first)."""
        rows = self.doses_card.list.rows
        if rows:
            row = next((r for r in rows if r.dose.mark is None), rows[0])
            row.taken.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the date changing while the app runs --------------------------------------------
    def day_changed(self, today: date) -> None:
        """The local date changed (midnight, a resume from sleep). The title, the date
        field's limit and ▶ follow at once; the page moves on to the new day only if it was
        showing the old one and the user is not working in it (else the next time Today is
        shown). What was typed is saved first, or kept as a draft if it cannot be."""
        self.picker.set_today(today)
        self.heading.setText(self._heading_text(self.day))
        self.badge.refresh()
        self.day_card.refresh()
        self.coming_up.refresh()
        self.doses_card.refresh()  # "Today's doses" or the date
        self._note_stale = True
        if self.isVisible() and self._touched:
            self.refresh_story()
            return
        self._follow_today()
        if self.isVisible():
            self.refresh_gentle_note()
        self.refresh_story()

    def _follow_today(self) -> None:
        """Move from the day that was today to the new today, when that was the default."""
        if self._follows_today and self.day < date.today():
            self.go_to(date.today())

    # -- the day's story: check-in, cravings and lapses that agree -----------------------
    def refresh_story(self) -> None:
        """Read the day's cravings and lapses again (after anything was logged or recorded)."""
        try:
            self._records = self.journal.day_records(self.day, date.today())
        except JournalError:
            self._records = DayRecords(self.day)
        self._show_story()

    def _show_story(self) -> None:
        """The lines for what is on screen; "Used today" as last settled (not while the
        keep-the-lapse question is open)."""
        checkin = replace(self.form.to_checkin(self.day), used=self._shown_used)
        self.story.update_for(self._records, checkin, self.day == date.today())

    def _set_answer(self, choice: SegmentedChoice, value: object) -> None:
        """One click from a story line: the answer changes as if the user had chosen it."""
        choice.setValue(value)
        choice.valueChanged.emit(value)

    def _used_changed(self, value: bool | None) -> None:
        """Moving away from "yes" while a lapse is recorded asks whether it stays."""
        before = self._shown_used
        if not asks_about_lapse(self._records, before, value):
            self._shown_used = value
            self._show_story()
            return
        if_kept = "the answer stays as it was, so the day and the lapse agree"
        if keep_or_remove(self, self.journal.recovery_time, self._records.lapses, if_kept):
            self._shown_used = value
            self.refresh_story()
            return
        self._set_answer(self.form.yes_no["used"], before)

    def refresh_gentle_note(self) -> None:
        """A kind nudge when nobody has been reached for a while (never a reproach). Read
        only when Today is shown (it does not depend on the day), so it never appears or goes
        above the form while the user is working in it."""
        try:
            last = self.journal.contacts.last_reach_out()
            after = self.journal.preferences.reach_out_reminder_days()
            first = call_first(self.journal.contacts.contacts(), 1)
        except JournalError:
            return
        self._note_stale = False
        days = days_without_reaching_out(last, date.today())
        show = needs_gentle_note(last, date.today(), after)
        if show and days is not None:
            who = f" A short call or text to {first[0].name} could help." if first else ""
            self.gentle_note.setText(
                f"It's been {plural(days, 'day')} since you last reached out to someone.{who}"
            )
        self.gentle_note.setVisible(show)

    def flush(self) -> bool:
        return self.save_now(offer_lapse=False)

    def records_added(self) -> None:
        """Records came from outside this page (an import may bring the shown day's
        check-in): show the day as stored now, unless something typed is not saved yet,
        so that a later edit never saves the old form over what came in."""
        if not self._dirty:
            self.load(self.day)

    def focus_first(self) -> None:
        self.form.first_field().setFocus()

    def has_unsaved_changes(self) -> bool:
        return self._dirty
