"""The lapse that goes with a craving's "I used", for the craving panel: whether the day
still needs one recorded (then a line keeps recording it one click away) and which
lapses are linked to the craving (asked about when its outcome moves away from "I used")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.day_story import DayRecords, craving_needs_lapse
from recovery_desktop.domain.recovery_time import Lapse
from recovery_desktop.ui.widgets.action_line import ActionLine

if TYPE_CHECKING:
    from recovery_desktop.data.recovery_time import RecoveryTimeRepository


class CravingLapse:
    """Reads lapses through ``recovery_time`` and ``day_records(day, today)`` (the
    journal's query of a day's cravings, lapses and clean date) and shows on ``line``
    whether the craving's day still needs its lapse recorded. A read that fails counts as
    nothing to show: the panel's own saving is what must not fail."""

    def __init__(
        self,
        recovery_time: RecoveryTimeRepository,
        day_records: Callable[[date, date], DayRecords],
        line: ActionLine,
    ) -> None:
        self.recovery_time, self.day_records, self.line = recovery_time, day_records, line

    def linked(self, craving: Craving | None) -> list[Lapse]:
        """The lapses recorded from this craving's "I used"."""
        if craving is None or craving.id is None:
            return []
        try:
            return self.recovery_time.lapses_of_craving(craving.id)
        except JournalError:
            return []

    def needed(self, craving: Craving | None) -> bool:
        """The rule Today follows (``domain.day_story``): any lapse on the day settles it."""
        if craving is None:
            return False
        try:
            records = self.day_records(craving.day, date.today())
        except JournalError:
            return False
        return craving_needs_lapse(records, craving)

    def refresh(self, craving: Craving | None) -> None:
        """After "Not now", the lapse flow stays one click away while the day needs it."""
        if self.needed(craving):
            self.line.say("Record the lapse when you're ready.", "Rec&ord it…", "Not recorded yet.")
        else:
            self.line.hide()
