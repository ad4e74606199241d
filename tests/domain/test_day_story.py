"""Where a day's check-in, cravings and lapses disagree, as pure rules."""

from datetime import date, datetime

from recovery_desktop.domain.cravings import Craving, Outcome
from recovery_desktop.domain.day_story import (
    DayRecords,
    UseToRecord,
    asks_about_lapse,
    craving_needs_lapse,
    lapse_needed,
    lapse_without_yes,
    peak_behind,
    use_to_record,
)
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE, Lapse

DAY = date(2026, 11, 29)


def _craving(hour, intensity, outcome=None):
    return Craving(1, datetime(2026, 11, 29, hour), intensity, outcome=outcome)


LAPSE = Lapse(1, datetime(2026, 11, 29, 20), DEFAULT_SUBSTANCE)


def test_a_yes_without_a_lapse_is_a_use_to_record():
    """ "Used: yes" and no lapse: offer to record it; a lapse that day settles it."""
    assert use_to_record(DayRecords(DAY), True) == UseToRecord()
    assert use_to_record(DayRecords(DAY, lapses=(LAPSE,)), True) is None
    assert use_to_record(DayRecords(DAY), False) is None


def test_a_craving_that_ended_in_using_is_a_use_to_record():
    """The earliest craving marked "I used" is offered, with its time."""
    used = _craving(21, 8, Outcome.USED)
    records = DayRecords(DAY, cravings=(_craving(9, 3), used))
    assert use_to_record(records, None) == UseToRecord(used)


def test_days_before_the_clean_date_need_no_lapse():
    """A day already outside the count is not offered (the lapse would be refused)."""
    assert use_to_record(DayRecords(DAY, clean_since=date(2026, 11, 30)), True) is None
    assert use_to_record(DayRecords(DAY, clean_since=DAY), True) == UseToRecord()


def test_a_lapse_without_yes_is_named():
    """A recorded lapse while "Used today" is no or unanswered."""
    records = DayRecords(DAY, lapses=(LAPSE,))
    assert lapse_without_yes(records, None) and lapse_without_yes(records, False)
    assert not lapse_without_yes(records, True)
    assert not lapse_without_yes(DayRecords(DAY), False)


def test_the_peak_is_behind_only_when_a_logged_craving_was_stronger():
    """Peak 3 with a craving of 7 is behind; unanswered too; 7 or more is not."""
    records = DayRecords(DAY, cravings=(_craving(9, 7), _craving(10, None)))
    assert peak_behind(records, 3) == 7 and peak_behind(records, None) == 7
    assert peak_behind(records, 7) is None and peak_behind(records, 9) is None
    assert peak_behind(DayRecords(DAY, cravings=(_craving(9, None),)), None) is None


def test_moving_away_from_yes_with_a_lapse_asks():
    """Yes to no or unanswered asks; unanswered to no asks; anything to yes does not."""
    records = DayRecords(DAY, lapses=(LAPSE,))
    assert asks_about_lapse(records, True, False) and asks_about_lapse(records, True, None)
    assert asks_about_lapse(records, None, False)
    assert not asks_about_lapse(records, False, None)
    assert not asks_about_lapse(records, None, True)
    assert not asks_about_lapse(DayRecords(DAY), True, False)


def test_one_rule_decides_whether_a_use_still_needs_a_lapse():
    """Any lapse on the day settles it, linked to a craving or not; so does an earlier day."""
    used = _craving(21, 8, Outcome.USED)
    assert lapse_needed(DayRecords(DAY)) and craving_needs_lapse(DayRecords(DAY), used)
    unlinked = DayRecords(DAY, cravings=(used,), lapses=(LAPSE,))
    assert LAPSE.craving_id is None and not craving_needs_lapse(unlinked, used)
    before = DayRecords(DAY, cravings=(used,), clean_since=date(2026, 11, 30))
    assert not lapse_needed(before) and not craving_needs_lapse(before, used)
    assert not craving_needs_lapse(DayRecords(DAY), _craving(9, 3, Outcome.PASSED))
