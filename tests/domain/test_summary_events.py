"""The summary's recovery numbers: clean time at a period's end, people by role, what helped."""

from datetime import date, datetime

from recovery_desktop.domain.contacts import Contact, ReachOut, Role
from recovery_desktop.domain.cravings import CopingEffect
from recovery_desktop.domain.recovery_time import CleanPeriod, clean_time
from recovery_desktop.domain.summary_events import (
    UNKNOWN,
    as_of,
    clean_time_at,
    reach_by_role,
    what_helped,
)

OPIOIDS = "Heroin and other opioids"
HISTORY = (
    CleanPeriod(1, OPIOIDS, date(2026, 9, 1), date(2026, 10, 10), lapse_id=1),
    CleanPeriod(2, OPIOIDS, date(2026, 10, 11), date(2026, 11, 5), lapse_id=2),
    CleanPeriod(3, OPIOIDS, date(2026, 11, 6)),
    CleanPeriod(4, "Alcohol", date(2026, 11, 1)),
)


def test_clean_time_at_the_end_of_a_period_ignores_what_came_later():
    """On 20 October the second attempt was running: its later lapse and the third
    attempt do not count yet."""
    (opioids,) = clean_time_at(HISTORY, date(2026, 10, 20))
    assert opioids.substance == OPIOIDS
    assert opioids.time is not None
    assert (opioids.time.since, opioids.time.streak) == (date(2026, 10, 11), 9)
    assert opioids.cumulative == 39 + 9 == opioids.time.cumulative


def test_clean_time_at_matches_clean_time_when_the_period_ends_today():
    """With nothing after the day, the numbers are clean_time's own."""
    day = date(2026, 11, 21)
    found = {entry.substance: entry for entry in clean_time_at(HISTORY, day)}
    assert list(found) == [OPIOIDS, "Alcohol"]  # the default substance first
    for substance, entry in found.items():
        assert entry.time == clean_time(HISTORY, substance, day)


def test_a_period_ending_on_the_day_of_a_lapse_has_no_running_streak():
    """The next attempt starts after the period, so only the cumulative days are given."""
    (opioids,) = clean_time_at(HISTORY, date(2026, 10, 10))
    assert opioids.time is None
    assert opioids.cumulative == 39


def test_as_of_reopens_attempts_that_ended_later():
    """An attempt that ended after the day was still running on it."""
    periods = as_of(HISTORY, date(2026, 11, 1))
    assert [p.id for p in periods] == [1, 2, 4]
    assert periods[1].current and periods[0].end == date(2026, 10, 10)


def test_reach_outs_are_counted_by_role_with_names_most_often_first():
    """Roles follow the Role order; each role lists who was reached and how often."""
    contacts = [
        Contact(1, "Sam", Role.SPONSOR),
        Contact(2, "Jordan", Role.FRIEND),
        Contact(3, "Kim", Role.FRIEND, archived=True),
    ]
    at = datetime(2026, 11, 18, 12, 0)
    reach = [ReachOut(None, cid, at) for cid in (2, 3, 3, 1, 9)]
    found = reach_by_role(reach, contacts)
    assert [(r.role, r.count) for r in found] == [(Role.SPONSOR, 1), (Role.FRIEND, 4)]
    assert found[1].names == (("Kim", 2), ("Jordan", 1), (UNKNOWN, 1))


def test_what_helped_keeps_actions_that_lowered_cravings():
    """Actions whose average drop is zero or negative are not listed as helping."""
    effects = [
        CopingEffect("Walk", 1, 4.0),
        CopingEffect("Call", 3, 2.5),
        CopingEffect("Scroll", 2, 0.0),
        CopingEffect("Music", 1, 1.0),
    ]
    assert [e.name for e in what_helped(effects, limit=2)] == ["Walk", "Call"]
    assert [e.name for e in what_helped(effects)] == ["Walk", "Call", "Music"]
