"""What one day's check-in, cravings and lapses say together, and where they disagree.

Nothing here changes a record: each rule only names a disagreement so that the screen can
offer one click to settle it. The user's own answers are never overwritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from recovery_desktop.domain.cravings import Craving, Outcome
from recovery_desktop.domain.recovery_time import Lapse


@dataclass(frozen=True)
class DayRecords:
    """The day's cravings and lapses as stored, and the current clean date, if any."""

    day: date
    cravings: tuple[Craving, ...] = ()
    lapses: tuple[Lapse, ...] = ()
    clean_since: date | None = None


@dataclass(frozen=True)
class UseToRecord:
    """A "used" answer without a lapse; ``craving`` when it was a craving's outcome."""

    craving: Craving | None = None


def lapse_needed(records: DayRecords) -> bool:
    """The one rule for "does a use on this day still need a lapse recorded?": only when no
    lapse is recorded for the day (any lapse settles it, whether or not it is linked to a
    craving) and the day is not before the current clean date (such days are already not
    counted as clean, and a lapse there would be refused)."""
    if records.lapses:
        return False
    return records.clean_since is None or records.day >= records.clean_since


def craving_needs_lapse(records: DayRecords, craving: Craving) -> bool:
    """A craving (on ``records.day``) that ended in using, on a day that needs a lapse."""
    return craving.outcome is Outcome.USED and lapse_needed(records)


def use_to_record(records: DayRecords, used: bool | None) -> UseToRecord | None:
    """The day says "used" (the check-in, or a craving that ended in using) but needs a
    lapse recorded (:func:`lapse_needed`)."""
    if not lapse_needed(records):
        return None
    if used is True:
        return UseToRecord()
    used_cravings = [c for c in records.cravings if c.outcome is Outcome.USED]
    if used_cravings:
        return UseToRecord(min(used_cravings, key=lambda c: c.started_at))
    return None


def lapse_without_yes(records: DayRecords, used: bool | None) -> bool:
    """A lapse is recorded for the day while "Used today" is not "yes"."""
    return bool(records.lapses) and used is not True


def strongest_craving(cravings: Sequence[Craving]) -> int | None:
    rated = [c.intensity for c in cravings if c.intensity is not None]
    return max(rated) if rated else None


def peak_behind(records: DayRecords, peak: int | None) -> int | None:
    """The strongest logged craving, when it is higher than the check-in's craving peak
    (or the peak is unanswered); otherwise None."""
    strongest = strongest_craving(records.cravings)
    if strongest is None or (peak is not None and peak >= strongest):
        return None
    return strongest


def asks_about_lapse(records: DayRecords, before: bool | None, after: bool | None) -> bool:
    """Changing "Used today" from ``before`` to ``after`` newly disagrees with a recorded
    lapse: away from "yes", or from "not answered" to "no"."""
    if not records.lapses or after is True:
        return False
    return before is True or (before is None and after is False)
