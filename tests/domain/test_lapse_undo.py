"""Removing a mistaken lapse as pure rules: the ended attempt runs on, the new one goes."""

from datetime import date, datetime, timedelta

import pytest

from recovery_desktop.domain.lapse_undo import LapseUndo, apply_undo, undo_lapse, undo_lapses
from recovery_desktop.domain.recovery_time import (
    DEFAULT_SUBSTANCE,
    CleanPeriod,
    Lapse,
    RecoveryTimeError,
    clean_time,
)

OPIOIDS = DEFAULT_SUBSTANCE
TODAY = date(2026, 11, 29)
FIRST_LAPSE = date(2026, 10, 1)
SECOND_LAPSE = date(2026, 11, 20)


def _lapse(lapse_id, day, substance=OPIOIDS):
    return Lapse(lapse_id, datetime.combine(day, datetime.min.time()), substance)


def _history():
    """60 days, a lapse, 50 days, a lapse, and a count running since the day after."""
    periods = [
        CleanPeriod(1, OPIOIDS, date(2026, 8, 2), FIRST_LAPSE, lapse_id=10),
        CleanPeriod(2, OPIOIDS, FIRST_LAPSE + timedelta(days=1), SECOND_LAPSE, 11, started_by=10),
        CleanPeriod(3, OPIOIDS, SECOND_LAPSE + timedelta(days=1), started_by=11),
    ]
    return periods, [_lapse(10, FIRST_LAPSE), _lapse(11, SECOND_LAPSE)]


def test_undoing_the_latest_lapse_lets_the_ended_attempt_run_on():
    """The attempt the lapse ended is reopened and the one it started is removed."""
    periods, lapses = _history()
    plan = undo_lapse(periods, lapses, 11)
    assert plan == LapseUndo(11, reopen=2, remove=3)
    after, left = apply_undo(periods, lapses, plan)
    assert [lapse.id for lapse in left] == [10]
    time = clean_time(after, OPIOIDS, TODAY)
    assert time.since == FIRST_LAPSE + timedelta(days=1)
    assert time.streak == (TODAY - time.since).days and time.attempts == 2


def test_undoing_gives_back_the_history_from_before_the_lapse():
    """Cumulative days after the undo are those the history had before the lapse."""
    periods, lapses = _history()
    before = clean_time(
        [*periods[:1], CleanPeriod(2, OPIOIDS, periods[1].start, started_by=10)], OPIOIDS, TODAY
    )
    after, _left = apply_undo(periods, lapses, undo_lapse(periods, lapses, 11))
    assert clean_time(after, OPIOIDS, TODAY) == before


def test_an_earlier_lapse_cannot_be_removed_while_a_later_one_exists():
    """Removing the first of two lapses is refused in plain words."""
    periods, lapses = _history()
    with pytest.raises(RecoveryTimeError, match="later lapse on Fri 20 Nov 2026"):
        undo_lapse(periods, lapses, 10)


def test_a_lapse_whose_new_attempt_is_unknown_is_refused():
    """When the attempt it started cannot be found, nothing is guessed."""
    periods, lapses = _history()
    periods[2] = CleanPeriod(3, OPIOIDS, periods[2].start)
    with pytest.raises(RecoveryTimeError, match="can't be taken out cleanly"):
        undo_lapse(periods, lapses, 11)


def test_a_lapse_recorded_without_counting_only_removes_itself():
    """No attempt was ended or started, so only the lapse goes."""
    assert undo_lapse([], [_lapse(5, TODAY)], 5) == LapseUndo(5, None, None)


def test_other_substances_do_not_block_a_removal():
    """A later lapse for alcohol does not stop removing the last opioid lapse."""
    periods, lapses = _history()
    lapses.append(_lapse(12, TODAY, "Alcohol"))
    assert undo_lapse(periods, lapses, 11).remove == 3


def test_several_lapses_are_undone_latest_first_or_not_at_all():
    """Both lapses go together, newest first; one unknown id refuses them all."""
    periods, lapses = _history()
    plans = undo_lapses(periods, lapses, [10, 11])
    assert [plan.lapse_id for plan in plans] == [11, 10]
    assert plans[1] == LapseUndo(10, reopen=1, remove=2)
    with pytest.raises(RecoveryTimeError, match="no longer in your journal"):
        undo_lapses(periods, lapses, [11, 99])
