"""Adherence "so far": the days that are over, plus today's doses once ticked.

A dose of today not ticked yet is not counted while the day is still running, so an
evening dose never reads as not taken in the morning; the Trends chart counts the same way
(``data/visits_read.py``). A missed dose is information, never a reprimand.
"""

from __future__ import annotations

from collections.abc import Iterable

from recovery_desktop.domain.dose_day import DueDose
from recovery_desktop.domain.medication import Adherence, DoseMark


def so_far(before_today: Adherence, today: Iterable[DueDose], medication_id: int) -> Adherence:
    """``before_today`` (the adherence of the days that are over) with the doses of today
    of ``medication_id`` that are ticked taken or missed ("as needed" ones never count)."""
    ticked = [
        dose.mark
        for dose in today
        if dose.medication_id == medication_id and not dose.as_needed and dose.mark is not None
    ]
    taken = sum(1 for mark in ticked if mark is DoseMark.TAKEN)
    return Adherence(
        before_today.expected + len(ticked),
        before_today.taken + taken,
        before_today.missed + len(ticked) - taken,
    )
