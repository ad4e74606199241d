"""Removing a lapse that was recorded by mistake, so the history reads as if it never was.

Rules (the user asked for it; nothing is removed without that):
- Only the most recent lapse of a clean time can be removed. With a later lapse of the same
  substance recorded after it, the history in between would no longer add up: refused.
- The attempt the lapse ended runs on again (its end and its lapse are cleared).
- The attempt the lapse started is removed, with any correction of its clean date.
- A lapse that ended an attempt but whose new attempt cannot be found is refused: nothing is
  removed rather than something guessed.
- The lapse itself, and what was written about it, is removed. Check-ins and cravings stay.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from recovery_desktop.domain.calendar_text import short_day
from recovery_desktop.domain.recovery_time import (
    CleanPeriod,
    Lapse,
    RecoveryTimeError,
)


@dataclass(frozen=True)
class LapseUndo:
    """What removing one lapse changes: ``reopen`` runs on again, ``remove`` goes."""

    lapse_id: int
    reopen: int | None
    remove: int | None


def undo_lapse(periods: Sequence[CleanPeriod], lapses: Sequence[Lapse], lapse_id: int) -> LapseUndo:
    """Plan the removal of one lapse; :class:`RecoveryTimeError` when it can't be clean."""
    lapse = next((item for item in lapses if item.id == lapse_id), None)
    if lapse is None:
        raise RecoveryTimeError("That lapse is no longer in your journal.")
    later = [
        item
        for item in lapses
        if item.substance == lapse.substance and (item.at, item.id or 0) > (lapse.at, lapse_id)
    ]
    if later:
        raise RecoveryTimeError(
            f"There is a later lapse on {short_day(later[0].day)} {later[0].day.year} for the "
            "same clean time. Only the most recent lapse can be removed, so it stays as it is."
        )
    ended = next((p for p in periods if p.lapse_id == lapse_id), None)
    started = next((p for p in periods if p.started_by == lapse_id), None)
    if (ended is not None and started is None) or (started is not None and not started.current):
        raise RecoveryTimeError(
            "This lapse can't be taken out cleanly, so it stays as it is. "
            "Your clean time is unchanged."
        )
    return LapseUndo(
        lapse_id,
        ended.id if ended is not None else None,
        started.id if started is not None else None,
    )


def apply_undo(
    periods: Sequence[CleanPeriod], lapses: Sequence[Lapse], undo: LapseUndo
) -> tuple[list[CleanPeriod], list[Lapse]]:
    """The attempts and lapses as they read once ``undo`` is done."""
    kept = [
        replace(p, end=None, lapse_id=None) if p.id == undo.reopen else p
        for p in periods
        if p.id != undo.remove
    ]
    return kept, [lapse for lapse in lapses if lapse.id != undo.lapse_id]


def undo_lapses(
    periods: Sequence[CleanPeriod], lapses: Sequence[Lapse], lapse_ids: Sequence[int]
) -> list[LapseUndo]:
    """Plan removing several lapses, the most recent first; all or nothing."""
    by_id = {lapse.id: lapse for lapse in lapses}
    order = sorted(
        (i for i in set(lapse_ids) if i in by_id),
        key=lambda i: (by_id[i].at, i),
        reverse=True,
    )
    if len(order) != len(set(lapse_ids)):
        raise RecoveryTimeError("That lapse is no longer in your journal.")
    plans: list[LapseUndo] = []
    now_periods, now_lapses = list(periods), list(lapses)
    for lapse_id in order:
        plan = undo_lapse(now_periods, now_lapses, lapse_id)
        now_periods, now_lapses = apply_undo(now_periods, now_lapses, plan)
        plans.append(plan)
    return plans
