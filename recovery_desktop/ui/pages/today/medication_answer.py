"""The check-in's "Medication taken" in step with the dose ticks (one source of truth).

Once a dose a schedule expects that day is ticked (``domain.dose_day.ticks_decide``), the
answer is the ticks' (any missed: No; all taken: Yes; else not answered,
``domain.dose_day.medication_answer``): the choice shows it read-only, and a note beside it
says "2 of 2 doses taken · tick them in Today's doses", with a button that takes the
keyboard to the doses. Until then the choice works as before and keeps the user's answer;
when the ticks stop deciding the day (its last tick cleared), the answer shows not answered,
as the journal now stores it (``MedicationRepository.mark_dose``), never the stale one.
Only this one field is set: nothing else typed in the form is touched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from recovery_desktop.domain.dose_day import DueDose, medication_answer, taken_words, ticks_decide
from recovery_desktop.ui.pages.today.checkin_form import CheckInForm
from recovery_desktop.ui.widgets.action_line import ActionLine

FIELD = "medication_taken"
BUTTON = "Go to the doses"


class MedicationAnswer:
    """Shows the ticks' answer in ``form``'s "Medication taken"; ``to_doses`` is run by
    the note's button."""

    def __init__(self, form: CheckInForm, to_doses: Callable[[], object]) -> None:
        self.form = form
        self.note = ActionLine("Medication taken, from the doses", form)
        self.note.button.clicked.connect(to_doses)
        form.place_notes(FIELD, self.note)
        self.derived = False
        self._day: date | None = None  # the day ``derived`` is about

    def show(self, day: date, doses: Sequence[DueDose], where: str) -> None:
        """The answer of ``doses`` (``day``'s), when their ticks decide; ``where`` is the
        doses' card title ("Today's doses"). On the same day, ticks that stopped deciding
        leave it not answered."""
        choice = self.form.yes_no[FIELD]
        stopped_deciding = self.derived and self._day == day
        self.derived, self._day = ticks_decide(doses), day
        choice.setEnabled(not self.derived)
        if not self.derived:
            if stopped_deciding:
                choice.setValue(None)  # as stored by the same change: nothing to save
            self.note.hide()
            choice.setToolTip("")
            return
        choice.setValue(medication_answer(doses))  # without ``changed``: nothing to save
        counted = taken_words(doses)
        text = f"{counted} · tick them in {where}"
        choice.setToolTip(f"Follows the ticks in {where}")
        self.note.say(text, BUTTON, short=counted)
