"""The check-in repository against a real encrypted journal."""

from datetime import date

import pytest

from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.checkin import CheckIn, CheckInError, Halt
from tests.conftest import PASSPHRASE

DAY = date(2026, 11, 16)

FULL = CheckIn(
    DAY,
    mood=7,
    craving_peak=3,
    stress=4,
    sleep_hours=7.5,
    sleep_quality=6,
    energy=5,
    halt=frozenset({Halt.LONELY, Halt.TIRED}),
    used=False,
    meeting=True,
    therapy=None,
    medication_taken=True,
    exercise_minutes=30,
    note="Walked by the river. 🌊 Called Sam.",
)


def test_every_field_reads_back_after_reopening(journal, files):
    """What is saved is exactly what comes back, across a close and reopen."""
    journal.checkins.save(FULL)
    journal.close()
    reopened = open_with_passphrase(files, PASSPHRASE)
    assert reopened.checkins.get(DAY) == FULL
    reopened.close()


def test_not_answered_stays_distinct_from_no(journal):
    """used=None and used=False are stored and read back differently."""
    journal.checkins.save(CheckIn(DAY, used=False, mood=5))
    journal.checkins.save(CheckIn(date(2026, 11, 17), used=None, mood=5))
    assert journal.checkins.get(DAY).used is False
    assert journal.checkins.get(date(2026, 11, 17)).used is None


def test_saving_again_updates_the_same_day(journal):
    """One check-in per day: a second save edits it."""
    journal.checkins.save(FULL)
    journal.checkins.save(FULL.with_changes(mood=2, note=""))
    assert journal.checkins.count() == 1
    assert journal.checkins.get(DAY).mood == 2


def test_clearing_every_answer_removes_the_day(journal):
    """A day with nothing answered does not count as checked in."""
    journal.checkins.save(FULL)
    journal.checkins.save(CheckIn(DAY))
    assert journal.checkins.get(DAY) is None
    assert journal.checkins.count() == 0


def test_invalid_values_are_refused_before_writing(journal):
    """Validation happens first; the journal is untouched."""
    with pytest.raises(CheckInError):
        journal.checkins.save(CheckIn(DAY, mood=12))
    assert journal.checkins.count() == 0


def test_range_queries_return_days_in_order(journal):
    """between() is inclusive and sorted."""
    days = [date(2026, 11, d) for d in (20, 3, 11)]
    journal.checkins.save_many(CheckIn(d, mood=5) for d in days)
    got = journal.checkins.between(date(2026, 11, 3), date(2026, 11, 11))
    assert [c.day for c in got] == [date(2026, 11, 3), date(2026, 11, 11)]
    assert journal.checkins.days_with_checkins(date(2026, 11, 1), date(2026, 11, 30)) == set(days)


def test_preferences_are_kept_inside_the_journal(journal, files):
    """Auto-lock minutes survive a reopen; out-of-range values are refused."""
    assert journal.preferences.auto_lock_minutes() == 5
    journal.preferences.set_auto_lock_minutes(12)
    with pytest.raises(ValueError):
        journal.preferences.set_auto_lock_minutes(0)
    journal.close()
    reopened = open_with_passphrase(files, PASSPHRASE)
    assert reopened.preferences.auto_lock_minutes() == 12
    reopened.close()
