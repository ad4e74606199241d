from datetime import date
from statistics import mean

import pytest

from recovery_desktop.domain.demo import MAX_WEEKS, demo_checkins, shape

END = date(2026, 11, 21)


def test_the_same_seed_gives_the_same_journal():
    """Deterministic for a seed; a different seed differs."""
    assert list(demo_checkins(4, END, seed=3)) == list(demo_checkins(4, END, seed=3))
    assert list(demo_checkins(4, END, seed=3)) != list(demo_checkins(4, END, seed=4))


def test_demo_covers_the_period_with_a_few_days_missing():
    """Most days have a check-in, some do not, none fall outside the period."""
    checkins = list(demo_checkins(8, END))
    plan = shape(8, END)
    assert all(plan.start <= c.day <= END for c in checkins)
    assert 45 <= len(checkins) < 56


def test_one_lapse_midway_after_warning_signs():
    """Exactly one "used" day, in the middle, after days of rising stress and cravings."""
    checkins = list(demo_checkins(8, END))
    used = [c.day for c in checkins if c.used]
    assert used == [shape(8, END).lapse_day]
    before = [c for c in checkins if 0 < (used[0] - c.day).days <= 4]
    calm = [c for c in checkins if (used[0] - c.day).days > 10]
    assert mean(c.craving_peak for c in before) > mean(c.craving_peak for c in calm)


def test_weekdays_carry_more_stress_than_weekends():
    """The weekday and weekend rhythm shows in the numbers."""
    checkins = list(demo_checkins(26, END, seed=7))
    weekday = mean(c.stress for c in checkins if c.day.weekday() < 5)
    weekend = mean(c.stress for c in checkins if c.day.weekday() >= 5)
    assert weekday > weekend + 1


def test_not_answered_appears_as_well_as_no():
    """Some days leave "used today" unanswered, which must stay distinct from "no"."""
    checkins = list(demo_checkins(8, END))
    assert any(c.used is None for c in checkins)
    assert any(c.used is False for c in checkins)


def test_every_generated_checkin_is_valid():
    """Ten years of demo data pass validation."""
    for checkin in demo_checkins(MAX_WEEKS, END, seed=2):
        checkin.validate()


@pytest.mark.parametrize("weeks", [0, MAX_WEEKS + 1])
def test_weeks_outside_the_range_are_refused(weeks):
    """1 to 520 weeks."""
    with pytest.raises(ValueError):
        list(demo_checkins(weeks, END))
