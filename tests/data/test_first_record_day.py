"""'Since the beginning' starts at the earliest record of any kind, not the first check-in."""

from datetime import date, datetime, timedelta

import pytest

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.contacts import Contact, ReachOut, Role
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.periods import MAX_RANGE_DAYS, Period, preset
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE, Lapse
from recovery_desktop.domain.summary import SummaryNotes

TODAY = date.today()
FIRST_CHECKIN = TODAY - timedelta(days=20)
EARLY = TODAY - timedelta(days=75)


def _at(day: date, hour: int = 20) -> datetime:
    return datetime.combine(day, datetime.min.time()).replace(hour=hour)


def _craving(journal, day):
    journal.cravings.save(Craving(None, _at(day), 6))


def _reach_out(journal, day):
    sam = journal.contacts.save(Contact(None, "Sam", Role.SPONSOR))
    journal.contacts.log_reach_out(ReachOut(None, sam.id, _at(day)))


def _lapse(journal, day):
    journal.recovery_time.record_lapse(Lapse(None, _at(day), DEFAULT_SUBSTANCE), None, TODAY)


def _clean_date(journal, day):
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, day, TODAY)


def _summary_goal(journal, day):
    journal.summary_notes.save(Period(day, day + timedelta(days=6)), SummaryNotes(goals=("Walk",)))


KINDS = {
    "craving": _craving,
    "reach-out": _reach_out,
    "lapse": _lapse,
    "clean date": _clean_date,
    "summary goal": _summary_goal,
}


@pytest.mark.parametrize("record", KINDS.values(), ids=KINDS.keys())
def test_the_first_day_is_the_earliest_record_of_any_kind(journal, record):
    """A record of any kind made before the first check-in moves the first day back to it."""
    journal.checkins.save(CheckIn(FIRST_CHECKIN, mood=5))
    assert journal.first_day() == FIRST_CHECKIN
    record(journal, EARLY)
    assert journal.first_day() == EARLY


def test_a_journal_without_records_has_no_first_day(journal):
    """The pre-filled library and crisis lines are not records of the user's days."""
    assert journal.first_day() is None


def test_empty_summary_lists_are_not_a_record(journal):
    """Opening a summary and leaving its lists empty does not move "All" back."""
    journal.checkins.save(CheckIn(FIRST_CHECKIN, mood=5))
    journal.summary_notes.save(Period(EARLY, EARLY + timedelta(days=6)), SummaryNotes())
    assert journal.first_day() == FIRST_CHECKIN


def test_all_since_a_very_old_record_is_the_longest_range_there_can_be(journal):
    """A lapse in 1990 makes "All" the last twenty years, instead of failing."""
    journal.checkins.save(CheckIn(FIRST_CHECKIN, mood=5))
    _lapse(journal, date(1990, 3, 14))
    everything = preset("all", TODAY, journal.first_day())
    assert everything.end == TODAY and everything.start.weekday() == 0
    assert MAX_RANGE_DAYS - 7 < (everything.end - everything.start).days <= MAX_RANGE_DAYS
